"""Golden test: every corpus page against its hand-checked expected result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import cleanpage

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PAGES = sorted(p.stem for p in CORPUS.glob("*.txt"))


def load(stem: str) -> tuple[str, dict]:
    text = (CORPUS / f"{stem}.txt").read_text(encoding="utf-8")
    expected = json.loads((CORPUS / f"{stem}.json").read_text(encoding="utf-8"))
    return text, expected


def test_corpus_has_the_five_seed_pages():
    assert len(PAGES) >= 5


@pytest.mark.parametrize("stem", PAGES)
def test_title_and_metadata(stem):
    text, expected = load(stem)
    page = cleanpage.clean(text)
    assert page.title == expected["title"]
    assert dict(page.metadata) == expected["metadata"]


@pytest.mark.parametrize("stem", PAGES)
def test_body(stem):
    text, expected = load(stem)
    page = cleanpage.clean(text)
    assert list(page.paragraphs) == expected["paragraphs"]


@pytest.mark.parametrize("stem", PAGES)
def test_sidebar(stem):
    text, expected = load(stem)
    page = cleanpage.clean(text)
    got = [{k: v for k, v in item.to_dict().items() if v} for item in page.sidebar]
    assert len(got) == len(expected["sidebar"])
    for g, e in zip(got, expected["sidebar"]):
        assert g == e


@pytest.mark.parametrize("stem", PAGES)
def test_body_is_a_fixed_point(stem):
    text, _ = load(stem)
    body = cleanpage.clean(text).body
    assert cleanpage.clean(body).body == body


@pytest.mark.parametrize("stem", PAGES)
def test_every_character_is_accounted_for(stem):
    text, _ = load(stem)
    page = cleanpage.clean(text)
    covered = bytearray(len(text))
    for p in page.provenance:
        for i in range(p.start, p.end):
            covered[i] += 1
    missing = [i for i, ch in enumerate(text) if not ch.isspace() and covered[i] != 1]
    assert not missing, f"unaccounted or double-counted text at {missing[:5]}: {text[missing[0]:missing[0] + 40]!r}"
    for r in page.removed:
        assert text[r.start:r.end] == r.text
