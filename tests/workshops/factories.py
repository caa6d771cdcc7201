from datetime import timedelta

import factory
from django.utils import timezone

from tests.courses.factories import TopicFactory
from workshops.models import Booking, Session


class SessionFactory(factory.django.DjangoModelFactory):
    """An online webinar next week, open for registration now, with 20 seats."""

    class Meta:
        model = Session

    slug = factory.Sequence(lambda n: f"session-{n}")
    kind = Session.Kind.WEBINAR
    title = factory.Sequence(lambda n: f"Live session {n}")
    description = "What we will cover together."
    language = "en"
    topic = factory.SubFactory(TopicFactory, slug="generative-ai")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=1))
    timezone = "Europe/Zurich"
    join_url = "https://meet.example.org/room"
    seats_online = 20
    seats_onsite = 0
    registration_opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    registration_closes_at = factory.LazyAttribute(lambda o: o.starts_at)


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    session = factory.SubFactory(SessionFactory)
    mode = Booking.Mode.ONLINE
    state = Booking.State.CONFIRMED
