"""The common CJK font: made once per machine into a cache folder, the same bytes every time,
safe to make from several workers at once, and never in the way of a render when it cannot be
had (certification/fonts.py)."""

import logging
import threading

import pytest
from fontTools.ttLib import TTFont

from certification import fonts


@pytest.fixture(autouse=True)
def _fresh_process():
    fonts.cjk_common_font.cache_clear()
    yield
    fonts.cjk_common_font.cache_clear()


@pytest.fixture
def cache_dir(settings, tmp_path):
    settings.CERTIFICATE_FONT_CACHE_DIR = tmp_path / "fonts"
    return tmp_path / "fonts"


def test_it_makes_the_font_in_the_cache_folder_under_its_own_family_name(cache_dir):
    font = fonts.common_font_build()

    assert font.path.parent == cache_dir
    assert [path.name for path in cache_dir.iterdir()] == [font.path.name]
    opened = TTFont(font.path)
    assert opened["name"].getDebugName(1) == "Noto Sans CJK Common"
    # Far fewer glyphs than the 65,535 of the full face, which is the point.
    assert 15_000 < opened["maxp"].numGlyphs < 25_000


def test_it_has_everyday_chinese_japanese_and_korean_characters(cache_dir):
    font = fonts.common_font_build()

    for character in "王小明陳大文欧阳山田桜沢さくらサトウ김민준，。、（）「」Az9 ":
        assert character in font.characters, character


def test_it_adds_the_extra_characters_it_is_given(cache_dir):
    assert "䶮" not in fonts.common_font_build().characters

    assert "䶮" in fonts.common_font_build(extra="䶮").characters


def test_it_gives_the_same_bytes_every_time(settings, tmp_path):
    settings.CERTIFICATE_FONT_CACHE_DIR = tmp_path / "one"
    first = fonts.common_font_build().path.read_bytes()
    settings.CERTIFICATE_FONT_CACHE_DIR = tmp_path / "two"

    assert fonts.common_font_build().path.read_bytes() == first


def test_a_second_build_reads_the_file_made_by_the_first(cache_dir, monkeypatch):
    made = fonts.common_font_build()

    def never(*args):
        raise AssertionError("made again")

    monkeypatch.setattr(fonts, "harfbuzz_subset", never)

    assert fonts.common_font_build() == made


def test_workers_making_it_at_once_leave_one_whole_file(cache_dir):
    results, errors = [], []

    def build():
        try:
            results.append(fonts.common_font_build())
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=build) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert len({result.path for result in results}) == 1
    assert [path.name for path in cache_dir.iterdir()] == [results[0].path.name]
    assert TTFont(results[0].path)["name"].getDebugName(1) == "Noto Sans CJK Common"


@pytest.mark.parametrize("kept", [0.1, 0.5, 0.99])
def test_a_damaged_file_is_made_again(cache_dir, caplog, kept):
    font = fonts.common_font_build()
    content = font.path.read_bytes()
    font.path.write_bytes(content[: int(len(content) * kept)])

    with caplog.at_level(logging.WARNING, logger="certification.fonts"):
        again = fonts.common_font_build()

    assert again.path.read_bytes() == content
    assert "damaged" in caplog.text


def test_an_earlier_version_of_the_font_is_removed(cache_dir):
    cache_dir.mkdir()
    (cache_dir / "NotoSansCJKCommon-0000000000000000.otf").write_bytes(b"old")
    (cache_dir / "unrelated.txt").write_bytes(b"kept")

    font = fonts.common_font_build()

    assert sorted(path.name for path in cache_dir.iterdir()) == [font.path.name, "unrelated.txt"]


def test_without_a_writable_folder_there_is_no_common_font_and_it_is_said(
    settings, tmp_path, caplog
):
    (tmp_path / "a-file").write_text("")
    settings.CERTIFICATE_FONT_CACHE_DIR = tmp_path / "a-file" / "fonts"

    with caplog.at_level(logging.ERROR, logger="certification.fonts"):
        assert fonts.cjk_common_font() is None

    assert "No common CJK font" in caplog.text


def test_without_the_source_font_there_is_no_common_font(cache_dir, monkeypatch):
    def not_installed():
        raise fonts.FontError("Noto Sans CJK SC is not installed")

    monkeypatch.setattr(fonts, "source_font", not_installed)

    assert fonts.cjk_common_font() is None


def test_the_source_font_is_the_regular_sc_face_of_the_installed_collection():
    path, index = fonts.source_font()

    font = TTFont(path, fontNumber=index, lazy=True)
    assert font["name"].getDebugName(1) == "Noto Sans CJK SC"
    assert font["name"].getDebugName(2) == "Regular"


def test_by_default_it_is_kept_under_var_then_in_a_private_temporary_folder(settings):
    settings.CERTIFICATE_FONT_CACHE_DIR = None

    assert fonts.cache_dirs() == [settings.VAR_DIR / "cache" / "fonts", None]


def test_the_temporary_folder_is_refused_when_others_may_write_to_it(monkeypatch, tmp_path):
    monkeypatch.setattr(fonts.tempfile, "gettempdir", lambda: str(tmp_path))

    private = fonts._private_temp_dir()
    assert private.stat().st_mode & 0o777 == 0o700
    private.chmod(0o777)

    with pytest.raises(fonts.FontError, match="not a private folder"):
        fonts._private_temp_dir()


def test_preparing_it_ahead_makes_the_file_a_chinese_certificate_then_uses(cache_dir):
    from certification import pdf

    assert pdf.cjk_font_prepare()
    [made] = cache_dir.iterdir()
    fonts.cjk_common_font.cache_clear()  # another process, later
    assert pdf.cjk_font_url("王小明") == made.as_uri()
    assert [path.name for path in cache_dir.iterdir()] == [made.name]
