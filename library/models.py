import secrets

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from alliance.core.choices import LICENCES, Level
from alliance.core.models import ChoiceLabels
from contributors.models import Reviewed


class Material(ChoiceLabels, Reviewed):
    """A piece of donated training material: a file on the platform or a link elsewhere."""

    class Type(models.TextChoices):
        DOCUMENT = "document", _("Document")
        SLIDES = "slides", _("Slide deck")
        VIDEO = "video", _("Video")
        AUDIO = "audio", _("Audio")
        DATASET = "dataset", _("Dataset")
        NOTEBOOK = "notebook", _("Notebook")
        COURSE_PACK = "course-pack", _("Course pack")
        WEB_LINK = "web-link", _("Web link")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    # Audiences and accessibility features are flags, so the facet counts of all of them come
    # from one aggregate query.
    AUDIENCES = {
        "learners": ("for_learners", _("Learners")),
        "educators": ("for_educators", _("Educators")),
        "developers": ("for_developers", _("Developers")),
        "policymakers": ("for_policymakers", _("Policymakers")),
    }
    ACCESSIBILITY = {
        "captions": ("has_captions", _("Captions")),
        "transcript": ("has_transcript", _("Transcript")),
        "audio-description": ("has_audio_description", _("Audio description")),
        "screen-reader-pdf": ("is_screen_reader_ready", _("Screen-reader-ready PDF")),
        "sign-language": ("has_sign_language", _("Sign language")),
        "easy-read": ("is_easy_read", _("Easy read")),
    }

    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    authors = models.CharField(
        _("authors"), max_length=500, blank=True, help_text=_("Creators, separated by commas.")
    )
    organisation = models.ForeignKey(
        "contributors.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="materials",
        verbose_name=_("contributor"),
    )
    material_type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    topic = models.ForeignKey(
        "core.Topic", on_delete=models.PROTECT, related_name="materials", verbose_name=_("topic")
    )
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    level = models.CharField(_("level"), max_length=16, choices=Level.choices)
    for_learners = models.BooleanField(_("for learners"), default=True)
    for_educators = models.BooleanField(_("for educators"), default=False)
    for_developers = models.BooleanField(_("for developers"), default=False)
    for_policymakers = models.BooleanField(_("for policymakers"), default=False)
    has_captions = models.BooleanField(_("captions"), default=False)
    has_transcript = models.BooleanField(_("transcript"), default=False)
    has_audio_description = models.BooleanField(_("audio description"), default=False)
    is_screen_reader_ready = models.BooleanField(_("screen-reader-ready PDF"), default=False)
    has_sign_language = models.BooleanField(_("sign language"), default=False)
    is_easy_read = models.BooleanField(_("easy read"), default=False)
    licence = models.CharField(_("licence"), max_length=40, choices=LICENCES)
    publication_year = models.PositiveSmallIntegerField(
        _("year of publication"),
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
    )
    file = models.FileField(_("file"), upload_to="library/", blank=True, max_length=300)
    url = models.URLField(_("link"), blank=True, max_length=500)
    mime_type = models.CharField(_("file type"), max_length=100, blank=True, editable=False)
    size_bytes = models.PositiveBigIntegerField(
        _("size in bytes"), null=True, blank=True, editable=False
    )
    duration_minutes = models.PositiveIntegerField(_("duration in minutes"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    view_count = models.PositiveBigIntegerField(_("views"), default=0, editable=False)
    download_count = models.PositiveBigIntegerField(_("downloads"), default=0, editable=False)
    # Kept current by a PostgreSQL trigger on every write (migration 0002); unused on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("material")
        verbose_name_plural = _("materials")
        constraints = [
            models.CheckConstraint(
                condition=~Q(file="") | ~Q(url=""), name="material_has_a_file_or_a_link"
            ),
        ]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="material_published"),
            models.Index(fields=["status", "language"], name="material_language"),
            models.Index(fields=["status", "material_type"], name="material_type"),
            models.Index(fields=["status", "-download_count"], name="material_most_used"),
            models.Index(fields=["status", "updated_at", "id"], name="material_harvest"),
            models.Index(fields=["updated_at"], name="material_last_write"),
            # Facet counts read these columns only: on PostgreSQL an index-only scan serves them.
            models.Index(
                fields=["status"],
                include=[
                    "material_type",
                    "topic",
                    "language",
                    "level",
                    "licence",
                    "organisation",
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
                ],
                name="material_facets",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("library:material", args=[self.slug])

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def author_list(self) -> list[str]:
        return [name.strip() for name in self.authors.split(",") if name.strip()]

    def audience_labels(self) -> list[str]:
        return [label for field, label in self.AUDIENCES.values() if getattr(self, field)]

    def accessibility_labels(self) -> list[str]:
        return [label for field, label in self.ACCESSIBILITY.values() if getattr(self, field)]


def new_share_token() -> str:
    return secrets.token_urlsafe(16)


class Collection(models.Model):
    """A named, ordered list of materials, private to its owner unless made public."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="collections"
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_public = models.BooleanField(
        _("public"), default=False, help_text=_("Anyone with the link can see a public collection.")
    )
    share_token = models.CharField(
        max_length=40, unique=True, default=new_share_token, editable=False
    )
    is_featured = models.BooleanField(_("featured"), default=False)
    organisation = models.ForeignKey(
        "contributors.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="collections",
        verbose_name=_("curated by"),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("collection")
        verbose_name_plural = _("collections")
        constraints = [
            models.CheckConstraint(
                condition=Q(is_public=True) | Q(is_featured=False),
                name="only_public_collections_are_featured",
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("library:collection", args=[self.share_token])


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    material = models.ForeignKey(Material, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveIntegerField(_("order"), default=0)
    note = models.CharField(_("note"), max_length=500, blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("collection item")
        verbose_name_plural = _("collection items")
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "material"], name="material_once_per_collection"
            )
        ]

    def __str__(self):
        return f"{self.material} in {self.collection}"


class LibraryPage(models.Model):
    """A partner's own view of the library: a title, an introduction and a saved filter."""

    organisation = models.ForeignKey(
        "contributors.Organisation",
        on_delete=models.CASCADE,
        related_name="library_pages",
        verbose_name=_("organisation"),
    )
    slug = models.SlugField(_("address"), max_length=120, unique=True)
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    filters = models.JSONField(
        _("filters"),
        default=dict,
        blank=True,
        help_text=_('The library filters this page applies, e.g. {"audience": ["policymakers"]}.'),
    )
    collection = models.ForeignKey(
        Collection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("featured collection"),
    )
    is_published = models.BooleanField(_("published"), default=False)

    class Meta:
        ordering = ["title"]
        verbose_name = _("library page")
        verbose_name_plural = _("library pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("library:page", args=[self.slug])


class MaterialRevision(models.Model):
    """A member's edit of published material, waiting for review while the material stays up."""

    material = models.OneToOneField(Material, on_delete=models.CASCADE, related_name="revision")
    data = models.JSONField(_("changed fields"), default=dict)
    file = models.FileField(_("new file"), upload_to="library/", blank=True, max_length=300)
    mime_type = models.CharField(max_length=100, blank=True)
    size_bytes = models.PositiveBigIntegerField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("pending change")
        verbose_name_plural = _("pending changes")

    def __str__(self):
        return f"{self.material} (pending change)"
