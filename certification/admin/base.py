"""What the certification admin pages share."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError


def error_report(modeladmin, request, obj, error: ValidationError) -> None:
    """Tell staff which row a service refused, and why; the other rows go on."""
    modeladmin.message_user(request, f"{obj}: {' '.join(error.messages)}", level=messages.ERROR)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records written only by the services (payments, Stripe, issuing): staff look, never edit."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
