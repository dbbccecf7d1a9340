"""HTML -> Document: one block per block-level element. The only module that imports lxml.

Offsets of HTML blocks index the rendered text (the blocks joined by newlines),
which ``Document.text`` holds. Each block's ``Origin`` carries its element path,
tag and link density.
"""

from __future__ import annotations

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
    for number, (text, path, ratio, tag) in enumerate(pieces, start=1):
        blocks.append(make_block(text, offset, offset + len(text), Origin(number, path, tag, ratio)))
        offset += len(text) + 1
    rendered = "\n".join(p[0] for p in pieces)
    return Document(blocks=tuple(blocks), text=rendered, kind="html", url=url,
                    found={"title": html_title} if html_title else {})
