"""Vocabularies shared by several apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Level(models.TextChoices):
    BEGINNER = "beginner", _("Beginner")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


# Licences contributors offer their material under, by SPDX identifier.
LICENCES = [
    ("CC-BY-4.0", "CC BY 4.0"),
    ("CC-BY-SA-4.0", "CC BY-SA 4.0"),
    ("CC-BY-NC-4.0", "CC BY-NC 4.0"),
    ("CC-BY-NC-SA-4.0", "CC BY-NC-SA 4.0"),
    ("CC-BY-ND-4.0", "CC BY-ND 4.0"),
    ("CC-BY-NC-ND-4.0", "CC BY-NC-ND 4.0"),
    ("CC0-1.0", "CC0 1.0"),
    ("MIT", "MIT"),
    ("Apache-2.0", "Apache 2.0"),
    ("GPL-3.0-or-later", "GPL 3.0 or later"),
    ("LicenseRef-All-Rights-Reserved", _("All rights reserved (free to view)")),
]
LICENCE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC-BY-SA-4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC-BY-NC-4.0": "https://creativecommons.org/licenses/by-nc/4.0/",
    "CC-BY-NC-SA-4.0": "https://creativecommons.org/licenses/by-nc-sa/4.0/",
    "CC-BY-ND-4.0": "https://creativecommons.org/licenses/by-nd/4.0/",
    "CC-BY-NC-ND-4.0": "https://creativecommons.org/licenses/by-nc-nd/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "MIT": "https://spdx.org/licenses/MIT.html",
    "Apache-2.0": "https://www.apache.org/licenses/LICENSE-2.0",
    "GPL-3.0-or-later": "https://www.gnu.org/licenses/gpl-3.0.html",
}

# Currencies pledges are made in (ISO 4217); staff can add more here.
CURRENCIES = [
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("CHF", "CHF"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("KES", "KES"),
    ("NGN", "NGN"),
    ("ZAR", "ZAR"),
    ("INR", "INR"),
    ("BRL", "BRL"),
    ("XOF", "XOF"),
    ("EGP", "EGP"),
    ("RUB", "RUB"),
]
