"""Long static selects (countries, time zones): Django's markup, in the reader's language."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from alliance.accounts.forms import ProfileForm, SignupForm
from alliance.accounts.timezones import TIMEZONE_CHOICES
from alliance.core.widgets import StaticChoicesSelect, country_field, timezone_field
from contributors.forms import ApplicationForm
from workshops.forms import SessionFilterForm, TimeZoneForm
from workshops.track_forms import TrackApplicationForm

CHOICES = [("", _("Any")), ("a&b", 'Quotes " <and> tags'), ("3", "Three"), ("3", "Three again")]


class Ours(forms.Form):
    pick = forms.ChoiceField(
        choices=CHOICES, required=False, widget=StaticChoicesSelect(key="test-tricky")
    )
    needed = forms.ChoiceField(choices=CHOICES, widget=StaticChoicesSelect(key="test-tricky"))
    country = country_field(label="Country", required=False)
    zone = timezone_field(label="Zone")


class Djangos(forms.Form):
    pick = forms.ChoiceField(choices=CHOICES, required=False)
    needed = forms.ChoiceField(choices=CHOICES)
    country = forms.ChoiceField(choices=lambda: [("", "—"), *countries], required=False)
    zone = forms.ChoiceField(choices=TIMEZONE_CHOICES, required=False)


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"pick": "a&b", "needed": "3", "country": "KE", "zone": "Africa/Nairobi"},
        {"pick": "nope", "needed": "", "country": "XX", "zone": "Mars/Olympus"},
        {"pick": "3", "needed": "a&b", "country": "", "zone": ""},
    ],
)
@pytest.mark.parametrize("language", ["en", "fr", "ar", "zh-hans"])
def test_the_markup_is_djangos_select(data, language):
    with translation.override(language):
        for name in Ours.base_fields:
            ours = str(Ours(data, renderer=DjangoTemplates())[name])
            djangos = str(Djangos(data, renderer=DjangoTemplates())[name])
            assert ours == djangos, name


def test_an_invalid_choice_is_still_refused():
    form = Ours({"needed": "nope", "country": "XX", "zone": "Mars/Olympus"})
    assert not form.is_valid()
    assert set(form.errors) == {"needed", "country", "zone"}
    assert "Select a valid choice" in form.errors["country"][0]


@pytest.mark.parametrize(
    "form",
    [
        lambda: SignupForm(),
        lambda: ApplicationForm(),
        lambda: TrackApplicationForm(),
        lambda: SessionFilterForm(topics=[], series=[]),
    ],
    ids=["sign-up", "contributor application", "track application", "session filters"],
)
def test_country_names_follow_the_readers_language(form):
    with translation.override("fr"):
        html = str(form()["country"])
        assert '<option value="DE">Allemagne</option>' in html
        assert "Germany" not in html
    with translation.override("en"):
        assert '<option value="DE">Germany</option>' in str(form()["country"])


def test_the_chosen_zone_and_country_are_marked(db):
    form = TimeZoneForm({"tz": "Asia/Dhaka"})
    assert '<option value="Asia/Dhaka" selected>' in str(form["tz"])
    assert str(form["tz"]).count(" selected") == 1
    profile = ProfileForm(data={"country": "BD", "timezone": "Asia/Dhaka"})
    assert '<option value="BD" selected>' in str(profile["country"])
    assert '<option value="Asia/Dhaka" selected>' in str(profile["timezone"])


def test_grouped_choices_are_refused():
    widget = StaticChoicesSelect(choices=[("Group", [("a", "A")])], key="test-grouped")
    with pytest.raises(ValueError, match="grouped"):
        widget.render("x", None)
