"""The title of a plain-text page: the headline line, not a navigation line.

Scrapers that render a whole page put the ``<title>`` text on the first line,
usually with the site's name after a separator ("How to X | Site", "How to X -
Site"). The on-page headline often repeats it further down, sometimes longer or
worded a little differently, after the navigation. ``pick_title``

1. splits the first line into its title part and its site part at the last
   separator that leaves a headline-sized part (`` | ``, `` - ``, `` – ``, `` — ``,
   `` :: ``, `` · ``, `` » ``, `` / ``), keeping the longer side as the title when
   the site side is the short one, either before or after;
2. looks among the first lines for a headline-shaped line whose words cover that
   title part (the on-page heading) and prefers it, since it is the headline as
   printed;
3. otherwise takes the title part of the first line.

It returns the chosen line's index, the title text (a substring of that line),
the site part if one was split off, and the reason: enough for ``lines.title`` to record
a ``ToTitle`` and a ``ToMeta("site")`` with offsets.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import numpy as np
import regex

from ..patterns import AGE_LINE, BYLINE, DATE_CORE, DATE_HINT
from ..text import CJK_CLASS, has_cjk

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_INNER_END = re.compile(r"[.!?]\s+[A-Z]")
# a separator between a title and its site: spaced, or, after Chinese or Japanese, which puts no
# space around it, an underscore, a bar or a dash between two of its characters ("标题_新浪新闻",
# "短缺药品保供稳价 全力保障临床用药需求-新华网")
# (?<!\s): a separator's space is tried from the start of its run only; tried from every space
# of a run, a line of 9,000 spaces took 1.3 s (the run's square), and it gives the same matches
_SPACED_SEPS = re.compile(r"(?<!\s)\s+(?:\||-|–|—|::|·|»|/|:)\s+")
_CJK_SEPS = re.compile(rf"{_SPACED_SEPS.pattern}|(?<=[{CJK_CLASS}])\s*[_｜|]\s*(?=\S)"
                       rf"|(?<=[{CJK_CLASS}])-(?=[{CJK_CLASS}])")
_SEP_MARK = re.compile(r"[|\-–—:·»/_｜]")  # in every separator (``_seps``): a quick test that rules most lines out
MAX_TITLE_WORDS = 40
MAX_SITE_WORDS = 8
_NAME_SEPS = frozenset(("|", "::", "»", "·", "_", "｜"))  # what sets a site's name off: "Title | Site", "Site » Title"
SEARCH_LINES = 60
# below the first SEARCH_LINES, the lines around where the line model's content starts are
# candidates too: under a long menu, the headline sits just above the article's first paragraph
WINDOW_ABOVE = 10
WINDOW_BELOW = 2
NEAR_CONTENT = 6
MIN_NEAR_F1 = 0.3


@dataclass(frozen=True)
class TitlePick:
    """What ``pick_title`` chose and why."""

    line: int  # index into the lines given
    title: str  # a substring of lines[line]
    start: int  # offsets of title within lines[line]
    end: int
    site: str | None  # the site part split off the first line, if any
    reason: str

    def whole(self, line: str) -> bool:
        """Is the pick all of ``line`` (stripped), no site part split off it?"""
        return self.end - self.start >= len(line.strip())


def _seps(line: str) -> list[re.Match[str]]:
    """The separators of ``line``: a line without Chinese or Japanese can only have spaced ones and is
    searched for them alone (the look-behinds of the others made the search 2.6 times slower)."""
    return list((_CJK_SEPS if has_cjk(line) else _SPACED_SEPS).finditer(line))


def _words(s: str) -> list[str]:
    return _WORD.findall(s.lower())


def split_site(line: str) -> tuple[str, int, int, str | None]:
    """(title part, its start, its end, site part or None) of a ``<title>``-style line."""
    cuts = _seps(line)
    if not cuts:
        return line, 0, len(line), None
    # the site is the short end: after the last separator, or before the first one
    last, first = cuts[-1], cuts[0]
    tail, head = line[last.end():], line[: first.start()]
    tail_w, head_w = len(_words(tail)), len(_words(head))
    body_before = line[: last.start()]
    body_after = line[first.end():]
    if tail_w and tail_w <= MAX_SITE_WORDS and (tail_w < len(_words(body_before)) or tail_w <= 3) \
            and not is_subtitle(tail, last.group().strip()):
        # "Title | Section | Site": strip every short trailing part
        end = last.start()
        site_start = last.end()
        for m in reversed(cuts[:-1]):
            part = line[m.end(): end]
            if len(_words(part)) <= 3 and len(_words(line[: m.start()])) > len(_words(part)):
                end = m.start()
                site_start = m.end()
            else:
                break
        return line[:end], 0, end, line[site_start:] if site_start < len(line) else None
    # a site before the title comes with a bar or an arrow, never a dash: "Mother-in-law - a comedy"
    if head_w and head_w <= 4 and head_w < len(_words(body_after)) and first.group().strip() in ("|", "::", "»", "·"):
        return line[first.end():], first.end(), len(line), head
    return line, 0, len(line), None


def is_subtitle(part: str, sep: str) -> bool:
    """Is ``part``, the end of a line after the separator ``sep``, the title's second half
    rather than the site's name? After a dash or a colon, a part that opens with a word in
    lower case reads as the rest of a sentence: "— and 5 fitness trends to expect in 2025",
    "– tips and tricks". Site names are names, even when they hold function words ("- Confessions
    of a Fit Foodie"); a brand in lower case has a capital or a dot in it ("iHeartRadio",
    "bytesauna.com"), and "- by Charlie Hills" is a byline. After a bar (``_NAME_SEPS``) the part
    is always a name."""
    if sep in _NAME_SEPS or not part.strip():
        return False
    first = part.split(maxsplit=1)[0]
    return first[:1].islower() and first.islower() and "." not in first and not BYLINE.fullmatch(part.strip())


def whole_line_candidate(line: int, text: str) -> Candidate:
    """Line ``line`` (its ``text``) taken whole as the title, its site part split off by
    ``split_site`` when that leaves a title of two words or more."""
    part, start, _end, site = split_site(text)
    if site is None or len(_words(part)) < 2:
        part, start, site = text, 0, None
    start += len(part) - len(part.lstrip())
    return Candidate(line, part.strip(), start, start + len(part.strip()), site)


def _cover(a: list[str], b: list[str]) -> float:
    """Share of a's words found in b (multiset)."""
    if not a:
        return 0.0
    pool: dict[str, int] = {}
    for w in b:
        pool[w] = pool.get(w, 0) + 1
    hit = 0
    for w in a:
        if pool.get(w, 0) > 0:
            pool[w] -= 1
            hit += 1
    return hit / len(a)


def _f1(a: list[str], b: list[str]) -> float:
    r, p = _cover(a, b), _cover(b, a)
    return 2 * r * p / (r + p) if r + p else 0.0


def _headline_shaped(line: str, n_words: int) -> bool:
    return 2 <= n_words <= MAX_TITLE_WORDS and line[-1:] not in ".,;:" and not line[:1].islower()


def pick_title(lines: list[str], content: list[bool] | None = None) -> TitlePick | None:
    """The title among ``lines`` (stripped, non-blank, in page order), or None for an empty page.

    ``content``, the line scorer's verdicts, lets a heading just above the first
    content line win when no heading repeats the first line.
    """
    if not lines:
        return None
    part, start, end, site = split_site(lines[0])
    pw = _words(part)
    if not pw:
        return None
    best: tuple[float, int] | None = None
    for i in range(1, min(len(lines), SEARCH_LINES)):
        cand = lines[i]
        cw = _words(cand)
        if not cw or len(cw) > MAX_TITLE_WORDS:
            continue
        # the heading carries the title part's words, and not many more
        recall = _cover(pw, cw)
        precision = _cover(cw, pw)
        if recall >= 0.8 and precision >= 0.5:
            score = recall + precision
            if best is None or score > best[0] + 1e-9:
                best = (score, i)
                if recall == 1.0 and precision == 1.0:
                    break
    if best is not None:
        i = best[1]
        cpart, cs, ce, _ = split_site(lines[i]) if _seps(lines[i]) and site else (lines[i], 0, len(lines[i]), None)
        return TitlePick(i, cpart.strip(), cs, ce, site, "on-page heading repeating the first line")
    if content is not None and any(content):
        first = content.index(True)
        # the headline is the heading-shaped line just above the body (or its first kept line),
        # and shares some words with the <title>
        for i in range(first, max(first - NEAR_CONTENT, 0), -1):
            cw = _words(lines[i])
            if i and _headline_shaped(lines[i], len(cw)) and _f1(pw, cw) >= MIN_NEAR_F1:
                return TitlePick(i, lines[i], 0, len(lines[i]), site, "heading above the first content line")
    reason = "first line, site part split off" if site else "first line"
    return TitlePick(0, part.strip(), start, end, site, reason)


# --- the learned picker ---------------------------------------------------------------------------

MODEL_FORMAT = "cleanpage.title/1"
MODEL_FORMAT_2 = "cleanpage.title/2"
MODEL_FORMAT_3 = "cleanpage.title/3"
MODEL_FORMAT_4 = "cleanpage.title/4"
CANDIDATE_FEATURES = (
    "is_first", "is_split", "log_index", "log_words", "short_3", "long_15", "ends_clause", "ends_question",
    "starts_upper", "digit_share", "f1_first", "recall_first", "precision_first", "before_content",
    "log_content_dist", "just_above_content", "is_content", "content_below", "phrase_family", "log_repeats",
    "keep_share", "is_suffix", "is_site_split",
)
# format cleanpage.title/2 (boosted stumps, additive like the line model) also reads these
CANDIDATE_FEATURES_2 = CANDIDATE_FEATURES + (
    "line_score", "gap_before", "gap_after", "headline_shaped", "title_case", "site_words", "score_below",
)
# format cleanpage.title/3 (small boosted trees, which can weigh a candidate against the others)
# also reads how the candidate stands among the page's other candidates: whether it, or another
# line, looks like the on-page heading (headline-shaped, blank lines around it, the body starting
# at most HEADING_NEAR lines below, sharing words with the first line), and how many later lines
# repeat the first line
CANDIDATE_FEATURES_3 = CANDIDATE_FEATURES_2 + (
    "heading", "other_heading", "other_heading_f1", "nearest_heading", "log_lines_like_first",
    # a byline or date line within the next 4 or 2 lines, or within the 3 above (the first line aside)
    "meta_below_4", "meta_below_2", "meta_above_3",
)
# format cleanpage.title/4 also reads what the page's first line is, the same on every row: a
# scraper that prints the <title> first (html-text, BeautifulSoup) gives a line that names the
# page, often with its site; one that lays out the page as a browser does (crawl dumps) starts
# with the menu, and the headline must be found lower down
CANDIDATE_FEATURES_4 = CANDIDATE_FEATURES_3 + (
    "first_site_split", "first_log_words", "first_headline_shaped", "first_phrase_family", "first_line_score",
)
META_MAX_WORDS = 14
HEADING_NEAR = 6
HEADING_MIN_F1 = 0.3
LIKE_FIRST_F1 = 0.5


class Candidate(NamedTuple):
    """A title candidate: ``title`` is ``lines[line][start:end]``; ``site`` what it leaves aside."""

    line: int
    title: str
    start: int
    end: int
    site: str | None


# the columns of ``candidate_features`` that depend only on the candidate's line, and those
# that depend on its text (``_among_candidates`` fills the rest)
_LINE_COLUMNS = (
    "is_first", "log_index", "before_content", "log_content_dist", "just_above_content", "is_content",
    "content_below", "phrase_family", "log_repeats", "line_score", "gap_before", "gap_after", "score_below",
    "meta_below_4", "meta_below_2", "meta_above_3",
)
_TEXT_COLUMNS = (
    "is_split", "log_words", "short_3", "long_15", "ends_clause", "ends_question", "starts_upper",
    "digit_share", "f1_first", "recall_first", "precision_first", "keep_share", "is_suffix", "is_site_split",
    "headline_shaped", "title_case", "site_words",
)
_LINE_AT = [CANDIDATE_FEATURES_3.index(name) for name in _LINE_COLUMNS]
_TEXT_AT = [CANDIDATE_FEATURES_3.index(name) for name in _TEXT_COLUMNS]
_LOG1P_WORDS = np.asarray([math.log1p(k) for k in range(MAX_TITLE_WORDS + 1)])  # log_words by word count


def candidate_features(lines: list[str], content: list[bool] | None,
                       families: list[str | None] | None = None, scores: list[float] | None = None,
                       gaps: list[bool] | None = None) -> tuple[list[Candidate], np.ndarray]:
    """Every title candidate, with the features the picker reads, one row each
    (``CANDIDATE_FEATURES_4``; older models read a prefix of them).

    ``scores``: the line model's probability per line (all lines, not only the first ones: a
    line's ``score_below`` reads the next three); ``gaps``: a blank line before it.

    The candidates' lines are the first ``SEARCH_LINES`` and, when the line model's content
    starts below them, the lines from ``WINDOW_ABOVE`` above its first content line to
    ``WINDOW_BELOW`` below it (``content_window``).

    The features are made a column at a time: those of a line once per line, spread to its
    candidates by index, and those of a candidate's text over the list of candidates."""
    if not lines:
        return [], np.zeros((0, len(CANDIDATE_FEATURES_4)))
    n = min(len(lines), SEARCH_LINES)
    # the window's lines need their scores: a caller that gives the first lines' only gets no window
    lo, hi = content_window(content, len(lines) if scores is None else min(len(lines), len(scores)))
    rows = [*range(n), *range(lo, hi)]
    words = {i: _words(lines[i]) for i in rows}
    cands, cand_words, is_split, is_suffix = _candidates(lines, rows, words)
    if not cands:
        return [], np.zeros((0, len(CANDIDATE_FEATURES_4)))
    digits = _Digits(lines)
    line = np.asarray([c.line for c in cands], np.int64)
    columns = _line_columns(lines, 0, n, content, families, scores, gaps, digits)
    if hi > lo:
        columns = np.concatenate([columns, _line_columns(lines, lo, hi, content, families, scores, gaps, digits)], 1)
    column = np.where(line < n, line, line - lo + n)  # each candidate's line among the columns
    X = np.empty((len(cands), len(CANDIDATE_FEATURES_4)))
    X[:, _LINE_AT] = columns[:, column].T
    first_part, _s, _e, first_site = split_site(lines[0])
    part_words = Counter(_words(first_part))
    X[:, _TEXT_AT] = _text_columns(cands, cand_words, is_split, is_suffix, words, digits, part_words).T
    _among_candidates(X, line)
    first_words = len(words[0])
    X[:, _FIRST_AT] = (first_site is not None, math.log1p(first_words), _headline_shaped(lines[0], first_words),
                       bool(families and families[0]), scores[0] if scores else 0.5)
    return cands, X


def content_window(content: list[bool] | None, n_lines: int) -> tuple[int, int]:
    """The lines, below the first ``SEARCH_LINES``, from ``WINDOW_ABOVE`` above the first
    content line to ``WINDOW_BELOW`` below it, as a range (empty when content starts higher)."""
    if content is None or True not in content:
        return SEARCH_LINES, SEARCH_LINES
    first = content.index(True)
    lo = max(first - WINDOW_ABOVE, SEARCH_LINES)
    return lo, max(lo, min(first + WINDOW_BELOW + 1, n_lines))


class _Digits(dict):  # type: ignore[type-arg]
    """``digits[i]``: how many digits line ``i`` holds (0 past the last line), counted once per line asked."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines

    def __missing__(self, i: int) -> int:
        k = self[i] = len(_DIGIT.findall(self.lines[i])) if 0 <= i < len(self.lines) else 0
        return k


def _candidates(lines: list[str], rows: list[int], words: dict[int, list[str]]) -> tuple[
        list[Candidate], list[list[str]], list[float], list[float]]:
    """The candidates of the lines ``rows`` of ``lines``, with each one's words and its
    ``is_split`` and ``is_suffix`` features: for each line (of at most thrice MAX_TITLE_WORDS
    words) the line, its split_site title part, and every part before or after a separator,
    those of 1 to MAX_TITLE_WORDS words."""
    cands: list[Candidate] = []
    cand_words: list[list[str]] = []
    is_split: list[float] = []
    is_suffix: list[float] = []
    for i in rows:
        line, lw = lines[i], words[i]
        if len(lw) > 3 * MAX_TITLE_WORDS:
            continue
        seps = _seps(line) if (" " in line or not line.isascii()) and _SEP_MARK.search(line) else ()
        if not seps:  # the line is its only candidate
            if lw and len(lw) <= MAX_TITLE_WORDS:
                stripped = line.strip()
                lead = len(line) - len(line.lstrip())
                cands.append(Candidate(i, stripped, lead, lead + len(stripped), None))
                cand_words.append(lw)
                is_split.append(0.0)
                is_suffix.append(0.0)
            continue
        for text, s, e, site, split, suffix in _variants(line, seps):
            stripped = text.strip()
            cw = lw if e - s == len(line) else _words(stripped)
            if not cw or len(cw) > MAX_TITLE_WORDS:
                continue
            lead = len(text) - len(text.lstrip())
            cands.append(Candidate(i, stripped, s + lead, s + lead + len(stripped), site))
            cand_words.append(cw)
            is_split.append(split)
            is_suffix.append(suffix)
    return cands, cand_words, is_split, is_suffix


def _variants(line: str, seps: list[re.Match[str]]) -> list[tuple[str, int, int, str | None, float, float]]:
    """(text, start, end, site, is_split, is_suffix) of the line, its split_site title part, and
    every distinct part of at least 2 words before or after one of its separators ``seps``."""
    variants: list[tuple[str, int, int, str | None, float, float]] = [(line, 0, len(line), None, 0.0, 0.0)]
    cpart, cs, ce, csite = split_site(line)
    seen = {line, cpart}
    if csite is not None and cpart.strip():
        variants.append((cpart, cs, ce, csite, 1.0, 0.0))
    for m in seps:
        for text, s, e, rest, suffix in ((line[: m.start()], 0, m.start(), line[m.end():], 0.0),
                                         (line[m.end():], m.end(), len(line), line[: m.start()], 1.0)):
            if text not in seen and len(_words(text)) >= 2:
                seen.add(text)
                variants.append((text, s, e, rest, 0.5, suffix))
    return variants


def _line_columns(lines: list[str], lo: int, hi: int, content: list[bool] | None,
                  families: list[str | None] | None, scores: list[float] | None, gaps: list[bool] | None,
                  digits: _Digits) -> np.ndarray:
    """The ``_LINE_COLUMNS`` of lines ``lo`` to ``hi - 1``, a row per column (``digits``: how
    many digits each line holds)."""
    n_lines, n = len(lines), hi - lo
    content = content if content is not None else [False] * n_lines
    first_content = content.index(True) if any(content) else n_lines
    counts = Counter(lines[:max(200, hi)])
    at = np.arange(lo, hi)
    dist = first_content - at
    later = at > 0
    # content and byline or date lines, by line, with False past the last line
    flags = np.zeros(n + 4, bool)  # flags[k]: line lo + k
    flags[:max(min(len(content), hi + 4) - lo, 0)] = content[lo:hi + 4]
    meta = np.zeros(n + 7, bool)  # meta[k + 3]: line lo + k, for k from -3 to n + 3
    first_meta = max(lo - 3, 1)  # the first line, the <title>, is not read as a byline or date line
    last_meta = min(n_lines, hi + 4)
    if last_meta > first_meta:
        meta[first_meta - lo + 3:last_meta - lo + 3] = _meta_lines(lines[first_meta:last_meta],
                                                                   [digits[k] for k in range(first_meta, last_meta)])
    meta_below_2 = later & (meta[4:n + 4] | meta[5:n + 5])
    gap = (list(gaps[lo:hi + 1]) + [1.0] * (n + 1))[:n + 1] if gaps is not None else [1.0] * (n + 1)
    out = np.empty((len(_LINE_COLUMNS), n))
    out[:] = [
        at == 0, _log1p_range(hi) if lo == 0 else np.log1p(at), dist > 0, [math.log1p(abs(d)) for d in dist.tolist()],
        (1 <= dist) & (dist <= 3), content[lo:hi], flags[1:n + 1] | flags[2:n + 2] | flags[3:n + 3],
        list(map(bool, families[lo:hi])) if families else [False] * n,
        list(map(math.log, map(counts.__getitem__, lines[lo:hi]))),
        scores[lo:hi] if scores is not None else [0.5] * n,
        gap[:n] if gaps is not None else [0.0] * n,
        gap[1:n + 1],
        _best_of_next_3(scores, lo, hi) if scores is not None else [0.5] * n,
        meta_below_2 | (later & (meta[6:n + 6] | meta[7:n + 7])), meta_below_2,
        later & (meta[:n] | meta[1:n + 1] | meta[2:n + 2]),
    ]
    return out


@lru_cache(maxsize=SEARCH_LINES + 1)
def _log1p_range(n: int) -> np.ndarray:
    """``math.log1p`` of 0 to n - 1."""
    return np.asarray([math.log1p(i) for i in range(n)], np.float64)


def _best_of_next_3(scores: list[float], lo: int, hi: int) -> np.ndarray:
    """For lines ``lo`` to ``hi - 1``, the best of ``scores`` over the next 3 lines (0 for the last line)."""
    n = hi - lo
    padded = np.full(n + 3, -np.inf)
    tail = scores[lo:hi + 3]
    padded[:len(tail)] = tail
    best = np.maximum(np.maximum(padded[1:n + 1], padded[2:n + 2]), padded[3:n + 3])
    best[max(len(scores) - 1 - lo, 0):] = 0.0
    return best


def _text_columns(cands: list[Candidate], cand_words: list[list[str]], is_split: list[float],
                  is_suffix: list[float], words: dict[int, list[str]], digits: _Digits,
                  part_words: Counter[str]) -> np.ndarray:
    """The ``_TEXT_COLUMNS`` of each candidate, a row per column; ``words`` and ``digits``
    are those of each line, ``part_words`` the words of the first line's title part."""
    texts = [c.title for c in cands]
    n_words = [len(cw) for cw in cand_words]
    # a whole line (is_split 0) has the line's digits; stripping a line drops none
    n_digits = [digits[c.line] if split == 0.0 else len(_DIGIT.findall(c.title)) for c, split in zip(cands, is_split)]
    part_set = set(part_words)
    n_pw = max(sum(part_words.values()), 1)
    if n_pw == len(part_set):  # no word twice in the title part: count the distinct words it shares
        hits = [0 if part_set.isdisjoint(cw) else len(part_set.intersection(cw)) for cw in cand_words]
    else:
        hits = [0 if part_set.isdisjoint(cw) else _shared_words(part_words, part_set, cw) for cw in cand_words]
    nw, hit, split = np.asarray(n_words), np.asarray(hits), np.asarray(is_split)
    recall, precision = hit / n_pw, hit / nw
    with np.errstate(invalid="ignore"):  # 0 / 0 where nothing is shared
        f1 = np.where(hit > 0, 2 * recall * precision / (recall + precision), 0.0)
    lasts = [t[-1:] for t in texts]
    out = np.empty((len(_TEXT_COLUMNS), len(cands)))
    out[:] = [
        split, _LOG1P_WORDS[nw], nw <= 3, nw >= 15,
        [last in ".,;:" for last in lasts], [last in "?!" for last in lasts], [t[:1].isupper() for t in texts],
        np.asarray(n_digits) / np.asarray(list(map(len, texts))), f1, recall, precision,
        nw / np.maximum(np.asarray([len(words[c.line]) for c in cands]), 1), is_suffix, split == 1.0,
        [_headline_shaped(t, k) and not _INNER_END.search(t) for t, k in zip(texts, n_words)],
        [_title_share(t) for t in texts],
        [math.log1p(len(_words(c.site))) if c.site else 0.0 for c in cands],
    ]
    return out


def _shared_words(a: Counter[str], a_set: set[str], b: list[str]) -> int:
    """How many of ``b``'s words ``a`` holds, counted as a multiset (``a_set``: a's words)."""
    return sum(min(a[w], b.count(w)) for w in a_set.intersection(b))


def _title_share(text: str) -> float:
    """The share of the whitespace-separated tokens of ``text`` that start with a capital."""
    tokens = text.split()
    return len([w for w in tokens if w[0].isupper()]) / max(len(tokens), 1)


_BY_START = regex.compile(r"(?:by|written\s+by|posted\s+by|author:?)\s+\w", regex.IGNORECASE)
# a line holds a date (patterns.DATE) where it holds the date without its optional weekday and
# article: searched for without them, in half the time
_DATE_IN = regex.compile(DATE_CORE, regex.IGNORECASE)
# every pattern of _meta_shaped needs a digit or one of these words: most lines are ruled out here
# (and the words a byline may start with in the other languages BYLINE reads)
_META_HINTS = ("by", "ago", "now", "yesterday", "today", "last", "written", "posted", "author", "von", "par", "por",
               "di")


def _meta_lines(lines: list[str], digits: list[int]) -> list[bool]:
    """Which of ``lines`` are byline or date lines, such as lie under an article's headline
    (``digits``: how many digits each line holds)."""
    return [(d > 0 or _meta_hint(line.lower())) and _meta_shaped(line) for line, d in zip(lines, digits)]


def _meta_hint(low: str) -> bool:
    """Does ``low``, a line in lower case, hold one of the ``_META_HINTS``?"""
    for hint in _META_HINTS:
        if hint in low:
            return True
    return False


def _meta_shaped(line: str) -> bool:
    """Is ``line``, one with a digit or a hint word, a byline or date line?"""
    return len(line.split()) <= META_MAX_WORDS and bool(
        _BY_START.match(line) or (DATE_HINT.search(line) and _DATE_IN.search(line)) or BYLINE.fullmatch(line) or AGE_LINE.fullmatch(line))


_F2 = {name: j for j, name in enumerate(CANDIDATE_FEATURES_2)}


def _among_candidates(X: np.ndarray, line: np.ndarray) -> None:
    """Fill the ``CANDIDATE_FEATURES_3`` columns of ``X`` named after ``_AMONG``: each candidate
    against the candidates of the other lines (``line``: each row's line, rows in line order)."""
    f1 = X[:, _F2["f1_first"]]
    heading = (X[:, _F2["headline_shaped"]] * X[:, _F2["gap_before"]] * X[:, _F2["gap_after"]]
               * (X[:, _F2["before_content"]] > 0) * (X[:, _F2["log_content_dist"]] <= math.log1p(HEADING_NEAR))
               * (f1 >= HEADING_MIN_F1))
    new_line = np.empty(len(line), bool)
    new_line[:1] = True
    np.not_equal(line[1:], line[:-1], out=new_line[1:])
    starts = np.flatnonzero(new_line)  # each line's first row
    row_line = np.cumsum(new_line) - 1  # each row's line, counted from 0
    # the rows' features are non-negative: the largest over a line's rows is at least 0, as before
    per_line_heading = np.maximum.reduceat(heading, starts)
    per_line_f1 = np.maximum.reduceat(np.where(heading > 0, f1, 0.0), starts)
    per_line_like = np.add.reduceat(((f1 >= LIKE_FIRST_F1) & (line > 0)).astype(np.float64), starts)
    nearest = line[heading > 0].max(initial=-1)
    at = _AMONG_AT
    X[:, at[0]] = heading
    X[:, at[1]] = _best_elsewhere(per_line_heading, row_line)
    X[:, at[2]] = _best_elsewhere(per_line_f1, row_line)
    X[:, at[3]] = line == nearest
    X[:, at[4]] = np.log1p(per_line_like.sum() - per_line_like[row_line])


_AMONG = ("heading", "other_heading", "other_heading_f1", "nearest_heading", "log_lines_like_first")
_AMONG_AT = [CANDIDATE_FEATURES_3.index(name) for name in _AMONG]
_FIRST_AT = list(range(len(CANDIDATE_FEATURES_3), len(CANDIDATE_FEATURES_4)))
_FIRST_SITE_SPLIT = CANDIDATE_FEATURES_4.index("first_site_split")


def _best_elsewhere(per_line: np.ndarray, row_line: np.ndarray) -> np.ndarray:
    """For each row, the largest of ``per_line`` (non-negative) over the lines but its own."""
    if len(per_line) < 2:
        return np.zeros(len(row_line))
    top2 = np.argsort(-per_line, kind="stable")[:2]
    return np.where(row_line == top2[0], per_line[top2[1]], per_line[top2[0]])


class TitlePicker:
    """The learned picker: the candidate with the highest logistic score."""

    def __init__(self, spec: dict | None = None) -> None:
        spec = spec if spec is not None else default_title_model()
        fmt = spec.get("format")
        self.additive = None
        self.trees = None
        self.other: Trees | None = None
        if fmt == MODEL_FORMAT and tuple(spec["features"]) == CANDIDATE_FEATURES:
            self.w = np.asarray(spec["weights"], np.float64)
            self.b = float(spec["bias"])
        elif fmt == MODEL_FORMAT_2 and tuple(spec["features"]) == CANDIDATE_FEATURES_2:
            from .scorer import AdditiveModel

            self.additive = AdditiveModel(spec["model"], CANDIDATE_FEATURES_2)
        elif fmt == MODEL_FORMAT_3 and tuple(spec["features"]) == CANDIDATE_FEATURES_3:
            self.trees = Trees(spec["trees"])  # reads the first columns only
        elif fmt == MODEL_FORMAT_4 and tuple(spec["features"]) == CANDIDATE_FEATURES_4:
            # two pickers: for a page whose first line has a site part (the <title>, printed first),
            # and for any other page (text laid out as a browser shows it starts with the menu)
            self.trees = Trees(spec["titled"])
            self.other = Trees(spec["other"])
        else:
            raise ValueError("not a title model for these features; rebuild it with training/text/train_title.py")

    def scores(self, X: np.ndarray) -> np.ndarray:
        """Each candidate's score (a logit) from its rows of ``candidate_features`` (one page's)."""
        if self.other is not None and len(X) and not X[0, _FIRST_SITE_SPLIT]:
            return self.other.logits(X)
        if self.trees is not None:
            return self.trees.logits(X)
        if self.additive is not None:
            return self.additive.logits(X)
        return X[:, :len(CANDIDATE_FEATURES)] @ self.w + self.b

    def pick(self, lines: list[str], content: list[bool] | None = None,
             families: list[str | None] | None = None) -> TitlePick | None:
        ranked = self.ranked(lines, content, families, 1)
        return ranked[0] if ranked else None

    def ranked(self, lines: list[str], content: list[bool] | None = None,
               families: list[str | None] | None = None, k: int = 3, scores: list[float] | None = None,
               gaps: list[bool] | None = None) -> list[TitlePick]:
        """The ``k`` best candidates on distinct lines, best first."""
        cands, rows = candidate_features(lines, content, families, scores, gaps)
        if not cands:
            return []
        s = self.scores(rows)
        first_site = split_site(lines[0])[3]  # the site of a pick that splits none off itself
        out: list[TitlePick] = []
        seen: set[int] = set()
        texts: set[str] = set()
        for j in np.argsort(-s, kind="stable"):
            c = cands[int(j)]
            if c.line in seen or lines[c.line] in texts:
                continue  # one candidate per line, and per text: "Share" printed thrice is one
            seen.add(c.line)
            texts.add(lines[c.line])
            if c.site is None and c.start == 0 and c.end == len(lines[c.line]):
                # the whole line won: its site part still goes (both score alike against a title)
                split = whole_line_candidate(c.line, lines[c.line])
                if split.site is not None:
                    c = split
            site = c.site if c.site is not None else first_site
            p = 1 / (1 + np.exp(-s[j]))
            out.append(TitlePick(c.line, c.title, c.start, c.end, site,
                                 f"title score {p:.2f}, best of {len(cands)} candidates"))
            if len(out) >= k:
                break
        return out


class Trees:
    """Boosted regression trees, evaluated for every row and tree at once.

    ``spec`` (a tree set of format ``cleanpage.title/3`` or ``/4``) holds the trees as flat node arrays: ``feature``
    (a column per node, -1 at a leaf), ``threshold``, ``left`` and ``right`` (node indices;
    a row goes left when its value is at most the threshold), ``value`` (a leaf's output),
    ``roots`` (each tree's first node) and ``bias``.

    Small trees are read as tables: the distinct tests of all trees' split nodes (at most a
    few a tree) are made on every row in one comparison, the outcomes make a row's bit pattern
    per tree, and a table per tree maps each pattern to the leaf it leads to."""

    def __init__(self, spec: dict) -> None:
        feature = [int(f) for f in spec["feature"]]
        threshold = [float(t) for t in spec["threshold"]]
        left, right, value = spec["left"], spec["right"], spec["value"]
        self.bias = float(spec["bias"])
        splits: list[list[int]] = []  # each tree's split nodes, in depth-first order
        for root in spec["roots"]:
            nodes, todo = [], [int(root)]
            while todo:
                k = todo.pop()
                if feature[k] >= 0:
                    nodes.append(k)
                    todo += [int(right[k]), int(left[k])]
            splits.append(nodes)
        width = max((len(n) for n in splits), default=0)
        if width > 10:
            raise ValueError("title model trees too large: at most 10 splits a tree")
        self.width = width
        # per tree, ``width`` tests (padded with one that always holds) and a table of 2**width leaves
        cols = np.zeros((len(splits), width), np.int64)
        thr = np.full((len(splits), width), np.inf)
        table = np.zeros((len(splits), 1 << width))
        for t, (root, nodes) in enumerate(zip(spec["roots"], splits)):
            bit = {k: j for j, k in enumerate(nodes)}
            for j, k in enumerate(nodes):
                cols[t, j], thr[t, j] = feature[k], threshold[k]
            for pattern in range(1 << width):
                k = int(root)
                while feature[k] >= 0:
                    k = int(left[k]) if pattern >> bit[k] & 1 else int(right[k])
                table[t, pattern] = value[k]
        # trees share tests: each distinct (column, threshold) is made once, and ``_test[j]``
        # says which one is test j of each tree
        tests = sorted(set(zip(cols.ravel().tolist(), thr.ravel().tolist())))
        at = {test: k for k, test in enumerate(tests)}
        self._cols = np.asarray([c for c, _ in tests], np.int64)
        self._thr = np.asarray([t for _, t in tests], np.float64)[:, None]
        self._test = [np.asarray([at[c, t] for c, t in zip(cols[:, j].tolist(), thr[:, j].tolist())], np.intp)
                      for j in range(width)]
        self._table = table.ravel()
        self._start = (np.arange(len(splits), dtype=np.int64) << width)[:, None]  # each tree's table in _table
        self._n = len(splits)

    def logits(self, X: np.ndarray) -> np.ndarray:
        """Each row's bias plus its leaf of every tree, the leaves added tree after tree.

        Made a tree per row of the arrays (trees x rows): the sum over axis 0 then adds the
        trees in order, one after another, as the model has always been summed; a pairwise
        sum along rows would change the last bits of a score."""
        if not X.shape[0] or not self._n:
            return np.full(X.shape[0], self.bias)
        # np.take rather than fancy indexing: the same gathers, faster
        went_left = (np.take(X.T, self._cols, axis=0) <= self._thr).view(np.uint8)  # tests x rows
        pattern = np.zeros((self._n, X.shape[0]), np.uint16)  # each tree's bit pattern, per row
        for j, test in enumerate(self._test):
            pattern |= np.take(went_left, test, axis=0) * np.uint16(1 << j)
        return np.take(self._table, self._start + pattern).sum(axis=0) + self.bias


@lru_cache(maxsize=1)
def default_title_model() -> dict:
    text = resources.files("cleanpage").joinpath("models", "title.json").read_text(encoding="utf-8")
    return json.loads(text)
