"""HTML main-content extraction on WCXB dev: cleanpage against the usual anchors, in one run.

Systems (``--systems``, comma-separated; default all):

- ``cleanpage``       ``cleanpage.clean(html, url=url).body``: parse, DOM model, every rule, assembly
                      (``--cv DIR``: each page's blocks scored by the fold model that never saw its
                      site, through the same parse and engine; ``--disable a,b`` switches rules off);
- ``trafilatura``     ``trafilatura.extract(html, url=url)``, defaults;
- ``trafilatura-fast`` the same with ``fast=True``;
- ``justext``         jusText with the English stop list, non-boilerplate paragraphs;
- ``readability``     readability-lxml ``Document(html).summary()`` rendered to text;
- ``resiliparse``     ``extract_plain_text(tree, main_content=True)``;
- ``page-text``       the whole page as text (``html_text.extract_text``), the floor.

For each: word F1 against ``main_content`` (lower-case ``\\w+`` tokens, multisets, mean over
pages; also mean precision and recall), the share of ``with`` snippets found and ``without``
snippets kept out, all of it by page type, and the time per page (single process, parse
included; pages/s and MB/s). Title, date and author are scored for cleanpage and for
trafilatura's ``extract_metadata`` on the pages whose gold field is present (title: token F1
>= 0.8; date: same day; author: token F1 >= 0.5). cleanpage's sidebar items are checked
against its bars (gold words only in items, short titles, site furniture), and its speed is timed page by page interleaved with trafilatura's
default ``extract()`` in this same run (a ratio, robust to load), plus synthetic pages of
10k/20k/40k ``<p>`` for linearity.

The anchors' outputs and times are cached under ``benchmarks/out/html-extraction/`` (ignored by
git), keyed by the anchor's version, so that re-runs only recompute cleanpage; ``--fresh``
recomputes everything. The data is read from DATA_DIR (default ``../shared/data/wcxb-dev``
relative to the repo root) and never copied. WCXB is CC-BY-4.0 (Murrough Foley, 2026).

Usage:
    python benchmarks/html_extraction.py [DATA_DIR] [--limit N] [--systems a,b] [--cv DIR] [--disable a,b]
                                         [--no-speed] [--no-scaling] [--fresh] [--json OUT]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date as _date
from pathlib import Path
from typing import Any

from _common import REPO, BenchError, bag, f1, import_cleanpage, overlap, table, words
from wcxb import CREDIT, WcxbPage, by_type, load, score, snippets

DEFAULT_DATA = REPO.parent / "shared" / "data" / "wcxb-dev"
CACHE = REPO / "benchmarks" / "out" / "html-extraction"
ALL_SYSTEMS = ("cleanpage", "trafilatura", "trafilatura-fast", "justext", "readability", "resiliparse", "page-text")
# words that count as site furniture in a sidebar item's title
FURNITURE = re.compile(r"privacy|terms|cookie|contact|log ?in|sign ?in|sign ?up|subscribe|©|copyright|"
                       r"all rights reserved|accessibility|sitemap|careers|advertis", re.I)


# --- systems --------------------------------------------------------------------------------------


@dataclass
class Output:
    text: str
    seconds: float
    extra: dict[str, Any] = field(default_factory=dict)


def _decode(html: bytes) -> str:
    return html.decode("utf-8", "replace")


CV_MODELS: dict[str, Any] = {}  # fid -> the fold model that never saw the page's site (--cv)
CONFIG: Any = None  # the cleanpage.Config to run (--disable)


def run_cleanpage(html: bytes, url: str, fid: str | None = None) -> Output:
    """``cleanpage.clean(html, url=url)``; with ``--cv``, the same parse and engine with the page's fold model."""
    cleanpage = import_cleanpage()
    model = CV_MODELS.get(fid) if fid else None
    t = time.perf_counter()
    if model is None:
        page = cleanpage.clean(html, url=url, config=CONFIG)
    else:  # clean()'s own parse (decoding, detection, limits) and engine, with the fold model
        from cleanpage.api import _cleaner
        from cleanpage.parse import parse

        cleaner = _cleaner(CONFIG)
        page = cleaner._engine.run(parse(html, url=url, config=cleaner.config, lines=cleaner._lines, dom_model=model))
    dt = time.perf_counter() - t
    meta = dict(page.metadata)
    if page.title:
        meta["title"] = page.title
    items = [{"title": it.title, "url": it.url, "section": it.section, "summary": it.summary} for it in page.sidebar]
    return Output(page.body, dt, {"metadata": meta, "sidebar": items})


def run_trafilatura(html: bytes, url: str, fast: bool = False) -> Output:
    import trafilatura

    t = time.perf_counter()
    text = trafilatura.extract(html, url=url, fast=fast) or ""
    return Output(text, time.perf_counter() - t)


def run_justext(html: bytes, url: str) -> Output:
    import justext

    t = time.perf_counter()
    paras = justext.justext(html, justext.get_stoplist("English"))
    text = "\n\n".join(p.text for p in paras if not p.is_boilerplate)
    return Output(text, time.perf_counter() - t)


def run_readability(html: bytes, url: str) -> Output:
    import html_text
    from readability import Document

    t = time.perf_counter()
    try:
        summary = Document(_decode(html), url=url).summary(html_partial=True)
        text = html_text.extract_text(summary, guess_layout=True)
    except Exception:  # noqa: BLE001 - readability raises on empty or odd pages: it extracted nothing
        text = ""
    return Output(text, time.perf_counter() - t)


def run_resiliparse(html: bytes, url: str) -> Output:
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.encoding import bytes_to_str, detect_encoding
    from resiliparse.parse.html import HTMLTree

    t = time.perf_counter()
    tree = HTMLTree.parse(bytes_to_str(html, detect_encoding(html)))
    text = extract_plain_text(tree, main_content=True)
    return Output(text, time.perf_counter() - t)


def run_page_text(html: bytes, url: str) -> Output:
    import html_text

    t = time.perf_counter()
    text = html_text.extract_text(_decode(html), guess_layout=True)
    return Output(text, time.perf_counter() - t)


def _version(dist: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(dist)
    except PackageNotFoundError:
        return "missing"


ANCHORS: dict[str, tuple[Callable[[bytes, str], Output], str]] = {
    "trafilatura": (run_trafilatura, "trafilatura"),
    "trafilatura-fast": (lambda h, u: run_trafilatura(h, u, fast=True), "trafilatura"),
    "justext": (run_justext, "justext"),
    "readability": (run_readability, "readability-lxml"),
    "resiliparse": (run_resiliparse, "resiliparse"),
    "page-text": (run_page_text, "html-text"),
}


def run_system(name: str, pages: list[WcxbPage], htmls: dict[str, bytes], *, fresh: bool, progress: bool) -> dict[str, Output]:
    if name == "cleanpage":
        return {p.fid: _safe(lambda h, u, f=p.fid: run_cleanpage(h, u, f), htmls[p.fid], p.url)
                for p in _progress(pages, name, progress)}
    fn, dist = ANCHORS[name]
    path = CACHE / f"{name}-{_version(dist)}.json.gz"
    cached: dict[str, list[Any]] = {}
    if path.exists() and not fresh:
        cached = json.loads(gzip.decompress(path.read_bytes()))
    out, changed = {}, False
    for p in _progress(pages, name, progress):
        if p.fid in cached:
            text, secs = cached[p.fid]
            out[p.fid] = Output(text, secs)
            continue
        out[p.fid] = o = _safe(fn, htmls[p.fid], p.url)
        cached[p.fid] = [o.text, o.seconds]
        changed = True
    if changed:
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(json.dumps(cached).encode()))
    return out


def _safe(fn: Callable[[bytes, str], Output], html: bytes, url: str) -> Output:
    t = time.perf_counter()
    try:
        return fn(html, url)
    except Exception as exc:  # noqa: BLE001 - a crash is an empty output, and counted
        return Output("", time.perf_counter() - t, {"error": f"{type(exc).__name__}: {exc}"})


def _progress(pages: list[WcxbPage], name: str, on: bool):  # noqa: ANN202
    for i, p in enumerate(pages):
        if on and i % 250 == 0:
            print(f"  {name}: {i}/{len(pages)}", file=sys.stderr, flush=True)
        yield p


# --- scoring --------------------------------------------------------------------------------------


def score_system(outs: dict[str, Output], pages: list[WcxbPage], sizes: dict[str, int]) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    groups = [("all", pages)] + list(by_type(pages))
    for label, group in groups:
        prf = [score(outs[p.fid].text, p) for p in group]
        snip = [snippets(outs[p.fid].text, p) for p in group]
        w_found, w_total = sum(s[0] for s in snip), sum(s[1] for s in snip)
        wo_kept, wo_total = sum(s[2] for s in snip), sum(s[3] for s in snip)
        rows[label] = {
            "pages": len(group),
            "f1": statistics.fmean(x[2] for x in prf),
            "precision": statistics.fmean(x[0] for x in prf),
            "recall": statistics.fmean(x[1] for x in prf),
            "with": w_found / w_total if w_total else 1.0,
            "without": wo_kept / wo_total if wo_total else 1.0,
        }
    secs = sum(outs[p.fid].seconds for p in pages)
    mb = sum(sizes[p.fid] for p in pages) / 1e6
    rows["all"]["seconds"] = secs
    rows["all"]["pages_per_s"] = len(pages) / secs if secs else 0.0
    rows["all"]["mb_per_s"] = mb / secs if secs else 0.0
    rows["all"]["errors"] = sum(1 for p in pages if "error" in outs[p.fid].extra)
    return rows


def token_f1(a: str | None, b: str | None) -> float:
    return f1(bag(a), bag(b))[2]


def parse_day(value: str | None) -> _date | None:
    if not value:
        return None
    m = re.search(r"(\d{4})-(\d{1,2})-(\d{1,2})", value)
    if not m:
        return None
    try:
        return _date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def score_metadata(metas: dict[str, dict[str, Any]], pages: list[WcxbPage]) -> dict[str, Any]:
    res: dict[str, Any] = {}
    for fld in ("title", "date", "author"):
        gold_key = "publish_date" if fld == "date" else fld
        right = total = found = 0
        for p in pages:
            gold = p.truth.get(gold_key)
            if not gold or not str(gold).strip():
                continue
            total += 1
            got = metas.get(p.fid, {}).get(fld)
            found += bool(got)
            if fld == "title":
                right += token_f1(got, gold) >= 0.8
            elif fld == "author":
                right += token_f1(got, gold) >= 0.5
            else:
                d = parse_day(got)
                right += d is not None and d == parse_day(str(gold))
        res[fld] = {"pages": total, "right": right, "accuracy": right / total if total else 0.0,
                    "found": found}
    return res


def trafilatura_metadata(pages: list[WcxbPage], htmls: dict[str, bytes], fresh: bool) -> dict[str, dict[str, Any]]:
    path = CACHE / f"trafilatura-metadata-{_version('trafilatura')}.json.gz"
    cached: dict[str, Any] = {}
    if path.exists() and not fresh:
        cached = json.loads(gzip.decompress(path.read_bytes()))
    changed = False
    for p in pages:
        if p.fid in cached:
            continue
        from trafilatura import extract_metadata

        try:
            m = extract_metadata(htmls[p.fid], default_url=p.url)
            cached[p.fid] = {"title": m.title, "date": m.date, "author": m.author} if m else {}
        except Exception:  # noqa: BLE001
            cached[p.fid] = {}
        changed = True
    if changed:
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_bytes(gzip.compress(json.dumps(cached).encode()))
    return {p.fid: cached[p.fid] for p in pages}


def score_sidebar(outs: dict[str, Output], pages: list[WcxbPage]) -> dict[str, Any]:
    items = gold_total = only_sidebar = short = furniture = pages_with = 0
    for p in pages:
        its = outs[p.fid].extra.get("sidebar") or []
        if not its:
            gold_total += len(words(p.main_content))
            continue
        pages_with += 1
        gold = bag(p.main_content)
        gold_total += sum(gold.values())
        missing = gold - bag(outs[p.fid].text)
        side = bag(" ".join(f"{it.get('title') or ''} {it.get('summary') or ''}" for it in its))
        only_sidebar += overlap(missing, side)
        for it in its:
            items += 1
            title = it.get("title") or ""
            short += len(words(title)) <= 3
            furniture += bool(FURNITURE.search(title))
    return {"items": items, "pages_with_items": pages_with,
            "gold_words_only_in_sidebar": only_sidebar / gold_total if gold_total else 0.0,
            "short_titles": short / items if items else 0.0,
            "furniture": furniture / items if items else 0.0}


# --- speed ----------------------------------------------------------------------------------------


def interleaved_speed(pages: list[WcxbPage], htmls: dict[str, bytes]) -> dict[str, float]:
    """cleanpage and trafilatura's default extract(), page by page in turn: load hits both alike.

    cleanpage runs with the shipped model (``clean(html, url=url)``), whatever ``--cv`` says."""
    fn = run_cleanpage
    ours = theirs = ours_cpu = theirs_cpu = 0.0
    for p in pages:
        c = time.process_time()
        ours += _safe(fn, htmls[p.fid], p.url).seconds
        c2 = time.process_time()
        theirs += _safe(run_trafilatura, htmls[p.fid], p.url).seconds
        c3 = time.process_time()
        ours_cpu += c2 - c
        theirs_cpu += c3 - c2
    return {"cleanpage_s": ours, "trafilatura_s": theirs, "ratio": theirs / ours if ours else 0.0,
            "cleanpage_cpu_s": ours_cpu, "trafilatura_cpu_s": theirs_cpu,
            "cpu_ratio": theirs_cpu / ours_cpu if ours_cpu else 0.0, "pages": len(pages)}


def scaling() -> list[dict[str, float]]:
    """Seconds for one synthetic page of N paragraphs, for N = 10k, 20k, 40k."""
    fn = run_cleanpage
    rows = []
    for n in (10_000, 20_000, 40_000):
        body = "".join(f"<p>Paragraph {i} has a few words of plain prose, and a comma.</p>" for i in range(n))
        html = f"<html><head><title>t</title></head><body><article>{body}</article></body></html>".encode()
        c0 = time.process_time()
        o = _safe(fn, html, "https://example.org/a")
        c1 = time.process_time()
        t = _safe(run_trafilatura, html, "https://example.org/a")
        c2 = time.process_time()
        rows.append({"paragraphs": n, "cleanpage_s": o.seconds, "trafilatura_s": t.seconds,
                     "cleanpage_cpu_s": c1 - c0, "trafilatura_cpu_s": c2 - c1,
                     "cleanpage_words": len(words(o.text)), "page_words": 12 * n})
    return rows


def load_cv_models(path: Path) -> None:
    from cleanpage.dom import scorer

    folds = json.loads((path / "folds.json").read_text())
    models = {k: scorer.from_dict(json.loads((path / f"fold-{k}.json").read_text())) for k in set(folds.values())}
    CV_MODELS.update({fid: models[k] for fid, k in folds.items()})


# --- main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--systems", default=",".join(ALL_SYSTEMS))
    ap.add_argument("--disable", default="", help="comma-separated rules or families to switch off (Config.disabled)")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="a Config threshold for this run, e.g. --set dedupe_min_prose_words=8")
    ap.add_argument("--cv", type=Path, metavar="DIR",
                    help="score each page with the cross-validation fold model that never saw its site "
                         "(DIR from training/html/train.py: fold-K.json and folds.json)")
    ap.add_argument("--no-speed", action="store_true", help="skip the interleaved timing against trafilatura")
    ap.add_argument("--no-scaling", action="store_true", help="skip the 10k/20k/40k <p> pages")
    ap.add_argument("--fresh", action="store_true", help="recompute the anchors instead of reading the cache")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--json", type=Path, help="also write every figure to this file")
    args = ap.parse_args(argv)
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in systems if s not in ALL_SYSTEMS]
    if unknown:
        raise BenchError(f"unknown systems {unknown}; choose from {', '.join(ALL_SYSTEMS)}")

    if args.cv:
        load_cv_models(args.cv)
    if args.disable or args.set:
        global CONFIG
        values: dict[str, Any] = {}
        for item in args.set:
            name, _, value = item.partition("=")
            values[name.strip()] = float(value) if "." in value else int(value)
        CONFIG = import_cleanpage().Config(disabled=frozenset(x.strip() for x in args.disable.split(",") if x.strip()),
                                           **values)
    pages = load(args.data, limit=args.limit)
    htmls = {p.fid: p.html() for p in pages}
    sizes = {fid: len(h) for fid, h in htmls.items()}
    report: dict[str, Any] = {"data": CREDIT, "pages": len(pages), "disabled": args.disable, "set": args.set, "cv": bool(args.cv), "systems": {}}
    outs: dict[str, dict[str, Output]] = {}
    for name in systems:
        outs[name] = run_system(name, pages, htmls, fresh=args.fresh, progress=not args.quiet)
        report["systems"][name] = score_system(outs[name], pages, sizes)

    print(f"WCXB dev, {len(pages)} pages. Data: {CREDIT}.")
    print("cleanpage = clean(html, url=url).body" + (f", rules off: {args.disable}" if args.disable else "")
          + (f", config: {' '.join(args.set)}" if args.set else "")
          + (" with the cross-validation fold models (5 folds grouped by site; no page scored by a model "
             "that saw its site)" if args.cv else " with the shipped model (trained on all of dev: in-sample)") + "\n")
    rows = []
    for name in systems:
        r = report["systems"][name]["all"]
        rows.append([name, r["f1"], r["precision"], r["recall"], r["with"], r["without"],
                     f"{r['pages_per_s']:.1f}", f"{r['mb_per_s']:.2f}", r["errors"]])
    print(table(["system", "F1", "P", "R", "with", "without", "pages/s", "MB/s", "errors"], rows, align="lrrrrrrrr"))
    print("(pages/s and MB/s: wall time per page, single process, parse included; anchors' times may come "
          "from the cache, taken in an earlier run under another load: compare speed with the interleaved figure below)")
    types = [t for t, _ in by_type(pages)]
    print("\nword F1 by page type (pages)")
    head = ["system"] + [f"{t} ({report['systems'][systems[0]][t]['pages']})" for t in types]
    print(table(head, [[name] + [report["systems"][name][t]["f1"] for t in types] for name in systems]))

    if "cleanpage" in outs:
        metas = {"cleanpage": {fid: o.extra.get("metadata") or {} for fid, o in outs["cleanpage"].items()},
                 "trafilatura extract_metadata": trafilatura_metadata(pages, htmls, args.fresh)}
        report["metadata"] = {k: score_metadata(v, pages) for k, v in metas.items()}
        print("\nmetadata right / pages with the gold field (title F1>=0.8, same day, author F1>=0.5)")
        mrows = []
        for k, v in report["metadata"].items():
            mrows.append([k] + [f"{v[f]['right']}/{v[f]['pages']} = {v[f]['accuracy']:.3f}"
                                for f in ("title", "date", "author")])
        print(table(["system", "title", "date", "author"], mrows, align="llll"))
        report["sidebar"] = sb = score_sidebar(outs["cleanpage"], pages)
        print(f"\nsidebar: {sb['items']} items on {sb['pages_with_items']} pages; gold words only in items "
              f"{sb['gold_words_only_in_sidebar']:.4f} (bar < 0.005); titles <= 3 words {sb['short_titles']:.3f} "
              f"(bar <= 0.10); furniture {sb['furniture']:.4f} (bar <= 0.01)")
        if not args.no_speed:
            report["speed"] = sp = interleaved_speed(pages, htmls)
            mb = sum(sizes[p.fid] for p in pages) / 1e6
            print(f"\nspeed, interleaved page by page on the same {sp['pages']} pages ({mb:.1f} MB), parse included:\n"
                  f"  wall: cleanpage {sp['cleanpage_s']:.2f} s ({sp['pages'] / sp['cleanpage_s']:.1f} pages/s, "
                  f"{mb / sp['cleanpage_s']:.2f} MB/s), trafilatura extract() {sp['trafilatura_s']:.2f} s "
                  f"({sp['pages'] / sp['trafilatura_s']:.1f} pages/s): {sp['ratio']:.2f}x\n"
                  f"  CPU:  cleanpage {sp['cleanpage_cpu_s']:.2f} s, trafilatura {sp['trafilatura_cpu_s']:.2f} s: "
                  f"{sp['cpu_ratio']:.2f}x (bar >= 1.5x)")
        if not args.no_scaling:
            report["scaling"] = sc = scaling()
            print("\none page of N <p> (seconds: wall / CPU)")
            print(table(["paragraphs", "cleanpage wall", "cleanpage CPU", "trafilatura wall", "trafilatura CPU",
                         "words kept / on page"],
                        [[r["paragraphs"], r["cleanpage_s"], r["cleanpage_cpu_s"], r["trafilatura_s"],
                          r["trafilatura_cpu_s"], f"{r['cleanpage_words']} / {r['page_words']}"] for r in sc]))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        sys.exit(2)
