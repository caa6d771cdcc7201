from django.conf import settings
from django.utils import translation

from alliance.accounts.mfa import mfa_setup_redirect, staff_mfa_missing


class UserLanguageMiddleware:
    """Use a signed-in user's preferred language when the browser has not chosen one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.preferred_language
            and settings.LANGUAGE_COOKIE_NAME not in request.COOKIES
        ):
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = translation.get_language()
        return self.get_response(request)


class StaffMFAMiddleware:
    """Staff reach the admin only after setting up multi-factor sign-in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/") and staff_mfa_missing(request.user):
            return mfa_setup_redirect(request)
        return self.get_response(request)
