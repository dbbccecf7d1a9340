"""Per-line features of a page, computed for all lines at once with numpy.

Every feature is language-neutral shape (lengths, character classes, punctuation,
position, repetition, neighbours) except three word-table features: the learned
vocabulary lean (words seen in content vs chrome on the training pages; unknown
words lean neither way), stop-word density in six languages, and chrome phrase
families (``cleanpage.phrases``), which are data in several languages.

``FEATURES`` names the columns of the matrix ``line_features`` returns; the model
file stores these names, and the scorer refuses a model whose names differ.
"""

from __future__ import annotations

import numpy as np

from . import tokens as T

# a "long prose line": enough words and a sentence end; the span between the first and
# the last such line is where an article body usually is (the strongest single cue in the design study)
PROSE_MIN_WORDS = 12
WINDOWS = (2, 5, 10)

_BASE = [
    "log_chars", "log_words", "mean_word_len", "cap_word_share", "digit_share", "letter_share", "upper_share",
    "punct_share", "ends_stop", "ends_colon", "ends_comma", "ends_letter", "ends_digit", "starts_upper",
    "starts_lower", "starts_digit", "starts_bullet", "starts_punct", "pipes", "angles", "slashes", "bullets",
    "stops_per_word", "commas_per_word", "colons", "legal_marks", "hashes", "brackets", "dashes", "quotes",
    "currency", "gap_before", "gap_after", "is_prose", "one_word", "short_3",
    "vocab_mean", "vocab_sum", "vocab_min", "vocab_max", "vocab_known_share", "stop_share", "stop_count",
    "phrase_any", "phrase_short",
    "repeat_log", "repeat_any", "repeat_words_share",
    "pos_rel", "pos_chars_rel", "span_rel", "before_span", "after_span", "span_dist_log", "in_span",
    "lines_from_top_log", "lines_from_end_log",
]
_WINDOWED = ["log_words", "is_prose", "vocab_mean", "ends_stop", "short_3", "stop_share"]
_PAGE = ["page_lines_log", "page_words_log", "page_prose_share", "page_span_share", "page_vocab_mean",
         "page_mean_words"]
FEATURES: tuple[str, ...] = tuple(
    _BASE + [f"{name}_w{w}" for w in WINDOWS for name in _WINDOWED]
    + [f"{name}_prev" for name in ("log_words", "is_prose", "vocab_mean", "ends_stop")]
    + [f"{name}_next" for name in ("log_words", "is_prose", "vocab_mean", "ends_stop")]
    + _PAGE
)
INDEX = {name: i for i, name in enumerate(FEATURES)}
assert all(INDEX[f"{_WINDOWED[k]}_w{w}"] == INDEX[f"{_WINDOWED[0]}_w{w}"] + k for w in WINDOWS for k in range(len(_WINDOWED)))
_PUNCT_NAMES = ("pipes", "angles", "slashes", "bullets", "colons", "legal_marks", "hashes", "brackets", "dashes",
                "quotes", "currency")
_PUNCT_COLS = [INDEX[name] for name in _PUNCT_NAMES]
_PUNCT_CLASSES = [T.PIPE, T.ANGLE, T.SLASH, T.BULLET, T.COLON, T.LEGAL, T.HASH, T.BRACKET, T.DASH, T.QUOTE, T.CURRENCY]
_IS_LETTER = np.zeros(256, bool)
_IS_LETTER[[T.LOWER, T.UPPER, T.LETTER]] = True
_IS_WORD = np.zeros(256, bool)
_IS_WORD[list(T.WORD_CLASSES)] = True
_WINDOW_SIZES = np.asarray(WINDOWS)
_WINDOWED_COLS = slice(INDEX[f"{_WINDOWED[0]}_w{WINDOWS[0]}"], INDEX[f"{_WINDOWED[-1]}_w{WINDOWS[-1]}"] + 1)
assert _WINDOWED_COLS.stop - _WINDOWED_COLS.start == len(WINDOWS) * len(_WINDOWED)


def _per_line(values: np.ndarray, line: np.ndarray, n: int) -> np.ndarray:
    return np.bincount(line, weights=values, minlength=n)[:n] if len(line) else np.zeros(n)


def _copies(keys: np.ndarray) -> np.ndarray:
    """How many times each of ``keys`` occurs among them (``np.unique``'s counts, by one sort):
    the length of each run of equal keys in sorted order, given back to the keys of the run."""
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    runs = np.diff(np.append(starts, len(keys)))
    out = np.empty(len(keys), np.int64)
    out[order] = np.repeat(runs, runs)
    return out


def _window_means(x: np.ndarray, c: np.ndarray, windows: tuple[int, ...]) -> np.ndarray:
    """(n, len(windows)): for each window w, the mean of x over lines i-w..i+w, excluding line i
    (edges: over the lines that exist). ``c``: the prefix sums of x, from 0."""
    n = len(x)
    idx = np.arange(n)[:, None]
    w = np.asarray(windows)
    lo = np.maximum(idx - w, 0)
    hi = np.minimum(idx + w + 1, n)
    if n == 1:  # no neighbours; otherwise every window holds at least one
        return np.zeros((1, len(w)))
    return (c[hi] - c[lo] - x[:, None]) / (hi - lo - 1)


def line_features(tok: T.Tokens, gaps: np.ndarray, vocab: np.ndarray | None, stops: np.ndarray | None,
                  phrase_hits: np.ndarray | None = None) -> np.ndarray:
    """The (n_lines, len(FEATURES)) float32 matrix for one page.

    ``gaps``: bool per line, a blank line precedes it. ``vocab``: float32 lean per hash
    bucket (content > 0 > chrome) or None. ``stops``: bool per bucket or None.
    ``phrase_hits``: bool per line, a chrome phrase family matched the line, or None.
    """
    n = tok.n_lines
    # column-major: every feature is written as one contiguous run of lines
    F = np.zeros((len(FEATURES), n), np.float32).T
    if n == 0:
        return F
    col = INDEX

    counts = tok.class_counts.astype(np.float64)
    chars = tok.line_len.astype(np.float64)
    nw = np.bincount(tok.word_line, minlength=n)[:n].astype(np.float64) if len(tok.word_line) else np.zeros(n)
    nw1 = np.maximum(nw, 1)
    ch1 = np.maximum(chars, 1)
    letters = counts[:, T.LOWER] + counts[:, T.UPPER] + counts[:, T.LETTER]
    nonspace = chars - counts[:, T.SPACE]

    F[:, col["log_chars"]] = np.log1p(chars)
    F[:, col["log_words"]] = np.log1p(nw)
    F[:, col["mean_word_len"]] = _per_line(tok.word_len.astype(np.float64), tok.word_line, n) / nw1
    F[:, col["cap_word_share"]] = _per_line((tok.word_first == T.UPPER).astype(np.float64), tok.word_line, n) / nw1
    F[:, col["digit_share"]] = counts[:, T.DIGIT] / ch1
    F[:, col["letter_share"]] = letters / ch1
    F[:, col["upper_share"]] = counts[:, T.UPPER] / np.maximum(letters, 1)
    F[:, col["punct_share"]] = (nonspace - letters - counts[:, T.DIGIT]) / ch1

    last = tok.last_class
    # a closing quote or bracket after the sentence end still ends a sentence
    closer = (last == T.QUOTE) | (last == T.BRACKET)
    eff_last = np.where(closer & (tok.line_len > 1), tok.before_last_class, last)
    first = tok.first_class
    F[:, col["ends_stop"]] = eff_last == T.STOP
    F[:, col["ends_colon"]] = eff_last == T.COLON
    F[:, col["ends_comma"]] = eff_last == T.COMMA
    F[:, col["ends_letter"]] = _IS_LETTER[eff_last]
    F[:, col["ends_digit"]] = eff_last == T.DIGIT
    F[:, col["starts_upper"]] = first == T.UPPER
    F[:, col["starts_lower"]] = (first == T.LOWER) | (first == T.LETTER)
    F[:, col["starts_digit"]] = first == T.DIGIT
    F[:, col["starts_bullet"]] = (first == T.BULLET) | (first == T.DASH) | (first == T.ANGLE)
    F[:, col["starts_punct"]] = ~_IS_WORD[first]
    F[:, _PUNCT_COLS] = np.log1p(counts[:, _PUNCT_CLASSES])
    F[:, col["stops_per_word"]] = counts[:, T.STOP] / nw1
    F[:, col["commas_per_word"]] = counts[:, T.COMMA] / nw1
    gaps = np.asarray(gaps, bool)
    F[:, col["gap_before"]] = gaps
    F[:, col["gap_after"]] = np.concatenate((gaps[1:], [True]))
    prose = (nw >= PROSE_MIN_WORDS) & (eff_last == T.STOP)
    F[:, col["is_prose"]] = prose
    F[:, col["one_word"]] = nw <= 1
    short = nw <= 3
    F[:, col["short_3"]] = short

    if vocab is not None and len(tok.word_bucket):
        wv = vocab[tok.word_bucket].astype(np.float64)
        s = _per_line(wv, tok.word_line, n)
        F[:, col["vocab_sum"]] = s
        F[:, col["vocab_mean"]] = s / nw1
        F[:, col["vocab_known_share"]] = _per_line((wv != 0).astype(np.float64), tok.word_line, n) / nw1
        # min and max over each line's words: words come in line order, so one reduceat each
        has = nw > 0
        starts = (np.cumsum(nw) - nw)[has].astype(np.int64)
        F[has, col["vocab_min"]] = np.minimum.reduceat(wv, starts)
        F[has, col["vocab_max"]] = np.maximum.reduceat(wv, starts)
    if stops is not None and len(tok.word_bucket):
        sc = _per_line(stops[tok.word_bucket].astype(np.float64), tok.word_line, n)
        F[:, col["stop_count"]] = np.log1p(sc)
        F[:, col["stop_share"]] = sc / nw1
    if phrase_hits is not None:
        F[:, col["phrase_any"]] = phrase_hits
        F[:, col["phrase_short"]] = phrase_hits & (nw <= 12)

    # repetition within the page: identical lines (by the hashes of their words)
    if len(tok.word_hash):
        with np.errstate(over="ignore"):
            # the sum of a line's word hashes (mod 2**64): prefix sums, differenced at line ends
            mixed = tok.word_hash * np.uint64(0x9E3779B97F4A7C15) + tok.word_len.astype(np.uint64)
            cs = np.concatenate(([np.uint64(0)], np.cumsum(mixed, dtype=np.uint64)))
            bounds = np.cumsum(nw).astype(np.int64)
            lh = cs[bounds] - cs[bounds - nw.astype(np.int64)]
        lh = np.where(nw > 0, lh, np.arange(n, dtype=np.uint64) + np.uint64(1 << 63))
        rep = _copies(lh).astype(np.float64)
        F[:, col["repeat_log"]] = np.log(rep)
        F[:, col["repeat_any"]] = rep > 1
        # share of a line's words that are repeated words of the page (tag clouds, menus)
        # counted by 16 bits of the (well mixed) bucket: a collision among a page's few thousand
        # words is rare, and costs this one feature a little
        key = tok.word_bucket >> (T.BUCKET_BITS - 16)
        wcnt = np.bincount(key, minlength=1 << 16)
        F[:, col["repeat_words_share"]] = _per_line((wcnt[key] > 2).astype(np.float64), tok.word_line, n) / nw1

    idx = np.arange(n, dtype=np.float64)
    F[:, col["pos_rel"]] = idx / max(n - 1, 1)
    cum_chars = np.cumsum(chars) - chars
    F[:, col["pos_chars_rel"]] = cum_chars / max(chars.sum(), 1)
    pl = np.flatnonzero(prose)
    if len(pl):
        a, b = pl[0], pl[-1]
        F[:, col["span_rel"]] = (idx - a) / (b - a + 1)
        F[:, col["before_span"]] = idx < a
        F[:, col["after_span"]] = idx > b
        F[:, col["in_span"]] = (idx >= a) & (idx <= b)
        dist = np.where(idx < a, a - idx, np.where(idx > b, idx - b, 0))
        F[:, col["span_dist_log"]] = np.log1p(dist)
        span_share = (b - a + 1) / n
    else:
        F[:, col["span_rel"]] = -1.0
        F[:, col["span_dist_log"]] = np.log1p(n)
        span_share = 0.0
    F[:, col["lines_from_top_log"]] = np.log1p(idx)
    F[:, col["lines_from_end_log"]] = np.log1p(n - 1 - idx)

    base = F[:, [col[name] for name in _WINDOWED]].astype(np.float64)
    csum = np.vstack((np.zeros((1, base.shape[1])), np.cumsum(base, axis=0)))
    # every window at once: (lines, windows, features), the windowed columns in that order
    at = np.arange(n)[:, None]
    lo = np.maximum(at - _WINDOW_SIZES, 0)
    hi = np.minimum(at + _WINDOW_SIZES + 1, n)
    if n > 1:  # a single line has no neighbours: its windowed means stay 0
        means = (csum[hi] - csum[lo] - base[:, None, :]) / (hi - lo - 1)[:, :, None]
        F[:, _WINDOWED_COLS] = means.reshape(n, -1)
    for name in ("log_words", "is_prose", "vocab_mean", "ends_stop"):
        x = F[:, col[name]]
        F[1:, col[f"{name}_prev"]] = x[:-1]
        F[:-1, col[f"{name}_next"]] = x[1:]

    F[:, col["page_lines_log"]] = np.log1p(n)
    F[:, col["page_words_log"]] = np.log1p(nw.sum())
    F[:, col["page_prose_share"]] = prose.mean()
    F[:, col["page_span_share"]] = span_share
    F[:, col["page_vocab_mean"]] = F[:, col["vocab_mean"]].mean()
    F[:, col["page_mean_words"]] = np.log1p(nw.mean())
    return F


CONTEXT_WINDOWS = (1, 2, 5, 10, 20)
CONTEXT: tuple[str, ...] = (
    ("score",) + tuple(f"score_w{w}" for w in CONTEXT_WINDOWS)
    + ("score_before3", "score_after3", "score_before10", "score_after10", "kept_before_share", "kept_share")
)


def context_features(z: np.ndarray) -> np.ndarray:
    """Second-pass features from the first pass's log-odds ``z`` of one page's lines.

    The line's own score, the mean score of its neighbours over several windows and
    on each side, the share of the page's likely-content lines above it, and that
    share for the whole page.
    """
    n = len(z)
    out = np.zeros((n, len(CONTEXT)), np.float32)
    if n == 0:
        return out
    z = z.astype(np.float64)
    c = np.concatenate(([0.0], np.cumsum(z)))
    i = np.arange(n)
    out[:, 0] = z
    col = 1 + len(CONTEXT_WINDOWS)
    out[:, 1:col] = _window_means(z, c, CONTEXT_WINDOWS)
    for w in (3, 10):
        lo = np.maximum(i - w, 0)
        out[:, col] = (c[i] - c[lo]) / np.maximum(i - lo, 1)
        hi = np.minimum(i + w + 1, n)
        out[:, col + 1] = (c[hi] - c[i + 1]) / np.maximum(hi - i - 1, 1)
        col += 2
    pos = z > 0
    pc = np.concatenate(([0], np.cumsum(pos)))
    out[:, col] = pc[i] / max(int(pos.sum()), 1)
    out[:, col + 1] = pos.mean()
    return out
