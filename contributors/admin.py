from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from contributors import services
from contributors.admin_site import MemberScopedAdmin, partner_admin, request_membership
from contributors.models import Application, Invitation, Membership, Organisation, Pledge


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "is_founding"]
    list_filter = ["kind", "is_founding"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    """Staff review: write the message first, then ask, decline or approve."""

    list_display = ["organisation_name", "kind", "country", "contact_email", "state", "created_at"]
    list_filter = ["state", "kind"]
    search_fields = ["organisation_name", "contact_email"]
    readonly_fields = [
        "state",
        "reviewed_by",
        "reviewed_at",
        "organisation",
        "created_at",
        "accepted_terms_at",
    ]
    actions = ["approve", "ask_for_more_information", "decline"]

    def _run(self, request, queryset, service, done):
        for application in queryset:
            try:
                service(application)
            except ValidationError as error:
                self.message_user(
                    request, f"{application}: {' '.join(error.messages)}", level=messages.ERROR
                )
            else:
                self.message_user(request, f"{application}: {done}")

    @admin.action(description=_("Approve, create the organisation and invite its contact"))
    def approve(self, request, queryset):
        self._run(
            request,
            queryset,
            lambda a: services.application_approve(application=a, staff=request.user),
            _("approved"),
        )

    @admin.action(description=_("Ask for more information (sends the message)"))
    def ask_for_more_information(self, request, queryset):
        self._run(
            request,
            queryset,
            lambda a: services.application_request_information(
                application=a, staff=request.user, message=a.staff_message
            ),
            _("question sent"),
        )

    @admin.action(description=_("Decline (sends the message as the reason)"))
    def decline(self, request, queryset):
        self._run(
            request,
            queryset,
            lambda a: services.application_decline(
                application=a, staff=request.user, reason=a.staff_message
            ),
            _("declined"),
        )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "organisation__name"]
    raw_id_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "organisation", "role", "created_at", "expires_at", "accepted_at"]
    search_fields = ["email", "organisation__name"]
    readonly_fields = ["accepted_at"]


@admin.register(Pledge)
class PledgeAdmin(admin.ModelAdmin):
    list_display = [
        "organisation",
        "kind",
        "amount",
        "currency",
        "period_start",
        "period_end",
        "state",
    ]
    list_filter = ["kind", "state", "currency"]
    search_fields = ["organisation__name", "description"]


# --- The partners' site ------------------------------------------------------------------------


@admin.register(Pledge, site=partner_admin)
class PartnerPledgeAdmin(MemberScopedAdmin, PledgeAdmin):
    """Pledges are recorded by staff; the organisation sees its own."""

    def has_add_permission(self, request, *args):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Membership, site=partner_admin)
class PartnerMembershipAdmin(MemberScopedAdmin, MembershipAdmin):
    """Who works for the organisation; its administrators may remove members."""

    raw_id_fields = []
    fields = ["user", "role"]
    readonly_fields = ["user"]

    def has_add_permission(self, request, *args):
        return False  # people join through invitations

    def has_change_permission(self, request, obj=None):
        membership = request_membership(request)
        return bool(membership and membership.is_admin) and super().has_change_permission(
            request, obj
        )

    def has_delete_permission(self, request, obj=None):
        membership = request_membership(request)
        return bool(membership and membership.is_admin) and super().has_delete_permission(
            request, obj
        )


@admin.register(Invitation, site=partner_admin)
class PartnerInvitationAdmin(MemberScopedAdmin, InvitationAdmin):
    """An organisation's administrators invite further members by e-mail."""

    fields = ["email", "role"]
    readonly_fields = []

    def has_add_permission(self, request, *args):
        membership = request_membership(request)
        return bool(membership and membership.is_admin)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        membership = request_membership(request)
        return bool(membership and membership.is_admin) and super().has_delete_permission(
            request, obj
        )

    def save_model(self, request, obj, form, change):
        created = services.invitation_create(
            organisation=request_membership(request).organisation,
            email=form.cleaned_data["email"],
            role=form.cleaned_data["role"],
            invited_by=request.user,
        )
        # The admin logs and links the object it was given: make it the one created.
        for field in Invitation._meta.concrete_fields:
            setattr(obj, field.attname, getattr(created, field.attname))

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        membership = request_membership(request)

        class CheckedInvitationForm(form):
            def clean_email(self):
                email = self.cleaned_data["email"].strip().lower()
                existing = Membership.objects.filter(user__email__iexact=email).first()
                if (
                    existing
                    and membership
                    and existing.organisation_id != membership.organisation_id
                ):
                    raise ValidationError(
                        _("%(email)s already works for another organisation on the platform.")
                        % {"email": email}
                    )
                if existing:
                    raise ValidationError(_("%(email)s is already a member.") % {"email": email})
                return email

        return CheckedInvitationForm
