"""Demo data: country-group discounts, two advanced certification programmes and two vouchers.

The programmes build on the demo courses (courses/demo.py) and are issued by founding
contributors (contributors/demo.py), so both loaders must run first. Like every demo loader this
one is idempotent: rows are found by their natural keys (a discount's country group, a
programme's slug, a signatory's name, a voucher's code) and written only where their data
differ, so a second run writes nothing. A voucher's count of uses is never touched.

No certificate is issued here: the demo data set has no learner who has completed a course
(its only accounts are staff, a library curator and government officials who cannot sign in).
The loader adds and updates; it never deletes.
"""

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from alliance.core.models import PricingGroup, Topic
from alliance.core.upsert import upsert
from certification.models import GroupDiscount, Programme, Signatory, Voucher
from contributors.models import Organisation, Pledge
from courses.models import Course, Quiz

# The share of a programme's price taken off in each country group: the lower a country's
# income, the less its learners pay.
DISCOUNTS = {
    PricingGroup.LDC: 90,
    PricingGroup.LOW: 80,
    PricingGroup.LOWER_MIDDLE: 60,
    PricingGroup.UPPER_MIDDLE: 30,
    PricingGroup.HIGH: 0,
}

# Invented people: no real person signs a demo certificate.
SIGNATORIES = [
    ("Dr Amara Lindqvist-Oduya", "Programme Director, AI Skills Coalition"),
    ("Prof. Tomás Verhoeven-Sato", "Chair of the Certification Board, AI Skills Coalition"),
]

# The coalition is an initiative of ITU: it issues the advanced certificates when it is among
# the organisations, otherwise the first founding contributor does.
ITU = "International Telecommunication Union"


@dataclass(frozen=True)
class ProgrammeData:
    slug: str
    title: str
    topic: str  # a Topic slug, seeded by alliance/core/migrations/0003_seed_topics.py
    description: str
    criteria: str
    required_courses: tuple[str, ...]  # demo course slugs
    base_price: Decimal
    exam_course: str = ""  # the course whose last English quiz is the final exam
    project_brief: str = ""
    issuer: str = ""  # an organisation's name; empty: the coalition's default issuer


GENERATIVE_AI = ProgrammeData(
    slug="advanced-certificate-generative-ai",
    title="Advanced Certificate in Generative AI",
    topic="generative-ai",
    description=(
        "For learners who want to show they can use generative AI well at work: how language "
        "models produce text, how to write prompts that give a tool the context it needs, and how "
        "to check, correct and take responsibility for what it produces. Complete the two "
        "courses, pass the final exam, and the coalition reviews your record and issues the "
        "certificate."
    ),
    criteria=(
        "Completed the courses Generative AI for everyone and Prompting well, and passed the "
        "final exam on prompting techniques and checking output."
    ),
    required_courses=("generative-ai-for-everyone", "prompting-well"),
    exam_course="prompting-well",
    base_price=Decimal("120.00"),
)

SUSTAINABLE_DEVELOPMENT = ProgrammeData(
    slug="advanced-certificate-ai-sustainable-development",
    title="Advanced Certificate in AI for Sustainable Development",
    topic="ai-for-sustainable-development",
    description=(
        "For practitioners who plan or run AI projects for the Sustainable Development Goals: "
        "choosing problems where AI helps, working with local data and communities, and "
        "weighing benefits against risks. Complete the two courses and submit a project plan; "
        "staff grade it and give you written feedback."
    ),
    criteria=(
        "Completed the courses AI for sustainable development and AI for climate and "
        "agriculture, and wrote a project plan for an AI project serving one of the Sustainable "
        "Development Goals that staff graded as passed."
    ),
    required_courses=("ai-for-sustainable-development", "ai-for-climate-and-agriculture"),
    base_price=Decimal("90.00"),
    project_brief=(
        "Plan an AI project that serves one of the Sustainable Development Goals in a community "
        "you know. In 1,500 to 2,500 words, or as slides with notes, describe: the problem and "
        "who has it; why AI helps here and what a simpler solution would miss; the data you "
        "would use, who owns it and how you would get consent; how you would measure success; "
        "the risks (bias, privacy, cost, dependence on one supplier) and how you would reduce "
        "them; and who would run the system after the project ends. Share a link that staff can "
        "open without signing in."
    ),
    issuer="United Nations Development Programme (UNDP)",
)

PROGRAMMES = [GENERATIVE_AI, SUSTAINABLE_DEVELOPMENT]

SPONSORED_CODE = "GENAI-SPONSORED"
WELCOME_CODE = "WELCOME20"
# In the coalition's announcement Microsoft offers AI skills training, certification and
# capacity building: the sponsor when no founding contributor has recorded an offer of funding.
SPONSOR_FALLBACK = "Microsoft"


def _organisation(name: str) -> Organisation | None:
    return Organisation.objects.filter(slug=slugify(name)[:200]).first()


def _default_issuer() -> Organisation:
    issuer = (
        Organisation.objects.filter(Q(name=ITU) | Q(slug="itu")).order_by("pk").first()
        or Organisation.objects.filter(is_founding=True).order_by("name").first()
    )
    if issuer is None:
        raise LookupError("No founding contributors: load them (contributors.demo) first.")
    return issuer


def _exam(course_slug: str) -> Quiz:
    """The final quiz of a course's English version."""
    exam = (
        Quiz.objects.filter(
            module__version__course__slug=course_slug, module__version__language="en"
        )
        .order_by("-module__order", "-order")
        .first()
    )
    if exam is None:
        raise LookupError(f"No quiz in course {course_slug!r}: load the courses first.")
    return exam


def _load_programme(data: ProgrammeData, signatories: list[Signatory]) -> Programme:
    courses = list(Course.objects.filter(slug__in=data.required_courses))
    if len(courses) != len(data.required_courses):
        raise LookupError(f"{data.title} needs the demo courses: load the courses first.")
    exam = _exam(data.exam_course) if data.exam_course else None
    values = {
        "title": data.title,
        "description": data.description,
        "criteria": data.criteria,
        "topic": Topic.objects.get(slug=data.topic),
        "organisation": (data.issuer and _organisation(data.issuer)) or _default_issuer(),
        "assessment": Programme.Assessment.EXAM if exam else Programme.Assessment.PROJECT,
        "exam": exam,
        "project_brief": data.project_brief,
        "base_price": data.base_price,
        "currency": "USD",
        "is_active": True,
    }
    Programme(slug=data.slug, **values).full_clean(validate_unique=False)
    programme = upsert(Programme, {"slug": data.slug}, values)
    # add() leaves existing links alone, so these write nothing the second time.
    programme.required_courses.add(*courses)
    programme.signatories.add(*signatories)
    return programme


def _sponsor() -> tuple[Organisation | None, Pledge | None]:
    """A founding contributor funding seats, and its latest financial pledge if it has one."""
    pledge = (
        Pledge.objects.filter(organisation__is_founding=True, kind=Pledge.Kind.FINANCIAL)
        .select_related("organisation")
        .order_by("-period_start", "pk")
        .first()
    )
    if pledge is not None:
        return pledge.organisation, pledge
    founding = Organisation.objects.filter(is_founding=True)
    sponsor = (
        founding.filter(offers_funding=True).order_by("name").first()
        or founding.filter(slug=slugify(SPONSOR_FALLBACK)).first()
    )
    return sponsor, None


def _load_vouchers(generative_ai: Programme) -> None:
    sponsor, pledge = _sponsor()
    upsert(
        Voucher,
        {"code": SPONSORED_CODE},
        {
            "kind": Voucher.Kind.WAIVER,
            "percent": None,
            "amount": None,
            "currency": "",
            "programme": generative_ai,
            "for_user": None,
            "sponsor": sponsor,
            "pledge": pledge,
            "max_uses": 50,
            "valid_until": None,
            "note": "50 sponsored places in the Advanced Certificate in Generative AI",
        },
    )
    upsert(
        Voucher,
        {"code": WELCOME_CODE},
        {
            "kind": Voucher.Kind.PERCENT,
            "percent": 20,
            "amount": None,
            "currency": "",
            "programme": None,
            "for_user": None,
            "sponsor": None,
            "pledge": None,
            "max_uses": 500,
            "valid_until": datetime(2027, 12, 31, 23, 59, 59, tzinfo=UTC),
            "note": "Welcome offer: 20% off any programme until the end of 2027",
        },
    )


@transaction.atomic
def load() -> int:
    """Create or refresh the discounts, programmes and vouchers; returns the number of
    programmes."""
    for group, percent in DISCOUNTS.items():
        upsert(GroupDiscount, {"group": group}, {"percent": percent})
    signatories = [
        upsert(Signatory, {"name": name}, {"title": title, "organisation": None})
        for name, title in SIGNATORIES
    ]
    programmes = {data.slug: _load_programme(data, signatories) for data in PROGRAMMES}
    _load_vouchers(programmes[GENERATIVE_AI.slug])
    return len(programmes)
