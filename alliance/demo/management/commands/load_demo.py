from django.core.management.base import BaseCommand

from alliance.core import countries, topics
from certification import demo as certification_demo
from contributors import demo as contributors_demo
from courses import demo as courses_demo
from impact import demo as impact_demo
from library import demo as library_demo
from workshops import demo as workshops_demo

# Each area's demo loader, in dependency order. Every loader is idempotent.
LOADERS = [
    ("topics", topics.load),
    ("country groups", countries.load),
    ("founding contributors", contributors_demo.load),
    ("courses", courses_demo.load),
    ("library", library_demo.load),
    ("workshops", workshops_demo.load),
    ("government track applications", workshops_demo.load_tracks),
    ("certification programmes", certification_demo.load),
    # Last: demo learners' activity in everything above, then the impact figures computed.
    ("impact demo learners", impact_demo.load),
]


class Command(BaseCommand):
    help = "Load the demo data set. Safe to run again: a second run changes nothing."

    def handle(self, *args, **options):
        for label, loader in LOADERS:
            count = loader()
            self.stdout.write(f"  {label}: {count}")
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
