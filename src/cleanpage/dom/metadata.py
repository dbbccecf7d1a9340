"""Title, author, date, site name, language and section from JSON-LD, OpenGraph, meta tags and the page.

Each field keeps the first source that has it, in a fixed order of trust; the title alone is a
vote: ``<h1>``, ``og:title``, the JSON-LD headline and ``<title>`` without its " | Site" suffix
are compared word by word, and the candidate that agrees with most others wins (ties go to
the ``<h1>``, then og:title); below the home page, a candidate that only names the site wins only
when no other is left, and an ``<h1>`` that is the first part of the winner ("Flexbox" under
"Flexbox - Learn web development") is the title. HTML entities in JSON-LD and meta strings are
decoded. Dates come out as ISO 8601, ``YYYY-MM-DD`` plus the time when the source gives one.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from typing import Any

from .tree import _BR, CBIT, HEADINGS, KBIT, Dom, clean_space, ld_objects

_WORD = re.compile(r"\w+")
_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•|»|/|:)\s+")
# year first: "2025-09-04T10:30", and as pages print it, "2025.09.04", "2025/09/04"
_ISO = re.compile(r"(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
# year last: "04.09.2025" puts the day first; "9/4/2025" and "09-04-2025" the month, unless it cannot be
# one (a US site's meta tag reads "03-09-2026" for March 9)
_NUM_DATE = re.compile(r"(?<!\d)(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)")
_MONTHS = {m: i + 1 for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split())}
_TEXT_DATE = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)? (?:of )?([A-Za-z]{3})[a-z]*\.?,? (\d{4})|([A-Za-z]{3})[a-z]*\.? (\d{1,2})(?:st|nd|rd|th)?,? (\d{4}))(?!\d)")
_BY = re.compile(r"^(?:(?:written|posted|reviewed|edited|published|words|story|text)\s+)?(?:by|from|author(?:ed by)?|"
                 r"written by)\s*[:\-]?\s+", re.I)
_NAME = re.compile(r"^([A-Z\u00C0-\u024F][\w.'’-]*(?:\s+(?:[A-Z\u00C0-\u024F][\w.'’-]*|de|van|von|der|da|di|le|la|bin|al)){0,4})")
# a byline's label printed on its own: "Written By", "The Author"
_LABEL = re.compile(r"(?:^|\s)by\s*:?$|^(?:the\s+)?authors?\s*:?$", re.I)
_NOT_NAME = re.compile(r"\b(?:updated|published|posted|min(?:ute)?s?|read|share|follow|comments?|views?|ago|"
                       r"january|february|march|april|may|june|july|august|september|october|november|december|"
                       r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|home|menu|login|sign|subscribe)\b", re.I)
_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "techarticle", "webpage",
                  "scholarlyarticle", "analysisnewsarticle", "opinionnewsarticle", "liveblogposting", "posting",
                  "discussionforumposting", "qapage", "question", "recipe", "product", "howto", "report",
                  "medicalwebpage", "aboutpage", "itempage", "collectionpage", "socialmediaposting", "review"}
_UPDATED_METAS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
_DATE_METAS = ("article:published_time", "og:published_time", "datepublished", "publishdate", "publish-date",
               "pubdate", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date",
               "parsely-pub-date", "article.published", "citation_publication_date", "citation_date",
               "og:article:published_time", "published_time", "publication_date", "date.available",
               "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")
_AUTHOR_METAS = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "citation_author",
                 "byl", "twitter:creator")


def _ld_nodes(dom: Dom) -> list[dict[str, Any]]:
    """Every JSON-LD object, flattened out of lists, @graph and mainEntity."""
    return ld_objects(dom, ("@graph", "mainEntity"), max_depth=5)


def _types(node: dict[str, Any]) -> set[str]:
    t = node.get("@type")
    return {x.lower() for x in (t if isinstance(t, list) else [t]) if isinstance(x, str)}


def _plain(text: str) -> str:
    """A metadata string as a reader sees it: spaces collapsed and HTML entities decoded. JSON-LD is
    never rendered, so CMSes often write entities into it ("Tools &#8211; a guide", "Food &amp; Drink"),
    and some pages escape their meta tags twice."""
    return clean_space(html.unescape(text) if "&" in text else text)


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return _plain(value) or None
    if isinstance(value, dict):
        return _name(value.get("name"))
    if isinstance(value, list):
        names = [n for n in (_name(v) for v in value[:5]) if n]
        return ", ".join(names) if names else None
    return None


def iso_date(value: str | None, printed: bool = False) -> str | None:
    """'2025-09-04T10:30:00+02:00' -> '2025-09-04T10:30'; 'September 4, 2025' -> '2025-09-04'.

    ``printed``: ``value`` is the page's text, where "02-12-2025" may be either order (the day
    first in most of the world, the month in a US site's meta tags): such a date is no date."""
    if not value:
        return None
    m = _ISO.search(value)
    if m:
        y, mo, d = int(m[1]), int(m[3]), int(m[4])
        if 1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
            day = f"{y:04d}-{mo:02d}-{d:02d}"
            if m[5] is not None and not (m[5] == "00" and m[6] == "00"):
                return f"{day}T{int(m[5]):02d}:{m[6]}"
            return day
    m = _NUM_DATE.search(value)
    if m and not (printed and m[2] == "-" and int(m[1]) <= 12 and int(m[3]) <= 12 and m[1] != m[3]):
        a, b, y = int(m[1]), int(m[3]), int(m[4])
        d, mo = (a, b) if a > 12 or m[2] == "." else (b, a)
        if 1990 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _TEXT_DATE.search(value)
    if m:
        if m[1]:
            d, mon, y = int(m[1]), m[2], int(m[3])
        else:
            mon, d, y = m[4], int(m[5]), int(m[6])
        mo = _MONTHS.get(mon[:3].lower())
        if mo and 1990 <= y <= 2100 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def _days_apart(a: str, b: str) -> int:
    from datetime import date as _d

    try:
        return abs((_d.fromisoformat(a[:10]) - _d.fromisoformat(b[:10])).days)
    except ValueError:
        return 99


def words(text: str | None) -> list[str]:
    return _WORD.findall(text.lower()) if text else []


def agreement(a: str, b: str) -> float:
    wa, wb = Counter(words(a)), Counter(words(b))
    na, nb = sum(wa.values()), sum(wb.values())
    if not na or not nb:
        return 0.0
    common = sum((wa & wb).values())
    return 2 * common / (na + nb)


# a last title part made of these words only names the site, whatever the site is called
_SITE_WORDS = frozenset(("official", "site", "website", "homepage", "home", "online"))
# words that may follow the host's name in a last title part that names the site ("REI Co-op")
_HOST_SUFFIX = _SITE_WORDS | {"co", "op", "inc", "llc", "ltd", "us", "usa", "uk", "store", "shop", "group",
                              "company", "corp"}


def _host_label(host: str | None) -> str:
    """The name part of a host, without "www" and the suffix: "bhphotovideo" for www.bhphotovideo.com,
    "containerstore" for www.containerstore.com ('' when there is none)."""
    labels = [x for x in (host or "").lower().split(".") if x and x != "www"]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in ("co", "com", "org", "net", "ac", "gov"):
        labels = labels[:-2]  # bbc.co.uk
    elif len(labels) >= 2:
        labels = labels[:-1]
    return labels[-1].replace("-", "") if labels else ""  # "rust-lang" is spelt "Rust Lang"


def _spells_host(ws: list[str], label: str) -> bool:
    """Do the words ``ws`` spell the host's name ``label`` (``_host_label``): "B&H Photo Video" on
    bhphotovideo.com, "The Container Store" on containerstore.com, "La Vie des idées" on
    laviedesidees.fr (accents aside); or the name and a word such as "Co-op" ("REI Co-op" on rei.com)?"""
    if len(label) < 3 or not ws:
        return False
    if not "".join(ws).isascii():
        ws = [_fold(w) for w in ws]
    return ("".join(w for w in ws if w != "the") == label or "".join(ws) == label
            or 1 < len(ws) <= 3 and ws[0] == label and all(w in _HOST_SUFFIX for w in ws[1:]))


def _fold(word: str) -> str:
    """``word`` without its accents: "idées" -> "idees", as a host name writes it."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def title_site(title: str, host: str | None) -> str | None:
    """The part of a ``<title>`` that names the site by its host's name (``_spells_host``): the
    last ("Tarkett" in "10 Easy Steps for a Great Interior Design | Tarkett" on tarkett.com) or
    the first ("NationStates" in "NationStates • View topic - …"); None when neither does.
    On the WCXB dev pages that declare a site name (og:site_name, a JSON-LD publisher), this
    part agrees with it on 331 and differs on 28, where it is mostly the short form of the
    same name ("FDA" for "U.S. Food and Drug Administration")."""
    parts = _SEPARATORS.split(title)
    label = _host_label(host)
    if len(parts) < 2 or len(label) < 3:
        return None
    for part in (parts[-1], parts[0]):
        ws = words(part)
        if ws and not all(w in _SITE_WORDS for w in ws) and _spells_host(ws, label):
            return clean_space(part)
    return None


def strip_site(title: str, site: str | None, host: str | None) -> str:
    """Drop a ' | Site' / ' - Site' part that names the site (or is a short trailing part)."""
    parts = _SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    names = {w for w in words(site)} | {w for w in words((host or "").replace(".", " ")) if w not in ("www", "com")}
    label = _host_label(host)

    def is_site(part: str, share: float = 0.5) -> bool:
        ws = words(part)
        return bool(ws) and bool(names) and sum(w in names for w in ws) >= share * len(ws)

    def names_host(part: str) -> bool:
        """A last part that is the host's name (``_spells_host``), or only words such as "Official Site"."""
        ws = words(part)
        return bool(ws) and all(w in _SITE_WORDS for w in ws) or _spells_host(ws, label)

    while len(parts) > 1 and (is_site(parts[-1]) or names_host(parts[-1])):
        parts.pop()
    # a first part names the site only in site words: "Nintendo Switch - OLED Model" on nintendo.com is a product
    while len(parts) > 1 and is_site(parts[0], 1.0):
        parts.pop(0)
    if len(parts) > 1 and len(words(parts[-1])) <= 3 and len(words(parts[0])) >= 3:
        parts.pop()
    return clean_space(" - ".join(parts)) if len(parts) > 1 else parts[0]


def _not_byline(lead: str, rest: str, heading: bool) -> bool:
    """Is a block that opens like a byline (``lead``: "By ", "From ") something else: a subheading
    ("By Functionality", "From Goals to Metrics") or a role ("From the CEO")?"""
    if lead.lower().startswith("from"):
        return heading or rest.lower().startswith("the ")
    return heading and len(rest.split()) < 2


def bylines(dom: Dom, words: Any) -> list[str]:
    """Author names printed on the page: "By Jane Doe", or short text in an author/byline element."""
    out: list[str] = []
    chrome = CBIT["nav"] | CBIT["footer"] | CBIT["form"]
    said: dict[int, bool] = {}  # element -> whether its own class/id says author or byline
    for i in range(min(len(dom.texts), 600)):
        if words[i] > 12 or dom.cbits[i] & chrome:
            continue
        t = dom.texts[i]
        m = _BY.match(t)
        if m and _not_byline(m.group(), t[m.end():], dom.tags[dom.owner[i]] in HEADINGS):
            continue
        if m:
            name = dom.anchors[i] if dom.anchors[i] and t[m.end():].startswith(dom.anchors[i]) else t[m.end():]
        elif words[i] <= 5 and _in_byline(dom, dom.owner[i], said):
            name = dom.anchors[i] or t
        else:
            continue
        name = _person(name)
        if name:
            out.append(name)
        if len(out) >= 3:
            break
    return out


def marked_authors(dom: Dom) -> list[str]:
    """Names the markup says are the author's: an element whose class, id or itemprop has the token
    ``author``, ``byline``, ``creator`` or the hCard name ``fn`` ("post-author vcard", "url fn n",
    itemprop="author"), or a link with rel="author", whose text is a name ("Posted by Ned Deily",
    "Autor/in: Korinna Hennig"). Not inside comments (a commenter's hCard), navigation or forms,
    and not an author box's longer text."""
    out: list[str] = []
    skip_kb = KBIT["comment"]
    skip_cb = CBIT["nav"] | CBIT["form"]
    for attrs, text, kb, cb in dom.authors:
        if kb & skip_kb or cb & skip_cb:
            continue
        tokens = set(_ATTR_TOKEN.split(attrs.lower()))
        if not (tokens & _AUTHOR_TOKENS or "rel=author" in attrs) or tokens & _NOT_AUTHOR_TOKENS:
            continue
        text = " ".join(text.replace(_BR, " ").split())
        text = _FIELD_LABEL.sub("", text)  # "Autor/in: ", "Author: "
        by = _INNER_BY.search(text)  # "Recipe by PJ Hamel", "Posted by Ned Deily": the name follows "by"
        if by:
            if _OTHER_ROLE.match(text):
                continue  # "Updated by", "Reviewed by", "Photos by": someone else's part
            text = text[by.end():]
        text = _NAME_END.split(text)[0].strip()  # "Ned Deily at 10:08", "Shelby Loos, DVM"
        name = _person(text) if len(text.split()) <= 5 else None
        # the whole text must be the name: a prefix of capitalised words is not ("Human" of "Human in the Loop")
        if name and name == text and name not in out:
            out.append(name)
    return out


_ATTR_TOKEN = re.compile(r"[^a-z0-9=]+")
_AUTHOR_TOKENS = {"author", "byline", "creator", "fn"}
# an author box or list, not a byline: its text is a biography, a photo, links to the author's posts
# (a related card's author, a linked page's, a modal's, the author's role, buttons, counts); a
# commenter's is left out by the comment keyword bit, which covers the element's own class too
_NOT_AUTHOR_TOKENS = {"bio", "avatar", "box", "about", "description", "desc", "image", "img", "photo", "posts",
                      "archive", "social", "form", "related", "bookmark", "modal", "role",
                      "title", "button", "buttons", "statistics", "stats", "information", "info", "card"}
_INNER_BY = re.compile(r"^(?:\S+\s+){0,2}?by\s*:?\s+", re.I)
_OTHER_ROLE = re.compile(r"(?:updated|reviewed|edited|fact[- ]?checked|medically|photos?|illustrations?|video|"
                         r"translated|produced)\b", re.I)
_NAME_END = re.compile(r",|\s(?:at|on|am|le|el|il|\||·|•|-|–|—)\s|\s\d")
_FIELD_LABEL = re.compile(r"^[\w/()]{1,12}\s*:\s+")  # a label before the name: "Autor/in: ", "Author: "
_BYLINE_ATTR = re.compile(r"author|byline|writer|contributor|creator", re.I)
_NOT_ALONE = {"author", "authors", "skip", "you", "community", "english", "admin", "editor", "staff", "team", "by",
              "guest", "anonymous", "unknown", "contributor", "contributors", "writer", "home", "news"}


def _in_byline(dom: Dom, el: int, said: dict[int, bool]) -> bool:
    """Does the class/id of ``el``, its parent or its grandparent say author or byline?

    ``said`` remembers each element's own answer for the page: the short blocks of one
    list or byline box ask about the same few ancestors.
    """
    for _ in range(3):
        if el < 0:
            return False
        own = said.get(el)
        if own is None:
            a = dom.attrs[el]
            own = said[el] = bool(a) and _BYLINE_ATTR.search(
                f"{a.get('class', '')} {a.get('id', '')} {a.get('extra', '')}") is not None
        if own:
            return True
        el = dom.parent[el]
    return False


def printed_date(dom: Dom, words: Any, keep: Any) -> str | None:
    """A date the page prints, for pages whose markup names none.

    First a short block in an element whose class/id says date, time, published or byline (or
    in a ``<time>``) outside navigation and footers, kept or up to 40 blocks past the start of the
    kept text (a "Last Post: 07-19-2006" in a list of other threads further down is not the page's);
    else the first short block with a date up to 40 blocks past the start of the kept text
    ("Published March 3, 2025"). A date whose order is unknown ("02-12-2025") is none.
    """
    first = next((i for i, k in enumerate(keep) if k), 0)
    chrome = CBIT["nav"] | CBIT["footer"] | CBIT["form"]
    marked, in_time = KBIT["meta"], CBIT["time"]
    near = None
    for i, t in enumerate(dom.texts):
        is_marked = dom.kbits[i] & marked or dom.cbits[i] & in_time
        if not is_marked and i >= first + 40:  # neither test below can take it: no pattern run on it
            continue
        if dom.cbits[i] & chrome or len(t) > 100 or _COPYRIGHT.search(t):
            continue
        if is_marked and (i < first + 40 or keep[i]):
            d = iso_date(t, printed=True)
            if d:
                return d
        if near is None and i < first + 40 and words[i] <= 12:
            near = iso_date(t, printed=True)
    return near


_COPYRIGHT = re.compile(r"©|copyright|all rights", re.I)


def _person(text: str) -> str | None:
    text = _BY.sub("", text.strip())
    if _LABEL.search(text):
        return None  # the label, not the name after it: "Written By", "The Author"
    text = re.split(r"\s+(?:\||•|·|-|–|—|on|and|&)\s+|,|\n", text)[0].strip()
    if _NOT_NAME.search(text) or any(ch.isdigit() for ch in text):
        return None
    m = _NAME.match(text)
    if not m:
        return None
    name = m.group(1).strip()
    parts = name.split()
    if len(parts) == 1 and parts[0].lower() in _NOT_ALONE:
        return None
    return name if 1 <= len(parts) <= 5 and len(name) >= 3 else None


def _not_a_name(value: str) -> bool:
    """A metadata "author" that names no one: a URL or a handle, digits, or a template's unfilled
    variable ("{{ author }}", "${author}"). An e-mail address or a user name with dots may be the
    name the page shows."""
    return value.startswith(("http", "@")) or value.replace(",", "").isdigit() or "{" in value or "$" in value


_LEADING_BY = re.compile(r"^by\s*:?\s+", re.I)


def names_site(text: str, site: str | None, host: str | None) -> bool:
    """Is ``text`` only the site's name: its ``og:site_name`` (or publisher), or the host's label
    with at most words such as "Home" or "Official Site" ("davidbau.com" on davidbau.com,
    "Aliexpress Homepage")?"""
    if site and agreement(text, site) >= 0.8 and agreement(site, text) >= 0.8:
        return True
    return _spells_host([w for w in words(text) if w not in _SITE_WORDS and w not in ("www", "com")],
                        _host_label(host))


def _is_home(url: str | None) -> bool:
    """Is ``url`` a site's home page: no path, or only a language part ("/", "/en/", "/en-gb")?
    Without a URL, every page may be one."""
    if not url:
        return True
    path = url.split("?", 1)[0].split("#", 1)[0].split("/")[3:]
    parts = [x for x in path if x]
    return not parts or len(parts) == 1 and _LOCALE.fullmatch(parts[0]) is not None


_LOCALE = re.compile(r"[a-z]{2}(?:[-_][a-z]{2,4})?|index\.\w+", re.I)


def extract_metadata(dom: Dom, h1: str | None, bylines: list[str], url: str | None, *,
                     h1_in_content: bool = True) -> dict[str, str]:
    """Title, author, date, site, language and section of the page (``h1``: the text of its
    ``<h1>``, if it has one; ``h1_in_content``: whether that one is inside ``<main>`` or
    ``<article>``)."""
    meta: dict[str, str] = dom.head.get("meta", {})
    nodes = _ld_nodes(dom)
    art = [n for n in nodes if _types(n) & _ARTICLE_TYPES] or nodes
    host = url.split("/")[2] if url and url.count("/") >= 2 else None
    out: dict[str, str] = {}

    site = meta.get("og:site_name") or meta.get("application-name") or next(
        (s for n in nodes if (s := _name(n.get("publisher"))) and isinstance(s, str)), None) or next(
        (_name(n.get("name")) for n in nodes if "website" in _types(n) and _name(n.get("name"))), None)
    if site:
        site = out["site"] = _plain(site)
    elif dom.head.get("title"):
        # no name declared: the <title>'s part that spells the host's name ("… | Tarkett" on
        # tarkett.com). Titles below are stripped of it by the host, as before
        named = title_site(_plain(dom.head["title"]), host)
        if named:
            out["site"] = named

    inner = not _is_home(url)
    # below the home page, an <h1> outside <main> and <article> that is the last part of the
    # <title>, and not its first, names the site: a book's or a blog's name in its menu bar
    # (<h1>The Rust Programming Language</h1> over a chapter whose <title> is "What is Ownership? -
    # The Rust Programming Language"). It is no candidate, and the titles are stripped of it
    strip_by = site
    if h1 and inner and not h1_in_content and dom.head.get("title"):
        parts = _SEPARATORS.split(_plain(dom.head["title"]))
        if len(parts) > 1 and agreement(h1, parts[-1]) >= 0.8 and agreement(h1, parts[0]) < 0.8:
            strip_by, h1 = h1, None

    # title: a vote among the candidates
    cands: list[tuple[str, str]] = []
    if h1:
        cands.append(("h1", h1))
    for key in ("og:title", "twitter:title"):
        if meta.get(key):
            cands.append((key, strip_site(_plain(meta[key]), strip_by, host)))
            break
    for n in art:
        hl = n.get("headline") or (n.get("name") if _types(n) & {"product", "recipe", "question",
                                                                   "discussionforumposting"} else None)
        if isinstance(hl, str) and hl.strip():
            cands.append(("ld", strip_site(_plain(hl), strip_by, host)))
            break
    if dom.head.get("title"):
        cands.append(("title", strip_site(_plain(dom.head["title"]), strip_by, host)))
    prior = {"h1": 0.3, "og:title": 0.2, "twitter:title": 0.15, "ld": 0.2, "title": 0.1}
    # below a page of the site, a candidate that only names the site ("davidbau.com", "Aliexpress": the
    # logo's <h1>, a bare <title>) is the page's title only when no other candidate is left
    best, best_score = None, -10.0
    for src, text in cands:
        if not text or len(text) > 300:
            continue
        s = prior[src] + sum(agreement(text, o) for s2, o in cands if s2 != src and o)
        if inner and names_site(text, site, host):
            s -= 5.0
        if s > best_score:
            best, best_score = text, s
    if best and h1 and best != h1:
        # the page's headline and a part the metadata title adds ("Flexbox - Learn web development" over
        # <h1>Flexbox</h1>, "Ridge Wallet - Royal Black" over <h1>Ridge Wallet</h1>): the headline
        parts = _SEPARATORS.split(best)
        if len(parts) > 1 and agreement(h1, parts[0]) >= 0.8 and not names_site(h1, site, host):
            best = h1
    if best:
        out["title"] = best

    # author: a person named in JSON-LD, then the page's byline (or the meta tag's person), then meta
    # tags, then an organisation
    author = None
    org = None
    for n in art:
        a = n.get("author") or n.get("creator")
        people = [x for x in (a if isinstance(a, list) else [a]) if x]
        persons = []
        for x in people[:10]:
            name = _name(x)
            if name:
                name = _LEADING_BY.sub("", name)  # "By Arlene Marturano, South Carolina ..."
            if not name or _not_a_name(name):
                continue
            is_org = isinstance(x, dict) and _types(x) & {"organization", "newsmediaorganization", "corporation"}
            if is_org or (site and agreement(name, site) >= 0.5):
                org = org or name
            elif name not in persons:
                persons.append(name)
        if persons:
            author = ", ".join(persons)
            break
    if not author and bylines:
        # the first byline may be a related card's or a testimonial's: a person of two words or more
        # named by <meta name="author"> wins over it, in the byline that prints them if one does
        named = meta.get("author") or next((v for k, v in meta.items() if k.endswith("author")), None)
        person = _person(named) if named and len(named) < 100 else None
        author = next((b for b in bylines if person and agreement(b, person) >= 0.5),
                      person if person and len(person.split()) >= 2 else bylines[0])
    if not author:
        for key in _AUTHOR_METAS:
            v = meta.get(key)
            if v and len(v) < 100 and not _not_a_name(v):
                author = v
                break
    author = author or org
    if author:
        out["author"] = _plain(author)

    date = None
    for n in art:
        date = iso_date(n.get("datePublished") if isinstance(n.get("datePublished"), str) else None) or \
            iso_date(n.get("dateCreated") if isinstance(n.get("dateCreated"), str) else None)
        if date:
            break
    if not date:
        for key in _DATE_METAS:
            date = iso_date(meta.get(key))
            if date:
                break
    if not date:
        for n in art:
            v = n.get("dateModified")
            date = iso_date(v) if isinstance(v, str) else None
            if date:
                break
    shown = iso_date(dom.head.get("time"), printed=True)  # a <time datetime> that is not ISO 8601 is as printed
    if not date:
        date = shown
    elif shown and shown[:10] != date[:10] and _days_apart(shown, date) <= 1:
        date = shown  # the date the page prints, in its own time zone (meta tags are often in UTC)
    if not date and url:
        m = re.search(r"/(20\d{2}|19\d{2})/(\d{1,2})/(\d{1,2})/", url)
        if m:
            date = iso_date(f"{m[1]}-{m[2]}-{m[3]}")
    if date:
        out["date"] = date
        # the day it was last changed, when later: pages often print it ("Updated December 19, 2025")
        updated = next((d for n in art if isinstance(v := n.get("dateModified"), str) and (d := iso_date(v))),
                       None) or next((d for key in _UPDATED_METAS if (d := iso_date(meta.get(key)))), None)
        if updated and updated[:10] > date[:10]:
            out["updated"] = updated

    lang = dom.head.get("lang") or meta.get("og:locale") or meta.get("content-language") or meta.get("language")
    if lang:
        out["language"] = lang.replace("_", "-").split(",")[0].strip()
    section = meta.get("article:section") or next(
        (s for n in art if isinstance(s := n.get("articleSection"), str) and s), None)
    if isinstance(section, list):
        section = section[0] if section else None
    if section:
        out["section"] = _plain(str(section))
    return out
