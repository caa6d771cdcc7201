"""The partners' administration at /partners/: members of a contributor organisation add and
edit their own organisation's courses and material there, and see nothing of anyone else's.

Every model registered here goes through MemberScopedAdmin: the queryset, each permission, every
foreign-key choice and every object lookup are narrowed to the member's organisation, so list,
change, delete, actions, autocomplete, history and raw-id lookups all see the same slice.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import path
from django.utils.translation import gettext_lazy as _

from contributors.models import Membership, Organisation


def request_membership(request) -> Membership | None:
    if not hasattr(request, "_partner_membership"):
        user = request.user
        request._partner_membership = (
            Membership.objects.select_related("organisation").filter(user=user).first()
            if user.is_authenticated and user.is_active
            else None
        )
    return request._partner_membership


class PartnerAdminSite(admin.AdminSite):
    site_header = _("Alliance for partners")
    site_title = _("Alliance for partners")
    index_title = _("Your organisation's courses and material")
    enable_nav_sidebar = False

    def has_permission(self, request):
        return request_membership(request) is not None

    def get_urls(self):
        # Resolved before Django's own "view on site" route, which has the same address.
        own = path(
            "r/<path:content_type_id>/<path:object_id>/",
            self.admin_view(self.view_on_site),
            name="view_on_site",
        )
        return [own, *super().get_urls()]

    def view_on_site(self, request, content_type_id, object_id):
        """Django's redirect to an object's public page, for the member's own objects only: it
        looks objects up unscoped, so it would tell any member the address of anyone's draft or
        private collection (its slug, its share link)."""
        from django.contrib.contenttypes.models import ContentType
        from django.contrib.contenttypes.views import shortcut

        try:
            model_admin = self._registry.get(
                ContentType.objects.get_for_id(content_type_id).model_class()
            )
            visible = model_admin is not None and (
                model_admin.get_queryset(request).filter(pk=object_id).exists()
            )
        except (ContentType.DoesNotExist, ValueError, ValidationError):
            visible = False
        if not visible:
            raise Http404
        return shortcut(request, content_type_id, object_id)


partner_admin = PartnerAdminSite(name="partner_admin")


class MemberScopedAdmin:
    """Mixed into a ModelAdmin registered on the partners' site."""

    # The path from the model to its Organisation is the staff admin's `organisation_path`
    # (see alliance.core.admin.OrganisationScopedAdmin), or "organisation".
    # Fields only staff decide.
    staff_only_fields = (
        "status",
        "review_state",
        "review_comment",
        "submitted_at",
        "featured",
        "is_featured",
        "published_at",
    )

    def _organisation_path(self) -> str:
        return getattr(self, "organisation_path", "organisation")

    def organisation_of(self, obj) -> int | None:
        value = obj
        for part in self._organisation_path().split("__"):
            value = getattr(value, part, None)
            if value is None:
                return None
        return value.pk if isinstance(value, Organisation) else value

    def get_queryset(self, request):
        membership = request_membership(request)
        queryset = super().get_queryset(request)
        if membership is None:
            return queryset.none()
        return queryset.filter(**{self._organisation_path(): membership.organisation_id})

    def _may(self, request, obj=None) -> bool:
        membership = request_membership(request)
        if membership is None:
            return False
        return obj is None or self.organisation_of(obj) == membership.organisation_id

    def has_module_permission(self, request):
        return self._may(request)

    def has_view_permission(self, request, obj=None):
        return self._may(request, obj)

    def has_add_permission(self, request, *args):
        return self._may(request)

    def has_change_permission(self, request, obj=None):
        return self._may(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._may(request, obj)

    def get_readonly_fields(self, request, obj=None):
        own = super().get_readonly_fields(request, obj)
        model_fields = {f.name for f in self.model._meta.get_fields()}
        return [*own, *(f for f in self.staff_only_fields if f in model_fields and f not in own)]

    def _get_obj_does_not_exist_redirect(self, request, opts, object_id):
        # Someone else's object and a missing one look the same: not found.
        raise Http404

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs["queryset"] = self._scoped_choices(db_field, request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs["queryset"] = self._scoped_choices(db_field, request)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def _scoped_choices(self, db_field, request):
        """Choices come from this site's own view of the related model, where it has one."""
        related = db_field.related_model
        membership = request_membership(request)
        if related is Organisation:
            return Organisation.objects.filter(
                pk=membership.organisation_id if membership else None
            )
        related_admin = self.admin_site._registry.get(related)
        if related_admin is not None:
            return related_admin.get_queryset(request)
        return db_field.remote_field.model._default_manager.all()

    def save_model(self, request, obj, form, change):
        if self._organisation_path() == "organisation" and not change:
            obj.organisation = request_membership(request).organisation
        super().save_model(request, obj, form, change)


class MemberScopedInline:
    """Inlines edit children of an object the member already may change, and leave the fields
    only staff decide alone, as the member's own admin does."""

    def has_add_permission(self, request, obj=None):
        return request_membership(request) is not None

    def has_change_permission(self, request, obj=None):
        return request_membership(request) is not None

    def has_delete_permission(self, request, obj=None):
        return request_membership(request) is not None

    def has_view_permission(self, request, obj=None):
        return request_membership(request) is not None

    def get_readonly_fields(self, request, obj=None):
        own = super().get_readonly_fields(request, obj)
        model_fields = {f.name for f in self.model._meta.get_fields()}
        staff_only = MemberScopedAdmin.staff_only_fields
        return [*own, *(f for f in staff_only if f in model_fields and f not in own)]
