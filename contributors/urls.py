from django.urls import path

from contributors import views

app_name = "contributors"

urlpatterns = [
    path("join/", views.apply, name="apply"),
    path("join/thanks/", views.applied, name="applied"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("", views.directory, name="directory"),
]
