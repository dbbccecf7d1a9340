import pytest

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
