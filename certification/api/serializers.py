"""Serializers of the certification API.

Addresses that identify a certificate to the world (its verification page, the key set that
verifies its credential) use the platform's canonical address, SITE_URL, as the PDF's QR code
and the signed credential do; links to this API and to downloads use the address of the request.
"""

from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from alliance.core.api import absolute_url, utc_datetime
from alliance.core.models import PricingGroup
from certification.models import Certificate, Order, Programme

VERIFICATION_STATUSES = ["valid", "revoked"]


def jwks_url() -> str:
    return settings.SITE_URL + reverse("jwks")


# --- Verification ------------------------------------------------------------------------------


class VerificationSerializer(serializers.ModelSerializer):
    """What the public verification page says about a certificate."""

    status = serializers.SerializerMethodField(help_text="`valid`, or `revoked` by the issuer.")
    issuer = serializers.CharField(source="issuer_name", read_only=True)
    issued_at = utc_datetime(help_text="UTC.")
    revoked_at = utc_datetime(allow_null=True, help_text="UTC; null unless revoked.")
    revoke_reason = serializers.CharField(read_only=True, help_text="Empty unless revoked.")
    verification_url = serializers.URLField(
        source="verify_url", read_only=True, help_text="The public verification page."
    )
    credential_jwks = serializers.SerializerMethodField(
        help_text="The JWK Set whose key verifies the certificate's signed credential (VC-JWT)."
    )

    class Meta:
        model = Certificate
        fields = [
            "id",
            "status",
            "kind",
            "learner_name",
            "title",
            "issuer",
            "issued_at",
            "revoked_at",
            "revoke_reason",
            "verification_url",
            "credential_jwks",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ChoiceField(choices=VERIFICATION_STATUSES))
    def get_status(self, certificate) -> str:
        return "revoked" if certificate.is_revoked else "valid"

    def get_credential_jwks(self, certificate) -> str:
        return jwks_url()


# --- The learner's certificates ----------------------------------------------------------------


class CertificateSerializer(serializers.ModelSerializer):
    issued_at = utc_datetime(help_text="UTC.")
    revoked_at = utc_datetime(allow_null=True, help_text="UTC; null unless revoked.")
    verification_url = serializers.URLField(
        source="verify_url", read_only=True, help_text="The public verification page."
    )
    pdf_url = serializers.SerializerMethodField(
        help_text="The PDF to download; null while it is still being rendered."
    )
    credential_url = serializers.SerializerMethodField(
        help_text="The Open Badges 3.0 credential, signed, in this API."
    )

    class Meta:
        model = Certificate
        fields = [
            "id",
            "kind",
            "title",
            "learner_name",
            "issuer_name",
            "issued_at",
            "revoked_at",
            "verification_url",
            "pdf_url",
            "credential_url",
        ]
        read_only_fields = fields

    def get_pdf_url(self, certificate) -> str | None:
        if not certificate.pdf:
            return None
        return absolute_url(self, reverse("certification:pdf", args=[certificate.pk]))

    def get_credential_url(self, certificate) -> str:
        return absolute_url(self, reverse("certification_api:credential", args=[certificate.pk]))


class CredentialSerializer(serializers.Serializer):
    credential = serializers.JSONField(
        help_text="The unsigned OpenBadgeCredential (W3C Verifiable Credentials 2.0)."
    )
    jwt = serializers.CharField(
        help_text="The same credential signed as a VC-JWT (EdDSA); the `kid` in its header "
        "names the key in the platform's JWK Set."
    )
    jwks_url = serializers.URLField(help_text="The platform's JWK Set.")


# --- Programmes and prices ---------------------------------------------------------------------


class PriceSerializer(serializers.Serializer):
    """What the reader pays and why (``pricing.Quote``)."""

    amount = serializers.DecimalField(max_digits=10, decimal_places=2)
    currency = serializers.CharField()
    group = serializers.ChoiceField(
        choices=PricingGroup.choices,
        allow_null=True,
        help_text="The reader's country group; null when their country is unknown.",
    )
    group_percent = serializers.IntegerField(help_text="The country group's discount, in %.")
    reasons = serializers.ListField(
        child=serializers.CharField(), help_text="Why the price is what it is, in words."
    )


class QuoteSerializer(PriceSerializer):
    """The reader's price for one programme, step by step: base price, less the country group's
    discount, less the voucher's."""

    base_price = serializers.DecimalField(max_digits=10, decimal_places=2)
    group_discount = serializers.DecimalField(max_digits=10, decimal_places=2)
    voucher = serializers.CharField(
        source="voucher.code", allow_null=True, default=None, help_text="The voucher applied."
    )
    voucher_discount = serializers.DecimalField(max_digits=10, decimal_places=2)
    is_free = serializers.BooleanField(help_text="Nothing to pay: checkout skips payment.")


class QuoteQuerySerializer(serializers.Serializer):
    voucher = serializers.CharField(
        required=False, allow_blank=True, max_length=32, help_text="A voucher code to apply."
    )


class CourseStandingSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    done = serializers.BooleanField(help_text="The reader has completed the course.")


class StandingSerializer(serializers.Serializer):
    """Where the reader stands with the programme's requirements."""

    requirements_met = serializers.BooleanField()
    courses = CourseStandingSerializer(many=True)
    assessment_passed = serializers.BooleanField()
    bought = serializers.BooleanField(help_text="Paid for, waived, or already certified.")
    may_buy = serializers.BooleanField()


class ProgrammeSerializer(serializers.ModelSerializer):
    """A programme; with the reader's price and standing when they are signed in.

    The view computes prices and standings for the whole page at once and passes them in the
    context as ``prices`` and ``standings``, keyed by programme id.
    """

    base_price = serializers.DecimalField(max_digits=10, decimal_places=2, read_only=True)
    issuer = serializers.CharField(source="organisation.name", read_only=True)
    required_courses = serializers.SerializerMethodField(help_text="Slugs of the courses needed.")
    url = serializers.SerializerMethodField(help_text="The programme's web page.")
    price = serializers.SerializerMethodField(help_text="The reader's price; null if signed out.")
    standing = serializers.SerializerMethodField(help_text="Null if signed out.")

    class Meta:
        model = Programme
        fields = [
            "slug",
            "title",
            "description",
            "issuer",
            "base_price",
            "currency",
            "assessment",
            "required_courses",
            "url",
            "price",
            "standing",
        ]
        read_only_fields = fields

    def get_required_courses(self, programme) -> list[str]:
        return sorted(course.slug for course in programme.required_courses.all())

    def get_url(self, programme) -> str:
        return absolute_url(self, programme.get_absolute_url())

    def _from_context(self, name: str, programme, serializer_class):
        found = self.context.get(name, {}).get(programme.pk)
        return None if found is None else serializer_class(found).data

    @extend_schema_field(PriceSerializer(allow_null=True))
    def get_price(self, programme):
        return self._from_context("prices", programme, PriceSerializer)

    @extend_schema_field(StandingSerializer(allow_null=True))
    def get_standing(self, programme):
        return self._from_context("standings", programme, StandingSerializer)


# --- Orders ------------------------------------------------------------------------------------


class OrderSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Order
        fields = ["id", "state", "amount", "currency"]
        read_only_fields = fields


class OrderSerializer(serializers.ModelSerializer):
    programme = serializers.SlugField(source="programme.slug", read_only=True)
    programme_title = serializers.CharField(source="programme.title", read_only=True)
    created_at = utc_datetime(help_text="UTC.")
    paid_at = utc_datetime(allow_null=True, help_text="UTC; null until paid.")
    closed_at = utc_datetime(
        allow_null=True, help_text="UTC; when it was cancelled or failed, else null."
    )
    url = serializers.SerializerMethodField(help_text="The order's web page.")
    api_url = serializers.SerializerMethodField(help_text="The order in this API.")

    class Meta:
        model = Order
        fields = [
            "id",
            "programme",
            "programme_title",
            "state",
            "base_price",
            "pricing_group",
            "group_percent",
            "voucher_discount",
            "amount",
            "currency",
            "created_at",
            "paid_at",
            "closed_at",
            "url",
            "api_url",
        ]
        read_only_fields = fields

    def get_url(self, order) -> str:
        return absolute_url(self, order.get_absolute_url())

    def get_api_url(self, order) -> str:
        return absolute_url(self, reverse("certification_api:order", args=[order.pk]))


class CheckoutRequestSerializer(serializers.Serializer):
    voucher = serializers.CharField(
        required=False, allow_blank=True, max_length=32, help_text="A voucher code, if any."
    )


class CheckoutSerializer(serializers.Serializer):
    order = OrderSummarySerializer()
    redirect_url = serializers.URLField(
        help_text="Where to send the learner: Stripe's payment page, or the order's page when "
        "a voucher left nothing to pay."
    )
