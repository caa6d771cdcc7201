from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from alliance.accounts.models import User


class Command(BaseCommand):
    help = "Create the demo staff account (or reset its password) and print how to sign in."

    def handle(self, *args, **options):
        email = settings.DEMO_STAFF_EMAIL
        password = settings.DEMO_STAFF_PASSWORD
        if not password:
            raise CommandError("Set DEMO_STAFF_PASSWORD (make run writes one into .env).")
        with transaction.atomic():
            user, created = User.objects.get_or_create(
                email=email,
                defaults={"is_staff": True, "is_superuser": True, "display_name": "Alliance staff"},
            )
            if created or not user.check_password(password):
                user.set_password(password)
                user.save(update_fields=["password"])
            EmailAddress.objects.update_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
        self.stdout.write(
            self.style.SUCCESS("Staff sign-in: ")
            + f"{email} / {password}  "
            + "(the administration asks you to set up an authenticator app on first use)"
        )
