"""The demo certification data: discounts for every country group, two programmes on the demo
courses, a sponsored and a welcome voucher, and a second load that changes nothing."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.apps import apps

from alliance.core import countries, topics
from alliance.demo.management.commands.load_demo import LOADERS
from certification import demo
from certification.models import GroupDiscount, Programme, Signatory, Voucher
from certification.pricing import price_quote
from contributors import demo as contributors_demo
from contributors.models import Organisation, Pledge
from courses import demo as courses_demo
from tests.courses.factories import OrganisationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def snapshot():
    """Every row of the certification app, many-to-many links included."""
    models = [
        *apps.get_app_config("certification").get_models(),
        Programme.required_courses.through,
        Programme.signatories.through,
    ]
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in models}


@pytest.fixture
def prerequisites():
    """What the certification demo builds on: topics, country groups, contributors, courses."""
    topics.load()
    countries.load()
    contributors_demo.load()
    courses_demo.load()


@pytest.fixture
def loaded(prerequisites):
    demo.load()


def test_the_demo_command_loads_certification_after_the_courses():
    labels = [label for label, _loader in LOADERS]

    assert labels.index("certification programmes") > labels.index("courses")
    assert dict(LOADERS)["certification programmes"] is demo.load


def test_loading_the_certification_demo_twice_changes_nothing_not_even_a_voucher_s_uses(
    prerequisites,
):
    count = demo.load()
    Voucher.objects.filter(code="GENAI-SPONSORED").update(used=7)
    first = snapshot()

    again = demo.load()

    assert snapshot() == first
    assert count == again == Programme.objects.count() == 2
    assert GroupDiscount.objects.count() == 5
    assert Voucher.objects.count() == 2
    assert Signatory.objects.count() == 2
    assert Voucher.objects.get(code="GENAI-SPONSORED").used == 7


def test_there_is_an_exam_programme_and_a_project_programme_on_the_demo_courses(loaded):
    genai = Programme.objects.get(title="Advanced Certificate in Generative AI")
    sdg = Programme.objects.get(title="Advanced Certificate in AI for Sustainable Development")
    required = set(genai.required_courses.values_list("slug", flat=True))

    assert genai.assessment == Programme.Assessment.EXAM
    assert genai.exam.module.version.course.slug in required
    assert 1 <= len(required) <= 2
    assert (genai.base_price, genai.currency) == (Decimal("120.00"), "USD")
    assert genai.signatories.count() == 2
    # No ITU among the demo organisations: the first founding contributor issues it.
    assert genai.organisation == Organisation.objects.filter(is_founding=True).first()
    assert sdg.assessment == Programme.Assessment.PROJECT
    assert sdg.exam is None
    assert "Sustainable Development Goals" in sdg.project_brief
    assert (sdg.base_price, sdg.currency) == (Decimal("90.00"), "USD")
    assert sdg.required_courses.count() == 2
    for programme in (genai, sdg):
        programme.full_clean()


def test_itu_issues_the_generative_ai_certificate_once_it_is_an_organisation(prerequisites):
    itu = OrganisationFactory(name="International Telecommunication Union", slug="itu")

    demo.load()

    assert Programme.objects.get(slug=demo.GENERATIVE_AI.slug).organisation == itu


def test_the_demo_vouchers_are_50_sponsored_waivers_and_20_percent_off_until_2027_ends(loaded):
    sponsored = Voucher.objects.get(code="GENAI-SPONSORED")
    welcome = Voucher.objects.get(code="WELCOME20")

    assert (sponsored.kind, sponsored.max_uses) == (Voucher.Kind.WAIVER, 50)
    assert sponsored.programme.slug == demo.GENERATIVE_AI.slug
    assert sponsored.sponsor.is_founding
    assert sponsored.pledge is None  # the demo contributors have pledged nothing yet
    assert (welcome.kind, welcome.percent, welcome.max_uses) == ("percent", 20, 500)
    assert welcome.programme is None
    assert not welcome.is_expired(now=datetime(2027, 12, 31, 23, 0, tzinfo=UTC))
    assert welcome.is_expired(now=datetime(2028, 1, 1, tzinfo=UTC))


def test_the_sponsored_voucher_draws_on_a_financial_pledge_when_there_is_one(prerequisites):
    unitar = Organisation.objects.get(name__startswith="United Nations Institute for Training")
    pledge = Pledge.objects.create(
        organisation=unitar,
        kind=Pledge.Kind.FINANCIAL,
        amount=Decimal("25000"),
        currency="USD",
        period_start=date(2026, 1, 1),
        period_end=date(2026, 12, 31),
    )

    demo.load()

    voucher = Voucher.objects.get(code="GENAI-SPONSORED")
    assert (voucher.sponsor, voucher.pledge) == (unitar, pledge)


def test_a_learner_in_kenya_pays_the_price_less_her_group_discount_and_her_voucher(loaded):
    alice = UserFactory(country="KE")
    programme = Programme.objects.get(slug=demo.GENERATIVE_AI.slug)

    plain = price_quote(user=alice, programme=programme)
    welcome = price_quote(
        user=alice, programme=programme, voucher=Voucher.objects.get(code="WELCOME20")
    )
    sponsored = price_quote(
        user=alice, programme=programme, voucher=Voucher.objects.get(code="GENAI-SPONSORED")
    )

    assert dict(GroupDiscount.objects.values_list("group", "percent")) == {
        "ldc": 90,
        "low": 80,
        "lower-middle": 60,
        "upper-middle": 30,
        "high": 0,
    }
    assert plain.amount == Decimal("48.00")  # 120 USD less 60% for lower-middle income
    assert welcome.amount == Decimal("38.40")
    assert sponsored.is_free
