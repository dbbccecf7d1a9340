"""Fuzz clean() for a while: fresh random examples from every input family, every promise checked.

Families: generated pages (text, bytes in five encodings, HTML), arbitrary text with
control characters and lone surrogates, very long lines, arbitrary bytes, and hostile
HTML and bytes (deep nesting, unclosed tags, huge attributes, scripts, entities,
doctype entity declarations, mixed and lying encodings, NUL bytes), with random
``Config``\\ s. Each example is checked by ``tests/promises.py``: no exception but
``InputError`` for binary bytes, accounting, conservation, idempotence, JSON. An example
that takes longer than ``--hang`` seconds counts as a failure too.

Runs Hypothesis in rounds of ``--round`` examples, each round with a new random seed,
until ``--seconds`` have passed. On a failure it prints the shrunk example, writes it to
``--out`` and exits 1 (with ``--keep-going``, at the end); else it prints "found
nothing" and the number of examples.

Usage:
    python benchmarks/fuzz.py [--seconds 3600] [--round 50] [--hang 30] [--keep-going] [--out DIR]
"""

from __future__ import annotations

import argparse
import random
import signal
import sys
import time
import traceback
from pathlib import Path

from _common import REPO, import_cleanpage

sys.path.insert(0, str(REPO / "tests"))


class Hang(Exception):
    """An example took longer than --hang seconds."""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=3600.0, help="how long to fuzz (default: one hour)")
    ap.add_argument("--round", type=int, default=50, help="examples per Hypothesis round (default 50)")
    ap.add_argument("--hang", type=float, default=30.0, help="an example slower than this fails (default 30 s)")
    ap.add_argument("--keep-going", action="store_true", help="after a failure, go on fuzzing with new seeds")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out" / "fuzz", help="where failures go")
    args = ap.parse_args(argv)
    import_cleanpage()
    from hypothesis import HealthCheck, given, seed, settings
    from hypothesis import strategies as st

    from promises import check
    from strategies import any_text, byte_inputs, configs, hostile_bytes, hostile_html, html_pages, long_lines, pages, texts

    inputs = st.one_of(pages().map(lambda p: p.text), texts, byte_inputs, html_pages, hostile_html, hostile_bytes,
                       long_lines(), any_text, st.binary(max_size=5000))
    examples = 0

    def on_alarm(signum: int, frame: object) -> None:
        raise Hang(f"one example took more than {args.hang:g} s")

    signal.signal(signal.SIGALRM, on_alarm)

    def one(source: object, config: object) -> None:
        nonlocal examples
        examples += 1
        signal.setitimer(signal.ITIMER_REAL, args.hang)
        try:
            check(source, config)  # type: ignore[arg-type]
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)

    started = time.monotonic()
    rounds = failures = 0
    while time.monotonic() - started < args.seconds:
        round_seed = random.randrange(2**32)
        test = seed(round_seed)(settings(max_examples=args.round, deadline=None, database=None, derandomize=False,
                                         suppress_health_check=list(HealthCheck))(
            given(inputs, st.one_of(st.none(), configs()))(one)))
        try:
            test()
        except BaseException as exc:  # noqa: BLE001 - every failure is a finding
            if isinstance(exc, KeyboardInterrupt):
                raise
            args.out.mkdir(parents=True, exist_ok=True)
            report = args.out / f"failure-{round_seed}.txt"
            text = "".join(traceback.format_exception(exc))
            report.write_text(f"seed {round_seed}\n{text}", encoding="utf-8", errors="backslashreplace")
            print(text, flush=True)
            print(f"FAILURE after {examples:,} examples in {time.monotonic() - started:.0f} s (seed {round_seed}); "
                  f"written to {report}", flush=True)
            failures += 1
            if not args.keep_going:
                return 1
        rounds += 1
    if failures:
        print(f"{failures} failing rounds: {examples:,} examples in {rounds:,} rounds, "
              f"{time.monotonic() - started:.0f} s")
        return 1
    print(f"found nothing: {examples:,} examples in {rounds:,} rounds, {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
