"""Batch throughput and peak memory of the ``cleanpage`` command line on the WCXB dev pages.

1. Throughput: every WCXB dev page as one JSONL record (``{"id", "url", "html"}``), fed on
   standard input to ``python -m cleanpage - -o OUT.jsonl -j N`` for each N in
   ``--workers`` (default 1,2). Reports pages/s and MB/s (UTF-8 bytes of the HTML) by the
   wall clock, and CPU seconds (user + system, the command and its workers), which the
   load of a shared machine disturbs less than the wall clock.
2. Streaming: the same input ``--scale`` times over (default 10) with the same worker
   counts. Peak memory (the high-water marks of the command and its workers, added up)
   must stay within ``--max-ratio`` (default 1.5) of the 1x run; the exit status is 1 if
   it does not.

The JSONL input is built once under ``benchmarks/out/batch/`` (ignored by git) from
``../shared/data/wcxb-dev`` (or the directory given as ``--data``): no WCXB text is
copied into the repository. The larger input is the same file streamed several times,
never written to disk.

Usage:
    python benchmarks/batch.py [--data DIR] [--workers 1,2] [--scale 10] [--limit N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from _common import REPO, SRC, BenchError, table
from speed import machine
from wcxb import CREDIT, DEFAULT_DATA, load

OUT = REPO / "benchmarks" / "out" / "batch"


def build_input(data: Path, limit: int) -> tuple[Path, int, int]:
    """The WCXB pages as one JSONL file: (path, pages, HTML bytes). Built once per limit."""
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / (f"wcxb-dev-{limit}.jsonl" if limit else "wcxb-dev.jsonl")
    meta = path.with_suffix(".meta.json")
    if path.exists() and meta.exists():
        m = json.loads(meta.read_text())
        return path, m["pages"], m["html_bytes"]
    pages = load(data, limit=limit)
    html_bytes = 0
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8") as fh:
        for p in pages:
            html = p.html().decode("utf-8", "replace")
            html_bytes += len(html.encode("utf-8"))
            fh.write(json.dumps({"id": p.fid, "url": p.url, "html": html}, ensure_ascii=False) + "\n")
    tmp.replace(path)
    meta.write_text(json.dumps({"pages": len(pages), "html_bytes": html_bytes}))
    return path, len(pages), html_bytes


def _tree_rss_kb(root: int, hwm: dict[int, int]) -> int:
    """Resident set of ``root`` and all its descendants now, in KB (Linux /proc). Also
    records each process's high-water mark (VmHWM) in ``hwm``, which a spike between two
    samples cannot escape."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, ()))
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm[pid] = max(hwm.get(pid, 0), int(line.split()[1]))
                    elif line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total


def run_cli(path: Path, scale: int, workers: int) -> dict[str, Any]:
    """Feed ``path`` ``scale`` times to the command line; time it and watch its memory."""
    out = OUT / f"out-j{workers}-x{scale}.jsonl"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "cleanpage", "-", "-o", str(out), "-j", str(workers), "-q"],
                            stdin=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=REPO)

    def feed() -> None:
        try:
            for _ in range(scale):
                with open(path, "rb") as fh:
                    shutil.copyfileobj(fh, proc.stdin, 1 << 20)  # type: ignore[arg-type]
        except BrokenPipeError:
            pass
        finally:
            proc.stdin.close()  # type: ignore[union-attr]

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    peak_kb, hwm = 0, {}
    while proc.poll() is None:
        peak_kb = max(peak_kb, _tree_rss_kb(proc.pid, hwm))
        time.sleep(0.02)
    wall = time.perf_counter() - start
    feeder.join()
    err = proc.stderr.read().decode("utf-8", "replace")  # type: ignore[union-attr]
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise BenchError(f"cleanpage exited with {proc.returncode}: {err[-2000:]}")
    with open(out, "rb") as fh:
        records = sum(1 for _ in fh)
    errors = err.count("\n") if proc.returncode == 1 else 0
    out.unlink()
    return {
        "workers": workers, "scale": scale, "records": records, "exit": proc.returncode, "wall_s": wall,
        "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "peak_rss_mb": peak_kb / 1024, "hwm_sum_mb": sum(hwm.values()) / 1024, "processes": len(hwm),
        "stderr_lines": errors,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the WCXB dev split (html/, ground-truth/)")
    ap.add_argument("--workers", default="1,2", help="worker counts to measure (default 1,2)")
    ap.add_argument("--scale", type=int, default=10, help="the larger input is the pages this many times (0: skip)")
    ap.add_argument("--max-ratio", type=float, default=1.5, help="allowed peak memory growth at --scale")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N pages")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    try:
        counts = [int(w) for w in args.workers.split(",")]
        path, pages, html_bytes = build_input(args.data, args.limit)
        info = machine()
        runs = []
        for w in counts:
            runs.append(run_cli(path, 1, w))
            if args.scale > 1:
                runs.append(run_cli(path, args.scale, w))
    except (BenchError, ValueError) as exc:
        print(f"batch.py: error: {exc}", file=sys.stderr)
        return 2
    failed = []
    for r in runs:
        r["pages"] = pages * r["scale"]
        r["html_mb"] = html_bytes * r["scale"] / 1e6
        r["pages_per_s"] = r["pages"] / r["wall_s"]
        r["mb_per_s"] = r["html_mb"] / r["wall_s"]
        r["cpu_ms_per_page"] = 1000 * r["cpu_s"] / r["pages"]
        if r["records"] != r["pages"]:
            failed.append(f"-j {r['workers']} x{r['scale']}: {r['records']} output records for {r['pages']} pages")
        if r["scale"] > 1:
            base = next(b for b in runs if b["workers"] == r["workers"] and b["scale"] == 1)
            r["rss_ratio"] = r["hwm_sum_mb"] / base["hwm_sum_mb"]
            if r["rss_ratio"] > args.max_ratio:
                failed.append(f"-j {r['workers']}: peak memory x{r['rss_ratio']:.2f} at {r['scale']}x the input "
                              f"(allowed x{args.max_ratio:g})")
    if args.json:
        print(json.dumps({"machine": info, "pages": pages, "html_bytes": html_bytes, "runs": runs,
                          "failed": failed}, indent=2))
        return 1 if failed else 0
    print(f"machine: {info['cpu']}; {info['cores']} cores ({info['usable_cores']} usable); {info['python']}; "
          f"cleanpage {info['cleanpage']}")
    print(f"input: {pages:,} WCXB dev pages, {html_bytes / 1e6:.1f} MB of HTML, as JSONL on standard input "
          f"({CREDIT})\n")
    print(table(["workers", "input", "pages", "wall s", "pages/s", "MB/s", "CPU s", "CPU ms/page",
                 "peak MB", "sampled MB", "vs 1x"],
                [[r["workers"], f"{r['scale']}x", r["pages"], f"{r['wall_s']:.1f}", f"{r['pages_per_s']:.1f}",
                  f"{r['mb_per_s']:.2f}", f"{r['cpu_s']:.1f}", f"{r['cpu_ms_per_page']:.1f}",
                  f"{r['hwm_sum_mb']:.0f}", f"{r['peak_rss_mb']:.0f}",
                  f"{r['rss_ratio']:.2f}" if "rss_ratio" in r else ""] for r in runs],
                align="rlrrrrrrrrr"))
    print("\npeak MB: the high-water marks (VmHWM) of the command and its workers, added up: an upper bound of "
          "their memory at any one time. sampled MB: the largest sum of their resident sets seen, every 20 ms. "
          "CPU s: user + system of all of them. MB (input): UTF-8 bytes of the HTML.")
    if failed:
        print("\nFAILED:\n  " + "\n  ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
