import pytest


@pytest.mark.django_db
def test_the_openapi_schema_is_served(client):
    response = client.get("/api/schema/")

    assert response.status_code == 200
    assert b"openapi: 3" in response.content


@pytest.mark.django_db
def test_the_api_reference_is_a_plain_page_rendered_from_the_schema(client):
    page = client.get("/api/docs/").content.decode()

    assert "<code>GET /api/courses/</code>" in page
    assert "<code>POST /api/attempts/{attempt_id}/submission/</code>" in page
    assert 'id="schema-CatalogueItem"' in page
    assert "<script" not in page
