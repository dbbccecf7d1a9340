"""The page as the HTML parser hands it to the model: blocks of text and block-level elements.

``parse/html.py`` walks the DOM once and fills a ``Dom``: parallel lists, one entry per block
(a run of text between block-level tags, owned by its innermost block-level element) and one
per block-level element (tag, parent, depth, preorder span, class/id keyword bits), so that
container facts are prefix sums over the preorder (``features.py``). Inline elements are not
recorded: their bits (in a link, hidden, class keywords) pass down to the blocks inside them,
and element paths name block-level elements only (``/html/body/div[2]/p[3]``).

This module holds the tables (which tags are blocks, which class/id words mean what) and the
helpers that need no parser; it imports neither lxml nor numpy.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..model import HEADING_TAGS

# --- tag and keyword tables (data, not logic) -----------------------------------------------------

BLOCK_TAGS = frozenset(
    "p div li td th h1 h2 h3 h4 h5 h6 pre blockquote section article main header footer nav aside form "
    "ul ol dl dt dd table tr thead tbody tfoot caption figure figcaption address details summary fieldset "
    "legend noscript center hr body html dialog menu select option textarea iframe video audio hgroup "
    "search".split()
)
SKIP_TAGS = frozenset("script style template svg math object embed canvas head title noembed".split())
HEADINGS = {tag: int(tag[1]) for tag in sorted(HEADING_TAGS)}  # tag -> level

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
# every compound starts with one of these words and a separator ("sign-", "most_", "ad "): a
# string without any cannot match, and this simple pattern is about 7x faster to rule that out
_COMPOUND_START = re.compile(
    "(?:%s)[-_ ]" % "|".join(sorted(set(re.findall(r"([a-z]+)\[-_ \]", "|".join(COMPOUNDS.values()))))))
_KW_MEMO: dict[str, int] = {}
_TOKEN_MEMO: dict[str, int] = {}
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_TWO_DIGITS = re.compile(r"[0-9][a-z]*[0-9]")  # a token of _TOKEN_SPLIT with two digits or more

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_SPACE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f \t\r\f\v\u00a0\u200b\u2000-\u200a\u202f\u205f\u3000]+")
_BLANKS = re.compile(r"\s*\n\s*")

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
    if _COMPOUND_START.search(low):
        for m in _COMPOUND_RE.finditer(low):
            bits |= KBIT[m.lastgroup]  # type: ignore[index]
    if len(_KW_MEMO) > 100_000:
        _KW_MEMO.clear()
    _KW_MEMO[attrs] = bits
    return bits


def _token_bits(tok: str) -> int:
    """Bits of one token, memoised; 0 for the empty token, a long one or a hash-like one.

    The tokens given no bits are memoised too: the empty token ends every "class " string
    without an id, and a site repeats its hash-like tokens (``css-1x9f2a``) on every element.
    """
    bits = 0
    if tok and len(tok) <= 30 and not (len(tok) >= 5 and _TWO_DIGITS.search(tok)):
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
    # elements whose class/id/itemprop has an AUTHOR_MARK token, or links with rel="author", as read:
    # (their class, id and itemprop, and "rel=author"; their text; inherited keyword bits; container bits)
    authors: list[tuple[str, str, int, int]] = field(default_factory=list)
    _paths: dict[int, str] = field(default_factory=dict)
    skipped_chars: int = 0  # text in script/style/template/svg (not content)
    fallback: bool = False  # the parser lost the text; blocks are lines of tag-stripped text
    max_depth: int = 0
    warnings: tuple[str, ...] = ()  # what the parser could not do as asked (Document.warnings)


def ld_objects(dom: Dom, follow: tuple[str, ...], max_depth: int = 6) -> list[dict[str, Any]]:
    """The page's JSON-LD objects in document order: out of lists (50 items at most) and
    into the values of the keys in ``follow`` (``"@graph"``, ``"mainEntity"``, ...), no deeper
    than ``max_depth`` levels."""
    out: list[dict[str, Any]] = []

    def visit(node: Any, depth: int) -> None:
        if depth > max_depth:
            return
        if isinstance(node, list):
            for n in node[:50]:
                visit(n, depth + 1)
        elif isinstance(node, dict):
            out.append(node)
            for key in follow:
                if key in node:
                    visit(node[key], depth + 1)

    visit(dom.jsonld, 0)
    return out


# a class token or id naming a thread of readers' comments: it starts with "comment" or "disqus"
# ("comments", "comment-list", "commentBody", "disqus_thread"), or is one word and "comments"
# ("post-comments"); not "commentary", nor a heading's slug ("respond-to-review-comments", the id
# of a documentation section)
COMMENT_THREAD = re.compile(r"comment(?!ar)|disqus|[a-z]+[-_]comments?$")


def comment_threads(dom: Dom) -> dict[int, str]:
    """Block -> the outermost element around it whose class or id names a comment thread
    (``COMMENT_THREAD``), as it is written: ``'<div id="comments">'``. Blocks outside any are left out.

    Only the block-level elements whose class/id holds a keyword are recorded with their
    attributes, and "comment" is one (``KEYWORDS``): a page without the keyword bit is skipped at once.
    """
    bit = KBIT["comment"]
    if not any(k & bit for k in dom.kbits):
        return {}
    starts: list[int] = []
    ends: list[int] = []
    names: list[str] = []
    inside_until = -1
    for e, a in enumerate(dom.attrs):
        if not a or e < inside_until:  # no class/id keywords, or within a thread already found
            continue
        for attr in ("id", "class"):
            value = a.get(attr) or ""
            if any(COMMENT_THREAD.match(t) for t in value.lower().split()):
                starts.append(e)
                ends.append(dom.end[e])
                names.append(f'<{dom.tags[e]} {attr}="{value if len(value) <= 60 else value[:57] + "..."}">')
                inside_until = dom.end[e]
                break
    out: dict[int, str] = {}
    if starts:
        for i, o in enumerate(dom.owner):
            k = bisect_right(starts, o) - 1
            if k >= 0 and o < ends[k]:
                out[i] = names[k]
    return out


def template_paths(dom: Dom, els: list[int]) -> tuple[list[str], list[str]]:
    """Tag paths ('html/body/div/p') and tag.class paths of the given elements, for template repetition.

    Computed for the blocks' owners only, after the walk, memoised along the ancestor chains.
    """
    tp: dict[int, str] = {}
    cp: dict[int, str] = {}
    # one string per distinct path: 50,000 <p> in one <article> held 100,000 copies of two paths
    one = {}.setdefault
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
                    t, k = f"{tp[p]}/{tags[e]}", f"{cp[p]}/{sig[e]}"
                    tp[e], cp[e] = one(t, t), one(k, k)
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


_BR = "\ue000"  # a <br>, until the block is flushed (source newlines are only spaces)
_BR_RUN = re.compile("(?: ?\ue000 ?)+")


#: a class/id/itemprop token that marks an author's name: "post-author vcard", "url fn n", itemprop="author"
AUTHOR_MARK = re.compile(r"(?<![a-z])(?:author|byline|creator|fn)(?![a-z])", re.I)
MAX_AUTHOR_MARKS = 16  # a page's author-marked elements read (Dom.authors)


#: characters a browser does not show inside a word: soft hyphen ("Wäh&shy;rend"), zero-width
#: space, word joiner, zero-width no-break space. The rendered text leaves them out, or words
#: come out cut in two ("wäh", "rend") for anyone who searches or counts them.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def block_text(raw: str) -> str:
    """A block's text: runs of whitespace become one space, <br> becomes a line break, the
    characters a browser does not show inside a word (``_INVISIBLE``) go, and letters written
    as a base and a combining mark ("u" + U+0308) are composed (NFC: "ü"), as most pages
    write them and as readers search for them. UTF-8 that the page's own pipeline read as
    Latin-1 is read again (``undo_mojibake``)."""
    t = " ".join(raw.split())
    if _BR in t:
        t = _BR_RUN.sub("\n", t).strip("\n ")
    if not t.isprintable() and ("\n" not in t or not t.replace("\n", "").isprintable()):
        t = clean_space(_CONTROL.sub(" ", undo_mojibake(t).translate(_INVISIBLE)))
    return t if t.isascii() or unicodedata.is_normalized("NFC", t) else unicodedata.normalize("NFC", t)


# a character of UTF-8 read byte by byte as Latin-1: a lead byte and as many continuation bytes
# as it announces, at least one of them a C1 control (U+0080 to U+009F), which no text holds:
# "you\u00e2\x80\x99re" is "you’re", "\u00e2\x80\x94" an em dash
_MOJIBAKE = re.compile("[\u00c2-\u00df][\x80-\xbf]|[\u00e0-\u00ef][\x80-\xbf]{2}|[\u00f0-\u00f4][\x80-\xbf]{3}")
_C1 = re.compile("[\x80-\x9f]")


def undo_mojibake(text: str) -> str:
    """``text`` with each character of UTF-8 that was read as Latin-1 read again: pages saved
    through a pipeline that decoded their UTF-8 as Latin-1 and encoded it again print
    "youâ\x80\x99re" (a browser shows "youâ€™re"). Only sequences with a C1 control are read
    again, and only when they are valid UTF-8: real text never holds a C1 control."""
    if not _C1.search(text):
        return text

    def fix(m: re.Match[str]) -> str:
        s = m.group()
        if not _C1.search(s):
            return s
        try:
            return s.encode("latin-1").decode("utf-8")
        except UnicodeDecodeError:
            return s

    return _MOJIBAKE.sub(fix, text)


def clean_space(text: str) -> str:
    """``text`` (a title, a link's words, an attribute) with runs of space as one space, and
    non-ASCII text as ``block_text`` writes it (no invisible characters or Latin-1 mojibake, NFC)."""
    text = _SPACE.sub(" ", text)
    if "\n" in text:
        text = _BLANKS.sub("\n", text)
    if not text.isascii():
        text = undo_mojibake(text).translate(_INVISIBLE)
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return text.strip()

