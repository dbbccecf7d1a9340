"""Text -> the non-blank lines the line scorer sees, with offsets into the input."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple, overload

_LINE = re.compile(r"[^\r\n]+")


class Line(NamedTuple):
    """One non-blank line of the input: stripped text, its offsets, and its layout facts."""

    text: str  # stripped of surrounding whitespace
    start: int  # offsets of ``text`` in the input: ``source[start:end] == text``
    end: int
    number: int  # 0-based line number in the input
    gap_before: bool  # the input start or a blank line precedes it


class Lines(Sequence[Line]):
    """The non-blank lines of a page as parallel lists; a ``Line`` is built only when asked for."""

    __slots__ = ("texts", "starts", "numbers", "gaps")

    def __init__(self, texts: list[str], starts: list[int], numbers: list[int], gaps: list[bool]) -> None:
        self.texts = texts
        self.starts = starts
        self.numbers = numbers
        self.gaps = gaps

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Line: ...

    @overload
    def __getitem__(self, i: slice) -> list[Line]: ...

    def __getitem__(self, i: int | slice) -> Line | list[Line]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        t, s = self.texts[i], self.starts[i]
        return Line(t, s, s + len(t), self.numbers[i], self.gaps[i])

    def __eq__(self, other: object) -> bool:
        return list(self) == list(other) if isinstance(other, Sequence) else NotImplemented

    __hash__ = None  # type: ignore[assignment]


def split_lines(text: str) -> Lines:
    """The non-blank lines of ``text`` (``\\n``, ``\\r\\n`` or ``\\r`` breaks), in order."""
    if "\r" not in text:
        return _split_newlines(text)
    texts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    gaps: list[bool] = []
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
        texts.append(stripped)
        starts.append(m.start() + len(raw) - len(raw.lstrip()))
        numbers.append(number)
        gaps.append(number - last_number > 1 or last_number < 0)
        last_number = number
    return Lines(texts, starts, numbers, gaps)


def _split_newlines(text: str) -> Lines:
    """``split_lines`` for text without carriage returns: str.split is several times faster."""
    texts: list[str] = []
    starts: list[int] = []
    numbers: list[int] = []
    gaps: list[bool] = []
    pos = 0
    last_number = -1
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            texts.append(stripped)
            starts.append(pos + raw.index(stripped[0]))
            numbers.append(number)
            gaps.append(number - last_number > 1 or last_number < 0)
            last_number = number
        pos += len(raw) + 1
    return Lines(texts, starts, numbers, gaps)
