"""Figures of the impact report, written by the daily snapshot and read by the pages.

The pages read a bounded number of these rows, whatever the number of learners: figures are
computed by ``impact.snapshot`` for each month, each year and all time, exactly (people are
counted once per period, not summed over days), and kept unsuppressed; small cells are hidden
when read (``impact.selectors``).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from impact.definitions import Dimension, Metric


class Figure(models.Model):
    period = models.CharField(
        _("period"), max_length=7, help_text=_('"2026-11" a month, "2026" a year, "all"')
    )
    metric = models.CharField(_("figure"), max_length=20, choices=Metric.choices)
    dimension = models.CharField(
        _("breakdown"), max_length=20, choices=Dimension.choices, blank=True, default=""
    )
    key = models.CharField(_("value"), max_length=200, blank=True, default="")
    value = models.PositiveBigIntegerField(_("count"))
    computed_at = models.DateTimeField(_("computed"))

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        constraints = [
            models.UniqueConstraint(
                fields=["period", "metric", "dimension", "key"], name="one_figure_per_cell"
            )
        ]
        indexes = [models.Index(fields=["period", "dimension", "metric"])]

    def __str__(self):
        return f"{self.period} {self.metric} {self.dimension}:{self.key} = {self.value}"


class DownloadCount(models.Model):
    """Library downloads so far (a running total), per contributor, as read on one day: the
    library counts downloads in aggregate only, so a period's downloads are the difference."""

    day = models.DateField()
    organisation = models.CharField(max_length=200, blank=True, default="")  # slug; "" = all
    total = models.PositiveBigIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "organisation"], name="one_count_per_day")
        ]

    def __str__(self):
        return f"{self.day} {self.organisation or 'all'}: {self.total}"


class SnapshotRun(models.Model):
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    periods = models.JSONField(default=list)
    figures = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("snapshot run")
        verbose_name_plural = _("snapshot runs")

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.figures})"
