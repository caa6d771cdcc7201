"""Writes of the library: materials' files and counters, collections and their items."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from contributors.models import ReviewState
from library.models import Collection, CollectionItem, Material, MaterialRevision
from library.uploads import upload_check


def material_attach_file(*, material: Material, upload) -> Material:
    """Check an upload and store it under a generated name; a rejected file stores nothing."""
    checked = upload_check(upload)
    material.file.save(checked.stored_name, upload, save=False)
    material.mime_type = checked.mime_type
    material.size_bytes = checked.size
    return material


# Fields a member's pending change may carry.
REVISABLE_FIELDS = (
    "title",
    "slug",
    "description",
    "authors",
    "url",
    "duration_minutes",
    "material_type",
    "topic",
    "language",
    "level",
    "licence",
    "publication_year",
    "for_learners",
    "for_educators",
    "for_developers",
    "for_policymakers",
    "has_captions",
    "has_transcript",
    "has_audio_description",
    "is_screen_reader_ready",
    "has_sign_language",
    "is_easy_read",
)


@transaction.atomic
def material_revise(
    *, material: Material, changed: list[str], data: dict, upload, user
) -> MaterialRevision:
    """Keep a member's edit of published material for review; the material stays as it is."""
    material = Material.objects.select_for_update().get(pk=material.pk)
    revision, _created = MaterialRevision.objects.get_or_create(material=material)
    for name in changed:
        if name in REVISABLE_FIELDS:
            value = data[name]
            revision.data[name] = getattr(value, "pk", value)
    if upload:
        checked = upload_check(upload)
        revision.file.save(checked.stored_name, upload, save=False)
        revision.mime_type, revision.size_bytes = checked.mime_type, checked.size
    revision.submitted_by = user
    revision.save()
    Material.objects.filter(pk=material.pk).update(
        review_state=ReviewState.SUBMITTED, submitted_at=timezone.now()
    )
    return revision


@transaction.atomic
def material_publish(*, material: Material) -> Material:
    """Publish material, applying its pending change if it has one."""
    material = Material.objects.select_for_update().get(pk=material.pk)
    revision = MaterialRevision.objects.filter(material=material).first()
    if revision is not None:
        for name, value in revision.data.items():
            field = Material._meta.get_field(name)
            setattr(material, field.attname, value)
        if revision.file:
            material.file.name = revision.file.name
            material.mime_type, material.size_bytes = revision.mime_type, revision.size_bytes
        material.full_clean(exclude=["file"])
        revision.delete()
    material.status = Material.Status.PUBLISHED
    material.review_state = ReviewState.APPROVED
    if material.published_at is None:
        material.published_at = timezone.now()
    material.save()
    return material


def material_count_view(*, material: Material) -> None:
    # Totals only: nobody's reading is recorded.
    Material.objects.filter(pk=material.pk).update(view_count=F("view_count") + 1)


def material_count_download(*, material: Material) -> None:
    Material.objects.filter(pk=material.pk).update(download_count=F("download_count") + 1)


# --- Collections -------------------------------------------------------------------------------


def _owned(collection: Collection, user) -> None:
    if collection.owner_id != user.pk:
        raise PermissionDenied(_("Only its owner can change this collection."))


def _touch(collection: Collection) -> None:
    """Mark the collection changed, so "most recently changed first" holds for every edit."""
    Collection.objects.filter(pk=collection.pk).update(updated_at=timezone.now())


@transaction.atomic
def collection_create(
    *, owner, title: str, description: str = "", is_public: bool = False
) -> Collection:
    collection = Collection(
        owner=owner, title=title.strip(), description=description, is_public=is_public
    )
    collection.full_clean()
    collection.save()
    return collection


@transaction.atomic
def collection_update(
    *, collection: Collection, user, title: str, description: str, is_public: bool
) -> Collection:
    _owned(collection, user)
    before = (
        collection.title,
        collection.description,
        collection.is_public,
        collection.is_featured,
    )
    collection.title = title.strip()
    collection.description = description
    collection.is_public = is_public
    if not is_public:
        collection.is_featured = False
    try:
        collection.full_clean()
    except ValidationError:
        # Leave the caller's object as it was: nothing was saved.
        (collection.title, collection.description, collection.is_public, collection.is_featured) = (
            before
        )
        raise
    collection.save(
        update_fields=["title", "description", "is_public", "is_featured", "updated_at"]
    )
    return collection


@transaction.atomic
def collection_delete(*, collection: Collection, user) -> None:
    _owned(collection, user)
    collection.delete()


@transaction.atomic
def collection_add(
    *, collection: Collection, user, material: Material, note: str = ""
) -> CollectionItem:
    _owned(collection, user)
    if not material.is_published:
        raise ValidationError(
            _("Only published material can be added to a collection."), code="not_published"
        )
    if len(note) > 500:
        raise ValidationError(_("A note can be at most 500 characters."), code="note_too_long")
    Collection.objects.select_for_update().filter(pk=collection.pk).first()
    last = collection.items.aggregate(last=Max("order"))["last"]
    try:
        with transaction.atomic():
            item = CollectionItem.objects.create(
                collection=collection,
                material=material,
                note=note,
                order=0 if last is None else last + 1,
            )
    except IntegrityError:
        raise ValidationError(
            _("This material is already in the collection."), code="duplicate"
        ) from None
    Collection.objects.filter(pk=collection.pk).update(updated_at=timezone.now())
    return item


@transaction.atomic
def collection_item_update(*, item: CollectionItem, user, note: str) -> CollectionItem:
    _owned(item.collection, user)
    if len(note) > 500:
        raise ValidationError(_("A note can be at most 500 characters."), code="note_too_long")
    item.note = note
    item.save(update_fields=["note"])
    _touch(item.collection)
    return item


@transaction.atomic
def collection_item_remove(*, item: CollectionItem, user) -> None:
    _owned(item.collection, user)
    item.delete()
    _touch(item.collection)


@transaction.atomic
def collection_reorder(*, collection: Collection, user, item_ids: list[int]) -> None:
    """Put the visible items in the given order; the list must name each of them once.

    Items whose material went back to draft are shown to nobody, so nobody can order them:
    they keep the last places.
    """
    _owned(collection, user)
    Collection.objects.select_for_update().filter(pk=collection.pk).first()
    items = list(collection.items.select_related("material").order_by("order", "pk"))
    visible = {i.pk: i for i in items if i.material.status == Material.Status.PUBLISHED}
    if sorted(item_ids) != sorted(visible) or len(set(item_ids)) != len(item_ids):
        raise ValidationError(
            _("The new order must list every item of the collection once."), code="bad_order"
        )
    hidden = [i for i in items if i.pk not in visible]
    for position, item in enumerate([visible[pk] for pk in item_ids] + hidden):
        item.order = position
    CollectionItem.objects.bulk_update(items, ["order"])
    _touch(collection)


@transaction.atomic
def collection_move(*, item: CollectionItem, user, offset: int) -> None:
    """Move one item up (-1) or down (+1): the no-JavaScript way to reorder."""
    _owned(item.collection, user)
    Collection.objects.select_for_update().filter(pk=item.collection_id).first()
    ids = list(
        item.collection.items.filter(material__status=Material.Status.PUBLISHED)
        .order_by("order", "pk")
        .values_list("pk", flat=True)
    )
    index = ids.index(item.pk)
    target = min(max(index + offset, 0), len(ids) - 1)
    ids.insert(target, ids.pop(index))
    collection_reorder(collection=item.collection, user=user, item_ids=ids)


@transaction.atomic
def collection_copy(*, collection: Collection, user) -> Collection:
    """Copy a collection the user can see into a new private collection of their own."""
    if not (collection.is_public or collection.owner_id == user.pk):
        raise PermissionDenied(_("This collection is private."))
    copy = Collection.objects.create(
        owner=user,
        title=(_("Copy of %(title)s") % {"title": collection.title})[:200],
        description=collection.description,
    )
    CollectionItem.objects.bulk_create(
        CollectionItem(
            collection=copy, material_id=item.material_id, order=item.order, note=item.note
        )
        for item in collection.items.filter(material__status=Material.Status.PUBLISHED)
    )
    return copy
