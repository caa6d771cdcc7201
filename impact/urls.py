from django.urls import path

from impact import views

app_name = "impact"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("csv/<slug:table>/", views.dashboard_csv, name="csv"),
    path("public/", views.public, name="public"),
]
