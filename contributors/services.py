"""Writes of the contributors app: applications, review, memberships, invitations, submissions."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from alliance.core.mail import email_after_commit
from contributors.models import (
    Application,
    Invitation,
    Membership,
    Organisation,
    PendingChange,
    ReviewState,
)

INVITATION_DAYS = 14


def _site_url(path: str) -> str:
    return settings.SITE_URL + path


# --- Applications ------------------------------------------------------------------------------


def application_submit(*, data: dict, language: str = "en") -> Application:
    """Record an application and confirm it by e-mail. data: the application form's fields."""
    name = data["organisation_name"].strip()
    if Organisation.objects.filter(name__iexact=name).exists():
        raise ValidationError(
            _("%(name)s is already a contributor. Ask its administrators to invite you.")
            % {"name": name},
            code="already_contributor",
        )
    if not (
        data.get("offers_material") or data.get("offers_funding") or data.get("offers_outreach")
    ):
        raise ValidationError(
            _("Choose at least one thing your organisation will contribute."),
            code="nothing_offered",
        )
    application = Application(
        **{key: value for key, value in data.items() if key != "accept_terms"},
        accepted_terms_at=timezone.now(),
    )
    application.organisation_name = name
    application.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:
        raise ValidationError(
            _("An application from %(name)s is already being reviewed.") % {"name": name},
            code="duplicate",
        ) from None
    email_after_commit(
        to=application.contact_email,
        template="contributors/email/application_received",
        context={"name": application.contact_name, "organisation": name},
        language=language,
    )
    return application


def _reviewable(application: Application) -> None:
    if application.state not in Application.OPEN_STATES:
        raise ValidationError(_("This application has already been decided."), code="decided")


def _answer(
    *, application: Application, staff, state: str, message: str, template: str
) -> Application:
    """Record staff's decision or question and write it to the applicant."""
    _reviewable(application)
    application.state = state
    application.staff_message = message
    application.reviewed_by, application.reviewed_at = staff, timezone.now()
    application.save(update_fields=["state", "staff_message", "reviewed_by", "reviewed_at"])
    email_after_commit(
        to=application.contact_email,
        template=template,
        context={
            "name": application.contact_name,
            "organisation": application.organisation_name,
            "message": message,
        },
    )
    return application


@transaction.atomic
def application_request_information(
    *, application: Application, staff, message: str
) -> Application:
    if not message.strip():
        raise ValidationError(_("Write the question to ask the applicant."), code="no_message")
    return _answer(
        application=application,
        staff=staff,
        message=message,
        state=Application.State.MORE_INFORMATION,
        template="contributors/email/application_question",
    )


@transaction.atomic
def application_decline(*, application: Application, staff, reason: str) -> Application:
    if not reason.strip():
        raise ValidationError(_("Give the reason for declining."), code="no_reason")
    return _answer(
        application=application,
        staff=staff,
        message=reason,
        state=Application.State.DECLINED,
        template="contributors/email/application_declined",
    )


@transaction.atomic
def application_approve(*, application: Application, staff) -> Organisation:
    """Create the organisation and invite the applicant's contact as its administrator."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    _reviewable(application)
    if Organisation.objects.filter(name__iexact=application.organisation_name).exists():
        raise ValidationError(_("An organisation with this name already exists."), code="exists")
    slug = base = slugify(application.organisation_name)[:190] or "organisation"
    counter = 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    organisation = Organisation.objects.create(
        name=application.organisation_name,
        slug=slug,
        kind=application.kind,
        country=application.country,
        website=application.website,
        licence=application.licence,
        offers_material=application.offers_material,
        offers_funding=application.offers_funding,
        offers_outreach=application.offers_outreach,
    )
    application.state = Application.State.APPROVED
    application.organisation = organisation
    application.reviewed_by, application.reviewed_at = staff, timezone.now()
    application.save(update_fields=["state", "organisation", "reviewed_by", "reviewed_at"])
    invitation_create(
        organisation=organisation,
        email=application.contact_email,
        role=Membership.Role.ADMIN,
        invited_by=staff,
        template="contributors/email/application_approved",
    )
    return organisation


# --- Members and invitations -------------------------------------------------------------------


def membership_for(user) -> Membership | None:
    if not user.is_authenticated:
        return None
    return Membership.objects.select_related("organisation").filter(user=user).first()


def invitation_create(
    *,
    organisation: Organisation,
    email: str,
    role: str,
    invited_by,
    template: str = "contributors/email/invitation",
) -> Invitation:
    """Invite someone by e-mail; a person belongs to one organisation at most."""
    email = email.strip().lower()
    existing = (
        Membership.objects.filter(user__email__iexact=email).select_related("organisation").first()
    )
    if existing is not None:
        if existing.organisation_id == organisation.pk:
            raise ValidationError(
                _("%(email)s is already a member.") % {"email": email}, code="already_member"
            )
        raise ValidationError(
            _("%(email)s already works for another organisation on the platform.")
            % {"email": email},
            code="other_organisation",
        )
    invitation, _created = Invitation.objects.update_or_create(
        organisation=organisation,
        email=email,
        accepted_at=None,
        defaults={
            "role": role,
            "invited_by": invited_by,
            "expires_at": timezone.now() + timedelta(days=INVITATION_DAYS),
        },
    )
    user = get_user_model().objects.filter(email__iexact=email).first()
    email_after_commit(
        to=email,
        template=template,
        context={
            "organisation": organisation.name,
            "link": _site_url(reverse("contributors:invitation", args=[invitation.token])),
            "days": INVITATION_DAYS,
        },
        language=(user.preferred_language if user and user.preferred_language else "en"),
    )
    return invitation


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user) -> Membership:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise ValidationError(_("This invitation has already been used."), code="used")
    if invitation.expires_at < timezone.now():
        raise ValidationError(_("This invitation has expired. Ask for a new one."), code="expired")
    if user.email.lower() != invitation.email.lower():
        raise PermissionDenied(_("This invitation was sent to another e-mail address."))
    if Membership.objects.filter(user=user).exists():
        raise ValidationError(
            _("You already work for an organisation on the platform."), code="other_organisation"
        )
    membership = Membership.objects.create(
        user=user, organisation=invitation.organisation, role=invitation.role
    )
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    return membership


# --- Submissions -------------------------------------------------------------------------------


def item_organisation_id(item) -> int | None:
    return item.organisation_id


def submission_submit(*, item, user) -> None:
    """A member sends a course or material of their organisation to staff for review."""
    membership = membership_for(user)
    if not (
        user.is_staff or (membership and membership.organisation_id == item_organisation_id(item))
    ):
        raise PermissionDenied(_("Only its organisation can submit this."))
    item.review_state = ReviewState.SUBMITTED
    item.submitted_at = timezone.now()
    item.save(update_fields=["review_state", "submitted_at", "updated_at"])


def submission_return(*, item, staff, comment: str) -> None:
    if not comment.strip():
        raise ValidationError(
            _("Write what should change before it can be published."), code="no_comment"
        )
    item.review_state = ReviewState.RETURNED
    item.review_comment = comment
    item.save(update_fields=["review_state", "review_comment", "updated_at"])


# --- Pending changes to published items ---------------------------------------------------------


@transaction.atomic
def pending_change_record(*, obj, fields: list[str], data: dict, user) -> PendingChange:
    """Keep the given fields of an edit for review; the object itself is not changed."""
    content_type = ContentType.objects.get_for_model(obj)
    change, _created = PendingChange.objects.select_for_update().get_or_create(
        content_type=content_type, object_id=obj.pk
    )
    for name in fields:
        field = obj._meta.get_field(name)
        value = data[name]
        change.data[field.attname] = getattr(value, "pk", value)
    change.submitted_by = user
    change.save()
    return change


def pending_changes_apply(*, objects) -> int:
    """Apply the pending changes of these objects (one model or several) and forget them."""
    applied = 0
    for obj in objects:
        content_type = ContentType.objects.get_for_model(obj)
        change = PendingChange.objects.filter(content_type=content_type, object_id=obj.pk).first()
        if change is None:
            continue
        for attname, value in change.data.items():
            setattr(obj, attname, value)
        obj.full_clean()
        obj.save()
        change.delete()
        applied += 1
    return applied
