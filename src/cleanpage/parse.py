"""Input -> Document: decoding, sniffing HTML, cutting blocks, computing features.

This is the only module that touches lxml. Text input becomes one block per
non-blank line, with offsets into the input string itself. HTML input becomes one
block per block-level element; its offsets index the rendered text (the blocks
joined by newlines), which ``Document.text`` holds.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

import regex

from .model import Block, Document, SourceKind
from .patterns import INNER_SENTENCE_END

_WORD = regex.compile(r"\w+")
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
# sentence end: . ! ? or an ellipsis, then any closing quotes or brackets
_SENTENCE_END = regex.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\Z")
_NO_HEADLINE_END = regex.compile(r"[.,;:\u2026][\"'\u201d\u2019)\]]*\Z")
_LETTER = regex.compile(r"\p{L}")

_HTML_START = regex.compile(
    r"\A[\s\ufeff]*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*"
    r"(?:<(?:!doctype\s+html|html|head|body)\b"
    r"|<(?P<tag>meta|title|article|main|div|section|p|table|ul|ol|h[1-6])(?:\s[^<>]{0,500})?>)",
    regex.IGNORECASE | regex.DOTALL,
)
_CLOSING_TAG = regex.compile(r"</(?:p|div|span|a|li|td|table|section|article|h[1-6]|title|ul|ol)\s*>", regex.IGNORECASE)
_META_CHARSET = regex.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]{1,40})""", regex.IGNORECASE)

MAX_HEADLINE_WORDS = 30


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def is_headline_shaped(text: str, n_words: int, max_words: int = MAX_HEADLINE_WORDS) -> bool:
    """Short, has a letter, one sentence at most, and does not end like a sentence or a
    clause (. , ; : ...).

    A question or exclamation still counts: "Lavrov in Pyongyang: Russia's urgent
    bid for more North Korean troops?" is a headline; "Oil fell on Monday. Will it
    keep falling?" is not.
    """
    if not 1 <= n_words <= max_words or len(text) > 12 * max_words:
        return False
    if _NO_HEADLINE_END.search(text) or INNER_SENTENCE_END.search(text):
        return False
    return _LETTER.search(text) is not None


def is_prose(block: Block) -> bool:
    """A sentence or paragraph of running text, as opposed to a label, heading or list line."""
    return block.ends_sentence and block.words >= 3 and not block.is_heading


def ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


def make_block(text: str, *, index: int, start: int, end: int, origin: str, line: int,
               link_ratio: float = 0.0, tag: str | None = None, **state: object) -> Block:
    """Build a block and compute its features; the pipeline calls this for new text too.

    ``state`` carries the pipeline's zone, role, card and section for the block.
    """
    n = count_words(text)
    # shape, not tag: a body cleaned from HTML is re-read as text, and must read the same
    return Block(
        text=text, index=index, start=start, end=end, origin=origin, line=line, words=n,
        is_heading=is_headline_shaped(text, n), ends_sentence=ends_sentence(text), link_ratio=link_ratio, tag=tag,
        **state,  # type: ignore[arg-type]
    )


# --- decoding -------------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Bytes -> str without losing text: BOM, then UTF-8, then a declared charset, then cp1252.

    Latin-1 is the last resort because it maps every byte, so decoding never fails.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(codec)
            except UnicodeDecodeError:
                break
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    candidates = [declared.group(1).decode("ascii", "replace")] if declared else []
    for name in (*candidates, "cp1252", "latin-1"):
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("latin-1")  # pragma: no cover - latin-1 cannot fail


def sniff(text: str) -> SourceKind:
    """HTML when the text opens with a doctype, <html>, <head> or <body>, or with a block
    tag and has closing tags; else text ("<table>: The Table element" is text)."""
    m = _HTML_START.match(text[:4096])
    if not m:
        return "text"
    if m.group("tag") and not _CLOSING_TAG.search(text, 0, 1 << 16):
        return "text"
    return "html"


# --- plain text -----------------------------------------------------------------------------


def line_starts(text: str) -> list[int]:
    """Offset of each line's first character; lines break as in ``parse_text``."""
    return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(line number, start offset, line) for every line; \\r\\n, \\r and \\n all break lines."""
    pos = 0
    number = 1
    for m in _LINE_BREAK.finditer(text):
        yield number, pos, text[pos:m.start()]
        pos = m.end()
        number += 1
    yield number, pos, text[pos:]


def parse_text(text: str, url: str | None = None) -> Document:
    """One block per non-blank line, offsets into ``text`` itself."""
    blocks: list[Block] = []
    for number, pos, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        start = pos + (len(line) - len(line.lstrip()))
        blocks.append(make_block(stripped, index=len(blocks), start=start, end=start + len(stripped),
                                 origin=f"line {number}", line=number))
    return Document(blocks=tuple(blocks), text=text, kind="text", url=url)


# --- HTML -----------------------------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog dir div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu "
    "nav ol p pre section summary table tbody td tfoot th thead tr ul br".split()
)
_SKIP_TAGS = frozenset("script style noscript template head svg iframe object embed canvas".split())
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\p{Cs}")


def parse_html(html: str, url: str | None = None) -> Document:
    """Block elements -> blocks. Falls back to text when lxml cannot make a tree of it."""
    from lxml import etree
    from lxml import html as lxml_html

    cleaned = _CONTROL.sub(" ", html)
    cleaned = regex.sub(r"\A\s*<\?xml[^>]{0,200}>", "", cleaned)
    try:
        root = lxml_html.document_fromstring(cleaned)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return parse_text(html, url)
    title_el = root.find(".//title")
    html_title = " ".join(title_el.text_content().split()) if title_el is not None else None
    tree = root.getroottree()

    pieces: list[tuple[str, str, float, str | None]] = []  # text, origin, link ratio, tag
    buf: list[str] = []
    link_chars = 0
    owner = [root]  # the block element collecting the current text
    skip_depth = 0
    link_depth = 0

    def flush() -> None:
        nonlocal link_chars
        text = " ".join("".join(buf).split())
        if text:
            el = owner[-1]
            tag = el.tag if isinstance(el.tag, str) else None
            pieces.append((text, tree.getpath(el), min(1.0, link_chars / len(text)), tag))
        buf.clear()
        link_chars = 0

    def add(text: str | None) -> None:
        nonlocal link_chars
        if text and not skip_depth:
            buf.append(text)
            if link_depth:
                link_chars += len(text.strip())

    for event, el in etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event in ("comment", "pi"):
            add(el.tail)
            continue
        tag = tag.lower()
        if event == "start":
            if tag in _SKIP_TAGS:
                skip_depth += 1
                continue
            if skip_depth:
                continue
            if tag in _BLOCK_TAGS:
                flush()
                owner.append(el)
            if tag == "a":
                link_depth += 1
            add(el.text)
        else:
            if tag in _SKIP_TAGS:
                skip_depth -= 1
                add(el.tail)
                continue
            if skip_depth:
                continue
            if tag == "a":
                link_depth -= 1
            if tag in _BLOCK_TAGS:
                flush()
                owner.pop()
            add(el.tail)
    flush()

    blocks: list[Block] = []
    offset = 0
    for number, (text, origin, ratio, tag) in enumerate(pieces, start=1):
        blocks.append(make_block(text, index=len(blocks), start=offset, end=offset + len(text),
                                 origin=origin, line=number, link_ratio=ratio, tag=tag))
        offset += len(text) + 1
    rendered = "\n".join(p[0] for p in pieces)
    return Document(blocks=tuple(blocks), text=rendered, kind="html", url=url, html_title=html_title or None)


def parse(source: str | bytes, *, url: str | None = None, input_format: str = "auto") -> Document:
    """str or bytes, text or HTML -> Document."""
    text = decode(bytes(source)) if isinstance(source, (bytes, bytearray, memoryview)) else source
    kind = sniff(text) if input_format == "auto" else input_format
    return parse_html(text, url) if kind == "html" else parse_text(text, url)
