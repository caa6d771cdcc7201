"""Certificates as PDF: A4 landscape, the learner's name in any script, a QR code of the
verification address. Rendering is deterministic: the same certificate gives the same bytes."""

import datetime as dt
import hashlib
import logging
import uuid
from functools import lru_cache

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.dates import MONTHS
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from certification import fonts
from certification.models import Certificate

logger = logging.getLogger(__name__)

TEMPLATE = "certification/pdf/certificate.html"

# From here on, characters are laid out in a CJK font: Latin, Greek, Cyrillic, Arabic and the
# like come before, and the template lists the fonts for those first.
CJK_START = 0x2E80


@lru_cache(maxsize=1)
def _fonts() -> FontConfiguration:
    """One font configuration per process: loading the fonts is most of a first render's time."""
    return FontConfiguration()


def qr_data_uri(url: str) -> str:
    """The QR code as a PNG of one pixel per module, which the template scales up without
    smoothing (``image-rendering: pixelated``), so its edges stay sharp at any size.

    A PNG rather than an SVG because WeasyPrint parses an SVG path in Python: the SVG cost about
    8 ms of every certificate, a PNG a few dozen pixels square well under one.
    """
    return segno.make(url, error="m").png_data_uri(scale=1, border=2)


@lru_cache(maxsize=1)
def _template_characters() -> str:
    """Every character the template itself writes, in every language of the site: its
    translated strings and month names. The common CJK font is made with them, so that a
    certificate's own words never send it to the full font."""
    sample = Certificate(
        id=uuid.UUID(int=0),
        learner_name="",
        title="",
        issuer_name="",
        issued_at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC),
    )
    characters = set()
    for language, _name in settings.LANGUAGES:
        sample.language = language
        with translation.override(language):
            for kind in Certificate.Kind.values:
                sample.kind = kind
                characters.update(render_to_string(TEMPLATE, _context(sample, qr="")))
            for month in MONTHS.values():
                characters.update(str(month))
    return "".join(sorted(c for c in characters if ord(c) >= CJK_START))


def _common_cjk_font() -> fonts.CommonFont | None:
    """The common CJK font with the template's own characters (or without them, said in the
    log, if collecting them fails); None when it cannot be had."""
    try:
        extra = _template_characters()
    except Exception:  # a translation that breaks another language's certificate, say
        logger.exception("Making the common CJK font without the template's characters")
        extra = ""
    return fonts.cjk_common_font(extra=extra)


def cjk_font_prepare() -> bool:
    """Make the common CJK font now (the Docker image does at build time); whether it is there."""
    return _common_cjk_font() is not None


def cjk_font_url(text: str) -> str | None:
    """The common CJK font's file when the text needs a CJK font and that font has every CJK
    character of it; None otherwise, and the full font is used.

    Both draw the same glyphs; the common font only makes a certificate about 20 ms quicker
    (see ``certification.fonts``). A certificate without CJK text loads neither.
    """
    wide = {character for character in text if ord(character) >= CJK_START}
    if not wide:
        return None
    font = _common_cjk_font()
    if font is None or not wide <= font.characters:
        return None
    return font.url


def _context(certificate: Certificate, *, qr: str, cjk_font: str | None = None) -> dict:
    return {
        "certificate": certificate,
        "qr": qr,
        "language": certificate.language,
        "rtl": translation.get_language_bidi(),
        "cjk_font": cjk_font,
    }


def certificate_html(certificate: Certificate) -> str:
    with translation.override(certificate.language):
        qr = qr_data_uri(certificate.verify_url)
        html = render_to_string(TEMPLATE, _context(certificate, qr=qr))
        # The text decides the CJK font, so it is rendered first without one.
        if cjk_font := cjk_font_url(html):
            html = render_to_string(TEMPLATE, _context(certificate, qr=qr, cjk_font=cjk_font))
        return html


def certificate_pdf(certificate: Certificate) -> bytes:
    document = HTML(string=certificate_html(certificate), base_url=None)
    return document.write_pdf(
        font_config=_fonts(),
        pdf_variant="pdf/ua-1",
        # A stable identifier, so that a re-render of the same certificate gives the same file.
        pdf_identifier=hashlib.md5(certificate.pk.bytes, usedforsecurity=False)
        .hexdigest()
        .encode(),
    )
