"""The block scorer: gradient-boosted trees read from plain JSON and evaluated with numpy.

``model.json`` holds each tree as explicit arrays (split feature, threshold, children, value at
every node), written by ``training/html/train.py``. At load time every tree is padded into a
complete binary tree of the ensemble's depth (a leaf becomes a node that always goes left and
keeps its value), so that scoring a page is ``depth`` vectorised steps over (blocks x trees):
no Python loop over trees or blocks, no pickle, no LightGBM at run time.

``Scorer.evidence()`` explains a block's score by the path it took through every tree: each
split moves the block's raw score by (value of the child taken - value of the node), and that
move is credited to the split's feature (Saabas attribution). The features that pushed hardest
toward dropping (or keeping) are the evidence a trace shows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

MODEL_PATH = Path(__file__).with_name("model.json")
_CHUNK = 128  # blocks scored at once: small enough that the (blocks x trees) arrays stay in cache
_DISTINCT_FROM = 1_000  # blocks: a page with more scores each distinct feature row once (``distinct_rows``)
_HASH_ROWS = 4_096  # rows hashed or compared at once, so that no temporary is the size of the matrix
_TABLE_ROWS = 4_096  # rows of a ``features.FeatureTable`` put together at once for scoring
_HASH_WEIGHTS = np.random.default_rng(0).integers(1, 2**63, size=1024, dtype=np.uint64) | np.uint64(1)


@dataclass(frozen=True)
class Scorer:
    features: tuple[str, ...]
    threshold: float
    depth: int
    feat: np.ndarray  # (trees, 2**depth - 1) feature index of each internal node
    thr: np.ndarray  # (trees, 2**depth - 1) go left when x <= thr
    inner: np.ndarray  # (trees, 2**depth - 1) raw value at each internal node (for attribution)
    leaf: np.ndarray  # (trees, 2**depth) raw value of each leaf slot
    base: float
    size_factor: float | None = None  # expected-F1 selection (see select); None: a fixed threshold
    floor: float = 0.0
    product: tuple[float, float] | None = None  # (size factor, floor) for product pages

    def select(self, p: np.ndarray, words: np.ndarray, product: bool = False) -> tuple[np.ndarray, float]:
        """Which blocks to keep, and the page's cut (the lowest kept score).

        With a size factor: sorted by score, keep the prefix that maximises the expected word F1
        2*sum(p*w) / (sum(w) + size_factor * sum_all(p*w)), where w is the block's word count and
        p its score; blocks under ``floor`` never stay. Otherwise: p >= threshold.
        """
        if self.size_factor is None or not len(p):
            return p >= self.threshold, self.threshold
        size_factor, floor = self.product if (product and self.product) else (self.size_factor, self.floor)
        w = np.maximum(words.astype(np.float64), 0.0)
        o = np.argsort(-p, kind="stable")
        pw = p[o] * w[o]
        ef = 2 * np.cumsum(pw) / np.maximum(np.cumsum(w[o]) + size_factor * float(pw.sum()), 1e-9)
        k = int(np.argmax(ef))
        cut = max(float(p[o[k]]), floor)
        keep = np.zeros(len(p), dtype=bool)
        keep[o[: k + 1]] = True
        return keep & (p >= floor), cut

    def __post_init__(self) -> None:
        object.__setattr__(self, "_feat_flat", self.feat.ravel())
        object.__setattr__(self, "_thr_flat", self.thr.ravel())
        object.__setattr__(self, "_leaf_flat", self.leaf.ravel())
        # every leaf's path, for evidence: at each level, the feature its parent split on and the
        # change of value that step made; (trees * leaves, depth)
        n_trees, n_inner = self.feat.shape
        values = np.concatenate([self.inner, self.leaf], axis=1)  # heap order: node k's children are 2k+1, 2k+2
        node = np.broadcast_to(np.arange(n_inner, 2 * n_inner + 1), (n_trees, n_inner + 1))
        feats, deltas = [], []
        t = np.arange(n_trees)[:, None]
        for _ in range(self.depth):
            parent = (node - 1) >> 1
            feats.append(self.feat[t, parent])
            deltas.append(values[t, node] - values[t, parent])
            node = parent
        object.__setattr__(self, "_path_feat", np.stack(feats, axis=2).reshape(-1, self.depth))
        object.__setattr__(self, "_path_delta", np.stack(deltas, axis=2).reshape(-1, self.depth))

    def raw(self, X: np.ndarray) -> np.ndarray:
        """Raw (log-odds) scores of the rows of X."""
        return self._walk(X)[0]

    def score(self, X: np.ndarray) -> np.ndarray:
        """Probability that each block is main content."""
        return 1.0 / (1.0 + np.exp(-self.raw(X)))

    def score_leaves(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``score(X)`` and the leaf each row reached in each tree (for ``evidence`` later, without a second walk)."""
        raw, leaf = self._walk(X, np.uint8 if self.depth <= 8 else np.int64)
        return 1.0 / (1.0 + np.exp(-raw)), leaf

    def _walk(self, X: Any, leaf_dtype: type = np.int64) -> tuple[np.ndarray, np.ndarray]:
        """Raw scores and leaves of the rows of ``X``: an array, or a ``features.FeatureTable``
        (its rows are put together ``_TABLE_ROWS`` at a time, never all at once)."""
        n_trees, n_inner = self.feat.shape
        if len(X) > _CHUNK:  # bounded working set: cost stays linear in the number of blocks
            # each chunk's leaves go straight into the result in ``leaf_dtype``: int64 leaves of
            # every chunk, then joined, took 16 bytes per block and tree (240 MB for 50,000 blocks)
            raw = np.empty(len(X))
            leaves = np.empty((len(X), n_trees), dtype=leaf_dtype)
            for a in range(0, len(X), _TABLE_ROWS):
                part = X[a:a + _TABLE_ROWS]  # of an array, a view
                for i in range(0, len(part), _CHUNK):
                    raw[a + i:a + i + _CHUNK], leaves[a + i:a + i + _CHUNK] = self._walk(part[i:i + _CHUNK])
            return raw, leaves
        if not isinstance(X, np.ndarray):
            X = X[:]
        n, n_feat = X.shape
        if n == 0:
            return np.zeros(0), np.zeros((0, n_trees), dtype=leaf_dtype)
        flat_x = np.ascontiguousarray(X, dtype=np.float32).ravel()
        row = (np.arange(n, dtype=np.int64) * n_feat)[:, None]
        tree_off = (np.arange(n_trees, dtype=np.int64) * n_inner)[None, :]
        feat = self._feat_flat
        thr = self._thr_flat
        # g is the global node index (tree offset + slot); a step to child 2k+1(+1) keeps the offset
        g = np.repeat(tree_off, n, axis=0)
        for _ in range(self.depth):
            g = 2 * g - tree_off + 1 + (flat_x[row + feat[g]] > thr[g])
        leaf_idx = g - tree_off - n_inner
        vals = self._leaf_flat[leaf_idx + (np.arange(n_trees, dtype=np.int64) * (n_inner + 1))[None, :]]
        return vals.sum(axis=1) + self.base, leaf_idx.astype(leaf_dtype, copy=False)

    def evidence(self, X: np.ndarray, top: int = 3, leaf: np.ndarray | None = None) -> list[list[tuple[str, float, float]]]:
        """Per row, the `top` features that moved the raw score most: (name, value, push).

        ``leaf`` (from ``score_leaves``) saves walking the trees again. A negative push argues
        for dropping the block, a positive one for keeping it. The path
        a row took through each tree is read back from its leaf (in the padded complete trees a
        node's parent is ``(k - 1) // 2``), and each step's change of value is credited to the
        feature its parent split on.
        """
        if len(X) > _CHUNK:
            return [e for i in range(0, len(X), _CHUNK)
                    for e in self.evidence(X[i:i + _CHUNK], top, None if leaf is None else leaf[i:i + _CHUNK])]
        n, n_feat = X.shape
        if n == 0:
            return []
        n_trees, n_inner = self.feat.shape
        x = np.ascontiguousarray(X, dtype=np.float32)
        if leaf is None:
            leaf = self._walk(x)[1]
        path = leaf.astype(np.int64) + (np.arange(n_trees, dtype=np.int64) * (n_inner + 1))[None, :]  # (n, trees) row of the path tables
        # the rows of the path tables for every (row, tree): ``take`` copies them about 4x faster
        # than indexing with ``path`` does
        keys = self._path_feat.take(path, axis=0)  # (n, trees, depth)
        keys += (np.arange(n, dtype=np.int64) * n_feat)[:, None, None]
        contrib = np.bincount(keys.ravel(), weights=self._path_delta.take(path, axis=0).ravel(), minlength=n * n_feat)
        contrib = contrib.reshape(n, n_feat)
        k = min(top, n_feat)
        mag = np.abs(contrib)
        best = np.argpartition(-mag, k - 1, axis=1)[:, :k] if k < n_feat else np.tile(np.arange(n_feat), (n, 1))
        best = np.take_along_axis(best, np.argsort(-np.take_along_axis(mag, best, 1), axis=1, kind="stable"), 1)
        names = self.features
        # each row's best features with their values and pushes, as Python floats in one pass each
        values = np.take_along_axis(x, best, 1).tolist()
        pushes = np.take_along_axis(contrib, best, 1).tolist()
        return [[(names[j], v, push) for j, v, push in zip(cols, vs, ps) if push]
                for cols, vs, ps in zip(best.tolist(), values, pushes)]


def distinct_rows(X: Any) -> tuple[Any, np.ndarray | None]:
    """The distinct rows of ``X`` and, for each row of ``X``, the index of its own among them;
    ``(X, None)`` for a matrix of under ``_DISTINCT_FROM`` rows, or one with no row repeated.
    ``X`` is a float32 array or a ``features.FeatureTable`` (read ``_HASH_ROWS`` rows at a time).

    Equal rows score the same, and a long page repeats them: 50,000 like paragraphs in an
    <article> have 819 distinct rows, and scoring them alone takes 0.02 s instead of 0.46 s.
    Rows are grouped by a hash of their bits, and every row is then compared with the row that
    stands for it, so a hash collision costs only the saving: all rows are scored then.
    """
    n = len(X)
    if n < _DISTINCT_FROM or X.shape[1] > len(_HASH_WEIGHTS) or getattr(X, "dtype", np.float32) != np.float32:
        return X, None
    weights = _HASH_WEIGHTS[:X.shape[1]]
    h = np.empty(n, dtype=np.uint64)
    for i in range(0, n, _HASH_ROWS):
        h[i:i + _HASH_ROWS] = _bits(X[i:i + _HASH_ROWS]) @ weights  # wraps around: a hash, not a sum
    _, first, inverse = np.unique(h, return_index=True, return_inverse=True)
    if len(first) > n // 2:  # few repeats: not worth a second matrix
        return X, None
    rows = X[first]
    rows_bits = rows.view(np.uint32)
    for i in range(0, n, _HASH_ROWS):
        if not np.array_equal(_bits(X[i:i + _HASH_ROWS]), rows_bits[inverse[i:i + _HASH_ROWS]]):
            return X, None  # two different rows with one hash
    return rows, inverse.reshape(-1)


def _bits(rows: np.ndarray) -> np.ndarray:
    """The float32 rows as their bit patterns (a view when they are contiguous)."""
    return np.ascontiguousarray(rows).view(np.uint32)


def _pad(tree: dict, depth: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    n_inner = 2 ** depth - 1
    feat = np.zeros(n_inner, dtype=np.int64)
    thr = np.full(n_inner, np.inf, dtype=np.float32)
    inner = np.zeros(n_inner)
    leaf = np.zeros(2 ** depth)
    f, t, lft, rgt, val = tree["feature"], tree["threshold"], tree["left"], tree["right"], tree["value"]
    stack = [(0, 0, 0)]  # (source node, full-tree slot, level)
    while stack:
        src, slot, level = stack.pop()
        is_leaf = f[src] < 0
        if level == depth:
            leaf[slot - n_inner] = val[src]
            continue
        inner[slot] = val[src]
        if is_leaf:  # pad: always go left, keep the value
            stack.append((src, 2 * slot + 1, level + 1))
            continue
        feat[slot] = f[src]
        thr[slot] = np.float32(t[src])
        stack.append((lft[src], 2 * slot + 1, level + 1))
        stack.append((rgt[src], 2 * slot + 2, level + 1))
    return feat, thr, inner, leaf


def _tree_depth(tree: dict) -> int:
    f, lft, rgt = tree["feature"], tree["left"], tree["right"]
    best, stack = 0, [(0, 0)]
    while stack:
        i, d = stack.pop()
        if f[i] < 0:
            best = max(best, d)
        else:
            stack.append((lft[i], d + 1))
            stack.append((rgt[i], d + 1))
    return best


def from_dict(model: dict) -> Scorer:
    if model.get("format") != "cleanpage-trees-1":
        raise ValueError(f"unknown model format {model.get('format')!r}")
    trees = model["trees"]
    depth = max(1, max((_tree_depth(t) for t in trees), default=1))
    padded = [_pad(t, depth) for t in trees]
    return Scorer(
        features=tuple(model["features"]), threshold=float(model["threshold"]), depth=depth,
        feat=np.stack([p[0] for p in padded]), thr=np.stack([p[1] for p in padded]),
        inner=np.stack([p[2] for p in padded]), leaf=np.stack([p[3] for p in padded]),
        base=float(model.get("base", 0.0)),
        size_factor=float(sel["size_factor"]) if (sel := model.get("selection")) else None,
        floor=float(sel["floor"]) if sel else 0.0,
        product=(float(sel["product"]["size_factor"]), float(sel["product"]["floor"]))
        if sel and sel.get("product") else None)


@lru_cache(maxsize=4)
def load(path: Path = MODEL_PATH) -> Scorer:
    """The shipped model (parsed once per process)."""
    return from_dict(json.loads(path.read_text(encoding="utf-8")))
