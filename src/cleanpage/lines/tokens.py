"""A vectorised tokeniser: one page of lines -> numpy arrays of characters and hashed words.

Turning every word of a page into a Python string and looking it up in a dict was
the cost of a line scorer (measured while the text path was designed). Here the page becomes one array of code
points; words are the runs of letters and digits (as ``\\w+`` sees them, lower-cased),
and each word is identified by a 64-bit polynomial hash computed with prefix sums,
never as a string. Tables indexed by hash bucket (a learned vocabulary, stop words
of several languages) are then read with one numpy gather.

The hash is deterministic across processes and machines (no ``PYTHONHASHSEED``),
so a vocabulary stored as words in a JSON model is re-hashed at load time.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..text import CJK_RANGES

# character classes; per-line counts of each become features
OTHER, SPACE, LOWER, UPPER, DIGIT, NEWLINE, PIPE, ANGLE, SLASH, BULLET, STOP, COMMA, COLON, LEGAL, HASH, \
    BRACKET, DASH, QUOTE, CURRENCY, LETTER = range(20)
N_CLASSES = 20
CLASS_NAMES = ("other", "space", "lower", "upper", "digit", "newline", "pipe", "angle", "slash", "bullet", "stop",
               "comma", "colon", "legal", "hash", "bracket", "dash", "quote", "currency", "letter")
_PUNCT = {
    PIPE: "|¦‖",
    ANGLE: "»›>→⟩❯▸▶",
    SLASH: "/\\",
    BULLET: "•·◦▪●■□◆◇★☆✓✔",
    STOP: ".!?…。！？",
    COMMA: ",;，、；",
    COLON: ":：",
    LEGAL: "©®™℗",
    HASH: "#@",
    BRACKET: "()[]{}<（）",
    DASH: "-–—‐‑−",
    QUOTE: "\"'‘’“”„«‹`´",
    CURRENCY: "$€£¥₹₽₩%",
}
WORD_CLASSES = (LOWER, UPPER, DIGIT, LETTER)
_IS_WORD = np.zeros(256, bool)
_IS_WORD[list(WORD_CLASSES)] = True
BUCKET_BITS = 20
_P = 0x100000001B3  # FNV prime: odd, so invertible mod 2**64
_P_INV = pow(_P, -1, 1 << 64)
_MIX = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: the top bits of hash * MIX are well spread
_SHIFT = np.uint64(64 - BUCKET_BITS)


@lru_cache(maxsize=1)
def _tables() -> tuple[np.ndarray, np.ndarray]:
    """(class of each BMP code point, its lower-case code point); built once, on first use."""
    cls = np.zeros(0x10000, np.uint8)
    low = np.arange(0x10000, dtype=np.uint32)
    for c in range(0x10000):
        ch = chr(c)
        if ch.isalpha():
            if ch.isupper() or ch.istitle():
                cls[c] = UPPER
                lc = ch.lower()
                if len(lc) == 1:
                    low[c] = ord(lc)
            elif ch.islower():
                cls[c] = LOWER
            else:
                cls[c] = LETTER
        elif ch.isdigit() or ch.isnumeric():
            cls[c] = DIGIT
        elif ch.isspace():
            cls[c] = SPACE
        elif ch == "_":
            cls[c] = LOWER  # \w counts it as a word character
    for k, chars in _PUNCT.items():
        for ch in chars:
            cls[ord(ch)] = k
    cls[ord("\n")] = NEWLINE
    return cls, low


#: a page is tokenised a chunk of lines at a time, each of at most this many characters (a
#: longer line is cut, between words, into pieces of at most this many): every array of one
#: entry per character is then the size of a chunk, not of the page
CHUNK_CHARS = 1 << 16


def _power_table(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Powers 0 to n - 1 of the hash's prime and of its inverse (mod 2**64)."""
    with np.errstate(over="ignore"):
        p = np.cumprod(np.full(n, _P, np.uint64))
        q = np.cumprod(np.full(n, _P_INV, np.uint64))
    return np.concatenate(([np.uint64(1)], p[:-1])), np.concatenate(([np.uint64(1)], q[:-1]))


_shared_powers = lru_cache(maxsize=1)(_power_table)  # the table every chunk reads: CHUNK_CHARS + 1 entries


def _powers_for(n: int) -> tuple[np.ndarray, np.ndarray]:
    """Powers for a chunk of ``n`` characters: the shared table, or (a word longer than a chunk,
    with no character to cut it at) a table of its own, not kept."""
    return _shared_powers(CHUNK_CHARS + 1) if n <= CHUNK_CHARS + 1 else _power_table(n)


@dataclass(frozen=True)
class Tokens:
    """A page of lines as arrays. Lines are numbered 0..n_lines-1 in page order.

    What is known of each character is kept only as counts per line (and the classes of a
    line's first and last characters): the arrays hold an entry per line or per word."""

    n_lines: int
    line_len: np.ndarray  # characters in each line
    class_counts: np.ndarray  # (n_lines, N_CLASSES): characters of each class in each line, with its line break
    first_class: np.ndarray  # class of each line's first character
    last_class: np.ndarray  # class of each line's last character
    before_last_class: np.ndarray  # class of each line's last character but one (a one-character line: its own)
    word_line: np.ndarray  # line of every word
    word_bucket: np.ndarray  # hash bucket of every word (lower-cased)
    word_hash: np.ndarray  # full 64-bit hash of every word
    word_len: np.ndarray  # characters in every word
    word_first: np.ndarray  # class of every word's first character


@lru_cache(maxsize=1)
def _code_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``_tables`` as ``tokenize`` reads them: the class of each BMP code point, whether it is a
    word character, and its lower-case code point plus one as uint64 (the hash's digit)."""
    cls, low = _tables()
    return cls, _IS_WORD[cls], low.astype(np.uint64) + np.uint64(1)


def _classes(cp: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(class, is word character, lower-case code point + 1) of each code point of ``cp``.

    ``np.take`` rather than fancy indexing: the same gather, about twice as fast."""
    cls_t, word_t, low1_t = _code_tables()
    if len(cp) and cp.max() > 0xFFFF:  # emoji and rarer scripts: symbols, never word characters
        astral = cp > 0xFFFF
        bmp = np.where(astral, 0, cp)
        cls = np.where(astral, OTHER, np.take(cls_t, bmp)).astype(np.uint8)
        low1 = np.where(astral, cp.astype(np.uint64) + np.uint64(1), np.take(low1_t, bmp))
        return cls, np.take(_IS_WORD, cls), low1
    return np.take(cls_t, cp), np.take(word_t, cp), np.take(low1_t, cp)




def _cjk_words(cp: np.ndarray, isword: np.ndarray, starts: np.ndarray,
               ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The words of a page with Chinese or Japanese in it: a run of their word characters,
    which the languages write with no space between words, is a word per two characters
    (``text.count_words``); the other runs (``starts``, ``ends``) are words as before."""
    cjk = np.zeros(len(cp), bool)
    for lo, hi in CJK_RANGES:
        cjk |= (cp >= lo) & (cp <= hi)
    cjk &= isword
    if not cjk.any():
        return starts, ends
    other_starts, other_ends = _runs(isword & ~cjk)
    run_starts, run_ends = _runs(cjk)
    per_run = (run_ends - run_starts + 1) // 2
    first = np.repeat(np.cumsum(per_run) - per_run, per_run)  # each word's run's first word
    word_starts = np.repeat(run_starts, per_run) + 2 * (np.arange(int(per_run.sum())) - first)
    word_ends = np.minimum(word_starts + 2, np.repeat(run_ends, per_run))
    starts = np.concatenate((other_starts, word_starts))
    order = np.argsort(starts, kind="stable")
    return starts[order], np.concatenate((other_ends, word_ends))[order]


def _runs(flags: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(starts, ends) of the runs of True in ``flags``: one scan for the edges of both kinds,
    which alternate (a run starts, then ends)."""
    padded = np.zeros(len(flags) + 2, bool)
    padded[1:-1] = flags
    edges = np.flatnonzero(padded[1:] != padded[:-1])
    return edges[0::2], edges[1::2]


def tokenize(lines: list[str]) -> Tokens:
    """Arrays for ``lines`` (each one stripped, non-blank, without line breaks).

    A page of up to ``CHUNK_CHARS`` characters is read in one go; a longer one a chunk of
    lines at a time, a line longer than a chunk in pieces cut at a character that is no
    part of a word. Words and their hashes do not depend on where a chunk starts (a
    word's hash is its own polynomial), so the arrays are the same either way."""
    if not lines:
        return _concat([], 0)
    if sum(map(len, lines)) + len(lines) <= CHUNK_CHARS:
        return _tokenize_chunk(lines)
    pieces: list[str] = []
    owner: list[int] = []  # the line each piece is part of
    for i, line in enumerate(lines):
        if len(line) < CHUNK_CHARS:
            pieces.append(line)
            owner.append(i)
        else:
            cuts = _cuts(line)
            pieces.extend(line[a:b] for a, b in zip(cuts, cuts[1:]))
            owner.extend([i] * (len(cuts) - 1))
    parts = []
    lo = size = 0
    for k, piece in enumerate(pieces):
        if size and size + len(piece) + 1 > CHUNK_CHARS:
            parts.append(_tokenize_chunk(pieces[lo:k]))
            lo, size = k, 0
        size += len(piece) + 1
    parts.append(_tokenize_chunk(pieces[lo:]))
    tok = _concat(parts, len(pieces))
    return tok if len(pieces) == len(lines) else _merge_pieces(tok, np.asarray(owner, np.int64), len(lines))


def _tokenize_chunk(lines: list[str]) -> Tokens:
    """``tokenize`` of lines of at most ``CHUNK_CHARS`` characters in all, or of one longer line
    that has no place to cut it."""
    joined = "\n".join(lines) + "\n"
    # lone surrogates (from a bad decode) pass as themselves: one code point each, never a word
    cp = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    cls, isword, low1 = _classes(cp)
    n = len(cp)
    nl = np.flatnonzero(cls == NEWLINE)
    n_lines = len(nl)
    line_start = np.concatenate(([0], nl[:-1] + 1))
    line_len = nl - line_start
    char_line = np.repeat(np.arange(n_lines), line_len + 1)
    counts = np.bincount(char_line * N_CLASSES + cls, minlength=n_lines * N_CLASSES)[:n_lines * N_CLASSES]

    starts, ends = _runs(isword)
    if n and cp.max() >= CJK_RANGES[0][0]:
        starts, ends = _cjk_words(cp, isword, starts, ends)
    pw, pinv = _powers_for(n)
    with np.errstate(over="ignore"):
        csum = np.concatenate(([np.uint64(0)], np.cumsum(low1 * pw[:n], dtype=np.uint64)))
        h = (csum[ends] - csum[starts]) * pinv[starts]
        bucket = ((h * _MIX) >> _SHIFT).astype(np.int64)
    return Tokens(n_lines, line_len, counts.reshape(n_lines, N_CLASSES), cls[line_start], cls[nl - 1],
                  cls[np.maximum(nl - 2, line_start)], char_line[starts] if len(starts) else np.zeros(0, np.int64),
                  bucket, h, ends - starts, cls[starts])


def _concat(parts: list[Tokens], n_lines: int) -> Tokens:
    """The tokens of consecutive chunks as one page's (no parts: an empty page)."""
    if len(parts) == 1:
        return parts[0]
    offsets = np.cumsum([0] + [t.n_lines for t in parts[:-1]])

    def cat(name: str, dtype: type) -> np.ndarray:
        return np.concatenate([getattr(t, name) for t in parts]) if parts else np.zeros(0, dtype)

    return Tokens(
        n_lines, cat("line_len", np.int64),
        np.concatenate([t.class_counts for t in parts]) if parts else np.zeros((0, N_CLASSES), np.int64),
        cat("first_class", np.uint8), cat("last_class", np.uint8), cat("before_last_class", np.uint8),
        np.concatenate([t.word_line + off for t, off in zip(parts, offsets.tolist())]) if parts
        else np.zeros(0, np.int64),
        cat("word_bucket", np.int64), cat("word_hash", np.uint64), cat("word_len", np.int64),
        cat("word_first", np.uint8))


def _cuts(line: str) -> list[int]:
    """Where to cut a line of ``CHUNK_CHARS`` characters or more into pieces of fewer: before a
    character that is no part of a word, near the end of each window, so no word is cut (a
    word longer than a window makes a longer piece). The last piece keeps at least two
    characters, so a line's last two are in one piece. Positions from 0 to ``len(line)``."""
    cp = np.frombuffer(line.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    _cls, isword, _low = _classes(cp)
    del _cls, _low
    n = len(line)
    cuts = [0]
    pos = 0
    while n - pos >= CHUNK_CHARS:
        lo, hi = pos + CHUNK_CHARS // 2, pos + CHUNK_CHARS - 1
        gaps = np.flatnonzero(~isword[lo:hi])
        if len(gaps):
            cut = lo + int(gaps[-1])
        else:  # a word runs through the window: cut at its end
            after = np.flatnonzero(~isword[hi:])
            if not len(after):
                break
            cut = hi + int(after[0])
        if n - cut < 2:
            break
        cuts.append(cut)
        pos = cut
    cuts.append(n)
    return cuts


def _merge_pieces(tok: Tokens, owner: np.ndarray, n_lines: int) -> Tokens:
    """The tokens of a page some of whose lines were cut into pieces (``owner``: the line of each
    piece, in order), as the tokens of its lines: counts added up, a line's first class that of
    its first piece and its last ones those of its last piece."""
    first = np.flatnonzero(np.concatenate(([True], owner[1:] != owner[:-1])))
    last = np.concatenate((first[1:] - 1, [len(owner) - 1]))
    counts = np.add.reduceat(tok.class_counts, first, axis=0)
    counts[:, NEWLINE] = 1  # one line break a line, not one a piece
    return Tokens(n_lines, np.add.reduceat(tok.line_len, first), counts, tok.first_class[first],
                  tok.last_class[last], tok.before_last_class[last], owner[tok.word_line], tok.word_bucket,
                  tok.word_hash, tok.word_len, tok.word_first)


def hash_words(words: list[str]) -> np.ndarray:
    """The hash bucket of each word (each a single ``\\w+`` token), as ``tokenize`` computes it."""
    if not words:
        return np.zeros(0, np.int64)
    t = tokenize(words)
    # a word that is not one token (spaces, punctuation) keeps the bucket of its first token
    first = np.concatenate(([True], t.word_line[1:] != t.word_line[:-1]))
    out = np.full(len(words), -1, np.int64)
    out[t.word_line[first]] = t.word_bucket[first]
    return out
