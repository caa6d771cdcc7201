from celery import shared_task
from django.core.cache import cache


@shared_task(name="core.probe")
def probe(token: str) -> str:
    """Write a token to the shared cache, so a caller can see that a worker ran the task."""
    cache.set(f"celery-probe:{token}", "done", timeout=300)
    return token
