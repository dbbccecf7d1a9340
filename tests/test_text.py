"""String features of ``cleanpage.text``: what every rule means by a headline."""

from cleanpage.text import is_headline_shaped


def test_the_rest_of_a_sentence_is_not_a_headline():
    # a scraper that breaks lines at inline elements (links, code spans) leaves the rest of a
    # sentence on a line of its own: not a headline, nor a card's, however short
    for line in (", or", ". See the", ", available in the", ") and the rest", "; see below"):
        assert not is_headline_shaped(line, len(line.split())), line
    for line in (".NET 9 released", "Top stories", "(Updated) Oil prices rise", "Oil prices rise?"):
        assert is_headline_shaped(line, len(line.split())), line
