"""The library API: search with facets, material records, and readers' collections.

Views read the request, call a selector or a service and serialise the result; services raise
django's ValidationError and PermissionDenied, which alliance.core.api turns into 400 and 403.
A reader's own collections are found among theirs only, so anyone else's is a 404.
"""

from django.core.paginator import Paginator
from django.http import QueryDict
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from alliance.core.api import NOT_SIGNED_IN, ErrorSerializer, RefusalSerializer
from library import selectors, services
from library.api.serializers import (
    CollectionDetailSerializer,
    CollectionItemCreateSerializer,
    CollectionItemNoteSerializer,
    CollectionItemSerializer,
    CollectionOrderSerializer,
    CollectionSerializer,
    CollectionWriteSerializer,
    MaterialDetailSerializer,
    MaterialSearchPageSerializer,
    SharedCollectionSerializer,
    facet_options,
)
from library.forms import LibrarySearchForm, library_search_form
from library.models import Collection, CollectionItem, Material

TAGS = ["library"]
NOT_YOURS = OpenApiResponse(ErrorSerializer, description="No such collection of the reader's.")
NOT_YOUR_ITEM = OpenApiResponse(
    ErrorSerializer, description="No such item in a collection of the reader's."
)
COLLECTION_PATH = [
    OpenApiParameter(
        "collection_id", int, OpenApiParameter.PATH, description="One of the reader's collections."
    )
]
ITEM_PATH = [
    *COLLECTION_PATH,
    OpenApiParameter("item_id", int, OpenApiParameter.PATH, description="An item of it."),
]
TOKEN_PATH = [
    OpenApiParameter(
        "token", str, OpenApiParameter.PATH, description="The token in a collection's link."
    )
]


def _without_blanks(query: QueryDict) -> QueryDict:
    """The query string without empty values: as everywhere in the API, `topic=` means any."""
    kept = QueryDict(mutable=True)
    for name, values in query.lists():
        kept.setlist(name, [value for value in values if value.strip()])
    return kept


def _filter_parameter(name: str, description: str) -> OpenApiParameter:
    choices = [str(value) for value, _label in LibrarySearchForm.base_fields[name].choices]
    return OpenApiParameter(
        name, str, many=True, enum=choices or None, description=description + " Repeatable."
    )


SEARCH_PARAMETERS = [
    OpenApiParameter("q", str, description="Words to search for (at most 200 characters)."),
    _filter_parameter("type", "Any of these types."),
    _filter_parameter("topic", "Any of these topics, by slug."),
    _filter_parameter("language", "Any of these languages."),
    _filter_parameter("level", "Any of these levels."),
    _filter_parameter("audience", "For any of these audiences."),
    _filter_parameter("accessibility", "With all of these accessibility features."),
    _filter_parameter("licence", "Under any of these licences."),
    _filter_parameter("contributor", "From any of these contributors, by slug."),
    OpenApiParameter(
        "year", int, many=True, description="Published in any of these years. Repeatable."
    ),
    OpenApiParameter(
        "sort",
        str,
        enum=[value for value, _label in LibrarySearchForm.base_fields["sort"].choices],
        description="`relevance` (the default; newest first without `q`), `newest` or `most-used`.",
    ),
    OpenApiParameter("page", int, description="A page number, from 1; 20 results a page."),
]


class SearchPagination(PageNumberPagination):
    """Pages of search results, counted by the search itself rather than by a second COUNT."""

    page_size = 20

    def paginate_search(self, result: selectors.SearchResult, request, view=None):
        def counted_paginator(object_list, per_page) -> Paginator:
            paginator = Paginator(object_list, per_page)
            paginator.count = result.total  # counted with the facets already
            return paginator

        self.django_paginator_class = counted_paginator
        return self.paginate_queryset(result.materials, request, view)


def _collection_detail(request, collection: Collection, status_code=status.HTTP_200_OK):
    collection.visible_items = selectors.collection_items(collection)
    return Response(
        CollectionDetailSerializer(collection, context={"request": request}).data,
        status=status_code,
    )


def _own_collection(request, collection_id: int) -> Collection:
    return get_object_or_404(Collection, pk=collection_id, owner=request.user)


def _own_item(request, collection_id: int, item_id: int) -> CollectionItem:
    """An item of one of the reader's collections; like the collection's page, the API leaves
    out items whose material is no longer published."""
    return get_object_or_404(
        CollectionItem.objects.select_related(
            "collection", "material__topic", "material__organisation"
        ),
        pk=item_id,
        collection_id=collection_id,
        collection__owner=request.user,
        material__status=Material.Status.PUBLISHED,
    )


def _visible_collection(request, token: str) -> Collection:
    try:
        return selectors.collection_visible(token=token, user=request.user)
    except Collection.DoesNotExist:
        raise NotFound from None


# --- Materials ---------------------------------------------------------------------------------


class MaterialSearchView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        operation_id="library_materials_search",
        parameters=SEARCH_PARAMETERS,
        responses={
            200: MaterialSearchPageSerializer,
            400: OpenApiResponse(description="A filter has an unknown value: `{field: [why]}`."),
            404: OpenApiResponse(ErrorSerializer, description="No such page."),
        },
    )
    def get(self, request):
        """Search the published materials with the filters of the library's web page, and
        count for every filter how many of the results have each value."""
        form = library_search_form(_without_blanks(request.query_params))
        if not form.is_valid():
            raise serializers.ValidationError(
                {name: list(errors) for name, errors in form.errors.items()}
            )
        result = selectors.material_search(form.criteria())
        pagination = SearchPagination()
        page = pagination.paginate_search(result, request, view=self)
        body = {
            "count": result.total,
            "next": pagination.get_next_link(),
            "previous": pagination.get_previous_link(),
            "results": page,
            "facets": facet_options(form, result.facets),
        }
        return Response(MaterialSearchPageSerializer(body, context={"request": request}).data)


class MaterialView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        parameters=[OpenApiParameter("slug", str, OpenApiParameter.PATH, description="The slug.")],
        responses={
            200: MaterialDetailSerializer,
            404: OpenApiResponse(ErrorSerializer, description="No such published material."),
        },
    )
    def get(self, request, slug):
        """A published material, with how to cite it."""
        try:
            material = selectors.material_detail(slug=slug)
        except Material.DoesNotExist:
            raise NotFound from None
        return Response(MaterialDetailSerializer(material, context={"request": request}).data)


# --- The reader's collections ------------------------------------------------------------------


class CollectionsView(generics.ListAPIView):
    """The reader's collections, most recently changed first, with how many items each has."""

    serializer_class = CollectionSerializer
    permission_classes = [IsAuthenticated]

    def get_queryset(self):
        return selectors.collection_list_for(user=self.request.user)

    @extend_schema(tags=TAGS, responses={200: CollectionSerializer(many=True), 403: NOT_SIGNED_IN})
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=TAGS,
        request=CollectionWriteSerializer,
        responses={
            201: CollectionDetailSerializer,
            400: OpenApiResponse(description="A field is missing or wrong: `{field: [why]}`."),
            403: NOT_SIGNED_IN,
        },
    )
    def post(self, request):
        """Create a collection: private unless `is_public`."""
        body = CollectionWriteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        collection = services.collection_create(owner=request.user, **body.validated_data)
        return _collection_detail(request, collection, status.HTTP_201_CREATED)


class CollectionView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        parameters=COLLECTION_PATH,
        responses={200: CollectionDetailSerializer, 403: NOT_SIGNED_IN, 404: NOT_YOURS},
    )
    def get(self, request, collection_id):
        """One of the reader's collections with its items, in order."""
        return _collection_detail(request, _own_collection(request, collection_id))

    @extend_schema(
        tags=TAGS,
        parameters=COLLECTION_PATH,
        request=CollectionWriteSerializer(partial=True),
        responses={
            200: CollectionDetailSerializer,
            400: OpenApiResponse(description="A field is wrong: `{field: [why]}`."),
            403: NOT_SIGNED_IN,
            404: NOT_YOURS,
        },
    )
    def patch(self, request, collection_id):
        """Change the title, description or visibility; the fields left out stay as they are."""
        collection = _own_collection(request, collection_id)
        body = CollectionWriteSerializer(data=request.data, partial=True)
        body.is_valid(raise_exception=True)
        changes = {
            "title": collection.title,
            "description": collection.description,
            "is_public": collection.is_public,
            **body.validated_data,
        }
        collection = services.collection_update(collection=collection, user=request.user, **changes)
        return _collection_detail(request, collection)

    @extend_schema(
        tags=TAGS,
        parameters=COLLECTION_PATH,
        responses={
            204: OpenApiResponse(description="Deleted, with its items."),
            403: NOT_SIGNED_IN,
            404: NOT_YOURS,
        },
    )
    def delete(self, request, collection_id):
        """Delete a collection. The materials in it are not affected."""
        collection = _own_collection(request, collection_id)
        services.collection_delete(collection=collection, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CollectionItemsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        parameters=COLLECTION_PATH,
        request=CollectionItemCreateSerializer,
        responses={
            201: CollectionItemSerializer,
            400: OpenApiResponse(
                description="An unknown material or a note too long (`{field: [why]}`), or a "
                'refusal `{"detail": [why], "code": ...}`: `not_published` or `duplicate` '
                "(already in the collection)."
            ),
            403: NOT_SIGNED_IN,
            404: NOT_YOURS,
        },
    )
    def post(self, request, collection_id):
        """Add a published material at the end of the collection, with an optional note."""
        collection = _own_collection(request, collection_id)
        body = CollectionItemCreateSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.collection_add(
            collection=collection, user=request.user, **body.validated_data
        )
        return Response(
            CollectionItemSerializer(item, context={"request": request}).data,
            status=status.HTTP_201_CREATED,
        )


class CollectionItemView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        parameters=ITEM_PATH,
        request=CollectionItemNoteSerializer,
        responses={
            200: CollectionItemSerializer,
            400: OpenApiResponse(description='A note too long: `{"note": [why]}`.'),
            403: NOT_SIGNED_IN,
            404: NOT_YOUR_ITEM,
        },
    )
    def patch(self, request, collection_id, item_id):
        """Change the note on an item."""
        item = _own_item(request, collection_id, item_id)
        body = CollectionItemNoteSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        item = services.collection_item_update(
            item=item, user=request.user, note=body.validated_data["note"]
        )
        return Response(CollectionItemSerializer(item, context={"request": request}).data)

    @extend_schema(
        tags=TAGS,
        parameters=ITEM_PATH,
        responses={
            204: OpenApiResponse(description="Removed from the collection."),
            403: NOT_SIGNED_IN,
            404: NOT_YOUR_ITEM,
        },
    )
    def delete(self, request, collection_id, item_id):
        """Remove an item from the collection."""
        item = _own_item(request, collection_id, item_id)
        services.collection_item_remove(item=item, user=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


class CollectionOrderView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        parameters=COLLECTION_PATH,
        request=CollectionOrderSerializer,
        responses={
            200: CollectionDetailSerializer,
            400: OpenApiResponse(
                RefusalSerializer,
                description="The list does not name every item once (`bad_order`), or is "
                'not a list of ids (`{"items": [why]}`).',
            ),
            403: NOT_SIGNED_IN,
            404: NOT_YOURS,
        },
    )
    def put(self, request, collection_id):
        """Put the items in a new order."""
        collection = _own_collection(request, collection_id)
        body = CollectionOrderSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        services.collection_reorder(
            collection=collection, user=request.user, item_ids=body.validated_data["items"]
        )
        return _collection_detail(request, collection)


# --- Collections by their link -----------------------------------------------------------------


class SharedCollectionView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        parameters=TOKEN_PATH,
        responses={
            200: SharedCollectionSerializer,
            404: OpenApiResponse(
                ErrorSerializer, description="No such collection, or a private one not yours."
            ),
        },
    )
    def get(self, request, token):
        """A collection by its link: a public one to anyone, a private one to its owner only."""
        collection = _visible_collection(request, token)
        collection.visible_items = selectors.collection_items(collection)
        return Response(SharedCollectionSerializer(collection, context={"request": request}).data)


class SharedCollectionCopyView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        parameters=TOKEN_PATH,
        request=None,
        responses={
            201: OpenApiResponse(CollectionDetailSerializer, description="The reader's copy."),
            403: NOT_SIGNED_IN,
            404: OpenApiResponse(
                ErrorSerializer, description="No such collection, or a private one not yours."
            ),
        },
    )
    def post(self, request, token):
        """Copy a collection into a new private collection of the reader's, notes included."""
        source = _visible_collection(request, token)
        copy = services.collection_copy(collection=source, user=request.user)
        return _collection_detail(request, copy, status.HTTP_201_CREATED)
