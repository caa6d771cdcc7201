from django.db.models import QuerySet
from django_countries import countries

from contributors.models import Membership, Organisation


def organisation_list_founding() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_founding=True).order_by("name")


def organisation_directory(*, kind: str = "", country: str = "") -> QuerySet[Organisation]:
    """Every contributor (each Organisation row is an approved one), by name, optionally of one
    type and from one country. Only the columns a directory card shows are read."""
    organisations = Organisation.objects.only("name", "slug", "kind", "country", "is_founding")
    if kind:
        organisations = organisations.filter(kind=kind)
    if country:
        organisations = organisations.filter(country=country)
    return organisations.order_by("name", "pk")


def organisation_directory_countries() -> list[tuple[str, str]]:
    """(code, name) of the countries contributors are in, by name in the reader's language."""
    codes = (
        Organisation.objects.exclude(country="")
        .order_by("country")
        .values_list("country", flat=True)
        .distinct()
    )
    return sorted(((code, countries.name(code)) for code in codes), key=lambda pair: pair[1])


def organisation_public(*, slug: str) -> Organisation:
    """An organisation for its public page. Raises Organisation.DoesNotExist."""
    return Organisation.objects.get(slug=slug)


def organisation_for_member(*, user) -> Organisation | None:
    """The organisation a signed-in person works for, or None if they work for none."""
    membership = Membership.objects.select_related("organisation").filter(user=user).first()
    # Remembered on the user, so the page's own `user.membership` needs no second query.
    Membership._meta.get_field("user").remote_field.set_cached_value(user, membership)
    return membership.organisation if membership else None
