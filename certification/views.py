"""The learner's pages of certification (programmes, checkout, orders, waivers, projects,
downloads) and the public ones (verification, the credential signing key)."""

from urllib.parse import urlencode

import stripe
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from certification import credentials, payments, pricing, selectors, services, tasks
from certification.forms import FeeWaiverForm, ProjectForm, VoucherForm
from certification.models import (
    Certificate,
    FeeWaiverRequest,
    Order,
    Programme,
    ProjectSubmission,
)

PAGE_SIZE = 12


@csrf_exempt
@require_POST
def stripe_webhook(request):
    """Stripe's webhook: verify, store the event once, act on it in a task, answer at once."""
    try:
        event, is_new = payments.webhook_receive(
            payload=request.body, signature=request.headers.get("Stripe-Signature", "")
        )
    except payments.BadSignature:
        return JsonResponse({"error": "invalid signature"}, status=400)
    if is_new and event.type in payments.HANDLED_EVENTS:
        # robust: a failure to queue is logged; reconciliation recovers the order later.
        transaction.on_commit(lambda: tasks.process_stripe_event.delay(event.pk), robust=True)
    return JsonResponse({"received": True, "duplicate": not is_new})


# --- Programmes ------------------------------------------------------------------------------


@require_GET
def programme_list(request):
    page = Paginator(selectors.programmes_open(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "certification/programme_list.html", {"page": page})


def _programme_or_404(slug: str) -> Programme:
    # Closed programmes keep their page: issued credentials name it as their achievement.
    return get_object_or_404(
        Programme.objects.select_related("organisation", "topic", "exam__module__version__course"),
        slug=slug,
    )


def _exam_url(programme: Programme) -> str:
    exam = programme.exam
    if exam is None:
        return ""
    version = exam.module.version
    return reverse("courses:quiz", args=[version.course.slug, version.language, exam.pk])


@require_GET
def programme(request, slug):
    programme = _programme_or_404(slug)
    standing = selectors.programme_standing(user=request.user, programme=programme)
    context = {
        "programme": programme,
        "standing": standing,
        "exam_url": _exam_url(programme),
        "signatories": list(programme.signatories.all()),
    }
    if request.user.is_authenticated:
        context["quote"] = pricing.price_quote(user=request.user, programme=programme)
        context["waiver_request"] = FeeWaiverRequest.objects.filter(
            user=request.user, programme=programme
        ).first()
    return render(request, "certification/programme.html", context)


# --- Checkout and orders ---------------------------------------------------------------------


def _checkout_page(request, programme, *, voucher_code: str = "", errors=(), status=200):
    form = VoucherForm({"voucher": voucher_code} if voucher_code else None)
    voucher = None
    if form.is_bound:
        if form.is_valid():
            try:
                voucher = pricing.voucher_find(
                    code=form.cleaned_data["voucher"], user=request.user, programme=programme
                )
            except ValidationError as error:
                form.add_error("voucher", error)
        if form.errors:
            status = 400
    quote = pricing.price_quote(user=request.user, programme=programme, voucher=voucher)
    # A refused voucher is said once, next to its field.
    errors = [error for error in errors if error not in form.errors.get("voucher", [])]
    return render(
        request,
        "certification/checkout.html",
        {
            "programme": programme,
            "standing": selectors.programme_standing(user=request.user, programme=programme),
            "form": form,
            "quote": quote,
            "errors": errors,
            "can_pay": quote.is_free or payments.payments_configured(),
        },
        status=status,
    )


def checkout_addresses(request, programme: Programme) -> dict:
    """Where Stripe sends the payer back: the return page once paid, the checkout page if they
    give up. The page and the API start checkouts alike."""
    return {
        # Stripe fills in the placeholder; a reversed URL would escape its braces.
        "success_url": request.build_absolute_uri(reverse("certification:checkout_return"))
        + "?session_id={CHECKOUT_SESSION_ID}",
        "cancel_url": request.build_absolute_uri(
            reverse("certification:checkout", args=[programme.slug])
        ),
    }


@login_required
@require_http_methods(["GET", "POST"])
def checkout(request, slug):
    programme = _programme_or_404(slug)
    if request.method == "GET":
        return _checkout_page(request, programme, voucher_code=request.GET.get("voucher", ""))
    voucher_code = request.POST.get("voucher", "").strip()
    try:
        started = payments.checkout_start(
            user=request.user,
            programme=programme,
            voucher_code=voucher_code,
            **checkout_addresses(request, programme),
        )
    except ValidationError as error:
        return _checkout_page(
            request, programme, voucher_code=voucher_code, errors=error.messages, status=400
        )
    except stripe.StripeError:
        # Closing an earlier checkout asks Stripe first; when Stripe is away, nothing is written.
        error = _(
            "The payment service could not be reached. Nothing was charged; please try again."
        )
        return _checkout_page(
            request, programme, voucher_code=voucher_code, errors=[error], status=503
        )
    return HttpResponseRedirect(started.redirect_url, status=303)


@login_required
@require_GET
def checkout_return(request):
    """Where Stripe sends the learner back: confirm the payment now rather than wait for the
    webhook, then show the order."""
    session_id = request.GET.get("session_id", "")
    order = (
        Order.objects.filter(user=request.user, stripe_session_id=session_id).first()
        if session_id
        else None
    )
    if order is None:
        raise Http404
    try:
        payments.order_fulfil(session_id=session_id)
    except (stripe.StripeError, payments.PaymentsNotConfigured):
        messages.info(
            request,
            _(
                "Your payment could not be confirmed yet. There is nothing to do: we will "
                "confirm it by e-mail as soon as the payment service answers."
            ),
        )
    return redirect(order.get_absolute_url())


@login_required
@require_GET
def order(request, order_id):
    order = get_object_or_404(
        Order.objects.select_related("programme", "voucher__sponsor"),
        pk=order_id,
        user=request.user,
    )
    return render(
        request,
        "certification/order.html",
        {
            "order": order,
            "certificate": Certificate.objects.filter(order=order).first(),
        },
    )


# --- Fee waivers and projects ----------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def waiver(request, slug):
    programme = _programme_or_404(slug)
    form = FeeWaiverForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound:
        if form.is_valid():
            try:
                services.fee_waiver_request(
                    user=request.user,
                    programme=programme,
                    statement=form.cleaned_data["statement"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Your request has been sent. You will have an answer by e-mail."),
                )
                return redirect("certification:waiver", slug=programme.slug)
        status = 400
    requests = FeeWaiverRequest.objects.filter(user=request.user, programme=programme)
    return render(
        request,
        "certification/waiver.html",
        {
            "programme": programme,
            "form": form,
            "requests": list(requests.select_related("voucher")),
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project(request, slug):
    programme = _programme_or_404(slug)
    if programme.assessment != Programme.Assessment.PROJECT:
        raise Http404
    form = ProjectForm(request.POST if request.method == "POST" else None)
    status = 200
    if form.is_bound:
        if form.is_valid():
            try:
                services.project_submit(
                    user=request.user,
                    programme=programme,
                    url=form.cleaned_data["url"],
                    summary=form.cleaned_data["summary"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("Your project has been submitted. Staff will grade it.")
                )
                return redirect("certification:project", slug=programme.slug)
        status = 400
    submissions = ProjectSubmission.objects.filter(user=request.user, programme=programme)
    return render(
        request,
        "certification/project.html",
        {"programme": programme, "form": form, "submissions": list(submissions)},
        status=status,
    )


# --- Certificates ----------------------------------------------------------------------------


def _certificate_of(request, certificate_id, *, staff_too: bool) -> Certificate:
    """The certificate, if the signed-in user holds it (or is staff, where allowed); else 404,
    so nobody learns whether someone else's certificate exists."""
    certificate = (
        Certificate.objects.select_related("user", "programme", "course")
        .filter(pk=certificate_id)
        .first()
    )
    allowed = certificate is not None and (
        certificate.user_id == request.user.pk or (staff_too and request.user.is_staff)
    )
    if not allowed:
        raise Http404
    return certificate


def _revoked(request, certificate):
    return render(request, "certification/revoked.html", {"certificate": certificate}, status=410)


@login_required
@require_GET
def certificate_pdf(request, certificate_id):
    certificate = _certificate_of(request, certificate_id, staff_too=True)
    if certificate.is_revoked:
        return _revoked(request, certificate)
    if certificate.pdf:
        try:
            return FileResponse(
                certificate.pdf.open("rb"),
                as_attachment=True,
                filename=f"certificate-{certificate.pk}.pdf",
                content_type="application/pdf",
            )
        except FileNotFoundError:
            pass  # the task stores it again on its next run; meanwhile it is "being prepared"
    return render(
        request, "certification/pdf_pending.html", {"certificate": certificate}, status=202
    )


@login_required
@require_GET
def certificate_credential(request, certificate_id):
    certificate = _certificate_of(request, certificate_id, staff_too=False)
    if certificate.is_revoked:
        return _revoked(request, certificate)
    response = HttpResponse(
        credentials.credential_jwt(certificate), content_type="application/vc+jwt"
    )
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.pk}.jwt"'
    return response


def _linkedin_url(certificate: Certificate) -> str:
    query = urlencode(
        {
            "startTask": "CERTIFICATION_NAME",
            "name": certificate.title,
            "organizationName": certificate.issuer_name,
            "issueYear": certificate.issued_at.year,
            "issueMonth": certificate.issued_at.month,
            "certUrl": certificate.verify_url,
            "certId": str(certificate.pk),
        }
    )
    return "https://www.linkedin.com/profile/add?" + query


@require_GET
def verify(request, certificate_id):
    certificate = selectors.certificate_for_verification(certificate_id=certificate_id)
    if certificate is None:
        response = render(request, "certification/verify_unknown.html", status=404)
    else:
        is_owner = request.user.is_authenticated and certificate.user_id == request.user.pk
        response = render(
            request,
            "certification/verify.html",
            {
                "certificate": certificate,
                "is_owner": is_owner,
                "jwks_url": request.build_absolute_uri(reverse("jwks")),
                "linkedin_url": _linkedin_url(certificate)
                if is_owner and not certificate.is_revoked
                else "",
            },
        )
    # Anyone with the link may check a certificate; search engines need not list learners.
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def jwks(request):
    response = JsonResponse(credentials.jwks(), content_type="application/jwk-set+json")
    response["Cache-Control"] = "public, max-age=3600"
    response["Access-Control-Allow-Origin"] = "*"
    return response
