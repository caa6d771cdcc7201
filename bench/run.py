"""`make bench`: the platform in its production shape on this machine, under load, measured.

    .venv/bin/python bench/run.py            the full run (make bench)
    .venv/bin/python bench/run.py --quick    a smoke run: small data set, 10 s of load
    .venv/bin/python bench/run.py --report   verdicts and docs/performance.md again from
                                             the measurements in latest.json

Services, whatever DATABASE_URL and REDIS_URL say in your shell: PostgreSQL database
alliance_bench_full (alliance_bench_quick for --quick), created and migrated if missing, and
Redis database 11, emptied at the start and the end. PostgreSQL and Redis must be running.

1. Data, generated once and reused (each generator does nothing when its data are there):
   ``generate_platform`` (100,000 learners, 1,000 courses of 20 lessons with quizzes, 1,000,000
   lesson completions, 2,000 sessions with bookings, certificates), ``generate_library``
   (100,000 materials) and ``load_country_groups``. Then the benchmark's own rows, reset every
   run: a known password and a verified address for the learners it signs in as, twenty
   sessions with room to book ("bench-load-N") and one of 50 seats ("bench-contention").
   Each simulated person connects from a loopback address of its own (see
   bench/booking_contention.py), so per-address rate limits count people as in production.
2. Production shape: ``alliance.settings`` with DEBUG off, its static files collected into a
   temporary folder (a settings module in that folder star-imports alliance.settings and sets
   only STATIC_ROOT and BENCH_FLOOR), HTTPS redirect, HSTS and secure cookies off through their
   variables (plain HTTP on loopback). gunicorn with gunicorn.conf.py (2 x cores + 1 sync
   workers) on 127.0.0.1, one Celery worker on both queues (``-Q quick,slow``).
3. Sizes: each page fetched once through gunicorn with ``Accept-Encoding: br, gzip``; the bytes
   of its HTML (gzip level 6 when gunicorn sends it uncompressed, as a front proxy would), plus
   its same-origin stylesheets and scripts as whitenoise sends them; any resource the page or
   its CSS loads from another origin is listed.
4. Load: locust (bench/locustfile.py) with --users users (3 learners signed in through the
   sign-in form for 1 anonymous visitor), each page its own task, the floor (a view returning
   "ok" through every middleware) among them; measured for --duration seconds after a warm-up.
   Each page's p95 is also given as a multiple of the floor's p95 in the same run.
5. Booking contention: 200 learners, each signed in with its own session, post the booking of
   the 50-seat session at the same instant; the database must then hold exactly 50 confirmed
   bookings and 150 on the waiting list.
6. Memory: the resident memory (VmRSS) of every gunicorn worker, sampled twice a second from
   start to end; its peak and its value after the run.
7. Queries: each page again, in this process, through Django's test client on the same
   database and settings, signed in as the same learner, counted with CaptureQueriesContext on
   five objects of each kind; a statement repeated within one request (the same SQL but for its
   values) is the mark of a query per row, and fails the target.
8. bench/certificate_pdf.py, and the impact snapshot's daily run (bench/impact_snapshot.py
   on the full data set; ``manage.py impact_snapshot`` timed on the quick one).

Results: bench/results/run-<date>.json and latest.json, and docs/performance.md (a quick run
writes var/bench/ instead, leaving the published report alone). Every process started here is
stopped at the end, whatever happens.

This is a benchmark, not a test: nothing here runs under pytest.
"""

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zoneinfo
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

import requests

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
sys.path.insert(0, str(BENCH))
from booking_contention import bind, contend, loopback_address, sign_in  # noqa: E402
from pgdb import database_ensure  # noqa: E402
from procstat import children, pss_kib, rss_kib  # noqa: E402

RESULTS = BENCH / "results"
DOC = ROOT / "docs" / "performance.md"
QUICK_OUT = ROOT / "var" / "bench"
REDIS_URL = "redis://127.0.0.1:6379/11"
PASSWORD = "bench-learner-password-1"
SEED = 1

FULL = {
    "database": "postgres://postgres@127.0.0.1:5432/alliance_bench_full",
    "platform": {
        "learners": 100_000,
        "courses": 1000,
        "lessons": 20,
        "progress": 1_000_000,
        "sessions": 2000,
    },
    "materials": 100_000,
    "duration": 60,
    "warmup": 10,
    "contention": (200, 50),
    "pdfs": 200,
}
QUICK = {
    "database": "postgres://postgres@127.0.0.1:5432/alliance_bench_quick",
    "platform": {
        "learners": 3000,
        "courses": 60,
        "lessons": 20,
        "progress": 30_000,
        "sessions": 200,
    },
    "materials": 3000,
    "duration": 10,
    "warmup": 3,
    "contention": (40, 10),
    "pdfs": 20,
}

# The pages, in the report's order: (name, who visits it).
PAGES = [
    ("floor", "everyone"),
    ("catalogue", "everyone"),
    ("course", "everyone"),
    ("lesson", "learner"),
    ("dashboard", "learner"),
    ("library search", "everyone"),
    ("sessions", "everyone"),
    ("booking", "learner"),
    ("booking: cancel", "learner"),
    ("verify", "everyone"),
    ("api: courses", "everyone"),
    ("api: library search", "everyone"),
    ("api: verify", "everyone"),
]
TARGETS = {
    "ratio": 4.0,  # p95 under 4 x the floor's p95
    "library_p95_ms": 50.0,
    "page_kb": 60.0,  # HTML + CSS + JS, compressed, in KB of 1,000 bytes
    "worker_rss_mb": 200.0,  # after the run, in MB of 1,000,000 bytes
}
BOOKING_SESSIONS = 20
# gunicorn.conf.py sets the workers from the cores; only the address differs from production.
GUNICORN = (
    "-m gunicorn -c gunicorn.conf.py --bind 127.0.0.1:{port} --no-control-socket alliance.wsgi"
)
CELERY = "-m celery -A alliance worker -Q quick,slow --loglevel=WARNING --without-gossip"
BENCH_LEARNERS = 256


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small data set, 10 s of load")
    parser.add_argument("--report", action="store_true", help="rewrite the report, measure nothing")
    parser.add_argument("--database-url", help="default: alliance_bench_full (or _quick)")
    parser.add_argument("--redis-url", default=REDIS_URL, help="emptied at the start and the end")
    parser.add_argument("--users", type=int, default=32, help="concurrent locust users")
    parser.add_argument("--spawn-rate", type=float, default=8, help="users started per second")
    parser.add_argument("--duration", type=int, help="seconds of load measured (60; quick 10)")
    parser.add_argument("--think", default="1,3", help="min,max seconds between two pages")
    parser.add_argument("--port", type=int, default=0, help="gunicorn's port (default: a free one)")
    parser.add_argument("--no-extras", action="store_true", help="skip the PDF and snapshot runs")
    args = parser.parse_args()
    profile = QUICK if args.quick else FULL
    args.profile = profile
    args.database_url = args.database_url or profile["database"]
    args.duration = args.duration or profile["duration"]
    args.port = args.port or free_port()
    args.base = f"http://127.0.0.1:{args.port}"
    return args


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# --- Environment and processes ---------------------------------------------------------------


def environment(args, tmp: Path) -> dict:
    """Production settings on the benchmark's services; nothing of the caller's configuration."""
    env = dict(os.environ)
    for line in (ROOT / ".env.example").read_text().splitlines():
        name = line.split("=", 1)[0].strip()
        if name and not name.startswith("#"):
            env.pop(name, None)
    env.pop("WEB_CONCURRENCY", None)  # gunicorn.conf.py sets the workers from the cores
    env.update(
        DJANGO_SETTINGS_MODULE="bench_settings",
        PYTHONPATH=os.pathsep.join([str(tmp), str(ROOT)]),
        DJANGO_ENV_FILE="/nonexistent",  # a developer's .env changes nothing here
        DJANGO_SECRET_KEY="bench-only-not-secret-" + "x" * 40,
        DJANGO_DEBUG="false",
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        # Plain HTTP over loopback: no redirect to HTTPS, cookies without the Secure flag.
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_SECURE_HSTS_SECONDS="0",
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        EMAIL_URL="dummymail://",
        SITE_URL=args.base,
        MEDIA_ROOT=str(tmp / "media"),
        LOG_LEVEL="WARNING",
        BENCH_FLOOR="true",
    )
    (tmp / "bench_settings.py").write_text(
        '"""alliance.settings with the static files in a temporary folder and the floor view."""\n'
        "from alliance.settings import *  # noqa: F403\n\n"
        f"STATIC_ROOT = {str(tmp / 'static')!r}\n"
        "BENCH_FLOOR = True\n"
    )
    return env


def manage(env: dict, *arguments: str, quiet: bool = False) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *arguments],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


class Processes:
    """The processes started here, each in its own process group, stopped in reverse order."""

    def __init__(self):
        self.started: list[tuple[str, subprocess.Popen]] = []

    def start(self, name: str, command: list[str], env: dict, log: Path) -> subprocess.Popen:
        with log.open("ab") as handle:
            process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=handle,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.started.append((name, process))
        return process

    def stop(self, process: subprocess.Popen, wait: float = 30) -> None:
        if process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(wait)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the group this script created for it
            process.wait()

    def stop_all(self) -> None:
        for name, process in reversed(self.started):
            try:
                self.stop(process)
            except Exception as error:
                say(f"could not stop {name}: {error}")
        self.started.clear()


def flush_redis(url: str) -> None:
    import redis

    redis.Redis.from_url(url).flushdb()


def prepare_data(args, env: dict) -> None:
    started = time.perf_counter()
    manage(env, "migrate", "--noinput", "-v", "0")
    sizes = [f"--{name}={value}" for name, value in args.profile["platform"].items()]
    manage(env, "generate_platform", f"--seed={SEED}", *sizes)
    manage(env, "generate_library", f"--count={args.profile['materials']}", f"--seed={SEED}")
    manage(env, "load_country_groups", quiet=True)
    # Production tables carry the planner's statistics and a current visibility map (autovacuum
    # sees to both); tables just filled by bulk inserts may have neither, and plans made without
    # them are not the site's (an index-only scan needs the visibility map).
    import psycopg

    with psycopg.connect(args.database_url, autocommit=True) as db:
        db.execute("VACUUM (ANALYZE)")
    say(f"data ready ({time.perf_counter() - started:.0f} s)")


def setup_django() -> None:
    import django

    django.setup()


# --- The benchmark's own rows -----------------------------------------------------------------


def prepare_fixtures(args) -> dict:
    """Learners to sign in as, the sessions to book, and the URLs of every page."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.urls import reverse
    from django.utils import timezone

    from alliance.core.models import Topic
    from certification.models import Certificate
    from courses.models import Enrolment, Lesson
    from courses.selectors import published_versions
    from workshops.models import Booking, Session

    prefix, domain = f"gen-{SEED}-", "@generated.example"
    rows = (
        Enrolment.objects.filter(
            user__email__startswith=prefix,
            user__email__endswith=domain,
            state=Enrolment.State.ACTIVE,
            completed_at=None,
            version__in=published_versions(),
        )
        .order_by("user_id", "id")
        .values_list(
            "user_id", "user__email", "version_id", "version__course__slug", "version__language"
        )
    )
    learners: dict[int, dict] = {}
    for user_id, email, version_id, slug, language in rows[: BENCH_LEARNERS * 4]:
        if user_id not in learners and len(learners) < BENCH_LEARNERS:
            learners[user_id] = {
                "id": user_id,
                "email": email,
                "version": version_id,
                "slug": slug,
                "language": language,
            }
    if len(learners) < max(args.profile["contention"][0], args.users):
        sys.exit(f"Only {len(learners)} generated learners with a course under way: too few.")
    lessons: dict[int, list[str]] = {}
    versions = {learner["version"]: learner for learner in learners.values()}
    for lesson_id, version_id in Lesson.objects.filter(module__version_id__in=versions).values_list(
        "id", "module__version_id"
    ):
        learner = versions[version_id]
        url = reverse(
            "courses:lesson",
            kwargs={
                "slug": learner["slug"],
                "language": learner["language"],
                "lesson_id": lesson_id,
            },
        )
        lessons.setdefault(version_id, []).append(url)
    for learner in learners.values():
        learner["lessons"] = sorted(lessons.get(learner["version"], []))

    User = get_user_model()
    User.objects.filter(pk__in=learners).update(password=make_password(PASSWORD))
    EmailAddress.objects.filter(user_id__in=learners).update(verified=True, primary=True)
    EmailAddress.objects.bulk_create(
        [
            EmailAddress(user_id=pk, email=learner["email"], verified=True, primary=True)
            for pk, learner in learners.items()
        ],
        ignore_conflicts=True,
    )

    now = timezone.now()
    starts = (now + dt.timedelta(days=14)).replace(minute=0, second=0, microsecond=0)
    topic = Topic.objects.order_by("slug").first()
    contention_seats = args.profile["contention"][1]
    booking_slugs = [f"bench-load-{n}" for n in range(1, BOOKING_SESSIONS + 1)]
    for slug, seats in [
        *((s, 100_000) for s in booking_slugs),
        ("bench-contention", contention_seats),
    ]:
        Session.objects.update_or_create(
            slug=slug,
            defaults={
                "kind": Session.Kind.WEBINAR,
                "title": f"Benchmark webinar {slug}",
                "description": "A session for make bench to book.",
                "language": "en",
                "topic": topic,
                "starts_at": starts,
                "ends_at": starts + dt.timedelta(hours=1),
                "timezone": "UTC",
                "join_url": "https://meet.example.org/bench",
                "seats_online": seats,
                "seats_onsite": 0,
                "registration_opens_at": now - dt.timedelta(days=1),
                "registration_closes_at": starts,
                "state": Session.State.SCHEDULED,
            },
        )
    Booking.objects.filter(session__slug__in=[*booking_slugs, "bench-contention"]).delete()

    # Bulk inserts skip the model's validators: a zone the site would refuse (generate_platform
    # once wrote "Europe/Geneva", which the tz database does not have) turns every page showing
    # the session into a 500. Such rows get UTC, and the report says how many.
    known = zoneinfo.available_timezones()
    repaired = 0
    for zone in Session.objects.values_list("timezone", flat=True).distinct():
        if zone not in known:
            repaired += Session.objects.filter(timezone=zone).update(timezone="UTC")

    rng = random.Random(SEED)
    topics = list(Topic.objects.order_by("slug").values_list("slug", flat=True))
    languages = ["en", "fr", "es", "ar", "zh-hans", "ru"]
    catalogue = []
    for _ in range(60):
        params = {"topic": rng.choice(topics), "language": rng.choice(languages)}
        if rng.random() < 0.3:
            params["level"] = rng.choice(["beginner", "intermediate", "advanced"])
        catalogue.append(urlencode(params))
    course_urls = [
        v.get_absolute_url()
        for v in published_versions()
        .filter(course__slug__startswith=prefix)
        .select_related("course")
        .order_by("course__slug", "language")
    ]
    course_urls = rng.sample(course_urls, min(200, len(course_urls)))
    from library_search import search_urls

    library = search_urls(200, SEED)
    api_library = []
    for url in library:
        query = [p for p in urlsplit(url).query.split("&") if p and not p.startswith("page=")]
        api_library.append("/api/library/materials/" + ("?" + "&".join(query) if query else ""))
    certificates = list(
        Certificate.objects.filter(user__email__startswith=prefix)
        .order_by("issued_at", "id")
        .values_list("id", flat=True)[:2000]
    )
    certificates = [str(c) for c in rng.sample(certificates, min(200, len(certificates)))]
    sessions = ["/workshops/"] + [
        f"/workshops/?{query}"
        for query in (
            "kind=webinar",
            "language=en",
            "language=fr",
            f"topic={topics[0]}",
            "kind=workshop",
        )
    ]
    # For counting queries: five objects of each kind, in URLs of one shape.
    terms = ["climate", "ethics", "machine learning", "datos", "données"]
    types = ["document", "slides", "video", "dataset", "notebook"]
    combos = [(topic, language) for topic, language in zip(topics, languages, strict=False)]
    query_samples = {
        "catalogue": [f"/courses/?topic={t}&language={lang}" for t, lang in combos],
        "course": course_urls[:5],
        "library search": [
            "/library/?" + urlencode({"q": q, "type": t}) for q, t in zip(terms, types, strict=True)
        ],
        "sessions": [f"/workshops/?language={lang}" for lang in languages[:5]],
        "verify": [f"/verify/{c}/" for c in certificates[:5]],
        "api: courses": [f"/api/courses/?topic={t}&language={lang}" for t, lang in combos],
        "api: library search": [
            "/api/library/materials/?" + urlencode({"q": q, "type": t})
            for q, t in zip(terms, types, strict=True)
        ],
        "api: verify": [f"/api/certification/verify/{c}/" for c in certificates[:5]],
    }
    plan = {
        "sessions_with_an_unknown_time_zone_set_to_utc": repaired,
        "query samples": query_samples,
        "password": PASSWORD,
        "learners": list(learners.values()),
        "booking": booking_slugs,
        "contention": "bench-contention",
        "urls": {
            "catalogue": [f"/courses/?{q}" for q in catalogue],
            "course": course_urls,
            "library search": library,
            "sessions": sessions,
            "verify": [f"/verify/{c}/" for c in certificates],
            "api: courses": [f"/api/courses/?{q}" for q in catalogue],
            "api: library search": api_library,
            "api: verify": [f"/api/certification/verify/{c}/" for c in certificates],
        },
    }
    return plan


def data_sizes() -> dict:
    from django.contrib.auth import get_user_model

    from certification.models import Certificate
    from courses.models import Course, Enrolment, Lesson, LessonCompletion
    from library.models import Material
    from workshops.models import Booking, Session

    counted = {
        "learners": get_user_model().objects.filter(is_staff=False),
        "courses": Course.objects.all(),
        "lessons": Lesson.objects.all(),
        "enrolments": Enrolment.objects.all(),
        "progress records": LessonCompletion.objects.all(),
        "certificates": Certificate.objects.all(),
        "sessions": Session.objects.all(),
        "bookings": Booking.objects.all(),
        "library materials": Material.objects.all(),
    }
    return {name: queryset.count() for name, queryset in counted.items()}


# --- Sampling ----------------------------------------------------------------------------------


def cpu_ticks(pid: int) -> int:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError):
        return 0


def machine_ticks() -> tuple[int, int]:
    values = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


class Sampler(threading.Thread):
    """Twice a second: each gunicorn worker's RSS and CPU, the machine's CPU, the load average."""

    def __init__(self, master: int):
        super().__init__(daemon=True)
        self.master = master
        self.locust: int | None = None
        self.samples: list[dict] = []
        self.stopping = threading.Event()

    def sample(self) -> dict:
        workers = {pid: rss_kib(pid) for pid in children(self.master)}
        busy, total = machine_ticks()
        return {
            "t": time.time(),
            "rss_kib": {pid: kib for pid, kib in workers.items() if kib},
            "workers_cpu": sum(cpu_ticks(pid) for pid in workers),
            "locust_cpu": cpu_ticks(self.locust) if self.locust else 0,
            "busy": busy,
            "total": total,
            "load": os.getloadavg()[0],
        }

    def run(self):
        while not self.stopping.wait(0.5):
            self.samples.append(self.sample())

    def between(self, start: float, end: float) -> dict:
        inside = [s for s in self.samples if start <= s["t"] <= end]
        if len(inside) < 2:
            return {}
        first, last = inside[0], inside[-1]
        tick = os.sysconf("SC_CLK_TCK")
        seconds = last["t"] - first["t"]
        return {
            "machine_cpu_busy_percent": round(
                100 * (last["busy"] - first["busy"]) / max(last["total"] - first["total"], 1)
            ),
            "gunicorn_workers_cpu_seconds": round(
                (last["workers_cpu"] - first["workers_cpu"]) / tick, 1
            ),
            "locust_cpu_seconds": round((last["locust_cpu"] - first["locust_cpu"]) / tick, 1),
            "seconds": round(seconds, 1),
            "load_average_1min_max": round(max(s["load"] for s in inside), 2),
        }

    def peak_rss_mb(self) -> float:
        return max(
            (kib * 1024 / 1e6 for s in self.samples for kib in s["rss_kib"].values()), default=0
        )


# --- Sizes and origins -------------------------------------------------------------------------


class Resources(HTMLParser):
    """The URLs a browser would load with the page (not the links a person may follow)."""

    def __init__(self):
        super().__init__()
        self.styles: list[str] = []
        self.scripts: list[str] = []
        self.other: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("href"):
            rel = (attrs.get("rel") or "").lower().split()
            if "stylesheet" in rel:
                self.styles.append(attrs["href"])
            elif set(rel) & {"icon", "preload", "modulepreload", "manifest", "prefetch"}:
                self.other.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        elif tag in {"img", "iframe", "source", "video", "audio", "embed", "track", "input"}:
            for name in ("src", "poster"):
                if attrs.get(name):
                    self.other.append(attrs[name])
            for candidate in (attrs.get("srcset") or "").split(","):
                if candidate.strip():
                    self.other.append(candidate.split()[0])
        elif tag == "object" and attrs.get("data"):
            self.other.append(attrs["data"])


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


def compressed_size(session: requests.Session, url: str) -> tuple[int, int, str, bytes]:
    """(bytes on the wire, bytes compressed, encoding, body) of one GET."""
    response = session.get(
        url, headers={"Accept-Encoding": "br, gzip"}, stream=True, allow_redirects=False, timeout=60
    )
    raw = response.raw.read(decode_content=False)
    encoding = response.headers.get("Content-Encoding", "")
    if encoding == "br":
        import brotli

        body = brotli.decompress(raw)
    elif encoding == "gzip":
        body = gzip.decompress(raw)
    else:
        body = raw
    response.close()
    if response.status_code != 200:
        raise RuntimeError(f"{url}: HTTP {response.status_code}")
    compressed = len(raw) if encoding else len(gzip.compress(body, 6))
    return len(raw), compressed, encoding or "none", body


def measure_sizes(args, plan: dict) -> dict:
    """Each page's HTML + CSS + JS compressed, and any resource from another origin."""
    anonymous = bind(requests.Session(), loopback_address("probe", 0))
    learner = bind(requests.Session(), loopback_address("probe", 1))
    first = plan["learners"][0]
    sign_in(learner, args.base, first["email"], PASSWORD)
    urls = {name: plan["urls"][name][0] for name in plan["urls"]}
    urls.update(
        {
            "floor": "/bench/floor/",
            "lesson": first["lessons"][0],
            "dashboard": "/learning/",
            "booking": f"/workshops/{plan['booking'][0]}/",  # the page with the booking form
        }
    )
    origin = urlsplit(args.base)
    assets: dict[str, dict] = {}
    sizes = {}
    for name, _who in PAGES:
        if name not in urls:
            continue
        url = args.base + urls[name]
        wire, html_bytes, encoding, body = compressed_size(learner, url)
        found = Resources()
        if not name.startswith("api:"):
            found.feed(body.decode("utf-8", "replace"))
        off_origin, css, js = [], 0, 0
        for kind, references in (
            ("css", found.styles),
            ("js", found.scripts),
            ("other", found.other),
        ):
            for reference in references:
                absolute = urljoin(url, reference)
                parts = urlsplit(absolute)
                if parts.scheme in {"data", "blob"}:
                    continue
                if (parts.scheme, parts.netloc) != (origin.scheme, origin.netloc):
                    off_origin.append(absolute)
                    continue
                if kind == "other":
                    continue
                if absolute not in assets:
                    _, asset_compressed, asset_encoding, asset_body = compressed_size(
                        anonymous, absolute
                    )
                    inner = []
                    if kind == "css":
                        for match in CSS_URL.finditer(asset_body.decode("utf-8", "replace")):
                            target = urljoin(absolute, match.group(1) or match.group(2))
                            target_parts = urlsplit(target)
                            if target_parts.scheme not in {"data", "blob"} and (
                                target_parts.scheme,
                                target_parts.netloc,
                            ) != (origin.scheme, origin.netloc):
                                inner.append(target)
                    assets[absolute] = {
                        "bytes": asset_compressed,
                        "encoding": asset_encoding,
                        "off_origin": inner,
                    }
                off_origin += assets[absolute]["off_origin"]
                if kind == "css":
                    css += assets[absolute]["bytes"]
                else:
                    js += assets[absolute]["bytes"]
        sizes[name] = {
            "url": urls[name],
            "html_encoding_from_gunicorn": encoding,
            "html_bytes_on_wire": wire,
            "html_bytes_compressed": html_bytes,
            "css_bytes_compressed": css,
            "js_bytes_compressed": js,
            "kb_compressed": round((html_bytes + css + js) / 1000, 1),
            "off_origin": sorted(set(off_origin)),
        }
    return {"pages": sizes, "assets": assets}


# --- Load -------------------------------------------------------------------------------------


def run_load(args, env: dict, tmp: Path, plan_path: Path, processes: Processes, sampler) -> dict:
    out = tmp / "locust.json"
    locust_env = dict(
        env,
        BENCH_PLAN=str(plan_path),
        BENCH_OUT=str(out),
        BENCH_WARMUP=str(args.profile["warmup"]),
        BENCH_DURATION=str(args.duration),
        BENCH_THINK=args.think,
    )
    backstop = args.duration + args.profile["warmup"] + args.users / args.spawn_rate + 300
    command = [
        sys.executable,
        "-m",
        "locust",
        "-f",
        str(BENCH / "locustfile.py"),
        "--headless",
        "-u",
        str(args.users),
        "-r",
        str(args.spawn_rate),
        "-t",
        f"{int(backstop)}s",
        "--host",
        args.base,
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
    ]
    process = processes.start("locust", command, locust_env, tmp / "locust.log")
    sampler.locust = process.pid
    process.wait()
    if not out.exists():
        tail = (tmp / "locust.log").read_text()[-3000:]
        raise RuntimeError(f"locust wrote no results (exit {process.returncode}):\n{tail}")
    result = json.loads(out.read_text())
    window = result["window"]
    result["machine_during_window"] = sampler.between(window["started"], window["finished"])
    return result


# --- Booking contention ------------------------------------------------------------------------


def run_contention(args, plan: dict) -> dict:
    from workshops.models import Booking, Session

    count, seats = args.profile["contention"]
    slug = plan["contention"]
    Session.objects.filter(slug=slug).update(seats_online=seats)
    Booking.objects.filter(session__slug=slug).delete()
    emails = [learner["email"] for learner in plan["learners"][:count]]
    outcome = contend(base=args.base, slug=slug, emails=emails, password=PASSWORD)
    bookings = Booking.objects.filter(session__slug=slug)
    states = {state: bookings.filter(state=state).count() for state in Booking.State.values}
    met = (
        outcome.signed_in == count
        and outcome.statuses == {"302": count}
        and states[Booking.State.CONFIRMED] == seats
        and states[Booking.State.WAITLISTED] == count - seats
        and bookings.count() == count
    )
    return {
        "learners": count,
        "seats": seats,
        "signed_in": outcome.signed_in,
        "sign_in_errors": outcome.errors[:10],
        "http_statuses": outcome.statuses,
        "burst_seconds": outcome.burst_seconds,
        "latency_ms": outcome.latency_ms,
        "bookings_in_database": states,
        "learners_without_a_booking": count - bookings.values("user_id").distinct().count(),
        "met": met,
    }


# --- Queries -----------------------------------------------------------------------------------


SQL_LITERAL = re.compile(r"'(?:[^']|'')*'|\b\d+(?:\.\d+)?\b")
SQL_LIST = re.compile(r"\((?:\?, )+\?\)")


def statement_shape(sql: str) -> str:
    """The statement with its values taken out: a query per row repeats the same shape."""
    return SQL_LIST.sub("(...)", SQL_LITERAL.sub("?", sql))


def count_queries(plan: dict) -> dict:
    """Each page through the test client, in this process, on five objects of the same kind
    (same filters with other values, other courses, other learners): the queries of each
    request, any statement repeated within one request (the mark of a query per row), and the
    page's time with nothing else of the benchmark running."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    users = get_user_model().objects.in_bulk([learner["id"] for learner in plan["learners"][:5]])
    first = plan["learners"][0]

    def client_for(user_id: int | None) -> Client:
        client = Client(HTTP_HOST="127.0.0.1", REMOTE_ADDR=loopback_address("probe", 2))
        if user_id:
            client.force_login(users[user_id])
        return client

    signed_in = client_for(first["id"])
    samples = {
        name: [(signed_in, "get", url) for url in urls]
        for name, urls in plan["query samples"].items()
    }
    samples["floor"] = [(signed_in, "get", "/bench/floor/")] * 10  # short: more runs, less noise
    samples["lesson"] = [(signed_in, "get", url) for url in first["lessons"][:5]]
    samples["dashboard"] = [(client_for(pk), "get", "/learning/") for pk in users]
    slugs = plan["booking"][:5]
    samples["booking"] = [(signed_in, "post", f"/workshops/{s}/book/") for s in slugs]
    samples["booking: cancel"] = [(signed_in, "post", f"/workshops/{s}/cancel/") for s in slugs]

    result = {}
    for name, _who in PAGES:
        counts, times, statuses, repeated = [], [], set(), {}
        for client, method, url in samples[name]:
            if method == "get":
                client.get(url)  # warm: templates, caches
            elif name == "booking: cancel":  # a booking to cancel
                client.post(url.replace("/cancel/", "/book/"), {"mode": "online"})
            for _ in range(3 if method == "get" else 1):
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    if method == "get":
                        response = client.get(url)
                    else:
                        response = client.post(url, {"mode": "online"})
                    times.append((time.perf_counter() - started) * 1000)
                counts.append(len(queries))
                statuses.add(response.status_code)
                shapes: dict[str, int] = {}
                for query in queries.captured_queries:
                    if not re.match(r"(SAVEPOINT|RELEASE SAVEPOINT|ROLLBACK TO)", query["sql"]):
                        shape = statement_shape(query["sql"])
                        shapes[shape] = shapes.get(shape, 0) + 1
                for shape, times_seen in shapes.items():
                    if times_seen > 1:
                        repeated[shape[:300]] = max(repeated.get(shape[:300], 0), times_seen)
            if name == "booking":  # give the seat back
                client.post(url.replace("/book/", "/cancel/"))
        result[name] = {
            "queries": sorted(set(counts)),
            "repeated_statements": [{"times": n, "sql": sql} for sql, n in repeated.items()],
            "constant": not repeated,
            "alone_ms_median": round(statistics.median(times), 1),
            "statuses": sorted(statuses),
            "samples": [url for _, _, url in samples[name]],
        }
    return result


# --- Extras ------------------------------------------------------------------------------------


def run_pdf(args, tmp: Path) -> dict:
    out = tmp / "certificate_pdf.json"
    env = dict(os.environ)
    env.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
    command = [sys.executable, str(BENCH / "certificate_pdf.py"), f"--count={args.profile['pdfs']}"]
    completed = subprocess.run(
        [*command, f"--output={out}"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if completed.returncode or not out.exists():
        return {"error": (completed.stderr or completed.stdout)[-1500:]}
    data = json.loads(out.read_text())
    return {
        "pdfs": data["pdfs"],
        "median_ms": data["overall"]["median_ms"],
        "p95_ms": data["overall"]["p95_ms"],
        "cpu_p95_ms": data.get("cpu_overall", {}).get("p95_ms"),
        "target": data.get("target"),
        "met": data.get("met"),
    }


def run_snapshot(args, env: dict, tmp: Path) -> dict:
    if args.quick:
        started = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), "impact_snapshot"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if completed.returncode:
            return {"error": completed.stderr[-1500:]}
        return {
            "how": "manage.py impact_snapshot (daily run) on the quick data set",
            "seconds": round(time.perf_counter() - started, 1),
            "output": completed.stdout.strip(),
        }
    out = tmp / "impact_snapshot.json"
    snapshot_env = dict(os.environ)
    snapshot_env.pop("DJANGO_SETTINGS_MODULE", None)
    command = [
        sys.executable,
        str(BENCH / "impact_snapshot.py"),
        f"--database-url={args.database_url}",
        f"--seed={SEED}",
        "--skip-rebuild",
        "--reads=10",
        f"--output={out}",
    ]
    completed = subprocess.run(command, cwd=ROOT, env=snapshot_env, capture_output=True, text=True)
    if completed.returncode or not out.exists():
        return {"error": (completed.stderr or completed.stdout)[-1500:]}
    data = json.loads(out.read_text())
    return {
        "how": "bench/impact_snapshot.py --skip-rebuild on the same data set (daily run)",
        "seconds": data["daily"]["seconds"],
        "periods": data["daily"]["periods"],
        "queries": data["daily"]["queries"],
        "target": f"daily run under {data['target']['daily_run_seconds_under']:g} s",
        "met": data.get("met"),
    }


# --- Machine -----------------------------------------------------------------------------------


def machine(args) -> dict:
    from importlib.metadata import version

    import django
    import redis
    from django.db import connection

    cpu = "unknown"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = "unknown"
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory = f"{int(line.split()[1]) / 1024**2:.1f} GiB"
    system = platform.platform()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                system = f"{line.split('=', 1)[1].strip(chr(34))}, Linux {platform.release()}"
    except OSError:
        pass
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgresql = cursor.fetchone()[0]
    redis_version = redis.Redis.from_url(args.redis_url).info("server")["redis_version"]
    return {
        "cpu": cpu,
        "cores": len(os.sched_getaffinity(0)),
        "memory": memory,
        "os": system,
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": postgresql,
        "redis": redis_version,
        "gunicorn": version("gunicorn"),
        "locust": version("locust"),  # not imported: it would monkey-patch this process
    }


# --- Verdicts and the report -------------------------------------------------------------------


def verdicts(result: dict) -> None:
    """Each page's row, each target met or missed, and the list of misses in plain words."""
    load = {p["name"]: p for p in result["load"]["pages"]}
    floor_p95 = load.get("floor", {}).get("p95_ms") or 0
    floor_alone = result["queries"].get("floor", {}).get("alone_ms_median") or 0
    asked, served = offered(result), result["load"]["total"]["rps"]
    # A saturated server makes every request wait in the same queue, the floor's too: the p95
    # ratios then measure the queue, so each page is judged on its in-process cost as well.
    result["saturated"] = served < 0.9 * asked
    rows, missed = [], []
    for name, who in PAGES:
        measured = load.get(name)
        queries = result["queries"].get(name, {})
        size = result["sizes"]["pages"].get(name)
        row = {"page": name, "visitors": who}
        misses = []
        if measured:
            ratio = measured["p95_ms"] / floor_p95 if floor_p95 else None
            row.update(
                {
                    k: measured[k]
                    for k in ("rps", "p50_ms", "p95_ms", "p99_ms", "requests", "failures")
                }
            )
            row["ratio_to_floor"] = round(ratio, 1) if ratio is not None else None
            if name != "floor" and ratio is not None and ratio >= TARGETS["ratio"]:
                misses.append(f"p95 {measured['p95_ms']:g} ms is {ratio:.1f}x the floor's")
            if measured["failures"] or not measured["requests"]:
                misses.append(f"{measured['failures']} errors in {measured['requests']} requests")
            if name == "library search" and measured["p95_ms"] >= TARGETS["library_p95_ms"]:
                misses.append(
                    f"p95 {measured['p95_ms']:g} ms, not under {TARGETS['library_p95_ms']:g} ms"
                )
        else:
            misses.append("not measured under load")
        row["queries"] = queries.get("queries")
        row["alone_ms"] = queries.get("alone_ms_median")
        alone_ratio = row["alone_ms"] / floor_alone if row["alone_ms"] and floor_alone else None
        row["alone_ratio_to_floor"] = round(alone_ratio, 1) if alone_ratio else None
        if (
            result["saturated"]
            and name != "floor"
            and alone_ratio
            and alone_ratio >= TARGETS["ratio"]
            and not any("the floor's" in m for m in misses)
        ):
            misses.append(
                f"costs {alone_ratio:.1f}x the floor in-process ({row['alone_ms']:g} ms against "
                f"{floor_alone:g}); under load the server was saturated, so its p95 ratio "
                f"({row.get('ratio_to_floor')}) measured the queue, not the page"
            )
        if queries and not queries["constant"]:
            statement = queries["repeated_statements"][0]
            misses.append(
                f"a query per row: {statement['sql'][:120]}... ({statement['times']} times in "
                "one request)"
            )
        if size:
            row["kb_compressed"] = size["kb_compressed"]
            row["off_origin"] = size["off_origin"]
            if size["kb_compressed"] >= TARGETS["page_kb"]:
                misses.append(f"{size['kb_compressed']} KB compressed, not under 60 KB")
            if size["off_origin"]:
                misses.append(f"loads from another origin: {', '.join(size['off_origin'])}")
        row["missed"] = misses
        row["met"] = not misses
        rows.append(row)
        missed += [f"{name}: {m}" for m in misses]
    result["table"] = rows

    memory = result["memory"]
    memory["met"] = memory["after_run_max_mb"] < TARGETS["worker_rss_mb"]
    if not memory["met"]:
        missed.append(
            f"web worker memory after the run: {memory['after_run_max_mb']} MB, not under 200 MB"
        )
    contention = result["contention"]
    if not contention.get("met"):
        missed.append(
            f"booking contention: {contention.get('bookings_in_database')} in the database, "
            f"HTTP {contention.get('http_statuses')}, "
            f"{contention.get('signed_in')} of {contention.get('learners')} signed in"
        )
    statuses = result.get("gunicorn_statuses_whole_run") or {}
    if statuses.get("server_errors"):
        total = sum(n for code, n in statuses["by_status"].items() if code.startswith("5"))
        missed.append(
            f"{total} server errors over the whole run (warm-up and contention included), "
            f"such as {', '.join(statuses['server_errors'][:3])}"
        )
    if result["load"]["sign_in_errors"]:
        missed.append(f"sign-in failures under load: {result['load']['sign_in_errors'][:3]}")
    for key, label in (("pdf", "certificate PDFs"), ("snapshot", "impact snapshot")):
        extra = result.get(key) or {}
        if extra.get("error"):
            missed.append(f"{label}: the run failed ({extra['error'].strip().splitlines()[-1]})")
        elif extra.get("met") is False:
            missed.append(f"{label}: {extra.get('target')} not met")
    result["missed"] = missed


def fmt(value, digits: int = 0) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def cpu_sentence(during: dict, cores: int) -> str:
    if not during:
        return ""
    busy = during["machine_cpu_busy_percent"] / 100 * cores * during["seconds"]
    ours = during["gunicorn_workers_cpu_seconds"] + during["locust_cpu_seconds"]
    return (
        f"During the {during['seconds']} s measured the cores were "
        f"{during['machine_cpu_busy_percent']} % busy, {busy:.0f} CPU-seconds: the gunicorn "
        f"workers {during['gunicorn_workers_cpu_seconds']}, locust "
        f"{during['locust_cpu_seconds']}, and {max(busy - ours, 0):.0f} for everything else "
        "(PostgreSQL, Redis, the Celery worker, and any other work on the machine)."
    )


def offered(result: dict) -> float:
    """Pages a second the users would ask for if every answer were instant."""
    low, high = (float(x) for x in result["settings"]["think"].split("–"))
    return result["load"]["users"] / ((low + high) / 2)


def saturation(result: dict) -> str:
    """Whether the server kept up with what the users asked: if not, latency is mostly queueing."""
    asked, served = offered(result), result["load"]["total"]["rps"]
    verdict = (
        "the server could not keep up, so requests queued for a worker and the times below "
        "are mostly that wait, which the floor shares: the p95 ratios then understate what each "
        "page costs. Each page is therefore also judged on its in-process time against the "
        "floor's (columns 'alone ms' and 'alone ÷ floor')."
        if result["saturated"]
        else "the server kept up, so the times below are mostly the pages' own."
    )
    return (
        f"The users asked for up to {asked:.0f} pages a second (one every "
        f"{result['load']['users'] / asked:g} s each, plus the time of the answer) "
        f"and were served {served:.1f}: {verdict}"
    )


def render(result: dict) -> str:
    m = result["machine"]
    load = result["load"]
    memory = result["memory"]
    during = load.get("machine_during_window", {})
    lines = [
        "# Performance",
        "",
        "Written by `make bench` (bench/run.py) from "
        f"`{result['file']}`; run it again to refresh. How the run works is in "
        "the docstring of bench/run.py and in the README's Benchmarks section.",
        "",
        f"Measured {result['measured_at']} on {m['cpu']}, {m['cores']} cores, {m['memory']} of "
        f"memory; {m['os']}; Python {m['python']}, Django {m['django']}, PostgreSQL "
        f"{m['postgresql']}, Redis {m['redis']}, gunicorn {m['gunicorn']}, locust {m['locust']}.",
        "",
        f"Load average (1, 5 and 15 minutes) on its {m['cores']} cores: "
        f"{', '.join(map(str, result['load_average']['start']))} when the run started, up to "
        f"{during.get('load_average_1min_max', '–')} (1 minute) during the measured load, "
        f"{', '.join(map(str, result['load_average']['end']))} at the end. "
        + cpu_sentence(during, m["cores"]),
        "",
        "Data: "
        + ", ".join(f"{value:,} {name}" for name, value in result["data"].items())
        + "."
        + (
            f" {repaired:,} generated sessions had a time zone the tz database does not know;"
            " the run set them to UTC."
            if (repaired := result.get("sessions_with_an_unknown_time_zone_set_to_utc"))
            else ""
        ),
        "",
        f"Load: {load['users']} concurrent users (3 learners signed in for 1 anonymous visitor), "
        f"{result['settings']['think']} s between two pages, {load['window']['seconds']} s "
        f"measured after a warm-up, {fmt(load['total']['requests'])} requests, "
        f"{fmt(load['total']['rps'], 1)} per second, {load['total']['failures']} errors. "
        f"{result['settings']['server']}.",
        "",
        saturation(result),
        "",
        "## Pages",
        "",
        "| page | rps | errors | p50 ms | p95 ms | p99 ms | p95 ÷ floor | queries | alone ms "
        "| alone ÷ floor | KB compressed | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in result["table"]:
        queries = row.get("queries")
        queries_text = (
            "–"
            if not queries
            else "–".join(str(q) for q in (queries[0], queries[-1]) if q is not None)
        )
        if queries and len(queries) == 1:
            queries_text = str(queries[0])
        lines.append(
            f"| {row['page']} | {fmt(row.get('rps'), 1)} | {fmt(row.get('failures'))} "
            f"| {fmt(row.get('p50_ms'))} "
            f"| {fmt(row.get('p95_ms'))} | {fmt(row.get('p99_ms'))} "
            f"| {fmt(row.get('ratio_to_floor'), 1) if row['page'] != 'floor' else '1.0'} "
            f"| {queries_text} | {fmt(row.get('alone_ms'), 1)} "
            f"| {fmt(row.get('alone_ratio_to_floor'), 1) if row['page'] != 'floor' else '1.0'} "
            f"| {fmt(row.get('kb_compressed'), 1)} "
            f"| {'met' if row['met'] else '**missed**'} |"
        )
    sizes = result["sizes"]["pages"]
    encodings = {p["html_encoding_from_gunicorn"] for p in sizes.values()}
    lines += [
        "",
        "rps: requests per second in the measured window; errors: answers other than the "
        "page's own (200, or the redirect after a form), and failed connections. "
        "p50/p95/p99: response time seen by locust over loopback (queueing for a worker "
        "included). p95 ÷ floor: the page's p95 over the floor view's p95 in the same run; "
        "target under "
        f"{TARGETS['ratio']:g}. queries: per request, counted in-process on five objects of "
        "the kind (a range: some objects show an optional part, such as the quiz after a "
        "module's last lesson); the target fails only where a statement repeats within one "
        "request, the mark of a query per row. alone ms: median time of the page "
        "in-process (Django's test client, once the servers have stopped), and alone ÷ floor "
        "that time over the floor's. KB compressed: HTML + CSS + JS of "
        "the page (1 KB = 1,000 bytes); target under 60 KB. Booking is a POST answered by a "
        "redirect; its size is that of the session page holding the form.",
        "",
    ]
    if encodings == {"none"}:
        lines += [
            "gunicorn sends HTML and JSON uncompressed (no compression middleware): the HTML "
            "and JSON sizes are those of gzip level 6, as a front proxy would send them; "
            "stylesheets and scripts are whitenoise's precompressed files.",
            "",
        ]
    statuses = result.get("gunicorn_statuses_whole_run")
    if statuses:
        lines += [
            "Every answer gunicorn logged over the whole run (sizes, warm-up, load, "
            "contention), by status: "
            + ", ".join(f"{code}: {n:,}" for code, n in statuses["by_status"].items())
            + ".",
            "",
        ]
    off = sorted({u for p in sizes.values() for u in p["off_origin"]})
    lines += [
        f"Requests to another origin: {', '.join(off) if off else 'none'}.",
        "",
        "## Memory",
        "",
        f"{result['memory']['workers']} gunicorn workers. Resident memory (VmRSS) of a web "
        f"worker: peak {result['memory']['peak_mb']} MB during the run, "
        f"{memory['after_run_max_mb']} MB at most after it "
        f"(each: {', '.join(str(x) for x in memory['after_run_mb'])} MB; PSS, which splits "
        f"the pages shared with the master: "
        f"{', '.join(str(x) for x in memory['after_run_pss_mb'])} MB). "
        f"Target under 200 MB: {'met' if memory['met'] else '**missed**'}.",
        "",
        "## Booking contention",
        "",
    ]
    c = result["contention"]
    lines += [
        f"{c['learners']} learners, each signed in with its own session, post the booking of one "
        f"session with {c['seats']} seats at the same instant: HTTP {c['http_statuses']}; in the "
        f"database {c['bookings_in_database']}. All answered in {c['burst_seconds']} s "
        f"(p50 {c['latency_ms']['p50']} ms, p95 {c['latency_ms']['p95']} ms). "
        f"Exactly {c['seats']} confirmed: {'met' if c['met'] else '**missed**'}.",
        "",
        "## Certificate PDFs and the impact snapshot",
        "",
    ]
    pdf, snap = result.get("pdf") or {}, result.get("snapshot") or {}
    if pdf.get("error"):
        lines.append(f"bench/certificate_pdf.py failed: `{pdf['error'].strip().splitlines()[-1]}`")
    elif pdf:
        lines.append(
            f"bench/certificate_pdf.py: {pdf['pdfs']} PDFs, median {pdf['median_ms']} ms, p95 "
            f"{pdf['p95_ms']} ms ({pdf['target']}: {'met' if pdf['met'] else '**missed**'})."
        )
    else:
        lines.append("bench/certificate_pdf.py: not run.")
    lines.append("")
    if snap.get("error"):
        lines.append(f"Impact snapshot failed: `{snap['error'].strip().splitlines()[-1]}`")
    elif snap:
        verdict = ""
        if "met" in snap:
            verdict = f" ({snap['target']}: {'met' if snap['met'] else '**missed**'})"
        lines.append(f"Impact snapshot, {snap['how']}: {snap['seconds']} s{verdict}.")
    else:
        lines.append("Impact snapshot: not run.")
    lines += ["", "## Targets missed", ""]
    lines += [f"- {miss}" for miss in result["missed"]] or ["None."]
    lines.append("")
    return "\n".join(lines)


# --- Main --------------------------------------------------------------------------------------


def main() -> None:
    args = parse_args()
    if args.report:  # the verdicts and the report again, from the measurements of latest.json
        result = json.loads((RESULTS / "latest.json").read_text())
        verdicts(result)
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        for path in (RESULTS / "latest.json", ROOT / result["file"]):
            path.write_text(text)
        DOC.write_text(render(result))
        say(f"wrote {result['file']}, bench/results/latest.json and {DOC.relative_to(ROOT)}")
        return
    tmp = Path(tempfile.mkdtemp(prefix="alliance-bench-"))
    processes = Processes()
    sampler = None

    def interrupted(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    try:
        env = environment(args, tmp)
        os.environ.clear()
        os.environ.update(env)
        sys.path[:0] = [str(tmp), str(ROOT)]
        load_start = [round(x, 2) for x in os.getloadavg()]
        say(f"{'quick' if args.quick else 'full'} run; database {args.database_url}")
        if database_ensure(args.database_url):
            say("created the benchmark's database")
        prepare_data(args, env)
        manage(env, "collectstatic", "--noinput", "-v", "0")
        setup_django()
        plan = prepare_fixtures(args)
        plan_path = tmp / "plan.json"
        plan_path.write_text(json.dumps(plan))
        flush_redis(args.redis_url)

        say(f"starting gunicorn on {args.base} and a Celery worker")
        gunicorn = processes.start(
            "gunicorn",
            [sys.executable, *GUNICORN.format(port=args.port).split()],
            env,
            tmp / "gunicorn.log",
        )
        processes.start(
            "celery",
            [sys.executable, *CELERY.split()],
            env,
            tmp / "celery.log",
        )
        wait_for(args.base + "/bench/floor/", gunicorn, tmp / "gunicorn.log")
        sampler = Sampler(gunicorn.pid)
        sampler.start()

        say("sizes and origins of each page")
        sizes = measure_sizes(args, plan)
        say(f"load: {args.users} users for {args.duration} s after a warm-up")
        load = run_load(args, env, tmp, plan_path, processes, sampler)
        say(f"load done: {load['total']['requests']} requests, {load['total']['failures']} errors")
        count, seats = args.profile["contention"]
        say(f"booking contention: {count} learners, {seats} seats")
        contention = run_contention(args, plan)
        say(f"contention: {contention['bookings_in_database']} {contention['http_statuses']}")

        time.sleep(1)
        workers = children(gunicorn.pid)
        after = [rss_kib(pid) or 0 for pid in workers]
        after_pss = [pss_kib(pid) or 0 for pid in workers]
        sampler.stopping.set()
        memory = {
            "workers": len(workers),
            "peak_mb": round(sampler.peak_rss_mb(), 1),
            "after_run_mb": [round(k * 1024 / 1e6, 1) for k in after],
            "after_run_pss_mb": [round(k * 1024 / 1e6, 1) for k in after_pss],
            "after_run_max_mb": round(max(after, default=0) * 1024 / 1e6, 1),
        }
        processes.stop_all()
        answers = access_log_statuses(tmp / "gunicorn.log")

        say("queries per page, in-process")
        queries = count_queries(plan)
        pdf = snapshot = None
        if not args.no_extras:
            say("certificate PDFs (bench/certificate_pdf.py)")
            pdf = run_pdf(args, tmp)
            say("impact snapshot, daily run")
            snapshot = run_snapshot(args, env, tmp)

        now = dt.datetime.now(dt.UTC)
        result = {
            "measured_at": now.isoformat(timespec="seconds"),
            "mode": "quick" if args.quick else "full",
            "machine": machine(args),
            "load_average": {"start": load_start, "end": [round(x, 2) for x in os.getloadavg()]},
            "settings": {
                "server": (
                    f"gunicorn, {memory['workers']} sync workers (gunicorn.conf.py), "
                    "alliance.settings with DEBUG off, PostgreSQL with psycopg's pool, Redis "
                    "cache and sessions (cached_db), one Celery worker on quick and slow"
                ),
                "think": args.think.replace(",", "–"),
            },
            "data": data_sizes(),
            "sessions_with_an_unknown_time_zone_set_to_utc": plan[
                "sessions_with_an_unknown_time_zone_set_to_utc"
            ],
            "load": load,
            "sizes": sizes,
            "queries": queries,
            "contention": contention,
            "gunicorn_statuses_whole_run": answers,
            "memory": memory,
            "pdf": pdf,
            "snapshot": snapshot,
            "targets": TARGETS,
        }
        write(args, result, now)
    finally:
        if sampler:
            sampler.stopping.set()
        processes.stop_all()
        try:
            flush_redis(args.redis_url)
        except Exception as error:
            say(f"could not empty {args.redis_url}: {error}")
        shutil.rmtree(tmp, ignore_errors=True)


ACCESS_LINE = re.compile(r'"[A-Z]+ (\S+) HTTP/[\d.]+" (\d{3}) ')


def access_log_statuses(log: Path) -> dict:
    """Every answer gunicorn logged, warm-up and contention included: counts by status, and
    the first few requests answered with a server error."""
    counts: dict[str, int] = {}
    server_errors: list[str] = []
    for line in log.read_text(errors="replace").splitlines():
        if match := ACCESS_LINE.search(line):
            path, status = match.groups()
            counts[status] = counts.get(status, 0) + 1
            if status.startswith("5") and len(server_errors) < 10:
                server_errors.append(f"{status} {path}")
    return {"by_status": dict(sorted(counts.items())), "server_errors": server_errors}


def wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited:\n{log.read_text()[-3000:]}")
        try:
            if requests.get(url, timeout=5).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer {url}:\n{log.read_text()[-3000:]}")


def write(args, result: dict, now: dt.datetime) -> None:
    verdicts(result)
    if args.quick:
        QUICK_OUT.mkdir(parents=True, exist_ok=True)
        result["file"] = "var/bench/quick.json"
        (QUICK_OUT / "quick.json").write_text(
            json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        )
        (QUICK_OUT / "performance.md").write_text(render(result))
        say(f"quick run written to {QUICK_OUT.relative_to(ROOT)}/ (docs/performance.md untouched)")
    else:
        RESULTS.mkdir(parents=True, exist_ok=True)
        result["file"] = f"bench/results/run-{now:%Y-%m-%d}.json"
        text = json.dumps(result, indent=2, ensure_ascii=False) + "\n"
        (ROOT / result["file"]).write_text(text)
        (RESULTS / "latest.json").write_text(text)
        DOC.parent.mkdir(parents=True, exist_ok=True)
        DOC.write_text(render(result))
        say(f"written {result['file']}, bench/results/latest.json and docs/performance.md")
    for row in result["table"]:
        say(
            f"  {row['page']:<20} p95 {fmt(row.get('p95_ms')):>6} ms"
            f"  x{fmt(row.get('ratio_to_floor'), 1):>5}"
            f"  {fmt(row.get('kb_compressed'), 1):>6} KB  q {row.get('queries')}  "
            f"{'met' if row['met'] else 'MISSED'}"
        )
    say(f"targets missed: {len(result['missed'])}")
    for miss in result["missed"]:
        say(f"  - {miss}")


if __name__ == "__main__":
    main()
