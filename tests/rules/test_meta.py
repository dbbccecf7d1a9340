import pytest

import cleanpage
from cleanpage.patterns import AGE_LINE, BYLINE, SOURCE_LINE, WIRE_CREDIT_LINE
from cleanpage.pipeline import decide


def _value(text, d):
    a, b = d.value if d.value is not None else (0, len(text))
    return text[a:b]


ARTICLE = "The deepening ties have raised worries among the US, South Korea and their partners.\n"


def meta_of(rule, page):
    return [(text, d.key, _value(text, d)) for text, d in decide(rule, page)]


def test_file_wire_credit():
    assert meta_of("meta.wire_credit", ARTICLE + "Associated Press\nHashtags\n") == [
        ("Associated Press", "credit", "Associated Press")]
    assert decide("meta.wire_credit", ARTICLE + "Associated Press reporters were at the scene.") == []


def test_wire_credit_before_more_article_stays():
    assert decide("meta.wire_credit", "Reuters\n" + ARTICLE) == []


@pytest.mark.parametrize("line,value", [("Agencies", "Agencies"), ("AFP", "AFP"), ("— Reuters", "Reuters"),
                                        ("(With AFP)", "AFP"), ("Reuters/AFP", "Reuters/AFP"), ("(Reuters)", "Reuters")])
def test_wire_credit_family(line, value):
    assert meta_of("meta.wire_credit", ARTICLE + line) == [(line, "credit", value)]


def test_file_trailing_credit():
    text = "'It's most popular among young people,' she said. Agencies"
    d = decide("meta.trailing_credit", text)
    assert d.action == "meta" and d.key == "credit" and _value(text, d) == "Agencies"
    assert text[d.span[0]:].strip() == "Agencies"
    assert decide("meta.trailing_credit", "The figures were confirmed to Reuters.") is None


def test_file_source_line():
    text = "Source: commonspace.eu with TASS, RIA Novosti and agencies"
    assert meta_of("meta.source_line", ARTICLE + text + "\nRelated articles\n") == [
        (text, "source", "commonspace.eu with TASS, RIA Novosti and agencies")]
    assert decide("meta.source_line", ARTICLE + "Sources said the talks had stalled.") == []


def test_a_chart_source_inside_the_article_stays():
    assert decide("meta.source_line", ARTICLE + "Source: Bureau of Labor Statistics\n" + ARTICLE) == []


def test_file_byline():
    text = "By Jane Smith and Ali Khan, Reuters"
    assert meta_of("meta.byline", "Oil prices fall\n" + text + "\n" + ARTICLE) == [(text, "author", "Jane Smith and Ali Khan")]
    assert decide("meta.byline", "By Monday the talks had collapsed.\n" + ARTICLE) == []


@pytest.mark.parametrize("line,author", [
    ("Von Anna Berger", "Anna Berger"),
    ("Par Julien Moreau et Claire Dubois", "Julien Moreau et Claire Dubois"),
    ("Por María López y Juan Pérez", "María López y Juan Pérez"),
    ("Por João Silva", "João Silva"),
    ("di Marco Rossi", "Marco Rossi"),
])
def test_bylines_in_other_languages(line, author):
    assert meta_of("meta.byline", "Stadtwerke erhöhen die Preise\n" + line + "\n" + ARTICLE) == [(line, "author", author)]


@pytest.mark.parametrize("line", ["Von Montag an gilt die neue Regel.", "Von Berlin nach Hamburg", "Par Matière",
                                  "Por qué suben los precios"])
def test_lines_that_start_like_a_byline_but_are_not(line):
    assert decide("meta.byline", "Headline of the story\n" + line + "\n" + ARTICLE) == []


@pytest.mark.parametrize("line,author", [
    ("Written by Dana Whitfield on March 4, 2025", "Dana Whitfield"),
    ("Written By Dana Whitfield", "Dana Whitfield"),
    ("Posted by Ali Khan on Friday March 6, 2026 @08:00PM", "Ali Khan"),
])
def test_labelled_bylines(line, author):
    assert meta_of("meta.byline", "Oil prices fall\n" + line + "\n" + ARTICLE) == [(line, "author", author)]


@pytest.mark.parametrize("line", ["Written by hand on paper", "Written by Monday the draft was done.",
                                  "Posted by courier on the day of the sale"])
def test_labelled_lines_that_are_not_bylines(line):
    assert decide("meta.byline", "Headline of the story\n" + line + "\n" + ARTICLE) == []


def test_bylines_of_listing_entries_stay():
    assert decide("meta.byline", ARTICLE + "By Logan Jones\n" + ARTICLE) == []


def test_file_dateline():
    text = "7 July 2025 21:04 Washington (AFP)US President Donald Trump said on Monday he was slapping tariffs."
    d = decide("meta.dateline", text)
    assert d.key == "dateline" and _value(text, d) == "7 July 2025 21:04 Washington (AFP)"
    assert text[d.span[1]:].startswith("US President")
    assert decide("meta.dateline", "Washington said on Monday it would send more weapons.") is None
    # a term or a subheading in capitals before a dash opens a paragraph; a dateline has an agency or a date
    assert decide("meta.dateline", "KNIME \u2014 short for the Konstanz Information Miner \u2014 is a free platform.") is None
    assert decide("meta.dateline", "LIGHTEN YOUR LOAD \u2013 Start by weeding out things you don't need.") is None


@pytest.mark.parametrize("text,value", [
    ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON (AP)"),
    ("LONDON, July 7 (Reuters) - Oil prices rose.", "LONDON, July 7 (Reuters)"),
    ("Paris (AFP) - French police said.", "Paris (AFP)"),
    ("BERLIN, July 7 \u2014 Germany's parliament voted on Friday.", "BERLIN, July 7"),
    # ASCII wire copy writes its dash as two hyphens: both go with the dateline
    ("(CNN) -- The Pennsylvania official was just talking about one area.", "(CNN)"),
    ("BERLIN, July 7 -- Germany's parliament voted on Friday.", "BERLIN, July 7"),
])
def test_dateline_family(text, value):
    d = decide("meta.dateline", text)
    assert _value(text, d) == value
    assert text[d.span[1]:][:1].isupper()  # the dash goes too: the paragraph starts at its first word


def test_take_title():
    page = ("North Korea sending teams to Russia’s Kursk to aid war-hit area’s recovery | Russia-Ukraine war News\n"
            "Sergei Shoigu, Russia’s Security Council secretary, made the announcement during a visit to Pyongyang.\n")
    [(text, d)] = decide("meta.title", page)
    assert d.action == "title"
    assert text[:d.end] == "North Korea sending teams to Russia’s Kursk to aid war-hit area’s recovery"
    assert [(k, text[a:b]) for k, a, b in d.meta] == [("section", "Russia-Ukraine war")]


def test_title_keeps_a_first_line_that_is_a_sentence_or_is_followed_by_a_headline():
    assert decide("meta.title", "The talks ended on Monday.\nBoth sides said they would meet again soon.") == []
    assert decide("meta.title", "Market report\nOil prices\nPrices rose 3% on Monday, traders said.") == []


def test_title_by_shape_only_on_text_that_is_not_a_cleaned_body():
    # a body clean() gave (blocks set apart by blank lines, nothing removed) may open with a
    # subheading: taking it would change the body each time it is cleaned again
    body = ("Quick summary\n\nBlockchain SEO agencies help crypto projects rank for the searches their "
            "buyers make.\n\nWe compared seven of them on price, results and reporting.\n")
    assert decide("meta.title", body) == []
    # the same lines as scraped or written: one under another, or with chrome the rules removed
    [(text, d)] = decide("meta.title", body.replace("\n\n", "\n"))
    assert (text, d.action) == ("Quick summary", "title")
    assert cleanpage.clean("Advertisement\n\n" + body).title == "Quick summary"
    # nor a heading with a part after a bar or a dash, which a cleaned body's heading may have
    assert decide("meta.title", body.replace("Quick summary", "Products Liability - Apr 21, 2017")) == []


def test_title_site_suffix():
    page = "Oil prices fall for a third day | Example Times\nPrices fell 3% on Monday, traders said."
    [(text, d)] = decide("meta.title", page)
    assert [(k, text[a:b]) for k, a, b in d.meta] == [("site", "Example Times")]


@pytest.mark.parametrize("title,site", [
    ("How to repot a fiddle-leaf fig - The Green Fork", "The Green Fork"),
    ("Porting an HTML5 Parser to Swift \u2013 Kyle Howells", "Kyle Howells"),
    ("New to Astronomy \u2013 Best First Telescope Recommendations?", None),  # ends like a sentence
    ("Spider-Man - the review", None),  # too few words before the dash, and lower case after it
    ("Oil prices fall as the talks in Geneva collapse - and why that matters", None),  # lower case
])
def test_title_dash_site_suffix(title, site):
    [(text, d)] = decide("meta.title", title + "\nThe first paragraph of the article, as printed.")
    assert [text[a:b] for k, a, b in d.meta if k == "site"] == ([site] if site else [])
    if site:
        assert text[:d.end] == title[:title.rindex(site)].rstrip(" -\u2013")


def test_file_date_lines():
    page = "Updated: 7 July 2025 21:04\n6 July 2025\n2 hours ago\n" + ARTICLE + "Dec 16, 2025\n" + ARTICLE
    assert meta_of("meta.date_line", page) == [("Updated: 7 July 2025 21:04", "updated", "7 July 2025 21:04"),
                                               ("6 July 2025", "date", "6 July 2025")]
    assert decide("meta.date_line", "7 July 2025 was the hottest day on record.\n" + ARTICLE) == []


@pytest.mark.parametrize("line,key,value", [
    ("12. November 2025, 14:32 Uhr", "date", "12. November 2025, 14:32 Uhr"),
    ("Aktualisiert am 12.11.2025, 14:32 Uhr", "updated", "12.11.2025, 14:32 Uhr"),
    ("Publié le 3 mars 2025 à 09h15", "date", "3 mars 2025 à 09h15"),
    ("Mis à jour le 1er mars 2025", "updated", "1er mars 2025"),
    ("Publicado el 3 de marzo de 2025", "date", "3 de marzo de 2025"),
    ("Atualizado em 03/03/2025 09h15", "updated", "03/03/2025 09h15"),
    ("Pubblicato il 3 marzo 2025 alle 09:15", "date", "3 marzo 2025 alle 09:15"),
    ("vor 3 Stunden", "date", "vor 3 Stunden"),
    ("hace 5 minutos", "date", "hace 5 minutos"),
    ("2025年4月2日 10:15", "date", "2025年4月2日 10:15"),
    ("2025년 4월 2일", "date", "2025년 4월 2일"),
])
def test_date_lines_in_other_languages(line, key, value):
    assert meta_of("meta.date_line", line + "\n" + ARTICLE) == [(line, key, value)]
    assert decide("meta.date_line", ARTICLE + line + "\n" + ARTICLE) == []  # further down: a post's date


@pytest.mark.parametrize("title,meta", [
    ("Bread that keeps for a week | Baking | The Green Fork", [("site", "The Green Fork"), ("section", "Baking")]),
    ("Oil falls | Business News | Al Jazeera", [("site", "Al Jazeera"), ("section", "Business")]),
])
def test_title_with_several_suffixes(title, meta):
    [(text, d)] = decide("meta.title", title + "\nThe first paragraph of the article, as printed.")
    assert [(k, text[a:b]) for k, a, b in d.meta] == meta


@pytest.mark.parametrize("pattern,line", [
    (WIRE_CREDIT_LINE, "Associated Press reporters were at the scene."),
    (SOURCE_LINE, "Sources said the talks had stalled."),
    (BYLINE, "By Monday the talks had collapsed."),
    (AGE_LINE, "7 July 2025 was the hottest day on record."),
])
def test_keep_lines_do_not_match_even_where_metadata_sits(pattern, line):
    # the rules above also skip these lines for being prose; the patterns must reject them too
    assert pattern.fullmatch(line) is None


def test_title_keeps_the_lines_of_an_html_page_that_names_its_title():
    import cleanpage

    html = ("<html><head><title>Tram line reaches the harbour</title></head><body>"
            "<p>Investing in trams</p><p>The council voted on Tuesday to extend the line, officials said.</p>"
            "</body></html>")
    page = cleanpage.clean(html)
    assert page.title == "Tram line reaches the harbour"
    assert page.body.startswith("Investing in trams")
    assert not [s for s in page.trace if s.rule == "meta.title"]


def test_every_dateline_holds_a_character_of_the_quick_test():
    """``DATELINE_NEEDS`` lets the rule skip the pattern: each form of dateline has "(" or a dash."""
    from cleanpage.patterns import DATELINE, DATELINE_NEEDS

    for text in ("7 July 2025 21:04 Washington (AFP)US President said", "LONDON, July 7 (Reuters) - Oil fell",
                 "WASHINGTON (AP) \u2014 The Senate voted", "BERLIN, July 7 \u2014 Germany's parliament voted"):
        m = DATELINE.match(text)
        assert m, text
        assert any(c in m.group() for c in DATELINE_NEEDS), text
