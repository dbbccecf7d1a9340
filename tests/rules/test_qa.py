import pytest

import cleanpage
from cleanpage.pipeline import decide


@pytest.mark.parametrize("line", [
    "Asked 3 years, 2 months ago", "Modified 1 year, 5 months ago", "Viewed 4k times", "Viewed 1,204 times",
    "answered Feb 12, 2011 at 1:01", "edited Nov 9, 2020 at 19:28", "asked Jun 29, 2012 at 10:51",
    "Commented Mar 3, 2021 at 9:15", "active 2 days ago",
    "Sorted by: Reset to default", "Highest score (default) Date modified (newest first) Date created (oldest first)",
    "176 4 4 bronze badges", "2,232 1 1 gold badge 20 20 silver badges 19 19 bronze badges",
    "23.8k 14 14 gold badges 88 88 silver badges 124 124 bronze badges", "Add a comment |",
    "| Show 3 more comments", "Improve this question", "Share Improve this answer Follow",
])
def test_qa_post_meta_family(line):
    assert decide("qa.post_meta", line).action == "drop"


@pytest.mark.parametrize("line", [
    "She answered Feb 12 questions in an hour.",
    "The question was asked 3 years ago, and nobody has answered it yet.",
    "Answers", "Viewed from the bridge, the river looks calm.", "Improve this recipe with a pinch of salt.",
    "12 gold medals and 3 silver medals",
    "3 Answers",  # the heading over a thread's answers: some read it as part of the thread
])
def test_qa_post_meta_keeps_prose_and_other_counts(line):
    assert decide("qa.post_meta", line) is None


def test_qa_thread_keeps_its_question_and_answers():
    question = "How long can cooked rice stay in the fridge before it is unsafe to eat?"
    answer = "Three to four days in a sealed box, if it went into the fridge within an hour of cooking."
    page = "\n".join([question, "Asked 2 years, 3 months ago", "Viewed 12k times",
                      "Sorted by: Reset to default", answer, "answered Mar 3, 2021 at 9:15",
                      "1,204 2 2 gold badges 11 11 silver badges 20 20 bronze badges", "Add a comment |"])
    cleaned = cleanpage.clean(page)
    assert (cleaned.title, list(cleaned.paragraphs)) == (question, [answer])
