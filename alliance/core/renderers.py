"""A form renderer that writes choice widgets (selects, checkbox and radio lists) in Python.

Django renders each <option> or checkbox of a choice widget through its own template include;
a country list (250 options) and a time zone list (400) then cost tens of milliseconds a page,
most of some pages' time. This renderer writes those widgets' HTML directly, to exactly the
markup Django's own templates give (tests/core/test_renderers.py compares the two byte for
byte), and leaves every other template to Django's renderer.
"""

import html

from django.forms.renderers import DjangoTemplates
from django.utils.safestring import mark_safe


def conditional_escape(value) -> str:
    """django.utils.html.conditional_escape without its lazy-string wrapper (it runs per option):
    a value that is already HTML as it is, anything else through html.escape, as Django does."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def write_attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            out.append(f" {conditional_escape(name)}")
        else:
            out.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(out)


def _option(option: dict) -> str:
    """django/forms/widgets/select_option.html."""
    value = conditional_escape(str(option["value"]))
    return (
        f'<option value="{value}"{write_attrs(option["attrs"])}>'
        f"{conditional_escape(option['label'])}</option>\n"
    )


def _select(widget: dict) -> str:
    """django/forms/widgets/select.html."""
    parts = [f'<select name="{conditional_escape(widget["name"])}"{write_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{conditional_escape(group_name)}">')
        for option in group_choices:
            parts.append(f"\n  {_option(option)}")
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _input(widget: dict) -> str:
    """django/forms/widgets/input.html."""
    value = widget["value"]
    value_attr = "" if value is None else f' value="{conditional_escape(str(value))}"'
    kind, name = conditional_escape(widget["type"]), conditional_escape(widget["name"])
    return f'<input type="{kind}" name="{name}"{value_attr}{write_attrs(widget["attrs"])}>\n'


def _input_option(option: dict) -> str:
    """django/forms/widgets/input_option.html."""
    if not option["wrap_label"]:
        return _input(option) + "\n"
    option_id = option["attrs"].get("id")
    label_for = f' for="{conditional_escape(str(option_id))}"' if option_id else ""
    label = conditional_escape(option["label"])
    return f"<label{label_for}>{_input(option)} {label}</label>\n"


def _multiple_input(widget: dict) -> str:
    """django/forms/widgets/multiple_input.html (checkbox and radio lists)."""
    attrs = widget["attrs"]
    widget_id = attrs.get("id")
    parts = ["<div"]
    if widget_id:
        parts.append(f' id="{conditional_escape(str(widget_id))}"')
    if attrs.get("class"):
        parts.append(f' class="{conditional_escape(str(attrs["class"]))}"')
    parts.append(">")
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{conditional_escape(group)}</label>")
        for option in options:
            parts.append(f"<div>\n    {_input_option(option)}</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts)


SELECT_OPTION = "django/forms/widgets/select_option.html"
INPUT_OPTION = "django/forms/widgets/input_option.html"

# The widget's template: how it is written, and the option template that writing stands for.
_WRITERS = {
    "django/forms/widgets/select.html": (_select, SELECT_OPTION),
    "django/forms/widgets/checkbox_select.html": (_multiple_input, INPUT_OPTION),
    "django/forms/widgets/radio.html": (_multiple_input, INPUT_OPTION),
}


def _plain(widget: dict, option_template: str) -> bool:
    """Whether every option uses Django's own option template (a widget may name another)."""
    return all(
        option["template_name"] == option_template
        for _group, options, _index in widget["optgroups"]
        for option in options
    )


# Error list templates that write nothing at all when there is no error (every field's
# {{ field.errors }} renders one, usually empty).
_ERROR_LISTS = {
    "django/forms/errors/list/default.html",
    "django/forms/errors/list/ul.html",
    "django/forms/errors/list/text.txt",
}


class ChoiceWidgetRenderer(DjangoTemplates):
    """Django's default renderer, but choice widgets written in Python (same markup), and an
    empty error list written as nothing without a template."""

    def render(self, template_name, context, request=None):
        if template_name in _ERROR_LISTS and not context.get("errors", True):
            return ""
        writer, option_template = _WRITERS.get(template_name, (None, None))
        widget = context.get("widget")
        if writer is None or widget is None or not _plain(widget, option_template):
            return super().render(template_name, context, request=request)
        # Django's renderer strips what a template gives; every value written above is escaped.
        return mark_safe(writer(widget).strip())  # noqa: S308
