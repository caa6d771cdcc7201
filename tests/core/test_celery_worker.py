"""A real task, sent through Redis, run by a real `celery worker` process."""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
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


@pytest.mark.redis
def test_a_task_sent_through_redis_is_run_by_a_real_worker(celery_worker_process):
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    token = uuid.uuid4().hex

    probe.delay(token)

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and cache.get(f"celery-probe:{token}") is None:
        assert celery_worker_process.poll() is None, celery_worker_process.stdout.read().decode()
        time.sleep(0.2)
    assert cache.get(f"celery-probe:{token}") == "done"


def test_without_redis_tasks_run_in_process(settings):
    if settings.REDIS_URL:
        pytest.skip("REDIS_URL is set: tasks go to the broker, as in production")
    token = uuid.uuid4().hex

    probe.delay(token)

    assert cache.get(f"celery-probe:{token}") == "done"
