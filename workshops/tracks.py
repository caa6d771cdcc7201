"""Government training tracks: applications to cohorts, ranking, quotas, delivery requests.

Services write (atomic, validated); selectors read with a fixed number of queries. Seats are
scarce, so deciding on an application locks its cohort row first, then counts, then writes.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from alliance.core.countries import country_status
from alliance.core.mail import email_after_commit
from alliance.core.models import CountryStatus, PricingGroup
from workshops.models import Cohort, DeliveryRequest, SeatQuota, Track, TrackApplication

# Who is served first: least developed countries, then by income group; unknown last.
GROUP_ORDER = {
    PricingGroup.LDC: 0,
    PricingGroup.LOW: 1,
    PricingGroup.LOWER_MIDDLE: 2,
    PricingGroup.UPPER_MIDDLE: 3,
    PricingGroup.HIGH: 4,
}
UNKNOWN_RANK = len(GROUP_ORDER)

APPLICATION_FIELDS = ("ministry", "position", "country", "motivation")


# --- Selectors ---------------------------------------------------------------------------------


def track_list_with_open_cohorts():
    """Every track, each with `open_cohorts`: its cohorts that take applications."""
    return Track.objects.select_related("topic").prefetch_related(
        Prefetch(
            "cohorts",
            queryset=Cohort.objects.filter(applications_open=True),
            to_attr="open_cohorts",
        )
    )


def track_cohorts(*, track: Track) -> list[Cohort]:
    return list(track.cohorts.prefetch_related("sessions"))


def _rank(status: CountryStatus | None) -> int:
    group = status.group if status else None
    return GROUP_ORDER.get(group, UNKNOWN_RANK)


def application_priority(application: TrackApplication) -> tuple:
    """A sort key: LDC first, then low, lower-middle, upper-middle and high income, countries
    without a status last; within a group, the earliest application first."""
    status = country_status(application.country)
    return (_rank(status), application.created_at, application.pk)


@dataclass
class RankedApplication:
    application: TrackApplication
    status: CountryStatus | None
    quota_room: bool  # False once the country's or the region's quota is filled

    @property
    def group(self) -> PricingGroup | None:
        return self.status.group if self.status else None

    @property
    def group_label(self) -> str:
        return self.group.label if self.group else _("Unknown")


def _accepted_counts(applications, statuses) -> tuple[dict, dict]:
    by_country: dict[str, int] = {}
    by_region: dict[str, int] = {}
    for application in applications:
        if application.state != TrackApplication.State.ACCEPTED:
            continue
        code = application.country.code
        by_country[code] = by_country.get(code, 0) + 1
        if (status := statuses.get(code)) and status.region:
            by_region[status.region] = by_region.get(status.region, 0) + 1
    return by_country, by_region


def cohort_applications_ranked(*, cohort: Cohort) -> list[RankedApplication]:
    """The cohort's applications in priority order, each with its country's status and whether
    its country and region quotas have room. Three queries, however many applications."""
    applications = list(cohort.applications.select_related("user"))
    codes = {application.country.code for application in applications}
    statuses = {s.country.code: s for s in CountryStatus.objects.filter(country__in=codes)}
    quotas = list(cohort.quotas.all())
    country_quota = {q.country.code: q.seats for q in quotas if q.country}
    region_quota = {q.region: q.seats for q in quotas if q.region}
    by_country, by_region = _accepted_counts(applications, statuses)

    ranked = []
    for application in applications:
        code = application.country.code
        status = statuses.get(code)
        region = status.region if status else ""
        room = by_country.get(code, 0) < country_quota.get(code, float("inf")) and (
            not region or by_region.get(region, 0) < region_quota.get(region, float("inf"))
        )
        ranked.append(RankedApplication(application, status, room))
    ranked.sort(key=lambda r: (_rank(r.status), r.application.created_at, r.application.pk))
    return ranked


# --- Services ----------------------------------------------------------------------------------


@transaction.atomic
def track_application_submit(*, user, cohort: Cohort, data: dict) -> TrackApplication:
    """Apply for a seat in a cohort; one application per person and cohort."""
    if not cohort.applications_open:
        raise ValidationError(_("This cohort does not take applications."), code="closed")
    if TrackApplication.objects.filter(cohort=cohort, user=user).exists():
        raise ValidationError(_("You have already applied to this cohort."), code="duplicate")
    application = TrackApplication(
        cohort=cohort, user=user, **{name: data[name] for name in APPLICATION_FIELDS}
    )
    application.full_clean(exclude=["cohort", "user"])
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise ValidationError(
            _("You have already applied to this cohort."), code="duplicate"
        ) from None
    return application


def _check_room(application: TrackApplication, cohort: Cohort) -> None:
    accepted = TrackApplication.objects.filter(
        cohort=cohort, state=TrackApplication.State.ACCEPTED
    ).exclude(pk=application.pk)
    if accepted.count() >= cohort.seats:
        raise ValidationError(_("Every seat in this cohort is taken."), code="cohort_full")
    code = application.country.code
    quota = SeatQuota.objects.filter(cohort=cohort, country=code).first()
    if quota and accepted.filter(country=code).count() >= quota.seats:
        raise ValidationError(
            _("The quota for %(country)s is filled.") % {"country": application.country.name},
            code="country_quota",
        )
    status = country_status(code)
    if status and status.region:
        quota = SeatQuota.objects.filter(cohort=cohort, region=status.region).first()
        in_region = CountryStatus.objects.filter(region=status.region).values("country")
        if quota and accepted.filter(country__in=in_region).count() >= quota.seats:
            raise ValidationError(
                _("The quota for %(region)s is filled.") % {"region": status.region},
                code="region_quota",
            )


@transaction.atomic
def application_decide(*, application: TrackApplication, staff, state: str) -> TrackApplication:
    """Accept, waitlist or decline an application; accepting respects seats and quotas."""
    decisions = (
        TrackApplication.State.ACCEPTED,
        TrackApplication.State.WAITLISTED,
        TrackApplication.State.DECLINED,
    )
    if state not in decisions:
        raise ValidationError(_("Unknown decision."), code="bad_state")
    cohort = Cohort.objects.select_for_update().get(pk=application.cohort_id)
    application = TrackApplication.objects.select_for_update().get(pk=application.pk)
    if state == TrackApplication.State.ACCEPTED and application.state != state:
        _check_room(application, cohort)
    application.state = state
    application.save(update_fields=["state"])
    return application


DELIVERY_FIELDS = (
    "track",
    "ministry",
    "contact_name",
    "contact_email",
    "country",
    "notes",
    "preferred_dates",
    "participants",
    "language",
)


@transaction.atomic
def delivery_request_submit(*, data: dict) -> DeliveryRequest:
    request = DeliveryRequest(**{name: data[name] for name in DELIVERY_FIELDS if name in data})
    request.full_clean()
    request.save()
    return request


@transaction.atomic
def delivery_request_answer(*, request: DeliveryRequest, staff, answer: str) -> DeliveryRequest:
    if not answer.strip():
        raise ValidationError(_("Write an answer first."), code="empty")
    request.staff_answer = answer
    request.answered_by = staff
    request.state = DeliveryRequest.State.ANSWERED
    request.save(update_fields=["staff_answer", "answered_by", "state"])
    email_after_commit(
        to=request.contact_email,
        template="workshops/email/delivery_answer",
        context={
            "name": request.contact_name,
            "ministry": request.ministry,
            "track": request.track.name if request.track_id else "",
            "answer": answer,
        },
        language=request.language or "en",
    )
    return request
