"""Every API route, under /api/. Each app's api.py owns its views; this file only mounts them."""

from django.urls import include, path

urlpatterns = [
    path("", include("courses.api_urls")),
    path("library/", include("library.api_urls")),
    path("", include("workshops.api_urls")),
    path("certification/", include("certification.api_urls")),
]
