from django.conf import settings
from django.utils.translation import get_language_bidi


def site(request):
    """What every page needs: the language switcher's choices and the text direction."""
    return {
        "LANGUAGE_CHOICES": settings.LANGUAGES,
        "TEXT_DIRECTION": "rtl" if get_language_bidi() else "ltr",
    }
