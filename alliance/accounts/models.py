from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.accounts.timezones import known_timezones


def validate_timezone(value: str) -> None:
    if value and value not in known_timezones():
        raise ValidationError(_("“%(value)s” is not a known time zone."), params={"value": value})


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person on the platform. The e-mail address is the login; there are no usernames."""

    class Gender(models.TextChoices):
        WOMAN = "woman", _("Woman")
        MAN = "man", _("Man")
        NON_BINARY = "non-binary", _("Non-binary")
        SELF_DESCRIBED = "other", _("Another gender")
        UNDISCLOSED = "undisclosed", _("Prefer not to say")

    class AgeBand(models.TextChoices):
        UNDER_18 = "under-18", _("Under 18")
        FROM_18_TO_24 = "18-24", _("18 to 24")
        FROM_25_TO_34 = "25-34", _("25 to 34")
        FROM_35_TO_49 = "35-49", _("35 to 49")
        FROM_50_TO_64 = "50-64", _("50 to 64")
        OVER_64 = "65+", _("65 or over")
        UNDISCLOSED = "undisclosed", _("Prefer not to say")

    class Disability(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")
        UNDISCLOSED = "undisclosed", _("Prefer not to say")

    YOUTH_AGE_BANDS = (AgeBand.UNDER_18, AgeBand.FROM_18_TO_24)

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("name on certificates"),
        max_length=120,
        blank=True,
        help_text=_("Your name as it should appear on certificates, in any script."),
    )
    country = CountryField(_("country"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=10, choices=settings.LANGUAGES, blank=True
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, blank=True, validators=[validate_timezone]
    )
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, blank=True)
    age_band = models.CharField(_("age band"), max_length=16, choices=AgeBand.choices, blank=True)
    disability = models.CharField(
        _("disability"), max_length=16, choices=Disability.choices, blank=True
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_ci_unique"),
        ]

    def __str__(self):
        return self.display_name or self.email

    def get_full_name(self):
        return self.display_name or self.email

    def get_short_name(self):
        return self.display_name or self.email.split("@")[0]

    @property
    def has_demographics(self) -> bool:
        return bool(self.gender or self.age_band or self.disability)
