from cleanpage.pipeline import decide


def test_drop_tags_label():
    assert decide("tags.label", "Hashtags").action == "drop"
    assert decide("tags.label", "Tags").action == "drop"
    assert decide("tags.label", "Hashtags spread quickly across the platform.") is None


def test_file_tag_list():
    d = decide("tags.list", "Tags: Russia, North Korea, Kursk")
    assert d.action == "meta" and d.key == "tags"
    assert "Tags: Russia, North Korea, Kursk"[d.value[0]:d.value[1]] == "Russia, North Korea, Kursk"
    assert decide("tags.list", "#Russia #NorthKorea #Kursk").action == "meta"
    assert decide("tags.list", "Tags on the crates read: fragile, this way up.") is None
