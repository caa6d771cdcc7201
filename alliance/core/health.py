"""The state of the parts the platform depends on: database, cache and broker."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from kombu import Connection


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"health:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    if cache.get(key) != "ok":
        raise RuntimeError("the cache did not return what was written")
    cache.delete(key)


def check_broker() -> None:
    url = settings.CELERY_BROKER_URL
    if url.startswith("memory://"):
        return  # tasks run in-process: there is no broker to reach
    with Connection(url, connect_timeout=2) as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


CHECKS = {"database": check_database, "cache": check_cache, "broker": check_broker}


def health_report() -> dict[str, str]:
    """Map each part to "ok" or to a short reason it is down."""
    report = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:  # any failure means the part is down, whatever raised it
            report[name] = f"down: {exc.__class__.__name__}"
        else:
            report[name] = "ok"
    return report
