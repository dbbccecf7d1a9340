"""Golden comparison shared by the hand-written page sets (variants, holdout).

A set is a directory of ``<name>.txt`` pages with ``<name>.json`` expectations (title,
metadata, paragraphs, sidebar items listing only their non-empty fields). Failures
print only what differs: metadata keys, paragraphs (word-level), and card fields.
"""

from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

import pytest

import cleanpage

# Every field a SidebarItem can carry; an expectation lists only the non-empty ones.
CARD_FIELDS = ("section", "title", "summary", "source", "age", "label", "category",
               "url", "dateline", "credit", "sections")


def names(cases: Path) -> list[str]:
    return sorted(p.stem for p in cases.glob("*.txt"))


@lru_cache(maxsize=None)
def load(cases: Path, name: str) -> tuple[str, dict]:
    text = (cases / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((cases / f"{name}.json").read_text(encoding="utf-8"))
    return text, expected


@lru_cache(maxsize=None)
def cleaned(cases: Path, name: str) -> cleanpage.Page:
    text, _ = load(cases, name)
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


def check_title(cases: Path, name: str) -> None:
    _, expected = load(cases, name)
    got = cleaned(cases, name).title
    if got != expected["title"]:
        pytest.fail(f"title differs:\n  expected {expected['title']!r}\n  got      {got!r}")


def check_metadata(cases: Path, name: str) -> None:
    _, expected = load(cases, name)
    got = dict(cleaned(cases, name).metadata)
    want = expected["metadata"]
    if got != want:
        keys = sorted(set(got) | set(want))
        report = [f"  {k}: expected {_short(want.get(k))} got {_short(got.get(k))}"
                  for k in keys if got.get(k) != want.get(k)]
        pytest.fail("metadata differs:\n" + "\n".join(report))


def check_paragraphs(cases: Path, name: str) -> None:
    _, expected = load(cases, name)
    got = list(cleaned(cases, name).paragraphs)
    want = expected["paragraphs"]
    if got != want:
        pytest.fail(f"paragraphs differ ({len(want)} expected, {len(got)} got):\n" + _list_diff(want, got))


def check_sidebar(cases: Path, name: str) -> None:
    _, expected = load(cases, name)
    got = [_card(item) for item in cleaned(cases, name).sidebar]
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


def check_well_formed(cases: Path, name: str) -> None:
    """Guards the hand-written files themselves, so a typo is not read as a library bug."""
    text, expected = load(cases, name)
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
