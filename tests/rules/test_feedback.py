import pytest

import cleanpage
from cleanpage.pipeline import decide

PROSE = "Repot a fiddle-leaf fig in early spring, when new leaves start to unfurl and the roots can recover.\n"


def dropped(page: str) -> list[str]:
    return [text for text, d in decide("feedback.widget", page) if d.action == "drop"]


def test_drop_feedback_widget():
    assert dropped(PROSE + "Was this page helpful?\nYes No\nAbout the author") == ["Was this page helpful?", "Yes No"]


@pytest.mark.parametrize("widget", [
    ["Did you find this guide useful?", "Yes", "No", "Thanks for your rating!", "Your feedback is important to us."],
    ["How useful was this post?", "Click on a star to rate it!", "Submit Rating", "Average rating 4.2 / 5. Vote count: 37",
     "No votes so far! Be the first to rate this post."],
    ["Is this article useful? Edit this page"],
    ["Was this article helpful? Yes No"],
    ["War dieser Artikel hilfreich?", "Ja", "Nein"],
    ["Cet article vous a-t-il été utile ?", "Oui Non"],
    ["¿Te resultó útil este artículo?", "Sí", "No"],
    ["Este artigo foi útil?", "Sim Não"],
    ["Questa pagina ti è stata utile?", "Sì No"],
])
def test_feedback_widget_family(widget):
    assert dropped(PROSE + "\n".join(widget) + "\nNext: choosing a pot") == widget


@pytest.mark.parametrize("page", [
    PROSE + "Was this page helpful to the jury? The judge said it was not, and the case went on.",
    PROSE + "Yes\nNo",  # a button's words alone, with no question above them
    PROSE + "Is this useful for small gardens and balconies with little light?",
])
def test_feedback_widget_keeps_prose_and_lone_answers(page):
    assert dropped(page) == []


def test_feedback_widget_stops_at_the_first_line_that_is_not_the_widget():
    page = PROSE + "Was this helpful?\nYes No\nChoosing a pot\nYes"
    assert dropped(page) == ["Was this helpful?", "Yes No"]
    assert list(cleanpage.clean(page).paragraphs) == [PROSE.strip(), "Choosing a pot", "Yes"]
