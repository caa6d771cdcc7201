"""Staff's side of certification: programmes and prices, vouchers and fee waivers, graded projects,
orders and refunds, the candidate queue, and issuing, revoking and re-sending certificates.

Money and certificates only change through the services: orders, Stripe events, certificates and
bulk runs are read-only here, and every issue, revoke and re-send is logged with who and when.
"""

import uuid

import stripe
from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from certification import payments, selectors, services
from certification.models import (
    BulkIssue,
    Certificate,
    FeeWaiverRequest,
    GroupDiscount,
    Order,
    Programme,
    ProjectSubmission,
    Signatory,
    StripeEvent,
    Voucher,
)

CANDIDATES_PER_PAGE = 50


def _report(modeladmin, request, obj, error: ValidationError) -> None:
    modeladmin.message_user(request, f"{obj}: {' '.join(error.messages)}", level=messages.ERROR)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written only by the services (payments, Stripe, issuing): staff look, never edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# --- Programmes and prices -------------------------------------------------------------------


class ProgrammeForm(forms.ModelForm):
    class Meta:
        model = Programme
        fields = [
            "title",
            "slug",
            "description",
            "criteria",
            "topic",
            "organisation",
            "required_courses",
            "assessment",
            "exam",
            "project_brief",
            "base_price",
            "currency",
            "signatories",
            "is_active",
        ]

    def clean(self):
        data = super().clean()
        exam = data.get("exam")
        courses = data.get("required_courses")
        if data.get("assessment") == Programme.Assessment.EXAM:
            if exam is None:
                self.add_error(
                    "exam",
                    _("A programme assessed by exam needs its final exam: give the quiz's ID."),
                )
            elif courses is not None and exam.module.version.course_id not in {
                course.pk for course in courses
            }:
                self.add_error(
                    "exam",
                    _(
                        "The final exam must be a quiz of one of the required courses (in any of "
                        "its language versions). Add that course, or choose another quiz."
                    ),
                )
        return data


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    form = ProgrammeForm
    list_display = ["title", "assessment", "base_price", "currency", "organisation", "is_active"]
    list_filter = ["is_active", "assessment", "topic"]
    list_select_related = ["organisation"]
    search_fields = ["title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    # Checkboxes and a quiz ID typed in work without JavaScript and pass axe, unlike the
    # admin's scripted two-box filter (its search icon carries a prohibited aria-label).
    formfield_overrides = {models.ManyToManyField: {"widget": forms.CheckboxSelectMultiple}}
    raw_id_fields = ["exam"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "criteria", "topic", "organisation"]}),
        (
            _("Requirements"),
            {"fields": ["required_courses", "assessment", "exam", "project_brief"]},
        ),
        (_("Price"), {"fields": ["base_price", "currency"]}),
        (_("Certificate"), {"fields": ["signatories", "is_active"]}),
    ]


@admin.register(Signatory)
class SignatoryAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "organisation"]
    list_select_related = ["organisation"]
    search_fields = ["name", "title"]


@admin.register(GroupDiscount)
class GroupDiscountAdmin(admin.ModelAdmin):
    list_display = ["group", "percent"]
    list_editable = ["percent"]


# --- Vouchers and fee waivers ----------------------------------------------------------------


class VoucherForm(forms.ModelForm):
    class Meta:
        model = Voucher
        fields = [
            "code",
            "kind",
            "percent",
            "amount",
            "currency",
            "programme",
            "for_user",
            "sponsor",
            "pledge",
            "max_uses",
            "valid_until",
            "note",
        ]

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == Voucher.Kind.PERCENT and not data.get("percent"):
            self.add_error("percent", _("Give the percentage a percentage voucher takes off."))
        if kind == Voucher.Kind.AMOUNT:
            if not data.get("amount"):
                self.add_error("amount", _("Give the amount an amount voucher takes off."))
            if not data.get("currency"):
                self.add_error("currency", _("Give the currency of the amount off."))
            programme = data.get("programme")
            if programme and data.get("currency") and data["currency"] != programme.currency:
                self.add_error(
                    "currency",
                    _("The programme is priced in %(currency)s: use the same currency.")
                    % {"currency": programme.currency},
                )
        pledge, sponsor = data.get("pledge"), data.get("sponsor")
        if pledge and sponsor and pledge.organisation_id != sponsor.pk:
            self.add_error("pledge", _("Choose a pledge of the sponsoring organisation."))
        max_uses = data.get("max_uses")
        if max_uses is not None and max_uses < self.instance.used:
            self.add_error(
                "max_uses",
                _("This voucher has already been used %(used)d times: allow at least as many.")
                % {"used": self.instance.used},
            )
        return data


@admin.register(Voucher)
class VoucherAdmin(admin.ModelAdmin):
    form = VoucherForm
    list_display = [
        "code",
        "kind",
        "value",
        "programme",
        "sponsor",
        "pledge",
        "uses",
        "valid_until",
    ]
    list_filter = ["kind", "sponsor"]
    list_select_related = ["programme", "sponsor", "pledge__organisation"]
    search_fields = ["code"]
    raw_id_fields = ["for_user"]
    fields = [*VoucherForm.Meta.fields[:-2], "used", "valid_until", "note", "created_at"]
    readonly_fields = ["used", "created_at"]

    @admin.display(description=_("value"))
    def value(self, obj):
        if obj.kind == Voucher.Kind.PERCENT:
            return f"{obj.percent}%"
        if obj.kind == Voucher.Kind.AMOUNT:
            return f"{obj.amount} {obj.currency}"
        return obj.get_kind_display()

    @admin.display(description=_("used / allowed"), ordering="used")
    def uses(self, obj):
        return f"{obj.used}/{obj.max_uses}"


@admin.register(FeeWaiverRequest)
class FeeWaiverRequestAdmin(admin.ModelAdmin):
    """Learners ask on the programme page; staff write a note if they wish, then decide."""

    list_display = ["user", "programme", "state", "created_at", "decided_by", "voucher"]
    list_filter = ["state", "programme"]
    list_select_related = ["user", "programme", "decided_by", "voucher"]
    search_fields = ["user__email", "user__display_name"]
    fields = [
        "user",
        "programme",
        "statement",
        "created_at",
        "state",
        "decision_note",
        "decided_by",
        "decided_at",
        "voucher",
    ]
    readonly_fields = [f for f in fields if f != "decision_note"]
    actions = ["approve", "decline"]

    def has_add_permission(self, request):
        return False

    def _decide(self, request, queryset, *, approve: bool):
        decided = already = 0
        for waiver in queryset.select_related("user", "programme"):
            if waiver.state != FeeWaiverRequest.State.PENDING:
                already += 1
                continue
            try:
                services.fee_waiver_decide(
                    waiver=waiver, by=request.user, approve=approve, note=waiver.decision_note
                )
            except ValidationError as error:
                _report(self, request, waiver, error)
            else:
                decided += 1
        if decided:
            done = (
                ngettext(
                    "%(count)d request approved: the learner was e-mailed a waiver voucher.",
                    "%(count)d requests approved: each learner was e-mailed a waiver voucher.",
                    decided,
                )
                if approve
                else ngettext(
                    "%(count)d request declined; the learner was told.",
                    "%(count)d requests declined; each learner was told.",
                    decided,
                )
            )
            self.message_user(request, done % {"count": decided}, messages.SUCCESS)
        if already:
            self.message_user(
                request,
                ngettext(
                    "%(count)d request was left alone: it had already been decided.",
                    "%(count)d requests were left alone: they had already been decided.",
                    already,
                )
                % {"count": already},
                messages.WARNING,
            )

    @admin.action(description=_("Approve (issue a waiver voucher)"))
    def approve(self, request, queryset):
        self._decide(request, queryset, approve=True)

    @admin.action(description=_("Decline"))
    def decline(self, request, queryset):
        self._decide(request, queryset, approve=False)


@admin.register(ProjectSubmission)
class ProjectSubmissionAdmin(admin.ModelAdmin):
    """Write the feedback on the project's page, save, then mark it passed or not passed."""

    list_display = ["user", "programme", "project_link", "state", "submitted_at", "graded_by"]
    list_filter = ["state", "programme"]
    list_select_related = ["user", "programme", "graded_by"]
    search_fields = ["user__email", "user__display_name", "url"]
    fields = [
        "user",
        "programme",
        "url",
        "summary",
        "submitted_at",
        "state",
        "feedback",
        "graded_by",
        "graded_at",
    ]
    actions = ["mark_passed", "mark_failed"]

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        graded = obj is not None and obj.state != ProjectSubmission.State.SUBMITTED
        return [f for f in self.fields if graded or f != "feedback"]

    @admin.display(description=_("project"))
    def project_link(self, obj):
        return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', obj.url, obj.url)

    def _grade(self, request, queryset, *, passed: bool):
        graded = 0
        for submission in queryset.select_related("user", "programme"):
            try:
                services.project_grade(
                    submission=submission,
                    by=request.user,
                    passed=passed,
                    feedback=submission.feedback,
                )
            except ValidationError as error:
                _report(self, request, submission, error)
            else:
                graded += 1
        if graded:
            self.message_user(
                request,
                ngettext("%(count)d project graded.", "%(count)d projects graded.", graded)
                % {"count": graded},
                messages.SUCCESS,
            )

    @admin.action(description=_("Mark passed"))
    def mark_passed(self, request, queryset):
        self._grade(request, queryset, passed=True)

    @admin.action(description=_("Mark not passed"))
    def mark_failed(self, request, queryset):
        self._grade(request, queryset, passed=False)


# --- Orders, refunds and the candidate queue -------------------------------------------------


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    """Amounts are never edited: an order changes through checkout, Stripe, or a refund."""

    list_display = ["created_at", "user", "programme", "amount", "currency", "state", "problem"]
    list_filter = ["state", "programme"]
    list_select_related = ["user", "programme"]
    search_fields = ["user__email", "stripe_session_id", "stripe_payment_intent"]
    fields = [
        "id",
        "user",
        "programme",
        "state",
        "problem",
        "base_price",
        "pricing_group",
        "group_percent",
        "voucher",
        "voucher_discount",
        "amount",
        "currency",
        "stripe_session_id",
        "stripe_payment_intent",
        "created_at",
        "paid_at",
        "closed_at",
        "refunded_by",
        "certificate_link",
    ]
    readonly_fields = fields
    actions = ["refund"]

    def has_refund_permission(self, request):
        return request.user.has_perm("certification.change_order")

    @admin.display(description=_("certificate"))
    def certificate_link(self, obj):
        certificate = Certificate.objects.filter(order=obj).only("pk", "title").first()
        if certificate is None:
            return _("None yet")
        url = reverse("admin:certification_certificate_change", args=[certificate.pk])
        return format_html('<a href="{}">{}</a>', url, certificate.pk)

    @admin.action(description=_("Refund through Stripe"), permissions=["refund"])
    def refund(self, request, queryset):
        for order in queryset.select_related("user", "programme"):
            try:
                payments.order_refund(order=order, by=request.user)
            except payments.PaymentsNotConfigured as error:
                _report(self, request, order, error)
                return
            except ValidationError as error:
                _report(self, request, order, error)
            except stripe.StripeError as error:
                self.message_user(
                    request,
                    _(
                        "%(order)s: Stripe did not make the refund (%(error)s). Nothing changed "
                        "here: try again later, or refund from Stripe's dashboard."
                    )
                    % {"order": order, "error": error.user_message or error.code or error},
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request,
                    _("%(order)s: %(amount)s %(currency)s refunded.")
                    % {"order": order, "amount": order.amount, "currency": order.currency},
                    messages.SUCCESS,
                )

    def get_urls(self):
        queue = path(
            "candidates/",
            self.admin_site.admin_view(self.candidates_view),
            name="certification_candidates",
        )
        return [queue, *super().get_urls()]

    def candidates_view(self, request):
        """Paid or waived orders waiting for their certificate, with the learner's evidence."""
        if not request.user.has_perm("certification.add_certificate"):
            raise PermissionDenied
        if request.method == "POST":
            return self._issue(request)
        paginator = Paginator(
            selectors.candidates().select_related("voucher__sponsor"), CANDIDATES_PER_PAGE
        )
        page = paginator.get_page(request.GET.get("page"))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Candidates to certify"),
            "opts": self.model._meta,
            "page": page,
            "rows": selectors.candidate_evidence(page.object_list),
        }
        return TemplateResponse(request, "admin/certification/candidates.html", context)

    def _issue(self, request):
        field = "order" if "issue_selected" in request.POST else "on_page"
        ids = []
        for value in request.POST.getlist(field):
            try:
                ids.append(uuid.UUID(value))
            except ValueError:
                continue
        # Only orders still waiting: one certified meanwhile (another tab) is left out.
        orders = list(selectors.candidates().filter(pk__in=ids))
        try:
            bulk = services.bulk_issue_start(orders=orders, by=request.user)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)
            return redirect(request.get_full_path())
        self.message_user(
            request,
            ngettext(
                "Issuing %(count)d certificate: its progress is below.",
                "Issuing %(count)d certificates: their progress is below.",
                bulk.total,
            )
            % {"count": bulk.total},
            messages.SUCCESS,
        )
        return redirect("admin:certification_bulkissue_change", bulk.pk)


@admin.register(BulkIssue)
class BulkIssueAdmin(ReadOnlyAdmin):
    """A bulk run's page shows its progress; staff reload it (no script refreshes it)."""

    list_display = ["created_at", "created_by", "state", "progress", "finished_at"]
    list_filter = ["state"]
    list_select_related = ["created_by"]
    fields = ["created_by", "created_at", "state", "total", "issued", "skipped", "finished_at"]
    readonly_fields = fields
    change_form_template = "admin/certification/bulkissue/change_form.html"

    @admin.display(description=_("progress"))
    def progress(self, obj):
        return _("%(done)d of %(total)d done: %(issued)d issued, %(skipped)d skipped") % {
            "done": obj.issued + obj.skipped,
            "total": obj.total,
            "issued": obj.issued,
            "skipped": obj.skipped,
        }


@admin.register(StripeEvent)
class StripeEventAdmin(ReadOnlyAdmin):
    list_display = ["event_id", "type", "received_at"]
    list_filter = ["type"]
    search_fields = ["event_id"]
    fields = ["event_id", "type", "received_at", "payload"]
    readonly_fields = fields


# --- Certificates ----------------------------------------------------------------------------


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
                _report(self, request, certificate, error)
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
                    _report(self, request, certificate, error)
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
