"""Speed of the standalone text path on the WCXB dev renderings, single process.

The machine is often shared, so rates alone mislead: the text path (split, tokenise,
features, two model passes, title, guard, sidebar) and the C4 line rules (a plain
Python line filter, the cheapest anchor) run on the same chunks of pages in turns,
and the ratio of their times is reported with both rates. Stages of the text path are
timed the same way, and so is ``clean()`` itself, with the default rules and with
``Config(preview=True)`` (the line model's rules). Times are CPU time of this process.

``--trafilatura`` adds trafilatura's default ``extract()`` on each page's HTML (the
page the rendering was made from, decompressed beforehand) as one more stage in the
same turns: the HTML extractor that the text path's rate is set against (10x its
pages/s). It is slow, so it is asked for, and ``--rounds 1`` is enough with it.

Usage: python benchmarks/text_speed.py [DATA_DIR] [--limit N] [--rounds R] [--trafilatura]
WCXB (Web Content eXtraction Benchmark, Murrough Foley, 2026), CC-BY-4.0.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import wcxb
from _common import import_cleanpage
from text_extraction import c4_lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=wcxb.DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=50)
    ap.add_argument("--trafilatura", action="store_true", help="also time trafilatura.extract() on the HTML")
    args = ap.parse_args(argv)
    cp = import_cleanpage()
    from cleanpage.lines.extract import assemble, extract
    from cleanpage.lines.scorer import LineScorer, prepare

    pages = wcxb.load(args.data.resolve(), limit=args.limit)
    texts = [wcxb.renderings(pages, workers=1)[p.fid] for p in pages]
    scorer = LineScorer()
    extract(texts[0], scorer)
    n_lines = sum(len(prepare(t).lines) for t in texts)
    stages = {
        "c4 line rules": lambda t: c4_lines(t),
        "prepare (split, tokens, phrases)": lambda t: prepare(t),
        "scorer (prepare + features + 2 passes)": lambda t: scorer.score(t),
        "text path (scorer + guard + title + sidebar)": lambda t: assemble(scorer.score(t)),
        "clean(), default rules": cp.Cleaner(cp.Config(input_format="text")).clean,
        "clean(), Config(preview=True)": cp.Cleaner(cp.Config(input_format="text", preview=True)).clean,
    }
    inputs = dict.fromkeys(stages, texts)
    if args.trafilatura:
        import trafilatura

        name = f"trafilatura {trafilatura.__version__} extract() on the HTML"
        stages[name] = lambda page: trafilatura.extract(page[0], url=page[1])
        inputs[name] = [(p.html(), p.url) for p in pages]
    for name, fn in stages.items():
        fn(inputs[name][0])  # models loaded, rules bound
    spent = dict.fromkeys(stages, 0.0)
    for _ in range(args.rounds):
        for k in range(0, len(texts), args.chunk):
            for name, fn in stages.items():
                chunk = inputs[name][k:k + args.chunk]
                t0 = time.process_time()
                for t in chunk:
                    fn(t)
                spent[name] += time.process_time() - t0
    total = len(texts) * args.rounds
    base = spent["c4 line rules"]
    print(f"{len(texts)} pages ({n_lines / len(texts):.0f} non-blank lines a page), {args.rounds} rounds, interleaved "
          f"in chunks of {args.chunk}; CPU time of this process")
    for name, s in spent.items():
        print(f"  {name:46} {total / s:8.1f} pages/s  {1000 * s / total:6.2f} ms/page  "
              f"time x{s / base:.2f} of c4")
    print(f"Data: {wcxb.CREDIT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
