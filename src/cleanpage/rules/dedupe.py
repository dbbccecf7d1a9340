"""Blocks printed twice in the body."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Config
from ..model import Document, Drop
from ..pipeline import Stage, rule


@rule("dedupe.repeated_block", stage=Stage.DEDUPE, context=True)
@dataclass(frozen=True)
class DropRepeatedBlock:
    """Keep the first copy of a body block that the page prints again.

    Targets: a pull quote or standfirst repeated further down the body, e.g.
             North Korea plans to send military workers to Russia (twice)
    Keeps:   short repeated lines such as "Step 1" or "Ingredients" (under dedupe_min_words).
    """

    min_words: int

    @classmethod
    def from_config(cls, config: Config) -> DropRepeatedBlock:
        return cls(config.dedupe_min_words)

    def __call__(self, doc: Document) -> Iterator[tuple[int, Drop]]:
        seen: dict[str, str] = {}
        for block in doc.blocks:
            if block.zone != "body" or block.words < self.min_words:
                continue
            key = " ".join(block.text.casefold().split())
            if key in seen:
                yield block.index, Drop(f"repeats the block at {seen[key]}")
            else:
                seen[key] = block.origin
