"""Share, follow, print and save buttons scraped as text."""

from __future__ import annotations

from ..model import Block, Drop
from ..patterns import SHARE_LINE
from ..pipeline import Stage, rule


@rule("share.widget_label", stage=Stage.LINES, zones=("body", "sidebar"))
def drop_share_label(block: Block) -> Drop | None:
    """Drop the label of a share/follow/print button, or a row of them.

    Targets: Share
    Keeps:   Share prices fell 4% on Monday.
    """
    if block.words <= 12 and SHARE_LINE.fullmatch(block.text):
        return Drop("share/follow widget label")
    return None
