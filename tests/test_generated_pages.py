"""Generalisation: pages built from known parts must come apart into those parts.

The seed corpus has five pages; these tests generate pages of the same families with
other brands, wording, layouts and spacing (see ``strategies.pages``) and compare the
result with the ground truth the generator kept: the article paragraphs exactly, the
title, the credit and source lines as metadata, and every related card as one sidebar
item. The named rules are what is being judged: the pages run with the default
``Config`` less the learned line model (``lines``). The generated prose is word salad
drawn from a vocabulary of about a hundred words and names, the same sentence often
printed many times on a page; the model reads such a page, rightly for real text, as
chrome-like, and drops some of it. The model is judged on real pages instead: the
hand-written variant and holdout pages (``test_pages.py``, default ``Config``), the
seed corpus and the WCXB benchmark. The invariants (``test_properties.py``) hold with
the model on.

``test_examples_hypothesis_found`` pins, as plain pages, the smallest failures the
generator turned up, so that each stays visible until it is fixed.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, note

import cleanpage
from strategies import CardSpec, GeneratedPage, SectionSpec, label_card, make_page, pages, source_card


RULES = cleanpage.Config(disabled={"lines"})
# two non-blank lines, one under the other: text as scraped or written, not laid out as a body clean() gives
ONE_UNDER_ANOTHER = re.compile(r"\S[^\S\r\n]*(?:\r\n?|\n)[^\S\r\n]*\S")


def clean(page: GeneratedPage) -> cleanpage.Page:
    result = cleanpage.clean(page.text, config=RULES)
    note(f"input:\n{page.text}")
    note(f"explain:\n{result.explain()}")
    return result


def items(result: cleanpage.Page) -> list[dict[str, object]]:
    return [{k: v for k, v in item.to_dict().items() if v} for item in result.sidebar]


@given(pages(sidebar=False))
def test_article_comes_out_whole_and_chrome_goes(page: GeneratedPage) -> None:
    result = clean(page)
    # the article, exactly: chrome all gone, nothing of the article lost or re-broken
    assert list(result.paragraphs) == list(page.paragraphs)
    # the headline, without its " | X News" suffix
    assert result.title == page.title
    # credit, source line and the title's section, and nothing else
    assert dict(result.metadata) == page.metadata
    assert result.sidebar == ()
    # every chrome line left through a removal
    missing = Counter(line.strip() for line in page.chrome) - Counter(r.text for r in result.removed)
    assert not missing, f"chrome left in place or filed elsewhere: {sorted(missing)}"


@given(pages())
def test_related_cards_become_sidebar_items(page: GeneratedPage) -> None:
    result = clean(page)
    # one item per distinct card, in order, with every heading it was listed under
    assert items(result) == page.sidebar
    # and none of the cards' text is left in the article or its metadata
    assert list(result.paragraphs) == list(page.paragraphs)
    assert result.title == page.title
    assert dict(result.metadata) == page.metadata


@given(pages(chrome=False, sidebar=False))
def test_plain_article_keeps_every_word(page: GeneratedPage) -> None:
    result = clean(page)
    assert result.removed == ()
    assert result.sidebar == ()
    if ONE_UNDER_ANOTHER.search(page.text) or page.credit or page.source:  # filed lines leave the body
        assert result.title == page.title
        assert result.body == "\n\n".join(page.paragraphs)
    else:  # laid out as a body clean() gives, nothing removed: its first line may be a subheading, and stays
        assert result.title is None
        title_line = f"{page.title} | {page.section} News" if page.section else page.title
        assert result.body == "\n\n".join([title_line, *page.paragraphs])


# --- failures the generator found, reduced by hand to readable pages ----------------------------------

TITLE = "Oil prices fall for a third day"
PARAGRAPH = "Oil fell 3.5% on Monday, analysts said."
SUMMARY = "Kyiv asked the watchdog to investigate the alleged use of banned munitions."
HEADLINE = "Ukraine urges chemical weapons investigation"


def _section(*cards: CardSpec, heading: str = "Related Articles") -> SectionSpec:
    return SectionSpec(heading, heading, cards)


FOUND = {
    # a first paragraph of two sentences ending in "?" or "!" is taken for a second headline,
    # so the real headline is not taken as the title
    "first-paragraph-ends-in-question": make_page(
        TITLE, ["Oil fell 3.5% on Monday. Will it keep falling?", "Brent settled at $71.20 a barrel."]),
    "first-paragraph-ends-in-exclamation": make_page(
        TITLE, ["Traders were stunned. Oil fell 3.5% on Monday!", "Brent settled at $71.20 a barrel."]),
    # a two-sentence card summary ending in "?" is read as the next card's headline
    "summary-ends-in-question": make_page(TITLE, [PARAGRAPH], [_section(source_card(
        "Dubai Eye", "10 hours ago", HEADLINE, "Kyiv asked the watchdog to investigate. Will Russia cooperate?"))]),
    # a summary with an ad marker glued to its end looks like a headline to the card reader
    "summary-ends-in-ad-marker": make_page(TITLE, [PARAGRAPH], [_section(source_card(
        "Dubai Eye", "10 hours ago", HEADLINE, SUMMARY, SUMMARY + " Advertisement"))]),
    # a brand ending in digits loses them from the section name ("More from Metro")
    "heading-ends-in-digits": make_page(TITLE, [PARAGRAPH], [_section(source_card(
        "Dubai Eye", "10 hours ago", HEADLINE, SUMMARY), heading="More from Metro 24")]),
    # a category outside the built-in list, before a short headline printed twice, is taken for the headline
    "category-not-in-list": make_page(TITLE, [PARAGRAPH], [_section(label_card(
        "Editor's choice", "Middle East", "Gulf states cut oil output",
        "Saudi Arabia and its neighbours agreed on Sunday to cut output again."), heading="Related articles")]),
}


@pytest.mark.parametrize("page", list(FOUND.values()), ids=list(FOUND))
def test_examples_hypothesis_found(page: GeneratedPage) -> None:
    result = cleanpage.clean(page.text)
    assert (result.title, list(result.paragraphs), dict(result.metadata), items(result)) == (
        page.title, list(page.paragraphs), page.metadata, page.sidebar)
