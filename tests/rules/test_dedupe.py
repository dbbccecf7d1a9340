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


def _scored_page(lines, scores):
    from cleanpage.model import Document, text_block
    from cleanpage.text import count_words, keywords

    text = "\n".join(lines)
    blocks, pos = [], 0
    for n, (line, score) in enumerate(zip(lines, scores), 1):
        blocks.append(text_block(line, pos, pos + len(line), n, keywords(line), count_words(line), score))
        pos += len(line) + 1
    return Document(blocks=tuple(blocks), text=text, kind="text")


def test_a_lone_repeat_the_line_model_is_sure_of_is_content():
    from cleanpage.config import Config
    from cleanpage.rules.dedupe import DropRepeatedBlock

    rule = DropRepeatedBlock.from_config(Config())
    quote = "The tomatoes ripened a week later than before, but none of them split in the afternoon sun."
    other = "We kept a log of the soil temperature each morning and evening through the whole of July."
    filler = ["The peppers did well for the first time, and we gave most of them away to the neighbours.",
              "Next year we will try squash along the fence, where the light is best in the morning."]
    lines = [quote, filler[0], other, filler[1], quote]  # a pull quote printed again, alone
    assert [b.text for b, _ in rule(_scored_page(lines, [0.95] * 5))] == []
    assert [b.text for b, _ in rule(_scored_page(lines, [0.95] * 4 + [0.6]))] == [quote]  # the model doubts it
    assert [b.text for b, _ in rule(_scored_page(lines, [None] * 5))] == [quote]  # no model: the default rules
    run = [quote, other, filler[0], filler[1], quote, other]  # two paragraphs printed again together: a copy
    assert [b.text for b, _ in rule(_scored_page(run, [0.95] * 6))] == [quote, other]
