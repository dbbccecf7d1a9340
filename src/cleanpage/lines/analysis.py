"""The parse-time analysis of a plain-text page: what the line rules read.

``LineAnalyser`` runs once per text page, when the parser has cut it into one block
per non-blank line: the learned line scorer (``scorer.py``), the chrome phrase
families (``cleanpage.phrases``), the clean-text guard's verdict and the title pick.
The result, a ``LinesAnalysis``, is stored in ``Document.analysis["lines"]`` and each
block's probability in its ``Origin.score``. Rules turn it into decisions:
``lines.score`` and ``lines.leftover`` drop chrome lines, ``chrome.*`` drop phrase
matches, ``guard.clean_text`` vetoes both on a page that already reads clean, and
``lines.title`` takes the headline.

Nothing here edits the page: it only measures it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..phrases import DEFAULT_FAMILIES, PhraseFamily
from .scorer import LineScorer, LineScores, load_model, prepare_lines
from .split import Lines
from .title import TitlePick, TitlePicker, default_title_model

if TYPE_CHECKING:
    from ..config import Config

# A page reads as clean text, and the line rules leave it alone, when either
# - the scorer keeps at least half of its lines, at most half are menu-sized (three words or
#   fewer) and at most CLEAN_MAX_PHRASE_LINES lines match a chrome phrase family; or
# - no line matches a chrome phrase family. A scraped page nearly always has one, whatever its
#   language: a line with "©", "Facebook", "Privacy Policy", "Log in" (1,445 of the 1,496 WCXB
#   dev renderings), and a cleaned body nearly never (1,444 of 1,489): the model, which reads
#   each line against the page around it, would judge a body again on other evidence.
# Chosen on the WCXB dev split's held-out scores (benchmarks/text_extraction.py reports
# how many clean articles it leaves alone and how many renderings it leaves whole;
# benchmarks/idempotence.py --preview how many bodies change when cleaned again).
CLEAN_MIN_KEPT_SHARE = 0.5
CLEAN_MAX_SHORT_SHARE = 0.5
CLEAN_MAX_PHRASE_LINES = 2
GROW_MIN_WORDS = 8
GROW_FLOOR = 0.1
# A highlighted code block printed one token a line, as BeautifulSoup's get_text("\n") prints it
# ("client", "=", "httpx", ".", "Client", "()"), is kept, every line of it: each token alone
# looks like chrome to the scorer (a word, a bracket), which dropped the code documentation
# pages are made of. Such a run is CODE_RUN_MIN_LINES lines or more, each a single token (no
# space, at most CODE_TOKEN_MAX_CHARS characters; one other line, a comment, may stand between
# two tokens), of which at least CODE_RUN_MIN_PUNCT, and CODE_RUN_PUNCT_SHARE of the run, are
# bare code punctuation, and CODE_RUN_MIN_OPERATORS of those an operator or separator (. , ; =),
# not only brackets. Menus and tag lists are runs of words, with no such lines, and a count in
# brackets under each link ("Apps", "(", "12", ")") has no operator. On the WCXB dev pages
# rendered by BeautifulSoup (benchmarks/text_extraction.py --render bs4): documentation word F1
# 0.784 -> 0.805 (the text as is: 0.807), all pages 0.7933 -> 0.7945; on html-text's renderings,
# where a code block keeps its lines, nothing changes.
CODE_RUN_MIN_LINES = 8
CODE_RUN_MIN_PUNCT = 4
CODE_RUN_PUNCT_SHARE = 0.25
CODE_RUN_MIN_OPERATORS = 2
CODE_TOKEN_MAX_CHARS = 40
_CODE_PUNCT = re.compile(r"[()\[\]{}.,;=:'\"]{1,4}")
_CODE_OPERATOR = frozenset(".,;=")
# A sentence that the text breaks over several lines, as BeautifulSoup's get_text("\n") breaks
# one at each link or inline code ("Pass the timeout as" / "timeout=5" / "to" / "get()" / ", or the
# client waits for ever on a server that hangs."), is kept, every line
# of it, when the scorer kept one of its lines: alone, the fragments read as chrome. A line goes
# on with the one above when that one does not end a sentence and it starts in lower case or
# with punctuation (. , ; : ) ] or a quote); the run must end a sentence and hold
# SENTENCE_RUN_MIN_WORDS words. On the WCXB dev pages (benchmarks/text_extraction.py): rendered
# by BeautifulSoup, all pages 0.7945 -> 0.7969, documentation 0.805 -> 0.815, articles 0.9073
# -> 0.9095; by resiliparse 0.7986 -> 0.7987; by html-text, which keeps a sentence on its line,
# 52 pages change (benchmarks/outputs.py compare --preview) and no page type's F1 falls.
SENTENCE_RUN_MIN_WORDS = 12
_GOES_ON = frozenset(".,;:)]\u2019'\"")
TITLE_CANDIDATES = 4  # lines the chrome rules leave for lines.title to choose from
EVIDENCE = 1  # pieces of evidence in a removal's reason
_ORIGIN = attrgetter("_origin")  # a block's origin, or its bare line number (text input)


@dataclass(frozen=True, eq=False)
class LinesAnalysis:
    """One text page as the line model sees it; line ``i`` is the parsed block ``blocks[i]``."""

    scores: LineScores
    keep: np.ndarray  # bool per line: the scorer's verdict (probability >= threshold)
    family: list[str | None]  # the chrome phrase family each line matched, if any
    clean: str | None  # why the page reads as clean text, or None when it does not
    titles: list[TitlePick]  # the title picker's best candidates, best first, on distinct lines
    line_index: dict[int, int] = field(repr=False)  # Origin.line -> line index
    blocks: list[Any] = field(default_factory=list, repr=False)  # the parsed block of each line
    warnings: tuple[str, ...] = ()  # what the analysis could not do as asked (``Page.warnings``)
    _reasons: list[str | None] = field(default_factory=list, repr=False)  # per line, once worked out
    _by_family: dict[str, list[int]] = field(default_factory=dict, repr=False)

    @property
    def title_lines(self) -> frozenset[int]:
        return frozenset(t.line for t in self.titles)

    def hits(self, family: str) -> list[int]:
        """The lines that matched chrome phrase family ``family`` (grouped once per page)."""
        by = self._by_family
        if not by:
            for i, f in enumerate(self.family):
                if f is not None:
                    by.setdefault(f, []).append(i)
            by[""] = []  # grouped, even when no line matched
        return by.get(family, [])

    @property
    def families_hit(self) -> list[str]:
        """The chrome phrase families that matched at least one line of the page."""
        self.hits("")
        return [f for f in self._by_family if f]

    @property
    def probability(self) -> np.ndarray:
        return self.scores.probability

    @property
    def threshold(self) -> float:
        return self.scores.threshold

    def index(self, block: Any) -> int | None:  # noqa: ANN401 - a Block
        """The line of ``block`` (or of the parsed block it was cut from), or None."""
        o = block._origin
        return self.line_index.get(o if type(o) is int else o.line)

    def indices(self, blocks: list[Any]) -> list[int | None]:
        """``index`` of each of ``blocks``: a rule's whole body in one call."""
        get = self.line_index.get
        return [get(o if type(o) is int else o.line) for o in map(_ORIGIN, blocks)]

    def explain(self, i: int) -> str:
        """Line ``i``'s score and its strongest piece of evidence (``LineScores.explain`` gives
        more)."""
        return self.reasons([i])[0]

    def reasons(self, lines: list[int]) -> list[str]:
        """``explain`` for each of ``lines``. Worked out on the first call for every line the
        model drops, in one vectorised pass (the line rules' removals of the page), and kept."""
        cache = self._reasons
        if not cache:
            idx = np.flatnonzero(~self.keep)
            cache.extend(_spread(len(self.keep), idx, self.scores.explain_many(idx, EVIDENCE)))
        todo = [k for k in lines if cache[k] is None]
        if todo:
            todo = list(dict.fromkeys(todo))
            for k, reason in zip(todo, self.scores.explain_many(np.asarray(todo, np.int64), EVIDENCE)):
                cache[k] = reason
        return list(map(cache.__getitem__, lines))


def _spread(n: int, at: np.ndarray, values: list[str]) -> list[str | None]:
    """A list of ``n`` items: ``values`` at the positions ``at``, None elsewhere."""
    out: list[str | None] = [None] * n
    for k, value in zip(at.tolist(), values):
        out[k] = value
    return out


def reads_clean(words: np.ndarray, keep: np.ndarray, family: list[str | None]) -> str | None:
    """Why the page is already clean text (see CLEAN_* above), or None. ``words``: words per
    line; ``keep``: the model's verdict per line; ``family``: the chrome phrase family per line."""
    n = len(keep)
    if n == 0:
        return "empty page"
    phrase_lines = n - family.count(None)
    if not phrase_lines:
        return f"the page reads as clean text: no chrome phrase in its {n} lines"
    short = float((words <= 3).mean())
    kept = float(keep.mean())
    if kept >= CLEAN_MIN_KEPT_SHARE and short <= CLEAN_MAX_SHORT_SHARE and phrase_lines <= CLEAN_MAX_PHRASE_LINES:
        return (f"the page reads as clean text: {kept:.0%} of its lines score as content, "
                f"{short:.0%} are three words or fewer, {phrase_lines} chrome phrase lines")
    return None


def keep_code_runs(texts: list[str], keep: np.ndarray) -> np.ndarray:
    """``keep`` with every line of a code block printed a token a line (``CODE_RUN_*``) kept."""
    punct = [i for i, t in enumerate(texts) if len(t) <= 4 and _CODE_PUNCT.fullmatch(t)]
    if len(punct) < CODE_RUN_MIN_PUNCT:
        return keep  # most pages: not enough bare punctuation for one run
    is_punct = set(punct)
    n = len(texts)
    token = [" " not in t and len(t) <= CODE_TOKEN_MAX_CHARS for t in texts]
    out = keep
    i = 0
    while i < n:
        if not token[i]:
            i += 1
            continue
        j = i + 1
        while j < n and (token[j] or (j + 2 < n and token[j + 1] and token[j + 2])):
            j += 1  # a token, or one comment line between tokens
        bare = [texts[m] for m in range(i, j) if m in is_punct]
        k = len(bare)
        if (j - i >= CODE_RUN_MIN_LINES and k >= CODE_RUN_MIN_PUNCT and k >= CODE_RUN_PUNCT_SHARE * (j - i)
                and sum(1 for t in bare if not _CODE_OPERATOR.isdisjoint(t)) >= CODE_RUN_MIN_OPERATORS):
            if out is keep:
                out = keep.copy()
            out[i:j] = True
        i = j
    return out


def keep_broken_sentences(texts: list[str], words: np.ndarray, ends: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """``keep`` with every line of a sentence broken over lines (``SENTENCE_RUN_MIN_WORDS``) kept
    when one of its lines is; ``words`` and ``ends``: each line's words and whether it ends a sentence."""
    n = len(texts)
    if n < 2:
        return keep
    first = [t[:1] for t in texts[1:]]
    goes_on = np.fromiter((c.islower() or c in _GOES_ON for c in first), bool, n - 1) & ~ends[:-1]
    if not goes_on.any():
        return keep
    out = keep
    # runs of lines each going on with the one above: line s, and s + 1 .. e - 1 that go on
    edges = np.flatnonzero(np.diff(np.concatenate(([False], goes_on, [False])).astype(np.int8)))
    for a, b in zip(edges[0::2].tolist(), edges[1::2].tolist()):
        s, e = a, b + 1  # goes_on[k] links line k and k + 1
        run = out[s:e]
        if run.all() or not run.any() or not ends[e - 1] or words[s:e].sum() < SENTENCE_RUN_MIN_WORDS:
            continue
        if out is keep:
            out = keep.copy()
        out[s:e] = True
    return out


def grow_prose(words: np.ndarray, ends: np.ndarray, probability: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """The scorer's verdicts, revised by context: a prose line (GROW_MIN_WORDS words or more,
    ending like a sentence) next to a kept prose line is kept too, unless its probability
    is under GROW_FLOOR. A short article between long navigation and footer runs scores low
    in the windowed features; its paragraphs hold each other up. On the WCXB dev split's
    held-out scores: word F1 +0.0003 overall, -0.0002 on articles."""
    cand = (probability >= GROW_FLOOR) & ~keep
    if not cand.any():
        return keep
    prose = (words >= GROW_MIN_WORDS) & ends
    cand &= prose
    # a kept prose line holds up the candidates next to it, and they the next ones: a run of
    # candidates is kept whole when a kept prose line borders it (one pass, not one per line)
    anchor = keep & prose
    keep = keep.copy()
    edges = np.flatnonzero(np.diff(np.concatenate(([False], cand, [False])).astype(np.int8)))
    n = len(keep)
    for s, e in zip(edges[0::2].tolist(), edges[1::2].tolist()):  # run [s, e)
        if (s > 0 and anchor[s - 1]) or (e < n and anchor[e]):
            keep[s:e] = True
    return keep


@dataclass(frozen=True, eq=False)
class LineAnalyser:
    """The line scorer, phrase families and title picker bound to one ``Config``."""

    scorer: LineScorer
    picker: TitlePicker

    @classmethod
    def from_config(cls, config: Config) -> LineAnalyser | None:
        """None when the config switches every rule that reads the analysis off.

        They are preview rules: without ``Config(preview=True)`` the analysis is not made.
        """
        if not config.preview:
            return None
        if all(not config.enabled(n) for n in ("lines.score", "lines.leftover", "lines.title")) \
                and not config.chrome_phrases and "chrome" in config.disabled:
            return None
        return _analyser(config.line_model, config.title_model, config.phrase_families())

    def __call__(self, texts: list[str], starts: list[int], numbers: list[int]) -> LinesAnalysis:
        gaps = [True] + [b - a > 1 for a, b in zip(numbers, numbers[1:])]
        lines = Lines(texts, starts, list(map((-1).__add__, numbers)), gaps)
        prepared = prepare_lines(lines, self.scorer.families)
        scores = self.scorer.score_prepared(prepared)
        words, ends = scores.words, scores.ends_sentence
        keep = grow_prose(words, ends, scores.probability, scores.keep)
        family = scores.family
        clean = reads_clean(words, keep, family)
        titles = self.picker.ranked(texts, keep.tolist(), family, TITLE_CANDIDATES,
                                    scores.probability.tolist(), gaps) if texts else []
        # after the guard's and the picker's reading, which the models were trained with
        keep = keep_broken_sentences(texts, words, ends, keep_code_runs(texts, keep))
        return LinesAnalysis(scores, keep, family, clean, titles, dict(zip(numbers, range(len(numbers)))),
                             warnings=prepared.warnings)


@lru_cache(maxsize=8)
def _analyser(line_model: str | None, title_model: str | None,
              families: tuple[PhraseFamily, ...] = DEFAULT_FAMILIES) -> LineAnalyser:
    spec = load_model(Path(line_model)) if line_model else None
    title = load_model(Path(title_model)) if title_model else default_title_model()
    return LineAnalyser(LineScorer(spec, families), TitlePicker(title))
