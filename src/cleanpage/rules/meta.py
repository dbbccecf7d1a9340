"""Metadata printed as text: title, wire credit, source line, byline, dateline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..config import Config
from ..model import HEADING_TAGS, Block, Decision, Document, ToMeta, ToTitle
from ..patterns import (
    AGE_LINE, AGE_WORDS, AGENCY_WORDS, BYLINE, BYLINE_LABEL_WORDS, BYLINE_WORDS, DATELINE, DATELINE_NEEDS, DATELINE_WORDS, DIGIT,
    LABELLED_BYLINE, SOURCE_LINE, SOURCE_WORDS, TRAILING_CREDIT, UPDATED_LABEL, WIRE_CREDIT_LINE,
)
from ..registry import Stage, rule
from ..text import SPACE_CLASS, count_line_breaks, is_prose

_TITLE_SEPARATOR = regex.compile(r"\s+[|｜]\s+")
_DASH_SITE = regex.compile(r"\s+[-\u2013\u2014]\s+(?P<v>\p{Lu}[^-\u2013\u2014|]{0,60}(?<![.!?]))\Z")
SECTION_SUFFIX = regex.compile(r"(?P<v>\S.{0,60}?)\s+News", regex.IGNORECASE)


def header_zone(doc: Document) -> list[Block]:
    """Body blocks before the first paragraph of prose: where bylines and dates sit."""
    out = []
    for b in doc.blocks:
        if b.zone != "body":
            continue
        if is_prose(b):
            break
        out.append(b)
    return out


def trailer_zone(doc: Document) -> list[Block]:
    """Body blocks after the last paragraph of prose: where credits and sources sit."""
    out = []
    for b in reversed(doc.blocks):
        if b.zone != "body":
            continue
        if is_prose(b):
            break
        out.append(b)
    out.reverse()
    return out


@rule("meta.wire_credit", stage=Stage.META, order=10, context=True, keywords=AGENCY_WORDS)
def file_wire_credit(doc: Document, config: Config) -> Iterator[tuple[Block, ToMeta]]:
    """File a line that only names a news agency, after the article, as ``metadata["credit"]``.

    Targets: Associated Press
    Keeps:   Associated Press reporters were at the scene.
    """
    for block in trailer_zone(doc):
        if not block.mentions(AGENCY_WORDS) or block.words > config.max_wire_credit_words:
            continue
        m = WIRE_CREDIT_LINE.fullmatch(block.text)
        if m:
            yield block, ToMeta("credit", "wire credit line", value=m.span("v"))


@rule("meta.trailing_credit", stage=Stage.INLINE, order=30, zones=("body", "sidebar"), keywords=AGENCY_WORDS)
def file_trailing_credit(block: Block) -> ToMeta | None:
    """File a wire credit glued after a block's last sentence as the credit.

    Targets: ... 'It's most popular among young people,' she said. Agencies
    Keeps:   ... the figures were confirmed to Reuters.
    """
    m = TRAILING_CREDIT.search(block.text)
    if m and m.start() > 0:
        return ToMeta("credit", "wire credit after the last sentence", span=(m.start(), len(block.text)),
                      value=m.span("v"))
    return None


@rule("meta.source_line", stage=Stage.META, order=20, context=True, keywords=SOURCE_WORDS)
def file_source_line(doc: Document, config: Config) -> Iterator[tuple[Block, ToMeta]]:
    """File an attribution line after the article as ``metadata["source"]``.

    A "Source:" line with more article after it (a chart's source) stays in the body.
    Targets: Source: commonspace.eu with TASS, RIA Novosti and agencies
    Keeps:   Sources said the talks had stalled.
    """
    for block in trailer_zone(doc):
        if not block.mentions(SOURCE_WORDS) or block.words > config.max_source_line_words:
            continue
        m = SOURCE_LINE.fullmatch(block.text)
        if m:
            yield block, ToMeta("source", "source attribution line", value=m.span("v"))


@rule("meta.byline", stage=Stage.META, order=30, context=True, keywords=BYLINE_WORDS)
def file_byline(doc: Document, config: Config) -> Iterator[tuple[Block, ToMeta]]:
    """File a byline before the article as ``metadata["author"]``.

    Bylines further down (one per entry on a listing page) stay in the body. Also in German,
    French, Spanish, Portuguese and Italian ("Von", "Par", "Por", "di"); in English with a
    "Written" or "Posted" label and a date after the name.
    Targets: By Jane Smith and Ali Khan, Reuters
             Par Julien Moreau et Claire Dubois
             Written by Dana Whitfield on March 4, 2025
    Keeps:   By Monday the talks had collapsed.
             Von Montag an gilt die neue Regel.
             By Region   (an HTML subheading: a one-word "name" in <h1>-<h6>)
    """
    for block in header_zone(doc):
        if not block.mentions(BYLINE_WORDS) or block.words > config.max_byline_words:
            continue
        m = BYLINE.fullmatch(block.text)
        if m is None and block.mentions(BYLINE_LABEL_WORDS):
            m = LABELLED_BYLINE.fullmatch(block.text)
        if m and block.tag in HEADING_TAGS and len(block.text[slice(*m.span("v"))].split()) < 2:
            continue
        if m:
            yield block, ToMeta("author", "byline", value=m.span("v"))
            return


@rule("meta.date_line", stage=Stage.META, order=40, context=True)
def file_date_lines(doc: Document, config: Config) -> Iterator[tuple[Block, Decision]]:
    """File a date or timestamp line before the article as ``metadata["date"]``.

    An "Updated: ..." line goes to ``metadata["updated"]``. Dates further down
    (forum posts, listing entries) stay in the body. Runs after sidebar cards are
    read, so a card's "10 hours ago" stays the card's age. Dates, times, ages and labels are
    read in English, German, French, Spanish, Portuguese and Italian.
    Targets: Updated: 7 July 2025 21:04
             Publié le 3 mars 2025 à 09h15
    Keeps:   7 July 2025 was the hottest day on record.
    """
    filed: set[str] = set()
    for block in header_zone(doc):
        if not (block.mentions(AGE_WORDS) or DIGIT.search(block.text)) or block.words > config.max_date_line_words:
            continue
        m = block.memo(AGE_LINE, _age_line)  # worked out once a block: the rule runs again after each change
        if not m:
            continue
        key = "updated" if m.group("label") and UPDATED_LABEL.match(m.group("label")) else "date"
        if key not in filed:
            filed.add(key)
            yield block, ToMeta(key, "date line", value=m.span("v"))


def _age_line(block: Block) -> regex.Match[str] | None:
    return AGE_LINE.fullmatch(block.text)


@rule("meta.dateline", stage=Stage.INLINE, order=40, zones=("body", "sidebar"), keywords=DATELINE_WORDS)
def file_dateline(block: Block) -> ToMeta | None:
    """Move a leading timestamp/dateline out of the text it prefixes.

    Targets: 7 July 2025 21:04 Washington (AFP)US President Donald Trump said on Monday ...
             BERLIN, July 7 — Germany's parliament voted on Friday ...
             (CNN) -- The Pennsylvania official was just talking about one area ...   (the "--" too)
    Keeps:   Washington said on Monday it would send more weapons.
             KNIME — short for the Konstanz Information Miner — is a free ... (a term, not a place)
    """
    if not any(c in block.text for c in DATELINE_NEEDS):
        return None  # a quick test first: "May" and "AP" are in many lines that open with no dateline
    m = DATELINE.match(block.text)
    if m and m.end() < len(block.text):
        return ToMeta("dateline", "dateline before the first sentence", span=(0, m.end()), value=m.span("v"))
    return None


def reads_as_cleaned_body(doc: Document) -> bool:
    """Does the page read as a body ``clean()`` gave: every block set apart by a blank line
    (as ``Page.body`` joins them) and nothing of it removed, filed or moved by the rules so
    far? Then what the rules would take from it by shape alone, a first cleaning kept: its
    first line may be a subheading ("Quick summary" heading an HTML page's body, "Products
    Liability - Apr 21, 2017"), a list under "See also" may be what the DOM model read as
    content, and taking either would change the body each time it is cleaned again. Text
    with lines printed one under another ("Title\nFirst paragraph"), and a page that lost
    text to the rules (chrome removed, a byline filed, a card moved), is a page as scraped
    or written."""
    src, pos = doc.text, 0
    ink = _INK.search  # searched in place: what the rules removed may be megabytes between two blocks
    for b in doc.blocks:
        if b.zone != "body":
            return False  # a card the rules moved
        if ink(src, pos, b.start) is not None:
            return False  # text the rules removed or filed
        if pos and count_line_breaks(src[pos:b.start]) == 1:
            return False  # a line right under the one before (no break at all: pieces of one long line)
        if src.find("\n", b.start, b.end) >= 0 or src.find("\r", b.start, b.end) >= 0:
            return False  # lines joined into one block (hard-wrapped text)
        pos = b.end
    return ink(src, pos) is None


_INK = regex.compile(f"[^{SPACE_CLASS}]")  # not whitespace, as str.strip() sees it


@rule("meta.title", stage=Stage.FINAL, order=10, context=True)
@dataclass(frozen=True)
class TakeTitle:
    """Take the first body block as the title when it is a headline followed by prose.

    A " | Section News" suffix goes to ``metadata["section"]``; with several " | "
    parts the last is ``metadata["site"]`` and those before it the section. A " - Site"
    suffix (a spaced dash, then a capitalised name of at most ``max_title_site_words``
    words that does not end like a sentence, after at least ``min_title_words_before_site``
    words) goes to ``metadata["site"]``. The title is decided after every other rule has
    finished, on the blocks that remain, and only when the next block is not itself
    headline-shaped: so cleaning a clean body never takes its first paragraph.
    Targets: North Korea sending teams to Russia’s Kursk to aid war-hit area’s recovery | Russia-Ukraine war News
             How to repot a fiddle-leaf fig - The Green Fork   (title, then site)
    Keeps:   a first line that ends like a sentence, or that is followed by another headline;
             the first line of text that reads as a body clean() gave (blocks set apart by
             blank lines, nothing removed): "Quick summary" heading an HTML page's body, or
             "Products Liability - Apr 21, 2017", cleaned again;
             "New to Astronomy – Best First Telescope Recommendations?" whole;
             every line of an HTML page whose markup names its title; and every line of a
             text page the line model reads (``Config(preview=True)``: ``lines.title`` decides).
    """

    max_words: int
    max_site_words: int
    min_words_before_site: int

    @classmethod
    def from_config(cls, config: Config) -> TakeTitle:
        return cls(config.max_title_words, config.max_title_site_words, config.min_title_words_before_site)

    def headline(self, block: Block) -> bool:
        return block.is_heading and 2 <= block.words <= self.max_words

    def __call__(self, doc: Document) -> Iterator[tuple[Block, ToTitle]]:
        if doc.kind == "html" and doc.found.get("title"):
            return  # the page's markup names its title (dom.title took its block, if it has one)
        if "lines" in doc.analysis:
            # text the line model reads (Config(preview=True)): lines.title decides, on evidence beyond
            # a line's shape; by shape alone, a cleaned body's deck or subheading would be the title
            # the next time the body is cleaned
            return
        body: list[Block] = []
        for b in doc.blocks:
            if b.zone == "body":
                body.append(b)
                if len(body) == 2:
                    break
        if len(body) < 2 or not self.headline(body[0]) or self.headline(body[1]) or reads_as_cleaned_body(doc):
            return
        first = body[0]
        parts = list(_TITLE_SEPARATOR.finditer(first.text))
        if not parts:
            m = _DASH_SITE.search(first.text)
            if (m and len(m.group("v").split()) <= self.max_site_words
                    and len(first.text[:m.start()].split()) >= self.min_words_before_site):
                yield first, ToTitle("headline before the first paragraph", end=m.start(),
                                     meta=(("site", m.start("v"), m.end("v")),))
                return
            yield first, ToTitle("headline before the first paragraph")
            return
        starts = [m.end() for m in parts]
        ends = [m.start() for m in parts[1:]] + [len(first.text)]
        segments = list(zip(starts, ends))
        meta: list[tuple[str, int, int]] = []
        *sections, last = segments
        m = SECTION_SUFFIX.fullmatch(first.text, *last)
        if m and not sections:  # "... | Russia-Ukraine war News"
            meta.append(("section", m.start("v"), m.end("v")))
        else:  # "... | Baking | The Green Fork"
            meta.append(("site", *last))
        if sections:
            a, b = sections[0][0], sections[-1][1]
            m = SECTION_SUFFIX.fullmatch(first.text, a, b)
            meta.append(("section", a, m.end("v") if m else b))
        yield first, ToTitle("headline before the first paragraph", end=parts[0].start(), meta=tuple(meta))
