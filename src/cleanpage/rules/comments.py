"""Comment widgets: their labels, empty-state notices, the comment form, and a blog's
thread of reader comments."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Config
from ..model import Block, Document, Drop
from ..patterns import (
    AGE_LINE, COMMENT_DATE, COMMENT_FORM_LINE, COMMENT_FORM_WORDS, COMMENT_HEADER, COMMENT_HEADER_WORDS,
    COMMENT_REPLY_LINE, COMMENTS_EMPTY_LINE, COMMENTS_EMPTY_WORDS, COMMENTS_LABEL_LINE, COMMENTS_LABEL_WORDS,
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


@rule("comments.thread", stage=Stage.LINES, order=5, context=True)
@dataclass(frozen=True)
class DropCommentThread:
    """Drop a blog's thread of reader comments: each comment's header, date, text and reply link.

    A comment starts with a header line, "<name> says" (sagt, dit, dice, diz, disse, zegt),
    with its date on the next line; a thread is at least ``min_comment_headers`` of them.
    Each comment runs to the next header; the last one to its reply link, or, without
    one, only its header and date go. A comment longer than ``max_comment_lines`` lines
    loses only its header, date and reply link.
    Targets: Maria says / March 3, 2021 at 9:15 am / Lovely project, I made one for my sister. / Reply
    Keeps:   forum posts ("Jeff said:", "Anna wrote:"), which are the page's content; a single
             "<name> says" line, or one without a date under it ("The minister says").
    """

    min_headers: int
    max_header_words: int
    max_lines: int
    max_date_words: int

    @classmethod
    def from_config(cls, config: Config) -> DropCommentThread:
        return cls(config.min_comment_headers, config.max_comment_header_words, config.max_comment_lines,
                   config.max_date_line_words)

    def _header(self, b: Block) -> bool:
        return b.words <= self.max_header_words and COMMENT_HEADER.fullmatch(b.text) is not None

    def _date(self, b: Block) -> bool:
        return b.words <= self.max_date_words and (
            AGE_LINE.fullmatch(b.text) is not None or COMMENT_DATE.search(b.text) is not None)

    def __call__(self, doc: Document) -> Iterator[tuple[Block, Drop]]:
        last_words = [b._kw[-1] for b in doc.blocks if b._kw]  # noqa: SLF001 - the parse's keywords
        if COMMENT_HEADER_WORDS.isdisjoint(last_words) or sum(
                w in COMMENT_HEADER_WORDS for w in last_words) < self.min_headers:
            return  # most pages: no line ends in a header's verb
        body = [b for b in doc.blocks if b.zone == "body"]
        heads = [i for i in range(len(body) - 1) if self._header(body[i]) and self._date(body[i + 1])]
        if len(heads) < self.min_headers:
            return
        for n, at in enumerate(heads):
            name = COMMENT_HEADER.fullmatch(body[at].text)["name"]  # type: ignore[index]
            end = heads[n + 1] if n + 1 < len(heads) else self._last_end(body, at)
            whole = end - at <= self.max_lines
            for i in range(at, end):
                b = body[i]
                if i == at:
                    why = "header"
                elif i == at + 1:
                    why = "date"
                elif COMMENT_REPLY_LINE.fullmatch(b.text):
                    why = "reply link"
                elif whole:
                    why = "text"
                else:
                    continue
                yield b, Drop(f"reader comment {n + 1} of {len(heads)} ({name}): its {why}")

    def _last_end(self, body: list[Block], at: int) -> int:
        """Where the thread's last comment ends: after its reply link, or after its date."""
        for i in range(at + 2, min(at + 2 + self.max_lines, len(body))):
            if COMMENT_REPLY_LINE.fullmatch(body[i].text):
                return i + 1
        return at + 2
