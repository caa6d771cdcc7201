from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    """A subject area shared by courses, library material and sessions; staff edit the list."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120, help_text=_("In English."))
    names = models.JSONField(
        _("names in other languages"),
        default=dict,
        blank=True,
        help_text=_('Language code to name, e.g. {"fr": "IA générative"}.'),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the active language, falling back to English."""
        return self.names.get(get_language() or "en") or self.name
