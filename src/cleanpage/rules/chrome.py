"""Site chrome named by phrase families: cookie notices, log-in UI, skip links, browser
warnings, legal lines, social prompts, breadcrumbs; in six languages.

The families are data (``cleanpage.phrases``); users add patterns or families with
``Config(chrome_phrases=...)``. The text parser matches every line once
(``Document.analysis["lines"]``); each rule here drops its family's lines. Like the
line model, they stand down on a page that reads as clean text (``guard.clean_text``):
a menu word that a clean article happens to print alone stays.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Block, Document, Drop
from ..registry import Stage, rule
from .lines import analysis_of, title_line

_REASONS = {
    "cookies": "cookie notice", "account": "log-in, cart or search control", "skip_links": "skip link",
    "browser": "browser or JavaScript warning", "legal": "legal or copyright line",
    "social": "share, follow or subscribe prompt", "breadcrumb": "breadcrumb trail",
}
DEFAULT_RULE_FAMILIES = frozenset(_REASONS) | {"related"}  # "related" heads sidebar lists: the card reader's


def _drop_family(doc: Document, name: str) -> Iterator[tuple[Block, Drop]]:
    a = analysis_of(doc)
    if a is None:
        return
    reason = _REASONS[name] if name in _REASONS else "chrome phrase"
    # the line the title picker ranks first, split as "Title | Site", is lines.title's: its
    # site part may carry a phrase ("... | The Green Fork©"), its title part does not; and so is
    # a first line of that shape taken whole ("Herb planters | The Green Fork©")
    top = a.titles[0] if a.titles else None
    skip = top.line if top is not None and title_line(top, a.scores.lines.texts) else -1
    if name == "custom":  # every family a user added
        lines = sorted(k for f in a.families_hit if f not in DEFAULT_RULE_FAMILIES for k in a.hits(f))
    else:
        lines = a.hits(name)
    for k in lines:
        if k != skip:
            yield a.blocks[k], Drop(f"{reason} ({a.family[k]} phrase)")


@rule("chrome.cookies", stage=Stage.LINES, order=130, context=True, preview=True, once=True)
def drop_cookie_notice(doc: Document) -> Iterator[tuple[Block, Drop]]:
    """Drop cookie notices and consent buttons.

    Targets: We use cookies to improve your experience on our site.
    Keeps:   The bakery sells cookies from an old family recipe.
    """
    return _drop_family(doc, "cookies")


@rule("chrome.account", stage=Stage.LINES, order=140, context=True, preview=True, once=True)
def drop_account_control(doc: Document) -> Iterator[tuple[Block, Drop]]:
    """Drop log-in, account, cart, search and menu controls printed as lines.

    Targets: Log in
    Keeps:   He could not log in to the system for three days.
    """
    return _drop_family(doc, "account")


@rule("chrome.skip_links", stage=Stage.LINES, order=150, context=True, preview=True, once=True)
def drop_skip_link(doc: Document) -> Iterator[tuple[Block, Drop]]:
    """Drop accessibility skip links.

    Targets: Skip to content
    Keeps:   Skip to the end of the film and the twist is obvious.
    """
    return _drop_family(doc, "skip_links")


@rule("chrome.browser", stage=Stage.LINES, order=160, context=True, preview=True, once=True)
def drop_browser_warning(doc: Document) -> Iterator[tuple[Block, Drop]]:
    """Drop out-of-date-browser and enable-JavaScript warnings.

    Targets: You are using an out of date browser. It may not display this or other websites correctly.
    Keeps:   The browser wars of the 1990s ended with one winner.
    """
    return _drop_family(doc, "browser")


@rule("chrome.legal", stage=Stage.LINES, order=170, context=True, preview=True, once=True)
def drop_legal_line(doc: Document) -> Iterator[tuple[Block, Drop]]:
    """Drop copyright lines and legal links (privacy, terms, imprint).

    Targets: © 2024 Example Media Ltd. All rights reserved.
    Keeps:   The terms of the deal were not disclosed.
    """
    return _drop_family(doc, "legal")


@rule("chrome.social", stage=Stage.LINES, order=180, context=True, preview=True, once=True)
def drop_social_prompt(doc: Document) -> Iterator[tuple[Block, Drop]]:
    """Drop share, follow and newsletter prompts and social network link lines.

    Targets: Follow us on Twitter
    Keeps:   Follow the river north for two miles.
    """
    return _drop_family(doc, "social")


@rule("chrome.breadcrumb", stage=Stage.LINES, order=190, context=True, preview=True, once=True)
def drop_breadcrumb(doc: Document) -> Iterator[tuple[Block, Drop]]:
    """Drop a breadcrumb trail.

    Targets: Home > News > World
    Keeps:   Home is where the heart is, she said.
    """
    return _drop_family(doc, "breadcrumb")


@rule("chrome.custom", stage=Stage.LINES, order=200, context=True, preview=True, once=True)
def drop_custom_phrase(doc: Document) -> Iterator[tuple[Block, Drop]]:
    """Drop lines of the phrase families a user adds with ``Config(chrome_phrases=...)``.

    Targets: Members only: upgrade to read   (with a family ``PhraseFamily("paywall", lines=(r"members only.*",))``)
    Keeps:   every line when no such family is configured.
    """
    return _drop_family(doc, "custom")
