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

Two pickers, one file (format ``cleanpage.title/4``). A page whose first line has a site
part (``Title | Site``: the ``<title>``, as html-text and BeautifulSoup print it first) is
read by the ``titled`` picker, trained on the html-text renderings. Any other page (a
rendering that lays the page out as a browser does starts with its menu, and crawl dumps
hold such text) is read by the ``other`` picker, trained on the pages rendered three ways
(``wcxb.RENDERERS``: html-text, resiliparse, BeautifulSoup), their lines scored by the
line model of their CV fold (``benchmarks/out/linescore-cv/foldK.json``). One picker trained
on all three renderings read the html-text pages 1.7 points worse; the split costs them 0.3.
WCXB (Web Content eXtraction Benchmark, Murrough Foley, 2026), CC-BY-4.0.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Callable

import numpy as np

import common as C
import data
from _common import bag, f1
from cleanpage.lines import title as TL
from train_linescore import CV_OUT, fold_model_path

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


def export(titled, other, X_titled: np.ndarray, X_other: np.ndarray) -> dict:  # noqa: ANN001
    spec = {"format": TL.MODEL_FORMAT_4, "features": list(TL.CANDIDATE_FEATURES_4),
            "titled": flat_trees(titled.booster_), "other": flat_trees(other.booster_),
            "about": "cleanpage title picker: boosted trees of 4 leaves (LambdaRank) over candidate lines, one set for "
                     "pages whose first line has a site part and one for the others; trained on the WCXB dev split "
                     "(Murrough Foley, 2026, CC-BY-4.0) by training/text/train_title.py"}
    # the JSON must score as the boosters do
    for key, model, X in (("titled", titled, X_titled), ("other", other, X_other)):
        got, want = TL.Trees(spec[key]).logits(X), model.booster_.predict(X)
        assert np.allclose(got, want, atol=1e-6), (key, float(np.abs(got - want).max()))
    return spec


RENDERINGS = ("html-text", "resiliparse", "bs4")
_SITE_SPLIT = TL.CANDIDATE_FEATURES_4.index("first_site_split")
_N3 = len(TL.CANDIDATE_FEATURES_3)  # the titled picker reads these (what the html-text pages need)


def candidate_rows(items: list, folds: np.ndarray, cv: dict) -> dict[str, tuple]:  # noqa: ANN001
    """Per rendering: candidate rows X, labels y, page index g, and the candidates."""
    import wcxb
    from cleanpage.lines.scorer import LineScorer, prepare

    scorers = {}
    for f in range(5):
        path = fold_model_path(f)
        if not path.exists():
            raise SystemExit(f"no {path.relative_to(data.REPO)}: run train_linescore.py --cv first")
        scorers[f] = LineScorer(json.loads(path.read_text(encoding="utf-8")))
    wpages = wcxb.load()
    texts = {r: wcxb.renderings(wpages, workers=1, render=r) for r in RENDERINGS[1:]}
    out = {}
    for r in RENDERINGS:
        X, y, g, cands = [], [], [], []
        for k, it in enumerate(items):
            p = it.page
            if r == "html-text":  # the held-out probabilities of the lines the line model was trained on
                th = cv["probabilities"][f"threshold:{cv['folds'][p.fid]}"]
                probs = cv["probabilities"][p.fid]
                content = (np.asarray(probs) >= th).tolist()
                lines, fam, gaps = p.lines, list(it.prep.phrase_family), list(it.prep.lines.gaps)
            else:
                prep = prepare(texts[r][p.fid])
                sc = scorers[int(folds[k])].score_prepared(prep)
                probs, content = sc.probability.tolist(), sc.keep.tolist()
                lines, fam, gaps = prep.lines.texts, list(prep.phrase_family), list(prep.lines.gaps)
            cs, F = TL.candidate_features(lines, content, fam, probs, gaps)
            for c, row in zip(cs, F):
                X.append(row)
                y.append(tf1(c.title, p.title) >= OK if p.title.strip() else False)
                g.append(k)
                cands.append(c)
        out[r] = (np.asarray(X, float), np.asarray(y, int), np.asarray(g), cands)
    return out


def fit_pair(rows: dict[str, tuple], keep: Callable[[np.ndarray], np.ndarray]) -> tuple:  # noqa: ANN001
    """The titled picker (html-text rows, the format 3 columns) and the other picker (every
    rendering's rows), each on the rows of the pages ``keep(g)`` holds."""
    X, y, g, _ = rows["html-text"]
    t = keep(g)
    Xt = np.zeros_like(X[t])
    Xt[:, :_N3] = X[t][:, :_N3]  # later columns left at 0: the trees never split on them
    titled = fit(Xt, y[t], g[t])
    parts = [(X[keep(g)], y[keep(g)], g[keep(g)] + j * 100_000)
             for j, (X, y, g, _) in enumerate(rows[r] for r in RENDERINGS)]
    Xo = np.concatenate([x for x, _, _ in parts])
    other = fit(Xo, np.concatenate([y for _, y, _ in parts]), np.concatenate([g for _, _, g in parts]))
    return export(titled, other, Xt, Xo)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv-only", action="store_true")
    args = ap.parse_args()

    pages = data.load()
    cv = json.loads(CV_OUT.read_text())
    items = C.prepare_all(pages)
    folds = C.site_folds(items)
    rows = candidate_rows(items, folds, cv)
    correct = {r: np.zeros(len(items), bool) for r in RENDERINGS}
    CV_DIR.mkdir(parents=True, exist_ok=True)
    for f in range(5):
        spec = fit_pair(rows, lambda g, f=f: folds[g] != f)
        (CV_DIR / f"fold{f}.json").write_text(json.dumps(spec) + "\n", encoding="utf-8")
        picker = TL.TitlePicker(spec)
        for r in RENDERINGS:
            X, _y, g, cands = rows[r]
            te = np.flatnonzero(folds[g] == f)
            for k in np.unique(g[te]):  # each page's candidates, scored as the picker scores a page
                at = te[g[te] == k]
                best = at[int(np.argmax(picker.scores(X[at])))]
                correct[r][k] = tf1(cands[best].title, items[k].page.title) >= OK
    has = np.array([bool(it.page.title.strip()) for it in items])
    for r in RENDERINGS:
        X, y, g, _ = rows[r]
        oracle = np.zeros(len(items), bool)
        oracle[np.unique(g[y == 1])] = True
        print(f"title picker, 5-fold CV grouped by site, {r} renderings: {correct[r][has].mean():.4f} right "
              f"({correct[r][has].sum()} of {has.sum()}); a right candidate exists on {oracle[has].mean():.4f}")
    by_type = defaultdict(list)
    for k, it in enumerate(items):
        if has[k]:
            by_type[it.page.page_type].append(correct["html-text"][k])
    print("  html-text by type: " + ", ".join(f"{t} {np.mean(v):.3f} ({len(v)})" for t, v in sorted(by_type.items())))
    print(f"fold models in {CV_DIR}")
    if args.cv_only:
        return 0
    spec = fit_pair(rows, lambda g: np.ones(len(g), bool))
    OUT.write_text(json.dumps(spec, indent=None) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(data.REPO)}")
    # what this model reads, on a fixed page: tests/lines/test_models_current.py checks it still does
    from cleanpage import snapshot

    snapshot.write(OUT.parent / snapshot.FILE, "title")
    print(f"wrote the title part of {(OUT.parent / snapshot.FILE).relative_to(data.REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
