"""Paragraph breaks a scraper lost: sentences glued end to start."""

from __future__ import annotations

from ..config import Config
from ..model import Block, Split
from ..patterns import FUSED_SENTENCE, FUSED_SENTENCE_HINT
from ..registry import Stage, rule

_CLOSING = "\u201d\u2019"
_OPENING = "\u201c\u2018"


def _open_quotes(text: str, start: int, end: int, quote: str) -> int:
    """How many ``quote`` marks in text[start:end] act as quotes (not apostrophes)."""
    n = 0
    first = text.find(quote, start, end)
    if first < 0:  # most stretches have none: no loop over their characters
        return 0
    for i in range(first, end):
        if text[i] == quote:
            inside_word = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
            n += not inside_word
    return n


def split_points(text: str) -> list[int]:
    """Offsets where a new paragraph starts inside ``text``.

    After the sentence end, a straight quote closes the sentence when an odd number
    of quotes is open in the paragraph so far, and opens the next one otherwise:
    ``far from Reciprocal."Trump`` splits after the quote, ``coming up."We are`` before it.
    """
    points: list[int] = []
    seg = 0
    for m in FUSED_SENTENCE.finditer(text):
        at = m.start()
        while at < len(text) and text[at] in ".!?":
            at += 1
        end = at  # quotes are counted up to here, and only if a straight quote follows (seldom)
        parity = None
        while at < len(text) and not text[at].isalnum():
            c = text[at]
            if c in _OPENING:
                break
            if c in "\"'":
                if parity is None:
                    parity = {q: _open_quotes(text, seg, end, q) % 2 for q in "\"'"}
                if not parity[c]:
                    break
                parity[c] = 0
            elif c not in _CLOSING:
                break
            at += 1
        if at < len(text) and at > seg:
            points.append(at)
            seg = at
    return points


@rule("breaks.fused_sentence", stage=Stage.BREAKS, order=10, zones=("body", "sidebar"), pattern=FUSED_SENTENCE_HINT)
def split_fused_sentences(block: Block) -> list[Split]:
    """Put back paragraph breaks where a sentence end is glued to the next sentence.

    Targets: ... was being "ripped off."Amid market turmoil, Trump then suspended ...
    Keeps:   U.S. officials, 3.5 percent, commonspace.eu and J.R.R. Tolkien.
    """
    return [Split(at, "sentence end glued to the next sentence") for at in split_points(block.text)]


def lines_once_restored(texts: list[str], config: Config) -> int:
    """How many lines ``texts`` make once this family has put back its breaks: the count a
    threshold on lines must read, so that the body, whose restored breaks are real line
    breaks, gives the same answer when it is cleaned again."""
    n = len(texts)
    if config.enabled("breaks.fused_sentence"):
        n += sum(len(split_points(t)) for t in texts)
    return n
