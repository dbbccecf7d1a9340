"""Plain text -> Document: one block per non-blank line, offsets into the input itself."""

from __future__ import annotations

from ..model import Block, Document, make_block, text_block
from ..text import count_words, line_features, lines


def parse_text(text: str, url: str | None = None) -> Document:
    """One block per non-blank line; a block's origin is its line number."""
    blocks: list[Block] = []
    append = blocks.append
    if "\r" in text:
        for number, pos, line in lines(text):
            stripped = line.strip()
            if stripped:
                start = pos + (len(line) - len(line.lstrip()))
                append(make_block(stripped, start, start + len(stripped), number))
        return Document(blocks=tuple(blocks), text=text, kind="text", url=url)
    # the common case: keywords and word counts of every line from a few passes over the page
    raw_lines, kw_lines, counts = line_features(text)
    pos = 0
    i = 0
    for line in raw_lines:
        if line:
            stripped = line.strip()
            if stripped:
                start = pos + line.find(stripped)
                n = counts[i]
                if n < 0:
                    n = count_words(stripped)
                append(text_block(stripped, start, start + len(stripped), i + 1, kw_lines[i].split(), n))
        pos += len(line) + 1
        i += 1
    return Document(blocks=tuple(blocks), text=text, kind="text", url=url)
