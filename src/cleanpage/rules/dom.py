"""HTML pages: the DOM model's findings, made into traced decisions.

At parse time ``dom.analyse`` scores every block of an HTML page (the probability that it is
main content), chooses the page's cut, votes on the title and finds the cards of related /
popular modules (``Document.analysis["dom"]``). These rules run first, in this order: the
modules' cards go to the sidebar (before the cut would drop them), the headline block becomes
the title (so it is not repeated in the body), readers' comments under an article leave the body
(the model scores them as text, which they are), and every other block below the cut leaves the
body with its score and the evidence behind it as the reason. Text input has no analysis:
the rules then answer nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..model import Block, Document, Drop, ToMeta, ToSidebar, ToTitle
from ..registry import Stage, rule


def _analysis(doc: Document) -> Any:
    return doc.analysis.get("dom") if doc.kind == "html" else None


def _by_block(doc: Document, a: Any, wanted: set[int]) -> dict[int, list[Block]]:
    """The body blocks (lines) of each wanted DOM block, in page order."""
    out: dict[int, list[Block]] = {}
    line_block = a.line_block
    for b in doc.blocks:
        if b.zone == "body":
            i = line_block[b.line - 1]
            if i in wanted:
                out.setdefault(i, []).append(b)
    return out


@rule("dom.related", stage=Stage.DOM, order=10, context=True)
def move_related_modules(doc: Document) -> Iterator[tuple[Block, ToSidebar | ToMeta]]:
    """Move the cards of related, popular and most-read modules to the sidebar, one item per headline link.

    A module is an element whose class/id says so or a block under a heading such as "Related
    Articles"; each link in it that reads like a headline is a card (title, url), with the
    short lines and the summary around it (source, age, category, summary).
    Targets: <section class="related"><h2>Related Articles</h2><a href="/b">Council approves the new tram line</a>
    Keeps:   links in <nav>, <header> or <footer>, menus, legal and log-in links, and the article text.
    """
    a = _analysis(doc)
    if a is None or not a.items:
        return
    roles: dict[int, tuple[int, str, str]] = {}  # DOM block -> (item, role, section)
    for k, item in enumerate(a.items):
        for i, role in item.roles:
            roles.setdefault(i, (k, role, item.section or ""))
    lines = _by_block(doc, a, set(roles))
    keys: dict[int, int] = {}  # item -> card key: the start of its headline's first line
    for k, item in enumerate(a.items):
        title = lines.get(item.roles[0][0])
        if title:
            keys[k] = title[0].start
    for i in sorted(lines):
        k, role, section = roles[i]
        if k not in keys:
            continue
        item = a.items[k]
        for b in lines[i]:
            reason = "related module heading" if role == "heading" else "card of a related module"
            if role != "title" or b.text == item.title:
                yield b, ToSidebar(role, keys[k], section, reason)
                continue
            at = b.text.find(item.title)
            end = at + len(item.title)
            if at == 0 and item.age and b.text[end:].strip() == item.age:
                # "Harbour bridge reopens after two years of repairs 3 hours ago": the age is printed after the link
                yield b, ToSidebar(role, keys[k], section, reason)
                yield b, ToMeta("age", "age printed after the card's headline", span=(end, len(b.text)))
            else:
                yield b, ToSidebar(role, keys[k], section, reason, (at, end) if at >= 0 else None)


@rule("dom.title", stage=Stage.DOM, order=20, context=True)
def take_title_block(doc: Document) -> Iterator[tuple[Block, ToTitle]]:
    """Take the page's headline block as the title, so that it is not repeated in the body.

    The title is voted among the first ``<h1>``, og:title, the JSON-LD headline and ``<title>``
    without its site suffix; the block taken is the first one near the top of the kept text
    (or an ``<h1>``) whose words agree with the vote.
    Targets: <h1>Council approves the new tram line</h1> under <title>Council approves the new tram line | City News</title>
    Keeps:   an <h1> that no other source agrees with, such as the site's name in the logo.
    """
    a = _analysis(doc)
    if a is None or a.title_block is None:
        return
    lines = _by_block(doc, a, {a.title_block}).get(a.title_block)
    if lines:
        yield lines[0], ToTitle("the page's headline: agrees with the title in the page's metadata")


@rule("dom.comments", stage=Stage.DOM, order=25, context=True)
@dataclass(frozen=True)
class DropCommentThreads:
    """Drop the readers' comments the DOM model kept under an article.

    They are the blocks inside an element whose class or id names a comment thread
    (``tree.COMMENT_THREAD``), dropped only when the page's kept text opens outside the thread
    and has at least ``min_article_words`` words outside it: the article the comments are about.
    Targets: <article>(the post)</article><div class="comments" id="comments"><h4>2 comments:</h4><ol><li
             class="comment"><p class="comment-content">The council should publish the full cost study,
             including the bus option, before three years of roadworks begin.</p>
    Keeps:   the replies of a page whose JSON-LD says it is a forum or Q&A page (DiscussionForumPosting,
             QAPage), a page whose kept text starts in the thread, comments under a post of fewer
             words (the thread may be what the page is for), and a section whose id only ends in a
             word ("respond-to-review-comments").
    """

    min_article_words: int = 150

    @classmethod
    def from_config(cls, config: Config) -> DropCommentThreads:
        return cls(config.min_comment_article_words)

    def __call__(self, doc: Document) -> Iterator[tuple[Block, Drop]]:
        a = _analysis(doc)
        if a is None or not a.comments:
            return
        keep, line_block, threads = a.keep, a.line_block, a.comments
        kept = [(b, i) for b in doc.blocks if b.zone == "body" and keep[i := line_block[b.line - 1]]]
        if not kept or kept[0][1] in threads:
            return
        article = sum(b.words for b, i in kept if i not in threads)
        if article < self.min_article_words:
            return
        for b, i in kept:
            if i in threads:
                yield b, Drop(f"readers' comments, in {threads[i]}, under an article of {article} words")


@rule("dom.score", stage=Stage.DOM, order=30, context=True)
def drop_below_page_cut(doc: Document) -> Iterator[tuple[Block, Drop]]:
    """Drop the blocks the DOM model scores below the page's cut: menus, footers, teaser grids, legal links.

    Each removal gives the block's score, the page's cut and the features that pushed the
    score down ("dom score 0.02 < page cut 0.41: in <nav>, link density 1.00, ...").
    Targets: <nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
    Keeps:   the article's paragraphs, subheadings and lists, which score above the cut.
    """
    a = _analysis(doc)
    if a is None or a.scores is None:
        return
    keep, line_block = a.keep, a.line_block
    below = [(b, i) for b in doc.blocks if b.zone == "body" and not keep[i := line_block[b.line - 1]]]
    if not below:
        return
    blocks = sorted({i for _, i in below})
    reason = dict(zip(blocks, a.reasons(blocks)))
    for b, i in below:
        yield b, Drop(reason[i])
