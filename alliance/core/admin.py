from django.contrib import admin

from alliance.core.models import CountryStatus, Topic


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows only the platform's own code writes (payments, Stripe events, issuing, the impact
    snapshot): staff look, never add, change or delete."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class OrganisationScopedAdmin(admin.ModelAdmin):
    """Narrows the queryset to the organisations a user may work for; staff see everything."""

    organisation_path = "organisation"

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        organisation_ids = self.organisation_ids_for(request)
        if organisation_ids is None:
            return queryset
        return queryset.filter(**{f"{self.organisation_path}__in": organisation_ids})

    def organisation_ids_for(self, request):
        """None for all; the contributors app narrows this for members."""
        return None


@admin.register(CountryStatus)
class CountryStatusAdmin(admin.ModelAdmin):
    """Shipped data (see alliance/core/data/README.md), refreshed by `load_country_groups`."""

    list_display = ["country", "is_ldc", "income_group", "region", "subregion"]
    list_filter = ["is_ldc", "income_group", "region"]
    search_fields = ["country"]
