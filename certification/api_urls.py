from django.urls import path

from certification.api import views as api

app_name = "certification_api"

programme_prefix = "programmes/<slug:slug>/"

urlpatterns = [
    # <str:...>: a malformed id reaches the view, which answers 404 like for an unknown one.
    path("verify/<str:certificate_id>/", api.VerifyView.as_view(), name="verify"),
    path("certificates/", api.MyCertificatesView.as_view(), name="certificates"),
    path(
        "certificates/<uuid:certificate_id>/credential/",
        api.CredentialView.as_view(),
        name="credential",
    ),
    path("programmes/", api.ProgrammeListView.as_view(), name="programmes"),
    path(programme_prefix + "quote/", api.QuoteView.as_view(), name="quote"),
    path(programme_prefix + "checkout/", api.CheckoutView.as_view(), name="checkout"),
    path("orders/", api.MyOrdersView.as_view(), name="orders"),
    path("orders/<uuid:order_id>/", api.OrderView.as_view(), name="order"),
]
