"""The courses API: catalogue, syllabus, enrolment, progress and quizzes.

Views read the request, call a selector or a service and serialise the result; services raise
django's ValidationError and PermissionDenied, which alliance.core.api turns into 400 and 403.
"""

from django.shortcuts import get_object_or_404
from django.utils.translation import get_language
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
from courses import selectors, services
from courses.api.serializers import (
    AttemptSerializer,
    CatalogueFilterSerializer,
    CatalogueItemSerializer,
    CourseVersionDetailSerializer,
    EnrolmentSerializer,
    GradedAttemptSerializer,
    SubmissionSerializer,
)
from courses.models import (
    CourseVersion,
    Enrolment,
    Lesson,
    Quiz,
    QuizAttempt,
)

TAGS = ["courses"]
VERSION_PATH = [
    OpenApiParameter("slug", str, OpenApiParameter.PATH, description="The course's slug."),
    OpenApiParameter(
        "language", str, OpenApiParameter.PATH, description="A language code, e.g. `en`, `fr`."
    ),
]
NOT_FOUND = OpenApiResponse(ErrorSerializer, description="No such published item.")


# --- Views -------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        parameters=[CatalogueFilterSerializer],
        responses={
            200: CatalogueItemSerializer(many=True),
            400: OpenApiResponse(description="A filter has an unknown value: `{field: [why]}`."),
            404: OpenApiResponse(ErrorSerializer, description="No such page."),
        },
    )
)
class CatalogueView(generics.ListAPIView):
    """The published courses, one version each: in the language asked for, else in the reader's
    language where the course has one, else in its original language."""

    serializer_class = CatalogueItemSerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        filters = CatalogueFilterSerializer(data=self.request.query_params)
        filters.is_valid(raise_exception=True)
        return selectors.course_catalogue(
            user=self.request.user, display_language=get_language(), **filters.filters()
        )


class CourseVersionView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        parameters=VERSION_PATH,
        responses={200: CourseVersionDetailSerializer, 404: NOT_FOUND},
    )
    def get(self, request, slug, language):
        """A published course in one language, with its syllabus."""
        version = selectors.course_version_detail(slug=slug, language=language, user=request.user)
        return Response(CourseVersionDetailSerializer(version, context={"request": request}).data)


class EnrolmentView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        parameters=VERSION_PATH,
        request=None,
        responses={
            201: OpenApiResponse(EnrolmentSerializer, description="Enrolled."),
            200: OpenApiResponse(EnrolmentSerializer, description="Already enrolled."),
            400: OpenApiResponse(
                RefusalSerializer, description="Not open for enrolment (`not_published`)."
            ),
            403: NOT_SIGNED_IN,
            404: NOT_FOUND,
        },
    )
    def post(self, request, slug, language):
        """Enrol in a course in this language (free). Enrolling again after leaving resumes
        with the progress kept."""
        version = get_object_or_404(
            CourseVersion.objects.select_related("course"), course__slug=slug, language=language
        )
        already = Enrolment.objects.filter(
            user=request.user, version=version, state=Enrolment.State.ACTIVE
        ).exists()
        enrolment = services.enrolment_create(user=request.user, version=version)
        return Response(
            EnrolmentSerializer(enrolment, context={"request": request}).data,
            status=status.HTTP_200_OK if already else status.HTTP_201_CREATED,
        )

    @extend_schema(
        tags=TAGS,
        parameters=VERSION_PATH,
        responses={
            204: OpenApiResponse(description="Left the course; progress is kept."),
            403: NOT_SIGNED_IN,
            404: OpenApiResponse(ErrorSerializer, description="Not enrolled in this course."),
        },
    )
    def delete(self, request, slug, language):
        """Leave the course. Progress is kept for a return."""
        enrolment = get_object_or_404(
            Enrolment, user=request.user, version__course__slug=slug, version__language=language
        )
        services.enrolment_withdraw(enrolment=enrolment)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    get=extend_schema(
        tags=TAGS, responses={200: EnrolmentSerializer(many=True), 403: NOT_SIGNED_IN}
    )
)
class MyEnrolmentsView(generics.ListAPIView):
    """The reader's current courses: those in progress first, then those completed, each most
    recently active first."""

    serializer_class = EnrolmentSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        dashboard = selectors.learner_dashboard(user=self.request.user)
        return dashboard["in_progress"] + dashboard["completed"]


class LessonCompletionView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        request=None,
        responses={
            200: OpenApiResponse(EnrolmentSerializer, description="The enrolment's progress."),
            403: OpenApiResponse(ErrorSerializer, description="Not signed in, or not enrolled."),
            404: NOT_FOUND,
        },
    )
    def post(self, request, lesson_id):
        """Mark a lesson done (again is harmless) and return the course progress."""
        lesson = get_object_or_404(
            Lesson.objects.select_related("module__version__course"),
            pk=lesson_id,
            module__version__in=selectors.published_versions(),
        )
        enrolment = services.lesson_complete(user=request.user, lesson=lesson)
        return Response(EnrolmentSerializer(enrolment, context={"request": request}).data)


class QuizAttemptsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        request=None,
        responses={
            201: OpenApiResponse(AttemptSerializer, description="A new attempt."),
            200: OpenApiResponse(AttemptSerializer, description="The attempt already open."),
            400: OpenApiResponse(
                RefusalSerializer,
                description="No attempts left (`no_attempts_left`), or too soon after the last "
                "one (`cooling_down`; the message says when).",
            ),
            403: OpenApiResponse(ErrorSerializer, description="Not signed in, or not enrolled."),
            404: NOT_FOUND,
        },
    )
    def post(self, request, quiz_id):
        """Start an attempt at a quiz, or get back the one already open, with its questions.
        The right answers come only with the graded submission."""
        quiz = get_object_or_404(
            Quiz.objects.select_related("module__version__course"),
            pk=quiz_id,
            module__version__in=selectors.published_versions(),
        )
        open_before = set(
            QuizAttempt.objects.filter(
                enrolment__user=request.user, quiz=quiz, submitted_at__isnull=True
            ).values_list("pk", flat=True)
        )
        attempt = services.quiz_attempt_start(user=request.user, quiz=quiz)
        attempt.quiz = selectors.quiz_with_questions(version=quiz.module.version, quiz_id=quiz.pk)
        return Response(
            AttemptSerializer(attempt).data,
            status=status.HTTP_200_OK if attempt.pk in open_before else status.HTTP_201_CREATED,
        )


class SubmissionView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        request=SubmissionSerializer,
        responses={
            200: GradedAttemptSerializer,
            400: OpenApiResponse(
                description='Malformed answers (`{"answers": [why]}`), or a refusal '
                '`{"detail": [why], "code": ...}`: `submitted` (already), `unknown_question`, '
                "`unknown_option`, `malformed`, or a question left unanswered."
            ),
            403: OpenApiResponse(ErrorSerializer, description="Not signed in, or not enrolled."),
            404: OpenApiResponse(ErrorSerializer, description="No such attempt of the reader's."),
        },
    )
    def post(self, request, attempt_id):
        """Submit the answers of an open attempt: graded on the server, with feedback on each
        question."""
        attempt = get_object_or_404(
            QuizAttempt.objects.select_related("quiz__module__version"),
            pk=attempt_id,
            enrolment__user=request.user,
            quiz__module__version__in=selectors.published_versions(),
        )
        version = attempt.quiz.module.version
        body = SubmissionSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        attempt = services.quiz_attempt_submit(
            user=request.user, attempt=attempt, answers=body.validated_data["answers"]
        )
        quiz = selectors.quiz_with_questions(version=version, quiz_id=attempt.quiz_id)
        attempt.feedback = selectors.attempt_feedback(quiz=quiz, answers=attempt.answers)
        attempt.enrolment.refresh_from_db(fields=["progress_percent", "completed_at"])
        return Response(GradedAttemptSerializer(attempt).data)
