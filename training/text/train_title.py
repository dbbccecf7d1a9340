"""Train the title picker: a logistic regression over candidate lines, CV'd grouped by site.

    python training/text/train_title.py        # 5-fold CV by site, then write src/cleanpage/models/title.json
                                               # (held-out accuracy first; --cv-only to skip writing)

Candidates are the first ``title.SEARCH_LINES`` lines and, for each, its title part with a
site part split off (``title.split_site``). Each candidate's features are
``title.candidate_features``: shape, position, agreement with the ``<title>``-style
first line, and where the line scorer's content starts. The label is token F1 >= 0.8
against the gold ``title``; the picker takes the candidate with the highest score. The
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


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cv-only", action="store_true")
    args = ap.parse_args()
    from sklearn.linear_model import LogisticRegression

    pages = data.load()
    cv = json.loads(CV_OUT.read_text())
    items = C.prepare_all(pages)
    folds = C.site_folds(items)
    X, y, g, cands = [], [], [], []
    for k, it in enumerate(items):
        p = it.page
        th = cv["probabilities"][f"threshold:{cv['folds'][p.fid]}"]
        content = (np.asarray(cv["probabilities"][p.fid]) >= th).tolist()
        cs, F = TL.candidate_features(p.lines, content, list(it.prep.phrase_family))
        for c, row in zip(cs, F):
            X.append(row)
            y.append(tf1(c.title, p.title) >= OK if p.title.strip() else False)
            g.append(k)
            cands.append(c)
    X, y, g = np.asarray(X, float), np.asarray(y, int), np.asarray(g)
    rowfold = folds[g]
    correct = np.zeros(len(items), bool)
    for f in range(5):
        tr, te = rowfold != f, rowfold == f
        mu, sd = X[tr].mean(0), X[tr].std(0) + 1e-9
        m = LogisticRegression(C=1.0, max_iter=2000).fit((X[tr] - mu) / sd, y[tr])
        s = m.decision_function((X[te] - mu) / sd)
        best: dict[int, tuple[float, int]] = {}
        for r, k in zip(np.flatnonzero(te), g[te]):
            sc = s[np.searchsorted(np.flatnonzero(te), r)]
            if k not in best or sc > best[k][0]:
                best[k] = (sc, r)
        for k, (_sc, r) in best.items():
            correct[k] = tf1(cands[r].title, items[k].page.title) >= OK
    has = np.array([bool(it.page.title.strip()) for it in items])
    by_type = defaultdict(list)
    for k, it in enumerate(items):
        if has[k]:
            by_type[it.page.page_type].append(correct[k])
    print(f"title picker, 5-fold CV grouped by site: {correct[has].mean():.4f} right ({correct[has].sum()} of {has.sum()})")
    print("  " + ", ".join(f"{t} {np.mean(v):.3f} ({len(v)})" for t, v in sorted(by_type.items())))
    if args.cv_only:
        return 0
    mu, sd = X.mean(0), X.std(0) + 1e-9
    m = LogisticRegression(C=1.0, max_iter=2000).fit((X - mu) / sd, y)
    w = m.coef_[0] / sd
    b = float(m.intercept_[0] - (m.coef_[0] * mu / sd).sum())
    spec = {"format": TL.MODEL_FORMAT, "features": list(TL.CANDIDATE_FEATURES),
            "weights": [round(float(v), 6) for v in w], "bias": round(b, 6),
            "about": "cleanpage title picker: logistic regression over candidate lines; trained on the WCXB dev "
                     "split (Murrough Foley, 2026, CC-BY-4.0) by training/text/train_title.py"}
    OUT.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(data.REPO)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
