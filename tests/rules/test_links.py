import cleanpage
from cleanpage.pipeline import decide


def test_drop_link_hint_line():
    assert decide("links.hint_line", "(link takes you to an external page)").action == "drop"
    for line in ("Opens in a new window.", "External Link", "(opens in new tab)", "(s'ouvre dans un nouvel onglet)",
                 "Öffnet in neuem Fenster", "(se abre en una nueva pestaña)", "link esterno"):
        assert decide("links.hint_line", line).action == "drop", line
    assert decide("links.hint_line", "External links are checked once a month.") is None
    assert decide("links.hint_line", "Open a new tab and paste the address.") is None


def test_cut_link_hint():
    text = "Click to share on Facebook (Opens in new window) Facebook"
    d = decide("links.inline_hint", text)
    assert d.action == "cut" and text[d.start:d.end] == "(Opens in new window)"
    text = "Instagram Opens in a new tab"
    d = decide("links.inline_hint", text)
    assert d.action == "cut" and text[d.start:d.end] == "Opens in a new tab"
    assert decide("links.inline_hint", "In most browsers a middle click opens a link in a new tab.") is None
    # a bare hint after more than a link's few words is a sentence's end, not a hint
    assert decide("links.inline_hint", "Press the button on the left of the toolbar and it opens in a new tab") is None


def test_link_hints_leave_the_link_words():
    text = ("How to repot a fiddle-leaf fig\n\n"
            "Repotting is about timing, and spring is the time for it, growers say (opens in a new tab).\n\n"
            "Learn more in our care guide (PDF) (opens in new window)\n\n"
            "(link takes you to an external page)\n\n"
            "Water it well after repotting, and keep it out of direct sun for a week.")
    page = cleanpage.clean(text)
    assert "new tab" not in page.body and "new window" not in page.body and "external page" not in page.body
    # a block is its source pieces joined by a space: a hint cut before a full stop leaves "say ."
    assert "growers say ." in page.body and "Learn more in our care guide (PDF)" in page.body
    assert cleanpage.clean(page.body).body == page.body
