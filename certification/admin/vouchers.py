"""Vouchers, and the fee waivers staff grant by issuing one."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from certification import services
from certification.admin.base import error_report
from certification.models import FeeWaiverRequest, Voucher


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
                error_report(self, request, waiver, error)
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
