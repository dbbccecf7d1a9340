import pytest

from cleanpage.pipeline import decide


def test_drop_share_label():
    assert decide("share.widget_label", "Share").action == "drop"
    assert decide("share.widget_label", "Share prices fell 4% on Monday.") is None


@pytest.mark.parametrize("line", ["Share this article", "Share on Facebook", "Facebook Twitter WhatsApp Email",
                                  "Follow us on X", "Print", "Copy link", "Share:"])
def test_share_family(line):
    assert decide("share.widget_label", line).action == "drop"
