"""Hypothesis strategies for cleanpage: article text, chrome, sidebar sections, whole
pages with their ground truth, arbitrary input, and ``Config``.

The page generator builds what a scraper hands us (``GeneratedPage.text``) and keeps,
beside it, what a human would call the article: its title, its paragraphs, the
credit and source lines, and the related cards. ``test_generated_pages.py`` checks
``clean()`` against that ground truth; ``test_properties.py`` checks the invariants of
STYLE.md "What every change keeps true" over these pages and over arbitrary input.

Vocabulary is chosen so that an article never *is* chrome to a human reader either:
no sentence opens with a word that a rule legitimately reads as chrome or metadata
("Advertisement", "By", "Source:", an agency name before a capitalised word, ...),
no ellipses or "Read more" markers, no "more to follow" notes. Words that merely
*mention* chrome (share, comments, app, newsletter, advertisement) do appear inside
sentences, because an article may talk about them.
"""

from __future__ import annotations

import functools
import html
import random
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

import regex
from hypothesis import strategies as st

import cleanpage
from cleanpage import Config

_WORD = regex.compile(r"\w+")

# --- vocabulary -------------------------------------------------------------------------------------

NAMES = [
    "Sergei Shoigu", "Kim Jong Un", "Ursula von der Leyen", "Maria Lopez", "Amina Yusuf", "Keir Starmer",
    "Yulia Svyrydenko", "Peter Navarro", "Chen Wei", "José Álvarez", "Zoë Müller", "Łukasz Nowak",
    "Nguyễn Văn An", "Seán O’Neill", "Priya Raman", "Mr. Bessent", "Dr. Hassan Abdel-Ghani",
    "Barbara Woodward", "Olena Kovalenko", "Ahmed Al Mansoori",
]
PLACES = [
    "Kyiv", "Pyongyang", "Brussels", "São Paulo", "the Kursk region", "Washington", "Tokyo", "Dubai",
    "the Middle East", "The Hague", "Geneva", "Reykjavík", "the Gulf", "East Asia",
]
ORGS = [
    "the European Commission", "NATO", "the U.N. Security Council", "the Defence Ministry", "the central bank",
    "the OPCW", "Tass", "the White House", "the Foreign Office", "the IAEA", "parliament",
]
# agencies mentioned inside a sentence ("told Reuters"); a credit only ever ends a block
AGENCY_MENTIONS = ["told Reuters", "according to the Associated Press", "AFP reported", "in a statement to Reuters"]
NOUNS = [
    "troops", "workers", "deminers", "talks", "tariffs", "prices", "markets", "officials", "ministers", "sanctions",
    "weapons", "missiles", "deal", "deals", "economy", "budget", "plan", "region", "border", "report", "survey",
    "election", "court", "ceasefire", "investigation", "agency", "statement", "programme", "families", "residents",
    "children", "hospital", "museum", "festival", "share", "shares", "comments", "app", "newsletter", "advertisement",
    "readers", "platform", "reporters", "interview", "letters", "visit", "meeting", "partners", "allies",
]
VERBS = [
    "said", "announced", "warned", "confirmed", "denied", "rejected", "approved", "signed", "proposed", "reported",
    "told", "expects", "plans", "agreed", "urged", "described", "discussed", "praised", "criticised", "welcomed",
    "sent", "raised", "cut", "opened", "closed", "asked",
]
ADJECTIVES = [
    "new", "former", "senior", "military", "economic", "urgent", "popular", "related", "sharp", "regional",
    "national", "foreign", "direct", "annual", "public", "private", "fragile", "sweeping", "modest", "key",
]
FUNCTION = [
    "the", "a", "of", "in", "on", "to", "and", "with", "for", "as", "after", "before", "while", "that", "its",
    "their", "from", "by", "at", "about", "than", "more", "most", "some", "every", "would", "could", "has", "had",
    "was", "were", "is", "not", "also", "still", "only",
]
NUMBERS = [
    "3.5", "1,000", "15,000", "600", "25%", "$71.20", "2025", "12", "4.2 percent", "100 per cent", "1.5 million",
    "July 7", "48 hours", "90 days", "2,500", "0.25", "10 a.m. local time",
]
POSSESSIVES = ["Russia's", "Ukraine's", "Kyiv’s", "Moscow's", "the company's", "Europe's", "Japan’s"]
MARKS = ["—", "(OPCW)", "(WPS)", "U.S.", "U.K.", "E.U."]
# capitalised words a sentence or headline opens with (names and places do too)
OPENERS = [
    "Officials", "Analysts", "The", "A", "Prices", "Ministers", "Residents", "Investors", "Protesters", "Lawmakers",
    "Another", "Earlier", "Meanwhile", "In", "During", "According", "Last", "Under", "U.S.", "Both", "Its",
    "Shares", "Comments", "Most", "Several", "Police", "Doctors", "Farmers",
]
WORD_POOL = NOUNS * 2 + VERBS * 2 + ADJECTIVES + FUNCTION * 3 + POSSESSIVES

# --- chrome and sidebar vocabulary ------------------------------------------------------------------

BRANDS = ["Daily8", "NewsNow", "Gulf Today", "The Herald", "Metro 24", "Pulse", "Khaleej Times", "Brief.ly",
          "El Diario", "Nordic Wire", "Süddeutsche", "MEE"]
SOCIAL = ["Facebook", "Twitter", "WhatsApp", "Email", "LinkedIn", "Telegram", "Reddit", "Print", "Copy link"]
SECTION_NAMES = ["Russia-Ukraine war", "Middle East", "Business", "World", "Science & Tech", "Asia Pacific",
                 "Sport", "Climate", "US Election 2024"]
CARD_SOURCES = ["Dubai Eye", "Al Etihad", "South China Morning Post", "Middle East Eye", "The Straits Times",
                "Gulf News Online", "Kyiv Independent", "Le Monde Diplomatique", "Reuters", "Radio Free Asia",
                "The Korea Herald", "Nikkei Asia"]
CARD_AGES = ["10 hours ago", "a day ago", "3 days ago", "2 hours ago", "18 hours ago", "an hour ago",
             "5 minutes ago", "Yesterday", "2 weeks ago", "about 3 hours ago"]
CARD_LABELS = ["Editor's choice", "Editor’s picks", "Featured", "Exclusive", "Trending", "Top story", "Staff pick",
               "Premium"]
CARD_CATEGORIES = ["News", "World", "Business", "Opinion", "Analysis", "Politics", "Sport", "Culture", "Middle East",
                   "Europe", "Science"]
WIRE_CREDITS = ["Associated Press", "Reuters", "AFP", "Agencies", "The Associated Press", "Staff and agencies"]
# a credit glued after the last sentence ("... she said. Agencies", corpus 001). Not Reuters/AFP/AP:
# after a sentence those also end a photo caption (corpus 001 "... early on Monday. AP"), and a
# reader cannot tell the two apart either.
GLUED_CREDITS = ["Agencies", "Associated Press", "Staff and agencies"]
DOMAINS = ["commonspace.eu", "gulfnews.com", "dailysabah.com", "kyivindependent.com", "example.org", "nknews.org"]
SOURCE_AGENCIES = ["TASS", "RIA Novosti", "agencies", "Reuters", "AFP", "Anadolu", "Yonhap"]


@functools.cache
def _ints(lo: int, hi: int) -> st.SearchStrategy[int]:
    return st.integers(lo, hi)


@functools.cache
def _lists(strategy: st.SearchStrategy[Any], lo: int, hi: int) -> st.SearchStrategy[list[Any]]:
    return st.lists(strategy, min_size=lo, max_size=hi)


@functools.cache
def _one(*choices: Any) -> st.SearchStrategy[Any]:
    return st.sampled_from(choices)


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def _cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


# --- article text -----------------------------------------------------------------------------------

openers = st.sampled_from(OPENERS + NAMES + [_cap(p) for p in PLACES])


# one draw per token: plain words first (hypothesis shrinks towards them), then names, places,
# numbers, abbreviations, and words carrying a comma, semicolon or colon
TOKENS = (
    WORD_POOL * 2 + NAMES + PLACES + ORGS + AGENCY_MENTIONS + NUMBERS * 2 + MARKS
    + [w + "," for w in NOUNS + NAMES + PLACES + NUMBERS[:6]]
    + [w + ";" for w in NOUNS[:12]] + [w + ":" for w in VERBS[:6] + NOUNS[:6]]
)


def _tokens(seed: int, min_tokens: int, max_tokens: int) -> list[str]:
    if seed == 0:  # where hypothesis shrinks to: the shortest, plainest phrase
        return TOKENS[:min_tokens]
    rnd = random.Random(seed)
    return [rnd.choice(TOKENS) for _ in range(rnd.randint(min_tokens, max_tokens))]


@functools.cache
def _phrase(min_tokens: int, max_tokens: int) -> st.SearchStrategy[list[str]]:
    """Tokens for the inside of a sentence: words, names, places, numbers, abbreviations, commas.

    One draw per phrase (a seed), not one per word: pages have hundreds of sentences and
    the tests must stay fast. The shape of a sentence (opener, quotes, end mark) is drawn
    directly, so hypothesis still shrinks the parts that steer the rules.
    """
    return st.integers(0, 2**32 - 1).map(lambda seed: _tokens(seed, min_tokens, max_tokens))


def _close(tokens: list[str]) -> list[str]:
    """A clause never ends on an abbreviation, a dash or punctuation: a terminal mark follows it."""
    tokens = list(tokens)
    while tokens and (tokens[-1] in MARKS or tokens[-1].endswith((".", "—"))):
        tokens.pop()
    if tokens:
        tokens[-1] = tokens[-1].rstrip(",;:")
    return tokens or ["officials"]


@functools.cache
@st.composite
def sentences(draw: Any) -> str:
    """One sentence: capitalised start, words, numbers, names, maybe a quote; ends in . ! or ?"""
    end = draw(_one(*".......!?"))
    form = draw(_one(*"ppppqQs"))
    opener = draw(openers)
    body = " ".join(_close(draw(_phrase(3, 16))))
    if form == "q":  # ... said "the plan works."
        quote = " ".join(_close(draw(_phrase(2, 8))))
        mark, closing = draw(_one(('"', '"'), ("“", "”")))
        return f"{opener} {body} {draw(_one(*VERBS))} {mark}{quote}{end}{closing}"
    if form == "Q":  # 'Following the talks, we agreed,' Shoigu said.
        quote = " ".join(_close(draw(_phrase(2, 10))))
        mark, closing = draw(_one(("'", "'"), ("‘", "’"), ('"', '"')))
        return f"{mark}{opener} {quote},{closing} {draw(_one(*NAMES))} said{end}"
    if form == "s":  # ... would 'unconditionally support' Russia ...
        quote = " ".join(_close(draw(_phrase(1, 4))))
        rest = " ".join(_close(draw(_phrase(2, 8))))
        return f"{opener} {body} '{quote}' {rest}{end}"
    return f"{opener} {body}{end}"


@functools.cache
@st.composite
def paragraphs(draw: Any, min_sentences: int = 1, max_sentences: int = 8) -> str:
    """An article paragraph: 1-8 sentences, so it ends like a sentence."""
    return " ".join(draw(_lists(sentences(), min_sentences, max_sentences)))


@functools.cache
@st.composite
def headlines(draw: Any, min_words: int = 4, max_words: int = 14) -> str:
    """Headline-shaped: 4-14 words (\\w+ tokens), capitalised start, no final period; maybe a ':' or a final '?'."""
    opener = draw(openers)
    count = count_words(opener)
    tokens: list[str] = []
    for tok in draw(_phrase(1, max_words)):
        if count + count_words(tok) > max_words:
            break
        tokens.append(tok)
        count += count_words(tok)
    tokens = _close(tokens) if tokens else []
    while count_words(" ".join([opener, *tokens])) < min_words:
        tokens.append(draw(_one(*NOUNS)))
    words = [opener, *tokens]
    if len(words) > 2 and draw(_ints(0, 5)) == 0:  # "Lavrov in Pyongyang: Russia's urgent bid ..."
        k = draw(_ints(0, len(words) - 2))
        if words[k][-1].isalnum():
            words[k] += ":"
    text = " ".join(words)
    if draw(_ints(0, 5)) == 0:
        text += "?"
    return text


# --- chrome ----------------------------------------------------------------------------------------

brands = st.sampled_from(BRANDS)


def _branded(template: str) -> st.SearchStrategy[str]:
    return brands.map(lambda b: template.format(brand=b))


#: one strategy per family of chrome the rules handle, with varied brands and wording
CHROME_FAMILIES: dict[str, st.SearchStrategy[str]] = {
    "promo.ai_features": st.one_of(
        st.sampled_from(["Try Our AI Features", "Try our new AI features!", "Discover what AI can do for you"]),
        _branded("Explore what {brand} AI can do for you:"), _branded("Try the new {brand} AI assistant"),
        _branded("Ask {brand} AI anything"), _branded("Summarise this article with {brand} AI"),
    ),
    "promo.app_download": st.one_of(
        st.sampled_from(["Download our app", "Get the app", "Download our app now!", "Get it on Google Play",
                         "Available on the App Store and Google Play", "Read it in our app"]),
        _branded("Download the free {brand} app"), _branded("Get the {brand} app on Google Play"),
        _branded("Install the {brand} app today"),
    ),
    "promo.newsletter_line": st.one_of(
        st.sampled_from(["Subscribe to our newsletter", "Subscribe now", "Get our free daily newsletter",
                         "Newsletter sign-up", "Sign up for our newsletter to get the latest news in your inbox."]),
        _branded("Sign up for the {brand} Morning Briefing newsletter"),
        _branded("Subscribe to the {brand} newsletter"),
    ),
    "tags.label": st.sampled_from(["Hashtags", "Tags", "Tags:", "Topics", "Filed under"]),
    "share.widget_label": st.one_of(
        st.sampled_from(["Share", "Share this article", "Share:", "Print this article", "Copy link", "Save",
                         "Follow us on Google News", "Share on Facebook", "Tweet"]),
        st.lists(st.sampled_from(SOCIAL), min_size=2, max_size=5, unique=True).map(" ".join),
    ),
    "comments.label": st.sampled_from(["Comments", "0 Comments", "Comments (12)", "View comments", "3 Responses",
                                       "Join the conversation", "Show comments"]),
    "comments.empty_notice": st.sampled_from(["No comments yet...", "Be the first to comment",
                                              "There are no comments yet.", "Be the first to comment!",
                                              "No comments so far.", "Comments are closed."]),
    "comments.form": st.sampled_from([
        "Leave a Comment", "Leave a Reply", "Post a comment", "Add your comment",
        "Your email address will not be published. Required fields are marked *",
        "Your email address will not be published.", "Required fields are marked *", "Name *", "Email *",
        "Save my name, email, and website in this browser for the next time I comment.", "Cancel reply",
        "Post Comment",
    ]),
    "ads.marker_line": st.sampled_from(["Advertisement", "ADVERTISEMENT", "Story continues below advertisement",
                                        "Advert", "Advertisement - Scroll to continue", "Sponsored content"]),
}
#: any one line of chrome
chrome_lines: st.SearchStrategy[str] = st.one_of(*CHROME_FAMILIES.values())
#: the markers a scraper fuses between two sentences ("... within 50 days. Advertisement Speaking ...")
inline_ad_markers = st.sampled_from(["Advertisement", "ADVERTISEMENT"])

# --- sidebar sections -------------------------------------------------------------------------------

section_headings: st.SearchStrategy[str] = st.one_of(
    st.sampled_from(["Related Articles", "Related articles", "Most read", "You may also like",
                     "Recommended for you", "Related stories", "Most popular", "Don't miss", "Top stories",
                     "Latest news", "Read more", "Popular", "More stories", "Trending now", "Read next",
                     "You might also like", "Most viewed", "Related"]),
    _branded("More from {brand}"),
    _branded("Also on {brand}"),
)


@dataclass(frozen=True)
class CardSpec:
    """One related card as printed, and the sidebar item it must become."""

    layout: str  # "source": source / age / - source / headline / summary
    #              "label":  label / category / headline / headline again / summary
    title: str
    summary: str  # as it must come out
    printed_summary: str  # as printed: may carry an inline "Advertisement" marker (corpus 004)
    source: str | None = None
    age: str | None = None
    label: str | None = None
    category: str | None = None

    def lines(self) -> list[str]:
        if self.layout == "source":
            return [self.source or "", self.age or "", f"- {self.source}", self.title, self.printed_summary]
        return [self.label or "", self.category or "", self.title, self.title, self.printed_summary]

    def expected(self, sections: Sequence[str]) -> dict[str, Any]:
        """The item as ``{k: v for k, v in item.to_dict().items() if v}`` must show it."""
        item: dict[str, Any] = {"section": sections[0], "title": self.title, "summary": self.summary,
                                "sections": list(sections)}
        for key in ("source", "age", "label", "category"):
            if getattr(self, key):
                item[key] = getattr(self, key)
        return item


@dataclass(frozen=True)
class SectionSpec:
    heading: str  # as printed
    name: str  # the section name its items must carry
    cards: tuple[CardSpec, ...]


@functools.cache
@st.composite
def summaries(draw: Any) -> tuple[str, str]:
    """A card summary of 2-6 sentences, and how it is printed (sometimes with an inline ad marker)."""
    parts = draw(_lists(sentences(), 2, 6))
    summary = " ".join(parts)
    if draw(_ints(0, 4)) == 0:
        at = draw(_ints(1, len(parts)))
        return summary, " ".join([*parts[:at], draw(inline_ad_markers), *parts[at:]])
    return summary, summary


@functools.cache
@st.composite
def cards(draw: Any, layout: str | None = None) -> CardSpec:
    """A related card in one of the two layouts of the seed pages."""
    layout = layout or draw(_one("source", "label"))
    title = draw(headlines(4, 14))
    summary, printed = draw(summaries())
    if layout == "source":
        return CardSpec("source", title, summary, printed, source=draw(_one(*CARD_SOURCES)),
                        age=draw(_one(*CARD_AGES)))
    return CardSpec("label", title, summary, printed, label=draw(_one(*CARD_LABELS)),
                    category=draw(_one(*CARD_CATEGORIES)))


@functools.cache
@st.composite
def sections(draw: Any, max_cards: int = 6) -> SectionSpec:
    """A related-links heading followed by 1-6 cards in one layout."""
    heading = draw(section_headings)
    name = heading
    if draw(_ints(0, 5)) == 0:
        heading += ":"  # "Related Articles:" is still the section "Related Articles"
    layout = draw(_one("source", "label"))
    n = draw(_ints(1, max_cards))
    return SectionSpec(heading, name, tuple(draw(cards(layout)) for _ in range(n)))


# --- Config --------------------------------------------------------------------------------------------

RULE_NAMES = sorted(cleanpage.list_rules())
FAMILIES = sorted({n.split(".", 1)[0] for n in RULE_NAMES})


# useful ranges of the thresholds; a threshold added later is varied over 1..40
THRESHOLDS = {
    "max_title_words": (1, 40), "max_card_meta_words": (1, 10), "max_headline_words": (1, 40),
    "min_summary_words": (1, 20), "max_teaser_words": (1, 40), "max_caption_words": (1, 60),
    "dedupe_min_words": (1, 10), "dedupe_min_prose_words": (1, 40), "max_passes": (20, 60),
    # long lines are cut into blocks of 1,000 characters or more (max_bytes, not an int
    # field, stays at its default: a truncated page is not idempotent under the same limit)
    "max_block_chars": (1000, 40_000),
    "min_scored_lines": (10, 60),
    # hard_wrap_min_width may not exceed hard_wrap_max_width
    "hard_wrap_min_width": (20, 80), "hard_wrap_max_width": (81, 200), "hard_wrap_min_lines": (1, 10),
}


# phrase families a user may add: one that matches a chrome line, one that backtracks on a long
# word (it runs with a timeout, after which the page is matched by the shipped patterns)
USER_PHRASES = (
    (),
    (cleanpage.PhraseFamily("paywall", lines=(r"members only.*", r"subscribe to (?:read|continue)")),),
    (cleanpage.PhraseFamily("backtracks", lines=(r"(?:\w|\w\w)+;",)),),
)


@st.composite
def configs(draw: Any) -> Config:
    """Any sane Config: random rules and families switched off, thresholds in useful ranges,
    now and then a phrase family of the user's.

    ``max_passes`` stays at 20 or more: with fewer, the loop may stop before its fixed point
    by design, and ``clean(body) == body`` is not promised. ``input_format`` is "auto" or
    "text" (forcing "html" on a clean body would decode entities a second time).
    """
    kwargs: dict[str, Any] = {}
    for f in fields(Config):
        if f.type == "int":
            kwargs[f.name] = draw(_ints(*THRESHOLDS.get(f.name, (1, 40))))
    return Config(
        disabled=draw(st.frozensets(st.sampled_from(RULE_NAMES + FAMILIES), max_size=8)),
        preview=draw(st.booleans()),
        input_format=draw(st.sampled_from(["auto", "auto", "text"])),
        max_cut_ratio=draw(st.floats(0.05, 1.0)),
        chrome_phrases=draw(st.sampled_from(USER_PHRASES)),
        **kwargs,
    )


_STATEMENT_END = regex.compile(r"[!?]([\"'\u201d\u2019]?)\Z")
FALLBACK_PARAGRAPH = "Officials said on Monday that the talks would resume in Geneva next week."
_AGENCY_LISTS = st.lists(st.sampled_from(SOURCE_AGENCIES), max_size=3, unique=True)


# --- whole pages ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GeneratedPage:
    """A scraped page (``text``) and its ground truth."""

    text: str
    title: str  # without its " | X News" suffix
    section: str | None  # the X of that suffix
    paragraphs: tuple[str, ...]
    credit: str | None
    source: str | None
    sections: tuple[SectionSpec, ...]
    chrome: tuple[str, ...] = field(default=())

    @property
    def metadata(self) -> dict[str, str]:
        out = {}
        if self.credit:
            out["credit"] = self.credit
        if self.source:
            out["source"] = self.source
        if self.section:
            out["section"] = self.section
        return out

    @property
    def sidebar(self) -> list[dict[str, Any]]:
        """Expected items: one per distinct card, first-seen order, with every heading it was under."""
        order: list[CardSpec] = []
        under: dict[CardSpec, list[str]] = {}
        for sec in self.sections:
            for card in sec.cards:
                if card not in under:
                    order.append(card)
                    under[card] = []
                if sec.name not in under[card]:
                    under[card].append(sec.name)
        return [card.expected(under[card]) for card in order]


def _layout(blocks: list[list[str]], newline: str, seed: int) -> str:
    """Print the blocks: blank or whitespace-only lines between them, stray indentation.

    Seed 0 (where hypothesis shrinks to) prints one block per line, nothing else.
    """
    rnd = random.Random(seed)
    pad = seed != 0 and rnd.random() < 0.5
    out: list[str] = [""] * (rnd.randint(0, 2) if seed else 0)
    for block in blocks:
        for line in block:
            if pad and rnd.random() < 0.25:
                line = rnd.choice([" ", "\t", "  ", "\u00a0"]) + line + rnd.choice(["", " ", "\t"])
            out.append(line)
        if seed:
            out += rnd.choice([(), (), ("",), ("",), ("", ""), ("   ",), ("\t", "")])
    return newline.join(out) + (rnd.choice(["", newline]) if seed else "")


def make_page(title: str, paragraphs: Sequence[str], sections: Sequence[SectionSpec] = (), *,
              section: str | None = None, credit: str | None = None, source: str | None = None) -> GeneratedPage:
    """A page built by hand the way ``pages()`` builds one (one line per block, no chrome):
    for pinning down an example hypothesis found."""
    lines = [f"{title} | {section} News" if section else title, *paragraphs]
    lines += [credit] if credit else []
    lines += [f"Source: {source}"] if source else []
    for sec in sections:
        lines.append(sec.heading)
        for card in sec.cards:
            lines += card.lines()
    return GeneratedPage(text="\n".join(lines) + "\n", title=title, section=section, paragraphs=tuple(paragraphs),
                         credit=credit, source=source, sections=tuple(sections))


def source_card(source: str, age: str, title: str, summary: str, printed_summary: str | None = None) -> CardSpec:
    return CardSpec("source", title, summary, printed_summary or summary, source=source, age=age)


def label_card(label: str, category: str, title: str, summary: str) -> CardSpec:
    return CardSpec("label", title, summary, summary, label=label, category=category)


@functools.cache
@st.composite
def pages(draw: Any, *, chrome: bool = True, sidebar: bool = True, max_paragraphs: int = 8) -> GeneratedPage:
    """A page-like document and its ground truth.

    Top to bottom (all optional but the title and the paragraphs)::

        [chrome] title[ | X News] [chrome] paragraph [chrome] paragraph ... [credit] [Source: ...]
        [chrome ...] heading / cards ... [chrome] heading / cards ... [chrome]

    with random blank (or whitespace-only) lines between blocks, stray indentation, and
    \\n, \\r\\n or \\r line ends. Sections follow the article: a card summary followed by
    more article prose is genuinely ambiguous (where does the summary end?), so the
    generator never writes that. A later section may list an earlier card again
    (corpus 003); it must come out as one item with both headings.
    """
    used: set[str] = set()  # every paragraph, title and summary is distinct (repeats are dedupe's business)
    title = draw(headlines(4, 14))
    used.add(_norm(title))
    section = draw(_one(None, *SECTION_NAMES))
    title_line = f"{title} | {section} News" if section else title

    paras: list[str] = []
    printed: list[str] = []
    for _ in range(draw(_ints(1, max_paragraphs))):
        parts = draw(_lists(sentences(), 1, 8))
        if not paras and len(parts) == 1:
            # A lone question or exclamation right under the headline may itself be a
            # headline or a standfirst: a reader cannot tell, so the first paragraph is
            # never one. (Longer paragraphs ending in ? or ! are prose and do occur.)
            parts = [_STATEMENT_END.sub(r".\1", parts[0])]
        para = " ".join(parts)
        if _norm(para) in used:
            continue
        used.add(_norm(para))
        paras.append(para)
        if chrome and len(parts) > 1 and draw(_ints(0, 6)) == 0:
            at = draw(_ints(1, len(parts)))  # corpus 004: "... 50 days. Advertisement Speaking ..."
            printed.append(" ".join([*parts[:at], draw(inline_ad_markers), *parts[at:]]))
        else:
            printed.append(para)

    if not paras:  # every drawn paragraph repeated the title or another one
        paras.append(FALLBACK_PARAGRAPH)
        printed.append(FALLBACK_PARAGRAPH)
        used.add(_norm(FALLBACK_PARAGRAPH))

    credit = source = None
    credit_line = source_line = None
    if draw(st.booleans()):
        if draw(st.booleans()):
            credit = draw(_one(*GLUED_CREDITS))
            printed[-1] = f"{printed[-1]} {credit}"
        else:
            credit = credit_line = draw(_one(*WIRE_CREDITS))
    if draw(_ints(0, 2)) == 0:
        domain = draw(_one(*DOMAINS))
        agencies = draw(_AGENCY_LISTS)
        if not agencies:
            source = domain
        elif len(agencies) == 1:
            source = f"{domain} with {agencies[0]}"
        else:
            source = f"{domain} with {', '.join(agencies[:-1])} and {agencies[-1]}"
        source_line = f"Source: {source}"

    chrome_seen: list[str] = []

    def some_chrome(max_size: int) -> list[list[str]]:
        if not chrome:
            return []
        lines = draw(_lists(chrome_lines, 0, max_size))
        chrome_seen.extend(lines)
        return [[line] for line in lines]

    blocks: list[list[str]] = [*some_chrome(1), [title_line]]
    for i, para in enumerate(printed):
        blocks += some_chrome(2 if i == 0 else 1)
        blocks.append([para])
    if credit_line:
        blocks.append([credit_line])
    if source_line:
        blocks.append([source_line])
    blocks += some_chrome(6)

    specs: list[SectionSpec] = []
    if sidebar:
        listed: list[CardSpec] = []
        for _ in range(draw(_ints(0, 3))):
            sec = draw(sections())
            kept: list[CardSpec] = []
            for card in sec.cards:
                if _norm(card.title) in used or _norm(card.summary) in used:
                    continue
                used.update((_norm(card.title), _norm(card.summary)))
                kept.append(card)
            if listed and draw(_ints(0, 2)) == 0:  # corpus 003: one card under two headings
                again = listed[draw(_ints(0, len(listed) - 1))]
                if again not in kept:
                    kept.insert(draw(_ints(0, len(kept))), again)
            if not kept:
                continue
            sec = SectionSpec(sec.heading, sec.name, tuple(kept))
            specs.append(sec)
            listed += [c for c in kept if c not in listed]
            blocks.append([sec.heading])
            blocks += [card.lines() for card in sec.cards]
            blocks += some_chrome(2)

    text = _layout(blocks, draw(_one("\n", "\n", "\n", "\r\n", "\r")), draw(st.integers(0, 2**32 - 1)))
    return GeneratedPage(text=text, title=title, section=section, paragraphs=tuple(paras), credit=credit,
                         source=source, sections=tuple(specs), chrome=tuple(chrome_seen))


# --- arbitrary input ---------------------------------------------------------------------------------

#: every code point: lone surrogates and control characters included
any_char = st.characters(exclude_categories=())
any_text = st.text(any_char)
separators = st.sampled_from(["\n", "\r\n", "\r", "\n\n", "\n\r", " ", "", "\t", "\x00", "\x0b", "\x0c", "\x1c",
                              "\x85", "\u2028", "\u2029", "\ufeff", "\ud800", "\udfff", "\u200b", "\xa0"])


def long_lines(max_repeat: int = 3000, max_chars: int = 30_000) -> st.SearchStrategy[str]:
    """A very long line: a short piece repeated (cheap to generate, many thousands of characters)."""
    piece = st.one_of(st.text(any_char, min_size=1, max_size=12), sentences(), chrome_lines)
    return st.builds(lambda p, n: (p * n)[:max_chars], piece, _ints(50, max_repeat))


#: text that is partly page and partly noise: prose, chrome, headings, card lines and
#: garbage, glued by every kind of line break, control character and stray markup
messy_text: st.SearchStrategy[str] = st.lists(
    st.one_of(any_text, sentences(), headlines(), chrome_lines, section_headings, st.sampled_from(CARD_AGES),
              st.sampled_from(CARD_SOURCES).map(lambda s: f"- {s}"), st.sampled_from(WIRE_CREDITS),
              separators, st.sampled_from(["<p>", "</p>", "<div>", "&amp;", "<br>", "\u201c", "\u2019", " | ", "."])),
    max_size=40,
).map("".join)

#: any str cleanpage may be handed
def hard_wrap(text: str, width: int) -> str:
    """``text`` with every line broken at ``width`` characters, as mail and plain-text dumps are."""
    return "\n".join("\n".join(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False)) or line
                     for line in text.split("\n"))


texts: st.SearchStrategy[str] = st.one_of(
    any_text,
    messy_text,
    pages().map(lambda p: p.text),
    st.builds(hard_wrap, pages().map(lambda p: p.text), _ints(60, 90)),
    st.lists(st.one_of(messy_text, long_lines()), max_size=3).map("\n".join),
)


def to_html(page: GeneratedPage) -> str:
    """The page as a scraper might have fetched it: one <p> per non-blank line."""
    lines = [line.strip() for line in page.text.splitlines() if line.strip()]
    return "<!doctype html><html><body>" + "".join(f"<p>{html.escape(line)}</p>" for line in lines) + "</body></html>"


#: HTML versions of generated pages
html_pages: st.SearchStrategy[str] = pages(max_paragraphs=4).map(to_html)

#: any bytes: raw bytes, and pages and noise in the encodings scraped pages come in
byte_inputs: st.SearchStrategy[bytes] = st.one_of(
    st.binary(max_size=2000),
    st.builds(lambda t, enc: t.encode(enc, "surrogatepass" if enc.startswith("utf") else "replace"),
              st.one_of(pages().map(lambda p: p.text), messy_text),
              st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])),
    st.builds(lambda junk, p: junk + p.text.encode("utf-8"), st.binary(max_size=50), pages()),
)


# --- hostile input -----------------------------------------------------------------------------------
# HTML and bytes that break parsers: deep nesting, unclosed tags, huge attributes, scripts and
# styles holding markup, entities (named, numeric, invalid, declared in a doctype), comments that
# never close, and bytes that mix encodings or lie about theirs.

_TAGS = ["div", "p", "span", "b", "i", "a", "li", "ul", "table", "td", "tr", "section", "article", "h2", "font",
         "blockquote", "pre", "br", "img", "hr", "noscript", "template", "svg", "iframe", "select", "option"]
_ENTITIES = ["&amp;", "&lt;", "&gt;", "&nbsp;", "&quot;", "&#39;", "&#x2019;", "&#0;", "&#xD800;", "&#x110000;",
             "&#99999999999;", "&bogus;", "&", "&#", "&#x;", "&lol9;", "&amp", "&eacute;", "&#128512;"]
_ATTR_VALUES = st.one_of(st.text(any_char, max_size=20), st.builds(lambda c, n: c * n, st.sampled_from("x\"'<> "),
                                                                   st.integers(1000, 50_000)))


@st.composite
def _elements(draw: Any, depth: int = 0) -> str:
    """One element with random, possibly unclosed, possibly deep content."""
    tag = draw(st.sampled_from(_TAGS))
    attrs = "".join(f' {name}="{value}"' for name, value in draw(st.lists(
        st.tuples(st.sampled_from(["class", "id", "title", "href", "style", "data-x", "on\u00e9"]), _ATTR_VALUES),
        max_size=2)))
    parts = []
    for _ in range(draw(st.integers(0, 3 if depth < 4 else 0))):
        parts.append(draw(st.one_of(
            sentences(), st.text(any_char, max_size=30), st.sampled_from(_ENTITIES), chrome_lines,
            _elements(depth + 1) if depth < 4 else sentences())))
    close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", "", f"</{draw(st.sampled_from(_TAGS))}>"]))
    return f"<{tag}{attrs}>{''.join(parts)}{close}"


def _nest(tag: str, depth: int, inner: str, closed: bool) -> str:
    return f"<{tag}>" * depth + inner + (f"</{tag}>" * depth if closed else "")


_RAW_TEXT = st.builds(lambda kind, body: f"<{kind}>{body}</{kind}>", st.sampled_from(["script", "style", "textarea",
                                                                                      "title", "noscript"]),
                      st.one_of(st.just("var x = '<div>' + \"</p>\"; if (a < b && c > d) {}"),
                                st.just("p{color:red}</sty le><p>not a paragraph"), st.text(any_char, max_size=40)))
_DOCTYPES = st.sampled_from([
    "<!doctype html>", "", "<?xml version='1.0' encoding='utf-8'?>", "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0//EN\" "
    "\"http://127.0.0.1:9/xhtml1.dtd\">", "<!DOCTYPE html [<!ENTITY lol \"lol\"><!ENTITY lol9 \"&lol;&lol;&lol;\">]>",
    "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>", "<!-- never closed ", "<![CDATA[ <p>x</p> ]]>",
])

#: HTML built to break parsers
hostile_html: st.SearchStrategy[str] = st.builds(
    lambda doctype, head, parts: doctype + head + "".join(parts),
    _DOCTYPES,
    st.sampled_from(["<html><head><title>T &amp; x</title></head><body>", "<html><body>", "", "<body>"]),
    st.lists(st.one_of(
        _elements(),
        _RAW_TEXT,
        st.builds(_nest, st.sampled_from(["div", "span", "b", "table", "p", "li"]),
                  st.sampled_from([10, 300, 2100, 5000]), sentences(), st.booleans()),
        sentences(),
        chrome_lines.map(lambda line: f"<p>{line}</p>"),
        st.sampled_from(_ENTITIES),
        st.sampled_from(["<", ">", "</", "<!--", "-->", "<p", "<a href='", "\x00", "\ufeff", "\ud800", "<br/>" * 50]),
    ), max_size=12),
)


def _mixed_bytes(parts: list[tuple[str, str]]) -> bytes:
    return b"".join(text.encode(enc, "replace") for text, enc in parts)


_ENCODINGS = ["utf-8", "cp1252", "cp1251", "latin-1", "utf-16-le", "shift_jis", "koi8-r"]
#: bytes that mix encodings, lie about theirs, carry BOMs in the wrong place or NULs in the text
hostile_bytes: st.SearchStrategy[bytes] = st.one_of(
    st.builds(_mixed_bytes, st.lists(st.tuples(st.one_of(sentences(), chrome_lines, st.text(any_char, max_size=20)),
                                               st.sampled_from(_ENCODINGS)), min_size=1, max_size=6)),
    st.builds(lambda decl, html, enc: f'<meta charset="{decl}">'.encode() + html.encode(enc, "replace"),
              st.sampled_from(["utf-8", "windows-1251", "utf-16", "x-unknown", "utf-7", "unicode_escape", "iso-8859-1"]),
              hostile_html, st.sampled_from(["utf-8", "cp1252", "cp1251"])),
    st.builds(lambda bom, text: bom + text.encode("utf-8", "surrogatepass"),
              st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b""]),
              st.one_of(messy_text, hostile_html)),
    st.builds(lambda text, every: b"\x00".join(text.encode("utf-8", "surrogatepass")[i:i + every]
                                               for i in range(0, len(text.encode("utf-8", "surrogatepass")), every)),
              pages().map(lambda p: p.text), st.integers(20, 400)),
)
