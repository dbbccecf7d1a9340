from cleanpage.config import Config
from cleanpage.rules.guard import CutLimit


def test_cut_limit():
    guard = CutLimit.from_config(Config())
    assert guard(100, 60) is True  # would take 60 of 100 words
    assert guard(90, 5) is False  # an "Advertisement" marker in a long summary
    assert guard(12, 10) is False  # too short to judge


def test_vetoed_cut_is_in_the_trace():
    import cleanpage

    # a newsletter pitch pattern that would swallow most of a paragraph: sign-up text runs 40 words
    text = ("Our newsletter: Morning Brief Sign up " + "and read about markets " * 10 + "newsletters. Short end.")
    page = cleanpage.clean(text)
    assert any(s.action == "veto" and s.rule == "guard.cut_limit" for s in page.trace)
    assert "Morning Brief" in page.body
    off = cleanpage.clean(text, config=Config(disabled={"guard"}))
    assert "Morning Brief" not in off.body
