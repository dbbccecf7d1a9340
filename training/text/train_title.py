"""Train the title picker: small boosted trees ranking candidate lines, CV'd grouped by site.

    python training/text/train_title.py        # 5-fold CV by site, then write src/cleanpage/models/title.json
                                               # (held-out accuracy first; --cv-only to skip writing)

Candidates are the first ``title.SEARCH_LINES`` lines, the lines around where the line
model's content starts when it starts below them (``title.content_window``), and, for
each, its title part with a
site part split off (``title.split_site``). Each candidate's features are
``title.candidate_features``: shape, position, agreement with the ``<title>``-style
first line, where the line scorer's content starts, the line's own score, the blank
lines around it, and how it stands among the other candidates (which line looks like
the on-page heading). The label is token F1 >= 0.8 against the gold ``title``; the picker
takes the candidate with the highest score. Each CV fold's model is written to
``benchmarks/out/title-cv/`` for the held-out run of ``benchmarks/text_extraction.py``. The
line verdicts come from the held-out probabilities of ``train_linescore.py --cv``, so
no page is scored with verdicts from a model that saw its site.
WCXB (Web Content eXtraction Benchmark, Murrough Foley, 2026), CC-BY-4.0.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict

import numpy as np

import common as C
import data
from _common import bag, f1
from cleanpage.lines import title as TL
from train_linescore import CV_OUT

OUT = data.REPO / "src" / "cleanpage" / "models" / "title.json"
OK = 0.8


def tf1(a: str, b: str) -> float:
    return f1(bag(a), bag(b))[2]


# trees of 4 leaves, not stumps: a candidate's score may then depend on two of its features at
# once ("the first line, while another line looks like the on-page heading"). In 5-fold CV by
# site over the same features (CANDIDATE_FEATURES_3), stumps pick 78.7% right, these trees 80.6%
TREES = dict(n_estimators=800, learning_rate=0.05, num_leaves=4, max_depth=-1, min_child_samples=50, max_bin=63,
             n_jobs=1, deterministic=True, force_row_wise=True, seed=7, verbose=-1)
CV_DIR = data.REPO / "benchmarks" / "out" / "title-cv"


def fit(X: np.ndarray, y: np.ndarray, g: np.ndarray):  # noqa: ANN201 - a fitted LGBMRanker
    """Small boosted trees ranking the candidates of each page (LambdaRank)."""
    import lightgbm as lgb

    sizes = np.diff(np.flatnonzero(np.r_[True, g[1:] != g[:-1], True]))
    return lgb.LGBMRanker(objective="lambdarank", lambdarank_truncation_level=3, **TREES).fit(X, y, group=sizes)


def flat_trees(booster) -> dict:  # noqa: ANN001
    """The booster's trees as the flat node arrays of ``title.Trees`` (format cleanpage.title/3)."""
    feature: list[int] = []
    threshold: list[float] = []
    left: list[int] = []
    right: list[int] = []
    value: list[float] = []
    roots: list[int] = []

    def add(node: dict) -> int:
        k = len(feature)
        feature.append(-1)
        threshold.append(0.0)
        left.append(-1)
        right.append(-1)
        value.append(0.0)
        if "split_feature" not in node:
            value[k] = round(float(node["leaf_value"]), 9)
            return k
        assert node["decision_type"] == "<=" and node["missing_type"] in ("None", "NaN"), node["decision_type"]
        feature[k] = int(node["split_feature"])
        threshold[k] = float(node["threshold"])
        left[k] = add(node["left_child"])
        right[k] = add(node["right_child"])
        return k

    for tree in booster.dump_model()["tree_info"]:
        roots.append(add(tree["tree_structure"]))
    return {"feature": feature, "threshold": threshold, "left": left, "right": right, "value": value,
            "roots": roots, "bias": 0.0}


def export(model, X: np.ndarray) -> dict:  # noqa: ANN001
    spec = {"format": TL.MODEL_FORMAT_3, "features": list(TL.CANDIDATE_FEATURES_3),
            "trees": flat_trees(model.booster_),
            "about": "cleanpage title picker: boosted trees of 4 leaves (LambdaRank) over candidate lines; trained "
                     "on the WCXB dev split (Murrough Foley, 2026, CC-BY-4.0) by training/text/train_title.py"}
    # the JSON must score as the booster does
    got, want = TL.Trees(spec["trees"]).logits(X), model.booster_.predict(X)
    assert np.allclose(got, want, atol=1e-6), float(np.abs(got - want).max())
    return spec


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv-only", action="store_true")
    args = ap.parse_args()

    pages = data.load()
    cv = json.loads(CV_OUT.read_text())
    items = C.prepare_all(pages)
    folds = C.site_folds(items)
    X, y, g, cands = [], [], [], []
    for k, it in enumerate(items):
        p = it.page
        th = cv["probabilities"][f"threshold:{cv['folds'][p.fid]}"]
        probs = cv["probabilities"][p.fid]
        content = (np.asarray(probs) >= th).tolist()
        cs, F = TL.candidate_features(p.lines, content, list(it.prep.phrase_family), probs,
                                      list(it.prep.lines.gaps))
        for c, row in zip(cs, F):
            X.append(row)
            y.append(tf1(c.title, p.title) >= OK if p.title.strip() else False)
            g.append(k)
            cands.append(c)
    X, y, g = np.asarray(X, float), np.asarray(y, int), np.asarray(g)
    rowfold = folds[g]
    correct = np.zeros(len(items), bool)
    CV_DIR.mkdir(parents=True, exist_ok=True)
    for f in range(5):
        tr, te = rowfold != f, rowfold == f
        m = fit(X[tr], y[tr], g[tr])
        spec = export(m, X[tr])
        (CV_DIR / f"fold{f}.json").write_text(json.dumps(spec) + "\n", encoding="utf-8")
        s = TL.TitlePicker(spec).scores(X[te])
        best: dict[int, tuple[float, int]] = {}
        for sc, r, k in zip(s, np.flatnonzero(te), g[te]):
            if k not in best or sc > best[k][0] + 1e-12:
                best[k] = (sc, r)
        for k, (_sc, r) in best.items():
            correct[k] = tf1(cands[r].title, items[k].page.title) >= OK
    has = np.array([bool(it.page.title.strip()) for it in items])
    by_type = defaultdict(list)
    for k, it in enumerate(items):
        if has[k]:
            by_type[it.page.page_type].append(correct[k])
    oracle = np.zeros(len(items), bool)
    oracle[np.unique(g[y == 1])] = True
    print(f"title picker, 5-fold CV grouped by site: {correct[has].mean():.4f} right ({correct[has].sum()} of "
          f"{has.sum()}); a right candidate exists on {oracle[has].mean():.4f}; fold models in {CV_DIR}")
    print("  " + ", ".join(f"{t} {np.mean(v):.3f} ({len(v)})" for t, v in sorted(by_type.items())))
    if args.cv_only:
        return 0
    m = fit(X, y, g)
    OUT.write_text(json.dumps(export(m, X), indent=None) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(data.REPO)}")
    # what this model reads, on a fixed page: tests/lines/test_models_current.py checks it still does
    from cleanpage import snapshot

    snapshot.write(OUT.parent / snapshot.FILE, "title")
    print(f"wrote the title part of {(OUT.parent / snapshot.FILE).relative_to(data.REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
