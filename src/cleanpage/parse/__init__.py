"""Input -> Document: decoding bytes, telling HTML from text, and cutting blocks.

``decode`` turns bytes into text, ``detect`` decides between text and HTML,
``text`` makes one block per line and ``html`` one block per block element. The
HTML parser is the only module of cleanpage that imports lxml.
"""

from __future__ import annotations

from ..model import Document
from .decode import decode
from .detect import sniff
from .text import Analyser, parse_text


def parse(source: str | bytes, *, url: str | None = None, input_format: str = "auto",
          lines: Analyser | None = None) -> Document:
    """str or bytes, text or HTML -> Document. ``lines`` analyses the lines of text input."""
    text = decode(bytes(source)) if isinstance(source, (bytes, bytearray, memoryview)) else source
    kind = sniff(text) if input_format == "auto" else input_format
    if kind == "html":
        from .html import parse_html  # lxml is imported only for HTML

        return parse_html(text, url)
    return parse_text(text, url, lines)


__all__ = ["decode", "parse", "parse_text", "sniff"]
