"""False positives of each chrome phrase family, measured before a family is kept.

For every family in ``cleanpage.phrases.DEFAULT_FAMILIES`` and ``EXTRA_FAMILIES``:

- on clean text (WCXB dev ``main_content``, one line per paragraph): lines and words
  it would take out, and on how many pages; every hit is a false positive;
- on the renderings (labelled by ``data.py``): chrome lines it hits (true positives),
  content lines it hits (false positives), and its precision.

Usage: python training/text/phrase_fp.py [--examples N] [--family NAME]
WCXB (Web Content eXtraction Benchmark, Murrough Foley, 2026), CC-BY-4.0.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict

import data
from cleanpage.phrases import DEFAULT_FAMILIES, EXTRA_FAMILIES, PhraseMatcher


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--family", default="")
    args = ap.parse_args()
    pages = data.load()
    fams = [f for f in DEFAULT_FAMILIES + EXTRA_FAMILIES if not args.family or f.name == args.family]
    matchers = {f.name: PhraseMatcher([f]) for f in fams}
    clean_lines, clean_words, clean_pages = Counter(), Counter(), defaultdict(set)
    tp, fp = Counter(), Counter()
    ex_clean, ex_fp = defaultdict(list), defaultdict(list)
    n_clean_lines = n_chrome = 0
    for p in pages:
        main_lines = [ln.strip() for ln in p.main.split("\n") if ln.strip()]
        n_clean_lines += len(main_lines)
        n_chrome += len(p.labels) - sum(p.labels)
        for name, m in matchers.items():
            for ln in main_lines:
                if m.match(ln):
                    clean_lines[name] += 1
                    clean_words[name] += len(ln.split())
                    clean_pages[name].add(p.fid)
                    ex_clean[name].append((p.fid, ln[:100]))
            for ln, y in zip(p.lines, p.labels):
                if m.match(ln):
                    if y:
                        fp[name] += 1
                        ex_fp[name].append((p.fid, ln[:100]))
                    else:
                        tp[name] += 1
    print(f"{len(pages)} pages; clean text: {n_clean_lines} lines; renderings: {n_chrome} chrome lines")
    print(f"{'family':12} {'clean lines':>11} {'clean words':>11} {'clean pages':>11} | {'chrome hit':>10} "
          f"{'content hit':>11} {'precision':>9} {'chrome recall':>13}")
    for f in fams:
        n = f.name
        prec = tp[n] / (tp[n] + fp[n]) if tp[n] + fp[n] else float("nan")
        print(f"{n:12} {clean_lines[n]:11d} {clean_words[n]:11d} {len(clean_pages[n]):11d} | {tp[n]:10d} "
              f"{fp[n]:11d} {prec:9.3f} {tp[n] / n_chrome:13.4f}")
    for f in fams:
        if args.examples:
            print(f"\n== {f.name}: clean-text hits ==")
            for fid, ln in Counter(ex_clean[f.name]).most_common(args.examples):
                print(f"  {fid[0]} {fid[1]!r}")
            print(f"== {f.name}: content lines hit in renderings ==")
            c = Counter(ln for _, ln in ex_fp[f.name])
            for ln, k in c.most_common(args.examples):
                print(f"  x{k} {ln!r}")


if __name__ == "__main__":
    main()
