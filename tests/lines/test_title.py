"""Title picking from text: the headline line, with a site suffix split off."""

import math
import re

from cleanpage.lines.title import _seps, is_subtitle, pick_title, split_site
from extras import slower_than_linear


def test_split_site_suffix():
    assert split_site("How to bake bread at home | The Kitchen")[0] == "How to bake bread at home"
    assert split_site("How to bake bread at home | The Kitchen")[3] == "The Kitchen"
    assert split_site("How to bake bread at home - The Kitchen")[0] == "How to bake bread at home"
    assert split_site("Recipes | How to bake bread at home")[0] == "How to bake bread at home"


def test_split_site_reads_chinese_and_japanese_separators_without_spaces():
    # Chinese and Japanese <title>s put no space around the separator
    assert split_site("短缺药品保供稳价 全力保障临床用药需求-新华网") == ("短缺药品保供稳价 全力保障临床用药需求", 0, 19, "新华网")
    assert split_site("国家统计局发布最新经济数据_新浪财经")[3] == "新浪财经"
    assert split_site("東京都が新しい計画を発表｜NHKニュース")[3] == "NHKニュース"
    # a hyphen between Latin letters or digits is no separator, spaced or not
    assert split_site("2024年10-12月の売上高")[3] is None


def test_split_site_keeps_a_dash_inside_a_headline():
    line = "Mother-in-law - a comedy of errors in three acts"
    assert split_site(line)[0] == line


def test_a_part_after_a_dash_in_lower_case_is_a_subtitle_not_a_site():
    line = "The most popular workout of 2024 \u2014 and 5 fitness trends to expect in 2025"
    assert split_site(line) == (line, 0, len(line), None)
    assert is_subtitle("tips and tricks", "\u2013")
    # names, even with function words in them; a byline; a brand in lower case; after a bar
    assert split_site("Healthy air fryer recipes for busy weeknights - Confessions of a Fit Foodie")[3] == "Confessions of a Fit Foodie"
    assert split_site("How to write a newsletter with AI - by Charlie Hills")[3] == "by Charlie Hills"
    assert not is_subtitle("bytesauna.com", "-") and not is_subtitle("iHeartRadio", "-")
    assert split_site("How to bake bread at home | the kitchen")[3] == "the kitchen"


def test_pick_prefers_the_on_page_heading():
    lines = ["How to bake bread at home | The Kitchen", "Home", "Recipes", "Log in",
             "How to Bake Bread at Home", "By Ann Smith", "Bread is older than writing, and easier than you think."]
    pick = pick_title(lines)
    assert pick.line == 4
    assert pick.title == "How to Bake Bread at Home"
    assert pick.site == "The Kitchen"


def test_pick_falls_back_to_first_line():
    lines = ["Why the sea is salty - Ocean Facts", "Menu", "Rivers carry salts from rocks into the sea."]
    pick = pick_title(lines)
    assert (pick.line, pick.title, pick.site) == (0, "Why the sea is salty", "Ocean Facts")
    assert lines[pick.line][pick.start:pick.end] == pick.title


def test_empty():
    assert pick_title([]) is None


def test_learned_picker_splits_the_site_and_prefers_a_headline():
    from cleanpage.lines.title import TitlePicker

    lines = ["How to bake bread at home | The Kitchen", "Home", "Recipes", "Log in",
             "How to Bake Bread at Home", "By Ann Smith",
             "Bread is older than writing, and easier to make than you think, if you have a warm kitchen.",
             "You need flour, water, salt and time; the yeast is already in the air around you."]
    content = [False] * 4 + [False, False, True, True]
    pick = TitlePicker().pick(lines, content)
    assert pick.title.lower() == "how to bake bread at home"
    assert pick.site == "The Kitchen"
    assert lines[pick.line][pick.start:pick.end] == pick.title
    assert pick.reason.startswith("title score ")


def test_trees_score_as_a_walk_down_each_tree():
    # two trees: a stump on feature 0, and a tree of three splits (4 leaves) on features 1 and 2
    import numpy as np

    from cleanpage.lines.title import Trees

    spec = {"feature": [0, -1, -1, 1, 2, -1, -1, 2, -1, -1],
            "threshold": [0.5, 0, 0, 1.0, 2.0, 0, 0, 3.0, 0, 0],
            "left": [1, -1, -1, 4, 5, -1, -1, 8, -1, -1], "right": [2, -1, -1, 7, 6, -1, -1, 9, -1, -1],
            "value": [0, -1.0, 1.0, 0, 0, 10.0, 20.0, 0, 30.0, 40.0], "roots": [0, 3], "bias": 0.5}

    def walk(x):
        total = spec["bias"]
        for k in spec["roots"]:
            while spec["feature"][k] >= 0:
                k = spec["left"][k] if x[spec["feature"][k]] <= spec["threshold"][k] else spec["right"][k]
            total += spec["value"][k]
        return total

    X = np.array([[0.0, 0.0, 0.0], [1.0, 0.5, 2.5], [0.5, 1.5, 3.0], [2.0, 9.0, 9.0], [0.4, 1.0, 2.0]])
    assert Trees(spec).logits(X).tolist() == [walk(x) for x in X]


def test_trees_of_ten_splits_score_as_a_walk():
    # a chain of ten splits (bit patterns past 8 bits) on one feature, and a lone leaf
    import numpy as np

    from cleanpage.lines.title import Trees

    feature, threshold, left, right, value = [], [], [], [], []
    for k in range(10):  # node 2k splits at k + 0.5: left to leaf 2k + 1, right to node 2k + 2
        feature += [0, -1]
        threshold += [k + 0.5, 0]
        left += [2 * k + 1, -1]
        right += [2 * k + 2 if k < 9 else 20, -1]
        value += [0, float(k)]
    feature.append(-1), threshold.append(0), left.append(-1), right.append(-1), value.append(10.0)
    feature.append(-1), threshold.append(0), left.append(-1), right.append(-1), value.append(0.25)
    spec = {"feature": feature, "threshold": threshold, "left": left, "right": right, "value": value,
            "roots": [0, 21], "bias": 1.0}
    X = np.arange(12, dtype=np.float64)[:, None]
    assert Trees(spec).logits(X).tolist() == [1.25 + min(x, 10) for x in range(12)]


def test_title_candidates_know_a_byline_under_a_heading():
    from cleanpage.lines.title import CANDIDATE_FEATURES_3, CANDIDATE_FEATURES_4, candidate_features

    lines = ["How to bake bread at home | The Kitchen", "Home", "How to Bake Bread at Home", "By Ann Smith",
             "Bread is older than writing, and easier to make than you think, if you have a warm kitchen."]
    cands, X = candidate_features(lines, [False, False, False, False, True])
    below = CANDIDATE_FEATURES_3.index("meta_below_2")
    assert X.shape == (len(cands), len(CANDIDATE_FEATURES_4))
    assert {c.line: X[j, below] for j, c in enumerate(cands)} == {0: 0.0, 1: 1.0, 2: 1.0, 3: 0.0, 4: 0.0}


def test_every_candidate_knows_what_the_first_line_is():
    from cleanpage.lines.title import CANDIDATE_FEATURES_4, candidate_features

    article = ["How to Bake Bread at Home",
               "Bread is older than writing, and easier to make than you think, if you have a warm kitchen."]
    # html-text and BeautifulSoup print the <title> first; a browser-like rendering starts with the menu
    for first, site_split, headline_shaped in (("How to bake bread at home | The Kitchen", 1.0, 1.0),
                                               ("Skip to content", 0.0, 1.0), ("Home", 0.0, 0.0)):
        lines = [first, "Recipes", *article]
        cands, X = candidate_features(lines, [False, False, False, True], ["skip" if "Skip" in first else None] * 4,
                                      [0.1, 0.2, 0.6, 0.9])
        f = [dict(zip(CANDIDATE_FEATURES_4, row)) for row in X]
        assert {r["first_site_split"] for r in f} == {site_split}
        assert {r["first_headline_shaped"] for r in f} == {headline_shaped}
        assert {r["first_phrase_family"] for r in f} == {float("Skip" in first)}
        assert {r["first_line_score"] for r in f} == {0.1}
        assert {round(r["first_log_words"], 6) for r in f} == {round(math.log1p(len(re.findall(r"\w+", first))), 6)}


def test_bylines_and_date_lines_in_other_languages_are_meta_lines():
    from cleanpage.lines.title import _meta_lines

    lines = ["Von Anna Berger", "Publié le 3 mars 2025 à 09h15", "Par Matière", "Der Stadtrat tagt heute."]
    assert _meta_lines(lines, [sum(c.isdigit() for c in t) for t in lines]) == [True, True, False, False]


def _long_menu_page() -> tuple[list[str], list[bool]]:
    """A <title> line, 80 menu lines, the headline over a byline, then the article."""
    menu = [f"Menu item {k}" for k in range(80)]
    article = ["Bread is older than writing, and easier to make than you think, if you have a warm kitchen.",
               "You need flour, water, salt and time; the yeast is already in the air around you."]
    lines = ["Home | The Kitchen", *menu, "How to Bake Bread at Home", "By Ann Smith", *article]
    return lines, [False] * (len(lines) - 2) + [True, True]


def test_content_window_holds_the_lines_around_where_content_starts_below_the_first_lines():
    from cleanpage.lines.title import SEARCH_LINES, WINDOW_ABOVE, WINDOW_BELOW, content_window

    lines, content = _long_menu_page()
    first = content.index(True)
    assert content_window(content + [True] * 5, len(lines) + 5) == (first - WINDOW_ABOVE, first + WINDOW_BELOW + 1)
    # content starting among the first lines, or none at all: no window
    assert content_window([False, True] + [False] * 100, 102) == (SEARCH_LINES, SEARCH_LINES)
    assert content_window([False] * 102, 102)[0] == SEARCH_LINES
    assert content_window(None, 102)[0] == content_window(None, 102)[1]
    # a window that would pass the page's end stops there
    assert content_window([False] * 70 + [True], 71) == (60, 71)


def test_a_headline_under_a_long_menu_is_a_candidate_with_its_line_features():
    from cleanpage.lines.title import CANDIDATE_FEATURES_3, candidate_features

    lines, content = _long_menu_page()
    cands, X = candidate_features(lines, content)
    at = {c.line: j for j, c in enumerate(cands)}
    headline = lines.index("How to Bake Bread at Home")
    assert headline in at and cands[at[headline]].title == "How to Bake Bread at Home"
    assert not any(60 <= c.line < headline - 10 for c in cands)  # the menu below the first lines is not
    f = dict(zip(CANDIDATE_FEATURES_3, X[at[headline]]))
    assert f["before_content"] == 1.0 and f["meta_below_2"] == 1.0 and f["f1_first"] > 0
    # the same features as the line would have among the first lines of a page without the menu
    short = [lines[0], *lines[headline - 5:]]
    c2, X2 = candidate_features(short, [False] * (len(short) - 2) + [True, True])
    j2 = next(j for j, c in enumerate(c2) if c.title == "How to Bake Bread at Home")
    for name in ("before_content", "just_above_content", "meta_below_2", "meta_below_4", "f1_first", "log_words"):
        assert f[name] == dict(zip(CANDIDATE_FEATURES_3, X2[j2]))[name], name


def test_scores_of_the_first_lines_only_give_no_window_and_no_error():
    from cleanpage.lines.title import SEARCH_LINES, candidate_features

    lines, content = _long_menu_page()
    cands, X = candidate_features(lines, content, scores=[0.5] * SEARCH_LINES, gaps=[True] * len(lines))
    assert cands and max(c.line for c in cands) < SEARCH_LINES and X.shape[0] == len(cands)
    cands, _ = candidate_features(lines, content, scores=[0.5] * len(lines), gaps=[True] * len(lines))
    assert max(c.line for c in cands) >= SEARCH_LINES


def test_separators_are_found_in_linear_time_across_runs_of_space():
    # a scraped line may hold thousands of spaces between two words ("Big<9,000 spaces>news"):
    # tried from every space of the run, the separator search took the run's square
    assert slower_than_linear(lambda run: _seps("Big" + run + "news"), [" ", " \t", "\u00a0", "新 "]) == []
    assert [m.group() for m in _seps("Title  |  Site")] == ["  |  "]
