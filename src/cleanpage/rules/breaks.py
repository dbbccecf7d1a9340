"""Paragraphs a scraper broke: sentences glued end to start, and lines a hard wrap split."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from ..config import Config
from ..model import Block, Document, Join, Split
from ..patterns import FUSED_SENTENCE, FUSED_SENTENCE_HINT
from ..registry import Stage, rule
from ..text import ends_sentence

_CLOSING = "\u201d\u2019"
_OPENING = "\u201c\u2018"


def _open_quotes(text: str, start: int, end: int, quote: str) -> int:
    """How many ``quote`` marks in text[start:end] act as quotes (not apostrophes)."""
    n = 0
    first = text.find(quote, start, end)
    if first < 0:  # most stretches have none: no loop over their characters
        return 0
    for i in range(first, end):
        if text[i] == quote:
            inside_word = 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()
            n += not inside_word
    return n


# the first word after a sentence end that ``FUSED_SENTENCE`` found
_NEXT_WORD = regex.compile(r"[\"'\u2018\u2019\u201c\u201d]*(\p{L}+)")
# a name written with dots or a call: the word before the sentence end is code or an address
# ("django.forms.", "NewSigner(os.", "x=y.", "www.example.")
_DOTTED_NAME = regex.compile(r"[\p{L}\d_][.(\[{][\p{L}_]|[=<>\\/@]")
# the end of a domain name that a brand writes as a word: "Authorize.Net", "Earth.Org"
_DOMAIN_ENDS = frozenset({"Com", "Net", "Org", "Co", "Io", "Gov", "Edu", "Biz", "Info"})


def starts_sentence(text: str, seg: int, end: int, at: int) -> bool:
    """Is the glued sentence start that ``FUSED_SENTENCE`` found at ``at`` a new sentence after
    the one from ``seg`` that ends at ``end`` (its ``.!?``)? The pattern has checked the next
    word: capitalised and followed by a space, not an identifier (``subprocess.Popen(``,
    ``sync.WaitGroup``) nor one word at the end of the line (``Fin.Link``). Here:

    * the next word does not end a domain name (``Authorize.Net Merchant``);
    * the sentence before has two words or more, and its last word is not a dotted name or
      a call (``django.forms.Form or``, ``fmt.Fprintf(os.Stderr, ...``).
    """
    if _NEXT_WORD.match(text, at)[1] in _DOMAIN_ENDS:
        return False
    space = text.rfind(" ", seg, end)
    return space >= 0 and _DOTTED_NAME.search(text, space + 1, end) is None


def split_points(text: str) -> list[int]:
    """Offsets where a new paragraph starts inside ``text``.

    After the sentence end, a straight quote closes the sentence when an odd number
    of quotes is open in the paragraph so far, and opens the next one otherwise:
    ``far from Reciprocal."Trump`` splits after the quote, ``coming up."We are`` before it.
    A point is kept only where ``starts_sentence`` sees a sentence on both sides.
    """
    points: list[int] = []
    seg = 0
    for m in FUSED_SENTENCE.finditer(text):
        at = m.end()
        if not starts_sentence(text, seg, m.start(), at):
            continue
        if text[at - 1] in ".!?":
            # no quote after the sentence end: the match ends where the next sentence starts, at
            # a capital (the loops below would find the same point, a few times slower)
            if at > seg:
                points.append(at)
                seg = at
            continue
        at = m.start()
        while at < len(text) and text[at] in ".!?":
            at += 1
        end = at  # quotes are counted up to here, and only if a straight quote follows (seldom)
        parity = None
        while at < len(text) and not text[at].isalnum():
            c = text[at]
            if c in _OPENING:
                break
            if c in "\"'":
                if parity is None:
                    parity = {q: _open_quotes(text, seg, end, q) % 2 for q in "\"'"}
                if not parity[c]:
                    break
                parity[c] = 0
            elif c not in _CLOSING:
                break
            at += 1
        if at < len(text) and at > seg:
            points.append(at)
            seg = at
    return points


@rule("breaks.fused_sentence", stage=Stage.BREAKS, order=10, zones=("body", "sidebar"), pattern=FUSED_SENTENCE_HINT)
def split_fused_sentences(block: Block) -> list[Split]:
    """Put back paragraph breaks where a sentence end is glued to the next sentence.

    Targets: ... was being "ripped off."Amid market turmoil, Trump then suspended ...
    Keeps:   U.S. officials, 3.5 percent, commonspace.eu and J.R.R. Tolkien.
    """
    return [Split(at, "sentence end glued to the next sentence") for at in split_points(block.text)]


# a line that starts a list item: "- ", "* ", "• ", "1. ", "2) ", "a) "
_LIST_ITEM = regex.compile(r"(?:[-*\u2022\u00b7\u2013]|\d{1,3}[.)]|[a-zA-Z][.)])\s")


@rule("breaks.hard_wrap", stage=Stage.LINES, order=1, context=True)
@dataclass(frozen=True)
class JoinHardWrappedLines:
    """Join the lines of a paragraph that a hard wrap split, when the page is wrapped text.

    Email, mailing-list archives, plain-text books and some crawl dumps break every line
    near a fixed width and mark paragraphs with a blank line. The page is read as wrapped
    when its longest line is ``hard_wrap_min_width`` to ``hard_wrap_max_width`` characters,
    at least ``hard_wrap_min_lines`` lines come within ``hard_wrap_slack`` characters of
    it with another line right below, most of those end inside a sentence, and most of the
    lines below them begin in lower case (a sentence going on). Then each such full line is
    joined with the line below it, unless that one starts a list item, or starts with a
    capital under a headline-shaped line.
    Targets: Sick leave among participating staff fell by 21%, and the number of
             applications for vacancies in the municipality almost doubled, according
             to an evaluation published on Wednesday.   (three lines: one paragraph)
    Keeps:   text whose paragraphs are single lines (scraped pages), short lines such as
             the lines of a poem or an address, list items, lines a blank line parts, and
             lists of items whose lines reach the same width (a product name, its price).
    """

    min_width: int
    max_width: int
    slack: int
    min_lines: int
    max_chars: int  # Config.max_block_chars: a longer paragraph would be cut when its body is read again

    @classmethod
    def from_config(cls, config: Config) -> JoinHardWrappedLines:
        return cls(config.hard_wrap_min_width, config.hard_wrap_max_width, config.hard_wrap_slack,
                   config.hard_wrap_min_lines, config.max_block_chars)

    def __call__(self, doc: Document) -> Iterator[tuple[Block, Join]]:
        if doc.kind != "text":
            return  # HTML blocks are elements, not lines
        body = []
        for b in doc.blocks:
            if b.zone == "body":
                if len(b.text) > self.max_width:
                    return  # scraped text: a paragraph on one line, found within the first lines
                body.append(b)
        if len(body) <= self.min_lines:
            return
        width = max(len(b.text) for b in body)
        if width < self.min_width:
            return
        floor = width - self.slack
        n = len(body)
        # a line filled up to the wrap, with the next line of the input right below it, which
        # goes on with the sentence: not a list item, nor a capitalised line under a headline
        joins = [i + 1 < n and len(body[i].text) >= floor and body[i + 1].line == body[i].line + 1
                 and _LIST_ITEM.match(body[i + 1].text) is None
                 and not (body[i].is_heading and body[i + 1].text[0].isupper()) for i in range(n)]
        full = sum(joins)
        inside = sum(not ends_sentence(body[i].text) for i in range(n) if joins[i])
        lower = sum(body[i + 1].text[0].islower() for i in range(n) if joins[i])
        if full < self.min_lines or 2 * inside < full or 2 * lower < full:
            # too few full lines; or they end sentences (verse), or the lines below them start
            # as new items do (a product list: name, then price): not a wrapped paragraph
            return
        i = 0
        while i < n:
            j = i
            size = len(body[i].text)
            while joins[j] and size + 1 + len(body[j + 1].text) <= self.max_chars:
                j += 1
                size += 1 + len(body[j].text)
            if j > i:
                yield body[i], Join(tuple(body[i + 1:j + 1]), f"text hard-wrapped at {width} characters: "
                                                               f"{j - i + 1} lines, one paragraph")
            i = j + 1


def lines_once_restored(texts: list[str], config: Config) -> int:
    """How many lines ``texts`` make once this family has put back its breaks: the count a
    threshold on lines must read, so that the body, whose restored breaks are real line
    breaks, gives the same answer when it is cleaned again."""
    n = len(texts)
    if config.enabled("breaks.fused_sentence"):
        n += sum(len(split_points(t)) for t in texts)
    return n
