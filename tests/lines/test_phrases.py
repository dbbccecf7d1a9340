"""Chrome phrase families: each family matches its chrome in several languages and leaves prose alone."""

import pytest

from cleanpage.phrases import DEFAULT_FAMILIES, PhraseFamily, PhraseMatcher

M = PhraseMatcher()

CHROME = [
    ("cookies", "We use cookies to improve your experience on our site."),
    ("cookies", "Wir verwenden Cookies, um unsere Website zu verbessern."),
    ("cookies", "Accept all"),
    ("cookies", "Tout accepter"),
    ("account", "Log in"),
    ("account", "Warenkorb"),
    ("account", "Iniciar sesión"),
    ("account", "Carrello"),
    ("skip_links", "Skip to main content"),
    ("skip_links", "Zum Inhalt springen"),
    ("skip_links", "Aller au contenu"),
    ("browser", "You are using an out of date browser. It may not display this or other websites correctly."),
    ("browser", "Seu navegador está desatualizado."),
    ("legal", "© 2024 Example Media Ltd. All rights reserved."),
    ("legal", "Impressum"),
    ("legal", "Tutti i diritti riservati"),
    ("social", "Follow us on Instagram"),
    ("social", "Suivez-nous"),
    ("breadcrumb", "Home > News > World"),
    ("breadcrumb", "Startseite / Politik / Ausland"),
    ("related", "Related Articles"),
    ("related", "More stories"),
    ("related", "Mehr zum Thema"),
    ("related", "Leia também"),
    ("related", "Lo más leído"),
    ("related", "Verwandte Themen"),
    ("related", "Vous aimerez peut-être aussi"),
    ("related", "Preguntas relacionadas"),
    ("related", "Você também pode se interessar"),
    ("related", "Dal nostro blog"),
    # Chinese, Japanese and Korean (a full-width colon trails a label as ":" does)
    ("account", "站内搜索"),
    ("account", "ログイン"),
    ("account", "회원가입"),
    ("legal", "关于我们"),
    ("legal", "利用規約"),
    ("legal", "개인정보처리방침"),
    ("social", "分享到："),
    ("social", "シェア"),
    ("skip_links", "본문 바로가기"),
    ("related", "相关新闻"),
    ("related", "関連記事"),
]

PROSE = [
    "The committee said it would accept all of the proposals by June.",
    "Cookies were first baked in Persia in the seventh century, historians say.",
    "She logged in to the system at dawn and found the files gone.",
    "Die Regierung will die Datenschutz-Regeln im nächsten Jahr überarbeiten, sagte der Minister.",
    "Le copyright protège les œuvres de l'esprit pendant soixante-dix ans après la mort de l'auteur.",
    "Home prices rose 4% in the year to March, the fastest pace since 2022.",
    "Related research suggests the effect is smaller than first reported.",
    "Search and rescue teams worked through the night.",
    "Das könnte dir gefallen, sagte die Verkäuferin, aber der Preis ist hoch.",
    "Du blog de sa sœur, il ne reste que trois articles.",
    "梁振英强调承诺将在两周内解决其住宅的违建问题。",
    "登录系统后，他发现文件已经不见了。",
]


@pytest.mark.parametrize(("family", "line"), CHROME)
def test_family_matches_its_chrome(family, line):
    assert M.match(line) == family


@pytest.mark.parametrize("line", PROSE)
def test_prose_is_left_alone(line):
    assert M.match(line) is None


def test_users_extend_families():
    extra = PhraseFamily("promo", lines=(r"get \d+% off(?: today)?",))
    m = PhraseMatcher(DEFAULT_FAMILIES + (extra,))
    assert m.match("Get 20% off today") == "promo"
    assert PhraseMatcher().match("Get 20% off today") is None


def test_long_lines_are_not_matched_as_menu_items():
    assert M.match("Log in") == "account"
    assert M.match("Log in " + "word " * 20) is None
