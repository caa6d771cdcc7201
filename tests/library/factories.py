"""Library factories shared by every test that needs material in the library.

A material is published unless a test says otherwise (`MaterialFactory(draft=True)`), so a test
only spells out what it is about.
"""

import factory
from django.utils import timezone

from alliance.core.choices import Level
from library.models import Material
from tests.courses.factories import OrganisationFactory, TopicFactory


class MaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Material

    class Params:
        draft = factory.Trait(status=Material.Status.DRAFT, published_at=None)

    slug = factory.Sequence(lambda n: f"material-{n}")
    title = factory.Sequence(lambda n: f"Material title {n}")
    description = "What this material covers, in two sentences. Practical and short."
    authors = "Ada Lovelace, Alan Turing"
    organisation = factory.SubFactory(OrganisationFactory)
    material_type = Material.Type.DOCUMENT
    topic = factory.SubFactory(TopicFactory, slug="machine-learning")
    language = "en"
    level = Level.BEGINNER
    licence = "CC-BY-4.0"
    publication_year = 2025
    url = factory.Sequence(lambda n: f"https://example.org/m/{n}")
    status = Material.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)
