"""Create a row, or update it only where its data differ: the write behind idempotent loaders.

Django's update_or_create() saves the row on every call, so a loader run twice would give each
row a new ``updated_at`` (and fire every update trigger). upsert() writes nothing when the row
already holds the given values, which lets a demo loader prove "a second run changes nothing".
"""

from django.db import models


def _differs(obj: models.Model, name: str, value) -> bool:
    field = obj._meta.get_field(name)
    if field.is_relation and field.many_to_one:
        # Compare the key, not the related object, so checking costs no query.
        pk = value.pk if isinstance(value, models.Model) else value
        return getattr(obj, field.attname) != pk
    return getattr(obj, name) != value


def upsert(model: type[models.Model], lookup: dict, values: dict) -> models.Model:
    """The row matching ``lookup``, created with ``values`` or updated where a value differs.

    ``lookup`` holds plain field values (no ``__`` lookups), since a new row is made from it.
    Only the changed fields are written (plus any ``auto_now`` field, so ``updated_at`` still
    says when the row last changed).
    """
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        return model._default_manager.create(**lookup, **values)
    changed = [name for name, value in values.items() if _differs(obj, name, value)]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        stamps = [
            f.name
            for f in model._meta.concrete_fields
            if getattr(f, "auto_now", False) and f.name not in changed
        ]
        obj.save(update_fields=[*changed, *stamps])
    return obj
