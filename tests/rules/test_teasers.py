from cleanpage.pipeline import decide


def test_cut_read_more_teaser():
    text = ('told MEE: "Most Security Council member states take the view that strikes on nuclear facilities should '
            'be prohibited, but Britain opposes that. Iranians say their hopes of peace have been buried by US bombs '
            'Read More » "The British view is that these attacks are not illegal.')
    d = decide("teasers.read_more", text)
    assert d.action == "cut"
    assert text[d.start:d.end] == "Iranians say their hopes of peace have been buried by US bombs Read More »"
    assert decide("teasers.read_more", "She wants people to read more books.") is None


def test_teaser_headline_with_question_mark():
    text = "Prices rose again. Is inflation back? Read more » The bank said it would act."
    d = decide("teasers.read_more", text)
    assert text[d.start:d.end] == "Is inflation back? Read more »"


def test_teaser_without_clear_start_cuts_only_the_marker():
    text = " ".join(["word"] * 60) + " Continue reading → Next"
    d = decide("teasers.read_more", text)
    assert text[d.start:d.end] == "Continue reading →"


def test_drop_read_more_line():
    assert decide("teasers.read_more_line",
                  "Read more: Trump says US will send more weapons to Ukraine").action == "drop"
    assert decide("teasers.read_more_line", "ALSO READ | Oil prices fall for a third day").action == "drop"
    assert decide("teasers.read_more_line", "Read more about the study in the journal, the authors said.") is None
    assert decide("teasers.read_more_line", "More-than-expected growth lifted shares.") is None
