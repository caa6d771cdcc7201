from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alliance.accounts.models import User
from alliance.core.widgets import country_field, timezone_field


class SignupForm(forms.Form):
    """The fields allauth's sign-up form adds to e-mail and password."""

    display_name = forms.CharField(
        label=_("Name on certificates"),
        max_length=120,
        help_text=_(
            "As it should appear on your certificates, in any script. 120 characters at most."
        ),
    )
    country = country_field(label=_("Country"), required=False)

    def signup(self, request, user):
        user.display_name = self.cleaned_data["display_name"].strip()
        user.country = self.cleaned_data.get("country") or ""
        language = getattr(request, "LANGUAGE_CODE", "")
        if language in dict(settings.LANGUAGES):
            user.preferred_language = language
        user.save(update_fields=["display_name", "country", "preferred_language"])


class ProfileForm(forms.ModelForm):
    country = country_field(label=_("Country"), required=False)
    timezone = timezone_field(label=_("Time zone"))

    class Meta:
        model = User
        fields = ["display_name", "country", "preferred_language", "timezone"]


class DemographicsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["gender", "age_band", "disability"]
        widgets = {
            "gender": forms.RadioSelect,
            "age_band": forms.RadioSelect,
            "disability": forms.RadioSelect,
        }
        labels = {
            "gender": _("Gender"),
            "age_band": _("Age"),
            "disability": _("Do you have a disability?"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False
            # Radio buttons list the real choices only; not answering is the same as no answer.
            field.choices = [c for c in field.choices if c[0]]
