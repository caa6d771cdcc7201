from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Organisation(models.Model):
    """A partner organisation that contributes training material, funding or outreach."""

    class Kind(models.TextChoices):
        PRIVATE_SECTOR = "private", _("Private sector")
        ACADEMIA = "academia", _("Academia")
        UN_AGENCY = "un", _("UN agency")
        INTERGOVERNMENTAL = "intergovernmental", _("Intergovernmental")
        GOVERNMENT = "government", _("Government")
        NGO = "ngo", _("NGO / civil society")

    name = models.CharField(_("name"), max_length=200, unique=True)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    country = CountryField(_("country"), blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    is_founding = models.BooleanField(_("founding contributor"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name
