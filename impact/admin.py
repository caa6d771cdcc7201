"""Staff's view of the impact report's raw material: the figures and the snapshot runs, both
read-only (the snapshot alone writes them), and a "Recompute now" button that queues the same
Celery task the daily schedule runs."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from alliance.core.admin import ReadOnlyAdmin
from impact.models import Figure, SnapshotRun
from impact.tasks import take_snapshot


class SnapshotRowsAdmin(ReadOnlyAdmin):
    """Rows written by the snapshot only: staff look, never edit; and may ask for a new run."""

    change_list_template = "admin/impact/change_list.html"

    @property
    def recompute_name(self) -> str:
        return f"{self.opts.app_label}_{self.opts.model_name}_recompute"

    def get_urls(self):
        recompute = path(
            "recompute/",
            self.admin_site.admin_view(require_POST(self.recompute_view)),
            name=self.recompute_name,
        )
        return [recompute, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "recompute_url": reverse(f"admin:{self.recompute_name}"),
        }
        return super().changelist_view(request, extra_context)

    def recompute_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        take_snapshot.delay()
        self.message_user(
            request,
            _(
                "The figures are being recomputed. They are up to date once the newest snapshot "
                "run shows when it finished."
            ),
            messages.SUCCESS,
        )
        return redirect("admin:impact_snapshotrun_changelist")


@admin.register(Figure)
class FigureAdmin(SnapshotRowsAdmin):
    list_display = ["period", "metric", "dimension", "key", "value", "computed_at"]
    list_filter = ["metric", "dimension"]
    search_fields = ["=period", "key"]
    ordering = ["-period", "metric", "dimension", "-value", "key"]
    list_per_page = 100
    show_full_result_count = False


@admin.register(SnapshotRun)
class SnapshotRunAdmin(SnapshotRowsAdmin):
    list_display = ["started_at", "finished_at", "seconds", "period_count", "figures"]
    fields = ["started_at", "finished_at", "seconds", "figures", "periods"]
    readonly_fields = fields

    @admin.display(description=_("seconds"))
    def seconds(self, obj):
        if obj.finished_at is None:
            return _("still running")
        return f"{(obj.finished_at - obj.started_at).total_seconds():.1f}"

    @admin.display(description=_("periods"))
    def period_count(self, obj):
        return len(obj.periods)
