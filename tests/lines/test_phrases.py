"""Chrome phrase families: each family matches its chrome in several languages and leaves prose alone."""

import pytest

from cleanpage.phrases import DEFAULT_FAMILIES, EXTRA_FAMILIES, PhraseFamily, PhraseMatcher
from extras import slower_than_linear, time_limit

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


# runs a phrase pattern could backtrack on: menu separators, counts, arrows, the words the families name
PHRASE_RUNS = ["a", "A", " ", "a ", "1", ".", "-", "|", "»", ">", " > ", "©", "(1)", "* ", "a.", "cookie ",
               "log in ", "Home > ", "We use cookies ", "Follow us on ", "Skip to ", "\u00a0", "\t"]


def _shipped_patterns():
    m = PhraseMatcher(DEFAULT_FAMILIES + EXTRA_FAMILIES)
    for c, rx in sorted(m._line_by_char.items()):
        yield f"line[{c!r}]", rx.match
    yield "line[other]", m._line_other.match
    for name, (rx, _keys) in m._contains.items():
        yield f"contains[{name}]", rx.search


@pytest.mark.parametrize("name, call", list(_shipped_patterns()), ids=[n for n, _ in _shipped_patterns()])
def test_shipped_phrase_patterns_are_linear_on_long_runs(name, call):
    # a line is matched only up to its family's words, but a word can be as long as a block
    # (10,000 characters): each compiled pattern is timed on 5,000 and 20,000 characters of a run
    slow = slower_than_linear(call, PHRASE_RUNS)
    assert not slow, f"{name} is not linear: {slow}"


# exponential in the line's length under ``re``: (a|aa)+ tries every way to split the a's
BACKTRACKS = PhraseFamily("paywall", lines=(r"(?:\w|\w\w)+;",))


def test_a_user_pattern_that_backtracks_runs_out_of_time_and_the_shipped_patterns_answer():
    m = PhraseMatcher(DEFAULT_FAMILIES + (BACKTRACKS,))
    assert m.timed and not M.timed
    told: list[str] = []
    with time_limit(10):
        found = m.match_lines(["Log in", "a" * 60, "Cookie settings"], None, None, told)
        one = m.match("a" * 60)
    assert found == ["account", None, "cookies"] and one is None
    assert len(told) == 1 and told[0].startswith("pattern_timeout: ")


def test_a_user_pattern_that_does_not_backtrack_matches_as_before():
    m = PhraseMatcher(DEFAULT_FAMILIES + (PhraseFamily("paywall", lines=(r"members only.*",)),))
    told: list[str] = []
    assert m.match_lines(["Members only: upgrade", "Log in", "The club is open."], None, None, told) \
        == ["paywall", "account", None]
    assert told == []
