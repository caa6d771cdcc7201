"""Certificate PDFs read back with poppler-utils: the learner's name in any script, the page
size, the fonts embedded, and the QR code of the verification address."""

import re
import subprocess

import pytest
import segno
from django.utils import translation
from django.utils.dates import MONTHS
from django.utils.translation import gettext
from PIL import Image

from certification import fonts, pdf
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


def _certificate(user, version, learner_name: str, **fields) -> Certificate:
    return Certificate.objects.create(
        kind=Certificate.Kind.COMPLETION,
        user=user,
        course=version.course,
        learner_name=learner_name,
        title=fields.pop("title", version.title),
        issuer_name="AI Skills Coalition",
        **fields,
    )


@pytest.fixture
def render(alice, course_version, tmp_path):
    """Render a certificate for a learner name; returns the path of the PDF file."""

    def render(learner_name: str, **fields):
        certificate = _certificate(alice, course_version, learner_name, **fields)
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
    fonts.cjk_common_font.cache_clear()  # as another process would, reading the font again

    assert pdf.certificate_pdf(certificate) == first


# --- The common CJK font (certification/fonts.py) ---------------------------------------------


def _cjk_fonts(path) -> set[str]:
    """The CJK fonts embedded, by family: the common font, the full SC face, or both."""
    names = {line.split()[0].split("+", 1)[-1] for line in _fonts(path).splitlines()[2:]}
    return {name for name in names if "CJK" in name}


def test_a_chinese_name_is_drawn_in_the_common_cjk_font(render):
    _certificate, path = render("欧阳晓岚")

    assert "欧阳晓岚" in _text(path).splitlines()
    assert _cjk_fonts(path) == {"Noto-Sans-CJK-Common"}


def test_a_chinese_certificate_in_chinese_is_all_in_the_common_cjk_font(render):
    _certificate, path = render("王小明", title="人工智能促进可持续发展", language="zh-hans")

    text = _text(path).splitlines()
    assert "王小明" in text
    assert "人工智能促进可持续发展" in text
    assert _cjk_fonts(path) == {"Noto-Sans-CJK-Common"}


@pytest.mark.parametrize(
    "name",
    [
        "山田 さくら",  # Japanese: kanji and hiragana
        "サトウ・ケンジ",  # katakana
        "渡辺 桜",  # Japanese forms not in Chinese code pages
        "김민준",  # Korean
        "陳大文",  # traditional Chinese
    ],
)
def test_japanese_korean_and_traditional_names_are_drawn_in_the_common_cjk_font(render, name):
    _certificate, path = render(name)

    assert name in _text(path).splitlines()
    assert _cjk_fonts(path) == {"Noto-Sans-CJK-Common"}


def _rare_name() -> str:
    """A name with characters outside the common code pages: 䶮 (CJK extension A, of the
    Southern Han emperor Liu Yan) and 𠮷 (outside the Basic Multilingual Plane)."""
    name = "刘䶮 𠮷田"
    font = fonts.cjk_common_font(extra=pdf._template_characters())
    assert font is not None
    assert "䶮" not in font.characters
    assert "𠮷" not in font.characters
    return name


def test_a_name_with_a_rare_cjk_character_falls_back_to_the_full_font(render):
    name = _rare_name()

    _certificate, path = render(name)

    assert name in _text(path).splitlines()
    assert _cjk_fonts(path) == {"Noto-Sans-CJK-SC"}  # one CJK font, not both


def test_without_the_common_font_a_chinese_name_is_drawn_in_the_full_font(render, monkeypatch):
    monkeypatch.setattr(fonts, "cjk_common_font", lambda **kwargs: None)

    _certificate, path = render("王小明", title="人工智能促进可持续发展")

    assert "王小明" in _text(path).splitlines()
    assert _cjk_fonts(path) == {"Noto-Sans-CJK-SC"}


def test_a_common_font_file_gone_missing_leaves_the_full_font_to_draw_the_name(
    render, monkeypatch, tmp_path
):
    """A process that found the font, then had it removed (by a newer version) before its
    first Chinese certificate: WeasyPrint skips the missing file and uses the next font."""
    missing = fonts.CommonFont(tmp_path / "gone.otf", frozenset("王小明"))
    monkeypatch.setattr(fonts, "cjk_common_font", lambda **kwargs: missing)
    pdf._fonts.cache_clear()  # a process that has not loaded the common font yet

    _certificate, path = render("王小明")

    assert "王小明" in _text(path).splitlines()
    assert _cjk_fonts(path) == {"Noto-Sans-CJK-SC"}


def test_a_certificate_without_cjk_text_never_asks_for_the_cjk_font(render, monkeypatch):
    def never(**kwargs):
        raise AssertionError("the common CJK font was asked for")

    monkeypatch.setattr(fonts, "cjk_common_font", never)

    _certificate, path = render("Мария محمد Alice")

    assert _cjk_fonts(path) == set()


def test_the_common_font_is_chosen_only_for_text_whose_cjk_characters_it_all_has():
    font = fonts.cjk_common_font(extra=pdf._template_characters())

    assert pdf.cjk_font_url("Alice Мария محمد") is None  # no CJK text: no CJK font asked for
    assert pdf.cjk_font_url("Alice 王小明 さくら 김민준") == font.url
    assert pdf.cjk_font_url("王小明 刘䶮") is None  # one rare character: the full font


def test_the_templates_own_chinese_words_are_in_the_common_font():
    with translation.override("zh-hans"):
        words = [gettext("Certificate of completion"), gettext("Verify at"), str(MONTHS[3])]
    font = fonts.cjk_common_font(extra=pdf._template_characters())

    for word in words:
        wide = {character for character in word if ord(character) >= pdf.CJK_START}
        assert wide <= set(pdf._template_characters())
        assert wide <= font.characters
