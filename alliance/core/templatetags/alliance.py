from django import template
from django.utils.translation import get_language_info

register = template.Library()


@register.filter
def direction(language_code: str) -> str:
    """The text direction of content written in a language: "rtl" for Arabic, else "ltr"."""
    try:
        return "rtl" if get_language_info(language_code)["bidi"] else "ltr"
    except KeyError:
        return "auto"
