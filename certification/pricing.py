"""What a learner pays for a programme: the base price, less their country group's discount,
less a voucher. Each step is kept, so the checkout page can say why the price is what it is."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.countries import pricing_group
from alliance.core.models import PricingGroup
from certification.models import GroupDiscount, Programme, Voucher

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Quote:
    programme: Programme
    base_price: Decimal
    currency: str
    group: PricingGroup | None
    group_percent: int
    group_discount: Decimal
    voucher: Voucher | None = None
    voucher_discount: Decimal = Decimal("0")
    reasons: list[str] = field(default_factory=list)

    @property
    def after_group(self) -> Decimal:
        return self.base_price - self.group_discount

    @property
    def amount(self) -> Decimal:
        return max(self.after_group - self.voucher_discount, Decimal("0")).quantize(CENT)

    @property
    def is_free(self) -> bool:
        return self.amount == 0


def _percent_of(amount: Decimal, percent: int) -> Decimal:
    return (amount * Decimal(percent) / 100).quantize(CENT, rounding=ROUND_HALF_UP)


def voucher_find(*, code: str, user, programme: Programme) -> Voucher:
    """The voucher a learner typed, if they may use it now for this programme; else a
    ValidationError that says why."""
    code = (code or "").strip().upper()
    voucher = Voucher.objects.filter(code=code).first() if code else None
    if voucher is None:
        raise ValidationError(_("There is no voucher with this code."), code="unknown")
    if voucher.is_expired():
        raise ValidationError(_("This voucher has expired."), code="expired")
    if voucher.uses_left <= 0:
        raise ValidationError(_("This voucher has been used as often as it allows."), code="used")
    if voucher.programme_id and voucher.programme_id != programme.pk:
        raise ValidationError(_("This voucher is for another programme."), code="programme")
    if voucher.for_user_id and voucher.for_user_id != user.pk:
        raise ValidationError(_("This voucher was issued to someone else."), code="person")
    if voucher.kind == Voucher.Kind.AMOUNT and voucher.currency != programme.currency:
        raise ValidationError(
            _("This voucher is in %(voucher)s but the programme is priced in %(price)s.")
            % {"voucher": voucher.currency, "price": programme.currency},
            code="currency",
        )
    return voucher


@dataclass(frozen=True)
class GroupPrice:
    """What a learner's country says about their price, the same for every programme."""

    group: PricingGroup | None
    percent: int
    reason: str


def group_price(*, user) -> GroupPrice:
    group = pricing_group(user.country)
    if group is None:
        reason = (
            _("%(country)s has no World Bank income group, so the full price applies.")
            % {"country": user.country.name}
            if user.country
            else _("Add your country to your profile: prices are lower for many countries.")
        )
        return GroupPrice(group=None, percent=0, reason=reason)
    discount = GroupDiscount.objects.filter(group=group).first()
    percent = discount.percent if discount else 0
    names = {"group": group.label, "country": user.country.name}
    if percent:
        reason = _("%(percent)s%% off for learners in %(group)s countries (%(country)s).") % {
            "percent": percent,
            **names,
        }
    else:
        reason = (
            _("The full price applies to learners in %(group)s countries (%(country)s).") % names
        )
    return GroupPrice(group=group, percent=percent, reason=reason)


def price_quote(
    *, user, programme: Programme, voucher: Voucher | None = None, group: GroupPrice | None = None
) -> Quote:
    """The learner's price for a programme; pass ``group`` (from group_price) to price many
    programmes for one learner without asking for their country's group each time."""
    group = group or group_price(user=user)
    reasons = [group.reason]
    group_discount = _percent_of(programme.base_price, group.percent)
    after_group = programme.base_price - group_discount
    voucher_discount = Decimal("0")
    if voucher is not None:
        if voucher.kind == Voucher.Kind.WAIVER:
            voucher_discount = after_group
            reasons.append(_("Voucher %(code)s waives the fee.") % {"code": voucher.code})
        elif voucher.kind == Voucher.Kind.PERCENT:
            voucher_discount = _percent_of(after_group, voucher.percent)
            reasons.append(
                _("Voucher %(code)s takes %(percent)s%% off.")
                % {"code": voucher.code, "percent": voucher.percent}
            )
        else:
            voucher_discount = min(voucher.amount, after_group)
            reasons.append(
                _("Voucher %(code)s takes %(amount)s %(currency)s off.")
                % {"code": voucher.code, "amount": voucher.amount, "currency": voucher.currency}
            )
        if voucher.sponsor_id:
            reasons.append(
                _("This place is funded by %(sponsor)s.") % {"sponsor": voucher.sponsor.name}
            )
    return Quote(
        programme=programme,
        base_price=programme.base_price,
        currency=programme.currency,
        group=group.group,
        group_percent=group.percent,
        group_discount=group_discount,
        voucher=voucher,
        voucher_discount=voucher_discount,
        reasons=reasons,
    )


def voucher_take(*, voucher: Voucher) -> None:
    """Count one use, unless another checkout took the last one first (a single UPDATE decides)."""
    still_valid = Q(valid_until__isnull=True) | Q(valid_until__gt=timezone.now())
    taken = Voucher.objects.filter(still_valid, pk=voucher.pk, used__lt=F("max_uses")).update(
        used=F("used") + 1
    )
    if taken != 1:
        raise ValidationError(_("This voucher has just been used up or has expired."), code="used")


def voucher_release(*, voucher_id: int) -> None:
    """Give back the use an order took, when the order is cancelled or its payment failed."""
    Voucher.objects.filter(pk=voucher_id, used__gt=0).update(used=F("used") - 1)
