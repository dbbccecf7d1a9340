"""Blocks printed twice in the body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Config
from ..model import Document, Drop
from ..parse import is_prose
from ..pipeline import Stage, rule


@rule("dedupe.repeated_block", stage=Stage.DEDUPE, context=True)
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

    def __call__(self, doc: Document) -> Iterator[tuple[int, Drop]]:
        seen: dict[str, str] = {}
        previous = ""
        for block in doc.blocks:
            if block.zone != "body":
                continue
            key = " ".join(block.text.casefold().split())
            if block.words >= self.min_words and key == previous:
                yield block.index, Drop("printed twice in a row")
                continue
            previous = key
            if block.words < self.min_prose_words or not is_prose(block):
                continue
            if key in seen:
                yield block.index, Drop(f"repeats the paragraph at {seen[key]}")
            else:
                seen[key] = block.origin
