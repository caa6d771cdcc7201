"""Serializers of the workshops API.

Times go out in UTC (ISO 8601) with the venue's time zone beside them, so a client can show
them either way. The join link is never listed; a session's own page gives it only to people
with a confirmed online seat.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django_countries import countries
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from alliance.core.api import TopicSerializer, absolute_url, utc_datetime
from alliance.core.models import Topic
from workshops.models import Booking, Series, Session, TrackApplication


class SessionFilterSerializer(serializers.Serializer):
    """The listing's query string, checked like the web listing's; an empty value means "any"."""

    kind = serializers.ChoiceField(choices=Session.Kind.choices, required=False, allow_blank=True)
    language = serializers.ChoiceField(choices=[], required=False, allow_blank=True)
    topic = serializers.SlugRelatedField(
        slug_field="slug", queryset=Topic.objects.all(), required=False, allow_null=True
    )
    country = serializers.ChoiceField(
        choices=[], required=False, allow_blank=True, help_text="A country code, e.g. `CH`."
    )
    series = serializers.SlugRelatedField(
        slug_field="slug", queryset=Series.objects.all(), required=False, allow_null=True
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        self.fields["country"].choices = list(countries)

    def filters(self) -> dict:
        data = self.validated_data
        topic, series = data.get("topic"), data.get("series")
        return {
            "kind": data.get("kind", ""),
            "language": data.get("language", ""),
            "topic": topic.slug if topic else "",
            "country": data.get("country", ""),
            "series": series.slug if series else "",
        }


class SeriesSerializer(serializers.ModelSerializer):
    class Meta:
        model = Series
        fields = ["slug", "name"]
        read_only_fields = fields


class SessionSummarySerializer(serializers.ModelSerializer):
    """A session as a booking names it."""

    starts_at = utc_datetime(help_text="UTC.")
    ends_at = utc_datetime(help_text="UTC.")
    timezone = serializers.CharField(read_only=True, help_text="The venue's time zone.")
    url = serializers.SerializerMethodField(help_text="The session's web page.")
    api_url = serializers.SerializerMethodField(help_text="The session in this API.")

    class Meta:
        model = Session
        fields = ["slug", "title", "kind", "starts_at", "ends_at", "timezone", "url", "api_url"]
        read_only_fields = fields

    def get_url(self, session) -> str:
        return absolute_url(self, session.get_absolute_url())

    def get_api_url(self, session) -> str:
        return absolute_url(self, reverse("workshops_api:session", args=[session.slug]))


class SessionListItemSerializer(SessionSummarySerializer):
    """A session in the listing. Never the join link."""

    topic = TopicSerializer(read_only=True)
    series = SeriesSerializer(read_only=True, allow_null=True)
    country = serializers.CharField(
        source="country.code", read_only=True, help_text="A country code; empty when online."
    )
    seats_left_onsite = serializers.SerializerMethodField(
        help_text="Seats left on site; null when the session is not held on site."
    )
    seats_left_online = serializers.SerializerMethodField(
        help_text="Seats left online; null when the session is not held online."
    )
    recording_url = serializers.URLField(read_only=True)

    class Meta(SessionSummarySerializer.Meta):
        fields = [
            "slug",
            "title",
            "kind",
            "language",
            "topic",
            "series",
            "starts_at",
            "ends_at",
            "timezone",
            "venue_name",
            "city",
            "country",
            "seats_left_onsite",
            "seats_left_online",
            "state",
            "recording_url",
            "url",
            "api_url",
        ]
        read_only_fields = fields

    def get_seats_left_onsite(self, session) -> int | None:
        return session.seats_left_onsite if session.has_onsite else None

    def get_seats_left_online(self, session) -> int | None:
        return session.seats_left_online if session.has_online else None


class MyBookingSerializer(serializers.ModelSerializer):
    class Meta:
        model = Booking
        fields = ["mode", "state"]
        read_only_fields = fields


class SessionDetailSerializer(SessionListItemSerializer):
    registration = serializers.ChoiceField(
        choices=["open", "not_open", "closed", "started", "cancelled"],
        read_only=True,
        help_text="Whether one can book now, and if not, why.",
    )
    my_booking = MyBookingSerializer(
        read_only=True, allow_null=True, help_text="The reader's live booking; null if none."
    )
    join_url = serializers.SerializerMethodField(
        help_text="The online join link: only for a reader with a confirmed online seat."
    )

    class Meta(SessionListItemSerializer.Meta):
        fields = [
            *SessionListItemSerializer.Meta.fields,
            "description",
            "speakers",
            "address",
            "registration_opens_at",
            "registration_closes_at",
            "registration",
            "my_booking",
            "join_url",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "registration_opens_at": {"default_timezone": datetime.UTC},
            "registration_closes_at": {"default_timezone": datetime.UTC},
        }

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_join_url(self, session) -> str | None:
        booking = session.my_booking
        if (
            booking is not None
            and booking.state == Booking.State.CONFIRMED
            and booking.mode == Booking.Mode.ONLINE
            and session.join_url
        ):
            return session.join_url
        return None


class BookingSerializer(serializers.ModelSerializer):
    session = SessionSummarySerializer(read_only=True)
    created_at = utc_datetime()
    confirmed_at = utc_datetime(allow_null=True)
    cancelled_at = utc_datetime(allow_null=True)

    class Meta:
        model = Booking
        fields = ["id", "session", "mode", "state", "created_at", "confirmed_at", "cancelled_at"]
        read_only_fields = fields


class BookingRequestSerializer(serializers.Serializer):
    mode = serializers.ChoiceField(choices=Booking.Mode.choices, help_text="How to attend.")


# --- Track applications ------------------------------------------------------------------------


class TrackApplicationRequestSerializer(serializers.Serializer):
    ministry = serializers.CharField(max_length=200, help_text="Ministry or agency.")
    position = serializers.CharField(max_length=200)
    country = serializers.ChoiceField(choices=[], help_text="A country code, e.g. `MW`.")
    motivation = serializers.CharField(help_text="Why the applicant wants to join.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = list(countries)


class TrackApplicationSerializer(serializers.ModelSerializer):
    cohort = serializers.PrimaryKeyRelatedField(read_only=True)
    cohort_name = serializers.CharField(source="cohort.name", read_only=True)
    track = serializers.SlugRelatedField(source="cohort.track", slug_field="slug", read_only=True)
    country = serializers.CharField(source="country.code", read_only=True)
    created_at = utc_datetime()

    class Meta:
        model = TrackApplication
        fields = [
            "id",
            "cohort",
            "cohort_name",
            "track",
            "ministry",
            "position",
            "country",
            "motivation",
            "state",
            "created_at",
        ]
        read_only_fields = fields
