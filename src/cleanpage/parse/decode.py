"""Bytes -> str without losing text, and binary data told apart from text.

``decode_bytes`` chooses the encoding in this order and says which it chose:

1. a byte-order mark (UTF-8, UTF-16, UTF-32): it cannot be there by accident; then
   UTF-16 without one (every other byte NUL, or a few high bytes only), and pure ASCII;
2. strict UTF-8, when the bytes are valid UTF-8;
3. the caller's ``encoding=`` (typically the HTTP ``Content-Type`` charset);
4. the charset the page declares (``<meta charset>``, ``http-equiv``, an XML declaration);
5. a guess: ``charset_normalizer``'s candidates among the encodings web pages use,
   checked against a mojibake test (below);
6. cp1252, mapping the five bytes cp1252 leaves undefined to U+0081... as browsers do,
   so this step cannot fail and no byte is dropped.

UTF-8 comes before what the caller or the page says because valid UTF-8 with non-ASCII
bytes is practically never text in a legacy 8-bit encoding, while wrong labels are
common: servers send ``charset=iso-8859-1`` by default (and HTTP clients report it),
and scrapers save pages as UTF-8 but keep the original ``<meta charset>``. A caller's or page's
``iso-8859-1`` or ``ascii`` means cp1252, and ``gb2312`` gb18030 and so on, as in
browsers: each superset decodes everything its label's encoding does. A declared or
given encoding that cannot decode the bytes is skipped with a warning, never forced.

``charset_normalizer`` alone misreads short Western text (French in cp1252 comes out
as cp1250: "Voilŕ") and short Cyrillic (as cp1125). So its candidates are kept only
if they are encodings of the WHATWG Encoding Standard, cp1252 is tried first, and a
decoding is rejected when it looks like mojibake: Latin words made mostly of non-ASCII
letters ("Ďđčâĺň"), or symbols inside words ("Za¿ó³æ").

``binary_kind`` names what bytes are when they are not text: a known file signature
(gzip, zip, PDF, images, ...) or too many control bytes. Text with a few NUL or
control bytes in it is still text.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

import regex

from ..errors import InputError

_META_CHARSET = regex.compile(
    rb"""<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})""", regex.IGNORECASE)
_XML_ENCODING = regex.compile(rb"""\A\s{0,100}<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9_:.-]{1,40})""",
                              regex.IGNORECASE)
_DECLARATION_WINDOW = 32 * 1024  # bytes scanned for a declaration (browsers look at 1 KB; pages are sloppier)
_SAMPLE = 64 * 1024  # bytes the guess and the binary test look at

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# labels whose superset browsers decode with (WHATWG Encoding Standard), by Python codec name
_SUPERSET = {
    "ascii": "cp1252", "iso8859-1": "cp1252", "latin-1": "cp1252", "iso8859-9": "cp1254", "tis-620": "cp874",
    "iso8859-11": "cp874", "gb2312": "gb18030", "gbk": "gb18030", "euc_kr": "cp949", "shift_jis": "cp932",
    "big5": "big5hkscs",
}
# codecs a page may not choose: they rewrite text (escapes, IDNA) or are not page charsets
_NOT_PAGE_CHARSETS = frozenset({"unicode-escape", "raw-unicode-escape", "punycode", "idna", "utf-7", "undefined"})


def _codec(name: str) -> str | None:
    """Python's name for codec ``name``, or None if Python has no text codec by that name."""
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError, TypeError):
        return None
    return info.name if getattr(info, "_is_text_encoding", True) else None


# the encodings of the WHATWG Encoding Standard: every encoding a web page can be in
_WEB = frozenset(filter(None, map(_codec, (
    "utf-8 cp866 iso8859-2 iso8859-3 iso8859-4 iso8859-5 iso8859-6 iso8859-7 iso8859-8 iso8859-10 "
    "iso8859-13 iso8859-14 iso8859-15 iso8859-16 koi8-r koi8-u mac-roman cp874 cp1250 cp1251 cp1252 "
    "cp1253 cp1254 cp1255 cp1256 cp1257 cp1258 mac-cyrillic gbk gb18030 big5 big5hkscs euc_jp "
    "iso2022_jp shift_jis cp932 euc_kr cp949 utf-16-le utf-16-be").split())))


def _keep_c1(err: UnicodeError) -> tuple[str, int]:
    """cp1252 leaves 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined; browsers map them to U+0081...:
    the byte's own code point, so that no byte is replaced or dropped."""
    if not isinstance(err, UnicodeDecodeError):  # pragma: no cover - registered for decoding only
        raise err
    return "".join(map(chr, err.object[err.start:err.end])), err.end


codecs.register_error("cleanpage.keep_c1", _keep_c1)


@dataclass(frozen=True)
class Decoded:
    """Text decoded from bytes: the codec that decoded it, and anything worth a warning."""

    text: str
    encoding: str  # Python's codec name: "utf-8", "cp1251", "utf-16-le", ...; "ascii" for pure ASCII
    warnings: tuple[str, ...] = ()


# --- binary data ------------------------------------------------------------------------------

_SIGNATURES: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x1f\x8b", "gzip-compressed data"), (0, b"PK\x03\x04", "a zip archive (also docx, xlsx, epub, jar)"),
    (0, b"PK\x05\x06", "an empty zip archive"), (0, b"%PDF-", "a PDF document"),
    (0, b"\x89PNG\r\n\x1a\n", "a PNG image"), (0, b"\xff\xd8\xff", "a JPEG image"), (0, b"GIF87a", "a GIF image"),
    (0, b"GIF89a", "a GIF image"), (0, b"BZh", "bzip2-compressed data"), (0, b"\xfd7zXZ\x00", "xz-compressed data"),
    (0, b"\x28\xb5\x2f\xfd", "zstd-compressed data"), (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (0, b"\x7fELF", "an ELF executable"), (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (doc, xls, msg)"),
    (0, b"OggS", "Ogg media"), (0, b"wOFF", "a WOFF font"), (0, b"wOF2", "a WOFF2 font"),
    (0, b"SQLite format 3\x00", "an SQLite database"), (0, b"\x00asm", "a WebAssembly module"),
    (0, b"II*\x00", "a TIFF image"), (0, b"MM\x00*", "a TIFF image"), (0, b"\xca\xfe\xba\xbe", "a Java class file"),
    (4, b"ftyp", "MP4/QuickTime media or a HEIC/AVIF image"),
)
# control bytes that text does not contain; tab, line feed, vertical tab, form feed, carriage
# return, ESC (ISO-2022 encodings use it) and the separators 0x1C-0x1F (whitespace to Python
# and Unicode) are not counted
_TEXT_BYTES = bytes(sorted(set(range(256)) - set(range(0x00, 0x09)) - set(range(0x0E, 0x1B)) - {0x7F}))
_MAX_CONTROL_SHARE = 0.05  # random or compressed bytes have about 10% control bytes; text almost none


def binary_kind(data: bytes) -> str | None:
    """What ``data`` is if it is not text (``"gzip-compressed data"``), else None.

    Bytes that start with a BOM, or that are UTF-16/32 text without one, are text.
    """
    for offset, magic, name in _SIGNATURES:
        if data[offset:offset + len(magic)] == magic:
            if magic == b"ftyp" and not data[8:12].isalnum():
                continue
            return name
    if _bom(data) is not None or not data:
        return None
    sample = data[:_SAMPLE]
    controls = len(sample.translate(None, _TEXT_BYTES))
    if controls / len(sample) <= _MAX_CONTROL_SHARE:
        return None
    if _utf16_without_bom(data) is not None:
        return None
    return f"binary data ({controls / len(sample):.0%} of its first {len(sample):,} bytes are control bytes)"


def check_text(data: bytes) -> None:
    """Raise ``InputError`` if ``data`` is binary, not a page."""
    kind = binary_kind(data)
    if kind is not None:
        hint = " Decompress it first." if "compressed" in kind or "archive" in kind else ""
        raise InputError(f"the input is {kind}, not text or HTML.{hint} "
                         "cleanpage cleans web pages given as str or as bytes of text in some encoding.")


def _bom(data: bytes) -> tuple[int, str] | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return len(bom), codec
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """"utf-16-le"/"utf-16-be" when the bytes look like UTF-16 text without a BOM, else None.

    In UTF-16 text of an alphabetic script, the high byte of each code unit takes a few
    values only (0x00 for ASCII, 0x04 for Cyrillic, ...), while the low byte varies.
    """
    sample = data[:_SAMPLE - _SAMPLE % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    long = len(sample) >= 64
    # the "few distinct values" tests are made only when the zero counts leave them to decide
    if zero_even <= 0.1 and (zero_odd >= 0.5 or long and _few_values(odd) and not _few_values(even)):
        codec = "utf-16-le"
    elif zero_odd <= 0.1 and (zero_even >= 0.5 or long and _few_values(even) and not _few_values(odd)):
        codec = "utf-16-be"
    else:
        return None
    try:
        text = _strict(sample, codec, partial=True)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\x0b\x0c")
    return codec if controls * 20 <= len(text) else None


def _few_values(data: bytes, most: int = 8) -> bool:
    """``len(set(data)) <= most``, answered from the first 256 bytes when they already hold
    more (in text they do: the whole sample, 32 KB, is read only when the answer may be yes)."""
    return len(set(data[:256])) <= most and len(set(data)) <= most


# --- decoding -----------------------------------------------------------------------------------


def _strict(data: bytes, codec: str, *, partial: bool = False) -> str:
    """Decode strictly; ``partial``: the bytes were cut, so an incomplete last character is dropped."""
    if partial:
        return codecs.getincrementaldecoder(codec)("strict").decode(data, final=False)
    return data.decode(codec)


def _page_codec(label: str) -> str | None:
    codec = _codec(label)
    if codec is None:
        return None
    return _SUPERSET.get(codec, codec)


def declared_charset(data: bytes) -> str | None:
    """The charset label the page declares in an XML declaration or a ``<meta>``, if any."""
    head = data[:_DECLARATION_WINDOW]
    m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return m.group(1).decode("ascii") if m else None


def decode_bytes(data: bytes, encoding: str | None = None, *, partial: bool = False) -> Decoded:
    """Decode ``data`` (see the module docstring for the order). Never fails for text;
    raises ``InputError`` only for an ``encoding`` Python does not know.

    ``partial``: the bytes are the start of a longer input, so a character cut in two at
    the end is dropped rather than taken for an encoding error.
    """
    given = None
    if encoding is not None:
        given = _codec(encoding) if isinstance(encoding, str) else None
        if given is None:
            raise InputError(f"encoding={encoding!r} is not a text encoding Python knows; give a codec name "
                             "such as 'utf-8' or 'cp1251', or leave it out to have the encoding detected")
        given = _SUPERSET.get(given, given)
    warnings: list[str] = []
    bom = _bom(data)
    if bom is not None:
        size, codec = bom
        try:
            return Decoded(_strict(data[size:], codec, partial=partial), codec)
        except UnicodeDecodeError as exc:
            text = data[size:].decode(codec, "replace")
            return Decoded(text, codec, (f"encoding: the {codec} byte-order mark is followed by bytes that are "
                                         f"not {codec} ({exc.reason} at byte {exc.start + size:,}); "
                                         "they were replaced by U+FFFD",))
    utf16 = _utf16_without_bom(data)
    if utf16 is not None and given in (None, utf16):
        try:
            return Decoded(_strict(data, utf16, partial=partial), utf16)
        except UnicodeDecodeError:
            pass
    if data.isascii():  # every ASCII-compatible encoding reads these bytes the same
        return Decoded(data.decode("ascii"), "ascii")
    try:
        text = _strict(data, "utf-8", partial=partial)
    except UnicodeDecodeError:
        pass
    else:
        if given not in (None, "utf-8"):
            warnings.append(f"encoding: the bytes are valid UTF-8, which text in {encoding} practically never is; "
                            f"they were read as UTF-8, not as encoding={encoding!r}")
        return Decoded(text, "utf-8", tuple(warnings))
    if given is not None:
        try:
            return Decoded(_strict(data, given, partial=partial), given)
        except UnicodeDecodeError as exc:
            warnings.append(f"encoding: the bytes are not {encoding} as given ({exc.reason} at byte {exc.start:,}); "
                            "the encoding was detected instead")
    label = declared_charset(data)
    if label is not None:
        codec = _page_codec(label)
        if codec in _NOT_PAGE_CHARSETS or codec is None or codec.startswith(("utf-16", "utf-32")):
            # a UTF-16 page cannot declare itself in ASCII bytes: browsers read this as UTF-8, which failed
            warnings.append(f"encoding: the page declares charset {label!r}, which cannot be its encoding; "
                            "the encoding was detected instead")
        else:
            try:
                return Decoded(_strict(data, codec, partial=partial), codec, tuple(warnings))
            except UnicodeDecodeError as exc:
                warnings.append(f"encoding: the page declares charset {label!r} but its bytes are not "
                                f"{codec} ({exc.reason} at byte {exc.start:,}); the encoding was detected instead")
    for codec in _guesses(data):
        try:
            return Decoded(_strict(data, codec, partial=partial), codec, tuple(warnings))
        except UnicodeDecodeError:
            continue
    return Decoded(data.decode("cp1252", "cleanpage.keep_c1"), "cp1252", tuple(warnings))


def decode(data: bytes, encoding: str | None = None) -> str:
    """``decode_bytes(data, encoding).text``: bytes -> str, never failing for any bytes."""
    return decode_bytes(data, encoding).text


# --- guessing -----------------------------------------------------------------------------------


def _guesses(data: bytes) -> list[str]:
    """Encodings to try, best first: cp1252 and charset_normalizer's web-encoding candidates
    whose reading of the first 64 KB does not look like mojibake."""
    sample = data[:_SAMPLE]
    partial = len(data) > len(sample)
    candidates = ["cp1252"]
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency; cp1252 still decodes everything
        return candidates
    for match in from_bytes(sample):
        for name in (match.encoding, *match.could_be_from_charset):
            codec = _codec(name)
            if codec in _WEB and codec not in candidates:
                candidates.append(codec)
    good = []
    for codec in candidates:
        try:
            text = _strict(sample, codec, partial=partial)
        except UnicodeDecodeError:
            continue
        if not looks_like_mojibake(text):
            good.append(codec)
    return good


# a word: a run of anything but spaces, ASCII punctuation and common typographic punctuation
_TOKEN = regex.compile(r"[^\s!-/:-@\[-`{-~\u2018\u2019\u201c\u201d\u2013\u2014\u2026\xab\xbb]+")
_ASCII_LETTER = regex.compile(r"[A-Za-z]")
_OTHER_LATIN_LETTER = regex.compile(r"(?=[^\x00-\x7f])[\p{Latin}&&\p{L}]", regex.VERSION1)
# a symbol between two Latin letters ("Za¿ó³æ"), but not an apostrophe or a middle dot (Catalan "l·l")
_SYMBOL_IN_WORD = regex.compile(r"(?<=\p{Latin})[^\p{L}\p{M}\s\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014"
                                r"\u2026\xab\xbb\xb7\u2027](?=\p{Latin})")


def looks_like_mojibake(text: str) -> bool:
    """Does this decoding read like the bytes of another encoding?

    Two signs: most Latin letters are non-ASCII (Cyrillic, Greek or CJK bytes read as a
    Latin encoding: "Ìèíèñòð", "Ďđčâĺň"; real Polish or French text has under a third),
    and symbols between Latin letters in more than 1 word in 20 of those with non-ASCII
    characters (Polish read as cp1252: "Za¿ó³æ"). Text in a non-Latin script has few
    Latin letters, so neither sign counts against it.
    """
    ascii_letters = sum(1 for _ in _ASCII_LETTER.finditer(text))
    other_latin = sum(1 for _ in _OTHER_LATIN_LETTER.finditer(text))
    if other_latin * 2 > ascii_letters + other_latin:
        return True
    symbols = sum(1 for _ in _SYMBOL_IN_WORD.finditer(text))
    if not symbols:
        return False
    words = sum(1 for m in _TOKEN.finditer(text) if not m.group().isascii())
    return symbols * 20 > words
