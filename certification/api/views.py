"""The certification API: verification, the reader's certificates and credentials, programmes
with their prices, checkout and orders.

Views read the request, call a selector or a service and serialise the result; services raise
django's ValidationError, which alliance.core.api turns into a 400 `{"detail", "code"}`.
"""

import stripe
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import exceptions, generics, status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from alliance.core.api import NOT_SIGNED_IN, ErrorSerializer, RefusalSerializer
from certification import credentials, payments, pricing, selectors
from certification.api.serializers import (
    CertificateSerializer,
    CheckoutRequestSerializer,
    CheckoutSerializer,
    CredentialSerializer,
    OrderSerializer,
    ProgrammeSerializer,
    QuoteQuerySerializer,
    QuoteSerializer,
    VerificationSerializer,
    jwks_url,
)
from certification.models import Programme
from certification.views import checkout_addresses

TAGS = ["certification"]
PROGRAMME_PATH = [
    OpenApiParameter("slug", str, OpenApiParameter.PATH, description="The programme's slug.")
]
NO_PROGRAMME = OpenApiResponse(ErrorSerializer, description="No such open programme.")


# --- Verification ------------------------------------------------------------------------------


class VerifyView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        parameters=[
            OpenApiParameter(
                "certificate_id",
                str,
                OpenApiParameter.PATH,
                description="The identifier printed on the certificate (a UUID).",
            )
        ],
        responses={
            200: VerificationSerializer,
            404: OpenApiResponse(
                ErrorSerializer, description="No certificate has this identifier."
            ),
        },
    )
    def get(self, request, certificate_id):
        """Anyone may check a certificate: valid, or revoked with the date and reason. The same
        facts as the public verification page."""
        certificate = selectors.certificate_for_verification(certificate_id=certificate_id)
        if certificate is None:
            raise exceptions.NotFound(_("No certificate has this identifier."))
        return Response(VerificationSerializer(certificate, context={"request": request}).data)


# --- The reader's certificates -----------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(
        tags=TAGS, responses={200: CertificateSerializer(many=True), 403: NOT_SIGNED_IN}
    )
)
class MyCertificatesView(generics.ListAPIView):
    """The reader's certificates, newest first."""

    serializer_class = CertificateSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return selectors.certificates_of(user=self.request.user)


class CredentialView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        parameters=[
            OpenApiParameter(
                "certificate_id", str, OpenApiParameter.PATH, description="The certificate's id."
            )
        ],
        responses={
            200: CredentialSerializer,
            403: NOT_SIGNED_IN,
            404: OpenApiResponse(ErrorSerializer, description="None of the reader's certificates."),
            410: OpenApiResponse(ErrorSerializer, description="The certificate was revoked."),
        },
    )
    def get(self, request, certificate_id):
        """One of the reader's certificates as an Open Badges 3.0 credential, unsigned and
        signed as a VC-JWT that anyone can verify with the platform's published JWK Set."""
        certificate = (
            selectors.certificates_of(user=request.user)
            .select_related("user", "course", "programme")
            .filter(pk=certificate_id)
            .first()
        )
        if certificate is None:
            raise Http404
        if certificate.is_revoked:
            return Response(
                {"detail": _("This certificate was revoked, so it has no valid credential.")},
                status=status.HTTP_410_GONE,
            )
        return Response(
            CredentialSerializer(
                {
                    "credential": credentials.open_badge(certificate),
                    "jwt": credentials.credential_jwt(certificate),
                    "jwks_url": jwks_url(),
                }
            ).data
        )


# --- Programmes and prices ---------------------------------------------------------------------


def _prices(*, user, programmes: list[Programme]) -> dict[int, pricing.Quote]:
    """The reader's price for each programme: their country group is read once for all."""
    group = pricing.group_price(user=user)
    return {
        programme.pk: pricing.price_quote(user=user, programme=programme, group=group)
        for programme in programmes
    }


def _standings(*, user, programmes: list[Programme]) -> dict[int, dict]:
    standings = selectors.programme_standings(user=user, programmes=programmes)
    return {
        pk: {
            "requirements_met": standing.requirements_met,
            "courses": [{"slug": item.course.slug, "done": item.done} for item in standing.courses],
            "assessment_passed": standing.assessment_passed,
            "bought": standing.paid_order is not None or standing.certificate is not None,
            "may_buy": standing.may_buy,
        }
        for pk, standing in standings.items()
    }


@extend_schema_view(
    get=extend_schema(
        tags=TAGS,
        responses={
            200: ProgrammeSerializer(many=True),
            404: OpenApiResponse(ErrorSerializer, description="No such page."),
        },
    )
)
class ProgrammeListView(generics.ListAPIView):
    """The programmes open for candidates. A signed-in reader also sees the price they would pay
    and why, and where they stand with the requirements."""

    serializer_class = ProgrammeSerializer
    permission_classes = [AllowAny]

    def get_queryset(self):
        return selectors.programmes_open()

    def list(self, request, *args, **kwargs):
        programmes = self.paginate_queryset(self.get_queryset())
        context = self.get_serializer_context()
        if request.user.is_authenticated:
            context["prices"] = _prices(user=request.user, programmes=programmes)
            context["standings"] = _standings(user=request.user, programmes=programmes)
        serializer = ProgrammeSerializer(programmes, many=True, context=context)
        return self.get_paginated_response(serializer.data)


def _open_programme(slug: str) -> Programme:
    return get_object_or_404(selectors.programmes_open(), slug=slug)


class QuoteView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        parameters=[*PROGRAMME_PATH, QuoteQuerySerializer],
        responses={
            200: QuoteSerializer,
            400: OpenApiResponse(description='The voucher cannot be used: `{"voucher": [why]}`.'),
            403: NOT_SIGNED_IN,
            404: NO_PROGRAMME,
        },
    )
    def get(self, request, slug):
        """The reader's price for a programme, with a voucher if they give one."""
        programme = _open_programme(slug)
        query = QuoteQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        code = query.validated_data.get("voucher", "").strip()
        voucher = None
        if code:
            try:
                voucher = pricing.voucher_find(code=code, user=request.user, programme=programme)
            except DjangoValidationError as error:
                raise exceptions.ValidationError({"voucher": error.messages}) from error
        quote = pricing.price_quote(user=request.user, programme=programme, voucher=voucher)
        return Response(QuoteSerializer(quote).data)


class CheckoutView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        parameters=PROGRAMME_PATH,
        request=CheckoutRequestSerializer,
        responses={
            201: OpenApiResponse(
                CheckoutSerializer,
                description="An order: pending until paid at `redirect_url`, or already paid "
                "when a voucher left nothing to pay.",
            ),
            400: OpenApiResponse(
                RefusalSerializer,
                description="Cannot buy: `requirements` (not met yet), `bought` (already), "
                "`closed`, `not_configured` (card payments are not set up; a voucher that "
                "waives the fee still works), `in_progress`, `stripe` (the payment service "
                "failed; nothing was charged), or a voucher refused: `unknown`, `expired`, "
                "`used`, `programme`, `person`, `currency`.",
            ),
            403: NOT_SIGNED_IN,
            404: OpenApiResponse(ErrorSerializer, description="No such programme."),
            503: OpenApiResponse(
                RefusalSerializer,
                description="`stripe`: the payment service could not be reached while closing "
                "an earlier checkout; nothing was written or charged.",
            ),
        },
    )
    def post(self, request, slug):
        """Buy a programme's certificate: the order is priced for the reader (country group,
        then voucher) and the reader is sent to Stripe's payment page to pay it."""
        programme = get_object_or_404(Programme, slug=slug)
        body = CheckoutRequestSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        try:
            checkout = payments.checkout_start(
                user=request.user,
                programme=programme,
                voucher_code=body.validated_data.get("voucher", "").strip(),
                **checkout_addresses(request, programme),
            )
        except stripe.StripeError:
            # Closing an earlier checkout asks Stripe first; when Stripe is away, nothing is
            # written.
            return Response(
                {
                    "detail": [
                        _(
                            "The payment service could not be reached. Nothing was charged; "
                            "please try again."
                        )
                    ],
                    "code": "stripe",
                },
                status=status.HTTP_503_SERVICE_UNAVAILABLE,
            )
        data = {
            "order": checkout.order,
            "redirect_url": request.build_absolute_uri(checkout.redirect_url),
        }
        return Response(CheckoutSerializer(data).data, status=status.HTTP_201_CREATED)


# --- Orders ------------------------------------------------------------------------------------


@extend_schema_view(
    get=extend_schema(tags=TAGS, responses={200: OrderSerializer(many=True), 403: NOT_SIGNED_IN})
)
class MyOrdersView(generics.ListAPIView):
    """The reader's orders, newest first."""

    serializer_class = OrderSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return selectors.orders_of(user=self.request.user)


class OrderView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        parameters=[
            OpenApiParameter("order_id", str, OpenApiParameter.PATH, description="The order's id.")
        ],
        responses={
            200: OrderSerializer,
            403: NOT_SIGNED_IN,
            404: OpenApiResponse(ErrorSerializer, description="None of the reader's orders."),
        },
    )
    def get(self, request, order_id):
        """One of the reader's orders."""
        order = selectors.orders_of(user=request.user).filter(pk=order_id).first()
        if order is None:
            raise Http404
        return Response(OrderSerializer(order, context={"request": request}).data)
