"""Text mode on real pages: WCXB dev renderings through cleanpage and the anchors, in one run.

Each WCXB dev page is rendered to plain text as a scraper does
(``html_text.extract_text(html, guess_layout=True)``, cached by ``wcxb.py``) and
given to every system as text:

- ``as-is``: the rendering itself;
- ``cleanpage``: ``clean(text, Config(input_format="text", preview=True)).body`` (the rule
  pipeline with the line model's preview rules, shipped models);
- ``cleanpage-cv``: the same, held out: each page's lines scored and its title picked by
  the models of the 5-fold cross-validation (grouped by site) that never saw its site
  (``train_linescore.py --cv`` and ``train_title.py`` write them under ``benchmarks/out/``);
- ``rules``: ``clean(text, Config(input_format="text")).body`` (the default rules only);
- ``linescore-cv``: the standalone text path (``cleanpage.lines.extract``) on the
  held-out line probabilities of ``training/text/train_linescore.py --cv`` (5-fold CV
  grouped by site: no page is scored by a model that saw its site);
- ``linescore-shipped``: the same path with the shipped model. It was trained on
  these pages, so its F1 is NOT a result; it is here for speed only;
- anchors: ``justext`` (jusText on the lines, each line a paragraph, English stop
  list), ``trafilatura`` (trafilatura 2.x on the lines as paragraphs), ``c4`` (C4's
  line rules: keep lines that end in terminal punctuation and have at least 5
  words; drop lines with "javascript", "cookie", "lorem ipsum" or a curly brace;
  pages are not discarded), ``goose3`` (goose3 on the lines as paragraphs).

Reported: word-F1 (the benchmark's metric, lower-case ``\\w+`` multisets, mean over
pages) overall and by page type; title accuracy (token F1 >= 0.8 against the gold
``title``) where a system gives a title; pages/s on one process, with its ratio to
``c4`` (a plain line filter) and ``trafilatura`` timed in the same run (the machine is shared: ratios
are steadier than rates); sidebar bars for systems that give sidebar items; and
the no-harm figures on clean text (WCXB article main content, title then paragraphs).

``--render bs4`` or ``--render resiliparse`` gives every system the pages as another tool
renders them (``wcxb.RENDERERS``): the models were trained on html-text renderings, and
users hold text from every kind of scraper.

Usage:
    python benchmarks/text_extraction.py [DATA_DIR] [--limit N] [--systems a,b] [--render R] [--json]

WCXB (Web Content eXtraction Benchmark, Murrough Foley, 2026), CC-BY-4.0.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import time
import warnings
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import wcxb
from _common import REPO, BenchError, bag, f1, import_cleanpage, overlap

CV_FILE = REPO / "benchmarks" / "out" / "linescore-cv.json"
CV_MODELS = REPO / "benchmarks" / "out" / "linescore-cv"  # each fold's line model
SYSTEMS = ("as-is", "cleanpage-cv", "cleanpage", "rules", "linescore-cv", "justext", "trafilatura", "c4", "goose3")
TITLE_CV_DIR = REPO / "benchmarks" / "out" / "title-cv"
TITLE_OK = 0.8
FURNITURE = re.compile(r"privacy|terms|cookie|contact|log ?in|sign ?in|subscribe|©", re.I)
_C4_END = re.compile(r"[.!?][\"'”’)]*\Z")
_C4_BAD = re.compile(r"javascript|cookie|lorem ipsum|[{}]", re.I)


class Output:
    """What a system returns for one page."""

    def __init__(self, body: str, title: str | None = None, sidebar: list[tuple[str, str]] | None = None) -> None:
        self.body = body
        self.title = title
        self.sidebar = sidebar  # (title, summary) per item, or None when the system has no sidebar


def as_paragraphs(text: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    return "<html><body>" + "".join(f"<p>{html.escape(ln)}</p>" for ln in lines) + "</body></html>"


def page_output(page: Any) -> Output:
    """A cleanpage ``Page`` as the benchmark scores it: body, title and (title, summary) per item."""
    return Output(page.body, page.title, [(it.title or "", it.summary or "") for it in page.sidebar])


def cv_missing(name: str) -> bool:
    """True (and a word on stderr) when the held-out line-model scores ``name`` needs are not written yet."""
    if CV_FILE.exists():
        return False
    print(f"({name} skipped: run python training/text/train_linescore.py --cv to write "
          f"{CV_FILE.relative_to(REPO)})", file=sys.stderr)
    return True


def make_systems(names: list[str], pages: list[wcxb.WcxbPage],
                 texts: dict[str, str]) -> dict[str, Callable[[str, wcxb.WcxbPage], Output]]:
    out: dict[str, Callable[[str, wcxb.WcxbPage], Output]] = {}
    for name in names:
        if name == "as-is":
            out[name] = lambda text, p: Output(text)
        elif name in ("cleanpage", "rules"):
            cp = import_cleanpage()
            config = cp.Config(input_format="text", preview=name == "cleanpage")

            def run_cleanpage(text: str, p: wcxb.WcxbPage, cp: Any = cp, config: Any = config) -> Output:
                return page_output(cp.clean(text, config=config))
            out[name] = run_cleanpage
        elif name == "cleanpage-cv":
            if cv_missing(name):
                continue
            cleaner = held_out_cleaner(json.loads(CV_FILE.read_text())["folds"], texts)

            def run_cv(text: str, p: wcxb.WcxbPage, cleaner: Any = cleaner) -> Output:
                return page_output(cleaner.clean(text))
            out[name] = run_cv
        elif name == "linescore-cv":
            if cv_missing(name):
                continue
            cv = json.loads(CV_FILE.read_text())
            out[name] = _linescore(cv)
        elif name == "linescore-shipped":
            out[name] = _linescore(None)
        elif name == "justext":
            import justext

            stop = justext.get_stoplist("English")

            def run_justext(text: str, p: wcxb.WcxbPage, stop: Any = stop) -> Output:
                paras = justext.justext(as_paragraphs(text).encode("utf-8"), stop)
                return Output("\n\n".join(x.text for x in paras if not x.is_boilerplate))
            out[name] = run_justext
        elif name == "trafilatura":
            import trafilatura

            def run_trafilatura(text: str, p: wcxb.WcxbPage, t: Any = trafilatura) -> Output:
                doc = t.bare_extraction(as_paragraphs(text), with_metadata=True)
                if doc is None:
                    return Output("")
                d = doc.as_dict() if hasattr(doc, "as_dict") else doc
                return Output(d.get("text") or "", d.get("title"))
            out[name] = run_trafilatura
        elif name == "c4":
            out[name] = lambda text, p: Output("\n".join(c4_lines(text)))
        elif name == "goose3":
            from goose3 import Goose

            g = Goose({"enable_image_fetching": False})

            def run_goose(text: str, p: wcxb.WcxbPage, g: Any = g) -> Output:
                a = g.extract(raw_html=as_paragraphs(text))
                return Output(a.cleaned_text or "", a.title)
            out[name] = run_goose
        else:
            raise BenchError(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")
    return out


def held_out_cleaner(folds: dict[str, int], texts: dict[str, str]) -> Any:
    """A ``Cleaner`` whose line analysis scores each WCXB page with the models of the
    cross-validation fold that never saw the page's site: the fold's line model
    (``train_linescore.py --cv`` writes ``benchmarks/out/linescore-cv/foldK.json``) and its
    title picker (``train_title.py``, ``title-cv/foldK.json``). ``texts``: fid -> the text each
    page is given as (a rendering, or the no-harm check's clean article), by which a page
    is known again when it is cleaned."""
    cp = import_cleanpage()
    from cleanpage.lines.analysis import LineAnalyser
    from cleanpage.lines.scorer import LineScorer, LineScores
    from cleanpage.lines.title import TitlePicker, default_title_model
    from cleanpage.parse.text import parse_text

    config = cp.Config(input_format="text", preview=True)
    # the models read a page's blocks (a line, or the pieces of a line over max_block_chars)
    by_lines = {"\n".join(b.text for b in parse_text(text, max_block_chars=config.max_block_chars).blocks): fid
                for fid, text in texts.items()}

    def fold_of(lines: list[str]) -> int:
        fid = by_lines.get("\n".join(lines))
        if fid is None or fid not in folds:
            raise BenchError("a page that is not one of the held-out pages: rerun train_linescore.py --cv")
        return folds[fid]

    scorers = {}
    pickers = {}
    for f in range(5):
        path = CV_MODELS / f"fold{f}.json"
        if not path.exists():
            raise BenchError(f"no fold model {path.relative_to(REPO)}: rerun python training/text/train_linescore.py --cv")
        scorers[f] = LineScorer(json.loads(path.read_text(encoding="utf-8")))
        path = TITLE_CV_DIR / f"fold{f}.json"
        pickers[f] = TitlePicker(json.loads(path.read_text()) if path.exists() else default_title_model())

    class HeldOut(LineScorer):
        def score_prepared(self, prep: Any) -> LineScores:
            return scorers[fold_of(prep.lines.texts)].score_prepared(prep)

    class FoldPicker(TitlePicker):
        def __init__(self) -> None:
            pass

        def ranked(self, lines: list[str], *args: Any, **kw: Any) -> Any:
            return pickers[fold_of(lines)].ranked(lines, *args, **kw)

    cleaner = cp.Cleaner(config)
    cleaner._lines = LineAnalyser(HeldOut(), FoldPicker())  # noqa: SLF001 - the benchmark's held-out models
    return cleaner


def clean_article(p: wcxb.WcxbPage) -> str:
    """The no-harm input: the gold title, then the gold main content."""
    title = (p.truth.get("title") or "").strip()
    main = p.main_content.strip()
    return f"{title}\n\n{main}" if title and not main.startswith(title) else main


def c4_lines(text: str) -> list[str]:
    keep = []
    for ln in text.splitlines():
        ln = ln.strip()
        if ln and _C4_END.search(ln) and len(ln.split()) >= 5 and not _C4_BAD.search(ln):
            keep.append(ln)
    return keep


def _linescore(cv: dict[str, Any] | None) -> Callable[[str, wcxb.WcxbPage], Output]:
    import numpy as np

    from cleanpage.lines.extract import assemble
    from cleanpage.lines.scorer import LineScorer, prepare

    scorer = LineScorer()

    def run(text: str, p: wcxb.WcxbPage) -> Output:
        if cv is None:
            scores = scorer.score(text)
            page = assemble(scores)
        else:
            prep = prepare(text)
            probs = cv["probabilities"].get(p.fid)
            if probs is None or len(probs) != len(prep.lines):
                raise BenchError(f"no held-out probabilities for page {p.fid}: rerun train_linescore.py --cv")
            scores = scorer.score_prepared(prep)  # for the evidence, never for the verdict
            th = cv["probabilities"][f"threshold:{cv['folds'][p.fid]}"]
            page = assemble(scores, np.asarray(probs) >= th)
        return Output(page.body, page.title.title if page.title else None,
                      [(it.title, it.summary) for it in page.sidebar])
    return run


def title_ok(got: str | None, gold: str) -> bool:
    return f1(bag(got or ""), bag(gold))[2] >= TITLE_OK


def sidebar_bars(outs: list[tuple[Output, wcxb.WcxbPage]]) -> dict[str, float] | None:
    if all(o.sidebar is None for o, _ in outs):
        return None
    gold_total = lost = items = short = furniture = 0
    for o, p in outs:
        gold = bag(p.main_content)
        body = bag(o.body) + bag(o.title)
        side = bag(" ".join(f"{t} {s}" for t, s in o.sidebar or []))
        gold_total += sum(gold.values())
        # gold words that the body misses but a sidebar item holds
        missing = gold - body
        lost += overlap(missing, side)
        for t, _s in o.sidebar or []:
            items += 1
            short += len(re.findall(r"\w+", t)) <= 3
            furniture += bool(FURNITURE.search(t))
    return {"items": items, "gold_words_only_in_sidebar": lost / gold_total if gold_total else 0.0,
            "items_titled_3_words_or_fewer": short / items if items else 0.0,
            "furniture_items": furniture / items if items else 0.0}


def no_harm(pages: list[wcxb.WcxbPage], names: list[str]) -> dict[str, dict[str, float]]:
    """Clean article text (gold title, then the gold paragraphs) through the text systems."""
    res: dict[str, dict[str, float]] = {}
    cp = import_cleanpage()
    from cleanpage.lines.extract import extract

    runners: dict[str, Callable[[str, wcxb.WcxbPage], str]] = {}
    if "cleanpage" in names:
        config = cp.Config(input_format="text", preview=True)

        def run_cleanpage(t: str, p: wcxb.WcxbPage) -> str:
            page = cp.clean(t, config=config)
            return (page.title or "") + "\n" + page.body
        runners["cleanpage"] = run_cleanpage
    def text_of(page: Any) -> str:
        return page.body + "\n" + (page.title.title if page.title else "")

    if "cleanpage-cv" in names and CV_FILE.exists():
        held = held_out_cleaner(json.loads(CV_FILE.read_text())["folds"],
                                {p.fid: clean_article(p) for p in pages if p.page_type == "article"})

        def run_held(t: str, p: wcxb.WcxbPage) -> str:
            page = held.clean(t)
            return (page.title or "") + "\n" + page.body
        runners["cleanpage-cv"] = run_held
    if "linescore-cv" in names and CV_FILE.exists():
        import numpy as np

        from cleanpage.lines.extract import assemble
        from cleanpage.lines.scorer import LineScorer, prepare

        cv = json.loads(CV_FILE.read_text())
        scorer = LineScorer()

        def run_cv(t: str, p: wcxb.WcxbPage) -> str:
            prep = prepare(t)
            probs = cv["probabilities"].get(f"clean:{p.fid}")
            if probs is None or len(probs) != len(prep.lines):
                raise BenchError(f"no held-out clean-text probabilities for {p.fid}: rerun train_linescore.py --cv")
            th = cv["probabilities"][f"threshold:{cv['folds'][p.fid]}"]
            return text_of(assemble(scorer.score_prepared(prep), np.asarray(probs) >= th))
        runners["linescore-cv"] = run_cv
    if "linescore-shipped" in names:
        runners["linescore-shipped (in-sample)"] = lambda t, p: text_of(extract(t))
    arts = [p for p in pages if p.page_type == "article" and p.main_content.strip()]
    for name, run in runners.items():
        untouched = kept98 = 0
        for p in arts:
            text = clean_article(p)
            want = bag(text)
            got = bag(run(text, p))
            share = overlap(got, want) / max(sum(want.values()), 1)
            untouched += share >= 1.0
            kept98 += share >= 0.98
        res[name] = {"pages": len(arts), "untouched": untouched / len(arts), "kept_98": kept98 / len(arts)}
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=wcxb.DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages")
    ap.add_argument("--systems", default=",".join(SYSTEMS), help=f"comma-separated, from {', '.join(SYSTEMS)}")
    ap.add_argument("--no-harm", dest="no_harm", action="store_true", default=True)
    ap.add_argument("--skip-no-harm", dest="no_harm", action="store_false")
    ap.add_argument("--render", default="html-text", choices=list(wcxb.RENDERERS),
                    help="how the pages are turned into text (default: html-text, as every figure in the README)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.CRITICAL)  # goose3 and trafilatura log per page
    names = [s.strip() for s in args.systems.split(",") if s.strip()]
    try:
        pages = wcxb.load(args.data.resolve(), limit=args.limit)
        texts = wcxb.renderings(pages, workers=1, render=args.render)
        systems = make_systems(names, pages, texts)
    except BenchError as exc:
        print(f"text_extraction.py: error: {exc}", file=sys.stderr)
        return 2

    results: dict[str, Any] = {"credit": wcxb.CREDIT, "pages": len(pages), "render": args.render, "systems": {}}
    types = sorted({p.page_type for p in pages}, key=lambda t: -sum(p.page_type == t for p in pages))
    for name, run in systems.items():
        outs: list[tuple[Output, wcxb.WcxbPage]] = []
        scores: dict[str, list[float]] = defaultdict(list)
        titles: list[bool] = []
        errors = 0
        t0 = time.perf_counter()
        for p in pages:
            try:
                o = run(texts[p.fid], p)
            except BenchError:
                raise
            except Exception:  # noqa: BLE001 - an anchor failing on a page scores 0 there
                errors += 1
                o = Output("")
            outs.append((o, p))
        seconds = time.perf_counter() - t0
        for o, p in outs:
            s = wcxb.score(o.body, p)[2]
            scores["all"].append(s)
            scores[p.page_type].append(s)
            if o.title is not None or name.startswith(("cleanpage", "linescore")):
                titles.append(title_ok(o.title, p.truth.get("title") or ""))
        r = {"f1": sum(scores["all"]) / len(scores["all"]),
             "by_type": {t: sum(scores[t]) / len(scores[t]) for t in types if scores[t]},
             "title_accuracy": sum(titles) / len(titles) if titles else None,
             "pages_per_s": len(pages) / seconds, "seconds": seconds, "errors": errors,
             "sidebar": sidebar_bars(outs)}
        results["systems"][name] = r
        if not args.json:
            print(f"{name}: F1 {r['f1']:.4f}  ({len(pages) / seconds:.1f} pages/s)", file=sys.stderr, flush=True)
    for anchor in ("c4", "trafilatura"):
        if anchor in results["systems"]:
            a = results["systems"][anchor]["pages_per_s"]
            for r in results["systems"].values():
                r[f"speed_vs_{anchor}"] = r["pages_per_s"] / a
    if args.no_harm:
        results["no_harm"] = no_harm(pages, names)

    if args.json:
        print(json.dumps(results, indent=2))
        return 0
    p = print
    p(f"Data: {wcxb.CREDIT}")
    p(f"{len(pages)} WCXB dev pages rendered by {args.render} ({wcxb.RENDERERS[args.render][1]}); "
      f"word-F1 mean over pages\n")
    head = ["system", "F1", *types, "title", "pages/s", "x c4", "x trafilatura"]
    rows = []
    for name, r in results["systems"].items():
        rows.append([name, f"{r['f1']:.4f}", *[f"{r['by_type'].get(t, float('nan')):.4f}" for t in types],
                     "-" if r["title_accuracy"] is None else f"{r['title_accuracy']:.4f}", f"{r['pages_per_s']:.1f}",
                     f"{r.get('speed_vs_c4', float('nan')):.4f}", f"{r.get('speed_vs_trafilatura', float('nan')):.2f}"])
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows)]
    p("  ".join(h.ljust(w) for h, w in zip(head, widths)))
    for row in rows:
        p("  ".join(str(c).ljust(w) for c, w in zip(row, widths)))
    p("\nper type pages: " + ", ".join(f"{t} {sum(x.page_type == t for x in pages)}" for t in types))
    p("\nSidebar bars (targets: < 0.5% of gold words only in sidebar items, <= 10% items titled with <= 3 words, "
      "<= 1% furniture):")
    for name, r in results["systems"].items():
        sb = r["sidebar"]
        if sb:
            p(f"  {name}: {sb['items']} items; gold words only in sidebar {sb['gold_words_only_in_sidebar']:.4%}; "
              f"titled <= 3 words {sb['items_titled_3_words_or_fewer']:.2%}; furniture {sb['furniture_items']:.2%}")
    errs = {n: r["errors"] for n, r in results["systems"].items() if r["errors"]}
    if errs:
        p(f"\nerrors (scored as empty output): {errs}")
    if "linescore-shipped" in results["systems"]:
        p("\nlinescore-shipped was trained on these pages: its F1 is in-sample, shown for speed only.")
    if args.no_harm:
        p("\nNo harm on clean text (WCXB dev article main content, gold title then paragraphs):")
        for name, r in results["no_harm"].items():
            p(f"  {name}: {r['pages']} pages; untouched {r['untouched']:.2%}; >= 98% of words kept {r['kept_98']:.2%}")
    p(f"\nData: {wcxb.CREDIT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
