from django.urls import path

from workshops import views

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
