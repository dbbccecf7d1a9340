"""Hypothesis fuzzing of clean() on hostile HTML and bytes, and the timed fuzz run.

``test_hostile_input_keeps_every_promise`` runs in every test run with the fixed seed of
the ``ci`` profile. ``test_fuzz_run`` runs ``benchmarks/fuzz.py`` (fresh random examples,
every input family) for ``CLEANPAGE_FUZZ_SECONDS`` seconds; ``.ci/run`` sets it to 60,
and ``python benchmarks/fuzz.py --seconds 3600`` is the one-hour run.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from promises import check
from strategies import configs, hostile_bytes, hostile_html

ROOT = Path(__file__).resolve().parent.parent


@given(st.one_of(hostile_html, hostile_bytes, hostile_html.map(lambda h: h.encode("utf-8", "surrogatepass"))),
       st.one_of(st.none(), configs()))
def test_hostile_input_keeps_every_promise(source, config):
    check(source, config)


@pytest.mark.skipif(not os.environ.get("CLEANPAGE_FUZZ_SECONDS"), reason="set CLEANPAGE_FUZZ_SECONDS to fuzz")
def test_fuzz_run(tmp_path):
    seconds = float(os.environ["CLEANPAGE_FUZZ_SECONDS"])
    run = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "fuzz.py"), "--seconds", str(seconds),
                          "--out", str(tmp_path)], capture_output=True, text=True, timeout=seconds + 600)
    assert run.returncode == 0, run.stdout[-5000:] + run.stderr[-5000:]
    assert "found nothing" in run.stdout
