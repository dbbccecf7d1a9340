"""Memory over a long run: many cleanings in one process, peak RSS growth after a warm-up.

Cycles through the corpus pages as text, as HTML and as bytes in four encodings, small
hostile inputs (deep nesting, an entity bomb, NUL bytes, a gzip file that is refused)
and 40 different Configs (more than ``clean()`` caches; two with ``preview``, one of them
with a phrase family of the user's, whose patterns run with a timeout), so that every
cache and every error path is exercised. RSS is read from /proc (Linux). Memory growth is
the peak RSS after the warm-up (the first ``--warmup`` cleanings; the peak is reset there)
minus the RSS at that point.

Usage:
    python benchmarks/longrun.py [--pages 20000] [--warmup 500] [--json]
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import html
import json
import resource
import sys
import time
from typing import Any

from _common import CORPUS, import_cleanpage, proc_status, reset_peak

MB = 1_000_000


def inputs() -> list[Any]:
    pages = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    out: list[Any] = []
    for text in pages:
        out.append(text)
        out.append("<!doctype html><html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
                   + "</body></html>")
        for codec in ("utf-8", "utf-16", "cp1252"):
            out.append(text.encode(codec, "replace"))
        out.append(text.replace(" ", "\x00 ", 40).encode("utf-8"))
    out.append("<div>" * 3000 + "<p>Deep text of the page.</p>" + "</div>" * 3000)
    out.append('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]><p>&b; and more.</p>')
    out.append(gzip.compress(pages[0].encode()))
    out.append("Привет, мир. Это страница на русском языке.\n".encode("cp1251") * 20)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=20_000)
    ap.add_argument("--warmup", type=int, default=500)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    cleanpage = import_cleanpage()
    base = cleanpage.Config()
    paywall = cleanpage.PhraseFamily("paywall", lines=(r"members only.*", r"subscribe to (?:read|continue)"))
    configs = ([None, cleanpage.Config(preview=True), cleanpage.Config(preview=True, chrome_phrases=(paywall,))]
               + [dataclasses.replace(base, max_title_words=10 + i) for i in range(37)])
    sources = inputs()
    refused = 0
    start_rss = 0
    exact = False
    started = time.process_time()
    for i in range(args.pages):
        if i == args.warmup:
            exact = reset_peak()
            start_rss = proc_status("VmRSS")
            started = time.process_time()
        try:
            cleanpage.clean(sources[i % len(sources)], config=configs[i % len(configs)])
        except cleanpage.InputError:
            refused += 1
    peak = proc_status("VmHWM") if exact else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    result = {"pages": args.pages, "warmup": args.warmup, "refused": refused,
              "cpu_s_after_warmup": time.process_time() - started,
              "rss_after_warmup_mb": start_rss / MB, "rss_end_mb": proc_status("VmRSS") / MB, "peak_rss_mb": peak / MB,
              "growth_mb": (peak - start_rss) / MB}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{args.pages:,} cleanings ({refused:,} refused as binary), {result['cpu_s_after_warmup']:.1f} CPU s "
              f"after the warm-up; RSS {result['rss_after_warmup_mb']:.1f} MB after {args.warmup:,}, peak "
              f"{result['peak_rss_mb']:.1f} MB, growth {result['growth_mb']:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
