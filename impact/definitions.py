"""What each figure of the impact report counts, defined once and shown on the pages.

"Trained" is the coalition's promise: a person is trained in a period when, in that period, they
completed a course or attended a workshop or webinar session (marked present by its organisers).
Staff accounts are never counted.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

# Cells counting fewer people than this are shown as "fewer than 5", never exactly.
SMALL_CELL = 5


class Metric(models.TextChoices):
    TRAINED = "trained", _("People trained")
    REGISTERED = "registered", _("Learners registered")
    ACTIVE = "active", _("Learners active")
    ENROLMENTS = "enrolments", _("Course enrolments")
    COMPLETIONS = "completions", _("Course completions")
    CERTIFICATES_FREE = "certificates_free", _("Certificates of completion issued")
    CERTIFICATES_PAID = "certificates_paid", _("Advanced certificates issued")
    ATTENDEES = "attendees", _("Workshop and webinar attendees")
    OFFICIALS = "officials", _("Government officials trained")
    DOWNLOADS = "downloads", _("Library downloads")


DEFINITIONS = {
    Metric.TRAINED: _(
        "People who completed a course or attended a workshop or webinar session in the period; "
        "each person counts once."
    ),
    Metric.REGISTERED: _("Accounts created in the period (staff excluded)."),
    Metric.ACTIVE: _(
        "People who enrolled, completed a lesson, submitted a quiz or attended a session in the "
        "period; each person counts once."
    ),
    Metric.ENROLMENTS: _("Enrolments in a course version made in the period."),
    Metric.COMPLETIONS: _("Enrolments completed in the period."),
    Metric.CERTIFICATES_FREE: _("Certificates of completion issued in the period, not revoked."),
    Metric.CERTIFICATES_PAID: _("Advanced certificates issued in the period, not revoked."),
    Metric.ATTENDEES: _("People marked present at a session held in the period."),
    Metric.OFFICIALS: _(
        "People marked present at a session of a government training track, or booked through "
        "a government delegation, in the period."
    ),
    Metric.DOWNLOADS: _("Downloads of library material in the period (counted in aggregate)."),
}

# Figures that count events of people; downloads are counted without knowing who downloaded.
PEOPLE_METRICS = {m for m in Metric if m != Metric.DOWNLOADS}


class Dimension(models.TextChoices):
    TOTAL = "", _("Total")
    COUNTRY = "country", _("Country")
    REGION = "region", _("Region")
    GROUP = "group", _("LDC / income group")
    LANGUAGE = "language", _("Language")
    TOPIC = "topic", _("Topic")
    COURSE = "course", _("Course")
    CONTRIBUTOR = "contributor", _("Contributor")
    CONTRIBUTOR_COUNTRY = "contributor_country", _("Contributor and country")
    GENDER = "gender", _("Gender")
    YOUTH = "youth", _("Youth (under 25)")
    DISABILITY = "disability", _("Disability")


# Breakdowns by the optional, self-declared demographics: staff only, never on the public page.
DEMOGRAPHIC_DIMENSIONS = {Dimension.GENDER, Dimension.YOUTH, Dimension.DISABILITY}

YOUTH_KEYS = {"youth": _("Under 25"), "adult": _("25 or over")}
