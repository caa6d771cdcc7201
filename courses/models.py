from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import FileExtensionValidator, MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.core.choices import LICENCES, Level
from alliance.core.models import ChoiceLabels
from alliance.core.text import render_markdown, sanitise_html
from contributors.models import Reviewed


class Format(models.TextChoices):
    SELF_PACED = "self-paced", _("Self-paced")
    BLENDED = "blended", _("Blended")


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Course(ChoiceLabels, Reviewed):
    """One course, whatever the number of languages it is offered in (its versions)."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    topic = models.ForeignKey(
        "core.Topic", on_delete=models.PROTECT, related_name="courses", verbose_name=_("topic")
    )
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    format = models.CharField(
        _("format"), max_length=16, choices=Format.choices, default=Format.SELF_PACED
    )
    organisation = models.ForeignKey(
        "contributors.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="courses",
        verbose_name=_("contributor"),
    )
    licence = models.CharField(_("licence"), max_length=40, choices=LICENCES, default="CC-BY-4.0")
    primary_language = models.CharField(
        _("original language"), max_length=10, choices=settings.LANGUAGES, default="en"
    )
    prerequisites = models.ManyToManyField(
        "self", symmetrical=False, blank=True, verbose_name=_("prerequisite courses")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    featured = models.BooleanField(_("featured"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def __str__(self):
        return self.slug

    def get_absolute_url(self):
        return reverse("courses:course", args=[self.slug])


class CourseVersion(ChoiceLabels, models.Model):
    """A course in one language: its own texts, modules, lessons and quizzes."""

    course = models.ForeignKey(
        Course, on_delete=models.CASCADE, related_name="versions", verbose_name=_("course")
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"))
    outcomes = models.TextField(
        _("learning outcomes"), blank=True, help_text=_("One outcome per line.")
    )
    prerequisites_note = models.TextField(
        _("prerequisites"), blank=True, help_text=_("What a learner should know beforehand.")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    # Kept current by a PostgreSQL trigger on every write (migration 0002); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["course", "language"]
        verbose_name = _("course version")
        verbose_name_plural = _("course versions")
        constraints = [
            models.UniqueConstraint(fields=["course", "language"], name="one_version_per_language")
        ]

    def __str__(self):
        return f"{self.title} [{self.language}]"

    def get_absolute_url(self):
        return reverse("courses:version", args=[self.course.slug, self.language])

    @property
    def outcome_list(self) -> list[str]:
        return [line.strip() for line in self.outcomes.splitlines() if line.strip()]


class Module(models.Model):
    version = models.ForeignKey(
        CourseVersion, on_delete=models.CASCADE, related_name="modules", verbose_name=_("version")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def __str__(self):
        return self.title


class Lesson(models.Model):
    class BodyFormat(models.TextChoices):
        MARKDOWN = "markdown", _("Markdown")
        HTML = "html", _("HTML")

    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="lessons", verbose_name=_("module")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), blank=True)
    body_format = models.CharField(
        _("text format"), max_length=10, choices=BodyFormat.choices, default=BodyFormat.MARKDOWN
    )
    minutes = models.PositiveSmallIntegerField(
        _("estimated minutes"), default=10, validators=[MaxValueValidator(600)]
    )
    required = models.BooleanField(_("required for completion"), default=True)
    video = models.FileField(
        _("video file"),
        upload_to="courses/video/",
        blank=True,
        validators=[FileExtensionValidator(["mp4", "webm"])],
        help_text=_("MP4 or WebM, played on the page."),
    )
    video_url = models.URLField(
        _("video elsewhere"), blank=True, help_text=_("Shown as a link, never embedded.")
    )
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to="courses/captions/",
        blank=True,
        validators=[FileExtensionValidator(["vtt"])],
    )
    transcript = models.TextField(_("transcript"), blank=True)
    materials = models.ManyToManyField(
        "library.Material",
        blank=True,
        related_name="lessons",
        verbose_name=_("library materials"),
        help_text=_("Material from the library that this lesson uses."),
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def __str__(self):
        return self.title

    def body_html(self, *, images: bool = True) -> str:
        if self.body_format == self.BodyFormat.HTML:
            return sanitise_html(self.body, images=images)
        return render_markdown(self.body, images=images)

    def body_text_only(self) -> str:
        """The text without images, for the slow-connection view."""
        return self.body_html(images=False)

    @property
    def has_video(self) -> bool:
        return bool(self.video or self.video_url)


class LessonAttachment(models.Model):
    lesson = models.ForeignKey(
        Lesson, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("lesson")
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), upload_to="courses/attachments/")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title


class Quiz(models.Model):
    module = models.ForeignKey(
        Module, on_delete=models.CASCADE, related_name="quizzes", verbose_name=_("module")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    passing_score = models.PositiveSmallIntegerField(
        _("passing score (%)"), default=70, validators=[MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), null=True, blank=True, help_text=_("Empty for no limit.")
    )
    cooldown_minutes = models.PositiveIntegerField(_("minutes between attempts"), default=0)
    required = models.BooleanField(_("required for completion"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")
        constraints = [
            models.CheckConstraint(
                condition=Q(passing_score__lte=100), name="quiz_passing_score_at_most_100"
            )
        ]

    def __str__(self):
        return self.title


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        TRUE_FALSE = "true-false", _("True or false")

    quiz = models.ForeignKey(
        Quiz, on_delete=models.CASCADE, related_name="questions", verbose_name=_("quiz")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.SINGLE)
    text = models.TextField(_("question"))
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown after the quiz is submitted.")
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text[:80]

    @property
    def allows_several(self) -> bool:
        return self.kind == self.Kind.MULTIPLE


class Option(models.Model):
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="options", verbose_name=_("question")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    text = models.CharField(_("answer"), max_length=500)
    is_correct = models.BooleanField(_("correct"), default=False)
    feedback = models.CharField(_("feedback"), max_length=500, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("answer option")
        verbose_name_plural = _("answer options")

    def __str__(self):
        return self.text


class Enrolment(models.Model):
    class State(models.TextChoices):
        ACTIVE = "active", _("Active")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    version = models.ForeignKey(CourseVersion, on_delete=models.PROTECT, related_name="enrolments")
    state = models.CharField(max_length=16, choices=State.choices, default=State.ACTIVE)
    enrolled_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    progress_percent = models.PositiveSmallIntegerField(
        default=0, validators=[MaxValueValidator(100)]
    )
    last_lesson = models.ForeignKey(
        Lesson, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_activity_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        constraints = [
            models.UniqueConstraint(fields=["user", "version"], name="one_enrolment_per_version"),
            models.CheckConstraint(
                condition=Q(progress_percent__lte=100), name="enrolment_progress_at_most_100"
            ),
        ]
        indexes = [models.Index(fields=["user", "state", "-last_activity_at"])]

    def __str__(self):
        return f"{self.user} in {self.version}"

    @property
    def is_active(self) -> bool:
        return self.state == self.State.ACTIVE

    @property
    def is_complete(self) -> bool:
        return self.completed_at is not None


class LessonCompletion(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="completions")
    lesson = models.ForeignKey(Lesson, on_delete=models.CASCADE, related_name="+")
    completed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "lesson"], name="complete_a_lesson_once")
        ]

    def __str__(self):
        return f"{self.lesson} (enrolment #{self.enrolment_id})"


class QuizAttempt(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attempts")
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts")
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True)
    # {question id: [chosen option ids]}, as submitted; grading is recorded in score and passed.
    answers = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["started_at", "id"]
        indexes = [models.Index(fields=["enrolment", "quiz"])]

    def __str__(self):
        return f"{self.quiz} #{self.pk}"
