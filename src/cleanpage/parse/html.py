"""HTML -> Document: one block per block-level element. The only module that imports lxml.

Offsets of HTML blocks index the rendered text (the blocks joined by newlines),
which ``Document.text`` holds. Each block's ``Origin`` carries its element path,
tag and link density.
"""

from __future__ import annotations

from typing import Any

import regex

from ..model import Block, Document, Origin, make_block
from .text import parse_text

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

    root, warnings = _tree(html)
    if root is None:
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
    for number, (text, path, ratio, tag) in enumerate(pieces, start=1):
        blocks.append(make_block(text, offset, offset + len(text), Origin(number, path, tag, ratio)))
        offset += len(text) + 1
    rendered = "\n".join(p[0] for p in pieces)
    return Document(blocks=tuple(blocks), text=rendered, kind="html", url=url,
                    found={"title": html_title} if html_title else {}, warnings=warnings)


# --- building the tree safely -----------------------------------------------------------------
# libxml2 stops at 256 levels of nesting (2048 with huge_tree) and then drops the rest of
# the page; huge_tree also lifts its 10 MB limit on one text node. Deeper pages are
# flattened: tags below _MAX_DEPTH are removed and their text kept.

_MAX_DEPTHS = (1000, 100, 0)  # flatten to 1000 levels; if the parser still refuses, 100; then no tags at all
_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
_RAW = frozenset("script style textarea title xmp iframe noembed noframes plaintext".split())
_REOPENS = frozenset("p li dt dd option tr td th".split())  # <p><p>: the second closes the first
_TAG_AT = regex.compile(r"<(/?)([A-Za-z][^\s/<>]{0,63})[^<>]{0,4096}>")
_XML_DECL = regex.compile(r"\A\s*<\?xml[^<>]{0,300}>")
_DOCTYPE_SUBSET = regex.compile(r"\A\s*<!doctype\s+([^\s\[<>]{1,100})[^\[<>]{0,500}\[", regex.IGNORECASE)


def _tree(html: str) -> tuple[Any, tuple[str, ...]]:
    """The lxml.html document for ``html`` and warnings; None when lxml makes no tree of it.

    Safe on hostile input: no network access and no DTD loading (libxml2's HTML parser
    expands no entity but the predefined HTML ones; a doctype's internal subset, where an
    entity bomb would be declared, is cut off), huge_tree so that large text nodes are
    kept whole, and pages nested deeper than libxml2 allows are flattened, never cut off.
    """
    cleaned = _CONTROL.sub(" ", html)  # lxml refuses NUL, other C0 controls and lone surrogates
    cleaned = _XML_DECL.sub("", cleaned)
    m = _DOCTYPE_SUBSET.match(cleaned)
    if m:  # <!DOCTYPE x [ <!ENTITY ...> ]>: keep the doctype, drop the declarations
        end = cleaned.find("]>", m.end())
        cleaned = f"<!DOCTYPE {m.group(1)}>" + (cleaned[end + 2:] if end >= 0 else "")
    data = cleaned.encode("utf-8")
    root, too_deep = _parse(data)
    warnings: tuple[str, ...] = ()
    for depth in _MAX_DEPTHS:
        if not too_deep:
            break
        flat, dropped = _flatten(cleaned, depth)
        root, too_deep = _parse(flat.encode("utf-8"))
        warnings = (f"deep_html: elements are nested deeper than the HTML parser allows; {dropped:,} tags below "
                    f"level {depth:,} were removed and the text inside them kept",)
    return root, warnings


def _parse(data: bytes) -> tuple[Any, bool]:
    """(root or None, whether libxml2 gave up because of nesting depth)."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(encoding="utf-8", huge_tree=True, no_network=True, remove_pis=True)
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" or "depth" in e.message for e in parser.error_log
                   if e.level_name == "FATAL")
    return root, too_deep


def _flatten(html: str, max_depth: int) -> tuple[str, int]:
    """``html`` with the tags that would open an element below ``max_depth`` levels removed,
    and their closing tags; each becomes a space, so no words are glued together. Linear:
    one scan, a bounded look-back for closing tags. Text is never removed."""
    out: list[str] = []
    stack: list[str] = []
    over: dict[str, int] = {}  # tags dropped and not yet closed, by name
    dropped = 0
    pos = 0
    i = html.find("<")
    while i >= 0:
        if html.startswith("<!--", i):
            end = html.find("-->", i + 4)
            if end < 0:
                break
            i = html.find("<", end + 3)
            continue
        m = _TAG_AT.match(html, i)
        if m is None:
            i = html.find("<", i + 1)
            continue
        name = m.group(2).lower()
        drop = False
        if m.group(1):  # a closing tag
            if over.get(name):
                over[name] -= 1
                drop = True
            else:
                for k in range(len(stack) - 1, max(-1, len(stack) - 65), -1):
                    if stack[k] == name:
                        del stack[k:]
                        break
        elif name not in _VOID and name not in _RAW and not m.group().endswith("/>"):
            if name in _REOPENS and stack and stack[-1] == name:
                stack.pop()
            if len(stack) >= max_depth:
                over[name] = over.get(name, 0) + 1
                drop = True
            else:
                stack.append(name)
        if drop:
            out.append(html[pos:m.start()])
            out.append(" ")
            pos = m.end()
            dropped += 1
        end = m.end()
        if name in _RAW and not m.group(1):  # its content is text, not tags
            close = regex.compile(rf"</{regex.escape(name)}[\s>]", regex.IGNORECASE).search(html, end)
            end = close.start() if close else len(html)
        i = html.find("<", end)
    out.append(html[pos:])
    return "".join(out), dropped
