"""The clean-text verdict of a page's line analysis."""

import numpy as np

from cleanpage.lines.analysis import reads_clean


def test_a_clean_article_may_open_with_three_lines_before_its_prose():
    # a title, "Visualizations by:", a name, then the article: no chrome phrase anywhere
    words = np.asarray([8, 2, 2, 40, 35])
    ends = np.asarray([False, False, False, True, True])
    keep = np.zeros(5, bool)  # the model's verdicts do not decide this clause
    assert "prose from line 4" in reads_clean(words, ends, keep, [None] * 5)
    assert reads_clean(np.asarray([8, 2, 2, 2, 40]), np.asarray([False] * 4 + [True]), np.zeros(5, bool),
                       [None] * 5) is None  # four lines before the prose: a header
    assert reads_clean(words, ends, keep, [None, "account", None, None, None]) is None  # "Log in": chrome


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
