import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from library.models import Material
from library.uploads import upload_check
from tests.courses.factories import build_course
from tests.library.factories import MaterialFactory

PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


@pytest.mark.django_db
def test_the_material_page_shows_its_metadata_citation_and_related_material(client):
    material = MaterialFactory(
        title="Data quality checklist",
        authors="Amina Diallo, Li Wei",
        publication_year=2024,
        licence="CC-BY-4.0",
    )
    MaterialFactory(title="A neighbour", topic=material.topic)

    page = client.get(material.get_absolute_url()).content.decode()

    assert "Amina Diallo, Li Wei (2024). <cite>Data quality checklist</cite>." in page
    assert material.organisation.name in page
    assert "<code>CC-BY-4.0</code>" in page
    assert "A neighbour" in page
    material.refresh_from_db()
    assert material.view_count == 1


@pytest.mark.django_db
def test_the_material_page_names_the_courses_that_use_it(client):
    material = MaterialFactory()
    version = build_course(modules=1, lessons_per_module=1, with_quiz=False)
    version.modules.first().lessons.first().materials.add(material)

    page = client.get(material.get_absolute_url()).content.decode()

    assert version.title in page


@pytest.mark.django_db
def test_a_draft_material_is_not_found(client):
    material = MaterialFactory(draft=True)

    assert client.get(material.get_absolute_url()).status_code == 404
    assert client.get(f"{material.get_absolute_url()}download/").status_code == 404


@pytest.mark.django_db
def test_a_file_downloads_under_a_safe_name_and_is_counted(client):
    material = MaterialFactory(
        slug="ethics-primer",
        url="",
        mime_type="application/pdf",
        file=ContentFile(PDF, name="3f1c.pdf"),
    )

    response = client.get(f"{material.get_absolute_url()}download/")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="ethics-primer.pdf"'
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == PDF
    material.refresh_from_db()
    assert material.download_count == 1


@pytest.mark.django_db
def test_a_link_opens_where_it_points_and_is_counted(client):
    material = MaterialFactory(url="https://example.org/guide")

    response = client.get(f"{material.get_absolute_url()}download/")

    assert response["Location"] == "https://example.org/guide"
    material.refresh_from_db()
    assert material.download_count == 1


def test_a_pdf_is_recognised_by_its_content_and_gets_a_generated_name():
    checked = upload_check(SimpleUploadedFile("anything.bin", PDF))

    assert checked.mime_type == "application/pdf"
    assert checked.stored_name.endswith(".pdf")
    assert "anything" not in checked.stored_name


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", EXE, "not accepted"),
        ("page.html", b"<html><script>alert(1)</script></html>", "not accepted"),
        ("empty.pdf", b"", "empty"),
    ],
)
def test_an_upload_is_judged_by_its_content_not_its_name(name, content, message):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match=message):
        upload_check(SimpleUploadedFile(name, content))


def test_an_upload_over_the_size_limit_is_refused(settings):
    from django.core.exceptions import ValidationError

    settings.UPLOAD_MAX_BYTES = 100

    with pytest.raises(ValidationError, match="largest file accepted is 100"):
        upload_check(SimpleUploadedFile("big.pdf", PDF + b" " * 200))


def material_form(material, **overrides):
    data = {
        "title": "Uploaded guide",
        "slug": "uploaded-guide",
        "description": "A guide.",
        "authors": "",
        "organisation": material.organisation_id,
        "status": "published",
        "url": "",
        "duration_minutes": "",
        "material_type": "document",
        "topic": material.topic_id,
        "language": "en",
        "level": "beginner",
        "licence": "CC-BY-4.0",
        "publication_year": "2025",
        "for_learners": "on",
        "published_at_0": "",
        "published_at_1": "",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_staff_upload_a_file_through_the_admin_and_it_is_stored_under_a_new_name(
    staff_client, settings
):
    template = MaterialFactory()

    response = staff_client.post(
        "/admin/library/material/add/",
        {**material_form(template), "upload": io.BytesIO(PDF)},
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    material = Material.objects.get(slug="uploaded-guide")
    assert material.mime_type == "application/pdf"
    assert material.size_bytes == len(PDF)
    assert material.file.name.startswith("library/") and material.file.name.endswith(".pdf")
    assert material.published_at is not None


@pytest.mark.django_db
def test_a_rejected_upload_gives_a_clear_message_and_stores_nothing(staff_client, settings):
    template = MaterialFactory()
    upload = SimpleUploadedFile("malware.pdf", EXE)

    response = staff_client.post(
        "/admin/library/material/add/", {**material_form(template), "upload": upload}
    )

    assert response.status_code == 200
    assert "are not accepted" in response.content.decode()
    assert not Material.objects.filter(slug="uploaded-guide").exists()
    media = settings.MEDIA_ROOT
    assert not (media / "library").exists() or not any((media / "library").iterdir())


@pytest.mark.django_db
def test_a_material_needs_a_file_or_a_link(staff_client):
    template = MaterialFactory()

    response = staff_client.post("/admin/library/material/add/", material_form(template))

    assert response.status_code == 200
    assert "Give a file to upload or a link" in response.content.decode()
