from cleanpage.pipeline import decide


def test_cut_photo_caption():
    text = ("'Of course, we will continue,' he said. Medical workers help a woman in the yard of an apartment building "
            "destroyed after a Russian attack in Kyiv, Ukraine, early on Monday. AP Ukraine has launched retaliatory "
            "strikes on Russia throughout the war.")
    d = decide("media.photo_caption", text)
    assert d.action == "cut"
    assert text[d.start:d.end] == ("Medical workers help a woman in the yard of an apartment building destroyed after a "
                                   "Russian attack in Kyiv, Ukraine, early on Monday. AP")
    assert decide("media.photo_caption",
                  "The talks ended on Monday. Reuters Television footage showed the delegates leaving.") is None
    # at the end of a block the agency is the story's wire credit, not a photo credit
    assert decide("media.photo_caption", "Saudi Aramco reported a 22% fall in quarterly profit. Reuters") is None


def test_drop_photo_credit_line():
    assert decide("media.credit_line", "Photo: Getty Images").action == "drop"
    assert decide("media.credit_line", "(AP Photo/Evan Vucci)").action == "drop"
    assert decide("media.credit_line", "Photographs by the author hang in the gallery.") is None
    assert decide("media.credit_line", "Photo credit: Screenshot from the booking site").action == "drop"
    assert decide("media.credit_line", "Photo credit: it matters. Always ask the photographer.") is None
    for credit in ("Reuters", "(Reuters)", "Reuters/AP"):  # bare agencies are wire credits (meta.wire_credit)
        assert decide("media.credit_line", credit) is None


def test_drop_caption_line():
    assert decide("media.caption_line",
                  "Firefighters try to stop a blaze near the port on Sunday. (Photo: Reuters)").action == "drop"
    assert decide("media.caption_line", "The photo (taken in 1972) shows the harbour before the fire.") is None


def test_drop_caption_line_with_a_trailing_credit():
    # the credit after the caption's last sentence, without brackets: "Credit:", "Photo:", "Image credit:"
    for line in ("The lighter frame folds in two seconds and fits in a car boot. Credit: Dana Whitfield",
                 "A kitchen painted in a pale sage green. Photo: Studio North / Lena Park",
                 "Test riders on the coastal route at dawn. Image Credit: Marco Bellini via Wikimedia Commons"):
        assert decide("media.caption_line", line).action == "drop", line
    for line in ("Credit: the bank's lending rose in March, the report said.",  # no caption before it
                 "The loan needs a good score. Credit: most lenders ask for 700 or more.",  # not a name
                 "Ask for a receipt. Photo: keep it with the warranty card."):
        assert decide("media.caption_line", line) is None, line


def test_parenthesised_photo_credit_inside_a_summary():
    text = "Crews worked overnight. Firefighters battle a blaze near the port. (Photo: AFP) The fire was contained."
    d = decide("media.photo_caption", text)
    assert text[d.start:d.end] == "Firefighters battle a blaze near the port. (Photo: AFP)"
