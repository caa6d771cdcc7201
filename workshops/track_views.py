"""Government training tracks: the public pages, applying, requesting a delivery, and the
staff page that ranks a cohort's applications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from workshops import tracks
from workshops.models import Cohort, Track, TrackApplication
from workshops.track_forms import DecisionForm, DeliveryRequestForm, TrackApplicationForm
from workshops.views import staff_with_mfa_required


@require_GET
def track_list(request):
    return render(
        request,
        "workshops/tracks/track_list.html",
        {"tracks": tracks.track_list_with_open_cohorts()},
    )


def _track_page(request, track, *, failed_cohort=None, failed_form=None, status=200):
    cohorts = tracks.track_cohorts(track=track)
    applied = set()
    if request.user.is_authenticated:
        applied = set(
            TrackApplication.objects.filter(user=request.user, cohort__track=track).values_list(
                "cohort_id", flat=True
            )
        )
    for cohort in cohorts:
        cohort.already_applied = cohort.pk in applied
        if cohort == failed_cohort:
            cohort.form = failed_form
        else:
            cohort.form = TrackApplicationForm(prefix=f"cohort-{cohort.pk}")
    return render(
        request,
        "workshops/tracks/track_page.html",
        {"track": track, "cohorts": cohorts},
        status=status,
    )


@require_GET
def track_page(request, slug):
    track = get_object_or_404(Track.objects.select_related("topic"), slug=slug)
    return _track_page(request, track)


@login_required
@require_POST
def track_apply(request, pk):
    cohort = get_object_or_404(Cohort.objects.select_related("track"), pk=pk)
    form = TrackApplicationForm(request.POST, prefix=f"cohort-{cohort.pk}")
    if form.is_valid():
        try:
            tracks.track_application_submit(
                user=request.user, cohort=cohort, data=form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: your application has been received."))
            return redirect(cohort.track.get_absolute_url())
    return _track_page(request, cohort.track, failed_cohort=cohort, failed_form=form, status=400)


@require_http_methods(["GET", "POST"])
def delivery_request(request):
    form = DeliveryRequestForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                tracks.delivery_request_submit(data=form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("workshops:delivery_request_sent")
        return render(request, "workshops/tracks/request.html", {"form": form}, status=400)
    return render(request, "workshops/tracks/request.html", {"form": form})


@require_GET
def delivery_request_sent(request):
    return render(request, "workshops/tracks/request_sent.html")


@staff_with_mfa_required
@require_http_methods(["GET", "POST"])
def cohort_applications(request, pk):
    cohort = get_object_or_404(Cohort.objects.select_related("track"), pk=pk)
    status = 200
    if request.method == "POST":
        form = DecisionForm(request.POST)
        application = get_object_or_404(
            TrackApplication, pk=request.POST.get("application") or 0, cohort=cohort
        )
        if form.is_valid():
            try:
                tracks.application_decide(
                    application=application, staff=request.user, state=form.cleaned_data["state"]
                )
            except ValidationError as error:
                for message in error.messages:
                    messages.error(request, message)
                status = 400
            else:
                messages.success(request, _("Decision recorded."))
                return redirect("workshops:cohort_applications", pk=cohort.pk)
        else:
            status = 400
    return render(
        request,
        "workshops/tracks/applications.html",
        {
            "cohort": cohort,
            "ranked": tracks.cohort_applications_ranked(cohort=cohort),
            "decisions": DecisionForm.base_fields["state"].choices,
        },
        status=status,
    )
