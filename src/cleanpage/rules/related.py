"""Related/popular/recommended lists: sections of teaser cards, and cards listed twice.

How a section and its cards are read lives in ``readers/cards.py``; these rules
decide what to do with them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..model import Block, Decision, Document, Drop, MergeCard, ToSidebar
from ..readers.cards import PRINTED_LABEL, CardReader
from ..registry import Stage, rule
from ..text import is_prose
from .meta import reads_as_cleaned_body

BARE_MIN_WORDS = 3  # text input: bare list items this short are links, not teaser cards
CONTENT_SECTION_SHARE = 0.5  # text input: a section the line model keeps this much of is content


@rule("related.sections", stage=Stage.STRUCTURE, order=10, context=True)
@dataclass(frozen=True)
class SegmentSidebarSections:
    """Move related/popular lists out of the body, one sidebar card per teaser.

    Without the line model (text input and the default rules), the links of three words or fewer
    that such a heading runs into (a menu or footer: "Careers", "Privacy Policy") are removed,
    not filed as cards; with it, they stay for the model to judge.

    Headings are read in English, German, French, Spanish, Portuguese and Italian, and in
    Chinese, Japanese and Korean ("相关新闻", "関連記事", "관련 기사").
    Targets: Related Articles / Dubai Eye / 10 hours ago / - Dubai Eye / Ukraine urges
             investigation into alleged Russian chemical weapons use / Ukraine asked ...
             Mehr zum Thema / Neue Ladesäulen am Bahnhof in Betrieb genommen / vor 3 Stunden
    Keeps:   a heading such as "Popular" followed by the article's own paragraphs, a
             lone subheading followed by prose, a link label printed under every item
             ("Read More" three times within 20 lines; if other rules removed its copies, the
             last one is dropped too), a sentence that other rules' removals brought up under
             a card's headline (a summary is printed right under it), and the lists of a page
             that has no article outside them (a listing page: its lists are its content); for text
             input, also a list whose words the line model mostly reads as content, and every
             list of text laid out as a body clean() gives that loses nothing to the other
             rules (``meta.reads_as_cleaned_body``: a list a first cleaning kept, such as an HTML
             page's "See also" the DOM model read as content). On
             HTML pages with markup, everything: ``dom.related`` reads modules from the DOM.
    """

    reader: CardReader
    min_scored_lines: int = 20

    @classmethod
    def from_config(cls, config: Config) -> SegmentSidebarSections:
        return cls(CardReader.from_config(config), config.min_scored_lines)

    def __call__(self, doc: Document) -> Iterator[tuple[Block, Decision]]:
        dom = doc.analysis.get("dom")
        if dom is not None and dom.scores is not None:
            return  # an HTML page with markup: dom.related read its modules from the DOM
        if reads_as_cleaned_body(doc):
            return  # a list a first cleaning kept (an HTML page's "See also" the DOM model read as content)
        body = doc.body
        planned = list(self.reader.sections(body, doc.text))
        if not planned:
            return
        labels = [(b, d) for b, d in planned if d is PRINTED_LABEL]
        if labels:
            planned = [(b, d) for b, d in planned if d is not PRINTED_LABEL]
        a = doc.analysis.get("lines")
        if a is not None and len(a.keep) >= self.min_scored_lines:
            planned = _without_content_sections(planned, a)
        elif a is None:
            planned = _links_dropped(planned)
        taken = {id(b) for b, _ in planned}
        if not any(is_prose(b) for b in body if id(b) not in taken):
            # nothing but lists: a listing or collection page, whose lists are the content
            return
        yield from labels
        yield from planned


def _sections(planned: list[tuple[Block, Decision]]) -> list[list[tuple[Block, Decision]]]:
    """The planned decisions cut into sections, each opening with its heading."""
    sections: list[list[tuple[Block, Decision]]] = []
    for b, d in planned:
        if isinstance(d, ToSidebar) and d.role == "heading" or not sections:
            sections.append([])
        sections[-1].append((b, d))
    return sections


def _bare_links(sec: list[tuple[Block, Decision]]) -> set[int]:
    """The cards of a section that are links, not teasers: a "headline" of three words or fewer
    with nothing but a summary, if that ("Apartment", "Marketing Efficiency", "Privacy Policy"):
    a menu, tag list or footer run under the heading."""
    bare_short = {d.card for b, d in sec if isinstance(d, ToSidebar) and d.role == "title"
                  and b.words <= BARE_MIN_WORDS}
    for _b, d in sec:
        if type(d) is not ToSidebar or d.role not in ("heading", "title", "summary"):
            bare_short.discard(getattr(d, "card", None))
    return bare_short


def _links_dropped(planned: list[tuple[Block, Decision]]) -> list[tuple[Block, Decision]]:
    """Text input without the line model: a section's link cards (``_bare_links``) with no
    summary are a run of navigation or footer links, removed as chrome rather than filed as
    items; so is the heading of a section that holds nothing else."""
    out: list[tuple[Block, Decision]] = []
    for sec in _sections(planned):
        # a link with a summary under it stays a card: the summary may be the page's own text
        links = _bare_links(sec) - {d.card for _b, d in sec if isinstance(d, ToSidebar) and d.role == "summary"}
        if not links:
            out.extend(sec)
            continue
        rest = [(b, d) for b, d in sec[1:] if not (isinstance(d, ToSidebar) and d.card in links)]
        head_b, head_d = sec[0]
        first = next((d.card for _b, d in rest if isinstance(d, ToSidebar)), None)
        if isinstance(head_d, ToSidebar) and head_d.role == "heading":
            if first is None:
                out.append((head_b, Drop("sidebar heading over nothing but short links (a menu or footer run)")))
            else:
                out.append((head_b, head_d._replace(card=first)))
        else:
            rest.insert(0, (head_b, head_d))
        for b, d in sec[1:]:
            if isinstance(d, ToSidebar) and d.card in links:
                out.append((b, Drop("link of three words or fewer under a sidebar heading: a menu or footer "
                                    "run, not a teaser card")))
        out.extend(rest)
    out.sort(key=lambda bd: bd[0].start)
    return out


def _without_content_sections(planned: list[tuple[Block, Decision]], a: Any) -> list[tuple[Block, Decision]]:  # noqa: ANN401
    """Text input: leave out the lists of bare headlines (no source, age or label lines) whose
    words the line model mostly reads as the page's content: a listing page's list, not a sidebar."""
    out: list[tuple[Block, Decision]] = []
    keep = a.keep
    for sec in _sections(planned):
        # in a list, a link card (``_bare_links``) is a menu or tag list, which the line model
        # judges, not a teaser card
        bare_short = _bare_links(sec)
        if bare_short:
            sec = [(b, d) for b, d in sec if not (isinstance(d, ToSidebar) and d.role != "heading"
                                                  and d.card in bare_short)]
            first = next((d.card for _b, d in sec[1:] if isinstance(d, ToSidebar)), None)
            if first is None:
                continue
            head_b, head_d = sec[0]
            if isinstance(head_d, ToSidebar):
                sec[0] = (head_b, head_d._replace(card=first))
        if any(type(d) is not ToSidebar or d.role not in ("heading", "title", "summary") for _b, d in sec):
            # cards with sources, ages or labels, or a headline printed twice, are cards whatever
            # the model says (seeds 003 and 004: it takes long card summaries for the article)
            out.extend(sec)
            continue
        kept = total = 0
        for b, _d in sec[1:]:
            k = a.index(b)
            total += b.words
            if k is not None and keep[k]:
                kept += b.words
        if total and kept / total >= CONTENT_SECTION_SHARE:
            continue
        out.extend(sec)
    return out


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def _field(blocks: list[Block], role: str) -> str:
    """The text of a card's first block in ``role``, without case or spacing differences; "" if none."""
    return next((_norm(b.text) for b in blocks if b.role == role), "")


@rule("related.duplicate_card", stage=Stage.STRUCTURE, order=20, context=True, zones=("sidebar",))
def merge_duplicate_cards(doc: Document) -> Iterator[tuple[Block, MergeCard]]:
    """Keep one item for a card listed again under another heading.

    A copy without a summary (a headline-only list) matches a copy with one.
    Targets: the "Opinion: Women, Peace and Security: Words Endure, but Government Action
             Lags" card printed under both "Related articles" and "Popular" (corpus 003).
    Keeps:   two cards that share a source or a label but not their headline.
    """
    cards: dict[int, list[Block]] = {}
    for b in [b for b in doc.blocks if b.zone == "sidebar"]:  # most blocks are body: one comprehension
        if b.card is not None:
            cards.setdefault(b.card, []).append(b)
    first: dict[str, tuple[int, list[Block]]] = {}  # title -> (card key, its blocks)
    for key, blocks in cards.items():
        title = _field(blocks, "title")
        if not title:
            continue
        if title not in first:
            first[title] = (key, blocks)
            continue
        # the summaries are compared only for a headline listed twice, so read only then
        into, first_blocks = first[title]
        summary, first_summary = _field(blocks, "summary")[:300], _field(first_blocks, "summary")[:300]
        if summary and first_summary and summary != first_summary:
            continue  # same headline, different story
        section = blocks[0].section or ""
        for b in blocks:
            yield b, MergeCard(into, section, f"same card as one listed earlier; also under {section!r}")
