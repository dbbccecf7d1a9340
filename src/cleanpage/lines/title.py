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

import numpy as np
import regex

from ..patterns import AGE_LINE, BYLINE, DATE

_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
_INNER_END = re.compile(r"[.!?]\s+[A-Z]")
_SEPS = re.compile(r"\s+(?:\||-|–|—|::|·|»|/|:)\s+")
MAX_TITLE_WORDS = 40
MAX_SITE_WORDS = 8
SEARCH_LINES = 60
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


def _words(s: str) -> list[str]:
    return _WORD.findall(s.lower())


def split_site(line: str) -> tuple[str, int, int, str | None]:
    """(title part, its start, its end, site part or None) of a ``<title>``-style line."""
    cuts = [m for m in _SEPS.finditer(line)]
    if not cuts:
        return line, 0, len(line), None
    # the site is the short end: after the last separator, or before the first one
    last, first = cuts[-1], cuts[0]
    tail, head = line[last.end():], line[: first.start()]
    tail_w, head_w = len(_words(tail)), len(_words(head))
    body_before = line[: last.start()]
    body_after = line[first.end():]
    if tail_w and tail_w <= MAX_SITE_WORDS and (tail_w < len(_words(body_before)) or tail_w <= 3):
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
        cpart, cs, ce, _ = split_site(lines[i]) if _SEPS.search(lines[i]) and site else (lines[i], 0, len(lines[i]), None)
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
META_MAX_WORDS = 14
HEADING_NEAR = 6
HEADING_MIN_F1 = 0.3
LIKE_FIRST_F1 = 0.5


@dataclass(frozen=True)
class Candidate:
    line: int
    title: str
    start: int
    end: int
    site: str | None


def _overlap(a: Counter[str], b: Counter[str]) -> int:
    return sum((a & b).values())


def candidate_features(lines: list[str], content: list[bool] | None,
                       families: list[str | None] | None = None, scores: list[float] | None = None,
                       gaps: list[bool] | None = None) -> tuple[list[Candidate], np.ndarray]:
    """Every title candidate among the first lines, with the features the picker reads, one
    row each (``CANDIDATE_FEATURES_3``; older models read a prefix of them).

    ``scores``: the line model's probability per line; ``gaps``: a blank line before it."""
    if not lines:
        return [], np.zeros((0, len(CANDIDATE_FEATURES_3)))
    part, _s, _e, _site = split_site(lines[0])
    pc = Counter(_words(part))
    pset = set(pc)
    n_pw = max(sum(pc.values()), 1)
    n = min(len(lines), SEARCH_LINES)
    content = content if content is not None else [False] * len(lines)
    first_content = content.index(True) if any(content) else len(lines)
    counts = Counter(lines[:200])
    cands: list[Candidate] = []
    rows: list[list[float]] = []
    has_scores, has_gaps = scores is not None, gaps is not None
    for i in range(n):
        line = lines[i]
        lw = _words(line)
        if len(lw) > 3 * MAX_TITLE_WORDS:
            continue
        # the line, its split_site title part, and every part before or after a separator
        variants = [(line, 0, len(line), None, 0.0, 0.0)]
        seps = list(_SEPS.finditer(line)) if " " in line else ()
        if seps:
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
        line_words = max(len(lw), 1)
        d = first_content - i
        # what every candidate of the line shares
        shared = [float(d > 0), math.log1p(abs(d)), float(1 <= d <= 3), float(content[i]),
                  float(any(content[i + 1:i + 4])), float(bool(families and families[i])),
                  math.log(counts.get(line, 1))]
        sc = scores[i] if has_scores else 0.5  # type: ignore[index]
        below_sc = max(scores[i + 1:i + 4], default=0.0) if has_scores else 0.5  # type: ignore[index]
        gap_b = float(gaps[i]) if has_gaps else 0.0  # type: ignore[index]
        gap_a = float(gaps[i + 1]) if has_gaps and i + 1 < len(gaps) else 1.0  # type: ignore[arg-type,index]
        first, log_i = float(i == 0), math.log1p(i)
        for text, s, e, site, is_split, is_suffix in variants:
            stripped = text.strip()
            cw = lw if e - s == len(line) else _words(stripped)
            nw = len(cw)
            if not nw or nw > MAX_TITLE_WORDS:
                continue
            hit = 0 if pset.isdisjoint(cw) else _overlap(pc, Counter(cw))
            rec, prec = hit / n_pw, hit / nw
            f1 = 2 * rec * prec / (rec + prec) if hit else 0.0
            last = stripped[-1:]
            tokens = stripped.split()
            rows.append([
                first, is_split, log_i, math.log1p(nw), float(nw <= 3), float(nw >= 15),
                float(last in ".,;:"), float(last in "?!"), float(stripped[:1].isupper()),
                (len(_DIGIT.findall(stripped)) if _DIGIT.search(stripped) else 0) / len(stripped), f1, rec, prec,
                *shared, nw / line_words, is_suffix, float(is_split == 1.0),
                sc, gap_b, gap_a, float(_headline_shaped(stripped, nw) and not _INNER_END.search(stripped)),
                len([w for w in tokens if w[0].isupper()]) / max(len(tokens), 1),
                math.log1p(len(_words(site))) if site else 0.0, below_sc,
            ])
            lead = len(text) - len(text.lstrip())
            cands.append(Candidate(i, stripped, s + lead, s + lead + len(stripped), site))
    X = np.asarray(rows, np.float64).reshape(len(rows), len(CANDIDATE_FEATURES_2))
    line = np.asarray([c.line for c in cands], np.int64)
    meta = np.asarray([False] + [_meta_line(t) for t in lines[1:n + 4]] + [False] * 4, bool)
    below = np.stack([meta[line + d] for d in range(1, 5)], axis=1)
    above = np.stack([meta[np.maximum(line - d, 0)] for d in range(1, 4)], axis=1)
    later = (line > 0)[:, None]
    return cands, np.hstack([X, _among_candidates(X, line), (below & later).any(axis=1)[:, None],
                             (below[:, :2] & later).any(axis=1)[:, None], (above & later).any(axis=1)[:, None]])


_BY_START = regex.compile(r"(?:by|written\s+by|posted\s+by|author:?)\s+\w", regex.IGNORECASE)
_DATE_IN = regex.compile(DATE, regex.IGNORECASE)
# every pattern of _meta_line needs a digit or one of these words: most lines are ruled out here
_META_HINTS = ("by", "ago", "now", "yesterday", "today", "last", "written", "posted", "author")


def _meta_line(line: str) -> bool:
    """A byline or date line, such as lies under an article's headline."""
    if _DIGIT.search(line) is None:
        low = line.lower()
        if not any(w in low for w in _META_HINTS):
            return False
    return len(line.split()) <= META_MAX_WORDS and bool(
        _BY_START.match(line) or _DATE_IN.search(line) or BYLINE.fullmatch(line) or AGE_LINE.fullmatch(line))


_F2 = {name: j for j, name in enumerate(CANDIDATE_FEATURES_2)}


def _among_candidates(X: np.ndarray, line: np.ndarray) -> np.ndarray:
    """The ``CANDIDATE_FEATURES_3`` columns beyond ``CANDIDATE_FEATURES_2``: each candidate
    against the candidates of the other lines (``line``: each row's line)."""
    f1 = X[:, _F2["f1_first"]]
    heading = (X[:, _F2["headline_shaped"]] * X[:, _F2["gap_before"]] * X[:, _F2["gap_after"]]
               * (X[:, _F2["before_content"]] > 0) * (X[:, _F2["log_content_dist"]] <= math.log1p(HEADING_NEAR))
               * (f1 >= HEADING_MIN_F1))
    lines, row_line = np.unique(line, return_inverse=True)
    per_line_heading = np.zeros(len(lines))
    np.maximum.at(per_line_heading, row_line, heading)
    per_line_f1 = np.zeros(len(lines))
    np.maximum.at(per_line_f1, row_line, np.where(heading > 0, f1, 0.0))
    per_line_like = np.bincount(row_line, weights=((f1 >= LIKE_FIRST_F1) & (line > 0)).astype(np.float64),
                                minlength=len(lines))
    nearest = line[heading > 0].max(initial=-1)
    return np.column_stack([
        heading, _best_elsewhere(per_line_heading, row_line), _best_elsewhere(per_line_f1, row_line),
        (line == nearest).astype(np.float64), np.log1p(per_line_like.sum() - per_line_like[row_line]),
    ])


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
        if fmt == MODEL_FORMAT and tuple(spec["features"]) == CANDIDATE_FEATURES:
            self.w = np.asarray(spec["weights"], np.float64)
            self.b = float(spec["bias"])
        elif fmt == MODEL_FORMAT_2 and tuple(spec["features"]) == CANDIDATE_FEATURES_2:
            from .scorer import AdditiveModel

            self.additive = AdditiveModel(spec["model"], CANDIDATE_FEATURES_2)
        elif fmt == MODEL_FORMAT_3 and tuple(spec["features"]) == CANDIDATE_FEATURES_3:
            self.trees = Trees(spec["trees"])
        else:
            raise ValueError("not a title model for these features; rebuild it with training/text/train_title.py")

    def scores(self, X: np.ndarray) -> np.ndarray:
        """Each candidate's score (a logit) from its row of ``candidate_features``."""
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
                part, ps, pe, psite = split_site(lines[c.line])
                if psite is not None and len(_words(part)) >= 2:
                    lead = len(part) - len(part.lstrip())
                    c = Candidate(c.line, part.strip(), ps + lead, ps + lead + len(part.strip()), psite)
            site = c.site if c.site is not None else split_site(lines[0])[3]
            p = 1 / (1 + np.exp(-s[j]))
            out.append(TitlePick(c.line, c.title, c.start, c.end, site,
                                 f"title score {p:.2f}, best of {len(cands)} candidates"))
            if len(out) >= k:
                break
        return out


class Trees:
    """Boosted regression trees, evaluated for every row and tree at once.

    ``spec`` (format ``cleanpage.title/3``) holds the trees as flat node arrays: ``feature``
    (a column per node, -1 at a leaf), ``threshold``, ``left`` and ``right`` (node indices;
    a row goes left when its value is at most the threshold), ``value`` (a leaf's output),
    ``roots`` (each tree's first node) and ``bias``.

    Small trees are read as tables: each tree's split nodes (at most a few) are tested on
    every row in one comparison, the outcomes make a row's bit pattern per tree, and a table
    per tree maps each pattern to the leaf it leads to."""

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
        self._cols = cols.T.ravel()  # test j of every tree, then test j + 1 of every tree
        self._thr = thr.T.ravel()
        self._table = table.ravel()
        self._start = np.arange(len(splits), dtype=np.int64) << width  # each tree's table in _table
        self._n = len(splits)

    def logits(self, X: np.ndarray) -> np.ndarray:
        if not X.shape[0] or not self._n:
            return np.full(X.shape[0], self.bias)
        went_left = X[:, self._cols] <= self._thr
        at = self._start + went_left[:, :self._n]
        for j in range(1, self.width):
            at += went_left[:, j * self._n:(j + 1) * self._n] * (1 << j)
        return self._table[at].sum(axis=1) + self.bias


@lru_cache(maxsize=1)
def default_title_model() -> dict:
    text = resources.files("cleanpage").joinpath("models", "title.json").read_text(encoding="utf-8")
    return json.loads(text)
