"""The engine's own promises: run order, prefilters that never hide a match, the
Cleaner, read-only blocks, rule authors' errors, and the loop's stage order."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

import cleanpage
from cleanpage import Config, RuleError
from cleanpage.model import Drop
from cleanpage.parse.text import parse_text
from cleanpage.pipeline import Engine, decide
from cleanpage.registry import Stage, registry, rule
from cleanpage.text import count_words, keywords

HERE = Path(__file__).resolve().parent
PAGES = sorted((HERE.parent / "corpus").glob("*.txt")) + sorted((HERE / "cases").glob("*/*.txt"))

# The run order, as a snapshot: a change to it is a change of behaviour and shows here.
RUN_ORDER = [
    "guard.cut_limit", "guard.clean_text",
    "dom.related", "dom.title", "dom.comments", "dom.score",
    "breaks.hard_wrap", "toc.contents",
    "comments.thread", "comments.dated_thread", "comments.signed", "ads.marker_line", "reading.time_label", "comments.label", "comments.quote_expander", "comments.empty_notice", "comments.form",
    "comments.policy",
    "forms.field_label", "media.credit_line", "media.caption_line", "promo.ai_features", "promo.app_download",
    "promo.newsletter_line", "feedback.widget", "qa.post_meta",
    "share.widget_label", "tags.label", "teasers.read_more_line", "links.hint_line",
    "chrome.cookies", "chrome.account", "chrome.skip_links", "chrome.browser", "chrome.legal", "chrome.social",
    "chrome.breadcrumb", "chrome.custom",
    "lines.score", "related.sections", "related.duplicate_card",
    "ads.inline_marker", "media.photo_caption", "meta.trailing_credit", "meta.dateline",
    "promo.newsletter_pitch", "teasers.read_more", "links.inline_hint", "trailers.more_to_follow",
    "breaks.fused_sentence",
    "meta.wire_credit", "meta.source_line", "meta.byline", "meta.date_line", "tags.list", "lines.leftover",
    "dedupe.repeated_block",
    "lines.title", "meta.title",
]


def test_run_order_is_stage_then_declared_order():
    assert list(cleanpage.list_rules()) == RUN_ORDER
    keys = [(r.stage, r.order) for r in registry().values()]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)


def _lines() -> list[str]:
    out = []
    for path in PAGES:
        out.extend(b.text for b in parse_text(path.read_text(encoding="utf-8")).blocks)
    return out


@pytest.mark.parametrize("name", [n for n, r in registry().items() if not r.context and r.gated])
def test_prefilter_never_hides_a_line_the_rule_acts_on(name):
    """Every line of the corpus and the hand-written pages, asked without the prefilter:
    wherever the rule answers, the prefilter lets the line through."""
    r = registry()[name]
    fn = r.bind(Config())
    for block in parse_text("\n".join(_lines())).blocks:
        if block.zone in r.zones and fn(block):
            assert r.passes(block._kw, block.text), f"{name} acts on a line its prefilter hides: {block.text!r}"


@pytest.mark.parametrize("name", [n for n, r in registry().items() if r.context and r.gated])
def test_a_context_rule_acts_only_on_a_page_that_meets_its_prefilter(name):
    """A context rule's prefilter is a precondition: every page of the corpus and the
    hand-written pages, asked without it, gets an answer only if one of its blocks passes."""
    from cleanpage.lines.analysis import LineAnalyser

    r = registry()[name]
    fn = r.bind(Config())
    analyser = LineAnalyser.from_config(Config())
    for path in PAGES:
        doc = parse_text(path.read_text(encoding="utf-8"), analyser=analyser)
        if list(fn(doc)):
            assert any(b.zone in r.zones and r.passes(b._kw, b.text) for b in doc.blocks), \
                f"{name} acts on {path.name}, where no block passes its prefilter"


def test_keywords_are_whole_ascii_words_of_letters():
    assert keywords("Comments(3) Don’t SHARE-this e-mail 4you") == [
        b"comments", b"don", b"t", b"share", b"this", b"e", b"mail", b"you"]


def test_a_long_text_without_spaces_has_each_keyword_once_and_the_last_one_last():
    text = "x.Bb.Cc." * 18_000 + "done.Zz"  # 144,007 characters: over the threshold, in three chunks
    kw = keywords(text)
    assert sorted(kw) == [b"bb", b"cc", b"done", b"x", b"zz"] and kw[-1] == b"zz"


@pytest.mark.parametrize("text", ["", "a", " a ", "__init__ x_y", "3.5 percent, 7", "Don\u2019t \u2014 stop",
                                  "Caf\u00e9 au lait", "tab\tand\nnewline", "word " * 20_000])
def test_word_counts_are_the_number_of_word_tokens(text):
    assert count_words(text) == len(cleanpage.text.words(text))


def test_block_features_match_their_definitions():
    for text in _lines()[:400]:
        block = parse_text(text).blocks[0]
        assert block.words == count_words(text) == len(cleanpage.text.words(text))
        assert block._kw == keywords(text)


def test_cleaner_is_reusable_and_shares_nothing_between_pages():
    cleaner = cleanpage.Cleaner()
    texts = [p.read_text(encoding="utf-8") for p in PAGES]
    once = [cleaner.clean(t).to_dict() for t in texts]
    assert [cleaner.clean(t).to_dict() for t in reversed(texts)] == once[::-1]
    assert [cleanpage.clean(t).to_dict() for t in texts] == once


def test_cleaner_is_thread_safe():
    cleaner = cleanpage.Cleaner()
    texts = [p.read_text(encoding="utf-8") for p in PAGES]
    want = [cleaner.clean(t).to_dict() for t in texts]
    got: dict[int, list] = {}

    def work(k: int) -> None:
        got[k] = [cleaner.clean(t).to_dict() for t in texts]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(v == want for v in got.values())


def test_cleaner_rejects_a_bad_config_when_built():
    with pytest.raises(cleanpage.ConfigError, match="no.such"):
        cleanpage.Cleaner(Config(disabled={"no.such"}))
    with pytest.raises(cleanpage.ConfigError):
        cleanpage.Cleaner("strict")  # type: ignore[arg-type]


def test_blocks_are_read_only():
    block = parse_text("A line of text.").blocks[0]
    with pytest.raises(AttributeError, match="read-only"):
        block.text = "changed"  # type: ignore[misc]
    assert str(block.origin) == "line 1" and block.line == 1


def test_rule_authors_mistakes_are_rule_errors():
    assert issubclass(RuleError, cleanpage.CleanpageError)
    with pytest.raises(RuleError, match="family.what"):
        rule("nodot", stage=Stage.LINES, order=999)
    with pytest.raises(RuleError, match="both claim"):
        rule("ads.other", stage=Stage.LINES, order=10)(lambda block: None)
    with pytest.raises(RuleError, match="prefilter"):
        rule("x.y", stage=Stage.LINES, order=998, pattern=123)  # type: ignore[arg-type]
    assert "ads.other" not in registry() and "x.y" not in registry()


@pytest.fixture
def temporary_rules():
    """Register rules for one test only (the registry is global)."""
    from cleanpage import registry as reg

    before = set(reg._REGISTRY)
    yield
    for name in set(reg._REGISTRY) - before:
        del reg._REGISTRY[name]


def test_a_rule_that_answers_nonsense_is_a_rule_error(temporary_rules):
    @rule("zz.nonsense", stage=Stage.LINES, order=9999)
    def answer_nonsense(block):
        return "drop it"

    with pytest.raises(RuleError, match="not a Decision"):
        Engine(Config()).run(parse_text("A line of text, as printed.\n"))


def test_context_rules_answer_with_a_block_or_its_index(temporary_rules):
    @rule("zz.by_index", stage=Stage.STRUCTURE, order=9998, context=True)
    def drop_alpha_by_index(doc):
        for i, b in enumerate(doc.blocks):
            if b.text.startswith("Alpha"):
                yield i, Drop("first line")

    @rule("zz.by_block", stage=Stage.STRUCTURE, order=9999, context=True)
    def drop_gamma_by_block(doc):
        for b in doc.blocks:
            if b.text.startswith("Gamma"):
                yield b, Drop("last line")

    page = Engine(Config()).run(parse_text("Alpha line here.\nBeta line here.\nGamma line here.\n"))
    assert page.paragraphs == ("Beta line here.",)
    assert [(r.rule, r.text) for r in page.removed] == [("zz.by_index", "Alpha line here."),
                                                        ("zz.by_block", "Gamma line here.")]


def test_a_once_rule_judges_the_page_as_it_first_sees_it(temporary_rules):
    seen = {"once": [], "again": []}

    def looker(key):
        def look(doc):
            seen[key].append([b.text for b in doc.blocks])
            return ()
        return look

    rule("zz.once", stage=Stage.LINES, order=9997, context=True, once=True)(looker("once"))
    rule("zz.again", stage=Stage.LINES, order=9998, context=True)(looker("again"))

    @rule("zz.drop_beta", stage=Stage.META, order=9999)
    def drop_beta(block):
        return Drop("later") if block.text.startswith("Beta") else None

    Engine(Config()).run(parse_text("Alpha line here.\nBeta line here.\n"))
    assert seen["once"] == [["Alpha line here.", "Beta line here."]]  # not asked again after the drop
    assert seen["again"] == [["Alpha line here.", "Beta line here."], ["Alpha line here."]]
    with pytest.raises(RuleError, match="once is for context rules"):
        rule("zz.block_once", stage=Stage.LINES, order=9996, once=True)(drop_beta)


def test_decide_applies_the_prefilter_as_the_engine_does():
    assert decide("share.widget_label", "Share").action == "drop"
    assert decide("share.widget_label", "Nothing to see here.") is None


def test_dedupe_waits_for_the_page_to_settle():
    """A card headline printed twice is card evidence, not a repeat: the card reader must
    read the cards before dedupe judges repeats, even when the article's only paragraph
    becomes prose late (here once its trailing "Agencies" credit is filed)."""
    page = cleanpage.clean(
        "Officials weigh the budget\n"
        "Officials met on Monday to weigh the budget for the year. Agencies\n"
        "Related Articles:\n"
        "Editor's choice\nNews\nThe budget vote is delayed\nThe budget vote is delayed\n"
        "The vote on the budget was delayed by a week, officials said on Monday.\n"
        "Editor's choice\nNews\nMinisters meet again\nMinisters meet again\n"
        "Ministers meet again on Friday to agree on the figures, the office said.\n")
    assert [i.title for i in page.sidebar] == ["The budget vote is delayed", "Ministers meet again"]
    assert [i.label for i in page.sidebar] == ["Editor's choice", "Editor's choice"]
    assert page.paragraphs == ("Officials met on Monday to weigh the budget for the year.",)
    assert not any(r.rule == "dedupe.repeated_block" for r in page.removed)


def test_decisions_are_immutable_values():
    d = Drop("x")
    assert d.action == "drop" and d == Drop(reason="x")
    with pytest.raises(AttributeError):
        d.reason = "y"  # type: ignore[misc]


def test_a_moved_block_is_the_block_make_block_makes():
    """``model.moved_block`` copies what ``make_block`` would work out again from the same text."""
    from cleanpage.model import _Slots, make_block, moved_block

    for text in ("Editor's choice", "The vote was delayed by a week, officials said.", "“Quoted.”"):
        b = parse_text(text).blocks[0]
        if text.startswith("The"):
            assert b.key and not b.is_heading  # features already worked out are copied too
        moved = moved_block(b, "sidebar", "title", 7, "Popular")
        made = make_block(b.text, b.start, b.end, b._origin, zone="sidebar", role="title", card=7,
                          section="Popular", kw=b._kw, words=b.words, score=b._score)
        for name in _Slots.__slots__:
            if name not in ("_heading", "_key", "_memo"):
                assert getattr(moved, name) == getattr(made, name), name
        assert (moved.is_heading, moved.key) == (made.is_heading, made.key)


def test_steps_and_removals_made_by_slots_equal_the_dataclasses():
    from dataclasses import fields

    from cleanpage.model import Removal, Step
    from cleanpage.pipeline import _new_removal, _new_step

    assert [f.name for f in fields(Step)] == ["rule", "action", "text", "reason", "start", "end"]
    assert [f.name for f in fields(Removal)] == ["rule", "text", "reason", "start", "end", "path"]
    step = _new_step("lines.score", "drop", "Log in", "chrome line", 3, 9)
    assert step == Step("lines.score", "drop", "Log in", "chrome line", 3, 9)
    assert hash(step) == hash(Step("lines.score", "drop", "Log in", "chrome line", 3, 9))
    for path in (None, "/html/body/nav"):
        assert _new_removal("r", "Log in", "why", 3, 9, path) == Removal("r", "Log in", "why", 3, 9, path)
