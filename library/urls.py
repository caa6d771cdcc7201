from django.urls import path

from library import views

app_name = "library"

urlpatterns = [
    path("", views.search, name="search"),
    path("collections/", views.my_collections, name="my_collections"),
    path("collections/items/<int:item_id>/", views.item_update, name="item_update"),
    path("c/<str:token>/", views.collection, name="collection"),
    path("c/<str:token>/copy/", views.collection_copy, name="collection_copy"),
    path("c/<str:token>/delete/", views.collection_delete, name="collection_delete"),
    path("pages/<slug:slug>/", views.partner_page, name="page"),
    path("<slug:slug>/", views.material, name="material"),
    path("<slug:slug>/download/", views.download, name="download"),
    path("<slug:slug>/add/", views.collection_add, name="collection_add"),
]
