"""Certificate PDFs read back with poppler-utils: the learner's name in any script, the page
size, the fonts embedded, and the QR code of the verification address."""

import re
import subprocess

import pytest
import segno
from PIL import Image

from certification import pdf
from certification.models import Certificate
from tests.courses.factories import build_course

pytestmark = pytest.mark.django_db

# Directional marks and embeddings pdftotext wraps right-to-left runs in.
BIDI_CONTROLS = dict.fromkeys(
    map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
)


@pytest.fixture
def course_version(db):
    return build_course(title="Responsible AI in public services")


def _certificate(user, version, learner_name: str) -> Certificate:
    return Certificate.objects.create(
        kind=Certificate.Kind.COMPLETION,
        user=user,
        course=version.course,
        learner_name=learner_name,
        title=version.title,
        issuer_name="AI Skills Coalition",
    )


@pytest.fixture
def render(alice, course_version, tmp_path):
    """Render a certificate for a learner name; returns the path of the PDF file."""

    def render(learner_name: str):
        certificate = _certificate(alice, course_version, learner_name)
        path = tmp_path / f"{certificate.pk}.pdf"
        path.write_bytes(pdf.certificate_pdf(certificate))
        return certificate, path

    return render


def _poppler(*command) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _text(path, *options) -> str:
    return _poppler("pdftotext", *options, "-enc", "UTF-8", str(path), "-").translate(BIDI_CONTROLS)


def _fonts(path) -> str:
    return _poppler("pdffonts", str(path))


def test_a_chinese_name_is_in_the_pdf_text_in_a_cjk_font(render):
    _certificate, path = render("王小明")

    assert "王小明" in _text(path).splitlines()
    assert "CJK" in _fonts(path)


def test_a_cyrillic_name_is_in_the_pdf_text(render):
    _certificate, path = render("Мария Ивановна Петрова")

    assert "Мария Ивановна Петрова" in _text(path).splitlines()


def _lam_alef_as_poppler_writes_it(text: str) -> str:
    """Lam followed by alef is drawn as one ligature glyph; poppler writes that glyph's two
    letters in visual (right-to-left) order, so they come out swapped."""
    return re.sub("ل([اأإآ])", r"\1ل", text)


def test_an_arabic_name_is_in_the_pdf_text_in_reading_order_and_an_arabic_font(render):
    name = "محمد الأمين"
    _certificate, path = render(name)

    lines = [line.strip() for line in _text(path).splitlines()]
    assert name in lines or _lam_alef_as_poppler_writes_it(name) in lines
    # The first word holds no ligature: it comes out exactly, and before the second, so the
    # name was laid out right to left and read back in logical order.
    line = next(line for line in lines if "محمد" in line)
    assert line.index("محمد") < line.index("مين")
    assert "Arabic" in _fonts(path)


def test_a_name_mixing_scripts_keeps_every_part(render):
    _certificate, path = render("Ана 李 Smith")

    assert "Ана 李 Smith" in _text(path)


def test_the_certificate_is_one_a4_landscape_page(render):
    _certificate, path = render("Alice Achieng")

    info = _poppler("pdfinfo", str(path))

    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE)
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts \(A4\)$", info, re.MULTILINE)
    assert size, info
    width, height = (float(value) for value in size.groups())
    assert (round(width), round(height)) == (842, 595)  # landscape: wider than tall
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)  # PDF/UA: readable aloud


def test_the_pdf_prints_the_title_issuer_and_verification_address(render):
    certificate, path = render("Alice Achieng")

    text = " ".join(_text(path, "-raw").split())

    assert "Responsible AI in public services" in text
    assert "AI Skills Coalition" in text
    # The address may wrap, even mid-identifier: compare it with line breaks taken out.
    assert certificate.verify_url.replace("-", "") in text.replace(" ", "").replace("-", "")


def _qr_modules(image: Image.Image) -> list[list[bool]]:
    """The dark modules of a QR code drawn one pixel per module, quiet zone trimmed off."""
    grey = image.convert("L")
    width, height = grey.size
    rows = [[grey.getpixel((x, y)) < 128 for x in range(width)] for y in range(height)]
    rows = [row for row in rows if any(row)]
    columns = [x for x in range(width) if any(row[x] for row in rows)]
    return [row[columns[0] : columns[-1] + 1] for row in rows]


def _segno_modules(url: str, error: str) -> list[list[bool]]:
    return [list(map(bool, row)) for row in segno.make(url, error=error).matrix]


def test_the_qr_code_in_the_pdf_encodes_the_verification_address(render, tmp_path):
    """No QR decoder is installed here (zbar is not): the QR image is taken out of the PDF and
    compared module by module with the QR code segno makes for the address."""
    certificate, path = render("Alice Achieng")
    _poppler("pdfimages", "-png", str(path), str(tmp_path / "image"))
    images = [Image.open(png) for png in sorted(tmp_path.glob("image-*.png"))]
    squares = [image for image in images if image.width == image.height]
    assert len(squares) == 1, [image.size for image in images]

    drawn = _qr_modules(squares[0])

    expected = [_segno_modules(certificate.verify_url, error) for error in "LMQH"]
    assert drawn in expected
    another_address = certificate.verify_url.replace(str(certificate.pk), "0" * 32)
    assert drawn != _segno_modules(another_address, "M")


def test_the_same_certificate_renders_to_the_same_bytes(alice, course_version):
    certificate = _certificate(alice, course_version, "王小明")

    first = pdf.certificate_pdf(certificate)
    pdf._fonts.cache_clear()

    assert pdf.certificate_pdf(certificate) == first
