"""Stripe's webhook: real signatures (Stripe's scheme, a test secret), events replayed and out of
order, and Stripe's HTTP API stood in for when the platform asks it about a session.

The view stores the event and queues its processing on commit; tests run Celery eagerly, so
`django_capture_on_commit_callbacks(execute=True)` around a delivery runs the processing too.
"""

import json
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse

from alliance.core.countries import load
from certification import payments
from certification.models import Order, StripeEvent, Voucher
from tests.certification.stripe_standin import event, sign

pytestmark = pytest.mark.django_db

URL = reverse("certification:stripe_webhook")


@pytest.fixture(autouse=True)
def countries(db):
    load()


@pytest.fixture
def order(qualified_alice, programme, stripe_standin) -> Order:
    """Alice's pending order with an open Stripe Checkout session; a voucher took 50% off."""
    voucher = Voucher.objects.create(kind=Voucher.Kind.PERCENT, percent=50, max_uses=1)
    return payments.checkout_start(
        user=qualified_alice,
        programme=programme,
        voucher_code=voucher.code,
        success_url="http://testserver/done",
        cancel_url="http://testserver/cancel",
    ).order


def post(client, payload: bytes, **headers):
    return client.post(URL, data=payload, content_type="application/json", **headers)


def deliver(client, event_type: str, obj: dict, *, event_id: str | None = None):
    payload = json.dumps(event(event_type, dict(obj), event_id=event_id)).encode()
    return post(client, payload, HTTP_STRIPE_SIGNATURE=sign(payload))


def completed_payload(session: dict) -> bytes:
    return json.dumps(event("checkout.session.completed", dict(session))).encode()


# --- Signatures ----------------------------------------------------------------------------------


def test_a_delivery_signed_with_another_secret_is_refused_and_writes_nothing(
    client, order, stripe_standin
):
    payload = completed_payload(stripe_standin.pay(order.stripe_session_id))

    response = post(client, payload, HTTP_STRIPE_SIGNATURE=sign(payload, secret="whsec_forged"))

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()
    order.refresh_from_db()
    assert order.state == Order.State.PENDING


def test_a_delivery_without_a_signature_is_refused_and_writes_nothing(
    client, order, stripe_standin
):
    payload = completed_payload(stripe_standin.pay(order.stripe_session_id))

    response = post(client, payload)

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


@pytest.mark.parametrize("signature", ["", "garbage", "t=,v1=", "v1=deadbeef"])
def test_a_malformed_signature_header_is_refused(client, order, stripe_standin, signature):
    payload = completed_payload(stripe_standin.pay(order.stripe_session_id))

    response = post(client, payload, HTTP_STRIPE_SIGNATURE=signature)

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


def test_a_body_changed_after_signing_is_refused(client, order, stripe_standin):
    session = stripe_standin.pay(order.stripe_session_id)
    payload = completed_payload(session)
    signature = sign(payload)
    tampered = payload.replace(b'"payment_status": "paid"', b'"payment_status": "unpaid"')
    assert tampered != payload

    response = post(client, tampered, HTTP_STRIPE_SIGNATURE=signature)

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


def test_a_signature_older_than_the_tolerance_is_refused(client, order, stripe_standin):
    payload = completed_payload(stripe_standin.pay(order.stripe_session_id))
    ten_minutes_ago = int(time.time()) - 600

    response = post(client, payload, HTTP_STRIPE_SIGNATURE=sign(payload, timestamp=ten_minutes_ago))

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


def test_without_a_webhook_secret_every_delivery_is_refused(
    client, order, stripe_standin, settings
):
    settings.STRIPE_WEBHOOK_SECRET = ""
    payload = completed_payload(stripe_standin.pay(order.stripe_session_id))

    response = post(client, payload, HTTP_STRIPE_SIGNATURE=sign(payload))

    assert response.status_code == 400
    assert not StripeEvent.objects.exists()


def test_a_get_is_not_a_delivery(client, stripe_standin):
    assert client.get(URL).status_code == 405


# --- Replays and order of arrival ----------------------------------------------------------------


def test_the_same_event_delivered_five_times_pays_the_order_once(
    client, order, stripe_standin, django_capture_on_commit_callbacks
):
    session = stripe_standin.pay(order.stripe_session_id)

    with django_capture_on_commit_callbacks(execute=True):
        responses = [
            deliver(client, "checkout.session.completed", session, event_id="evt_replayed")
            for _ in range(5)
        ]

    assert [r.status_code for r in responses] == [200] * 5
    assert [r.json()["duplicate"] for r in responses] == [False, True, True, True, True]
    assert StripeEvent.objects.get().event_id == "evt_replayed"
    order.refresh_from_db()
    assert order.state == Order.State.PAID
    assert order.stripe_payment_intent == session["payment_intent"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [order.user.email]


def test_completed_before_created_finds_the_order_by_its_metadata(
    client, order, stripe_standin, django_capture_on_commit_callbacks
):
    """Stripe's event can beat the request that saves the session id on the order."""
    session_id = order.stripe_session_id
    Order.objects.filter(pk=order.pk).update(stripe_session_id=None)
    session = stripe_standin.pay(session_id)

    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(client, "checkout.session.completed", session)

    assert response.status_code == 200
    order.refresh_from_db()
    assert order.state == Order.State.PAID
    assert order.stripe_session_id == session_id
    assert len(mail.outbox) == 1


def test_a_failed_bank_payment_fails_the_order_and_gives_the_voucher_back(
    client, order, stripe_standin, django_capture_on_commit_callbacks
):
    session = stripe_standin.sessions[order.stripe_session_id]
    session.update(status="complete", payment_status="unpaid")  # a bank debit, still running
    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, "checkout.session.completed", session)
    order.refresh_from_db()
    assert order.state == Order.State.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(client, "checkout.session.async_payment_failed", session)

    assert response.status_code == 200
    order.refresh_from_db()
    assert order.state == Order.State.FAILED
    assert order.closed_at is not None
    assert Voucher.objects.get().used == 0
    assert mail.outbox == []


def test_a_bank_payment_that_succeeds_later_pays_the_order(
    client, order, stripe_standin, django_capture_on_commit_callbacks
):
    session = stripe_standin.sessions[order.stripe_session_id]
    session.update(status="complete", payment_status="unpaid")
    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, "checkout.session.completed", session)
    order.refresh_from_db()
    assert order.state == Order.State.PENDING

    stripe_standin.pay(order.stripe_session_id)
    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, "checkout.session.async_payment_succeeded", session)

    order.refresh_from_db()
    assert order.state == Order.State.PAID
    assert len(mail.outbox) == 1


def test_a_failure_reported_after_stripe_says_paid_does_not_fail_the_order(
    client, order, stripe_standin, django_capture_on_commit_callbacks
):
    """The event is stale: Stripe's session, asked afresh, says paid."""
    session = stripe_standin.pay(order.stripe_session_id)

    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, "checkout.session.async_payment_failed", session)

    order.refresh_from_db()
    assert order.state == Order.State.PAID


def test_an_expired_session_event_cancels_the_order(
    client, order, stripe_standin, django_capture_on_commit_callbacks
):
    session = stripe_standin.expire(order.stripe_session_id)

    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, "checkout.session.expired", session)

    order.refresh_from_db()
    assert order.state == Order.State.CANCELLED
    assert Voucher.objects.get().used == 0


def _charge(payment_intent: str) -> dict:
    return {
        "id": "ch_standin",
        "object": "charge",
        "payment_intent": payment_intent,
        "amount_refunded": 2000,
        "refunded": True,
    }


def test_a_refund_reported_by_stripe_marks_the_order_refunded(
    client, order, stripe_standin, django_capture_on_commit_callbacks
):
    session = stripe_standin.pay(order.stripe_session_id)
    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, "checkout.session.completed", session)

    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(client, "charge.refunded", _charge(session["payment_intent"]))

    assert response.status_code == 200
    order.refresh_from_db()
    assert order.state == Order.State.REFUNDED
    assert order.closed_at is not None


def test_a_refund_reported_before_the_payment_leaves_the_order_refunded(
    client, order, stripe_standin, django_capture_on_commit_callbacks
):
    session = stripe_standin.pay(order.stripe_session_id)

    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, "charge.refunded", _charge(session["payment_intent"]))
    order.refresh_from_db()
    assert order.state == Order.State.REFUNDED

    with django_capture_on_commit_callbacks(execute=True):
        deliver(client, "checkout.session.completed", session)  # late: changes nothing
    order.refresh_from_db()
    assert order.state == Order.State.REFUNDED
    assert order.problem == "", "the payment it reports is the one refunded, not a second one"


def test_a_partial_refund_leaves_the_order_paid(
    client, order, stripe_standin, django_capture_on_commit_callbacks
):
    session = stripe_standin.pay(order.stripe_session_id)
    payments.order_fulfil(session_id=order.stripe_session_id)

    with django_capture_on_commit_callbacks(execute=True):
        deliver(
            client, "charge.refunded", {**_charge(session["payment_intent"]), "refunded": False}
        )

    order.refresh_from_db()
    assert order.state == Order.State.PAID


def test_an_event_type_the_platform_does_not_handle_is_acknowledged_and_ignored(
    client, order, stripe_standin, django_capture_on_commit_callbacks
):
    requests_before = len(stripe_standin.requests)

    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(client, "customer.created", {"id": "cus_1", "object": "customer"})

    assert response.status_code == 200
    assert response.json()["received"] is True
    order.refresh_from_db()
    assert order.state == Order.State.PENDING
    assert len(stripe_standin.requests) == requests_before


def test_an_event_for_a_session_that_is_not_ours_is_acknowledged(
    client, stripe_standin, django_capture_on_commit_callbacks
):
    stranger = {"id": "cs_test_elsewhere", "object": "checkout.session", "metadata": {}}
    stripe_standin.sessions["cs_test_elsewhere"] = {
        **stranger,
        "status": "complete",
        "payment_status": "paid",
        "amount_total": 100,
        "currency": "usd",
        "client_reference_id": None,
        "payment_intent": "pi_elsewhere",
    }

    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(client, "checkout.session.completed", stranger)

    assert response.status_code == 200
    assert not Order.objects.exists()


# --- Failures ------------------------------------------------------------------------------------


def test_a_failed_webhook_leaves_no_half_written_rows_and_reconciliation_completes_it(
    client, order, stripe_standin, django_capture_on_commit_callbacks, monkeypatch
):
    """Processing runs in a task after the event is stored. When it raises, its transaction
    rolls back: the order is as it was, and the event is stored once. In production the webhook
    has already answered 200 and the task retries with backoff; here Celery is eager and cannot
    schedule a retry, so the first failure (Celery's Retry, carrying the error) is logged by the
    robust on-commit callback and the webhook still answers 200. Stripe's
    redelivery of the same event is a duplicate and ignored; the reconciliation task, which
    asks Stripe about every order left pending, brings the order in line."""
    session = stripe_standin.pay(order.stripe_session_id)
    attempts = []

    def receipt_fails(failing_order):
        attempts.append(failing_order.pk)
        raise RuntimeError("the mail queue is down")

    monkeypatch.setattr(payments, "_receipt", receipt_fails)
    with django_capture_on_commit_callbacks(execute=True):
        response = deliver(client, "checkout.session.completed", session, event_id="evt_fails")

    assert response.status_code == 200
    assert attempts == [order.pk]
    assert StripeEvent.objects.get().event_id == "evt_fails"
    order.refresh_from_db()
    assert order.state == Order.State.PENDING
    assert (order.paid_at, order.stripe_payment_intent, order.problem) == (None, "", "")

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        again = deliver(client, "checkout.session.completed", session, event_id="evt_fails")
    assert again.json() == {"received": True, "duplicate": True}
    assert StripeEvent.objects.count() == 1
    order.refresh_from_db()
    assert order.state == Order.State.PENDING
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        assert payments.orders_reconcile(older_than=timedelta(0)) == 1
    order.refresh_from_db()
    assert order.state == Order.State.PAID
    assert len(mail.outbox) == 1
