"""The data cleanpage works on and hands back.

A ``Document`` is what ``parse.py`` makes of the input: a tuple of ``Block``\\ s,
each with its text, where it came from and features computed once. Rules look at
blocks and answer with a ``Decision``; the pipeline applies decisions and turns
the result into a ``Page``, the object users see.

Offsets (``start``/``end``) always index ``Document.text``: the input string
itself for text input (after decoding, for bytes), the rendered block text for
HTML input.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, ClassVar, Literal, NamedTuple, Union

from .errors import InputError
from .text import _CLOSERS, _SENTENCE_ENDS, count_words, is_headline_shaped, keywords, normalise

#: the tags of HTML headings (``Block.tag`` of a heading block)
HEADING_TAGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))

Zone = Literal["body", "sidebar"]
SourceKind = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a block came from, and the facts its parser knew about it. Frozen: set once,
    at parse time, and never touched by the pipeline.

    Text input fills ``line`` only. HTML input also fills the element's path and tag,
    its link density and the link it points to; a learned model run at parse time fills
    ``score``. A new parse-time fact is one more field here.
    """

    line: int  # 1-based line of Document.text where the block starts
    path: str | None = None  # HTML: the block element's path, e.g. "/html/body/div[2]/p[3]"
    tag: str | None = None  # HTML: the block element's tag
    link_density: float = 0.0  # HTML: share of the block's characters inside links
    href: str | None = None  # HTML: the absolute URL the block links to, when it is one link
    score: float | None = None  # a parse-time model's probability that the block is main content

    def __str__(self) -> str:
        return self.path or f"line {self.line}"


class _Slots:
    """The storage of a ``Block``, writable only while ``make_block`` fills it."""

    __slots__ = ("text", "start", "end", "_origin", "zone", "role", "card", "section", "_kw",
                 "words", "ends_sentence", "_heading", "_key", "_memo", "_score")


class Block(_Slots):
    """One unit of page text (a line of scraped text, or an HTML block element). Read-only.

    ``text`` is what rules read; ``start``/``end`` are the offsets of its first and last
    character in ``Document.text``; ``origin`` holds the parse-time facts. ``zone``,
    ``role``, ``card`` and ``section`` are the pipeline's state: a block moved to the
    sidebar has ``zone == "sidebar"``, the item field it fills as ``role`` and its card's
    key as ``card``.

    Its features are computed from the text once: ``words`` (the number of ``\\w+``
    tokens) and ``ends_sentence`` when the block is made, ``is_heading`` and ``key``
    on first use. A block's text never changes; the pipeline makes a new block instead.
    """

    __slots__ = ()

    text: str
    start: int
    end: int
    words: int  # number of \\w+ tokens
    ends_sentence: bool  # the last visible character is . ! ? or … (closing quotes may follow)
    zone: Zone
    role: str | None
    card: int | None
    section: str | None

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"Block is read-only (tried to set {name!r}); rules answer with decisions")

    def __repr__(self) -> str:
        state = f", zone={self.zone!r}, role={self.role!r}" if self.zone != "body" else ""
        return f"Block({self.text[:60]!r}, {self.origin}{state})"

    @property
    def origin(self) -> Origin:
        o = self._origin
        if isinstance(o, int):  # text input: made on demand, most blocks never need it
            o = Origin(o, score=self._score)
            _set(self, "_origin", o)
        return o

    @property
    def line_score(self) -> float | None:
        """The text line model's probability that the block is content (``Origin.score`` of a
        text block, read without making its origin); None without ``Config(preview=True)``
        and for HTML blocks, whose DOM score is ``origin.score``."""
        return self._score

    @property
    def line(self) -> int:
        o = self._origin
        return o if isinstance(o, int) else o.line

    @property
    def tag(self) -> str | None:
        return self.origin.tag

    @property
    def link_ratio(self) -> float:
        return self.origin.link_density

    @property
    def is_heading(self) -> bool:
        """Headline-shaped (``text.is_headline_shaped``): short, no sentence end. By text, not tag."""
        h = self._heading
        if h is None:
            h = is_headline_shaped(self.text, self.words)
            _set(self, "_heading", h)
        return h

    @property
    def key(self) -> str:
        """The text without case or spacing differences: what "the same line" means."""
        k = self._key
        if k is None:
            k = normalise(self.text)
            if len(k) <= _KEEP_KEY_CHARS:
                _set(self, "_key", k)
        return k

    def memo(self, key: Any, compute: Callable[[Block], Any]) -> Any:
        """``compute(self)``, worked out once per block and ``key``: for what a rule derives
        from one block and asks again on every pass (a card reader's idea of a line)."""
        m = self._memo
        if m is None:
            m = {}
            _set(self, "_memo", m)
        elif key in m:
            return m[key]
        value = m[key] = compute(self)
        return value

    def mentions(self, keywords: frozenset[bytes]) -> bool:
        """Does the text name one of ``keywords`` (``text.keyword_set``) as a whole word?"""
        return not keywords.isdisjoint(self._kw)


_set = object.__setattr__
# a longer block's key is worked out again on each use: kept, the keys of the 10,000-character
# blocks of a long line doubled the memory they took (dedupe compares a page's paragraphs by key)
_KEEP_KEY_CHARS = 2_000


def make_block(text: str, start: int, end: int, origin: Origin | int, *, zone: Zone = "body",
               role: str | None = None, card: int | None = None, section: str | None = None,
               kw: list[bytes] | None = None, words: int = -1, score: float | None = None) -> Block:
    """Build a block; ``origin`` may be a bare line number for text input.

    ``kw`` (``text.keywords(text)``) and ``words`` (``text.count_words(text)``) may be given
    when the caller has them already. ``score`` is a parse-time model's score of a text
    block (``Origin.score``), kept beside the bare line number until the origin is asked for.
    """
    b = _Slots()
    b.text, b.start, b.end, b._origin = text, start, end, origin
    b.zone, b.role, b.card, b.section = zone, role, card, section
    b._kw = keywords(text) if kw is None else kw
    b.words = count_words(text) if words < 0 else words
    last = text[-1:]
    b.ends_sentence = last in _ENDS if last not in _CLOSERS else text.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)
    b._heading = b._key = b._memo = None
    b._score = score
    b.__class__ = Block  # from here on read-only
    return b


def text_block(text: str, start: int, end: int, line: int, kw: list[bytes], words: int,
               score: float | None = None) -> Block:
    """``make_block`` for a line of body text, as the text parser makes a few hundred a page."""
    b = _Slots()
    b.text, b.start, b.end, b._origin = text, start, end, line
    b.zone, b.role, b.card, b.section = "body", None, None, None
    b._kw, b.words = kw, words
    last = text[-1]
    b.ends_sentence = last in _ENDS if last not in _CLOSERS else text.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)
    b._heading = b._key = b._memo = None
    b._score = score
    b.__class__ = Block
    return b


def moved_block(b: Block, zone: Zone, role: str | None, card: int | None, section: str | None) -> Block:
    """``b`` in another zone, role, card and section: the same text, origin and features (what is
    worked out from the text is copied, not worked out again). The pipeline's block for a line
    moved to the sidebar (a card's lines, ~18 a page with cards)."""
    m = _Slots()
    m.text, m.start, m.end, m._origin = b.text, b.start, b.end, b._origin
    m.zone, m.role, m.card, m.section = zone, role, card, section
    m._kw, m.words, m.ends_sentence = b._kw, b.words, b.ends_sentence
    m._heading, m._key, m._memo = b._heading, b._key, None
    m._score = b._score
    m.__class__ = Block
    return m


_ENDS = frozenset(_SENTENCE_ENDS)


def set_scores(blocks: Sequence[Block], scores: Sequence[float]) -> None:
    """Give the text parser's new blocks a parse-time model's scores (``Origin.score``): the model
    reads the lines of the page at once, after their blocks are made."""
    for b, score in zip(blocks, scores):
        _set(b, "_score", score)


def like_block(like: Block, text: str, start: int, end: int, kw: list[bytes], words: int = -1) -> Block:
    """``make_block`` of ``text`` with ``like``'s origin, zone, role, card, section and score: the
    pipeline's new block after an edit (a long line split at its sentence ends makes thousands)."""
    b = _Slots()
    b.text, b.start, b.end, b._origin = text, start, end, like._origin
    b.zone, b.role, b.card, b.section = like.zone, like.role, like.card, like.section
    b._kw = kw
    b.words = count_words(text) if words < 0 else words
    last = text[-1:]
    b.ends_sentence = last in _ENDS if last not in _CLOSERS else text.rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)
    b._heading = b._key = b._memo = None
    b._score = like._score
    b.__class__ = Block
    return b


@dataclass(frozen=True, slots=True)
class Document:
    """The parsed input: blocks in reading order plus the text offsets refer to.

    ``found`` holds what the parser found outside that text (for HTML: the ``<title>``,
    ``og:title``, JSON-LD author and date, the page's language), by metadata key. Rules
    may use it; what no rule files is added to the page's metadata as found, and a
    found ``title`` is the page's title when no rule takes one from the text.

    ``analysis`` holds page-level results computed once at parse time, by the name of
    what made them: a learned model's scores for every block and the means to explain
    them, for the rule that turns them into decisions.
    """

    blocks: tuple[Block, ...]
    text: str
    kind: SourceKind
    url: str | None = None
    found: Mapping[str, str] = field(default_factory=dict)
    analysis: Mapping[str, Any] = field(default_factory=dict)
    encoding: str | None = None  # bytes input: the codec that decoded it
    warnings: tuple[str, ...] = ()  # what parsing could not do as asked (see ``Page.warnings``)
    # ``body``, once asked for: a version of the page is read by several context rules
    _body: tuple[Block, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def body(self) -> tuple[Block, ...]:
        """The blocks of the body zone, in order: what most context rules read. Worked out once
        for each version of the page (the engine shows rules a new ``Document`` after a change)."""
        body = self._body
        if body is None:
            body = tuple([b for b in self.blocks if b.zone == "body"])
            object.__setattr__(self, "_body", body)
        return body


# --- decisions: what a rule may answer -------------------------------------------------
# Immutable named tuples: rules make many of them, and a tuple is made three times
# faster than a frozen dataclass. ``action`` names the kind of decision.


class Drop(NamedTuple):
    """Remove the whole block."""

    action = "drop"  # type: ignore[assignment]

    reason: str


class Cut(NamedTuple):
    """Remove ``block.text[start:end]`` and keep the rest of the block."""

    action = "cut"  # type: ignore[assignment]

    start: int
    end: int
    reason: str


class Split(NamedTuple):
    """Restore a lost paragraph break: the block becomes ``text[:at]`` and ``text[at:]``."""

    action = "split"  # type: ignore[assignment]

    at: int
    reason: str


class ToMeta(NamedTuple):
    """Move text out of the flow into ``metadata[key]`` (or the sidebar item's field).

    ``span`` is the part of the block that moves (``None``: the whole block);
    ``value`` is the part of it that becomes the value (``None``: all of ``span``),
    so that a label such as ``Source:`` moves with its value but is not part of it.
    """

    action = "meta"  # type: ignore[assignment]

    key: str
    reason: str
    span: tuple[int, int] | None = None
    value: tuple[int, int] | None = None


class ToTitle(NamedTuple):
    """The block is the page title; ``end`` cuts off a suffix that ``meta`` files away.

    ``meta`` holds ``(key, value_start, value_end)`` triples inside the suffix.
    """

    action = "title"  # type: ignore[assignment]

    reason: str
    end: int | None = None
    meta: tuple[tuple[str, int, int], ...] = ()


class ToSidebar(NamedTuple):
    """The block is part of sidebar card ``card`` under heading ``section``.

    ``role`` names the item field it fills (title, summary, source, age, label,
    category) or ``heading``; ``value`` trims it, e.g. ``- Dubai Eye`` -> ``Dubai Eye``.
    """

    action = "sidebar"  # type: ignore[assignment]

    role: str
    card: int
    section: str
    reason: str
    value: tuple[int, int] | None = None


class MergeCard(NamedTuple):
    """The block belongs to a card already in the sidebar: remove it and add ``section``."""

    action = "merge"  # type: ignore[assignment]

    into: int
    section: str
    reason: str


class Join(NamedTuple):
    """Join the block and the blocks ``rest`` that follow it into one paragraph, with a
    space where each line ended: the lines of a paragraph that a hard wrap split."""

    action = "join"  # type: ignore[assignment]

    rest: tuple[Any, ...]  # the Blocks, in page order
    reason: str


Decision = Union[Drop, Cut, Split, ToMeta, ToTitle, ToSidebar, MergeCard, Join]


# --- results ------------------------------------------------------------------------------
# Every result class pickles (so pages cross process boundaries) and round-trips through
# ``to_dict()`` / ``from_dict()`` and JSON.


def _record(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in fields(obj)}


@dataclass(frozen=True, slots=True)
class Removal:
    """Text that left the page, which rule sent it, and why.

    ``Document.text[start:end] == text`` always holds. For HTML input ``path`` is the
    element the text was in (``/html/body/div[2]/nav/ul/li[3]``); for text input it is None.
    """

    rule: str
    text: str
    reason: str
    start: int
    end: int
    path: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = _record(self)
        if self.path is None:  # text input: no element to name
            del out["path"]
        return out


@dataclass(frozen=True, slots=True)
class Step:
    """One applied decision, in order: removals, moves, splits and guard vetoes alike."""

    rule: str
    action: str  # drop, cut, split, join, meta, title, sidebar, merge, veto
    text: str
    reason: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return _record(self)


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one piece of the input ended up.

    ``kind`` is ``"body"``, ``"title"``, ``"metadata"``, ``"sidebar"`` or ``"removed"``;
    ``index`` numbers the paragraph or sidebar item, ``field`` names the metadata key or
    item field. ``dest`` spells it out: ``body[2]``, ``title``, ``metadata.credit``,
    ``sidebar[0].summary``, ``removed``.
    """

    start: int
    end: int
    kind: str
    index: int | None = None
    field: str | None = None

    @property
    def dest(self) -> str:
        if self.kind == "body":
            return f"body[{self.index}]"
        if self.kind == "metadata":
            return f"metadata.{self.field}"
        if self.kind == "sidebar":
            where = "sidebar" if self.index is None else f"sidebar[{self.index}]"
            return f"{where}.{self.field}"
        return self.kind

    def to_dict(self) -> dict[str, Any]:
        return _record(self)


_Placed = tuple[int, int, str, Union[int, None], Union[str, None]]


class Placements(Sequence[_Placed]):
    """``Page.placements``: a read-only sequence of ``(start, end, kind, index, field)`` tuples,
    equal to the tuple of them, stored packed and made into tuples only when read.

    A page of 50,000 short paragraphs held 8.6 MB of 5-tuples; packed, a placement takes
    32 bytes: its start, end and index (-1 for None) and the code of its (kind, field) pair.
    """

    __slots__ = ("_data", "_kinds")

    def __init__(self, data: array[int] | None = None, kinds: Sequence[tuple[str, str | None]] = ()) -> None:
        self._data = array("q") if data is None else data  # start, end, index, kind code: 4 per placement
        self._kinds = tuple(kinds)  # (kind, field) by code

    def __len__(self) -> int:
        return len(self._data) // 4

    def _at(self, i: int) -> _Placed:
        d = self._data
        k = 4 * i
        index = d[k + 2]
        kind, field_ = self._kinds[d[k + 3]]
        return d[k], d[k + 1], kind, None if index < 0 else index, field_

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return tuple(self._at(j) for j in range(*i.indices(len(self))))
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("placement index out of range")
        return self._at(i)

    def __iter__(self) -> Iterator[_Placed]:
        d, kinds = self._data, self._kinds
        for k in range(0, len(d), 4):
            kind, field_ = kinds[d[k + 3]]
            index = d[k + 2]
            yield d[k], d[k + 1], kind, None if index < 0 else index, field_

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Placements):
            if self._kinds == other._kinds:
                return self._data == other._data
            return tuple(self) == tuple(other)
        if isinstance(other, (tuple, list)):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        # pickled as 4-byte numbers when they fit (pages cross process boundaries in batches)
        d = self._data
        code = "i" if not d or (max(d) < 2**31 and min(d) >= -1) else "q"
        return (_unpack_placements, (code, array(code, d).tobytes(), self._kinds))


def _unpack_placements(code: str, data: bytes, kinds: tuple[tuple[str, str | None], ...]) -> Placements:
    return Placements(array("q", array(code, data)), kinds)


@dataclass(frozen=True, slots=True)
class SidebarItem:
    """A card from a related/popular/recommended list, split into its fields.

    ``age`` is kept as printed ("10 hours ago"); ``sections`` lists every heading
    the card appeared under, ``section`` the first of them.
    """

    section: str | None = None
    title: str | None = None
    summary: str | None = None
    source: str | None = None
    age: str | None = None
    label: str | None = None
    category: str | None = None
    url: str | None = None
    dateline: str | None = None
    credit: str | None = None
    sections: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        out = _record(self)
        out["sections"] = list(self.sections)
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SidebarItem:
        """The item ``to_dict()`` describes; keys it does not know are ignored."""
        known = {f.name: data[f.name] for f in fields(cls) if f.name in data}
        known["sections"] = tuple(known.get("sections") or ())
        return cls(**known)


@dataclass(frozen=True, slots=True)
class Page:
    """The clean result of one page. ``body`` is ``paragraphs`` joined by a blank line."""

    title: str | None
    paragraphs: tuple[str, ...]
    sidebar: tuple[SidebarItem, ...]
    metadata: Mapping[str, str]
    removed: tuple[Removal, ...]
    trace: tuple[Step, ...] = ()
    # where every piece of the input went, as (start, end, kind, index, field) tuples: a tuple, or for a
    # page of thousands of paragraphs a ``Placements``, which equals the tuple of them (see ``provenance``)
    placements: Sequence[_Placed] = field(default=(), repr=False)
    source_kind: SourceKind = "text"
    url: str | None = None
    # the text every offset indexes (the input itself for str input); in to_dict() only on request
    source: str = field(default="", repr=False, compare=False)
    # what cleanpage could not do as asked, each "code: what happened" (codes: see README, Reliability)
    warnings: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.metadata, MappingProxyType):
            object.__setattr__(self, "metadata", MappingProxyType(dict(self.metadata)))

    def __reduce__(self) -> tuple[Any, ...]:
        # a MappingProxyType does not pickle: hand over a plain dict, which __init__ wraps again
        return (Page, tuple(dict(self.metadata) if f.name == "metadata" else getattr(self, f.name)
                            for f in fields(self)))

    @property
    def provenance(self) -> tuple[Placement, ...]:
        """Where each piece of the input went, in input order (see ``Placement``)."""
        return tuple(Placement(*p) for p in self.placements)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_dict(self, *, source: bool = False) -> dict[str, Any]:
        """A JSON-serialisable view: every field, and ``body`` for convenience.

        ``source`` (the text the offsets index) is left out unless asked for, because it is
        as long as the input. ``Page.from_dict(page.to_dict()) == page`` holds either way
        (``source`` takes no part in comparing pages); ``explain()`` needs the source to
        number lines, so keep it (``source=True``) to explain a page later.
        """
        out: dict[str, Any] = {
            "title": self.title,
            "body": self.body,
            "paragraphs": list(self.paragraphs),
            "sidebar": [item.to_dict() for item in self.sidebar],
            "metadata": dict(self.metadata),
            "removed": [r.to_dict() for r in self.removed],
            "trace": [s.to_dict() for s in self.trace],
            "placements": [dict(zip(_PLACEMENT_KEYS, p)) for p in self.placements],
            "source_kind": self.source_kind,
            "url": self.url,
            "warnings": list(self.warnings),
        }
        if source:
            out["source"] = self.source
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Page:
        """The page that ``to_dict()`` (or ``json.loads`` of ``to_json()``) describes.

        ``title`` and ``paragraphs`` are required; ``body`` is derived and ignored; a missing
        list is empty. Raises ``InputError`` for anything that is not such a dict.
        """
        try:
            return cls(
                title=data["title"],
                paragraphs=tuple(data["paragraphs"]),
                sidebar=tuple(SidebarItem.from_dict(item) for item in data.get("sidebar") or ()),
                metadata=dict(data.get("metadata") or {}),
                removed=tuple(Removal(**r) for r in data.get("removed") or ()),
                trace=tuple(Step(**s) for s in data.get("trace") or ()),
                placements=tuple((p["start"], p["end"], p["kind"], p.get("index"), p.get("field"))
                                 for p in data.get("placements") or ()),
                source_kind=data.get("source_kind") or "text",
                url=data.get("url"),
                source=data.get("source") or "",
                warnings=tuple(data.get("warnings") or ()),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise InputError(f"Page.from_dict() needs a dict made by Page.to_dict(): {exc!r}") from exc

    def to_json(self, *, source: bool = False, **kwargs: Any) -> str:
        """``json.dumps(self.to_dict(source=source), **kwargs)``, keeping non-ASCII text as is."""
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(source=source), **kwargs)

    def explain(self, *, width: int = 100) -> str:
        """A readable report: what went where, and which rule sent it."""
        from .report import explain

        return explain(self, width=width)


_PLACEMENT_KEYS = ("start", "end", "kind", "index", "field")


# --- batch results: what clean_many() yields, one per input record ------------------------

# the keys of an output record; an input field of the same name is passed through as input_<name>
RECORD_KEYS = ("id", "url", "title", "body", "metadata", "sidebar", "removed", "error")


def pass_through(record: dict[str, Any], fields_: Mapping[str, Any]) -> dict[str, Any]:
    for key, value in fields_.items():
        while key in record or key in RECORD_KEYS:
            key = f"input_{key}"
        record[key] = value
    return record


@dataclass(frozen=True, slots=True)
class Result:
    """A record that ``clean_many()`` cleaned: its ``page``, with the record's id, url and other fields.

    ``Result`` and ``ErrorRecord`` answer the same attributes: test ``ok``, then read ``page``
    (here) or ``error`` and ``message`` (there). ``fields`` holds the input record's other
    fields, passed through untouched.
    """

    id: Any
    page: Page
    url: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)

    ok: ClassVar[Literal[True]] = True
    error: ClassVar[None] = None
    message: ClassVar[None] = None

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The output record: ``id``, ``url``, ``title``, ``body``, ``metadata``, ``sidebar``
        (``removed`` too with ``explain``), ``error`` (None), then the passed-through fields.

        An input field whose name is taken is kept as ``input_<name>``.
        """
        page = self.page
        record: dict[str, Any] = {
            "id": self.id, "url": self.url, "title": page.title, "body": page.body,
            "metadata": dict(page.metadata), "sidebar": [item.to_dict() for item in page.sidebar],
        }
        if explain:
            record["removed"] = [r.to_dict() for r in page.removed]
        record["error"] = None
        return pass_through(record, self.fields)


@dataclass(frozen=True, slots=True)
class ErrorRecord:
    """A record that could not be cleaned: why (``error``, the exception's type name, and
    ``message``), with the record's id, url and other fields. ``page`` is None.

    Unreadable input (a line that is not JSON, a file that cannot be read), input that is not
    text, and a page that fails or overruns its time limit all end here, one per input record.
    """

    id: Any
    error: str
    message: str
    url: str | None = None
    fields: Mapping[str, Any] = field(default_factory=dict)

    ok: ClassVar[Literal[False]] = False
    page: ClassVar[None] = None

    @classmethod
    def from_exception(cls, id: Any, exc: BaseException, *, url: str | None = None,  # noqa: A002
                       fields: Mapping[str, Any] | None = None) -> ErrorRecord:
        return cls(id, type(exc).__name__, str(exc) or type(exc).__name__, url, dict(fields or {}))

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The output record, with the same keys as ``Result.to_dict()``: the page's are None and
        ``error`` is ``{"type": ..., "message": ...}``."""
        record: dict[str, Any] = {"id": self.id, "url": self.url, "title": None, "body": None,
                                  "metadata": None, "sidebar": None}
        if explain:
            record["removed"] = None
        record["error"] = {"type": self.error, "message": self.message}
        return pass_through(record, self.fields)
