"""Races on PostgreSQL: many threads, each with its own connection, doing at once what two tabs,
two webhook deliveries or two workers could. SQLite serialises writes and would prove nothing."""

import threading
from collections import Counter

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection

from alliance.core.countries import load
from certification import payments
from certification.models import Order, Voucher
from certification.pricing import voucher_take

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def at_once(count: int, work) -> list[tuple[str, object]]:
    """Run `work` in `count` threads released together; ("ok", result) or ("error", exception)
    for each."""
    barrier = threading.Barrier(count)
    outcomes: list = [None] * count

    def run(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            outcomes[index] = ("ok", work())
        except Exception as error:
            outcomes[index] = ("error", error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert all(outcome is not None for outcome in outcomes), "a thread did not finish"
    return outcomes


def _errors(outcomes) -> list[Exception]:
    return [value for kind, value in outcomes if kind == "error"]


def _receipts() -> list:
    """Receipts only: Alice's completion certificate was e-mailed too, as she met the
    requirements (on-commit callbacks run at once in these tests, outside a test transaction)."""
    return [m for m in mail.outbox if m.subject.startswith(("Your receipt", "Fee waived"))]


def test_ten_fulfilments_of_the_same_paid_session_pay_once_and_send_one_receipt(
    qualified_alice, programme, stripe_standin
):
    load()
    order = payments.checkout_start(
        user=qualified_alice,
        programme=programme,
        success_url="http://testserver/done",
        cancel_url="http://testserver/cancel",
    ).order
    stripe_standin.pay(order.stripe_session_id)

    outcomes = at_once(10, lambda: payments.order_fulfil(session_id=order.stripe_session_id))

    assert _errors(outcomes) == []
    assert {value.state for _kind, value in outcomes} == {Order.State.PAID}
    assert {value.paid_at for _kind, value in outcomes} == {Order.objects.get().paid_at}
    assert list(Order.objects.values_list("state", flat=True)) == [Order.State.PAID]
    assert [m.to for m in _receipts()] == [[qualified_alice.email]]


def test_ten_checkouts_racing_for_the_last_three_uses_of_a_voucher_get_exactly_three(db):
    voucher = Voucher.objects.create(kind=Voucher.Kind.WAIVER, max_uses=10, used=7)

    outcomes = at_once(10, lambda: voucher_take(voucher=voucher))

    assert Counter(kind for kind, _value in outcomes) == {"ok": 3, "error": 7}
    assert {error.code for error in _errors(outcomes)} == {"used"}
    voucher.refresh_from_db()
    assert voucher.used == voucher.max_uses == 10


def test_five_tabs_checking_out_with_a_waiver_at_once_make_one_paid_order(
    qualified_alice, programme
):
    load()
    voucher = Voucher.objects.create(kind=Voucher.Kind.WAIVER, max_uses=10)

    outcomes = at_once(
        5,
        lambda: (
            payments.checkout_start(
                user=qualified_alice,
                programme=programme,
                voucher_code=voucher.code,
                success_url="http://testserver/done",
                cancel_url="http://testserver/cancel",
            ).order
        ),
    )

    errors = _errors(outcomes)
    assert len(errors) == 4
    assert all(isinstance(error, ValidationError) for error in errors), errors
    assert {error.code for error in errors} <= {"bought", "in_progress"}
    assert Order.objects.filter(state=Order.State.PAID).count() == 1
    assert not Order.objects.exclude(state=Order.State.PAID).exists()
    voucher.refresh_from_db()
    assert voucher.used == 1, "the refused tabs took no use of the voucher"
    assert [m.to for m in _receipts()] == [[qualified_alice.email]]
