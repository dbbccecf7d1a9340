"""String features of ``cleanpage.text``: what every rule means by a headline."""

from cleanpage.text import is_headline_shaped


def test_the_rest_of_a_sentence_is_not_a_headline():
    # a scraper that breaks lines at inline elements (links, code spans) leaves the rest of a
    # sentence on a line of its own: not a headline, nor a card's, however short
    for line in (", or", ". See the", ", available in the", ") and the rest", "; see below"):
        assert not is_headline_shaped(line, len(line.split())), line
    for line in (".NET 9 released", "Top stories", "(Updated) Oil prices rise", "Oil prices rise?"):
        assert is_headline_shaped(line, len(line.split())), line


def test_chinese_and_japanese_words_are_counted_two_characters_to_a_word():
    # written with no space between words, a paragraph would otherwise count as a word or two
    # per clause, and no word limit (prose, headline, dedupe) would read it as prose
    from cleanpage.text import count_words

    assert count_words("北京时间周一晚间，国家统计局发布了最新的经济数据。") == 12  # 24 characters
    assert count_words("東京都は月曜日、新しい計画を発表した。") == 9  # kanji and kana alike
    assert count_words("首页") == 1
    assert count_words("2024年10月18日 09:30") == 8  # digits are words of their own
    assert count_words("Straße und Café") == 3  # other scripts as before: \w+ tokens
    assert count_words("コーヒー・ショップ") == 4  # "・" is no word character


def test_split_words_reads_chinese_and_japanese_as_count_words_does():
    from cleanpage.text import count_words, split_words

    assert split_words("Hello, world. Straße") == ["Hello,", "world.", "Straße"]  # whitespace tokens as before
    line = "港特首梁振英就住宅违建事件道歉 - BBC中文网"
    assert split_words(line) == ["港特", "首梁", "振英", "就住", "宅违", "建事", "件道", "歉", "-", "BBC", "中文", "网"]
    para = "北京时间周一晚间，国家统计局发布了最新的经济数据。"
    assert len(split_words(para)) == count_words(para) == 12
    assert split_words("「」") == ["「」"]  # a token of CJK punctuation alone is still a token


def test_full_width_stops_end_a_sentence():
    from cleanpage.text import ends_clause, ends_sentence

    assert ends_sentence("略高于市场预期。") and ends_sentence("本当ですか？") and ends_sentence("他说：「好。」")
    assert ends_clause("重量：") and ends_clause("首先，") and not ends_sentence("重量：")
    assert not ends_sentence("经济数据超出预期")


def test_a_chinese_page_printed_twice_is_deduplicated():
    import cleanpage

    paras = ["北京时间周一晚间，国家统计局发布了最新的经济数据，显示第三季度国内生产总值同比增长百分之四点八。",
             "分析人士认为，消费回暖和出口稳定是主要原因，其中服务业的贡献尤其明显，餐饮和旅游收入都创下了新高。"]
    page = cleanpage.clean("\n".join(["经济数据超出预期", *paras, *paras]))
    assert list(page.paragraphs) == paras
    assert [r.rule for r in page.removed] == ["dedupe.repeated_block"] * 2
