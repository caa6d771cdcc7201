"""Orders and refunds, the candidate queue with its bulk issuing, and Stripe's events.

Orders, bulk runs and Stripe events are read-only: they change only through the services.
"""

import uuid

import stripe
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from certification import payments, selectors, services
from certification.admin.base import ReadOnlyAdmin, error_report
from certification.models import BulkIssue, Certificate, Order, StripeEvent

CANDIDATES_PER_PAGE = 50


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
                error_report(self, request, order, error)
                return
            except ValidationError as error:
                error_report(self, request, order, error)
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
