"""Share, follow, print and save buttons scraped as text."""

from __future__ import annotations

from ..config import Config
from ..model import Block, Drop
from ..patterns import SHARE_LINE, SHARE_WORDS
from ..registry import Stage, rule


@rule("share.widget_label", stage=Stage.LINES, order=100, zones=("body", "sidebar"), keywords=SHARE_WORDS)
def drop_share_label(block: Block, config: Config) -> Drop | None:
    """Drop the label of a share/follow/print button, or a row of them.

    Targets: Share
    Keeps:   Share prices fell 4% on Monday.
    """
    if block.words <= config.max_share_words and SHARE_LINE.fullmatch(block.text):
        return Drop("share/follow widget label")
    return None
