"""Every user-facing string is marked, and every catalogue is complete and current."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ["fr", "es", "ar", "zh_Hans", "ru"]
SOURCES = [
    "alliance",
    "contributors",
    "library",
    "courses",
    "workshops",
    "certification",
    "impact",
    "templates",
    "manage.py",
]


def catalogue(locale: str, root: Path = ROOT) -> Path:
    return root / "locale" / locale / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("locale", LOCALES)
def test_each_catalogue_is_fully_translated(locale):
    untranslated = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", str(catalogue(locale))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fuzzy = subprocess.run(
        ["msgattrib", "--only-fuzzy", "--no-obsolete", str(catalogue(locale))],
        capture_output=True,
        text=True,
        check=True,
    ).stdout

    assert untranslated == "", f"untranslated entries in {locale}:\n{untranslated[:2000]}"
    assert "msgid" not in fuzzy, f"fuzzy entries in {locale}:\n{fuzzy[:2000]}"


def test_the_catalogues_hold_every_string_the_code_marks(tmp_path):
    copy = tmp_path / "tree"
    copy.mkdir()
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, copy / name, ignore=shutil.ignore_patterns("__pycache__", "migrations")
            )
        else:
            shutil.copy(source, copy / name)
    (copy / "locale").mkdir()
    subprocess.run(
        # Run from the copy, so its settings point LOCALE_PATHS at the copy, not at locale/.
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            "DJANGO_SETTINGS_MODULE": "alliance.settings_test",
            "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(copy),
        },
    )

    result = subprocess.run(
        ["msgcmp", "--use-untranslated", str(catalogue("fr")), str(catalogue("fr", copy))],
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, (
        "strings marked for translation are missing from locale/: run `make messages` and "
        f"translate them\n{result.stderr[:3000]}"
    )
