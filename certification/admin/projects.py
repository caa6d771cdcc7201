"""Graded projects: staff write their feedback, then mark each passed or not."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from certification import services
from certification.admin.base import error_report
from certification.models import ProjectSubmission


@admin.register(ProjectSubmission)
class ProjectSubmissionAdmin(admin.ModelAdmin):
    """Write the feedback on the project's page, save, then mark it passed or not passed."""

    list_display = ["user", "programme", "project_link", "state", "submitted_at", "graded_by"]
    list_filter = ["state", "programme"]
    list_select_related = ["user", "programme", "graded_by"]
    search_fields = ["user__email", "user__display_name", "url"]
    fields = [
        "user",
        "programme",
        "url",
        "summary",
        "submitted_at",
        "state",
        "feedback",
        "graded_by",
        "graded_at",
    ]
    actions = ["mark_passed", "mark_failed"]

    def has_add_permission(self, request):
        return False

    def get_readonly_fields(self, request, obj=None):
        graded = obj is not None and obj.state != ProjectSubmission.State.SUBMITTED
        return [f for f in self.fields if graded or f != "feedback"]

    @admin.display(description=_("project"))
    def project_link(self, obj):
        return format_html('<a href="{}" rel="noopener noreferrer">{}</a>', obj.url, obj.url)

    def _grade(self, request, queryset, *, passed: bool):
        graded = 0
        for submission in queryset.select_related("user", "programme"):
            try:
                services.project_grade(
                    submission=submission,
                    by=request.user,
                    passed=passed,
                    feedback=submission.feedback,
                )
            except ValidationError as error:
                error_report(self, request, submission, error)
            else:
                graded += 1
        if graded:
            self.message_user(
                request,
                ngettext("%(count)d project graded.", "%(count)d projects graded.", graded)
                % {"count": graded},
                messages.SUCCESS,
            )

    @admin.action(description=_("Mark passed"))
    def mark_passed(self, request, queryset):
        self._grade(request, queryset, passed=True)

    @admin.action(description=_("Mark not passed"))
    def mark_failed(self, request, queryset):
        self._grade(request, queryset, passed=False)
