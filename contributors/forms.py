from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.choices import LICENCES
from alliance.core.widgets import country_field
from contributors.models import Application, Membership


class ApplicationForm(forms.ModelForm):
    country = country_field(label=_("Country"))
    licence = forms.ChoiceField(
        label=_("Licence for your training material"),
        choices=LICENCES,
        initial="CC-BY-4.0",
        help_text=_("CC BY 4.0 is suggested: anyone may reuse the material with attribution."),
    )
    accept_terms = forms.BooleanField(
        label=_("I accept the contributor terms on behalf of the organisation."),
        error_messages={"required": _("The contributor terms must be accepted to apply.")},
    )

    class Meta:
        model = Application
        fields = [
            "organisation_name",
            "kind",
            "country",
            "website",
            "contact_name",
            "contact_email",
            "offers_material",
            "material_description",
            "offers_funding",
            "funding_description",
            "offers_outreach",
            "outreach_description",
            "licence",
        ]
        widgets = {
            "material_description": forms.Textarea(attrs={"rows": 3}),
            "funding_description": forms.Textarea(attrs={"rows": 3}),
            "outreach_description": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        if not (
            cleaned.get("offers_material")
            or cleaned.get("offers_funding")
            or cleaned.get("offers_outreach")
        ):
            raise forms.ValidationError(
                _("Choose at least one thing your organisation will contribute.")
            )
        for offer, description in (
            ("offers_material", "material_description"),
            ("offers_funding", "funding_description"),
            ("offers_outreach", "outreach_description"),
        ):
            if cleaned.get(offer) and not cleaned.get(description, "").strip():
                self.add_error(description, _("Describe briefly what you offer."))
        return cleaned

    def validate_unique(self):
        """Duplicates are told apart by the service, which explains them in words."""


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"), choices=Membership.Role.choices, initial=Membership.Role.MEMBER
    )
