"""Known misses, kept visible: each case in tests/cases/known_failures/ has a note
(<name>.md) and is expected to fail. When a change fixes one, this test fails
(strict xfail): move the case to tests/cases/variants/ and delete the note."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleanpage

CASES = Path(__file__).resolve().parent / "cases" / "known_failures"
NAMES = sorted(p.stem for p in CASES.glob("*.txt"))


@pytest.mark.parametrize("name", NAMES)
def test_known_failure_has_a_note(name):
    assert (CASES / f"{name}.md").read_text(encoding="utf-8").strip()


@pytest.mark.xfail(strict=True, reason="known failure; see the case's .md note")
@pytest.mark.parametrize("name", NAMES)
def test_known_failure_still_fails(name):
    text = (CASES / f"{name}.txt").read_text(encoding="utf-8")
    expected = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    page = cleanpage.clean(text)
    got = {
        "title": page.title,
        "metadata": dict(page.metadata),
        "paragraphs": list(page.paragraphs),
        "sidebar": [{k: v for k, v in item.to_dict().items() if v} for item in page.sidebar],
    }
    assert got == {k: expected[k] for k in got}
