"""Reading-time labels: how long an article takes to read, printed as a line of its own."""

from __future__ import annotations

from ..model import Block, Drop
from ..patterns import READING_TIME_LINE, READING_TIME_WORDS
from ..registry import Stage, rule


@rule("reading.time_label", stage=Stage.LINES, order=15, zones=("body", "sidebar"), keywords=READING_TIME_WORDS)
def drop_reading_time(block: Block) -> Drop | None:
    """Drop a line that only gives the reading time, under a headline or on a teaser card.

    In English, German, French, Spanish, Portuguese and Italian.
    Targets: 5 min read
             Reading time: 8 minutes
             3 Min. Lesezeit
    Keeps:   Most readers need 5 minutes to read the report, the authors said.
    """
    if READING_TIME_LINE.fullmatch(block.text):
        return Drop("reading-time label")
    return None
