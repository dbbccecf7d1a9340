"""Photo captions and credits left in the text by a scraper."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Config
from ..model import Block, Cut, Drop
from ..patterns import (
    CAPTION_CREDIT_WORDS, CAPTION_LINE, CAPTION_OPEN, PHOTO_CAPTION, PHOTO_CAPTION_WORDS, PHOTO_CREDIT_LINE, PHOTO_CREDIT_WORDS,
)
from ..registry import Stage, rule
from ..text import count_words


@rule("media.photo_caption", stage=Stage.INLINE, order=20, zones=("body", "sidebar"), keywords=PHOTO_CAPTION_WORDS)
@dataclass(frozen=True)
class CutPhotoCaption:
    """Cut photo captions and their agency credits from running text.

    Targets: Medical workers help a woman in the yard of an apartment building destroyed
             after a Russian attack in Kyiv, Ukraine, early on Monday. AP
    Keeps:   The talks ended on Monday. Reuters Television footage showed the delegates leaving.
    """

    max_words: int

    @classmethod
    def from_config(cls, config: Config) -> CutPhotoCaption:
        return cls(config.max_caption_words)

    def __call__(self, block: Block) -> list[Cut]:
        return [Cut(m.start(), m.end(), f"photo caption credited to {m.group('credit')}")
                for m in PHOTO_CAPTION.finditer(block.text) if count_words(m.group("caption")) <= self.max_words]


@rule("media.credit_line", stage=Stage.LINES, order=50, zones=("body", "sidebar"), keywords=PHOTO_CREDIT_WORDS)
def drop_photo_credit_line(block: Block, config: Config) -> Drop | None:
    """Drop a line that only credits a picture.

    Targets: Photo: Getty Images
    Keeps:   Photographs by the author hang in the gallery.
    """
    if block.words <= config.max_credit_line_words and PHOTO_CREDIT_LINE.fullmatch(block.text):
        return Drop("photo credit")
    return None


@rule("media.caption_line", stage=Stage.LINES, order=60, zones=("body", "sidebar"), pattern=CAPTION_OPEN,
      keywords=CAPTION_CREDIT_WORDS)
def drop_caption_line(block: Block, config: Config) -> Drop | None:
    """Drop a photo caption line that ends in its credit.

    Targets: Firefighters try to stop a blaze near the port on Sunday. (Photo: Reuters)
             The lighter frame folds in two seconds and fits in a car boot. Credit: Dana Whitfield
    Keeps:   The photo (taken in 1972) shows the harbour before the fire.
    """
    t = block.text
    # either credit needs a bracket or a colon: most lines naming a photo or an image have neither
    if block.words <= config.max_caption_line_words and ("(" in t or ":" in t or "：" in t) and CAPTION_LINE.fullmatch(t):
        return Drop("photo caption")
    return None
