"""Advertisement markers, on their own line or fused into the text."""

from __future__ import annotations

from ..model import Block, Cut, Drop
from ..patterns import AD_INLINE, AD_LINE
from ..pipeline import Stage, rule


@rule("ads.marker_line", stage=Stage.LINES, zones=("body", "sidebar"))
def drop_ad_marker_line(block: Block) -> Drop | None:
    """Drop a line that only marks an ad slot.

    Targets: Advertisement
    Keeps:   Advertisement revenue fell 5% in the quarter.
    """
    if block.words <= 10 and AD_LINE.fullmatch(block.text):
        return Drop("advertisement marker")
    return None


@rule("ads.inline_marker", stage=Stage.INLINE, zones=("body", "sidebar"))
def cut_inline_ad_markers(block: Block) -> list[Cut]:
    """Cut ad-slot markers that sit between two sentences.

    Targets: ... within 50 days. Advertisement Speaking alongside Nato Secretary General Mark Rutte ...
    Keeps:   The advertisement ran for a week. Advertisement budgets rose.
    """
    return [Cut(m.start(), m.end(), "advertisement marker inside the text") for m in AD_INLINE.finditer(block.text)]
