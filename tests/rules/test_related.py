import pytest
from cleanpage.pipeline import decide

ARTICLE = "The deepening ties have raised worries among the US, South Korea and their partners.\n"

SEED_000_CARD = ARTICLE + """Related Articles


Dubai Eye
10 hours ago
- Dubai Eye
Ukraine urges investigation into alleged Russian chemical weapons use
Ukraine asked the global chemical weapons watchdog in The Hague on Tuesday to investigate the alleged use of banned toxic munitions.
"""


def roles(page):
    return [(text, d.action, getattr(d, "role", None)) for text, d in decide("related.sections", page)]


def test_a_page_that_is_only_lists_keeps_them():
    assert roles("Most read\nOil prices fall for a third day\nCourt blocks new border rule\n") == []


def test_segment_sidebar_sections():
    assert roles(SEED_000_CARD) == [
        ("Related Articles", "sidebar", "heading"),
        ("Dubai Eye", "sidebar", "source"),
        ("10 hours ago", "sidebar", "age"),
        ("- Dubai Eye", "drop", None),
        ("Ukraine urges investigation into alleged Russian chemical weapons use", "sidebar", "title"),
        ("Ukraine asked the global chemical weapons watchdog in The Hague on Tuesday to investigate the alleged use "
         "of banned toxic munitions.", "sidebar", "summary"),
    ]


@pytest.mark.parametrize("heading", ["Mehr zum Thema", "À lire aussi", "Noticias relacionadas", "Leia também",
                                     "Leggi anche", "Verwandte Themen", "Das könnte dir auch gefallen",
                                     "Aus unserem Blog", "Vous pourriez aussi aimer", "Sujets liés",
                                     "Temas relacionados", "Quizás te interese", "Você pode gostar",
                                     "Argomenti correlati", "Altre ricette"])
def test_related_headings_in_other_languages(heading):
    page = ("Die Stadtwerke kündigten an, alle Kunden bis Ende November schriftlich zu informieren.\n"
            + heading + "\nNeue Ladesäulen am Bahnhof in Betrieb genommen\nvor 3 Stunden\n"
            "Fernwärme: Ausbau verzögert sich bis 2027\nvor 2 Tagen\n")
    assert [r[2] or r[1] for r in roles(page)] == ["heading", "title", "age", "title", "age"]


def test_label_category_cards_with_repeated_headline():
    page = ARTICLE + ("Related articles\n\nEditor's choice\nNews\nBorrell tells the European Parliament the EU will remain engaged\n\n"
            "Borrell tells the European Parliament the EU will remain engaged\n\n"
            "Borrell underlined that the European Union will make every effort to support the peace process.\n")
    assert [r[2] or r[1] for r in roles(page)] == ["heading", "label", "category", "title", "drop", "summary"]


def test_keeps_popular_heading_followed_by_the_articles_own_paragraphs():
    page = ("Popular\n"
            "The museum's most visited room reopened on Monday after a two-year restoration, officials said.\n"
            "Visitors queued for hours to see the ceiling, which had been cleaned by hand.\n")
    assert roles(page) == []


def test_a_link_label_printed_under_every_teaser_is_no_section_heading():
    # a listing page with a "Read More" link under each teaser (BeautifulSoup's get_text puts a link on its
    # own line): the label opened a section, and the teasers after the first went to the sidebar
    teasers = [("Moving tips for a small flat in the city centre this summer season",
                "Packing a kitchen takes longer than you think, so start with what you use least and label every box."),
               ("How to choose a moving company you can trust with your furniture",
                "Ask for a written quote, check the insurance, and read reviews from more than one site before you sign."),
               ("Five things to do in the first week in a new home before you unpack",
                "Change the locks, find the fuse box and the water valve, and meet the neighbours while the boxes wait.")]
    page = "".join(f"{title}\n{summary}\nRead More\n" for title, summary in teasers)
    assert roles(page) == []
    # printed twice it may still head two lists (one at the top of the page, one at the foot)
    twice = "".join(f"{title}\n{summary}\nRead More\n" for title, summary in teasers[:2])
    assert ("Read More", "sidebar", "heading") in roles(ARTICLE + twice)
    # and a heading printed again far below (pages joined into one) is a heading each time
    from cleanpage.parse.text import parse_text
    from cleanpage.readers.cards import CardReader

    reader = CardReader()
    near = parse_text("".join(f"{title}\n{summary}\nRead More\n" for title, summary in teasers)).blocks
    far = parse_text((ARTICLE * 25 + SEED_000_CARD) * 3).blocks
    assert all(reader._label_of_items(near, i) for i, b in enumerate(near) if b.text == "Read More")
    assert not any(reader._label_of_items(far, i) for i, b in enumerate(far) if b.text == "Related Articles")


def test_a_link_label_counts_as_printed_when_other_rules_removed_its_copies():
    # BeautifulSoup text of a research listing (a "Read More" link under each post): the line model
    # dropped every "Read More" but one, and that one opened a section of the page's own posts
    from cleanpage.model import ToSidebar
    from cleanpage.parse.text import parse_text
    from cleanpage.readers.cards import PRINTED_LABEL, CardReader

    posts = [("Model-Preserving Adaptive Rounding for Quantized Language Models",
              "We show how to round the weights of a large model without losing what it learned in training."),
             ("Speculative Decoding for Reasoning Models on Commodity Hardware",
              "A smaller draft model proposes tokens and the large model checks them, three times as fast."),
             ("Training-Free Acceleration of Diffusion Transformers with Sparse Attention",
              "Most attention weights barely change between steps, so we reuse them and compute only the rest.")]
    text = "".join(f"{title}\n{summary}\nRead More\n" for title, summary in posts)
    blocks = parse_text(text).blocks
    first = next(i for i, b in enumerate(blocks) if b.text == "Read More")
    body = [b for i, b in enumerate(blocks) if b.text != "Read More" or i == first]
    reader = CardReader()
    # what is left of the page alone shows one "Read More" over two posts: a section
    assert [d.role for _b, d in reader.sections(body) if isinstance(d, ToSidebar)][:1] == ["heading"]
    # the page as printed shows it under every post: a link label, dropped with its copies, so
    # that the page cleaned again, where it would stand alone, does not open a section either
    assert list(reader.sections(body, text)) == [(blocks[first], PRINTED_LABEL)]


def test_keeps_subheading_and_paragraph_followed_by_more_prose():
    page = ("Recommended\nWhat the report found\nThe report found that 40% of schools lacked heating in winter.\n"
            "Teachers said pupils wore coats in class.\n")
    assert roles(page) == []


def test_headline_only_list():
    page = ARTICLE + "Most read\nOil prices fall for a third day\nCourt blocks new border rule\nStorm Amy hits the coast\n"
    assert [r[2] for r in roles(page)] == ["heading", "title", "title", "title"]


def test_a_summary_is_printed_right_under_its_headline():
    # a shop's blog post (invented): "Related Posts:" and three titles, then a comment form whose
    # prompt and house rules other rules remove; the captcha notice under it is no summary of the third title
    from cleanpage.model import ToSidebar
    from cleanpage.parse.text import parse_text
    from cleanpage.readers.cards import CardReader

    text = (ARTICLE + "Related Posts:\nWhy Tea Leaves Unfurl in Hot Water\nFive Ways to Brew a Better Pot\n"
            "Where Our Oolong Is Grown\nLeave a comment\nAll comments are moderated before they appear.\n"
            "This form is protected by a captcha, and its privacy policy and terms of service apply.\n")
    blocks = parse_text(text).blocks
    body = [b for b in blocks if b.text not in ("Leave a comment", "All comments are moderated before they appear.")]
    read = [(b.text[:20], d.role) for b, d in CardReader().sections(body, text) if isinstance(d, ToSidebar)]
    assert read == [("Related Posts:", "heading"), ("Why Tea Leaves Unfur", "title"),
                    ("Five Ways to Brew a ", "title"), ("Where Our Oolong Is ", "title")]
    # with nothing printed between them, the same line would be read as the summary
    adjacent = "".join(f"{b.text}\n" for b in body)
    assert [d.role for _b, d in CardReader().sections(parse_text(adjacent).blocks, adjacent)][-1] == "summary"


def test_related_headings_in_chinese_japanese_and_korean():
    # no ASCII keyword names them: the heading is read by its pattern alone
    page = ("北京时间周一晚间，国家统计局发布了最新的经济数据，显示第三季度国内生产总值同比增长百分之四点八。\n"
            "相关新闻\n国家统计局发布三季度经济数据\n2024年10月18日\n消费回暖带动服务业增长\n2024年10月17日\n")
    assert [r[2] for r in roles(page)] == ["heading", "title", "age", "title", "age"]
    for heading in ("関連記事", "관련 기사", "相关阅读："):
        assert roles(page.replace("相关新闻", heading))[0] == (heading, "sidebar", "heading")
    # a line that only starts like one is no heading
    assert roles(page.replace("相关新闻", "相关新闻报道称经济回暖")) == []


HEADLINES = ("City council approves new cycle lanes on Bridge Street\nLibrary extends its weekend opening hours\n"
             "School canteens switch to local suppliers\n")


# each family seen on several WCXB sites: related + what the list holds, "<things> you may like",
# "From our blog", "More <things>"
@pytest.mark.parametrize("heading", ["Related topics", "Related questions", "Related Studies & Reports",
                                     "Related News & Resources", "You may like to read:", "Other posts you’ll love:",
                                     "Services you might like", "You'll also love", "From our blog",
                                     "The latest from the blog", "More recipes", "More related posts",
                                     "Read more articles", "Read more from Dana Reyes", "Hot Network Questions",
                                     "Trending questions"])
def test_more_related_heading_families(heading):
    assert [r[2] for r in roles(ARTICLE + heading + "\n" + HEADLINES)] == ["heading", "title", "title", "title"]


# near misses: a guide's own reading list, a shop's related products, a pointer inside the article
@pytest.mark.parametrize("line", ["Related Resources", "Related products", "Read more about the council's budget",
                                  "You will love this recipe", "From the blog of a local historian", "Top questions"])
def test_near_miss_related_headings_are_kept(line):
    assert roles(ARTICLE + line + "\n" + HEADLINES) == []


def test_short_links_under_a_related_heading_are_removed_not_filed():
    # without the line model: a run of links of three words or fewer is a menu or footer, removed
    # as chrome (and its heading with it), not sidebar items
    assert roles(ARTICLE + "Related\nGarden tools\nSeed catalogue\nOur team\n") == [
        ("Related", "drop", None), ("Garden tools", "drop", None), ("Seed catalogue", "drop", None),
        ("Our team", "drop", None)]
    # after real teasers, only the links go
    assert [r[1:] for r in roles(ARTICLE + "Related articles\n" + HEADLINES + "Garden tools\nSeed catalogue\n")] == [
        ("sidebar", "heading"), ("sidebar", "title"), ("sidebar", "title"), ("sidebar", "title"), ("drop", None),
        ("drop", None)]
    # a short headline with a summary under it is still a card
    assert [r[2] for r in roles(ARTICLE + "Related\nGarden tools\nEverything you need for the spring season in "
                                           "one place.\n")] == ["heading", "title", "summary"]


def test_empty_related_heading_at_the_end_is_dropped():
    assert roles("The talks ended on Monday, both sides said.\nRelated Articles\n") == [
        ("Related Articles", "drop", None)]


def test_merge_duplicate_cards():
    card = ("Editor's choice\nNews\nOpinion: Women, Peace and Security: Words Endure, but Government Action Lags\n"
            "Twenty-five years ago, the UN Security Council adopted Resolution 1325 on women and peace.\n")
    import cleanpage

    page = cleanpage.clean(ARTICLE + "Related articles\n" + card + "Popular\n" + card)
    assert len(page.sidebar) == 1
    assert page.sidebar[0].sections == ("Related articles", "Popular")
    assert {r.rule for r in page.removed} == {"related.duplicate_card"}
    assert decide("related.duplicate_card", "Two cards that share a source but not their headline") == []


def test_headlines_alternating_with_ages():
    page = ARTICLE + ("More from The Ledger\nWhy your router needs an update\n2 hours ago\nMeta tests paid Threads tier\n"
            "5 hours ago\nThe best budget earbuds of 2025\nYesterday\n")
    assert [r[2] for r in roles(page)] == ["heading", "title", "age", "title", "age", "title", "age"]


def test_two_free_meta_lines_are_label_then_category():
    page = ARTICLE + ("Related\nAnalysis\nPolitics\nWhy the coalition talks stalled again this week\n"
            "Negotiators failed to agree on the budget, officials said on Monday.\n")
    assert [r[2] for r in roles(page)] == ["heading", "label", "category", "title", "summary"]


def test_short_headline_before_a_longer_one_in_a_headline_list():
    page = ARTICLE + ("Most read\nRiyadh Air picks its first routes\nEtihad adds three new routes to Central Asia next spring\n"
            "Oil prices fall for a third day as demand cools\n")
    assert [r[2] for r in roles(page)] == ["heading", "title", "title", "title"]


def test_any_two_lines_above_a_headline_printed_twice_are_label_and_category():
    page = ARTICLE + ("Related articles\nReview\nFilm\nThe Salt Road is a slow, beautiful film\n"
                      "The Salt Road is a slow, beautiful film\nThe director's second feature follows two traders.\n")
    assert [r[2] or r[1] for r in roles(page)] == ["heading", "label", "category", "title", "drop", "summary"]


def test_lone_lines_read_alike_across_a_section():
    page = ARTICLE + ("More from The Safari Post\nWildlife\nElephant numbers rise in Tsavo park\n"
                      "Rangers counted 1,200 more elephants than in 2020, the survey found.\n"
                      "Travel\nNew night trains link Nairobi and Mombasa\n"
                      "The service starts in June and takes nine hours, the operator said.\n")
    assert [r[2] for r in roles(page)] == ["heading", "category", "title", "summary", "category", "title", "summary"]


class _Lines:
    """The line model's verdict on a page, as ``related.sections`` reads it: which lines it keeps,
    and whether the page reads as clean text (``guard.clean_text``)."""

    def __init__(self, doc, kept, clean):
        self.clean = clean
        self.keep = [b.text in kept for b in doc.blocks]
        self.line_index = {b.line: k for k, b in enumerate(doc.blocks)}

    def index(self, block):
        return self.line_index.get(block.line)


@pytest.mark.parametrize("clean", [False, True])
def test_a_headline_list_the_line_model_reads_as_content_stays_whether_or_not_the_page_reads_clean(clean):
    # the same page with and without its chrome must give the same answer: a list under "More
    # from <author>" that the line model keeps is the page's own, one it drops is a sidebar
    from dataclasses import replace

    import cleanpage
    from cleanpage.parse import parse
    from cleanpage.rules.related import SegmentSidebarSections

    headlines = ["How the river came back to the town", "Why the old mill was saved at last",
                 "The ferry that runs on sunlight now", "What the floods taught the valley"]
    doc = parse("\n".join([ARTICLE.strip()] * 24 + ["More from Jane Smith", *headlines]), input_format="text")
    rule = SegmentSidebarSections.from_config(cleanpage.Config())
    kept = replace(doc, analysis={"lines": _Lines(doc, set(headlines) | {ARTICLE.strip()}, clean)})
    assert list(rule(kept)) == []
    dropped = replace(doc, analysis={"lines": _Lines(doc, {ARTICLE.strip()}, clean)})
    assert [b.text for b, d in rule(dropped) if d.role == "title"] == headlines


def test_a_row_of_site_links_ends_the_section_and_goes():
    page = SEED_000_CARD + "About Us | Privacy Policy | Cookie Settings | Contact\nThe next line of the footer\n"
    got = roles(page)
    assert ("About Us | Privacy Policy | Cookie Settings | Contact", "drop", None) in got
    assert not any(text == "The next line of the footer" for text, _a, _r in got)


def test_a_headline_naming_one_furniture_word_is_still_a_card():
    page = SEED_000_CARD + "Meta changes its privacy rules for teenagers in Europe\n"
    assert ("Meta changes its privacy rules for teenagers in Europe", "sidebar", "title") in roles(page)


@pytest.mark.parametrize("line", [
    "Subscribe", "Subscribed", "subscription", "Newsletters", "Sign in", "Signed up", "signup", "Log out", "Login",
    "Register", "Privacy", "Terms", "Cookies", "Contact", "Account", "Abonnieren", "Anmelden", "Registrieren",
    "Datenschutz", "Kontakt", "Konto", "Impressum", "Abonner", "Abonnez", "Connexion", "Confidentialité",
    "Confidentialite", "Compte", "Mentions légales", "Suscríbete", "Suscribete", "Suscríbate", "Suscribirse",
    "Iniciar sesión", "Privacidad", "Contacto", "Cuenta", "Aviso legal", "Inscreva-se", "Assine", "Entrar",
    "Privacidade", "Contato", "Conta", "Iscriviti", "Accedi", "Contatti", "Note legali",
])
def test_every_furniture_word_has_a_keyword(line):
    # the card reader searches FURNITURE_WORDS only in lines that name one of FURNITURE_KEYWORDS
    from cleanpage.phrases import FURNITURE_KEYWORDS, FURNITURE_WORDS
    from cleanpage.text import keywords

    assert FURNITURE_WORDS.fullmatch(line)
    assert not FURNITURE_KEYWORDS.isdisjoint(keywords(line))


def test_a_list_in_text_laid_out_as_a_cleaned_body_stays():
    # an HTML page's body cleaned again as text: the DOM model kept the list as content, every
    # block is set apart by a blank line and no rule has taken anything from it; filing the
    # list now would change the body each time it is cleaned again
    body = "\n\n".join(line for line in SEED_000_CARD.splitlines() if line.strip()) + "\n"
    assert roles(body) == []
    # the same lines as scraped, one under another (SEED_000_CARD): a sidebar section
    assert roles(SEED_000_CARD)
