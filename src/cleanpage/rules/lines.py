"""Chrome lines of plain text, judged by the learned line scorer; the headline.

The scorer (``cleanpage.lines``) reads every line of a text page once, at parse time
(``Document.analysis["lines"]``, ``Origin.score``). These rules turn its verdicts into
decisions, each removal with the line's score and the evidence that weighed most:

* ``lines.score`` runs before the card reader and drops the lines the model scores as
  chrome (navigation and footer runs, log-in and cookie lines, link clouds), so that
  they are never read as sidebar cards. It leaves three kinds of line to the named
  rules that place them exactly: the lines under a related-content heading (the card
  reader makes them sidebar items), metadata lines (credits, sources, bylines, dates,
  tags) and the headline;
* ``lines.leftover`` runs once the cards and metadata are read, and drops what the
  named rules did not take and the model scores as chrome;
* ``lines.title`` takes the headline the title picker chose, with its site suffix.

``guard.clean_text`` vetoes all three on a page that already reads as clean text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import regex

from ..config import Config
from ..lines.analysis import GROW_FLOOR, GROW_MIN_WORDS, LinesAnalysis
from ..lines.title import SEARCH_LINES, TitlePick, is_subtitle, split_site, whole_line_candidate
from ..model import Block, Decision, Document, Drop, ToMeta, ToTitle
from ..patterns import (
    AGE_LINE, AGE_WORDS, AGENCY_WORDS, BYLINE, BYLINE_WORDS, CARD_LABEL_LINE, CARD_LABEL_WORDS, DASH_SOURCE_LINE, DATE, DIGIT,
    LINK_HEADING_WORDS,
    SECTION_HEADING_WORDS, SOURCE_LINE, SOURCE_WORDS, TAGS_LIST_LINE, TAGS_WORDS, WIRE_CREDIT_LINE,
)
from ..phrases import is_furniture
from ..readers.cards import CATEGORIES, is_link_heading, is_weak_heading
from ..registry import Stage, rule
from .breaks import lines_once_restored
from .meta import SECTION_SUFFIX
from ..text import count_words, ends_clause, is_headline_shaped

_META_WORDS = AGENCY_WORDS | SOURCE_WORDS | BYLINE_WORDS | AGE_WORDS | TAGS_WORDS
_ZONE_HEADING_WORDS = LINK_HEADING_WORDS | SECTION_HEADING_WORDS  # one of them is in every link or weak heading
RELATED_ZONE_MAX_LINES = 60
ZONE_HEADING_MAX_WORDS = 8  # a related zone's heading: is_link_heading's bound (is_weak_heading's is 4)
CARD_META_MAX_WORDS = 3  # a line this short under a related heading is a card's only next to its age or source
PROSE_MIN_WORDS = 12  # a sentence-ended line this long is prose: left for lines.leftover  # lines after a related-content heading left to the card reader
# a web address, or an e-mail address alone: the picker may rank a link line high (one under the
# headline, "Visit: https://example.org/app"), but no page is titled with an address
_ADDRESS = regex.compile(r"(?:https?://|www\.)\S|\A[\w.+-]+@[\w-]+(?:\.[\w-]+)+\Z")


def analysis_of(doc: Document) -> LinesAnalysis | None:
    a = doc.analysis.get("lines")
    return a if isinstance(a, LinesAnalysis) else None


@dataclass(frozen=True)
class _Metadata:
    """Is a line one that a ``meta`` or ``tags`` rule files as metadata, wherever it is?"""

    max_credit: int
    max_byline: int
    max_date: int
    max_source: int
    max_tags: int

    @classmethod
    def from_config(cls, c: Config) -> _Metadata:
        return cls(c.max_wire_credit_words, c.max_byline_words, c.max_date_line_words, c.max_source_line_words,
                   c.max_tag_list_words)

    def __call__(self, b: Block) -> bool:
        t, n = b.text, b.words
        if not b.mentions(_META_WORDS) and not (n <= self.max_date and DIGIT.search(t)):
            return False  # most lines: none of the words any clause below needs
        return bool(
            (n <= self.max_credit and b.mentions(AGENCY_WORDS) and WIRE_CREDIT_LINE.fullmatch(t))
            or (n <= self.max_source and b.mentions(SOURCE_WORDS) and SOURCE_LINE.fullmatch(t))
            or (n <= self.max_byline and b.mentions(BYLINE_WORDS) and BYLINE.fullmatch(t))
            or (n <= self.max_date and (b.mentions(AGE_WORDS) or DIGIT.search(t)) and AGE_LINE.fullmatch(t))
            or (n <= self.max_tags and b.mentions(TAGS_WORDS) and TAGS_LIST_LINE.fullmatch(t)))


def _related_zones(body: list[Block], lines: list[int | None], family: list[str | None],
                   related: list[int]) -> set[int]:
    """Positions in ``body`` of related-content headings and of the card lines under them, up
    to the next line of another chrome family or of site furniture ("Privacy Policy").
    ``lines``: the analysis's line of each block (``LinesAnalysis.indices``); ``related``: the
    lines of the related-content phrase family.

    Card lines are headlines and summaries (four words or more), ages ("10 hours ago"),
    "- Source" lines and a short line next to either (a source such as "Dubai Eye"). Other
    short lines under a heading are link lists and menus: the model judges them."""
    out: set[int] = set()
    n = len(body)
    meta: dict[int, bool] = {}  # _card_meta of a line, asked for up to four times in a zone

    def card_meta(x: int) -> bool:
        if x not in meta:
            meta[x] = _card_meta(body, x)
        return meta[x]

    end = 0  # where the last zone ended: a line inside a zone heads no other
    for i in _zone_headings(body, lines, related):
        if i < end:
            continue
        out.add(i)
        j = i + 1
        while j < n and j - i <= RELATED_ZONE_MAX_LINES:
            b = body[j]
            k = lines[j]
            f = family[k] if k is not None else None
            if (f is not None and f != "related") or is_furniture(b.text, b.words):
                break  # "Privacy Policy", "Sign in": site furniture; not "signed in Abu Dhabi" in a summary
            if (b.words > CARD_META_MAX_WORDS or card_meta(j - 1) or card_meta(j) or card_meta(j + 1)
                    or card_meta(j + 2)):
                out.add(j)
            j += 1
        end = j
    return out


def _zone_headings(body: list[Block], lines: list[int | None], related: list[int]) -> list[int]:
    """Positions of the lines that may open a related zone: a related-content phrase
    ("You may also like"; ``related``: the lines of that phrase family), or a link or weak
    heading ("Most read", "Popular"). Most pages have no related-content phrase: the lines
    are then not looked up."""
    named = [i for i, b in enumerate(body)
             if b.words <= ZONE_HEADING_MAX_WORDS and b.mentions(_ZONE_HEADING_WORDS)
             and (is_link_heading(b, ZONE_HEADING_MAX_WORDS) or is_weak_heading(b))]
    if not related:
        return named
    phrase = set(related)
    return sorted(set(named).union(i for i, k in enumerate(lines) if k in phrase))


def _card_meta(body: list[Block], j: int) -> bool:
    """Is body[j] a card's metadata: an age ("10 hours ago"), a "- Source" line, a label
    ("Editor's choice") or a section name ("Opinion"), or a headline printed twice?"""
    if not 0 <= j < len(body):
        return False
    b = body[j]
    if j + 1 < len(body) and body[j + 1].text == b.text:
        return True  # a card headline printed twice (corpus 003)
    return b.words <= 8 and (bool(DASH_SOURCE_LINE.fullmatch(b.text)) or b.text.casefold() in CATEGORIES
                             or (b.mentions(CARD_LABEL_WORDS) and CARD_LABEL_LINE.fullmatch(b.text) is not None)
                             or ((b.mentions(AGE_WORDS) or DIGIT.search(b.text) is not None)
                                 and AGE_LINE.fullmatch(b.text) is not None))


def _drops(a: LinesAnalysis, drops: list[tuple[Block, int]], why: str) -> list[tuple[Block, Drop]]:
    """A drop of each (block, line) of ``drops``, whose reason gives the line's score and
    evidence: worked out for all of them in one go, and one ``Drop`` made per distinct
    reason (half of a page's chrome lines share their reason with another)."""
    if not drops:
        return []  # no reasons to work out
    reasons = a.reasons([k for _b, k in drops])
    made = {reason: Drop(f"{why}: {reason}") for reason in dict.fromkeys(reasons)}
    return [(b, made[reason]) for (b, _k), reason in zip(drops, reasons)]


@rule("lines.score", stage=Stage.STRUCTURE, order=5, context=True, preview=True, once=True)
@dataclass(frozen=True)
class DropScoredChrome:
    """Drop the lines the line model scores as chrome, before cards are read.

    Runs once: its decisions follow from the parsed page. The reason gives the line's
    score and its strongest evidence. Lines under a
    related-content heading, metadata lines and the chosen headline are left to the
    rules that place them (cards, ``meta.*``, ``lines.title``).
    Targets: Skip to content / Home / World / Log in / Subscribe, above the headline
             (line score 0.02: lines from the prose span 14 (-1.9); ...)
    Keeps:   the article's paragraphs and subheadings, "Related Articles" and its cards,
             "By Jane Smith", and any page that reads as clean text (``guard.clean_text``).
    """

    metadata: _Metadata

    @classmethod
    def from_config(cls, config: Config) -> DropScoredChrome:
        return cls(_Metadata.from_config(config))

    def __call__(self, doc: Document) -> Iterator[tuple[Block, Decision]]:
        a = analysis_of(doc)
        if a is None:
            return
        body = doc.body
        lines = a.indices(body)
        titles = a.title_lines
        zones = _related_zones(body, lines, a.family, a.hits("related"))
        keep = a.keep.tolist()
        drops = []
        metadata = self.metadata
        for pos, (b, k) in enumerate(zip(body, lines)):
            if k is None or keep[k] or k in titles or pos in zones:
                continue
            if b.words >= PROSE_MIN_WORDS and b.ends_sentence:
                continue  # prose is judged once the cards are read (lines.leftover): it may be the article
            if not metadata(b):  # asked last: its patterns cost the most of these tests
                drops.append((b, k))
        yield from _drops(a, drops, "chrome line")


@rule("lines.leftover", stage=Stage.META, order=90, context=True, preview=True, once=True)
def drop_leftover_chrome(doc: Document) -> Iterator[tuple[Block, Drop]]:
    """Drop chrome lines that no card or metadata rule took, by the line model's score.

    Runs once, when the cards and metadata of the first pass are read.

    Targets: Privacy Policy, left under a "Related" heading after its cards were read
             (line score 0.04: ...)
    Keeps:   lines scored as content, the headline candidates, and a paragraph next to
             one the model kept (context smoothing, as jusText's second pass).
    """
    a = analysis_of(doc)
    if a is None:
        return
    titles = a.title_lines
    keep = a.keep.tolist()
    blocks = doc.body
    body = list(zip(blocks, a.indices(blocks)))
    if not any(k is not None and keep[k] for _, k in body):
        # every line the model took for content went to the sidebar (seed 004: long card
        # summaries outweighed a one-paragraph article): what is left is the article
        return
    held = _held_up(body, keep, a.probability)
    drops = [(b, k) for pos, (b, k) in enumerate(body) if not (k is None or keep[k] or k in titles or held[pos])]
    yield from _drops(a, drops, "chrome line left by the card and metadata readers")


def _held_up(body: list[tuple[Block, int | None]], keep: list[bool], p: Sequence[float]) -> list[bool]:
    """Context, once the named rules have taken their chrome: a paragraph next to a paragraph
    the model keeps is kept too (``analysis.grow_prose`` on the page as it now is), unless the
    model is sure of it (probability under ``GROW_FLOOR``), and only above the last paragraph
    the model keeps. Seed-like pages: the first paragraphs under a headline score low next to
    the ad markers and promos around them. Below the article, the prose that follows (comments,
    teaser summaries, an author's bio) is the model's to judge: grown down the page, a comment
    thread was kept paragraph by paragraph (held-out word F1 0.8187 -> 0.8204). ``keep`` and
    ``p``: the model's verdict and probability per line of the analysis."""
    n = len(body)
    prose = [_prose(b, GROW_MIN_WORDS) for b, _k in body]
    kept = [k is not None and keep[k] for _b, k in body]
    last = max((i for i in range(n) if prose[i] and kept[i]), default=-1)
    held = [False] * n
    cand = [i < last and prose[i] and not kept[i] and body[i][1] is not None and p[body[i][1]] >= GROW_FLOOR
            for i in range(n)]
    # held spreads from a kept paragraph through the candidates next to it: a run of
    # candidates is held whole when a kept paragraph borders it (one pass, not a pass per line)
    i = 0
    while i < n:
        if not cand[i]:
            i += 1
            continue
        j = i
        while j < n and cand[j]:
            j += 1
        if any(0 <= x < n and prose[x] and kept[x] for x in (i - 1, j)):
            held[i:j] = [True] * (j - i)
        i = j
    return held


def _prose(b: Block, min_words: int = PROSE_MIN_WORDS) -> bool:
    return b.ends_sentence and b.words >= min_words


@rule("lines.title", stage=Stage.FINAL, order=5, context=True, preview=True, once=True)
def take_picked_title(doc: Document, config: Config) -> Iterator[tuple[Block, Decision]]:
    """Take the headline the title picker ranks best among the lines still in the body.

    A " | Site" or " - Site" part goes to ``metadata["site"]`` (" | <Section> News" to
    ``metadata["section"]``); the other candidates, when scored as chrome, are dropped, and
    so is the headline printed again above the first paragraph with a site name or a
    breadcrumb trail ("Home » Blogs » <headline>"), which the body would keep otherwise.
    Runs once, at the fixed point: looking again once the title is taken would take the
    picker's next choice, whose title the page refuses but whose lead ("json —") went to
    ``metadata["site"]``.
    Targets: How to repot a fiddle-leaf fig | The Green Fork   (title, then site)
             Dec 18 2025 How to repot a fiddle-leaf fig   (date, then title)
             Gardening › Houseplants › How to repot a fiddle-leaf fig   (section, then title)
             The Green Fork - How to repot a fiddle-leaf fig   (dropped: the headline it repeats was taken)
    Keeps:   the navigation lines above the headline, which are not titles; a line of a
             chrome phrase family ("Subscribe Sign in"); on a page that reads as clean
             text, every line but a "Title | Site" first line whose site part is a name (not
             "Ann Smith - 3 min read") and a headline that the first line
             repeats or that the page prints again before its prose (on a page too
             short for the model, every line but a "Title | Site" first line); a headline
             longer than ``max_title_words``, as meta.title does, unless it is the first line
             of a scraped page (its <title>, which a shop may fill with a product's whole
             name, up to the picker's 40 words); a first paragraph that goes
             on after a dash ("Repotting is about timing — and spring, as growers agree, is
             the time for it."), which is neither a title with its site nor one with its
             subtitle; a line with a web address ("Visit: https://example.org/app") or an
             e-mail address alone, links the picker may rank high under the headline; a
             letter alone ("A", a drop cap on a line of its own).
    """
    a = analysis_of(doc)
    if a is None or not a.titles:
        return
    keep = a.keep
    body = doc.body
    by_line = dict(zip(a.indices(body), body))
    texts = a.scores.lines.texts
    by_text: dict[str, Block] = {}  # the first body block of each text, made when first needed

    def live(pick: TitlePick) -> Block | None:
        """The pick's block as the body holds it now; when dedupe.repeated_block dropped the
        copy the picker chose (a headline printed twice in a row), the copy it kept."""
        text = texts[pick.line]
        b = by_line.get(pick.line)
        if b is not None and b.text == text:
            return b
        if not by_text:
            for o in body:
                by_text.setdefault(o.text, o)
        return by_text.get(text)

    chosen = None
    short = len(texts) < config.min_scored_lines and lines_once_restored(texts, config) < config.min_scored_lines
    if a.clean or short:
        yield from _title_of_clean_page(a, body, by_line, texts, live, short, config)
        return
    for pick in a.titles:
        b = live(pick)
        if b is None:
            continue  # gone, moved, cut or split by another rule
        if not (pick.site or pick.line == 0 or is_headline_shaped(pick.title, count_words(pick.title))
                or _repeats_title(texts[0], pick.title)):
            # a sentence ("Fish came back first. Then the birds."), not a headline; the first
            # line of a scraped page is its <title>, whatever its shape, and so is a line it repeats
            continue
        if (not (_short_enough(pick, config) or pick.line == 0) or _chrome_line(a, pick, texts)
                or _sentence_with_dash(b, pick) or _no_title(pick)):
            # too long (but the <title> line, which a shop may fill with a product's whole name), a chrome
            # phrase ("Subscribe Sign in"), part of a sentence, or an address
            continue
        if all(o is b for o in body):
            return  # nothing left under it: a title would leave an empty page
        chosen = pick
        yield from _title(b, *_lead_off(b, pick))
        break
    first = by_line.get(0)
    filed = None  # the <title> line, when its site part went to metadata
    if chosen is not None and chosen.line != 0 and first is not None and first.text == texts[0]:
        for b, d in _site_of_title_line(first, chosen):
            filed = b
            yield b, d
    if chosen is not None:
        # the header, above the first paragraph: below it, "Key Considerations – <headline>" is a subheading
        taken = live(chosen)
        for b in body:
            if b is not taken and b is not filed and _reprints_title(b.text, chosen.title):
                yield b, Drop("the headline printed again with a site name or breadcrumb trail")
            elif _prose(b):
                break
    drops = []
    for pick in a.titles:
        b = by_line.get(pick.line)
        if pick is not chosen and b is not None and not keep[pick.line] and not _prose(b):
            drops.append((b, pick.line))
    yield from _drops(a, drops, "title candidate not taken")


def _title_of_clean_page(a: LinesAnalysis, body: list[Block], by_line: dict[int, Block], texts: Sequence[str],
                         live: Callable[[TitlePick], Block | None], short: bool,
                         config: Config) -> Iterator[tuple[Block, Decision]]:
    """lines.title on a page that reads as clean text, or is too short for the line model.

    Too short: only a first line with its own site part ("Title | Site", the site part a
    name: ``_names_a_site``). Clean text: the first line when it has such a site part or is
    headline-shaped and printed again before the page's prose; or a later line that the
    first line (the page's <title>) repeats, evidence a subheading of an article never has,
    and the <title> line then goes; whichever of them the picker ranks higher. Never a whole
    line of a chrome phrase family, and never a headline by its shape alone: a headline over
    a paragraph is also what a cleaned body's deck or subheading looks like, and taking it
    would change the body each time it is cleaned again.

    Little here hangs on what the body loses, since the body cleaned again is another page:
    the first line is the first still in the body (a line a named rule took above it, "Try
    Our AI Features", is not there when the body is cleaned again), and the picker's rank
    decides only between the candidates above (a page's other lines move its ranks), and
    where to split the first line."""
    top = body[0] if body else None
    at = a.index(top) if top is not None else None
    head = top if at is not None and top.text == texts[at] else None  # the first line, whole
    first = at if head is not None else -1
    picks = a.titles
    if head is not None and all(p.line != first for p in picks):  # the picker ranks its best few lines
        picks = [*picks, _first_line_pick(first, head.text)]  # the first line may be one a rule took
    for pick in picks:
        b = live(pick)
        if b is None or not _short_enough(pick, config) or _chrome_line(a, pick, texts) or _no_title(pick):
            continue  # gone, too long, a chrome phrase ("Skip to content"), an address or a letter
        # a headline, not a label printed over every product ("Heat Output:") nor a sentence
        repeated = (head is not None and not short and pick.line > first and not ends_clause(pick.title)
                    and _repeats_title(head.text, pick.title))
        if pick.line != first or head is not b:
            if not repeated:
                continue
            if _words(head.text) == _words(pick.title) and body[0] is head:
                # the same headline twice, the first copy heading the page: that one is the
                # title, and the body keeps the other where the page prints it
                why = f"the first copy of the picked headline; {pick.reason}"
                yield from _title(head, TitlePick(first, head.text, 0, len(head.text), None, why))
                return
            yield from _title(b, pick)
            if split_site(head.text)[3]:
                yield from _site_of_title_line(head, pick)
            else:
                yield head, Drop("the headline printed again in the <title> line")
            return
        if not pick.whole(head.text):
            # "Title - Site", not a first paragraph with a dash or a colon in it ("Tending to your
            # health matters as much as ever — and meditation helps, as the study found."): that
            # would give a title again each time the body is cleaned. Title-sized rather than
            # headline-shaped: a forum's <title> may hold two sentences ("Where do I start? Help
            # needed - Configuration - Home Assistant Community")
            if (b.words <= config.max_title_words and not ends_clause(b.text) and not _sentence_with_dash(b, pick)
                    and _names_a_site(pick) and not _slash_credit(b, pick)):
                yield from _title(b, pick)
                return
        elif not short and len(body) > 1 and b.is_heading and _printed_again(b, body):
            # a headline the page prints again before its prose (the <title> line, the page's
            # header, then the page's own heading)
            yield from _title(b, pick)
            return


def _first_line_pick(line: int, text: str) -> TitlePick:
    """The first line as a title candidate, its site part split off as the picker splits a
    line it takes whole, for a page whose first line the picker did not rank: it ranked the
    lines of the page as parsed, and the first of them went."""
    c = whole_line_candidate(line, text)
    return TitlePick(c.line, c.title, c.start, c.end, c.site, "the page's first line")


def _slash_credit(b: Block, pick: TitlePick) -> bool:
    """Is the pick's site part set off by a slash ("As 2024 comes to a close, ... TODAY
    Illustration / Getty Images", "Bodies / Kits")? A photo credit or a pair of links, on a
    page that reads clean: few <title> lines use one."""
    return _separator(b, pick) == "/"


def _separator(b: Block, pick: TitlePick) -> str | None:
    """What stands between the pick and its site part in the block ("|", "-", "/"), or None
    when the pick has no site part."""
    site = pick.site.strip() if pick.site else ""
    where = b.text.find(site, pick.end) if site else -1
    return b.text[pick.end:where].strip() if where >= 0 else None


def _chrome_line(a: LinesAnalysis, pick: TitlePick, texts: Sequence[str]) -> bool:
    """Is the pick a whole line of a chrome phrase family ("Subscribe Sign in")? A phrase in
    a site part ("How to repot a fig | The Green Fork©") does not count."""
    return a.family[pick.line] is not None and pick.whole(texts[pick.line]) and not title_line(pick, texts)


def title_line(pick: TitlePick, texts: Sequence[str]) -> bool:
    """Is the pick a "Title | Site" line, lines.title's whatever phrase its site part holds
    ("Herb planters | The Green Fork©"): split there, or the first line (the page's <title>) whole?"""
    return pick.site is not None and (pick.line == 0 or not pick.whole(texts[pick.line]))


def _no_title(pick: TitlePick) -> bool:
    """Is the pick no title whatever its rank: does it hold a web address ("Visit:
    https://example.org/app", "www.example.org"), is it an e-mail address alone, has it
    fewer than two letters or digits (a drop cap, "A", printed on a line of its own), or is
    it a date or a time alone, a note in brackets aside ("11. Sep 2024, 22:05" of "Post by
    ehasis » 11. Sep 2024, 22:05", a forum post's header; "Aug 5, 2023 (Edited)")?"""
    title = pick.title.strip()
    if _ADDRESS.search(title) is not None or (len(title) < 4 and sum(map(str.isalnum, title)) < 2):
        return True
    return DIGIT.search(title) is not None and AGE_LINE.fullmatch(_NOTE_AFTER.sub("", title).rstrip()) is not None


_NOTE_AFTER = regex.compile(r"\([^()]*\)\Z")  # "(Edited)" after a date


def _names_a_site(pick: TitlePick) -> bool:
    """Does the site part of a "Title | Site" pick name a site, as a ``<title>`` line's does
    ("| The Green Fork", "- by Ann Smith")? Not when it holds a number ("- 3 min read", "| $24.99",
    "| June 2, 2025"), ends in an arrow or a bar ("| Blogs »"), or is several words all in
    lower case ("| comments | ask | show"), and not when the title part has no word ("$19.99 |
    Ships free"): such lines open cleaned bodies (a byline and its date, a price and a sale
    price), and taking them would give a new title each time a body is cleaned again."""
    site = (pick.site or "").strip()
    if not site:
        return True  # nothing split off to judge
    if _NUMBER.search(site) or site.endswith(_SITE_ENDS) or (" " in site and site.islower()):
        return False
    return _LETTERS.search(pick.title) is not None


_SITE_ENDS = ("»", "›", ">", "|", "·", "-", "\u2013", "\u2014", ":")
_LETTERS = regex.compile(r"[^\W\d_]{2}")  # a word of at least two letters
_NUMBER = regex.compile(r"(?<![^\W\d_])\d+(?![^\W\d_])")  # "3", "2025", "$1,042"; not the digit of "esk8.news"


def _short_enough(pick: TitlePick, config: Config) -> bool:
    """A title has at most ``max_title_words`` words: the bound meta.title keeps too, so that
    a body whose headline one rule left is not given a title by the other."""
    return count_words(pick.title) <= config.max_title_words


def _sentence_with_dash(b: Block, pick: TitlePick) -> bool:
    """Is the pick the start of a sentence that goes on after a dash or a colon ("Tending to
    your health matters — and meditation helps, as the study found.")? Its "site part" reads as
    the rest of the sentence (``is_subtitle``) and the whole line is not headline-shaped: no
    title, and no site name, is in it."""
    if pick.start > 0 or b.is_heading:
        return False
    sep = _separator(b, pick)
    return sep is not None and is_subtitle(pick.site.strip(), sep)


def _printed_again(b: Block, body: Sequence[Block]) -> bool:
    """Does the body print ``b``'s words again as a whole line before its first paragraph of
    prose (the ``<title>`` line, the page's header, then the page's own heading)? A heading
    that comes back after the prose starts is a subheading or a table of contents' entry."""
    words = _words(b.text)
    if len(words) < 2:
        return False
    for o in body[1:SEARCH_LINES]:
        if _prose(o):
            return False
        if _words(o.text) == words:
            return True
    return False


def _site_of_title_line(first: Block, chosen: TitlePick) -> Iterator[tuple[Block, Decision]]:
    """The ``<title>``-style first line repeats the on-page headline the picker chose: its
    site part is the site's name; the rest is the headline printed again."""
    part, start, end, site = split_site(first.text)
    if not site or count_words(part) < 2 or _words(part) != _words(chosen.title):
        return
    at = first.text.rfind(site) if end < len(first.text) else first.text.find(site)
    if at < 0:
        return
    yield first, ToMeta("site", "site name in the <title> line", span=(at, at + len(site)))
    yield first, Drop("the headline printed again in the <title> line")


def _words(text: str) -> list[str]:
    return text.casefold().split()


def _reprints_title(text: str, title: str) -> bool:
    """Is ``text`` the chosen headline printed again with a site name or a breadcrumb trail
    before or after it, set off by a bar, a dash or an arrow ("Psychiatry.org - <headline>",
    "Home » Blogs » <headline>", the <title> line of a site that puts its name first)? The
    repeat is the evidence, so a dash before it counts (``split_site`` reads no site there).
    Not a line that only holds the headline's words (a copy is dedupe's business), not a
    headline of fewer than five words, and not one set off by a colon ("15 - Tutorial:
    <headline>", a numbered heading, may be the page's own heading)."""
    if count_words(title) < REPRINT_MIN_WORDS:
        return False
    words = _words(title)
    line = " ".join(_words(text))
    head = " ".join(words)
    at = line.find(head)
    if at < 0 or line == head:
        return False
    before, after = line[:at].strip(), line[at + len(head):].strip()
    if (before and not before.endswith(_REPRINT_SEPS)) or (after and not after.startswith(_REPRINT_SEPS)):
        return False  # the headline's words inside a longer sentence or name
    return count_words(before) + count_words(after) <= REPRINT_MAX_EXTRA_WORDS


REPRINT_MIN_WORDS = 5  # a short headline ("Faux leather jacket - black") is part of other products' names
REPRINT_MAX_EXTRA_WORDS = 8  # a site name and a section, or a trail of a few steps
_REPRINT_SEPS = ("|", "-", "\u2013", "\u2014", "»", "›", ">", "·", "•")


def _repeats_title(first_line: str, title: str) -> bool:
    """Is ``title`` the first line (a ``<title>``), or its part without the site name? The site
    part may also be one after it that ``split_site`` does not read, since the repeat is the
    evidence: "<title> (Erik Demaine)", "<title> • Site", "<title> [LWN.net]". Not a part before it:
    in "Tax 101: Understanding the basics" or "<Book> - <Chapter>" either side may be what the
    page prints again."""
    words = _words(title)
    if len(words) < 2:
        return False
    if words in (_words(first_line), _words(split_site(first_line)[0])):
        return True
    raw, n = first_line.split(), len(words)
    if len(raw) <= n or _words(" ".join(raw[:n])) != words:
        return False
    return _SITE_AFTER.fullmatch(" ".join(raw[n:])) is not None


# what the first line may add to a headline it repeats, after a separator or in brackets: a short name,
# its words capitalised or a domain ("Erik Demaine", "LWN.net"); not a separator alone ("Pierce
# Freeman //"), nor a qualifier of the title ("(Infographic)", "[Video]", "(2026 Ranking + Guide)",
# "- a guide"): in brackets, two names at least or a domain
_NAME_WORD = r"(?:\p{Lu}[\p{L}\p{M}'’&.-]*|[\p{L}\d-]+\.[\p{L}]{2,}(?:\.[\p{L}]{2,})?)"
_SITE_AFTER = regex.compile(
    rf"[|•·»/:–—-]\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}"
    rf"|[(\[]{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,5}}[)\]]"
    rf"|[(\[][\p{{L}}\d-]+\.[\p{{L}}]{{2,}}[)\]]"
)


def _lead_off(b: Block, pick: TitlePick) -> tuple[TitlePick, _Lead | None]:
    """The pick without what a scraper printed before the headline on its line: a date
    ("Dec 18 2025 How to repot a fiddle-leaf fig") or a breadcrumb trail ("Gardening ›
    Houseplants › How to repot a fiddle-leaf fig"), each filed as metadata (the
    date, the trail's last step as the section). The pick itself when there is neither, or
    when the rest would not be a headline."""
    if pick.start > 0 or not pick.whole(b.text):
        return pick, None
    text = b.text
    m = _LEADING_DATE.match(text)
    if m is not None:
        at, lead = m.end(), ("date", "date before the headline", m.span(1))
    else:
        crumbs = list(_CRUMB.finditer(text))
        if len(crumbs) < 2:
            return pick, None
        last = crumbs[-1]
        at, lead = last.end(), ("section", "breadcrumb trail before the headline", (crumbs[-2].end(), last.start()))
    rest = text[at:]
    if not is_headline_shaped(rest, count_words(rest)):
        return pick, None
    return TitlePick(pick.line, rest, at, len(text), None, f"{pick.reason}; {lead[1]} filed apart"), lead


# what may stand before a headline on its line: a date, then the headline ("Dec 18 2025 ..."); the
# steps of a breadcrumb trail, each set off by an arrow ("Gardening › Houseplants › ...")
_LEADING_DATE = regex.compile(rf"({DATE})\s+(?=\S)", regex.I)
_CRUMB = regex.compile(r"\s+[›>»]\s+")
_Lead = tuple[str, str, tuple[int, int]]  # metadata key, reason, span of the value


def _title(b: Block, pick: TitlePick, lead: _Lead | None = None) -> Iterator[tuple[Block, Decision]]:
    text = b.text
    start, end = pick.start, pick.end
    site = pick.site.strip() if pick.site else None
    reason = f"headline ({pick.reason})"
    if start > 0:
        if lead is not None:
            key, why, value = lead
        else:
            before = text.find(site, 0, start) if site else -1
            key, why = "site", "site name before the headline"
            value = (before, before + len(site)) if before >= 0 and site else None
        yield b, ToMeta(key, why, span=(0, start), value=value)
        yield b, ToTitle(reason, end=None if end >= len(text) else end - start)
        return
    meta: tuple[tuple[str, int, int], ...] = ()
    where = text.find(site, end) if site else -1
    if where >= 0 and site and where + len(site) == len(text.rstrip()) and is_subtitle(site, text[end:where].strip()):
        # "Zero Waste - A Beginner's Guide": the part after the dash is the title's own end
        yield b, ToTitle(f"{reason}; with its subtitle", end=None)
        return
    if where >= 0 and site:
        m = SECTION_SUFFIX.fullmatch(text, where, where + len(site))
        meta = (("section", m.start("v"), m.end("v")),) if m else (("site", where, where + len(site)),)
    yield b, ToTitle(reason, end=None if end >= len(text) else end, meta=meta)
