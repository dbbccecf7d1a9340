"""The line model's rules on a scraped page: navigation and footer go, the article and
its headline stay, related cards and metadata are left to the rules that place them."""

import pytest

import cleanpage
from cleanpage.pipeline import decide

PREVIEW = cleanpage.Config(preview=True)  # the line model's rules are preview rules

NAV = ["Skip to content", "Home", "World", "Business", "Sport", "Culture", "Log in", "Subscribe"]
TITLE = "How to repot a fiddle-leaf fig | The Green Fork"
ARTICLE = [
    "How to repot a fiddle-leaf fig",
    "By Jane Smith",
    "Fiddle-leaf figs sulk when they are moved, so the best time to repot one is early spring, just as new "
    "leaves start to unfurl and the plant can recover quickly.",
    "Choose a pot only a few centimetres wider than the old one; a pot that is too large holds water the "
    "roots cannot reach, and wet soil is what kills most of these plants.",
    "Water the plant the day before, ease it out of its pot, tease out circling roots and set it at the "
    "same depth as before in fresh, free-draining compost.",
    "Keep it out of direct sun for a week afterwards and do not feed it for a month, while the roots settle "
    "into their new home.",
    # an article of seven paragraphs: on four, the line model is unsure of the prose next to so much chrome
    "A plant that has just been repotted often drops a leaf or two; that is the shock of the move, not a sign "
    "that something has gone wrong, and new growth usually follows within a few weeks.",
    "If the roots were badly circling, loosen them gently with your fingers rather than cutting them, and keep "
    "as much of the old root ball intact as you can.",
    "Terracotta pots dry out faster than plastic ones, which suits a gardener who tends to overwater, while a "
    "glazed pot keeps the soil moist for longer between waterings.",
]
FOOTER = ["About us", "Contact", "Privacy Policy", "Terms of Use", "Cookie settings",
          "© 2024 The Green Fork. All rights reserved."]
PAGE = "\n".join([TITLE, *NAV, *ARTICLE, *FOOTER])


def drops(name, text=PAGE):
    return {t for t, d in decide(name, text, PREVIEW) if d.action == "drop"}


def test_lines_score_drops_navigation_and_explains_why():
    dropped = drops("lines.score")
    assert len(dropped & set(NAV)) >= len(NAV) - 4  # the title picker's candidates wait for lines.title
    assert not set(NAV) & set(cleanpage.clean(PAGE, config=PREVIEW).paragraphs)
    assert not dropped & set(ARTICLE[2:])
    assert "By Jane Smith" not in dropped  # a byline: meta.byline files it
    reason = next(d.reason for t, d in decide("lines.score", PAGE, PREVIEW) if t in NAV)
    assert reason.startswith("chrome line: line score 0.")


def test_lines_leftover_drops_what_no_named_rule_took():
    assert {"Privacy Policy", "Terms of Use"} <= drops("lines.leftover")
    assert not drops("lines.leftover") & set(ARTICLE[2:])


def test_lines_title_takes_the_headline_and_files_the_site():
    [(text, d)] = [x for x in decide("lines.title", PAGE, PREVIEW) if x[1].action == "title"]
    assert text == ARTICLE[0]
    page = cleanpage.clean(PAGE, config=PREVIEW)
    assert page.title == "How to repot a fiddle-leaf fig"
    assert page.metadata["site"] == "The Green Fork"
    assert page.metadata["author"] == "Jane Smith"
    assert list(page.paragraphs) == ARTICLE[2:]


def test_clean_text_is_left_alone():
    # a headline over paragraphs, with nothing else to show it is the title (no site part, not
    # repeated): it stays in the body, since a cleaned body's deck or subheading looks the same
    lines = ARTICLE[:1] + ARTICLE[2:]
    page = cleanpage.clean("\n".join(lines), config=PREVIEW)
    assert page.body == "\n\n".join(lines) and page.title is None
    assert [s.rule for s in page.trace if s.action == "veto"] == ["guard.clean_text"] * 3  # lines.title decides itself
    assert not [s for s in page.trace if s.rule in ("lines.title", "meta.title")]  # meta.title leaves it to lines.title


def test_cleaning_a_cleaned_body_again_takes_no_deck_as_title():
    # a body that a first pass left opening with the article's deck, a headline-shaped line over a
    # paragraph: cleaning it again leaves the deck where it is
    deck = "Spring is the time, and a slightly bigger pot the tool"
    paragraphs = [f"Tip {k}: {p}" for k, p in enumerate(ARTICLE[2:] * 3)]  # long enough for the model
    body = "\n\n".join([deck, *paragraphs])
    page = cleanpage.clean(body, config=PREVIEW)
    assert page.body == body and page.title is None


def test_a_first_line_split_at_a_bar_or_dash_on_clean_text_needs_a_site_name_after_it():
    # the first lines of cleaned bodies: a byline and its reading time, a price and its sale
    # price, a section and an arrow, a row of links; none is "Title | Site", and cleaning the
    # body again must not make one a title
    paragraphs = [f"Tip {k}: {p}" for k, p in enumerate(ARTICLE[2:] * 3)]
    for first in ("Ann Smith - 3 min read", "Fig tree care | $24.99", "Fig tree care | June 2, 2025",
                  "Houseplants | Blogs \u00bb", "Repotting figs | comments | ask | show", "$19.99 | Ships free"):
        body = "\n\n".join([first, *paragraphs])
        page = cleanpage.clean(body, config=PREVIEW)
        assert page.title is None and page.body == body, first
    # a site's name may hold a digit inside a word
    page = cleanpage.clean("\n".join([ARTICLE[0] + " - Green4Life Forums", *paragraphs]), config=PREVIEW)
    assert page.title == ARTICLE[0] and page.metadata["site"] == "Green4Life Forums"


def test_lines_title_on_clean_text_takes_neither_a_chrome_line_nor_a_subheading():
    paragraphs = ARTICLE[2:] * 5  # long enough for the line model (guard.clean_text reads it clean)
    page = cleanpage.clean("\n".join(["Skip to content", ARTICLE[0], *paragraphs]), config=PREVIEW)
    assert page.title != "Skip to content"  # a chrome phrase line is never the title
    subheading = "\n".join([ARTICLE[2], "Choosing a pot", *ARTICLE[3:], *paragraphs])
    assert cleanpage.clean(subheading, config=PREVIEW).title is None  # below the first paragraph


def test_lines_title_on_clean_text_takes_a_title_line_or_the_headline_it_repeats():
    paragraphs = ARTICLE[2:] * 5  # long enough for the line model (guard.clean_text reads it clean)
    # a "<title> | Site" first line over a clean article: the title, and the site to metadata,
    # whatever the next line is (here a short label, itself headline-shaped)
    page = cleanpage.clean("\n".join([TITLE, "Gardening", *paragraphs]), config=PREVIEW)
    assert page.title == ARTICLE[0] and page.metadata.get("site") == "The Green Fork"
    # the headline below a line of navigation, repeated by the <title> line: one of the two is
    # the title (the picker's choice), the <title> line never stays in the body
    page = cleanpage.clean("\n".join([TITLE, "Home", ARTICLE[0], *paragraphs]), config=PREVIEW)
    assert page.title == ARTICLE[0] and page.metadata.get("site") == "The Green Fork"
    assert TITLE not in page.paragraphs
    # the same with a site part the title splitter does not read (in brackets, after a bullet)
    for first in (ARTICLE[0] + " (Jane Smith)", ARTICLE[0] + " \u2022 The Green Fork", ARTICLE[0] + " [greenfork.example]"):
        page = cleanpage.clean("\n".join([first, "Home", ARTICLE[0], *paragraphs]), config=PREVIEW)
        assert page.title == ARTICLE[0] and first not in page.paragraphs, first
    # but not a line the first line only begins with: "How to repot a fiddle-leaf fig and why
    # spring is best" does not repeat the headline "How to repot a fiddle-leaf fig"
    for first in (ARTICLE[0] + " and why spring is best", ARTICLE[0] + " //"):  # nor a separator alone
        page = cleanpage.clean("\n".join([first, "Home", ARTICLE[0], *paragraphs]), config=PREVIEW)
        assert page.title != ARTICLE[0], first
    # nor a qualifier of the title in brackets: the first line is the title with it, and keeps its words
    for first in (ARTICLE[0] + " (Infographic)", ARTICLE[0] + " (2026 Buying Guide)", ARTICLE[0] + " [Video]"):
        page = cleanpage.clean("\n".join([first, "Home", ARTICLE[0], *paragraphs]), config=PREVIEW)
        assert first in page.paragraphs or page.title == first, first


def test_lines_title_keeps_a_subtitle_after_a_dash_in_the_title():
    # "Headline - the rest of the sentence": no site split off (and, a headline by its shape
    # alone, no title on clean text: it stays whole in the body); the same line with a name after
    # the dash is the headline and its site
    paragraphs = ARTICLE[2:] * 5
    line = "How to repot a fiddle-leaf fig - and keep it alive afterwards"
    page = cleanpage.clean("\n".join([line, *paragraphs]), config=PREVIEW)
    assert page.title is None and page.paragraphs[0] == line and "site" not in page.metadata
    page = cleanpage.clean("\n".join([TITLE.replace(" | ", " - "), *paragraphs]), config=PREVIEW)
    assert page.title == ARTICLE[0] and page.metadata["site"] == "The Green Fork"


def test_lines_title_takes_no_title_from_a_first_paragraph_with_a_dash_in_it():
    # a cleaned body that opens with a sentence going on after a dash or a colon: neither a
    # "Title - Site" line nor a headline with its subtitle, so cleaning it again changes nothing
    paragraphs = ARTICLE[2:] * 5
    for first in ("Repotting is as much about timing as about soil — and spring, as growers agree, is the "
                  "time for it.",
                  "Most houseplants need a bigger pot every two years: roots that circle the pot are the "
                  "sign, as any grower will tell you, and the spring is the time for it"):
        text = "\n\n".join([first, *paragraphs])
        page = cleanpage.clean(text, config=PREVIEW)
        assert page.title is None and "site" not in page.metadata
        assert page.paragraphs[0] == first
        assert cleanpage.clean(page.body, config=PREVIEW).body == page.body


def test_chrome_rules_leave_the_picked_title_line_to_lines_title():
    # the © is in the site part of the <title> line, which is the only copy of the headline
    page = cleanpage.clean("\n".join([TITLE + "©", *NAV, *ARTICLE[1:], *FOOTER]), config=PREVIEW)
    assert page.title == "How to repot a fiddle-leaf fig"
    assert page.metadata["site"] == "The Green Fork©"


def test_lines_title_on_a_short_page_takes_only_a_title_line_with_its_site():
    # too short a page for the line model: the guard stands its removals down, not the title
    page = cleanpage.clean("\n".join(["What's your range? - The Skateboard Forum", "Log in", *ARTICLE[2:4]]),
                           config=PREVIEW)
    assert page.title == "What's your range?" and page.metadata["site"] == "The Skateboard Forum"
    plain = cleanpage.clean("\n".join([ARTICLE[0], "Log in", *ARTICLE[2:4]]), config=PREVIEW)
    assert not [s for s in plain.trace if s.rule in ("lines.title", "meta.title")]  # no site part: no title


def test_a_line_the_title_line_repeats_is_the_headline_not_a_subheading():
    from cleanpage.rules.lines import _repeats_title

    assert _repeats_title(TITLE, ARTICLE[0])  # the <title> without its site part
    assert _repeats_title("Cybersecurity Sector Update - Fall 2025", "Cybersecurity Sector Update - Fall 2025")
    assert not _repeats_title(TITLE, "Choosing a pot")  # a subheading the <title> does not repeat
    assert not _repeats_title("Home | The Green Fork", "Home")  # one word: too little to go on


def test_context_holds_a_paragraph_above_the_last_kept_one_never_below_it():
    from cleanpage.parse.text import parse_text
    from cleanpage.rules.lines import _held_up

    # the lead paragraph scored low (ad markers around it), the article's other paragraphs kept,
    # then a comment the model also scored low: the lead is held by its kept neighbour, the
    # comment under the last kept paragraph is not
    lead, kept1, kept2 = ARTICLE[2], ARTICLE[3], ARTICLE[4]
    comment = "I repotted mine last spring and it dropped half its leaves, so do not panic when that happens."
    blocks = parse_text("\n".join([lead, kept1, kept2, comment])).blocks
    keep, probability = [False, True, True, False], [0.3, 0.9, 0.9, 0.3]
    assert _held_up([(b, k) for k, b in enumerate(blocks)], keep, probability) == [True, False, False, False]


def test_lines_title_takes_the_headline_of_a_page_whose_lines_all_score_as_chrome():
    # a listing page or a model that misjudges the page: no line is kept, yet the headline
    # is the page's title, not a line left at the top of what remains
    import numpy as np

    from cleanpage.lines.analysis import LineAnalyser
    from cleanpage.lines.scorer import LineScorer, LineScores
    from cleanpage.lines.title import TitlePicker

    class NothingKept(LineScorer):
        def score_prepared(self, prep):
            s = super().score_prepared(prep)
            p = np.full(len(s.probability), 0.01)
            return LineScores(s.lines, p, p >= s.threshold, s.threshold, s.family, s._X2, s._scorer)

    cleaner = cleanpage.Cleaner(PREVIEW)
    cleaner._lines = LineAnalyser(NothingKept(), TitlePicker())  # noqa: SLF001 - a model that keeps nothing
    page = cleaner.clean("\n".join([TITLE, *NAV, ARTICLE[0], *ARTICLE[2:], *FOOTER]))
    assert page.title == "How to repot a fiddle-leaf fig"
    assert page.metadata["site"] == "The Green Fork"
    assert list(page.paragraphs) == ARTICLE[2:]  # the paragraphs, which no chrome rule took


def test_lines_title_on_clean_text_takes_the_first_of_two_copies_of_the_headline():
    # the headline heads the page and is printed again above a list; the picker ranks the
    # second copy first: the first copy is still the title, and the body keeps the second
    from cleanpage.lines.analysis import LineAnalyser
    from cleanpage.lines.scorer import LineScorer
    from cleanpage.lines.title import TitlePick, TitlePicker

    class SecondCopyFirst(TitlePicker):
        def ranked(self, lines, *args, **kw):
            k = lines.index(lines[0], 1)
            return [TitlePick(k, lines[k], 0, len(lines[k]), None, "title score 0.99, a test's choice")]

    cleaner = cleanpage.Cleaner(PREVIEW)
    cleaner._lines = LineAnalyser(LineScorer(), SecondCopyFirst())  # noqa: SLF001 - a picker with a known choice
    plants = ["basil", "mint", "rosemary", "thyme", "sage", "chives", "parsley", "oregano", "dill", "lavender",
              "coriander", "tarragon", "lemon balm", "bay", "sorrel", "fennel"]
    tips = [f"Repot the {p} in spring, in a pot one size up, and water it the day before so the roots hold together."
            for p in plants]
    body = [ARTICLE[2], ARTICLE[0], *ARTICLE[3:], *tips]  # long enough for the line model
    page = cleaner.clean("\n\n".join([ARTICLE[0], *body]))
    assert page.title == ARTICLE[0]
    assert list(page.paragraphs) == body


@pytest.mark.parametrize("link", ["https://thegreenfork.example/repotting", "Visit: www.thegreenfork.example",
                                  "editor@thegreenfork.example"])
def test_lines_title_takes_no_web_address_as_the_title(link):
    # a link under the headline may be ranked first by the picker; no page is titled with
    # an address, so the headline ranked next is the title
    from cleanpage.lines.analysis import LineAnalyser
    from cleanpage.lines.scorer import LineScorer
    from cleanpage.lines.title import TitlePick, TitlePicker

    class AddressFirst(TitlePicker):
        def ranked(self, lines, *args, **kw):
            k, h = lines.index(link), lines.index(ARTICLE[0])
            return [TitlePick(k, link, 0, len(link), None, "title score 0.9, a test's choice"),
                    TitlePick(h, ARTICLE[0], 0, len(ARTICLE[0]), None, "title score 0.8, a test's choice")]

    cleaner = cleanpage.Cleaner(PREVIEW)
    cleaner._lines = LineAnalyser(LineScorer(), AddressFirst())  # noqa: SLF001 - a picker with a known choice
    page = cleaner.clean("\n".join([TITLE, *NAV, ARTICLE[0], link, *ARTICLE[2:], *FOOTER]))
    assert page.title == ARTICLE[0]
    assert link in page.body or any(r.text == link for r in page.removed)  # placed, as any line is


def test_lines_title_takes_a_long_title_line_but_no_long_headline_below_it():
    # a shop's <title> holds the product's whole name, longer than max_title_words: the first
    # line of a scraped page is its title whatever its length; a line that long further down
    # is not a headline
    from cleanpage.lines.analysis import LineAnalyser
    from cleanpage.lines.scorer import LineScorer
    from cleanpage.lines.title import TitlePick, TitlePicker

    name = ("Green Fork Terracotta Herb Planter with Drainage Saucer, Self-Watering Wick, Set of Three Pots in "
            "Small, Medium and Large, Frost-Proof Clay for Basil, Mint, Parsley, Thyme and Chives, Indoor and "
            "Outdoor Use")
    assert 30 < len(name.split()) <= 40

    class LongFirst(TitlePicker):
        def __init__(self, line):
            self.line = line

        def ranked(self, lines, *args, **kw):
            k = self.line
            return [TitlePick(k, name, 0, len(name), "The Green Fork", "title score 0.9, a test's choice")]

    specs = [f"The {p} pot holds {n} litres of compost and drains through a hole in its base into the saucer."
             for p, n in (("small", 1), ("medium", 2), ("large", 4))] + ARTICLE[2:]
    for line, want in ((0, name), (8, None)):
        cleaner = cleanpage.Cleaner(PREVIEW)
        cleaner._lines = LineAnalyser(LineScorer(), LongFirst(line))  # noqa: SLF001 - a picker with a known choice
        first = f"{name} | The Green Fork" if line == 0 else "Herb planters | The Green Fork"
        rest = NAV if line == 0 else NAV[:-1] + [name]
        page = cleaner.clean("\n".join([first, *rest, *specs, *FOOTER]))
        assert page.title == want, line


def picking(*choices):
    """A preview ``Cleaner`` whose title picker ranks the given lines (texts), in that order,
    each taken whole with the site part given: ``(line text, site or None)``."""
    from cleanpage.lines.analysis import LineAnalyser
    from cleanpage.lines.scorer import LineScorer
    from cleanpage.lines.title import TitlePick, TitlePicker

    class Given(TitlePicker):
        def __init__(self):
            pass

        def ranked(self, lines, *args, **kw):
            return [TitlePick(lines.index(text), text, 0, len(text), site, "title score 0.9, a test's choice")
                    for text, site in choices if text in lines]

    cleaner = cleanpage.Cleaner(PREVIEW)
    cleaner._lines = LineAnalyser(LineScorer(), Given())  # noqa: SLF001 - a picker with known choices
    return cleaner


CLEAN_BODY = ARTICLE[2:] * 5  # long enough for the line model; guard.clean_text reads it clean


def test_lines_title_on_clean_text_takes_a_first_line_the_page_prints_again():
    # the <title> line, a line of navigation, then the page's own heading: the first line is the title
    # and the body keeps the heading where the page prints it
    text = "\n".join([ARTICLE[0], "jane/smith", "Home Blog About", ARTICLE[0], *CLEAN_BODY])
    page = cleanpage.clean(text, config=PREVIEW)
    assert page.title == ARTICLE[0]
    assert ARTICLE[0] in page.paragraphs


def test_lines_title_on_clean_text_takes_a_lower_choice_the_title_line_repeats():
    # the picker's first choice is a label line; its third is the headline the <title> line
    # repeats: that one is the title, the site goes to metadata and the <title> line goes
    label = "PROJECT: How to repot a fiddle-leaf fig"
    cleaner = picking((label, None), ("Gardening", None), (ARTICLE[0], "The Green Fork"))
    page = cleaner.clean("\n".join([TITLE, "Gardening", ARTICLE[0], label, *CLEAN_BODY]))
    assert page.title == ARTICLE[0] and page.metadata["site"] == "The Green Fork"
    assert TITLE not in page.paragraphs and label in page.paragraphs


@pytest.mark.parametrize("line, key, value", [
    ("Dec 18 2025 How to repot a fiddle-leaf fig", "date", "Dec 18 2025"),
    ("Gardening › Houseplants › How to repot a fiddle-leaf fig", "section", "Houseplants"),
])
def test_lines_title_files_a_date_or_breadcrumb_printed_before_the_headline(line, key, value):
    page = picking((line, None)).clean("\n".join([TITLE, *NAV, line, *ARTICLE[2:], *FOOTER]))
    assert page.title == ARTICLE[0]
    assert page.metadata[key] == value
    assert not any(line in p for p in page.paragraphs)


def test_lines_title_takes_no_letter_alone():
    # a drop cap printed on a line of its own may rank first: it is no title
    page = picking(("A", None), (ARTICLE[0], None)).clean("\n".join(["A", *NAV, ARTICLE[0], *ARTICLE[2:], *FOOTER]))
    assert page.title == ARTICLE[0]


@pytest.mark.parametrize("date", ["11. Sep 2024, 22:05", "Aug 5, 2023 (Edited)", "December 3, 2021 at 9:15 am"])
def test_lines_title_takes_no_date_alone(date):
    # a forum post's header ("Post by ehasis » 11. Sep 2024, 22:05") may rank first once the
    # thread's title has gone: a date or a time alone is no title
    page = picking((date, None), (ARTICLE[0], None)).clean("\n".join([date, *NAV, ARTICLE[0], *ARTICLE[2:], *FOOTER]))
    assert page.title == ARTICLE[0]


def test_a_title_line_taken_whole_keeps_the_phrase_of_its_site_part():
    # the © of the site part makes no legal line of the <title>
    first = "Herb planters | The Green Fork©"
    page = picking((first, "The Green Fork©")).clean("\n".join([first, *NAV, *ARTICLE[2:], *FOOTER]))
    assert page.title == first
    assert not any(r.rule == "chrome.legal" and r.text == first for r in page.removed)


def _picking_at(*picks):
    """A preview ``Cleaner`` whose title picker ranks the given ``TitlePick``s, in that order."""
    from cleanpage.lines.analysis import LineAnalyser
    from cleanpage.lines.scorer import LineScorer
    from cleanpage.lines.title import TitlePicker

    class Given(TitlePicker):
        def __init__(self):
            pass

        def ranked(self, lines, *args, **kw):
            return list(picks)

    cleaner = cleanpage.Cleaner(PREVIEW)
    cleaner._lines = LineAnalyser(LineScorer(), Given())  # noqa: SLF001 - a picker with known choices
    return cleaner


def test_lines_title_on_clean_text_takes_no_label_the_first_line_repeats():
    # a shop's cleaned product list opens with a spec label that every product prints again:
    # the first line "repeats" the picked copy, but a line that ends like a clause is no headline
    from cleanpage.lines.title import TitlePick

    products = []
    for name, btu in (("Coleman Cascade Camp Stove", "12,000"), ("Camp Chef Everest Stove", "20,000"),
                      ("Jetboil Genesis Basecamp Stove", "10,000")):
        products += ["Heat Output:", f"{btu} BTU", name, "Add to Compare"]
    again = products.index("Heat Output:", 1)
    cleaner = _picking_at(TitlePick(again, "Heat Output:", 0, 12, None, "title score 0.9, a test's choice"))
    page = cleaner.clean("\n".join([*products, *CLEAN_BODY]))
    assert page.title is None
    assert page.paragraphs[0] == "Heat Output:"


def test_lines_title_on_clean_text_splits_no_site_off_at_a_slash():
    # "Mirrorless bodies / Lens kits", two links, opens a cleaned shop page: not a "Title | Site" line
    from cleanpage.lines.title import TitlePick

    line = "Mirrorless bodies / Lens kits"
    title = "Mirrorless bodies"

    def clean(first):
        pick = TitlePick(0, title, 0, len(title), "Lens kits", "title score 0.9, a test's choice")
        return _picking_at(pick).clean("\n".join([first, *CLEAN_BODY]))

    page = clean(line)
    assert page.title is None and "site" not in page.metadata
    assert page.paragraphs[0] == line
    page = clean(line.replace(" / ", " | "))  # with a bar, the same line is a <title> and its site
    assert page.title == title and page.metadata["site"] == "Lens kits"


def test_a_cleaned_list_without_chrome_phrases_is_left_as_it_is():
    # a shop's category list, cleaned: short lines the model, without the page around them,
    # would score as chrome; no line matches a chrome phrase, so the page reads clean
    coffees = ["Whole Bean (13)", "Single-Serve Pods (17)", "Canned Latte (3)", "Cold Brew (1)", "Instant Coffee (1)",
               "Ground (17)", "Decaf (4)", "Espresso (6)", "Dark Roast (9)", "Medium Roast (8)", "Light Roast (5)",
               "Gift Sets (2)", "Organic (21)", "Fair Trade (18)", "Single Origin (7)", "Blends (11)",
               "Flavored (6)", "Half Caff (2)", "Cold Brew Packs (3)", "Sample Boxes (2)"]
    text = "\n\n".join(coffees)
    page = cleanpage.clean(text, config=PREVIEW)
    assert any(s.rule == "guard.clean_text" and "no chrome phrase" in s.reason for s in page.trace)
    assert page.body == text


@pytest.mark.parametrize("above", [[], ["Try Our AI Features"], ["Advertisement", "Try our new AI features!"]])
def test_lines_title_on_clean_text_reads_the_first_line_left_in_the_body(above):
    # a line a named rule takes above the <title> line is not there when the body is cleaned
    # again: the first line is the first one left, whatever rank the picker gave it on the
    # page as parsed, and the title and the body are those of the body cleaned again
    page = cleanpage.clean("\n".join([*above, TITLE, *ARTICLE[2:]]), config=PREVIEW)
    assert page.title == ARTICLE[0] and page.metadata["site"] == "The Green Fork"
    assert cleanpage.clean(page.body, config=PREVIEW).body == page.body


def test_lines_title_decides_once_and_files_nothing_of_a_second_pick():
    # the title taken, the page settles and the final rules look again: a second look at the
    # picker's next choice filed its lead ("Pots —") as a second site name and left the rest,
    # while the title it came with was refused (clean text: "json — JSON encoder and decoder"
    # lost "json" to metadata["site"])
    from cleanpage.lines.analysis import LineAnalyser
    from cleanpage.lines.scorer import LineScorer
    from cleanpage.lines.title import TitlePick, TitlePicker

    sub = "Pots — choosing the right size for a fig"

    class TwoPicks(TitlePicker):
        def ranked(self, lines, *args, **kw):
            k, lead = lines.index(sub), len("Pots — ")
            return [TitlePick(0, ARTICLE[0], 0, len(ARTICLE[0]), "The Green Fork", "title score 0.99, a test's choice"),
                    TitlePick(k, sub[lead:], lead, len(sub), "Pots", "title score 0.98, a test's choice")]

    cleaner = cleanpage.Cleaner(PREVIEW)
    cleaner._lines = LineAnalyser(LineScorer(), TwoPicks())  # noqa: SLF001 - a picker with known choices
    page = cleaner.clean("\n".join([TITLE, *NAV, *ARTICLE[2:4], sub, *ARTICLE[4:], *FOOTER]))
    assert page.title == ARTICLE[0]
    assert page.metadata["site"] == "The Green Fork"
    assert sum(s.rule == "lines.title" and s.action in ("title", "meta") for s in page.trace) == 2


@pytest.mark.parametrize("reprint", ["The Green Fork - How to repot a fiddle-leaf fig",
                                     "Home » Houseplants » How to repot a fiddle-leaf fig"])
def test_lines_title_drops_the_headline_printed_again_with_its_site_or_trail(reprint):
    # the title comes from the on-page headline; the header also prints it with the site's name
    # first (a <title> line that a dash sets off, which split_site reads as no site) or under a
    # breadcrumb trail: left in the body, the next clean() would take it as the title
    from cleanpage.lines.analysis import LineAnalyser
    from cleanpage.lines.scorer import LineScorer, LineScores
    from cleanpage.lines.title import TitlePick, TitlePicker

    class Headline(TitlePicker):
        def ranked(self, lines, *args, **kw):
            k = lines.index(ARTICLE[0])
            return [TitlePick(k, lines[k], 0, len(lines[k]), None, "title score 0.99, a test's choice")]

    class ReprintKept(LineScorer):  # as on real pages, where the header's reprint sits next to the prose
        def score_prepared(self, prep):
            s = super().score_prepared(prep)
            p = s.probability.copy()
            p[[i for i, t in enumerate(s.lines.texts) if t == reprint]] = 0.99
            return LineScores(s.lines, p, p >= s.threshold, s.threshold, s.family, s._X2, s._scorer)

    cleaner = cleanpage.Cleaner(PREVIEW)
    cleaner._lines = LineAnalyser(ReprintKept(), Headline())  # noqa: SLF001 - known scores and choice
    page = cleaner.clean("\n".join([reprint, *NAV, *ARTICLE, *FOOTER]))
    assert page.title == ARTICLE[0]
    assert reprint not in page.body
    # below the first paragraph, the same words are a subheading's
    sub = "Key points - How to repot a fiddle-leaf fig"
    page = cleaner.clean("\n".join([reprint, *NAV, *ARTICLE[:4], sub, *ARTICLE[4:], *FOOTER]))
    assert sub in page.paragraphs
