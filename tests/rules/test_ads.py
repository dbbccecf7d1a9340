from cleanpage.pipeline import decide


def test_drop_ad_marker_line():
    assert decide("ads.marker_line", "Advertisement").action == "drop"
    assert decide("ads.marker_line", "ADVERTISEMENT").action == "drop"
    assert decide("ads.marker_line", "Story continues below advertisement").action == "drop"
    assert decide("ads.marker_line", "- Advertisement -").action == "drop"
    assert decide("ads.marker_line", "Advertisement · Scroll to continue").action == "drop"
    assert decide("ads.marker_line", "Advertisement revenue fell 5% in the quarter.") is None


def test_cut_inline_ad_marker():
    text = ("Voicing sharp frustration, Trump threatened tariffs if a ceasefire isn't secured within 50 days. "
            "Advertisement Speaking alongside Nato Secretary General Mark Rutte in the Oval Office, Trump took aim.")
    d = decide("ads.inline_marker", text)
    assert d.action == "cut" and text[d.start:d.end] == "Advertisement"
    assert decide("ads.inline_marker", "The advertisement ran for a week. Advertisement budgets rose.") is None
