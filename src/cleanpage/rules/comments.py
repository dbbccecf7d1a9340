"""Comment widgets: their labels, empty-state notices and the comment form."""

from __future__ import annotations

from ..config import Config
from ..model import Block, Drop
from ..patterns import (
    COMMENT_FORM_LINE, COMMENT_FORM_WORDS, COMMENTS_EMPTY_LINE, COMMENTS_EMPTY_WORDS, COMMENTS_LABEL_LINE,
    COMMENTS_LABEL_WORDS,
)
from ..registry import Stage, rule


@rule("comments.label", stage=Stage.LINES, order=20, keywords=COMMENTS_LABEL_WORDS)
def drop_comments_label(block: Block, config: Config) -> Drop | None:
    """Drop the heading or counter of a comments widget.

    Targets: Comments
    Keeps:   Comments from the minister angered the opposition.
    """
    if block.words <= config.max_comment_label_words and COMMENTS_LABEL_LINE.fullmatch(block.text):
        return Drop("comments widget label")
    return None


@rule("comments.empty_notice", stage=Stage.LINES, order=30, keywords=COMMENTS_EMPTY_WORDS)
def drop_empty_comment_notice(block: Block, config: Config) -> Drop | None:
    """Drop the placeholder shown before anyone has commented.

    Targets: No comments yet...
    Keeps:   He declined to comment on the plan.
    """
    if block.words <= config.max_comment_notice_words and COMMENTS_EMPTY_LINE.fullmatch(block.text):
        return Drop("empty comments notice")
    return None


@rule("comments.form", stage=Stage.LINES, order=40, keywords=COMMENT_FORM_WORDS)
def drop_comment_form(block: Block, config: Config) -> Drop | None:
    """Drop the prompts and fine print of a comment form.

    Targets: Your email address will not be published. Required fields are marked *
    Keeps:   Leave a comment in the guest book, the sign at the door says.
    """
    if block.words <= config.max_comment_form_words and COMMENT_FORM_LINE.fullmatch(block.text):
        return Drop("comment form")
    return None
