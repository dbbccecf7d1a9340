"""Line splitting and the vectorised tokeniser, on small hand-written lines."""

import re
from unittest import mock

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from cleanpage.lines import tokens as T
from cleanpage.lines.split import split_lines


def test_split_lines_offsets_and_gaps():
    text = "Title | Site\n\n  Home  \r\nNews\r\rA sentence here.\n"
    lines = split_lines(text)
    assert [ln.text for ln in lines] == ["Title | Site", "Home", "News", "A sentence here."]
    assert all(text[ln.start:ln.end] == ln.text for ln in lines)
    assert [ln.gap_before for ln in lines] == [True, True, False, True]
    assert [ln.number for ln in lines] == [0, 2, 3, 5]


def test_split_lines_empty():
    assert split_lines("") == []
    assert split_lines(" \n\t\n") == []


def test_tokenize_counts_words_like_the_benchmark():
    lines = ["Skip to content", "Wir verwenden Cookies, um Ihnen…", "Ça coûte 3,50 €", "isn't it?"]
    tok = T.tokenize(lines)
    per_line = np.bincount(tok.word_line, minlength=len(lines))
    assert per_line.tolist() == [len(re.findall(r"\w+", ln)) for ln in lines]


def test_hash_is_case_insensitive_and_stable():
    a = T.hash_words(["Cookies", "cookies", "COOKIES", "Datenschutz"])
    assert a[0] == a[1] == a[2] != a[3]
    # the same word inside a page gets the same bucket as on its own
    tok = T.tokenize(["We use cookies here"])
    assert tok.word_bucket[2] == a[0]
    # stable across processes: a fixed value, not Python's salted hash()
    assert int(T.hash_words(["cookie"])[0]) == int(T.hash_words(["cookie"])[0])


def test_astral_characters_are_not_words():
    tok = T.tokenize(["Great 👍 post"])
    assert np.bincount(tok.word_line).tolist() == [2]


@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
                        min_size=1, max_size=40).map(str.strip).filter(bool), min_size=1, max_size=8))
def test_tokenize_never_fails_and_keeps_lines(lines):
    tok = T.tokenize(lines)
    assert tok.n_lines == len(lines)
    assert (tok.line_len == np.array([len(ln) for ln in lines])).all()


def test_chinese_and_japanese_words_are_two_characters_as_text_counts_them():
    from cleanpage.text import count_words

    lines = ["北京时间周一晚间，国家统计局发布了。", "hello 東京都は world", "コーヒー・ショップ", "首页", "Straße"]
    tok = T.tokenize(lines)
    per_line = np.bincount(tok.word_line, minlength=len(lines))
    assert per_line.tolist() == [count_words(ln) for ln in lines] == [8, 4, 4, 1, 1]
    assert tok.word_len[:8].tolist() == [2] * 8
    # a word's bucket is that of the same two characters on their own
    assert tok.word_bucket[0] == T.hash_words(["北京"])[0]


@given(st.lists(st.text(alphabet=st.sampled_from("北京时间周一晚間ひらがなカタカナー・abc 1"), min_size=1, max_size=30)
                .map(str.strip).filter(bool), min_size=1, max_size=6))
def test_tokenize_counts_words_as_text_does_in_any_mix(lines):
    from cleanpage.text import count_words

    tok = T.tokenize(lines)
    assert np.bincount(tok.word_line, minlength=len(lines)).tolist() == [count_words(ln) for ln in lines]


_TOKEN_ARRAYS = ("line_len", "class_counts", "first_class", "last_class", "before_last_class", "word_line",
                 "word_bucket", "word_hash", "word_len", "word_first")


@given(st.lists(st.text(alphabet=st.sampled_from("ab cD,.1 北京时间ひら👍\u00e9_-»"), min_size=1, max_size=60)
                .map(str.strip).filter(bool), min_size=1, max_size=8))
def test_a_page_read_in_chunks_gives_the_arrays_of_a_page_read_at_once(lines):
    # a long page is read a chunk of lines at a time, a long line in pieces cut between words:
    # with chunks of 16 characters, these short lines take every path a long page takes
    whole = T.tokenize(lines)
    with mock.patch.object(T, "CHUNK_CHARS", 16):
        chunked = T.tokenize(lines)
    assert chunked.n_lines == whole.n_lines == len(lines)
    for name in _TOKEN_ARRAYS:
        assert np.array_equal(getattr(chunked, name), getattr(whole, name)), name


def test_a_long_line_is_cut_between_words_and_read_as_one_line():
    line = "Der Bahnstreik legt den Verkehr lahm, sagt die Gewerkschaft. " * 3000  # 186,000 characters
    lines = ["Title", line.strip(), "Footer line"]
    tok = T.tokenize(lines)
    assert tok.n_lines == 3 and tok.line_len.tolist() == [len(x) for x in lines]
    assert np.bincount(tok.word_line).tolist() == [len(re.findall(r"\w+", x)) for x in lines]
    assert tok.class_counts[:, T.NEWLINE].tolist() == [1, 1, 1]  # one line break a line, not one a piece
    assert tok.last_class[1] == T.STOP and tok.first_class[1] == T.UPPER
