"""Demo data: the coalition's founding contributors, as the announcement lists them."""

from datetime import UTC, datetime

from django.db import transaction
from django.utils.text import slugify

from contributors.models import Application, Organisation

K = Organisation.Kind

# (name, type, country, website) for the 27 founding contributors.
FOUNDING_CONTRIBUTORS = [
    ("AI Academy Asia", K.ACADEMIA, "", ""),
    ("AI Commons", K.NGO, "", ""),
    ("AI Governance Ltd", K.PRIVATE_SECTOR, "GB", ""),
    ("Altruistic", K.PRIVATE_SECTOR, "", ""),
    ("Amazon Web Services (AWS)", K.PRIVATE_SECTOR, "US", "https://aws.amazon.com/"),
    ("Black Women in AI", K.NGO, "", ""),
    ("Breakthrough", K.NGO, "", ""),
    ("CIT Coding Academy", K.ACADEMIA, "", ""),
    ("Coding and more", K.NGO, "", ""),
    ("Cognizant", K.PRIVATE_SECTOR, "US", "https://www.cognizant.com/"),
    ("East African Community", K.INTERGOVERNMENTAL, "TZ", "https://www.eac.int/"),
    ("equitably.ai", K.PRIVATE_SECTOR, "", ""),
    ("Exponential Coaching International", K.PRIVATE_SECTOR, "", ""),
    ("FAIR Forward", K.GOVERNMENT, "DE", ""),
    ("Frontline Associates", K.PRIVATE_SECTOR, "", ""),
    ("Geneva Human Rights Platform", K.ACADEMIA, "CH", ""),
    ("JA Worldwide", K.NGO, "US", "https://www.jaworldwide.org/"),
    ("Lady Justice", K.NGO, "", ""),
    ("Microsoft", K.PRIVATE_SECTOR, "US", "https://www.microsoft.com/"),
    ("OpenUK", K.NGO, "GB", "https://openuk.uk/"),
    ("SheAI", K.NGO, "", ""),
    ("Swiss Sustainable Finance", K.NGO, "CH", ""),
    ("Tony Blair Institute for Global Change", K.NGO, "GB", "https://institute.global/"),
    ("United Nations Development Programme (UNDP)", K.UN_AGENCY, "", "https://www.undp.org/"),
    (
        "United Nations Institute for Training and Research (UNITAR)",
        K.UN_AGENCY,
        "CH",
        "https://unitar.org/",
    ),
    ("United States Telecommunications Training Institute (USTTI)", K.NGO, "US", ""),
    ("Youth for Privacy", K.NGO, "", ""),
]


PENDING_APPLICATION = {
    "organisation_name": "Pan-African Data Literacy Network",
    "kind": Organisation.Kind.NGO,
    "country": "GH",
    "website": "https://data-literacy.example",
    "contact_name": "Kwame Mensah",
    "contact_email": "kwame@data-literacy.example",
    "offers_material": True,
    "material_description": "Data literacy workshops for teachers, in English and French.",
    "offers_outreach": True,
    "outreach_description": "A network of 40 teacher-training colleges in West Africa.",
    "licence": "CC-BY-4.0",
}


@transaction.atomic
def load() -> int:
    """Create or refresh the founding contributors; running it again changes nothing."""
    for name, kind, country, website in FOUNDING_CONTRIBUTORS:
        Organisation.objects.update_or_create(
            slug=slugify(name)[:200],
            defaults={
                "name": name,
                "kind": kind,
                "country": country,
                "website": website,
                "is_founding": True,
            },
        )
    Application.objects.get_or_create(
        organisation_name=PENDING_APPLICATION["organisation_name"],
        defaults={
            **PENDING_APPLICATION,
            "accepted_terms_at": datetime(2025, 2, 3, 9, 30, tzinfo=UTC),
        },
    )
    return len(FOUNDING_CONTRIBUTORS)
