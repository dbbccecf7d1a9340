"""Teaser links to other articles: "... Read More »" inline, "Read more: ..." lines."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Config
from ..model import Block, Cut, Drop
from ..patterns import READ_MORE_LINE, READ_MORE_LINE_WORDS, READ_MORE_MARKER, READ_MORE_MARKER_WORDS, TEASER_START
from ..registry import Stage, rule
from ..text import count_words


_MARKS = ("\u00bb", "\u203a", ">>", "\u2192", "...", "\u2026", "[")


def teaser_start(text: str, marker: int, max_words: int, window_chars: int = 600) -> int | None:
    """Where the teaser headline before ``text[marker:]`` begins, or None if unclear.

    The headline starts after the last sentence end before the marker; a headline
    that ends in "?" or "!" is allowed by trying the boundary before it too.
    """
    lo = max(0, marker - window_chars)
    ends = [m.end() + lo for m in TEASER_START.finditer(text[lo:marker])]
    if lo == 0:
        ends.insert(0, 0)
    for start in reversed(ends):
        n = count_words(text[start:marker])
        if n > max_words:
            return None
        if n >= 1:
            return start
    return None


@rule("teasers.read_more", stage=Stage.INLINE, order=60, zones=("body", "sidebar"), keywords=READ_MORE_MARKER_WORDS)
@dataclass(frozen=True)
class CutReadMoreTeaser:
    """Cut teaser links fused into the text: each headline with its "Read More »".

    Targets: ... but Britain opposes that. Iranians say their hopes of peace have been
             buried by US bombs Read More » "The British view is ...
    Keeps:   She wants people to read more books.
    """

    max_words: int
    window_chars: int = 600

    @classmethod
    def from_config(cls, config: Config) -> CutReadMoreTeaser:
        return cls(config.max_teaser_words, config.teaser_window_chars)

    def __call__(self, block: Block) -> list[Cut]:
        text = block.text
        if not any(mark in text for mark in _MARKS):  # every marker ends in one of these
            return []
        cuts = []
        for m in READ_MORE_MARKER.finditer(text):
            start = teaser_start(block.text, m.start(), self.max_words, self.window_chars)
            if start is None:
                cuts.append(Cut(m.start(), m.end(), "'Read More' marker (teaser headline unclear, kept)"))
            else:
                cuts.append(Cut(start, m.end(), "teaser link to another article"))
        return cuts


@rule("teasers.read_more_line", stage=Stage.LINES, order=120, zones=("body", "sidebar"), keywords=READ_MORE_LINE_WORDS)
def drop_read_more_line(block: Block, config: Config) -> Drop | None:
    """Drop a line that only points to another article.

    Targets: Read more: Trump says US will send more weapons to Ukraine
    Keeps:   Read more about the study in the journal, the authors said.
    """
    if block.words <= config.max_read_more_line_words and READ_MORE_LINE.fullmatch(block.text):
        return Drop("link to another article")
    return None
