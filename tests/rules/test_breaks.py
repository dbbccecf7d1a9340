import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cleanpage
from cleanpage.patterns import FUSED_SENTENCE
from cleanpage.pipeline import decide
from cleanpage.rules.breaks import _CLOSING, _OPENING, _open_quotes, split_points, starts_sentence


def parts(text):
    cuts = [0, *split_points(text), len(text)]
    return [text[a:b].strip() for a, b in zip(cuts, cuts[1:])]


def test_split_fused_sentences():
    text = 'claiming the United States was being "ripped off."Amid market turmoil, Trump then suspended the tariffs.'
    d = decide("breaks.fused_sentence", text)
    assert d.action == "split" and text[d.at:].startswith("Amid market turmoil")
    assert decide("breaks.fused_sentence", "U.S. officials, 3.5 percent, commonspace.eu and J.R.R. Tolkien.") is None


def test_quote_parity_decides_which_side_a_quote_goes():
    text = ('Bessent said there would be deals coming up."We are going to have several announcements," he told '
            'CNBC on Monday."We\'ve had a lot of offers," he said, "unless they come back to negotiate."Bessent told CNBC.')
    assert parts(text) == [
        "Bessent said there would be deals coming up.",
        '"We are going to have several announcements," he told CNBC on Monday.',
        '"We\'ve had a lot of offers," he said, "unless they come back to negotiate."',
        "Bessent told CNBC.",
    ]


def test_back_to_back_quotes():
    assert parts('he is "happy with the progress we\'ve had.""Every country is engaged," he said.') == [
        'he is "happy with the progress we\'ve had."', '"Every country is engaged," he said.']


@pytest.mark.parametrize("text", ["Mr.Smith arrived.", "Node.JS 3.5 was released.", "See fig.Two for details.",
                                  "The U.S.Army said so.", "It costs $3.50.Nobody"[:-6] + "."])
def test_abbreviations_and_decimals_are_left_alone(text):
    assert split_points(text) == []


@pytest.mark.parametrize("text", [
    "Start it with subprocess.Popen(args) and wait.",  # a call
    "Use sync.WaitGroup to wait for the workers.",  # an identifier in CamelCase
    "Forms subclass django.forms.Form or its model twin.",  # a dotted name before the period
    "Pay with Authorize.Net Merchant accounts.",  # a brand written as its domain
    "Welcome to Acme.Store",  # one word at the end of the line
    "Sale.Today only: every chair half price.",  # one word before the period
    "a.A" * 30,  # no sentence on either side
])
def test_code_names_and_brands_are_not_fused_sentences(text):
    assert split_points(text) == []


def test_a_fused_sentence_needs_a_sentence_on_both_sides():
    assert parts("The shop opens at nine.So, come early for the sale.") == [
        "The shop opens at nine.", "So, come early for the sale."]
    assert parts("The coach said it was over.“We’ll be back next year,” she said.") == [
        "The coach said it was over.", "“We’ll be back next year,” she said."]


# a hard-wrapped article, as mail archives and plain-text dumps hold them: lines broken near
# 76 characters, paragraphs parted by a blank line, a list whose items stay lines
WRAPPED = """\
Denmark's four-day week trial: what the first year showed

When the municipality of Odsherred in Denmark moved 300 of its employees to
a four-day working week in 2023, critics predicted longer waiting times and
frustrated residents. A year later, the council says the opposite has
happened.

Sick leave among participating staff fell by 21%, and the number of
applications for vacancies in the municipality almost doubled, according to
an evaluation published on Wednesday.

What it took:
- full salaries for 37 hours over four days, and the same holidays as before
- offices open on Fridays, staffed in turns by the people who work there now

Employees kept their full salaries and worked 37 hours over four days
instead of five. Offices that deal with the public stayed open on Fridays,
with staff taking turns to cover them.
"""


def _split_points_by_walking(text):
    """``split_points`` walking every match from its sentence end, with no shortcut."""
    points, seg = [], 0
    for m in FUSED_SENTENCE.finditer(text):
        if not starts_sentence(text, seg, m.start(), m.end()):
            continue
        at = m.start()
        while at < len(text) and text[at] in ".!?":
            at += 1
        end, parity = at, None
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


@settings(max_examples=300, derandomize=True)
@given(st.lists(st.sampled_from(["a", "b", "A", "Bc", ".", "!", "?", "...", '"', "'", "\u201d", "\u201c", "\u2019",
                                 " ", "Mr", "3", "%", ")", "The end", "It "]), max_size=40).map("".join))
def test_the_shortcut_for_a_sentence_end_without_quotes_finds_the_same_points(text):
    assert split_points(text) == _split_points_by_walking(text)


def test_hard_wrapped_lines_become_paragraphs():
    out = decide("breaks.hard_wrap", WRAPPED)
    assert [d.action for _, d in out] == ["join"] * 3
    assert out[0][0].startswith("When the municipality") and len(out[0][1].rest) == 3
    assert "hard-wrapped at 76 characters: 4 lines" in out[0][1].reason
    page = cleanpage.clean(WRAPPED)
    assert page.paragraphs[0] == (
        "When the municipality of Odsherred in Denmark moved 300 of its employees to a four-day working week "
        "in 2023, critics predicted longer waiting times and frustrated residents. A year later, the council "
        "says the opposite has happened.")
    assert page.paragraphs[1] == (  # the rule's Targets line
        "Sick leave among participating staff fell by 21%, and the number of applications for vacancies in "
        "the municipality almost doubled, according to an evaluation published on Wednesday.")
    # the list items stay lines, the headline is the title, nothing is removed
    assert "- full salaries for 37 hours over four days, and the same holidays as before" in page.paragraphs
    assert page.title == "Denmark's four-day week trial: what the first year showed" and not page.removed
    # every line is placed in its paragraph; the joined body is left as it is
    first = [(s, e) for s, e, kind, index, _field in page.placements if kind == "body" and index == 0]
    assert [page.source[s:e] for s, e in first] == WRAPPED.split("\n")[2:6]
    assert cleanpage.clean(page.body).body == page.body
    assert "lines joined" in page.explain()


def test_text_that_is_not_hard_wrapped_keeps_its_lines():
    # paragraphs on one line each (scraped text): the longest line is past any wrap width
    assert decide("breaks.hard_wrap", "\n".join(WRAPPED.replace("\n\n", "\x00").replace("\n", " ")
                                                 .split("\x00"))) == []
    # a poem: lines of one width, ending sentences and starting with capitals
    poem = "\n".join(["The tide comes in across the sand and fills the harbour wall.",
                      "The gulls go quiet on the roofs and wait for evening's fall.",
                      "The boats lie still along the quay, their lamps begin to burn;",
                      "The town is small and sleeps by nine, and waits for their return."] * 2)
    assert decide("breaks.hard_wrap", poem) == []
    # a product list: each name reaches the width, and its price is on the next line
    products = "\n".join(f"Romy Clover Floral Fresh Grass and Hyacinth Glass Lidded Candle No. {i}\n$23.{i}0"
                         for i in range(6))
    assert decide("breaks.hard_wrap", products) == []
