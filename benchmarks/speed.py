"""Throughput, latency and memory of ``cleanpage.clean()``.

1. Throughput: clean the corpus pages round-robin for at least ``--seconds`` (default 5)
   and report pages/s, MB/s (UTF-8 input bytes) and per-call latency p50/p95, overall
   and per page.
2. Large inputs, each in a fresh child process so ``ru_maxrss`` means something:
   the corpus text pages concatenated ``--concat`` times (default 50), a single line of
   ``--line-mb`` MB (default 5) of corpus words, and smaller single lines to show how time
   grows with line length. Each reports wall time, ``ru_maxrss`` before/after ``clean()``
   and, in a second run with ``tracemalloc``, the peak Python allocation of ``clean()``.
   A child that exceeds ``--timeout`` seconds reports what it measured so far.

Usage:
    python benchmarks/speed.py [--seconds 5] [--concat 50] [--line-mb 5] [--timeout 60] [--json]
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


# --- throughput ---------------------------------------------------------------------------------


def throughput(pages: list[tuple[str, Any]], seconds: float) -> dict[str, Any]:
    cleanpage = import_cleanpage()
    for pid, src in pages:  # warm up: imports, compiled patterns
        try:
            cleanpage.clean(src)
        except Exception as exc:  # noqa: BLE001
            raise BenchError(f"clean() raised on {pid}: {type(exc).__name__}: {exc}") from exc
    lat: dict[str, list[float]] = {pid: [] for pid, _ in pages}
    size = {pid: nbytes(src) for pid, src in pages}
    calls = total_bytes = 0
    clock = time.perf_counter
    start = clock()
    while clock() - start < seconds:
        for pid, src in pages:
            t = clock()
            cleanpage.clean(src)
            lat[pid].append(clock() - t)
            calls += 1
            total_bytes += size[pid]
    wall = clock() - start
    all_lat = [x for v in lat.values() for x in v]
    return {
        "seconds": wall, "calls": calls, "rounds": calls // len(pages), "bytes": total_bytes,
        "pages_per_s": calls / wall, "mb_per_s": total_bytes / wall / 1e6,
        "p50_ms": pct(all_lat, 50) * 1e3, "p95_ms": pct(all_lat, 95) * 1e3,
        "mean_ms": statistics.fmean(all_lat) * 1e3,
        "per_page": {
            pid: {"bytes": size[pid], "calls": len(v), "p50_ms": pct(v, 50) * 1e3,
                  "p95_ms": pct(v, 95) * 1e3}
            for pid, v in lat.items()
        },
    }


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
    ap.add_argument("--seconds", type=float, default=5.0, help="minimum seconds of throughput work (default 5)")
    ap.add_argument("--concat", type=int, default=50, help="times the corpus is concatenated (default 50)")
    ap.add_argument("--line-mb", type=float, default=5.0, help="size of the single-line input in MB (default 5)")
    ap.add_argument("--line-steps", type=float, nargs="*", default=[0.25, 0.5, 1.0],
                    help="smaller single lines to show scaling (MB; default 0.25 0.5 1)")
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
        pages = corpus_inputs(args.corpus)
        info = machine()
        tp = throughput(pages, args.seconds)
        large = large_inputs(args)
    except BenchError as exc:
        print(f"speed.py: error: {exc}", file=sys.stderr)
        return 2

    if args.json:
        print(json.dumps({"machine": info, "throughput": tp, "large": large}, indent=2))
        return 0

    print(f"machine: {info['cpu']}; {info['cores']} cores ({info['usable_cores']} usable); {info['python']}; "
          f"{info['platform']}; cleanpage {info['cleanpage']}, regex {info['regex']}")
    print(f"\n== Throughput: {len(pages)} corpus pages round-robin, {tp['rounds']} rounds, "
          f"{tp['calls']} calls in {tp['seconds']:.2f} s (single thread) ==")
    print(table(["pages/s", "MB/s", "p50 ms", "p95 ms", "mean ms"],
                [[f"{tp['pages_per_s']:.1f}", f"{tp['mb_per_s']:.3f}", f"{tp['p50_ms']:.2f}",
                  f"{tp['p95_ms']:.2f}", f"{tp['mean_ms']:.2f}"]], align="rrrrr"))
    print("\nper page:")
    print(table(["page", "KB", "p50 ms", "p95 ms", "MB/s at p50"],
                [[pid, f"{v['bytes'] / 1024:.1f}", f"{v['p50_ms']:.2f}", f"{v['p95_ms']:.2f}",
                  f"{v['bytes'] / 1e6 / (v['p50_ms'] / 1e3):.3f}"] for pid, v in tp["per_page"].items()],
                align="lrrrr"))
    print(f"\n== Large single inputs (fresh process each; timeout {args.timeout:g} s) ==")
    rows = []
    for r in large:
        ok = r.get("status") == "ok"
        secs = r.get("seconds")
        rows.append([
            label(r), f"{r.get('bytes', 0) / 1e6:.2f}", r.get("status", "?"),
            f"{secs:.2f}" if secs is not None else "",
            f"{r['bytes'] / 1e6 / secs:.3f}" if ok and secs else "",
            f"{r['rss_before_mb']:.1f}" if "rss_before_mb" in r else "",
            f"{r['rss_peak_mb']:.1f}" if "rss_peak_mb" in r else "",
            f"{r['tracemalloc_peak_mb']:.1f}" if r.get("tracemalloc_peak_mb") is not None else "-",
            r.get("paragraphs", ""), r.get("removed", ""),
        ])
    print(table(["input", "MB", "status", "seconds", "MB/s", "rss before MB", "rss peak MB",
                 "tracemalloc peak MB", "paras", "removed"], rows, align="lrlrrrrrrr"))
    notes = [f"{label(r)}: {r['status']} after {r.get('seconds', 0):.0f} s; memory columns are the peak so far"
             for r in large if r.get("status") != "ok"]
    notes += [f"{label(r)}: tracemalloc {r['tracemalloc_status']}" for r in large
              if r.get("tracemalloc_status") not in ("ok", None) and r.get("status") == "ok"]
    if notes:
        print("\nnotes:\n  " + "\n  ".join(notes))
    print("\nrss = ru_maxrss of the child (whole process, high-water mark); tracemalloc = peak Python "
          "allocations during clean() minus what was allocated before it.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
