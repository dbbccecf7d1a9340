"""The standalone text path: scored lines -> title, body lines, sidebar items, removals.

The pipeline runs each step as a traced stage (``rules/lines.py``); this module runs
them standalone, for the benchmarks and for study, and shows what each step decides
and why, on the scorer's output:

- ``clean_text``: a page that already reads as clean text (almost every line kept,
  no chrome phrases, no runs of short lines) is left alone, every line kept;
- ``TitlePicker``: the headline line (a learned choice among the first lines, the lines just
  above where the content starts, and their parts), and the site part of a
  ``<title>``-style first line;
- ``segment_sidebar``: headline lists under "Related" / "More stories" / "Trending"
  headings (in six languages) become items; other dropped lines, navigation and
  footer runs among them, are removals;
- every other line is kept or removed by its score, with the evidence for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from ..phrases import FURNITURE_WORDS
from .scorer import LineScorer, LineScores
from .title import TitlePick, TitlePicker

# A page reads as clean text, and is left alone, when either
# - the scorer keeps at least half of its lines, at most half are menu-sized (three words or
#   fewer) and at most CLEAN_MAX_PHRASE_LINES lines match a chrome phrase family; or
# - prose starts at once (a long sentence-ended line within the first CLEAN_MAX_HEAD lines:
#   no header, no navigation) and no line matches a chrome phrase family.
# Chosen on the WCXB dev split's held-out scores: clean articles left alone 781 of 791,
# renderings left whole 81 of 1,497 (benchmarks/text_extraction.py reports both).
CLEAN_MIN_KEPT_SHARE = 0.5
CLEAN_MAX_SHORT_SHARE = 0.5
CLEAN_MAX_PHRASE_LINES = 2
CLEAN_MAX_HEAD = 2
PROSE_MIN_WORDS = 12
ITEM_MIN_WORDS = 4
ITEM_MAX_WORDS = 30
SECTION_MAX_LINES = 60
SECTION_MAX_GAP = 3  # lines of non-items that end a sidebar section
_ENDS_SENTENCE = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\Z")


@dataclass(frozen=True)
class Item:
    """A sidebar item read from text: the section heading it sat under and its headline."""

    section: str
    title: str
    summary: str
    lines: tuple[int, ...]  # indices of its lines


@dataclass(frozen=True)
class Removal:
    """A dropped line; its reason is computed when read (explaining every line would cost more than scoring)."""

    line: int
    text: str
    scores: LineScores = field(repr=False, compare=False)

    @property
    def reason(self) -> str:
        """E.g. ``"line score 0.02: lines from the prose span 41 (-2.78); ..."``."""
        return self.scores.explain(self.line)


@dataclass
class TextPage:
    title: TitlePick | None
    body_lines: list[int]
    sidebar: list[Item] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    clean_text: bool = False
    texts: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.texts[i] for i in self.body_lines)


def reads_clean(scores: LineScores, keep: np.ndarray) -> bool:
    """Whether the page is already clean text (see CLEAN_* above)."""
    n = len(keep)
    if n == 0:
        return True
    texts = scores.lines.texts
    n_words = [len(t.split()) for t in texts]
    phrase_lines = sum(f is not None for f in scores.family)
    short = sum(w <= 3 for w in n_words) / n
    if keep.mean() >= CLEAN_MIN_KEPT_SHARE and short <= CLEAN_MAX_SHORT_SHARE and phrase_lines <= CLEAN_MAX_PHRASE_LINES:
        return True
    if phrase_lines:
        return False
    for i in range(min(n, CLEAN_MAX_HEAD + 1)):
        if n_words[i] >= PROSE_MIN_WORDS and _ENDS_SENTENCE.search(texts[i]):
            return True
    return False


def _headline(text: str) -> bool:
    n = len(text.split())
    return ITEM_MIN_WORDS <= n <= ITEM_MAX_WORDS and text[-1:] not in ".,;:" and any(c.isalpha() for c in text)


def segment_sidebar(scores: LineScores, keep: np.ndarray) -> list[Item]:
    """Items under related-content headings: headline-shaped dropped lines, each with its summary."""
    items: list[Item] = []
    lines = scores.lines
    n = len(lines)
    i = 0
    while i < n:
        if scores.family[i] != "related" or keep[i]:
            i += 1
            continue
        section = lines[i].text
        j, gap = i + 1, 0
        current: list[int] = []
        while j < n and j - i <= SECTION_MAX_LINES and gap <= SECTION_MAX_GAP:
            text = lines[j].text
            if keep[j] or (scores.family[j] and scores.family[j] != "related"):
                break
            if scores.family[j] == "related":  # the next section heading
                break
            if FURNITURE_WORDS.search(text):  # calls to action and footer links close the list
                break
            if _headline(text):
                if current:
                    items.append(_item(section, current, lines))
                current = [j]
                gap = 0
            elif current and len(text.split()) >= 8 and len(current) < 3:
                current.append(j)  # a summary under the headline
            else:
                gap += 1
            j += 1
        if current:
            items.append(_item(section, current, lines))
        i = j
    return items


def _item(section: str, idx: list[int], lines: list) -> Item:  # noqa: ANN001 - list of Line
    return Item(section, lines[idx[0]].text, "\n\n".join(lines[k].text for k in idx[1:]), tuple(idx))


def assemble(scores: LineScores, keep: np.ndarray | None = None) -> TextPage:
    """Title, body, sidebar and removals from scored lines (``keep`` overrides the scorer's verdicts)."""
    keep = scores.keep.copy() if keep is None else np.asarray(keep, bool).copy()
    texts = scores.lines.texts
    title = _default_picker().pick(texts, keep.tolist(), scores.family)
    if reads_clean(scores, keep):
        keep[:] = True
        return TextPage(title, list(range(len(texts))), clean_text=True, texts=texts)
    items = segment_sidebar(scores, keep)
    in_items = {k for it in items for k in it.lines}
    body = [i for i in range(len(texts)) if keep[i]]
    removed = [Removal(i, texts[i], scores) for i in range(len(texts))
               if not keep[i] and i not in in_items]
    return TextPage(title, body, items, removed, texts=texts)


def extract(text: str, scorer: LineScorer | None = None) -> TextPage:
    """The standalone text path on one page."""
    scorer = scorer or _default_scorer()
    return assemble(scorer.score(text))


_SCORER: list[LineScorer] = []
_PICKER: list[TitlePicker] = []


def _default_picker() -> TitlePicker:
    if not _PICKER:
        _PICKER.append(TitlePicker())
    return _PICKER[0]


def _default_scorer() -> LineScorer:
    if not _SCORER:
        _SCORER.append(LineScorer())
    return _SCORER[0]
