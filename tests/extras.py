"""Helpers of the tests.

Optional dependencies: skipped when missing on a developer's machine, required in CI (``CI``
set), where ``.ci/run`` installs every extra, so that no test is skipped unnoticed. And a time
limit for calls that would hang on a regression (a pattern that backtracks catastrophically)."""

from __future__ import annotations

import importlib
import os
import signal
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import ModuleType

import pytest


def need(module: str) -> ModuleType:
    if os.environ.get("CI"):
        return importlib.import_module(module)
    return pytest.importorskip(module, reason=f"needs {module}: pip install -e '.[dev,batch]'")


class TooSlow(Exception):
    """A call ran past ``time_limit``'s seconds."""


def _too_slow(signum, frame):  # noqa: ANN001 - a signal handler
    raise TooSlow


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TooSlow`` in the block after ``seconds`` of wall time (SIGALRM; ``re`` and
    ``regex`` matching is interrupted too), instead of letting a hang hang the test run."""
    previous = signal.signal(signal.SIGALRM, _too_slow)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def cpu_seconds(call: Callable[[str], object], text: str) -> float:
    """Best of two CPU times of ``call(text)``; inf for a call still running after 2 s."""
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        try:
            with time_limit(2.0):
                call(text)
        except TooSlow:
            return float("inf")
        best = min(best, time.process_time() - started)
    return best


def slower_than_linear(call: Callable[[str], object], runs: list[str]) -> list[str]:
    """The runs on which ``call`` is not linear: timed (CPU) on 5,000 and on 20,000 characters
    of each run, the second may not take more than 8 times the first (linear: 4x, quadratic:
    16x) once the first takes measurable time, nor more than 0.5 s. A pattern that backtracks
    catastrophically or quadratically takes seconds there; a linear one, milliseconds."""
    slow = []
    for run in runs:
        short, long = (run * (5000 // len(run) + 1))[:5000], (run * (20000 // len(run) + 1))[:20000]
        t_short = cpu_seconds(call, short)
        if t_short < 0.002:
            continue
        t_long = cpu_seconds(call, long)
        if t_long > 0.5 or t_long > 8 * t_short:
            slow.append(f"{run!r}: {t_short:.3f}s -> {t_long:.3f}s")
    return slow
