"""The demo library: varied enough to show every filter; loaded twice without a single change."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from contributors.demo import FOUNDING_CONTRIBUTORS
from library import demo
from library.models import Collection, CollectionItem, LibraryPage, Material

pytestmark = pytest.mark.django_db

LIBRARY_MODELS = [Material, Collection, CollectionItem, LibraryPage]


def snapshot():
    return {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in LIBRARY_MODELS
    }


def media_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


@pytest.fixture
def loaded():
    call_command("load_demo", verbosity=0)


def published():
    return Material.objects.filter(status=Material.Status.PUBLISHED)


def test_loading_the_demo_twice_changes_no_row_and_copies_no_file():
    call_command("load_demo", verbosity=0)
    rows, files = snapshot(), media_files()

    call_command("load_demo", verbosity=0)

    assert snapshot() == rows
    assert media_files() == files


def test_the_loader_counts_the_materials_it_loads(loaded):
    assert demo.load() == Material.objects.count() == len(demo.MATERIALS)


def test_at_least_forty_materials_are_published_by_fifteen_founding_contributors(loaded):
    founding = {name for name, *_ in FOUNDING_CONTRIBUTORS}
    contributors = set(published().values_list("organisation__name", flat=True))

    assert published().count() >= 40
    assert contributors <= founding
    assert len(contributors) >= 15


def test_every_type_topic_and_several_languages_are_represented(loaded):
    types = set(published().values_list("material_type", flat=True))
    topics = set(published().values_list("topic__slug", flat=True))
    languages = set(published().values_list("language", flat=True))

    assert types == set(Material.Type.values)
    assert topics == {
        "generative-ai",
        "machine-learning",
        "ai-for-sustainable-development",
        "ai-governance-and-ethics",
        "data-and-digital-skills",
    }
    assert len(languages) >= 4
    assert {"en", "fr", "es", "ar", "zh-hans", "ru"} <= languages


def test_every_audience_and_accessibility_feature_has_material(loaded):
    for field_name, _label in [*Material.AUDIENCES.values(), *Material.ACCESSIBILITY.values()]:
        assert published().filter(**{field_name: True}).exists(), field_name


def test_attached_files_are_in_storage_with_their_type_and_size(loaded):
    with_files = published().exclude(file="")

    assert with_files.count() >= 8
    for material in with_files:
        assert material.file.storage.exists(material.file.name)
        assert material.size_bytes == material.file.size > 0
        assert material.mime_type and "/" in material.mime_type
    assert published().get(slug="generative-ai-primer-for-policymakers").mime_type == (
        "application/pdf"
    )
    library_files = {name for name in media_files() if name.startswith("library/")}
    assert library_files == {material.file.name for material in with_files}


def test_a_material_whose_file_went_missing_gets_it_back(loaded):
    material = Material.objects.get(slug="synthetic-household-survey-data-literacy")
    material.file.storage.delete(material.file.name)

    demo.load()

    material.refresh_from_db()
    assert material.file.storage.exists(material.file.name)


def test_links_point_at_example_org_and_files_have_no_link(loaded):
    for material in published():
        if material.file:
            assert material.url == ""
        else:
            assert material.url.startswith("https://example.org/")


def test_most_used_sorting_has_something_to_sort(loaded):
    downloads = list(published().values_list("download_count", flat=True))

    assert len(set(downloads)) > 20
    assert all(material.published_at for material in published())


def test_two_featured_public_collections_list_their_materials_in_order(loaded):
    collections = Collection.objects.filter(is_featured=True, is_public=True)

    assert collections.count() == 2
    for collection in collections:
        items = list(collection.items.order_by("order"))
        assert 4 <= len(items) <= 6
        assert [item.order for item in items] == list(range(1, len(items) + 1))
        assert all(item.note for item in items)
        assert collection.organisation is not None


def test_collections_belong_to_an_inactive_curator_without_a_password(loaded):
    owner = Collection.objects.filter(is_featured=True).first().owner

    assert owner.email == demo.CURATOR_EMAIL
    assert not owner.is_active
    assert not owner.has_usable_password()


def test_collections_move_to_no_new_owner_when_the_staff_account_appears_later(loaded):
    from tests.factories import UserFactory

    UserFactory(email=settings.DEMO_STAFF_EMAIL, is_staff=True)
    rows = snapshot()

    demo.load()

    assert snapshot() == rows


def test_the_collections_belong_to_the_staff_account_when_it_exists(db):
    from tests.factories import UserFactory

    staff = UserFactory(email=settings.DEMO_STAFF_EMAIL, is_staff=True)

    call_command("load_demo", verbosity=0)

    assert set(Collection.objects.values_list("owner", flat=True)) == {staff.pk}


def test_the_east_african_community_has_a_page_for_policymakers(loaded):
    page = LibraryPage.objects.get(slug="east-african-policymakers")

    assert page.is_published
    assert page.organisation.name == "East African Community"
    assert page.filters == {"audience": ["policymakers"]}
    assert page.collection.is_featured
    assert LibraryPage.objects.filter(is_published=True).count() == 2


def test_a_material_changed_by_hand_is_restored_and_no_other_row_is_written(loaded):
    Material.objects.filter(slug="fairness-metrics-cheat-sheet").update(title="Edited", level="")
    before = {m.slug: m.updated_at for m in Material.objects.all()}

    demo.load()

    after = {m.slug: m.updated_at for m in Material.objects.all()}
    restored = Material.objects.get(slug="fairness-metrics-cheat-sheet")
    assert (restored.title, restored.level) == ("Fairness metrics cheat sheet", "advanced")
    assert [slug for slug in after if after[slug] != before[slug]] == [restored.slug]
