"""Metadata printed as text: title, wire credit, source line, byline, dateline."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..config import Config
from ..model import Block, Document, ToMeta, ToTitle
from ..patterns import BYLINE, DATELINE, SOURCE_LINE, TRAILING_CREDIT, WIRE_CREDIT_LINE
from ..pipeline import Stage, rule

_TITLE_SEPARATOR = regex.compile(r"\s+[|｜]\s+")
_SECTION_SUFFIX = regex.compile(r"(?P<v>\S.{0,60}?)\s+News", regex.IGNORECASE)


@rule("meta.wire_credit", stage=Stage.META)
def file_wire_credit(block: Block) -> ToMeta | None:
    """File a line that only names a news agency under ``metadata["credit"]``.

    Targets: Associated Press
    Keeps:   Associated Press reporters were at the scene.
    """
    m = WIRE_CREDIT_LINE.fullmatch(block.text)
    if m and block.words <= 10:
        return ToMeta("credit", "wire credit line", value=m.span("v"))
    return None


@rule("meta.trailing_credit", stage=Stage.INLINE, zones=("body", "sidebar"))
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


@rule("meta.source_line", stage=Stage.META)
def file_source_line(block: Block) -> ToMeta | None:
    """File an attribution line under ``metadata["source"]``.

    Targets: Source: commonspace.eu with TASS, RIA Novosti and agencies
    Keeps:   Sources said the talks had stalled.
    """
    m = SOURCE_LINE.fullmatch(block.text)
    if m and block.words <= 24:
        return ToMeta("source", "source attribution line", value=m.span("v"))
    return None


@rule("meta.byline", stage=Stage.META)
def file_byline(block: Block) -> ToMeta | None:
    """File a byline under ``metadata["author"]``.

    Targets: By Jane Smith and Ali Khan, Reuters
    Keeps:   By Monday the talks had collapsed.
    """
    m = BYLINE.fullmatch(block.text)
    if m and block.words <= 14:
        return ToMeta("author", "byline", value=m.span("v"))
    return None


@rule("meta.dateline", stage=Stage.INLINE, zones=("body", "sidebar"))
def file_dateline(block: Block) -> ToMeta | None:
    """Move a leading timestamp/dateline out of the text it prefixes.

    Targets: 7 July 2025 21:04 Washington (AFP)US President Donald Trump said on Monday ...
    Keeps:   Washington said on Monday it would send more weapons.
    """
    m = DATELINE.match(block.text)
    if m and m.end() < len(block.text):
        return ToMeta("dateline", "dateline before the first sentence", span=(0, m.end()), value=m.span("v"))
    return None


@rule("meta.title", stage=Stage.FINAL, context=True)
@dataclass(frozen=True)
class TakeTitle:
    """Take the first body block as the title when it is a headline followed by prose.

    A " | Section News" suffix goes to ``metadata["section"]``, any other " | ..."
    suffix to ``metadata["site"]``. The title is decided after every other rule has
    finished, on the blocks that remain, and only when the next block is not itself
    headline-shaped: so cleaning a clean body never takes its first paragraph.
    Targets: North Korea sending teams to Russia’s Kursk to aid war-hit area’s recovery | Russia-Ukraine war News
    Keeps:   a first line that ends like a sentence, or that is followed by another headline.
    """

    max_words: int

    @classmethod
    def from_config(cls, config: Config) -> TakeTitle:
        return cls(config.max_title_words)

    def headline(self, block: Block) -> bool:
        return block.is_heading and 2 <= block.words <= self.max_words

    def __call__(self, doc: Document) -> Iterator[tuple[int, ToTitle]]:
        body = [b for b in doc.blocks if b.zone == "body"]
        if len(body) < 2 or not self.headline(body[0]) or self.headline(body[1]):
            return
        first = body[0]
        parts = list(_TITLE_SEPARATOR.finditer(first.text))
        if not parts:
            yield first.index, ToTitle("headline before the first paragraph")
            return
        meta: list[tuple[str, int, int]] = []
        bounds = [m.end() for m in parts]
        ends = [m.start() for m in parts[1:]] + [len(first.text)]
        for start, end in zip(bounds, ends):
            m = _SECTION_SUFFIX.fullmatch(first.text, start, end)
            if m and not any(k == "section" for k, _, _ in meta):
                meta.append(("section", m.start("v"), m.end("v")))
            elif not any(k == "site" for k, _, _ in meta):
                meta.append(("site", start, end))
        yield first.index, ToTitle("headline before the first paragraph", end=parts[0].start(), meta=tuple(meta))
