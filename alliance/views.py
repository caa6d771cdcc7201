"""Pages that draw on several apps. This module sits at the top: it may import any app."""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from alliance.core.health import health_report
from contributors.selectors import organisation_list_founding
from courses.selectors import featured_courses
from library.selectors import featured_materials
from workshops.selectors import upcoming_sessions


@require_GET
def home(request):
    return render(
        request,
        "home.html",
        {
            "founding_contributors": organisation_list_founding(),
            "upcoming_sessions": list(upcoming_sessions()[:4]),
            "featured_courses": featured_courses(display_language=get_language()),
            "featured_materials": featured_materials(),
        },
    )


@never_cache
@require_GET
def health(request):
    report = health_report()
    down = [name for name, state in report.items() if state != "ok"]
    status = 503 if down else 200
    return JsonResponse(
        {"status": "down" if down else "ok", "down": down, "checks": report}, status=status
    )


def bench_floor(request):
    """The benchmark's floor: every middleware and nothing else. `make bench` gives each page's
    latency as a multiple of this one's; alliance/urls.py mounts it only for the benchmark."""
    return HttpResponse("ok", content_type="text/plain")
