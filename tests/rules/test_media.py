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


def test_drop_photo_credit_line():
    assert decide("media.credit_line", "Photo: Getty Images").action == "drop"
    assert decide("media.credit_line", "(AP Photo/Evan Vucci)").action == "drop"
    assert decide("media.credit_line", "Photographs by the author hang in the gallery.") is None
    assert decide("media.credit_line", "Reuters") is None  # a bare agency is a wire credit (meta.wire_credit)
