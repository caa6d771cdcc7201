from django.urls import path

from workshops import track_views, views

app_name = "workshops"

urlpatterns = [
    path("", views.session_list, name="list"),
    path("my-calendar/", views.my_calendar, name="my_calendar"),
    path("my-calendar/reset/", views.my_calendar_reset, name="my_calendar_reset"),
    path("feed/<slug:token>.ics", views.calendar_feed, name="feed"),
    path("<slug:slug>/", views.session_page, name="session"),
    path("<slug:slug>/book/", views.book, name="book"),
    path("<slug:slug>/cancel/", views.cancel, name="cancel"),
    path("<slug:slug>/calendar.ics", views.session_ics, name="calendar"),
    path("<slug:slug>/check-in/", views.check_in, name="check_in"),
]

# Government training tracks: first, so that "tracks" is never read as a session's slug.
urlpatterns = [
    path("tracks/", track_views.track_list, name="tracks"),
    path("tracks/request/", track_views.delivery_request, name="delivery_request"),
    path("tracks/request/sent/", track_views.delivery_request_sent, name="delivery_request_sent"),
    path("tracks/cohorts/<int:pk>/apply/", track_views.track_apply, name="track_apply"),
    path(
        "tracks/cohorts/<int:pk>/applications/",
        track_views.cohort_applications,
        name="cohort_applications",
    ),
    path("tracks/<slug:slug>/", track_views.track_page, name="track"),
    *urlpatterns,
]

# Delegation bookings: first too, so that "delegations" is never read as a session's slug.
urlpatterns = [
    path("delegations/<str:token>/", track_views.delegate_page, name="delegate"),
    path("<slug:slug>/delegation/", track_views.delegation_new, name="delegation_new"),
    *urlpatterns,
]
