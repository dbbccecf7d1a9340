"""Blocks printed twice in the body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter

from ..config import Config
from ..model import Block, Document, Drop
from ..registry import Stage, rule


@rule("dedupe.repeated_block", stage=Stage.DEDUPE, order=10, context=True)
@dataclass(frozen=True)
class DropRepeatedBlock:
    """Keep the first copy of a body block that the page prints again.

    A block printed twice in a row goes whatever it is; a block repeated further
    down goes only if it is a paragraph of prose (``dedupe_min_prose_words``), since
    short lines legitimately recur on listings, forums and docs ("Reply", a spec line).
    A lone repeat that the line model (preview) scores as content with at least
    ``dedupe_keep_content_score`` stays: a pull quote, or a summary that restates a
    paragraph. With the line model, every lone repeat stays on a page that reads as clean
    text (``guard.clean_text``): there the repeat is the author's (the same question put to
    each guest), and the model's score of it moves with the page around it, so a body
    cleaned again would lose the repeats the first cleaning kept. Repeats next to repeats
    (a page or a block of it printed twice) go.
    Targets: North Korea plans to send military workers to Russia (printed twice in a row)
    Keeps:   short repeated lines such as "Step 1" or "Ingredients"; a pull quote the
             line model is sure of.
    """

    min_words: int
    min_prose_words: int
    keep_score: float

    @classmethod
    def from_config(cls, config: Config) -> DropRepeatedBlock:
        return cls(config.dedupe_min_words, config.dedupe_min_prose_words, config.dedupe_keep_content_score)

    def __call__(self, doc: Document) -> Iterator[tuple[Block, Drop]]:
        # blocks with the same key have the same number of words: compare counts first,
        # and work out a block's key only when a block of its length came before
        seen: dict[int, dict[str, Block]] = {}  # words -> key -> first prose block
        previous: Block | None = None
        drops: list[tuple[int, Block, Drop]] = []  # in page order, as the trace shows them
        repeats: list[tuple[int, Block, Block]] = []  # prose repeated further down: (position, repeat, first)
        for at, block in enumerate(doc.blocks):
            if block.zone != "body":
                continue
            n = block.words
            if (previous is not None and n == previous.words and n >= self.min_words
                    and block.key == previous.key):
                drops.append((at, block, Drop("printed twice in a row")))
                continue
            previous = block
            if n < self.min_prose_words or not block.ends_sentence or block.is_heading:
                continue  # not a paragraph of prose (text.is_prose, with the word limit first)
            same_length = seen.get(n)
            if same_length is None:
                seen[n] = {"": block}  # the key is worked out if another block of n words comes
                continue
            if "" in same_length:
                only = same_length.pop("")
                same_length[only.key] = only
            first = same_length.get(block.key)
            if first is not None:
                repeats.append((at, block, first))
            else:
                same_length[block.key] = block
        run = {at for at, _, _ in repeats}
        lines = doc.analysis.get("lines")
        clean = bool(getattr(lines, "clean", None))  # the line model reads the page as clean text
        for at, block, first in repeats:
            score = block.line_score
            if at - 1 in run or at + 1 in run or not (clean or (score is not None and score >= self.keep_score)):
                drops.append((at, block, Drop(f"repeats the paragraph at {first.origin}")))
        drops.sort(key=itemgetter(0))
        for _, block, drop in drops:
            yield block, drop
