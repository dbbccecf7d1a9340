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
