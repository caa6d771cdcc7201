"""The workshops API: upcoming sessions, one session, and the reader's bookings.

Views read the request, call a selector or a service and serialise the result; services raise
django's ValidationError and PermissionDenied, which alliance.core.api turns into 400 and 403.
"""

from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import generics, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from alliance.core.api import NOT_SIGNED_IN, ErrorSerializer, RefusalSerializer
from workshops import selectors, services, tracks
from workshops.api.serializers import (
    BookingRequestSerializer,
    BookingSerializer,
    SessionDetailSerializer,
    SessionFilterSerializer,
    SessionListItemSerializer,
    TrackApplicationRequestSerializer,
    TrackApplicationSerializer,
)
from workshops.models import Booking, Cohort, Session, TrackApplication

TAGS = ["workshops"]
SESSION_PATH = [
    OpenApiParameter("slug", str, OpenApiParameter.PATH, description="The session's slug.")
]
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="No such session.")


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=[SessionFilterSerializer],
        responses={
            200: SessionListItemSerializer(many=True),
            400: OpenApiResponse(description="A filter has an unknown value: `{field: [why]}`."),
            404: OpenApiResponse(ErrorSerializer, description="No such page."),
        },
    )
)
class SessionListView(generics.ListAPIView):
    """Scheduled sessions that have not ended yet, soonest first. Times are in UTC, with the
    venue's time zone beside them."""

    serializer_class = SessionListItemSerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        filters = SessionFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return selectors.upcoming_sessions(user=self.request.user, **filters.filters())


class SessionView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        parameters=SESSION_PATH,
        responses={200: SessionDetailSerializer, 404: NOT_FOUND},
    )
    def get(self, request, slug):
        """A session, whether one can book it, and the reader's own booking. The join link
        comes only to a reader with a confirmed online seat."""
        session = selectors.session_detail(slug=slug, user=request.user)
        return Response(SessionDetailSerializer(session, context={"request": request}).data)


class BookingView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        parameters=SESSION_PATH,
        request=BookingRequestSerializer,
        responses={
            201: OpenApiResponse(
                BookingSerializer, description="Booked: a seat (`confirmed`) or `waitlisted`."
            ),
            200: OpenApiResponse(BookingSerializer, description="Already booked."),
            400: OpenApiResponse(
                RefusalSerializer,
                description="Cannot book: `cancelled`, `past`, `not_open`, `closed` or "
                '`bad_mode` (the session is not held that way); or `{"mode": [why]}` when '
                "the mode is missing.",
            ),
            403: NOT_SIGNED_IN,
            404: NOT_FOUND,
        },
    )
    def post(self, request, slug):
        """Book a seat on site or online; when none is left, a place on the waiting list."""
        session = get_object_or_404(Session, slug=slug)
        body = BookingRequestSerializer(data=request.data)
        if not body.is_valid():
            if any(error.code == "invalid_choice" for error in body.errors.get("mode", [])):
                raise ValidationError(
                    _("This session cannot be attended that way."), code="bad_mode"
                )
            body.is_valid(raise_exception=True)
        already = selectors.session_booking_of(session=session, user=request.user) is not None
        booking = services.booking_create(
            user=request.user, session=session, mode=body.validated_data["mode"]
        )
        return Response(
            BookingSerializer(booking, context={"request": request}).data,
            status=status.HTTP_200_OK if already else status.HTTP_201_CREATED,
        )

    @extend_schema(
        tags=TAGS,
        parameters=SESSION_PATH,
        responses={
            200: OpenApiResponse(BookingSerializer, description="The cancelled booking."),
            400: OpenApiResponse(
                RefusalSerializer, description="The session has started (`started`)."
            ),
            403: NOT_SIGNED_IN,
            404: OpenApiResponse(ErrorSerializer, description="No booking of this session."),
        },
    )
    def delete(self, request, slug):
        """Cancel one's booking; a freed seat goes to the first person waiting."""
        session = get_object_or_404(Session, slug=slug)
        booking = selectors.session_booking_of(session=session, user=request.user)
        if booking is None:
            raise Http404
        booking = services.booking_cancel(booking=booking, user=request.user)
        return Response(BookingSerializer(booking, context={"request": request}).data)


@extend_schema_view(
    get=extend_schema(tags=TAGS, responses={200: BookingSerializer(many=True), 403: NOT_SIGNED_IN})
)
class MyBookingsView(generics.ListAPIView):
    """The reader's live bookings (confirmed or waiting), soonest session first."""

    serializer_class = BookingSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return (
            Booking.objects.filter(user=self.request.user, state__in=selectors.LIVE_BOOKING_STATES)
            .select_related("session")
            .order_by("session__starts_at", "pk")
        )


# --- Track applications --------------------------------------------------------------------------

TRACK_TAGS = ["tracks"]


class CohortApplicationView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TRACK_TAGS,
        parameters=[
            OpenApiParameter("pk", int, OpenApiParameter.PATH, description="The cohort's id.")
        ],
        request=TrackApplicationRequestSerializer,
        responses={
            201: OpenApiResponse(TrackApplicationSerializer, description="Applied."),
            400: OpenApiResponse(
                RefusalSerializer,
                description="Cannot apply: `closed` (the cohort takes no applications) or "
                "`duplicate` (already applied); or `{field: [why]}` when a field is wrong.",
            ),
            403: NOT_SIGNED_IN,
            404: OpenApiResponse(ErrorSerializer, description="No such cohort."),
        },
    )
    def post(self, request, pk):
        """Apply for a seat in a cohort of a government training track."""
        cohort = get_object_or_404(Cohort, pk=pk)
        body = TrackApplicationRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        application = tracks.track_application_submit(
            user=request.user, cohort=cohort, data=body.validated_data
        )
        return Response(
            TrackApplicationSerializer(application).data, status=status.HTTP_201_CREATED
        )


@extend_schema_view(
    get=extend_schema(
        tags=TRACK_TAGS,
        responses={200: TrackApplicationSerializer(many=True), 403: NOT_SIGNED_IN},
    )
)
class MyTrackApplicationsView(generics.ListAPIView):
    """The reader's own track applications, newest first."""

    serializer_class = TrackApplicationSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return (
            TrackApplication.objects.filter(user=self.request.user)
            .select_related("cohort__track")
            .order_by("-created_at", "-pk")
        )
