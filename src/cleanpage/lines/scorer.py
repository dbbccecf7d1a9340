"""The learned line scorer: how likely each line of a plain-text page is main content.

``LineScorer.score(text)`` splits the page into non-blank lines, computes the
features of ``features.py`` for all of them at once, and applies the model stored
in ``cleanpage/models/linescore.json`` (rebuilt by ``training/text/train_linescore.py``
from the WCXB dev split; never a pickle). The model is additive: every feature
adds a piecewise-constant amount (its bin's value) to a line's log-odds, in two
visible passes (the second pass also reads the first pass's scores of the
neighbouring lines). So each line's score is explained exactly by the features
that pushed it most: ``LineScores.explain(i)``.

Run time needs numpy only.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..phrases import DEFAULT_FAMILIES, PhraseMatcher
from . import features as FX
from . import tokens as T
from .split import Lines, split_lines
from .stopwords import all_stop_words


@dataclass(frozen=True)
class Prepared:
    """A page ready for scoring: its lines and everything computed from them once."""

    lines: Lines
    tokens: T.Tokens
    gaps: np.ndarray
    phrase_hits: np.ndarray  # bool per line
    phrase_family: list[str | None]
    warnings: tuple[str, ...] = ()  # a user's phrase pattern that ran over its time (``phrases``)


@lru_cache(maxsize=1)
def stop_table() -> np.ndarray:
    table = np.zeros(1 << T.BUCKET_BITS, bool)
    table[T.hash_words(sorted(all_stop_words()))] = True
    return table


@dataclass(frozen=True)
class _Phrases:
    matcher: PhraseMatcher
    names: tuple[str, ...]  # families with keywords, bit k of ``table`` is names[k]
    table: np.ndarray  # uint32 bit mask of families per word bucket
    symbols: dict[str, int]  # non-word keyword -> bit mask


@lru_cache(maxsize=4)
def _phrases(families: tuple[Any, ...]) -> _Phrases:
    matcher = PhraseMatcher(families)
    kw = matcher.keyword_words()
    names = tuple(kw)
    table = np.zeros(1 << T.BUCKET_BITS, np.uint32)
    symbols: dict[str, int] = {}
    for k, name in enumerate(names[:32]):
        words = [w for w in kw[name] if w.isalnum() or "_" in w]
        for sym in set(kw[name]) - set(words):
            symbols[sym] = symbols.get(sym, 0) | (1 << k)
        if words:
            table[T.hash_words(words)] |= np.uint32(1 << k)
    return _Phrases(matcher, names, table, symbols)


def _distinct_sorted(values: np.ndarray) -> np.ndarray:
    """``np.unique`` of an already sorted array (words come in line order): without its sort."""
    if not len(values):
        return values
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def prepare(text: str, families: tuple[Any, ...] = DEFAULT_FAMILIES) -> Prepared:
    return prepare_lines(split_lines(text), families)


def prepare_lines(lines: Lines, families: tuple[Any, ...] = DEFAULT_FAMILIES) -> Prepared:
    """``prepare`` for lines already split (the text parser's blocks)."""
    tok = T.tokenize(lines.texts)
    nw = np.bincount(tok.word_line, minlength=tok.n_lines) if len(tok.word_line) else np.zeros(tok.n_lines, int)
    ph = _phrases(families)
    texts = lines.texts
    cand: dict[str, list[int]] = {}
    if len(tok.word_bucket) and ph.names:
        mask = ph.table[tok.word_bucket]
        hit = np.flatnonzero(mask)
        for k, name in enumerate(ph.names):
            words_k = hit[(mask[hit] & (1 << k)) != 0]
            cand[name] = _distinct_sorted(tok.word_line[words_k]).tolist()
    for sym, bits in ph.symbols.items():
        rows = [i for i, t in enumerate(texts) if sym in t] if len(sym) else []
        for k, name in enumerate(ph.names):
            if bits & (1 << k) and rows:
                cand[name] = sorted(set(cand.get(name, [])) | set(rows))
    timed_out: list[str] = []
    fam = ph.matcher.match_lines(texts, nw.tolist(), cand, timed_out)
    hits = np.array([f is not None for f in fam], bool)
    gaps = np.asarray(lines.gaps, bool)
    return Prepared(lines, tok, gaps, hits, fam, tuple(timed_out))


MODEL_FORMAT = "cleanpage.linescore/1"
# The vocabulary's lean is learned on English pages (WCXB's dev split is 93% English): on a page
# in another language or script most words are unknown, and an unknown word's lean of 0 reads as
# content (a Latvian or Chinese page's menus and related lists scored like its paragraphs). When
# fewer than MIN_KNOWN_SHARE of a page's words are in the vocabulary, the features read from it
# are set aside: each adds what it adds to the average line (its baseline), the other features
# judge. On newspaper4k's 23 test pages (benchmarks/other_pages.py; nine under the bar: CJK, Thai,
# Burmese, Arabic, Latvian, Spanish) the text path's mean word F1 went 0.804 -> 0.818, the
# same for any bar from 0.3 to 0.8; English pages know 0.86-0.93 of their words. On the WCXB dev
# renderings (held out) it changed 8 pages, the mean 0.8244 -> 0.8248.
MIN_KNOWN_SHARE = 0.6
#: the features read from the vocabulary (set aside on a page whose words it does not know)
LEXICAL = frozenset(name for name in FX.FEATURES if name.startswith(("vocab_", "page_vocab_")))
_COL_WORDS = len(FX.CONTEXT) + FX.INDEX["log_words"]
_COL_ENDS = len(FX.CONTEXT) + FX.INDEX["ends_stop"]
_MODEL_FILE = "linescore.json"

# how each feature reads in an explanation; names not listed read as themselves
_READ = {
    "log_words": "words", "log_chars": "length", "short_3": "three words or fewer", "one_word": "one word",
    "ends_stop": "ends like a sentence", "is_prose": "long prose line", "vocab_mean": "word lean",
    "vocab_sum": "word lean (sum)", "vocab_min": "most chrome-like word", "vocab_max": "most content-like word",
    "pipes": "'|' separators", "angles": "'»'/'>' separators", "slashes": "'/' separators", "bullets": "bullets",
    "legal_marks": "©/® marks", "repeat_log": "repeated on the page", "repeat_words_share": "repeated words",
    "span_rel": "position in the prose span", "before_span": "above the prose span (header zone)",
    "after_span": "below the prose span (footer zone)", "span_dist_log": "distance from the prose span",
    "phrase_any": "chrome phrase", "phrase_short": "chrome phrase (short line)", "stop_share": "function words",
    "cap_word_share": "capitalised words", "digit_share": "digits", "pos_rel": "position on the page",
    "pos_chars_rel": "position on the page (by characters)", "score": "own first-pass score",
    "kept_share": "share of likely content on the page", "span_dist": "lines from the prose span",
    "repeat": "copies on the page", "lines_from_top": "lines from the top", "lines_from_end": "lines from the end",
}


def _read(name: str) -> str:
    for suffix, how in (("_prev", " (line above)"), ("_next", " (line below)")):
        if name.endswith(suffix):
            return _read(name[: -len(suffix)]) + how
    if "_w" in name and name.rsplit("_w", 1)[1].isdigit():
        base, w = name.rsplit("_w", 1)
        return f"{'first-pass score' if base == 'score' else _read(base)} (±{w} lines)"
    if name.startswith("score_"):
        return "first-pass score " + name[6:].replace("before", "of the lines above, ").replace(
            "after", "of the lines below, ") + " lines"
    return _READ.get(name, name.replace("_", " "))


_CLIP = 1.0e4  # every feature and threshold lies well inside +-_CLIP
_BAND = 4.0e4


class AdditiveModel:
    """log-odds = bias + sum over features of a piecewise-constant function of that feature.

    Stored as, per feature, sorted thresholds and one value per bin; a value x falls in
    bin ``searchsorted(thresholds, x, side="left")`` (x <= t goes left of t).
    """

    def __init__(self, spec: dict[str, Any], names: tuple[str, ...]) -> None:
        self.names = names
        self.bias = float(spec["bias"])
        terms = spec["terms"]
        unknown = set(terms) - set(names)
        if unknown:
            raise ValueError(f"model terms for unknown features: {sorted(unknown)}")
        self.columns = [names.index(n) for n in terms]
        self.thresholds = [np.asarray(terms[n]["thresholds"], np.float64) for n in terms]
        self.values = [np.asarray(terms[n]["values"], np.float64) for n in terms]
        self.baseline = np.zeros(len(names))
        for n, b in spec.get("baseline", {}).items():
            self.baseline[names.index(n)] = b
        # one searchsorted for all terms: term p's values and thresholds are shifted into
        # their own band [p * _BAND, (p + 1) * _BAND), so one sorted array holds every term
        self._cols = np.asarray(self.columns, np.int64)
        self._shift = np.arange(len(self.columns), dtype=np.float64) * _BAND
        self._keys = np.concatenate([np.clip(t, -_CLIP, _CLIP) + self._shift[p] for p, t in enumerate(self.thresholds)]
                                    ) if self.thresholds else np.zeros(0)
        sizes = np.asarray([len(t) for t in self.thresholds], np.int64)
        self._key_start = np.concatenate(([0], np.cumsum(sizes)[:-1])) if len(sizes) else sizes
        self._val_start = self._key_start + np.arange(len(sizes))
        self._vals = np.concatenate(self.values) if self.values else np.zeros(0)
        self._offset = self._val_start - self._key_start
        # the same sums as one comparison and one dot product: a term's value is its first
        # bin's value plus, for every threshold below x, the step up to the next bin
        self._base = float(sum(v[0] for v in self.values)) + self.bias
        self._tcols = np.concatenate([np.full(len(t), c, np.int64) for c, t in zip(self.columns, self.thresholds)]
                                     ) if self.thresholds else np.zeros(0, np.int64)
        self._thr = np.concatenate(self.thresholds) if self.thresholds else np.zeros(0)
        self._step = np.concatenate([np.diff(v) for v in self.values]) if self.values else np.zeros(0)
        self._first = np.asarray([v[0] for v in self.values], np.float64)
        self._key_end = self._key_start + sizes - 1
        # term_values as a table: the thresholds of a term are sorted, so the ones below x are
        # always its first c; each term's sum for every c is summed once, here, as
        # ``_term_values_summed`` sums it (the same digits)
        self._tv_table = self._prefix_sums(sizes)
        self._key_stop = self._key_start + sizes
        self._thr_col = self._thr[:, None]
        self._count_type = np.int16 if len(self._thr) < 1 << 15 else np.int32  # holds a running count

    def logits(self, X: np.ndarray) -> np.ndarray:
        """bias + the sum of every term, for each row of ``X``: what ``terms`` adds up to."""
        if not X.shape[0]:
            return np.zeros(0)
        # as floats, the product is one BLAS call (a bool matrix is converted row by row)
        return (X[:, self._tcols] > self._thr).astype(np.float64) @ self._step + self._base

    def terms(self, X: np.ndarray) -> np.ndarray:
        """Each term's value for each row of ``X``: (rows, terms), the columns of ``columns``."""
        if not len(self._cols) or not X.shape[0]:
            return np.zeros((X.shape[0], len(self._cols)))
        keys = X[:, self._cols].astype(np.float64)
        np.clip(keys, -_CLIP, _CLIP, out=keys)
        keys += self._shift
        pos = np.searchsorted(self._keys, keys, side="left")
        pos += self._offset
        return self._vals[pos]

    def expand(self, G: np.ndarray) -> np.ndarray:
        """Term values (``terms``) as per-feature contributions: (rows, len(names))."""
        C = np.zeros((G.shape[0], len(self.names)))
        C[:, self._cols] = G
        return C

    def term_values(self, X: np.ndarray) -> np.ndarray:
        """``terms`` by comparisons and prefix sums instead of binary search (faster on few rows):
        a term's first value plus the steps of its thresholds below x, read from a table of
        those sums by how many thresholds lie below x."""
        return self.term_values_t(X).T

    def term_values_t(self, X: np.ndarray) -> np.ndarray:
        """``term_values`` transposed: (terms, rows)."""
        if not len(self._cols) or not X.shape[0]:
            return np.zeros((len(self._cols), X.shape[0]))
        if self._tv_table is None:
            return self._term_values_summed(X).T
        # thresholds by rows, lines by columns: the running count of thresholds below x, down
        # the thresholds, differenced at each term's ends (np.add.reduceat takes twice as long)
        below = np.take(X.T, self._tcols, axis=0) > self._thr_col
        running = np.zeros((len(self._thr) + 1, X.shape[0]), self._count_type)
        np.cumsum(below, axis=0, dtype=self._count_type, out=running[1:])
        at = (running[self._key_stop] - running[self._key_start]).astype(np.intp)
        at += self._val_start[:, None]
        return np.take(self._tv_table, at)

    def _term_values_summed(self, X: np.ndarray) -> np.ndarray:
        """``term_values`` summed step by step: what its table holds (tested against it)."""
        if not len(self._cols) or not X.shape[0]:
            return np.zeros((X.shape[0], len(self._cols)))
        return self._summed(X[:, self._tcols] > self._thr)

    def _summed(self, below: np.ndarray) -> np.ndarray:
        """Each term's first value plus its steps where ``below`` (rows, thresholds) holds."""
        return np.add.reduceat(below * self._step, self._key_start, axis=1) + self._first

    def _prefix_sums(self, sizes: np.ndarray) -> np.ndarray | None:
        """``_summed`` for every count c of thresholds below x, term p's at ``_val_start[p] + c``;
        None (sum each time) unless every term has thresholds, in order."""
        if not len(sizes) or not sizes.all() or np.any(np.diff(self._thr)[np.diff(self._tcols) == 0] < 0):
            return None
        rank = np.arange(len(self._thr)) - np.repeat(self._key_start, sizes)  # place in its term
        sums = self._summed(rank < np.arange(sizes.max() + 1)[:, None])  # row c: c thresholds below
        return np.concatenate([sums[:k + 1, p] for p, k in enumerate(sizes.tolist())])

    def contributions(self, X: np.ndarray) -> np.ndarray:
        """Per-feature contributions, (rows, len(names)): ``terms`` spread over the feature columns."""
        return self.expand(self.term_values(X))

    def contributions_slow(self, X: np.ndarray) -> np.ndarray:
        """The same, one feature at a time: the reference the fast path is tested against."""
        C = np.zeros((X.shape[0], len(self.names)))
        for j, t, v in zip(self.columns, self.thresholds, self.values):
            C[:, j] = v[np.searchsorted(t, X[:, j], side="left")]
        return C

    def logit(self, C: np.ndarray) -> np.ndarray:
        return self.bias + C.sum(axis=1)

    def logits_without(self, X: np.ndarray, names: frozenset[str]) -> np.ndarray:
        """``logits`` with the features ``names`` set aside: each adds its baseline (what it adds
        to the average line) instead of its value's term."""
        z = self.logits(X)
        out = [p for p, c in enumerate(self.columns) if self.names[c] in names]
        if out and X.shape[0]:
            cols = [self.columns[p] for p in out]
            z = z - (self.term_values_t(X)[out].sum(axis=0) - self.baseline[cols].sum())
        return z


@dataclass(frozen=True)
class Evidence:
    """One reason behind a line's score: a feature, its value, and how far it moved the log-odds."""

    feature: str
    reads: str
    value: float
    push: float  # log-odds, against the average line: > 0 toward content, < 0 toward chrome

    def __str__(self) -> str:
        return f"{self.reads} {self.value:.3g} ({self.push:+.2f})"


@dataclass(frozen=True)
class LineScores:
    """The scorer's verdict on one page."""

    lines: Lines
    probability: np.ndarray  # P(content) per line
    keep: np.ndarray  # probability >= the model's threshold
    threshold: float
    family: list[str | None]  # the chrome phrase family a line matched, if any
    _X2: np.ndarray  # context features then line features, per line
    _scorer: "LineScorer"
    known_share: float = 1.0  # the share of the page's words the vocabulary knows

    @property
    def lexical(self) -> bool:
        """Did the vocabulary's features count (``MIN_KNOWN_SHARE``)?"""
        return self.known_share >= MIN_KNOWN_SHARE

    @property
    def words(self) -> np.ndarray:
        """Words (``\\w+`` tokens) per line."""
        return np.rint(np.expm1(self._X2[:, _COL_WORDS])).astype(np.int64)

    @property
    def ends_sentence(self) -> np.ndarray:
        """Whether each line ends like a sentence (. ! ? … and their CJK forms; closing quotes may follow)."""
        return self._X2[:, _COL_ENDS] > 0

    def _contributions(self, idx: np.ndarray | int) -> tuple[np.ndarray, np.ndarray]:
        """Per-feature contributions of both passes for lines ``idx``, worked out when explained."""
        s = self._scorer
        X2 = self._X2[idx]
        return s.pass1.contributions(X2[..., len(FX.CONTEXT):].reshape(-1, len(FX.FEATURES))), \
            s.pass2.contributions(X2.reshape(-1, X2.shape[-1]))

    def evidence(self, i: int, k: int = 3) -> list[Evidence]:
        """The ``k`` features that pushed line ``i`` hardest toward its verdict (content or chrome)."""
        s = self._scorer
        names1, names2 = s.pass1.names, s.pass2.names
        C1, C2 = self._contributions(i)
        push1 = C1[0] - s.pass1.baseline
        push2 = C2[0] - s.pass2.baseline
        if not self.lexical:  # set aside: they pushed nothing
            push1[s._lexical1] = 0.0
            push2[s._lexical2] = 0.0
        # the second pass's "own score" term stands for the first pass's features: show those instead
        own = names2.index("score")
        n_ctx = len(FX.CONTEXT)
        items = [(push1[j], names1[j], float(self._X2[i, n_ctx + j])) for j in range(len(names1))]
        items += [(push2[j], names2[j], float(self._X2[i, j])) for j in range(len(names2)) if j != own]
        # a feature read by both passes is one piece of evidence
        merged: dict[str, list[float]] = {}
        for p, n, v in items:
            m = merged.setdefault(n, [0.0, v])
            m[0] += p
        sign = 1.0 if self.keep[i] else -1.0
        ranked = sorted(merged.items(), key=lambda kv: -sign * kv[1][0])[:k]
        out = []
        for n, (p, v) in ranked:
            base = n.removesuffix("_log").removeprefix("log_")
            if base != n:  # log1p-scaled counts read better as counts
                n, v = base, float(np.expm1(v))
            out.append(Evidence(n, _read(n), v, p))
        return out

    def explain_many(self, idx: np.ndarray, k: int = 2) -> list[str]:
        """``explain(i, k)`` for every line of ``idx`` at once (a page's removals in one go)."""
        idx = np.asarray(idx, np.int64)
        if not len(idx):
            return []
        s = self._scorer
        X2 = self._X2[idx]
        Pt = self._pushes(X2)
        St = Pt * np.where(self.keep[idx], -1.0, 1.0)
        if k == 1:
            return self._explain_one(idx, X2, Pt, St.argmin(axis=0))
        P, S = Pt.T, St.T
        V = X2[:, s._ex_vcol].astype(np.float64)
        top = np.argpartition(S, k - 1, axis=1)[:, :k] if S.shape[1] > k else np.argsort(S, axis=1)
        rows = np.arange(len(idx))[:, None]
        order = top[rows, np.argsort(S[rows, top], axis=1, kind="stable")]
        pushes, values = P[rows, order].tolist(), V[rows, order].tolist()
        reads, logs = s._ex_reads, s._ex_log
        prob, fam = self.probability.tolist(), self.family
        out = []
        for r, (i, cols) in enumerate(zip(idx.tolist(), order.tolist())):
            parts = "; ".join(f"{reads[c]} {math.expm1(v) if logs[c] else v:.3g} ({p:+.2f})"
                              for c, p, v in zip(cols, pushes[r], values[r]))
            f = fam[i]
            out.append(f"line score {prob[i]:.2f}: {parts}; phrase family {f}{self._note}" if f else
                       f"line score {prob[i]:.2f}: {parts}{self._note}")
        return out

    @property
    def _note(self) -> str:
        """What an explanation adds on a page whose words the vocabulary does not know."""
        return "" if self.lexical else f"; word lean set aside ({self.known_share:.0%} of the words known)"

    def _pushes(self, X2: np.ndarray) -> np.ndarray:
        """How far each feature of ``explain_many`` pushed each row of ``X2`` from the average line:
        (features, rows), both passes' pushes added for a feature that both read."""
        s = self._scorer
        G1 = s.pass1.term_values_t(X2[:, len(FX.CONTEXT):])
        G2 = s.pass2.term_values_t(X2)
        Pt = np.zeros((len(s._ex_names), len(X2)))
        Pt[s._ex_map1] = G1 - s._ex_base1[:, None]
        Pt[s._ex_map2] += (G2 - s._ex_base2[:, None])[s._ex_keep2]
        if not self.lexical:  # set aside: they pushed nothing
            Pt[s._ex_lexical] = 0.0
        return Pt

    def _explain_one(self, idx: np.ndarray, X2: np.ndarray, Pt: np.ndarray, col: np.ndarray) -> list[str]:
        """``explain_many`` with one piece of evidence a line (the feature ``col`` of each row of
        ``X2``, pushes ``Pt``): the values read as counts at once."""
        s = self._scorer
        rows = np.arange(len(idx))
        push, value = Pt[col, rows], X2[rows, s._ex_vcol[col]].astype(np.float64)
        value = np.where(s._ex_log_mask[col], np.expm1(value), value)
        reads, prob, fam, note = s._ex_reads, self.probability[idx].tolist(), self.family, self._note
        # %-formatting: the same digits as the f-string of explain_many, a third faster
        return [("line score %.2f: %s %.3g (%+.2f); phrase family %s%s" % (pr, reads[c], v, p, fam[i], note))
                if fam[i] else "line score %.2f: %s %.3g (%+.2f)%s" % (pr, reads[c], v, p, note)
                for i, c, pr, p, v in zip(idx.tolist(), col.tolist(), prob, push.tolist(), value.tolist())]

    def explain(self, i: int, k: int = 3) -> str:
        """``"line score 0.07: words = 1.1 (-0.90), …"``, a line's score and its strongest evidence."""
        ev = "; ".join(str(e) for e in self.evidence(i, k))
        fam = f"; phrase family {self.family[i]}" if self.family[i] else ""
        return f"line score {self.probability[i]:.2f}: {ev}{fam}{self._note}"


class LineScorer:
    """Scores every line of a plain-text page; load once, call ``score`` per page."""

    def __init__(self, model: dict[str, Any] | None = None, families: tuple[Any, ...] = DEFAULT_FAMILIES) -> None:
        spec = model if model is not None else default_model()
        if spec.get("format") != MODEL_FORMAT:
            raise ValueError(f"not a line-scorer model: format {spec.get('format')!r}, want {MODEL_FORMAT!r}")
        if tuple(spec["features"]) != FX.FEATURES or tuple(spec["context"]) != FX.CONTEXT:
            raise ValueError("the model was trained on other features; rebuild it with training/text/train_linescore.py")
        self.spec = spec
        self.families = tuple(families)
        self.threshold = float(spec["threshold"])
        self.pass1 = AdditiveModel(spec["pass1"], FX.FEATURES)
        self.pass2 = AdditiveModel(spec["pass2"], FX.CONTEXT + FX.FEATURES)
        # explain_many's columns: every line feature (both passes' pushes added), then the
        # second pass's context features but its "own score" (which stands for the first pass)
        names1 = [self.pass1.names[c] for c in self.pass1.columns]
        names2 = [self.pass2.names[c] for c in self.pass2.columns]
        ex = list(dict.fromkeys(names1 + [n for n in names2 if n != "score"]))
        at = {n: j for j, n in enumerate(ex)}
        self._ex_names = ex
        self._ex_map1 = np.asarray([at[n] for n in names1], np.int64)
        self._ex_keep2 = np.asarray([n != "score" for n in names2], bool)
        self._ex_map2 = np.asarray([at[n] for n in names2 if n != "score"], np.int64)
        self._ex_base1 = self.pass1.baseline[self.pass1.columns]
        self._ex_base2 = self.pass2.baseline[self.pass2.columns]
        self._ex_vcol = np.asarray([FX.CONTEXT.index(n) if n in FX.CONTEXT else len(FX.CONTEXT) + FX.INDEX[n]
                                    for n in ex], np.int64)
        self._ex_log = [n.endswith("_log") or n.startswith("log_") for n in ex]
        self._ex_log_mask = np.asarray(self._ex_log, bool)
        self._ex_reads = [_read(n.removesuffix("_log").removeprefix("log_")) for n in ex]
        self._ex_lexical = np.asarray([n in LEXICAL for n in ex], bool)
        self._lexical1 = np.asarray([n in LEXICAL for n in self.pass1.names], bool)
        self._lexical2 = np.asarray([n in LEXICAL for n in self.pass2.names], bool)
        self._col_known = FX.INDEX["vocab_known_share"]
        vocab_words = list(spec["vocab"])
        self.vocab = np.zeros(1 << T.BUCKET_BITS, np.float32)
        buckets = T.hash_words(vocab_words)
        self.vocab[buckets] = np.asarray([spec["vocab"][w] for w in vocab_words], np.float32)

    def score(self, text: str) -> LineScores:
        prep = prepare(text, self.families)
        return self.score_prepared(prep)

    def score_prepared(self, prep: Prepared) -> LineScores:
        X = FX.line_features(prep.tokens, prep.gaps, self.vocab, stop_table(), prep.phrase_hits)
        known = self.known_share(X)
        if known >= MIN_KNOWN_SHARE:
            z1 = self.pass1.logits(X)
            X2 = np.hstack([FX.context_features(z1), X]) if len(X) else np.zeros((0, len(self.pass2.names)))
            z2 = self.pass2.logits(X2)
        else:
            z1 = self.pass1.logits_without(X, LEXICAL)
            X2 = np.hstack([FX.context_features(z1), X])
            z2 = self.pass2.logits_without(X2, LEXICAL)
        p = 1.0 / (1.0 + np.exp(-z2))
        return LineScores(prep.lines, p, p >= self.threshold, self.threshold, prep.phrase_family, X2, self, known)

    def known_share(self, X: np.ndarray) -> float:
        """The share of a page's words that the vocabulary knows (1.0 for a page without words),
        from its line features ``X``."""
        words = np.expm1(X[:, FX.INDEX["log_words"]]) if len(X) else np.zeros(0)
        total = float(words.sum())
        return float(X[:, self._col_known] @ words) / total if total > 0 else 1.0


def load_model(path: str | Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def default_model() -> dict[str, Any]:
    """The model shipped in ``cleanpage/models/linescore.json``."""
    text = resources.files("cleanpage").joinpath("models", _MODEL_FILE).read_text(encoding="utf-8")
    return json.loads(text)
