"""Results cross process boundaries and files: pickle, to_dict()/from_dict() and JSON."""

from __future__ import annotations

import copy
import json
import multiprocessing
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleanpage
from cleanpage.parse import binary_kind
from cleanpage import InputError, Page, SidebarItem
from cleanpage.model import RECORD_KEYS, ErrorRecord, Placements, Result
from strategies import byte_inputs, html_pages, pages, texts

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PAGES = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
HTML = ("<html><head><title>Oil | Example</title></head><body><h1>Oil prices fall</h1>"
        "<p>Oil prices fell 3.5% on Monday, analysts said.</p><p>Advertisement</p></body></html>")


@pytest.mark.parametrize("source", [*PAGES, HTML, "", b"\xff\xfe\x00binary"])
def test_page_pickles_and_round_trips(source):
    page = cleanpage.clean(source, url="https://example.com/a")
    for copied in (pickle.loads(pickle.dumps(page)), copy.deepcopy(page), copy.copy(page)):
        assert copied == page and copied.source == page.source
        assert isinstance(copied.metadata, type(page.metadata))  # still read-only
        assert copied.explain() == page.explain()
    # to_dict carries every compared field; the source only when asked for
    assert Page.from_dict(page.to_dict()) == page
    assert "source" not in page.to_dict()
    restored = Page.from_dict(json.loads(page.to_json(source=True)))
    assert restored == page and restored.source == page.source
    assert restored.explain() == page.explain() and restored.provenance == page.provenance
    assert restored.to_dict(source=True) == page.to_dict(source=True)


def test_a_page_of_thousands_of_paragraphs_keeps_its_placements_packed_and_equal_to_tuples():
    # 3,000 paragraphs, some of them chrome: over the size from which placements are stored packed
    text = "\n".join(f"Paragraph {i} of the story says something new." if i % 10 else "Advertisement"
                     for i in range(3000))
    page = cleanpage.clean(text)
    packed = page.placements
    assert isinstance(packed, Placements)
    plain = tuple(packed)
    assert all(type(p) is tuple and len(p) == 5 for p in plain)
    assert packed == plain and plain == tuple(packed) and hash(packed) == hash(plain)
    assert packed[0] == plain[0] and packed[-1] == plain[-1] and packed[10:20] == plain[10:20]
    with pytest.raises(IndexError):
        packed[len(plain)]
    assert {p[2] for p in plain} == {"body", "removed"}
    assert len(page.paragraphs) == 2700 and len(page.removed) == 300
    for copied in (pickle.loads(pickle.dumps(page)), Page.from_dict(json.loads(page.to_json()))):
        assert copied == page and tuple(copied.placements) == plain
    assert [(p.start, p.end) for p in page.provenance] == [p[:2] for p in plain]


def test_multiprocessing_pool_map_returns_pages():
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pages = pool.map(cleanpage.clean, PAGES)
    assert pages == [cleanpage.clean(p) for p in PAGES]


def test_from_dict_rejects_what_to_dict_does_not_make():
    for bad in ({}, {"title": "x"}, {"title": None, "paragraphs": 3}, "text", None):
        with pytest.raises(InputError):
            Page.from_dict(bad)  # type: ignore[arg-type]
    item = SidebarItem.from_dict({"title": "A card", "sections": ["Popular"], "future_field": 1})
    assert item == SidebarItem(title="A card", sections=("Popular",))


@settings(max_examples=60)
@given(st.one_of(pages().map(lambda p: p.text), texts, byte_inputs, html_pages))
def test_any_page_round_trips(source):
    if isinstance(source, bytes) and binary_kind(source):
        return  # binary bytes are an InputError, not a page (tests/test_reliability.py)
    page = cleanpage.clean(source)
    assert pickle.loads(pickle.dumps(page)) == page
    assert Page.from_dict(json.loads(page.to_json())) == page


def test_result_and_error_record_share_one_shape():
    page = cleanpage.clean("Oil prices fall\nOil prices fell 3.5% on Monday, analysts said.\nNo comments yet...")
    ok = Result("a", page, "https://example.com/a", {"lang": "en", "title": "scraper's title"})
    bad = ErrorRecord("b", "JSONDecodeError", "Expecting value", None, {"lang": "de"})
    assert (ok.ok, ok.error, ok.message) == (True, None, None)
    assert (bad.ok, bad.page) == (False, None)
    one, two = ok.to_dict(explain=True), bad.to_dict(explain=True)
    assert list(one) == [*RECORD_KEYS, "lang", "input_title"] and list(two) == [*RECORD_KEYS, "lang"]
    assert one["title"] == "Oil prices fall" and one["input_title"] == "scraper's title"  # nothing overwritten
    assert one["removed"][0]["rule"] == "comments.empty_notice" and one["error"] is None
    assert two["error"] == {"type": "JSONDecodeError", "message": "Expecting value"} and two["body"] is None
    for r in (ok, bad):
        assert pickle.loads(pickle.dumps(r)) == r
        assert json.loads(json.dumps(r.to_dict())) == r.to_dict()
