from cleanpage.pipeline import decide


def test_drop_repeated_block():
    page = ("North Korea plans to send military workers to Russia\n"
            "Shoigu said the workers would help rebuild Kursk.\n"
            "North Korea plans to send military workers to Russia\n")
    assert [(t, d.action) for t, d in decide("dedupe.repeated_block", page)] == [
        ("North Korea plans to send military workers to Russia", "drop")]


def test_keeps_short_repeated_lines():
    assert decide("dedupe.repeated_block", "Step 1\nMix the flour.\nStep 1\nAdd the eggs.") == []
