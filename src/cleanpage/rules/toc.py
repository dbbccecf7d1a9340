"""Tables of contents: a list of the article's own subheadings printed above it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Config
from ..model import Block, Document, Drop
from ..patterns import TOC_HEADING_LINE, TOC_HEADING_WORDS, TOC_NUMBERING
from ..registry import Stage, rule
from ..text import normalise


def _entry_key(text: str) -> str:
    """An entry or a subheading without its numbering, case or spacing: "2. Why it works" is "why it works"."""
    m = TOC_NUMBERING.match(text)
    return normalise(text[m.end():] if m else text)


@rule("toc.contents", stage=Stage.LINES, order=3, context=True, keywords=TOC_HEADING_WORDS, once=True)
@dataclass(frozen=True)
class DropTableOfContents:
    """Drop a table of contents whose entries the page prints again as its subheadings.

    The heading, then a run of short lines that are not sentences; at least
    ``toc_min_repeated`` of them, and half, must come back further down. The list ends
    at its last entry printed again before two in a row that are not (a menu that follows
    it, or the article's headline). Runs once, on the page as first read.
    Targets: Table of Contents / Why repot in spring / What you need / Step by step
             (each entry a subheading of the article below)
    Keeps:   a "Contents" heading over lines the page does not repeat (a list that is
             the content itself), and the subheadings themselves.
    """

    max_heading_words: int
    max_entries: int
    max_entry_words: int
    min_repeated: int

    @classmethod
    def from_config(cls, config: Config) -> DropTableOfContents:
        return cls(config.toc_max_heading_words, config.toc_max_entries, config.toc_max_entry_words,
                   config.toc_min_repeated)

    def __call__(self, doc: Document) -> Iterator[tuple[Block, Drop]]:
        most, names_none, heading = self.max_heading_words, TOC_HEADING_WORDS.isdisjoint, TOC_HEADING_LINE.fullmatch
        if not any(b.words <= most and not names_none(b._kw) and heading(b.text) for b in doc.blocks):
            return  # one pass over the page, without a list of its body: most pages have no such heading
        body = doc.body
        last: dict[str, int] = {}  # each line's key -> the last line that has it, made when first needed
        done = 0  # body[:done] is read: a page may print its table twice (at the top, and again lower down)
        for i, head in enumerate(body):
            if i < done or head.words > most or names_none(head._kw) or not heading(head.text):
                continue
            keys = self._run(body, i)
            if len(keys) < self.min_repeated:
                continue
            if not last:  # only a line as short as an entry can print one again
                last = {_entry_key(b.text): k for k, b in enumerate(body) if b.words <= self.max_entry_words}
            n, repeated = _listed(keys, last, i + 1 + len(keys))
            if repeated >= self.min_repeated and 2 * repeated >= n:
                yield head, Drop("table of contents heading")
                for b in body[i + 1:i + 1 + n]:
                    yield b, Drop("table of contents entry: printed again below as a subheading")
                done = i + 1 + n

    def _run(self, body: list[Block], i: int) -> list[str]:
        """The keys of the short lines that are not sentences under the heading ``body[i]``, up
        to the first that repeats one of them (the article's own first subheading)."""
        keys: list[str] = []
        for b in body[i + 1:i + 1 + self.max_entries]:
            if b.words > self.max_entry_words or b.ends_sentence:
                break
            key = _entry_key(b.text)
            if key in keys:
                break
            keys.append(key)
        return keys


def _listed(keys: list[str], last: dict[str, int], below: int) -> tuple[int, int]:
    """(entries, entries printed again at or after line ``below``) of the table whose run of
    lines has ``keys``: it ends at its last entry printed again before two in a row that are
    not. ``last``: each key's last line."""
    n = repeated = 0
    for k, key in enumerate(keys):
        if last.get(key, -1) >= below:
            n, repeated = k + 1, repeated + 1
        elif k - n >= 1:
            break
    return n, repeated
