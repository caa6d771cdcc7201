import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env_overrides):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update({"DJANGO_SETTINGS_MODULE": "alliance.settings", **env_overrides})
    # An empty .env path keeps a developer's local .env (DEBUG on) out of the check.
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage("check", DJANGO_ENV_FILE=str(tmp_path / "none"))

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_the_deployment_checks_pass_under_production_settings(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_ENV_FILE=str(tmp_path / "none"),
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "k7Qz" * 10,
        DJANGO_ALLOWED_HOSTS="alliance.example",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
