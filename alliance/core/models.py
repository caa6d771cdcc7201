from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

_CHOICE_LABELS: dict = {}


class ChoiceLabels:
    """get_FOO_display() from a per-field dictionary made once per process.

    Django's version rebuilds a dictionary of every choice, hashing each (lazily translated)
    label, on every call; a listing calls it a few times per row. The labels stay lazy, so the
    reader's language still applies.
    """

    def _get_FIELD_display(self, field):
        labels = _CHOICE_LABELS.get(field)
        if labels is None:
            labels = _CHOICE_LABELS[field] = dict(field.flatchoices)
        value = getattr(self, field.attname)
        try:
            label = labels.get(value, value)
        except TypeError:  # an unhashable value: Django's own way
            return super()._get_FIELD_display(field)
        return force_str(label, strings_only=True)


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


class IncomeGroup(models.TextChoices):
    """The World Bank's income classification of economies."""

    LOW = "low", _("Low income")
    LOWER_MIDDLE = "lower-middle", _("Lower-middle income")
    UPPER_MIDDLE = "upper-middle", _("Upper-middle income")
    HIGH = "high", _("High income")
    UNCLASSIFIED = "unclassified", _("Unclassified")


class PricingGroup(models.TextChoices):
    """The groups prices and priorities are set by: LDC status first, else income group."""

    LDC = "ldc", _("Least developed countries")
    LOW = "low", _("Low income")
    LOWER_MIDDLE = "lower-middle", _("Lower-middle income")
    UPPER_MIDDLE = "upper-middle", _("Upper-middle income")
    HIGH = "high", _("High income")


class CountryStatus(models.Model):
    """A country's UN LDC status, World Bank income group and UN M49 region.

    Loaded from the files in alliance/core/data/ by ``countries.load()``; see their README.
    """

    country = CountryField(_("country"), unique=True)
    is_ldc = models.BooleanField(_("least developed country"), default=False)
    income_group = models.CharField(
        _("income group"),
        max_length=20,
        choices=IncomeGroup.choices,
        default=IncomeGroup.UNCLASSIFIED,
    )
    region = models.CharField(_("region"), max_length=40, blank=True)
    subregion = models.CharField(_("sub-region"), max_length=60, blank=True)
    intermediate_region = models.CharField(_("intermediate region"), max_length=60, blank=True)
    source_note = models.CharField(_("source"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["country"]
        verbose_name = _("country status")
        verbose_name_plural = _("country statuses")

    def __str__(self):
        return str(self.country.name)

    @property
    def group(self) -> PricingGroup | None:
        """The pricing group, or None for a country the World Bank does not classify."""
        if self.is_ldc:
            return PricingGroup.LDC
        if self.income_group == IncomeGroup.UNCLASSIFIED:
            return None
        return PricingGroup(self.income_group)
