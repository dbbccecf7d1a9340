"""Golden tests over the hand-written page sets: pages from sites cleanpage has not
seen, with the same kinds of chrome as the seed pages. Each set's README says how it
was written; the expectations are a careful reader's, never the library's output.

- tests/cases/variants/: the first set; the rules were fixed against it.
- tests/cases/holdout/: a second set, written blind by another hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from golden import check_metadata, check_paragraphs, check_sidebar, check_title, check_well_formed, names

CASES = Path(__file__).resolve().parent / "cases"
SETS = ("variants", "holdout")
PAGES = [(CASES / s, name) for s in SETS for name in names(CASES / s)]
CHECKS = {"title": check_title, "metadata": check_metadata, "paragraphs": check_paragraphs,
          "sidebar": check_sidebar, "well-formed": check_well_formed}


@pytest.mark.parametrize("cases,name", PAGES, ids=[f"{c.name}/{n}" for c, n in PAGES])
@pytest.mark.parametrize("check", list(CHECKS), ids=list(CHECKS))
def test_page(check, cases, name):
    CHECKS[check](cases, name)


@pytest.mark.parametrize("cases", [CASES / s for s in SETS], ids=SETS)
def test_each_set_has_at_least_twelve_pages_with_expectations(cases):
    found = names(cases)
    assert len(found) >= 12
    for name in found:
        assert (cases / f"{name}.json").exists(), f"{name}.txt has no expectation"
