from django.db.models import QuerySet

from contributors.models import Organisation


def organisation_list_founding() -> QuerySet[Organisation]:
    return Organisation.objects.filter(is_founding=True).order_by("name")
