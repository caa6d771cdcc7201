import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.accounts.models import validate_timezone
from alliance.core.models import ChoiceLabels


class Series(models.Model):
    """Sessions that belong together, e.g. "AI for Good Global Summit 2025"."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self):
        return self.name


class Session(ChoiceLabels, models.Model):
    """A live session: a webinar online, a workshop on site, or both at once."""

    class Kind(models.TextChoices):
        WEBINAR = "webinar", _("Webinar (online)")
        WORKSHOP = "workshop", _("Workshop (on site)")
        HYBRID = "hybrid", _("Hybrid (on site and online)")

    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        CANCELLED = "cancelled", _("Cancelled")
        COMPLETED = "completed", _("Completed")

    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    speakers = models.CharField(_("speakers"), max_length=500, blank=True)
    topic = models.ForeignKey(
        "core.Topic", on_delete=models.PROTECT, related_name="sessions", verbose_name=_("topic")
    )
    series = models.ForeignKey(
        Series,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("series"),
    )
    course = models.ForeignKey(
        "courses.Course",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="live_sessions",
        verbose_name=_("blended course"),
    )
    organisation = models.ForeignKey(
        "contributors.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions",
        verbose_name=_("organiser"),
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        validators=[validate_timezone],
        help_text=_("The venue's time zone; for an online session, the organiser's."),
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    join_url = models.URLField(
        _("online join link"), blank=True, help_text=_("Shown only to confirmed attendees.")
    )
    seats_onsite = models.PositiveIntegerField(_("seats on site"), default=0)
    seats_online = models.PositiveIntegerField(_("seats online"), default=0)
    registration_opens_at = models.DateTimeField(_("registration opens"))
    registration_closes_at = models.DateTimeField(_("registration closes"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SCHEDULED
    )
    recording_url = models.URLField(_("recording"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="session_ends_after_it_starts"
            ),
            models.CheckConstraint(
                condition=Q(registration_closes_at__gte=F("registration_opens_at")),
                name="registration_closes_after_it_opens",
            ),
        ]
        indexes = [models.Index(fields=["state", "starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("workshops:session", args=[self.slug])

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})
        if self.kind in (self.Kind.WORKSHOP, self.Kind.HYBRID) and not self.venue_name:
            raise ValidationError({"venue_name": _("A session on site needs a venue.")})
        if self.kind in (self.Kind.WEBINAR, self.Kind.HYBRID) and not self.join_url:
            raise ValidationError({"join_url": _("An online session needs a join link.")})

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def has_onsite(self) -> bool:
        return self.kind in (self.Kind.WORKSHOP, self.Kind.HYBRID)

    @property
    def has_online(self) -> bool:
        return self.kind in (self.Kind.WEBINAR, self.Kind.HYBRID)


class Booking(models.Model):
    """One person's place at a session: a seat (confirmed) or a place in the queue."""

    class Mode(models.TextChoices):
        ONSITE = "onsite", _("On site")
        ONLINE = "online", _("Online")

    class State(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waiting list")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="bookings")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="bookings"
    )
    mode = models.CharField(_("attending"), max_length=10, choices=Mode.choices)
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    attended = models.BooleanField(_("attended"), default=False)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        constraints = [
            # One live booking per person and session; cancelled ones stay as history.
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=~Q(state="cancelled"),
                name="one_booking_per_person_and_session",
            ),
        ]
        indexes = [models.Index(fields=["session", "mode", "state", "created_at"])]

    def __str__(self):
        return f"{self.user} at {self.session}"


class Reminder(models.Model):
    """A reminder e-mail that was sent: recorded so it is never sent twice."""

    class Kind(models.TextChoices):
        DAY_BEFORE = "24h", _("24 hours before")
        HOUR_BEFORE = "1h", _("1 hour before")

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=4, choices=Kind.choices)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["booking", "kind"], name="remind_once")]

    def __str__(self):
        return f"{self.kind} reminder for {self.booking}"


def new_feed_token() -> str:
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """A person's private calendar-feed address; resetting the token ends the old address."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)

    def __str__(self):
        return f"calendar of {self.user}"


# --- Government training tracks ----------------------------------------------------------------


class Track(models.Model):
    """A training programme for governments, e.g. "AI governance"; run as cohorts."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    topic = models.ForeignKey(
        "core.Topic", on_delete=models.PROTECT, related_name="tracks", verbose_name=_("topic")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("training track")
        verbose_name_plural = _("training tracks")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("workshops:track", args=[self.slug])


class Cohort(models.Model):
    """One run of a track: a group of civil servants following a programme of sessions."""

    track = models.ForeignKey(
        Track, on_delete=models.CASCADE, related_name="cohorts", verbose_name=_("track")
    )
    name = models.CharField(_("name"), max_length=200)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    seats = models.PositiveIntegerField(_("seats"))
    applications_open = models.BooleanField(_("applications open"), default=False)
    sessions = models.ManyToManyField(
        Session, blank=True, related_name="cohorts", verbose_name=_("sessions")
    )

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("cohort")
        verbose_name_plural = _("cohorts")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="cohort_ends_after_it_starts"
            ),
        ]

    def __str__(self):
        return f"{self.track} – {self.name}"


class SeatQuota(models.Model):
    """At most `seats` accepted applicants from one country, or from one UN M49 region."""

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="quotas", verbose_name=_("cohort")
    )
    country = CountryField(_("country"), blank=True)
    region = models.CharField(
        _("region"), max_length=40, blank=True, help_text=_("A UN M49 region, e.g. Africa.")
    )
    seats = models.PositiveIntegerField(_("seats"))

    class Meta:
        verbose_name = _("seat quota")
        verbose_name_plural = _("seat quotas")
        constraints = [
            models.CheckConstraint(
                condition=(Q(country="") & ~Q(region="")) | (~Q(country="") & Q(region="")),
                name="seat_quota_country_xor_region",
            ),
        ]

    def __str__(self):
        return f"{self.country or self.region}: {self.seats}"

    def clean(self):
        if bool(self.country) == bool(self.region):
            raise ValidationError(_("A quota is for either a country or a region."))


class TrackApplication(models.Model):
    """A civil servant's application for a seat in a cohort."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        DECLINED = "declined", _("Declined")

    cohort = models.ForeignKey(
        Cohort, on_delete=models.CASCADE, related_name="applications", verbose_name=_("cohort")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="track_applications",
        verbose_name=_("applicant"),
    )
    ministry = models.CharField(_("ministry or agency"), max_length=200)
    position = models.CharField(_("position"), max_length=200)
    country = CountryField(_("country"))
    motivation = models.TextField(_("why you want to join"))
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.SUBMITTED
    )
    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("track application")
        verbose_name_plural = _("track applications")
        constraints = [
            models.UniqueConstraint(
                fields=["cohort", "user"], name="one_track_application_per_cohort"
            ),
        ]

    def __str__(self):
        return f"{self.user} for {self.cohort}"


class DeliveryRequest(models.Model):
    """A ministry asks for a track to be delivered for its country."""

    class State(models.TextChoices):
        NEW = "new", _("New")
        ANSWERED = "answered", _("Answered")

    track = models.ForeignKey(
        Track,
        on_delete=models.PROTECT,
        related_name="delivery_requests",
        verbose_name=_("track"),
    )
    ministry = models.CharField(_("ministry or agency"), max_length=200)
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_email = models.EmailField(_("contact e-mail"))
    country = CountryField(_("country"))
    notes = models.TextField(_("topics and notes"), blank=True)
    preferred_dates = models.CharField(_("preferred dates"), max_length=200, blank=True)
    participants = models.PositiveIntegerField(_("participants"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.NEW)
    staff_answer = models.TextField(_("answer"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        verbose_name = _("delivery request")
        verbose_name_plural = _("delivery requests")
        constraints = [
            models.CheckConstraint(
                condition=Q(participants__gte=1), name="delivery_request_has_participants"
            ),
        ]

    def __str__(self):
        return f"{self.ministry} ({self.country}): {self.track}"


# --- Delegation bookings -----------------------------------------------------------------------


def new_delegate_token() -> str:
    return secrets.token_urlsafe(24)


class Delegation(models.Model):
    """Seats of a session booked by an official for named delegates; each seat is held for its
    delegate until they confirm (it becomes their booking) or decline (it is freed)."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="delegations", verbose_name=_("session")
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="delegations",
        verbose_name=_("booked by"),
    )
    mode = models.CharField(_("attending"), max_length=10, choices=Booking.Mode.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")

    def __str__(self):
        return f"{self.booked_by}'s delegation to {self.session}"


class Delegate(models.Model):
    """One named member of a delegation; while invited, a seat is held for them."""

    class State(models.TextChoices):
        INVITED = "invited", _("Invited")
        CONFIRMED = "confirmed", _("Confirmed")
        DECLINED = "declined", _("Declined")

    delegation = models.ForeignKey(
        Delegation, on_delete=models.CASCADE, related_name="delegates", verbose_name=_("delegation")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    token = models.CharField(max_length=64, unique=True, default=new_delegate_token)
    booking = models.ForeignKey(
        Booking,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("booking"),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.INVITED
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "email"], name="one_delegate_per_email_and_delegation"
            ),
        ]

    def __str__(self):
        return f"{self.name} <{self.email}>"

    def get_absolute_url(self):
        return reverse("workshops:delegate", args=[self.token])
