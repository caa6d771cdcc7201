"""Staff's queue of contributed courses and material waiting for review, across apps."""

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render

from contributors.models import ReviewState
from courses.models import Course
from library.models import Material


@staff_member_required
def review_queue(request):
    courses = (
        Course.objects.filter(review_state=ReviewState.SUBMITTED)
        .select_related("organisation", "topic")
        .prefetch_related("versions")
        .order_by("submitted_at")
    )
    materials = (
        Material.objects.filter(review_state=ReviewState.SUBMITTED)
        .select_related("organisation", "revision")
        .order_by("submitted_at")
    )
    return render(request, "review_queue.html", {"courses": courses, "materials": materials})
