from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language as django_set_language

from alliance.accounts import services
from alliance.accounts.forms import DemographicsForm, ProfileForm


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    profile_form = ProfileForm(instance=user, prefix="profile")
    demographics_form = DemographicsForm(instance=user, prefix="demo")
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "profile":
            profile_form = ProfileForm(request.POST, instance=user, prefix="profile")
            if profile_form.is_valid():
                services.user_update_profile(user=user, data=profile_form.cleaned_data)
                messages.success(request, _("Your profile has been saved."))
                response = HttpResponseRedirect(reverse("accounts:profile"))
                if user.preferred_language:
                    _remember_language(response, user.preferred_language)
                return response
        elif action == "demographics":
            demographics_form = DemographicsForm(request.POST, instance=user, prefix="demo")
            if demographics_form.is_valid():
                services.user_update_demographics(user=user, data=demographics_form.cleaned_data)
                messages.success(request, _("Thank you: your answers have been saved."))
                return HttpResponseRedirect(reverse("accounts:profile") + "#demographics")
        elif action == "withdraw":
            services.user_withdraw_demographics(user=user)
            messages.success(request, _("Your answers have been withdrawn and deleted."))
            return HttpResponseRedirect(reverse("accounts:profile") + "#demographics")
        else:
            messages.error(request, _("That form could not be recognised. Please try again."))
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "accounts/profile.html",
        {"profile_form": profile_form, "demographics_form": demographics_form},
        status=status,
    )


@require_POST
def set_language(request):
    """Django's language switch, which also remembers the choice on a signed-in user's profile."""
    response = django_set_language(request)
    language = request.POST.get("language", "")
    if request.user.is_authenticated and response.status_code in (302, 204):
        services.user_set_language(user=request.user, language=language)
    if response.status_code == 204:
        # Without a usable "next", go back home rather than answering with an empty page.
        next_url = request.POST.get("next", "/")
        if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
            next_url = "/"
        redirect_response = HttpResponseRedirect(next_url)
        for cookie in response.cookies.values():
            redirect_response.cookies[cookie.key] = cookie
        return redirect_response
    return response


def _remember_language(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
