from cleanpage.pipeline import decide


def drops(page):
    return [(t, d.action) for t, d in decide("dedupe.repeated_block", page)]


def test_drop_repeated_block():
    page = ("North Korea plans to send military workers to Russia\n"
            "North Korea plans to send military workers to Russia\n"
            "Shoigu said the workers would help rebuild Kursk.\n")
    assert drops(page) == [("North Korea plans to send military workers to Russia", "drop")]


def test_a_paragraph_repeated_further_down_goes():
    para = ("North Korea has already sent thousands of troops and a vast amount of conventional weapons to back "
            "Russia's war against Ukraine.")
    assert drops(para + "\nShoigu said the workers would help rebuild Kursk.\n" + para) == [(para, "drop")]


def test_keeps_short_repeated_lines():
    assert drops("Step 1\nMix the flour.\nStep 1\nAdd the eggs.") == []
    assert drops("Did you know?\nOwls can turn their heads 270 degrees.\nDid you know?\nBats are mammals.") == []
