import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.core.choices import CURRENCIES, LICENCES


class Organisation(models.Model):
    """A partner organisation that contributes training material, funding or outreach."""

    class Kind(models.TextChoices):
        PRIVATE_SECTOR = "private", _("Private sector")
        ACADEMIA = "academia", _("Academia")
        UN_AGENCY = "un", _("UN agency")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental")
        GOVERNMENT = "government", _("Government")
        NGO = "ngo", _("NGO / civil society")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    is_founding = models.BooleanField(_("founding contributor"), default=False)
    licence = models.CharField(
        _("licence for its material"), max_length=40, choices=LICENCES, default="CC-BY-4.0"
    )
    offers_material = models.BooleanField(_("contributes training material"), default=False)
    offers_funding = models.BooleanField(_("contributes financial resources"), default=False)
    offers_outreach = models.BooleanField(_("contributes outreach support"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("contributors_public:organisation", args=[self.slug])


class ReviewState(models.TextChoices):
    """Where a contributed course or material stands in staff review."""

    NOT_SUBMITTED = "not-submitted", _("Not submitted")
    SUBMITTED = "submitted", _("Waiting for review")
    RETURNED = "returned", _("Returned with comments")
    APPROVED = "approved", _("Approved")


class Reviewed(models.Model):
    """What staff review before a contributed course or material is published."""

    review_state = models.CharField(
        _("review"),
        max_length=16,
        choices=ReviewState.choices,
        default=ReviewState.NOT_SUBMITTED,
    )
    review_comment = models.TextField(
        _("comments from the reviewers"),
        blank=True,
        help_text=_("What to change before the item can be published."),
    )
    submitted_at = models.DateTimeField(_("submitted for review"), null=True, blank=True)

    class Meta:
        abstract = True


class Application(models.Model):
    """An organisation asking to join the coalition as a contributor."""

    class State(models.TextChoices):
        PENDING = "pending", _("Pending")
        MORE_INFORMATION = "more-information", _("More information requested")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    OPEN_STATES = (State.PENDING, State.MORE_INFORMATION)

    organisation_name = models.CharField(_("organisation name"), max_length=200)
    kind = models.CharField(
        _("type of organisation"), max_length=20, choices=Organisation.Kind.choices
    )
    country = CountryField(_("country"))
    website = models.URLField(_("website"), max_length=300)
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_email = models.EmailField(_("contact e-mail"))
    offers_material = models.BooleanField(_("training material"), default=False)
    material_description = models.TextField(_("about the training material"), blank=True)
    offers_funding = models.BooleanField(_("financial resources"), default=False)
    funding_description = models.TextField(_("about the financial resources"), blank=True)
    offers_outreach = models.BooleanField(_("outreach support"), default=False)
    outreach_description = models.TextField(_("about the outreach support"), blank=True)
    licence = models.CharField(_("licence for the material"), max_length=40, choices=LICENCES)
    accepted_terms_at = models.DateTimeField(_("accepted the contributor terms"))
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PENDING
    )
    staff_message = models.TextField(
        _("message to the applicant"),
        blank=True,
        help_text=_("The question to ask, or the reason for declining."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True, related_name="applications"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            # One open application per organisation name, whatever its case.
            models.UniqueConstraint(
                Lower("organisation_name"),
                condition=Q(state__in=["pending", "more-information"]),
                name="one_open_application_per_organisation",
            ),
        ]

    def __str__(self):
        return self.organisation_name


class Membership(models.Model):
    """A person working for a contributor organisation. One organisation per person."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Organisation administrator")
        MEMBER = "member", _("Member")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self):
        return f"{self.user} ({self.organisation})"

    @property
    def is_admin(self) -> bool:
        return self.role == self.Role.ADMIN


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("e-mail"))
    role = models.CharField(
        _("role"), max_length=10, choices=Membership.Role.choices, default=Membership.Role.MEMBER
    )
    token = models.CharField(
        max_length=64, unique=True, default=new_invitation_token, editable=False
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return f"{self.email} → {self.organisation}"


class Pledge(models.Model):
    class Kind(models.TextChoices):
        FINANCIAL = "financial", _("Financial resources")
        OUTREACH = "outreach", _("Outreach support")

    class State(models.TextChoices):
        PLEDGED = "pledged", _("Pledged")
        RECEIVED = "received", _("Received")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="pledges",
        verbose_name=_("organisation"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    amount = models.DecimalField(
        _("amount"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCIES, blank=True)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PLEDGED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-period_start"]
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="pledge_period_in_order"
            ),
            models.CheckConstraint(
                condition=Q(kind="outreach") | (Q(amount__isnull=False) & ~Q(currency="")),
                name="financial_pledge_has_an_amount",
            ),
        ]

    def __str__(self):
        return f"{self.organisation}: {self.get_kind_display()}"


class PendingChange(models.Model):
    """A member's edit of something already published, kept for review while the published
    version stays up. Staff publishing the item applies it."""

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    data = models.JSONField(_("changed fields"), default=dict)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_pending_change_per_object"
            )
        ]

    def __str__(self):
        return f"{self.content_type} #{self.object_id}"
