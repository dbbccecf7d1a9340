"""Advertisement markers, on their own line or fused into the text."""

from __future__ import annotations

from ..config import Config
from ..model import Block, Cut, Drop
from ..patterns import AD_INLINE, AD_INLINE_WORDS, AD_LINE, AD_LINE_WORDS
from ..registry import Stage, rule


@rule("ads.marker_line", stage=Stage.LINES, order=10, zones=("body", "sidebar"), keywords=AD_LINE_WORDS)
def drop_ad_marker_line(block: Block, config: Config) -> Drop | None:
    """Drop a line that only marks an ad slot.

    Targets: Advertisement
    Keeps:   Advertisement revenue fell 5% in the quarter.
    """
    if block.words <= config.max_ad_marker_words and AD_LINE.fullmatch(block.text):
        return Drop("advertisement marker")
    return None


@rule("ads.inline_marker", stage=Stage.INLINE, order=10, zones=("body", "sidebar"), keywords=AD_INLINE_WORDS)
def cut_inline_ad_markers(block: Block) -> list[Cut]:
    """Cut ad-slot markers that sit between two sentences.

    Targets: ... within 50 days. Advertisement Speaking alongside Nato Secretary General Mark Rutte ...
    Keeps:   The advertisement ran for a week. Advertisement budgets rose.
    """
    return [Cut(m.start(), m.end(), "advertisement marker inside the text") for m in AD_INLINE.finditer(block.text)]
