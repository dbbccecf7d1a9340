"""Pure string features: words, keywords, sentence and headline shape, lines.

No lxml, no model, no state. Every block feature the rules read is defined here
once, and computed at most once per block (``model.Block`` caches them).

Speed matters here more than anywhere: these functions run on every line of
every page. ``keywords`` works on bytes (``bytes.translate`` is one C loop), and
the shape tests try cheap string methods before any regular expression.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from .patterns import INNER_SENTENCE_END

WORD = regex.compile(r"\w+")
# Chinese and Japanese run words together with no space between them: a run of their characters
# counts as a word per two characters (Chinese words average under two characters; a Japanese
# sentence mixes kanji and kana), so that a paragraph has as many words as it would in English
#: those characters (inclusive code point ranges; ``lines.tokens`` reads the same): kana, CJK
#: ideographs and their extension A and compatibility blocks
CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
#: the same, as the inside of a character class ("[" + CJK_CLASS + "]")
CJK_CLASS = "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in CJK_RANGES)
_CJK_CHAR = regex.compile(f"[{CJK_CLASS}]")
_CJK_WORD = regex.compile(f"[\\w&&[{CJK_CLASS}]]{{1,2}}|[\\w--[{CJK_CLASS}]]+", regex.V1)
_LINE_BREAK = regex.compile(r"\r\n|\r|\n")
#: whitespace as str.strip() and str.split() see it, as the inside of a character class: \s and
#: the separators \x1c-\x1f, which the regex module's \s leaves out (a piece that began with
#: \x1f lost it when its paragraph was parsed again)
SPACE_CLASS = r"\s\x1c-\x1f"
_LETTER = regex.compile(r"\p{L}")

#: a headline has at most this many words (``Config.max_headline_words`` may lower it for cards)
HEADLINE_MAX_WORDS = 30

# closing quotes and brackets after a sentence end (and the corner brackets and full-width
# parenthesis of Chinese and Japanese)
_CLOSERS = "\"'\u201d\u2019)]\u300d\u300f\uff09"
# sentence and clause ends, with the full-width ones of Chinese and Japanese: 。！？ and ，；：、
_SENTENCE_ENDS = (".", "!", "?", "\u2026", "\u3002", "\uff01", "\uff1f")
_CLAUSE_ENDS = (".", ",", ";", ":", "\u2026", "\u3002", "\uff0c", "\uff1b", "\uff1a", "\u3001")
# a line that starts with one of these is the rest of a sentence, cut where a scraper broke the
# line at an inline element (a link, a code span): ", or", ". See the"; not ".NET 9 released"
_FRAGMENT_START = regex.compile(r"\s*(?:[,;:)\]}]|\.(?:\s|$))")
_FRAGMENT_FIRST = ",;:)]}."  # what _FRAGMENT_START opens with, after no space

# ASCII letters, digits and "_" are word bytes; everything else (punctuation, digits for
# keywords, and every byte of a non-ASCII character) becomes a space.
_WORD_BYTES = bytes(c if (chr(c).isalnum() or c == 0x5F) and c < 0x80 else 0x20 for c in range(256))
_KEYWORD_BYTES = bytes(c if chr(c).isalpha() and c < 0x80 else 0x20 for c in range(256))
_KEYWORD_LINE_BYTES = bytes(c if c == 0x0A else b for c, b in enumerate(_KEYWORD_BYTES))
# word bytes become "a", all others a space, newlines stay: words = count(b" a") (+1 at a line start)
_WORD_LINE_BYTES = bytes(0x0A if c == 0x0A else 0x61 if b != 0x20 else 0x20 for c, b in enumerate(_WORD_BYTES))
# as _WORD_LINE_BYTES, and the bytes of non-ASCII characters become "B": a line's shape is
# lower-case (``bytes.islower``, a quick test) only if it is ASCII and has a word (``line_parts``)
_SHAPE_BYTES = bytes(0x42 if c >= 0x80 else b for c, b in enumerate(_WORD_LINE_BYTES))
_WORD_RUN_BYTES = bytes(0x61 if b != 0x20 else 0x20 for b in _WORD_BYTES)


# non-ASCII characters that are never word characters and are common in English text:
# replacing them by a space keeps the count of \w+ tokens, and often leaves ASCII
_NON_WORD = ("\u2019", "\u201c", "\u201d", "\u2018", "\u2014", "\u2013", "\u2026", "\xa0", "\u2022",
             "\xb7", "\xab", "\xbb", "\u2032", "\u2033", "\u200b", "\u2009", "\u202f", "\xa9", "\xae")


def count_words(text: str) -> int:
    """Number of ``\\w+`` tokens, a run of Chinese or Japanese characters counted as a word per
    two characters: the unit of every word limit in ``Config``."""
    if not text.isascii():
        for ch in _NON_WORD:
            if ch in text:
                text = text.replace(ch, " ")
        if not text.isascii():
            word = _CJK_WORD if _CJK_CHAR.search(text) else WORD
            if len(text) > _LONG_TEXT_CHARS:  # no list of a long line's words
                return sum(1 for _ in word.finditer(text))
            return len(word.findall(text))
    # word bytes as "a", all others a space: a word is where " a" (or the text) starts
    w = text.encode("ascii").translate(_WORD_RUN_BYTES)
    return w.count(b" a") + w.startswith(b"a")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def has_cjk(text: str) -> bool:
    """Does ``text`` hold a Chinese or Japanese character (``CJK_RANGES``)?"""
    return not text.isascii() and _CJK_CHAR.search(text) is not None


def split_words(text: str) -> list[str]:
    """``text.split()``, with each whitespace token that holds Chinese or Japanese characters
    read as ``count_words`` reads it (a word per two of those characters): "港特首梁振英" is 3
    words, not one. Tokens keep their punctuation ("Hello," stays one token)."""
    tokens = text.split()
    if not has_cjk(text):
        return tokens
    out: list[str] = []
    for token in tokens:
        if _CJK_CHAR.search(token) is None:
            out.append(token)
        else:
            out.extend(_CJK_WORD.findall(token) or (token,))
    return out


def keywords(text: str) -> list[bytes]:
    """Lower-case ASCII letter runs of ``text``, as bytes: what rule prefilters look up.

    Digits, punctuation and non-ASCII characters separate keywords, so ``Comments(3)``
    gives ``comments`` and ``Don’t`` gives ``don`` and ``t``. A rule whose pattern can
    only match a line that names one of its keywords as a whole ASCII word is skipped
    on every other line.

    A text over ``_LONG_TEXT_CHARS`` characters (a line without spaces, which no cut
    can shorten) gives each keyword once, the last one last: rules ask only which keywords
    occur and which comes last, and 1 MB of "a.Aa.A" held 666,666 of them.
    """
    if len(text) > _LONG_TEXT_CHARS:
        return _distinct_keywords(text)
    return text.encode("utf-8", "surrogatepass").lower().translate(_KEYWORD_BYTES).split()


_LONG_TEXT_CHARS = 65_536  # characters
#: a page of more characters than this keeps one bytes object per distinct keyword in its
#: blocks' keyword lists, not one per occurrence (parsers and engine share them through a
#: dict): 1 MB of the corpus pages, one list a line, held 7.8 MB of keywords before. Sharing
#: costs a dict lookup a word, about a tenth of the time of a page, so smaller pages, whose
#: keywords take a few MB at most, keep their own
SHARE_KEYWORDS_FROM = 300_000
_ASCII_LETTERS = regex.compile("[A-Za-z]*")


def _distinct_keywords(text: str) -> list[bytes]:
    """``keywords(text)`` without repeats, the last one last, from chunks of the text cut
    where no ASCII letter run is split."""
    seen: dict[bytes, None] = {}
    last = None
    pos, n = 0, len(text)
    while pos < n:
        end = min(pos + _LONG_TEXT_CHARS, n)
        end = _ASCII_LETTERS.match(text, end).end()
        kw = text[pos:end].encode("utf-8", "surrogatepass").lower().translate(_KEYWORD_BYTES).split()
        if kw:
            seen.update(dict.fromkeys(kw))
            last = kw[-1]
        pos = end
    if last is not None:
        del seen[last]
        seen[last] = None
    return list(seen)


def _plain_bytes(text: str) -> bytes:
    """``text`` as UTF-8, its common non-word characters (curly quotes, dashes, no-break
    spaces) made spaces: what ``line_features`` and ``line_parts`` translate a page from."""
    plain = text
    for ch in _NON_WORD:
        if ch in plain:
            plain = plain.replace(ch, " ")
    return plain.encode("utf-8", "surrogatepass")


def line_features(text: str) -> tuple[list[str], list[bytes], list[int]]:
    """For every ``\\n``-separated line of ``text``: the line, its keywords (``keywords``,
    not yet split) and its number of words (``count_words``), from a few passes over the
    whole page instead of a few calls per line.

    Word counts are exact: a line that is ASCII once its common non-word characters
    (curly quotes, dashes, no-break spaces) are spaces is counted from its bytes; any
    other line (-1 here) must be counted with ``count_words``.
    """
    data = _plain_bytes(text)
    kw_lines = data.lower().translate(_KEYWORD_LINE_BYTES).split(b"\n")
    w_lines = data.translate(_WORD_LINE_BYTES).split(b"\n")
    counts = [w.count(b" a") + w.startswith(b"a") if line.isascii() else -1
              for w, line in zip(w_lines, data.split(b"\n"))]
    return text.split("\n"), kw_lines, counts


def line_parts(text: str) -> tuple[list[str], list[bytes], list[bytes]]:
    """``line_features`` without the word counts, for a parser that counts only the lines it
    keeps: for every ``\\n``-separated line, the line, its keywords (not yet split) and its
    word shape. A shape that ``islower()`` has ``shape.count(b" a") + shape.startswith(b"a")``
    words; any other line must be counted with ``count_words`` (it is not ASCII once its
    common non-word characters are spaces, or it has no word at all).
    """
    data = _plain_bytes(text)
    kw_lines = data.lower().translate(_KEYWORD_LINE_BYTES).split(b"\n")
    shapes = data.translate(_SHAPE_BYTES).split(b"\n")
    return text.split("\n"), kw_lines, shapes


def keyword_set(spaced: str) -> frozenset[bytes]:
    """``keyword_set("share tweet print")`` -> the keywords a prefilter looks for."""
    out = frozenset(w.encode("ascii") for w in spaced.lower().split())
    bad = [w for w in out if not w.isalpha()]
    if bad:
        raise ValueError(f"keywords are ASCII letters only, got {bad!r}")
    return out


def ends_sentence(text: str) -> bool:
    """The last visible character is . ! ? or … (closing quotes and brackets may follow)."""
    return text.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


def ends_clause(text: str) -> bool:
    """Ends like a sentence or a clause: . , ; : or … (closing quotes and brackets may follow)."""
    return text.rstrip(_CLOSERS).endswith(_CLAUSE_ENDS)


def is_headline_shaped(text: str, n_words: int, max_words: int = HEADLINE_MAX_WORDS) -> bool:
    """Short, has a letter, one sentence at most, does not end like a sentence or a clause
    (. , ; : ...) and does not start like the rest of one (. , ; : or a closing bracket).
    The one definition of "headline" every rule uses.

    A question or exclamation still counts: "Lavrov in Pyongyang: Russia's urgent
    bid for more North Korean troops?" is a headline; "Oil fell on Monday. Will it
    keep falling?" is not.
    """
    if not 1 <= n_words <= max_words or len(text) > 12 * max_words or ends_clause(text):
        return False
    # most lines open with an ASCII letter: then neither pattern below need be asked about the start
    first = text[0]
    plain = first.isascii() and not first.isspace()
    if (not plain or first in _FRAGMENT_FIRST) and _FRAGMENT_START.match(text):
        return False  # ", or" / ". See the": the rest of a sentence, not a headline
    if ("." in text or "!" in text or "?" in text) and INNER_SENTENCE_END.search(text):
        return False
    return (plain and first.isalpha()) or _LETTER.search(text) is not None


def normalise(text: str) -> str:
    """Case- and space-insensitive key of a text: what "the same line" means."""
    if not (text.isprintable() and "  " not in text):  # any space but a single " " is non-printable
        text = " ".join(text.split())
    return text.casefold()


# --- lines ------------------------------------------------------------------------------------


def line_starts(text: str) -> list[int]:
    """Offset of each line's first character; \\r\\n, \\r and \\n all break lines."""
    return [0, *(m.end() for m in _LINE_BREAK.finditer(text))]


def count_line_breaks(text: str) -> int:
    """How many line breaks ``text`` holds, as ``lines`` reads them (\\n, \\r\\n or \\r)."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def lines(text: str) -> Iterator[tuple[int, int, str]]:
    """(line number, start offset, line) for every line; \\r\\n, \\r and \\n all break lines."""
    if "\r" not in text:  # the common case, without a regular expression
        pos = 0
        for number, line in enumerate(text.split("\n"), start=1):
            yield number, pos, line
            pos += len(line) + 1
        return
    pos = 0
    number = 1
    for m in _LINE_BREAK.finditer(text):
        yield number, pos, text[pos:m.start()]
        pos = m.end()
        number += 1
    yield number, pos, text[pos:]


def is_prose(block: object) -> bool:
    """A sentence or paragraph of running text, as opposed to a label, heading or list line.

    Takes a ``Block`` (anything with ``words``, ``ends_sentence`` and ``is_heading``).
    """
    return block.ends_sentence and block.words >= 3 and not block.is_heading  # type: ignore[attr-defined]
