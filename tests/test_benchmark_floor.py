"""CI enforces benchmarks/baseline.json: no corpus score may fall below its floor,
and a changed corpus must come with an updated baseline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_corpus_scores_hold_the_baseline_floor():
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--check"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
