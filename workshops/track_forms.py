from django import forms
from django.utils.translation import gettext_lazy as _

from alliance.core.widgets import country_field
from workshops.models import DeliveryRequest, TrackApplication


class TrackApplicationForm(forms.ModelForm):
    country = country_field(label=_("Country"))

    class Meta:
        model = TrackApplication
        fields = ["ministry", "position", "country", "motivation"]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 4})}


class DeliveryRequestForm(forms.ModelForm):
    country = country_field(label=_("Country"))
    participants = forms.IntegerField(label=_("Number of participants"), min_value=1)

    class Meta:
        model = DeliveryRequest
        fields = [
            "track",
            "ministry",
            "contact_name",
            "contact_email",
            "country",
            "participants",
            "language",
            "preferred_dates",
            "notes",
        ]
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"preferred_dates": _("For example: March or April 2026.")}


class DecisionForm(forms.Form):
    state = forms.ChoiceField(
        choices=[
            (TrackApplication.State.ACCEPTED, _("Accept")),
            (TrackApplication.State.WAITLISTED, _("Waitlist")),
            (TrackApplication.State.DECLINED, _("Decline")),
        ]
    )
