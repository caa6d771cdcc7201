"""The synthetic library for load tests: deterministic per seed, and only topped up when rerun."""

from io import StringIO

import pytest
from django.core.management import call_command

from library.models import Material

pytestmark = pytest.mark.django_db


def generate(count: int, seed: int) -> str:
    out = StringIO()
    call_command("generate_library", count=count, seed=seed, batch=120, stdout=out)
    return out.getvalue()


def titles(seed: int) -> list[tuple[str, str]]:
    return list(
        Material.objects.filter(slug__startswith=f"gen-{seed}-")
        .order_by("slug")
        .values_list("slug", "title")
    )


def test_generating_twice_with_one_seed_gives_the_same_materials_once():
    first = generate(300, seed=7)
    generated = titles(7)

    second = generate(300, seed=7)

    assert "Added 300 materials" in first
    assert "already there" in second
    assert len(generated) == 300
    assert titles(7) == generated
    assert Material.objects.filter(status=Material.Status.PUBLISHED).count() == 300


def test_a_seed_always_draws_the_same_materials():
    generate(300, seed=7)
    generated = titles(7)
    Material.objects.all().delete()

    generate(300, seed=7)

    assert titles(7) == generated


def test_a_larger_count_adds_only_the_missing_materials():
    generate(100, seed=7)
    first_hundred = titles(7)

    output = generate(300, seed=7)

    assert "Added 200 materials" in output
    assert set(first_hundred) <= set(titles(7))
    assert Material.objects.count() == 300


def test_a_second_seed_adds_its_own_set():
    generate(300, seed=7)

    generate(300, seed=8)

    assert len(titles(7)) == len(titles(8)) == 300
    assert Material.objects.count() == 600


def test_generated_materials_are_varied_and_valid():
    generate(300, seed=7)
    materials = Material.objects.all()

    assert set(materials.values_list("material_type", flat=True)) == set(Material.Type.values)
    assert len(set(materials.values_list("language", flat=True))) == 6
    assert len(set(materials.values_list("topic", flat=True))) == 5
    assert materials.filter(organisation__is_founding=True).count() == 300
    assert not materials.filter(url="").exists()
    for material in materials[:50]:
        material.full_clean()
