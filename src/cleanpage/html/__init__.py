"""A DOM-aware main-content extractor for HTML pages (standalone; phase 2 wires it into the pipeline).

``extract(html, url=None)`` parses the page once (``dom.walk``), computes one feature row per
block (``features.matrix``), scores every block with the shipped tree model (``scorer``), keeps
the blocks at or above the model's threshold, and reads the title, metadata and related-module
sidebar items. Every block is accounted for: kept (text, DOM path, score) or dropped (the same,
plus the evidence behind its score: "dom score 0.08: in <nav>, link density 0.91").

    >>> from cleanpage.html import extract
    >>> ex = extract(b"<html><body><nav><a href='/'>Home</a></nav><article><h1>A title</h1>"
    ...              b"<p>One paragraph of real prose, with a comma, that a reader came for.</p>"
    ...              b"</article></body></html>")
    >>> ex.title
    'A title'
"""

from __future__ import annotations

import gc
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from urllib.parse import urljoin

import numpy as np

from . import scorer as _scorer
from .dom import Dom, element_path, walk
from .features import COL, FEATURES, describe, matrix
from .metadata import agreement, bylines, extract_metadata, printed_date
from .sidebar import SidebarItem, read_sidebar

__all__ = ["Extraction", "HtmlBlock", "SidebarItem", "extract"]


@dataclass(frozen=True)
class HtmlBlock:
    """One block of text: where it was in the DOM, its score, and (for a dropped block) why."""

    index: int  # order on the page
    text: str
    path: str  # '/html/body/div[2]/p[3]'
    tag: str  # the owner element's tag
    score: float  # probability of main content, from the tree model
    reason: str = ""  # why it went where it went: 'dom score 0.08: in <nav>, link density 0.91'
    evidence: tuple[tuple[str, float, float], ...] = ()  # (feature, value, push on the raw score)


@dataclass(frozen=True)
class Extraction:
    text: str  # the kept blocks, in page order, separated by a blank line
    title: str | None
    kept: tuple[HtmlBlock, ...]
    dropped: tuple[HtmlBlock, ...]
    metadata: Mapping[str, str]
    sidebar: tuple[SidebarItem, ...]
    fallback: bool = False  # the markup could not be parsed as a tree; blocks are tag-stripped lines
    cut: float = 0.5  # this page's cut: blocks scoring below it were dropped
    _explain: Any = field(default=None, repr=False, compare=False)

    def explain(self, block: HtmlBlock, top: int = 3) -> HtmlBlock:
        """The same block with its evidence and reason filled in (computed on demand)."""
        return self._explain(block, top) if self._explain else block


def _reason(score: float, cut: float, ev: list[tuple[str, float, float]], kept: bool) -> str:
    want = [e for e in ev if (e[2] > 0) == kept] or ev
    rel = ">=" if kept else "<"
    return f"dom score {score:.2f} {rel} page cut {cut:.2f}: " + ", ".join(describe(name, value) for name, value, _ in want)


def extract(html: str | bytes, url: str | None = None, *, explain: bool = False,
            model: _scorer.Scorer | None = None) -> Extraction:
    """Main content, metadata and sidebar items of one HTML page. Never raises on str or bytes input.

    With ``explain=True`` every block carries its evidence and reason (slower: one more pass over
    the trees); otherwise ``Extraction.explain(block)`` computes them for the blocks you ask about.
    ``model`` replaces the shipped scorer (the benchmark passes cross-validation fold models).
    """
    enabled = gc.isenabled()
    gc.disable()  # the walk allocates many small acyclic objects; collecting during it costs 2x
    try:
        return _extract(html, url, explain, model or _scorer.load())
    finally:
        if enabled:
            gc.enable()


def _extract(html: str | bytes, url: str | None, explain: bool, model: _scorer.Scorer) -> Extraction:
    if not isinstance(html, (str, bytes)):
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    dom = walk(html)
    n = len(dom.texts)
    X = matrix(dom)
    Xm = X if model.features == FEATURES else X[:, [COL[f] for f in model.features]]
    plain = dom.fallback or set(dom.tags) <= {"html", "body", "p"}  # no markup to read: text, kept whole
    if plain:
        scores = np.ones(n)
    else:
        scores = model.score(Xm)
    words = X[:, COL["words"]] if n else np.zeros(0)
    if plain:
        keep, cut = np.ones(n, dtype=bool), 0.0
    else:
        product = n > 0 and bool(X[0, COL["ld_product"]] or X[0, COL["og_product"]])
        keep, cut = model.select(scores, words, product)
    heading = np.asarray([dom.tags[o] in ("h1", "h2", "h3", "h4", "h5", "h6") for o in dom.owner], dtype=bool)

    # title: the first <h1> in or before the kept text, voted against og:title, JSON-LD and <title>
    h1 = _first_h1(dom, keep)
    meta = extract_metadata(dom, h1, bylines(dom, words), url)
    if "date" not in meta and n and not plain:
        found = printed_date(dom, words, keep) or _htmldate(html, url)
        if found:
            meta["date"] = found
    title = meta.get("title")
    title_drop: set[int] = set()
    if title:
        # the title line is not repeated at the top of the body
        for i in np.flatnonzero(keep)[:3].tolist():
            if agreement(dom.texts[i], title) >= 0.8:
                title_drop.add(i)
                break
    base = dom.head.get("base")
    base_url = urljoin(url, base) if (url and base) else (base or url)
    ld = np.asarray(dom.link_chars, dtype=np.float32) / np.maximum(
        np.asarray([len(t) for t in dom.texts], dtype=np.float32), 1.0) if n else np.zeros(0)
    items = read_sidebar(dom, keep, words, ld, heading, base_url) if n else []

    reasons: dict[int, tuple[str, tuple[tuple[str, float, float], ...]]] = {}

    def explain_rows(rows: list[int], top: int) -> None:
        todo = [r for r in rows if r not in reasons]
        if not todo or plain:
            for r in todo:
                reasons[r] = ("no markup to read; kept as text", ())
            return
        ev = model.evidence(Xm[todo], top=top)
        for r, e in zip(todo, ev):
            reasons[r] = (_reason(float(scores[r]), cut, e, bool(keep[r])), tuple(e))

    kept_blocks: list[HtmlBlock] = []
    dropped_blocks: list[HtmlBlock] = []
    if explain and n:
        explain_rows(list(range(n)), 3)
    for i in range(n):
        o = dom.owner[i]
        reason, ev = reasons.get(i, ("", ()))
        if i in title_drop:
            reason = "the title, repeated at the top of the body"
        blk = HtmlBlock(i, dom.texts[i], element_path(dom, o), dom.tags[o], float(scores[i]), reason, ev)
        (kept_blocks if keep[i] and i not in title_drop else dropped_blocks).append(blk)

    def _explain(block: HtmlBlock, top: int) -> HtmlBlock:
        explain_rows([block.index], top)
        reason, ev = reasons[block.index]
        if block.index in title_drop:
            reason = "the title, repeated at the top of the body"
        return HtmlBlock(block.index, block.text, block.path, block.tag, block.score, reason, ev)

    return Extraction(
        text="\n\n".join(b.text for b in kept_blocks),
        title=title,
        kept=tuple(kept_blocks),
        dropped=tuple(dropped_blocks),
        metadata=MappingProxyType(meta),
        sidebar=tuple(items),
        fallback=dom.fallback,
        cut=cut,
        _explain=_explain,
    )


def _htmldate(html: str | bytes, url: str | None) -> str | None:
    """htmldate's quick search (no extensive text scan), for pages whose markup names no date.

    It needs lxml.html's element classes, so the page is parsed again; this runs on the pages
    without a JSON-LD, meta or <time> date only (about one in six of WCXB dev).
    """
    try:
        from htmldate import find_date
        from lxml import html as lxml_html

        from .dom import _utf8

        tree = lxml_html.document_fromstring(_utf8(html))
        return find_date(tree, url=url, original_date=True, extensive_search=False)
    except Exception:  # noqa: BLE001 - an optional second opinion never breaks extraction
        return None


def _first_h1(dom: Dom, keep: np.ndarray) -> str | None:
    first = None
    for i, o in enumerate(dom.owner):
        if dom.tags[o] == "h1":
            t = dom.texts[i]
            if first is None:
                first = t
            if keep[i] or (i + 1 < len(keep) and keep[i + 1]):
                return t
    return first
