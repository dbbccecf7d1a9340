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
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from types import MappingProxyType
from typing import Any, ClassVar, Literal, Union

Zone = Literal["body", "sidebar"]
SourceKind = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of page text (a line of scraped text, or an HTML block element).

    Features are computed once, in ``parse.py``, whenever a block's text is made
    or changed; rules read them and never parse again.
    """

    text: str
    index: int  # position among the blocks a rule is shown
    start: int  # offset of the block's first character in Document.text
    end: int  # offset just past its last character
    origin: str  # "line 12" or a tag path such as "body/div/p[3]"
    line: int  # 1-based line of Document.text where the block starts
    words: int  # number of \w+ tokens
    is_heading: bool  # headline-shaped: short, no sentence-ending punctuation (HTML: by text, not tag)
    ends_sentence: bool  # last visible character is . ! ? or a closing quote after one
    link_ratio: float = 0.0  # share of characters inside links (HTML only)
    tag: str | None = None  # HTML tag of the block element, None for text
    zone: Zone = "body"
    role: str | None = None  # for sidebar blocks: heading, title, summary, source, ...
    card: int | None = None  # for sidebar blocks: key of the card the block belongs to
    section: str | None = None  # for sidebar blocks: the heading its card is listed under


@dataclass(frozen=True, slots=True)
class Document:
    """The parsed input: blocks in reading order plus the text offsets refer to."""

    blocks: tuple[Block, ...]
    text: str
    kind: SourceKind
    url: str | None = None
    html_title: str | None = None


# --- decisions: what a rule may answer -------------------------------------------------


@dataclass(frozen=True, slots=True)
class Drop:
    """Remove the whole block."""

    action: ClassVar[str] = "drop"

    reason: str


@dataclass(frozen=True, slots=True)
class Cut:
    """Remove ``block.text[start:end]`` and keep the rest of the block."""

    action: ClassVar[str] = "cut"

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class Split:
    """Restore a lost paragraph break: the block becomes ``text[:at]`` and ``text[at:]``."""

    action: ClassVar[str] = "split"

    at: int
    reason: str


@dataclass(frozen=True, slots=True)
class ToMeta:
    """Move text out of the flow into ``metadata[key]`` (or the sidebar item's field).

    ``span`` is the part of the block that moves (``None``: the whole block);
    ``value`` is the part of it that becomes the value (``None``: all of ``span``),
    so that a label such as ``Source:`` moves with its value but is not part of it.
    """

    action: ClassVar[str] = "meta"

    key: str
    reason: str
    span: tuple[int, int] | None = None
    value: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class ToTitle:
    """The block is the page title; ``end`` cuts off a suffix that ``meta`` files away.

    ``meta`` holds ``(key, value_start, value_end)`` triples inside the suffix.
    """

    action: ClassVar[str] = "title"

    reason: str
    end: int | None = None
    meta: tuple[tuple[str, int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class ToSidebar:
    """The block is part of sidebar card ``card`` under heading ``section``.

    ``role`` names the item field it fills (title, summary, source, age, label,
    category) or ``heading``; ``value`` trims it, e.g. ``- Dubai Eye`` -> ``Dubai Eye``.
    """

    action: ClassVar[str] = "sidebar"

    role: str
    card: int
    section: str
    reason: str
    value: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class MergeCard:
    """The block belongs to a card already in the sidebar: remove it and add ``section``."""

    action: ClassVar[str] = "merge"

    into: int
    section: str
    reason: str


Decision = Union[Drop, Cut, Split, ToMeta, ToTitle, ToSidebar, MergeCard]


# --- results ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Removal:
    """Text that left the page, which rule sent it, and why.

    ``Document.text[start:end] == text`` always holds.
    """

    rule: str
    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Step:
    """One applied decision, in order: removals, moves, splits and guard vetoes alike."""

    rule: str
    action: str  # drop, cut, split, meta, title, sidebar, merge, veto
    text: str
    reason: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Placement:
    """Where one piece of the input ended up: ``body[2]``, ``title``,
    ``metadata.credit``, ``sidebar[0].summary`` or ``removed``."""

    start: int
    end: int
    dest: str


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
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["sections"] = list(self.sections)
        return out


@dataclass(frozen=True, slots=True)
class Page:
    """The clean result of one page. ``body`` is ``paragraphs`` joined by a blank line."""

    title: str | None
    paragraphs: tuple[str, ...]
    sidebar: tuple[SidebarItem, ...]
    metadata: Mapping[str, str]
    removed: tuple[Removal, ...]
    trace: tuple[Step, ...] = ()
    provenance: tuple[Placement, ...] = field(default=(), repr=False)
    source_kind: SourceKind = "text"
    url: str | None = None
    # the text every offset indexes (the input itself for str input); not serialised
    source: str = field(default="", repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.metadata, MappingProxyType):
            object.__setattr__(self, "metadata", MappingProxyType(dict(self.metadata)))

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable view (``json.dumps(page.to_dict())`` works)."""
        return {
            "title": self.title,
            "body": self.body,
            "paragraphs": list(self.paragraphs),
            "sidebar": [item.to_dict() for item in self.sidebar],
            "metadata": dict(self.metadata),
            "removed": [
                {"rule": r.rule, "text": r.text, "reason": r.reason, "start": r.start, "end": r.end}
                for r in self.removed
            ],
            "trace": [
                {"rule": s.rule, "action": s.action, "text": s.text, "reason": s.reason,
                 "start": s.start, "end": s.end}
                for s in self.trace
            ],
            "source_kind": self.source_kind,
            "url": self.url,
        }

    def to_json(self, **kwargs: Any) -> str:
        kwargs.setdefault("ensure_ascii", False)
        return json.dumps(self.to_dict(), **kwargs)

    def explain(self, *, width: int = 100) -> str:
        """A readable report: what went where, and which rule sent it."""
        from .report import explain

        return explain(self, width=width)
