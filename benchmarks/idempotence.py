"""Idempotence on real pages: how often cleaning a clean body changes it.

For each WCXB development page, ``page = clean(source)`` and then ``again = clean(page.body)``;
a page counts when ``again.body != page.body``, and the rules that acted on the second
pass are tallied. Sources, chosen with ``--input``:

- ``text``: the page rendered to text as a scraper does (``wcxb.renderings``);
- ``html``: the page's HTML (its body is cleaned again as text, ``input_format="text"``).

``--preview`` runs both passes with ``Config(preview=True)`` (the line model's rules);
``--disable`` switches rules or families off, as ``Config.disabled``, on both passes, and
``--again-disable`` on the second pass only: an HTML page's body cleaned again with
``--again-disable meta.title,related`` (the text rules that would second-guess the DOM
model's title and lists) is the README's recipe for re-cleaning such bodies. The property tests
promise idempotence for text input under the default rules; this measures it on real
pages, and how far HTML input and the preview rules are from it.

Usage:
    python benchmarks/idempotence.py [--data DIR] [--input text|html] [--limit N] [--preview] [--disable a,b] [--again-disable a,b]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import wcxb
from _common import import_cleanpage, table


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=wcxb.DEFAULT_DATA)
    ap.add_argument("--input", choices=("text", "html"), default="text")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (default: all)")
    ap.add_argument("--preview", action="store_true", help="Config(preview=True) on both passes")
    ap.add_argument("--disable", default="", help="comma-separated rules or families to switch off")
    ap.add_argument("--again-disable", default="", help="the same, on the second pass only")
    args = ap.parse_args(argv)

    cp = import_cleanpage()
    disabled = frozenset(x for x in args.disable.split(",") if x)
    config = cp.Config(preview=args.preview, disabled=disabled)
    first = cp.Cleaner(config if args.input == "html" else cp.Config(preview=args.preview, disabled=disabled,
                                                                       input_format="text"))
    again_off = disabled | frozenset(x for x in args.again_disable.split(",") if x)
    # an HTML page's body is text: cleaned again as text (README "Limits"); a text page's body as
    # it comes, which is what a user cleaning it again would do
    again = cp.Cleaner(cp.Config(preview=args.preview, disabled=again_off,
                                 input_format="text" if args.input == "html" else "auto"))
    pages = wcxb.load(args.data, limit=args.limit)
    texts = wcxb.renderings(pages) if args.input == "text" else None
    changed = 0
    rules: Counter[tuple[str, ...]] = Counter()
    for p in pages:
        page = first.clean(texts[p.fid] if texts is not None else p.html(), url=p.url)
        second = again.clean(page.body)
        if second.body != page.body:
            changed += 1
            rules[tuple(sorted({s.rule for s in second.trace if s.action != "veto"}))] += 1
    n = len(pages)
    print(f"{args.input} input, {n} WCXB dev pages, preview={args.preview}, disabled={sorted(disabled) or '-'}, "
          f"second pass disabled={sorted(again_off) or '-'}")
    print(f"clean(page.body).body != page.body on {changed} pages ({changed / max(n, 1):.1%})")
    if rules:
        print()
        print(table(["pages", "rules acting on the second pass"],
                    [[k, ", ".join(r) or "-"] for r, k in rules.most_common(10)]))
    print(f"\nData: {wcxb.CREDIT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
