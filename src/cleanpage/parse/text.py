"""Plain text -> Document: one block per non-blank line, offsets into the input itself.

A line longer than ``max_block_chars`` is read as several blocks, cut after a sentence
end (else at a space) near every ``max_block_chars`` characters: a scraper that lost
every line break hands over megabytes on one line, and every edit to a block costs
time in proportion to its length. Cuts fall on whitespace only, so no word is split.

With a line analyser (``lines.analysis.LineAnalyser``, which ``Cleaner`` binds from its
``Config``), the page's lines are also scored here, once: the analysis goes to
``Document.analysis["lines"]`` and each block's probability of being content to its
``Origin.score``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from operator import attrgetter
from typing import Any

import regex

from ..model import Block, Document, set_scores, text_block
from ..text import SHARE_KEYWORDS_FROM, SPACE_CLASS, count_words, keywords, line_parts, lines

#: the default of ``Config.max_block_chars``
MAX_BLOCK_CHARS = 10_000

WHITESPACE = f"[{SPACE_CLASS}]"  # whitespace as str.strip() sees it
# searched backwards ((?r)): the last sentence end, or space, in a window. (?!...): a sentence
# end's spaces are tried from the end of their run only; tried from every space of a run, the
# search paid the run's square (1.4 s for 5,000 spaces), and it finds the same matches
_LAST_SENTENCE_END = regex.compile(
    rf"(?r)[.!?\u2026][\"'\u2019\u201d)\]]{{0,3}}{WHITESPACE}+(?!{WHITESPACE})")
_LAST_SPACE = regex.compile(rf"(?r){WHITESPACE}+")
_SPACE = regex.compile(rf"{WHITESPACE}*")
_NEXT_SPACE = regex.compile(rf"{WHITESPACE}+")

Analyser = Callable[[list[str], list[int], list[int]], Any]
_TEXT, _START, _LINE = attrgetter("text"), attrgetter("start"), attrgetter("line")  # what an analyser reads of each block


def parse_text(text: str, url: str | None = None, analyser: Analyser | None = None, *,
               max_block_chars: int = MAX_BLOCK_CHARS) -> Document:
    """One block per non-blank line (several for a line over ``max_block_chars``); a
    block's origin is its line number."""
    blocks: list[Block] = []
    append = blocks.append
    # a big page: one bytes object per distinct keyword instead of one per occurrence, which
    # took 7 times the page's size in memory (3 million words of 47 bytes for 20 MB)
    share = {}.setdefault if len(text) > SHARE_KEYWORDS_FROM else None
    if "\r" in text:
        for number, pos, line in lines(text):
            stripped = line.strip()
            if stripped:
                start = pos + (len(line) - len(line.lstrip()))
                append_long(append, stripped, start, number, max_block_chars, share)
    else:
        # the common case: keywords and word shapes of every line from a few passes over the page,
        # and a block made straight away for each line that is not blank
        raw_lines, kw_lines, shapes = line_parts(text)
        pos = 0
        number = 0
        for line in raw_lines:
            number += 1
            if line:
                stripped = line.strip()
                if stripped:
                    start = pos if stripped is line else pos + line.find(stripped)
                    if len(stripped) > max_block_chars:  # each piece its own keywords: not millions in one list
                        append_long(append, stripped, start, number, max_block_chars, share)
                    else:
                        kw = kw_lines[number - 1].split()
                        # the words, counted as ``text.line_parts`` says: a bytes method that takes an
                        # argument costs ~200 ns a call on CPython, islower() and w[0] a fraction of it
                        w = shapes[number - 1]
                        append(text_block(stripped, start, start + len(stripped), number,
                                          list(map(share, kw, kw)) if share else kw,
                                          w.count(b" a") + (w[0] == 0x61) if w.islower()
                                          else count_words(stripped)))
            pos += len(line) + 1
    analysis: dict[str, Any] = {}
    warnings: tuple[str, ...] = ()
    if analyser is not None and blocks:
        result = analyser(list(map(_TEXT, blocks)), list(map(_START, blocks)), list(map(_LINE, blocks)))
        analysis["lines"] = result
        set_scores(blocks, result.probability.tolist())  # Origin.score of each block
        result.blocks.extend(blocks)
        warnings = result.warnings
    return Document(blocks=tuple(blocks), text=text, kind="text", url=url, analysis=analysis, warnings=warnings)


def append_long(append: Callable[[Block], Any], stripped: str, start: int, number: int, limit: int,
                share: Callable[[bytes, bytes], bytes] | None) -> None:
    """Append the blocks of a stripped line at ``start``, cut as ``cut_long`` cuts it."""
    for s, e in cut_long(stripped, limit):
        piece = stripped[s:e] if e - s < len(stripped) else stripped
        kw = keywords(piece)
        append(text_block(piece, start + s, start + e, number, list(map(share, kw, kw)) if share else kw,
                          count_words(piece)))


def cut_long(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` (stripped, non-blank), each at most ``limit``
    characters: cut after the last sentence end in the second half of each window, else at
    its last space. Where the second half of a window has no space at all, the piece runs
    on to the next space (no word is split, and no stub is cut off before the window).
    ``[(0, len(text))]`` for text within the limit. Linear in ``len(text)``.

    Stable: cutting a piece again gives the piece, so cleaning a page's body again cuts
    nothing new. A piece within the limit is never cut; a longer one has no space in its
    second half and beyond, so its own window finds none either.
    """
    n = len(text)
    pos = 0
    while n - pos > limit:
        lo, hi = pos + limit // 2, pos + limit
        cut = _LAST_SENTENCE_END.search(text, lo, hi) or _LAST_SPACE.search(text, lo, hi)
        if cut is None:  # no space in the window: the piece runs on to the next space
            cut = _NEXT_SPACE.search(text, hi)
            if cut is None:
                break
        end = cut.start() if cut.group()[0].isspace() else cut.start() + len(cut.group().rstrip())
        while text[end - 1].isspace():  # a window edge may fall inside a run of spaces
            end -= 1
        yield pos, end
        pos = _SPACE.match(text, cut.end()).end()
    yield pos, n
