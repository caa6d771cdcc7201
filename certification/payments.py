"""Paying for a programme with Stripe Checkout.

Stripe's fulfilment pattern: one idempotent ``order_fulfil(session_id)`` called from the webhook,
the success page and the reconciliation task. It asks Stripe for the session, so the order of
webhook events does not matter: whichever arrives first, the order ends in the state Stripe
reports. Stripe is called outside database transactions; the rows it concerns are locked only
while they are written.
"""

import contextlib
import logging
from dataclasses import dataclass
from datetime import timedelta

import stripe
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from alliance.core.mail import email_after_commit
from certification.models import Order, Programme, StripeEvent
from certification.pricing import price_quote, voucher_find, voucher_release, voucher_take
from certification.selectors import already_bought, programme_standing

log = logging.getLogger(__name__)

FULFIL_EVENTS = {"checkout.session.completed", "checkout.session.async_payment_succeeded"}
HANDLED_EVENTS = FULFIL_EVENTS | {
    "checkout.session.async_payment_failed",
    "checkout.session.expired",
    "charge.refunded",
}


class PaymentsNotConfigured(ValidationError):
    def __init__(self):
        super().__init__(
            _(
                "Card payments are not configured on this platform yet. A voucher or a fee "
                "waiver still lets you take the certificate."
            ),
            code="not_configured",
        )


def payments_configured() -> bool:
    return bool(settings.STRIPE_SECRET_KEY)


def stripe_client() -> stripe.StripeClient:
    if not payments_configured():
        raise PaymentsNotConfigured()
    options = {}
    if settings.STRIPE_API_BASE:
        options["base_addresses"] = {"api": settings.STRIPE_API_BASE}
    return stripe.StripeClient(settings.STRIPE_SECRET_KEY, max_network_retries=2, **options)


@dataclass(frozen=True)
class Checkout:
    order: Order
    redirect_url: str  # Stripe's payment page, or the order page when nothing is left to pay


def _refuse_unless_buyable(*, user, programme: Programme) -> None:
    if not programme.is_active:
        raise ValidationError(_("This programme is not taking candidates."), code="closed")
    standing = programme_standing(user=user, programme=programme)
    standing.refuse_if_bought()
    if not standing.requirements_met:
        raise ValidationError(
            _("Complete the required courses and pass the assessment before buying."),
            code="requirements",
        )


def checkout_start(
    *, user, programme: Programme, voucher_code: str = "", success_url: str, cancel_url: str
) -> Checkout:
    """Start buying a programme: price it, record the order, and open a Stripe Checkout session
    (none when a voucher leaves nothing to pay). ``success_url`` may hold Stripe's
    ``{CHECKOUT_SESSION_ID}`` placeholder."""
    _refuse_unless_buyable(user=user, programme=programme)
    # Closed first: its voucher use is given back, so a learner who left Stripe's page without
    # paying can start again with the same single-use voucher.
    _close_earlier_checkout(user=user, programme=programme)
    voucher = (
        voucher_find(code=voucher_code, user=user, programme=programme) if voucher_code else None
    )
    quote = price_quote(user=user, programme=programme, voucher=voucher)
    if not quote.is_free and not payments_configured():
        raise PaymentsNotConfigured()

    try:
        with transaction.atomic():
            if voucher is not None:
                voucher_take(voucher=voucher)
            order = Order.objects.create(
                user=user,
                programme=programme,
                base_price=quote.base_price,
                pricing_group=quote.group or "",
                group_percent=quote.group_percent,
                voucher=voucher,
                voucher_discount=quote.voucher_discount,
                amount=quote.amount,
                currency=quote.currency,
            )
            if quote.is_free:
                order.state = Order.State.PAID
                order.paid_at = timezone.now()
                order.save(update_fields=["state", "paid_at"])
                _receipt(order)
    except IntegrityError as error:
        # Another tab of the same learner got there first: one paid or pending order at a time.
        raise ValidationError(
            _("A checkout for this programme is already in progress. Try again in a moment."),
            code="in_progress",
        ) from error
    if quote.is_free:
        return Checkout(order=order, redirect_url=order.get_absolute_url())

    try:
        session = stripe_client().v1.checkout.sessions.create(
            params={
                "mode": "payment",
                "client_reference_id": str(order.pk),
                "customer_email": user.email,
                "metadata": {"order_id": str(order.pk)},
                "payment_intent_data": {"metadata": {"order_id": str(order.pk)}},
                "line_items": [
                    {
                        "quantity": 1,
                        "price_data": {
                            "currency": order.currency.lower(),
                            "unit_amount": order.amount_minor,
                            "product_data": {"name": programme.title},
                        },
                    }
                ],
                "success_url": success_url,
                "cancel_url": cancel_url,
                "locale": "auto",
            },
            options={"idempotency_key": f"checkout-{order.pk}"},
        )
    except stripe.StripeError as error:
        log.warning("Stripe refused or failed to open checkout for order %s: %s", order.pk, error)
        order_close(order_id=order.pk, state=Order.State.CANCELLED)
        raise ValidationError(
            _("The payment service could not be reached. Nothing was charged; please try again."),
            code="stripe",
        ) from error
    Order.objects.filter(pk=order.pk, stripe_session_id__isnull=True).update(
        stripe_session_id=session.id
    )
    order.stripe_session_id = session.id
    return Checkout(order=order, redirect_url=session.url)


def _close_earlier_checkout(*, user, programme: Programme) -> None:
    """Before a new checkout, close the learner's open one, so they can never pay twice: its
    Stripe session is expired first; if Stripe says it was paid meanwhile, it is fulfilled."""
    earlier = Order.objects.filter(
        user=user, programme=programme, state=Order.State.PENDING
    ).first()
    if earlier is None:
        return
    if earlier.stripe_session_id:
        client = stripe_client()
        # Already complete or expired: the fulfilment below reads which.
        with contextlib.suppress(stripe.InvalidRequestError):
            client.v1.checkout.sessions.expire(earlier.stripe_session_id)
        order = order_fulfil(session_id=earlier.stripe_session_id)
        if order is not None and order.state == Order.State.PAID:
            raise already_bought()
        if order is not None and order.state != Order.State.PENDING:
            return
    order_close(order_id=earlier.pk, state=Order.State.CANCELLED)


def order_close(*, order_id, state: str) -> bool:
    """Move a pending order to cancelled or failed, giving back its voucher use; exactly once."""
    with transaction.atomic():
        order = Order.objects.select_for_update().filter(pk=order_id).first()
        if order is None or order.state != Order.State.PENDING:
            return False
        order.state = state
        order.closed_at = timezone.now()
        order.save(update_fields=["state", "closed_at"])
        if order.voucher_id:
            voucher_release(voucher_id=order.voucher_id)
    return True


def _order_for_session(session: dict) -> Order | None:
    order_id = (session.get("metadata") or {}).get("order_id") or session.get("client_reference_id")
    query = Order.objects.select_for_update()
    if order_id:
        try:
            return query.filter(pk=order_id).first()
        except ValidationError:
            return None
    return query.filter(stripe_session_id=session["id"]).first()


def order_fulfil(*, session_id: str) -> Order | None:
    """Bring an order in line with its Stripe Checkout session; safe to call any number of times.

    Paid (and the amount and currency match): the order is marked paid, once. Expired: cancelled.
    Still unpaid: left pending. A session that names no order of ours is ignored (None).
    """
    session = stripe_client().v1.checkout.sessions.retrieve(session_id).to_dict()
    with transaction.atomic():
        order = _order_for_session(session)
        if order is None:
            log.warning("Stripe session %s names no order of ours", session_id)
            return None
        if not order.stripe_session_id:
            order.stripe_session_id = session["id"]
            order.save(update_fields=["stripe_session_id"])
        if session.get("payment_status") in ("paid", "no_payment_required"):
            _mark_paid(order, session)
        elif session.get("status") == "expired" and order.state == Order.State.PENDING:
            order.state = Order.State.CANCELLED
            order.closed_at = timezone.now()
            order.save(update_fields=["state", "closed_at"])
            if order.voucher_id:
                voucher_release(voucher_id=order.voucher_id)
    return order


def _mark_paid(order: Order, session: dict) -> None:
    if order.paid_at is not None:
        # Already recorded (and perhaps refunded since): a late event reporting the same payment.
        return
    paid_minor = session.get("amount_total")
    paid_currency = (session.get("currency") or "").upper()
    if paid_minor != order.amount_minor or paid_currency != order.currency:
        order.problem = _(
            "Stripe reports %(paid)s %(paid_currency)s paid for an order of %(due)s %(currency)s."
        ) % {
            "paid": paid_minor,
            "paid_currency": paid_currency,
            "due": order.amount_minor,
            "currency": order.currency,
        }
        order.save(update_fields=["problem"])
        log.error("Order %s: %s", order.pk, order.problem)
        return
    if order.state != Order.State.PENDING:
        # Paid after the order was closed (e.g. a second tab): keep the money visible to staff.
        order.problem = _("Paid after the order was %(state)s; check for a double payment.") % {
            "state": order.get_state_display()
        }
        order.save(update_fields=["problem"])
        log.error("Order %s: %s", order.pk, order.problem)
        return
    order.state = Order.State.PAID
    order.paid_at = timezone.now()
    order.stripe_payment_intent = session.get("payment_intent") or ""
    order.save(update_fields=["state", "paid_at", "stripe_payment_intent"])
    _receipt(order)


def _receipt(order: Order) -> None:
    email_after_commit(
        to=order.user.email,
        template="certification/email/receipt",
        context={
            "name": order.user.get_short_name(),
            "programme": order.programme.title,
            "amount": str(order.amount),
            "currency": order.currency,
            "waived": order.amount == 0,
            "link": settings.SITE_URL + order.get_absolute_url(),
        },
        language=order.user.preferred_language or "en",
    )


def order_payment_failed(*, session_id: str) -> Order | None:
    """An asynchronous payment (a bank debit) failed: the order fails unless Stripe says paid."""
    order = order_fulfil(session_id=session_id)
    if order is not None and order.state == Order.State.PENDING:
        order_close(order_id=order.pk, state=Order.State.FAILED)
        order.refresh_from_db()
    return order


def order_mark_refunded(*, payment_intent: str) -> Order | None:
    with transaction.atomic():
        order = (
            Order.objects.select_for_update().filter(stripe_payment_intent=payment_intent).first()
        )
        if order is None or order.state == Order.State.REFUNDED:
            return order
        order.state = Order.State.REFUNDED
        order.closed_at = timezone.now()
        order.save(update_fields=["state", "closed_at"])
    return order


def order_refund(*, order: Order, by) -> Order:
    """Staff refund a paid order in full through Stripe."""
    if order.state != Order.State.PAID:
        raise ValidationError(_("Only a paid order can be refunded."), code="state")
    if order.amount == 0 or not order.stripe_payment_intent:
        raise ValidationError(_("Nothing was paid through Stripe for this order."), code="free")
    stripe_client().v1.refunds.create(
        params={
            "payment_intent": order.stripe_payment_intent,
            "metadata": {"order_id": str(order.pk)},
        },
        options={"idempotency_key": f"refund-{order.pk}"},
    )
    refunded = order_mark_refunded(payment_intent=order.stripe_payment_intent)
    Order.objects.filter(pk=order.pk).update(refunded_by=by)
    refunded.refresh_from_db()
    return refunded


# --- Webhook ---------------------------------------------------------------------------------


class BadSignature(Exception):
    pass


def webhook_receive(*, payload: bytes, signature: str) -> tuple[StripeEvent | None, bool]:
    """Verify a webhook delivery and store its event once. Returns (event, is_new); raises
    BadSignature when the signature is missing or wrong (nothing is written then)."""
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret or not signature:
        raise BadSignature("missing signature or webhook secret")
    try:
        event = stripe.Webhook.construct_event(payload, signature, secret)
    except (stripe.SignatureVerificationError, ValueError) as error:
        raise BadSignature(str(error)) from error
    stored, created = StripeEvent.objects.get_or_create(
        event_id=event.id, defaults={"type": event.type, "payload": event.to_dict()}
    )
    return stored, created


def event_process(*, event: StripeEvent) -> None:
    """Act on one stored event; every branch asks Stripe or is idempotent, so replays are safe."""
    obj = event.payload.get("data", {}).get("object", {})
    if event.type in FULFIL_EVENTS or event.type == "checkout.session.expired":
        order_fulfil(session_id=obj["id"])
    elif event.type == "checkout.session.async_payment_failed":
        order_payment_failed(session_id=obj["id"])
    elif (
        event.type == "charge.refunded"
        and obj.get("refunded")
        and obj.get("payment_intent")
        and order_mark_refunded(payment_intent=obj["payment_intent"]) is None
    ):
        _refund_before_payment_known(obj["payment_intent"])


def _refund_before_payment_known(payment_intent: str) -> None:
    """A refund reported before the payment was: find the session, fulfil, then refund."""
    sessions = stripe_client().v1.checkout.sessions.list(
        params={"payment_intent": payment_intent, "limit": 1}
    )
    for session in sessions.data:
        order_fulfil(session_id=session.id)
    order_mark_refunded(payment_intent=payment_intent)


def orders_reconcile(*, older_than: timedelta = timedelta(minutes=10)) -> int:
    """Ask Stripe about orders left pending, so a lost webhook loses no payment. Returns the
    number of orders whose state changed."""
    cutoff = timezone.now() - older_than
    changed = 0
    pending = Order.objects.filter(state=Order.State.PENDING, created_at__lt=cutoff, problem="")
    for order in pending.exclude(stripe_session_id=None).only("pk", "stripe_session_id"):
        try:
            result = order_fulfil(session_id=order.stripe_session_id)
        except stripe.StripeError as error:
            log.warning("Reconciling order %s failed: %s", order.pk, error)
            continue
        if result is not None and result.state != Order.State.PENDING:
            changed += 1
    # An order whose Stripe session was never created (the request died mid-way) is let go.
    for order in pending.filter(stripe_session_id=None, created_at__lt=cutoff - timedelta(hours=1)):
        changed += order_close(order_id=order.pk, state=Order.State.CANCELLED)
    return changed


# Stripe retries a webhook delivery for three days; a little longer covers one lost for good.
CATCH_UP_WINDOW = timedelta(days=4)
# Events younger than this are left to their webhook delivery, which is normally on its way.
CATCH_UP_GRACE = timedelta(minutes=5)


def events_catch_up(*, window: timedelta = CATCH_UP_WINDOW) -> int:
    """Process the events of the last few days that no webhook delivery brought, e.g. a refund
    made in Stripe's dashboard whose charge.refunded never arrived. Stripe lists the events it
    sent; each is stored once by its id whichever way it comes, so nothing is done twice.
    Returns how many events were caught up."""
    if not payments_configured():
        return 0
    now = timezone.now()
    listing = stripe_client().v1.events.list(
        params={
            "types": sorted(HANDLED_EVENTS),
            "created": {
                "gte": int((now - window).timestamp()),
                "lte": int((now - CATCH_UP_GRACE).timestamp()),
            },
            "limit": 100,
        }
    )
    caught = 0
    for event in listing.auto_paging_iter():
        stored, created = StripeEvent.objects.get_or_create(
            event_id=event.id, defaults={"type": event.type, "payload": event.to_dict()}
        )
        if created:
            log.warning("Stripe event %s (%s) had not been delivered", event.id, event.type)
            event_process(event=stored)
            caught += 1
    return caught
