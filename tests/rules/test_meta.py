import pytest

from cleanpage.pipeline import decide


def _value(text, d):
    a, b = d.value if d.value is not None else (0, len(text))
    return text[a:b]


def test_file_wire_credit():
    d = decide("meta.wire_credit", "Associated Press")
    assert d.action == "meta" and d.key == "credit" and _value("Associated Press", d) == "Associated Press"
    assert decide("meta.wire_credit", "Associated Press reporters were at the scene.") is None


@pytest.mark.parametrize("line,value", [("Agencies", "Agencies"), ("AFP", "AFP"), ("— Reuters", "Reuters"),
                                        ("(With AFP)", "AFP"), ("Reuters/AFP", "Reuters/AFP")])
def test_wire_credit_family(line, value):
    d = decide("meta.wire_credit", line)
    assert _value(line, d) == value


def test_file_trailing_credit():
    text = "'It's most popular among young people,' she said. Agencies"
    d = decide("meta.trailing_credit", text)
    assert d.action == "meta" and d.key == "credit" and _value(text, d) == "Agencies"
    assert text[d.span[0]:].strip() == "Agencies"
    assert decide("meta.trailing_credit", "The figures were confirmed to Reuters.") is None


def test_file_source_line():
    text = "Source: commonspace.eu with TASS, RIA Novosti and agencies"
    d = decide("meta.source_line", text)
    assert d.key == "source" and _value(text, d) == "commonspace.eu with TASS, RIA Novosti and agencies"
    assert decide("meta.source_line", "Sources said the talks had stalled.") is None


def test_file_byline():
    text = "By Jane Smith and Ali Khan, Reuters"
    d = decide("meta.byline", text)
    assert d.key == "author" and _value(text, d) == "Jane Smith and Ali Khan"
    assert decide("meta.byline", "By Monday the talks had collapsed.") is None


def test_file_dateline():
    text = "7 July 2025 21:04 Washington (AFP)US President Donald Trump said on Monday he was slapping tariffs."
    d = decide("meta.dateline", text)
    assert d.key == "dateline" and _value(text, d) == "7 July 2025 21:04 Washington (AFP)"
    assert text[d.span[1]:].startswith("US President")
    assert decide("meta.dateline", "Washington said on Monday it would send more weapons.") is None


@pytest.mark.parametrize("text,value", [
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON (AP)"),
    ("LONDON, July 7 (Reuters) - Oil prices rose.", "LONDON, July 7 (Reuters)"),
    ("Paris (AFP) - French police said.", "Paris (AFP)"),
])
def test_dateline_family(text, value):
    assert _value(text, decide("meta.dateline", text)) == value


def test_take_title():
    page = ("North Korea sending teams to Russia’s Kursk to aid war-hit area’s recovery | Russia-Ukraine war News\n\n"
            "Sergei Shoigu, Russia’s Security Council secretary, made the announcement during a visit to Pyongyang.\n")
    [(text, d)] = decide("meta.title", page)
    assert d.action == "title"
    assert text[:d.end] == "North Korea sending teams to Russia’s Kursk to aid war-hit area’s recovery"
    assert [(k, text[a:b]) for k, a, b in d.meta] == [("section", "Russia-Ukraine war")]


def test_title_keeps_a_first_line_that_is_a_sentence_or_is_followed_by_a_headline():
    assert decide("meta.title", "The talks ended on Monday.\nBoth sides said they would meet again soon.") == []
    assert decide("meta.title", "Market report\nOil prices\nPrices rose 3% on Monday, traders said.") == []


def test_title_site_suffix():
    page = "Oil prices fall for a third day | Example Times\nPrices fell 3% on Monday, traders said."
    [(text, d)] = decide("meta.title", page)
    assert [(k, text[a:b]) for k, a, b in d.meta] == [("site", "Example Times")]
