"""Time 1,000 advanced certificates issued in bulk by real Celery workers; the target is under
2 minutes, with flat memory.

    .venv/bin/python bench/bulk_issue.py [--learners 1000] [--concurrency 2]

Production-shaped: ``alliance.settings`` (not the test settings), DEBUG off, PostgreSQL and Redis,
and a real ``celery -A alliance worker`` with two pool processes (``--concurrency 2``, what
production's ``celery worker`` starts on a machine of two cores). Its services are its own,
whatever DATABASE_URL and REDIS_URL say in your shell:

    --database-url postgres://postgres@127.0.0.1:5432/alliance_bench_cert   (created and migrated
        here if needed; never the database you develop on)
    --redis-url redis://127.0.0.1:6379/13   (emptied at the start, broker and cache alike)
    e-mail: dummymail:// (rendered and sent to nowhere); MEDIA_ROOT: a temporary folder, deleted
    at the end

The script replaces the learners of its previous run with --learners new ones who meet an
exam-assessed programme's requirements (bulk inserts: a completed enrolment, a passed exam and an
order paid at 0 through a waiver voucher each; names in Chinese, Arabic, Cyrillic and Latin
script, each learner's preferred language matching), starts the worker, and waits until it
answers. Then, timed from the call, staff start one bulk issue of all the orders
(``services.bulk_issue_start``), and the script polls until the bulk issue is done and every
certificate has its PDF (``pdf_sha256`` set), sampling every second the resident memory (VmRSS)
of the worker's main process and of each pool process. It prints and writes to
bench/results/bulk_issue.json the wall time to all issued and to all PDFs rendered, and each
process's memory at the start, its maximum, and at the end.

Memory counts as flat when no worker process grows by more than 20 MiB or 10%, whichever is
larger, between the moment a tenth of the PDFs are rendered (fonts and caches loaded) and the end.
The CPU time the worker used is reported too: with the load average, it tells a slow run on a
busy machine from a slow platform.

This is a benchmark, not a test: nothing here runs under pytest.
"""

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pgdb import database_ensure
from procstat import children, cpu_seconds, rss_kib

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "bulk_issue.json"

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/alliance_bench_cert"
REDIS_URL = "redis://127.0.0.1:6379/13"
PROGRAMME_SLUG = "bench-advanced-certificate"
LEARNER_DOMAIN = "bench.alliance.example"
STAFF_EMAIL = f"staff@{LEARNER_DOMAIN}"

# (preferred language, given names, family names): invented combinations, a quarter each.
NAMES = [
    (
        "zh-hans",
        ["小明", "静怡", "伟", "雨桐", "晓岚", "海峰", "子涵", "嘉欣"],
        ["王", "李", "张", "陈", "欧阳", "刘", "赵", "黄"],
    ),
    (
        "ar",
        ["فاطمة", "يوسف", "مريم", "أحمد", "ليلى", "عمر", "نور", "خالد"],
        ["الخطيب", "حداد", "الفاسي", "منصور", "العمري", "الحسيني", "عبدالله"],
    ),
    (
        "ru",
        ["Анна", "Дмитрий", "Екатерина", "Олег", "Юлия", "Григорий", "Ксения", "Эльдар"],
        ["Смирнова", "Волков", "Иванова", "Петренко", "Щербакова", "Жуков", "Фёдорова"],
    ),
    (
        "en",
        ["Alice", "José", "Ngozi", "Zoë", "Thảo", "Søren", "Ayşe", "Malik"],
        ["Moreau", "Álvarez", "Okafor", "Łukasiewicz", "Nguyễn", "Kierkegård", "Yılmaz"],
    ),
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=1000, help="certificates to issue")
    parser.add_argument("--concurrency", type=int, default=2, help="worker pool processes")
    parser.add_argument("--database-url", default=DATABASE_URL, help="a database of its own")
    parser.add_argument("--redis-url", default=REDIS_URL, help="emptied at the start")
    parser.add_argument("--target-seconds", type=float, default=120.0)
    parser.add_argument("--timeout", type=float, default=900.0, help="give up after this long")
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args()


def setup_environment(args: argparse.Namespace, media_root: Path) -> dict:
    """The environment of this process and of the worker: production settings, bench services."""
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
    os.environ.setdefault("SITE_URL", "https://alliance.example")
    os.environ.update(
        DJANGO_SETTINGS_MODULE="alliance.settings",
        DJANGO_DEBUG="false",
        DJANGO_ENV_FILE="/nonexistent",  # a developer's .env must not change the figures
        DATABASE_URL=args.database_url,
        REDIS_URL=args.redis_url,
        EMAIL_URL="dummymail://",
        MEDIA_ROOT=str(media_root),
    )
    os.environ.pop("CELERY_BROKER_URL", None)  # the broker is REDIS_URL, as in production
    return dict(os.environ)


def setup_django() -> str:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: the benchmark is production-shaped.")
    if settings.CELERY_TASK_ALWAYS_EAGER or not settings.REDIS_URL:
        sys.exit("Set REDIS_URL: the certificates must go through a real broker and worker.")
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        print("Migrating the benchmark database…")
        call_command("migrate", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def empty_redis(url: str) -> str:
    import redis

    client = redis.Redis.from_url(url)
    client.flushdb()
    return client.info("server")["redis_version"]


# --- The learners --------------------------------------------------------------------------


def remove_previous_run() -> None:
    from django.contrib.auth import get_user_model

    from certification.models import BulkIssue, Certificate, Order, Voucher

    Certificate.objects.filter(programme__slug=PROGRAMME_SLUG).delete()
    Order.objects.filter(programme__slug=PROGRAMME_SLUG).delete()
    Voucher.objects.filter(programme__slug=PROGRAMME_SLUG).delete()
    BulkIssue.objects.filter(created_by__email=STAFF_EMAIL).delete()
    get_user_model().objects.filter(email__endswith="@" + LEARNER_DOMAIN).delete()


def programme_with_exam():
    """An exam-assessed programme needing one course, whose quiz is the exam (kept between runs)."""
    from alliance.core.models import Topic
    from certification.models import Programme, Signatory
    from contributors.models import Organisation
    from courses.models import Course, CourseVersion, Module, Quiz

    organisation, _ = Organisation.objects.get_or_create(
        slug="bench-issuer",
        defaults={"name": "Bench Skills Institute", "kind": Organisation.Kind.ACADEMIA},
    )
    topic = Topic.objects.order_by("pk").first()
    course, _ = Course.objects.get_or_create(
        slug="bench-course",
        defaults={"topic": topic, "level": "beginner", "status": "published"},
    )
    version, _ = CourseVersion.objects.get_or_create(
        course=course,
        language="en",
        defaults={"title": "Generative AI foundations", "summary": "-", "status": "published"},
    )
    module, _ = Module.objects.get_or_create(version=version, order=1, defaults={"title": "Exam"})
    exam, _ = Quiz.objects.get_or_create(module=module, order=1, defaults={"title": "Final exam"})
    programme, _ = Programme.objects.get_or_create(
        slug=PROGRAMME_SLUG,
        defaults={
            "title": "Advanced Certificate in Generative AI",
            "description": "-",
            "criteria": "Completed the course and passed the final exam.",
            "topic": topic,
            "organisation": organisation,
            "assessment": Programme.Assessment.EXAM,
            "exam": exam,
            "base_price": Decimal("100.00"),
        },
    )
    programme.required_courses.add(course)
    for name, title in [
        ("Dr Amara Lindqvist-Oduya", "Programme Director, AI Skills Coalition"),
        ("Prof. Tomás Verhoeven-Sato", "Chair of the Certification Board, AI Skills Coalition"),
    ]:
        signatory, _ = Signatory.objects.update_or_create(name=name, defaults={"title": title})
        programme.signatories.add(signatory)
    return programme, version, exam


def learner_name(number: int) -> tuple[str, str]:
    language, given, family = NAMES[number % len(NAMES)]
    first, last = given[number // 4 % len(given)], family[number // 32 % len(family)]
    if language == "zh-hans":
        return language, last + first
    return language, f"{first} {last}"


def create_candidates(count: int):
    """count learners who meet the programme's requirements and hold a waived, paid order."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from certification.models import Order, Voucher
    from courses.models import Enrolment, QuizAttempt

    User = get_user_model()
    programme, version, exam = programme_with_exam()
    now = timezone.now()
    staff = User.objects.create_user(
        email=STAFF_EMAIL, is_staff=True, display_name="Bench staff", password=None
    )
    unusable = make_password(None)
    users = []
    for number in range(count):
        language, name = learner_name(number)
        users.append(
            User(
                email=f"learner-{number:05d}@{LEARNER_DOMAIN}",
                display_name=name,
                preferred_language=language,
                password=unusable,
            )
        )
    users = User.objects.bulk_create(users, batch_size=1000)
    enrolments = Enrolment.objects.bulk_create(
        [
            Enrolment(user=user, version=version, completed_at=now, progress_percent=100)
            for user in users
        ],
        batch_size=1000,
    )
    QuizAttempt.objects.bulk_create(
        [
            QuizAttempt(enrolment=e, quiz=exam, submitted_at=now, score=100, passed=True)
            for e in enrolments
        ],
        batch_size=1000,
    )
    waiver = Voucher.objects.create(
        code=f"BENCH-{uuid.uuid4().hex[:8].upper()}",
        kind=Voucher.Kind.WAIVER,
        programme=programme,
        max_uses=count,
        used=count,
    )
    orders = Order.objects.bulk_create(
        [
            Order(
                user=user,
                programme=programme,
                state=Order.State.PAID,
                base_price=programme.base_price,
                voucher=waiver,
                voucher_discount=programme.base_price,
                amount=Decimal("0"),
                currency=programme.currency,
                paid_at=now,
            )
            for user in users
        ],
        batch_size=1000,
    )
    return programme, staff, orders


# --- The worker ----------------------------------------------------------------------------


def start_worker(env: dict, concurrency: int, log: Path) -> subprocess.Popen:
    with log.open("wb") as handle:
        return subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "alliance",
                "worker",
                "--loglevel=info",
                f"--concurrency={concurrency}",
                "--without-gossip",
                "--without-mingle",
                "-n",
                f"bench-{uuid.uuid4().hex[:8]}@%h",
            ],
            cwd=ROOT,
            env=env,
            stdout=handle,
            stderr=subprocess.STDOUT,
        )


def wait_until_ready(worker: subprocess.Popen, concurrency: int, log: Path) -> None:
    """Until the worker and all its pool processes run, and it answers a ping."""
    from alliance.celery import app

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if worker.poll() is not None:
            sys.exit("The worker stopped:\n" + log.read_text()[-3000:])
        if len(children(worker.pid)) >= concurrency and app.control.ping(timeout=1.0):
            return
        time.sleep(0.5)
    sys.exit("The worker did not answer within a minute:\n" + log.read_text()[-3000:])


def stop_worker(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)  # warm shutdown
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


class MemorySampler(threading.Thread):
    """Every second, the RSS (and CPU time used) of the worker's main process and of each of its
    pool processes."""

    def __init__(self, worker_pid: int, started: float):
        super().__init__(daemon=True)
        self.worker_pid, self.started = worker_pid, started
        self.samples: dict[int, list[tuple[float, int]]] = {}
        self.cpu: dict[int, list[float]] = {}
        self.stop = threading.Event()

    def sample(self) -> None:
        at = round(time.monotonic() - self.started, 1)
        for pid in [self.worker_pid, *children(self.worker_pid)]:
            rss, cpu = rss_kib(pid), cpu_seconds(pid)
            if rss is not None and cpu is not None:
                self.samples.setdefault(pid, []).append((at, rss))
                self.cpu.setdefault(pid, [cpu, cpu])[1] = cpu

    def run(self) -> None:
        while not self.stop.is_set():
            self.sample()
            self.stop.wait(1.0)


# --- The run -------------------------------------------------------------------------------


def run(programme, staff, orders, timeout: float, sampler_factory) -> dict:
    from certification import services
    from certification.models import BulkIssue, Certificate

    total = len(orders)
    progress = []
    started = time.monotonic()
    sampler = sampler_factory(started)
    sampler.start()
    bulk = services.bulk_issue_start(orders=orders, by=staff)  # queued when its transaction commits
    issued_at = rendered_at = tenth_rendered_at = None
    pdfs = 0
    while time.monotonic() - started < timeout:
        time.sleep(0.5)
        elapsed = time.monotonic() - started
        bulk.refresh_from_db()
        pdfs = Certificate.objects.filter(programme=programme).exclude(pdf_sha256="").count()
        if not progress or elapsed - progress[-1]["s"] >= 5:
            progress.append({"s": round(elapsed, 1), "issued": bulk.issued, "pdfs": pdfs})
        if issued_at is None and bulk.state == BulkIssue.State.DONE:
            issued_at = elapsed
        if tenth_rendered_at is None and pdfs >= total / 10:
            tenth_rendered_at = elapsed
        if pdfs >= total:
            rendered_at = elapsed
            break
    sampler.sample()
    sampler.stop.set()
    sampler.join()
    elapsed = round(time.monotonic() - started, 1)
    progress.append({"s": elapsed, "issued": bulk.issued, "pdfs": pdfs})
    return {
        "bulk": bulk,
        "issued_at": issued_at,
        "rendered_at": rendered_at,
        "tenth_rendered_at": tenth_rendered_at,
        "progress": progress,
        "samples": sampler.samples,
        "cpu": sampler.cpu,
    }


def memory_report(
    samples: dict, cpu: dict, worker_pid: int, warm_at: float | None
) -> tuple[dict, bool]:
    report, flat = {}, True
    for pid, series in samples.items():
        label = "main" if pid == worker_pid else f"pool process {pid}"
        values = [rss for _at, rss in series]
        warm = [rss for at, rss in series if warm_at is not None and at >= warm_at]
        entry = {
            "pid": pid,
            "start_mib": round(values[0] / 1024, 1),
            "max_mib": round(max(values) / 1024, 1),
            "end_mib": round(values[-1] / 1024, 1),
            "samples": len(values),
            "cpu_seconds": round(cpu[pid][1] - cpu[pid][0], 1),
            # One sample in ten: the shape of the curve without a thousand numbers.
            "every_10_s_mib": [round(rss / 1024, 1) for _at, rss in series[::10]],
        }
        if warm:
            growth = (max(warm) - warm[0]) / 1024
            entry["after_warm_up_mib"] = round(warm[0] / 1024, 1)
            entry["growth_after_warm_up_mib"] = round(growth, 1)
            flat = flat and growth <= max(20.0, warm[0] / 1024 * 0.10)
        report[label] = entry
    return report, flat


def machine(server: str, redis_version: str) -> dict:
    import django
    import weasyprint
    from celery import __version__ as celery_version

    cpu = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "django": django.get_version(),
        "celery": celery_version,
        "weasyprint": weasyprint.__version__,
        "postgresql": server,
        "redis": redis_version,
    }


def main() -> None:
    args = parse_args()
    media_root = Path(tempfile.mkdtemp(prefix="alliance-bench-media-"))
    env = setup_environment(args, media_root)
    if database_ensure(args.database_url):
        print("Created the benchmark's database.")
    server = setup_django()
    redis_version = empty_redis(args.redis_url)
    about = machine(server, redis_version)

    set_up = time.perf_counter()
    remove_previous_run()
    programme, staff, orders = create_candidates(args.learners)
    print(f"{len(orders):,} candidates ready ({time.perf_counter() - set_up:.1f} s).")

    log = media_root.parent / f"{media_root.name}-worker.log"
    worker = start_worker(env, args.concurrency, log)
    try:
        wait_until_ready(worker, args.concurrency, log)
        print(f"Worker ready with {args.concurrency} pool processes; issuing…")
        outcome = run(
            programme,
            staff,
            orders,
            args.timeout,
            lambda started: MemorySampler(worker.pid, started),
        )
    finally:
        stop_worker(worker)

    from certification.models import Certificate

    bulk = outcome["bulk"]
    certificates = Certificate.objects.filter(programme=programme)
    files = len(list((media_root / "certificates").glob("*.pdf")))
    memory, flat = memory_report(
        outcome["samples"], outcome["cpu"], worker.pid, outcome["tenth_rendered_at"]
    )
    cpu_total = sum(entry["cpu_seconds"] for entry in memory.values())
    wall = outcome["rendered_at"]
    met = wall is not None and wall < args.target_seconds and flat
    result = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": about,
        "settings": "alliance.settings, DEBUG off, e-mail to dummymail://",
        "worker": f"celery -A alliance worker --concurrency={args.concurrency} (prefork)",
        "learners": args.learners,
        "bulk_issue": {"total": bulk.total, "issued": bulk.issued, "skipped": bulk.skipped},
        "certificates": certificates.count(),
        "pdfs_rendered": certificates.exclude(pdf_sha256="").count(),
        "pdf_files": files,
        "seconds_to_all_issued": outcome["issued_at"] and round(outcome["issued_at"], 1),
        "seconds_to_all_pdfs": wall and round(wall, 1),
        "certificates_per_second": wall and round(args.learners / wall, 1),
        # CPU the worker used, whatever else the machine was doing: with the load average,
        # it tells a slow run on a busy machine from a slow platform.
        "worker_cpu_seconds": round(cpu_total, 1),
        "worker_cpu_ms_per_certificate": round(cpu_total * 1000 / args.learners, 1),
        "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
        "memory": memory,
        "memory_flat": flat,
        "progress": outcome["progress"],
        "target": f"all {args.learners} PDFs in under {args.target_seconds:g} s, flat memory",
        "met": met,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")

    print(
        f"{bulk.issued:,} issued, {bulk.skipped} skipped, "
        f"{result['pdfs_rendered']:,} PDFs rendered ({files:,} files)."
    )
    if wall is None:
        print(f"Gave up after {args.timeout:g} s.")
    else:
        print(
            f"  all issued after {result['seconds_to_all_issued']} s, all PDFs after {wall:.1f} s"
            f" ({result['certificates_per_second']} certificates a second)"
        )
    print(
        f"  worker CPU: {result['worker_cpu_seconds']} s, "
        f"{result['worker_cpu_ms_per_certificate']} ms a certificate; load average "
        f"{about['load_average_at_start'][0]} at the start, "
        f"{result['load_average_at_end'][0]} at the end"
    )
    for label, entry in memory.items():
        print(
            f"  RSS {label}: {entry['start_mib']} MiB at start, max {entry['max_mib']},"
            f" {entry['end_mib']} at the end"
            + (
                f" (+{entry['growth_after_warm_up_mib']} MiB after warm-up)"
                if "growth_after_warm_up_mib" in entry
                else ""
            )
        )
    verdict = "met" if met else "NOT met"
    print(f"Target under {args.target_seconds:g} s with flat memory: {verdict}.")
    print(f"Results written to {args.output}")
    shutil.rmtree(media_root, ignore_errors=True)
    if wall is None:
        print(f"Worker log kept: {log}")
    else:
        log.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
