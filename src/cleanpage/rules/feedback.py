"""Feedback widgets printed into the page text: "Was this page helpful? Yes No"."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..model import Block, Document, Drop
from ..patterns import FEEDBACK_ANSWER_LINE, FEEDBACK_QUESTION_LINE, FEEDBACK_WORDS
from ..registry import Stage, rule


# once: a widget's lines are there on the page as parsed, and no other rule's change makes one
@rule("feedback.widget", stage=Stage.LINES, order=95, context=True, keywords=FEEDBACK_WORDS, once=True)
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
    most, none = config.max_feedback_words, FEEDBACK_WORDS.isdisjoint
    done = 0  # body[:done] is read
    for i in [i for i, b in enumerate(body) if b.words <= most and not none(b._kw)]:  # the few candidates
        b = body[i]
        if i < done or not FEEDBACK_QUESTION_LINE.fullmatch(b.text):
            continue
        yield b, Drop("feedback widget question")
        done = i + 1
        end = min(len(body), done + config.max_feedback_lines)
        while done < end and body[done].words <= most and FEEDBACK_ANSWER_LINE.fullmatch(body[done].text):
            yield body[done], Drop("feedback widget button, rating or thanks")
            done += 1
