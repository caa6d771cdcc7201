"""Time certificate PDFs with Chinese, Arabic, Cyrillic and Latin names; the target is under
100 ms per certificate once the fonts are loaded.

    .venv/bin/python bench/certificate_pdf.py [--count 200]

No database is needed: the certificates are unsaved ``Certificate`` objects, rendered by
``certification.pdf.certificate_pdf`` exactly as the Celery task renders a stored one. One
warm-up render per script comes first (it loads the fonts, and its time is reported as the cold
render); then --count certificates are rendered in turn, a quarter in each script, each in the
language a learner writing that script would most likely have taken the course in (so the
Arabic ones are laid out right to left). The script prints min, median, p95 and max milliseconds
per PDF for each script and overall, and the process's peak RSS, and writes them with a
description of the machine to bench/results/certificate_pdf.json. It also checks, on one
certificate per script, that a second render gives the same bytes and that pdftotext finds the
learner's name in the PDF (when pdftotext is installed), and names the CJK font embedded (when
pdffonts is): "Noto-Sans-CJK-Common" is the smaller font of certification/fonts.py, made once
per machine (by the first Chinese warm-up render if it is not there yet, which makes that render
slower), "Noto-Sans-CJK-SC" the full font.

This is a benchmark, not a test: nothing here runs under pytest.
"""

import argparse
import ctypes
import ctypes.util
import datetime as dt
import json
import logging
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "certificate_pdf.json"


@dataclass(frozen=True)
class Script:
    key: str
    language: str
    title: str
    issuer: str
    names: tuple[str, ...]


# Invented names, several per script so that every PDF subsets a different set of glyphs.
SCRIPTS = [
    Script(
        "chinese",
        "zh-hans",
        "人工智能促进可持续发展",
        "United Nations Development Programme (UNDP)",
        ("王小明", "李静怡", "张伟", "陈雨桐", "欧阳晓岚", "刘海峰", "赵子涵", "黄嘉欣"),
    ),
    Script(
        "arabic",
        "ar",
        "أساسيات تعلم الآلة",
        "Amazon Web Services (AWS)",
        (
            "فاطمة الزهراء بن علي",
            "يوسف الخطيب",
            "مريم عبد الله",
            "أحمد الحسيني",
            "ليلى حداد",
            "عمر الفاسي",
            "نور الهدى منصور",
            "خالد العمري",
        ),
    ),
    Script(
        "cyrillic",
        "ru",
        "Этика и управление искусственным интеллектом",
        "United Nations Institute for Training and Research (UNITAR)",
        (
            "Анна Смирнова",
            "Дмитрий Волков",
            "Екатерина Иванова",
            "Олег Петренко",
            "Юлия Щербакова",
            "Григорий Жуков",
            "Ксения Фёдорова",
            "Эльдар Хабибуллин",
        ),
    ),
    Script(
        "latin",
        "en",
        "Advanced Certificate in Generative AI",
        "AI Academy Asia",
        (
            "Alice Moreau",
            "José Álvarez Muñoz",
            "Ngozi Okafor",
            "Zoë Łukasiewicz-Brontë",
            "Thảo Nguyễn",
            "Søren Kierkegård",
            "Ayşe Yılmaz",
            "Malik O'Connor",
        ),
    ),
]

SIGNATORIES = [
    {"name": "Dr Amara Lindqvist-Oduya", "title": "Programme Director, AI Skills Coalition"},
    {
        "name": "Prof. Tomás Verhoeven-Sato",
        "title": "Chair of the Certification Board, AI Skills Coalition",
    },
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200, help="timed PDFs, over all scripts")
    parser.add_argument("--target-ms", type=float, default=100.0, help="per-PDF target")
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args()


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DJANGO_SETTINGS_MODULE"] = "alliance.settings_test"
    import django

    django.setup()


def certificate(script: Script, number: int):
    """An unsaved certificate, alternately advanced and of completion; its id is fixed by its
    script and number, so two runs render the same certificates."""
    from certification.models import Certificate

    advanced = number % 2 == 0
    return Certificate(
        id=uuid.uuid5(uuid.NAMESPACE_URL, f"bench-certificate/{script.key}/{number}"),
        kind=Certificate.Kind.ADVANCED if advanced else Certificate.Kind.COMPLETION,
        learner_name=script.names[number % len(script.names)],
        title=script.title,
        issuer_name=script.issuer,
        signatories=SIGNATORIES if advanced else [],
        language=script.language,
        issued_at=dt.datetime(2027, 3, 1, 9, 0, tzinfo=dt.UTC) + dt.timedelta(hours=number),
    )


def rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def peak_rss_kib() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def machine() -> dict:
    import weasyprint

    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    from weasyprint.text.ffi import pango

    pango_version = pango.pango_version()  # 15012 for 1.50.12
    hb_version = ""
    if library := ctypes.util.find_library("harfbuzz"):
        hb_version_string = ctypes.CDLL(library).hb_version_string
        hb_version_string.restype = ctypes.c_char_p
        hb_version = hb_version_string().decode()
    return {
        "cpu": cpu or platform.processor(),
        "cores": os.cpu_count(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "weasyprint": weasyprint.__version__,
        "pango": f"{pango_version // 10000}.{pango_version // 100 % 100}.{pango_version % 100}",
        "harfbuzz": hb_version,
        "platform": platform.platform(),
    }


def stats(times: list[float]) -> dict:
    ordered = sorted(times)
    p95 = statistics.quantiles(ordered, n=100, method="inclusive")[94] if len(times) > 1 else 0
    return {
        "pdfs": len(times),
        "min_ms": round(ordered[0], 1),
        "median_ms": round(statistics.median(ordered), 1),
        "p95_ms": round(p95 or ordered[-1], 1),
        "max_ms": round(ordered[-1], 1),
        "mean_ms": round(statistics.fmean(ordered), 1),
    }


def text_of(content: bytes) -> str | None:
    """The PDF's text as pdftotext extracts it; None without pdftotext."""
    if not shutil.which("pdftotext"):
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", handle.name, "-"],
            capture_output=True,
            check=True,
            timeout=30,
        )
    return result.stdout.decode()


def cjk_fonts_of(content: bytes) -> list[str] | None:
    """The CJK fonts the PDF embeds, without their subset prefix; None without pdffonts."""
    if not shutil.which("pdffonts"):
        return None
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        handle.write(content)
        handle.flush()
        result = subprocess.run(
            ["pdffonts", handle.name], capture_output=True, check=True, timeout=30, text=True
        )
    names = {line.split()[0].split("+", 1)[-1] for line in result.stdout.splitlines()[2:]}
    return sorted(name for name in names if "CJK" in name)


def checks(render) -> dict:
    """Same certificate, same bytes; the learner's name extractable from each script's PDF; the
    CJK font it embeds, if any."""
    out = {}
    for script in SCRIPTS:
        cert = certificate(script, 0)
        first, second = render(cert), render(cert)
        text = text_of(first)
        out[script.key] = {
            "deterministic": first == second,
            "bytes": len(first),
            "name_extracted": None if text is None else cert.learner_name in text,
            "cjk_fonts": cjk_fonts_of(first),
        }
    return out


def main() -> None:
    args = parse_args()
    setup_django()
    from certification.pdf import certificate_pdf

    # WeasyPrint logs every CSS declaration it ignores; keep the console to the figures.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    rss_start = rss_kib()
    cold = {}
    for script in SCRIPTS:
        started = time.perf_counter()
        certificate_pdf(certificate(script, 0))
        cold[script.key] = round((time.perf_counter() - started) * 1000, 1)
    rss_warm = rss_kib()

    times: dict[str, list[float]] = {script.key: [] for script in SCRIPTS}
    cpu_times: dict[str, list[float]] = {script.key: [] for script in SCRIPTS}
    for number in range(args.count):
        script = SCRIPTS[number % len(SCRIPTS)]
        cert = certificate(script, 1 + number // len(SCRIPTS))
        started, cpu_started = time.perf_counter(), time.process_time()
        certificate_pdf(cert)
        times[script.key].append((time.perf_counter() - started) * 1000)
        cpu_times[script.key].append((time.process_time() - cpu_started) * 1000)
    rss_end = rss_kib()

    overall = stats([t for series in times.values() for t in series])
    per_script = {key: stats(series) for key, series in times.items()}
    cpu_overall = stats([t for series in cpu_times.values() for t in series])
    cpu_per_script = {key: stats(series) for key, series in cpu_times.items()}
    verified = checks(certificate_pdf)
    met = all(s["p95_ms"] < args.target_ms for s in [overall, *per_script.values()])
    result = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "pdfs": args.count,
        "warm_up": "one render per script before timing, which loads its fonts",
        "first_render_ms": cold,
        "overall": overall,
        "by_script": per_script,
        # CPU time of this process per PDF: what the render costs, whatever else the machine
        # was doing at the time (the wall-clock figures above include waiting for a core).
        "cpu_overall": cpu_overall,
        "cpu_by_script": cpu_per_script,
        "rss_mib": {
            "start": round(rss_start / 1024, 1),
            "after_warm_up": round(rss_warm / 1024, 1),
            "end": round(rss_end / 1024, 1),
            "peak": round(max(peak_rss_kib(), rss_end) / 1024, 1),
        },
        "checks": verified,
        "target": f"p95 under {args.target_ms:g} ms per PDF, for each script and overall",
        "target_ms": args.target_ms,
        "met": met,
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")

    print(f"{args.count} certificate PDFs after one warm-up render per script:")
    print(
        f"  {'script':<10} {'min':>7} {'median':>7} {'p95':>7} {'max':>7}"
        f"   (ms per PDF; CPU median, p95)"
    )
    for key, row, cpu in [
        *((key, per_script[key], cpu_per_script[key]) for key in per_script),
        ("overall", overall, cpu_overall),
    ]:
        print(
            f"  {key:<10} {row['min_ms']:>7} {row['median_ms']:>7} {row['p95_ms']:>7}"
            f" {row['max_ms']:>7}   ({cpu['median_ms']}, {cpu['p95_ms']})"
        )
    print(
        "  first render per script (fonts loading): "
        + ", ".join(f"{key} {ms} ms" for key, ms in cold.items())
    )
    rss = result["rss_mib"]
    print(f"  RSS: {rss['start']} MiB at start, {rss['end']} MiB at the end, peak {rss['peak']}")
    for key, check in verified.items():
        if not check["deterministic"] or check["name_extracted"] is False:
            print(f"  CHECK FAILED for {key}: {check}")
    verdict = "met" if met else "NOT met"
    print(f"Target p95 < {args.target_ms:g} ms per PDF: {verdict}.")
    print(f"Results written to {args.output}")


if __name__ == "__main__":
    main()
