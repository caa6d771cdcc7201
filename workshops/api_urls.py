from django.urls import path

from workshops.api import views as api

app_name = "workshops_api"

urlpatterns = [
    path("sessions/", api.SessionListView.as_view(), name="sessions"),
    path("sessions/<slug:slug>/", api.SessionView.as_view(), name="session"),
    path("sessions/<slug:slug>/booking/", api.BookingView.as_view(), name="booking"),
    path("me/bookings/", api.MyBookingsView.as_view(), name="my_bookings"),
    path(
        "tracks/cohorts/<int:pk>/applications/",
        api.CohortApplicationView.as_view(),
        name="cohort_applications",
    ),
    path(
        "me/track-applications/",
        api.MyTrackApplicationsView.as_view(),
        name="my_track_applications",
    ),
]
