"""Time the impact snapshot at the coalition's scale; the target: the daily run in under 5 minutes.

    .venv/bin/python bench/impact_snapshot.py [--skip-rebuild] [--dry-run]

Its database is its own, whatever DATABASE_URL says in your shell:
--database-url postgres://postgres@127.0.0.1:5432/alliance_bench_impact, created and migrated
here if needed (never the database you develop on). Settings: ``alliance.settings`` with DEBUG
off, as in production.

The data: ``manage.py generate_platform`` at the issue's sizes (100,000 learners, 1,000 courses
of 20 lessons, 1,000,000 lesson completions, 2,000 sessions with bookings, certificates) and
``manage.py generate_library`` (100,000 materials, whose download counts the snapshot totals),
each run in a subprocess so that its memory is not counted here, and reused between runs (after
the first, they find their data there and do nothing). The day of the snapshot is the last day
of the generated history, so a later run measures the same periods.

Then, in this process:

1. the daily run, ``impact.snapshot.snapshot_run(today=..., rebuild=False)``: this month and
   year (and yesterday's, on the first of a month) and all time;
2. the rebuild, ``snapshot_run(rebuild=True)``: every month since the first learner joined,
   every year, all time;
3. the staff dashboard's reads of the year: ``impact.selectors.headlines``, ``breakdowns`` (every
   dimension) and ``trend`` (every figure), each --reads times.

For each run: wall time, time and queries per period (computing and storing), the queries in
all and the slowest of them, and this process's peak resident memory (ru_maxrss). For the reads:
median and slowest time, and the number of queries (the same whatever the data). Results go to
bench/results/impact_snapshot.json with the machine's description.

This is a benchmark, not a test: nothing here runs under pytest.
"""

import argparse
import datetime as dt
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pgdb import database_ensure

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "impact_snapshot.json"
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/alliance_bench_impact"
SIZES = {
    "learners": 100_000,
    "courses": 1000,
    "lessons": 20,
    "progress": 1_000_000,
    "sessions": 2000,
}
MATERIALS = 100_000


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=DATABASE_URL, help="a database of its own")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--reads", type=int, default=50, help="repetitions of each dashboard read")
    parser.add_argument("--target-seconds", type=float, default=300.0, help="for the daily run")
    parser.add_argument("--skip-rebuild", action="store_true", help="time the daily run only")
    parser.add_argument("--dry-run", action="store_true", help="only make sure the data are there")
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args()


def setup_environment(args: argparse.Namespace) -> None:
    """Production settings on the benchmark's database; a developer's .env changes nothing."""
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
    os.environ.update(
        DJANGO_SETTINGS_MODULE="alliance.settings",
        DJANGO_DEBUG="false",
        DJANGO_ENV_FILE="/nonexistent",
        DATABASE_URL=args.database_url,
        EMAIL_URL="dummymail://",
        LOG_LEVEL="WARNING",
    )
    os.environ.pop("REDIS_URL", None)  # nothing here goes through Celery
    os.environ.pop("CELERY_BROKER_URL", None)


def manage(*arguments: str) -> None:
    """A management command in its own process (its memory is not this process's)."""
    command = [sys.executable, str(ROOT / "manage.py"), *arguments]
    subprocess.run(command, check=True, cwd=ROOT, env=os.environ)


def prepare_data(args: argparse.Namespace) -> None:
    started = time.perf_counter()
    manage("migrate", "--verbosity", "0")
    sizes = [f"--{name}={value}" for name, value in SIZES.items()]
    manage("generate_platform", f"--seed={args.seed}", *sizes)
    manage("generate_library", f"--count={MATERIALS}", f"--seed={args.seed}")
    print(f"Data ready ({time.perf_counter() - started:.1f} s).")


def setup_django() -> str:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("The benchmark runs on PostgreSQL: set --database-url.")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def history_end(seed: int) -> dt.date:
    """The day the generated history ends (its last learner joined 90 seconds before it)."""
    from django.contrib.auth import get_user_model

    last = (
        get_user_model()
        .objects.filter(email__startswith=f"gen-{seed}-", email__endswith="@generated.example")
        .order_by("-date_joined")
        .values_list("date_joined", flat=True)
        .first()
    )
    return (last + dt.timedelta(seconds=90)).astimezone(dt.UTC).date()


def data_sizes() -> dict:
    from django.contrib.auth import get_user_model

    from certification.models import Certificate
    from courses.models import Course, Enrolment, Lesson, LessonCompletion, QuizAttempt
    from library.models import Material
    from workshops.models import Booking, Session

    models = {
        "learners": get_user_model().objects.filter(is_staff=False),
        "courses": Course.objects.all(),
        "lessons": Lesson.objects.all(),
        "enrolments": Enrolment.objects.all(),
        "completed_enrolments": Enrolment.objects.exclude(completed_at=None),
        "lesson_completions": LessonCompletion.objects.all(),
        "quiz_attempts": QuizAttempt.objects.all(),
        "certificates": Certificate.objects.all(),
        "sessions": Session.objects.all(),
        "bookings": Booking.objects.all(),
        "attended": Booking.objects.filter(attended=True),
        "materials": Material.objects.all(),
    }
    return {name: queryset.count() for name, queryset in models.items()}


def peak_rss_mib() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def timed_snapshot(today: dt.date, rebuild: bool) -> dict:
    """One snapshot run, with the time and queries of each period's computing and storing."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from impact import snapshot

    per_period: dict[str, dict] = {}
    compute, store = snapshot.period_figures, snapshot.period_store

    def timed(function, key):
        def wrapper(period, *args, **kwargs):
            before = len(queries.captured_queries)
            started = time.perf_counter()
            result = function(period, *args, **kwargs)
            entry = per_period.setdefault(period, {"period": period})
            entry[f"{key}_seconds"] = round(time.perf_counter() - started, 2)
            entry[f"{key}_queries"] = len(queries.captured_queries) - before
            if key == "compute":
                entry["figures"] = len(result)
            return result

        return wrapper

    snapshot.period_figures = timed(compute, "compute")
    snapshot.period_store = timed(store, "store")
    try:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            run = snapshot.snapshot_run(today=today, rebuild=rebuild)
            seconds = time.perf_counter() - started
    finally:
        snapshot.period_figures, snapshot.period_store = compute, store
    slowest = sorted(queries.captured_queries, key=lambda q: float(q["time"]), reverse=True)
    return {
        "seconds": round(seconds, 1),
        "periods": len(run.periods),
        "figures": run.figures,
        "queries": len(queries.captured_queries),
        "peak_rss_mib_after": peak_rss_mib(),
        "per_period": list(per_period.values()),
        "slowest_queries": [
            {"seconds": float(q["time"]), "sql": q["sql"][:400]} for q in slowest[:8]
        ],
    }


def timed_reads(year: str, repetitions: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from impact import selectors
    from impact.definitions import Dimension, Metric
    from impact.models import Figure

    dimensions = [d for d in Dimension if d != Dimension.TOTAL]
    reads = {
        "headlines": lambda: selectors.headlines(period=year),
        "breakdowns": lambda: selectors.breakdowns(period=year, dimensions=dimensions),
        "trend": lambda: selectors.trend(year=year, metrics=list(Metric)),
    }
    result = {"period": year, "figure_rows_of_the_year": Figure.objects.filter(period=year).count()}
    for name, read in reads.items():
        read()  # warm
        times, queries = [], set()
        for _ in range(repetitions):
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                read()
                times.append((time.perf_counter() - started) * 1000)
            queries.add(len(captured))
        result[name] = {
            "median_ms": round(statistics.median(times), 2),
            "max_ms": round(max(times), 2),
            "queries": sorted(queries),
        }
    return result


def machine(server: str) -> dict:
    import django

    cpu = "unknown"
    with Path("/proc/cpuinfo").open() as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "django": django.get_version(),
        "postgresql": server,
    }


def report(label: str, run: dict) -> None:
    print(
        f"{label}: {run['seconds']} s for {run['periods']} periods ({run['figures']} figures), "
        f"{run['queries']} queries, peak RSS {run['peak_rss_mib_after']} MiB"
    )
    for entry in run["per_period"]:
        print(
            f"  {entry['period']:>7}: {entry['compute_seconds']:6.1f} s "
            f"({entry['compute_queries']} queries), stored in {entry['store_seconds']} s"
        )


def main() -> None:
    args = parse_args()
    setup_environment(args)
    if database_ensure(args.database_url):
        print("Created the benchmark's database.")
    prepare_data(args)
    server = setup_django()
    if args.dry_run:
        return
    today = history_end(args.seed)
    result = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(server),
        "settings": "alliance.settings, DEBUG off",
        "today": today.isoformat(),
        "data": data_sizes(),
        "peak_rss_mib_before": peak_rss_mib(),
    }
    print(f"Snapshot of {today} on {result['data']}")

    result["daily"] = timed_snapshot(today, rebuild=False)
    report("Daily run", result["daily"])
    if not args.skip_rebuild:
        result["rebuild"] = timed_snapshot(today, rebuild=True)
        report("Rebuild", result["rebuild"])
    result["dashboard_reads"] = timed_reads(str(today.year), args.reads)
    for name in ("headlines", "breakdowns", "trend"):
        read = result["dashboard_reads"][name]
        print(f"  {name}: median {read['median_ms']} ms, {read['queries']} queries")

    reads = [result["dashboard_reads"][name] for name in ("headlines", "breakdowns", "trend")]
    result["target"] = {
        "daily_run_seconds_under": args.target_seconds,
        "dashboard_reads": "one number of queries each, whatever the data; median under 100 ms",
    }
    result["met"] = (
        result["daily"]["seconds"] < args.target_seconds
        and all(len(read["queries"]) == 1 for read in reads)
        and all(read["median_ms"] < 100 for read in reads)
    )
    if args.output.exists():  # earlier measurements kept for comparison (noted by hand)
        result["earlier_runs"] = json.loads(args.output.read_text()).get("earlier_runs", [])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    verdict = "met" if result["met"] else "NOT met"
    print(f"Target (daily run < {args.target_seconds:g} s): {verdict}. Written to {args.output}")


if __name__ == "__main__":
    main()
