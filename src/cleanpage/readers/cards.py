"""Reading sidebar sections by shape: headings, cards and their fields.

A sidebar section is a heading followed by cards. A card is a few short lines of
metadata (source, age, "- source", label, category), a headline (sometimes printed
twice) and an optional summary. Cards are recognised by that shape, not by the
site's words, so the same code reads:

    Dubai Eye / 10 hours ago / - Dubai Eye / <headline> / <summary>       (corpus 000, 001, 004)
    Editor's choice / News / <headline> / <headline again> / <summary>   (corpus 003)

A section ends where the shape stops: at another heading, at prose that no headline
introduces, or before a "card" whose summary runs on into more prose (that is the
article continuing, not a card).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

import regex

from ..config import Config
from ..model import Block, Decision, Drop, ToSidebar
from ..phrases import FURNITURE_KEYWORDS, is_furniture_row
from ..patterns import (
    AGE_LINE, AGE_WORDS, CARD_LABEL_LINE, CARD_LABEL_WORDS, CJK_LINK_HEADING_LINE, DASH_SOURCE_LINE, DIGIT,
    LINK_HEADING_LINE, LINK_HEADING_WORDS, SECTION_HEADING_LINE, SECTION_HEADING_WORDS,
)
from ..text import normalise

_HEADING_TAIL = regex.compile(r"(?:\s*\(\d{1,6}\))?[\s:»›>|\-–—…]*\Z")  # "Popular (5):", not "Metro 24"
CATEGORIES = frozenset(
    "news|world|business|sport|sports|politics|opinion|analysis|comment|tech|technology|science|health|"
    "culture|entertainment|lifestyle|travel|economy|markets|features|video|videos|podcast|podcasts|arts|"
    "books|environment|climate|education|local|national|international|europe|asia|africa|americas|"
    "us|uk|middle east|gulf|region|food|style|money|finance|media|law|crime|weather|world news|"
    "us news|uk news|sci-tech|life|society|investigations|explainers|interviews|reviews".split("|")
)
# a section opens at a strong or a weak heading (a card label opens one only when it is also a strong
# heading): a line that names none of these words opens none
_START_WORDS = LINK_HEADING_WORDS | SECTION_HEADING_WORDS
# the words of every line ``CardReader._marked_kind`` names (an age may name a digit instead)
_MARKED_WORDS = AGE_WORDS | CARD_LABEL_WORDS | _START_WORDS
_DASHES = ("-", "\u2013", "\u2014")


class Kind(Enum):
    AGE = "age"
    DASH = "dash"  # "- Dubai Eye"
    LABEL = "label"  # "Editor's choice"
    HEADING = "heading"  # a section heading
    SHORT = "short"  # headline-shaped, few words: a source, a category or a short headline
    TITLE = "title"  # headline-shaped, too long to be metadata
    PROSE = "prose"
    FURNITURE = "furniture"  # a row of site links: "About Us | Privacy Policy | Cookie Settings"


# The kinds by their bare names, which the reader compares dozens of times a card: on Python 3.11
# ``Kind.AGE`` goes through ``EnumType.__getattr__`` and costs about five times a global name.
AGE, DASH, LABEL, HEADING, SHORT, TITLE, PROSE, FURNITURE = (Kind.AGE, Kind.DASH, Kind.LABEL, Kind.HEADING, Kind.SHORT,
                                                             Kind.TITLE, Kind.PROSE, Kind.FURNITURE)
#: the decision on a link label printed under each item of a list whose copies other rules removed
PRINTED_LABEL = Drop("link label printed under each item of a list, its copies removed already")
_HEADLINES = (SHORT, TITLE)
_META = (AGE, DASH, LABEL)  # the lines above a headline
_AFTER_HEADLINE = (AGE, DASH)  # the metadata that may also follow a headline


@dataclass(slots=True)
class Card:
    key: int
    section: str  # the name of the heading it is listed under
    decisions: list[tuple[Block, Decision]] = field(default_factory=list)
    evidence: bool = False  # has metadata or a repeated headline, not just a headline
    summary: bool = False
    guessed: list[int] = field(default_factory=list)  # decisions whose role was guessed from one lone line


def heading_name(block: Block) -> str:
    return _HEADING_TAIL.sub("", block.text) or block.text


def _keys_around(source: str, head: Block, n: int) -> Iterator[str]:
    """The ``Block.key`` of each of the ``n`` non-blank lines of ``source`` above ``head``'s line,
    nearest first, then of the ``n`` below it; a line far longer than ``head`` is no copy of it
    and is passed over unread ("" for it)."""
    longest = 4 * len(head.text) + 16
    for step in (-1, 1):
        pos = source.rfind("\n", 0, head.start) if step < 0 else source.find("\n", head.end)
        found = 0
        while found < n and pos >= 0:
            if step < 0:
                prev = source.rfind("\n", 0, pos)
                lo, hi, pos = prev + 1, pos, prev
            else:
                nxt = source.find("\n", pos + 1)
                lo, hi, pos = pos + 1, (len(source) if nxt < 0 else nxt), nxt
            if hi - lo > longest:
                found += 1
                yield ""
                continue
            line = source[lo:hi].strip()
            if line:
                found += 1
                yield normalise(line)


def is_link_heading(block: Block, max_words: int = 8) -> bool:
    """"Related Articles", "Most read", "相关新闻": a heading that only ever introduces links elsewhere."""
    if block.words > max_words:
        return False
    if block.mentions(LINK_HEADING_WORDS):
        return LINK_HEADING_LINE.fullmatch(block.text) is not None
    return _cjk_link_heading(block.text)


def _cjk_link_heading(text: str) -> bool:
    """A related-list heading in Chinese, Japanese or Korean, which has no ASCII keyword to be found by."""
    return not text.isascii() and CJK_LINK_HEADING_LINE.fullmatch(text) is not None


def is_weak_heading(block: Block, max_words: int = 4) -> bool:
    """"Popular", "Latest": a heading that opens a sidebar section only when cards follow."""
    return (block.words <= max_words and block.mentions(SECTION_HEADING_WORDS)
            and SECTION_HEADING_LINE.fullmatch(block.text) is not None)


class _Kinds(dict):  # type: ignore[type-arg]
    """``kinds[i]`` is the kind of ``body[i]``, worked out once per block (``Block.memo``).

    A dict with ``__missing__``: once known, a kind is looked up without a Python call.
    """

    def __init__(self, body: Sequence[Block], reader: CardReader) -> None:
        super().__init__()
        self.body, self.reader = body, reader

    def __missing__(self, i: int) -> Kind:
        k = self[i] = self.body[i].memo(self.reader, self.reader.kind)
        return k

    def __len__(self) -> int:
        return len(self.body)


@dataclass(frozen=True, eq=False)  # eq=False: hashed by identity, a cheap Block.memo key
class CardReader:
    """Reads sidebar sections and their cards off a run of body blocks, by shape."""

    max_meta_words: int = 6
    max_headline_words: int = 30
    min_summary_words: int = 8
    max_meta_lines: int = 4
    max_age_words: int = 8
    max_label_words: int = 5
    max_heading_words: int = 8
    max_weak_heading_words: int = 4
    # a heading printed more often than this among the ``repeat_lines`` lines before and after it is
    # the label of a link under each item of a list ("Read More" after every teaser of a listing)
    max_heading_repeats: int = 2
    repeat_lines: int = 20

    @classmethod
    def from_config(cls, config: Config) -> CardReader:
        return cls(config.max_card_meta_words, config.max_headline_words, config.min_summary_words,
                   config.max_card_meta_lines, config.max_age_words, config.max_card_label_words,
                   config.max_section_heading_words, config.max_weak_heading_words,
                   config.max_section_heading_repeats, config.heading_repeat_lines)

    def is_age(self, b: Block) -> bool:
        return (b.words <= self.max_age_words and (b.mentions(AGE_WORDS) or DIGIT.search(b.text) is not None)
                and AGE_LINE.fullmatch(b.text) is not None)

    def is_label(self, b: Block) -> bool:
        return (b.words <= self.max_label_words and b.mentions(CARD_LABEL_WORDS)
                and CARD_LABEL_LINE.fullmatch(b.text) is not None)

    def is_strong_heading(self, b: Block) -> bool:
        return is_link_heading(b, self.max_heading_words)

    @cached_property
    def _max_marked_words(self) -> int:
        """The most words an age, a label, a heading or a "- source" line may have."""
        return max(self.max_age_words, self.max_label_words, self.max_heading_words,
                   self.max_weak_heading_words, self.max_meta_words)

    def kind(self, b: Block) -> Kind:
        text = b.text
        # most lines are headlines or prose: the tests below need their words, a digit or a dash
        if b.words <= self._max_marked_words and (
                not _MARKED_WORDS.isdisjoint(b._kw) or text.startswith(_DASHES) or DIGIT.search(text)
                or _cjk_link_heading(text)):
            marked = self._marked_kind(b)
            if marked is not None:
                return marked
        if b.words > 1 and not b.ends_sentence and b.mentions(FURNITURE_KEYWORDS) and is_furniture_row(text):
            return FURNITURE
        if b.is_heading and b.words <= self.max_headline_words:
            return SHORT if b.words <= self.max_meta_words else TITLE
        return PROSE

    def _marked_kind(self, b: Block) -> Kind | None:
        """An age, a label, a section heading or a "- source" line, by its words; else None."""
        if self.is_age(b):
            return AGE
        if self.is_label(b):
            return LABEL
        if self.is_strong_heading(b) or is_weak_heading(b, self.max_weak_heading_words):
            return HEADING
        if (b.text.startswith(_DASHES) and b.words <= self.max_meta_words and DASH_SOURCE_LINE.fullmatch(b.text)
                and not b.ends_sentence):
            return DASH
        return None

    def is_summary(self, b: Block, kind: Kind) -> bool:
        return kind is PROSE and (b.words >= self.min_summary_words or b.ends_sentence)

    def sections(self, body: Sequence[Block], source: str | None = None) -> Iterator[tuple[Block, Decision]]:
        """Decisions for every section (heading + cards) found in ``body``, in order.

        ``source``: the text the blocks' offsets point into (``Document.text``). A heading
        repeated among the blocks of ``body`` around it is a link label, and stays; with
        ``source``, so is one repeated among the lines printed around it whose copies other
        rules removed, and it is dropped (``PRINTED_LABEL``)."""
        kinds = _Kinds(body, self)
        done = 0  # body[:done] belongs to sections already read
        for i in self._start_candidates(body):
            if i < done:
                continue
            head = body[i]
            strong = head.memo(self._opening_key, self._opening)
            if strong is not None:
                if self._label_of_items(body, i):
                    continue  # a link's label under every item, not a heading
                if source is not None and head.memo(self._printed_key, lambda b: self._printed_around(source, b)):
                    # the same, but other rules removed its copies: the last one goes too, or the
                    # page cleaned again would show it alone, and it would open a section there
                    yield head, PRINTED_LABEL
                    continue
                section = heading_name(head)
                # a weak heading needs evidence in its first card: read the rest only then
                cards, end = self._cards(body, kinds, i + 1, section, first_needs_evidence=not strong, source=source)
                if cards and (strong or cards[0].evidence):
                    _settle_lone_lines(cards, section)
                    yield head, ToSidebar("heading", cards[0].key, section, "sidebar section heading")
                    for card in cards:
                        yield from card.decisions
                    while end < len(body) and kinds[end] is FURNITURE:  # the footer's links, not a card
                        yield body[end], Drop("row of site links (privacy, terms, contact) after a sidebar section")
                        end += 1
                    done = end
                    continue
                if strong and (i + 1 == len(body) or kinds[i + 1] is HEADING):
                    yield head, Drop("related-links heading with nothing under it")

    def _label_of_items(self, body: Sequence[Block], i: int) -> bool:
        """Is the heading ``body[i]`` printed more than ``max_heading_repeats`` times among the
        ``repeat_lines`` lines before and after it: the label of a link under each item of a
        list? A page that opens a related list twice, or prints its template again far below
        (pages joined into one), is not one."""
        near = body[max(i - self.repeat_lines + 1, 0):i + self.repeat_lines]
        return self._repeated(body[i].key, (b.key for b in near))  # "the same line", as dedupe reads it

    def _printed_around(self, source: str, head: Block) -> bool:
        """``_label_of_items`` read off the page as printed: the non-blank lines of ``source``
        around ``head`` (whose offsets point into it), so that copies another rule has
        removed already still count. A line model that drops all but one "Read More" under a
        list's items must not leave that one to open a section (BeautifulSoup text, where
        each link is a line)."""
        return self._repeated(head.key, _keys_around(source, head, self.repeat_lines - 1), seen=1)

    def _repeated(self, key: str, keys: Iterable[str], seen: int = 0) -> bool:
        """Are more than ``max_heading_repeats`` of ``keys`` (and ``seen`` copies already) ``key``?"""
        for k in keys:
            if k == key:
                seen += 1
                if seen > self.max_heading_repeats:
                    return True
        return False

    def _opening(self, b: Block) -> bool | None:
        """Does ``b`` open a section: as a strong heading (True), as a weak one (False: its
        first card must show evidence), or not at all (None)? Worked out once per block."""
        strong = self.is_strong_heading(b)
        if not strong and not is_weak_heading(b, self.max_weak_heading_words):
            return None  # neither heading: whatever its kind, the line opens nothing
        kind = b.memo(self, self.kind)
        return strong if kind is HEADING or (kind is LABEL and strong) else None

    @cached_property
    def _opening_key(self) -> tuple[CardReader, str]:
        """``Block.memo``'s key for ``_opening`` (its key for ``kind`` is the reader itself)."""
        return (self, "opening")

    @cached_property
    def _printed_key(self) -> tuple[CardReader, str]:
        """``Block.memo``'s key for ``_printed_around``: a block's page, and so its source, never changes."""
        return (self, "printed")

    def _start_candidates(self, body: Sequence[Block]) -> list[int]:
        """Indices of the lines that may open a section: a superset of the strong and weak
        headings, found from word counts and keywords alone, before any line's kind is read."""
        longest = max(self.max_heading_words, self.max_weak_heading_words)
        names_none = _START_WORDS.isdisjoint
        return [i for i, b in enumerate(body) if b.words <= longest
                and (not names_none(b._kw) or _cjk_link_heading(b.text))]

    def _cards(self, body: Sequence[Block], kinds: Sequence[Kind], start: int, section: str, *,
               first_needs_evidence: bool = False, source: str | None = None) -> tuple[list[Card], int]:
        cards: list[Card] = []
        k = start
        meta_first: bool | None = None
        while k < len(body):
            bare = bool(cards) and not cards[-1].evidence and not cards[-1].summary
            card, end, led_by_meta = self._card(body, kinds, k, section, meta_first, bare, source)
            if card is None:
                break
            if card.summary and end < len(body) and kinds[end] is PROSE:
                break  # the "summary" runs on into more prose: the article continues here
            if meta_first is None:
                meta_first = led_by_meta
            cards.append(card)
            k = end
            if first_needs_evidence and len(cards) == 1 and not card.evidence:
                break  # the section will be refused whatever follows
        return cards, k

    def _card(self, body: Sequence[Block], kinds: Sequence[Kind], k: int, section: str,
              meta_first: bool | None, bare: bool, source: str | None = None) -> tuple[Card | None, int, bool]:
        n = len(body)
        h = self._find_headline(body, kinds, k, bare)
        if h is None:
            return None, k, False
        card = Card(body[k].start, section)
        if h > k:
            self._assign_meta(card, body, kinds, k, h)
        headline = body[h]
        card.decisions.append((headline, ToSidebar("title", card.key, section, "card headline")))
        j = h + 1
        if j < n and body[j].text == headline.text:
            card.decisions.append((body[j], Drop("card headline printed twice")))
            card.evidence = True
            j += 1
        if not meta_first:  # headline-first layout: age / "- source" may follow the headline
            while j < n and kinds[j] in _AFTER_HEADLINE and j - h <= 2:
                self._assign_meta(card, body, kinds, j, j + 1)
                j += 1
        # a summary is printed right under its headline: not a line that other rules' removals
        # brought up to it ("This site is protected by hCaptcha ..." after a comment form's lines)
        if j < n and self.is_summary(body[j], kinds[j]) and (source is None or _adjacent(source, body[j - 1], body[j])):
            card.decisions.append((body[j], ToSidebar("summary", card.key, section, "card summary")))
            card.summary = True
            j += 1
        return card, j, h > k

    def _find_headline(self, body: Sequence[Block], kinds: Sequence[Kind], k: int, bare: bool) -> int | None:
        """Index of the card headline at or after ``k``; the lines before it are metadata.

        ``bare``: the section so far lists headlines only, so a short line is a headline too.
        """
        n = len(body)
        stop = min(n, k + self.max_meta_lines + 1)
        for h in range(k, stop - 1):  # a headline printed twice is the headline, whatever precedes it
            kind = kinds[h]
            if kind is PROSE or kind is HEADING or kind is FURNITURE:
                break
            if kind in _HEADLINES and body[h + 1].text == body[h].text:
                return h
        for h in range(k, stop):
            kind = kinds[h]
            if kind in _META:
                continue
            if kind not in _HEADLINES:
                return None  # prose or a new heading before any headline
            nxt = kinds[h + 1] if h + 1 < n else None
            if kind is TITLE or (h + 1 < n and body[h + 1].text == body[h].text):
                return h
            after_meta = h > k and kinds[h - 1] in _AFTER_HEADLINE
            if nxt is AGE and not after_meta:
                if self._source_before_age(kinds, h):
                    continue  # "Dubai Eye" before "10 hours ago" is the source
                return h  # "Headline / 2 hours ago / Headline / 5 hours ago"
            if body[h].text.casefold() in CATEGORIES:
                continue  # "News" before the headline is its category
            if h + 2 < n and body[h + 2].text == body[h + 1].text and nxt in _HEADLINES:
                continue  # the next line is the headline, printed twice
            if h > k and kinds[h - 1] is LABEL and nxt in _HEADLINES:
                continue  # "Editor's choice / Middle East / headline": label, then category
            if nxt is SHORT and not bare and h + 2 < n and self.is_summary(body[h + 2], kinds[h + 2]):
                continue  # "Wildlife / Elephant numbers rise / <summary>": the next line is the headline
            if bare or after_meta or nxt in (None, PROSE, HEADING, SHORT, AGE):
                return h
            if nxt is TITLE and (body[h].words >= 5 or not self._has_body(kinds, h + 1)):
                return h  # a short headline in a list of headlines, not a source
        return None

    @staticmethod
    def _source_before_age(kinds: Sequence[Kind], h: int) -> bool:
        """Is the short line at h, followed by an age, the card's source (meta-first layout)?

        Yes in "Dubai Eye / 10 hours ago / - Dubai Eye / headline" and
        "Dubai Eye / 10 hours ago / headline / summary"; no when headlines and ages
        alternate ("headline / 2 hours ago / headline / 5 hours ago") or the age is
        followed by the summary ("headline / 2 hours ago / summary").
        """
        after = kinds[h + 2] if h + 2 < len(kinds) else None
        if after is DASH:
            return True
        if after in (SHORT, TITLE):
            return (kinds[h + 3] if h + 3 < len(kinds) else None) is not AGE
        return False

    @staticmethod
    def _has_body(kinds: Sequence[Kind], h: int) -> bool:
        """Does the headline at h have a summary or per-card metadata after it?"""
        nxt = kinds[h + 1] if h + 1 < len(kinds) else None
        return nxt in (PROSE, AGE, DASH)

    def _assign_meta(self, card: Card, body: Sequence[Block], kinds: Sequence[Kind], k: int, h: int) -> None:
        """Give the metadata lines body[k:h] their fields.

        An age is an age and "- X" a source; a short line just before an age is the
        source. Other lines are read in order as label then category ("Editor's
        choice / News", "Analysis / Politics"); a lone one is a category when it
        names a section ("News"), else the source ("BBC").
        """
        filled = {role: block.text for role, block, _ in card_fields(card)}
        free = [j for j in range(k, h) if kinds[j] not in (AGE, DASH)
                and not (j + 1 < h and kinds[j + 1] is AGE)]
        for j in range(k, h):
            b, kind = body[j], kinds[j]
            value: tuple[int, int] | None = None
            if kind is AGE:
                role = "age" if "age" not in filled else "label"
            elif kind is DASH:
                m = DASH_SOURCE_LINE.fullmatch(b.text)
                assert m is not None
                if filled.get("source") == m.group("v"):
                    card.decisions.append((b, Drop("card source printed twice")))
                    card.evidence = True
                    continue
                role, value = ("source", m.span("v")) if "source" not in filled else ("label", None)
            elif j not in free:
                role = "source" if "source" not in filled else "label"
            elif kind is LABEL or (len(free) > 1 and "label" not in filled and "category" not in filled):
                role = "label" if "label" not in filled else "category"
            elif b.text.casefold() in CATEGORIES or "label" in filled:
                role = "category" if "category" not in filled else "source"
            else:
                role = "source" if "source" not in filled else "category"
                card.guessed.append(len(card.decisions))
            filled[role] = b.text if value is None else b.text[value[0]:value[1]]
            card.decisions.append((b, ToSidebar(role, card.key, card.section, f"card {role}", value)))
            card.evidence = True


def _adjacent(source: str, a: Block, b: Block) -> bool:
    """Are blocks ``a`` and ``b`` (``b`` after ``a``) printed with no other non-blank line between them in
    ``source``, the text their offsets point into? Cut-off pieces of their own lines do not count."""
    gap = source[a.end:b.start]
    if "\n" not in gap:
        return True
    return not gap[gap.index("\n"):gap.rindex("\n")].strip()


def _settle_lone_lines(cards: list[Card], section: str) -> None:
    """Read a lone line above a headline the same way across a section.

    "Wildlife" alone above a headline was guessed to be a source; it is a category
    when a sibling card's lone line is a known category ("Travel"), or when the
    section lists one site's own stories ("More from The Safari Post").
    """
    guessed = [(card, i) for card in cards for i in card.guessed]
    if not guessed:
        return
    known = any(d.role == "category" and b.text.casefold() in CATEGORIES
                for card in cards for b, d in card.decisions if isinstance(d, ToSidebar))
    if not (known or section.casefold().startswith("more from")):
        return
    for card, i in guessed:
        block, d = card.decisions[i]
        assert isinstance(d, ToSidebar)
        card.decisions[i] = (block, ToSidebar("category", d.card, d.section, "card category", d.value))


def card_fields(card: Card) -> Iterator[tuple[str, Block, ToSidebar]]:
    for block, d in card.decisions:
        if isinstance(d, ToSidebar):
            yield d.role, block, d
