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
