"""The HTML model: what the parser's DOM walk says about each block, computed once per page.

``parse/html.py`` walks the DOM into a ``tree.Dom`` and calls ``analyse()``. That computes one
feature row per block (``features.matrix``: about 200 named features), scores every block with
the shipped gradient-boosted trees (``scorer``, plain JSON evaluated with numpy), chooses the
page's cut (the blocks kept maximise the expected word F1), votes on the title and reads the
metadata (``metadata``), and finds the related / popular modules' cards (``sidebar``). The
result is a ``DomAnalysis``, stored in ``Document.analysis["dom"]``; the rules of
``rules/dom.py`` turn it into traced decisions. Nothing here imports lxml.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

import numpy as np

from ..model import HEADING_TAGS
from . import scorer as _scorer
from .features import FeatureTable, describe, table
from .metadata import agreement, bylines, extract_metadata, marked_authors, printed_date
from .sidebar import SidebarItem, read_sidebar
from .tree import CBIT, Dom, comment_threads

__all__ = ["DomAnalysis", "SidebarItem", "analyse"]

_CHROME = CBIT["header"] | CBIT["nav"] | CBIT["footer"]
# an <h1> in a <header> inside <main> or <article> heads the page's content, not the site:
# MediaWiki's "mw-body-header", a forum thread's title bar
_SITE_CHROME = CBIT["nav"] | CBIT["footer"]
_CONTENT = CBIT["main"] | CBIT["article"]
# an <h1> in a dialog (a cookie banner, a sign-up modal) is never the page's headline
_DIALOG = CBIT["dialog"]


@dataclass
class DomAnalysis:
    """Per-block model results of one page (block ``i`` is ``Dom.texts[i]``) and page-level findings.

    ``scores`` is ``None`` for a page with no markup to read (only ``<p>`` in ``<body>``, or
    text the parser could not make a tree of): its blocks are then all content.

    It holds no reference to the ``Dom``: the parser frees the walk's lists once the blocks are
    made (on a page of 50,000 paragraphs they were 13 MB, alive while every rule ran).
    """

    scores: np.ndarray | None  # probability that each block is main content
    keep: np.ndarray  # bool per block: at or above the page's cut
    cut: float  # the lowest score kept
    found: dict[str, str]  # title, author, date, site, language, section
    title_block: int | None  # the block that is the page's title (its <h1>), if one agrees with the vote
    items: list[SidebarItem]  # cards of related / popular modules, from blocks below the cut
    # block -> the element around it whose class or id names a comment thread ('<div id="comments">');
    # empty on a page whose JSON-LD says it is a forum or Q&A page
    comments: dict[int, str]
    base_url: str | None
    # Document line - 1 -> block (set by the parser); an array: a list held an int object per line
    line_block: Sequence[int] = field(default_factory=list)
    _X: np.ndarray | FeatureTable | None = field(default=None, repr=False)  # the feature rows scored
    _leaves: np.ndarray | None = field(default=None, repr=False)  # the leaf each of them reached in each tree
    _row: np.ndarray | None = field(default=None, repr=False)  # block -> its row of _X (None: block i is row i)
    _model: Any = field(default=None, repr=False)
    _reasons: dict[int, str] = field(default_factory=dict, repr=False)

    def reasons(self, blocks: list[int], top: int = 3) -> list[str]:
        """Why each block scored as it did: "dom score 0.08 < page cut 0.41: in <nav>, link density 0.91".

        The evidence is the features that moved the block's raw score most toward the side it
        fell on (``Scorer.evidence``), computed for the asked blocks in one vectorised pass.
        """
        todo = [b for b in blocks if b not in self._reasons]
        if todo:
            if self.scores is None or self._X is None:
                for b in todo:
                    self._reasons[b] = "no markup to read; kept as text"
            else:
                rows = todo if self._row is None else self._row[todo]
                leaves = None if self._leaves is None else self._leaves[rows]
                evidence = self._model.evidence(self._X[rows], top=top, leaf=leaves)
                for b, ev in zip(todo, evidence):
                    kept = bool(self.keep[b])
                    want = [e for e in ev if (e[2] > 0) == kept] or ev
                    rel = ">=" if kept else "<"
                    said = ", ".join(_describe(name, value) for name, value, _ in want)
                    self._reasons[b] = f"dom score {float(self.scores[b]):.2f} {rel} page cut {self.cut:.2f}: {said}"
        return [self._reasons[b] for b in blocks]


_SAID: dict[tuple[str, float], str] = {}


def _describe(name: str, value: float) -> str:
    """``features.describe``, remembered: pages repeat the same few (feature, value) pairs."""
    key = (name, value)
    said = _SAID.get(key)
    if said is None:
        if len(_SAID) > 50_000:
            _SAID.clear()
        said = _SAID[key] = describe(name, value)
    return said


def analyse(dom: Dom, url: str | None = None, model: _scorer.Scorer | None = None) -> DomAnalysis:
    """Score the blocks of ``dom``, choose the cut, and read metadata, title and sidebar cards."""
    model = model or _scorer.load()
    n = len(dom.texts)
    plain = dom.fallback or set(dom.tags) <= {"html", "body", "p"}  # no markup to read: text, kept whole
    if plain or n == 0:  # nothing to score: the block features are not computed at all
        Xm = row = None
        threads = {}
        words = np.asarray([len(t.split()) for t in dom.texts], dtype=np.float32)
        scores = leaves = None
        keep, cut = np.ones(n, dtype=bool), 0.0
    else:
        # the features are put together into rows only as many at a time as are scored or
        # hashed: the whole matrix of a 50,000-block page was 43 MB (``FeatureTable``)
        X = table(dom)
        words = X.column("words")
        product = bool(X.column("ld_product")[0] or X.column("og_product")[0])
        # a forum's or Q&A page's replies are its content, whatever their class says
        threads = {} if X.column("ld_forum")[0] or X.column("ld_qa")[0] else comment_threads(dom)
        Xm, row = _scorer.distinct_rows(X.select(model.features))  # a long page scores each distinct row once
        del X
        if isinstance(Xm, FeatureTable) and len(Xm) < _scorer._DISTINCT_FROM:
            Xm = Xm[:]  # a short page: its rows, kept for evidence, cost less than a table's lookups
        scores, leaves = model.score_leaves(Xm)
        if row is not None:
            scores = scores[row]
        keep, cut = model.select(scores, words, product)

    at = _first_h1(dom, keep)
    h1 = dom.texts[at] if at is not None else None
    # the names the markup marks as the author's first, then the bylines printed on the page
    marked = marked_authors(dom)
    found = extract_metadata(dom, h1, marked + [b for b in bylines(dom, words) if b not in marked], url,
                             h1_in_content=at is None or bool(dom.cbits[at] & _CONTENT))
    if "date" not in found and n and not plain:
        printed = printed_date(dom, words, keep)
        if printed:
            found["date"] = printed
    title_block = None
    title = found.get("title")
    if title and n:
        # the title line is not repeated at the top of the body: the first agreeing block among
        # the first kept ones, or an <h1> anywhere
        first_kept = np.flatnonzero(keep)[:3].tolist()
        for i in sorted(set(first_kept) | {i for i, o in enumerate(dom.owner) if dom.tags[o] == "h1"}):
            if agreement(dom.texts[i], title) >= 0.8:
                title_block = i
                break
    base = dom.head.get("base")
    base_url = urljoin(url, base) if (url and base) else (base or url)
    items: list[SidebarItem] = []
    if n and not plain:
        ld = np.asarray(dom.link_chars, dtype=np.float32) / np.maximum(
            np.asarray([len(t) for t in dom.texts], dtype=np.float32), 1.0)
        heading = np.asarray([dom.tags[o] in HEADING_TAGS for o in dom.owner], dtype=bool)
        items = read_sidebar(dom, keep, words, ld, heading, base_url)
    return DomAnalysis(scores, keep, float(cut), found, title_block, items, threads, base_url,
                       _X=Xm if scores is not None else None, _leaves=leaves, _row=row, _model=model)


def _first_h1(dom: Dom, keep: np.ndarray) -> int | None:
    """The block of the first ``<h1>`` in or just before the kept text; else of the first one
    outside the page's header, navigation and footer (an ``<h1>`` there is usually the site's
    logo). A ``<header>`` inside ``<main>`` or ``<article>`` is the content's own: its ``<h1>``
    counts."""
    first = None
    for i, o in enumerate(dom.owner):
        if dom.tags[o] == "h1":
            if keep[i]:
                return i
            cb = dom.cbits[i]
            if cb & _SITE_CHROME or cb & _CHROME and not cb & _CONTENT or cb & _DIALOG:
                continue
            if first is None:
                first = i
            if i + 1 < len(keep) and keep[i + 1]:
                return i
    return first
