"""Tag and hashtag widgets: bare labels are dropped, tag lists become metadata."""

from __future__ import annotations

from ..model import Block, Drop, ToMeta
from ..patterns import TAGS_LABEL_LINE, TAGS_LIST_LINE
from ..pipeline import Stage, rule


@rule("tags.label", stage=Stage.LINES)
def drop_tags_label(block: Block) -> Drop | None:
    """Drop a tags widget's label left without its tags.

    Targets: Hashtags
    Keeps:   Hashtags spread quickly across the platform.
    """
    if block.words <= 3 and TAGS_LABEL_LINE.fullmatch(block.text):
        return Drop("empty tags widget label")
    return None


@rule("tags.list", stage=Stage.META)
def file_tag_list(block: Block) -> ToMeta | None:
    """File a tag list under ``metadata["tags"]``.

    Targets: Tags: Russia, North Korea, Kursk
    Keeps:   Tags on the crates read: fragile, this way up.
    """
    m = TAGS_LIST_LINE.fullmatch(block.text)
    if m and block.words <= 40 and not block.ends_sentence:
        return ToMeta("tags", "tag list", value=m.span("v"))
    return None
