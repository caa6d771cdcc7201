"""Time library searches on a 100,000-material library; the target is p95 under 50 ms.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/alliance_bench \\
        .venv/bin/python bench/library_search.py [--requests 300] [--dry-run]

The database must be PostgreSQL and migrated (``manage.py migrate``). The script tops the library
up to --count synthetic materials with ``manage.py generate_library`` (nothing to do after the
first run), vacuums and analyses the table as autovacuum would, then sends --warmup untimed and
--requests timed GET requests to /library/ through Django's test client: a text query and a few
filters each, drawn from a fixed seed so that every run asks the same questions. It prints p50, p95
and p99 in milliseconds and the queries per request, and writes them to
bench/results/library_search.json.

--dry-run stops after the data are in place. This is a benchmark, not a test: nothing here runs
under pytest.
"""

import argparse
import datetime as dt
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "library_search.json"

# Words people type: subjects in the six languages, authors' and contributors' names, prefixes.
TERMS = [
    "machine learning",
    "generative AI",
    "governance",
    "ethics",
    "climate",
    "agriculture",
    "fairness",
    "neural networks",
    "prompt",
    "data literacy",
    "policy brief",
    "notebook",
    "visualisation",
    "teachers",
    "apprentissage automatique",
    "éthique",
    "données",
    "gobernanza",
    "datos",
    "aprendizaje",
    "машинное обучение",
    "этика",
    "данных",
    "الذكاء الاصطناعي",
    "التعلم الآلي",
    "机器学习",
    "数据",
    "人工智能治理",
    "Kamau",
    "Traoré",
    "UNITAR",
    "Microsoft",
    "gov",
    "learn",
]
FILTERS = {
    "topic": [
        "generative-ai",
        "machine-learning",
        "ai-for-sustainable-development",
        "ai-governance-and-ethics",
        "data-and-digital-skills",
    ],
    "language": ["en", "fr", "es", "ar", "zh-hans", "ru"],
    "type": [
        "document",
        "slides",
        "video",
        "audio",
        "dataset",
        "notebook",
        "course-pack",
        "web-link",
    ],
    "level": ["beginner", "intermediate", "advanced"],
    "audience": ["learners", "educators", "developers", "policymakers"],
    "licence": ["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "MIT"],
    "year": ["2021", "2022", "2023", "2024", "2025"],
    "accessibility": ["captions", "transcript", "screen-reader-pdf", "easy-read"],
    "sort": ["relevance", "newest", "most-used"],
}


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="synthetic materials")
    parser.add_argument("--seed", type=int, default=1, help="seed of the materials and URLs")
    parser.add_argument("--requests", type=int, default=300, help="timed requests")
    parser.add_argument("--warmup", type=int, default=30, help="untimed requests first")
    parser.add_argument("--target-ms", type=float, default=50.0, help="p95 target")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--dry-run", action="store_true", help="only make sure the data are there")
    return parser.parse_args()


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "alliance.settings_test"
    import django

    django.setup()


def check_database() -> str:
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    if connection.vendor != "postgresql":
        sys.exit(
            "Set DATABASE_URL to a PostgreSQL database: the benchmark measures its full-text "
            "search, which SQLite does not have."
        )
    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        sys.exit("The database has unapplied migrations: run `manage.py migrate` on it first.")
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        return cursor.fetchone()[0]


def prepare_data(count: int, seed: int) -> int:
    from django.core.management import call_command
    from django.db import connection

    from library.models import Material

    call_command("generate_library", count=count, seed=seed, batch=5000)
    with connection.cursor() as cursor:
        # As autovacuum leaves a live table: statistics, and a visibility map that lets the facet
        # counts read their covering index alone.
        cursor.execute("VACUUM (ANALYZE) library_material")
    return Material.objects.filter(status=Material.Status.PUBLISHED).count()


def search_urls(n: int, seed: int) -> list[str]:
    """n library URLs: most with a text query, all with zero to three filters, a few paged."""
    rng = random.Random(seed)
    urls = []
    for _ in range(n):
        params: list[tuple[str, str]] = []
        if rng.random() < 0.85:
            params.append(("q", rng.choice(TERMS)))
        for name in rng.sample(sorted(FILTERS), k=rng.choice([0, 1, 1, 2, 2, 3])):
            params.append((name, rng.choice(FILTERS[name])))
        if rng.random() < 0.1:
            params.append(("page", str(rng.randint(2, 5))))
        urls.append("/library/?" + urlencode(params) if params else "/library/")
    return urls


def percentile(sorted_values: list[float], share: float) -> float:
    """The value below which ``share`` of the values fall, interpolated between samples."""
    return statistics.quantiles(sorted_values, n=1000, method="inclusive")[round(share * 1000) - 1]


def run(urls: list[str], warmup: int) -> list[dict]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    setup_test_environment()  # lets the test client's "testserver" host in
    client = Client()
    for url in urls[:warmup]:
        client.get(url)
    samples = []
    for url in urls[warmup:]:
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            elapsed = (time.perf_counter() - started) * 1000
        samples.append(
            {"url": url, "ms": elapsed, "status": response.status_code, "queries": len(queries)}
        )
    return samples


def report(samples: list[dict], args, materials: int, server: str) -> dict:
    import django

    times = sorted(s["ms"] for s in samples)
    queries = [s["queries"] for s in samples]
    errors = [s for s in samples if s["status"] != 200]
    p95 = percentile(times, 0.95)
    return {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "postgresql": server,
        "django": django.get_version(),
        "python": platform.python_version(),
        "published_materials": materials,
        "requests": len(samples),
        "warmup_requests": args.warmup,
        "p50_ms": round(percentile(times, 0.50), 1),
        "p95_ms": round(p95, 1),
        "p99_ms": round(percentile(times, 0.99), 1),
        "mean_ms": round(statistics.fmean(times), 1),
        "max_ms": round(times[-1], 1),
        "queries_per_request": {
            "mean": round(statistics.fmean(queries), 2),
            "min": min(queries),
            "max": max(queries),
        },
        "non_200_responses": len(errors),
        "target_p95_ms": args.target_ms,
        "target_met": p95 < args.target_ms and not errors,
        "slowest": [
            {"url": s["url"], "ms": round(s["ms"], 1), "queries": s["queries"]}
            for s in sorted(samples, key=lambda s: s["ms"], reverse=True)[:10]
        ],
        "errors": [{"url": s["url"], "status": s["status"]} for s in errors[:10]],
    }


def main() -> None:
    args = parse_args()
    setup_django()
    server = check_database()
    started = time.perf_counter()
    materials = prepare_data(args.count, args.seed)
    print(f"{materials:,} published materials ready ({time.perf_counter() - started:.1f} s).")
    if args.dry_run:
        return

    samples = run(search_urls(args.warmup + args.requests, args.seed), args.warmup)
    result = report(samples, args, materials, server)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")

    q = result["queries_per_request"]
    print(
        f"{result['requests']} searches after {args.warmup} warm-up requests, PostgreSQL {server}:"
        f"\n  p50 {result['p50_ms']} ms   p95 {result['p95_ms']} ms   p99 {result['p99_ms']} ms"
        f"   (mean {result['mean_ms']} ms, max {result['max_ms']} ms)"
        f"\n  queries per request: {q['mean']} on average ({q['min']} to {q['max']})"
    )
    if result["non_200_responses"]:
        print(f"  {result['non_200_responses']} responses were not 200 OK, e.g.:")
        for error in result["errors"][:3]:
            print(f"    {error['status']} {error['url']}")
    verdict = "met" if result["target_met"] else "NOT met"
    print(f"Target p95 < {args.target_ms:g} ms: {verdict}.")
    print(f"Results written to {args.output}")


if __name__ == "__main__":
    main()
