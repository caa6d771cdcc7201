from django.urls import path

from courses.api import views as api

app_name = "courses_api"

version_prefix = "courses/<slug:slug>/<str:language>/"

urlpatterns = [
    path("courses/", api.CatalogueView.as_view(), name="catalogue"),
    path(version_prefix, api.CourseVersionView.as_view(), name="version"),
    path(version_prefix + "enrolment/", api.EnrolmentView.as_view(), name="enrolment"),
    path("me/enrolments/", api.MyEnrolmentsView.as_view(), name="my_enrolments"),
    path(
        "lessons/<int:lesson_id>/completion/",
        api.LessonCompletionView.as_view(),
        name="lesson_completion",
    ),
    path("quizzes/<int:quiz_id>/attempts/", api.QuizAttemptsView.as_view(), name="quiz_attempts"),
    path(
        "attempts/<int:attempt_id>/submission/",
        api.SubmissionView.as_view(),
        name="attempt_submission",
    ),
]
