from django.urls import path

from library.api import views as api

app_name = "library_api"

collection_prefix = "collections/<int:collection_id>/"

urlpatterns = [
    path("materials/", api.MaterialSearchView.as_view(), name="materials"),
    path("materials/<slug:slug>/", api.MaterialView.as_view(), name="material"),
    path("collections/", api.CollectionsView.as_view(), name="collections"),
    path(collection_prefix, api.CollectionView.as_view(), name="collection"),
    path(collection_prefix + "items/", api.CollectionItemsView.as_view(), name="collection_items"),
    path(
        collection_prefix + "items/<int:item_id>/",
        api.CollectionItemView.as_view(),
        name="collection_item",
    ),
    path(collection_prefix + "order/", api.CollectionOrderView.as_view(), name="collection_order"),
    path("shared/<str:token>/", api.SharedCollectionView.as_view(), name="shared"),
    path("shared/<str:token>/copy/", api.SharedCollectionCopyView.as_view(), name="shared_copy"),
]
