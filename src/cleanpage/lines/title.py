"""The title of a plain-text page: the headline line, not a navigation line.

Scrapers that render a whole page put the ``<title>`` text on the first line,
usually with the site's name after a separator ("How to X | Site", "How to X -
Site"). The on-page headline often repeats it further down, sometimes longer or
worded a little differently, after the navigation. ``pick_title``

1. splits the first line into its title part and its site part at the last
   separator that leaves a headline-sized part (`` | ``, `` - ``, `` – ``, `` — ``,
   `` :: ``, `` · ``, `` » ``, `` / ``), keeping the longer side as the title when
   the site side is the short one, either before or after;
2. looks among the first lines for a headline-shaped line whose words cover that
   title part (the on-page heading) and prefers it, since it is the headline as
   printed;
3. otherwise takes the title part of the first line.

It returns the chosen line's index, the title text (a substring of that line),
the site part if one was split off, and the reason: enough for phase 2 to record
a ``ToTitle`` and a ``ToMeta("site")`` with offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"\w+")
_SEPS = re.compile(r"\s+(?:\||-|–|—|::|·|»|/|:)\s+")
MAX_TITLE_WORDS = 40
MAX_SITE_WORDS = 8
SEARCH_LINES = 80
NEAR_CONTENT = 6
MIN_NEAR_F1 = 0.3


@dataclass(frozen=True)
class TitlePick:
    """What ``pick_title`` chose and why."""

    line: int  # index into the lines given
    title: str  # a substring of lines[line]
    start: int  # offsets of title within lines[line]
    end: int
    site: str | None  # the site part split off the first line, if any
    reason: str


def _words(s: str) -> list[str]:
    return _WORD.findall(s.lower())


def split_site(line: str) -> tuple[str, int, int, str | None]:
    """(title part, its start, its end, site part or None) of a ``<title>``-style line."""
    cuts = [m for m in _SEPS.finditer(line)]
    if not cuts:
        return line, 0, len(line), None
    # the site is the short end: after the last separator, or before the first one
    last, first = cuts[-1], cuts[0]
    tail, head = line[last.end():], line[: first.start()]
    tail_w, head_w = len(_words(tail)), len(_words(head))
    body_before = line[: last.start()]
    body_after = line[first.end():]
    if tail_w and tail_w <= MAX_SITE_WORDS and (tail_w < len(_words(body_before)) or tail_w <= 3):
        # "Title | Section | Site": strip every short trailing part
        end = last.start()
        site_start = last.end()
        for m in reversed(cuts[:-1]):
            part = line[m.end(): end]
            if len(_words(part)) <= 3 and len(_words(line[: m.start()])) > len(_words(part)):
                end = m.start()
                site_start = m.end()
            else:
                break
        return line[:end], 0, end, line[site_start:] if site_start < len(line) else None
    # a site before the title comes with a bar or an arrow, never a dash: "Mother-in-law - a comedy"
    if head_w and head_w <= 4 and head_w < len(_words(body_after)) and first.group().strip() in ("|", "::", "»", "·"):
        return line[first.end():], first.end(), len(line), head
    return line, 0, len(line), None


def _cover(a: list[str], b: list[str]) -> float:
    """Share of a's words found in b (multiset)."""
    if not a:
        return 0.0
    pool: dict[str, int] = {}
    for w in b:
        pool[w] = pool.get(w, 0) + 1
    hit = 0
    for w in a:
        if pool.get(w, 0) > 0:
            pool[w] -= 1
            hit += 1
    return hit / len(a)


def _f1(a: list[str], b: list[str]) -> float:
    r, p = _cover(a, b), _cover(b, a)
    return 2 * r * p / (r + p) if r + p else 0.0


def _headline_shaped(line: str, n_words: int) -> bool:
    return 2 <= n_words <= MAX_TITLE_WORDS and line[-1:] not in ".,;:" and not line[:1].islower()


def pick_title(lines: list[str], content: list[bool] | None = None) -> TitlePick | None:
    """The title among ``lines`` (stripped, non-blank, in page order), or None for an empty page.

    ``content``, the line scorer's verdicts, lets a heading just above the first
    content line win when no heading repeats the first line.
    """
    if not lines:
        return None
    part, start, end, site = split_site(lines[0])
    pw = _words(part)
    if not pw:
        return None
    best: tuple[float, int] | None = None
    for i in range(1, min(len(lines), SEARCH_LINES)):
        cand = lines[i]
        cw = _words(cand)
        if not cw or len(cw) > MAX_TITLE_WORDS:
            continue
        # the heading carries the title part's words, and not many more
        recall = _cover(pw, cw)
        precision = _cover(cw, pw)
        if recall >= 0.8 and precision >= 0.5:
            score = recall + precision
            if best is None or score > best[0] + 1e-9:
                best = (score, i)
                if recall == 1.0 and precision == 1.0:
                    break
    if best is not None:
        i = best[1]
        cpart, cs, ce, _ = split_site(lines[i]) if _SEPS.search(lines[i]) and site else (lines[i], 0, len(lines[i]), None)
        return TitlePick(i, cpart.strip(), cs, ce, site, "on-page heading repeating the first line")
    if content is not None and any(content):
        first = content.index(True)
        # the headline is the heading-shaped line just above the body (or its first kept line),
        # and shares some words with the <title>
        for i in range(first, max(first - NEAR_CONTENT, 0), -1):
            cw = _words(lines[i])
            if i and _headline_shaped(lines[i], len(cw)) and _f1(pw, cw) >= MIN_NEAR_F1:
                return TitlePick(i, lines[i], 0, len(lines[i]), site, "heading above the first content line")
    reason = "first line, site part split off" if site else "first line"
    return TitlePick(0, part.strip(), start, end, site, reason)
