"""The choice-widget renderer writes exactly what Django's templates write, only faster."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from alliance.accounts.timezones import TIMEZONE_CHOICES
from alliance.core.renderers import ChoiceWidgetRenderer

TRICKY = [
    ("", _("Any")),
    ("a&b", 'Quotes " and <tags> & ampersands'),
    (3, "A number"),
    ("ar", "العربية"),
    ("zh", "中文"),
]
GROUPED = [
    ("", "—"),
    ("Africa", [("KE", "Kenya"), ("ET", "Ethiopia")]),
    ("Asia", [("BD", "Bangladesh"), ("<x>", "<b>escaped</b>")]),
]


class Everything(forms.Form):
    plain = forms.ChoiceField(choices=TRICKY, required=False)
    grouped = forms.ChoiceField(choices=GROUPED, required=False)
    many = forms.MultipleChoiceField(choices=TRICKY, required=False)
    ticks = forms.MultipleChoiceField(
        choices=TRICKY, required=False, widget=forms.CheckboxSelectMultiple
    )
    ticks_grouped = forms.MultipleChoiceField(
        choices=GROUPED, required=False, widget=forms.CheckboxSelectMultiple
    )
    radio = forms.ChoiceField(choices=TRICKY, required=False, widget=forms.RadioSelect)
    radio_classed = forms.ChoiceField(
        choices=GROUPED,
        required=False,
        widget=forms.RadioSelect(attrs={"class": "inline & odd", "aria-describedby": "x"}),
    )
    attrs = forms.ChoiceField(
        choices=TRICKY,
        required=False,
        widget=forms.Select(attrs={"disabled": True, "hidden": False, "data-x": '1"2'}),
    )
    country = forms.ChoiceField(choices=[("", "—"), *countries], required=False)
    zone = forms.ChoiceField(choices=TIMEZONE_CHOICES, required=False)


BOUND = {
    "plain": "a&b",
    "grouped": "<x>",
    "many": ["3", "zh"],
    "ticks": ["", "ar"],
    "ticks_grouped": ["KE"],
    "radio": "3",
    "radio_classed": "BD",
    "attrs": "ar",
    "country": "KE",
    "zone": "Africa/Nairobi",
}


@pytest.mark.parametrize("data", [None, BOUND], ids=["unbound", "bound"])
@pytest.mark.parametrize("auto_id", ["id_%s", "", "f-%s"])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_choice_widget_is_written_as_django_writes_it(data, auto_id, language):
    from django.utils import translation

    with translation.override(language):
        for name in Everything.base_fields:
            ours = Everything(data, auto_id=auto_id, renderer=ChoiceWidgetRenderer())[name]
            django = Everything(data, auto_id=auto_id, renderer=DjangoTemplates())[name]
            assert str(ours) == str(django), name
            assert str(ours.as_field_group()) == str(django.as_field_group()), name


def test_the_site_uses_it_and_other_templates_are_left_to_django(settings):
    from django.forms.renderers import get_default_renderer

    assert isinstance(get_default_renderer(), ChoiceWidgetRenderer)
    field = forms.CharField()
    assert str(forms.Form(renderer=ChoiceWidgetRenderer()).as_div()) == ""
    html = field.widget.render("name", "<v>", renderer=ChoiceWidgetRenderer())
    assert html == '<input type="text" name="name" value="&lt;v&gt;">'


def test_an_option_template_of_its_own_falls_back_to_django():
    class Fancy(forms.Select):
        option_template_name = "django/forms/widgets/input_option.html"

    html = Fancy(choices=TRICKY).render("f", "3", renderer=ChoiceWidgetRenderer())
    assert html == Fancy(choices=TRICKY).render("f", "3", renderer=DjangoTemplates())


class Small(forms.Form):
    needed = forms.ChoiceField(choices=[("a", "A")])


@pytest.mark.parametrize("data", [None, {"needed": ""}, {"needed": "x"}, {"needed": "a"}])
def test_error_lists_empty_or_not_are_written_as_django_writes_them(data):
    ours = Small(data, renderer=ChoiceWidgetRenderer())
    django = Small(data, renderer=DjangoTemplates())
    assert str(ours["needed"].errors) == str(django["needed"].errors)
    assert ours["needed"].errors.as_text() == django["needed"].errors.as_text()
    assert ours["needed"].errors.as_ul() == django["needed"].errors.as_ul()
    assert str(ours.non_field_errors()) == str(django.non_field_errors())
    assert str(ours.as_div()) == str(django.as_div())
