"""Feedback widgets printed into the page text: "Was this page helpful? Yes No"."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..model import Block, Document, Drop
from ..patterns import FEEDBACK_ANSWER_LINE, FEEDBACK_QUESTION_LINE, FEEDBACK_WORDS
from ..registry import Stage, rule


@rule("feedback.widget", stage=Stage.LINES, order=95, context=True, keywords=FEEDBACK_WORDS)
def drop_feedback_widget(doc: Document, config: Config) -> Iterator[tuple[Block, Drop]]:
    """Drop a "was this helpful?" widget: its question, and the buttons and thanks under it.

    Under the question: "Yes No" buttons, a star rating's prompts and counts, the widget's
    thanks. In English, German, French, Spanish, Portuguese and Italian.

    Targets: Was this page helpful? / Yes No
             How useful was this post? / Click on a star to rate it! / Submit Rating
             War dieser Artikel hilfreich? / Ja / Nein
    Keeps:   Was this page helpful to the jury? The judge said it was.   (a sentence goes on)
             Yes   (a button's word alone, with no question above it)
    """
    body = doc.body
    i = 0
    while i < len(body):
        b = body[i]
        i += 1
        if not (b.words <= config.max_feedback_words and b.mentions(FEEDBACK_WORDS)
                and FEEDBACK_QUESTION_LINE.fullmatch(b.text)):
            continue
        yield b, Drop("feedback widget question")
        end = min(len(body), i + config.max_feedback_lines)
        while i < end and body[i].words <= config.max_feedback_words and FEEDBACK_ANSWER_LINE.fullmatch(body[i].text):
            yield body[i], Drop("feedback widget button, rating or thanks")
            i += 1
