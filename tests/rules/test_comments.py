import pytest

import cleanpage

from cleanpage.pipeline import decide


def test_drop_comments_label():
    assert decide("comments.label", "Comments").action == "drop"
    assert decide("comments.label", "Comments from the minister angered the opposition.") is None


@pytest.mark.parametrize("line", ["0 Comments", "Comments (12)", "View comments", "3 comments"])
def test_comments_label_family(line):
    assert decide("comments.label", line).action == "drop"


def test_drop_empty_comment_notice():
    assert decide("comments.empty_notice", "No comments yet...").action == "drop"
    assert decide("comments.empty_notice", "He declined to comment on the plan.") is None


@pytest.mark.parametrize("line", ["Be the first to comment", "There are no comments yet.", "No comments",
                                  "Be the first to comment on this article!", "Comments are closed.",
                                  "No comments yet. Be the first to comment!"])
def test_empty_notice_family(line):
    assert decide("comments.empty_notice", line).action == "drop"


def test_drop_comment_form():
    assert decide("comments.form",
                  "Your email address will not be published. Required fields are marked *").action == "drop"
    assert decide("comments.form", "Leave a comment in the guest book, the sign at the door says.") is None


@pytest.mark.parametrize("line", ["Leave a Comment", "Leave a Reply", "Post a comment", "Cancel reply",
                                  "Leave a Reply Cancel reply",
                                  "Save my name, email, and website in this browser for the next time I comment."])
def test_comment_form_family(line):
    assert decide("comments.form", line).action == "drop"


ARTICLE = ["How to build a cornhole board",
           "Cut the plywood to two feet by four feet, then mark the hole six inches from the top edge.",
           "Sand every edge before you paint, or the bags will snag on the corners."]
THREAD = ["3 Comments",
          "Maria says", "March 3, 2021 at 9:15 am", "Lovely project, I made one for my sister.", "Reply",
          "Tom K. says:", "March 5, 2021 at 6:40 pm", "What paint did you use on the top?",
          "Mine peeled after one summer outside.", "Reply",
          "Marie dit :", "7 mars 2021 à 10 h 02", "Merci pour le tuto !", "Répondre",
          "Leave a Reply"]


def test_drop_comment_thread():
    dropped = {t: d.reason for t, d in decide("comments.thread", "\n".join(ARTICLE + THREAD))}
    assert set(dropped) == set(THREAD[1:-1])  # the label and the form are other rules'
    assert dropped["Maria says"] == "reader comment 1 of 3 (Maria): its header"
    assert dropped["Mine peeled after one summer outside."] == "reader comment 2 of 3 (Tom K.): its text"
    page = cleanpage.clean("\n".join(ARTICLE + THREAD))
    assert list(page.paragraphs) == ARTICLE[1:]


def test_comment_thread_keeps_forum_posts_and_lone_quotes():
    forum = ["Jeff said:", "March 3, 2024 at 10:15 am", "Has anyone tried the new firmware?",
             "Anna wrote:", "March 3, 2024 at 11:02 am", "Yes, it fixed the battery drain for me."]
    assert decide("comments.thread", "\n".join(ARTICLE + forum)) == []
    quotes = ["The minister says", "the vote is on Friday, and the bill will pass.",
              "Her deputy says", "2024 will be a hard year."]  # one header with a date under it is no thread
    assert decide("comments.thread", "\n".join(ARTICLE + quotes[:2] + ["Maria says", "March 3, 2021"])) == []
    assert decide("comments.thread", "\n".join(ARTICLE + quotes)) == []  # no date under either header


def test_comment_thread_last_comment_without_reply_link_keeps_its_text():
    lines = ARTICLE + ["Maria says", "March 3, 2021", "First!", "Tom K. says", "March 4, 2021", "Second."]
    dropped = [t for t, _ in decide("comments.thread", "\n".join(lines))]
    assert dropped == ["Maria says", "March 3, 2021", "First!", "Tom K. says", "March 4, 2021"]
