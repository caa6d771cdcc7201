"""Certificates: looked up, sent again or revoked, each with its log of who did what, when."""

import uuid

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from certification import services
from certification.admin.base import ReadOnlyAdmin, error_report
from certification.models import Certificate


class RevokedFilter(admin.SimpleListFilter):
    title = _("revoked")
    parameter_name = "revoked"

    def lookups(self, request, model_admin):
        return [("yes", _("Revoked")), ("no", _("Valid"))]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.filter(revoked_at__isnull=self.value() == "no")
        return queryset


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for revoking"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_(
            "Kept in each certificate's log. Anyone checking a revoked certificate sees that it "
            "was revoked, and when."
        ),
        error_messages={"required": _("Give a reason for revoking the certificate.")},
    )


@admin.register(Certificate)
class CertificateAdmin(ReadOnlyAdmin):
    """Certificates are issued from the candidate queue (or on course completion), then only
    revoked or sent again, with the actions of this list."""

    list_display = ["id", "learner_name", "title", "kind", "issued_at", "revoked"]
    list_filter = ["kind", RevokedFilter]
    search_fields = ["learner_name", "user__email", "title"]
    fields = [
        "id",
        "kind",
        "user",
        "learner_name",
        "title",
        "course",
        "programme",
        "order",
        "issuer_name",
        "signed_by",
        "language",
        "issued_at",
        "issued_by",
        "revoked_at",
        "revoked_by",
        "revoke_reason",
        "pdf_file",
        "verification",
        "history",
    ]
    readonly_fields = fields
    actions = ["send_again", "revoke"]

    def has_issue_permission(self, request):
        return request.user.has_perm("certification.change_certificate")

    def get_search_results(self, request, queryset, search_term):
        found, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        try:
            pk = uuid.UUID(search_term.strip())
        except ValueError:
            return found, may_have_duplicates
        return found | queryset.filter(pk=pk), may_have_duplicates

    @admin.display(description=_("revoked"), boolean=True, ordering="revoked_at")
    def revoked(self, obj):
        return obj.is_revoked

    @admin.display(description=_("signatories"))
    def signed_by(self, obj):
        names = [f"{s.get('name', '')}, {s.get('title', '')}" for s in obj.signatories]
        return "; ".join(names) or "-"

    @admin.display(description=_("PDF"))
    def pdf_file(self, obj):
        if not obj.pdf:
            return _("Being prepared")
        url = reverse("certification:pdf", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Download the PDF"))

    @admin.display(description=_("verification page"))
    def verification(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.verify_url)

    @admin.display(description=_("log"))
    def history(self, obj):
        """Every issue, revoke and re-send, with who and when."""
        entries = obj.log.select_related("actor").order_by("at", "pk")
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            (
                (
                    date_format(localtime(entry.at), "SHORT_DATETIME_FORMAT"),
                    entry.get_action_display(),
                    entry.actor or _("the platform"),
                    entry.note,
                )
                for entry in entries
            ),
        )
        return format_html(
            '<table><thead><tr><th scope="col">{}</th><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th></tr></thead>'
            "<tbody>{}</tbody></table>",
            _("When"),
            _("What"),
            _("Who"),
            _("Note"),
            rows,
        )

    @admin.action(description=_("Send again"), permissions=["issue"])
    def send_again(self, request, queryset):
        sent = 0
        for certificate in queryset:
            try:
                services.certificate_resend(certificate=certificate, by=request.user)
            except ValidationError as error:
                error_report(self, request, certificate, error)
            else:
                sent += 1
        if sent:
            self.message_user(
                request,
                ngettext(
                    "%(count)d certificate will be e-mailed to its holder again.",
                    "%(count)d certificates will be e-mailed to their holders again.",
                    sent,
                )
                % {"count": sent},
                messages.SUCCESS,
            )

    @admin.action(description=_("Revoke…"), permissions=["issue"])
    def revoke(self, request, queryset):
        """First a page asking for the reason; its form posts back here with ``confirm``."""
        form = RevokeForm(request.POST if request.POST.get("confirm") else None)
        if form.is_valid():
            revoked = 0
            for certificate in queryset:
                try:
                    services.certificate_revoke(
                        certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
                    )
                except ValidationError as error:
                    error_report(self, request, certificate, error)
                else:
                    revoked += 1
            if revoked:
                self.message_user(
                    request,
                    ngettext(
                        "%(count)d certificate revoked.", "%(count)d certificates revoked.", revoked
                    )
                    % {"count": revoked},
                    messages.SUCCESS,
                )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Revoke certificates"),
            "opts": self.model._meta,
            "form": form,
            "certificates": queryset,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/certification/certificate/revoke.html", context)
