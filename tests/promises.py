"""The promises of README "Reliability", checked on one input: shared by the hypothesis tests
(``test_fuzz.py``) and the long fuzz run (``benchmarks/fuzz.py``).

For any ``str``, and any bytes that are not binary data:

- ``clean()`` returns a Page; binary bytes raise ``InputError`` and nothing else does;
- accounting: every non-blank character of ``page.source`` is placed exactly once, and
  every removal quotes the source at its offsets;
- conservation: the words of the body are a subsequence of the words of ``page.source``;
- idempotence: cleaning the body again gives the same body (not promised for a page that
  carries a ``timeout``, ``max_passes``, ``truncated`` or ``pattern_timeout`` warning); an
  HTML page's body, and a text page's body that reads as HTML, is cleaned again as text, as
  the README says;
- the result serialises to JSON and explains itself.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import regex

import cleanpage
from cleanpage import Config, InputError, Page
from cleanpage.parse import binary_kind
from cleanpage.parse.detect import sniff

WORD = regex.compile(r"\w+")
# pattern_timeout: a user's phrase pattern ran over its time on some line, and the page was
# matched without the user's patterns; the body may no longer hold that line
_NOT_SETTLED = ("timeout:", "max_passes:", "truncated:", "pattern_timeout:")


def again_config(page: Page, config: Config | None) -> Config | None:
    """The config to clean ``page.body`` again with (README "Limits"): the same as text
    (``input_format="text"``) for an HTML page's body, which is text even when it holds what
    looks like markup (the text lxml makes of a broken doctype), and for a text page's body
    that reads as HTML (it opens with markup and goes on as markup, such as a line
    ``<P></P>`` left under chrome that went)."""
    if page.source_kind != "html":
        if page.source_kind == "text" and (config is None or config.input_format == "auto") \
                and sniff(page.body) == "html":
            return dataclasses.replace(config or Config(), input_format="text")
        return config
    return dataclasses.replace(config or Config(), input_format="text")


def is_binary(source: Any) -> bool:
    return isinstance(source, (bytes, bytearray, memoryview)) and binary_kind(bytes(source)) is not None


def check(source: str | bytes, config: Config | None = None) -> Page | None:
    """Clean ``source`` and assert every promise; None for binary bytes (after checking that
    they raise ``InputError``)."""
    if is_binary(source):
        try:
            cleanpage.clean(source, config=config)
        except InputError as exc:
            assert "not text or HTML" in str(exc), f"unclear message for binary input: {exc}"
            return None
        raise AssertionError(f"binary input ({binary_kind(bytes(source))}) gave a page")
    page = cleanpage.clean(source, config=config)
    src = page.source
    # accounting, without a loop over every character: merge the placements, look for text in the gaps
    spans = sorted((p[0], p[1]) for p in page.placements)
    pos = 0
    for start, end in spans:
        assert 0 <= start < end <= len(src), f"placement out of range: {(start, end)}"
        assert start >= pos, f"placed twice: {src[start:min(end, pos)]!r} at {start}"
        gap = src[pos:start]
        assert not gap.strip(), f"not accounted for: {gap.strip()[:80]!r} at {pos}"
        pos = end
    assert not src[pos:].strip(), f"not accounted for at the end: {src[pos:].strip()[:80]!r}"
    for r in page.removed:
        assert src[r.start:r.end] == r.text, f"removal does not quote the source: {r}"
    # conservation
    source_words = iter(WORD.findall(src))
    for word in WORD.findall(page.body):
        assert any(word == other for other in source_words), f"body word {word!r} not in the input, in order"
    # idempotence: promised under the default rules (README, "What the tests guarantee"); an HTML
    # page's body is the DOM model's choice and is cleaned again as text, without the rules that would
    # second-guess it; preview rules (the line model) are not held to it
    settled = not any(w.startswith(_NOT_SETTLED) for w in page.warnings)
    if settled and not (config is not None and config.preview):
        again = cleanpage.clean(page.body, config=again_config(page, config))
        assert again.body == page.body, "cleaning the body again changed it"
    json.loads(page.to_json())
    assert page.explain()
    return page
