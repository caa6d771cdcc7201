"""A select for long lists that are the same for every visitor: countries, time zones.

Its options are written once per language and process and reused; each render then only marks
the chosen option. The markup is Django's Select's, byte for byte (tests/core/test_widgets.py).
"""

import copy

from django import forms
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from alliance.accounts.timezones import TIMEZONE_CHOICES
from alliance.core.renderers import conditional_escape, write_attrs


class StaticChoicesSelect(forms.Select):
    """forms.Select whose choices never change while the process runs, only their language.

    `key` names the list in the per-process store (one entry per language); two fields sharing
    a key must share their choices.
    """

    _store: dict[tuple[str, str | None], tuple[list[tuple[str, str]], dict[str, int]]] = {}

    def __init__(self, attrs=None, choices=(), *, key: str):
        super().__init__(attrs, choices)
        self.key = key

    def __deepcopy__(self, memo):
        # Select's copy normalises its choices again (hundreds of calls for time zones, on every
        # form made); these never change, so each copy shares them.
        copied = copy.copy(self)
        copied.attrs = self.attrs.copy()
        memo[id(self)] = copied
        return copied

    def _written(self) -> tuple[list[tuple[str, str]], dict[str, int]]:
        """Each option as its opening tag (without ">") and the rest, and each value's first
        position."""
        store_key = (self.key, get_language())
        written = self._store.get(store_key)
        if written is None:
            options, positions = [], {}
            for value, label in self.choices:
                if isinstance(label, list | tuple):
                    raise ValueError("StaticChoicesSelect does not take grouped choices.")
                value = "" if value is None else str(value)
                positions.setdefault(value, len(options))
                options.append(
                    (
                        f'<option value="{conditional_escape(value)}"',
                        f">{conditional_escape(label)}</option>\n",
                    )
                )
            written = self._store[store_key] = (options, positions)
        return written

    def use_required_attribute(self, initial) -> bool:
        """As Select's (only when the first option is empty), without reading the choices."""
        _options, positions = self._written()
        return forms.Widget.use_required_attribute(self, initial) and positions.get("") == 0

    def render(self, name, value, attrs=None, renderer=None):
        options, positions = self._written()
        # Like Select: the first option, in the list's order, whose value is among the values.
        chosen = min(
            (positions[v] for v in self.format_value(value) if v in positions), default=None
        )
        parts = [
            f'<select name="{conditional_escape(name)}"',
            write_attrs(self.build_attrs(self.attrs, attrs)),
            ">",
        ]
        for index, (opening, rest) in enumerate(options):
            selected = " selected" if index == chosen else ""
            parts.append(f"\n  {opening}{selected}{rest}")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


class StaticChoiceField(forms.ChoiceField):
    """A ChoiceField on a StaticChoicesSelect: a value is checked against the written options
    instead of the choices being read (and, for countries, translated) again."""

    def valid_value(self, value) -> bool:
        _options, positions = self.widget._written()
        return str(value) in positions


def _countries_blank():
    return [("", "—"), *countries]


def _countries_any():
    return [("", _("Any country")), *countries]


def country_field(*, label, required: bool = True, any_label: bool = False) -> forms.ChoiceField:
    """A country chooser whose names and order follow the reader's language (the choices are
    read when the form is shown, not when the module is imported) and whose options are written
    once per language. The empty choice reads "—", or "Any country" in a filter."""
    return StaticChoiceField(
        label=label,
        required=required,
        choices=_countries_any if any_label else _countries_blank,
        widget=StaticChoicesSelect(key="countries-any" if any_label else "countries"),
    )


def timezone_field(*, label, required: bool = False) -> forms.ChoiceField:
    """A time zone chooser over TIMEZONE_CHOICES, written once per language."""
    return StaticChoiceField(
        label=label,
        required=required,
        choices=TIMEZONE_CHOICES,
        widget=StaticChoicesSelect(key="timezones"),
    )
