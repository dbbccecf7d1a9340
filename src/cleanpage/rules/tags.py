"""Tag and hashtag widgets: bare labels are dropped, tag lists become metadata."""

from __future__ import annotations

from ..config import Config
from ..model import Block, Drop, ToMeta
from ..patterns import HASHTAG, TAGS_LABEL_LINE, TAGS_LIST_LINE, TAGS_WORDS
from ..registry import Stage, rule


@rule("tags.label", stage=Stage.LINES, order=110, keywords=TAGS_WORDS)
def drop_tags_label(block: Block, config: Config) -> Drop | None:
    """Drop a tags widget's label left without its tags.

    Targets: Hashtags
    Keeps:   Hashtags spread quickly across the platform.
    """
    if block.words <= config.max_tags_label_words and TAGS_LABEL_LINE.fullmatch(block.text):
        return Drop("empty tags widget label")
    return None


@rule("tags.list", stage=Stage.META, order=50, keywords=TAGS_WORDS, pattern=HASHTAG)
def file_tag_list(block: Block, config: Config) -> ToMeta | None:
    """File a tag list under ``metadata["tags"]``.

    Targets: Tags: Russia, North Korea, Kursk
    Keeps:   Tags on the crates read: fragile, this way up.
    """
    m = TAGS_LIST_LINE.fullmatch(block.text)
    if m and block.words <= config.max_tag_list_words and not block.ends_sentence:
        return ToMeta("tags", "tag list", value=m.span("v"))
    return None
