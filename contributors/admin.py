from django.contrib import admin

from contributors.models import Organisation


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "is_founding"]
    list_filter = ["kind", "is_founding"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
