"""Government training tracks: the public pages, applying, requesting a delivery, and the
staff page that ranks a cohort's applications."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alliance.accounts.mfa import staff_with_mfa_required
from workshops import tracks
from workshops.models import Cohort, Track, TrackApplication
from workshops.track_forms import DecisionForm, DeliveryRequestForm, TrackApplicationForm


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


# --- Delegation bookings -------------------------------------------------------------------------

from django import forms  # noqa: E402
from django.core.exceptions import PermissionDenied  # noqa: E402

from workshops import delegations  # noqa: E402
from workshops.models import Booking, Delegate, Session  # noqa: E402


class DelegationModeForm(forms.Form):
    mode = forms.ChoiceField(label=_("Attending"), choices=Booking.Mode.choices)

    def __init__(self, *args, session, **kwargs):
        super().__init__(*args, **kwargs)
        modes = [
            (value, label)
            for value, label in Booking.Mode.choices
            if (value == Booking.Mode.ONSITE and session.has_onsite)
            or (value == Booking.Mode.ONLINE and session.has_online)
        ]
        self.fields["mode"].choices = modes
        if len(modes) == 1:
            self.fields["mode"].initial = modes[0][0]


class DelegateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)

    def clean(self):
        data = super().clean()
        if bool(data.get("name")) != bool(data.get("email")) and not self.errors:
            raise forms.ValidationError(_("Give both a name and an e-mail, or neither."))
        return data


DelegateFormSet = forms.formset_factory(
    DelegateForm,
    extra=delegations.MAX_DELEGATES,
    max_num=delegations.MAX_DELEGATES,
    validate_max=True,
    absolute_max=delegations.MAX_DELEGATES,
)


@login_required
@require_http_methods(["GET", "POST"])
def delegation_new(request, slug):
    session = get_object_or_404(Session, slug=slug)
    mode_form = DelegationModeForm(request.POST or None, session=session)
    formset = DelegateFormSet(request.POST or None, prefix="delegates")
    status, reasons = 200, []
    if request.method == "POST":
        if mode_form.is_valid() and formset.is_valid():
            rows = [f.cleaned_data for f in formset.forms if f.cleaned_data.get("email")]
            try:
                delegations.delegation_create(
                    user=request.user,
                    session=session,
                    mode=mode_form.cleaned_data["mode"],
                    delegates=rows,
                )
            except ValidationError as error:
                reasons = error.messages
            else:
                messages.success(
                    request, _("Seats are held and each delegate has been invited by e-mail.")
                )
                return redirect(session)
        status = 400
    return render(
        request,
        "workshops/delegations/new.html",
        {
            "session": session,
            "mode_form": mode_form,
            "formset": formset,
            "reasons": reasons,
            "max_delegates": delegations.MAX_DELEGATES,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def delegate_page(request, token):
    delegate = get_object_or_404(
        Delegate.objects.select_related("delegation__session"), token=token
    )
    status, reasons = 200, []
    if request.method == "POST":
        action = request.POST.get("action", "confirm")
        try:
            if action == "decline":
                delegations.delegate_decline(delegate=delegate, user=request.user)
                messages.success(request, _("You declined; the seat has been freed."))
            else:
                delegations.delegate_confirm(delegate=delegate, user=request.user)
                messages.success(request, _("Your seat is confirmed."))
            return redirect(delegate.delegation.session)
        except PermissionDenied as error:
            reasons, status = [str(error)], 403
        except ValidationError as error:
            reasons, status = error.messages, 400
    elif request.user.is_authenticated and request.user.email.lower() != delegate.email.lower():
        reasons = [
            _("Sign in with %(email)s to answer this invitation.") % {"email": delegate.email}
        ]
    return render(
        request,
        "workshops/delegations/delegate.html",
        {"delegate": delegate, "session": delegate.delegation.session, "reasons": reasons},
        status=status,
    )
