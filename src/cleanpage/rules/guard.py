"""Guards: limits that stop other rules from taking too much."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Config
from ..registry import Stage, rule


@rule("guard.cut_limit", stage=Stage.GUARD, order=10)
@dataclass(frozen=True)
class CutLimit:
    """Veto inline cuts that would take most of a paragraph.

    The pipeline asks this guard before it applies any ``Cut``; a vetoed cut is
    listed in ``page.trace`` as a ``veto`` step and the text stays.
    Targets: a teaser or pitch pattern that overreaches and would remove 60 of the
             100 words of a paragraph.
    Keeps:   small cuts (an "Advertisement" marker in a long summary), and any cut in
             blocks too short to judge (under ``guard_min_words``).
    """

    max_cut_ratio: float
    min_words: int = 20

    @classmethod
    def from_config(cls, config: Config) -> CutLimit:
        return cls(config.max_cut_ratio, config.guard_min_words)

    def __call__(self, block_words: int, already_cut: int, cutting: int) -> bool:
        """True to veto a cut of ``cutting`` words from a block of ``block_words``."""
        if block_words < self.min_words:
            return False
        return (already_cut + cutting) / block_words > self.max_cut_ratio
