"""Block features as one numpy matrix per page: the scorer's input, and its evidence's vocabulary.

Every feature is a column with a stable name (``FEATURES``); the model file names the columns it
was trained on, and ``describe()`` turns a (name, value) pair into the words a trace shows
("in <nav>", "link density 0.91"). Container facts are prefix sums over the preorder of
elements (``Dom.end``), so a page costs a few numpy passes whatever its depth.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np

from ..text import split_words
from .tree import CBIT, CONTAINERS, HEADINGS, KBIT, KEYWORDS, Dom, ld_objects, template_paths

_WORD = re.compile(r"\w+")
# (?=...): every alternative starts with a digit or a month's first letter; the lookahead turns
# away the other word starts at once (a third faster on 50,000 short blocks with digits)
_DATE_LIKE = re.compile(
    r"\b(?=[\djfmasond])(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"[a-z]*\.? \d{1,2}|\d{1,2} (?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d+ (?:min|hour|day|week|"
    r"month|year)s? ago)", re.I)
_URL_LIKE = re.compile(r"^(?:https?://|www\.)\S+$|^\S+\.(?:com|org|net|io|co|uk|de)(?:/\S*)?$", re.I)
_FURNITURE = re.compile(r"©|copyright|all rights reserved|privacy|terms of|cookie|log ?in|sign ?in|sign ?up|"
                        r"subscribe|newsletter|share|follow us|skip to", re.I)

# the same patterns without IGNORECASE, for lower-cased text (about 3x faster)
_DATE_LOW = re.compile(_DATE_LIKE.pattern)
_FURNITURE_LOW = re.compile(_FURNITURE.pattern)

_DIGIT = re.compile(r"\d")  # what every match of _DATE_LIKE has
_PRICE = re.compile(r"[$€£]\s?\d|\d\s?[$€£]")
# a block's last character when it ends like a sentence, a quote or a clause (with their Chinese and
# Japanese forms: "。" "！" "？" and the closing corner brackets and full-width parenthesis)
_ENDS = frozenset(".!?\"'”:;)\u3002\uff01\uff1f\u300d\u300f\uff09")
_CJK_STOP = re.compile("[\u3002\uff01\uff1f](?=.)", re.S)  # a Chinese or Japanese sentence end with more after it


def _cjk_stops(text: str) -> int:
    """How many Chinese or Japanese sentence ends ("。" "！" "？") are followed by more text: the
    "stops" feature of a language that puts no space after them."""
    return len(_CJK_STOP.findall(text))

LD_TYPES = ("article", "product", "forum", "qa", "recipe", "collection", "howto", "faq", "event", "profile")
_LD_MAP = {
    "article": ("article", "newsarticle", "blogposting", "reportagenewsarticle", "techarticle", "scholarlyarticle",
                "analysisnewsarticle", "opinionnewsarticle", "liveblogposting", "posting"),
    "product": ("product", "offer", "aggregateoffer", "productgroup", "softwareapplication", "book", "vehicle"),
    "forum": ("discussionforumposting", "socialmediaposting", "comment"),
    "qa": ("qapage", "question", "answer"),
    "recipe": ("recipe",),
    "collection": ("collectionpage", "itemlist", "searchresultspage", "offercatalog"),
    "howto": ("howto",),
    "faq": ("faqpage",),
    "event": ("event",),
    "profile": ("profilepage", "person", "organization", "localbusiness"),
}
_LD_LOOKUP = {t: k for k, ts in _LD_MAP.items() for t in ts}
OG_TYPES = ("article", "product", "website", "other")


def _names() -> list[str]:
    num = [
        "words", "log_chars", "link_density", "commas", "stops", "ends_sentence", "starts_upper", "digit_share",
        "upper_share", "mean_word_len", "is_date_like", "is_url_like", "has_furniture_word", "pipes",
        "title_case_share", "heading_level", "blocks_from_start", "blocks_to_end", "depth", "owner_is_p",
        "owner_is_div", "owner_is_li", "owner_is_td", "owner_is_heading", "owner_is_pre", "owner_is_dt_dd",
        "owner_is_other", "para_like", "para_near10", "para_near3", "words_near10", "ld_near3",
        "dist_prev_para", "dist_next_para", "prev_words", "next_words", "prev_ld", "next_ld",
        "after_h1", "dist_h1", "since_heading", "path_repeat", "cpath_repeat", "path_repeat_words",
        "sib_same", "sib_count", "parent_sib_same", "gp_sib_same",
        "cs_parent", "cs_gparent", "cs_anc_max", "in_best", "best_inside", "in_best2",
        "anc1_words", "anc1_ld", "anc1_density", "anc2_words", "anc2_ld", "anc2_density",
        "anc3_words", "anc3_ld", "anc3_density", "anc4_words", "anc4_ld", "anc4_density",
        "in_ld_body", "has_href", "words_to_end_log", "page_para_share",
        "n_article_tags", "has_main_tag", "in_first_article", "h1_count",
        "anc1_para_share", "anc2_para_share", "anc3_para_share", "cpath_para_share", "path_para_share",
        "from_best_start", "from_best_end", "best_depth_diff", "best_words_share", "words_rel_max",
        "near10_rel_max", "ld_rel_page", "cs_parent_rank",
        "anc3_sib_same", "anc4_sib_same", "max_rep_anc", "rep_level", "grid_words", "grid_ld", "in_best_grid",
        "best_grid_words", "price_like",
        "short_word_share", "text_repeats", "dist_title", "in_title_anc1", "in_title_anc2", "in_title_anc3",
    ]
    num += [f"ld_{t}" for t in LD_TYPES] + [f"og_{t}" for t in OG_TYPES]
    num += [f"in_{c}" for c in CONTAINERS]
    num += [f"kw_{k}" for k in KEYWORDS]
    num += [f"near_kw_{k}" for k in KEYWORDS]
    return num


FEATURES: tuple[str, ...] = tuple(_names())
COL = {name: i for i, name in enumerate(FEATURES)}
# columns that hold one value for the whole page
CONST: tuple[str, ...] = ("h1_count", "n_article_tags", "has_main_tag", "page_para_share", "best_words_share",
                          "best_grid_words", *(f"ld_{t}" for t in LD_TYPES), *(f"og_{t}" for t in OG_TYPES))
# columns that are one bit each of a block's container, keyword and near-keyword bits, in bit order
BIT_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cbits", tuple(f"in_{c}" for c in CONTAINERS)), ("kbits", tuple(f"kw_{k}" for k in KEYWORDS)),
    ("near_kbits", tuple(f"near_kw_{k}" for k in KEYWORDS)))
_BITS = {name for _, names in BIT_GROUPS for name in names}
# the rest: a value per block, stored as such
DENSE: tuple[str, ...] = tuple(f for f in FEATURES if f not in _BITS and f not in CONST)
_DCOL = {name: i for i, name in enumerate(DENSE)}
_KCOL = {name: i for i, name in enumerate(CONST)}


class FeatureTable:
    """A page's feature matrix (blocks x ``FEATURES``, float32), stored by kind of column and
    put together only for the rows asked: ``table[rows]`` is ``matrix(dom)[rows]``, bit for bit.

    Of the 214 columns, 100 are single bits of three ints per block (container, keyword and
    near-keyword bits) and 20 hold one value for the page (its JSON-LD and og:type, counts of
    <h1> and <article>); as float32 columns they took 120 of the matrix's 214 x 4 bytes per
    block (24 MB for a page of 50,000 blocks). Here they are three int64s per block and one
    row, and only the 94 other columns are stored whole.
    """

    __slots__ = ("dense", "const", "bits", "cols")

    def __init__(self, dense: np.ndarray, const: np.ndarray, bits: tuple[np.ndarray, ...],
                 cols: np.ndarray | None = None) -> None:
        self.dense = dense  # (blocks, len(DENSE)) float32
        self.const = const  # (len(CONST),) float32
        self.bits = bits  # one int64 array per BIT_GROUPS entry, a value per block
        self.cols = cols  # the columns given, in this order (a model's features); None: all of FEATURES

    def __len__(self) -> int:
        return len(self.dense)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.dense), len(FEATURES) if self.cols is None else len(self.cols)

    def select(self, names: tuple[str, ...]) -> FeatureTable:
        """The same table giving only the columns ``names``, in that order."""
        if names == FEATURES:
            return self
        return FeatureTable(self.dense, self.const, self.bits, np.asarray([COL[f] for f in names], dtype=np.int64))

    def column(self, name: str) -> np.ndarray:
        """One feature of every block (by name, whatever columns the table gives)."""
        if name in _DCOL:
            return self.dense[:, _DCOL[name]].copy()
        if name in _KCOL:
            return np.full(len(self.dense), self.const[_KCOL[name]], dtype=np.float32)
        for (_, names), values in zip(BIT_GROUPS, self.bits):
            if name in names:
                return ((values >> names.index(name)) & 1).astype(np.float32)
        raise KeyError(name)

    def __getitem__(self, rows: Any) -> np.ndarray:
        """The rows ``rows`` (a slice or an index array) as a float32 matrix."""
        dense = self.dense[rows]
        out = np.empty((len(dense), len(FEATURES)), dtype=np.float32)
        for at, d, k in _DENSE_RUNS:  # runs of adjacent columns: a few slice copies
            out[:, at:at + k] = dense[:, d:d + k]
        out[:, _CONST_AT] = self.const
        for (_, names), at, values in zip(BIT_GROUPS, _BITS_AT, self.bits):
            v = values[rows]
            m = len(names)
            if len(v) <= _UNPACK_ROWS:  # each value's 64 bits, lowest first, as a byte each
                out[:, at:at + m] = np.unpackbits(v.astype("<u8").view(np.uint8).reshape(-1, 8), axis=1,
                                                  bitorder="little")[:, :m]
            else:
                for j in range(m):  # one bit at a time: a (rows x bits) int64 temporary is 8x the columns
                    out[:, at + j] = (v >> j) & 1
        return out if self.cols is None else out[:, self.cols]


# rows up to which the bit columns are unpacked at once (4x faster on a page's few hundred rows);
# past it, one bit at a time: unpacking the 4,096-row pieces of a 50,000-block page left 3 MB more
# resident at the end of clean(), for no reason we could pin down beyond the allocator's
_UNPACK_ROWS = 1_024


def _runs(at: list[int]) -> tuple[tuple[int, int, int], ...]:
    """(first column in FEATURES, first in the stored array, length) of each run of adjacent columns."""
    runs: list[list[int]] = []
    for i, a in enumerate(at):
        if runs and a == runs[-1][0] + runs[-1][2]:
            runs[-1][2] += 1
        else:
            runs.append([a, i, 1])
    return tuple((a, i, k) for a, i, k in runs)


_DENSE_RUNS = _runs([COL[f] for f in DENSE])
_CONST_AT = np.asarray([COL[f] for f in CONST], dtype=np.int64)
_BITS_AT = tuple(COL[names[0]] for _, names in BIT_GROUPS)
assert all(COL[names[j]] == at + j for (_, names), at in zip(BIT_GROUPS, _BITS_AT) for j in range(len(names)))


def page_types(dom: Dom) -> tuple[set[str], str]:
    """(JSON-LD type families, og:type family) of the page."""
    found: set[str] = set()
    for node in ld_objects(dom, ("@graph", "mainEntity", "itemListElement")):
        t = node.get("@type")
        for name in (t if isinstance(t, list) else [t]):
            if isinstance(name, str) and name.lower() in _LD_LOOKUP:
                found.add(_LD_LOOKUP[name.lower()])
    og = (dom.head.get("meta", {}).get("og:type") or "").lower()
    og_family = "article" if "article" in og else "product" if "product" in og else "website" if og == "website" else "other"
    return found, og_family


def ld_body(dom: Dom) -> str:
    """The JSON-LD articleBody / text, lower-cased words joined by spaces ('' when absent)."""
    out: list[str] = []
    for node in ld_objects(dom, ("@graph", "mainEntity", "hasPart")):
        for key in ("articleBody", "text", "reviewBody"):
            v = node.get(key)
            if isinstance(v, str) and len(v) > 200:
                out.append(v)
    return " ".join(_WORD.findall(" ".join(out).lower())) if out else ""


_FAR = 100  # blocks: "far from the start / end of the page"
# blocks whose heads are read at once: all of them at once took 12 bytes per character of the
# page's text (a 2.5 MB page's 50,000 paragraphs: a 12 MB spike)
_HEAD_CHUNK = 4096
_MAX_COUNT = 64
_COUNTS = ("text_repeats", "path_repeat", "cpath_repeat", "sib_same", "sib_count", "parent_sib_same", "gp_sib_same", "anc3_sib_same",
           "anc4_sib_same", "max_rep_anc", "h1_count", "n_article_tags")


def title_candidates(dom: Dom) -> list[str]:
    """What the page's markup says its title is: og:title, twitter:title, the JSON-LD headline, <title>."""
    meta = dom.head.get("meta", {})
    out = [meta[k] for k in ("og:title", "twitter:title") if meta.get(k)]

    def visit(node: Any, depth: int) -> None:
        if depth > 5 or len(out) > 4:
            return
        if isinstance(node, list):
            for x in node[:20]:
                visit(x, depth + 1)
        elif isinstance(node, dict):
            h = node.get("headline")
            if isinstance(h, str) and h.strip():
                out.append(h)
            if "@graph" in node:
                visit(node["@graph"], depth + 1)

    visit(dom.jsonld, 0)
    if dom.head.get("title"):
        out.append(dom.head["title"])
    return out


def title_block(dom: Dom, heading: np.ndarray) -> int | None:
    """The first heading block (h1-h3) whose words agree with a title candidate (share >= 0.6 of its words)."""
    cands = [set(_WORD.findall(t.lower())) for t in title_candidates(dom)]
    cands = [c for c in cands if c]
    if not cands:
        return None
    for i in np.flatnonzero((heading > 0) & (heading <= 3)).tolist():
        ws = _WORD.findall(dom.texts[i].lower())
        if ws and any(sum(w in c for w in ws) >= 0.6 * max(len(ws), 0.5 * len(c)) for c in cands):
            return i
    return None


def _window(x: np.ndarray, k: int) -> np.ndarray:
    """Sum of x over the 2k+1 blocks centred on each block."""
    cs = np.concatenate(([0.0], np.cumsum(x)))
    n = len(x)
    i = np.arange(n)
    return cs[np.minimum(i + k + 1, n)] - cs[np.maximum(i - k, 0)]


def _flag_matches(pattern: re.Pattern[str], text: str, offsets: np.ndarray, blocks: list[int],
                  out: np.ndarray) -> None:
    """``out[b] = 1`` for each block ``b`` of ``blocks`` that ``pattern`` matches in ``text``, the
    blocks' text joined by newlines (block k starts at ``offsets[k]``; no match spans a newline)."""
    for m in pattern.finditer(text):
        out[blocks[int(np.searchsorted(offsets, m.start(), side="right")) - 1]] = 1.0


def _floats(values: Any, n: int) -> np.ndarray:
    """The ``n`` numbers (or bools) of ``values`` as a float32 array."""
    return np.fromiter(values, dtype=np.float32, count=n)


def matrix(dom: Dom) -> np.ndarray:
    """(blocks x FEATURES) float32. Empty pages give a (0, n) matrix."""
    return table(dom)[:]


def table(dom: Dom) -> FeatureTable:
    """The page's features (``FeatureTable``: ``matrix(dom)`` without storing it whole)."""
    n = len(dom.texts)
    # X holds the DENSE columns (c names them), K the CONST ones (k names them)
    X = np.zeros((n, len(DENSE)), dtype=np.float32)
    K = np.zeros(len(CONST), dtype=np.float32)
    bits = tuple(np.asarray(getattr(dom, attr), dtype=np.int64) for attr, _ in BIT_GROUPS)
    if n == 0:
        return FeatureTable(X, K, bits)
    c, kc = _DCOL, _KCOL
    texts = dom.texts
    owner = np.asarray(dom.owner, dtype=np.int64)
    tags = dom.tags
    n_el = len(tags)
    parent = np.asarray(dom.parent, dtype=np.int64)
    end = np.asarray(dom.end, dtype=np.int64)
    start = np.arange(n_el, dtype=np.int64)

    # --- text shape: a pass of Python over the blocks for what needs their words, then one
    # comprehension per count (storing into a numpy array one element at a time cost more than
    # the counting)
    n_words: list[int] = []
    titlecase = np.zeros(n, dtype=np.float32)
    datey = np.zeros(n, dtype=np.float32)
    urly = np.zeros(n, dtype=np.float32)
    furn = np.zeros(n, dtype=np.float32)
    short: list[int] = []
    word_lens: list[int] = []  # the length of every word of the page, block after block
    for i, t in enumerate(texts):
        ws = split_words(t)  # Chinese and Japanese, which put no space between words, counted as count_words does
        nw = len(ws)
        n_words.append(nw)
        word_lens.extend(map(len, ws))
        if nw <= 20:
            titlecase[i] = len([w for w in ws if w[0].isupper()]) / nw
            short.append(i)
            if nw <= 2:
                urly[i] = _URL_LIKE.match(t) is not None
    words = np.asarray(n_words, dtype=np.float32)
    del n_words
    chars = _floats(map(len, texts), n)
    # Chinese and Japanese punctuation is read as its Western counterpart: "，" and "、" are
    # commas, "。" "！" "？" end a sentence with no space after them
    commas = _floats([t.count(",") if t.isascii() else t.count(",") + t.count("，") + t.count("、")
                      for t in texts], n)
    stops = _floats([t.count(". ") + t.count("? ") + t.count("! ") if t.isascii() else
                     t.count(". ") + t.count("? ") + t.count("! ") + _cjk_stops(t) for t in texts], n)
    ends = _floats([t[-1] in _ENDS for t in texts], n)
    upper0 = _floats([t[0].isupper() for t in texts], n)
    pipes = _floats([t.count("|") + t.count("•") + t.count("·") for t in texts], n)
    # the date and furniture patterns run once over the short blocks joined by newlines (they never
    # match a newline), and each match is mapped back to its block
    if short:
        joined = "\n".join(texts[i] for i in short)
        offsets = np.cumsum([0] + [len(texts[i]) + 1 for i in short[:-1]])
        low = joined.lower()
        fast = len(low) == len(joined)  # lower() kept every offset: the case-sensitive twins are exact
        src = low if fast else joined
        _flag_matches(_FURNITURE_LOW if fast else _FURNITURE, src, offsets, short, furn)
        # every date has a digit: the date pattern (the slow one) reads only the blocks with one,
        # cut from the same text and joined the same way
        dated = [k for k, i in enumerate(short) if _DIGIT.search(texts[i])]
        if dated:
            at = offsets.tolist()
            parts = [src[at[k]:at[k] + len(texts[short[k]])] for k in dated]
            _flag_matches(_DATE_LOW if fast else _DATE_LIKE, "\n".join(parts),
                          np.cumsum([0] + [len(t) + 1 for t in parts[:-1]]), [short[k] for k in dated], datey)
            del at, parts
        del joined, low, src, offsets, dated  # the temporaries of a long page add up: each goes when done with
    # digit and capital shares of each block's first 200 characters, a numpy pass per chunk of blocks
    digits = np.empty(n)
    uppers = np.empty(n)
    for a in range(0, n, _HEAD_CHUNK):
        heads = [t[:200] for t in texts[a:a + _HEAD_CHUNK]]
        lens = np.asarray([len(h) for h in heads], dtype=np.int64)
        code = np.frombuffer("".join(heads).encode("utf-32-le"), dtype=np.uint32)
        starts_at = np.concatenate(([0], np.cumsum(lens)[:-1]))
        # one byte per character (a head has at most 200, so the counts fit); freed at once: they
        # are the size of the chunk's text times 4 to 12
        digits[a:a + len(heads)] = np.add.reduceat(((code >= 48) & (code <= 57)).view(np.uint8), starts_at) / lens
        uppers[a:a + len(heads)] = np.add.reduceat(((code >= 65) & (code <= 90)).view(np.uint8), starts_at) / lens
        del code, heads
    link = np.asarray(dom.link_chars, dtype=np.float32)
    ld = np.minimum(link / np.maximum(chars, 1.0), 1.0)
    X[:, c["words"]] = words
    X[:, c["log_chars"]] = np.log1p(chars)
    X[:, c["link_density"]] = ld
    X[:, c["commas"]] = commas
    X[:, c["stops"]] = stops
    X[:, c["ends_sentence"]] = ends
    X[:, c["starts_upper"]] = upper0
    X[:, c["digit_share"]] = digits
    X[:, c["upper_share"]] = uppers
    X[:, c["mean_word_len"]] = chars / np.maximum(words, 1.0)
    X[:, c["is_date_like"]] = datey
    X[:, c["is_url_like"]] = urly
    X[:, c["has_furniture_word"]] = furn
    X[:, c["pipes"]] = pipes
    X[:, c["title_case_share"]] = titlecase
    # a long page's per-block temporaries add up (60 of them were 24 MB for 50,000 blocks, all
    # alive till the end): each section frees its own once they are in X
    del stops, ends, upper0, pipes, titlecase, datey, urly, furn, digits, uppers
    # function words are short in most languages: prose has many, menus and names few
    if word_lens:
        short_upto = np.concatenate(([0], np.cumsum(np.asarray(word_lens) <= 3)))
        ends_at = np.cumsum(words).astype(np.int64)
        n_short = short_upto[ends_at] - short_upto[ends_at - words.astype(np.int64)]
        X[:, c["short_word_share"]] = np.where(words >= 4, n_short / np.maximum(words, 1.0), 0.0)
        del short_upto, ends_at, n_short
    del word_lens, short

    # --- tags of the owner
    otag = [tags[o] for o in dom.owner]
    heading = np.asarray([HEADINGS.get(t, 0) for t in otag], dtype=np.float32)
    X[:, c["heading_level"]] = heading
    X[:, c["owner_is_p"]] = [t == "p" for t in otag]
    X[:, c["owner_is_div"]] = [t in ("div", "section", "article", "main", "center") for t in otag]
    X[:, c["owner_is_li"]] = [t == "li" for t in otag]
    X[:, c["owner_is_td"]] = [t in ("td", "th") for t in otag]
    X[:, c["owner_is_heading"]] = heading > 0
    X[:, c["owner_is_pre"]] = [t in ("pre", "blockquote") for t in otag]
    X[:, c["owner_is_dt_dd"]] = [t in ("dt", "dd") for t in otag]
    X[:, c["owner_is_other"]] = X[:, [c["owner_is_p"], c["owner_is_div"], c["owner_is_li"], c["owner_is_td"],
                                      c["owner_is_heading"], c["owner_is_pre"], c["owner_is_dt_dd"]]].sum(1) == 0
    idx = np.arange(n, dtype=np.float32)
    # where the block is, counted in blocks from either end and bounded: a page's size never moves
    # a block's score (a share of the page would push every late paragraph of a long article down)
    X[:, c["blocks_from_start"]] = np.minimum(idx, _FAR)
    X[:, c["blocks_to_end"]] = np.minimum(n - 1 - idx, _FAR)
    depth = np.asarray(dom.depth, dtype=np.float32)
    X[:, c["depth"]] = depth[owner]
    del otag, idx

    # --- neighbours
    para = ((words >= 8) & (ld < 0.3)).astype(np.float32)
    X[:, c["para_like"]] = para
    X[:, c["para_near10"]] = _window(para, 10) - para
    X[:, c["para_near3"]] = _window(para, 3) - para
    total_words = float(words.sum())
    X[:, c["words_near10"]] = _window(words, 10) - words
    X[:, c["ld_near3"]] = (_window(ld * words, 3)) / np.maximum(_window(words, 3), 1.0)
    pidx = np.flatnonzero(para)
    if len(pidx):
        pos = np.searchsorted(pidx, np.arange(n))
        prev_p = np.where(pos > 0, pidx[np.maximum(pos - 1, 0)], -10_000)
        nxt_pos = np.searchsorted(pidx, np.arange(n), side="right")
        next_p = np.where(nxt_pos < len(pidx), pidx[np.minimum(nxt_pos, len(pidx) - 1)], 10_000 + n)
        X[:, c["dist_prev_para"]] = np.minimum(np.arange(n) - prev_p, 50)
        X[:, c["dist_next_para"]] = np.minimum(next_p - np.arange(n), 50)
        del pos, prev_p, nxt_pos, next_p
    else:
        X[:, c["dist_prev_para"]] = 50
        X[:, c["dist_next_para"]] = 50
    X[1:, c["prev_words"]] = words[:-1]
    X[:-1, c["next_words"]] = words[1:]
    X[1:, c["prev_ld"]] = ld[:-1]
    X[:-1, c["next_ld"]] = ld[1:]
    del pidx

    # --- headings
    h1 = np.flatnonzero(heading == 1)
    K[kc["h1_count"]] = len(h1)
    if len(h1):
        X[:, c["after_h1"]] = np.arange(n) > h1[0]
        X[:, c["dist_h1"]] = np.clip(np.arange(n) - h1[0], -50, 50)
    hpos = np.flatnonzero(heading > 0)
    if len(hpos):
        p = np.searchsorted(hpos, np.arange(n), side="right")
        last_h = np.where(p > 0, hpos[np.maximum(p - 1, 0)], -50)
        X[:, c["since_heading"]] = np.minimum(np.arange(n) - last_h, 50)
        del p, last_h
    else:
        X[:, c["since_heading"]] = 50

    # --- template repetition
    paths, cpaths = template_paths(dom, dom.owner)
    pc = Counter(paths)
    cc = Counter(cpaths)
    pw: dict[str, float] = {}
    for p_, w in zip(paths, words):
        pw[p_] = pw.get(p_, 0.0) + float(w)
    X[:, c["path_repeat"]] = [pc[p_] for p_ in paths]
    X[:, c["cpath_repeat"]] = [cc[p_] for p_ in cpaths]
    X[:, c["path_repeat_words"]] = [pw[p_] / max(total_words, 1.0) for p_ in paths]

    # --- repeated siblings (cards, lists, tables)
    sig = dom.sig
    children = dom.children

    # per element: how many of its parent's children share its tag.class signature (one pass over
    # the elements; blocks and their ancestors then read it with numpy)
    same_el = np.zeros(n_el + 1, dtype=np.float32)  # index -1 (no element) reads the trailing 0
    for e in range(n_el):
        p_ = dom.parent[e]
        if p_ >= 0:
            ch = children[p_]
            if ch:
                same_el[e] = ch.get(sig[e], 0)

    def sib_same(el: np.ndarray) -> np.ndarray:
        return same_el[el]

    par = np.where(owner >= 0, parent[owner], -1)
    gpar = np.where(par >= 0, parent[np.maximum(par, 0)], -1)
    X[:, c["sib_same"]] = sib_same(owner)
    n_children: dict[int, int] = {}
    sib_count = np.zeros(n, dtype=np.float32)
    for j, o in enumerate(dom.owner):
        p_ = dom.parent[o]
        if p_ >= 0:
            k_ = n_children.get(p_)
            if k_ is None:
                ch = children[p_]
                k_ = n_children[p_] = sum(ch.values()) if ch else 0
            sib_count[j] = k_
    X[:, c["sib_count"]] = sib_count
    X[:, c["parent_sib_same"]] = sib_same(par)
    X[:, c["gp_sib_same"]] = sib_same(gpar)
    del sib_count, n_children

    # --- container aggregates: prefix sums over the preorder
    w_el = np.bincount(owner, weights=words, minlength=n_el)
    l_el = np.bincount(owner, weights=link, minlength=n_el)
    c_el = np.bincount(owner, weights=chars, minlength=n_el)
    cw = np.concatenate(([0.0], np.cumsum(w_el)))
    cl = np.concatenate(([0.0], np.cumsum(l_el)))
    ccs = np.concatenate(([0.0], np.cumsum(c_el)))
    sub_words = cw[end] - cw[start]
    sub_link = cl[end] - cl[start]
    sub_chars = ccs[end] - ccs[start]
    sub_ld = sub_link / np.maximum(sub_chars, 1.0)
    sub_elems = (end - start).astype(np.float64)
    del w_el, l_el, c_el, cw, cl, ccs, sub_link, sub_chars

    # readability-style text score: paragraph-like blocks feed their owner's parent (1) and grandparent (1/2)
    pscore = np.where(chars >= 25, 1.0 + commas + np.minimum(chars / 100.0, 3.0), 0.0)
    score_el = np.zeros(n_el)
    ok = par >= 0
    np.add.at(score_el, par[ok], pscore[ok])
    ok2 = gpar >= 0
    np.add.at(score_el, gpar[ok2], pscore[ok2] / 2)
    score_el *= 1.0 - sub_ld
    del pscore, ok, ok2
    best = int(np.argmax(score_el))
    best_score = max(float(score_el[best]), 1e-9)
    X[:, c["cs_parent"]] = np.where(par >= 0, score_el[np.maximum(par, 0)], 0) / best_score
    X[:, c["cs_gparent"]] = np.where(gpar >= 0, score_el[np.maximum(gpar, 0)], 0) / best_score
    anc_max = np.zeros(n)
    a = owner.copy()
    for _ in range(6):
        valid = a >= 0
        anc_max = np.maximum(anc_max, np.where(valid, score_el[np.maximum(a, 0)], 0))
        a = np.where(valid, parent[np.maximum(a, 0)], -1)
    X[:, c["cs_anc_max"]] = anc_max / best_score
    X[:, c["in_best"]] = (owner >= best) & (owner < end[best])
    X[:, c["best_inside"]] = (best >= owner) & (best < end[owner])
    order = np.argsort(-score_el)
    second = int(order[1]) if n_el > 1 else best
    X[:, c["in_best2"]] = ((owner >= second) & (owner < end[second])) * (score_el[second] / best_score)
    del anc_max, order
    a = par.copy()
    for k in range(1, 5):
        valid = a >= 0
        aa = np.maximum(a, 0)
        X[:, c[f"anc{k}_words"]] = np.where(valid, sub_words[aa], 0) / max(total_words, 1.0)
        X[:, c[f"anc{k}_ld"]] = np.where(valid, sub_ld[aa], 0)
        X[:, c[f"anc{k}_density"]] = np.where(valid, sub_words[aa] / sub_elems[aa], 0)
        a = np.where(valid, parent[aa], -1)
    del sub_elems

    # share of paragraph-like words under the block's containers and among blocks of its template path
    pw_el = np.bincount(owner, weights=words * para, minlength=n_el)
    cp = np.concatenate(([0.0], np.cumsum(pw_el)))
    sub_para = cp[end] - cp[start]
    a = par.copy()
    for k in range(1, 4):
        valid = a >= 0
        aa = np.maximum(a, 0)
        X[:, c[f"anc{k}_para_share"]] = np.where(valid, sub_para[aa] / np.maximum(sub_words[aa], 1.0), 0)
        a = np.where(valid, parent[aa], -1)
    del pw_el, cp, sub_para, start
    for name, keys in (("cpath_para_share", cpaths), ("path_para_share", paths)):
        tot: dict[str, float] = {}
        good: dict[str, float] = {}
        for key, w_, p_ in zip(keys, words.tolist(), para.tolist()):
            tot[key] = tot.get(key, 0.0) + w_
            good[key] = good.get(key, 0.0) + w_ * p_
        X[:, c[name]] = [good[k_] / max(tot[k_], 1.0) for k_ in keys]
    del paths, cpaths, pc, cc, pw, tot, good, keys
    # where the block sits relative to the best container's first and last block
    inb = np.flatnonzero((owner >= best) & (owner < end[best]))
    if len(inb):
        X[:, c["from_best_start"]] = np.clip(np.arange(n) - inb[0], -50, 50)
        X[:, c["from_best_end"]] = np.clip(np.arange(n) - inb[-1], -50, 50)
    X[:, c["best_depth_diff"]] = depth[owner] - depth[best]
    K[kc["best_words_share"]] = sub_words[best] / max(total_words, 1.0)
    X[:, c["words_rel_max"]] = words / max(float(words.max()), 1.0)
    near = X[:, c["para_near10"]]
    X[:, c["near10_rel_max"]] = near / max(float(near.max()), 1.0)
    X[:, c["ld_rel_page"]] = ld - float((ld * words).sum()) / max(total_words, 1.0)
    X[:, c["cs_parent_rank"]] = (np.searchsorted(np.sort(-score_el), -score_el[np.maximum(par, 0)])).clip(0, 50)

    # cards: the nearest ancestor (up to 6 levels) repeated among its siblings, and the grid holding it
    reps = [X[:, c["sib_same"]], X[:, c["parent_sib_same"]], X[:, c["gp_sib_same"]]]
    a = np.where(gpar >= 0, parent[np.maximum(gpar, 0)], -1)
    ancs = [owner, par, gpar]
    for _ in range(3):
        reps.append(sib_same(a))
        ancs.append(a)
        a = np.where(a >= 0, parent[np.maximum(a, 0)], -1)
    X[:, c["anc3_sib_same"]] = reps[3]
    X[:, c["anc4_sib_same"]] = reps[4]
    R = np.stack(reps, axis=1)
    lvl = np.argmax(R, axis=1)
    X[:, c["max_rep_anc"]] = R[np.arange(n), lvl]
    X[:, c["rep_level"]] = lvl
    rep_el = np.stack(ancs, axis=1)[np.arange(n), lvl]
    grid = np.where(rep_el >= 0, parent[np.maximum(rep_el, 0)], -1)
    gg = np.maximum(grid, 0)
    X[:, c["grid_words"]] = np.where(grid >= 0, sub_words[gg], 0) / max(total_words, 1.0)
    X[:, c["grid_ld"]] = np.where(grid >= 0, sub_ld[gg], 0)
    del reps, ancs, R, lvl, rep_el, grid, gg
    # the page's main grid: the element whose most repeated child signature (3+) holds the most words
    gscore = np.zeros(n_el)
    for e, ch in enumerate(children):
        if ch:
            m_ = max(ch.values())
            if m_ >= 3:
                gscore[e] = sub_words[e] * (1.0 - sub_ld[e])
    if gscore.max() > 0:
        bg = int(np.argmax(gscore))
        X[:, c["in_best_grid"]] = (owner >= bg) & (owner < end[bg])
        K[kc["best_grid_words"]] = sub_words[bg] / max(total_words, 1.0)
    del gscore
    X[:, c["price_like"]] = [1.0 if ("$" in t or "€" in t or "£" in t) and _PRICE.search(t) else 0.0 for t in texts]

    # --- page facts
    body = ld_body(dom)
    if body:
        X[:, c["in_ld_body"]] = [
            1.0 if (key := " ".join(_WORD.findall(t.lower())[:12])) and len(key) > 15 and key in body else 0.0
            for t in texts]
    X[:, c["has_href"]] = [h is not None for h in dom.hrefs]
    words_after = float(total_words) - np.cumsum(words)
    X[:, c["words_to_end_log"]] = np.log1p(np.minimum(words_after, 5000.0))  # a footer has few words after it
    del words_after
    K[kc["page_para_share"]] = float((words * para).sum()) / max(total_words, 1.0)
    art = [i for i, t in enumerate(tags) if t == "article"]
    K[kc["n_article_tags"]] = len(art)
    K[kc["has_main_tag"]] = "main" in tags
    if art:
        a0 = art[0]
        X[:, c["in_first_article"]] = (owner >= a0) & (owner < end[a0])
    ld_types, og = page_types(dom)
    for t in LD_TYPES:
        K[kc[f"ld_{t}"]] = t in ld_types
    K[kc[f"og_{og}"]] = 1.0
    # the same text printed more than once (a mobile and a desktop copy, a teaser repeated)
    seen = Counter(texts)
    X[:, c["text_repeats"]] = [seen[t] for t in texts]
    del seen
    # where the page's own headline is: the heading that agrees with og:title, the JSON-LD headline or <title>
    tb = title_block(dom, heading)
    if tb is None:
        X[:, c["dist_title"]] = 60
    else:
        X[:, c["dist_title"]] = np.clip(np.arange(n) - tb, -50, 50)
        a = dom.owner[tb]
        for k in range(1, 4):
            a = dom.parent[a] if dom.parent[a] >= 0 else a
            X[:, c[f"in_title_anc{k}"]] = (owner >= a) & (owner < end[a])
    for name in _COUNTS:  # counts of alike siblings or paths: bounded, so that a page's size does not move them
        if name in kc:
            K[kc[name]] = min(K[kc[name]], _MAX_COUNT)
        else:
            np.minimum(X[:, c[name]], _MAX_COUNT, out=X[:, c[name]])
    return FeatureTable(X, K, bits)


# --- evidence in words ----------------------------------------------------------------------------

_PLAIN = {
    "link_density": "link density {:.2f}", "words": "{:.0f} words", "para_near10": "{:.0f} paragraph-like blocks within ±10",
    "para_near3": "{:.0f} paragraph-like blocks within ±3", "cs_parent": "parent's text score {:.2f} of the page's best",
    "cs_gparent": "grandparent's text score {:.2f} of the page's best",
    "cs_anc_max": "best ancestor text score {:.2f} of the page's best", "blocks_from_start": "{:.0f} blocks from the top",
    "blocks_to_end": "{:.0f} blocks from the end", "dist_title": "{:+.0f} blocks from the headline",
    "text_repeats": "its text printed {:.0f}x", "short_word_share": "{:.0%} short words", "words_to_end_log": "log words after it {:.1f}", "path_repeat": "tag path repeated {:.0f}x",
    "cpath_repeat": "class path repeated {:.0f}x", "sib_same": "{:.0f} alike siblings",
    "ld_near3": "neighbours' link density {:.2f}", "dist_h1": "{:+.0f} blocks from the <h1>",
    "since_heading": "{:.0f} blocks after a heading", "anc1_ld": "container link density {:.2f}",
    "anc2_ld": "outer container link density {:.2f}", "anc1_words": "container holds {:.0%} of the words",
    "anc2_words": "outer container holds {:.0%} of the words",
}
_FLAGS = {"in_best": "in the page's best text container", "best_inside": "holds the best text container",
          "in_ld_body": "in the JSON-LD articleBody", "is_date_like": "a date", "is_url_like": "a URL",
          "has_furniture_word": "site-furniture words", "para_like": "paragraph-like", "after_h1": "after the <h1>",
          "ends_sentence": "ends a sentence", "in_first_article": "in the first <article>",
          "in_title_anc1": "in the headline's container", "in_title_anc2": "near the headline's container", "in_title_anc3": "in the headline's outer container"}


def describe(name: str, value: float) -> str:
    """A feature and its value as a trace reads it: 'in <nav>', 'link density 0.91'."""
    if name.startswith("in_") and name[3:] in CBIT:
        what = name[3:]
        label = {"list": "a list", "heading": "a heading", "hidden": "a hidden element", "a": "a link"}.get(what, f"<{what}>")
        return f"in {label}" if value else f"not in {label}"
    if name.startswith(("kw_", "near_kw_")):
        key = name.split("kw_", 1)[1]
        where = "class/id" if name.startswith("kw_") else "own class/id"
        return f"{where} says '{key}'" if value else f"no '{key}' in {where}"
    if name in _FLAGS:
        return _FLAGS[name] if value else f"not {_FLAGS[name]}"
    if name.startswith(("ld_", "og_")):
        return f"page {'JSON-LD' if name.startswith('ld_') else 'og:type'} is {name[3:]}" if value else \
            f"page {'JSON-LD' if name.startswith('ld_') else 'og:type'} is not {name[3:]}"
    if name in _PLAIN:
        return _PLAIN[name].format(value)
    return f"{name.replace('_', ' ')} {value:.2f}".rstrip("0").rstrip(".")


KEYWORD_BITS = KBIT  # re-exported for the training script's reports
