"""Course authoring: course -> versions (one per language) -> modules -> lessons and quizzes.

Every admin here filters through `organisation_path` (see OrganisationScopedAdmin), so the
contributors app can narrow what a member sees to their own organisation's courses.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from alliance.core.admin import OrganisationScopedAdmin
from contributors.admin_site import MemberScopedAdmin, MemberScopedInline, partner_admin
from contributors.services import (
    pending_change_record,
    submission_return,
    submission_submit,
)
from courses.models import (
    Course,
    CourseVersion,
    Lesson,
    LessonAttachment,
    Module,
    Option,
    Question,
    Quiz,
    Status,
)
from courses.services import course_publish


class CourseVersionInline(admin.StackedInline):
    model = CourseVersion
    extra = 0
    fields = ["language", "title", "status", "summary"]
    show_change_link = True


@admin.register(Course)
class CourseAdmin(OrganisationScopedAdmin):
    search_fields = ["slug", "versions__title"]
    autocomplete_fields = ["prerequisites"]
    list_select_related = ["topic", "organisation"]
    inlines = [CourseVersionInline]
    actions = ["publish", "unpublish", "return_with_comments"]
    list_display = [
        "slug",
        "topic",
        "level",
        "format",
        "organisation",
        "status",
        "review_state",
        "featured",
    ]
    list_filter = ["review_state", "status", "topic", "level", "format", "featured"]

    @admin.action(description=_("Publish the selected courses (with any pending changes)"))
    def publish(self, request, queryset):
        for course in queryset:
            course_publish(course=course)

    @admin.action(description=_("Return the selected courses with their review comments"))
    def return_with_comments(self, request, queryset):
        for course in queryset:
            try:
                submission_return(item=course, staff=request.user, comment=course.review_comment)
            except ValidationError as error:
                self.message_user(
                    request, f"{course}: {' '.join(error.messages)}", level=messages.ERROR
                )

    @admin.action(description=_("Return the selected courses to draft"))
    def unpublish(self, request, queryset):
        queryset.update(status="draft")


class ModuleInline(admin.TabularInline):
    model = Module
    extra = 0
    fields = ["order", "title"]
    show_change_link = True


@admin.register(CourseVersion)
class CourseVersionAdmin(OrganisationScopedAdmin):
    organisation_path = "course__organisation"
    list_display = ["title", "course", "language", "status"]
    list_filter = ["language", "status"]
    search_fields = ["title", "course__slug"]
    list_select_related = ["course"]
    inlines = [ModuleInline]


class LessonInline(admin.TabularInline):
    model = Lesson
    extra = 0
    fields = ["order", "title", "minutes", "required"]
    show_change_link = True


class QuizInline(admin.TabularInline):
    model = Quiz
    extra = 0
    fields = ["order", "title", "passing_score", "max_attempts", "cooldown_minutes", "required"]
    show_change_link = True


@admin.register(Module)
class ModuleAdmin(OrganisationScopedAdmin):
    organisation_path = "version__course__organisation"
    list_display = ["title", "version", "order"]
    list_select_related = ["version"]
    search_fields = ["title"]
    inlines = [LessonInline, QuizInline]


class AttachmentInline(admin.TabularInline):
    model = LessonAttachment
    extra = 0


@admin.register(Lesson)
class LessonAdmin(OrganisationScopedAdmin):
    organisation_path = "module__version__course__organisation"
    list_display = ["title", "module", "order", "minutes", "required"]
    list_select_related = ["module"]
    search_fields = ["title"]
    autocomplete_fields = ["materials"]
    inlines = [AttachmentInline]


class OptionFormSet(BaseInlineFormSet):
    """A question must be answerable: the right options fit the kind of question."""

    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        right = sum(1 for data in kept if data.get("is_correct"))
        kind = self.instance.kind
        if len(kept) < 2:
            raise ValidationError(_("A question needs at least two answer options."))
        if kind == Question.Kind.MULTIPLE and right < 1:
            raise ValidationError(_("Mark at least one option as correct."))
        if kind != Question.Kind.MULTIPLE and right != 1:
            raise ValidationError(
                _("Mark exactly one option as correct for this kind of question.")
            )


class OptionInline(admin.TabularInline):
    model = Option
    formset = OptionFormSet
    extra = 2


@admin.register(Question)
class QuestionAdmin(OrganisationScopedAdmin):
    organisation_path = "quiz__module__version__course__organisation"
    list_display = ["text", "quiz", "kind", "order"]
    list_select_related = ["quiz"]
    inlines = [OptionInline]


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    show_change_link = True


@admin.register(Quiz)
class QuizAdmin(OrganisationScopedAdmin):
    organisation_path = "module__version__course__organisation"
    list_display = ["title", "module", "passing_score", "max_attempts", "cooldown_minutes"]
    list_select_related = ["module"]
    inlines = [QuestionInline]


# --- The partners' site: members edit their own organisation's unpublished courses ------------


class PartnerCourseTreeAdmin(MemberScopedAdmin):
    """A published course is live for learners. Members may still edit its texts: each edit is
    kept as a pending change, and the course goes back to review while learners keep seeing the
    published version. Adding or removing parts of a published course is for staff."""

    course_path = ""  # from this model to its Course ("" for Course itself)

    def course_of(self, obj):
        value = obj
        for part in filter(None, self.course_path.split("__")):
            value = getattr(value, part)
        return value

    def _is_live(self, obj) -> bool:
        return obj is not None and self.course_of(obj).status == Status.PUBLISHED

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not self._is_live(obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if self._is_live(obj):
            if self.course_path:
                fields.append(self.course_path.split("__")[0])  # the part stays where it is
            # Links to other records change the live course at once: staff change those.
            fields += [f.name for f in self.model._meta.many_to_many]
        return fields

    def get_inline_instances(self, request, obj=None):
        # The parts of a live course are edited one by one, each through its own review.
        return [] if self._is_live(obj) else super().get_inline_instances(request, obj)

    def save_model(self, request, obj, form, change):
        if change and self._is_live(obj):
            fields = [name for name in form.changed_data if name not in self.staff_only_fields]
            pending_change_record(obj=obj, fields=fields, data=form.cleaned_data, user=request.user)
            course = self.course_of(obj)
            submission_submit(item=course, user=request.user)
            self.message_user(
                request,
                _(
                    "Your change waits for review; learners keep seeing "
                    "the published course until it is approved."
                ),
            )
            return
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if change and self._is_live(form.instance):
            return
        super().save_related(request, form, formsets, change)

    def _scoped_choices(self, db_field, request):
        choices = super()._scoped_choices(db_field, request)
        related_admin = self.admin_site._registry.get(db_field.related_model)
        if isinstance(related_admin, PartnerCourseTreeAdmin):
            status = "__".join(filter(None, [related_admin.course_path, "status"]))
            choices = choices.exclude(**{status: Status.PUBLISHED})
        return choices


class PartnerCourseVersionInline(MemberScopedInline, CourseVersionInline):
    pass


@admin.register(Course, site=partner_admin)
class PartnerCourseAdmin(PartnerCourseTreeAdmin, CourseAdmin):
    inlines = [PartnerCourseVersionInline]
    actions = ["submit_for_review"]
    list_display = ["slug", "topic", "level", "format", "status", "review_state"]
    list_filter = ["status", "review_state", "topic"]
    autocomplete_fields = []
    fields = [
        "slug",
        "topic",
        "level",
        "format",
        "organisation",
        "licence",
        "primary_language",
        "prerequisites",
        "status",
        "review_state",
        "review_comment",
    ]

    @admin.action(description=_("Submit the selected courses for review"))
    def submit_for_review(self, request, queryset):
        for course in queryset:
            submission_submit(item=course, user=request.user)
        self.message_user(request, _("Submitted: staff will review them."))


@admin.register(CourseVersion, site=partner_admin)
class PartnerCourseVersionAdmin(PartnerCourseTreeAdmin, CourseVersionAdmin):
    course_path = "course"
    inlines = [type("PartnerModuleInline", (MemberScopedInline, ModuleInline), {})]


@admin.register(Module, site=partner_admin)
class PartnerModuleAdmin(PartnerCourseTreeAdmin, ModuleAdmin):
    course_path = "version__course"
    inlines = [
        type("PartnerLessonInline", (MemberScopedInline, LessonInline), {}),
        type("PartnerQuizInline", (MemberScopedInline, QuizInline), {}),
    ]


@admin.register(Lesson, site=partner_admin)
class PartnerLessonAdmin(PartnerCourseTreeAdmin, LessonAdmin):
    course_path = "module__version__course"
    autocomplete_fields = []
    inlines = [type("PartnerAttachmentInline", (MemberScopedInline, AttachmentInline), {})]


@admin.register(Quiz, site=partner_admin)
class PartnerQuizAdmin(PartnerCourseTreeAdmin, QuizAdmin):
    course_path = "module__version__course"
    inlines = [type("PartnerQuestionInline", (MemberScopedInline, QuestionInline), {})]


@admin.register(Question, site=partner_admin)
class PartnerQuestionAdmin(PartnerCourseTreeAdmin, QuestionAdmin):
    course_path = "quiz__module__version__course"
    inlines = [type("PartnerOptionInline", (MemberScopedInline, OptionInline), {})]
