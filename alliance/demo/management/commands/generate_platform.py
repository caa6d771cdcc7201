"""Fill the platform with synthetic learners, courses, progress and sessions, at the coalition's
scale, to measure it (the impact snapshot, the pages under load).

    manage.py generate_platform [--learners 100000] [--courses 1000] [--lessons 20]
        [--progress 1000000] [--sessions 2000] [--seed 1] [--today YYYY-MM-DD] [--reset]

What it makes, each step in one transaction and drawn from its own ``random.Random`` of the seed,
so that a seed always gives the same data:

- learners: e-mail ``gen-<seed>-<n>@generated.example`` (unusable password), countries weighted
  towards LDCs and low-income countries, preferred language after the country's region, optional
  demographics answered by about half, joined over the 18 months before ``--today``, more and more
  of them as time goes by;
- courses: slug ``gen-<seed>-<n>`` over the five topics and the founding contributors, one to three
  language versions each, modules of five lessons (``--lessons`` per version) and a quiz of two
  questions per module;
- enrolments until their lesson completions total ``--progress`` exactly; about a fifth complete
  the course (every lesson done and every quiz passed: ``completed_at``, 100 %), the others stop
  somewhere, a few withdraw; quiz attempts (some failed first) for the modules finished;
- certificates of completion (no PDF) for the completed enrolments, a few revoked, and a few
  advanced certificates of a generated programme (``gen-<seed>-programme``, no orders);
- sessions: slug ``gen-<seed>-<n>``, webinars and workshops, past and future, some in the cohorts of
  generated government tracks (``gen-<seed>-track-<n>``), with bookings (attendance marked for past
  sessions) and a few delegations.

Library material and its download counts come from ``manage.py generate_library``.

A second run with the same seed and sizes finds each step done and changes nothing; a step left
half-done cannot happen (transactions); other sizes for a seed already there are refused, and
``--reset`` deletes everything of the seed. On PostgreSQL the largest tables are written with COPY;
elsewhere (SQLite, for the tests) with ``bulk_create``.
"""

import bisect
import datetime as dt
import itertools
import json
import math
import random
import time
import uuid
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, models, transaction
from django.utils import timezone

from alliance.core import countries as core_countries
from alliance.core import topics as core_topics
from alliance.core.choices import Level
from alliance.core.models import CountryStatus, Topic
from certification.models import Certificate, Programme
from contributors import demo as contributors_demo
from contributors.models import Organisation, ReviewState
from courses.models import (
    Course,
    CourseVersion,
    Enrolment,
    Format,
    Lesson,
    LessonCompletion,
    Module,
    Option,
    Question,
    Quiz,
    QuizAttempt,
    Status,
)
from workshops.models import Booking, Cohort, Delegate, Delegation, Session, Track

User = get_user_model()

DOMAIN = "@generated.example"
SPAN = dt.timedelta(days=548)  # about 18 months of history before --today
FUTURE = dt.timedelta(days=120)  # sessions are scheduled up to four months ahead
BATCH = 5000
LESSONS_PER_MODULE = 5

# --- Distributions -------------------------------------------------------------------------------

# A country's weight by its group (LDC first), times a random size drawn once per country
# (about one learner in two from an LDC or a low-income country, one in ten from a rich one).
GROUP_WEIGHTS = {
    "ldc": 3.0,
    "low": 2.5,
    "lower-middle": 2.2,
    "upper-middle": 1.2,
    "high": 0.4,
    None: 0.15,
}
NO_COUNTRY = 0.02
# Preferred language by the country's UN M49 sub-region (or intermediate region).
LANGUAGE_BY_REGION = {
    "Latin America and the Caribbean": {"es": 70, "en": 25, "fr": 5},
    "Northern Africa": {"ar": 60, "fr": 25, "en": 15},
    "Western Asia": {"ar": 55, "en": 35, "ru": 10},
    "Western Africa": {"fr": 55, "en": 45},
    "Middle Africa": {"fr": 75, "en": 25},
    "Eastern Europe": {"ru": 65, "en": 35},
    "Central Asia": {"ru": 70, "en": 30},
    "Eastern Asia": {"zh-hans": 60, "en": 40},
}
LANGUAGE_DEFAULT = {"en": 82, "fr": 6, "es": 5, "ar": 3, "zh-hans": 2, "ru": 2}
# Each demographic question is answered by about half of the learners.
ANSWERED = 0.5
GENDERS = {"woman": 45, "man": 48, "non-binary": 1, "other": 0.5, "undisclosed": 5.5}
AGE_BANDS = {
    "under-18": 6,
    "18-24": 30,
    "25-34": 32,
    "35-49": 20,
    "50-64": 8,
    "65+": 2,
    "undisclosed": 2,
}
DISABILITY = {"yes": 7, "no": 88, "undisclosed": 5}
COURSE_LANGUAGES = {"en": 50, "fr": 14, "es": 13, "ar": 9, "zh-hans": 7, "ru": 7}
EXTRA_VERSIONS = {0: 70, 1: 20, 2: 10}
LEVELS = {Level.BEGINNER: 50, Level.INTERMEDIATE: 35, Level.ADVANCED: 15}
TOPIC_WEIGHTS = {
    "generative-ai": 28,
    "machine-learning": 22,
    "ai-for-sustainable-development": 15,
    "ai-governance-and-ethics": 20,
    "data-and-digital-skills": 15,
}
NEVER_ENROL = 0.25  # learners who register and never enrol
COMPLETE = 0.22  # enrolments that go to the end
WITHDRAW = 0.04  # of the others
FAIL_FIRST = 0.25  # a quiz failed before it is passed
SESSION_KINDS = {Session.Kind.WEBINAR: 60, Session.Kind.WORKSHOP: 25, Session.Kind.HYBRID: 15}
ZONES = [
    "UTC",
    "Africa/Nairobi",
    "Africa/Lagos",
    "Africa/Cairo",
    "America/Bogota",
    "Asia/Kolkata",
    "Asia/Bangkok",
    "Europe/Zurich",
]
CITIES = [
    ("Nairobi", "KE"),
    ("Dakar", "SN"),
    ("Addis Ababa", "ET"),
    ("Kigali", "RW"),
    ("Dhaka", "BD"),
    ("Kathmandu", "NP"),
    ("Bogotá", "CO"),
    ("Lima", "PE"),
    ("Amman", "JO"),
    ("Tashkent", "UZ"),
    ("Geneva", "CH"),
    ("Bangkok", "TH"),
]
TRACKS_PER_SEED = 5
COHORTS_PER_TRACK = 3
GOVERNMENT_SESSIONS = 0.12
ATTENDED = 0.72

# --- Words ---------------------------------------------------------------------------------------

NAMES = {
    "en": (
        ["Amina", "John", "Grace", "Samuel", "Priya", "Ahmed", "Maria", "Kwame", "Aisha", "Thandi"],
        ["Okafor", "Mensah", "Banda", "Sharma", "Khan", "Mwangi", "Nguyen", "Silva", "Tembo"],
        "{given} {family}",
    ),
    "fr": (
        ["Awa", "Moussa", "Fatou", "Jean", "Aminata", "Ibrahima", "Claire", "Mamadou", "Mariam"],
        ["Diallo", "Traoré", "Koné", "Ndiaye", "Diop", "Camara", "Kaboré", "Rakoto"],
        "{given} {family}",
    ),
    "es": (
        ["María", "José", "Lucía", "Carlos", "Ana", "Luis", "Camila", "Jorge", "Valentina"],
        ["García", "Rodríguez", "Quispe", "Mamani", "López", "Pérez", "Flores", "Gómez"],
        "{given} {family}",
    ),
    "ar": (
        ["فاطمة", "محمد", "مريم", "أحمد", "ليلى", "عمر", "نور", "يوسف"],
        ["الخطيب", "حداد", "منصور", "العمري", "عبدالله", "الحسيني"],
        "{given} {family}",
    ),
    "zh-hans": (
        ["伟", "静", "敏", "磊", "婷", "强", "丽", "军", "雨桐"],
        ["王", "李", "张", "刘", "陈", "杨", "欧阳"],
        "{family}{given}",
    ),
    "ru": (
        ["Анна", "Дмитрий", "Айгерим", "Олег", "Нурлан", "Ольга", "Тимур", "Мария"],
        ["Смирнова", "Иванов", "Ким", "Алиева", "Попов", "Каримов", "Исаева"],
        "{given} {family}",
    ),
}
# Per language: level names as a course title gives them, and module, lesson, quiz, question.
LEVEL_WORDS = {
    "en": ("Foundations", "In practice", "Advanced topics"),
    "fr": ("Fondamentaux", "En pratique", "Approfondissement"),
    "es": ("Fundamentos", "En la práctica", "Temas avanzados"),
    "ar": ("الأساسيات", "في التطبيق", "موضوعات متقدمة"),
    "zh-hans": ("基础", "实践", "进阶"),
    "ru": ("Основы", "На практике", "Углублённый курс"),
}
PART_WORDS = {
    "en": ("Module", "Lesson", "Quiz", "Question"),
    "fr": ("Module", "Leçon", "Quiz", "Question"),
    "es": ("Módulo", "Lección", "Cuestionario", "Pregunta"),
    "ar": ("الوحدة", "الدرس", "الاختبار", "السؤال"),
    "zh-hans": ("模块", "课", "测验", "问题"),
    "ru": ("Модуль", "Урок", "Тест", "Вопрос"),
}
SUMMARY = "A generated course for measuring the platform at scale. Short lessons, a quiz a module."
BODY = (
    "This lesson is generated for load testing.\n\n"
    "- one idea explained\n- an example\n- a question to think about\n"
)


# --- Writing rows --------------------------------------------------------------------------------


def batched(iterable, size: int):
    iterator = iter(iterable)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


@contextmanager
def given_timestamps(*models_):
    """Let bulk inserts keep the times we give: auto_now(_add) fields would overwrite them."""
    fields = [
        f
        for model in models_
        for f in model._meta.concrete_fields
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def insert_rows(model, fields: list[str], rows) -> int:
    """Insert tuples of values (in the order of ``fields``, attribute names such as "user_id")
    without reading anything back: COPY on PostgreSQL, bulk_create elsewhere."""
    count = 0
    if connection.vendor == "postgresql":
        meta_fields = [model._meta.get_field(name) for name in fields]
        json_at = [i for i, f in enumerate(meta_fields) if isinstance(f, models.JSONField)]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(f.column) for f in meta_fields)
        statement = f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(statement) as copy:
            for row in rows:
                if json_at:
                    row = list(row)
                    for i in json_at:
                        row[i] = json.dumps(row[i])
                copy.write_row(row)
                count += 1
        return count
    with given_timestamps(model):
        for batch in batched(rows, BATCH):
            objects = [model(**dict(zip(fields, row, strict=True))) for row in batch]
            model.objects.bulk_create(objects)
            count += len(batch)
    return count


def delete_rows(queryset) -> int:
    """Delete rows, and what Django would delete or unlink with them, with one statement per
    relation whose WHERE is a subquery: Django's own delete() lists every id in every statement,
    which takes minutes for 100,000 learners. A PROTECT relation left with rows makes the
    database refuse at the end, as Django would."""
    if not queryset.exists():  # also ends the walk down a tree of rows
        return 0
    model = queryset.model
    for relation in model._meta.get_fields(include_hidden=True):
        if not relation.auto_created or relation.concrete:
            continue
        if relation.many_to_many:  # another model's ManyToManyField to this one
            through = relation.through._base_manager
            name = relation.field.m2m_reverse_field_name()
            through.filter(**{f"{name}__in": queryset}).delete()
            continue
        related = relation.related_model._base_manager.filter(
            **{f"{relation.field.name}__in": queryset}
        )
        if relation.on_delete is models.CASCADE:
            delete_rows(related)
        elif relation.on_delete is models.SET_NULL:
            related.update(**{relation.field.name: None})
    for m2m in model._meta.many_to_many:  # this model's own ManyToManyFields
        through = m2m.remote_field.through._base_manager
        through.filter(**{f"{m2m.m2m_field_name()}__in": queryset}).delete()
    return queryset._raw_delete(queryset.db)


def create_objects(model, objects: list) -> list:
    """bulk_create in batches, keeping the timestamps given; the objects get their ids."""
    with given_timestamps(model):
        for batch in batched(objects, BATCH):
            model.objects.bulk_create(batch)
    return objects


# --- Drawing -------------------------------------------------------------------------------------


class Draw(random.Random):
    """One step's random numbers, the same for a seed whatever else ran before."""

    def __init__(self, seed: int, step: str):
        super().__init__(f"generate_platform:{seed}:{step}")

    def pick(self, weights: dict):
        return self.choices(list(weights), weights=list(weights.values()))[0]

    def between(self, start: dt.datetime, end: dt.datetime) -> dt.datetime:
        return start + (end - start) * self.random()

    def token(self) -> str:
        return f"{self.getrandbits(192):048x}"

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.getrandbits(128), version=4)


class Weighted:
    """Draw an index in proportion to fixed weights, quickly (bisect on cumulative weights)."""

    def __init__(self, weights: list[float]):
        self.cumulative = list(itertools.accumulate(weights))
        self.total = self.cumulative[-1] if self.cumulative else 0

    def __call__(self, rng: random.Random) -> int:
        return bisect.bisect_right(self.cumulative, rng.random() * self.total)


@dataclass
class ModulePlan:
    lessons: list[int]
    quiz: int | None = None
    right: dict = field(default_factory=dict)  # {question id: [option id]}
    wrong: dict = field(default_factory=dict)


@dataclass
class VersionPlan:
    id: int
    course_id: int
    language: str
    title: str
    modules: list[ModulePlan]
    primary: bool = False

    @property
    def lessons(self) -> list[int]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @property
    def quizzes(self) -> int:
        return sum(1 for module in self.modules if module.quiz)


@dataclass
class Learner:
    id: int
    joined: dt.datetime
    language: str
    name: str
    email: str


class Command(BaseCommand):
    help = (
        "Add synthetic learners, courses, progress, certificates and sessions (marked gen-<seed>-, "
        "@generated.example) to measure the platform at scale. Run again, it changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, default=100_000)
        parser.add_argument("--courses", type=int, default=1000)
        parser.add_argument("--lessons", type=int, default=20, help="lessons per course version")
        parser.add_argument(
            "--progress", type=int, default=1_000_000, help="lesson completions in all"
        )
        parser.add_argument("--sessions", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            help="the day the history ends (default: today, or the day of the seed's data)",
        )
        parser.add_argument(
            "--reset", action="store_true", help="delete everything of this seed, and stop"
        )

    def handle(self, *args, **options):
        self.seed = options["seed"]
        self.prefix = f"gen-{self.seed}-"
        self.verbosity = options["verbosity"]
        sizes = {k: options[k] for k in ("learners", "courses", "lessons", "progress", "sessions")}
        if any(value < 0 for value in sizes.values()) or sizes["lessons"] < 1:
            raise CommandError("Sizes must be 0 or more, and --lessons at least 1.")
        if sizes["progress"] and not (sizes["learners"] and sizes["courses"]):
            raise CommandError("--progress needs learners and courses.")
        started = time.perf_counter()
        if options["reset"]:
            self.step("reset", self.reset)
            self.stdout.write(self.style.SUCCESS(f"Seed {self.seed} deleted."))
            return

        self.anchor = self.anchor_of(options["today"])
        self.start = self.anchor - SPAN
        self.stdout.write(
            f"Seed {self.seed}, history from {self.start:%Y-%m-%d} to {self.anchor:%Y-%m-%d}."
        )
        self.step("reference data", self.reference_data)
        done = [
            self.step("learners", self.learners, sizes["learners"]),
            self.step("courses", self.courses, sizes["courses"], sizes["lessons"]),
            self.step("progress", self.progress, sizes["progress"]),
            self.step("certificates", self.certificates),
            self.step("sessions", self.sessions, sizes["sessions"]),
        ]
        if any(done) and connection.vendor == "postgresql":
            self.step("analyze", self.analyze)
        elapsed = time.perf_counter() - started
        verdict = "generated" if any(done) else "was already there: nothing to do"
        self.stdout.write(self.style.SUCCESS(f"Seed {self.seed} {verdict} ({elapsed:.1f} s)."))

    # --- Plumbing --------------------------------------------------------------------------------

    def step(self, label: str, function, *args):
        started = time.perf_counter()
        with transaction.atomic():
            result = function(*args)
        self.stdout.write(f"  {label}: {result} ({time.perf_counter() - started:.1f} s)")
        return result.endswith("added")  # rows were written

    def log(self, message: str) -> None:
        if self.verbosity >= 2:
            self.stdout.write(f"    {message}")

    def generated_learners(self):
        return User.objects.filter(email__startswith=self.prefix, email__endswith=DOMAIN)

    def generated_courses(self):
        return Course.objects.filter(slug__startswith=self.prefix)

    def generated_sessions(self):
        return Session.objects.filter(slug__startswith=self.prefix)

    def anchor_of(self, today: dt.date | None) -> dt.datetime:
        """Midnight (UTC) at the start of --today; for a seed already there, its own day (the
        last learner joins 90 seconds before it), so every step of a seed shares one calendar."""
        last = (
            self.generated_learners()
            .order_by("-date_joined")
            .values_list("date_joined", flat=True)
            .first()
        )
        if last is not None:
            day = (last + dt.timedelta(seconds=90)).astimezone(dt.UTC).date()
            if today and today != day:
                self.stdout.write(f"Seed {self.seed} ends on {day}; --today {today} is ignored.")
            today = day
        today = today or timezone.now().date()
        return dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)

    @staticmethod
    def analyze():
        tables = [
            User,
            Course,
            CourseVersion,
            Lesson,
            Quiz,
            Enrolment,
            LessonCompletion,
            QuizAttempt,
            Certificate,
            Session,
            Booking,
            Delegate,
        ]
        with connection.cursor() as cursor:
            for model in tables:
                cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
        return f"{len(tables)} tables"

    def refuse(self, what: str, found: int, wanted: int):
        raise CommandError(
            f"Seed {self.seed} already has {found:,} {what}, not {wanted:,}: run with --reset "
            f"first, or choose another --seed."
        )

    # --- Reference data --------------------------------------------------------------------------

    def reference_data(self) -> str:
        if Topic.objects.filter(slug__in=TOPIC_WEIGHTS).count() != len(TOPIC_WEIGHTS):
            core_topics.load()
        if not CountryStatus.objects.exists():
            core_countries.load()
        if not Organisation.objects.filter(is_founding=True).exists():
            contributors_demo.load()
        self.topics = {t.slug: t for t in Topic.objects.filter(slug__in=TOPIC_WEIGHTS)}
        self.organisations = list(Organisation.objects.filter(is_founding=True).order_by("slug"))
        return f"{len(self.topics)} topics, {len(self.organisations)} contributors"

    # --- Learners --------------------------------------------------------------------------------

    def learners(self, count: int) -> str:
        found = self.generated_learners().count()
        if found == count:
            return f"already there ({count:,})"
        if found:
            self.refuse("learners", found, count)
        if not count:
            return "none asked"
        rng = Draw(self.seed, "learners")
        countries, weights, languages = [], [], []
        for status in CountryStatus.objects.exclude(region="").order_by("country"):
            group = status.group
            countries.append(str(status.country))
            size = rng.lognormvariate(0, 0.8)
            weights.append(GROUP_WEIGHTS[str(group) if group else None] * size)
            region_languages = LANGUAGE_BY_REGION.get(
                status.intermediate_region
            ) or LANGUAGE_BY_REGION.get(status.subregion, LANGUAGE_DEFAULT)
            languages.append(region_languages)
        country_of = Weighted(weights)
        # Join times: more people join as time goes by (density growing with time), in order.
        span = (self.anchor - self.start).total_seconds()
        last = span - 90  # the last learner joins 90 s before the anchor: see anchor_of()
        offsets = sorted(min(rng.random() ** 0.6 * span, last) for _ in range(count))
        offsets[-1] = last
        password = "!generated"  # unusable: nobody signs in as a generated learner

        def rows():
            for n, offset in enumerate(offsets, start=1):
                if rng.random() < NO_COUNTRY:
                    country, language = "", rng.pick(LANGUAGE_DEFAULT)
                else:
                    i = min(country_of(rng), len(countries) - 1)
                    country, language = countries[i], rng.pick(languages[i])
                given, family, pattern = NAMES[language]
                name = pattern.format(given=rng.choice(given), family=rng.choice(family))
                yield (
                    f"{self.prefix}{n}{DOMAIN}",
                    password,
                    name,
                    country,
                    language,
                    "",  # time zone
                    rng.pick(GENDERS) if rng.random() < ANSWERED else "",
                    rng.pick(AGE_BANDS) if rng.random() < ANSWERED else "",
                    rng.pick(DISABILITY) if rng.random() < ANSWERED else "",
                    self.start + dt.timedelta(seconds=offset),
                    None,
                    False,
                    False,
                    True,
                )

        fields = [
            "email",
            "password",
            "display_name",
            "country",
            "preferred_language",
            "timezone",
            "gender",
            "age_band",
            "disability",
            "date_joined",
            "last_login",
            "is_superuser",
            "is_staff",
            "is_active",
        ]
        added = insert_rows(User, fields, rows())
        return f"{added:,} added"

    def learner_list(self) -> list[Learner]:
        """The seed's learners in the order they joined."""
        return [
            Learner(*row)
            for row in self.generated_learners()
            .order_by("date_joined", "id")
            .values_list("id", "date_joined", "preferred_language", "display_name", "email")
        ]

    # --- Courses ---------------------------------------------------------------------------------

    def courses(self, count: int, lessons: int) -> str:
        found = self.generated_courses().count()
        if found == count:
            versions = CourseVersion.objects.filter(course__in=self.generated_courses()).count()
            found_lessons = Lesson.objects.filter(
                module__version__course__in=self.generated_courses()
            ).count()
            if found_lessons != versions * lessons:
                self.refuse("lessons", found_lessons, versions * lessons)
            return f"already there ({count:,})"
        if found:
            self.refuse("courses", found, count)
        if not count:
            return "none asked"
        rng = Draw(self.seed, "courses")
        topics = {slug: self.topics[slug] for slug in TOPIC_WEIGHTS}
        # A few contributors give much more than most: weights fall off with a shuffled rank.
        organisations = list(self.organisations)
        rng.shuffle(organisations)
        organisation_of = Weighted([1 / (rank + 1) ** 0.9 for rank in range(len(organisations))])

        courses, version_languages = [], []
        for n in range(1, count + 1):
            created = self.start - dt.timedelta(days=rng.randint(1, 400))
            language = rng.pick(COURSE_LANGUAGES)
            others = [code for code in COURSE_LANGUAGES if code != language]
            courses.append(
                Course(
                    slug=f"{self.prefix}{n}",
                    topic=topics[rng.pick(TOPIC_WEIGHTS)],
                    level=rng.pick(LEVELS),
                    format=Format.SELF_PACED,
                    organisation=organisations[organisation_of(rng)] if organisations else None,
                    licence="CC-BY-4.0",
                    primary_language=language,
                    status=Status.PUBLISHED,
                    review_state=ReviewState.APPROVED,
                    created_at=created,
                    updated_at=created,
                )
            )
            version_languages.append([language, *rng.sample(others, rng.pick(EXTRA_VERSIONS))])
        create_objects(Course, courses)

        versions = []
        for course, languages in zip(courses, version_languages, strict=True):
            level = list(Level.values).index(course.level)
            for language in languages:
                topic = course.topic.names.get(language) or course.topic.name
                title = f"{topic}: {LEVEL_WORDS[language][level]} ({course.slug.rsplit('-', 1)[1]})"
                versions.append(
                    CourseVersion(
                        course=course,
                        language=language,
                        title=title,
                        summary=SUMMARY,
                        outcomes="Explain the main ideas\nApply them to a case",
                        status=Status.PUBLISHED,
                        created_at=course.created_at,
                        updated_at=course.created_at,
                    )
                )
        create_objects(CourseVersion, versions)

        module_count = math.ceil(lessons / LESSONS_PER_MODULE)
        modules = [
            Module(
                version=version,
                order=m,
                title=f"{PART_WORDS[version.language][0]} {m}",
            )
            for version in versions
            for m in range(1, module_count + 1)
        ]
        create_objects(Module, modules)
        lesson_objects, quizzes = [], []
        for i, module in enumerate(modules):
            m = i % module_count
            words = PART_WORDS[module.version.language]
            first = m * LESSONS_PER_MODULE + 1
            for number in range(first, min(first + LESSONS_PER_MODULE, lessons + 1)):
                lesson_objects.append(
                    Lesson(
                        module=module,
                        order=number,
                        title=f"{words[1]} {number}",
                        body=BODY,
                        minutes=rng.choice([5, 10, 10, 15, 20, 30]),
                    )
                )
            quizzes.append(Quiz(module=module, order=1, title=f"{words[2]} {m + 1}"))
        create_objects(Lesson, lesson_objects)
        create_objects(Quiz, quizzes)
        questions = [
            Question(
                quiz=quiz,
                order=q,
                kind=Question.Kind.SINGLE,
                text=f"{PART_WORDS[quiz.module.version.language][3]} {q}",
            )
            for quiz in quizzes
            for q in (1, 2)
        ]
        create_objects(Question, questions)
        options = []
        for question in questions:
            right = rng.randrange(3)
            options += [(question.pk, o + 1, "ABC"[o], o == right, "") for o in range(3)]
        insert_rows(Option, ["question_id", "order", "text", "is_correct", "feedback"], options)
        return (
            f"{len(courses):,} courses, {len(versions):,} versions, {len(lesson_objects):,} "
            f"lessons, {len(quizzes):,} quizzes added"
        )

    def version_plans(self) -> dict[int, list[VersionPlan]]:
        """The seed's course versions by course id, with their lessons and quizzes in order."""
        courses = self.generated_courses()
        plans: dict[int, VersionPlan] = {}
        for pk, course_id, language, title, primary in (
            CourseVersion.objects.filter(course__in=courses)
            .order_by("course_id", "id")
            .values_list("pk", "course_id", "language", "title", "course__primary_language")
        ):
            plans[pk] = VersionPlan(pk, course_id, language, title, [], language == primary)
        modules: dict[int, ModulePlan] = {}
        for pk, version_id in (
            Module.objects.filter(version__course__in=courses)
            .order_by("version_id", "order", "id")
            .values_list("pk", "version_id")
        ):
            modules[pk] = ModulePlan(lessons=[])
            plans[version_id].modules.append(modules[pk])
        for pk, module_id in (
            Lesson.objects.filter(module__version__course__in=courses)
            .order_by("module_id", "order", "id")
            .values_list("pk", "module_id")
        ):
            modules[module_id].lessons.append(pk)
        for pk, module_id in Quiz.objects.filter(module__version__course__in=courses).values_list(
            "pk", "module_id"
        ):
            modules[module_id].quiz = pk
        quiz_modules = {module.quiz: module for module in modules.values() if module.quiz}
        for question_id, quiz_id, option_id, correct in (
            Option.objects.filter(question__quiz__module__version__course__in=courses)
            .order_by("id")
            .values_list("question_id", "question__quiz_id", "pk", "is_correct")
        ):
            module = quiz_modules[quiz_id]
            if correct:
                module.right[str(question_id)] = [option_id]
            else:
                module.wrong.setdefault(str(question_id), [option_id])
        by_course: dict[int, list[VersionPlan]] = defaultdict(list)
        for plan in plans.values():
            by_course[plan.course_id].append(plan)
        for versions in by_course.values():
            versions.sort(key=lambda plan: not plan.primary)  # the original language first
        return by_course

    # --- Progress --------------------------------------------------------------------------------

    def progress(self, total: int) -> str:
        enrolments = Enrolment.objects.filter(user__in=self.generated_learners())
        completions = LessonCompletion.objects.filter(enrolment__in=enrolments)
        if enrolments.exists():
            found = completions.count()
            if found != total:
                self.refuse("lesson completions", found, total)
            return f"already there ({total:,})"
        if not total:
            return "none asked"
        rng = Draw(self.seed, "progress")
        learners = self.learner_list()
        by_course = self.version_plans()
        course_ids = sorted(by_course)
        if not learners or not course_ids:
            raise CommandError("Progress needs the seed's learners and courses first.")
        activity = [0.0 if rng.random() < NEVER_ENROL else rng.paretovariate(1.5) for _ in learners]
        if not any(activity):
            activity[-1] = 1.0
        learner_of = Weighted(activity)
        course_of = Weighted([rng.paretovariate(1.2) for _ in course_ids])
        last_moment = self.anchor - dt.timedelta(seconds=1)

        # Every pair of a learner and a course can hold this many completions; the draws below
        # keep what is left to make within what the pairs not taken yet can hold.
        per_pair = min(len(plan.lessons) for plans in by_course.values() for plan in plans)
        pair_count = len(learners) * len(course_ids)
        capacity = pair_count * per_pair
        if capacity < total:
            raise CommandError(
                f"{len(learners):,} learners in {len(course_ids):,} courses can complete at most "
                f"{capacity:,} lessons, not {total:,}."
            )

        seen: set[tuple[int, int]] = set()

        misses = [0]  # draws in a row that gave no enrolment

        def pairs():
            """(learner, course, finish it) drawn at random; should the draws stall on pairs
            already taken (a small data set), every remaining pair in turn, finished."""
            while misses[0] < 1000:
                learner = learners[min(learner_of(rng), len(learners) - 1)]
                course_id = course_ids[min(course_of(rng), len(course_ids) - 1)]
                if (learner.id, course_id) in seen:
                    misses[0] += 1
                    continue
                yield learner, course_id, False
            for learner in learners:
                for course_id in course_ids:
                    if (learner.id, course_id) not in seen:
                        yield learner, course_id, True

        pending: list[tuple[Enrolment, list, list]] = []
        made = {"enrolments": 0, "completed": 0, "completions": 0, "attempts": 0}
        for learner, course_id, finish in pairs():
            if made["completions"] >= total:
                break
            # Most enrol soon after joining (45 days on average): an enrolment that would come
            # after the end of the history has not happened yet, and the pair stays free.
            if finish:
                enrolled = rng.between(learner.joined, last_moment)
            else:
                enrolled = learner.joined + dt.timedelta(days=rng.expovariate(1 / 45))
                if enrolled >= last_moment:
                    misses[0] += 1
                    continue
            misses[0] = 0
            seen.add((learner.id, course_id))
            plans = by_course[course_id]
            plan = next((p for p in plans if p.language == learner.language), plans[0])
            lessons = plan.lessons
            if finish or rng.random() < COMPLETE:
                drawn = len(lessons)
            else:
                drawn = min(len(lessons) - 1, int(len(lessons) * rng.random() ** 1.8))
            left = total - made["completions"]
            short = left - (pair_count - len(seen)) * per_pair  # more than the free pairs hold
            k = min(max(drawn, short), left)
            # Where every completion counts (a small data set), all of them happen before the end.
            forced = finish or short > 0

            # Events in the order a learner meets them: a module's lessons, then its quiz.
            events: list[tuple] = []
            done = 0
            for module in plan.modules:
                take = module.lessons[: max(0, k - done)]
                done += len(take)
                events += [("lesson", lesson) for lesson in take]
                if not module.quiz or len(take) < len(module.lessons):
                    continue
                if k == len(lessons):
                    if rng.random() < FAIL_FIRST:
                        events.append(("fail", module))
                    events.append(("pass", module))
                elif rng.random() < 0.85:
                    events.append(("pass" if rng.random() < 0.8 else "fail", module))
            # Spread over a few weeks; what would come after the end of the history is not there.
            busy = dt.timedelta(days=rng.expovariate(1 / 20))
            if forced:
                times = sorted(rng.between(enrolled, last_moment) for _ in events)
            else:
                times = sorted(rng.between(enrolled, enrolled + busy) for _ in events)
                kept = bisect.bisect_left(times, last_moment)
                events, times = events[:kept], times[:kept]

            completion_rows, attempt_rows = [], []
            passed = 0
            last_lesson = None
            for (kind, item), at in zip(events, times, strict=True):
                if kind == "lesson":
                    completion_rows.append((item, at))
                    last_lesson = item
                    continue
                ok = kind == "pass"
                passed += ok
                answers = item.right if ok else {**item.right, **item.wrong}
                score = 100 if ok else 50
                started = at - dt.timedelta(minutes=rng.randint(2, 15))
                attempt_rows.append((item.quiz, started, at, score, ok, answers))
            requirements = len(lessons) + plan.quizzes
            complete = len(completion_rows) + passed == requirements
            enrolment = Enrolment(
                user_id=learner.id,
                version_id=plan.id,
                state=Enrolment.State.WITHDRAWN
                if not complete and rng.random() < WITHDRAW
                else Enrolment.State.ACTIVE,
                enrolled_at=enrolled,
                completed_at=times[-1] if complete else None,
                progress_percent=(len(completion_rows) + passed) * 100 // requirements,
                last_lesson_id=last_lesson,
                last_activity_at=times[-1] if times else enrolled,
            )
            pending.append((enrolment, completion_rows, attempt_rows))
            made["enrolments"] += 1
            made["completed"] += complete
            made["completions"] += len(completion_rows)
            made["attempts"] += len(attempt_rows)
            if len(pending) >= BATCH:
                self._write_progress(pending)
                pending = []
                self.log(f"{made['completions']:,} / {total:,} lesson completions")
        self._write_progress(pending)
        if made["completions"] != total:  # cannot happen: see capacity
            raise CommandError(f"Made {made['completions']:,} lesson completions, not {total:,}.")
        return (
            f"{made['enrolments']:,} enrolments ({made['completed']:,} completed), "
            f"{made['completions']:,} lesson completions, {made['attempts']:,} quiz attempts added"
        )

    @staticmethod
    def _write_progress(pending) -> None:
        if not pending:
            return
        create_objects(Enrolment, [enrolment for enrolment, _, _ in pending])
        insert_rows(
            LessonCompletion,
            ["enrolment_id", "lesson_id", "completed_at"],
            (
                (enrolment.pk, lesson, at)
                for enrolment, completions, _ in pending
                for lesson, at in completions
            ),
        )
        insert_rows(
            QuizAttempt,
            ["enrolment_id", "quiz_id", "started_at", "submitted_at", "score", "passed", "answers"],
            ((enrolment.pk, *row) for enrolment, _, attempts in pending for row in attempts),
        )

    # --- Certificates ----------------------------------------------------------------------------

    def certificates(self) -> str:
        learners = self.generated_learners()
        issued = Certificate.objects.filter(user__in=learners)
        if issued.exists():
            return f"already there ({issued.count():,})"
        completed = (
            Enrolment.objects.filter(user__in=learners)
            .exclude(completed_at=None)
            .order_by("id")
            .values_list(
                "user_id",
                "user__display_name",
                "version__course_id",
                "version__title",
                "version__language",
                "version__course__organisation_id",
                "version__course__organisation__name",
                "completed_at",
            )
        )
        if not completed.exists():
            return "no completed enrolments"
        rng = Draw(self.seed, "certificates")
        fields = [
            "id",
            "kind",
            "user_id",
            "course_id",
            "programme_id",
            "learner_name",
            "title",
            "issuer_id",
            "issuer_name",
            "signatories",
            "language",
            "issued_at",
            "revoked_at",
            "revoke_reason",
            "pdf",
            "pdf_sha256",
        ]
        rows, courses_done = [], defaultdict(list)
        for user, name, course, title, language, org, org_name, at in completed:
            revoked = rng.random() < 0.005
            rows.append(
                (
                    rng.uuid(),
                    Certificate.Kind.COMPLETION,
                    user,
                    course,
                    None,
                    name,
                    title,
                    org,
                    org_name or settings.CERTIFICATE_ISSUER_NAME,
                    [],
                    language,
                    at,
                    at + dt.timedelta(days=30) if revoked else None,
                    "Generated: issued in error" if revoked else "",
                    "",
                    "",
                )
            )
            courses_done[user].append((at, name, language))
        # Advanced certificates: a fifth of those who completed two courses or more.
        programme = self._programme()
        last_moment = self.anchor - dt.timedelta(seconds=1)
        for user, done in courses_done.items():
            if len(done) < 2 or rng.random() >= 0.2:
                continue
            at, name, language = max(done)
            rows.append(
                (
                    rng.uuid(),
                    Certificate.Kind.ADVANCED,
                    user,
                    None,
                    programme.pk,
                    name,
                    programme.title,
                    programme.organisation_id,
                    programme.organisation.name,
                    [],
                    language,
                    min(at + dt.timedelta(days=rng.randint(7, 30)), last_moment),
                    None,
                    "",
                    "",
                    "",
                )
            )
        added = insert_rows(Certificate, fields, rows)
        advanced = sum(1 for row in rows if row[1] == Certificate.Kind.ADVANCED)
        return f"{added - advanced:,} of completion, {advanced:,} advanced added"

    def _programme(self) -> Programme:
        programme, _ = Programme.objects.get_or_create(
            slug=f"{self.prefix}programme",
            defaults={
                "title": "Advanced Certificate in AI (generated)",
                "description": "A generated programme for measuring the platform.",
                "criteria": "Completed two courses and a graded project.",
                "topic": self.topics["generative-ai"],
                "organisation": self.organisations[0],
                "assessment": Programme.Assessment.PROJECT,
                "project_brief": "A project.",
                "base_price": 100,
            },
        )
        return programme

    # --- Sessions --------------------------------------------------------------------------------

    def sessions(self, count: int) -> str:
        found = self.generated_sessions().count()
        if found == count:
            return f"already there ({count:,})"
        if found:
            self.refuse("sessions", found, count)
        if not count:
            return "none asked"
        rng = Draw(self.seed, "sessions")
        learners = self.learner_list()
        joined = [learner.joined for learner in learners]
        topics = list(self.topics.values())
        last_moment = self.anchor - dt.timedelta(seconds=60)

        tracks = create_objects(
            Track,
            [
                Track(
                    slug=f"{self.prefix}track-{n}",
                    name=f"Government track {n} (generated): {topics[n % len(topics)].name}",
                    topic=topics[n % len(topics)],
                )
                for n in range(1, TRACKS_PER_SEED + 1)
            ],
        )
        cohorts = []
        for track in tracks:
            for c in range(1, COHORTS_PER_TRACK + 1):
                begins = rng.between(self.start, self.anchor + FUTURE).date()
                cohorts.append(
                    Cohort(
                        track=track,
                        name=f"Cohort {c}",
                        language=rng.pick(COURSE_LANGUAGES),
                        starts_on=begins,
                        ends_on=begins + dt.timedelta(days=90),
                        seats=40,
                    )
                )
        create_objects(Cohort, cohorts)

        sessions = []
        for n in range(1, count + 1):
            kind = rng.pick(SESSION_KINDS)
            starts = rng.between(self.start, self.anchor + FUTURE).replace(
                minute=0, second=0, microsecond=0
            )
            minutes = rng.choice([60, 90, 120]) if kind == Session.Kind.WEBINAR else 360
            city, country = rng.choice(CITIES)
            onsite = kind != Session.Kind.WEBINAR
            online = kind != Session.Kind.WORKSHOP
            past = starts < self.anchor
            cancelled = rng.random() < 0.03
            state = (
                Session.State.CANCELLED
                if cancelled
                else Session.State.COMPLETED
                if past
                else Session.State.SCHEDULED
            )
            slug = f"{self.prefix}{n}"
            sessions.append(
                Session(
                    slug=slug,
                    kind=kind,
                    title=f"Generated {kind} {n}",
                    description="A generated session for measuring the platform.",
                    language=rng.pick(COURSE_LANGUAGES),
                    topic=rng.choice(topics),
                    organisation=rng.choice(self.organisations)
                    if self.organisations and rng.random() < 0.8
                    else None,
                    starts_at=starts,
                    ends_at=starts + dt.timedelta(minutes=minutes),
                    timezone=rng.choice(ZONES),
                    venue_name=f"Venue {n}" if onsite else "",
                    city=city if onsite else "",
                    country=country if onsite else "",
                    join_url=f"https://meet.example.org/{slug}" if online else "",
                    seats_onsite=rng.randint(20, 60) if onsite else 0,
                    seats_online=rng.randint(100, 500) if online else 0,
                    registration_opens_at=starts - dt.timedelta(days=30),
                    registration_closes_at=starts,
                    state=state,
                    created_at=starts - dt.timedelta(days=45),
                )
            )
        create_objects(Session, sessions)
        links = []
        government = set()
        for session in sessions:
            if cohorts and rng.random() < GOVERNMENT_SESSIONS:
                links.append((rng.choice(cohorts).pk, session.pk))
                government.add(session.pk)
        insert_rows(Cohort.sessions.through, ["cohort_id", "session_id"], links)

        bookings, attended = [], 0
        for session in sessions:
            eligible = bisect.bisect_left(joined, session.starts_at - dt.timedelta(days=1))
            opens = session.registration_opens_at
            closes = min(session.starts_at - dt.timedelta(hours=1), last_moment)
            if eligible == 0 or closes <= opens:
                continue
            workshop = session.kind == Session.Kind.WORKSHOP
            size = rng.randint(8, 40) if workshop else rng.randint(10, 60)
            for index in rng.sample(range(eligible), min(size, eligible)):
                learner = learners[index]
                created = max(rng.between(opens, closes), learner.joined + dt.timedelta(minutes=1))
                roll = rng.random()
                state = (
                    Booking.State.CONFIRMED
                    if roll < 0.86
                    else Booking.State.WAITLISTED
                    if roll < 0.93
                    else Booking.State.CANCELLED
                )
                confirmed = state == Booking.State.CONFIRMED
                present = (
                    confirmed
                    and session.state == Session.State.COMPLETED
                    and rng.random() < (0.85 if session.pk in government else ATTENDED)
                )
                attended += present
                mode = (
                    Booking.Mode.ONLINE
                    if session.kind == Session.Kind.WEBINAR
                    else Booking.Mode.ONSITE
                    if session.kind == Session.Kind.WORKSHOP
                    else rng.choice(Booking.Mode.values)
                )
                bookings.append(
                    Booking(
                        session=session,
                        user_id=learner.id,
                        mode=mode,
                        state=state,
                        created_at=created,
                        confirmed_at=created if confirmed else None,
                        cancelled_at=min(created + dt.timedelta(days=2), last_moment)
                        if state == Booking.State.CANCELLED
                        else None,
                        attended=present,
                    )
                )
        create_objects(Booking, bookings)

        # Delegations: in a third of the government sessions, an official booked seats for
        # two to four of the confirmed attendees.
        email_of = {learner.id: (learner.name, learner.email) for learner in learners}
        confirmed_by_session = defaultdict(list)
        for booking in bookings:
            if booking.state == Booking.State.CONFIRMED and booking.session_id in government:
                confirmed_by_session[booking.session_id].append(booking)
        delegations, delegates = [], []
        for session_id in sorted(confirmed_by_session):
            confirmed = confirmed_by_session[session_id]
            if len(confirmed) < 3 or rng.random() >= 1 / 3:
                continue
            chosen = rng.sample(confirmed, rng.randint(2, min(4, len(confirmed) - 1)))
            booker = next(b for b in confirmed if b not in chosen)
            delegation = Delegation(
                session_id=session_id,
                booked_by_id=booker.user_id,
                mode=booker.mode,
                created_at=min(b.created_at for b in chosen),
            )
            delegations.append(delegation)
            for booking in chosen:
                name, email = email_of[booking.user_id]
                delegates.append((delegation, name, email, rng.token(), booking.pk))
        create_objects(Delegation, delegations)
        insert_rows(
            Delegate,
            ["delegation_id", "name", "email", "token", "booking_id", "state"],
            (
                (delegation.pk, name, email, token, booking, Delegate.State.CONFIRMED)
                for delegation, name, email, token, booking in delegates
            ),
        )
        return (
            f"{len(sessions):,} sessions ({len(government):,} in government cohorts), "
            f"{len(bookings):,} bookings ({attended:,} attended), {len(delegates):,} delegates "
            f"added"
        )

    # --- Reset -----------------------------------------------------------------------------------

    def reset(self) -> str:
        learners = self.generated_learners()
        courses = self.generated_courses()
        programme = Programme.objects.filter(slug=f"{self.prefix}programme")
        deleted = {
            "certificates": delete_rows(
                Certificate.objects.filter(
                    models.Q(user__in=learners)
                    | models.Q(course__in=courses)
                    | models.Q(programme__in=programme)
                )
            ),
            "programmes": delete_rows(programme),
            "sessions": delete_rows(self.generated_sessions()),
            "tracks": delete_rows(Track.objects.filter(slug__startswith=self.prefix)),
            # Anyone's enrolments in the seed's courses go with them (a load test's, say).
            "enrolments": delete_rows(
                Enrolment.objects.filter(
                    models.Q(user__in=learners) | models.Q(version__course__in=courses)
                )
            ),
            "learners": delete_rows(learners),
            "courses": delete_rows(courses),
        }
        return ", ".join(f"{n:,} {label}" for label, n in deleted.items()) + " deleted"
