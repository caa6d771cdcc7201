"""A smaller Chinese, Japanese and Korean font for certificates, made once per machine.

WeasyPrint subsets every font a PDF uses, and the cost of that grows with the size of the font,
not with the few glyphs a certificate draws: the Noto Sans CJK collection has 65,535 glyphs
per face, and subsetting it took about 40 ms of every certificate with a Chinese name. This
module cuts the SC face down once to the characters of the four common CJK code pages (GB 2312,
Big5, JIS X 0208 and KS X 1001, so everyday Chinese, Japanese and Korean text) and keeps the
result in a cache folder. A certificate uses it only when it holds every CJK character the
certificate needs (see ``certification.pdf``); any other certificate, one with a rare
character for instance, uses the full font as before.

Nothing here may break a render: if the source font, HarfBuzz's subsetter or a writable folder
is missing, ``cjk_common_font`` returns None and the full font is used.

The file is made with HarfBuzz (a fraction of a second; fontTools took a minute for the same
subset) and renamed with fontTools. The same inputs give the same bytes, so that a certificate
renders to the same PDF in every process.
"""

import ctypes
import ctypes.util
import hashlib
import io
import logging
import os
import stat
import tempfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

COMMON_FAMILY = "Noto Sans CJK Common"
SOURCE_FAMILY = "Noto Sans CJK SC"

# Bumped whenever the way the file is made changes, so that a new file replaces the old one.
FORMAT = 1

# Code pages whose characters are "common": the ones text in these languages is normally
# written with. Each gives every character that one of its two-byte codes decodes to.
CODE_PAGES = ("gb2312", "big5", "shift_jis", "euc_kr")

# Besides the code pages: what a CJK run may lay out in the CJK font (spaces, Latin letters and
# digits, punctuation next to CJK text), kana, CJK symbols and punctuation, full-width forms.
RANGES = (
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x3000, 0x30FF),  # CJK Symbols and Punctuation, Hiragana, Katakana
    (0x31F0, 0x31FF),  # Katakana Phonetic Extensions
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
)

# Shaping features kept: those Pango turns on for horizontal text. The others (vertical forms,
# other regions' glyph variants) would bring in thousands of glyphs no certificate draws.
LAYOUT_FEATURES = ("calt", "ccmp", "clig", "kern", "liga", "mark", "mkmk", "rlig")

# Tables a PDF does not need: WeasyPrint writes horizontal text only.
DROP_TABLES = ("BASE", "DSIG", "VORG", "vhea", "vmtx")

# hb-subset.h
_SETS_UNICODE = 1
_SETS_DROP_TABLE_TAG = 3
_SETS_LAYOUT_FEATURE_TAG = 6


class FontError(Exception):
    """The common CJK font could not be made."""


@dataclass(frozen=True)
class CommonFont:
    path: Path
    characters: frozenset[str]

    @property
    def url(self) -> str:
        return self.path.as_uri()


def code_page_characters(codec: str) -> set[str]:
    """Every character a two-byte code of the code page decodes to."""
    characters = set()
    for first in range(0x81, 0xFF):
        for second in range(0x40, 0xFF):
            try:
                characters.update(bytes((first, second)).decode(codec))
            except UnicodeDecodeError:
                continue
    return characters


@lru_cache(maxsize=1)
def common_codepoints(extra: str = "") -> tuple[int, ...]:
    """The code points the common font is asked for (the source font may lack a few)."""
    characters = set(extra)
    for codec in CODE_PAGES:
        characters |= code_page_characters(codec)
    codepoints = {ord(character) for character in characters}
    for first, last in RANGES:
        codepoints.update(range(first, last + 1))
    return tuple(sorted(codepoints))


# --- Finding the source font ----------------------------------------------------------------


def _library(name: str, soname: str) -> ctypes.CDLL:
    try:
        return ctypes.CDLL(ctypes.util.find_library(name) or soname)
    except OSError as error:
        raise FontError(f"{soname} is not installed") from error


def source_font() -> tuple[Path, int]:
    """The file and face index of the regular SC face, as fontconfig finds it (WeasyPrint would
    use the same); FontError when fontconfig finds no font of that family."""
    fc = _library("fontconfig", "libfontconfig.so.1")
    fc.FcNameParse.restype = ctypes.c_void_p
    fc.FcNameParse.argtypes = [ctypes.c_char_p]
    fc.FcConfigSubstitute.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int]
    fc.FcDefaultSubstitute.argtypes = [ctypes.c_void_p]
    fc.FcFontMatch.restype = ctypes.c_void_p
    fc.FcFontMatch.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
    fc.FcPatternGetString.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_char_p),
    ]
    fc.FcPatternGetInteger.argtypes = [
        ctypes.c_void_p,
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.POINTER(ctypes.c_int),
    ]
    fc.FcPatternDestroy.argtypes = [ctypes.c_void_p]

    pattern = fc.FcNameParse(f"{SOURCE_FAMILY}:style=Regular".encode())
    if not pattern:
        raise FontError("fontconfig could not parse the font pattern")
    match = None
    try:
        fc.FcConfigSubstitute(None, pattern, 0)  # FcMatchPattern
        fc.FcDefaultSubstitute(pattern)
        result = ctypes.c_int()
        match = fc.FcFontMatch(None, pattern, ctypes.byref(result))
        if not match:
            raise FontError(f"fontconfig finds no font for {SOURCE_FAMILY}")
        family, file, index = ctypes.c_char_p(), ctypes.c_char_p(), ctypes.c_int()
        found = (
            fc.FcPatternGetString(match, b"family", 0, ctypes.byref(family)) == 0
            and fc.FcPatternGetString(match, b"file", 0, ctypes.byref(file)) == 0
            and fc.FcPatternGetInteger(match, b"index", 0, ctypes.byref(index)) == 0
        )
        if not found or family.value.decode() != SOURCE_FAMILY:
            raise FontError(f"{SOURCE_FAMILY} is not installed")
        return Path(os.fsdecode(file.value)), index.value
    finally:
        if match:
            fc.FcPatternDestroy(match)
        fc.FcPatternDestroy(pattern)


# --- Making the font ------------------------------------------------------------------------


def _harfbuzz() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    hb = _library("harfbuzz", "libharfbuzz.so.0")
    subset = _library("harfbuzz-subset", "libharfbuzz-subset.so.0")
    pointer = ctypes.c_void_p
    for function, restype, argtypes in (
        (hb.hb_blob_create_from_file_or_fail, pointer, [ctypes.c_char_p]),
        (hb.hb_blob_get_data, ctypes.c_void_p, [pointer, ctypes.POINTER(ctypes.c_uint)]),
        (hb.hb_blob_destroy, None, [pointer]),
        (hb.hb_face_create, pointer, [pointer, ctypes.c_uint]),
        (hb.hb_face_reference_blob, pointer, [pointer]),
        (hb.hb_face_destroy, None, [pointer]),
        (hb.hb_set_add, None, [pointer, ctypes.c_uint32]),
        (hb.hb_set_clear, None, [pointer]),
        (hb.hb_tag_from_string, ctypes.c_uint32, [ctypes.c_char_p, ctypes.c_int]),
        (subset.hb_subset_input_create_or_fail, pointer, []),
        (subset.hb_subset_input_destroy, None, [pointer]),
        (subset.hb_subset_input_set, pointer, [pointer, ctypes.c_int]),
        (subset.hb_subset_or_fail, pointer, [pointer, pointer]),
    ):
        function.restype, function.argtypes = restype, argtypes
    return hb, subset


def harfbuzz_subset(source: Path, index: int, codepoints: tuple[int, ...]) -> bytes:
    """The face cut down to the code points, by HarfBuzz's subsetter."""
    hb, hb_subset = _harfbuzz()
    blob = hb.hb_blob_create_from_file_or_fail(os.fsencode(source))
    if not blob:
        raise FontError(f"cannot read {source}")
    face = subset_input = subset_face = subset_blob = None
    try:
        face = hb.hb_face_create(blob, index)
        subset_input = hb_subset.hb_subset_input_create_or_fail()
        if not subset_input:
            raise FontError("HarfBuzz could not start a subset")
        unicodes = hb_subset.hb_subset_input_set(subset_input, _SETS_UNICODE)
        for codepoint in codepoints:
            hb.hb_set_add(unicodes, codepoint)
        dropped = hb_subset.hb_subset_input_set(subset_input, _SETS_DROP_TABLE_TAG)
        for tag in DROP_TABLES:
            hb.hb_set_add(dropped, hb.hb_tag_from_string(tag.encode(), 4))
        features = hb_subset.hb_subset_input_set(subset_input, _SETS_LAYOUT_FEATURE_TAG)
        hb.hb_set_clear(features)
        for tag in LAYOUT_FEATURES:
            hb.hb_set_add(features, hb.hb_tag_from_string(tag.encode(), 4))
        subset_face = hb_subset.hb_subset_or_fail(face, subset_input)
        if not subset_face:
            raise FontError(f"HarfBuzz could not subset {source}")
        subset_blob = hb.hb_face_reference_blob(subset_face)
        length = ctypes.c_uint()
        data = hb.hb_blob_get_data(subset_blob, ctypes.byref(length))
        if not data or not length.value:
            raise FontError(f"HarfBuzz gave an empty subset of {source}")
        return ctypes.string_at(data, length.value)
    finally:
        if subset_blob:
            hb.hb_blob_destroy(subset_blob)
        if subset_face:
            hb.hb_face_destroy(subset_face)
        if subset_input:
            hb_subset.hb_subset_input_destroy(subset_input)
        if face:
            hb.hb_face_destroy(face)
        hb.hb_blob_destroy(blob)


def font_renamed(content: bytes, family: str) -> bytes:
    """The font under another family name, so that fontconfig never takes it for the full
    font. Only the name table is rewritten; no timestamp is changed, so the bytes are stable."""
    from fontTools.ttLib import TTFont

    font = TTFont(io.BytesIO(content), lazy=True, recalcBBoxes=False, recalcTimestamp=False)
    postscript_name = family.replace(" ", "") + "-Regular"
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 4, 16):  # family, full name, typographic family
            value = family
        elif record.nameID in (3, 6):  # unique identifier, PostScript name
            value = postscript_name
        else:
            continue
        names.setName(value, record.nameID, record.platformID, record.platEncID, record.langID)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


# --- The cache ------------------------------------------------------------------------------


def _private_temp_dir() -> Path:
    """A folder under the system's temporary folder that only this user can write to."""
    path = Path(tempfile.gettempdir()) / f"alliance-fonts-{os.getuid()}"
    path.mkdir(mode=0o700, exist_ok=True)
    info = path.lstat()
    if (
        not stat.S_ISDIR(info.st_mode)
        or info.st_uid != os.getuid()
        or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    ):
        raise FontError(f"{path} is not a private folder")
    return path


def cache_dirs() -> list[Path]:
    """Where the font may be kept, first choice first: the CERTIFICATE_FONT_CACHE_DIR setting
    when there is one, else var/cache/fonts, else a private temporary folder (a container whose
    code folder is read-only)."""
    configured = getattr(settings, "CERTIFICATE_FONT_CACHE_DIR", None)
    if configured:
        return [Path(configured)]
    return [Path(settings.VAR_DIR) / "cache" / "fonts", None]


def _file_name(source: Path, index: int, codepoints: tuple[int, ...]) -> str:
    """A name that changes with anything that changes the file's content."""
    from fontTools import version as fonttools_version

    info = source.stat()
    key = hashlib.sha256()
    for part in (
        FORMAT,
        source,
        info.st_size,
        info.st_mtime_ns,
        index,
        LAYOUT_FEATURES,
        DROP_TABLES,
        fonttools_version,
        _harfbuzz_version(),
    ):
        key.update(f"{part}\n".encode())
    key.update(",".join(map(str, codepoints)).encode())
    return f"NotoSansCJKCommon-{key.hexdigest()[:16]}.otf"


def _harfbuzz_version() -> str:
    hb, _ = _harfbuzz()
    hb.hb_version_string.restype = ctypes.c_char_p
    return hb.hb_version_string().decode()


def _characters_of(path: Path) -> frozenset[str]:
    """The characters a saved common font has, checking that it is one (FontError if not)."""
    from fontTools.ttLib import TTFont

    try:
        font = TTFont(path, lazy=True)
        end = max(entry.offset + entry.length for entry in font.reader.tables.values())
        family = font["name"].getDebugName(1)
        cmap = font.getBestCmap()
    except Exception as error:
        raise FontError(f"{path} is not a readable font") from error
    if end > path.stat().st_size:
        raise FontError(f"{path} is cut short")
    if family != COMMON_FAMILY or not cmap:
        raise FontError(f"{path} is not the common CJK font")
    return frozenset(map(chr, cmap))


def common_font_write(folder: Path, name: str, content: bytes) -> Path:
    """Write the font where concurrent workers may be writing the same: each to a temporary
    file of its own, then an atomic rename, so a reader never sees half a file."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".otf")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    # Earlier versions of the font, made from other characters or another source font, are not
    # used any more. A process that still names one falls back to the full font if it is gone.
    for old in folder.glob("NotoSansCJKCommon-*.otf"):
        if old != path:
            old.unlink(missing_ok=True)
    return path


def common_font_build(*, extra: str = "") -> CommonFont:
    """The common font, from the cache or made now (FontError if it cannot be had)."""
    source, index = source_font()
    codepoints = common_codepoints(extra)
    name = _file_name(source, index, codepoints)
    content = None
    errors = []
    for candidate in cache_dirs():
        try:
            folder = candidate or _private_temp_dir()
            path = folder / name
            if path.is_file():
                try:
                    return CommonFont(path, _characters_of(path))
                except FontError:
                    logger.warning("Making the common CJK font again: %s was damaged", path)
            if content is None:
                content = font_renamed(harfbuzz_subset(source, index, codepoints), COMMON_FAMILY)
            path = common_font_write(folder, name, content)
            return CommonFont(path, _characters_of(path))
        except (OSError, FontError) as error:
            errors.append(f"{candidate or 'a private temporary folder'}: {error}")
    raise FontError("; ".join(errors))


@lru_cache(maxsize=1)
def cjk_common_font(*, extra: str = "") -> CommonFont | None:
    """The common CJK font for this process, with the extra characters too, or None (logged)
    when it cannot be had: then certificates use the full font. Asked once per process: a
    failure is not retried."""
    try:
        return common_font_build(extra=extra)
    except Exception:
        logger.exception("No common CJK font: certificates use the full Noto Sans CJK font")
        return None
