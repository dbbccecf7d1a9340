"""The shipped line scorer on small hand-written pages: verdicts, evidence, the clean-text guard."""

import json

import numpy as np
import pytest

from cleanpage.lines import features as FX
from cleanpage.lines.extract import assemble, extract
from cleanpage.lines.scorer import LineScorer, default_model

ARTICLE = [
    "The town that learned to love its river again",
    "For decades the river was a sewer, a border and a place to avoid after dark.",
    "Then, in 2009, the council voted to pull down the concrete walls that had hidden it since the 1960s, "
    "and the people who had turned their backs on the water started to walk along it.",
    "The work took six years and cost more than twice what had been planned, but few residents now say it was "
    "a mistake, and the new banks are busy on any dry evening.",
    "What changed",
    "Fish came back first, then the birds, and finally the cafes, which now line the eastern bank from the old "
    "mill to the railway bridge.",
    "Property prices along the water rose faster than anywhere else in the county, a fact that worries some of "
    "the families who have lived there longest.",
]
CHROME_TOP = ["Skip to content", "Home", "News", "Sport", "Weather", "Log in", "Subscribe"]
CHROME_BOTTOM = ["Related Articles", "Ten things to do on a rainy weekend", "Why the bridge is closed again",
                 "Privacy Policy", "Terms of Use", "Cookie settings", "© 2024 Example Media Ltd. All rights reserved."]


@pytest.fixture(scope="module")
def scorer():
    return LineScorer()


def test_model_is_json_with_the_feature_names():
    spec = default_model()
    assert spec["features"] == list(FX.FEATURES)
    assert spec["context"] == list(FX.CONTEXT)
    json.dumps(spec)  # plain data, no pickle


def test_refuses_a_model_for_other_features():
    spec = dict(default_model(), features=["x"])
    with pytest.raises(ValueError):
        LineScorer(spec)


def test_chrome_around_an_article(scorer):
    text = "\n".join(CHROME_TOP + [""] + ARTICLE + [""] + CHROME_BOTTOM)
    s = scorer.score(text)
    verdict = dict(zip(s.lines.texts, s.keep))
    for line in ARTICLE[1:]:
        if len(line.split()) > 5:
            assert verdict[line], line
    for line in ("Skip to content", "Log in", "Privacy Policy", "Cookie settings"):
        assert not verdict[line], line


def test_every_verdict_is_explained(scorer):
    text = "\n".join(CHROME_TOP + ARTICLE + CHROME_BOTTOM)
    s = scorer.score(text)
    i = s.lines.texts.index("Privacy Policy")
    why = s.explain(i)
    assert why.startswith(f"line score {s.probability[i]:.2f}: ")
    ev = s.evidence(i)
    assert len(ev) == 3 and all(e.push < 0 for e in ev)  # chrome: the evidence pushes toward chrome
    assert "phrase family legal" in why


def test_clean_text_is_left_alone():
    page = extract("\n\n".join(ARTICLE))
    assert page.clean_text
    assert page.body_lines == list(range(len(ARTICLE)))


def test_empty_and_blank_pages(scorer):
    for text in ("", "\n\n  \n"):
        s = scorer.score(text)
        assert len(s.lines) == 0 and s.keep.shape == (0,)
        assert assemble(s).body == ""


def test_offsets_point_into_the_input(scorer):
    text = "  Home\r\n\r\n" + "\n".join(ARTICLE)
    s = scorer.score(text)
    for ln in s.lines:
        assert text[ln.start:ln.end] == ln.text
    assert np.all((s.probability >= 0) & (s.probability <= 1))


def test_sidebar_items_under_a_related_heading():
    text = "\n".join(CHROME_TOP + ARTICLE + CHROME_BOTTOM)
    page = extract(text)
    titles = [it.title for it in page.sidebar]
    assert "Ten things to do on a rainy weekend" in titles
    assert all(it.section == "Related Articles" for it in page.sidebar)
    assert "Privacy Policy" not in titles


def test_fast_contributions_match_the_reference(scorer):
    text = "\n".join(CHROME_TOP + ARTICLE + CHROME_BOTTOM)
    s = scorer.score(text)
    n_ctx = len(FX.CONTEXT)
    X1 = s._X2[:, n_ctx:]
    for model, X in ((scorer.pass1, X1), (scorer.pass2, s._X2)):
        slow = model.contributions_slow(X)
        assert np.allclose(model.contributions(X), slow, rtol=0, atol=1e-12)
        assert np.allclose(model.logits(X), model.logit(slow), rtol=0, atol=1e-12)
    assert np.allclose(1 / (1 + np.exp(-scorer.pass2.logits(s._X2))), s.probability, rtol=0, atol=1e-12)


def test_term_values_read_from_the_table_are_the_summed_steps_bit_for_bit(scorer):
    # a removal's reason prints pushes to two decimals and ranks them: the table of prefix sums
    # must give the very digits the steps summed line by line give, signed zeros included
    text = "\n".join(CHROME_TOP + ARTICLE + CHROME_BOTTOM)
    s = scorer.score(text)
    n_ctx = len(FX.CONTEXT)
    for model, X in ((scorer.pass1, s._X2[:, n_ctx:]), (scorer.pass2, s._X2)):
        assert model._tv_table is not None
        for rows in (X[:1], X[:2], X):
            table, summed = model.term_values(rows), model._term_values_summed(rows)
            assert table.shape == summed.shape
            assert np.array_equal(table.view(np.int64), summed.view(np.int64))


def test_copies_count_each_key_as_np_unique_does():
    rng = np.random.default_rng(7)
    for n in (1, 2, 5, 300):
        keys = rng.integers(0, max(n // 3, 1), n).astype(np.uint64)
        _, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
        assert np.array_equal(FX._copies(keys), counts[inverse.ravel()])


def test_vocabulary_is_set_aside_on_a_page_whose_words_it_does_not_know(scorer):
    # the vocabulary's lean is learned on English pages: on a Chinese page most words are unknown,
    # and the features read from it add their baseline, as for the average line
    from pathlib import Path

    from cleanpage.lines.scorer import LEXICAL, MIN_KNOWN_SHARE

    english = scorer.score("\n".join(CHROME_TOP + ARTICLE + CHROME_BOTTOM))
    assert english.lexical and english.known_share >= MIN_KNOWN_SHARE
    assert "set aside" not in english.explain(0)
    text = (Path(__file__).resolve().parent.parent / "cases" / "languages" / "zh_news.txt").read_text(encoding="utf-8")
    s = scorer.score(text)
    assert not s.lexical and s.known_share < MIN_KNOWN_SHARE
    i = s.lines.texts.index("隐私政策")
    assert not s.keep[i]
    assert s.explain(i).endswith(f"; word lean set aside ({s.known_share:.0%} of the words known)")
    assert s.explain_many(np.asarray([i]), 1)[0].endswith("of the words known)")
    assert not any(e.feature in LEXICAL or e.feature.startswith("vocab") for e in s.evidence(i, 40) if e.push)


def test_logits_without_features_add_their_baselines(scorer):
    from cleanpage.lines.scorer import LEXICAL, prepare

    prep = prepare("\n".join(CHROME_TOP + ARTICLE + CHROME_BOTTOM))
    X = FX.line_features(prep.tokens, prep.gaps, scorer.vocab, None, prep.phrase_hits)
    m = scorer.pass1
    assert np.allclose(m.logits_without(X, frozenset()), m.logits(X))
    C = m.contributions_slow(X)
    lexical = np.asarray([n in LEXICAL for n in m.names])
    C[:, lexical] = m.baseline[lexical]
    assert np.allclose(m.logits_without(X, LEXICAL), m.logit(C))
