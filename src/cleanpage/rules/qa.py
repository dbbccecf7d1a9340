"""The furniture of a Q&A site's thread: post dates, view counts, sort controls, badges."""

from __future__ import annotations

from ..config import Config
from ..model import Block, Drop
from ..patterns import QA_META_LINE, QA_META_WORDS
from ..registry import Stage, rule


@rule("qa.post_meta", stage=Stage.LINES, order=97, keywords=QA_META_WORDS)
def drop_qa_post_meta(block: Block, config: Config) -> Drop | None:
    """Drop a line of a Q&A thread's furniture, such as a post's date or its poster's badges.

    The lines: when a post was asked, answered or edited, how often the question was
    viewed, how its answers are sorted, the poster's reputation and badges, and the
    controls under each post. The count over the answers ("2 Answers") stays: it heads them.

    Targets: Asked 3 years, 2 months ago / Viewed 4k times / answered Feb 12, 2011 at 1:01 /
             2,232 1 1 gold badge 20 20 silver badges 19 19 bronze badges / Add a comment |
    Keeps:   She answered Feb 12 questions in an hour.   (a sentence goes on)
             The question was asked 3 years ago, and nobody has answered it yet.
    """
    if block.words > config.max_qa_meta_words:
        return None
    if QA_META_LINE.fullmatch(block.text):
        return Drop("Q&A thread furniture (post date, counts, badges or controls)")
    return None
