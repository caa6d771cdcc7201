"""Staff schedule series and sessions here (the main admin only: partners do not schedule).

Bookings are made and cancelled by the booking services, which count seats under a lock, so
the admin never adds a booking or changes its state; staff record attendance only.
"""

from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from workshops import services, tracks
from workshops.models import (
    Booking,
    Cohort,
    DeliveryRequest,
    SeatQuota,
    Series,
    Session,
    Track,
    TrackApplication,
)


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class BookingInline(admin.TabularInline):
    model = Booking
    extra = 0
    max_num = 0
    can_delete = False
    fields = ["user", "mode", "state", "created_at", "confirmed_at", "cancelled_at", "attended"]
    readonly_fields = ["user", "mode", "state", "created_at", "confirmed_at", "cancelled_at"]
    ordering = ["state", "created_at", "pk"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "kind",
        "language",
        "starts_at",
        "city",
        "state",
        "confirmed",
        "waiting",
        "check_in_link",
    ]
    list_filter = ["state", "kind", "language", "topic", "series", "country"]
    search_fields = ["title", "slug", "speakers", "city", "venue_name"]
    date_hierarchy = "starts_at"
    list_select_related = ["topic", "series"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["series", "course", "organisation"]
    inlines = [BookingInline]
    actions = ["cancel_sessions", "mark_completed"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "title",
                    "slug",
                    "kind",
                    "description",
                    "speakers",
                    "language",
                    "topic",
                    "series",
                    "course",
                    "organisation",
                    "state",
                ]
            },
        ),
        (
            _("Time"),
            {
                "fields": [
                    "starts_at",
                    "ends_at",
                    "timezone",
                    "registration_opens_at",
                    "registration_closes_at",
                ]
            },
        ),
        (_("On site"), {"fields": ["venue_name", "address", "city", "country", "seats_onsite"]}),
        (_("Online"), {"fields": ["join_url", "seats_online", "recording_url"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                confirmed_count=Count("bookings", filter=Q(bookings__state="confirmed")),
                waiting_count=Count("bookings", filter=Q(bookings__state="waitlisted")),
            )
        )

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is Booking:
            services.course_progress_refresh(
                session=form.instance,
                user_ids={
                    booking.user_id
                    for booking, fields in formset.changed_objects
                    if "attended" in fields
                },
            )

    @admin.display(description=_("confirmed"), ordering="confirmed_count")
    def confirmed(self, obj):
        return obj.confirmed_count

    @admin.display(description=_("waiting"), ordering="waiting_count")
    def waiting(self, obj):
        return obj.waiting_count

    @admin.display(description=_("check-in"))
    def check_in_link(self, obj):
        return format_html(
            '<a href="{}">{}</a>', reverse("workshops:check_in", args=[obj.slug]), _("Check in")
        )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"seats_onsite", "seats_online"} & set(form.changed_data):
            services.seats_changed(session=obj)
        if change and "recording_url" in form.changed_data and obj.recording_url:
            told = services.recording_announce(session=obj)
            self.message_user(
                request, _("The recording was announced to %(count)d attendees.") % {"count": told}
            )

    @admin.action(description=_("Cancel the selected sessions (tells every attendee)"))
    def cancel_sessions(self, request, queryset):
        sessions = list(queryset.filter(state=Session.State.SCHEDULED))
        told = sum(services.session_cancel(session=session) for session in sessions)
        skipped = queryset.count() - len(sessions)
        self.message_user(
            request,
            ngettext(
                "%(count)d session cancelled; %(told)d people told.",
                "%(count)d sessions cancelled; %(told)d people told.",
                len(sessions),
            )
            % {"count": len(sessions), "told": told},
            messages.SUCCESS,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d session was left alone: it is already cancelled or completed.",
                    "%(count)d sessions were left alone: they are already cancelled or completed.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(description=_("Mark the selected sessions completed"))
    def mark_completed(self, request, queryset):
        # Only sessions that have started: a session in the future cannot have taken place.
        done = queryset.filter(state=Session.State.SCHEDULED, starts_at__lte=timezone.now()).update(
            state=Session.State.COMPLETED
        )
        self.message_user(
            request,
            ngettext(
                "%(count)d session marked completed.",
                "%(count)d sessions marked completed.",
                done,
            )
            % {"count": done},
            messages.SUCCESS,
        )
        skipped = queryset.count() - done
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d session was left alone: it has not started, or is not scheduled.",
                    "%(count)d sessions were left alone: they have not started, or are not "
                    "scheduled.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["user", "session", "mode", "state", "attended", "created_at"]
    list_filter = ["state", "mode", "attended", "session__series", "session__state"]
    search_fields = ["user__email", "user__display_name", "session__title", "session__slug"]
    list_select_related = ["user", "session"]
    date_hierarchy = "created_at"
    readonly_fields = [
        "session",
        "user",
        "mode",
        "state",
        "created_at",
        "confirmed_at",
        "cancelled_at",
    ]
    fields = [*readonly_fields, "attended"]
    actions = ["mark_attended"]

    def has_add_permission(self, request):
        return False

    @admin.action(description=_("Mark the selected bookings attended"))
    def mark_attended(self, request, queryset):
        confirmed = list(queryset.filter(state=Booking.State.CONFIRMED).select_related("session"))
        by_session: dict[int, list[Booking]] = {}
        for booking in confirmed:
            by_session.setdefault(booking.session_id, []).append(booking)
        for bookings in by_session.values():
            services.attendance_record(
                session=bookings[0].session,
                bookings=bookings,
                attended_ids=[b.pk for b in bookings],
            )
        self.message_user(
            request,
            ngettext(
                "%(count)d booking marked attended.",
                "%(count)d bookings marked attended.",
                len(confirmed),
            )
            % {"count": len(confirmed)},
            messages.SUCCESS,
        )
        skipped = queryset.count() - len(confirmed)
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d booking was left alone: only confirmed seats can be attended.",
                    "%(count)d bookings were left alone: only confirmed seats can be attended.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )


# --- Government training tracks ----------------------------------------------------------------


@admin.register(Track)
class TrackAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "topic"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class SeatQuotaInline(admin.TabularInline):
    model = SeatQuota
    extra = 1


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = ["name", "track", "language", "starts_on", "seats", "applications_open"]
    list_filter = ["applications_open", "track", "language"]
    search_fields = ["name", "track__name"]
    filter_horizontal = ["sessions"]
    inlines = [SeatQuotaInline]


@admin.register(TrackApplication)
class TrackApplicationAdmin(admin.ModelAdmin):
    """Decisions are taken on the ranked applications page, which checks seats and quotas."""

    list_display = ["user", "cohort", "country", "ministry", "state", "created_at"]
    list_filter = ["state", "cohort__track", "cohort"]
    search_fields = ["user__email", "user__display_name", "ministry", "position"]
    list_select_related = ["user", "cohort__track"]
    readonly_fields = ["cohort", "user", "state", "created_at"]


@admin.register(DeliveryRequest)
class DeliveryRequestAdmin(admin.ModelAdmin):
    list_display = ["ministry", "country", "track", "participants", "state", "created_at"]
    list_filter = ["state", "track"]
    search_fields = ["ministry", "contact_name", "contact_email"]
    list_select_related = ["track"]
    readonly_fields = ["state", "answered_by", "created_at"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "staff_answer" in form.changed_data and obj.staff_answer.strip():
            tracks.delivery_request_answer(request=obj, staff=request.user, answer=obj.staff_answer)
