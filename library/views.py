import mimetypes

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from library import selectors, services
from library.forms import (
    AddToCollectionForm,
    CollectionForm,
    ItemNoteForm,
    LibrarySearchForm,
    library_search_form,
)
from library.models import Collection, CollectionItem, LibraryPage, Material

PAGE_SIZE = 20
FACET_FIELDS = [
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


def _facet_groups(form: LibrarySearchForm, facets: dict) -> list[dict]:
    """Each filter with its choices, counts and whether it is ticked; empty ones are left out."""
    chosen = {name: set(map(str, form.data.getlist(name))) for name in FACET_FIELDS}
    keys = {  # facet counts are keyed by stored values; the form by public values
        "topic": {t.slug: t.pk for t in form.topics_by_slug.values()},
        "contributor": {o.slug: o.pk for o in form.organisations_by_slug.values()},
    }
    groups = []
    for name in FACET_FIELDS:
        field = form[name]
        options = []
        for value, label in field.field.choices:
            key = keys.get(name, {}).get(value, value)
            count = facets.get(name, {}).get(key, 0)
            checked = str(value) in chosen[name]
            if count or checked:
                options.append(
                    {
                        "value": value,
                        "label": label,
                        "count": count,
                        "checked": checked,
                        "id": f"f-{name}-{value}",
                    }
                )
        if options:
            groups.append({"name": name, "label": field.label, "options": options})
    return groups


def _render_search(request, template: str, extra: dict, data=None):
    form = library_search_form(data if data is not None else request.GET)
    if not form.is_valid():
        return render(
            request, template, {"form": form, "groups": [], "page": None, **extra}, status=400
        )
    result = selectors.material_search(form.criteria())
    paginator = Paginator(result.materials, PAGE_SIZE)
    paginator.count = result.total  # counted with the facets already
    page = paginator.get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        template,
        {
            "form": form,
            "page": page,
            "total": result.total,
            "groups": _facet_groups(form, result.facets),
            "query_string": query.urlencode(),
            **extra,
        },
    )


@require_GET
def search(request):
    return _render_search(
        request,
        "library/search.html",
        {"featured_collections": selectors.collection_list_featured()},
    )


@require_GET
def partner_page(request, slug):
    try:
        library_page = selectors.library_page(slug=slug)
    except LibraryPage.DoesNotExist:
        raise Http404 from None
    data = request.GET.copy()
    for name, values in library_page.filters.items():
        if name in FACET_FIELDS and not data.getlist(name):
            data.setlist(name, [str(v) for v in values])
    items = selectors.collection_items(library_page.collection) if library_page.collection else []
    return _render_search(
        request,
        "library/partner_page.html",
        {"library_page": library_page, "collection_items": items},
        data=data,
    )


@require_GET
def material(request, slug):
    try:
        item = selectors.material_detail(slug=slug)
    except Material.DoesNotExist:
        raise Http404 from None
    services.material_count_view(material=item)
    add_form = AddToCollectionForm(user=request.user) if request.user.is_authenticated else None
    return render(
        request,
        "library/material.html",
        {
            "material": item,
            "related": selectors.material_related(material=item),
            "used_in": selectors.material_used_in(material=item),
            "add_form": add_form,
        },
    )


@require_GET
def download(request, slug):
    try:
        item = selectors.material_detail(slug=slug)
    except Material.DoesNotExist:
        raise Http404 from None
    services.material_count_download(material=item)
    if not item.file:
        return HttpResponseRedirect(item.url)
    extension = item.file.name.rsplit(".", 1)[-1]
    inline = request.GET.get("view") == "1" and item.mime_type in (
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/webp",
        "audio/mpeg",
        "audio/ogg",
        "audio/x-wav",
        "audio/wav",
        "video/mp4",
        "video/webm",
        "text/plain",
    )
    response = FileResponse(
        item.file.open("rb"),
        as_attachment=not inline,
        filename=f"{item.slug}.{extension}",
        content_type=item.mime_type or mimetypes.guess_type(item.file.name)[0],
    )
    # A file from a contributor never runs as a page of this site.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


# --- Collections -------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def my_collections(request):
    form = CollectionForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        collection = services.collection_create(owner=request.user, **form.cleaned_data)
        messages.success(request, _("Your collection has been created."))
        return redirect(collection.get_absolute_url())
    return render(
        request,
        "library/my_collections.html",
        {"collections": selectors.collection_list_for(user=request.user), "form": form},
        status=400 if form.errors else 200,
    )


def _collection_or_404(request, token) -> Collection:
    try:
        return selectors.collection_visible(token=token, user=request.user)
    except Collection.DoesNotExist:
        raise Http404 from None


@require_http_methods(["GET", "POST"])
def collection(request, token):
    item_collection = _collection_or_404(request, token)
    is_owner = request.user.is_authenticated and item_collection.owner_id == request.user.pk
    form = CollectionForm(instance=item_collection) if is_owner else None
    status = 200
    if request.method == "POST":
        if not is_owner:
            raise Http404
        form = CollectionForm(request.POST, instance=Collection.objects.get(pk=item_collection.pk))
        if form.is_valid():
            services.collection_update(
                collection=item_collection, user=request.user, **form.cleaned_data
            )
            messages.success(request, _("Your collection has been saved."))
            return redirect(item_collection.get_absolute_url())
        status = 400
    return render(
        request,
        "library/collection.html",
        {
            "collection": item_collection,
            "items": selectors.collection_items(item_collection),
            "is_owner": is_owner,
            "form": form,
            "share_url": request.build_absolute_uri(item_collection.get_absolute_url()),
        },
        status=status,
    )


@login_required
@require_POST
def collection_copy(request, token):
    source = _collection_or_404(request, token)
    copy = services.collection_copy(collection=source, user=request.user)
    messages.success(request, _("The collection has been copied into your collections."))
    return redirect(copy.get_absolute_url())


@login_required
@require_POST
def collection_delete(request, token):
    item_collection = _collection_or_404(request, token)
    if item_collection.owner_id != request.user.pk:
        raise Http404
    services.collection_delete(collection=item_collection, user=request.user)
    messages.success(request, _("The collection has been deleted."))
    return redirect("library:my_collections")


@login_required
@require_POST
def collection_add(request, slug):
    try:
        item = selectors.material_detail(slug=slug)
    except Material.DoesNotExist:
        raise Http404 from None
    form = AddToCollectionForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose one of your collections."))
        return redirect(item.get_absolute_url())
    try:
        services.collection_add(
            collection=form.cleaned_data["collection"],
            user=request.user,
            material=item,
            note=form.cleaned_data["note"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(item.get_absolute_url())
    messages.success(
        request, _("Added to “%(title)s”.") % {"title": form.cleaned_data["collection"].title}
    )
    return redirect(item.get_absolute_url())


def _own_item(request, item_id) -> CollectionItem:
    return get_object_or_404(
        CollectionItem.objects.select_related("collection"),
        pk=item_id,
        collection__owner=request.user,
    )


@login_required
@require_POST
def item_update(request, item_id):
    item = _own_item(request, item_id)
    action = request.POST.get("action")
    if action == "remove":
        services.collection_item_remove(item=item, user=request.user)
        messages.success(request, _("Removed from the collection."))
    elif action in ("up", "down"):
        services.collection_move(item=item, user=request.user, offset=-1 if action == "up" else 1)
    elif action == "note":
        form = ItemNoteForm(request.POST)
        if form.is_valid():
            services.collection_item_update(
                item=item, user=request.user, note=form.cleaned_data["note"]
            )
            messages.success(request, _("Your note has been saved."))
        else:
            messages.error(request, _("A note can be at most 500 characters."))
    else:
        messages.error(request, _("That form could not be recognised. Please try again."))
    return redirect(item.collection.get_absolute_url())
