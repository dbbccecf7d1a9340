import pytest

from cleanpage.pipeline import decide
from cleanpage.rules.breaks import split_points


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
