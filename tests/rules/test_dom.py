"""The DOM model's rules on hand-written HTML pages: related modules, the title block, comment threads,
the page cut."""

from __future__ import annotations

import cleanpage
from cleanpage.parse import parse
from cleanpage.pipeline import decide
from cleanpage.registry import registry

PROSE = "".join(f"<p>{p}</p>" for p in (
    "The council voted on Tuesday to extend the tram line to the harbour, a project first proposed in 1998.",
    "Engineers expect the work to take three years, and the route will add four stops along the old rail bed.",
    "Residents near the depot, who had objected to night work, won a promise that no track will be laid after ten.",
    "The mayor said the money comes from a regional fund, not from the city's own budget, which is already tight.",
    "Opponents argued that buses could serve the harbour for a fraction of the cost, but the motion passed easily.",
))
NAV = '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>'
RELATED = ('<section class="related"><h2>Related Articles</h2><ul>'
           '<li><a href="/b">Council approves the new tram line</a></li>'
           '<li><a href="/c">Harbour bridge reopens after two years of repairs</a></li></ul></section>')


def page(body: str, title: str = "Tram line reaches the harbour | City News") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def steps(p: cleanpage.Page, rule: str) -> list[tuple[str, str]]:
    return [(s.action, s.text) for s in p.trace if s.rule == rule]


def test_text_input_has_no_dom_analysis():
    for name in ("dom.related", "dom.title", "dom.comments", "dom.score"):
        assert decide(name, "Home\nNews\nThe council voted on Tuesday to extend the tram line.") == []


def test_move_related_modules():
    p = cleanpage.clean(page(NAV + f"<article><h1>Tram line reaches the harbour</h1>{PROSE}</article>" + RELATED),
                        url="https://city.example/news/tram")
    assert ("sidebar", "Council approves the new tram line") in steps(p, "dom.related")
    assert [(it.section, it.title, it.url) for it in p.sidebar] == [
        ("Related Articles", "Council approves the new tram line", "https://city.example/b"),
        ("Related Articles", "Harbour bridge reopens after two years of repairs", "https://city.example/c")]
    # keeps: navigation links are chrome, removed and never items
    assert not any(it.title in ("Home", "News", "Sport") for it in p.sidebar)
    assert "Home" not in p.body


def test_take_title_block():
    p = cleanpage.clean(page(f"<article><h1>Council approves the new tram line</h1>{PROSE}</article>",
                             "Council approves the new tram line | City News"))
    assert steps(p, "dom.title") == [("title", "Council approves the new tram line")]
    assert p.title == "Council approves the new tram line"
    assert not p.body.startswith("Council approves")


def test_take_title_block_keeps_a_logo_h1():
    p = cleanpage.clean(page(f"<header><h1>Riverside Gazette</h1></header><article>{PROSE}</article>",
                             "Council approves the new tram line"))
    assert steps(p, "dom.title") == []
    assert p.title == "Council approves the new tram line"  # found in <title> by the parser


def test_drop_below_page_cut():
    p = cleanpage.clean(page(NAV + f"<article><h1>Tram line reaches the harbour</h1>{PROSE}</article>"))
    dropped = [r for r in p.removed if r.rule == "dom.score"]
    assert "Home News Sport" in [r.text for r in dropped]
    nav = next(r for r in dropped if r.text == "Home News Sport")
    assert nav.reason.startswith("dom score ") and " < page cut " in nav.reason
    assert nav.path == "/html/body/nav"
    # keeps: the article's paragraphs
    assert "The council voted on Tuesday" in p.body and "passed easily." in p.body


MORE = "".join(f"<p>{p}</p>" for p in (
    "Work on the first stretch, between the station and the market square, is due to start in the spring.",
    "The tram company will run a replacement bus every ten minutes while the street is closed to traffic.",
    "Shops along the route have asked for a fund to cover lost trade, which the council will debate next month.",
))
COMMENTS = ('<div class="comments" id="comments"><h4>2 comments:</h4><ol>'
            '<li class="comment"><p class="comment-content">The council should publish the full cost study, '
            'including the bus option, before three years of roadworks begin.</p></li>'
            '<li class="comment"><p class="comment-content">As a shop owner on the route I welcome the line, but '
            'the fund for lost trade must come first.</p></li></ol></div>')


def comment_drops(html: str) -> list[tuple[str, str]]:
    """What dom.comments drops when the model has kept every block (as it keeps long comments on
    some real pages: the rule is for those)."""
    doc = parse(html)
    doc.analysis["dom"].keep[:] = True
    return [(b.text, d.reason) for b, d in registry()["dom.comments"].bind(cleanpage.Config())(doc)]


def test_drop_comment_threads():
    drops = comment_drops(page(f"<article><h1>Tram line reaches the harbour</h1>{PROSE}{MORE}</article>{COMMENTS}"))
    assert [t for t, _ in drops] == [
        "2 comments:",
        "The council should publish the full cost study, including the bus option, before three years of "
        "roadworks begin.",
        "As a shop owner on the route I welcome the line, but the fund for lost trade must come first."]
    assert drops[0][1].startswith("readers' comments, in <div id=\"comments\">, under an article of ")


def test_drop_comment_threads_keeps_replies_and_short_posts():
    forum = '<script type="application/ld+json">{"@type": "DiscussionForumPosting", "headline": "Tram line"}</script>'
    article = f"<article><h1>Tram line reaches the harbour</h1>{PROSE}{MORE}</article>"
    # a forum thread: the replies are the content
    assert comment_drops(page(article + COMMENTS).replace("</title>", "</title>" + forum)) == []
    # a post of fewer than 150 words: the thread may be what the page is for
    assert comment_drops(page(f"<article>{PROSE}</article>{COMMENTS}")) == []
    # the kept text starts in the thread
    assert comment_drops(page(COMMENTS + article)) == []
    # a documentation section named after its heading, and commentary, are not comment threads
    doc = (f'<section id="respond-to-review-comments"><h2>Respond to review comments</h2>{PROSE}</section>'
           f'<section id="commentary"><h2>Commentary</h2>{MORE}</section>')
    assert comment_drops(page(article + doc)) == []
