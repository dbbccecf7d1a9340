"""Every built-in pattern runs in linear time on long hostile runs, used the way its rule uses it.

``*_LINE`` patterns are used with ``fullmatch`` (and ``DATELINE`` with ``match``); the
others are searched. A pattern that backtracks catastrophically or quadratically takes
seconds on 20,000 characters of the right run; a linear one takes milliseconds. Each is
timed (CPU) on 5,000 and on 20,000 characters of every run below: the second may not take
more than 8 times the first (linear: 4x, quadratic: 16x) once it takes measurable time,
nor more than 0.5 s.
"""

from __future__ import annotations

import re

import pytest
import regex

from cleanpage import patterns
from extras import slower_than_linear

ANCHORED = {"DATELINE": "match", "COMMENT_POLICY_START": "match"}
RUNS = ["a", " ", "A", "1", ".", ". ", "a ", "A. ", "Aa ", "#a ", "- ", "(", "\u2019", "By Aa ", "Aa, ", "AAAA ",
        "Aaa.Bbb ", "a.\"", "a, ", "\u201cA ", "!? ", "a\u2026 ", "Aa. A ", "a.A", "Advertisement ", "newsletter: a ",
        "Read more \u00bb ", "Associated Press, ", "Facebook Twitter ", "January 1, 2020 ", "(AFP) ", "AAAA, ", "AA ",
        "10 hours ago ", "Tags: a, ", "No comments yet ", "Photo: Aa Bb ", "(Photo: ", "Sign up ", "Share on ",
        "More from a ", "by Aa, ", "more to follow ", "AP Photo/Aa ", "AAAA", "\t\n"]


def _patterns():
    for name, value in vars(patterns).items():
        if isinstance(value, (re.Pattern, regex.Pattern)):
            yield name, value
    for i, value in enumerate(patterns.FUSED_SENTENCE_HINT):
        yield f"FUSED_SENTENCE_HINT[{i}]", value


@pytest.mark.parametrize("name, pattern", list(_patterns()), ids=[n for n, _ in _patterns()])
def test_pattern_is_linear_on_long_runs(name, pattern):
    how = ANCHORED.get(name, "fullmatch" if name.endswith("_LINE") else "finditer")
    call = (lambda s: sum(1 for _ in pattern.finditer(s))) if how == "finditer" else getattr(pattern, how)
    slow = slower_than_linear(call, RUNS)
    assert not slow, f"{name} ({how}) is not linear: {slow}"


@pytest.mark.parametrize("line", [
    "March 3, 2021", "3 March 2021", "Sat Feb 24, 2024 12:41 pm", "2025-11-12", "12/11/25", "5.3.2021",
    "Aktualisiert am 12. November 2025, 14:32 Uhr", "Publié le 3 mars 2025 à 09h15", "3 de marzo de 2025",
    "le 1er avril 2024", "Jan. 5th, 2020", "2025年4月2日", "2025년 4월 2일",
])
def test_every_date_holds_the_date_hint_searched_before_it(line):
    # lines.title searches DATE only where DATE_HINT is found: a DATE alternative without a
    # year of four digits or a d/d, d.d would be skipped there
    from cleanpage.patterns import DATE, DATE_HINT

    m = regex.search(DATE, line, regex.IGNORECASE)
    assert m is not None, line
    assert DATE_HINT.search(m.group()) is not None
