"""Is this text or HTML?"""

from __future__ import annotations

import regex

from ..model import SourceKind

_HTML_START = regex.compile(
    r"\A[\s\ufeff]*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*"
    r"(?:<(?:!doctype\s+html|html|head|body)\b"
    r"|<(?P<tag>meta|title|article|main|div|section|p|table|ul|ol|h[1-6])(?:\s[^<>]{0,500})?>)",
    regex.IGNORECASE | regex.DOTALL,
)
_CLOSING_TAG = regex.compile(r"</(?:p|div|span|a|li|td|table|section|article|h[1-6]|title|ul|ol)\s*>", regex.IGNORECASE)


def sniff(text: str) -> SourceKind:
    """HTML when the text opens with a doctype, <html>, <head> or <body>, or with a block
    tag and has closing tags; else text ("<table>: The Table element" is text)."""
    m = _HTML_START.match(text[:4096])
    if not m:
        return "text"
    if m.group("tag") and not _CLOSING_TAG.search(text, 0, 1 << 16):
        return "text"
    return "html"
