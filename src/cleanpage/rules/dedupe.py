"""Blocks printed twice in the body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

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
    Targets: North Korea plans to send military workers to Russia (printed twice in a row)
    Keeps:   short repeated lines such as "Step 1" or "Ingredients".
    """

    min_words: int
    min_prose_words: int

    @classmethod
    def from_config(cls, config: Config) -> DropRepeatedBlock:
        return cls(config.dedupe_min_words, config.dedupe_min_prose_words)

    def __call__(self, doc: Document) -> Iterator[tuple[Block, Drop]]:
        # blocks with the same key have the same number of words: compare counts first,
        # and work out a block's key only when a block of its length came before
        seen: dict[int, dict[str, Block]] = {}  # words -> key -> first prose block
        previous: Block | None = None
        for block in doc.blocks:
            if block.zone != "body":
                continue
            n = block.words
            if (previous is not None and n == previous.words and n >= self.min_words
                    and block.key == previous.key):
                yield block, Drop("printed twice in a row")
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
                yield block, Drop(f"repeats the paragraph at {first.origin}")
            else:
                same_length[block.key] = block
