"""What a learner pays: the base price less their country group's discount, less a voucher.

The `discounts` fixture takes 90% off for LDCs, 80% for low income, 60% for lower-middle, 30%
for upper-middle and nothing for high income; the programme costs 100 USD.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from alliance.core.countries import load
from certification.models import Programme, Voucher
from certification.pricing import price_quote, voucher_find, voucher_take
from tests.courses.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def countries(db):
    """The UN LDC list and World Bank income groups, as shipped."""
    load()


def _living_in(user, country: str):
    user.country = country
    user.save(update_fields=["country"])
    return user


def _voucher(**fields) -> Voucher:
    return Voucher.objects.create(**{"kind": Voucher.Kind.PERCENT, "percent": 50, **fields})


def _refusal(**kwargs) -> str:
    with pytest.raises(ValidationError) as refused:
        voucher_find(**kwargs)
    return refused.value.code


# --- Country groups ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "group", "percent", "amount"),
    [
        ("ET", "ldc", 90, "10.00"),  # Ethiopia: an LDC (and low income: LDC status comes first)
        ("BD", "ldc", 90, "10.00"),  # Bangladesh: an LDC (and lower-middle income)
        ("SY", "low", 80, "20.00"),  # Syria: low income, not an LDC
        ("KE", "lower-middle", 60, "40.00"),
        ("BR", "upper-middle", 30, "70.00"),
        ("CH", "high", 0, "100.00"),
    ],
)
def test_the_price_follows_the_discount_of_the_learners_country_group(
    alice, programme, discounts, country, group, percent, amount
):
    quote = price_quote(user=_living_in(alice, country), programme=programme)

    assert quote.group == group
    assert quote.group_percent == percent
    assert quote.amount == Decimal(amount)
    assert quote.currency == "USD"
    assert quote.base_price == Decimal("100.00")


def test_the_checkout_says_why_the_price_is_lower(alice, programme, discounts):
    quote = price_quote(user=_living_in(alice, "KE"), programme=programme)

    assert quote.reasons == ["60% off for learners in Lower-middle income countries (Kenya)."]


def test_a_high_income_learner_is_told_the_full_price_applies_to_their_group(
    alice, programme, discounts
):
    quote = price_quote(user=_living_in(alice, "CH"), programme=programme)

    assert quote.amount == Decimal("100.00")
    assert quote.reasons == [
        "The full price applies to learners in High income countries (Switzerland)."
    ]


def test_a_learner_with_no_country_pays_the_full_price_and_is_asked_to_add_one(
    alice, programme, discounts
):
    quote = price_quote(user=_living_in(alice, ""), programme=programme)

    assert quote.group is None
    assert quote.amount == Decimal("100.00")
    assert quote.reasons == [
        "Add your country to your profile: prices are lower for many countries."
    ]


def test_a_country_with_no_income_group_pays_the_full_price_and_says_so(
    alice, programme, discounts
):
    quote = price_quote(user=_living_in(alice, "VE"), programme=programme)  # unclassified

    assert quote.group is None
    assert quote.amount == Decimal("100.00")
    assert quote.reasons == ["Venezuela has no World Bank income group, so the full price applies."]


def test_a_group_without_a_discount_set_pays_the_full_price(alice, programme):
    quote = price_quote(user=_living_in(alice, "KE"), programme=programme)

    assert quote.group == "lower-middle"
    assert quote.amount == Decimal("100.00")


# --- Vouchers ------------------------------------------------------------------------------------


def test_a_percentage_voucher_comes_off_the_group_price(alice, programme, discounts):
    voucher = _voucher(code="HALF-OFF", percent=50)
    quote = price_quote(user=_living_in(alice, "KE"), programme=programme, voucher=voucher)

    assert quote.voucher_discount == Decimal("20.00")
    assert quote.amount == Decimal("20.00")
    assert quote.reasons[-1] == "Voucher HALF-OFF takes 50% off."


def test_an_amount_voucher_in_the_programmes_currency_comes_off_the_price(
    alice, programme, discounts
):
    voucher = _voucher(
        code="TEN-USD", kind=Voucher.Kind.AMOUNT, amount=Decimal("15"), currency="USD"
    )
    found = voucher_find(code="ten-usd ", user=_living_in(alice, "KE"), programme=programme)
    quote = price_quote(user=alice, programme=programme, voucher=found)

    assert found == voucher
    assert quote.amount == Decimal("25.00")
    assert quote.reasons[-1] == "Voucher TEN-USD takes 15.00 USD off."


def test_an_amount_voucher_worth_more_than_the_price_makes_it_free_not_negative(
    alice, programme, discounts
):
    voucher = _voucher(kind=Voucher.Kind.AMOUNT, amount=Decimal("500"), currency="USD")
    quote = price_quote(user=_living_in(alice, "KE"), programme=programme, voucher=voucher)

    assert quote.amount == Decimal("0.00")
    assert quote.is_free


def test_an_amount_voucher_in_another_currency_is_refused(alice, programme, discounts):
    _voucher(code="TEN-EUR", kind=Voucher.Kind.AMOUNT, amount=Decimal("10"), currency="EUR")

    with pytest.raises(ValidationError) as refused:
        voucher_find(code="TEN-EUR", user=alice, programme=programme)

    assert refused.value.code == "currency"
    assert refused.value.messages == ["This voucher is in EUR but the programme is priced in USD."]


def test_a_waiver_voucher_makes_the_programme_free_and_names_its_sponsor(
    alice, programme, discounts
):
    sponsor = OrganisationFactory(name="Open Data Foundation")
    voucher = _voucher(code="WAIVE-IT", kind=Voucher.Kind.WAIVER, percent=None, sponsor=sponsor)
    quote = price_quote(user=_living_in(alice, "CH"), programme=programme, voucher=voucher)

    assert quote.amount == Decimal("0.00")
    assert quote.is_free
    assert quote.reasons[-2:] == [
        "Voucher WAIVE-IT waives the fee.",
        "This place is funded by Open Data Foundation.",
    ]


def test_an_expired_voucher_is_refused(alice, programme):
    _voucher(code="LAST-YEAR", valid_until=timezone.now() - timedelta(days=1))

    assert _refusal(code="LAST-YEAR", user=alice, programme=programme) == "expired"


def test_a_voucher_used_as_often_as_it_allows_is_refused(alice, programme):
    _voucher(code="ALL-GONE", max_uses=3, used=3)

    assert _refusal(code="ALL-GONE", user=alice, programme=programme) == "used"


def test_a_voucher_for_another_programme_is_refused(alice, programme):
    other = Programme.objects.create(
        slug="advanced-data-governance",
        title="Advanced Certificate in Data Governance",
        description="Govern data.",
        criteria="Passed.",
        topic=programme.topic,
        organisation=programme.organisation,
        assessment=Programme.Assessment.PROJECT,
        base_price=Decimal("80"),
    )
    _voucher(code="DATA-ONLY", programme=other)

    assert _refusal(code="DATA-ONLY", user=alice, programme=programme) == "programme"


def test_a_voucher_issued_to_someone_else_is_refused(alice, charlie, programme):
    _voucher(code="FOR-CHARLIE", for_user=charlie)

    assert _refusal(code="FOR-CHARLIE", user=alice, programme=programme) == "person"
    assert voucher_find(code="FOR-CHARLIE", user=charlie, programme=programme).for_user == charlie


@pytest.mark.parametrize("code", ["NO-SUCH-CODE", "", "   "])
def test_an_unknown_or_empty_code_is_refused(alice, programme, code):
    assert _refusal(code=code, user=alice, programme=programme) == "unknown"


def test_taking_a_voucher_counts_one_use(alice, programme):
    voucher = _voucher(max_uses=2)

    voucher_take(voucher=voucher)

    voucher.refresh_from_db()
    assert voucher.used == 1
    assert voucher.uses_left == 1


def test_taking_a_used_up_voucher_is_refused_and_counts_nothing(alice, programme):
    voucher = _voucher(max_uses=1)
    voucher_take(voucher=voucher)

    with pytest.raises(ValidationError) as refused:
        voucher_take(voucher=voucher)

    assert refused.value.code == "used"
    voucher.refresh_from_db()
    assert voucher.used == 1


def test_taking_a_voucher_that_expired_meanwhile_is_refused(alice, programme):
    voucher = _voucher(valid_until=timezone.now() - timedelta(seconds=1))

    with pytest.raises(ValidationError) as refused:
        voucher_take(voucher=voucher)

    assert refused.value.code == "used"
    voucher.refresh_from_db()
    assert voucher.used == 0
