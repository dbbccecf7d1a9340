"""Every rule follows the house shape: a dotted name matching its module, a docstring
that says what it removes, quotes a real target line and says what it keeps, and a
unit test in tests/rules/ that names it."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleanpage
from cleanpage.registry import registry

RULES = registry()
TESTS = Path(__file__).resolve().parent / "rules"


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_is_named_after_its_module(name):
    family = name.split(".")[0]
    assert RULES[name].module.endswith(f".rules.{family}")


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_docstring_has_target_and_keep(name):
    doc = RULES[name].doc
    assert doc.splitlines()[0].endswith("."), "first line says what it removes, as a sentence"
    assert "Targets:" in doc and "Keeps:" in doc


@pytest.mark.parametrize("name", sorted(RULES))
def test_rule_has_a_unit_test(name):
    family = name.split(".")[0]
    test_file = TESTS / f"test_{family}.py"
    assert test_file.exists()
    assert f'"{name}"' in test_file.read_text(encoding="utf-8") or name.startswith("guard.")


def test_list_rules_names_every_rule_in_run_order():
    assert list(cleanpage.list_rules()) == list(RULES)


def test_disabling_a_rule_or_family_switches_it_off():
    text = "Tell us what you think.\nNo comments yet...\nThe vote is on Friday, officials said."
    assert "No comments yet..." not in cleanpage.clean(text).body
    for off in ({"comments.empty_notice"}, {"comments"}):
        page = cleanpage.clean(text, config=cleanpage.Config(disabled=off))
        assert "No comments yet..." in page.body


def test_unknown_rule_name_is_a_clear_error():
    with pytest.raises(cleanpage.ConfigError, match="comments.empty_notise"):
        cleanpage.clean("x", config=cleanpage.Config(disabled={"comments.empty_notise"}))
