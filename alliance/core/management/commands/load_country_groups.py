from django.core.management.base import BaseCommand

from alliance.core import countries


class Command(BaseCommand):
    help = (
        "Load the UN LDC list, World Bank income groups and UN M49 regions from "
        "alliance/core/data/. Safe to run again: unchanged rows are not written."
    )

    def handle(self, *args, **options):
        result = countries.country_statuses_sync()
        counts = countries.country_status_counts()
        self.stdout.write(
            f"Countries: {result.total} in the files, "
            f"{result.created} created, {result.updated} updated."
        )
        self.stdout.write(f"  total: {counts['total']}")
        self.stdout.write(f"  least developed countries: {counts['ldc']}")
        for group, count in counts["income"].items():
            self.stdout.write(f"  {group}: {count}")
        self.stdout.write(self.style.SUCCESS("Country groups loaded."))
