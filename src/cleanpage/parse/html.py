"""HTML -> Document: one walk over the DOM, the page's model run once, blocks with their DOM facts.

The only module of cleanpage that imports lxml. ``parse_html`` parses the page with lxml's
plain ``etree.HTMLParser`` (no network, no external entities, ``huge_tree`` so that deep
nesting does not stop it) and walks the tree once with ``etree.iterwalk`` into a
``dom.tree.Dom``: a block is a run of text between block-level tags, owned by its innermost
block-level element. ``dom.analyse`` then scores every block, chooses the page's cut, reads
the metadata and finds the related modules' cards (``Document.analysis["dom"]``,
``Document.found``); the rules of ``rules/dom.py`` turn that into traced decisions.

Offsets: ``Document.text`` is the rendered page, the blocks' text joined by newlines; a
``<br>`` inside a block also starts a new line, and each line is one ``Block`` (the lines of
one DOM block share its score). ``Block.start``/``end`` index that text, ``Origin.line`` is
the block's line in it, ``Origin.path`` the owner element's path (``/html/body/div[2]/p[3]``).

``<noscript>`` text is kept (some forums put the whole thread there); script, style,
template and SVG are skipped.

Hostile markup is read safely: no network access, no DTD loading (a doctype's internal
subset, where an entity bomb would be declared, is cut off), control characters become
spaces, and a page nested deeper than libxml2 allows (2,048 levels), or one where the parser
loses most of the text, is read as tag-stripped text, one line per block element, with a
``deep_html`` warning when the nesting was the cause.
"""

from __future__ import annotations

import html as _htmllib
import json
import re
import threading
from array import array
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from ..dom import analyse
from ..dom.scorer import Scorer
from ..dom.tree import (AUTHOR_MARK, BLOCK_TAGS, CBIT, KBIT, MAX_AUTHOR_MARKS, ROLE_CBITS, SKIP_TAGS, TAG_CBITS, Dom,
                        block_text, clean_space, element_path, keyword_bits)
from ..dom.tree import _BR  # the <br> marker the walk puts in a block's text
from ..model import HEADING_TAGS, Block, Document, Origin, make_block
from ..text import SHARE_KEYWORDS_FROM, count_words, line_features
from .decode import decode

# HTML of at least this many characters with fewer words of text than LITTLE_TEXT_MAX_WORDS is
# a shell that scripts fill in a browser (a Discourse topic's splash page, an app's root <div>):
# the page says so in a ``little_text`` warning, so that a scraper can fetch it rendered
LITTLE_TEXT_MIN_CHARS = 2_000
LITTLE_TEXT_MAX_WORDS = 20
_GIVE_BACK_FROM = 20_000  # tags ("<") in the input, about 6 MB of lxml's tree: see ``_give_back``


def parse_html(html: str | bytes, url: str | None = None, *, model: Scorer | None = None) -> Document:
    """One HTML page -> Document. Never raises on str or bytes; empty input gives no blocks.

    ``model`` replaces the shipped block scorer (the benchmark passes the cross-validation
    fold model that never saw the page's site).
    """
    dom = walk(html)
    if html.count("<" if isinstance(html, str) else b"<") >= _GIVE_BACK_FROM:  # a C scan: 0.3 ms a MB
        _give_back()  # lxml's tree, freed at the end of the walk
    analysis = analyse(dom, url, model)
    lines: list[str] = []
    line_block = array("i")  # Document line - 1 -> block, without an int object per line
    origins: list[Origin] = []
    scores = analysis.scores
    # one float per distinct score: a long page repeats a few (50,000 paragraphs, 819 rows scored)
    one_score: Callable[[float, float], float] = {}.setdefault
    base = analysis.base_url
    texts, owner, tags, hrefs, link_chars = dom.texts, dom.owner, dom.tags, dom.hrefs, dom.link_chars
    site = _site(base) if base else None
    for i, text in enumerate(texts):
        o = owner[i]
        path = element_path(dom, o)
        ld = min(1.0, link_chars[i] / len(text)) if text and link_chars[i] else 0.0  # one 0.0 for the many
        href = hrefs[i]
        if href is not None:
            href = href.strip()
            if ld < 0.5 or not href or href.startswith(("#", "javascript:", "mailto:")):
                href = None
            elif base:
                href = _absolute(href, base, site)
        if scores is not None:
            score = round(float(scores[i]), 4)
            score = one_score(score, score)
        else:
            score = None
        if "\n" in text and tags[o] in HEADING_TAGS:
            text = text.replace("\n", " ")  # a heading broken over lines is still one title
        for line in (text.split("\n") if "\n" in text else (text,)):
            line = line.strip()
            if not line:
                continue
            lines.append(line)
            line_block.append(i)
            origins.append(Origin(len(lines), path, tags[o], ld, href, score))
    # the walk's lists are not needed from here on (each block's facts are in its Origin): freed
    # before the keyword pass, which is the parser's other peak
    warnings = dom.warnings
    del dom, texts, owner, tags, hrefs, link_chars
    rendered = "\n".join(lines)
    # only a short rendering is counted: one of 400 characters or more has 20 words unless its
    # "words" average 20 characters (a line of URLs), which is text too
    if len(html) >= LITTLE_TEXT_MIN_CHARS and len(rendered) < 20 * LITTLE_TEXT_MAX_WORDS:
        n_words = count_words(rendered)
        if n_words < LITTLE_TEXT_MAX_WORDS:
            warnings = (*warnings, f"little_text: {n_words} words of text in {len(html):,} characters of HTML; "
                                   "if the page shows more in a browser, scripts draw it: fetch it rendered")
    # keywords and word counts of every line in a few passes over the page, as for text input
    kw_lines, counts = line_features(rendered)[1:]
    blocks: list[Block] = []
    offset = 0
    # lines with the same short keyword line share one keyword list (read-only): 50,000 <br>-lines
    # of "line" held 50,000 lists
    shared: dict[bytes, list[bytes]] = {}
    # a big page: one bytes object per distinct keyword, as in ``parse.text`` (50,000 paragraphs of
    # "Paragraph <n> of the story says something." held 350,000 of them, 14 MB)
    share = {}.setdefault if len(rendered) > SHARE_KEYWORDS_FROM else None
    for k, line in enumerate(lines):
        n = counts[k]
        words = kw_lines[k]
        if len(words) <= 40:
            kw = shared.get(words)
            if kw is None:
                kw = shared[words] = _keyword_list(words, share)
        else:
            kw = _keyword_list(words, share)
        blocks.append(make_block(line, offset, offset + len(line), origins[k], kw=kw,
                                 words=n if n >= 0 else count_words(line)))
        offset += len(line) + 1
    analysis.line_block = line_block
    found = {k: v for k, v in analysis.found.items() if v}
    return Document(blocks=tuple(blocks), text=rendered, kind="html", url=url, found=found,
                    analysis={"dom": analysis}, warnings=warnings)


def _give_back() -> None:
    """Hand the C heap's free memory back to the system (glibc's ``malloc_trim``; elsewhere nothing).

    lxml's tree is freed when the walk ends, but glibc keeps the memory in its heap, and what
    the rest of the call allocates (Python's objects come from their own mmap'd arenas) does not
    reuse it: on a 2.5 MB page of 50,000 paragraphs, 20 MB stayed resident to the end of the
    call (16 MB on 50,000 <br>). Done for big trees only, where it saves that much; it takes
    about a millisecond.
    """
    global _TRIM
    if _TRIM is None:
        import ctypes

        try:
            _TRIM = ctypes.CDLL(None).malloc_trim
        except (AttributeError, OSError, TypeError):  # not glibc (TypeError: no CDLL(None) on Windows)
            _TRIM = False
    if _TRIM:
        _TRIM(0)


_TRIM: Any = None  # glibc's malloc_trim, once looked up; False where there is none


def _keyword_list(words: bytes, share: Callable[[bytes, bytes], bytes] | None) -> list[bytes]:
    """The keywords of a line (``text.line_features``), each the page's one copy of it with ``share``."""
    kw = words.split()
    return kw if share is None else list(map(share, kw, kw))


_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_TAG = re.compile(r"<[^<>]*>")
_HIDDEN_START = re.compile(r"<(script|style|template|svg)\b|<!--", re.I)
_BLOCK_BREAK = re.compile(r"<(?:/?(?:%s)\b|br\b)[^>]*>" % "|".join(sorted(BLOCK_TAGS)), re.I)

_NO_ATTRS: dict[str, str] = {}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
_UNSEEN = object()  # marks an inline element whose text is left out (see parse_html)
# the usual classes of text only a screen reader reads ("Opens in a new window", "Share on X")
_SCREEN_READER_ONLY = re.compile(
    r"(?:^|\s)(?:\w+[-_])?(?:sr[-_]only|screen[-_]reader[-_](?:text|only)|visually[-_]?hidden|a11y[-_]hidden|offscreen)(?=\s|$)",
    re.I)
# the whole text of a link to a place on the same page that is a mark, not words: a heading's
# permalink (Sphinx's "Middleware¶", "Installation#"), a note's link back to where it is cited
# (Wikipedia's "^ The prize was established in 1968.", a footnote's "↩")
_PERMALINK_MARKS = frozenset(("¶", "#", "§", "🔗", "⁋", "^", "↩", "↩\ufe0e", "↩\ufe0f", "↑", "⤴"))
_LOCAL = threading.local()  # lxml parsers must not be shared between threads


def _parser() -> Any:
    """This thread's parser: the plain etree one (lxml.html's element classes cost a Python
    lookup per element), no network, huge_tree so that large text nodes are kept whole."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = etree.HTMLParser(encoding="utf-8", huge_tree=True, no_network=True,
                                                  remove_comments=True, remove_pis=True, default_doctype=False)
    return parser


_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,20}:")


def _site(base: str) -> str | None:
    """'https://example.org' of 'https://example.org/a/b', or None when base is not an http(s) URL."""
    m = re.match(r"(https?://[^/?#\s]+)", base)
    return m.group(1) if m else None


def _absolute(href: str, base: str, site: str | None) -> str | None:
    """``urljoin(base, href)``, with the common cases done without it (a page has hundreds of links)."""
    if href.startswith(("https://", "http://")):
        return href
    if site is not None and href.startswith("/") and not href.startswith("//"):
        return site + href
    if _ABSOLUTE.match(href):
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return None


def walk(data: str | bytes) -> Dom:
    """Parse and walk the page once. Never raises on any input; empty input gives no blocks."""
    raw = _utf8(data)
    dom = Dom()
    if not raw.strip():
        return dom
    root, warnings = _tree(raw)
    if root is not None:
        _walk_tree(root, dom)
    if root is None or _lost_text(raw, dom):
        dom = _fallback(raw.decode("utf-8", "replace"), dom.head, dom.jsonld)
    dom.warnings = warnings
    return dom


def _utf8(data: str | bytes) -> bytes:
    """The page as UTF-8 bytes for the parser (lxml parses bytes about 4x faster than str)."""
    if isinstance(data, str):
        raw = data.encode("utf-8", "replace")  # a lone surrogate becomes "?"
    elif data.isascii() or _is_utf8(data):
        raw = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    else:
        raw = decode(data).encode("utf-8", "replace")
    return raw.translate(_CONTROL_TO_SPACE)  # libxml2 refuses NUL and the other C0 controls


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.startswith((b"\xff\xfe", b"\xfe\xff"))


def _lost_text(source: bytes, dom: Dom) -> bool:
    """Did the parser drop most of the text? Only nesting past libxml2's limits does that."""
    if dom.max_depth < 250 and dom.texts:
        return False
    stripped = _htmllib.unescape(_strip_tags(source.decode("utf-8", "replace")))
    return len(stripped.split()) > 2 * (sum(len(t.split()) for t in dom.texts) + 20)


def _strip_tags(text: str) -> str:
    """``text`` without tags, comments, scripts, styles, templates and SVG, in one linear scan
    (an unclosed ``<script`` or comment hides the rest of the page, as in a browser)."""
    out: list[str] = []
    pos = 0
    while True:
        m = _HIDDEN_START.search(text, pos)
        out.append(_TAG.sub(" ", text[pos:len(text) if m is None else m.start()]))
        if m is None:
            return "".join(out)
        out.append(" ")
        if m.group(1) is None:  # a comment
            end = text.find("-->", m.end())
            pos = -1 if end < 0 else end + 3
        else:
            close = re.compile(rf"</{m.group(1)}\s*>", re.I).search(text, m.end())
            pos = -1 if close is None else close.end()
        if pos < 0:
            return "".join(out)


def _fallback(source: str, head: dict[str, Any], jsonld: list[Any]) -> Dom:
    dom = Dom(head=head, jsonld=jsonld, fallback=True)
    dom.tags.append("body")
    dom.parent.append(-1)
    dom.depth.append(0)
    dom.end.append(1)
    dom.sig.append("body")
    dom.children.append(None)
    dom.attrs.append({})
    dom.nth.append(1)
    lines = _htmllib.unescape(_strip_tags(_BLOCK_BREAK.sub("\n", source))).split("\n")
    for line in lines:
        line = clean_space(line)
        if line:
            dom.texts.append(line)
            dom.owner.append(0)
            dom.link_chars.append(0)
            dom.cbits.append(0)
            dom.kbits.append(0)
            dom.near_kbits.append(0)
            dom.hrefs.append(None)
            dom.anchors.append(None)
    return dom


def _read_head(el: Any, dom: Dom) -> None:
    head = dom.head
    for child in el.iter("title", "meta", "link", "base", "script"):
        tag = child.tag
        if tag == "title":
            if "title" not in head:
                head["title"] = clean_space("".join(child.itertext()))
        elif tag == "meta":
            _read_meta(child, head)
        elif tag == "link":
            rel = (child.get("rel") or "").lower()
            if "canonical" in rel and child.get("href"):
                head.setdefault("canonical", child.get("href"))
        elif tag == "base":
            if child.get("href"):
                head.setdefault("base", child.get("href"))
        elif tag == "script":
            _read_script(child, dom)


def _read_meta(el: Any, head: dict[str, Any]) -> None:
    key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
    content = el.get("content")
    if key and content:
        metas = head.setdefault("meta", {})
        if key not in metas:
            metas[key] = clean_space(content)


def _read_script(el: Any, dom: Dom) -> None:
    if "ld+json" in (el.get("type") or "").lower() and el.text:
        dom.jsonld.extend(json_values(el.text))


_JSON = json.JSONDecoder(strict=False)
_JSON_GAP = re.compile(r"[\s,;]*")


def json_values(text: str) -> list[Any]:
    """The JSON values of a JSON-LD script, read leniently, as sites print them. A line break or
    tab left raw inside a string (a description pasted with its breaks: 11 of 1,216 such
    scripts on the WCXB pages) is the character it is; values printed one after another, with
    or without a comma between them, are each a value; whatever follows the last value that
    parses is left out. No value for text that is not JSON, or nested deeper than Python recurses.
    Target: {"@type": "Article", "description": "Two lines<LF>of text"}   (a raw line break)
            {"@type": "Organization", ...},{"@type": "LocalBusiness", ...}   (two values)
    """
    out: list[Any] = []
    pos, end = 0, len(text)
    while True:
        pos = _JSON_GAP.match(text, pos).end()
        if pos >= end:
            return out
        try:
            value, pos = _JSON.raw_decode(text, pos)
        except (ValueError, RecursionError):
            return out
        out.append(value)


def _walk_tree(root: Any, dom: Dom) -> None:  # noqa: C901 - one loop, kept flat for speed
    lang = root.get("lang") or root.get("xml:lang")
    if lang:
        dom.head["lang"] = lang.strip()
    texts, owner_l, linkc, cbits_l, kbits_l, near_l, hrefs = (dom.texts, dom.owner, dom.link_chars, dom.cbits,
                                                              dom.kbits, dom.near_kbits, dom.hrefs)
    tags, parent_l, depth_l, end_l, sig_l, children_l, attrs_l = (
        dom.tags, dom.parent, dom.depth, dom.end, dom.sig, dom.children, dom.attrs)
    parts: list[str] = []
    plink = 0  # chars of the pending parts that are inside <a>
    phref: str | None = None
    # frames: (element index of the frame or of its nearest block-level ancestor, inherited cbits,
    # inherited kbits, own kbits, is block, link depth, serial, own kbits of the element right above)
    stack: list[tuple[int, int, int, int, bool, int, int, int]] = []
    block_stack: list[int] = []  # indices into stack of block-level frames
    marks: list[Any] = []  # one per open element: its frame, or None for a bare inline element
    tag_cbits, role_cbits, kw_bits, block_tags, skip_tags = TAG_CBITS, ROLE_CBITS, keyword_bits, BLOCK_TAGS, SKIP_TAGS
    hidden_bit = CBIT["hidden"]
    head = dom.head
    max_depth = 0
    nth_l = dom.nth
    tagcount_l = dom.tagcount

    anchors_l = dom.anchors
    author_bit = KBIT["author"]
    # open elements that may name the page's author: (serial, where their text starts in parts,
    # blocks so far, attributes, keyword bits, container bits); read at their end (Dom.authors)
    author_open: list[tuple[int, int, int, str, int, int]] = []
    serial = 0  # every element, recorded or not, gets a serial number (links are found by it)
    a_el = -1  # serial of the block's first link, while it is open
    a_start = 0  # where its text starts in parts
    a_text: str | None = None

    def flush() -> None:
        nonlocal plink, phref, a_el, a_text
        if a_el >= 0 and a_text is None:  # a block boundary inside the link
            a_text = clean_space("".join(parts[a_start:]))
        raw = "".join(parts)
        parts.clear()
        t = "" if raw.isspace() else block_text(raw)
        if t:
            if block_stack:
                fi = block_stack[-1]
                f = stack[fi]
                idx, cb, kb = f[0], f[1], f[2]
                near = f[3] | f[7]
            else:  # text after </html>: it belongs to the root
                idx, cb, kb, near = 0, 0, 0, 0
            texts.append(t)
            owner_l.append(idx)
            linkc.append(min(plink, len(t)))
            cbits_l.append(cb)
            kbits_l.append(kb)
            near_l.append(near)
            hrefs.append(phref)
            anchors_l.append(a_text if phref is not None else None)
        plink = 0
        phref = None
        a_el = -1
        a_text = None

    walker = etree.iterwalk(root, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if tag.__class__ is not str:
            continue
        if event == "start":
            if tag in skip_tags:
                if tag == "head":
                    _read_head(el, dom)
                elif tag == "script":
                    _read_script(el, dom)
                elif tag == "title" and "title" not in dom.head:
                    dom.head["title"] = clean_space("".join(el.itertext()))
                dom.skipped_chars += len(el.text or "")
                walker.skip_subtree()
                continue
            if tag == "br":
                parts.append(_BR)
                continue
            is_block = tag in block_tags
            items = el.items()
            if not is_block and not items and stack and tag not in tag_cbits:
                # a bare inline element (<span>, <i>, <img>): it changes nothing but the text's order
                marks.append(None)
                t = el.text
                if t:
                    parts.append(t)
                    if stack[-1][5]:
                        plink += len(t.strip())
                continue
            if is_block and parts:
                flush()
            serial += 1
            own_cb = tag_cbits.get(tag, 0)
            cls = eid = extra = ""
            unseen = rel_author = False
            for k, v in items:
                if k == "class":
                    cls = v
                    if "only" in v or "hidden" in v or "screen" in v:  # one of them is in every such class
                        unseen = unseen or _SCREEN_READER_ONLY.search(v) is not None
                elif k == "id":
                    eid = v
                elif k in ("itemprop", "itemtype", "aria-label"):
                    extra += " " + v
                elif k == "role":
                    extra += " " + v
                    own_cb |= role_cbits.get(v.strip().lower(), 0)
                elif k == "hidden":
                    own_cb |= hidden_bit
                    unseen = True
                elif k == "aria-hidden" and v == "true":  # seen, but not read aloud: an icon, a copy
                    own_cb |= hidden_bit
                elif k == "style" and ("none" in v or "hidden" in v) and _HIDDEN_STYLE.search(v):
                    own_cb |= hidden_bit
                    unseen = True
                elif k == "rel" and "author" in v:
                    rel_author = True
                elif k == "href" and tag == "a":
                    if phref is None:
                        phref = v
                        a_el = serial
                        a_start = len(parts)
                    if v[:1] == "#" and el.text and len(el.text) <= 4 and el.text.strip() in _PERMALINK_MARKS \
                            and not len(el):
                        unseen = True  # a permalink ("Middleware¶") or a note's back-link ("^"): _PERMALINK_MARKS
                elif k == "datetime" and "time" not in head:
                    head["time"] = v
            if unseen and not is_block:
                # text inside a block that no browser shows (display:none, the hidden attribute, a
                # screen-reader-only class): "Cancel reply" in a comment form's heading, a share
                # link's URL, "(opens in a new window)". Left out of the block's text, as a script's
                # is; a hidden block stays a block, for the DOM model
                dom.skipped_chars += len(el.text or "")
                if a_el == serial:  # a hidden link is no link of the block's
                    phref, a_el = None, -1
                marks.append(_UNSEEN)
                walker.skip_subtree()
                continue
            if tag == "meta":
                _read_meta(el, head)
            own_kb = kw_bits(f"{cls} {eid}{extra}") if (cls or eid or extra) else 0
            depth = len(marks)  # every open element counts, bare inline ones too
            if stack:
                pf = stack[-1]
                pidx = pf[0]
                cb = pf[1] | own_cb
                kb = pf[2] | own_kb
                link_depth = pf[5] + (tag == "a")
            else:
                pidx, cb, kb, link_depth = -1, own_cb, own_kb, int(tag == "a")
            if is_block:
                # only block-level elements are recorded: inline ones pass their bits down the stack
                idx = len(tags)
                attrs_l.append({"class": cls, "id": eid, "extra": extra} if own_kb or extra else _NO_ATTRS)
                sig = f"{tag}.{cls}" if cls else tag
                if pidx >= 0:
                    ch = children_l[pidx]
                    if ch is None:
                        children_l[pidx] = {sig: 1}
                    else:
                        ch[sig] = ch.get(sig, 0) + 1
                    tc = tagcount_l[pidx]
                    if tc is None:
                        tagcount_l[pidx] = tc = {}
                    nth_l.append(tc.setdefault(tag, 0) + 1)
                    tc[tag] += 1
                else:
                    nth_l.append(1)
                tags.append(tag)
                parent_l.append(pidx)
                depth_l.append(depth)
                end_l.append(0)
                sig_l.append(sig)
                children_l.append(None)
                tagcount_l.append(None)
                up = marks[-1] if marks else None  # the element right above (None: a bare inline one)
                frame = (idx, cb, kb, own_kb, True, link_depth, serial, up[3] if up else 0)
                block_stack.append(len(stack))
            else:
                frame = (pidx, cb, kb, own_kb, False, link_depth, serial, 0)
            stack.append(frame)
            marks.append(frame)
            if ((own_kb & author_bit and AUTHOR_MARK.search(f"{cls} {eid}{extra}") or rel_author)
                    and len(dom.authors) < MAX_AUTHOR_MARKS):
                author_open.append((serial, len(parts), len(texts), f"{cls} {eid}{extra}" + (" rel=author" if rel_author
                                    else ""), kb, cb))
            if depth >= max_depth:
                max_depth = depth + 1
            t = el.text
            if t:
                parts.append(t)
                if link_depth:
                    plink += len(t.strip())
        else:  # end
            # a bare inline element, or one whose text was left out: its tail goes on the block
            if marks and (marks[-1] is None or marks[-1] is _UNSEEN) and tag not in skip_tags and tag != "br":
                marks.pop()
                tail = el.tail
                if tail:
                    parts.append(tail)
                    if stack and stack[-1][5]:
                        plink += len(tail.strip())
                continue
            if tag in skip_tags or tag == "br":
                tail = el.tail
                if tail and tag != "head":
                    parts.append(tail)
                    if stack and stack[-1][5]:
                        plink += len(tail.strip())
                continue
            frame = stack[-1]
            if tag == "a" and frame[6] == a_el and a_text is None:
                a_text = clean_space("".join(parts[a_start:]))
            while author_open and author_open[-1][0] >= frame[6]:  # (> : one whose end was never seen)
                mark = author_open.pop()
                # no block ended inside it (its text is in parts), and a name's few pieces, not a
                # page's worth (nested author elements would read the same text again at each end)
                if mark[0] == frame[6] and len(texts) == mark[2] and len(parts) - mark[1] <= 16:
                    name = "".join(parts[mark[1]:])
                    if len(name) <= 300:
                        name = clean_space(name)
                        if 0 < len(name) <= 100:
                            dom.authors.append((mark[3], name, mark[4], mark[5]))
            if frame[4]:
                if parts:
                    flush()
                block_stack.pop()
                end_l[frame[0]] = len(tags)
            stack.pop()
            marks.pop()
            tail = el.tail
            if tail:
                parts.append(tail)
                if stack and stack[-1][5]:
                    plink += len(tail.strip())
    if parts:
        flush()
    dom.max_depth = max_depth


# --- building the tree safely -----------------------------------------------------------------
# libxml2 stops at 2,048 levels of nesting (with huge_tree, which also lifts its 10 MB limit on
# one text node) and drops the rest of the page; such a page is read as tag-stripped text.

_XML_DECL = re.compile(rb"\A\s*<\?xml[^<>]{0,300}>")
_DOCTYPE_SUBSET = re.compile(rb"\A\s*<!doctype\s+([^\s\[<>]{1,100})[^\[<>]{0,500}\[", re.IGNORECASE)
# C0 controls but tab, LF and CR, and DEL -> space (bytes.translate: one C pass over the page)
_CONTROL_TO_SPACE = bytes(0x20 if (b < 0x20 and b not in (0x09, 0x0A, 0x0D)) or b == 0x7F else b
                          for b in range(256))


def _tree(raw: bytes) -> tuple[Any, tuple[str, ...]]:
    """The root element of the UTF-8 page ``raw`` (None when lxml makes no tree of it) and warnings.

    A doctype's internal subset, where an entity bomb would be declared, is cut off (libxml2's
    HTML parser expands no entity but the HTML ones, and loads no DTD); an XML declaration is
    dropped. A page nested deeper than libxml2 allows gives None and a ``deep_html`` warning:
    the caller reads it as text, never cut off.
    """
    raw = _XML_DECL.sub(b"", raw, count=1)
    m = _DOCTYPE_SUBSET.match(raw)
    if m:  # <!DOCTYPE x [ <!ENTITY ...> ]>: keep the doctype, drop the declarations
        end = raw.find(b"]>", m.end())
        raw = b"<!DOCTYPE " + m.group(1) + b">" + (raw[end + 2:] if end >= 0 else b"")
    root, too_deep = _parse(raw)
    if too_deep:  # libxml2 dropped everything below its depth limit: read the page as text lines instead
        return None, ("deep_html: elements are nested deeper than the HTML parser allows (2,048 levels); the "
                      "page was read as text, one line per block element, every word kept",)
    if root is not None:
        _merge_roots(root)
    return root, ()


def _merge_roots(root: Any) -> None:
    """Move the elements of any later top-level element into ``root``, in order.

    After some stray end tags libxml2 starts a second ``<html>`` beside the first and puts the
    rest of the page there (24 of the 1,497 WCXB development pages; on one, the whole article).
    A browser shows that text in the page; walking ``root`` alone lost it. Its children follow
    the root's: its ``<body>`` becomes a second one (``/html/body[2]/...``), a ``<div>`` that
    followed ``</html>`` is ``/html/div``.
    """
    for sib in list(root.itersiblings()):
        if sib.tag.__class__ is not str:  # a comment or processing instruction after </html>
            continue
        if sib.text and not sib.text.isspace():  # text right inside it, before its first child
            etree.SubElement(root, "div").text = sib.text
        root.extend(list(sib))


def _parse(data: bytes) -> tuple[Any, bool]:
    """(root or None, whether libxml2 gave up because of nesting depth)."""
    parser = _parser()
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None, False
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" or "depth" in e.message for e in parser.error_log
                   if e.level_name == "FATAL")
    return root, too_deep
