"""Notes a newsroom appends to a story that is still being written."""

from __future__ import annotations

from ..model import Block, Cut
from ..patterns import TRAILER, TRAILER_NEEDS, TRAILER_WORDS
from ..registry import Stage, rule


@rule("trailers.more_to_follow", stage=Stage.INLINE, order=70, zones=("body", "sidebar"), keywords=TRAILER_WORDS)
def cut_more_to_follow(block: Block) -> Cut | None:
    """Cut a "more to follow" note at the end of a block.

    Targets: ... and they're going to be paying for it', he said. More to follow …
    Keeps:   More to follow on Tuesday, when the court resumes, the lawyer said.
    """
    text = block.text
    # a note has no . ! ? inside, only after it: look after the last one before the end
    end = len(text)
    while end > 0 and len(text) - end < 3 and text[end - 1] in ".!\u2026":
        end -= 1
    last = max(text.rfind(".", 0, end), text.rfind("!", 0, end), text.rfind("?", 0, end))
    tail = text[last + 1:]
    if tail.isascii() and not any(word in tail.lower() for word in TRAILER_NEEDS):
        return None  # a quick test first: most blocks that say "more" end in no note
    m = TRAILER.search(text, last + 1)
    if m:
        return Cut(m.start(), m.end(), "developing-story note")
    return None
