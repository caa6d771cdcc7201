from celery import shared_task

from impact import snapshot


@shared_task(name="impact.snapshot")
def take_snapshot() -> int:
    """Run by Celery beat once a day; recomputing a period replaces its figures, so a re-run is
    harmless."""
    return snapshot.snapshot_run().figures
