"""Text from sites in other languages: news pages written for these tests (a German and a
French one, with a menu, a byline, a date line, a related list, a footer and a cookie notice;
and a Chinese one, which no named rule reads).

With ``Config(preview=True)`` every chrome line goes, the article's paragraphs stay whole,
the byline and date go to metadata and the related list becomes sidebar items; the default
rules file the byline and the date too.
"""

from pathlib import Path

import pytest

import cleanpage

CASES = Path(__file__).resolve().parent.parent / "cases" / "languages"

EXPECTED = {
    "de_news": dict(
        title="Stadtwerke erhöhen Strompreise zum Jahreswechsel",
        metadata={"author": "Anna Berger", "date": "12. November 2025, 14:32 Uhr", "site": "Lokalzeitung Neustadt"},
        starts=["Die Stadtwerke Neustadt heben", "Als Grund nannte", "Die Verbraucherzentrale rät",
                "Im Stadtrat stieß", "Die Stadtwerke kündigten an"],
        sidebar=["Neue Ladesäulen am Bahnhof in Betrieb genommen", "Fernwärme: Ausbau verzögert sich bis 2027"],
    ),
    "fr_news": dict(
        title="La mairie lance un budget participatif pour les quartiers",
        metadata={"author": "Julien Moreau", "date": "3 mars 2025 à 09h15", "site": "Le Courrier de Valmont"},
        starts=["La ville de Valmont consacrera", "Chaque projet doit relever", "Les habitants voteront",
                "Plusieurs associations de quartier"],
        sidebar=["Travaux sur le pont : la circulation perturbée jusqu'en juin",
                 "Le marché de Noël attire un public record"],
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_preview_cleans_a_news_page_in_another_language(name):
    want = EXPECTED[name]
    page = cleanpage.clean((CASES / f"{name}.txt").read_text(encoding="utf-8"), config=cleanpage.Config(preview=True))
    assert page.title == want["title"]
    assert page.metadata == want["metadata"]
    assert len(page.paragraphs) == len(want["starts"])
    assert all(p.startswith(s) and p.endswith(".") for p, s in zip(page.paragraphs, want["starts"]))
    assert [item.title for item in page.sidebar] == want["sidebar"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_default_rules_file_the_byline_and_date_in_another_language(name):
    want = EXPECTED[name]
    page = cleanpage.clean((CASES / f"{name}.txt").read_text(encoding="utf-8"))
    assert {k: page.metadata[k] for k in ("author", "date")} == {k: want["metadata"][k] for k in ("author", "date")}
    assert all(any(p.startswith(s) for p in page.paragraphs) for s in want["starts"])  # every paragraph kept


def test_preview_reads_a_chinese_page_by_the_shape_of_its_lines():
    # no named rule reads Chinese: the line model does, once a paragraph counts its words two
    # characters to a word (written without spaces, it was a "word" or two per clause and read
    # as a menu); the menu and the footer's links go, every paragraph stays whole and in order
    text = (CASES / "zh_news.txt").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line]
    paragraphs = [line for line in lines if line.endswith("。")]
    page = cleanpage.clean(text, config=cleanpage.Config(preview=True))
    assert page.title == "城南公园改造工程下月开工" and page.metadata["site"] == "清河日报"
    assert list(page.paragraphs[:len(paragraphs)]) == paragraphs
    menu = lines[lines.index("首页"):lines.index("注册") + 1]
    assert not set(menu) & set(page.paragraphs)
    assert not {"隐私政策", "网站地图", "联系我们"} & set(page.paragraphs)
