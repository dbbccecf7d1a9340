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
