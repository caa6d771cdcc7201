import threading
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.workshops.factories import BookingFactory, SessionFactory
from workshops import delegations, services
from workshops.models import Booking, Delegate, Delegation, Session


def people(n, start=0):
    return [
        {"name": f"Delegate {i}", "email": f"d{i}@gov.example"} for i in range(start, start + n)
    ]


@pytest.mark.django_db
def test_a_delegation_holds_seats_and_invites_each_delegate(
    alice, mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory(seats_online=10)

    with django_capture_on_commit_callbacks(execute=True):
        delegation = delegations.delegation_create(
            user=alice, session=session, mode="online", delegates=people(3)
        )
    mails = mailoutbox

    assert delegation.delegates.filter(state="invited").count() == 3
    assert delegations.free_seats(session, "online") == 7
    assert sorted(m.to[0] for m in mails) == ["d0@gov.example", "d1@gov.example", "d2@gov.example"]
    token = Delegate.objects.get(email="d0@gov.example").token
    assert any(f"/workshops/delegations/{token}/" in m.body for m in mails)


@pytest.mark.django_db
def test_held_seats_are_not_given_to_individual_bookings(alice):
    session = SessionFactory(seats_online=3)
    delegations.delegation_create(user=alice, session=session, mode="online", delegates=people(2))

    first = services.booking_create(user=UserFactory(), session=session, mode="online")
    second = services.booking_create(user=UserFactory(), session=session, mode="online")

    assert first.state == "confirmed" and second.state == "waitlisted"


@pytest.mark.django_db
def test_a_delegation_that_does_not_fit_is_refused_whole(alice):
    session = SessionFactory(seats_online=3)
    BookingFactory(session=session, user=UserFactory())

    with pytest.raises(ValidationError) as refused:
        delegations.delegation_create(
            user=alice, session=session, mode="online", delegates=people(3)
        )

    assert refused.value.code == "no_seats"
    assert not Delegation.objects.exists() and not Delegate.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("delegates", "code"),
    [
        ([], "empty"),
        (people(delegations.MAX_DELEGATES + 1), "too_many"),
        (
            [{"name": "A", "email": "a@gov.example"}, {"name": "B", "email": "A@gov.example"}],
            "duplicate_email",
        ),
        ([{"name": "A", "email": "not-an-address"}], "bad_email"),
    ],
)
def test_bad_delegations_are_refused_and_nothing_is_written(alice, delegates, code):
    session = SessionFactory(seats_online=50)

    with pytest.raises(ValidationError) as refused:
        delegations.delegation_create(
            user=alice, session=session, mode="online", delegates=delegates
        )

    assert refused.value.code == code
    assert not Delegation.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("session_fields", "code"),
    [
        ({"state": Session.State.CANCELLED}, "cancelled"),
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, "closed"),
    ],
)
def test_closed_sessions_refuse_delegations(alice, session_fields, code):
    session = SessionFactory(
        **{"registration_opens_at": timezone.now() - timedelta(days=2), **session_fields}
    )

    with pytest.raises(ValidationError) as refused:
        delegations.delegation_create(
            user=alice, session=session, mode="online", delegates=people(1)
        )

    assert refused.value.code == code


@pytest.mark.django_db
def test_confirming_turns_the_hold_into_the_delegates_booking(alice):
    session = SessionFactory(seats_online=2)
    delegations.delegation_create(user=alice, session=session, mode="online", delegates=people(2))
    delegate = Delegate.objects.get(email="d0@gov.example")
    person = UserFactory(email="D0@gov.example")

    booking = delegations.delegate_confirm(delegate=delegate, user=person)

    delegate.refresh_from_db()
    assert booking.state == "confirmed" and booking.user == person
    assert delegate.state == "confirmed" and delegate.booking == booking
    assert delegations.free_seats(session, "online") == 0
    assert delegations.delegate_confirm(delegate=delegate, user=person) == booking


@pytest.mark.django_db
def test_only_the_invited_person_can_confirm(alice, charlie):
    session = SessionFactory()
    delegations.delegation_create(user=alice, session=session, mode="online", delegates=people(1))

    with pytest.raises(PermissionDenied):
        delegations.delegate_confirm(delegate=Delegate.objects.get(), user=charlie)

    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_declining_frees_the_seat_for_the_first_person_waiting(alice):
    session = SessionFactory(seats_online=1)
    delegations.delegation_create(user=alice, session=session, mode="online", delegates=people(1))
    waiting = services.booking_create(user=UserFactory(), session=session, mode="online")
    assert waiting.state == "waitlisted"

    delegations.delegate_decline(
        delegate=Delegate.objects.get(), user=UserFactory(email="d0@gov.example")
    )

    waiting.refresh_from_db()
    assert waiting.state == "confirmed"


# --- Pages ----------------------------------------------------------------------------------------


def _post_data(rows, mode="online"):
    data = {
        "mode": mode,
        "delegates-TOTAL_FORMS": str(len(rows)),
        "delegates-INITIAL_FORMS": "0",
    }
    for i, row in enumerate(rows):
        data[f"delegates-{i}-name"] = row["name"]
        data[f"delegates-{i}-email"] = row["email"]
    return data


@pytest.mark.django_db
def test_the_delegation_form_holds_seats(
    client, alice, mailoutbox, django_capture_on_commit_callbacks
):
    session = SessionFactory()
    client.force_login(alice)
    url = reverse("workshops:delegation_new", args=[session.slug])

    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, _post_data([*people(2), {"name": "", "email": ""}]))

    assert response.status_code == 302
    assert Delegate.objects.count() == 2
    assert len(mailoutbox) == 2


@pytest.mark.django_db
@pytest.mark.parametrize(
    "rows",
    [
        [],
        [{"name": "A", "email": "a@gov.example"}, {"name": "B", "email": "a@gov.example"}],
        [{"name": "A", "email": "bad"}],
        people(delegations.MAX_DELEGATES + 1),
    ],
)
def test_the_delegation_form_refuses_bad_input_with_400(client, alice, rows):
    session = SessionFactory()
    client.force_login(alice)

    response = client.post(
        reverse("workshops:delegation_new", args=[session.slug]), _post_data(rows)
    )

    assert response.status_code == 400
    assert not Delegation.objects.exists()


@pytest.mark.django_db
def test_the_delegation_form_needs_sign_in(client):
    session = SessionFactory()
    response = client.get(reverse("workshops:delegation_new", args=[session.slug]))
    assert response.status_code == 302


@pytest.mark.django_db
def test_the_invitation_page_confirms_for_the_invited_person_only(client, alice, charlie):
    session = SessionFactory()
    delegations.delegation_create(user=alice, session=session, mode="online", delegates=people(1))
    delegate = Delegate.objects.get()
    url = reverse("workshops:delegate", args=[delegate.token])

    assert client.get(url).status_code == 200
    client.force_login(charlie)
    refused = client.post(url, {"action": "confirm"})
    assert refused.status_code == 403
    assert b"d0@gov.example" in refused.content

    invited = UserFactory(email="d0@gov.example")
    client.force_login(invited)
    assert client.post(url, {"action": "confirm"}).status_code == 302
    assert Booking.objects.get().user == invited


# --- No overbooking with seats held -------------------------------------------------------------


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_twenty_people_racing_beside_a_delegation_get_only_the_unheld_seats():
    session = SessionFactory(seats_online=10)
    official = UserFactory()
    delegations.delegation_create(
        user=official, session=session, mode="online", delegates=people(5)
    )
    racers = [UserFactory() for _ in range(20)]
    errors = []
    barrier = threading.Barrier(20)

    def book(person):
        try:
            barrier.wait()
            services.booking_create(user=person, session=session, mode="online")
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=book, args=(p,)) for p in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Booking.objects.filter(state="confirmed").count() == 5
    assert Booking.objects.filter(state="waitlisted").count() == 15

    delegate = Delegate.objects.get(email="d0@gov.example")
    booking = delegations.delegate_confirm(
        delegate=delegate, user=UserFactory(email="d0@gov.example")
    )
    assert booking.state == "confirmed"
    assert Booking.objects.filter(state="confirmed").count() == 6


@pytest.mark.django_db
def test_seats_held_for_a_delegation_are_not_shown_as_free():
    from workshops import selectors
    from workshops.delegations import delegation_create

    session = SessionFactory(seats_online=10)
    delegation_create(
        user=UserFactory(),
        session=session,
        mode="online",
        delegates=[{"name": f"Delegate {i}", "email": f"d{i}@gov.example"} for i in range(4)],
    )

    shown = selectors.upcoming_sessions().get(pk=session.pk)

    assert shown.seats_left_online == 6
