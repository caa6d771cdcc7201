"""get_FOO_display() from labels kept per field: the reader's language, unknown values as is."""

from django.utils import translation

from workshops.models import Session


def test_a_label_follows_the_readers_language_and_an_unknown_value_is_shown_as_it_is():
    session = Session(kind="webinar", language="fr")
    with translation.override("fr"):
        french = (session.get_kind_display(), session.get_language_display())
    with translation.override("en"):
        english = (session.get_kind_display(), session.get_language_display())
    assert english == ("Webinar (online)", "French")
    assert french[1] == "Français" and french[0] != english[0]
    session.kind = "not-a-kind"
    assert session.get_kind_display() == "not-a-kind"
    session.kind = None
    assert session.get_kind_display() is None
