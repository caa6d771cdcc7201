"""Serializers of the courses API."""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import (
    extend_schema_field,
)
from rest_framework import serializers

from alliance.core.api import TopicSerializer, absolute_url
from alliance.core.models import Topic
from courses.models import (
    CourseVersion,
    Enrolment,
    Format,
    Lesson,
    Level,
    Module,
    Option,
    Question,
    Quiz,
    QuizAttempt,
)


def _version_api_path(slug: str, language: str) -> str:
    return reverse("courses_api:version", args=[slug, language])


# --- Serializers -------------------------------------------------------------------------------


class CatalogueFilterSerializer(serializers.Serializer):
    """The catalogue's query string; an empty value means "any"."""

    q = serializers.CharField(
        required=False, allow_blank=True, max_length=200, help_text="Words to search for."
    )
    topic = serializers.SlugRelatedField(
        slug_field="slug", queryset=Topic.objects.all(), required=False, allow_null=True
    )
    language = serializers.ChoiceField(choices=[], required=False, allow_blank=True)
    level = serializers.ChoiceField(choices=Level.choices, required=False, allow_blank=True)
    format = serializers.ChoiceField(choices=Format.choices, required=False, allow_blank=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES

    def filters(self) -> dict:
        data = self.validated_data
        topic = data.get("topic")
        return {
            "query": data.get("q", ""),
            "topic": topic.slug if topic else "",
            "language": data.get("language", ""),
            "level": data.get("level", ""),
            "format": data.get("format", ""),
        }


class CourseVersionSummarySerializer(serializers.ModelSerializer):
    course = serializers.SlugField(source="course.slug", read_only=True)
    url = serializers.SerializerMethodField(help_text="The course's web page.")
    api_url = serializers.SerializerMethodField(help_text="The course's syllabus in this API.")

    class Meta:
        model = CourseVersion
        fields = ["course", "language", "title", "url", "api_url"]
        read_only_fields = fields

    def get_url(self, version) -> str:
        return absolute_url(self, version.get_absolute_url())

    def get_api_url(self, version) -> str:
        return absolute_url(self, _version_api_path(version.course.slug, version.language))


class CatalogueItemSerializer(CourseVersionSummarySerializer):
    topic = TopicSerializer(source="course.topic", read_only=True)
    level = serializers.ChoiceField(source="course.level", choices=Level.choices, read_only=True)
    format = serializers.ChoiceField(source="course.format", choices=Format.choices, read_only=True)
    contributor = serializers.CharField(
        source="course.organisation.name", read_only=True, allow_null=True
    )
    licence = serializers.CharField(source="course.licence", read_only=True)
    duration_minutes = serializers.IntegerField(read_only=True)
    my_progress = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="Percent done, if the reader is enrolled in any language of the course.",
    )

    class Meta(CourseVersionSummarySerializer.Meta):
        fields = [
            *CourseVersionSummarySerializer.Meta.fields,
            "summary",
            "topic",
            "level",
            "format",
            "contributor",
            "licence",
            "duration_minutes",
            "my_progress",
        ]
        read_only_fields = fields


class VersionLinkSerializer(serializers.Serializer):
    language = serializers.CharField()
    url = serializers.CharField()
    api_url = serializers.CharField()


class SyllabusLessonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Lesson
        fields = ["id", "title", "minutes", "required"]
        read_only_fields = fields


class SyllabusQuizSerializer(serializers.ModelSerializer):
    class Meta:
        model = Quiz
        fields = ["id", "title", "passing_score", "max_attempts", "cooldown_minutes", "required"]
        read_only_fields = fields


class SyllabusModuleSerializer(serializers.ModelSerializer):
    lessons = SyllabusLessonSerializer(many=True, read_only=True)
    quizzes = SyllabusQuizSerializer(many=True, read_only=True)

    class Meta:
        model = Module
        fields = ["id", "title", "lessons", "quizzes"]
        read_only_fields = fields


class EnrolmentStatusSerializer(serializers.ModelSerializer):
    class Meta:
        model = Enrolment
        fields = ["state", "enrolled_at", "progress_percent", "completed_at", "last_lesson"]
        read_only_fields = fields


class CourseVersionDetailSerializer(CatalogueItemSerializer):
    outcomes = serializers.ListField(
        source="outcome_list", child=serializers.CharField(), read_only=True
    )
    prerequisites = serializers.SerializerMethodField(
        help_text="Courses to take first, each in this language where it has one."
    )
    other_languages = serializers.SerializerMethodField()
    modules = SyllabusModuleSerializer(many=True, read_only=True)
    my_enrolment = EnrolmentStatusSerializer(
        source="enrolment", read_only=True, allow_null=True, help_text="Null if never enrolled."
    )

    class Meta(CatalogueItemSerializer.Meta):
        fields = [
            *[name for name in CatalogueItemSerializer.Meta.fields if name != "my_progress"],
            "outcomes",
            "prerequisites_note",
            "prerequisites",
            "other_languages",
            "modules",
            "my_enrolment",
        ]
        read_only_fields = fields

    @extend_schema_field(CourseVersionSummarySerializer(many=True))
    def get_prerequisites(self, version):
        picked = []
        for course in version.course.prerequisites.all():
            by_language = {v.language: v for v in course.open_versions}
            choice = by_language.get(version.language) or by_language.get(course.primary_language)
            if choice is None and course.open_versions:
                choice = course.open_versions[0]
            if choice is not None:
                picked.append(choice)
        return CourseVersionSummarySerializer(picked, many=True, context=self.context).data

    @extend_schema_field(VersionLinkSerializer(many=True))
    def get_other_languages(self, version):
        slug = version.course.slug
        return [
            {
                "language": other.language,
                "url": absolute_url(self, reverse("courses:version", args=[slug, other.language])),
                "api_url": absolute_url(self, _version_api_path(slug, other.language)),
            }
            for other in version.course.open_versions
            if other.language != version.language
        ]


class EnrolmentSerializer(serializers.ModelSerializer):
    version = CourseVersionSummarySerializer(read_only=True)

    class Meta:
        model = Enrolment
        fields = [
            "version",
            "state",
            "enrolled_at",
            "progress_percent",
            "completed_at",
            "last_lesson",
            "last_activity_at",
        ]
        read_only_fields = fields


class QuizOptionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Option
        fields = ["id", "text"]
        read_only_fields = fields


class QuizQuestionSerializer(serializers.ModelSerializer):
    """A question as the learner sees it before submitting: no right answers, no feedback."""

    options = QuizOptionSerializer(many=True, read_only=True)

    class Meta:
        model = Question
        fields = ["id", "kind", "text", "options"]
        read_only_fields = fields


class AttemptSerializer(serializers.ModelSerializer):
    questions = QuizQuestionSerializer(source="quiz.questions", many=True, read_only=True)

    class Meta:
        model = QuizAttempt
        fields = ["id", "quiz", "started_at", "questions"]
        read_only_fields = fields


class SubmissionSerializer(serializers.Serializer):
    answers = serializers.DictField(
        child=serializers.ListField(child=serializers.IntegerField(min_value=1)),
        help_text='The chosen option ids per question id: `{"12": [40], "13": [44, 45]}`.',
    )

    def validate_answers(self, answers: dict) -> dict[int, list[int]]:
        question_id = serializers.IntegerField(min_value=1)
        return {question_id.run_validation(key): options for key, options in answers.items()}


class OptionFeedbackSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    chosen = serializers.BooleanField()
    correct = serializers.BooleanField()
    feedback = serializers.CharField()


class QuestionFeedbackSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    text = serializers.CharField()
    correct = serializers.BooleanField(help_text="Whether the learner chose exactly the right set.")
    chosen = serializers.ListField(child=serializers.IntegerField())
    correct_options = serializers.ListField(child=serializers.IntegerField())
    explanation = serializers.CharField()
    options = OptionFeedbackSerializer(many=True)


class ProgressSerializer(serializers.ModelSerializer):
    class Meta:
        model = Enrolment
        fields = ["progress_percent", "completed_at"]
        read_only_fields = fields


class GradedAttemptSerializer(serializers.ModelSerializer):
    questions = QuestionFeedbackSerializer(source="feedback", many=True, read_only=True)
    progress = ProgressSerializer(source="enrolment", read_only=True)

    class Meta:
        model = QuizAttempt
        fields = [
            "id",
            "quiz",
            "started_at",
            "submitted_at",
            "score",
            "passed",
            "questions",
            "progress",
        ]
        read_only_fields = fields
