"""Plain text -> Document: one block per non-blank line, offsets into the input itself.

With a line analyser (``lines.analysis.LineAnalyser``, which ``Cleaner`` binds from its
``Config``), the page's lines are also scored here, once: the analysis goes to
``Document.analysis["lines"]`` and each block's probability of being content to its
``Origin.score``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Block, Document, make_block, text_block
from ..text import count_words, line_features, lines

Analyser = Callable[[list[str], list[int], list[int]], Any]


def parse_text(text: str, url: str | None = None, analyser: Analyser | None = None) -> Document:
    """One block per non-blank line; a block's origin is its line number."""
    found: list[tuple[str, int, int, list[bytes] | None, int]] = []  # text, start, line, keywords, words
    append = found.append
    if "\r" in text:
        for number, pos, line in lines(text):
            stripped = line.strip()
            if stripped:
                append((stripped, pos + (len(line) - len(line.lstrip())), number, None, -1))
    else:
        # the common case: keywords and word counts of every line from a few passes over the page
        raw_lines, kw_lines, counts = line_features(text)
        pos = 0
        i = 0
        for line in raw_lines:
            if line:
                stripped = line.strip()
                if stripped:
                    n = counts[i]
                    append((stripped, pos + line.find(stripped), i + 1, kw_lines[i].split(),
                            n if n >= 0 else count_words(stripped)))
            pos += len(line) + 1
            i += 1
    analysis: dict[str, Any] = {}
    probability: Any = None
    if analyser is not None and found:
        result = analyser([f[0] for f in found], [f[1] for f in found], [f[2] for f in found])
        analysis["lines"] = result
        probability = result.probability.tolist()  # Origin.score of each block
    blocks: list[Block] = []
    for k, (stripped, start, number, kw, n) in enumerate(found):
        score = None if probability is None else probability[k]
        if kw is None:
            blocks.append(make_block(stripped, start, start + len(stripped), number, score=score))
        else:
            blocks.append(text_block(stripped, start, start + len(stripped), number, kw, n, score))
    if analysis:
        analysis["lines"].blocks.extend(blocks)
    return Document(blocks=tuple(blocks), text=text, kind="text", url=url, analysis=analysis)
