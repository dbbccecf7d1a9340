"""Never crash, never hang, never lose text: decoding, detection, limits, HTML safety, errors.

The named hostile inputs are in ``test_hostile.py``; fuzzing in ``test_fuzz.py``.
"""

from __future__ import annotations

import codecs
import dataclasses
import gzip
import json
import socket
import threading
import time

import pytest

import cleanpage
from cleanpage import CleanpageError, Cleaner, Config, ConfigError, InputError
from cleanpage.parse import binary_kind, decode_bytes, parse, sniff
from cleanpage.parse.decode import looks_like_mojibake
from cleanpage.parse.html import _strip_tags, _tree

ARTICLE = ("Oil prices fall for a third day\n"
           "Oil prices fell 3.5% on Monday as traders weighed the U.S. data, analysts said.\n"
           "Brent crude settled at $71.20 a barrel.\n")
FRENCH = "Voilà, à côté du château, les élèves ont fêté Noël. Ça coûte cher, a dit le maire.\n"
POLISH = "Zażółć gęślą jaźń, powiedział minister. Było to wczoraj w Łodzi.\n"
RUSSIAN = "Министр иностранных дел России прибыл в Пхеньян для переговоров с руководством страны.\n"


# --- decoding ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("bom, codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                        (codecs.BOM_UTF16_BE, "utf-16-be"), (codecs.BOM_UTF32_LE, "utf-32-le"),
                                        (codecs.BOM_UTF32_BE, "utf-32-be")])
def test_a_byte_order_mark_decides(bom, codec):
    page = cleanpage.clean(bom + RUSSIAN.encode(codec))
    assert page.source == RUSSIAN and page.metadata["encoding"] == codec


def test_the_callers_encoding_comes_before_declarations_and_guesses():
    data = b'<meta charset="koi8-r">' + "Привет".encode("cp1251")
    assert decode_bytes(data, "cp1251").encoding == "cp1251"
    assert cleanpage.clean(RUSSIAN.encode("koi8-r"), encoding="koi8-r").source == RUSSIAN
    # labels mean what they mean to browsers: iso-8859-1 is cp1252 (curly quotes, not C1 controls)
    assert decode_bytes("\u201cQuoted\u201d".encode("cp1252"), "iso-8859-1").text == "\u201cQuoted\u201d"


def test_a_wrong_encoding_argument_is_skipped_with_a_warning():
    # HTTP clients report iso-8859-1 for a text/html response without a charset: valid UTF-8 wins
    page = cleanpage.clean("Größe und Maß".encode("utf-8"), encoding="iso-8859-1")
    assert page.source == "Größe und Maß" and page.metadata["encoding"] == "utf-8"
    assert any(w.startswith("encoding: the bytes are valid UTF-8") for w in page.warnings)
    page = cleanpage.clean(RUSSIAN.encode("cp1251"), encoding="shift_jis")
    assert page.source == RUSSIAN and page.metadata["encoding"] == "cp1251"
    assert any(w.startswith("encoding: the bytes are not shift_jis as given") for w in page.warnings)


def test_an_unknown_encoding_argument_is_a_clear_error():
    with pytest.raises(InputError, match="not a text encoding Python knows.*such as 'utf-8'"):
        cleanpage.clean(b"text", encoding="no-such-codec")
    with pytest.raises(InputError):
        cleanpage.clean(b"text", encoding="rot13")  # a bytes-to-bytes codec, not a text encoding


def test_valid_utf8_wins_over_a_stale_declaration():
    # a page saved as UTF-8 by a scraper keeps the charset it was served with
    data = b'<html><head><meta charset="windows-1251"></head><body><p>' + FRENCH.encode() + b"</p></body></html>"
    page = cleanpage.clean(data)
    assert page.metadata["encoding"] == "utf-8" and FRENCH.strip() in page.body


def test_a_declared_charset_decodes_what_is_not_utf8():
    for declaration in (b'<meta charset="windows-1251">', b'<meta http-equiv="Content-Type" '
                        b'content="text/html; charset=windows-1251">', b'<?xml version="1.0" encoding="cp1251"?>'):
        page = cleanpage.clean(declaration + b"<p>" + RUSSIAN.encode("cp1251") + b"</p>")
        assert page.metadata["encoding"] == "cp1251" and RUSSIAN.strip() in page.body


def test_a_declared_charset_that_does_not_fit_is_skipped_with_a_warning():
    page = cleanpage.clean(b'<meta charset="utf-16"><p>' + FRENCH.encode("cp1252") + b"</p>")
    assert FRENCH.strip() in page.body and page.metadata["encoding"] == "cp1252"
    assert any("utf-16" in w for w in page.warnings)
    page = cleanpage.clean(b'<meta charset="unicode_escape"><p>\\x41 ' + FRENCH.encode("cp1252") + b"</p>")
    assert "\\x41" in page.body  # a page may not pick a codec that rewrites its text


@pytest.mark.parametrize("text, codec", [(FRENCH, "cp1252"), (POLISH, "cp1250"), (RUSSIAN, "cp1251"),
                                         (RUSSIAN * 3, "koi8-r"), ("日本語のテキストです。東京で会議が開かれました。", "cp932")])
def test_undeclared_legacy_encodings_are_guessed(text, codec):
    decoded = decode_bytes(text.encode(codec))
    assert decoded.text == text and decoded.encoding == codec


def test_mojibake_is_recognised():
    assert looks_like_mojibake("Ìèíèñòð èíîñòðàííûõ äåë")  # cp1251 read as cp1252
    assert looks_like_mojibake("Za¿ó³æ gêœl¹ jaŸñ, powiedzia³ minister. By³o to wczoraj.")  # cp1250 as cp1252
    for good in (FRENCH, POLISH, RUSSIAN, "日本語のテキストです。", "plain ASCII text"):
        assert not looks_like_mojibake(good)


def test_undefined_cp1252_bytes_are_kept_not_replaced():
    # the last resort maps 0x81, 0x8D, 0x8F, 0x90, 0x9D to U+0081... as browsers do
    decoded = decode_bytes(b"caf\xe9 \x81\x8d\x8f\x90\x9d \xff\xfe" * 3)
    assert "\ufffd" not in decoded.text and len(decoded.text) == len(b"caf\xe9 \x81\x8d\x8f\x90\x9d \xff\xfe" * 3)


def test_utf16_without_a_bom_is_text():
    for codec in ("utf-16-le", "utf-16-be"):
        for text in (ARTICLE, RUSSIAN * 2):
            assert binary_kind(text.encode(codec)) is None
            assert cleanpage.clean(text.encode(codec)).source == text


@pytest.mark.parametrize("data, kind", [
    (gzip.compress(ARTICLE.encode()), "gzip"), (b"PK\x03\x04" + bytes(100), "zip"), (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
    (b"\x89PNG\r\n\x1a\n" + bytes(50), "PNG"), (b"\xff\xd8\xff\xe0" + bytes(50), "JPEG"), (b"GIF89a" + bytes(9), "GIF"),
    (b"\x7fELF\x02\x01\x01" + bytes(50), "ELF"), (bytes(range(256)) * 40, "control bytes"),
])
def test_binary_input_is_a_clear_error(data, kind):
    with pytest.raises(InputError, match=kind) as info:
        cleanpage.clean(data)
    assert "not text or HTML" in str(info.value)


def test_nul_and_control_characters_never_cut_text_off():
    text = "First line with a NUL\x00 in it.\nSecond\x01line\x7f with controls\x1b[0m and\x0c a form feed.\n" * 3
    for source in (text, text.encode("utf-8")):
        page = cleanpage.clean(source)
        assert "Second\x01line\x7f with controls" in page.body and page.body.count("NUL\x00 in it.") == 3
    lone = "Before a lone surrogate \ud800 and after it, the sentence goes on.\nNext line."
    assert "and after it, the sentence goes on." in cleanpage.clean(lone).body
    html = "<html><body><p>NUL\x00 inside HTML \ud800 and text after it.</p></body></html>"
    assert "and text after it." in cleanpage.clean(html).body


# --- detection -----------------------------------------------------------------------------------------


TUTORIAL = ("<div> element tutorial\n"
            "The div element is a generic container for flow content. You open one with <div> and close it "
            "with </div>, and it has no effect on layout until it is styled.\n"
            "Most pages use it to group the parts of an article.\n"
            "Styles and scripts then find it by its class or its id.\n")


@pytest.mark.parametrize("source, kind", [
    ("<script>var x = '<p>';</script><div><p>Hello world.</p></div>", "html"),
    ("<style>p { color: red }</style>\n<p>The article text.</p>", "html"),
    ("  \ufeff<!-- a comment -->\n<!doctype html><title>t</title><p>x", "html"),
    ("<?xml version='1.0'?><!DOCTYPE html [<!ENTITY a 'b'>]><html><body>&a;</body></html>", "html"),
    ("<p>One paragraph.</p>", "html"),
    (TUTORIAL, "text"),
    ("<html> element tutorial\nThe html element is the root of a page.\n", "text"),
    ("<table>: The Table element", "text"),
    ("Plain text that mentions <b>bold</b> later on.", "text"),
])
def test_detection(source, kind):
    assert sniff(source) == kind


def test_text_that_starts_with_a_tag_keeps_its_words():
    page = cleanpage.clean(TUTORIAL)
    assert page.source_kind == "text" and page.title == "<div> element tutorial"
    assert "You open one with <div> and close it with </div>" in page.body


def test_the_format_can_be_forced_either_way():
    assert cleanpage.clean(TUTORIAL, config=Config(input_format="html")).source_kind == "html"
    html = "<script>var x = 1;</script><p>Text.</p><p>More text.</p>"
    assert cleanpage.clean(html, config=Config(input_format="text")).body == html
    assert parse(html, input_format="text").kind == "text"


# --- limits --------------------------------------------------------------------------------------------


def test_input_over_max_bytes_is_a_clear_error():
    config = Config(max_bytes=1000)
    for source in ("word " * 300, ("word " * 300).encode()):
        with pytest.raises(InputError, match=r"over Config.max_bytes = 1,000.*truncate=True"):
            cleanpage.clean(source, config=config)
    # UTF-8 size counts for str input: 400 Cyrillic letters are 800 bytes
    cleanpage.clean("д" * 400, config=config)
    with pytest.raises(InputError):
        cleanpage.clean("д" * 501, config=config)


def test_truncation_cuts_at_a_line_end_and_says_so():
    config = Config(max_bytes=1000, truncate=True)
    text = "".join(f"Line {i} of the page, with a few words.\n" for i in range(100))
    for source in (text, text.encode("utf-8"), text.encode("utf-16")):
        page = cleanpage.clean(source, config=config)
        assert text.startswith(page.source) and page.source.endswith("words.")
        assert len(page.source.encode("utf-8")) <= 1000
        assert [w.split(":")[0] for w in page.warnings] == ["truncated"]


def test_truncation_never_splits_a_character():
    config = Config(max_bytes=1001, truncate=True)
    text = "ж" * 2000  # two bytes each, no line break: cut inside the last character
    page = cleanpage.clean(text.encode("utf-8"), config=config)
    assert page.source == "ж" * 500 and page.metadata["encoding"] == "utf-8"
    assert cleanpage.clean(text, config=config).source == "ж" * 500


def test_timeout_returns_the_input_with_finished_removals_and_a_warning():
    page_text = ("Headline of the story\nA sentence of the article, as printed.\nAdvertisement\n"
                 "No comments yet...\n") * 20_000
    started = time.process_time()
    page = Cleaner(Config(timeout_s=0.05)).clean(page_text)
    assert time.process_time() - started < 3
    assert any(w.startswith("timeout: stopped after Config.timeout_s = 0.05 s") for w in page.warnings)
    assert page.trace[-1].rule == "pipeline.timeout"
    # nothing lost: every non-blank character is in the body, the title, metadata or a removal
    placed = sum(p[1] - p[0] for p in page.placements)
    assert placed == sum(len(line) for line in page_text.splitlines())
    full = Cleaner().clean(page_text)
    assert len(page.removed) <= len(full.removed) and not full.warnings


def test_a_page_over_max_scored_chars_is_cleaned_by_the_named_rules_with_a_warning():
    # the line model holds tens of bytes of memory a character while it reads a page: past
    # Config.max_scored_chars the named rules clean the page alone, and the page says so
    page_text = ("Headline of the story\nA sentence of the article, as printed.\nAdvertisement\n"
                 "No comments yet...\n") * 50
    small = Config(preview=True, max_scored_chars=len(page_text) - 1)
    page = Cleaner(small).clean(page_text)
    assert [w.split(":")[0] for w in page.warnings] == ["line_model"]
    assert f"{len(page_text):,} characters" in page.warnings[0]
    assert not any(s.rule.startswith(("lines.", "guard.")) for s in page.trace)
    assert page.body == Cleaner(Config()).clean(page_text).body  # the default rules' page
    read = Cleaner(Config(preview=True, max_scored_chars=len(page_text))).clean(page_text)
    assert not read.warnings and any(s.rule.startswith(("lines.", "guard.")) for s in read.trace)


def test_long_lines_are_cut_into_blocks_at_sentence_ends():
    line = " ".join(f"The minister said talks number {i} would resume next week in Geneva." for i in range(450))
    assert 30_000 < len(line) < 40_000  # on one line
    page = cleanpage.clean(line, config=Config(max_block_chars=10_000))
    assert len(page.paragraphs) == 4 and all(p.endswith("Geneva.") for p in page.paragraphs)
    assert all(len(p) <= 10_000 for p in page.paragraphs)
    assert " ".join(page.paragraphs) == line
    assert cleanpage.clean(page.body, config=Config(max_block_chars=10_000)).body == page.body
    assert cleanpage.clean("x" * 50_000).paragraphs == ("x" * 50_000,)  # no space: never cut inside a word


@pytest.mark.parametrize("bad", [{"max_bytes": 0}, {"timeout_s": 0}, {"timeout_s": -1.0}, {"timeout_s": float("nan")},
                                 {"timeout_s": "5"}, {"truncate": "yes"}, {"max_block_chars": 999}])
def test_limits_are_validated(bad):
    with pytest.raises(ConfigError):
        Config(**bad)


# --- HTML parsing --------------------------------------------------------------------------------------


def test_deep_html_is_read_as_text_and_keeps_its_text():
    html = ("<html><body><p>Before.</p>" + "<div><span>" * 3000 + "<p>Deep paragraph text.</p>" + "</span></div>" * 3000
            + "<p>After.</p></body></html>")
    page = cleanpage.clean(html)
    assert page.paragraphs == ("Before.", "Deep paragraph text.", "After.")
    assert any(w.startswith("deep_html:") for w in page.warnings)
    shallow = cleanpage.clean("<html><body>" + "<div>" * 200 + "<p>Shallow.</p>" + "</div>" * 200)
    assert not any(w.startswith("deep_html:") for w in shallow.warnings)  # (one word in 2 KB: little_text)


def test_tag_stripping_is_linear_and_keeps_the_text_around_scripts():
    html = "<div>a" * 50 + "<script>if (a<b) { x = '<div>'; }</script>" + "<!-- <div> -->" + "</div>b" * 50
    assert _strip_tags(html).split() == ["a"] * 50 + ["b"] * 50
    # unclosed scripts and comments hide the rest of the page, as in a browser, in one scan
    assert _strip_tags("text <script>" * 50_000).split() == ["text"]
    assert _strip_tags("<p>kept</p><!-- " + "<p>x</p>" * 50_000).split() == ["kept"]


def test_entities_are_never_expanded():
    bomb = ('<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><html><body><p>Boom: &c;</p><p>Safe &amp; sound.</p>'
            '</body></html>')
    page = cleanpage.clean(bomb)
    assert "aaaa" not in page.source and "Boom: &c;" in page.body and "Safe & sound." in page.body
    root, _ = _tree(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><p>&e;</p>')
    assert "root:" not in "".join(root.itertext())


def test_html_parsing_never_touches_the_network():
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(5)
        server.settimeout(0.5)
        url = "http://127.0.0.1:%d" % server.getsockname()[1]
        html = (f'<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "{url}/x.dtd">'
                f'<!DOCTYPE y [<!ENTITY ext SYSTEM "{url}/entity">]>'
                f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><head><link rel="stylesheet" href="{url}/s.css">'
                f'<base href="{url}/"></head><body><xi:include href="{url}/inc.xml"/><p>&ext; text</p>'
                f'<img src="{url}/i.png"><iframe src="{url}/f"></iframe></body></html>')
        cleanpage.clean(html)
        cleanpage.clean(html.encode("utf-8"))
        with pytest.raises(socket.timeout):
            server.accept()


# --- errors, state, the command line -------------------------------------------------------------------


def test_every_error_is_a_cleanpage_error_and_says_what_to_do():
    cases = [(lambda: cleanpage.clean(12), "str or bytes"),
             (lambda: cleanpage.clean(gzip.compress(b"x" * 100)), "Decompress"),
             (lambda: cleanpage.clean(b"x" * 20, config=Config(max_bytes=10)), "truncate=True"),
             (lambda: cleanpage.clean(b"x", encoding="nope"), "codec name"),
             (lambda: Config(disabled={"no.such_rule"}) and Cleaner(Config(disabled={"no.such_rule"})), "list_rules"),
             (lambda: Config(timeout_s=-1), "positive number")]
    for call, advice in cases:
        with pytest.raises(CleanpageError, match=advice):
            call()
    assert issubclass(InputError, TypeError) and issubclass(InputError, ValueError)


def test_no_state_between_calls_and_threads_agree():
    pages = [ARTICLE, FRENCH.encode("cp1252"), "<html><body><p>Para.</p><p>Advertisement</p></body></html>",
             "Headline\nNo comments yet...\nBody sentence here, as printed.\n"]
    first = [cleanpage.clean(p).to_dict() for p in pages]
    cleaner = Cleaner()
    results: dict[int, list[dict]] = {}

    def work(k: int) -> None:
        results[k] = [cleaner.clean(p).to_dict() for p in pages * 5]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == first * 5 for r in results.values())
    assert [cleanpage.clean(p).to_dict() for p in reversed(pages)] == first[::-1]


def test_warnings_are_data():
    page = cleanpage.clean(b'<meta charset="utf-16"><p>' + FRENCH.encode("cp1252") + b"</p>")
    assert json.loads(page.to_json())["warnings"] == list(page.warnings)
    assert "warnings:" in page.explain() and "encoding" in page.explain()
    assert dataclasses.replace(page).warnings == page.warnings


def test_command_line_format_and_limits(tmp_path, capsys):
    from cleanpage.cli import main

    f = tmp_path / "page.txt"
    f.write_bytes(TUTORIAL.encode("cp1252"))
    assert main([str(f)]) == 0
    assert "You open one with <div>" in capsys.readouterr().out
    assert main([str(f), "--from", "html"]) == 0
    assert "<div>" not in capsys.readouterr().out
    binary = tmp_path / "page.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert main([str(binary)]) == 1
    assert "PNG" in capsys.readouterr().err
    f.write_bytes(RUSSIAN.encode("cp1251"))
    assert main([str(f), "--max-bytes", "10"]) == 1
    assert "max_bytes" in capsys.readouterr().err
    assert main([str(f), "--max-bytes", "50", "--truncate", "--to", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["warnings"][0].startswith("truncated:")
