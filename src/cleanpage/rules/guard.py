"""Guards: limits that stop other rules from taking too much."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Config
from ..model import Document
from ..registry import Stage, rule
from .breaks import lines_once_restored


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

    def __call__(self, block_words: int, cutting: int) -> bool:
        """True to veto a cut of ``cutting`` words from a block of ``block_words``.

        The block is judged as it stands when the cut comes, not as it was parsed:
        that is the paragraph the body will hold, so cleaning the body again sees
        the same block, the same cut and gives the same answer (idempotence).
        """
        if block_words < self.min_words:
            return False
        return cutting / block_words > self.max_cut_ratio


@rule("guard.clean_text", stage=Stage.GUARD, order=20, context=True, preview=True)
def veto_on_clean_text(doc: Document, config: Config) -> Iterator[tuple[str, str]]:
    """Veto the line model's and the phrase families' removals on a page that reads as clean text.

    Asked once per page, before any rule runs; the veto is a step of ``page.trace``.
    A page reads clean when the model keeps at least half of its lines, few are
    menu-sized and at most two match a chrome phrase, or when no line matches a chrome
    phrase at all (a scraped page nearly always has one: "©", "Facebook", "Log in"; a
    cleaned body nearly never).
    On a page shorter than ``min_scored_lines`` only the line model's removals stand down.
    Targets: an article pasted as title and paragraphs: "The town that learned to love
             its river again / For decades the river was a sewer, ..."
    Keeps:   (lets the rules act on) a scraped page with navigation, a footer and a
             cookie notice around its article.
    """
    a = doc.analysis.get("lines")
    if a is None:
        return
    reason = getattr(a, "clean", None)
    lines = len(a.keep)
    if lines < config.min_scored_lines:
        lines = lines_once_restored(a.scores.lines.texts, config)
    short = lines < config.min_scored_lines
    if reason:
        # lines.title stays: on clean text it takes only a "Title | Site" first line or a headline
        # that line repeats, and on a short page only a "Title | Site" first line
        for name in ("lines.score", "lines.leftover", "chrome"):
            yield name, reason
    elif short:
        # the model reads a line against the page around it (its position in the prose
        # span, windows of up to 20 lines): a page of a few lines gives it too little
        for name in ("lines.score", "lines.leftover"):
            yield name, f"{lines} lines: too short a page for the line model"
