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


QUOTE = "The tomatoes ripened a week later than before, but none of them split in the afternoon sun."
OTHER = "We kept a log of the soil temperature each morning and evening through the whole of July."
FILLER = ["The peppers did well for the first time, and we gave most of them away to the neighbours.",
          "Next year we will try squash along the fence, where the light is best in the morning."]


def _rule():
    from cleanpage.config import Config
    from cleanpage.rules.dedupe import DropRepeatedBlock

    return DropRepeatedBlock.from_config(Config())


def test_a_lone_repeat_the_line_model_is_sure_of_is_content():
    rule = _rule()
    quote, other, filler = QUOTE, OTHER, FILLER
    lines = [quote, filler[0], other, filler[1], quote]  # a pull quote printed again, alone
    assert [b.text for b, _ in rule(_scored_page(lines, [0.95] * 5))] == []
    assert [b.text for b, _ in rule(_scored_page(lines, [0.95] * 4 + [0.6]))] == [quote]  # the model doubts it
    assert [b.text for b, _ in rule(_scored_page(lines, [None] * 5))] == [quote]  # no model: the default rules
    run = [quote, other, filler[0], filler[1], quote, other]  # two paragraphs printed again together: a copy
    assert [b.text for b, _ in rule(_scored_page(run, [0.95] * 6))] == [quote, other]


def test_on_a_page_that_reads_clean_a_lone_repeat_is_the_authors():
    # with the line model, a page of title and paragraphs reads as clean text (guard.clean_text):
    # a refrain the author prints under each guest stays, whatever its score, so that a body
    # cleaned again keeps what the first cleaning kept; without the model the copies go
    from cleanpage import Config, clean

    tip = "Water new plants in the morning rather than the evening, because slugs come out at night and love a damp bed."
    text = "\n\n".join([
        "Three growers on their first gardens",
        "We asked three growers from the allotments on Mill Lane how they started, and what they wish they had known.",
        "Amina Okafor has kept plot 14 for eleven years, and grows beans, squash and a row of sunflowers for the birds.",
        tip,
        "Tom Reyes took over plot 9 two years ago, after the previous tenant moved to the coast with his family.",
        tip,
        "Lena Fischer shares plot 3 with her sister, and the two of them grow most of the vegetables their families eat.",
        tip,
    ])
    preview = clean(text, config=Config(preview=True))
    assert any(s.rule == "guard.clean_text" for s in preview.trace)
    assert preview.body.count(tip) == 3
    assert clean(preview.body, config=Config(preview=True)).body == preview.body
    assert clean(text).body.count(tip) == 1


def test_on_a_page_that_reads_clean_copies_printed_together_still_go():
    from types import SimpleNamespace

    from cleanpage.model import Document

    rule = _rule()
    quote, other, filler = QUOTE, OTHER, FILLER
    page = _scored_page([quote, other, filler[0], filler[1], quote, other], [0.5] * 6)
    reads_clean = Document(page.blocks, page.text, page.kind, analysis={"lines": SimpleNamespace(clean="clean text")})
    assert [b.text for b, _ in rule(reads_clean)] == [quote, other]  # two paragraphs printed again together
    lone = _scored_page([quote, filler[0], other, filler[1], quote], [0.5] * 5)
    assert [b.text for b, _ in rule(Document(lone.blocks, lone.text, lone.kind,
                                             analysis={"lines": SimpleNamespace(clean="clean text")}))] == []
    assert [b.text for b, _ in rule(lone)] == [quote]  # the page does not read clean: the model doubts it
