"""Shared by the line-scorer training scripts: per-page arrays, vocabulary building, site folds, scoring."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

import data
from _common import bag, f1
from cleanpage.lines import features as FX
from cleanpage.lines import tokens as T
from cleanpage.lines.scorer import prepare, stop_table

_WORD = re.compile(r"\w+")


@dataclass
class Prepared:
    page: data.Page
    site: int
    prep: object  # cleanpage.lines.scorer.Prepared
    y: np.ndarray


def prepare_all(pages: list[data.Page]) -> list[Prepared]:
    sites = {d: i for i, d in enumerate(sorted({p.domain for p in pages}))}
    out = []
    for p in pages:
        pr = prepare(p.text)
        assert pr.tokens.n_lines == len(p.labels), p.fid
        out.append(Prepared(p, sites[p.domain], pr, np.asarray(p.labels, np.int8)))
    return out


def site_folds(items: list[Prepared], k: int = 5, salt: str = "cleanpage") -> np.ndarray:
    """Fold of each page: a stable hash of its site (domain), so one site never spans folds."""
    out = np.empty(len(items), np.int64)
    for i, it in enumerate(items):
        h = hashlib.sha1(f"{salt}:{it.page.domain}".encode()).digest()
        out[i] = int.from_bytes(h[:4], "big") % k
    return out


# a site counts at most this many times for a word and label: one big site must not teach the vocabulary
SITE_CAP = 3
MIN_SITES = 3
PRIOR = 4.0
CLIP = 3.0


def build_vocab(items: list[Prepared]) -> np.ndarray:
    """Lean of every hash bucket: smoothed log-odds of content vs chrome, from ``items`` only."""
    nb = 1 << T.BUCKET_BITS
    keys, labs = [], []
    for it in items:
        tk = it.prep.tokens
        if not len(tk.word_bucket):
            continue
        lab = it.y[tk.word_line]
        # one count per (site, bucket, label) up to SITE_CAP: count per page then cap per site below
        keys.append(tk.word_bucket.astype(np.int64) * 2 + lab + (np.int64(it.site) << 22))
        labs.append(lab)
    allk = np.concatenate(keys)
    uniq, cnt = np.unique(allk, return_counts=True)
    cnt = np.minimum(cnt, SITE_CAP)
    bl = uniq & ((1 << 22) - 1)
    bucket, lab = bl >> 1, bl & 1
    n1 = np.bincount(bucket[lab == 1], weights=cnt[lab == 1], minlength=nb)
    n0 = np.bincount(bucket[lab == 0], weights=cnt[lab == 0], minlength=nb)
    sites = np.bincount(bucket, minlength=nb)  # (site, label) pairs: >= distinct sites
    p1 = n1.sum() / (n1.sum() + n0.sum())
    lean = np.log((n1 + PRIOR * p1) / (n0 + PRIOR * (1 - p1))) - np.log(p1 / (1 - p1))
    lean = np.clip(lean, -CLIP, CLIP)
    lean[sites < MIN_SITES] = 0.0
    return lean.astype(np.float32)


# Vocabulary dropout: this share of training pages would be seen without the vocabulary, as
# a page in a language the vocabulary does not cover, so that the model also learns to read
# such pages from shape, position, function words (six languages) and phrase families.
# Off in the shipped model: it has not been cross-validated yet; worth trying at 0.3 together
# with a page-level "share of known words" feature.
VOCAB_DROPOUT = 0.0


def dropped(it: Prepared) -> bool:
    h = hashlib.sha1(f"dropout:{it.page.fid}".encode()).digest()
    return int.from_bytes(h[:4], "big") / 2**32 < VOCAB_DROPOUT


def matrices(items: list[Prepared], vocab: np.ndarray, dropout: bool = False
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(X, y, page index of each row) for ``items`` under ``vocab`` (withheld from dropped pages if ``dropout``)."""
    stops = stop_table()
    xs, ys, gs = [], [], []
    zero = np.zeros_like(vocab)
    for i, it in enumerate(items):
        v = zero if dropout and dropped(it) else vocab
        xs.append(FX.line_features(it.prep.tokens, it.prep.gaps, v, stops, it.prep.phrase_hits))
        ys.append(it.y)
        gs.append(np.full(len(it.y), i))
    return np.concatenate(xs), np.concatenate(ys), np.concatenate(gs)


def oof_vocab_matrices(items: list[Prepared], k: int = 5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Matrices whose vocabulary features are out-of-fold (grouped by site) within ``items``."""
    folds = site_folds(items, k, salt="inner")
    X = [None] * len(items)
    for f in range(k):
        train = [it for it, g in zip(items, folds) if g != f]
        vocab = build_vocab(train)
        idx = [i for i, g in enumerate(folds) if g == f]
        Xf, _, gf = matrices([items[i] for i in idx], vocab, dropout=True)
        for j, i in enumerate(idx):
            X[i] = Xf[gf == j]
    y = np.concatenate([it.y for it in items])
    g = np.concatenate([np.full(len(it.y), i) for i, it in enumerate(items)])
    return np.concatenate(X), y, g


def page_f1(item: Prepared, keep: np.ndarray) -> float:
    lines = item.page.lines
    body = "\n".join(ln for ln, k in zip(lines, keep) if k)
    return f1(bag(body), bag(item.page.main))[2]
