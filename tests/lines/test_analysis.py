"""The clean-text verdict of a page's line analysis."""

import numpy as np

from cleanpage.lines.analysis import reads_clean


def test_a_page_without_a_chrome_phrase_reads_clean_whatever_the_model_says():
    # a cleaned shop listing ("Whole Bean (13)", "Single-Serve Pods (17)", ...): short lines the
    # model, reading them without the page around them, scores as chrome; no chrome phrase anywhere
    words = np.asarray([3, 3, 3, 2, 2, 40])
    keep = np.zeros(6, bool)
    assert "no chrome phrase in its 6 lines" in reads_clean(words, keep, [None] * 6)
    assert reads_clean(words, keep, [None, "account", None, None, None, None]) is None  # "Log in": chrome


def test_a_page_with_few_chrome_phrases_reads_clean_when_the_model_keeps_most_of_it():
    words = np.asarray([8, 40, 35, 30, 2, 38])
    family = [None, None, None, None, "social", None]  # "Share", once
    assert "83% of its lines score as content" in reads_clean(words, np.asarray([True] * 4 + [False, True]), family)
    assert reads_clean(words, np.asarray([True, False, False, True, False, False]), family) is None  # the model doubts it
    assert reads_clean(np.asarray([2, 2, 2, 2, 2, 40]), np.ones(6, bool), family) is None  # menu-sized lines


def test_grow_prose_keeps_a_run_of_prose_lines_that_a_kept_line_borders_and_no_other():
    from cleanpage.lines.analysis import GROW_FLOOR, GROW_MIN_WORDS, grow_prose

    # lines 0-2: prose the model doubted, above a kept paragraph (3): held up, all three;
    # line 4: a menu line; 5-6: doubted prose that no kept line borders; 7: under GROW_FLOOR
    words = np.array([GROW_MIN_WORDS] * 4 + [2] + [GROW_MIN_WORDS] * 3)
    ends = np.array([True] * 4 + [False] + [True] * 3)
    probability = np.array([0.3, 0.3, 0.3, 0.9, 0.2, 0.3, 0.3, GROW_FLOOR / 2])
    keep = np.array([False, False, False, True, False, False, False, False])
    assert grow_prose(words, ends, probability, keep).tolist() == [True, True, True, True, False, False, False, False]
    keep[4] = True  # a kept line that is not prose holds nothing up
    assert grow_prose(words, ends, probability, keep)[5:].tolist() == [False, False, False]
    keep[7] = True  # a kept prose line below the run: held from below, the sure line itself kept
    assert grow_prose(words, ends, probability, keep).tolist() == [True] * 8


def test_a_code_block_printed_a_token_a_line_is_kept_whole_and_a_menu_is_not():
    from cleanpage.lines.analysis import keep_code_runs

    # BeautifulSoup's get_text("\n") of a highlighted Python example: every token its own line,
    # a comment among them; the scorer dropped the tokens as chrome
    code = ["client", "=", "httpx", ".", "Client", "(", "timeout", "=", "5", ")", "client", ".", "headers", "[",
            "'Accept'", "]", "=", "'text/html'", "# every request of this client sends it", "r", "=", "client", ".",
            "get", "(", "url", ")"]
    page = ["A client keeps its settings for every request it makes.", *code,
            "The response holds the status, the headers and the body."]
    keep = np.array([True] + [False] * len(code) + [True])
    assert keep_code_runs(page, keep).tolist() == [True] * len(page)
    # a menu, a tag list or a footer is a run of words: no bare punctuation, nothing kept
    menu = ["Home", "Docs", "Blog", "Pricing", "Careers", "Press", "Contact", "Privacy", "Terms", "Status"]
    assert not keep_code_runs(menu, np.zeros(len(menu), bool)).any()
    # nor a short run with a few brackets ("(", ")" around a count in a list of links)
    few = ["Apps", "(", "12", ")", "Games", "(", "3", ")"]
    assert not keep_code_runs(few, np.zeros(len(few), bool)).any()


def test_a_sentence_broken_at_its_links_is_kept_whole_when_the_scorer_kept_part_of_it():
    from cleanpage.lines.analysis import keep_broken_sentences

    # BeautifulSoup's get_text("\n") breaks a sentence at each inline code or link: alone, the
    # pieces read as chrome; one of them the scorer kept
    page = ["Docs", "Pass the timeout as", "timeout=5", "to", "get()",
            ", or the client waits for ever on a server that hangs.", "Search", "Blog"]
    words = np.array([len(t.split()) for t in page])
    ends = np.array([t.endswith(".") for t in page])
    keep = np.array([False, False, False, False, False, True, False, False])
    assert keep_broken_sentences(page, words, ends, keep).tolist() == [False] + [True] * 5 + [False, False]
    # nothing kept in it: the scorer's verdict stands; a menu of lower-case links ends no sentence
    assert not keep_broken_sentences(page, words, ends, np.zeros(8, bool)).any()
    menu = ["Home", "about us", "contact", "careers", "press", "the blog", "privacy", "terms", "Sign in"]
    keep = np.array([True] + [False] * 8)
    menu_words = np.array([len(t.split()) for t in menu])
    assert keep_broken_sentences(menu, menu_words, np.zeros(9, bool), keep).tolist() == keep.tolist()
