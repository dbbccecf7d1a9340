"""Related / popular / most-read modules as sidebar items, read from the dropped blocks.

A module is an element that says so: its class/id carries a *related* keyword (related, popular,
most-read, recommended, read-next, ...), or a heading block reads like one ("Related Articles",
"Most Read", "More from …", "You may also like"). Inside it, every link whose text reads like a
headline (4+ words, mostly link) is one item: its title, its ``url`` resolved against the page's
``<base>`` or URL, and the short blocks around it within the same card (source, age, category)
and the plain text after it (summary). Modules inside ``<nav>``, ``<header>`` or ``<footer>``,
menus and log-in or legal links are chrome, never items.

Those are read from the blocks the DOM model dropped. A list the model kept because it sits
inside the article's element ("Related" over a ``<ul>`` of headline links at the end of the
article body) is read too, but only as the run of headline links right under its heading
(``_kept_lists``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin

import numpy as np

from .tree import CBIT, KBIT, Dom, keyword_bits

RELATED_HEADING = re.compile(
    r"^(?:related|more (?:from|in|on|stories|articles|news|like this|to read|to explore)|(?:most )?(?:popular|read|"
    r"viewed|shared|commented)|recommended|you (?:may|might) (?:also )?(?:like|enjoy)|read (?:next|more|also)|"
    r"also read|see also|trending|top stories|latest(?: news| stories| posts)?|editor'?s? picks?|don'?t miss|"
    r"further reading|similar|what to read next|recent posts|popular posts|related (?:posts|articles|stories|"
    r"content|reading|links|news|guides|products))\b", re.I)
FURNITURE = re.compile(r"privacy|terms|cookie|contact|log ?in|sign ?in|sign ?up|subscribe|©|copyright|"
                       r"all rights reserved|accessibility|sitemap|careers|advertis|newsletter|unsubscribe", re.I)
_AGE = re.compile(r"^(?:\d+\s*(?:s|m|h|d|w|mo|y|sec|min|mins|minutes?|hours?|hrs?|days?|weeks?|months?|years?)"
                  r"\s*ago|yesterday|today|just now|[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8},? \d{4}|"
                  r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})$", re.I)
_ALPHA_WORD = re.compile(r"\b[^\W\d_]{2,}\b")  # a headline has words, not only counts and dates
_CHROME = CBIT["nav"] | CBIT["header"] | CBIT["footer"] | CBIT["form"] | CBIT["dialog"]
_RELATED_BIT = KBIT["related"]
_CHROME_KW = KBIT["menu"] | KBIT["footer"] | KBIT["login"] | KBIT["cookie"] | KBIT["share"] | KBIT["breadcrumb"]


@dataclass(frozen=True)
class SidebarItem:
    """One card of a related / popular module. ``blocks`` are the indices of the blocks it holds."""

    section: str | None
    title: str
    url: str | None
    source: str | None = None
    age: str | None = None
    category: str | None = None
    summary: str | None = None
    blocks: tuple[int, ...] = ()
    # which block fills which field: (block, role), role one of heading, title, source, age, category, summary
    roles: tuple[tuple[int, str], ...] = ()


def _module_of(dom: Dom, el: int, stop: int) -> int | None:
    """The nearest ancestor-or-self of ``el`` (below ``stop`` levels) whose own class/id says related."""
    e, k = el, 0
    while e >= 0 and k < stop:
        a = dom.attrs[e]
        if a and keyword_bits(f"{a.get('class', '')} {a.get('id', '')}") & _RELATED_BIT:
            return e
        e = dom.parent[e]
        k += 1
    return None


def _related_heading(text: str, words: int, link_density: float, heading: bool) -> bool:
    """Does a block read as a related module's heading: a few words, mostly not a link, a heading
    tag or a short line, "Related Articles", "More from ...", "You may also like"?"""
    return words <= 6 and link_density < 0.5 and (heading or len(text) < 60) and RELATED_HEADING.match(text) is not None


def _card_url(href: str | None, base_url: str | None) -> str | None:
    """A card link's absolute URL; None for a script, in-page or mail link."""
    if not href or href.startswith(("javascript:", "#", "mailto:")):
        return None
    return urljoin(base_url, href) if base_url else href


def read_sidebar(dom: Dom, keep: np.ndarray, words: np.ndarray, link_density: np.ndarray,
                 heading: np.ndarray, base_url: str | None) -> list[SidebarItem]:
    """Items from the dropped blocks (``keep`` false) that sit in a related module."""
    n = len(dom.texts)
    if n == 0:
        return []
    texts, owner, parent, end = dom.texts, dom.owner, dom.parent, dom.end
    # modules: element index -> section heading text
    modules: dict[int, str | None] = {}
    heads: dict[int, int] = {}  # module element -> its heading block
    for i in range(n):
        if keep[i] or dom.cbits[i] & _CHROME:
            continue
        t = texts[i]
        if _related_heading(t, words[i], link_density[i], heading[i]):
            # the heading's module: its owner's parent, or one level up when that holds nothing else
            m = parent[owner[i]] if parent[owner[i]] >= 0 else owner[i]
            if end[m] - m <= 3 and parent[m] >= 0:
                m = parent[m]
            if m not in modules:
                modules[m] = t.rstrip(":")
                heads[m] = i
        elif dom.kbits[i] & _RELATED_BIT:
            m = _module_of(dom, owner[i], 8)
            if m is not None:
                modules.setdefault(m, None)
    if not modules:
        return _kept_lists(dom, keep, words, link_density, heading, base_url, set())
    spans = sorted((m, end[m], sec) for m, sec in modules.items())
    items: list[SidebarItem] = []
    seen: set[str] = set()
    headed: set[int] = set()
    for i in range(n):
        if keep[i] or dom.cbits[i] & _CHROME or dom.kbits[i] & _CHROME_KW:
            continue
        if words[i] < 4 or link_density[i] < 0.6 or not dom.hrefs[i]:
            continue
        t = dom.anchors[i] or texts[i]
        if len(t.split()) < 4 or len(_ALPHA_WORD.findall(t)) < 3 or FURNITURE.search(t) or RELATED_HEADING.match(t):
            continue
        rest = texts[i].replace(t, "", 1).strip() if t != texts[i] else ""
        o = owner[i]
        mod = next((s for s in spans if s[0] <= o < s[1]), None)
        if mod is None:
            continue
        url = _card_url(dom.hrefs[i], base_url)
        if url is None or url in seen:
            continue
        seen.add(url)
        source = age = category = summary = None
        used = [i]
        roles = [(i, "title")]
        head = heads.get(mod[0])
        if head is not None and head not in headed:
            headed.add(head)
            roles.append((head, "heading"))
        if rest and _AGE.match(rest):
            age = rest
        # the card: blocks after the title up to the next title, in the same module, at most 4
        for j in list(range(max(i - 2, 0), i))[::-1] + list(range(i + 1, min(i + 5, n))):
            if keep[j] or not (mod[0] <= owner[j] < mod[1]):
                continue
            tj = texts[j]
            if j > i and words[j] >= 4 and link_density[j] >= 0.6:
                break  # the next card's headline
            if _AGE.match(tj):
                if age is None:
                    age = tj
                    used.append(j)
                    roles.append((j, "age"))
            elif j > i and words[j] >= 6 and link_density[j] < 0.5 and summary is None:
                summary = tj
                used.append(j)
                roles.append((j, "summary"))
            elif words[j] <= 3 and not FURNITURE.search(tj) and not RELATED_HEADING.match(tj):
                if j < i and category is None:
                    category = tj
                    used.append(j)
                    roles.append((j, "category"))
                elif j > i and source is None:
                    source = tj
                    used.append(j)
                    roles.append((j, "source"))
        items.append(SidebarItem(mod[2], t, url, source, age, category, summary, tuple(sorted(used)), tuple(roles)))
    return items + _kept_lists(dom, keep, words, link_density, heading, base_url, seen)


#: headings whose lists are a page's own further reading, which its text keeps ("See also" in docs)
_OWN_LIST = re.compile(r"^(?:see also|further reading)\b", re.I)
MIN_KEPT_LIST = 2  # headline links under a kept related heading that make it a list


def _kept_lists(dom: Dom, keep: np.ndarray, words: np.ndarray, link_density: np.ndarray, heading: np.ndarray,
                base_url: str | None, seen: set[str]) -> list[SidebarItem]:
    """Related lists that the model kept because they sit inside the article's element: a
    related heading the model kept, followed at once by at least ``MIN_KEPT_LIST`` blocks
    that are each one headline link ("Related" over a <ul> of headlines at the end of an
    article body). Only that run: the first block that is not a headline link ends it, so no
    paragraph of the article around it is read as a card."""
    n = len(dom.texts)
    texts = dom.texts
    items: list[SidebarItem] = []
    # a kept short block, mostly not a link, with a kept block after it: the few that may be a heading
    maybe = keep & (words <= 6) & (link_density < 0.5)
    maybe[:-1] &= keep[1:]
    maybe[-1:] = False
    for i in np.flatnonzero(maybe).tolist():
        t = texts[i]
        if (dom.cbits[i] & _CHROME or not _related_heading(t, words[i], link_density[i], heading[i])
                or _OWN_LIST.match(t)):
            continue
        run: list[tuple[int, str, str]] = []
        j = i + 1
        while j < n and keep[j] and words[j] >= 4 and link_density[j] >= 0.9 and dom.hrefs[j]:
            title = dom.anchors[j] or texts[j]
            url = _card_url(dom.hrefs[j], base_url)
            if title != texts[j] or len(_ALPHA_WORD.findall(title)) < 3 or FURNITURE.search(title) or url is None:
                break
            run.append((j, title, url))
            j += 1
        if len(run) < MIN_KEPT_LIST or any(url in seen for _j, _t, url in run):
            continue
        section = t.rstrip(":")
        for k, (j, title, url) in enumerate(run):
            seen.add(url)
            roles = ((j, "title"), (i, "heading")) if k == 0 else ((j, "title"),)
            items.append(SidebarItem(section, title, url, blocks=(j,), roles=roles))
    return items
