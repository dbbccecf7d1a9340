"""Throughput, latency, linearity and memory of ``cleanpage.Cleaner.clean()``.

1. Real pages: the WCXB dev pages rendered to text as a scraper does (``html-text``,
   ``guess_layout=True``; see ``wcxb.py``), each cleaned once by one ``Cleaner`` in one
   thread after a warm-up. Reports pages/s and MB/s by wall clock and by CPU time of
   this process (CPU time does not count time the machine gave to other processes),
   and per-page latency p50/p95/p99; then where the time goes: parsing alone, and
   ``clean()`` with every rule switched off (the engine's floor); and, for scale, C4's
   line rules on the same pages (the cheapest Python line filter: what this machine
   allows such code).
2. Linearity: groups of 10 consecutive pages joined into one page ten times longer.
   The ratio of the long page's time to the sum of its parts' times is 1.0 for a
   perfectly linear engine (a page 10x longer costing 10x the time).
3. Large single inputs, each in a fresh child process so ``ru_maxrss`` means something:
   the corpus text pages concatenated ``--concat`` times, and single lines of
   ``--line-mb`` MB and smaller; wall time, ``ru_maxrss`` and the ``tracemalloc`` peak.

Usage:
    python benchmarks/speed.py [DATA_DIR] [--limit N] [--concat 50] [--line-mb 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import wcxb
from _common import CORPUS, REPO, BenchError, import_cleanpage, table

HERE = Path(__file__).resolve()


def corpus_inputs(corpus: Path) -> list[tuple[str, Any]]:
    """(id, input) for every page input in the corpus: ``.txt`` as str, ``.html`` as bytes."""
    if not corpus.is_dir():
        raise BenchError(f"corpus directory not found: {corpus}")
    out: list[tuple[str, Any]] = []
    for p in sorted(corpus.iterdir()):
        if p.suffix == ".txt":
            out.append((p.stem, p.read_text(encoding="utf-8")))
        elif p.suffix == ".html":
            out.append((p.stem, p.read_bytes()))
    if not out:
        raise BenchError(f"no .txt or .html pages in {corpus}")
    return out


def nbytes(x: Any) -> int:
    return len(x.encode("utf-8")) if isinstance(x, str) else len(x)


def pct(values: list[float], q: float) -> float:
    """The q-th percentile (0..100), nearest-rank on sorted values."""
    s = sorted(values)
    if not s:
        return float("nan")
    k = max(0, min(len(s) - 1, round(q / 100 * (len(s) - 1))))
    return s[k]


def machine() -> dict[str, Any]:
    cpu = platform.processor() or ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count()
    try:
        import regex  # cleanpage's dependency; version only
        regex_version = regex.__version__
    except Exception:  # noqa: BLE001
        regex_version = None
    cleanpage = import_cleanpage()
    return {
        "cpu": cpu, "cores": os.cpu_count(), "usable_cores": usable,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "platform": platform.platform(), "cleanpage": getattr(cleanpage, "__version__", None),
        "regex": regex_version,
    }


# --- real pages ---------------------------------------------------------------------------------


def real_pages(data: Path, limit: int) -> list[tuple[str, str]]:
    pages = wcxb.load(data, limit=limit)
    texts = wcxb.renderings(pages)
    return [(p.fid, texts[p.fid]) for p in pages]


def throughput(pages: list[tuple[str, str]]) -> dict[str, Any]:
    cleanpage = import_cleanpage()
    cleaner = cleanpage.Cleaner(cleanpage.Config(input_format="text"))
    for _, text in pages[:50]:  # warm up: imports, compiled patterns, caches
        cleaner.clean(text)
    lat: list[float] = []
    clock, cpu = time.perf_counter, time.process_time
    total_bytes = sum(nbytes(t) for _, t in pages)
    w0, c0 = clock(), cpu()
    for _, text in pages:
        t = clock()
        cleaner.clean(text)
        lat.append(clock() - t)
    wall, cpu_s = clock() - w0, cpu() - c0
    n = len(pages)
    return {
        "pages": n, "bytes": total_bytes, "wall_s": wall, "cpu_s": cpu_s,
        "pages_per_s": n / wall, "pages_per_cpu_s": n / cpu_s,
        "mb_per_s": total_bytes / wall / 1e6, "mb_per_cpu_s": total_bytes / cpu_s / 1e6,
        "p50_ms": pct(lat, 50) * 1e3, "p95_ms": pct(lat, 95) * 1e3, "p99_ms": pct(lat, 99) * 1e3,
        "max_ms": max(lat) * 1e3, "mean_ms": statistics.fmean(lat) * 1e3,
        "lines_per_page": statistics.fmean(sum(1 for ln in t.splitlines() if ln.strip()) for _, t in pages),
    }


def floor(pages: list[tuple[str, str]]) -> dict[str, Any]:
    """Where the time of a page goes (CPU time, best of 3): parsing the text into blocks alone,
    and ``clean()`` with every rule switched off (parse, the engine and assembling the page).

    And, for scale, C4's line rules on the same pages (``text_extraction.c4_lines``): about the
    least work a Python line filter can do, so its rate is what this machine allows such code.
    Machines differ by 2x and more; a rate is read against it."""
    cleanpage = import_cleanpage()
    from cleanpage.parse import parse
    from text_extraction import c4_lines

    text_only = cleanpage.Config(input_format="text")
    bare = cleanpage.Cleaner(cleanpage.Config(input_format="text", disabled=frozenset(cleanpage.list_rules())))
    out: dict[str, Any] = {}
    for name, run in (("parse_ms", lambda t: parse(t, config=text_only)), ("no_rules_ms", bare.clean),
                      ("c4_ms", c4_lines)):
        best = float("inf")
        for _ in range(3):
            t0 = time.process_time()
            for _, text in pages:
                run(text)
            best = min(best, time.process_time() - t0)
        out[name] = best / len(pages) * 1e3
    return out


def linearity(pages: list[tuple[str, str]], groups: int) -> dict[str, Any]:
    """Time of a page made of 10 pages, against the sum of the 10 pages' times (CPU time)."""
    cleanpage = import_cleanpage()
    cleaner = cleanpage.Cleaner(cleanpage.Config(input_format="text"))
    cpu = time.process_time
    ratios = []
    total_long = total_parts = 0.0
    for g in range(min(groups, len(pages) // 10)):
        group = [t for _, t in pages[g * 10:(g + 1) * 10]]
        long_page = "\n\n".join(group)
        best_parts = best_long = float("inf")
        for _ in range(3):  # best of three: the least disturbed measurement of each
            t = cpu()
            for text in group:
                cleaner.clean(text)
            best_parts = min(best_parts, cpu() - t)
            t = cpu()
            cleaner.clean(long_page)
            best_long = min(best_long, cpu() - t)
        ratios.append(best_long / best_parts)
        total_long += best_long
        total_parts += best_parts
    return {"groups": len(ratios), "ratio": total_long / total_parts if total_parts else float("nan"),
            "median_ratio": statistics.median(ratios) if ratios else float("nan"),
            "max_ratio": max(ratios) if ratios else float("nan"), "ratios": ratios}


# --- large inputs, in child processes -------------------------------------------------------------


def build_input(case: str, size: float, corpus: Path) -> str:
    texts = [src for _, src in corpus_inputs(corpus) if isinstance(src, str)]
    if not texts:
        raise BenchError("large-input cases need .txt pages in the corpus")
    joined = "\n\n".join(texts)
    if case == "concat":
        return "\n\n".join([joined] * int(size))
    if case == "line":  # one line, no newline: corpus words separated by single spaces
        n = int(size * 1_000_000)
        unit = " ".join(joined.split()) + " "
        line = (unit * (n // len(unit) + 1))[:n]
        return line.rsplit(" ", 1)[0] if " " in line[-50:] else line
    raise BenchError(f"unknown case {case!r}")


def child(case: str, size: float, trace: bool, timeout: float, corpus: Path) -> None:
    """Runs in a fresh process: build the input, clean it once, print one JSON line."""
    cleanpage = import_cleanpage()
    cleanpage.clean("warm up\n\nA sentence.")
    text = build_input(case, size, corpus)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result: dict[str, Any] = {"case": case, "size": size, "chars": len(text), "bytes": nbytes(text),
                              "trace": trace, "rss_before_mb": rss_before / 1024}
    if trace:
        import tracemalloc
        tracemalloc.start()
        base = tracemalloc.get_traced_memory()[0]
    t0 = time.perf_counter()

    def report(status: str) -> None:
        result["status"] = status
        result["seconds"] = time.perf_counter() - t0
        result["rss_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if trace:
            result["tracemalloc_peak_mb"] = (tracemalloc.get_traced_memory()[1] - base) / 1e6
        print(json.dumps(result), flush=True)

    def on_alarm(signum: int, frame: Any) -> None:
        report("timeout")
        os._exit(0)

    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    page = cleanpage.clean(text)
    signal.setitimer(signal.ITIMER_REAL, 0)
    result["paragraphs"] = len(page.paragraphs)
    result["removed"] = len(page.removed)
    report("ok")


def run_child(case: str, size: float, trace: bool, timeout: float, corpus: Path) -> dict[str, Any]:
    cmd = [sys.executable, str(HERE), "--_child", case, "--_size", str(size), "--timeout", str(timeout),
           "--corpus", str(corpus)] + (["--_trace"] if trace else [])
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout + 60, cwd=REPO)
    except subprocess.TimeoutExpired:
        return {"case": case, "size": size, "trace": trace, "status": "killed",
                "seconds": timeout + 60}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        err = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"case": case, "size": size, "trace": trace, "status": f"error: {err}"}
    return json.loads(lines[-1])


def large_inputs(args: argparse.Namespace) -> list[dict[str, Any]]:
    out = []
    plan = [("concat", float(args.concat))]
    plan += [("line", mb) for mb in args.line_steps if mb < args.line_mb]
    plan += [("line", float(args.line_mb))]
    for case, size in plan:
        plain = run_child(case, size, False, args.timeout, args.corpus)
        row = dict(plain)
        # tracemalloc slows clean() several times over; only when the plain run finished quickly
        if plain.get("status") == "ok" and plain["seconds"] * 4 < args.timeout:
            traced = run_child(case, size, True, args.timeout, args.corpus)
            row["tracemalloc_peak_mb"] = traced.get("tracemalloc_peak_mb")
            row["tracemalloc_status"] = traced.get("status")
            row["tracemalloc_seconds"] = traced.get("seconds")
        else:
            row["tracemalloc_status"] = "skipped (plain run too slow or failed)"
        out.append(row)
        if not args.json:
            print(f"  measured {label(row)}: {row.get('status')} in {row.get('seconds', float('nan')):.2f} s",
                  file=sys.stderr, flush=True)
    return out


def label(row: dict[str, Any]) -> str:
    if row["case"] == "concat":
        return f"corpus x{int(row['size'])}"
    return f"1 line {row['size']:g} MB"


# --- main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=wcxb.DEFAULT_DATA,
                    help="the WCXB dev split (default ../shared/data/wcxb-dev)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N WCXB pages (default: all)")
    ap.add_argument("--groups", type=int, default=60, help="10-page groups for the linearity figure (default 60)")
    ap.add_argument("--concat", type=int, default=50, help="times the corpus is concatenated (default 50)")
    ap.add_argument("--line-mb", type=float, default=5.0, help="size of the single-line input in MB (default 5)")
    ap.add_argument("--line-steps", type=float, nargs="*", default=[0.25, 0.5, 1.0],
                    help="smaller single lines to show scaling (MB; default 0.25 0.5 1)")
    ap.add_argument("--no-large", action="store_true", help="skip the large single inputs")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per large-input run (default 60)")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="corpus directory (default: corpus/)")
    ap.add_argument("--json", action="store_true", help="print machine-readable results only")
    ap.add_argument("--_child", help=argparse.SUPPRESS)
    ap.add_argument("--_size", type=float, help=argparse.SUPPRESS)
    ap.add_argument("--_trace", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    try:
        if args._child:
            child(args._child, args._size, args._trace, args.timeout, args.corpus)
            return 0
        info = machine()
        # children first: a child's ru_maxrss starts from the size of the process it forked from
        large = [] if args.no_large else large_inputs(args)
        pages = real_pages(args.data, args.limit)
        tp = throughput(pages)
        fl = floor(pages)
        lin = linearity(pages, args.groups)
    except BenchError as exc:
        print(f"speed.py: error: {exc}", file=sys.stderr)
        return 2

    if args.json:
        print(json.dumps({"machine": info, "throughput": tp, "floor": fl, "linearity": lin, "large": large}, indent=2))
        return 0

    print(f"machine: {info['cpu']}; {info['cores']} cores ({info['usable_cores']} usable); {info['python']}; "
          f"{info['platform']}; cleanpage {info['cleanpage']}, regex {info['regex']}")
    print(f"\n== WCXB dev pages as scraped text: {tp['pages']} pages, {tp['bytes'] / 1e6:.1f} MB, "
          f"{tp['lines_per_page']:.0f} non-blank lines a page; one Cleaner, one thread ==")
    print(table(["clock", "pages/s", "MB/s", "seconds"],
                [["wall", f"{tp['pages_per_s']:.0f}", f"{tp['mb_per_s']:.2f}", f"{tp['wall_s']:.2f}"],
                 ["CPU", f"{tp['pages_per_cpu_s']:.0f}", f"{tp['mb_per_cpu_s']:.2f}", f"{tp['cpu_s']:.2f}"]],
                align="lrrr"))
    print(table(["latency", "p50 ms", "p95 ms", "p99 ms", "max ms", "mean ms"],
                [["per page", f"{tp['p50_ms']:.2f}", f"{tp['p95_ms']:.2f}", f"{tp['p99_ms']:.2f}",
                  f"{tp['max_ms']:.1f}", f"{tp['mean_ms']:.2f}"]], align="lrrrrr"))
    print(f"where the time goes (CPU, best of 3): parsing alone {fl['parse_ms']:.2f} ms a page; clean() with every "
          f"rule off {fl['no_rules_ms']:.2f} ms ({1e3 / fl['no_rules_ms']:.0f} pages/s); with the rules {tp['cpu_s'] / tp['pages'] * 1e3:.2f} ms")
    print(f"for scale: C4's line rules on the same pages {fl['c4_ms']:.2f} ms a page ({1e3 / fl['c4_ms']:.0f} pages/s); "
          f"clean() costs {tp['cpu_s'] / tp['pages'] * 1e3 / fl['c4_ms']:.1f} times as much")
    print(f"\n== Linearity: {lin['groups']} pages made of 10 pages each (CPU time, best of 3) ==")
    print(f"time of the 10x pages / sum of their parts: {lin['ratio']:.2f} overall; per page median "
          f"{lin['median_ratio']:.2f}, worst {lin['max_ratio']:.2f} (1.00 is linear; 1.20: 10x longer costs 12x)")
    if large:
        print(f"\n== Large single inputs (fresh process each; timeout {args.timeout:g} s) ==")
        rows = []
        for r in large:
            ok = r.get("status") == "ok"
            secs = r.get("seconds")
            rows.append([
                label(r), f"{r.get('bytes', 0) / 1e6:.2f}", r.get("status", "?"),
                f"{secs:.2f}" if secs is not None else "",
                f"{r['bytes'] / 1e6 / secs:.3f}" if ok and secs else "",
                f"{r['rss_peak_mb']:.1f}" if "rss_peak_mb" in r else "",
                f"{r['tracemalloc_peak_mb']:.1f}" if r.get("tracemalloc_peak_mb") is not None else "-",
            ])
        print(table(["input", "MB", "status", "seconds", "MB/s", "rss peak MB", "tracemalloc peak MB"], rows,
                    align="lrlrrrr"))
        print("rss = ru_maxrss of the child (high-water mark); tracemalloc = peak Python allocations "
              "during clean() minus what was allocated before it.")
    print(f"\nData: {wcxb.CREDIT}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
