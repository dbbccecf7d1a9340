"""The public API: types in and out, errors, bytes, HTML, JSON."""

from __future__ import annotations

import dataclasses
import json

import pytest

import cleanpage
from cleanpage import Config, ConfigError, InputError

ARTICLE = ("Oil prices fall for a third day\n"
           "Oil prices fell 3.5% on Monday as traders weighed the U.S. data, analysts said.\n"
           "Brent crude settled at $71.20 a barrel.\n")


def test_clean_returns_a_page_with_the_documented_fields():
    page = cleanpage.clean(ARTICLE, url="https://example.com/oil")
    assert page.title == "Oil prices fall for a third day"
    assert page.paragraphs == (
        "Oil prices fell 3.5% on Monday as traders weighed the U.S. data, analysts said.",
        "Brent crude settled at $71.20 a barrel.")
    assert page.body == "\n\n".join(page.paragraphs)
    assert page.sidebar == () and page.removed == ()
    assert page.url == "https://example.com/oil"
    with pytest.raises(TypeError):
        page.metadata["x"] = "y"  # read-only mapping
    with pytest.raises(dataclasses.FrozenInstanceError):
        page.title = "x"  # type: ignore[misc]


def test_bytes_input_is_decoded():
    text = "Café owners say prices rose 4% — the most since 2022, they said.\nThe survey covered 1,000 cafés.\n"
    assert cleanpage.clean(text.encode("utf-8")).body == cleanpage.clean(text).body
    assert cleanpage.clean(b"\xef\xbb\xbf" + text.encode("utf-8")).body == cleanpage.clean(text).body
    assert "Café" in cleanpage.clean(text.encode("cp1252", "replace")).body


def test_empty_and_blank_input_give_an_empty_page():
    for source in ("", "   \n\n\t", b"", b"\n"):
        page = cleanpage.clean(source)
        assert page.title is None and page.paragraphs == () and page.sidebar == () and page.body == ""


@pytest.mark.parametrize("bad", [None, 12, ["text"], {"a": 1}])
def test_non_text_input_is_a_clear_error(bad):
    with pytest.raises(InputError, match="str or bytes"):
        cleanpage.clean(bad)  # type: ignore[arg-type]
    assert issubclass(InputError, cleanpage.CleanpageError)


def test_config_is_frozen_and_validated():
    config = Config(disabled=["share"])
    assert config.disabled == frozenset({"share"})
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.preview = True  # type: ignore[misc]
    assert dataclasses.replace(config, max_title_words=12).max_title_words == 12
    for bad in ({"disabled": "share"}, {"max_title_words": 0}, {"max_cut_ratio": 1.5}, {"input_format": "pdf"}):
        with pytest.raises(ConfigError):
            Config(**bad)
    with pytest.raises(ConfigError):
        cleanpage.clean("x", config="strict")  # type: ignore[arg-type]


def test_to_dict_is_json_serialisable_and_complete():
    page = cleanpage.clean("Headline of the day\nA sentence of the article, as printed.\nNo comments yet...\n")
    data = json.loads(json.dumps(page.to_dict()))
    assert data["title"] == "Headline of the day"
    assert data["removed"] == [{"rule": "comments.empty_notice", "text": "No comments yet...",
                                "reason": "empty comments notice", "start": 59, "end": 77}]
    assert set(data) >= {"title", "body", "paragraphs", "sidebar", "metadata", "removed", "trace"}


def test_explain_names_rules_and_lines():
    report = cleanpage.clean("Headline of the day\nA sentence of the article, as printed.\nNo comments yet...\n").explain()
    assert "comments.empty_notice" in report and "line 3" in report and "meta.title" in report


def test_html_input_is_parsed_into_blocks_never_crashes():
    html = ("<!doctype html><html><head><title>Oil prices fall | Example</title><script>var x = 1;</script></head>"
            "<body><nav><a href='/'>Home</a></nav><h1>Oil prices fall</h1>"
            "<p>Oil prices fell 3.5% on <b>Monday</b>, analysts said.</p><p>Advertisement</p>"
            "<p>Brent settled at $71.20.</p><!-- c --></body></html>")
    page = cleanpage.clean(html)
    assert page.source_kind == "html"
    assert "Oil prices fell 3.5% on Monday, analysts said." in page.paragraphs
    assert "var x" not in page.body and "Advertisement" not in page.body
    for broken in ("<html><body><p>unclosed <b>bold", "<html></html>", "<!doctype html>", "<p>" * 5000,
                   "<div>" * 20000 + "deep" + "</div>" * 20000):
        assert isinstance(cleanpage.clean(broken).body, str)


def test_input_format_can_be_forced():
    html = "<p>Oil prices fell 3.5% on Monday, analysts said.</p>"
    assert cleanpage.clean(html, config=Config(input_format="text")).body == html
    assert cleanpage.clean(html).body == "Oil prices fell 3.5% on Monday, analysts said."


def test_list_rules():
    rules = cleanpage.list_rules()
    assert rules["comments.empty_notice"] == "Drop the placeholder shown before anyone has commented, or once comments are closed."


def test_command_line(tmp_path, capsys):
    from cleanpage.__main__ import main

    f = tmp_path / "page.txt"
    f.write_text(ARTICLE + "No comments yet...\n", encoding="utf-8")
    assert main([str(f)]) == 0
    assert capsys.readouterr().out.startswith("Oil prices fell 3.5%")
    assert main([str(f), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Oil prices fall for a third day"
    assert main([str(tmp_path / "missing.txt")]) == 3  # cannot read
