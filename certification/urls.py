from django.urls import path

from certification import views

app_name = "certification"

urlpatterns = [
    path("", views.programme_list, name="programmes"),
    path("stripe/webhook/", views.stripe_webhook, name="stripe_webhook"),
    path("orders/return/", views.checkout_return, name="checkout_return"),
    path("orders/<uuid:order_id>/", views.order, name="order"),
    path("certificates/<uuid:certificate_id>/pdf/", views.certificate_pdf, name="pdf"),
    path(
        "certificates/<uuid:certificate_id>/credential.jwt",
        views.certificate_credential,
        name="credential",
    ),
    path("<slug:slug>/", views.programme, name="programme"),
    path("<slug:slug>/checkout/", views.checkout, name="checkout"),
    path("<slug:slug>/waiver/", views.waiver, name="waiver"),
    path("<slug:slug>/project/", views.project, name="project"),
]
