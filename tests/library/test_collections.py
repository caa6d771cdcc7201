import pytest

from library.models import Collection, CollectionItem
from library.services import collection_create
from tests.library.factories import MaterialFactory


@pytest.fixture
def alices_collection(alice):
    return collection_create(owner=alice, title="For my class", is_public=False)


def add(client, material, collection, note=""):
    return client.post(
        f"/library/{material.slug}/add/", {"collection": collection.pk, "note": note}
    )


@pytest.mark.django_db
def test_a_signed_in_user_creates_a_collection_and_adds_material_with_notes(client, alice):
    client.force_login(alice)
    first, second = MaterialFactory(title="First"), MaterialFactory(title="Second")

    response = client.post("/library/collections/", {"title": "Reading list"})
    collection = Collection.objects.get(owner=alice)
    assert response["Location"] == collection.get_absolute_url()
    add(client, first, collection, note="Start here")
    add(client, second, collection)

    items = list(collection.items.order_by("order"))
    assert [i.material.title for i in items] == ["First", "Second"]
    assert items[0].note == "Start here"
    assert not collection.is_public


@pytest.mark.django_db
def test_a_collection_without_a_title_is_refused(client, alice):
    client.force_login(alice)

    response = client.post("/library/collections/", {"title": ""})

    assert response.status_code == 400
    assert not Collection.objects.exists()


@pytest.mark.django_db
def test_items_are_reordered_annotated_and_removed_without_javascript(
    client, alice, alices_collection
):
    client.force_login(alice)
    for title in ("A", "B", "C"):
        add(client, MaterialFactory(title=title), alices_collection)
    a, b, c = alices_collection.items.order_by("order")

    client.post(f"/library/collections/items/{c.pk}/", {"action": "up"})
    client.post(f"/library/collections/items/{a.pk}/", {"action": "note", "note": "Read first"})
    client.post(f"/library/collections/items/{b.pk}/", {"action": "remove"})

    order = [i.material.title for i in alices_collection.items.order_by("order")]
    assert order == ["A", "C"]
    assert alices_collection.items.get(pk=a.pk).note == "Read first"


@pytest.mark.django_db
def test_a_private_collection_is_invisible_to_everyone_but_its_owner(
    client, alice, charlie, alices_collection
):
    add_item = MaterialFactory()
    CollectionItem.objects.create(collection=alices_collection, material=add_item)
    url = alices_collection.get_absolute_url()

    assert client.get(url).status_code == 404
    client.force_login(charlie)
    assert client.get(url).status_code == 404
    assert client.post(f"{url}copy/").status_code == 404
    assert client.post(url, {"title": "Mine now"}).status_code == 404
    assert client.post(f"{url}delete/").status_code == 404
    item = alices_collection.items.get()
    assert (
        client.post(f"/library/collections/items/{item.pk}/", {"action": "remove"}).status_code
        == 404
    )
    assert add(client, MaterialFactory(), alices_collection).status_code == 302
    client.force_login(alice)
    assert client.get(url).status_code == 200

    alices_collection.refresh_from_db()
    assert alices_collection.title == "For my class"
    assert alices_collection.items.count() == 1
    assert Collection.objects.count() == 1


@pytest.mark.django_db
def test_a_public_collection_is_shared_by_link_and_can_be_copied(
    client, alice, charlie, alices_collection
):
    client.force_login(alice)
    add(client, MaterialFactory(title="Shared item"), alices_collection, note="Why")
    client.post(
        alices_collection.get_absolute_url(),
        {"title": "For my class", "description": "", "is_public": "on"},
    )
    client.logout()

    page = client.get(alices_collection.get_absolute_url()).content.decode()
    assert "Shared item" in page and "Share this link" in page

    client.force_login(charlie)
    response = client.post(f"{alices_collection.get_absolute_url()}copy/")
    copy = Collection.objects.get(owner=charlie)
    assert response["Location"] == copy.get_absolute_url()
    assert copy.title == "Copy of For my class" and not copy.is_public
    assert copy.items.get().note == "Why"


@pytest.mark.django_db
def test_draft_material_cannot_be_added_and_nothing_is_added_twice(
    client, alice, alices_collection
):
    client.force_login(alice)
    draft = MaterialFactory(draft=True)
    item = MaterialFactory()

    assert add(client, draft, alices_collection).status_code == 404
    add(client, item, alices_collection)
    response = add(client, item, alices_collection)

    assert alices_collection.items.count() == 1
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("already in the collection" in m for m in messages)


@pytest.mark.django_db
def test_nobody_adds_to_someone_elses_collection(client, charlie, alices_collection):
    client.force_login(charlie)

    add(client, MaterialFactory(), alices_collection)

    assert not alices_collection.items.exists()


@pytest.mark.django_db
def test_an_over_long_note_is_refused(client, alice, alices_collection):
    client.force_login(alice)
    material = MaterialFactory()

    add(client, material, alices_collection, note="n" * 501)

    assert not alices_collection.items.exists()


@pytest.mark.django_db
def test_deleting_a_collection_keeps_the_material(client, alice, alices_collection):
    client.force_login(alice)
    material = MaterialFactory()
    add(client, material, alices_collection)

    client.post(f"{alices_collection.get_absolute_url()}delete/")

    assert not Collection.objects.exists()
    material.refresh_from_db()


@pytest.mark.django_db
def test_my_collections_lists_only_mine(client, alice, charlie, alices_collection):
    collection_create(owner=charlie, title="Charlie's secret list")
    client.force_login(alice)

    page = client.get("/library/collections/").content.decode()

    assert "For my class" in page
    assert "secret list" not in page


@pytest.mark.django_db
def test_an_unpublished_item_keeps_the_last_place_and_is_not_counted(
    client, alice, alices_collection
):
    client.force_login(alice)
    for title in ("A", "B", "C"):
        add(client, MaterialFactory(title=title), alices_collection)
    a, b, c = alices_collection.items.order_by("order")
    b.material.status = "draft"
    b.material.save()

    client.post(f"/library/collections/items/{c.pk}/", {"action": "up"})

    ordered = list(alices_collection.items.order_by("order").values_list("pk", flat=True))
    assert ordered == [c.pk, a.pk, b.pk]
    assert "2 items" in client.get("/library/collections/").content.decode()
