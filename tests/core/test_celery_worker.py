"""A real task, sent through Redis, run by a real `celery worker` process."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.core.cache import cache

from alliance.core.tasks import probe

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def celery_worker_process():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "alliance.settings_test"}
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "alliance",
            "worker",
            "--pool=solo",
            "--loglevel=warning",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "-n",
            f"test-{uuid.uuid4().hex[:8]}@%h",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    yield worker
    worker.terminate()
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()


@pytest.fixture
def through_the_broker():
    """Send tasks to Redis for this test, as production does (tests otherwise run them eagerly)."""
    from alliance.celery import app

    app.conf.task_always_eager = False
    yield
    app.conf.task_always_eager = True


@pytest.mark.redis
def test_a_task_sent_through_redis_is_run_by_a_real_worker(
    celery_worker_process, through_the_broker
):
    token = uuid.uuid4().hex

    probe.delay(token)

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and cache.get(f"celery-probe:{token}") is None:
        assert celery_worker_process.poll() is None, celery_worker_process.stdout.read().decode()
        time.sleep(0.2)
    assert cache.get(f"celery-probe:{token}") == "done"


@pytest.mark.parametrize(
    ("redis_url", "eager"), [("", "True"), ("redis://127.0.0.1:6379/0", "False")]
)
def test_tasks_run_in_process_exactly_when_no_redis_is_configured(redis_url, eager):
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "CELERY_BROKER_URL")}
    env.update(
        DJANGO_SETTINGS_MODULE="alliance.settings",
        DJANGO_SECRET_KEY="x" * 50,
        REDIS_URL=redis_url,
        DJANGO_ENV_FILE="/nonexistent",
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            " print(settings.CELERY_TASK_ALWAYS_EAGER, settings.CELERY_BROKER_URL)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.stdout.split()[0] == eager, result.stderr
    assert result.stdout.split()[1] == (redis_url or "memory://")
