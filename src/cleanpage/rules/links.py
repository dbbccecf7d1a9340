"""Links' screen-reader hints scraped as text: "(opens in a new tab)", "External link".

Sites put these in visually hidden spans for screen readers; a scraper that renders the
page to text prints them after the link's words, or on a line of their own.
"""

from __future__ import annotations

from ..config import Config
from ..model import Block, Cut, Drop
from ..patterns import LINK_HINT_END, LINK_HINT_LINE, LINK_HINT_PAREN, LINK_HINT_WORDS
from ..registry import Stage, rule
from ..text import count_words

_MAX_HINT_WORDS = 9  # the longest hint: "this link will open in a new browser window"


@rule("links.hint_line", stage=Stage.LINES, order=125, zones=("body", "sidebar"), keywords=LINK_HINT_WORDS)
def drop_link_hint_line(block: Block) -> Drop | None:
    """Drop a line that is only a link's screen-reader hint.

    Targets: (link takes you to an external page)
    Keeps:   External links are checked once a month.
    """
    if LINK_HINT_LINE.fullmatch(block.text):
        return Drop("screen-reader hint of a link")
    return None


@rule("links.inline_hint", stage=Stage.INLINE, order=65, zones=("body", "sidebar"), keywords=LINK_HINT_WORDS)
def cut_link_hint(block: Block, config: Config) -> list[Cut]:
    """Cut a link's screen-reader hint from the line it was printed on.

    In parentheses anywhere in the line, or bare after a link's few words.

    Targets: Click to share on Facebook (Opens in new window) Facebook
             Instagram Opens in a new tab
    Keeps:   In most browsers a middle click opens a link in a new tab.
    """
    text = block.text
    cuts: list[Cut] = []
    if "(" in text:  # a line of nothing but the hint is links.hint_line's
        cuts = [Cut(m.start(), m.end(), "screen-reader hint of a link") for m in LINK_HINT_PAREN.finditer(text)
                if m.start() > 0 or m.end() < len(text)]
    if not cuts and block.words <= config.max_link_hint_text_words + _MAX_HINT_WORDS:
        m = LINK_HINT_END.search(text)
        if m is not None and 0 < count_words(text[:m.start()]) <= config.max_link_hint_text_words:
            cuts.append(Cut(m.start(), m.end(), "screen-reader hint after a link's words"))
    return cuts
