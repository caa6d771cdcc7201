from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from alliance.core.admin import OrganisationScopedAdmin
from contributors.admin_site import MemberScopedAdmin, partner_admin
from contributors.services import submission_return, submission_submit
from library import services
from library.models import Collection, CollectionItem, LibraryPage, Material
from library.uploads import upload_check


class MaterialForm(forms.ModelForm):
    """Uploads go through the content check; the stored file gets a generated name."""

    upload = forms.FileField(
        label=_("Upload a file"),
        required=False,
        help_text=_("Checked by its content; the size limit is set by the platform."),
    )

    class Meta:
        model = Material
        fields = [*services.REVISABLE_FIELDS, "organisation", "status", "published_at"]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            upload_check(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        has_file = bool(self.cleaned_data.get("upload") or self.instance.file)
        if not has_file and not cleaned.get("url"):
            raise ValidationError(_("Give a file to upload or a link to the material."))
        return cleaned


@admin.register(Material)
class MaterialAdmin(OrganisationScopedAdmin):
    form = MaterialForm
    list_display = [
        "title",
        "material_type",
        "language",
        "organisation",
        "status",
        "published_at",
        "download_count",
    ]
    list_filter = ["status", "material_type", "language", "level", "topic"]
    search_fields = ["title", "authors"]
    list_select_related = ["organisation", "topic"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["mime_type", "size_bytes", "view_count", "download_count", "current_file"]
    actions = ["publish", "return_with_comments"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "authors", "organisation", "status"]}),
        (
            _("Where it is"),
            {
                "fields": [
                    "upload",
                    "current_file",
                    "url",
                    "mime_type",
                    "size_bytes",
                    "duration_minutes",
                ]
            },
        ),
        (
            _("Description"),
            {
                "fields": [
                    "material_type",
                    "topic",
                    "language",
                    "level",
                    "licence",
                    "publication_year",
                ]
            },
        ),
        (
            _("Audience"),
            {"fields": ["for_learners", "for_educators", "for_developers", "for_policymakers"]},
        ),
        (
            _("Accessibility"),
            {
                "fields": [
                    "has_captions",
                    "has_transcript",
                    "has_audio_description",
                    "is_screen_reader_ready",
                    "has_sign_language",
                    "is_easy_read",
                ]
            },
        ),
        (_("Use"), {"fields": ["view_count", "download_count", "published_at"]}),
    ]

    @admin.display(description=_("Current file"))
    def current_file(self, obj):
        return obj.file.name if obj.file else "—"

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("upload")
        if upload:
            services.material_attach_file(material=obj, upload=upload)
        if obj.status == Material.Status.PUBLISHED and obj.published_at is None:
            obj.published_at = timezone.now()
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Publish the selected materials (with any pending change)"))
    def publish(self, request, queryset):
        for material in queryset:
            services.material_publish(material=material)

    @admin.action(description=_("Return the selected materials with their review comments"))
    def return_with_comments(self, request, queryset):
        for material in queryset:
            try:
                submission_return(
                    item=material, staff=request.user, comment=material.review_comment
                )
            except ValidationError as error:
                self.message_user(
                    request, f"{material}: {' '.join(error.messages)}", level=messages.ERROR
                )


class CollectionItemInline(admin.TabularInline):
    model = CollectionItem
    extra = 0
    autocomplete_fields = ["material"]


@admin.register(Collection)
class CollectionAdmin(OrganisationScopedAdmin):
    list_display = ["title", "owner", "organisation", "is_public", "is_featured"]
    list_filter = ["is_public", "is_featured"]
    search_fields = ["title"]
    raw_id_fields = ["owner"]
    inlines = [CollectionItemInline]


@admin.register(LibraryPage)
class LibraryPageAdmin(OrganisationScopedAdmin):
    list_display = ["title", "organisation", "slug", "is_published"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["collection"]


# --- The partners' site ------------------------------------------------------------------------


@admin.register(Material, site=partner_admin)
class PartnerMaterialAdmin(MemberScopedAdmin, MaterialAdmin):
    """Members add and edit their organisation's material. An edit of published material is
    kept as a pending change for review; the published version stays up meanwhile."""

    actions = ["submit_for_review"]
    list_display = ["title", "material_type", "language", "status", "review_state"]
    list_filter = ["status", "review_state", "material_type", "language"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        review = (_("Review"), {"fields": ["status", "review_state", "review_comment"]})
        return [*[fs for fs in fieldsets if fs[0] != _("Use")], review]

    def save_model(self, request, obj, form, change):
        if change and obj.status == Material.Status.PUBLISHED:
            services.material_revise(
                material=obj,
                changed=form.changed_data,
                data=form.cleaned_data,
                upload=form.cleaned_data.get("upload"),
                user=request.user,
            )
            self.message_user(
                request,
                _(
                    "Your changes wait for review; the published "
                    "version stays up until they are approved."
                ),
            )
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if change and form.instance.status == Material.Status.PUBLISHED:
            return  # nothing of a pending change reaches the published material
        super().save_related(request, form, formsets, change)

    @admin.action(description=_("Submit the selected material for review"))
    def submit_for_review(self, request, queryset):
        for material in queryset:
            submission_submit(item=material, user=request.user)
        self.message_user(request, _("Submitted: staff will review it."))
