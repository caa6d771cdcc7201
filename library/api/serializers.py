"""Serializers of the library API, and the citation text a material page shows."""

from django.urls import reverse
from django.utils.translation import gettext
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from alliance.core.api import TopicSerializer, absolute_url
from library.forms import LibrarySearchForm
from library.models import Collection, CollectionItem, Material

# The search filters, in the order the web page shows them; each is also a facet.
FACET_NAMES = [
    "type",
    "topic",
    "language",
    "level",
    "audience",
    "accessibility",
    "licence",
    "contributor",
    "year",
]


def material_citation(material: Material, url: str) -> str:
    """How to cite a material: the text its web page shows under "How to cite"."""
    authors = ", ".join(material.author_list())
    citation = f"{authors} " if authors else ""
    citation += f"({material.publication_year}). {material.title}."
    if material.organisation:
        citation += f" {material.organisation.name}."
    library = gettext("Alliance digital library")
    return f"{citation} {library}. {url}. {material.licence}."


def facet_options(form: LibrarySearchForm, facets: dict[str, dict]) -> dict[str, list[dict]]:
    """Each filter's values that some result has, or that the reader chose, with their counts.

    Topics and contributors are counted by id; the API names them by slug, as its filters do.
    """
    stored_keys = {
        "topic": {slug: topic.pk for slug, topic in form.topics_by_slug.items()},
        "contributor": {slug: org.pk for slug, org in form.organisations_by_slug.items()},
    }
    options = {}
    for name in FACET_NAMES:
        counts = facets.get(name, {})
        keys = stored_keys.get(name, {})
        chosen = {str(value) for value in form.cleaned_data.get(name, [])}
        options[name] = []
        for value, label in form.fields[name].choices:
            count = counts.get(keys.get(value, value), 0)
            if count or str(value) in chosen:
                options[name].append({"value": str(value), "label": str(label), "count": count})
    return options


# --- Materials ---------------------------------------------------------------------------------


class ContributorSerializer(serializers.Serializer):
    name = serializers.CharField(read_only=True)
    slug = serializers.SlugField(read_only=True)


AUDIENCE_CHOICES = [(key, label) for key, (_field, label) in Material.AUDIENCES.items()]
ACCESSIBILITY_CHOICES = [(key, label) for key, (_field, label) in Material.ACCESSIBILITY.items()]


class MaterialSerializer(serializers.ModelSerializer):
    authors = serializers.ListField(
        source="author_list", child=serializers.CharField(), read_only=True
    )
    type = serializers.ChoiceField(
        source="material_type", choices=Material.Type.choices, read_only=True
    )
    topic = TopicSerializer(read_only=True)
    year = serializers.IntegerField(source="publication_year", read_only=True)
    contributor = ContributorSerializer(source="organisation", read_only=True, allow_null=True)
    audiences = serializers.SerializerMethodField(help_text="Who it is for: any of these.")
    accessibility = serializers.SerializerMethodField(help_text="Its accessibility features.")
    has_file = serializers.SerializerMethodField(
        help_text="Whether the download is a file on this site; if not, it leads to a link."
    )
    url = serializers.SerializerMethodField(help_text="The material's web page.")
    download_url = serializers.SerializerMethodField(
        help_text="Downloads the file, or redirects to the material elsewhere."
    )
    api_url = serializers.SerializerMethodField(help_text="The material in this API.")

    class Meta:
        model = Material
        fields = [
            "slug",
            "title",
            "description",
            "authors",
            "type",
            "topic",
            "language",
            "level",
            "licence",
            "year",
            "contributor",
            "audiences",
            "accessibility",
            "has_file",
            "url",
            "download_url",
            "api_url",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.ListField(child=serializers.ChoiceField(AUDIENCE_CHOICES)))
    def get_audiences(self, material) -> list[str]:
        return [
            key for key, (field, _label) in material.AUDIENCES.items() if getattr(material, field)
        ]

    @extend_schema_field(
        serializers.ListField(child=serializers.ChoiceField(ACCESSIBILITY_CHOICES))
    )
    def get_accessibility(self, material) -> list[str]:
        return [
            key
            for key, (field, _label) in material.ACCESSIBILITY.items()
            if getattr(material, field)
        ]

    def get_has_file(self, material) -> bool:
        return bool(material.file)

    def get_url(self, material) -> str:
        return absolute_url(self, material.get_absolute_url())

    def get_download_url(self, material) -> str:
        return absolute_url(self, reverse("library:download", args=[material.slug]))

    def get_api_url(self, material) -> str:
        return absolute_url(self, reverse("library_api:material", args=[material.slug]))


class MaterialDetailSerializer(MaterialSerializer):
    citation = serializers.SerializerMethodField(help_text="How to cite it, as its page shows.")

    class Meta(MaterialSerializer.Meta):
        fields = [
            *MaterialSerializer.Meta.fields,
            "mime_type",
            "size_bytes",
            "duration_minutes",
            "view_count",
            "download_count",
            "citation",
        ]
        read_only_fields = fields

    def get_citation(self, material) -> str:
        return material_citation(material, self.get_url(material))


class FacetOptionSerializer(serializers.Serializer):
    value = serializers.CharField(help_text="The value to pass back as this filter.")
    label = serializers.CharField(help_text="The name in the reader's language.")
    count = serializers.IntegerField(help_text="How many of the results have it.")


class MaterialFacetsSerializer(serializers.Serializer):
    type = FacetOptionSerializer(many=True)
    topic = FacetOptionSerializer(many=True)
    language = FacetOptionSerializer(many=True)
    level = FacetOptionSerializer(many=True)
    audience = FacetOptionSerializer(many=True)
    accessibility = FacetOptionSerializer(many=True)
    licence = FacetOptionSerializer(many=True)
    contributor = FacetOptionSerializer(many=True)
    year = FacetOptionSerializer(many=True)


class MaterialSearchPageSerializer(serializers.Serializer):
    count = serializers.IntegerField(help_text="How many materials match, on every page.")
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = MaterialSerializer(many=True)
    facets = MaterialFacetsSerializer(
        help_text="For each filter, how many of the matching materials have each value."
    )


# --- Collections -------------------------------------------------------------------------------


class CollectionItemSerializer(serializers.ModelSerializer):
    material = MaterialSerializer(read_only=True)

    class Meta:
        model = CollectionItem
        fields = ["id", "material", "note", "order"]
        read_only_fields = fields


class CollectionSerializer(serializers.ModelSerializer):
    """One of the reader's own collections, as listed."""

    item_count = serializers.IntegerField(source="size", read_only=True)
    share_url = serializers.SerializerMethodField(
        help_text="Its web page: anyone with the link sees it if it is public."
    )
    shared_api_url = serializers.SerializerMethodField(help_text="The same, in this API.")
    api_url = serializers.SerializerMethodField(help_text="Where its owner reads and edits it.")

    class Meta:
        model = Collection
        fields = [
            "id",
            "title",
            "description",
            "is_public",
            "item_count",
            "share_url",
            "shared_api_url",
            "api_url",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    def get_share_url(self, collection) -> str:
        return absolute_url(self, collection.get_absolute_url())

    def get_shared_api_url(self, collection) -> str:
        return absolute_url(self, reverse("library_api:shared", args=[collection.share_token]))

    def get_api_url(self, collection) -> str:
        return absolute_url(self, reverse("library_api:collection", args=[collection.pk]))


class CollectionDetailSerializer(CollectionSerializer):
    """One of the reader's own collections with its items, in order.

    The view sets `visible_items`: the items whose material is published.
    """

    item_count = serializers.SerializerMethodField()
    items = CollectionItemSerializer(source="visible_items", many=True, read_only=True)

    class Meta(CollectionSerializer.Meta):
        fields = [*CollectionSerializer.Meta.fields, "items"]
        read_only_fields = fields

    def get_item_count(self, collection) -> int:
        return len(collection.visible_items)


class SharedCollectionSerializer(serializers.ModelSerializer):
    """A collection by its link, as anyone allowed to see it sees it."""

    by = serializers.CharField(source="owner.get_short_name", read_only=True)
    curated_by = ContributorSerializer(source="organisation", read_only=True, allow_null=True)
    is_owner = serializers.SerializerMethodField(help_text="Whether the reader owns it.")
    item_count = serializers.SerializerMethodField()
    items = CollectionItemSerializer(source="visible_items", many=True, read_only=True)
    share_url = serializers.SerializerMethodField(help_text="Its web page.")

    class Meta:
        model = Collection
        fields = [
            "title",
            "description",
            "is_public",
            "by",
            "curated_by",
            "is_owner",
            "item_count",
            "items",
            "share_url",
            "updated_at",
        ]
        read_only_fields = fields

    def get_is_owner(self, collection) -> bool:
        request = self.context.get("request")
        return bool(request and request.user.pk == collection.owner_id)

    def get_item_count(self, collection) -> int:
        return len(collection.visible_items)

    def get_share_url(self, collection) -> str:
        return absolute_url(self, collection.get_absolute_url())


class CollectionWriteSerializer(serializers.ModelSerializer):
    class Meta:
        model = Collection
        fields = ["title", "description", "is_public"]


class CollectionItemCreateSerializer(serializers.Serializer):
    material = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Material.objects.select_related("topic", "organisation"),
        help_text="The material's slug; it must be published.",
    )
    note = serializers.CharField(max_length=500, allow_blank=True, default="")


class CollectionItemNoteSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=500, allow_blank=True)


class CollectionOrderSerializer(serializers.Serializer):
    items = serializers.ListField(
        child=serializers.IntegerField(),
        help_text="The id of every item of the collection, each once, in the new order.",
    )
