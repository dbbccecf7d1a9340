"""HTML input: ``clean(html)`` on small hand-written pages, the DOM model's parts, and tag-soup fuzzing."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleanpage
import cleanpage.dom as dom_mod
from cleanpage.dom import features as features_mod
from cleanpage.dom import scorer as scorer_mod
from cleanpage.dom.features import COL, FEATURES, FeatureTable, describe, matrix, table
from cleanpage.dom.metadata import iso_date, names_site, strip_site, title_site
from cleanpage.dom.tree import undo_mojibake
from cleanpage.parse.html import parse_html, walk

PROSE = [
    "The council voted on Tuesday to extend the tram line to the harbour, a project first proposed in 1998.",
    "Engineers expect the work to take three years, and the route will add four stops along the old rail bed.",
    "Residents near the depot, who had objected to night work, won a promise that no track will be laid after ten.",
    "The mayor said the money comes from a regional fund, not from the city's own budget, which is already tight.",
    "Opponents argued that buses could serve the harbour for a fraction of the cost, but the motion passed easily.",
]

NEWS = f"""<!doctype html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Tram line reaches the harbour | Riverside Gazette</title>
<meta property="og:title" content="Tram line reaches the harbour">
<meta property="og:site_name" content="Riverside Gazette">
<meta property="og:type" content="article">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-03-14T09:30:00+01:00">
<meta property="article:section" content="City">
<base href="https://gazette.example/news/">
</head><body>
<a href="#main">Skip to main content</a>
<header><nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/login">Log in</a></li></ul></nav></header>
<main id="main"><article class="story">
<h1>Tram line reaches the harbour</h1>
<p class="byline">By Jane Doe</p>
{''.join(f'<p>{p}</p>' for p in PROSE)}
</article>
<aside class="related-stories"><h2>Related Articles</h2>
<ul>
<li><a href="harbour-bridge-reopens">Harbour bridge reopens after two years of repairs</a><span>3 hours ago</span></li>
<li><a href="/city/bus-fares">City council freezes bus fares for another year</a><span>1 day ago</span></li>
<li><a href="https://other.example/rail">Regional rail plan wins support from three mayors</a></li>
</ul></aside>
</main>
<footer><p>© 2025 Riverside Gazette. All rights reserved.</p><a href="/privacy">Privacy Policy</a>
<a href="/terms">Terms of Service</a></footer>
</body></html>"""


URL = "https://gazette.example/news/tram"


def test_news_page_body_title_and_metadata() -> None:
    page = cleanpage.clean(NEWS, url=URL)
    for p in PROSE:
        assert p in page.body
    for chrome in ("Skip to main content", "Home", "Log in", "Privacy Policy", "All rights reserved",
                   "Related Articles"):
        assert chrome not in page.body
    assert page.title == "Tram line reaches the harbour"
    assert not page.body.startswith("Tram line")  # the title is not repeated at the top of the body
    assert page.metadata["author"] == "Jane Doe"
    assert page.metadata["date"] == "2025-03-14T09:30"
    assert page.metadata["site"] == "Riverside Gazette"
    assert page.metadata["language"] == "en"
    assert page.metadata["section"] == "City"


def test_news_page_sidebar_items_are_related_links_with_absolute_urls() -> None:
    page = cleanpage.clean(NEWS, url=URL)
    titles = [it.title for it in page.sidebar]
    assert titles == ["Harbour bridge reopens after two years of repairs",
                      "City council freezes bus fares for another year",
                      "Regional rail plan wins support from three mayors"]
    assert [it.url for it in page.sidebar] == ["https://gazette.example/news/harbour-bridge-reopens",
                                              "https://gazette.example/city/bus-fares",
                                              "https://other.example/rail"]
    assert page.sidebar[0].age == "3 hours ago"
    assert [it.section for it in page.sidebar] == ["Related Articles"] * 3
    # navigation, footers and legal links are chrome, never items
    assert not any(w in t for t in titles for w in ("Privacy", "Terms", "Home", "Log in"))


def test_removals_carry_the_element_path_and_the_evidence() -> None:
    page = cleanpage.clean(NEWS, url=URL)
    home = next(r for r in page.removed if r.text == "Home")
    assert home.rule == "dom.score"
    assert home.path == "/html/body/header/nav/ul/li[1]"
    assert home.reason.startswith("dom score 0.") and " < page cut 0." in home.reason
    assert page.source[home.start:home.end] == "Home"
    assert all(r.path and r.path.startswith("/html") for r in page.removed)
    assert page.to_dict()["removed"][0]["path"].startswith("/html")
    # Document.text is the rendered blocks, one per line: offsets index it
    assert page.source.splitlines()[0] == "Skip to main content"


def test_noscript_text_is_kept() -> None:
    html = "<html><body><noscript>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</noscript></body></html>"
    assert PROSE[0] in cleanpage.clean(html).body


def test_text_no_browser_shows_inside_a_block_is_left_out() -> None:
    from cleanpage.parse.html import walk

    # display:none and the hidden attribute hide an inline element's text, not its tail; an
    # aria-hidden element is seen (only not read aloud); a hidden block stays, for the DOM model
    html = ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in PROSE)
            + '<p>Leave a Reply <a href="#" style="display: none">Cancel reply</a>here.</p>'
            + '<p>Share <span hidden>https://example.org/s/1</span>this <i aria-hidden="true">*</i>story.</p>'
            + '<div style="display:none"><p>A hidden block of text</p></div></article></body></html>')
    texts = [b.text for b in parse_html(html).blocks]
    assert "Leave a Reply here." in texts and "Share this *story." in texts
    assert not any("Cancel reply" in t or "example.org" in t for t in texts)
    assert "A hidden block of text" in texts
    # text only a screen reader reads, by the usual class names
    sr = walk('<html><body><p>Read <a href="/r">the report<span class="sr-only"> (opens in a new window)</span></a>'
              ' now, <span class="u-visually-hidden">Share on X</span>she said.</p></body></html>')
    assert sr.texts == ["Read the report now, she said."]
    # a hidden link is not the link of the block around it
    dom = walk('<html><body><p><a href="/x" hidden>x</a>The paragraph after a hidden link.</p></body></html>')
    assert dom.texts == ["The paragraph after a hidden link."] and dom.hrefs == [None] and dom.anchors == [None]



def test_a_headings_permalink_is_not_text() -> None:
    # Sphinx and many site generators follow each heading with a link to it, printed as a mark
    dom = walk('<html><body><h2>Middleware<a class="headerlink" href="#middleware" title="Link to this'
               ' heading">¶</a></h2><dl><dt>process_view(request)<a href="#pv">¶</a></dt></dl>'
               '<h3 id="setup">Setup <a class="anchor" href="#setup">#</a></h3></body></html>')
    assert dom.texts == ["Middleware", "process_view(request)", "Setup"]
    # a note's link back to where it is cited: Wikipedia's caret, a footnote's hooked arrow
    dom = walk('<html><body><ol><li><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span>'
               ' The prize was established in 1968.</li><li>A footnote. <a class="footnote-backref"'
               ' href="#fnref:2">↩︎</a></li></ol></body></html>')
    assert dom.texts == ["The prize was established in 1968.", "A footnote."]
    # keeps: a link to a place on the page that says something, a footnote mark, a "#" of a name
    dom = walk('<html><body><p>See <a href="#install">the install notes</a>, note <a href="#fn2">[2]</a>'
               ' and <a href="/tags/python">#</a>python.</p></body></html>')
    assert dom.texts == ["See the install notes, note [2] and #python."]

def test_text_after_the_closing_html_tag_is_kept() -> None:
    # libxml2 puts what follows </html> (or a second <html>) in a second top-level element, which
    # a browser shows as part of the page: one such page had its whole article there
    html = ("<html><head><title>Tram line</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
            "<div id='story'>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</div>"
            "<html><body><p>A last paragraph in a second html element, kept too.</p></body></html>")
    blocks = parse_html(html).blocks
    texts = [b.text for b in blocks]
    assert texts[:2] == ["Home", PROSE[0]] and texts[-1] == "A last paragraph in a second html element, kept too."
    assert blocks[1].origin.path == "/html/div/p[1]"  # the second root's children follow the first's
    assert PROSE[0] in cleanpage.clean(html).body


def test_deep_nesting_does_not_empty_the_page() -> None:
    html = "<html><body>" + "<div>" * 3000 + " ".join(PROSE) + "</div>" * 3000 + "</body></html>"
    assert PROSE[0] in cleanpage.clean(html).body


def test_a_br_starts_a_new_line_and_both_lines_share_the_block() -> None:
    html = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in PROSE) + \
        "<p>12 Harbour Road<br>Riverside</p></article></body></html>"
    doc = parse_html(html)
    a, b = [blk for blk in doc.blocks if blk.text in ("12 Harbour Road", "Riverside")]
    assert (a.origin.path, a.origin.score) == (b.origin.path, b.origin.score)
    assert b.origin.line == a.origin.line + 1 and doc.text.splitlines()[b.origin.line - 1] == "Riverside"


def test_entities_and_encodings() -> None:
    html = "<html><body><article>" + "".join(f"<p>{p} &amp; caf&eacute; &#8212; done.</p>" for p in PROSE) + \
        "</article></body></html>"
    for data in (html, html.encode("utf-8"), html.encode("cp1252", "replace"), ("\ufeff" + html).encode("utf-8")):
        assert "& café — done." in cleanpage.clean(data).body


def test_external_entities_are_never_resolved(tmp_path) -> None:  # noqa: ANN001
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    html = f'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file://{secret}">]><html><body><p>&x; ok</p></body></html>'
    assert "TOPSECRET" not in cleanpage.clean(html).source


@pytest.mark.parametrize("html", ["<html></html>", "<p></p>", "<html><!-- only --></html>", "<html>\x00\x01</html>"])
def test_empty_html_gives_an_empty_page(html: str) -> None:
    page = cleanpage.clean(html)
    assert page.body == "" and page.removed == ()


@pytest.mark.parametrize("lead", ['<script type="text/javascript">var a = "<p>";</script>\n', "<style>p { color: red }</style>", "\n<link rel=\"stylesheet\" href=\"/a.css\">"])
def test_pages_that_open_with_a_script_or_style_are_html(lead: str) -> None:
    page = cleanpage.clean(lead + NEWS, url=URL)
    assert page.source_kind == "html"
    assert "var a" not in page.body and "color: red" not in page.body


def test_text_that_names_a_tag_stays_text() -> None:
    assert cleanpage.clean("<script> is the tag for code.\nIt runs in the browser.").source_kind == "text"


def test_long_pages_keep_their_tail() -> None:
    for n in (10_000, 20_000):
        body = "".join(f"<p>Paragraph {i} has a few words of plain prose, and a comma.</p>" for i in range(n))
        page = cleanpage.clean(f"<html><head><title>t</title></head><body><article>{body}</article></body></html>")
        assert len(page.paragraphs) >= 0.99 * n
        assert page.paragraphs[-1].startswith(f"Paragraph {n - 1} ")


def test_features_have_stable_names_and_no_nan() -> None:
    X = matrix(walk(NEWS))
    assert X.shape[1] == len(FEATURES) == len(set(FEATURES))
    assert not np.isnan(X).any()
    assert describe("in_nav", 1.0) == "in <nav>"
    assert describe("link_density", 0.913) == "link density 0.91"


def test_chinese_prose_has_the_text_shape_features_of_prose() -> None:
    # Chinese puts no space between words nor after its full stops: read with str.split() and
    # Western punctuation, a paragraph was one "word" with no comma and no sentence end, and the
    # model, trained on spaced languages, kept a page's share buttons and related links beside it
    para = "香港行政长官梁振英在各方压力下就其大宅的违章建筑问题到立法会接受质询，并向香港民众道歉。他强调承诺将在两周内解决问题。"
    html = f"<html><body><ul><li><a href='/a'>新浪微博</a></li></ul><p>{para}</p></body></html>"
    dom = walk(html)
    X = matrix(dom)
    p, link = dom.texts.index(para), dom.texts.index("新浪微博")
    assert X[p, COL["words"]] == cleanpage.text.count_words(para) >= 20
    assert X[p, COL["commas"]] == 1 and X[p, COL["stops"]] == 1 and X[p, COL["ends_sentence"]] == 1
    assert X[link, COL["words"]] == 2 and X[link, COL["ends_sentence"]] == 0
    assert X[p, COL["mean_word_len"]] < 3  # about two characters a word, not the whole paragraph


def test_feature_table_gives_the_rows_asked_bit_for_bit(monkeypatch) -> None:  # noqa: ANN001
    dom = walk(NEWS)
    t = table(dom)
    X = t[:]
    assert X.shape == t.shape == (len(dom.texts), len(FEATURES)) and X.dtype == np.float32
    rows = np.array([3, 0, 3, len(X) - 1])
    assert np.array_equal(t[rows], X[rows]) and np.array_equal(t[2:5], X[2:5])
    for name in FEATURES:
        assert np.array_equal(t.column(name), X[:, COL[name]]), name
    names = tuple(reversed(FEATURES))[:50]
    assert np.array_equal(t.select(names)[rows], X[rows][:, [COL[f] for f in names]])
    # the bit columns and the page's own columns read what the walk found
    home = dom.texts.index("Home")
    assert X[home, COL["in_nav"]] == X[home, COL["kw_menu"]] == 1.0 and X[home, COL["in_footer"]] == 0.0
    assert (X[:, COL["og_article"]] == 1.0).all() and (X[:, COL["og_other"]] == 0.0).all()
    assert (X[:, COL["h1_count"]] == 1.0).all()
    # a table is scored, and its distinct rows found, as its rows are
    model = scorer_mod.load()
    monkeypatch.setattr(scorer_mod, "_CHUNK", 2)
    monkeypatch.setattr(scorer_mod, "_TABLE_ROWS", 5)
    for got, want in zip(model.score_leaves(t), model.score_leaves(X)):
        assert np.array_equal(got, want)
    k = max(scorer_mod._DISTINCT_FROM, features_mod._UNPACK_ROWS) // len(X) + 1
    many = FeatureTable(np.concatenate([t.dense] * k), t.const, tuple(np.concatenate([b] * k) for b in t.bits))
    assert np.array_equal(many[:], np.concatenate([X] * k))  # bit columns one at a time, past _UNPACK_ROWS
    rows_t, row_t = scorer_mod.distinct_rows(many)
    rows_x, row_x = scorer_mod.distinct_rows(np.concatenate([X] * k))
    assert row_t is not None and np.array_equal(rows_t, rows_x) and np.array_equal(row_t, row_x)


def test_scorer_reads_plain_json_trees() -> None:
    model = {"format": "cleanpage-trees-1", "features": ["a", "b"], "threshold": 0.5,
             "trees": [{"feature": [0, -1, 1, -1, -1], "threshold": [0.5, 0, 2.0, 0, 0],
                        "left": [1, -1, 3, -1, -1], "right": [2, -1, 4, -1, -1],
                        "value": [0.0, -1.0, 0.5, 0.25, 2.0]}]}
    sc = scorer_mod.from_dict(json.loads(json.dumps(model)))
    X = np.array([[0.0, 0.0], [1.0, 1.0], [1.0, 3.0]], dtype=np.float32)
    assert sc.raw(X).tolist() == [-1.0, 0.25, 2.0]
    ev = sc.evidence(X, top=2)
    assert ev[2][0][0] in ("a", "b")
    # the contributions add up to the raw score minus the root's value
    assert sum(e[2] for e in sc.evidence(X[2:], top=5)[0]) == pytest.approx(2.0 - 0.0)


def test_a_long_page_scores_each_distinct_row_once(monkeypatch) -> None:
    model = scorer_mod.load()
    X = matrix(walk(NEWS))
    many = np.concatenate([X] * (scorer_mod._DISTINCT_FROM // len(X) + 1))  # every row repeated
    rows, row = scorer_mod.distinct_rows(many)
    assert row is not None and len(rows) <= len(X)
    scores, leaves = model.score_leaves(many)
    assert np.array_equal(model.score_leaves(rows)[0][row], scores)
    assert np.array_equal(model.score_leaves(rows)[1][row], leaves)
    # a short page, and a hash that lumps different rows together: every row is scored
    assert scorer_mod.distinct_rows(X)[1] is None
    monkeypatch.setattr(scorer_mod, "_HASH_WEIGHTS", np.zeros(1024, dtype=np.uint64))
    assert scorer_mod.distinct_rows(many)[1] is None


def test_scoring_distinct_rows_changes_no_page(monkeypatch) -> None:
    page = ("<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>A long story</h1>"
            + "".join(f"<p>Paragraph {i} of the story says something.</p><div class='share'>Share</div>"
                      for i in range(800)) + "</article></body></html>")
    once = cleanpage.clean(page)
    monkeypatch.setattr(scorer_mod, "_DISTINCT_FROM", 10**9)
    every = cleanpage.clean(page)
    assert once.removed and once.to_dict() == every.to_dict()


def test_shipped_model_matches_the_feature_names() -> None:
    model = scorer_mod.load()
    assert set(model.features) <= set(FEATURES)
    assert 0.0 < model.threshold < 1.0


def test_metadata_helpers() -> None:
    assert iso_date("2025-09-04T10:30:00Z") == "2025-09-04T10:30"
    assert iso_date("2025-09-04T00:00:00Z") == "2025-09-04"
    assert iso_date("Published September 4, 2025") == "2025-09-04"
    assert iso_date("4th Sep 2025") == "2025-09-04"
    assert iso_date("not a date") is None
    # as pages print dates: year first with dots or slashes, a day glued to the next word, the
    # day first between dots (German and most of Europe)
    assert iso_date("Published: 2025.12.17 | essays") == "2025-12-17"
    assert iso_date("2025/12/17 09:30") == "2025-12-17T09:30"
    assert iso_date("Dec 17, 2025Julian K. Arni") == "2025-12-17"
    assert iso_date("Stand: 04.09.2025") == "2025-09-04"
    # with hyphens the order is unknown: the month first in a meta tag (a US site's), no date in the text
    assert iso_date("03-09-2026") == "2026-03-09"
    assert iso_date("02-12-2025", printed=True) is None and iso_date("25-12-2025", printed=True) == "2025-12-25"
    assert strip_site("Tram line reaches the harbour | Riverside Gazette", "Riverside Gazette", None) == \
        "Tram line reaches the harbour"
    assert strip_site("Tram line - reaches the harbour - Gazette", None, "gazette.example") == \
        "Tram line - reaches the harbour"
    assert strip_site("Mid-term: a review", None, None) == "Mid-term: a review"


def test_a_title_part_that_names_the_host_is_the_site():
    # a last part that is the host's name run together, or it and a word such as Co-op or Official Site
    assert strip_site("Desk Lamps - The Lamp Store", None, "www.lampstore.example") == "Desk Lamps"
    assert strip_site("Trail Shoes - Hikeco Co-op", None, "www.hikeco.example") == "Trail Shoes"
    assert strip_site("Harbour Tram - City Line - Official Site", None, None) == "Harbour Tram - City Line"
    # a first part goes only when all its words name the site: here it is the product
    assert strip_site("Hikeco Boots - Waterproof and light", None, "hikeco.example") == \
        "Hikeco Boots - Waterproof and light"
    assert strip_site("Hikeco - Boots for every trail", None, "hikeco.example") == "Boots for every trail"
    # the host's name is the label before its suffix, however many parts the suffix has
    assert strip_site("Storm warning - Gazette Online", None, "news.gazette.co.uk") == "Storm warning"
    # a part that opens with the host's name and goes on in other words is the title's
    assert strip_site("Storm warning - Gazette readers react", None, "gazette.example") == \
        "Storm warning - Gazette readers react"



def test_without_a_declared_site_name_the_title_part_that_spells_the_host_is_the_site():
    html = article_page("<title>Tram line reaches the harbour | Riverside Gazette</title>",
                        "Tram line reaches the harbour")
    assert cleanpage.clean(html, url="https://www.riversidegazette.example/news/tram").metadata["site"] == \
        "Riverside Gazette"
    # accents aside, as a host name writes them; a first part too ("Site » Title")
    assert title_site("Le tram arrive au port - La Vie des Quais", "laviedesquais.example") == "La Vie des Quais"
    assert title_site("Hikeco » Waterproof trail boots", "shop.hikeco.example") == "Hikeco"
    # a host with a hyphen is spelt without it
    assert title_site("Storm warning | Harbour Gazette", "www.harbour-gazette.example") == "Harbour Gazette"
    # keeps: no site from a part that does not spell the host, or only says "Official Site"
    page = cleanpage.clean(html, url="https://news.example/tram")
    assert "site" not in page.metadata
    assert title_site("Trail boots | Official Site", "official.example") is None
    assert title_site("Tram line reaches the harbour", "harbour.example") is None
    # a declared name wins over the <title>'s
    html = html.replace("<title>", '<meta property="og:site_name" content="The Gazette"><title>')
    assert cleanpage.clean(html, url="https://www.riversidegazette.example/news/tram").metadata["site"] == "The Gazette"

def article_page(head: str, h1: str) -> str:
    """A page with ``head`` in its ``<head>`` and an article of PROSE under ``<h1>h1</h1>``."""
    return (f"<html><head>{head}</head><body><article><h1>{h1}</h1>"
            + "".join(f"<p>{p}</p>" for p in PROSE) + "</article></body></html>")


def test_a_title_that_only_names_the_site_is_the_last_resort_below_the_home_page():
    html = article_page('<title>Hikeco</title><meta property="og:title" content="Hikeco">'
                        '<meta property="og:site_name" content="Hikeco">', "Waterproof trail boots")
    # two candidates agree on the site's name, but on a page of the site the headline is the title
    assert cleanpage.clean(html, url="https://www.hikeco.example/boots/trail").title == "Waterproof trail boots"
    # on the home page the site's name may be the title
    assert cleanpage.clean(html, url="https://www.hikeco.example/en/").title == "Hikeco"
    assert names_site("Hikeco Homepage", None, "www.hikeco.example")
    assert names_site("Hikeco Co-op", None, "www.hikeco.example") and names_site("Café Ole", None, "cafeole.example")
    assert names_site("The Hike Company", "The Hike Company", None)
    assert not names_site("Hikeco Boots", "Hikeco", "www.hikeco.example")



def test_an_h1_in_a_header_inside_main_is_the_pages_headline_not_the_sites():
    # MediaWiki prints its page title in <main><header class="mw-body-header"><h1>: when the model
    # keeps no <h1>, that one is still the headline; an <h1> in the site's banner is its logo
    dom = walk("<html><body><header><h1>Trail Wiki</h1><nav><a href='/a'>Boots</a></nav></header>"
               "<main><header class='page-header'><h1>Gaiters</h1></header>"
               + "".join(f"<p>{p}</p>" for p in PROSE) + "</main></body></html>")
    assert dom.texts[dom_mod._first_h1(dom, np.zeros(len(dom.texts), bool))] == "Gaiters"
    dom = walk("<html><body><header><h1>Trail Wiki</h1></header><main><p>Gaiters</p>"
               + "".join(f"<p>{p}</p>" for p in PROSE) + "</main></body></html>")
    assert dom_mod._first_h1(dom, np.zeros(len(dom.texts), bool)) is None
    # nor is the heading of a dialog: a cookie banner printed before the page
    dom = walk("<html><body><div role='dialog'><h1>Your choice regarding cookies</h1></div>"
               "<main><h1>Gaiters</h1>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</main></body></html>")
    assert dom.texts[dom_mod._first_h1(dom, np.zeros(len(dom.texts), bool))] == "Gaiters"


def test_an_h1_outside_the_content_that_ends_the_title_names_the_site():
    # a book's name in its menu bar, which the chapter's <title> prints after the chapter's
    html = ("<html><head><title>Choosing gaiters - The Trail Handbook</title></head><body>"
            "<div class='menu-bar'><h1 class='menu-title'>The Trail Handbook</h1></div><main>"
            "<h2>Choosing gaiters</h2>" + "".join(f"<p>{p}</p>" for p in PROSE) + "</main></body></html>")
    assert cleanpage.clean(html, url="https://handbook.example/gear/gaiters").title == "Choosing gaiters"
    # keeps: the <h1> on the home page, where "Site - Tagline" titles are common
    assert cleanpage.clean(html, url="https://handbook.example/").title != "Choosing gaiters"


def test_the_headline_wins_over_a_metadata_title_that_adds_a_part_to_it():
    html = article_page('<title>Flexbox - Learn web development</title>'
                        '<meta property="og:title" content="Flexbox - Learn web development">', "Flexbox")
    assert cleanpage.clean(html, url="https://docs.example/learn/flexbox").title == "Flexbox"
    # keeps: the vote's title when the headline is not its first part
    html = html.replace("<h1>Flexbox</h1>", "<h1>Flexbox layouts in practice</h1>")
    assert cleanpage.clean(html, url="https://docs.example/learn/flexbox").title == "Flexbox - Learn web development"


def test_metadata_strings_have_their_entities_decoded() -> None:
    # JSON-LD is never rendered: CMSes write HTML entities into it
    ld = ('{"@type": "NewsArticle", "headline": "The harbour&#8217;s new tram line", "articleSection": '
          '"Transport &amp; Roads", "author": {"@type": "Person", "name": "Luis O&#8217;Neill"}}')
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head><body><article>'
            + "".join(f"<p>{p}</p>" for p in PROSE) + "</article></body></html>")
    page = cleanpage.clean(html, url="https://city.example/news/tram")
    assert page.title == "The harbour\u2019s new tram line"
    assert page.metadata["author"] == "Luis O\u2019Neill" and page.metadata["section"] == "Transport & Roads"


def test_a_date_printed_far_below_the_article_is_not_the_pages() -> None:
    paras = "".join(f"<p>{PROSE[i % len(PROSE)]} ({i})</p>" for i in range(45))
    html = (f"<html><body><article><h1>Tram line reaches the harbour</h1>{paras}</article><aside><h3>Similar "
            "threads</h3><div class='date'>Last Post: 07/19/2006</div></aside></body></html>")
    assert "date" not in cleanpage.clean(html).metadata
    # near the top of the article it is
    html = html.replace("<h1>", "<div class='date'>Posted 07/19/2006</div><h1>")
    assert cleanpage.clean(html).metadata["date"] == "2006-07-19"


_TAGS = st.sampled_from(["div", "p", "span", "a", "li", "ul", "table", "tr", "td", "nav", "article", "h1", "br",
                         "script", "style", "noscript", "b", "iframe", "svg", "select", "option", "pre", "html",
                         "body", "head", "title", "meta"])
_PIECE = st.one_of(
    _TAGS.map(lambda t: f"<{t}>"), _TAGS.map(lambda t: f"</{t}>"),
    st.sampled_from(["<a href='x'>", "<div class='related nav'>", "<p hidden>", "&amp;", "&bogus;", "&#0;",
                     "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0' encoding='latin-1'?>", "<", ">",
                     "<script type='application/ld+json'>{\"@type\": [\"Article\"], \"headline\": 3}",
                     "<meta property='og:title' content='x'>", "<base href='::'>", "\x00", "\ufeff"]),
    st.text(max_size=30),
)


@settings(max_examples=300, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECE, max_size=60), st.booleans())
def test_tag_soup_never_raises(pieces: list[str], as_bytes: bool) -> None:
    html = "<html>" + "".join(pieces)
    data: str | bytes = html.encode("utf-8", "surrogatepass") if as_bytes else html
    try:
        page = cleanpage.clean(data, url="https://example.org/a/b", config=cleanpage.Config(input_format="html"))
    except cleanpage.InputError as exc:  # bytes that are mostly control characters are binary, not a page
        assert as_bytes and "binary" in str(exc)
        return
    assert isinstance(page.body, str)
    assert all(page.source[r.start:r.end] == r.text for r in page.removed)
    assert isinstance(page.explain(), str)


@settings(max_examples=100, derandomize=True, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    try:
        cleanpage.clean(data, config=cleanpage.Config(input_format="html"))
    except cleanpage.InputError as exc:  # the one refusal: bytes that are binary data, not a page
        assert "binary" in str(exc) or "not text" in str(exc)


def test_sidebar_skips_counts_and_inline_see_also_links() -> None:
    cards = "".join(f'<li><a href="/t/{i}">{n} · {n // 10} comments</a></li>' for i, n in enumerate((6494, 1607, 3961)))
    html = (f"<html><body><article>{''.join(f'<p>{p}</p>' for p in PROSE)}"
            '<p>See also: <a href="/guide">Ultimate guide to harbour trams</a></p></article>'
            f'<div class="related"><h3>Popular</h3><ul>{cards}</ul></div></body></html>')
    assert cleanpage.clean(html, url="https://example.org/a").sidebar == ()


def test_byline_and_json_ld_author() -> None:
    ld = '{"@type": "NewsArticle", "headline": "Tram line reaches the harbour", "author": [{"@type": "Person", "name": "Ann Lee"}, {"@type": "Person", "name": "Bo Chan"}], "datePublished": "13/11/2025"}'
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head><body><article>'
            f"<h1>Tram line reaches the harbour</h1>{''.join(f'<p>{p}</p>' for p in PROSE)}</article></body></html>")
    meta = cleanpage.clean(html).metadata
    assert meta["author"] == "Ann Lee, Bo Chan"
    assert meta["date"] == "2025-11-13"
    printed = ('<html><body><article><h1>Tram line reaches the harbour</h1><p class="byline">By '
               f"<a href='/staff/jd'>Jane Doe</a> on March 3, 2025</p>{''.join(f'<p>{p}</p>' for p in PROSE)}"
               "</article></body></html>")
    assert cleanpage.clean(printed).metadata["author"] == "Jane Doe"
    # a "By" the CMS wrote into the JSON-LD name is not part of it; a template's unfilled variable is no name
    assert cleanpage.clean(html.replace('"Ann Lee"', '"By Ann Lee"')).metadata["author"] == "Ann Lee, Bo Chan"
    unfilled = printed.replace("<html>", '<html><head><meta name="author" content="{{ post.author }}"></head>')
    assert cleanpage.clean(unfilled.replace("By <a href='/staff/jd'>Jane Doe</a> ", "")).metadata.get("author") is None
    # a one-word "byline" (a label in an author box) gives way to a person a site's own meta tag names
    boxed = printed.replace("<html>", '<html><head><meta name="nar_author" content="Melissa Tracey"></head>').replace(
        "By <a href='/staff/jd'>Jane Doe</a> on", "<span class='author-role'>Role</span> on")
    assert cleanpage.clean(boxed).metadata["author"] == "Melissa Tracey"


def test_json_ld_with_raw_line_breaks_or_two_values_in_one_script_is_read() -> None:
    # strict JSON refuses a raw line break inside a string; sites paste descriptions with theirs
    ld = ('{"@type": "NewsArticle", "headline": "Tram line reaches the harbour", "description": "The line opens.\n'
          'Trams run every ten minutes.", "author": {"@type": "Person", "name": "Ann Lee"}, '
          '"datePublished": "2025-11-13"}')
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head><body><article>'
            f"<h2>Opening day</h2>{''.join(f'<p>{p}</p>' for p in PROSE)}</article></body></html>")
    meta = cleanpage.clean(html).metadata
    assert (meta["author"], meta["date"]) == ("Ann Lee", "2025-11-13")
    # the site's organisation first, the article after it, a comma between them and no array around
    two = html.replace(ld, '{"@type": "Organization", "name": "City Desk"},' + ld.replace("\n", " "))
    meta = cleanpage.clean(two).metadata
    assert (meta["author"], meta["date"]) == ("Ann Lee", "2025-11-13")
    assert "author" not in cleanpage.clean(html.replace(ld, ld.replace("{", "[", 1))).metadata  # not JSON: nothing


def test_the_day_a_page_was_updated_when_later_than_published() -> None:
    ld = '{"@type": "NewsArticle", "datePublished": "2025-03-01T09:00:00Z", "dateModified": "2025-12-19T16:36:00Z"}'
    html = (f'<html><head><script type="application/ld+json">{ld}</script></head><body><article>'
            f"<h1>Tram line reaches the harbour</h1>{''.join(f'<p>{p}</p>' for p in PROSE)}</article></body></html>")
    meta = cleanpage.clean(html).metadata
    assert (meta["date"], meta["updated"]) == ("2025-03-01T09:00", "2025-12-19T16:36")
    same_day = html.replace("2025-12-19T16:36", "2025-03-01T17:00")
    assert "updated" not in cleanpage.clean(same_day).metadata
    tags = html.replace(ld, '{"@type": "NewsArticle", "datePublished": "2025-03-01"}').replace(
        "<head>", '<head><meta property="article:modified_time" content="2025-04-02T08:00:00Z">')
    assert cleanpage.clean(tags).metadata["updated"] == "2025-04-02T08:00"


def test_a_script_shell_says_it_has_little_text() -> None:
    # a page whose content a script draws in the browser: a splash screen and preloads, no text
    preload = '<link rel="preload" href="/assets/app-0123456789abcdef.js" as="script">' * 40
    shell = (f"<html><head><title>Which telescope first?</title>{preload}</head><body><section id='splash'>"
             "<div class='dots'></div></section><noscript>Enable JavaScript</noscript></body></html>")
    page = cleanpage.clean(shell)
    assert page.body == ""
    assert [w.split(":")[0] for w in page.warnings] == ["little_text"]
    assert page.warnings[0].startswith(f"little_text: 2 words of text in {len(shell):,} characters of HTML")
    # a short page is short, not a shell; an article is not either, however much markup it has
    assert cleanpage.clean("<html><body><p>Closed today.</p></body></html>").warnings == ()
    article = _article_with("", preload * 3)
    assert len(article) > 2 * len(shell) and cleanpage.clean(article).warnings == ()


def _article_with(before: str, head: str = "") -> str:
    return (f"<html><head>{head}</head><body><article><h1>Tram line reaches the harbour</h1>{before}"
            f"{''.join(f'<p>{p}</p>' for p in PROSE)}</article></body></html>")


def test_a_byline_label_is_not_the_author() -> None:
    # the label printed in its own element, the name in the next one
    box = '<div class="author-box"><div>Written By</div><div><a href="/staff/jd">Jane Doe</a></div></div>'
    assert cleanpage.clean(_article_with(box)).metadata["author"] == "Jane Doe"
    box = '<div class="article-author"><div><span>The Author</span></div><div>Jane Doe</div></div>'
    assert cleanpage.clean(_article_with(box)).metadata["author"] == "Jane Doe"


def test_subheadings_and_roles_that_open_like_a_byline_are_not_the_author() -> None:
    page = _article_with("<h3>By Region</h3><p>Each district voted.</p><h3>From Depot to Harbour</h3>"
                         "<ul><li>From the Editor</li></ul>")
    assert "author" not in cleanpage.clean(page).metadata
    # a byline in a heading is still one
    assert cleanpage.clean(_article_with("<h4>By Jane Doe</h4>")).metadata["author"] == "Jane Doe"


def test_the_meta_tags_person_wins_over_a_related_cards_byline() -> None:
    card = '<ul class="related"><li><p class="author">by Sam Roe</p></li></ul>'
    page = _article_with(card, '<meta name="author" content="Jane Doe">')
    assert cleanpage.clean(page).metadata["author"] == "Jane Doe"


def test_the_rendering_leaves_out_soft_hyphens_and_composes_letters():
    # "Wäh&shy;rend" as a hyphenating CMS writes it; "u" + U+0308 as some editors save "ü"
    html = article_page("<title>Markt</title>", "Der Mark\u00adt") \
        .replace("<article>", "<article><p>Wäh&shy;rend Sie u\u0308ber den Markt schlen&shy;dern, "
                              "spielt die Ka\u200bpelle im Hof der alten Burg.</p>")
    page = cleanpage.clean(html)
    assert "Während Sie über den Markt schlendern, spielt die Kapelle" in page.body
    assert "\u00ad" not in page.source and "\u0308" not in page.source and "\u200b" not in page.source
    assert page.title == "Der Markt"



def test_the_rendering_reads_again_utf8_that_was_read_as_latin1():
    # a page saved through a pipeline that decoded its UTF-8 as Latin-1 and encoded it again
    mangled = "you’re “right” — 20 €".encode("utf-8").decode("latin-1")
    html = article_page(f"<title>{mangled}</title>", "The harbour tram") \
        .replace("<article>", f"<article><p>If {mangled}, the harbour tram runs every ten minutes today.</p>")
    page = cleanpage.clean(html.encode("utf-8"))
    assert "If you’re “right” — 20 €, the harbour tram" in page.body
    assert not any("\x80" <= c <= "\x9f" for c in page.source)
    # keeps: what holds no C1 control, which may be text ("Ã©" is a capital A tilde and a copyright
    # sign), and a C1 control that makes no UTF-8 character
    assert undo_mojibake("cafÃ© \u00c2\u00a9") == "cafÃ© \u00c2\u00a9"
    assert undo_mojibake("a \u00e2\x80 c") == "a \u00e2\x80 c"

def _items_when_all_kept(html: str) -> list[tuple[str | None, str, str | None]]:
    """``read_sidebar`` on ``html`` as if the DOM model kept every block (a related list inside
    the article's element, which the model reads as part of it)."""
    import numpy as np

    from cleanpage.dom.sidebar import read_sidebar
    from cleanpage.model import HEADING_TAGS
    from cleanpage.parse.html import walk

    dom = walk(html)
    n = len(dom.texts)
    words = np.asarray([len(t.split()) for t in dom.texts])
    ld = np.asarray([c / max(len(t), 1) for c, t in zip(dom.link_chars, dom.texts)])
    heading = np.asarray([dom.tags[o] in HEADING_TAGS for o in dom.owner])
    items = read_sidebar(dom, np.ones(n, dtype=bool), words, ld, heading, "https://example.org/a")
    return [(it.section, it.title, it.url) for it in items]


def test_a_related_list_inside_the_article_element_becomes_sidebar_items() -> None:
    links = ("Harbour ferry timetable changes for the winter season", "New cycle lanes open along the old rail bed")
    related = "".join(f'<li><a href="/news/{i}">{t}</a></li>' for i, t in enumerate(links))
    html = (f"<html><body><article><h1>Tram line reaches the harbour</h1>{''.join(f'<p>{p}</p>' for p in PROSE)}"
            f"<h2>Related</h2><ul>{related}</ul><p>The works start in spring, the council said.</p>"
            "</article></body></html>")
    assert _items_when_all_kept(html) == [("Related", links[0], "https://example.org/news/0"),
                                          ("Related", links[1], "https://example.org/news/1")]
    # one link is no list; a "See also" list is a page's own further reading (documentation keeps it)
    assert _items_when_all_kept(html.replace(f'<li><a href="/news/1">{links[1]}</a></li>', "")) == []
    assert _items_when_all_kept(html.replace("<h2>Related</h2>", "<h2>See also</h2>")) == []
    # a link that is part of a sentence is not a card: the list ends there
    assert _items_when_all_kept(html.replace(f'<li><a href="/news/1">{links[1]}</a></li>',
                                             f'<li>Read: <a href="/news/1">{links[1]}</a> and more</li>')) == []


def test_the_author_the_markup_marks() -> None:
    body = "".join(f"<p>{p}</p>" for p in PROSE)
    footer = ("<div class='post-footer'><span class='post-author vcard'>Posted by <span class='fn'>Jane Doe</span>"
              "</span> at 10:08</div>")
    comments = ("<ol class='commentlist'><li><div class='comment-author vcard'><cite class='fn'>Bob Roe</cite></div>"
                "<p>Great post, thank you.</p></li></ol>")
    page = cleanpage.clean(f"<html><body><article><h1>Tram line reaches the harbour</h1>{body}{footer}</article>"
                           f"{comments}</body></html>")
    assert page.metadata["author"] == "Jane Doe"
    # a commenter's hCard is not the author's
    from cleanpage.dom.metadata import marked_authors
    from cleanpage.parse.html import walk

    assert marked_authors(walk(f"<html><body><article>{body}</article>{comments}</body></html>")) == []
    # microdata with a label, and a link with rel="author"
    labelled = '<p class="meta"><span itemprop="author">Autor/in: Anna Schmidt </span></p>'
    assert cleanpage.clean(f"<html><body><article><h1>Tram</h1>{labelled}{body}</article></body></html>"
                           ).metadata["author"] == "Anna Schmidt"
    linked = '<p class="meta"><a rel="author" href="/staff/ann">Ann Lee</a> · 3 min</p>'
    # who updated or reviewed the page is not its author
    assert marked_authors(walk('<html><body><p><span itemprop="author">Updated by Jon Roe</span> '
                               '<span class="author-name">Ann Lee</span></p></body></html>')) == ["Ann Lee"]
    assert cleanpage.clean(f"<html><body><article><h1>Tram</h1>{linked}{body}</article></body></html>"
                           ).metadata["author"] == "Ann Lee"
