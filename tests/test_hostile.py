"""The named hostile inputs, each with its expected outcome (``benchmarks/hostile.py``).

Each case runs here in this process, checked for its outcome, with a CPU-time guard far
above the bar (a hang or a quadratic blow-up fails; noise does not). The memory bar (10x the
input) is checked by ``test_cases_meet_the_memory_bar``, which runs the benchmark, each case
in a fresh process; the time bar (2 CPU seconds) is the benchmark's to report, since CPU time
varies with the machine. Cases marked slow run with CLEANPAGE_SLOW=1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleanpage

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import hostile  # noqa: E402

SLOW = bool(os.environ.get("CLEANPAGE_SLOW"))
GUARD_CPU_S = 10.0


def _params():
    for name, case in hostile.CASES.items():
        marks = []
        if case.slow and not SLOW:
            marks.append(pytest.mark.skip(reason="slow: set CLEANPAGE_SLOW=1"))
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_params()))
def test_hostile_case(name):
    case = hostile.CASES[name]
    src = case.build()
    cleaner = cleanpage.Cleaner(cleanpage.Config(**(case.config or {})))
    started = time.process_time()
    try:
        result = cleaner.clean(src)
    except cleanpage.CleanpageError as exc:
        result = exc
    cpu = time.process_time() - started
    assert case.check(src, result) is None, case.check(src, result)
    assert cpu < GUARD_CPU_S, f"{cpu:.1f} CPU s"


def _bar_rows(names: list[str]) -> dict[str, dict]:
    """``hostile.py --json`` for ``names``: each case's row, measured in a fresh process."""
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "hostile.py"), "--json", "--case", *names],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    rows = {r["case"]: r for r in map(json.loads, run.stdout.splitlines())}
    assert sorted(rows) == sorted(names), run.stderr[-2000:]
    return rows


def test_cases_meet_the_memory_bar():
    """Each case in a fresh process, as the benchmark runs it: its expected outcome, memory under
    the bar, and CPU time under the guard. The 2 s time bar is the benchmark's to report
    (``python benchmarks/hostile.py``), not a test's: CPU time follows the machine and what else
    runs on it (corpus_line_5mb: 0.78 CPU s on one 2-core machine, 2.3 and 3.0 s on another within
    an hour)."""
    names = [n for n, c in hostile.CASES.items() if c.in_bar and not c.known_over and (SLOW or not c.slow)]
    rows = _bar_rows(names)
    failed = [f"{n}: {r.get('problem') or ', '.join(r['over_bar'])}" for n, r in rows.items()
              if r.get("problem") or r.get("cpu_s", 0.0) >= GUARD_CPU_S
              or any("CPU s" not in over for over in r["over_bar"])]
    assert not failed, failed
