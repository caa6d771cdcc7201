from django.core.management.base import BaseCommand

from impact import snapshot


class Command(BaseCommand):
    help = "Compute the impact figures now: today's periods, or every period with --rebuild."

    def add_arguments(self, parser):
        parser.add_argument(
            "--rebuild", action="store_true", help="recompute every month and year since the start"
        )

    def handle(self, *args, rebuild=False, **options):
        run = snapshot.snapshot_run(rebuild=rebuild)
        seconds = (run.finished_at - run.started_at).total_seconds()
        self.stdout.write(f"{len(run.periods)} periods, {run.figures} figures, in {seconds:.1f} s")
