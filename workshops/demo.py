"""Demo data: the coalition's workshops at the AI for Good Global Summit 2025 in Geneva, with
their recordings, and a season of webinars in the six UN languages.

The upcoming sessions have fixed dates in 2027 rather than dates counted from today, so that a
second run (tomorrow, or next month) finds every row as it left it and writes nothing. Rows are
found by slug. Organisers are founding contributors (contributors/demo.py); a missing one, or a
missing blended course (courses/demo.py), leaves the field empty rather than failing.

The loader adds and updates; it never deletes.
"""

from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.text import slugify

from alliance.core.models import Topic
from alliance.core.upsert import upsert
from contributors.models import Organisation
from courses.models import Course
from workshops.models import (
    Cohort,
    DeliveryRequest,
    SeatQuota,
    Series,
    Session,
    Track,
    TrackApplication,
)

K = Session.Kind

SUMMIT = {
    "slug": "ai-for-good-global-summit-2025",
    "name": "AI for Good Global Summit 2025",
    "description": (
        "The coalition's hands-on workshops at the AI for Good Global Summit, organised by ITU "
        "in Geneva from 8 to 11 July 2025. Every workshop was recorded."
    ),
}
WEBINARS = {
    "slug": "ai-skills-coalition-live-2027",
    "name": "AI Skills Coalition live sessions 2027",
    "description": "Free live webinars in the six UN languages, with time for questions.",
}

PALEXPO = {
    "venue_name": "Palexpo",
    "address": "Route François-Peyrot 30, 1218 Le Grand-Saconnex",
    "city": "Geneva",
    "country": "CH",
}
CICG = {
    "venue_name": "CICG – Centre International de Conférences Genève",
    "address": "Rue de Varembé 17, 1202 Genève",
    "city": "Geneva",
    "country": "CH",
}
ONLINE = {"venue_name": "", "address": "", "city": "", "country": ""}

# Registration for the 2027 season opens on this day.
SEASON_OPENS = datetime(2026, 1, 1, tzinfo=UTC)
SUMMIT_REGISTRATION_OPENS = datetime(2025, 5, 1, tzinfo=UTC)


@dataclass(frozen=True)
class SessionData:
    slug: str
    kind: str
    title: str
    description: str
    language: str
    topic: str
    organiser: str
    speakers: str
    zone: str
    start: tuple[int, int, int, int, int]  # local time at the venue or the organiser's
    minutes: int
    venue: dict = field(default_factory=lambda: ONLINE)
    seats_onsite: int = 0
    seats_online: int = 0
    series: str = ""
    course: str = ""
    completed: bool = False

    @property
    def starts_at(self) -> datetime:
        return datetime(*self.start, tzinfo=ZoneInfo(self.zone))


GENEVA_WORKSHOPS = [
    replace(workshop, series=SUMMIT["slug"], completed=True)
    for workshop in [
        SessionData(
            slug="aiforgood-2025-generative-ai-hands-on",
            kind=K.WORKSHOP,
            title="Hands-on generative AI: prompts, limits and good practice",
            description=(
                "Bring a laptop: in small groups, participants wrote, tested and improved prompts "
                "for real tasks, then looked at where generative models fail and how to check "
                "their output."
            ),
            language="en",
            topic="generative-ai",
            organiser="Microsoft",
            speakers="Amina Diallo, Tomás Herrera",
            zone="Europe/Zurich",
            start=(2025, 7, 8, 10, 0),
            minutes=120,
            venue=PALEXPO,
            seats_onsite=60,
        ),
        SessionData(
            slug="aiforgood-2025-machine-learning-for-health-data",
            kind=K.WORKSHOP,
            title="Machine learning on public health data",
            description=(
                "A guided exercise: from an open public-health data set to a first predictive "
                "model, with a frank discussion of bias, privacy and evaluation."
            ),
            language="en",
            topic="machine-learning",
            organiser="Amazon Web Services (AWS)",
            speakers="Priya Raman, Jonas Weber",
            zone="Europe/Zurich",
            start=(2025, 7, 9, 14, 0),
            minutes=150,
            venue=PALEXPO,
            seats_onsite=40,
        ),
        SessionData(
            slug="aiforgood-2025-ai-and-human-rights",
            kind=K.WORKSHOP,
            title="AI and human rights: a workshop for practitioners",
            description=(
                "Case studies from courts, parliaments and civil society on how AI systems affect "
                "human rights, and the questions to ask before one is deployed."
            ),
            language="en",
            topic="ai-governance-and-ethics",
            organiser="Geneva Human Rights Platform",
            speakers="Léa Morel, Samuel Okoye",
            zone="Europe/Zurich",
            start=(2025, 7, 9, 9, 30),
            minutes=150,
            venue=CICG,
            seats_onsite=80,
        ),
        SessionData(
            slug="aiforgood-2025-ai-for-sustainable-finance",
            kind=K.WORKSHOP,
            title="AI for sustainable finance",
            description=(
                "How banks and investors use machine learning to measure climate risk and impact, "
                "and what the models can and cannot tell."
            ),
            language="en",
            topic="ai-for-sustainable-development",
            organiser="Swiss Sustainable Finance",
            speakers="Claudia Rossi, Daniel Mwangi",
            zone="Europe/Zurich",
            start=(2025, 7, 10, 14, 0),
            minutes=120,
            venue=CICG,
            seats_onsite=50,
        ),
        SessionData(
            slug="aiforgood-2025-teaching-ai-to-young-people",
            kind=K.WORKSHOP,
            title="Teaching AI skills to young people",
            description=(
                "Classroom activities that explain how AI works without a computer, tried out "
                "together with teachers and youth workers."
            ),
            language="en",
            topic="data-and-digital-skills",
            organiser="JA Worldwide",
            speakers="Grace Njeri, Marco Bianchi",
            zone="Europe/Zurich",
            start=(2025, 7, 11, 10, 0),
            minutes=150,
            venue=PALEXPO,
            seats_onsite=45,
        ),
    ]
]

UPCOMING = [
    replace(webinar, series=WEBINARS["slug"])
    for webinar in [
        SessionData(
            slug="responsible-ai-live-case-clinic",
            kind=K.WEBINAR,
            title="Responsible AI in practice: live case clinic",
            description=(
                "The live session of the blended course Responsible AI in practice: bring the case "
                "you worked on in the course and discuss it with the authors and other learners."
            ),
            language="en",
            topic="ai-governance-and-ethics",
            organiser="equitably.ai",
            speakers="Wanjiru Kamau, Oliver Grant",
            zone="Africa/Nairobi",
            start=(2027, 1, 20, 14, 0),
            minutes=90,
            seats_online=100,
            course="responsible-ai-in-practice",
        ),
        SessionData(
            slug="ia-agriculture-et-climat",
            kind=K.WEBINAR,
            title="L'IA au service de l'agriculture et du climat",
            description=(
                "Prévisions météo, suivi des cultures, alerte précoce : des exemples concrets "
                "d'intelligence artificielle au service des agriculteurs, et leurs limites."
            ),
            language="fr",
            topic="ai-for-sustainable-development",
            organiser="FAIR Forward",
            speakers="Aïssatou Ndiaye, Pierre Lambert",
            zone="Europe/Paris",
            start=(2027, 2, 3, 15, 0),
            minutes=90,
            seats_online=300,
        ),
        SessionData(
            slug="aprendizaje-automatico-desde-cero",
            kind=K.WEBINAR,
            title="Aprendizaje automático desde cero",
            description=(
                "Una introducción práctica al aprendizaje automático: datos, modelos y evaluación, "
                "con ejemplos de América Latina y tiempo para preguntas."
            ),
            language="es",
            topic="machine-learning",
            organiser="CIT Coding Academy",
            speakers="Valentina Gómez, Andrés Castillo",
            zone="America/Bogota",
            start=(2027, 2, 17, 10, 0),
            minutes=90,
            seats_online=300,
        ),
        SessionData(
            slug="hawkamat-al-dhakaa-al-istinaei",
            kind=K.WEBINAR,
            title="حوكمة الذكاء الاصطناعي للمسؤولين الحكوميين",
            description=(
                "ندوة عبر الإنترنت للمسؤولين الحكوميين حول أطر حوكمة الذكاء الاصطناعي وإدارة "
                "المخاطر والمشتريات العامة، مع أمثلة من المنطقة العربية."
            ),
            language="ar",
            topic="ai-governance-and-ethics",
            organiser="United Nations Institute for Training and Research (UNITAR)",
            speakers="ليلى حداد، عمر الفاسي",
            zone="Asia/Riyadh",
            start=(2027, 3, 3, 13, 0),
            minutes=90,
            seats_online=250,
        ),
        SessionData(
            slug="shengchengshi-rengongzhineng-jiaoyu",
            kind=K.WEBINAR,
            title="生成式人工智能在教育中的应用",
            description="面向教师的在线讲座：如何在课堂上负责任地使用生成式人工智能，以及如何教学生辨别其输出。",
            language="zh-hans",
            topic="generative-ai",
            organiser="AI Academy Asia",
            speakers="李明, 王芳",
            zone="Asia/Shanghai",
            start=(2027, 3, 17, 19, 0),
            minutes=90,
            seats_online=300,
        ),
        SessionData(
            slug="osnovy-raboty-s-dannymi",
            kind=K.WEBINAR,
            title="Основы работы с данными для начинающих",
            description=(
                "Вебинар для начинающих: как собирать, очищать и описывать данные, прежде чем "
                "обучать на них модели искусственного интеллекта."
            ),
            language="ru",
            topic="data-and-digital-skills",
            organiser="United States Telecommunications Training Institute (USTTI)",
            speakers="Анна Смирнова, Дмитрий Волков",
            zone="Europe/Moscow",
            start=(2027, 3, 31, 16, 0),
            minutes=90,
            seats_online=300,
        ),
        SessionData(
            slug="eac-data-and-ai-skills-arusha",
            kind=K.HYBRID,
            title="Data and AI skills for the East African Community",
            description=(
                "A morning of practical training for public servants of the Partner States, at the "
                "EAC headquarters and online: open data, AI procurement and skills plans."
            ),
            language="en",
            topic="data-and-digital-skills",
            organiser="East African Community",
            speakers="Neema Mushi, Joseph Nkurunziza",
            zone="Africa/Dar_es_Salaam",
            start=(2027, 2, 24, 9, 0),
            minutes=180,
            venue={
                "venue_name": "EAC Headquarters",
                "address": "EAC Close, Afrika Mashariki Road",
                "city": "Arusha",
                "country": "TZ",
            },
            seats_onsite=60,
            seats_online=200,
        ),
    ]
]


def _organisation(name: str) -> Organisation | None:
    return Organisation.objects.filter(slug=slugify(name)[:200]).first()


def _values(data: SessionData, *, topics: dict, series: dict) -> dict:
    starts_at = data.starts_at
    online = data.kind in (K.WEBINAR, K.HYBRID)
    opens = SUMMIT_REGISTRATION_OPENS if data.completed else SEASON_OPENS
    return {
        "kind": data.kind,
        "title": data.title,
        "description": data.description,
        "language": data.language,
        "speakers": data.speakers,
        "topic": topics[data.topic],
        "series": series.get(data.series),
        "course": Course.objects.filter(slug=data.course).first() if data.course else None,
        "organisation": _organisation(data.organiser),
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(minutes=data.minutes),
        "timezone": data.zone,
        **data.venue,
        "join_url": f"https://meet.example.org/{data.slug}" if online else "",
        "seats_onsite": data.seats_onsite,
        "seats_online": data.seats_online,
        "registration_opens_at": opens,
        "registration_closes_at": starts_at,
        "state": Session.State.COMPLETED if data.completed else Session.State.SCHEDULED,
        "recording_url": f"https://example.org/recordings/{data.slug}" if data.completed else "",
    }


@transaction.atomic
def load() -> int:
    """Create or refresh the demo series and sessions; returns the number of sessions."""
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    series = {
        data["slug"]: upsert(
            Series,
            {"slug": data["slug"]},
            {"name": data["name"], "description": data["description"]},
        )
        for data in (SUMMIT, WEBINARS)
    }
    sessions = [*GENEVA_WORKSHOPS, *UPCOMING]
    for data in sessions:
        if data.topic not in topics:
            raise LookupError(f"No topic {data.topic!r}: load the topics first.")
        values = _values(data, topics=topics, series=series)
        Session(slug=data.slug, **values).full_clean(validate_unique=False)
        upsert(Session, {"slug": data.slug}, values)
    return len(sessions)


# A government track with a cohort, quotas, applications from officials, and a request from a
# ministry. The officials' demo accounts cannot sign in (no usable password).
OFFICIALS = [
    (
        "official.et@demo.alliance.example",
        "Ministry of Innovation and Technology",
        "ET",
        "Director of Digital Policy",
    ),
    (
        "official.np@demo.alliance.example",
        "Ministry of Communication and IT",
        "NP",
        "Under Secretary",
    ),
    (
        "official.br@demo.alliance.example",
        "Ministry of Science, Technology and Innovation",
        "BR",
        "AI Strategy Adviser",
    ),
]


@transaction.atomic
def load_tracks() -> int:
    """Create or refresh the demo government track; returns the number of applications."""
    governance = Topic.objects.get(slug="ai-governance-and-ethics")
    track = upsert(
        Track,
        {"slug": "ai-governance-for-policymakers"},
        {
            "name": "AI governance for policymakers",
            "description": "A cohort programme for officials of developing and least developed "
            "countries: national AI strategies, regulation, public-sector use and ethics.",
            "topic": governance,
        },
    )
    cohort = upsert(
        Cohort,
        {"track": track, "name": "Spring 2027 cohort (English)"},
        {
            "language": "en",
            "starts_on": date(2027, 3, 1),
            "ends_on": date(2027, 5, 31),
            "seats": 30,
            "applications_open": True,
        },
    )
    upsert(SeatQuota, {"cohort": cohort, "region": "Africa"}, {"country": "", "seats": 12})
    User = get_user_model()
    for email, ministry, country, position in OFFICIALS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(
                email=email, password=None, is_active=False, display_name=position, country=country
            )
        upsert(
            TrackApplication,
            {"cohort": cohort, "user": user},
            {
                "ministry": ministry,
                "position": position,
                "country": country,
                "motivation": "To prepare our national AI strategy with peers from other "
                "countries.",
            },
        )
    upsert(
        DeliveryRequest,
        {"contact_email": "ict.policy@demo.alliance.example"},
        {
            "track": track,
            "ministry": "Ministry of ICT",
            "contact_name": "Joseph Mutua",
            "country": "KE",
            "notes": "AI procurement and data protection for county officials.",
            "preferred_dates": "September 2027",
            "participants": 40,
            "language": "en",
        },
    )
    return len(OFFICIALS)
