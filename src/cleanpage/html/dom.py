"""One walk over the DOM: blocks of text with the facts the scorer reads, computed once.

This is the only module of ``cleanpage.html`` that imports lxml. ``walk(html)`` parses the page
(no network, no external entities; ``huge_tree`` so that deep nesting does not stop the parser)
and walks it once with ``etree.iterwalk``. A block is a run of text between block-level tags;
it belongs to its innermost block-level element, its *owner*. For every block-level element the
walk keeps its parent, depth, preorder span, tag and class/id keyword bits, so that container
facts (words under an element, link density, text score) are prefix sums over the preorder and
cost one numpy pass, not one walk per block. Inline elements (``<a>``, ``<span>``, ``<b>``) are
not recorded: their bits (in a link, hidden, class keywords) pass down to the blocks inside them,
and DOM paths name block-level elements only (``/html/body/div[2]/p[3]``).

``<noscript>`` text is kept (some forums put the whole thread there); script, style, template and
SVG are skipped, and their text is reported as skipped, never lost silently. When the parser
loses most of the text (nesting deeper than libxml2's limit, bytes it cannot read), the page is
read again as tag-stripped text, one block per line, and ``Dom.fallback`` says so.
"""

from __future__ import annotations

import html as _htmllib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

# --- tag and keyword tables (data, not logic) -----------------------------------------------------

BLOCK_TAGS = frozenset(
    "p div li td th h1 h2 h3 h4 h5 h6 pre blockquote section article main header footer nav aside form "
    "ul ol dl dt dd table tr thead tbody tfoot caption figure figcaption address details summary fieldset "
    "legend noscript center hr body html dialog menu select option textarea iframe video audio hgroup "
    "search".split()
)
SKIP_TAGS = frozenset("script style template svg math object embed canvas head title noembed".split())
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

# inherited container bits: a block carries the OR of its ancestors' bits
CONTAINERS = ("article", "main", "nav", "header", "footer", "aside", "form", "li", "table", "list", "figure",
              "blockquote", "pre", "noscript", "a", "button", "heading", "dl", "select", "label", "time",
              "address", "details", "dialog", "section", "p", "hidden", "code", "td", "strong")
CBIT = {name: 1 << i for i, name in enumerate(CONTAINERS)}
TAG_CBITS = {
    "article": CBIT["article"], "main": CBIT["main"], "nav": CBIT["nav"], "header": CBIT["header"],
    "footer": CBIT["footer"], "aside": CBIT["aside"], "form": CBIT["form"], "li": CBIT["li"],
    "table": CBIT["table"], "ul": CBIT["list"], "ol": CBIT["list"], "menu": CBIT["list"],
    "figure": CBIT["figure"], "figcaption": CBIT["figure"], "blockquote": CBIT["blockquote"], "pre": CBIT["pre"],
    "noscript": CBIT["noscript"], "a": CBIT["a"], "button": CBIT["button"], "dl": CBIT["dl"],
    "select": CBIT["select"], "option": CBIT["select"], "label": CBIT["label"], "time": CBIT["time"],
    "address": CBIT["address"], "details": CBIT["details"], "dialog": CBIT["dialog"], "section": CBIT["section"],
    "p": CBIT["p"], "code": CBIT["code"], "td": CBIT["td"], "th": CBIT["td"], "strong": CBIT["strong"],
    "b": CBIT["strong"], **{h: CBIT["heading"] for h in HEADINGS},
}
ROLE_CBITS = {"navigation": CBIT["nav"], "banner": CBIT["header"], "contentinfo": CBIT["footer"],
              "complementary": CBIT["aside"], "main": CBIT["main"], "article": CBIT["article"],
              "dialog": CBIT["dialog"], "alertdialog": CBIT["dialog"], "search": CBIT["form"],
              "menu": CBIT["nav"], "menubar": CBIT["nav"], "heading": CBIT["heading"], "button": CBIT["button"]}

# class / id / itemprop / aria-label keywords; one bit each
KEYWORDS: dict[str, str] = {
    "related": r"related|similar|recommend|more-?from|also-?like|you-?may|read-?next|more-?stories|popular|"
               r"trending|most-?read|top-?stories|outbrain|taboola|further",
    "sidebar": r"sidebar|side-?bar|rail|aside|widget",
    "share": r"share|sharing|social|sociable|addthis|facebook|twitter|whatsapp|pinterest|linkedin",
    "newsletter": r"newsletter|subscri|signup|sign-?up|mailing|optin|opt-in",
    "promo": r"promo|banner|sponsor|partner|affiliate|(?<![a-z])cta(?![a-z])",
    "ad": r"(?<![a-z])ads?(?![a-z])|advert|adsense|adslot|ad-?unit|ad-?container|(?<![a-z])dfp|doubleclick|googletag",
    "cookie": r"cookie|consent|gdpr|privacy",
    "breadcrumb": r"breadcrumb|crumbs",
    "comment": r"comment|disqus|respond|reply|replies",
    "footer": r"footer|(?<![a-z])foot(?![a-z])|copyright|legal|colophon",
    "header": r"header|masthead|topbar|top-bar|branding|logo",
    "menu": r"menu|(?<![a-z])nav|navigation|dropdown|toolbar|skip",
    "content": r"content|entry|article|story|(?<![a-z])body|prose|(?<![a-z])main|single|richtext|rich-text",
    "post": r"(?<![a-z])post|blog|message|thread|topic|forum|answer|question",
    "text": r"(?<![a-z])text|description|desc(?![a-z])|detail|summary|excerpt|intro|lead|abstract",
    "title": r"title|headline|heading|(?<![a-z])h[1-3](?![a-z])",
    "meta": r"meta|byline|dateline|published|posted|(?<![a-z])date|(?<![a-z])time|updated",
    "author": r"author|(?<![a-z])bio(?![a-z])|profile|avatar|user|member|signature",
    "taxonomy": r"(?<![a-z])tags?(?![a-z])|categor|topics|keywords|label",
    "caption": r"caption|credit|figure|image|photo|media|gallery|video|thumb|(?<![a-z])img",
    "login": r"login|log-in|signin|sign-in|account|register|(?<![a-z])auth",
    "modal": r"modal|popup|pop-up|overlay|lightbox|dialog|drawer|offcanvas|off-canvas",
    "hidden": r"hidden|(?<![a-z])hide|invisible|sr-only|screen-?reader|visually-?hidden|collapse",
    "search": r"search",
    "pagination": r"paginat|pager|(?<![a-z])next|(?<![a-z])prev",
    "card": r"card|tile|teaser|(?<![a-z])item|grid|(?<![a-z])list|feed|river",
    "product": r"product|price|cart|(?<![a-z])buy|shop|sku|spec|review|rating|variant",
    "code": r"(?<![a-z])code|highlight|syntax|language-|(?<![a-z])hljs",
    "doc": r"(?<![a-z])docs?(?![a-z])|documentation|markdown|(?<![a-z])rst|sphinx|(?<![a-z])api",
    "quote": r"quote|blockquote|citation",
    "toc": r"(?<![a-z])toc(?![a-z])|table-of-contents|contents-list",
    "print": r"print|(?<![a-z])pdf|download",
    "rating": r"star|rating|vote|like|reaction",
    "widget": r"widget|module|block|region|zone|slot|component",
}
KBIT = {name: 1 << i for i, name in enumerate(KEYWORDS)}
_KW_RE = re.compile("|".join(f"(?P<{k}>{v})" for k, v in KEYWORDS.items()))
# keywords that span two or more tokens once the class string is cut at "-", "_" and spaces
COMPOUNDS: dict[str, str] = {
    "related": r"more[-_ ]from|also[-_ ]like|you[-_ ]may|read[-_ ]next|more[-_ ]stories|most[-_ ]read|top[-_ ]stories",
    "sidebar": r"side[-_ ]bar",
    "newsletter": r"sign[-_ ]up|opt[-_ ]in",
    "ad": r"(?<![a-z])ad[-_ ](?:unit|container|slot|wrapper|block|label)",
    "header": r"top[-_ ]bar",
    "login": r"log[-_ ]in|sign[-_ ]in",
    "modal": r"pop[-_ ]up|off[-_ ]canvas",
    "hidden": r"sr[-_ ]only|screen[-_ ]reader|visually[-_ ]hidden",
    "content": r"rich[-_ ]text",
    "toc": r"table[-_ ]of[-_ ]contents|contents[-_ ]list",
    "code": r"language[-_ ]",
}
_COMPOUND_RE = re.compile("|".join(f"(?P<{k}>{v})" for k, v in COMPOUNDS.items()))
_KW_MEMO: dict[str, int] = {}
_TOKEN_MEMO: dict[str, int] = {}
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SPACE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f \t\r\f\v\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\s*\n\s*")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
_TAG_STRIP = re.compile(r"<(script|style|template|svg)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.I | re.S)
_BLOCK_BREAK = re.compile(r"<(?:/?(?:%s)\b|br\b)[^>]*>" % "|".join(sorted(BLOCK_TAGS)), re.I)

# the plain etree parser: lxml.html's element classes cost a Python lookup per element
_NO_ATTRS: dict[str, str] = {}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")
# the plain etree parser: lxml.html's element classes cost a Python lookup per element
_PARSER = etree.HTMLParser(encoding="utf-8", huge_tree=True, no_network=True, remove_comments=True, remove_pis=True,
                           default_doctype=False)


def keyword_bits(attrs: str) -> int:
    """Bits of the KEYWORDS found in a class/id/itemprop string.

    The string is cut into tokens whose bits are memoised across pages (sites reuse a small
    vocabulary); hash-like tokens (``css-1x9f2a``) are skipped, and a small second pattern
    finds the keywords that span two tokens (``sign-up``, ``most_read``).
    """
    bits = _KW_MEMO.get(attrs)
    if bits is not None:
        return bits
    low = _CAMEL.sub("-", attrs).lower()
    bits = 0
    memo = _TOKEN_MEMO
    for tok in _TOKEN_SPLIT.split(low):
        b = memo.get(tok)
        if b is None:
            b = _token_bits(tok)
        bits |= b
    for m in _COMPOUND_RE.finditer(low):
        bits |= KBIT[m.lastgroup]  # type: ignore[index]
    if len(_KW_MEMO) > 100_000:
        _KW_MEMO.clear()
    _KW_MEMO[attrs] = bits
    return bits


def _token_bits(tok: str) -> int:
    bits = 0
    if tok and len(tok) <= 30 and not (len(tok) >= 5 and sum(ch.isdigit() for ch in tok) >= 2):
        for m in _KW_RE.finditer(tok):
            bits |= KBIT[m.lastgroup]  # type: ignore[index]
        if len(_TOKEN_MEMO) > 100_000:
            _TOKEN_MEMO.clear()
        _TOKEN_MEMO[tok] = bits
    return bits


# --- what the walk produces -----------------------------------------------------------------------


@dataclass
class Dom:
    """Blocks and elements of one page, as parallel lists (numpy arrays are made in features.py)."""

    # blocks
    texts: list[str] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)  # element index (preorder) of the block's owner
    link_chars: list[int] = field(default_factory=list)
    cbits: list[int] = field(default_factory=list)  # inherited container bits
    kbits: list[int] = field(default_factory=list)  # inherited keyword bits
    near_kbits: list[int] = field(default_factory=list)  # keyword bits of the owner and its parent only
    hrefs: list[str | None] = field(default_factory=list)  # first link of the block
    anchors: list[str | None] = field(default_factory=list)  # the text of that link
    # elements
    tags: list[str] = field(default_factory=list)
    parent: list[int] = field(default_factory=list)
    depth: list[int] = field(default_factory=list)
    end: list[int] = field(default_factory=list)  # preorder index one past the element's subtree
    sig: list[str] = field(default_factory=list)  # tag.class, for repeated siblings
    children: list[dict[str, int] | None] = field(default_factory=list)  # child signature -> count
    attrs: list[dict[str, str]] = field(default_factory=list)  # id/class/itemprop/itemtype of the element
    nth: list[int] = field(default_factory=list)  # 1-based index among the parent's children of its tag
    tagcount: list[dict[str, int] | None] = field(default_factory=list)  # child tag -> count
    # page
    head: dict[str, Any] = field(default_factory=dict)  # <title>, meta, link rel, <base>, <html lang>
    jsonld: list[Any] = field(default_factory=list)
    _paths: dict[int, str] = field(default_factory=dict)
    skipped_chars: int = 0  # text in script/style/template/svg (not content)
    fallback: bool = False  # the parser lost the text; blocks are lines of tag-stripped text
    max_depth: int = 0


def template_paths(dom: Dom, els: list[int]) -> tuple[list[str], list[str]]:
    """Tag paths ('html/body/div/p') and tag.class paths of the given elements, for template repetition.

    Computed for the blocks' owners only, after the walk, memoised along the ancestor chains.
    """
    tp: dict[int, str] = {}
    cp: dict[int, str] = {}
    parent, tags, sig = dom.parent, dom.tags, dom.sig
    out_t, out_c = [], []
    for el in els:
        if el not in tp:
            chain = []
            e = el
            while e >= 0 and e not in tp:
                chain.append(e)
                e = parent[e]
            for e in reversed(chain):
                p = parent[e]
                if p >= 0:
                    tp[e] = f"{tp[p]}/{tags[e]}"
                    cp[e] = f"{cp[p]}/{sig[e]}"
                else:
                    tp[e] = tags[e]
                    cp[e] = sig[e]
        out_t.append(tp[el])
        out_c.append(cp[el])
    return out_t, out_c


def element_path(dom: Dom, el: int) -> str:
    """'/html/body/div[2]/article/p[3]': the element's path, with indices among same-tag siblings."""
    memo = dom._paths
    got = memo.get(el)
    if got is not None:
        return got
    chain = []
    e = el
    while e >= 0 and e not in memo:
        chain.append(e)
        e = dom.parent[e]
    path = memo.get(e, "") if e >= 0 else ""
    for e in reversed(chain):
        p = dom.parent[e]
        tag = dom.tags[e]
        tc = dom.tagcount[p] if 0 <= p < len(dom.tagcount) else None
        many = tc is not None and tc.get(tag, 0) > 1
        path = f"{path}/{tag}[{dom.nth[e]}]" if many else f"{path}/{tag}"
        memo[e] = path
    return path


def decode(data: str | bytes) -> str:
    """Bytes to text: BOM, then UTF-8, then the declared charset, then cp1252; never fails."""
    if isinstance(data, str):
        return data
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(data[:4096])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii", "replace"), "replace")
        except LookupError:
            pass
    return data.decode("cp1252", "replace")


_BR = "\ue000"  # a <br>, until the block is flushed (source newlines are only spaces)
_BR_RUN = re.compile("(?: ?\ue000 ?)+")


def block_text(raw: str) -> str:
    """A block's text: runs of whitespace become one space, <br> becomes a line break."""
    t = " ".join(raw.split())
    if _BR in t:
        t = _BR_RUN.sub("\n", t).strip("\n ")
    if not t.isprintable() and ("\n" not in t or not t.replace("\n", "").isprintable()):
        t = clean_space(_CONTROL.sub(" ", t.replace("\u200b", "")))
    return t


def clean_space(text: str) -> str:
    text = _SPACE.sub(" ", text)
    if "\n" in text:
        text = _BLANKS.sub("\n", text)
    return text.strip()


def walk(data: str | bytes) -> Dom:
    """Parse and walk the page once. Never raises on any input; empty input gives no blocks."""
    raw = _utf8(data)
    dom = Dom()
    if not raw.strip():
        return dom
    try:
        root = etree.fromstring(raw, parser=_PARSER)
    except (etree.ParserError, ValueError, etree.XMLSyntaxError):
        root = None
    if root is not None:
        _walk_tree(root, dom)
    if root is None or _lost_text(raw, dom):
        return _fallback(raw.decode("utf-8", "replace"), dom.head, dom.jsonld)
    return dom


def _utf8(data: str | bytes) -> bytes:
    """The page as UTF-8 bytes for the parser (lxml parses bytes about 4x faster than str)."""
    if isinstance(data, bytes) and (data.isascii() or _is_utf8(data)):
        raw = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    else:
        raw = decode(data).encode("utf-8", "replace")
    if b"\x00" in raw:
        raw = raw.replace(b"\x00", b" ")
    return raw


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
    text = source.decode("utf-8", "replace")
    stripped = _htmllib.unescape(_TAG_STRIP.sub(" ", text))
    return len(stripped.split()) > 2 * (sum(len(t.split()) for t in dom.texts) + 20)


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
    lines = _htmllib.unescape(_TAG_STRIP.sub(" ", _BLOCK_BREAK.sub("\n", source))).split("\n")
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
        try:
            dom.jsonld.append(json.loads(el.text))
        except ValueError:
            pass


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
            for k, v in items:
                if k == "class":
                    cls = v
                elif k == "id":
                    eid = v
                elif k in ("itemprop", "itemtype", "aria-label"):
                    extra += " " + v
                elif k == "role":
                    extra += " " + v
                    own_cb |= role_cbits.get(v.strip().lower(), 0)
                elif k == "hidden" or (k == "aria-hidden" and v == "true"):
                    own_cb |= hidden_bit
                elif k == "style" and "none" in v and _HIDDEN_STYLE.search(v):
                    own_cb |= hidden_bit
                elif k == "href" and tag == "a" and phref is None:
                    phref = v
                    a_el = serial
                    a_start = len(parts)
                elif k == "datetime" and "time" not in head:
                    head["time"] = v
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
            if depth >= max_depth:
                max_depth = depth + 1
            t = el.text
            if t:
                parts.append(t)
                if link_depth:
                    plink += len(t.strip())
        else:  # end
            if marks and marks[-1] is None and tag not in skip_tags and tag != "br":
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
