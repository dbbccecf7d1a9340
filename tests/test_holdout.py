"""Golden test: a held-out set of hand-written pages the rules were not tuned on.

Each ``tests/cases/holdout/<name>.txt`` is a page as a scraper could deliver it from
a site cleanpage has not seen, with the same kinds of chrome as the seed pages but
new brand names, sources, ages, topics, card counts, quote styles and orders of
widgets; four of them copy a seed page's structure with every string changed, two
are plain articles that use chrome words in ordinary sentences. ``<name>.json`` is
what a careful human says the clean result is (title, metadata, paragraphs, sidebar
items listing only their non-empty fields), written before cleanpage was run on the
page and never copied from its output.

Failures print only what differs: metadata keys, paragraphs (word-level), and card
fields, so that a report can quote the exact expected-vs-got difference.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

import pytest

import cleanpage

CASES = Path(__file__).resolve().parent / "cases" / "holdout"
NAMES = sorted(p.stem for p in CASES.glob("*.txt"))

# Every field a SidebarItem can carry; an expectation lists only the non-empty ones.
CARD_FIELDS = ("section", "title", "summary", "source", "age", "label", "category",
               "url", "dateline", "credit", "sections")


@lru_cache(maxsize=None)
def load(name: str) -> tuple[str, dict]:
    text = (CASES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    return text, expected


@lru_cache(maxsize=None)
def cleaned(name: str) -> cleanpage.Page:
    text, _ = load(name)
    return cleanpage.clean(text)


def _short(s: object, width: int = 160) -> str:
    r = repr(s)
    return r if len(r) <= width else r[: width - 5] + " ...'"


def _text_diff(expected: str, got: str) -> str:
    """A word-level diff of two long strings: only the places where they differ."""
    e, g = expected.split(" "), got.split(" ")
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=e, b=g, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        ctx = " ".join(e[max(0, i1 - 4):i1])
        out.append(f"    {op} after ...{ctx!r}: expected {' '.join(e[i1:i2])!r} got {' '.join(g[j1:j2])!r}")
    return "\n".join(out)


def _list_diff(expected: list[str], got: list[str]) -> str:
    lines = []
    sm = difflib.SequenceMatcher(a=expected, b=got, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        if op == "replace" and i2 - i1 == j2 - j1:
            for k in range(i2 - i1):
                lines.append(f"  paragraph {i1 + k} (got index {j1 + k}) differs:")
                lines.append(_text_diff(expected[i1 + k], got[j1 + k]))
            continue
        for k in range(i1, i2):
            lines.append(f"  - missing expected[{k}]: {_short(expected[k])}")
        for k in range(j1, j2):
            lines.append(f"  + unexpected got[{k}]: {_short(got[k])}")
    return "\n".join(lines)


def _card(item: cleanpage.SidebarItem) -> dict:
    return {k: v for k, v in item.to_dict().items() if v}


@pytest.mark.parametrize("name", NAMES)
def test_title(name):
    _, expected = load(name)
    got = cleaned(name).title
    if got != expected["title"]:
        pytest.fail(f"title differs:\n  expected {expected['title']!r}\n  got      {got!r}")


@pytest.mark.parametrize("name", NAMES)
def test_metadata(name):
    _, expected = load(name)
    got = dict(cleaned(name).metadata)
    want = expected["metadata"]
    if got != want:
        keys = sorted(set(got) | set(want))
        report = [f"  {k}: expected {_short(want.get(k))} got {_short(got.get(k))}"
                  for k in keys if got.get(k) != want.get(k)]
        pytest.fail("metadata differs:\n" + "\n".join(report))


@pytest.mark.parametrize("name", NAMES)
def test_paragraphs(name):
    _, expected = load(name)
    got = list(cleaned(name).paragraphs)
    want = expected["paragraphs"]
    if got != want:
        pytest.fail(f"paragraphs differ ({len(want)} expected, {len(got)} got):\n" + _list_diff(want, got))


@pytest.mark.parametrize("name", NAMES)
def test_sidebar(name):
    _, expected = load(name)
    got = [_card(item) for item in cleaned(name).sidebar]
    want = expected["sidebar"]
    if got == want:
        return
    report = [f"sidebar differs ({len(want)} cards expected, {len(got)} got)"]
    for i in range(max(len(got), len(want))):
        g = got[i] if i < len(got) else None
        w = want[i] if i < len(want) else None
        if g == w:
            continue
        if g is None:
            report.append(f"  card {i}: missing, expected {_short(w.get('title'))}")
            continue
        if w is None:
            report.append(f"  card {i}: unexpected {_short(g)}")
            continue
        report.append(f"  card {i} ({_short(w.get('title'), 70)}):")
        for k in CARD_FIELDS:
            if g.get(k) != w.get(k):
                if isinstance(w.get(k), str) and isinstance(g.get(k), str) and len(w[k]) > 160:
                    report.append(f"    {k}:\n" + _text_diff(w[k], g[k]))
                else:
                    report.append(f"    {k}: expected {_short(w.get(k))} got {_short(g.get(k))}")
    pytest.fail("\n".join(report))


@pytest.mark.parametrize("name", NAMES)
def test_expectation_is_well_formed(name):
    """Guards the hand-written files themselves, so a typo is not read as a library bug."""
    text, expected = load(name)
    assert set(expected) == {"title", "metadata", "paragraphs", "sidebar"}
    assert all(isinstance(p, str) and p.strip() == p and p for p in expected["paragraphs"])
    for item in expected["sidebar"]:
        assert set(item) <= set(CARD_FIELDS), set(item) - set(CARD_FIELDS)
        assert all(item.values()), "list only non-empty fields"
        assert item["section"] == item["sections"][0]
        assert item["title"] in text
    # nothing expected may be invented: every expected word occurs in the page
    # (as a substring: a fused run-on such as `said.Meanwhile` holds `said.`)
    for p in expected["paragraphs"]:
        missing = [w for w in p.split() if w not in text]
        assert not missing, f"words not in the page: {missing[:5]}"


def test_there_are_enough_holdout_pages():
    assert len(NAMES) >= 12
    for name in NAMES:
        assert (CASES / f"{name}.json").exists(), f"{name}.txt has no expectation"
