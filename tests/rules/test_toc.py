from cleanpage.pipeline import decide

ARTICLE = """Table of Contents
Why repot in spring
What you need
1. Step by step
How to repot a fiddle-leaf fig
Why repot in spring
Roots fill the pot by the end of winter, and the plant has a whole season of growth ahead of it.
What you need
A pot one size larger, fresh soil with bark in it, and a pair of gloves.
Step by step
Water the day before, ease the plant out, loosen the roots and set it at the same depth as before.
"""


def drops(page):
    return [text for text, d in decide("toc.contents", page) if d.action == "drop"]


def test_drop_table_of_contents():
    assert drops(ARTICLE) == ["Table of Contents", "Why repot in spring", "What you need", "1. Step by step"]


def test_keep_a_contents_list_the_page_does_not_repeat():
    page = ("Contents\nA pot one size larger\nFresh soil with bark\nA pair of gloves\n"
            "Everything on this list is sold at any garden centre for under twenty dollars.\n")
    assert drops(page) == []


def test_the_headline_under_the_list_stays():
    assert "How to repot a fiddle-leaf fig" not in drops(ARTICLE)


def test_a_table_printed_twice_goes_twice():
    # a mobile and a desktop copy: both go in one run
    page = "Contents\nWhy repot in spring\nWhat you need\n" + ARTICLE
    got = drops(page)
    assert got.count("Table of Contents") == 1 and "Contents" in got and got.count("What you need") == 2
