"""Paying for a programme through Stripe Checkout, with Stripe's HTTP API stood in on loopback.

Alice lives in Kenya (lower-middle income, 60% off), so the 100 USD programme costs her 40 USD.
"""

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from alliance.core.countries import load
from certification import payments, tasks
from certification.models import Order, StripeEvent, Voucher
from tests.certification.fixtures import complete_programme_requirements
from tests.certification.stripe_standin import event as standin_event
from tests.certification.stripe_standin import sign
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SUCCESS_URL = "http://testserver/certification/orders/return/?session_id={CHECKOUT_SESSION_ID}"
CANCEL_URL = "http://testserver/certification/advanced-generative-ai/"


@pytest.fixture(autouse=True)
def countries(db):
    load()


def checkout(user, programme, **kwargs) -> payments.Checkout:
    return payments.checkout_start(
        user=user, programme=programme, success_url=SUCCESS_URL, cancel_url=CANCEL_URL, **kwargs
    )


def session_creations(standin) -> list[dict]:
    return [
        p
        for method, path, p in standin.requests
        if (method, path) == ("POST", "/v1/checkout/sessions")
    ]


def _voucher(**fields) -> Voucher:
    return Voucher.objects.create(**{"kind": Voucher.Kind.PERCENT, "percent": 50, **fields})


@pytest.fixture
def qualified_bob(programme, discounts):
    bob = UserFactory(email="bob@example.org", display_name="Bob", country="KE")
    complete_programme_requirements(bob, programme)
    return bob


# --- Starting a checkout -------------------------------------------------------------------------


def test_checkout_records_one_pending_order_at_the_learners_price(
    qualified_alice, programme, stripe_standin
):
    started = checkout(qualified_alice, programme)

    order = Order.objects.get()
    assert order == started.order
    assert order.user == qualified_alice
    assert order.state == Order.State.PENDING
    assert (order.amount, order.currency) == (Decimal("40.00"), "USD")
    assert (order.base_price, order.pricing_group, order.group_percent) == (
        Decimal("100.00"),
        "lower-middle",
        60,
    )
    session = stripe_standin.sessions[order.stripe_session_id]
    assert started.redirect_url == session["url"]


def test_the_stripe_session_asks_for_the_amount_in_cents_for_this_order_once(
    qualified_alice, programme, stripe_standin
):
    order = checkout(qualified_alice, programme).order

    [params] = session_creations(stripe_standin)
    price = params["line_items"][0]["price_data"]
    assert price["unit_amount"] == "4000"
    assert price["currency"] == "usd"
    assert params["mode"] == "payment"
    assert params["metadata"] == {"order_id": str(order.pk)}
    assert params["client_reference_id"] == str(order.pk)
    assert params["success_url"] == SUCCESS_URL
    headers = stripe_standin.request_headers[0]
    assert headers["Idempotency-Key"] == f"checkout-{order.pk}"
    assert headers["Authorization"] == f"Bearer {settings.STRIPE_SECRET_KEY}"


def test_a_learner_who_has_not_met_the_requirements_cannot_buy(
    charlie, programme, discounts, stripe_standin
):
    with pytest.raises(ValidationError) as refused:
        checkout(charlie, programme)

    assert refused.value.code == "requirements"
    assert not Order.objects.exists()
    assert stripe_standin.requests == []


def test_a_closed_programme_cannot_be_bought(qualified_alice, programme, stripe_standin):
    programme.is_active = False
    programme.save(update_fields=["is_active"])

    with pytest.raises(ValidationError) as refused:
        checkout(qualified_alice, programme)

    assert refused.value.code == "closed"
    assert not Order.objects.exists()


def test_buying_a_programme_already_paid_for_is_refused(qualified_alice, programme, stripe_standin):
    order = checkout(qualified_alice, programme).order
    stripe_standin.pay(order.stripe_session_id)
    payments.order_fulfil(session_id=order.stripe_session_id)

    with pytest.raises(ValidationError) as refused:
        checkout(qualified_alice, programme)

    assert refused.value.code == "bought"
    assert list(Order.objects.values_list("state", flat=True)) == [Order.State.PAID]
    assert len(session_creations(stripe_standin)) == 1


def test_a_second_checkout_expires_the_first_session_and_cancels_its_order(
    qualified_alice, programme, stripe_standin
):
    voucher = _voucher(max_uses=5)
    first = checkout(qualified_alice, programme, voucher_code=voucher.code).order
    voucher.refresh_from_db()
    assert voucher.used == 1

    second = checkout(qualified_alice, programme).order

    first.refresh_from_db()
    assert first.state == Order.State.CANCELLED
    assert first.closed_at is not None
    assert stripe_standin.sessions[first.stripe_session_id]["status"] == "expired"
    assert ("POST", f"/v1/checkout/sessions/{first.stripe_session_id}/expire") in [
        (method, path) for method, path, _params in stripe_standin.requests
    ]
    voucher.refresh_from_db()
    assert voucher.used == 0, "the cancelled order gives its voucher use back"
    assert second.state == Order.State.PENDING
    assert second.stripe_session_id != first.stripe_session_id
    assert Order.objects.filter(state=Order.State.PENDING).get() == second


def test_a_learner_back_from_stripe_without_paying_can_use_their_single_use_voucher_again(
    qualified_alice, programme, stripe_standin
):
    voucher = _voucher(max_uses=1, for_user=qualified_alice)
    first = checkout(qualified_alice, programme, voucher_code=voucher.code).order

    second = checkout(qualified_alice, programme, voucher_code=voucher.code).order

    first.refresh_from_db()
    assert first.state == Order.State.CANCELLED
    assert (second.state, second.voucher, second.amount) == (
        Order.State.PENDING,
        voucher,
        Decimal("20.00"),
    )
    voucher.refresh_from_db()
    assert voucher.used == 1


def test_a_second_checkout_finds_the_first_was_paid_meanwhile_and_charges_nothing_more(
    qualified_alice, programme, stripe_standin
):
    first = checkout(qualified_alice, programme).order
    stripe_standin.pay(first.stripe_session_id)  # paid in another tab; the webhook is late

    with pytest.raises(ValidationError) as refused:
        checkout(qualified_alice, programme)

    assert refused.value.code == "bought"
    first.refresh_from_db()
    assert first.state == Order.State.PAID
    assert len(session_creations(stripe_standin)) == 1


def test_a_waiver_voucher_skips_stripe_and_marks_the_order_paid_at_zero(
    qualified_alice, programme, stripe_standin, django_capture_on_commit_callbacks
):
    voucher = _voucher(kind=Voucher.Kind.WAIVER, percent=None, for_user=qualified_alice)

    with django_capture_on_commit_callbacks(execute=True):
        started = checkout(qualified_alice, programme, voucher_code=voucher.code)

    order = started.order
    assert (order.state, order.amount, order.voucher) == (Order.State.PAID, Decimal("0"), voucher)
    assert order.is_waived
    assert order.paid_at is not None
    assert order.stripe_session_id is None
    assert started.redirect_url == order.get_absolute_url()
    assert stripe_standin.requests == []
    voucher.refresh_from_db()
    assert voucher.used == 1
    assert [message.to for message in mail.outbox] == [[qualified_alice.email]]


def test_without_stripe_keys_a_priced_checkout_says_payments_are_not_configured(
    qualified_alice, programme, settings
):
    settings.STRIPE_SECRET_KEY = ""

    with pytest.raises(payments.PaymentsNotConfigured) as refused:
        checkout(qualified_alice, programme)

    assert refused.value.code == "not_configured"
    assert "not configured" in refused.value.messages[0]
    assert not Order.objects.exists()


def test_without_stripe_keys_a_waiver_voucher_still_works(qualified_alice, programme, settings):
    settings.STRIPE_SECRET_KEY = ""
    voucher = _voucher(kind=Voucher.Kind.WAIVER, percent=None)

    order = checkout(qualified_alice, programme, voucher_code=voucher.code).order

    assert (order.state, order.amount) == (Order.State.PAID, Decimal("0"))


def test_when_stripe_fails_the_order_is_cancelled_the_voucher_given_back_and_nothing_charged(
    qualified_alice, programme, stripe_standin
):
    voucher = _voucher(max_uses=1)
    stripe_standin.fail_next, stripe_standin.fail_times = 500, 3  # the client retries twice

    with pytest.raises(ValidationError) as refused:
        checkout(qualified_alice, programme, voucher_code=voucher.code)

    assert refused.value.code == "stripe"
    assert "Nothing was charged" in refused.value.messages[0]
    assert len(stripe_standin.requests) == 3
    assert stripe_standin.sessions == {}
    order = Order.objects.get()
    assert (order.state, order.stripe_session_id) == (Order.State.CANCELLED, None)
    voucher.refresh_from_db()
    assert voucher.used == 0
    # Stripe is back: the learner simply tries again.
    assert checkout(qualified_alice, programme, voucher_code=voucher.code).order.state == "pending"


# --- Fulfilment ----------------------------------------------------------------------------------


def test_fulfilling_the_same_paid_session_five_times_marks_the_order_paid_once(
    qualified_alice, programme, stripe_standin, django_capture_on_commit_callbacks
):
    order = checkout(qualified_alice, programme).order
    session = stripe_standin.pay(order.stripe_session_id)

    with django_capture_on_commit_callbacks(execute=True):
        results = [payments.order_fulfil(session_id=order.stripe_session_id) for _ in range(5)]

    assert {result.state for result in results} == {Order.State.PAID}
    order.refresh_from_db()
    assert order.state == Order.State.PAID
    assert order.paid_at == results[0].paid_at
    assert order.stripe_payment_intent == session["payment_intent"]
    assert order.problem == ""
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [qualified_alice.email]


def test_a_payment_of_another_amount_leaves_the_order_unpaid_and_flags_it(
    qualified_alice, programme, stripe_standin, django_capture_on_commit_callbacks
):
    order = checkout(qualified_alice, programme).order
    stripe_standin.pay(order.stripe_session_id, amount_total=1000)

    with django_capture_on_commit_callbacks(execute=True):
        payments.order_fulfil(session_id=order.stripe_session_id)

    order.refresh_from_db()
    assert order.state == Order.State.PENDING
    assert order.paid_at is None
    assert order.problem == "Stripe reports 1000 USD paid for an order of 4000 USD."
    assert mail.outbox == []


def test_a_payment_in_another_currency_leaves_the_order_unpaid_and_flags_it(
    qualified_alice, programme, stripe_standin
):
    order = checkout(qualified_alice, programme).order
    stripe_standin.pay(order.stripe_session_id, currency="eur")

    payments.order_fulfil(session_id=order.stripe_session_id)

    order.refresh_from_db()
    assert order.state == Order.State.PENDING
    assert order.problem == "Stripe reports 4000 EUR paid for an order of 4000 USD."


def test_an_unpaid_open_session_leaves_the_order_pending(
    qualified_alice, programme, stripe_standin
):
    order = checkout(qualified_alice, programme).order

    payments.order_fulfil(session_id=order.stripe_session_id)

    order.refresh_from_db()
    assert (order.state, order.problem) == (Order.State.PENDING, "")


def test_an_expired_session_cancels_its_order_and_gives_the_voucher_back(
    qualified_alice, programme, stripe_standin
):
    voucher = _voucher(max_uses=1)
    order = checkout(qualified_alice, programme, voucher_code=voucher.code).order
    stripe_standin.expire(order.stripe_session_id)

    payments.order_fulfil(session_id=order.stripe_session_id)
    payments.order_fulfil(session_id=order.stripe_session_id)

    order.refresh_from_db()
    assert order.state == Order.State.CANCELLED
    voucher.refresh_from_db()
    assert voucher.used == 0, "given back once, not twice"


def test_a_session_that_names_no_order_of_ours_is_ignored(
    qualified_alice, programme, stripe_standin
):
    order = checkout(qualified_alice, programme).order
    stripe_standin.sessions[order.stripe_session_id]["metadata"] = {"order_id": "not-a-uuid"}
    stripe_standin.pay(order.stripe_session_id)

    assert payments.order_fulfil(session_id=order.stripe_session_id) is None
    order.refresh_from_db()
    assert order.state == Order.State.PENDING


# --- Reconciliation ------------------------------------------------------------------------------


def test_reconciliation_pays_an_order_whose_webhook_never_came_and_cancels_expired_ones(
    qualified_alice, qualified_bob, programme, stripe_standin, django_capture_on_commit_callbacks
):
    paid = checkout(qualified_alice, programme).order
    expired = checkout(qualified_bob, programme).order
    stripe_standin.pay(paid.stripe_session_id)
    stripe_standin.expire(expired.stripe_session_id)

    with django_capture_on_commit_callbacks(execute=True):
        changed = payments.orders_reconcile(older_than=timedelta(0))

    assert changed == 2
    paid.refresh_from_db()
    expired.refresh_from_db()
    assert paid.state == Order.State.PAID
    assert expired.state == Order.State.CANCELLED
    assert [message.to for message in mail.outbox] == [[qualified_alice.email]]
    assert payments.orders_reconcile(older_than=timedelta(0)) == 0


def test_reconciliation_leaves_recent_open_and_flagged_orders_alone(
    qualified_alice, qualified_bob, programme, stripe_standin
):
    open_order = checkout(qualified_alice, programme).order
    flagged = checkout(qualified_bob, programme).order
    stripe_standin.pay(flagged.stripe_session_id, amount_total=1)
    payments.order_fulfil(session_id=flagged.stripe_session_id)
    requests_before = len(stripe_standin.requests)

    assert payments.orders_reconcile(older_than=timedelta(0)) == 0
    assert payments.orders_reconcile() == 0  # nothing is 10 minutes old yet

    open_order.refresh_from_db()
    flagged.refresh_from_db()
    assert open_order.state == flagged.state == Order.State.PENDING
    # Only the open order was asked about: a flagged order waits for staff.
    assert [path for _m, path, _p in stripe_standin.requests[requests_before:]] == [
        f"/v1/checkout/sessions/{open_order.stripe_session_id}"
    ]


def test_the_periodic_task_reconciles_orders_left_pending_for_ten_minutes(
    qualified_alice, programme, stripe_standin
):
    order = checkout(qualified_alice, programme).order
    stripe_standin.pay(order.stripe_session_id)
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(minutes=11))

    result = tasks.reconcile_orders.delay()

    assert result.get() == 1
    order.refresh_from_db()
    assert order.state == Order.State.PAID
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert "certification.reconcile_orders" in [entry["task"] for entry in schedule.values()]


def test_reconciliation_lets_go_of_an_order_whose_stripe_session_was_never_created(
    qualified_alice, programme, stripe_standin
):
    voucher = _voucher(max_uses=1)
    stripe_standin.fail_next = 500
    order = Order.objects.create(
        user=qualified_alice,
        programme=programme,
        base_price=Decimal("100"),
        voucher=voucher,
        amount=Decimal("20"),
        currency="USD",
    )
    Voucher.objects.filter(pk=voucher.pk).update(used=1)
    Order.objects.filter(pk=order.pk).update(created_at=timezone.now() - timedelta(hours=2))

    assert payments.orders_reconcile() == 1

    order.refresh_from_db()
    voucher.refresh_from_db()
    assert (order.state, voucher.used) == (Order.State.CANCELLED, 0)


# --- Refunds -------------------------------------------------------------------------------------


def test_staff_refund_a_paid_order_through_stripe(qualified_alice, eve, programme, stripe_standin):
    order = checkout(qualified_alice, programme).order
    session = stripe_standin.pay(order.stripe_session_id)
    payments.order_fulfil(session_id=order.stripe_session_id)
    order.refresh_from_db()

    refunded = payments.order_refund(order=order, by=eve)

    assert [refund["payment_intent"] for refund in stripe_standin.refunds] == [
        session["payment_intent"]
    ]
    refund_call = next(
        i for i, (_m, path, _p) in enumerate(stripe_standin.requests) if path == "/v1/refunds"
    )
    assert stripe_standin.requests[refund_call][2]["metadata"] == {"order_id": str(order.pk)}
    assert stripe_standin.request_headers[refund_call]["Idempotency-Key"] == f"refund-{order.pk}"
    assert refunded.state == Order.State.REFUNDED
    assert refunded.refunded_by == eve
    assert refunded.closed_at is not None


def test_refunding_an_order_twice_is_refused(qualified_alice, eve, programme, stripe_standin):
    order = checkout(qualified_alice, programme).order
    stripe_standin.pay(order.stripe_session_id)
    order = payments.order_fulfil(session_id=order.stripe_session_id)
    payments.order_refund(order=order, by=eve)
    order.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        payments.order_refund(order=order, by=eve)

    assert refused.value.code == "state"
    assert len(stripe_standin.refunds) == 1


def test_refunding_a_waived_order_is_refused(qualified_alice, eve, programme, stripe_standin):
    voucher = _voucher(kind=Voucher.Kind.WAIVER, percent=None)
    order = checkout(qualified_alice, programme, voucher_code=voucher.code).order

    with pytest.raises(ValidationError) as refused:
        payments.order_refund(order=order, by=eve)

    assert refused.value.code == "free"
    assert stripe_standin.refunds == []
    order.refresh_from_db()
    assert order.state == Order.State.PAID


def test_refunding_an_unpaid_order_is_refused(qualified_alice, eve, programme, stripe_standin):
    order = checkout(qualified_alice, programme).order

    with pytest.raises(ValidationError) as refused:
        payments.order_refund(order=order, by=eve)

    assert refused.value.code == "state"
    assert stripe_standin.refunds == []


# --- Events no webhook brought ---------------------------------------------------------------


def _hours_ago(hours: float) -> int:
    return int((timezone.now() - timedelta(hours=hours)).timestamp())


def test_a_refund_whose_webhook_never_came_is_caught_up_once(
    qualified_alice, programme, stripe_standin
):
    order = checkout(qualified_alice, programme).order
    session = stripe_standin.pay(order.stripe_session_id)
    payments.order_fulfil(session_id=order.stripe_session_id)
    # Refunded in Stripe's dashboard two days ago; every delivery of the event was lost.
    refund = standin_event(
        "charge.refunded",
        {"id": "ch_1", "refunded": True, "payment_intent": session["payment_intent"]},
        created=_hours_ago(48),
    )
    stripe_standin.events.append(refund)

    assert tasks.reconcile_orders.delay().get() == 1

    order.refresh_from_db()
    assert order.state == Order.State.REFUNDED
    assert StripeEvent.objects.filter(event_id=refund["id"]).count() == 1
    # Listed again next time, and then delivered late after all: nothing more happens.
    assert payments.events_catch_up() == 0
    assert payments.webhook_receive(
        payload=json.dumps(refund).encode(), signature=sign(json.dumps(refund).encode())
    ) == (StripeEvent.objects.get(event_id=refund["id"]), False)


def test_catch_up_asks_only_for_handled_events_of_the_last_days_leaving_fresh_ones_to_webhooks(
    qualified_alice, programme, stripe_standin
):
    order = checkout(qualified_alice, programme).order
    stripe_standin.pay(order.stripe_session_id)
    completed = {"id": order.stripe_session_id, "object": "checkout.session"}
    stripe_standin.events += [
        standin_event("checkout.session.completed", completed, created=_hours_ago(0.01)),
        standin_event("checkout.session.completed", completed, created=_hours_ago(24 * 5)),
        standin_event("customer.created", {"id": "cus_1"}, created=_hours_ago(1)),
    ]

    assert payments.events_catch_up() == 0

    [(method, path, params)] = stripe_standin.requests[-1:]
    assert (method, path) == ("GET", "/v1/events")
    assert {v for k, v in params.items() if k.startswith("types[")} == payments.HANDLED_EVENTS
    order.refresh_from_db()
    assert order.state == Order.State.PENDING  # the fresh event is its webhook's to deliver
    assert not StripeEvent.objects.exists()


def test_catch_up_does_nothing_without_stripe_keys(settings):
    settings.STRIPE_SECRET_KEY = ""
    assert payments.events_catch_up() == 0
