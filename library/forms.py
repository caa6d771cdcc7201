from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alliance.core.choices import LICENCES, Level
from alliance.core.models import Topic
from contributors.models import Organisation
from library.models import Collection, Material
from library.selectors import SearchCriteria

# Years a material may carry (the model's bounds), newest first in the filter.
FIRST_YEAR, LAST_YEAR = 1950, 2100


class LibrarySearchForm(forms.Form):
    """Every filter state is a plain GET query, so each one has its own shareable URL."""

    q = forms.CharField(label=_("Search the library"), required=False, max_length=200)
    type = forms.MultipleChoiceField(
        label=_("Type"),
        required=False,
        choices=Material.Type.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    topic = forms.MultipleChoiceField(
        label=_("Topic"), required=False, widget=forms.CheckboxSelectMultiple
    )
    language = forms.MultipleChoiceField(
        label=_("Language"),
        required=False,
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
    )
    level = forms.MultipleChoiceField(
        label=_("Level"),
        required=False,
        choices=Level.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    audience = forms.MultipleChoiceField(
        label=_("Audience"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(key, label) for key, (_field, label) in Material.AUDIENCES.items()],
    )
    accessibility = forms.MultipleChoiceField(
        label=_("Accessibility"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(key, label) for key, (_field, label) in Material.ACCESSIBILITY.items()],
    )
    licence = forms.MultipleChoiceField(
        label=_("Licence"), required=False, choices=LICENCES, widget=forms.CheckboxSelectMultiple
    )
    contributor = forms.MultipleChoiceField(
        label=_("Contributor"), required=False, widget=forms.CheckboxSelectMultiple
    )
    year = forms.TypedMultipleChoiceField(
        label=_("Year"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        choices=[(year, str(year)) for year in range(LAST_YEAR, FIRST_YEAR - 1, -1)],
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[
            ("relevance", _("Relevance")),
            ("newest", _("Newest")),
            ("most-used", _("Most used")),
        ],
    )

    def __init__(
        self,
        *args,
        topics: list[Topic],
        organisations: list[Organisation],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.topics_by_slug = {t.slug: t for t in topics}
        self.organisations_by_slug = {o.slug: o for o in organisations}
        self.fields["topic"].choices = [(t.slug, t.label) for t in topics]
        self.fields["contributor"].choices = [(o.slug, o.name) for o in organisations]
        self.fields["q"].widget.attrs.update({"type": "search"})

    def criteria(self) -> SearchCriteria:
        data = self.cleaned_data
        sort = data.get("sort") or "relevance"
        return SearchCriteria(
            query=data.get("q", ""),
            type=data.get("type", []),
            topic=[self.topics_by_slug[s].pk for s in data.get("topic", [])],
            language=data.get("language", []),
            level=data.get("level", []),
            licence=data.get("licence", []),
            contributor=[self.organisations_by_slug[s].pk for s in data.get("contributor", [])],
            year=data.get("year", []),
            audience=data.get("audience", []),
            accessibility=data.get("accessibility", []),
            sort=sort,
        )


def library_search_form(data) -> LibrarySearchForm:
    """The search form, offering the topics and contributors there are."""
    return LibrarySearchForm(
        data,
        topics=list(Topic.objects.all()),
        organisations=list(Organisation.objects.order_by("name")),
    )


class CollectionForm(forms.ModelForm):
    class Meta:
        model = Collection
        fields = ["title", "description", "is_public"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}


class AddToCollectionForm(forms.Form):
    collection = forms.ModelChoiceField(label=_("Collection"), queryset=Collection.objects.none())
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        # The most recently used collection is preselected: adding is one click.
        self.fields["collection"].queryset = Collection.objects.filter(owner=user).order_by(
            "-updated_at", "-pk"
        )
        self.fields["collection"].empty_label = None


class ItemNoteForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
