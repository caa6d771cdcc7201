"""Course authoring: course -> versions (one per language) -> modules -> lessons and quizzes.

Every admin here filters through `organisation_path` (see OrganisationScopedAdmin), so the
contributors app can narrow what a member sees to their own organisation's courses.
"""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from alliance.core.admin import OrganisationScopedAdmin
from courses.models import (
    Course,
    CourseVersion,
    Lesson,
    LessonAttachment,
    Module,
    Option,
    Question,
    Quiz,
)


class CourseVersionInline(admin.StackedInline):
    model = CourseVersion
    extra = 0
    fields = ["language", "title", "status", "summary"]
    show_change_link = True


@admin.register(Course)
class CourseAdmin(OrganisationScopedAdmin):
    list_display = ["slug", "topic", "level", "format", "organisation", "status", "featured"]
    list_filter = ["status", "topic", "level", "format", "featured"]
    search_fields = ["slug", "versions__title"]
    autocomplete_fields = ["prerequisites"]
    list_select_related = ["topic", "organisation"]
    inlines = [CourseVersionInline]
    actions = ["publish", "unpublish"]

    @admin.action(description=_("Publish the selected courses"))
    def publish(self, request, queryset):
        queryset.update(status="published")

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
