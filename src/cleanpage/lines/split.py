"""Text -> the non-blank lines the line scorer sees, with offsets into the input."""

from __future__ import annotations

import re
from typing import NamedTuple

_LINE = re.compile(r"[^\r\n]+")


class Line(NamedTuple):
    """One non-blank line of the input: stripped text, its offsets, and its layout facts."""

    text: str  # stripped of surrounding whitespace
    start: int  # offsets of ``text`` in the input: ``source[start:end] == text``
    end: int
    number: int  # 0-based line number in the input
    gap_before: bool  # the input start or a blank line precedes it


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` (``\\n``, ``\\r\\n`` or ``\\r`` breaks), in order."""
    out: list[Line] = []
    number = 0
    prev_end = 0
    last_number = -1
    for m in _LINE.finditer(text):
        raw = m.group()
        number += text.count("\n", prev_end, m.start()) + text.count("\r", prev_end, m.start()) \
            - text.count("\r\n", prev_end, m.start())
        prev_end = m.start()
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start = m.start() + lead
        out.append(Line(stripped, start, start + len(stripped), number, number - last_number > 1 or last_number < 0))
        last_number = number
    return out
