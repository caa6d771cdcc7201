from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView

from alliance import api_docs, review_queue, views
from alliance.accounts import views as account_views
from certification import views as certification_views
from contributors.admin_site import partner_admin
from courses import views as course_views
from library import oai_views

# Admin sign-in goes through allauth, so its rate limits and multi-factor step apply there too.
admin.site.login = login_required(admin.site.login)
partner_admin.login = login_required(partner_admin.login)
admin.site.site_header = "Alliance"
admin.site.site_title = "Alliance"

urlpatterns = [
    path("", views.home, name="home"),
    path("health/", views.health, name="health"),
    path("i18n/setlang/", account_views.set_language, name="set_language"),
    path("accounts/", include("alliance.accounts.urls")),
    path("accounts/", include("allauth.urls")),
    path("courses/", include("courses.urls")),
    path("library/", include("library.urls")),
    path("workshops/", include("workshops.urls")),
    path("certification/", include("certification.urls")),
    path("impact/", include("impact.urls")),
    path("verify/<str:certificate_id>/", certification_views.verify, name="verify"),
    path(".well-known/jwks.json", certification_views.jwks, name="jwks"),
    path("oai/", oai_views.endpoint, name="oai"),
    path("learning/", course_views.dashboard, name="my_learning"),
    path("api/", include("alliance.api_urls")),
    path("admin/review/", review_queue.review_queue, name="review_queue"),
    path("admin/", admin.site.urls),
    path("partners/", partner_admin.urls),
    path("contributors/", include("contributors.urls")),
    path("contributors/", include("alliance.partner_urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", api_docs.api_docs, name="api-docs"),
]

# The benchmark's trivial page (bench/run.py): absent unless its settings ask for it.
if getattr(settings, "BENCH_FLOOR", False):
    urlpatterns.append(path("bench/floor/", views.bench_floor, name="bench_floor"))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
