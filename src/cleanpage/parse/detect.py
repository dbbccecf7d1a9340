"""Is this text or HTML?

Reading text as HTML drops words (every ``<word>`` is taken for a tag, and the tag's
name is gone); reading HTML as text keeps every word and only leaves markup in the
body. So the test leans to text: a page is HTML only when it opens with markup and
what follows is markup too, not prose that mentions a tag. ``Config.input_format``
(``--from`` on the command line) overrides the guess either way.
"""

from __future__ import annotations

import regex

from ..model import SourceKind

_WINDOW = 64 * 1024  # characters looked at

_SPACE = regex.compile(r"[\s\ufeff]*")
_STRONG = regex.compile(r"<(?:html|head|body)(?=[\s/>])", regex.IGNORECASE)
_DOCTYPE = regex.compile(r"<!doctype(?=[\s>\[])", regex.IGNORECASE)

_ELEMENTS = frozenset("""
a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption center cite code
col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure font footer form
frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main map
mark menu meta meter nav noscript object ol optgroup option output p param picture pre progress q rp rt ruby s samp
script section select small source span strike strong style sub summary sup svg table tbody td template textarea
tfoot th thead time title tr track tt u ul var video wbr
""".split())
# elements that only ever appear in markup: a page that opens with one of them and closes it is HTML
_HEAD_ONLY = frozenset("script style link meta base title noscript template".split())
_TAG = regex.compile(r"<(/?)([A-Za-z][A-Za-z0-9]{0,15})(?=[\s/>])[^<>]{0,2000}>")


def sniff(text: str) -> SourceKind:
    """``"html"`` or ``"text"``.

    HTML when, after any spaces, BOM, XML declaration and comments, the text opens

    * with a doctype followed by at least one tag, or with ``<html>``, ``<head>`` or
      ``<body>`` followed by at least one more;
    * with a script, style, link, meta, title or noscript element that is closed again
      (``<script>…</script>``): these never start a line of prose;
    * with any other HTML element, when markup is dense: at least two tags, one of them a
      closing tag, and either as many tags as non-blank lines with half of those lines
      carrying one, or a tenth of the characters in tags.

    Anything else is text, so "<div> element tutorial" followed by prose stays text.
    """
    head = text[:_WINDOW]
    start, doctype = _skip_preamble(head)
    if start < 0 or not (doctype or head.startswith("<", start)):
        return "text"
    if doctype or _STRONG.match(head, start):
        tags = 0
        for _ in _TAG.finditer(head, start):
            tags += 1
            if tags >= 2 - bool(doctype):
                return "html"
        return "text"
    first = _TAG.match(head, start)
    if first is None or first.group(1) or first.group(2).lower() not in _ELEMENTS:
        return "text"
    name = first.group(2).lower()
    if name in _HEAD_ONLY and regex.search(rf"</{name}\s*>", head, regex.IGNORECASE, pos=first.end()):
        return "html"
    tags = closing = markup = 0
    tagged_lines: set[int] = set()
    line_of = _LineIndex(head)
    for m in _TAG.finditer(head, start):
        if m.group(2).lower() not in _ELEMENTS:
            continue
        tags += 1
        closing += bool(m.group(1))
        markup += m.end() - m.start()
        tagged_lines.add(line_of(m.start()))
    if tags < 2 or not closing:
        return "text"
    lines = sum(1 for line in head[start:].split("\n") if line.strip())
    if (tags >= lines and len(tagged_lines) * 2 >= lines) or markup * 10 >= len(head) - start:
        return "html"
    return "text"


def _skip_preamble(head: str) -> tuple[int, bool]:
    """Offset of the first thing after spaces, a BOM, an XML declaration, comments and a
    doctype (its internal subset too), and whether there was a doctype; -1 when one of
    them runs past the window."""
    pos = _SPACE.match(head).end()
    doctype = False
    while True:
        if head.startswith("<!--", pos):
            end, size = head.find("-->", pos + 4), 3
        elif head.startswith("<?", pos):
            end, size = head.find(">", pos), 1
        elif _DOCTYPE.match(head, pos):
            doctype = True
            close, bracket = head.find(">", pos), head.find("[", pos)
            end, size = (head.find("]>", bracket), 2) if 0 <= bracket < close else (close, 1)
        else:
            return pos, doctype
        if end < 0:
            return -1, doctype
        end += size
        pos = _SPACE.match(head, end).end()


class _LineIndex:
    """Line number of an offset, for offsets asked in increasing order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 0

    def __call__(self, offset: int) -> int:
        self.line += self.text.count("\n", self.pos, offset)
        self.pos = offset
        return self.line
