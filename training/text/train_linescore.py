"""Train the line scorer on the WCXB dev split; cross-validate it grouped by site.

    python training/text/train_linescore.py            # rebuild src/cleanpage/models/linescore.json
    python training/text/train_linescore.py --cv       # 5-fold CV grouped by site (domain)

The model (see ``cleanpage.lines.scorer``) is two additive passes of boosted stumps
(LightGBM, ``max_depth=1``, so each tree reads one feature and the sum per feature is
a piecewise-constant function that the JSON stores as thresholds and values):

1. pass 1 reads the line features of ``cleanpage.lines.features``;
2. pass 2 reads them again plus the context of pass-1 scores (neighbours, sides).

Leakage is avoided at every level. The vocabulary features of a training page come
from a vocabulary built without its site (inner 5-fold by site); pass 2 is trained
on out-of-fold pass-1 scores (inner 5-fold by site); the keep threshold is chosen on
those out-of-fold pass-1 scores. In ``--cv``, all of that happens inside each outer
training fold, and the outer test fold's sites are never seen: the printed F1 is the
held-out figure. ``--cv`` also writes each fold's model (``benchmarks/out/linescore-cv/foldK.json``)
and each page's held-out line probabilities to
``benchmarks/out/linescore-cv.json`` for ``benchmarks/text_extraction.py``.

Deterministic: single-threaded LightGBM with fixed seeds, folds by a hash of the domain.
Training needs lightgbm and scikit-learn; the shipped model needs numpy only.
WCXB (Web Content eXtraction Benchmark, Murrough Foley, 2026), CC-BY-4.0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

import common as C
import data
from cleanpage.lines import features as FX
from cleanpage.lines import tokens as T
from cleanpage.lines.scorer import MODEL_FORMAT

MODEL = data.REPO / "src" / "cleanpage" / "models" / "linescore.json"
CV_OUT = data.REPO / "benchmarks" / "out" / "linescore-cv.json"


def fold_model_path(fold: int, out_path: Path = CV_OUT) -> Path:
    """Where ``--cv`` writes fold ``fold``'s line model: beside the held-out probabilities."""
    return out_path.with_suffix("") / f"fold{fold}.json"
INNER_K = 5
STUMPS = dict(n_estimators=600, learning_rate=0.1, num_leaves=2, max_depth=1, min_child_samples=200, max_bin=63,
              n_jobs=1, deterministic=True, force_row_wise=True, seed=7, verbose=-1)
THRESHOLDS = np.round(np.arange(0.15, 0.625, 0.025), 3)
MIN_VOCAB_LEAN = 0.05


def fit(X: np.ndarray, y: np.ndarray):  # noqa: ANN201 - a fitted LGBMClassifier
    import lightgbm as lgb

    return lgb.LGBMClassifier(**STUMPS).fit(X, y)


def context(z: np.ndarray, g: np.ndarray) -> np.ndarray:
    out = np.zeros((len(z), len(FX.CONTEXT)), np.float32)
    for k in np.unique(g):
        m = g == k
        out[m] = FX.context_features(z[m])
    return out


def best_threshold(items: list[C.Prepared], z: np.ndarray, g: np.ndarray) -> float:
    p = 1 / (1 + np.exp(-z))
    mean = [np.mean([C.page_f1(it, p[g == i] >= th) for i, it in enumerate(items)]) for th in THRESHOLDS]
    return float(THRESHOLDS[int(np.argmax(mean))])


def train(items: list[C.Prepared]) -> dict:
    """Everything the scorer needs, trained on ``items`` only (vocabulary, two passes, threshold)."""
    X, y, g = C.oof_vocab_matrices(items, INNER_K)
    folds = C.site_folds(items, INNER_K, salt="pass1")[g]
    z_oof = np.zeros(len(y))
    for k in range(INNER_K):
        m = fit(X[folds != k], y[folds != k])
        z_oof[folds == k] = m.predict(X[folds == k], raw_score=True)
    threshold = best_threshold(items, z_oof, g)
    m1 = fit(X, y)
    X2 = np.hstack([context(z_oof, g), X])
    m2 = fit(X2, y)
    return {"vocab": C.build_vocab(items), "m1": m1, "m2": m2, "threshold": threshold, "X": X, "X2": X2}


def predict(model: dict, items: list[C.Prepared], vocab: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    X, _, g = C.matrices(items, model["vocab"] if vocab is None else vocab)
    z1 = model["m1"].predict(X, raw_score=True)
    z2 = model["m2"].predict(np.hstack([context(z1, g), X]), raw_score=True)
    return 1 / (1 + np.exp(-z2)), g


def additive_terms(booster, names: tuple[str, ...], X: np.ndarray) -> dict:
    """A stumps booster as per-feature thresholds and bin values, plus each term's mean on X."""
    dump = booster.dump_model()
    bias = 0.0
    stumps: dict[int, list[tuple[float, float, float]]] = defaultdict(list)
    for tree in dump["tree_info"]:
        node = tree["tree_structure"]
        if "split_feature" not in node:
            bias += node["leaf_value"]
            continue
        assert node["decision_type"] == "<=" and "leaf_value" in node["left_child"], "stumps only"
        stumps[node["split_feature"]].append((node["threshold"], node["left_child"]["leaf_value"],
                                              node["right_child"]["leaf_value"]))
    terms, baseline = {}, {}
    for j in sorted(stumps):
        thr = sorted({t for t, _, _ in stumps[j]})
        values = []
        for b in range(len(thr) + 1):  # bin b: exactly b thresholds lie below x
            values.append(sum(left if b <= thr.index(t) else right for t, left, right in stumps[j]))
        # fold the smallest value into the bias so values stay small and readable
        terms[names[j]] = {"thresholds": thr, "values": [round(v, 6) for v in values]}
        col = X[:, j].astype(np.float64)
        baseline[names[j]] = round(float(np.mean(np.asarray(values)[np.searchsorted(thr, col, side="left")])), 6)
    return {"bias": round(bias, 6), "terms": terms, "baseline": baseline}


_WORD = re.compile(r"\w+")


def vocab_words(items: list[C.Prepared], lean: np.ndarray) -> dict[str, float]:
    """The words behind every bucket with a lean, so the JSON stores words, not hashes."""
    count: Counter[str] = Counter()
    for it in items:
        count.update(_WORD.findall("\n".join(it.page.lines).lower()))
    words = sorted(count)
    buckets = T.hash_words(words)
    best: dict[int, str] = {}
    for w, b in zip(words, buckets):
        if b >= 0 and abs(lean[b]) >= MIN_VOCAB_LEAN and (b not in best or count[w] > count[best[b]]):
            best[b] = w
    return {w: round(float(lean[b]), 3) for b, w in sorted(best.items(), key=lambda kv: kv[1])}


def export(model: dict, items: list[C.Prepared]) -> dict:
    spec = {
        "format": MODEL_FORMAT,
        "about": "cleanpage line scorer: two additive passes of boosted stumps over line features; "
                 "trained on the WCXB dev split (Murrough Foley, 2026, CC-BY-4.0) by "
                 "training/text/train_linescore.py. Values are log-odds of main content.",
        "features": list(FX.FEATURES),
        "context": list(FX.CONTEXT),
        "threshold": model["threshold"],
        "pass1": additive_terms(model["m1"].booster_, FX.FEATURES, model["X"]),
        "pass2": additive_terms(model["m2"].booster_, FX.CONTEXT + FX.FEATURES, model["X2"]),
        "vocab": vocab_words(items, model["vocab"]),
    }
    return spec


def clean_text(page: data.Page) -> str:
    """What ``benchmarks/text_extraction.py`` feeds for the no-harm check: gold title, then main content."""
    title, main = page.title.strip(), page.main.strip()
    return f"{title}\n\n{main}" if title and not main.startswith(title) else main


def clean_item(page: data.Page) -> C.Prepared:
    from cleanpage.lines.scorer import prepare

    pr = prepare(clean_text(page))
    return C.Prepared(page, -1, pr, np.ones(pr.tokens.n_lines, np.int8))


def cv(items: list[C.Prepared], k: int = 5, out_path: Path = CV_OUT) -> None:
    folds = C.site_folds(items, k)
    probs: dict[str, list[float]] = {}
    scores: dict[int, float] = {}
    novocab: dict[int, float] = {}
    t0 = time.perf_counter()
    for f in range(k):
        train_items = [it for it, g in zip(items, folds) if g != f]
        test_idx = [i for i, g in enumerate(folds) if g == f]
        model = train(train_items)
        p, g = predict(model, [items[i] for i in test_idx])
        # the same held-out pages as if in a language the vocabulary does not know
        p0, g0 = predict(model, [items[i] for i in test_idx], np.zeros_like(model["vocab"]))
        for j, i in enumerate(test_idx):
            pi = p[g == j]
            probs[items[i].page.fid] = [round(float(x), 4) for x in pi]
            scores[i] = C.page_f1(items[i], pi >= model["threshold"])
            novocab[i] = C.page_f1(items[i], p0[g0 == j] >= model["threshold"])
        print(f"fold {f}: {len(test_idx)} pages from {len({items[i].page.domain for i in test_idx})} sites, "
              f"threshold {model['threshold']}, word-F1 {np.mean([scores[i] for i in test_idx]):.4f} "
              f"({time.perf_counter() - t0:.0f} s)", flush=True)
        probs[f"threshold:{f}"] = model["threshold"]  # type: ignore[assignment]
        # the fold's model as the shipped model is stored: it scores the fold's pages in any
        # rendering (``benchmarks/text_extraction.py --render``), not only the lines above
        fold_path = fold_model_path(f, out_path)
        fold_path.parent.mkdir(parents=True, exist_ok=True)
        fold_path.write_text(json.dumps(export(model, train_items), ensure_ascii=False, separators=(",", ":")) + "\n",
                             encoding="utf-8")
        # no harm, held out too: the fold's clean article text (gold title, then paragraphs)
        for i in test_idx:
            page = items[i].page
            if page.page_type == "article" and page.main.strip():
                pc = clean_item(page)
                pz, _ = predict(model, [pc])
                probs[f"clean:{page.fid}"] = [round(float(x), 4) for x in pz]
    by_type: dict[str, list[float]] = defaultdict(list)
    for i, s in scores.items():
        by_type[items[i].page.page_type].append(s)
    print(f"5-fold CV grouped by site: word-F1 {np.mean(list(scores.values())):.4f} over {len(scores)} pages")
    for t, s in sorted(by_type.items(), key=lambda kv: -len(kv[1])):
        print(f"  {t:14} {np.mean(s):.4f} ({len(s)})")
    art = [novocab[i] for i in novocab if items[i].page.page_type == "article"]
    print(f"same held-out pages with the vocabulary withheld (a proxy for an unseen language): "
          f"word-F1 {np.mean(list(novocab.values())):.4f}, articles {np.mean(art):.4f}")
    out = {"folds": {items[i].page.fid: int(folds[i]) for i in range(len(items))}, "probabilities": probs}
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(json.dumps(out))
    print(f"held-out line probabilities written to {out_path}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=data.wcxb.DEFAULT_DATA)
    ap.add_argument("--cv", action="store_true", help="5-fold cross-validation grouped by site")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--out", type=Path, default=MODEL)
    ap.add_argument("--cv-out", type=Path, default=CV_OUT, help="where --cv writes the held-out probabilities")
    args = ap.parse_args()
    items = C.prepare_all(data.load(args.data, args.limit))
    if args.cv:
        cv(items, out_path=args.cv_out)
        return 0
    model = train(items)
    spec = export(model, items)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(spec, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
                        encoding="utf-8")
    # the exported additive model must reproduce LightGBM's scores
    from cleanpage.lines.scorer import AdditiveModel

    a1 = AdditiveModel(spec["pass1"], FX.FEATURES)
    z_ref = model["m1"].predict(model["X"], raw_score=True)
    z_json = a1.logit(a1.contributions(model["X"]))
    err = float(np.max(np.abs(z_ref - z_json)))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, {len(spec['vocab'])} vocabulary words, "
          f"threshold {spec['threshold']}); export max |error| {err:.2e}")
    # what this model reads, on a fixed page: tests/lines/test_models_current.py checks it still does
    from cleanpage import snapshot
    from cleanpage.lines.scorer import LineScorer

    snapshot.write(args.out.parent / snapshot.FILE, "line", LineScorer(spec))
    print(f"wrote the line part of {args.out.parent / snapshot.FILE}; now train the title picker again "
          "(train_title.py): its features read this model's verdicts")
    return 0 if err < 1e-4 else 1


if __name__ == "__main__":
    sys.exit(main())
