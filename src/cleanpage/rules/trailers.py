"""Notes a newsroom appends to a story that is still being written."""

from __future__ import annotations

from ..model import Block, Cut
from ..patterns import TRAILER
from ..pipeline import Stage, rule


@rule("trailers.more_to_follow", stage=Stage.INLINE, zones=("body", "sidebar"))
def cut_more_to_follow(block: Block) -> Cut | None:
    """Cut a "more to follow" note at the end of a block.

    Targets: ... and they're going to be paying for it', he said. More to follow …
    Keeps:   More to follow on Tuesday, when the court resumes, the lawyer said.
    """
    m = TRAILER.search(block.text)
    if m:
        return Cut(m.start(), m.end(), "developing-story note")
    return None
