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
                       gaps: list[bool] | None = None) -> tuple[list[Candidate], list[list[float]]]:
    """Every title candidate among the first lines, with the features the picker reads
    (``CANDIDATE_FEATURES_2``; a format-1 model reads the first ``len(CANDIDATE_FEATURES)``).

    ``scores``: the line model's probability per line; ``gaps``: a blank line before it."""
    if not lines:
        return [], []
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
    return cands, rows


class TitlePicker:
    """The learned picker: the candidate with the highest logistic score."""

    def __init__(self, spec: dict | None = None) -> None:
        spec = spec if spec is not None else default_title_model()
        fmt = spec.get("format")
        self.additive = None
        if fmt == MODEL_FORMAT and tuple(spec["features"]) == CANDIDATE_FEATURES:
            self.w = np.asarray(spec["weights"], np.float64)
            self.b = float(spec["bias"])
        elif fmt == MODEL_FORMAT_2 and tuple(spec["features"]) == CANDIDATE_FEATURES_2:
            from .scorer import AdditiveModel

            self.additive = AdditiveModel(spec["model"], CANDIDATE_FEATURES_2)
        else:
            raise ValueError("not a title model for these features; rebuild it with training/text/train_title.py")

    def scores(self, rows: list[list[float]]) -> np.ndarray:
        X = np.asarray(rows, np.float64)
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


@lru_cache(maxsize=1)
def default_title_model() -> dict:
    text = resources.files("cleanpage").joinpath("models", "title.json").read_text(encoding="utf-8")
    return json.loads(text)
