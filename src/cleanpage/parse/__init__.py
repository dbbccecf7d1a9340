"""Input -> Document: limits, decoding bytes, telling HTML from text, and cutting blocks.

``decode`` turns bytes into text, ``detect`` decides between text and HTML,
``text`` makes one block per line and ``html`` one block per block element. The
HTML parser is the only module of cleanpage that imports lxml.
"""

from __future__ import annotations

import codecs
import dataclasses
from typing import Any

import regex

from ..config import Config
from ..errors import InputError
from ..model import Document, make_block
from .decode import binary_kind, check_text, decode, decode_bytes
from .detect import sniff
from .text import WHITESPACE, Analyser, cut_long, parse_text

_DEFAULT = Config()
_LAST_SPACE = regex.compile(rf"(?r){WHITESPACE}")
_TAIL = 1 << 20  # truncation looks this far back for a line break (then a space) to cut at


def parse(source: str | bytes, *, url: str | None = None, input_format: str | None = None,
          encoding: str | None = None, config: Config | None = None, lines: Analyser | None = None,
          dom_model: Any = None) -> Document:
    """str or bytes, text or HTML -> Document, within the limits of ``config``.

    ``input_format`` overrides ``config.input_format``; ``encoding`` is the caller's word on
    the encoding of bytes (ignored for str). Raises ``InputError`` for binary data, an
    unknown ``encoding`` and input over ``config.max_bytes`` (unless ``config.truncate``).
    ``lines`` analyses the lines of text input (the line model, bound by ``Cleaner``);
    ``dom_model`` replaces the shipped DOM block scorer for HTML (``dom.scorer.Scorer``: the
    benchmark's cross-validation fold models).
    """
    config = config or _DEFAULT
    warnings: list[str] = []
    codec = None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        check_text(data)
        total = len(data)
        partial = total > config.max_bytes
        if partial:
            _too_big(f"{total:,} bytes", config)
            data = data[:config.max_bytes]
        decoded = decode_bytes(data, encoding, partial=partial)
        text, codec = decoded.text, decoded.encoding
        warnings += decoded.warnings
        if partial:
            text = _cut_at_line_end(text)
            warnings.append(_truncated(f"{total:,} bytes", len(text), config))
    else:
        text = source
        size, said = _utf8_size(text, config.max_bytes)
        if size > config.max_bytes:
            _too_big(said, config)
            text = _cut_at_line_end(_utf8_prefix(text, config.max_bytes))
            warnings.append(_truncated(said, len(text), config))
    fmt = input_format or config.input_format
    kind = sniff(text) if fmt == "auto" else fmt
    if kind == "html":
        from .html import parse_html  # lxml and numpy are imported only for HTML

        doc = _cut_long_blocks(parse_html(text, url, model=dom_model), config.max_block_chars)
    else:
        if lines is not None and len(text) > config.max_scored_chars and not text.isspace():
            lines = None  # its arrays grow with the page (Config.max_scored_chars)
            warnings.append(f"line_model: the page has {len(text):,} characters, over Config.max_scored_chars = "
                            f"{config.max_scored_chars:,}: the line model did not read it, the named rules cleaned it")
        doc = parse_text(text, url, lines, max_block_chars=config.max_block_chars)
    if codec is not None or warnings:
        doc = dataclasses.replace(doc, encoding=codec, warnings=(*warnings, *doc.warnings))
    return doc


# --- limits ---------------------------------------------------------------------------------------


def _utf8_size(text: str, limit: int) -> tuple[int, str]:
    """The UTF-8 size of ``text`` as far as ``limit`` needs it, and how to say it: exact
    unless it is surely within the limit, or surely over it (then its length in characters)."""
    n = len(text)
    if n * 4 <= limit:
        return n, f"{n:,} characters"
    if n > limit:
        return n, f"{n:,} characters" if not text.isascii() else f"{n:,} bytes"
    size = n if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
    return size, f"{size:,} bytes as UTF-8"


def _utf8_prefix(text: str, size: int) -> str:
    """The longest prefix of ``text`` whose UTF-8 encoding fits in ``size`` bytes."""
    head = text[:size]
    if head.isascii():
        return head
    data = head.encode("utf-8", "surrogatepass")[:size]
    return codecs.getincrementaldecoder("utf-8")("surrogatepass").decode(data, final=False)


def _cut_at_line_end(text: str) -> str:
    """``text`` up to its last line break, else its last space, in the last MB; else whole."""
    lo = max(0, len(text) - _TAIL)
    at = text.rfind("\n", lo)
    if at < 0:
        m = _LAST_SPACE.search(text, lo)
        at = m.start() if m else len(text)
    return text[:at]


def _too_big(size: str, config: Config) -> None:
    if not config.truncate:
        raise InputError(
            f"the input is {size}, over Config.max_bytes = {config.max_bytes:,}. Pass a Config with a "
            "larger max_bytes to clean it whole, or Config(truncate=True) to clean its first max_bytes bytes.")


def _truncated(size: str, kept: int, config: Config) -> str:
    return (f"truncated: the input is {size}, over Config.max_bytes = {config.max_bytes:,}; only its first "
            f"{kept:,} characters, up to the last line break before the limit, were cleaned (page.source)")


def _cut_long_blocks(doc: Document, limit: int) -> Document:
    """Blocks longer than ``limit`` characters become several (see ``text.cut_long``)."""
    if all(len(b.text) <= limit for b in doc.blocks):
        return doc
    blocks = []
    for b in doc.blocks:
        if len(b.text) <= limit:
            blocks.append(b)
            continue
        for s, e in cut_long(b.text, limit):
            blocks.append(make_block(b.text[s:e], b.start + s, b.start + e, b.origin))
    return dataclasses.replace(doc, blocks=tuple(blocks))


__all__ = ["binary_kind", "decode", "decode_bytes", "parse", "parse_text", "sniff"]
