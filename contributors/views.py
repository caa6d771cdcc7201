from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress
from allauth.account.utils import user_pk_to_url_str
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django_countries import countries

from contributors import selectors, services
from contributors.forms import ApplicationForm
from contributors.models import Invitation, Organisation


@require_http_methods(["GET", "POST"])
def apply(request):
    form = ApplicationForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "accept_terms"}
        try:
            services.application_submit(data=data, language=get_language())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("contributors:applied")
    return render(
        request, "contributors/apply.html", {"form": form}, status=400 if form.errors else 200
    )


@require_GET
def applied(request):
    return render(request, "contributors/applied.html")


@require_http_methods(["GET", "POST"])
def invitation(request, token):
    """Accept an invitation. Someone new gets an account for the invited address and then sets
    a password through allauth's password-setting step."""
    invite = Invitation.objects.select_related("organisation").filter(token=token).first()
    if invite is None:
        raise Http404
    if request.method == "GET":
        return render(request, "contributors/invitation.html", {"invitation": invite})
    user = request.user
    User = get_user_model()
    new_account = False
    if not user.is_authenticated:
        existing = User.objects.filter(email__iexact=invite.email).first()
        if existing is not None:
            messages.info(
                request,
                _("Sign in with %(email)s to accept the invitation.") % {"email": invite.email},
            )
            return redirect(f"{reverse('account_login')}?next={request.path}")
        with transaction.atomic():
            user = User.objects.create_user(email=invite.email, password=None)
            # The link reached this address, which proves it is theirs.
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
            new_account = True
            try:
                services.invitation_accept(invitation=invite, user=user)
            except (ValidationError, PermissionDenied) as error:
                transaction.set_rollback(True)
                return _refused(request, invite, error)
    else:
        try:
            services.invitation_accept(invitation=invite, user=user)
        except (ValidationError, PermissionDenied) as error:
            return _refused(request, invite, error)
    if new_account:
        key = default_token_generator.make_token(user)
        return redirect("account_reset_password_from_key", uidb36=user_pk_to_url_str(user), key=key)
    messages.success(
        request, _("You now work for %(name)s on Alliance.") % {"name": invite.organisation.name}
    )
    return redirect("partner_admin:index")


def _refused(request, invite, error):
    reasons = error.messages if isinstance(error, ValidationError) else [str(error)]
    return render(
        request,
        "contributors/invitation.html",
        {"invitation": invite, "reasons": reasons},
        status=400,
    )


DIRECTORY_PAGE_SIZE = 24


@require_GET
def directory(request):
    """Every contributor, filterable by type and country. Unknown filter values are refused with
    a 400 and a message rather than silently ignored, so a wrong link does not look empty."""
    kind = request.GET.get("kind", "")
    country = request.GET.get("country", "").upper()
    errors = []
    if kind and kind not in Organisation.Kind.values:
        errors.append(_("The type filter has a value we do not know: choose one from the list."))
    if country and country not in countries:
        errors.append(_("The country filter has a value we do not know: choose one from the list."))
    if errors:
        organisations = Organisation.objects.none()
    else:
        organisations = selectors.organisation_directory(kind=kind, country=country)
    page = Paginator(organisations, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    country_choices = selectors.organisation_directory_countries()
    if country and not errors and country not in dict(country_choices):
        country_choices.append((country, countries.name(country)))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "contributors/directory.html",
        {
            "page": page,
            "errors": errors,
            "kinds": Organisation.Kind.choices,
            "countries": country_choices,
            "kind": kind,
            "country": country,
            "query_string": query.urlencode(),
        },
        status=400 if errors else 200,
    )
