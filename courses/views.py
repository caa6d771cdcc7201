from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.module_loading import import_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from alliance.core.models import Topic
from courses import offline, selectors, services
from courses.forms import CatalogueFilterForm, QuizForm
from courses.models import CourseVersion, Enrolment, Lesson, LessonAttachment, QuizAttempt

PAGE_SIZE = 12


@require_GET
def catalogue(request):
    topics = list(Topic.objects.all())
    form = CatalogueFilterForm(request.GET or None, topics=topics)
    status = 200
    if form.is_bound and not form.is_valid():
        versions = CourseVersion.objects.none()
        status = 400
    else:
        filters = form.filters() if form.is_bound else {}
        versions = selectors.course_catalogue(
            user=request.user, display_language=get_language(), **filters
        )
    page = Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "courses/catalogue.html",
        {"form": form, "page": page, "query_string": query.urlencode()},
        status=status,
    )


@require_GET
def course(request, slug):
    try:
        version = selectors.course_pick_version(slug=slug, language=get_language())
    except CourseVersion.DoesNotExist:
        raise Http404 from None
    return redirect(version.get_absolute_url())


@require_GET
def version(request, slug, language):
    version = selectors.course_version_detail(slug=slug, language=language, user=request.user)
    return render(
        request,
        "courses/course.html",
        {
            "version": version,
            "course": version.course,
            "enrolment": version.enrolment,
            "live_sessions": selectors.course_live_sessions(version=version),
        },
    )


def _version_or_404(slug, language) -> CourseVersion:
    return get_object_or_404(
        selectors.published_versions().select_related("course"),
        course__slug=slug,
        language=language,
    )


@login_required
@require_POST
def enrol(request, slug, language):
    version = get_object_or_404(
        CourseVersion.objects.select_related("course"), course__slug=slug, language=language
    )
    try:
        services.enrolment_create(user=request.user, version=version)
    except ValidationError as error:
        return _refuse(request, error, status=400)
    messages.success(request, _("You are enrolled. Enjoy the course!"))
    return redirect(version.get_absolute_url())


@login_required
@require_POST
def unenrol(request, slug, language):
    version = _version_or_404(slug, language)
    enrolment = get_object_or_404(Enrolment, user=request.user, version=version)
    services.enrolment_withdraw(enrolment=enrolment)
    messages.success(
        request, _("You have left the course. Your progress is kept if you come back.")
    )
    return redirect(version.get_absolute_url())


def _enrolled(request, slug, language) -> tuple[CourseVersion, Enrolment]:
    version = _version_or_404(slug, language)
    return version, services.enrolment_for(user=request.user, version=version)


@login_required
@require_GET
def lesson(request, slug, language, lesson_id, text_only=False):
    version, enrolment = _enrolled(request, slug, language)
    try:
        page = selectors.lesson_page(version=version, lesson_id=lesson_id, enrolment=enrolment)
    except Lesson.DoesNotExist:
        raise Http404 from None
    services.lesson_visit(enrolment=enrolment, lesson=page.lesson)
    template = "courses/lesson_text.html" if text_only else "courses/lesson.html"
    return render(request, template, {"page": page, "enrolment": enrolment, "version": version})


@login_required
@require_POST
def lesson_complete(request, slug, language, lesson_id):
    version, _enrolment = _enrolled(request, slug, language)
    lesson = get_object_or_404(
        Lesson.objects.select_related("module__version__course"),
        pk=lesson_id,
        module__version=version,
    )
    enrolment = services.lesson_complete(user=request.user, lesson=lesson)
    if enrolment.is_complete:
        messages.success(request, _("Congratulations: you have completed this course!"))
    page = selectors.lesson_page(version=version, lesson_id=lesson.pk, enrolment=enrolment)
    if page.module_quizzes:
        quiz = page.module_quizzes[0]
        return redirect("courses:quiz", slug=slug, language=language, quiz_id=quiz.pk)
    if page.next:
        return redirect("courses:lesson", slug=slug, language=language, lesson_id=page.next.pk)
    return redirect(version.get_absolute_url())


@login_required
@require_http_methods(["GET", "POST"])
def quiz(request, slug, language, quiz_id):
    version, enrolment = _enrolled(request, slug, language)
    quiz = selectors.quiz_with_questions(version=version, quiz_id=quiz_id)
    form = QuizForm(request.POST if request.method == "POST" else None, quiz=quiz)
    status = 200
    refusal = None
    try:
        ready_at = services.quiz_next_attempt_at(enrolment=enrolment, quiz=quiz)
    except ValidationError as error:
        ready_at, refusal = None, error.messages[0]
    if request.method == "POST":
        if form.is_valid():
            try:
                attempt = services.quiz_attempt_start(user=request.user, quiz=quiz)
                attempt = services.quiz_attempt_submit(
                    user=request.user, attempt=attempt, answers=form.answers()
                )
            except ValidationError as error:
                refusal, status = " ".join(error.messages), 400
            else:
                return redirect(
                    "courses:attempt",
                    slug=slug,
                    language=language,
                    quiz_id=quiz.pk,
                    attempt_id=attempt.pk,
                )
        else:
            status = 400
    return render(
        request,
        "courses/quiz.html",
        {
            "version": version,
            "quiz": quiz,
            "form": form,
            "refusal": refusal,
            "ready_at": ready_at,
            "attempts": selectors.quiz_attempts_for(enrolment=enrolment, quiz=quiz),
        },
        status=status,
    )


@login_required
@require_GET
def attempt(request, slug, language, quiz_id, attempt_id):
    version, enrolment = _enrolled(request, slug, language)
    quiz = selectors.quiz_with_questions(version=version, quiz_id=quiz_id)
    attempt = get_object_or_404(
        QuizAttempt, pk=attempt_id, quiz=quiz, enrolment=enrolment, submitted_at__isnull=False
    )
    feedback = selectors.attempt_feedback(quiz=quiz, answers=attempt.answers)
    enrolment.refresh_from_db(fields=["progress_percent", "completed_at"])
    return render(
        request,
        "courses/attempt.html",
        {
            "version": version,
            "quiz": quiz,
            "attempt": attempt,
            "feedback": feedback,
            "enrolment": enrolment,
        },
    )


@login_required
@require_GET
def attachment(request, slug, language, attachment_id):
    version, _enrolment = _enrolled(request, slug, language)
    item = get_object_or_404(LessonAttachment, pk=attachment_id, lesson__module__version=version)
    return FileResponse(
        item.file.open("rb"), as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1]
    )


@login_required
@require_GET
def lesson_media(request, slug, language, lesson_id, kind):
    version, _enrolment = _enrolled(request, slug, language)
    if kind not in ("video", "captions"):
        raise Http404
    lesson = get_object_or_404(Lesson, pk=lesson_id, module__version=version)
    file = lesson.video if kind == "video" else lesson.captions
    if not file:
        raise Http404
    content_type = "text/vtt" if kind == "captions" else None
    return FileResponse(file.open("rb"), content_type=content_type)


@login_required
@require_GET
def offline_pack(request, slug, language):
    version, _enrolment = _enrolled(request, slug, language)
    data = offline.build_offline_pack(version=version)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{slug}-{language}.zip"'
    return response


@login_required
@require_GET
def dashboard(request):
    context = selectors.learner_dashboard(user=request.user)
    context["sections"] = [
        _learning_section(request, path) for path in settings.MY_LEARNING_SECTIONS
    ]
    return render(request, "courses/dashboard.html", context)


def _learning_section(request, path: str) -> str:
    """One extra section of "My learning" from another app, named in settings so this app
    imports none of them: f(user=...) gives its template and the template's context."""
    context = dict(import_string(path)(user=request.user))
    return render_to_string(context.pop("template"), context, request=request)


def _refuse(request, error: ValidationError, status: int):
    return render(request, "courses/refused.html", {"reasons": error.messages}, status=status)
