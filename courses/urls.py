from django.urls import path

from courses import views

app_name = "courses"

version_prefix = "<slug:slug>/<str:language>/"

urlpatterns = [
    path("", views.catalogue, name="catalogue"),
    path("<slug:slug>/", views.course, name="course"),
    path(version_prefix, views.version, name="version"),
    path(version_prefix + "enrol/", views.enrol, name="enrol"),
    path(version_prefix + "leave/", views.unenrol, name="unenrol"),
    path(version_prefix + "offline.zip", views.offline_pack, name="offline"),
    path(version_prefix + "lessons/<int:lesson_id>/", views.lesson, name="lesson"),
    path(
        version_prefix + "lessons/<int:lesson_id>/text/",
        views.lesson,
        {"text_only": True},
        name="lesson_text",
    ),
    path(
        version_prefix + "lessons/<int:lesson_id>/complete/",
        views.lesson_complete,
        name="lesson_complete",
    ),
    path(
        version_prefix + "lessons/<int:lesson_id>/<str:kind>/",
        views.lesson_media,
        name="lesson_media",
    ),
    path(version_prefix + "attachments/<int:attachment_id>/", views.attachment, name="attachment"),
    path(version_prefix + "quizzes/<int:quiz_id>/", views.quiz, name="quiz"),
    path(
        version_prefix + "quizzes/<int:quiz_id>/attempts/<int:attempt_id>/",
        views.attempt,
        name="attempt",
    ),
]
