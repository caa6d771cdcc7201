from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from alliance.accounts.timezones import TIMEZONE_CHOICES, known_timezones
from alliance.core.models import Topic
from alliance.core.widgets import StaticChoicesSelect, country_field
from workshops.models import Booking, Series, Session


class SessionFilterForm(forms.Form):
    """The listing's filters; a value outside the choices makes the whole request a 400."""

    UPCOMING, PAST = "upcoming", "past"

    when = forms.ChoiceField(
        label=_("When"),
        required=False,
        choices=[(UPCOMING, _("Upcoming sessions")), (PAST, _("Past sessions"))],
        widget=forms.HiddenInput,
    )
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Any type")), *Session.Kind.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *settings.LANGUAGES]
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    country = country_field(label=_("Country"), required=False, any_label=True)
    series = forms.ChoiceField(label=_("Series"), required=False)

    def __init__(self, *args, topics: list[Topic], series: list[Series], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].choices = [("", _("Any topic"))] + [(t.slug, t.label) for t in topics]
        self.fields["series"].choices = [("", _("Any series"))] + [(s.slug, s.name) for s in series]

    @property
    def past(self) -> bool:
        return self.is_bound and self.is_valid() and self.cleaned_data["when"] == self.PAST

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        return {
            name: self.cleaned_data[name]
            for name in ("kind", "language", "topic", "country", "series")
        }


def _known_timezone(value: str) -> None:
    if value not in known_timezones():
        raise forms.ValidationError(
            _("“%(value)s” is not a time zone we know. Choose one from the list."),
            params={"value": value},
            code="unknown_timezone",
        )


class TimeZoneForm(forms.Form):
    """The zone to show times in, for visitors whose profile does not name one."""

    tz = forms.CharField(
        label=_("Show times in"),
        required=False,
        max_length=64,
        validators=[_known_timezone],
        widget=StaticChoicesSelect(
            choices=[("", _("UTC (default)")), *TIMEZONE_CHOICES[1:]], key="timezones-utc"
        ),
    )

    def zone(self) -> str:
        if self.is_bound and self.is_valid():
            return self.cleaned_data["tz"]
        return ""


class BookingForm(forms.Form):
    """The way to attend: a choice for a hybrid session, else the session's only way.

    Any known mode passes here; whether the session offers it is the booking service's call.
    """

    mode = forms.ChoiceField(
        label=_("How will you attend?"), choices=Booking.Mode.choices, widget=forms.RadioSelect
    )

    def __init__(self, *args, session: Session, **kwargs):
        super().__init__(*args, **kwargs)
        if session.kind != Session.Kind.HYBRID:
            self.fields["mode"].widget = forms.HiddenInput()
            self.fields["mode"].initial = (
                Booking.Mode.ONSITE if session.has_onsite else Booking.Mode.ONLINE
            )


class CheckInForm(forms.Form):
    """Who attended, among the session's confirmed bookings."""

    attended = forms.TypedMultipleChoiceField(
        label=_("Attended"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, bookings: list[Booking], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(b.pk, str(b.user)) for b in bookings]
        self.fields["attended"].initial = [b.pk for b in bookings if b.attended]

    def checked(self) -> set[int]:
        """The boxes to show ticked: as sent, else as recorded."""
        values = self["attended"].value() or []
        return {int(value) for value in values if str(value).isdigit()}
