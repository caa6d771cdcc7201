"""Demo activity for the impact report, so that /impact/ and the contributors' dashboards show
something on a fresh ``make run``.

Four hundred generated learners (``learner000@demo-learners.example`` ...; they cannot sign in)
join over the last twelve months from many countries, most of them developing countries and
LDCs; half of them answer the optional demographic questions. They enrol in the published demo
courses (in their language where the course has it), complete lessons, and some complete their
courses and receive a certificate of completion (a row, no PDF). Where past demo sessions exist
(the coalition's workshops in Geneva), some of them booked a seat and most of those came; they
joined the platform before the session. Then the snapshot recomputes every period.

Everything is drawn from a seeded random generator, so the same database gets the same learners.
The loader only adds learners who are not there yet, with their activity: a second run adds
nothing, and recomputing the figures replaces them with the same values.
"""

import random
from collections import defaultdict
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from certification.models import Certificate, CertificateLog
from courses.models import CourseVersion, Enrolment, Lesson, LessonCompletion
from courses.selectors import published_versions
from impact import snapshot
from workshops.models import Booking, Session

DOMAIN = "demo-learners.example"
LEARNERS = 400
SEED = 8
CERTIFICATES = 40  # "a few": the first completions of the plan get one
FRESH = 12  # the last few learners join today, so this year's figures are never empty

# Country, weight, the language its learners prefer. Weighted to LDCs and developing countries.
COUNTRIES = [
    ("ET", 14, "en"),
    ("BD", 12, "en"),
    ("NP", 8, "en"),
    ("UG", 9, "en"),
    ("TZ", 8, "en"),
    ("RW", 7, "fr"),
    ("MZ", 5, "en"),
    ("MW", 5, "en"),
    ("SN", 9, "fr"),
    ("ML", 5, "fr"),
    ("BF", 5, "fr"),
    ("NE", 4, "fr"),
    ("MG", 4, "fr"),
    ("HT", 4, "fr"),
    ("CD", 6, "fr"),
    ("KH", 5, "en"),
    ("SD", 4, "ar"),
    ("YE", 3, "ar"),
    ("KE", 14, "en"),
    ("NG", 14, "en"),
    ("GH", 9, "en"),
    ("IN", 14, "en"),
    ("PK", 8, "en"),
    ("PH", 7, "en"),
    ("VN", 5, "en"),
    ("EG", 8, "ar"),
    ("MA", 6, "fr"),
    ("TN", 4, "ar"),
    ("JO", 3, "ar"),
    ("BO", 4, "es"),
    ("HN", 3, "es"),
    ("PE", 5, "es"),
    ("CO", 6, "es"),
    ("MX", 5, "es"),
    ("BR", 6, "en"),
    ("KG", 3, "ru"),
    ("UZ", 3, "ru"),
    ("CN", 4, "zh-hans"),
    ("ZA", 4, "en"),
    ("CH", 2, "fr"),
    ("FR", 2, "fr"),
    ("US", 2, "en"),
    ("GB", 1, "en"),
    ("", 6, "en"),  # gave no country
]
GIVEN = [
    "Amina", "Kwame", "Fatou", "Tendai", "Abebe", "Nadia", "Rahul", "Priya", "Sokha", "Linh",
    "Aisha", "Omar", "Mariam", "Youssef", "Lucía", "Mateo", "Camila", "Diego", "Ana", "João",
    "Wei", "Mei", "Aigerim", "Timur", "Grace", "Samuel", "Esther", "Joseph", "Chloé", "Léa",
    "Sipho", "Thandi", "Rina", "Arjun", "Farah", "Bilal", "Noura", "Karim", "Ivy", "Kofi",
]  # fmt: skip
FAMILY = [
    "Mensah", "Diallo", "Okafor", "Mwangi", "Tesfaye", "Rahman", "Sharma", "Khan", "Nguyen",
    "Sok", "Haddad", "El Amrani", "García", "Quispe", "Silva", "Rodríguez", "Li", "Wang",
    "Nurlanovna", "Karimov", "Banda", "Uwimana", "Ndiaye", "Traoré", "Moreau", "Dlamini",
    "Santos", "Mahmoud", "Otieno", "Achieng", "Rakotonirina", "Joseph", "Pierre", "Tembo",
]  # fmt: skip
GENDERS = [("woman", 48), ("man", 44), ("non-binary", 2), ("undisclosed", 6)]
AGE_BANDS = [
    ("under-18", 6),
    ("18-24", 34),
    ("25-34", 30),
    ("35-49", 18),
    ("50-64", 7),
    ("65+", 1),
    ("undisclosed", 4),
]
DISABILITY = [("no", 84), ("yes", 9), ("undisclosed", 7)]


def _pick(rng: random.Random, weighted):
    values, weights = zip(*weighted, strict=True)
    return rng.choices(values, weights=weights)[0]


def _between(rng: random.Random, start: datetime, end: datetime, share: float = 1.0) -> datetime:
    """A moment in [start, start + share * (end - start)]."""
    return start + (end - start) * rng.random() * share


def _learners(rng: random.Random, now: datetime) -> list[dict]:
    """Who the demo learners are and when they joined: recent months more than early ones."""
    year_ago = now - timedelta(days=365)
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    people = []
    for number in range(LEARNERS):
        country, _weight, language = _pick(rng, [((c, w, lang), w) for c, w, lang in COUNTRIES])
        person = {
            "email": f"learner{number:03d}@{DOMAIN}",
            "display_name": f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}",
            "country": country,
            "preferred_language": language,
            "gender": "",
            "age_band": "",
            "disability": "",
        }
        if rng.random() < 0.5:
            person["gender"] = _pick(rng, GENDERS)
            person["age_band"] = _pick(rng, AGE_BANDS)
            person["disability"] = _pick(rng, DISABILITY)
        if number >= LEARNERS - FRESH:
            person["joined"] = _between(rng, today, now)
        else:
            person["joined"] = year_ago + (now - year_ago) * rng.random() ** 0.7
        people.append(person)
    return people


def _sessions_attended(rng: random.Random, people: list[dict], now: datetime) -> list[tuple]:
    """(person, session, attended) for some learners at each past session; each of them joined
    before the session (which moves their joining date, and so their activity, earlier)."""
    past = list(
        Session.objects.filter(starts_at__lt=now - timedelta(hours=3))
        .exclude(state=Session.State.CANCELLED)
        .order_by("starts_at", "pk")
    )
    bookings = []
    for session in past:
        seats = session.seats_onsite + session.seats_online
        chosen = rng.sample(range(LEARNERS - FRESH), min(seats, rng.randint(15, 35)))
        for index in chosen:
            person = people[index]
            earliest = session.starts_at - timedelta(days=rng.randint(7, 90))
            person["joined"] = min(person["joined"], earliest)
            bookings.append((person, session, rng.random() < 0.85))
    return bookings


def _versions() -> tuple[dict, dict]:
    """Published versions: {course id: {language: version}} and each version's lesson ids."""
    by_course: dict[int, dict[str, CourseVersion]] = defaultdict(dict)
    versions = published_versions().select_related("course__organisation").order_by("pk")
    for version in versions:
        by_course[version.course_id][version.language] = version
    lessons: dict[int, list[int]] = defaultdict(list)
    for version_id, lesson_id in (
        Lesson.objects.filter(module__version__in=versions)
        .order_by("module__version", "module__order", "order", "pk")
        .values_list("module__version_id", "pk")
    ):
        lessons[version_id].append(lesson_id)
    return dict(by_course), dict(lessons)


def _version_for(languages: dict[str, CourseVersion], language: str) -> CourseVersion:
    """The version in the learner's language, else in the course's own, else the first."""
    first = next(iter(languages.values()))
    return languages.get(language) or languages.get(first.course.primary_language) or first


@transaction.atomic
def load() -> int:
    """Add the demo learners not there yet, with their activity, then recompute every period of
    the report; returns the number of demo learners."""
    User = get_user_model()
    now = timezone.now()
    rng = random.Random(SEED)
    people = _learners(rng, now)
    bookings = _sessions_attended(rng, people, now)
    existing = set(
        User.objects.filter(email__endswith=f"@{DOMAIN}").values_list("email", flat=True)
    )
    new = [person for person in people if person["email"] not in existing]
    if new:
        _create(rng, new, [b for b in bookings if b[0]["email"] not in existing], now)
    snapshot.snapshot_run(rebuild=True)
    return User.objects.filter(email__endswith=f"@{DOMAIN}").count()


def _restamp(model, fields: list[str], rows: list[tuple]) -> None:
    """Set columns Django stamps with the time of insert (auto_now_add) to the planned moments,
    as rows of (pk, *values), in one executemany (bulk_update's CASE takes seconds here)."""
    quote, adapt = connection.ops.quote_name, connection.ops.adapt_datetimefield_value
    columns = ", ".join(f"{quote(model._meta.get_field(f).column)} = %s" for f in fields)
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    sql = f"UPDATE {table} SET {columns} WHERE {pk} = %s"  # noqa: S608 - names are the model's
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(*(adapt(v) for v in values), pk) for pk, *values in rows])


def _create(rng: random.Random, people: list[dict], bookings: list[tuple], now: datetime) -> None:
    User = get_user_model()
    unusable = make_password(None)
    users = User.objects.bulk_create(
        User(
            email=p["email"],
            display_name=p["display_name"],
            password=unusable,
            country=p["country"],
            preferred_language=p["preferred_language"],
            gender=p["gender"],
            age_band=p["age_band"],
            disability=p["disability"],
            date_joined=p["joined"],
        )
        for p in people
    )
    for person, user in zip(people, users, strict=True):
        person["user"] = user

    by_course, lessons = _versions()
    courses = sorted(by_course)
    enrolments, plans = [], []
    for person in people:
        if not courses:
            break
        count = min(len(courses), 1 + (rng.random() < 0.5) + (rng.random() < 0.2))
        for course_id in rng.sample(courses, count):
            version = _version_for(by_course[course_id], person["preferred_language"])
            enrolled = _between(rng, person["joined"], now, share=0.3)
            completed = _between(rng, enrolled, now) if rng.random() < 0.4 else None
            ids = lessons.get(version.pk, [])
            done = len(ids) if completed else int(len(ids) * rng.random() * 0.9)
            enrolments.append(
                Enrolment(
                    user=person["user"],
                    version=version,
                    completed_at=completed,
                    progress_percent=100 if completed else round(100 * done / max(len(ids), 1)),
                    last_lesson_id=ids[done - 1] if done else None,
                )
            )
            plans.append((enrolled, completed, ids[:done], version))
    Enrolment.objects.bulk_create(enrolments, batch_size=500)
    _restamp(
        Enrolment,
        ["enrolled_at", "last_activity_at"],
        [
            (enrolment.pk, enrolled, completed or enrolled)
            for enrolment, (enrolled, completed, _ids, _v) in zip(enrolments, plans, strict=True)
        ],
    )

    completions, moments = [], []
    for enrolment, (enrolled, completed, ids, _version) in zip(enrolments, plans, strict=True):
        end = completed or now
        for position, lesson_id in enumerate(ids, start=1):
            completions.append(LessonCompletion(enrolment=enrolment, lesson_id=lesson_id))
            moments.append(enrolled + (end - enrolled) * position / (len(ids) + 1))
    LessonCompletion.objects.bulk_create(completions, batch_size=1000)
    _restamp(
        LessonCompletion,
        ["completed_at"],
        [(done.pk, moment) for done, moment in zip(completions, moments, strict=True)],
    )

    _certificates(enrolments, plans)
    Booking.objects.bulk_create(
        Booking(
            session=session,
            user=person["user"],
            mode=Booking.Mode.ONSITE if session.has_onsite else Booking.Mode.ONLINE,
            state=Booking.State.CONFIRMED,
            confirmed_at=person["joined"],
            attended=attended,
        )
        for person, session, attended in bookings
    )


def _certificates(enrolments: list[Enrolment], plans: list[tuple]) -> None:
    """Certificates of completion for the first completions of the plan, as certification
    issues them (without rendering their PDF)."""
    certificates = []
    for enrolment, (_enrolled, completed, _ids, version) in zip(enrolments, plans, strict=True):
        if completed is None or len(certificates) == CERTIFICATES:
            continue
        course = version.course
        organisation = course.organisation
        certificates.append(
            Certificate(
                kind=Certificate.Kind.COMPLETION,
                user=enrolment.user,
                course=course,
                learner_name=enrolment.user.display_name,
                title=version.title,
                issuer=organisation,
                issuer_name=organisation.name if organisation else settings.CERTIFICATE_ISSUER_NAME,
                language=version.language,
                issued_at=completed,
            )
        )
    Certificate.objects.bulk_create(certificates)
    CertificateLog.objects.bulk_create(
        CertificateLog(
            certificate=c, action=CertificateLog.Action.ISSUED, note="demo", at=c.issued_at
        )
        for c in certificates
    )
