"""Staff work only once they have an authenticator app: the administration (middleware), the
check-in pages and the staff impact report all ask this one rule."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import redirect
from django.utils.translation import gettext as _


def staff_mfa_missing(user) -> bool:
    """A signed-in staff member who must set up an authenticator app first."""
    if not (settings.STAFF_MFA_REQUIRED and user.is_authenticated and user.is_staff):
        return False
    from allauth.mfa.models import Authenticator

    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def mfa_setup_redirect(request):
    messages.warning(
        request, _("Staff must set up an authenticator app before using the administration.")
    )
    return redirect("mfa_activate_totp")


def staff_with_mfa_required(view):
    """Staff only (others are sent to sign in, as for the admin), and only once they have an
    authenticator app."""

    @staff_member_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if staff_mfa_missing(request.user):
            return mfa_setup_redirect(request)
        return view(request, *args, **kwargs)

    return wrapper
