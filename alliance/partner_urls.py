"""Contributor pages served by alliance/partners.py, under /contributors/ next to the
contributors app's own pages (contributors/urls.py, included first, so "join/" wins)."""

from django.urls import path

from alliance import partners

app_name = "contributors_public"

urlpatterns = [
    path("dashboard/", partners.dashboard, name="dashboard"),
    path("dashboard.csv", partners.dashboard_csv, name="dashboard_csv"),
    path("<slug:slug>/", partners.organisation, name="organisation"),
]
