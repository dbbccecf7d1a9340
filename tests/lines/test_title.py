"""Title picking from text: the headline line, with a site suffix split off."""

from cleanpage.lines.title import pick_title, split_site


def test_split_site_suffix():
    assert split_site("How to bake bread at home | The Kitchen")[0] == "How to bake bread at home"
    assert split_site("How to bake bread at home | The Kitchen")[3] == "The Kitchen"
    assert split_site("How to bake bread at home - The Kitchen")[0] == "How to bake bread at home"
    assert split_site("Recipes | How to bake bread at home")[0] == "How to bake bread at home"


def test_split_site_keeps_a_dash_inside_a_headline():
    line = "Mother-in-law - a comedy of errors in three acts"
    assert split_site(line)[0] == line


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
