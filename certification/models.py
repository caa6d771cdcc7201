"""Certificates of completion, paid advanced certification, and what paying for it takes.

A ``Certificate`` is either a free certificate of completion of a course (issued when the
courses app reports a completion) or an advanced certificate of a ``Programme`` (issued by
staff to a candidate who met its requirements and paid, or had the fee waived). An ``Order``
records one purchase; ``StripeEvent`` remembers each webhook event once.
"""

import secrets
import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from alliance.core.choices import CURRENCIES
from alliance.core.models import PricingGroup, Topic
from contributors.models import Organisation, Pledge
from courses.models import Course, Quiz

# ISO 4217 currencies whose smallest unit is the whole unit; Stripe counts the others in cents.
ZERO_DECIMAL_CURRENCIES = {"JPY", "XOF", "KRW", "VND", "CLP", "XAF"}


def minor_units(amount: Decimal, currency: str) -> int:
    """An amount in the currency's smallest unit, as Stripe counts it."""
    exponent = 0 if currency.upper() in ZERO_DECIMAL_CURRENCIES else 2
    return int((amount * (10**exponent)).to_integral_value())


class Signatory(models.Model):
    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(_("title"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")

    def __str__(self):
        return f"{self.name}, {self.title}"


class Programme(models.Model):
    """An advanced certification programme: required courses, an assessment, a price."""

    class Assessment(models.TextChoices):
        EXAM = "exam", _("Final exam")
        PROJECT = "project", _("Project graded by staff")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"))
    criteria = models.TextField(
        _("criteria"), help_text=_("What a holder has shown, as printed in the credential.")
    )
    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="+", verbose_name=_("topic")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="programmes",
        verbose_name=_("issuing organisation"),
    )
    required_courses = models.ManyToManyField(
        Course, related_name="+", blank=True, verbose_name=_("required courses")
    )
    assessment = models.CharField(
        _("assessment"), max_length=10, choices=Assessment.choices, default=Assessment.EXAM
    )
    exam = models.ForeignKey(
        Quiz,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("final exam"),
        help_text=_("A quiz of one of the required courses, passed by the candidate."),
    )
    project_brief = models.TextField(_("project brief"), blank=True)
    base_price = models.DecimalField(
        _("base price"),
        max_digits=10,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0"))],
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, default="USD")
    signatories = models.ManyToManyField(
        Signatory, blank=True, related_name="+", verbose_name=_("signatories")
    )
    is_active = models.BooleanField(_("open for candidates"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("certification programme")
        verbose_name_plural = _("certification programmes")
        constraints = [
            models.CheckConstraint(
                condition=~Q(assessment="exam") | Q(exam__isnull=False),
                name="exam_programme_names_its_exam",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("certification:programme", args=[self.slug])


class GroupDiscount(models.Model):
    """The share of a programme's base price taken off for learners of one country group."""

    group = models.CharField(_("country group"), max_length=16, choices=PricingGroup.choices)
    percent = models.PositiveSmallIntegerField(
        _("discount (%)"), validators=[MaxValueValidator(100)]
    )

    class Meta:
        ordering = ["group"]
        verbose_name = _("country group discount")
        verbose_name_plural = _("country group discounts")
        constraints = [
            models.UniqueConstraint(fields=["group"], name="one_discount_per_group"),
            models.CheckConstraint(
                condition=Q(percent__lte=100), name="group_discount_at_most_100"
            ),
        ]

    def __str__(self):
        return f"{self.get_group_display()}: {self.percent}%"


def voucher_code() -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: codes are read aloud
    return "".join(secrets.choice(alphabet) for _ in range(10))


class Voucher(models.Model):
    class Kind(models.TextChoices):
        PERCENT = "percent", _("Percentage off")
        AMOUNT = "amount", _("Amount off")
        WAIVER = "waiver", _("Full waiver")

    code = models.CharField(
        _("code"),
        max_length=32,
        unique=True,
        default=voucher_code,
        validators=[
            RegexValidator(
                r"^[A-Z0-9-]{4,32}$", _("Use 4 to 32 capital letters, digits or hyphens.")
            )
        ],
    )
    kind = models.CharField(pgettext_lazy("voucher", "kind"), max_length=10, choices=Kind.choices)
    percent = models.PositiveSmallIntegerField(
        _("percent off"), null=True, blank=True, validators=[MaxValueValidator(100)]
    )
    amount = models.DecimalField(
        _("amount off"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, blank=True)
    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="vouchers",
        verbose_name=_("programme"),
        help_text=_("Empty: valid for every programme."),
    )
    for_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("only for"),
    )
    sponsor = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vouchers",
        verbose_name=_("sponsor"),
    )
    pledge = models.ForeignKey(
        Pledge,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="vouchers",
        verbose_name=_("funded by pledge"),
    )
    max_uses = models.PositiveIntegerField(_("uses allowed"), default=1)
    used = models.PositiveIntegerField(_("uses so far"), default=0)
    valid_until = models.DateTimeField(_("valid until"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("voucher")
        verbose_name_plural = _("vouchers")
        constraints = [
            models.CheckConstraint(
                condition=Q(used__lte=F("max_uses")), name="voucher_not_overused"
            ),
            models.CheckConstraint(
                condition=(Q(kind="percent") & Q(percent__gte=1) & Q(percent__lte=100))
                | (Q(kind="amount") & Q(amount__isnull=False) & ~Q(currency=""))
                | Q(kind="waiver"),
                name="voucher_kind_has_its_value",
            ),
        ]

    def __str__(self):
        return self.code

    @property
    def uses_left(self) -> int:
        return max(self.max_uses - self.used, 0)

    def is_expired(self, now=None) -> bool:
        return self.valid_until is not None and self.valid_until <= (now or timezone.now())


class FeeWaiverRequest(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for a decision")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="fee_waiver_requests"
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="waiver_requests"
    )
    statement = models.TextField(_("statement"), max_length=2000)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(_("note to the learner"), max_length=500, blank=True)
    voucher = models.OneToOneField(
        Voucher, on_delete=models.SET_NULL, null=True, blank=True, related_name="waiver_request"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("fee waiver request")
        verbose_name_plural = _("fee waiver requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme"],
                condition=Q(state="pending"),
                name="one_pending_waiver_request",
            ),
        ]

    def __str__(self):
        return f"{self.user} / {self.programme}"


class ProjectSubmission(models.Model):
    """A candidate's project for a programme assessed by project, graded by staff."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Waiting for grading")
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Not passed")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_submissions"
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="project_submissions"
    )
    url = models.URLField(_("link to the project"), max_length=500)
    summary = models.TextField(_("summary"), max_length=3000)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.SUBMITTED
    )
    feedback = models.TextField(_("feedback"), blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    graded_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submitted_at"]
        verbose_name = _("project submission")
        verbose_name_plural = _("project submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme"],
                condition=Q(state="submitted"),
                name="one_project_waiting_for_grading",
            ),
        ]

    def __str__(self):
        return f"{self.user} / {self.programme}"


class Order(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        PAID = "paid", _("Paid")
        FAILED = "failed", _("Failed")
        REFUNDED = "refunded", _("Refunded")
        CANCELLED = "cancelled", _("Cancelled")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certification_orders"
    )
    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="orders")
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    base_price = models.DecimalField(max_digits=10, decimal_places=2)
    pricing_group = models.CharField(max_length=16, choices=PricingGroup.choices, blank=True)
    group_percent = models.PositiveSmallIntegerField(default=0)
    voucher = models.ForeignKey(
        Voucher, on_delete=models.PROTECT, null=True, blank=True, related_name="orders"
    )
    voucher_discount = models.DecimalField(max_digits=10, decimal_places=2, default=Decimal("0"))
    amount = models.DecimalField(
        _("amount"), max_digits=10, decimal_places=2, validators=[MinValueValidator(0)]
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES)
    stripe_session_id = models.CharField(max_length=255, unique=True, null=True, blank=True)
    stripe_payment_intent = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    paid_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    problem = models.CharField(_("needs attention"), max_length=300, blank=True)
    refunded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = pgettext_lazy("purchase", "order")
        verbose_name_plural = pgettext_lazy("purchase", "orders")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme"],
                condition=Q(state="paid"),
                name="one_paid_order_per_programme",
            ),
            models.UniqueConstraint(
                fields=["user", "programme"],
                condition=Q(state="pending"),
                name="one_pending_order_per_programme",
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="order_amount_not_negative"),
        ]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self):
        return f"{self.programme} / {self.user} ({self.get_state_display()})"

    def get_absolute_url(self):
        return reverse("certification:order", args=[self.pk])

    @property
    def amount_minor(self) -> int:
        return minor_units(self.amount, self.currency)

    @property
    def is_waived(self) -> bool:
        return self.state == self.State.PAID and self.amount == 0


class StripeEvent(models.Model):
    """Each Stripe webhook event, stored once: a replay is acknowledged and ignored."""

    event_id = models.CharField(max_length=255, unique=True)
    type = models.CharField(max_length=100)
    received_at = models.DateTimeField(auto_now_add=True)
    payload = models.JSONField()

    class Meta:
        ordering = ["-received_at"]
        verbose_name = _("Stripe event")
        verbose_name_plural = _("Stripe events")

    def __str__(self):
        return f"{self.type} {self.event_id}"


class Certificate(models.Model):
    class Kind(models.TextChoices):
        COMPLETION = "completion", _("Certificate of completion")
        ADVANCED = "advanced", _("Advanced certificate")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(
        pgettext_lazy("certificate", "kind"), max_length=12, choices=Kind.choices
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates"
    )
    course = models.ForeignKey(
        Course, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, null=True, blank=True, related_name="certificates"
    )
    order = models.OneToOneField(
        Order, on_delete=models.PROTECT, null=True, blank=True, related_name="certificate"
    )
    # What was printed, kept as issued: later renames change nothing on a certificate.
    learner_name = models.CharField(_("learner's name"), max_length=120)
    title = models.CharField(_("title"), max_length=200)
    issuer_name = models.CharField(_("issuing organisation"), max_length=200)
    issuer = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    signatories = models.JSONField(default=list, blank=True)
    language = models.CharField(max_length=10, choices=settings.LANGUAGES, default="en")
    issued_at = models.DateTimeField(_("issued"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoke_reason = models.CharField(_("reason for revoking"), max_length=500, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="certificates/", blank=True)
    pdf_sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "course"],
                condition=Q(kind="completion"),
                name="one_completion_certificate_per_course",
            ),
            models.UniqueConstraint(
                fields=["user", "programme"],
                condition=Q(kind="advanced"),
                name="one_advanced_certificate_per_programme",
            ),
            models.CheckConstraint(
                condition=(Q(kind="completion") & Q(course__isnull=False))
                | (Q(kind="advanced") & Q(programme__isnull=False)),
                name="certificate_names_what_it_certifies",
            ),
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoke_reason=""),
                name="revoked_certificate_has_a_reason",
            ),
        ]
        indexes = [models.Index(fields=["user", "-issued_at"])]

    def __str__(self):
        return f"{self.title}: {self.learner_name}"

    def get_absolute_url(self):
        return reverse("verify", args=[self.pk])

    @property
    def verify_url(self) -> str:
        return settings.SITE_URL + self.get_absolute_url()

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None


class CertificateLog(models.Model):
    class Action(models.TextChoices):
        ISSUED = "issued", _("Issued")
        REVOKED = "revoked", _("Revoked")
        RESENT = "resent", _("Sent again")

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="log")
    action = models.CharField(max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at"]
        verbose_name = _("certificate log entry")
        verbose_name_plural = _("certificate log")

    def __str__(self):
        return f"{self.get_action_display()} {self.at:%Y-%m-%d}"


class BulkIssue(models.Model):
    """Staff issuing many advanced certificates at once; a Celery task works through them."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    order_ids = models.JSONField(default=list)
    total = models.PositiveIntegerField(default=0)
    issued = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("bulk issue")
        verbose_name_plural = _("bulk issues")

    def __str__(self):
        return f"{self.issued + self.skipped}/{self.total}"

    @property
    def percent(self) -> int:
        return 100 if not self.total else (100 * (self.issued + self.skipped)) // self.total
