from cleanpage.pipeline import decide


def test_cut_more_to_follow():
    text = "The United States will not be having any payment, and they're going to be paying for it', he said. More to follow …"
    d = decide("trailers.more_to_follow", text)
    assert d.action == "cut" and text[d.start:] == "More to follow …"
    assert decide("trailers.more_to_follow", "More to follow on Tuesday, when the court resumes, the lawyer said.") is None


def test_developing_story_note():
    text = "Police sealed off the street. This is a developing story and will be updated."
    d = decide("trailers.more_to_follow", text)
    assert text[d.start:] == "This is a developing story and will be updated."


def test_every_note_holds_a_word_of_the_quick_test():
    """``TRAILER_NEEDS`` lets the rule skip the pattern on an ASCII block: each form of note names one."""
    from cleanpage.patterns import TRAILER, TRAILER_NEEDS

    for note in ("More to follow", "more follows", "(More to come)", "Updates to follow.", "BREAKING STORY",
                 "This is a developing news story, check back", "This article has been updated with comment",
                 "This story is developing", "Story developing..."):
        assert TRAILER.search(note), note
        assert any(word in note.lower() for word in TRAILER_NEEDS), note
