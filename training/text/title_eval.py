"""Title accuracy on the WCXB dev renderings: token F1 >= 0.8 against the gold ``title``.

With ``benchmarks/out/linescore-cv.json`` present (``train_linescore.py --cv``), the picker
gets each page's held-out line verdicts, as it would from the scorer at run time.

Compares ``cleanpage.lines.title.pick_title`` with the first line as is, the first line with its
site part split off, and the best candidate among the first 60 lines (a ceiling).
Usage: python training/text/title_eval.py [--errors N]
WCXB (Web Content eXtraction Benchmark, Murrough Foley, 2026), CC-BY-4.0.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

import data
from _common import bag, f1
from cleanpage.lines.title import pick_title, split_site

OK = 0.8


def tf1(a: str | None, b: str) -> float:
    return f1(bag(a or ""), bag(b))[2]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--errors", type=int, default=0)
    args = ap.parse_args()
    pages = [p for p in data.load() if p.title.strip()]
    import json

    import numpy as np
    from train_linescore import CV_OUT

    cv = json.loads(CV_OUT.read_text()) if CV_OUT.exists() else None
    hits = defaultdict(int)
    by_type = defaultdict(lambda: [0, 0])
    errors = []
    for p in pages:
        first = p.lines[0] if p.lines else ""
        content = None
        if cv is not None:
            th = cv["probabilities"][f"threshold:{cv['folds'][p.fid]}"]
            content = (np.asarray(cv["probabilities"][p.fid]) >= th).tolist()
        pick = pick_title(p.lines, content)
        got = pick.title if pick else ""
        ok = tf1(got, p.title) >= OK
        hits["pick_title"] += ok
        hits["first line"] += tf1(first, p.title) >= OK
        hits["first line, site split"] += tf1(split_site(first)[0], p.title) >= OK
        hits["best of first 60 (ceiling)"] += any(tf1(ln, p.title) >= OK for ln in p.lines[:60])
        by_type[p.page_type][0] += ok
        by_type[p.page_type][1] += 1
        if not ok:
            errors.append((p.fid, p.title[:80], got[:80], pick.reason if pick else ""))
    print(f"{len(pages)} pages with a gold title; right = token F1 >= {OK}")
    for k, v in hits.items():
        print(f"  {k:28} {v / len(pages):.4f} ({v})")
    print("  pick_title by type: " + ", ".join(f"{t} {a / n:.3f} ({n})" for t, (a, n) in sorted(by_type.items())))
    for e in errors[: args.errors]:
        print(f"  {e[0]} gold={e[1]!r}\n        got={e[2]!r} ({e[3]})")


if __name__ == "__main__":
    main()
