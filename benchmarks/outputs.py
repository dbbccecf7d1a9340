"""Record what ``clean()`` returns on every page we have, and compare two records.

A refactor that must not change behaviour (an engine rework, a faster pattern)
proves it here: record before, record after, compare. Pages: the seed corpus, the
hand-written variant and holdout pages, the WCXB dev pages rendered to text as a
scraper does, WCXB's clean main text with its title line, and (``--html``) the
WCXB HTML itself.

A record is one JSON line per page: the result without its trace (title, body,
metadata, sidebar, removals with offsets) and, separately, the trace.

Usage:
    python benchmarks/outputs.py record FILE [--data DIR] [--limit N] [--html] [--preview]
    python benchmarks/outputs.py compare OLD NEW [--show 5]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import wcxb
from _common import REPO, BenchError, import_cleanpage


def pages(data: Path, limit: int, html: bool) -> Iterator[tuple[str, str | bytes, str]]:
    """(id, input, input format) for every page."""
    for p in sorted((REPO / "corpus").glob("*.txt")):
        yield f"corpus/{p.stem}", p.read_text(encoding="utf-8"), "auto"
    for group in ("variants", "holdout", "known_failures"):
        for p in sorted((REPO / "tests" / "cases" / group).glob("*.txt")):
            yield f"{group}/{p.stem}", p.read_text(encoding="utf-8"), "auto"
    dev = wcxb.load(data, limit=limit)
    rendered = wcxb.renderings(dev)
    for p in dev:
        yield f"wcxb-text/{p.fid}", rendered[p.fid], "text"
    for p in dev:
        if p.main_content.strip():
            title = (p.truth.get("title") or "").strip()
            yield f"wcxb-clean/{p.fid}", (f"{title}\n\n" if title else "") + p.main_content, "auto"
    if html:
        for p in dev:
            yield f"wcxb-html/{p.fid}", p.html(), "auto"


def record(args: argparse.Namespace) -> int:
    cleanpage = import_cleanpage()
    n = 0
    with open(args.file, "w", encoding="utf-8") as out:
        for pid, source, fmt in pages(args.data, args.limit, args.html):
            config = cleanpage.Config(input_format=fmt, preview=args.preview)
            try:
                result = cleanpage.clean(source, config=config).to_dict()
            except Exception as exc:  # noqa: BLE001 - a crash is an output too
                result = {"error": f"{type(exc).__name__}: {exc}"}
            trace = result.pop("trace", [])
            out.write(json.dumps({"id": pid, "result": result, "trace": trace}, ensure_ascii=False,
                                 sort_keys=True) + "\n")
            n += 1
    print(f"recorded {n} pages to {args.file}")
    return 0


def _load(path: Path) -> dict[str, dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return {rec["id"]: rec for rec in map(json.loads, f)}


def _digest(value: Any) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:10]


def compare(args: argparse.Namespace) -> int:
    old, new = _load(args.old), _load(args.new)
    missing = sorted(set(old) ^ set(new))
    changed: Counter[str] = Counter()
    trace_changed = 0
    shown = 0
    for pid in sorted(set(old) & set(new)):
        a, b = old[pid]["result"], new[pid]["result"]
        if a != b:
            keys = sorted(k for k in set(a) | set(b) if a.get(k) != b.get(k))
            changed.update(keys)
            if shown < args.show:
                shown += 1
                print(f"{pid}: differs in {', '.join(keys)}")
                for k in keys[:3]:
                    print(f"    {k}: {_digest(a.get(k))} -> {_digest(b.get(k))}")
                    if k == "body":
                        print(f"      old: {str(a.get(k))[:300]!r}\n      new: {str(b.get(k))[:300]!r}")
        if old[pid]["trace"] != new[pid]["trace"]:
            trace_changed += 1
    total = len(set(old) & set(new))
    n_changed = sum(1 for pid in set(old) & set(new) if old[pid]["result"] != new[pid]["result"])
    print(f"{total} pages compared; results differ on {n_changed}; traces differ on {trace_changed}")
    if changed:
        print("fields that differ (pages):", ", ".join(f"{k} {n}" for k, n in changed.most_common()))
    if missing:
        print(f"{len(missing)} pages in only one record, e.g. {missing[:3]}")
    return 1 if n_changed or missing else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    rec = sub.add_parser("record", help="record every page's result")
    rec.add_argument("file", type=Path)
    rec.add_argument("--data", type=Path, default=wcxb.DEFAULT_DATA, help="WCXB dev split directory")
    rec.add_argument("--limit", type=int, default=0, help="only the first N WCXB pages")
    rec.add_argument("--html", action="store_true", help="also the WCXB HTML pages")
    rec.add_argument("--preview", action="store_true", help="clean with Config(preview=True)")
    cmp_ = sub.add_parser("compare", help="compare two records; exit 1 if any result differs")
    cmp_.add_argument("old", type=Path)
    cmp_.add_argument("new", type=Path)
    cmp_.add_argument("--show", type=int, default=5, help="pages to show in detail")
    args = ap.parse_args(argv)
    try:
        return record(args) if args.cmd == "record" else compare(args)
    except BenchError as exc:
        print(f"outputs.py: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
