from pathlib import Path

import pytest

from cleanpage import Config, PhraseFamily, clean
from cleanpage.errors import ConfigError
from cleanpage.pipeline import decide
from extras import time_limit

PREVIEW = Config(preview=True)  # the phrase families are preview rules

CASES = [
    ("chrome.cookies", "We use cookies to improve your experience on our site.",
     "The bakery sells cookies from an old family recipe."),
    ("chrome.account", "Log in", "He could not log in to the system for three days."),
    ("chrome.skip_links", "Skip to content", "Skip to the end of the film and the twist is obvious."),
    ("chrome.browser", "You are using an out of date browser. It may not display this or other websites correctly.",
     "The browser wars of the 1990s ended with one winner."),
    ("chrome.legal", "© 2024 Example Media Ltd. All rights reserved.", "The terms of the deal were not disclosed."),
    ("chrome.social", "Follow us on Twitter", "Follow the river north for two miles."),
    ("chrome.breadcrumb", "Home > News > World", "Home is where the heart is, she said."),
]


@pytest.mark.parametrize("name,target,keep", CASES, ids=[c[0] for c in CASES])
def test_phrase_family_rule(name, target, keep):
    [(text, d)] = decide(name, target, PREVIEW)
    assert text == target and d.action == "drop"
    assert decide(name, keep, PREVIEW) == []


PAYWALL = PhraseFamily("paywall", lines=(r"members only.*",))


def test_users_add_a_family_through_config():
    config = Config(preview=True, chrome_phrases=(PAYWALL,))
    [(text, d)] = decide("chrome.custom", "Members only: upgrade to read", config)
    assert d.action == "drop" and "paywall" in d.reason
    assert decide("chrome.custom", "Members only: upgrade to read", PREVIEW) == []
    assert decide("chrome.custom", "The club is for members only, the owner said.", config) == []


def test_users_extend_a_default_family():
    config = Config(preview=True, chrome_phrases=(PhraseFamily("account", lines=(r"mein bereich",)),))
    assert decide("chrome.account", "Mein Bereich", config)[0][1].action == "drop"
    assert decide("chrome.account", "Mein Bereich", PREVIEW) == []


def test_config_with_phrases_is_hashable_and_validated():
    assert hash(Config(chrome_phrases=(PAYWALL,))) == hash(Config(chrome_phrases=[PAYWALL]))
    with pytest.raises(ConfigError):
        Config(chrome_phrases=("members only",))
    with pytest.raises(ValueError):
        PhraseFamily("paywall", lines=("(unclosed",))


def test_a_user_pattern_that_backtracks_leaves_the_page_to_the_shipped_patterns_with_a_warning():
    page = (Path(__file__).resolve().parents[2] / "corpus" / "000_55d7540c9cb6f607.txt").read_text(encoding="utf-8")
    text = page + "\n" + "a" * 60 + "\n"
    config = Config(preview=True, chrome_phrases=(PhraseFamily("paywall", lines=(r"(?:\w|\w\w)+;",)),))
    with time_limit(20):
        result = clean(text, config=config)
    assert [w.split(":")[0] for w in result.warnings] == ["pattern_timeout"]
    assert result.body == clean(text, config=PREVIEW).body
