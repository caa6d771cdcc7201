"""What the certification admin pages share."""

from django.contrib import messages
from django.core.exceptions import ValidationError

from alliance.core.admin import ReadOnlyAdmin

__all__ = ["ReadOnlyAdmin", "error_report"]


def error_report(modeladmin, request, obj, error: ValidationError) -> None:
    """Tell staff which row a service refused, and why; the other rows go on."""
    modeladmin.message_user(request, f"{obj}: {' '.join(error.messages)}", level=messages.ERROR)
