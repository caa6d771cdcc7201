"""Certificates as PDF: A4 landscape, the learner's name in any script, a QR code of the
verification address. Rendering is deterministic: the same certificate gives the same bytes."""

import hashlib
from functools import lru_cache

import segno
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from certification.models import Certificate


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


def certificate_html(certificate: Certificate) -> str:
    with translation.override(certificate.language):
        return render_to_string(
            "certification/pdf/certificate.html",
            {
                "certificate": certificate,
                "qr": qr_data_uri(certificate.verify_url),
                "language": certificate.language,
                "rtl": translation.get_language_bidi(),
            },
        )


def certificate_pdf(certificate: Certificate) -> bytes:
    fonts = _fonts()
    document = HTML(string=certificate_html(certificate), base_url=None)
    return document.write_pdf(
        font_config=fonts,
        pdf_variant="pdf/ua-1",
        # A stable identifier, so that a re-render of the same certificate gives the same file.
        pdf_identifier=hashlib.md5(certificate.pk.bytes, usedforsecurity=False)
        .hexdigest()
        .encode(),
    )
