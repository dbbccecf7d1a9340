"""Rule registry, run order, trace, and the loop to a fixed point.

Rules never edit text. They answer with decisions; this module applies them,
keeps every piece of text tied to its offsets in ``Document.text``, records each
applied decision in the trace, and finally assembles the ``Page``.

Run order: rules run by stage (see ``Stage``), in registration order within a
stage. All stages but the last loop until a whole pass changes nothing; then the
final stage (the title) runs, and if it changed anything the loop runs again.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from enum import IntEnum
from typing import Any, Union

from .config import Config
from .errors import ConfigError
from .model import (
    Block, Cut, Decision, Document, Drop, MergeCard, Page, Placement, Removal,
    SidebarItem, Split, Step, ToMeta, ToSidebar, ToTitle,
)
from .parse import count_words, make_block


class Stage(IntEnum):
    GUARD = 0  # consulted by the pipeline before it applies a cut; never run as a pass
    LINES = 10  # whole lines of chrome: promos, widget labels, ad markers
    STRUCTURE = 20  # context: sidebar sections and cards (before META, so a card's
    #                 "Reuters" source line is not taken for the page's credit)
    INLINE = 30  # chrome inside a block: teasers, pitches, ad markers, datelines
    BREAKS = 40  # restore lost paragraph breaks
    META = 50  # lines that are metadata: credits, source, byline, dates. After the
    #            inline edits, because where the article's prose is decides them
    DEDUPE = 60  # context: repeated blocks
    FINAL = 90  # context, once at the fixed point: the title


BlockFn = Callable[[Block], Union[Decision, Sequence[Decision], None]]
ContextFn = Callable[[Document], Iterable[tuple[int, Decision]]]


@dataclass(frozen=True)
class Rule:
    name: str
    target: Any  # a function, or a class built from Config with ``from_config``
    stage: Stage
    context: bool  # takes the Document, answers (index, decision) pairs
    zones: frozenset[str]  # which blocks a block rule is shown
    preview: bool
    module: str

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.target) or ""

    def bind(self, config: Config) -> Callable[..., Any]:
        if inspect.isclass(self.target):
            return self.target.from_config(config)
        return self.target


_REGISTRY: dict[str, Rule] = {}


def rule(name: str, *, stage: Stage, context: bool = False, zones: Iterable[str] = ("body",),
         preview: bool = False) -> Callable[[Any], Any]:
    """Register a rule under a stable dotted name (``family.what``)."""
    if name.count(".") != 1:
        raise ValueError(f"rule names are family.what, got {name!r}")

    def register(target: Any) -> Any:
        if name in _REGISTRY and _REGISTRY[name].target is not target:
            raise ValueError(f"rule {name!r} registered twice")
        _REGISTRY[name] = Rule(name, target, stage, context, frozenset(zones), preview,
                               getattr(target, "__module__", ""))
        return target

    return register


def registry() -> dict[str, Rule]:
    """Every registered rule by name, in run order."""
    importlib.import_module(f"{__package__}.rules")  # importing the package registers the rules

    return dict(sorted(_REGISTRY.items(), key=lambda kv: kv[1].stage))


def check_config(config: Config) -> None:
    known = registry()
    families = {n.split(".", 1)[0] for n in known}
    unknown = sorted(n for n in config.disabled if n not in known and n not in families)
    if unknown:
        raise ConfigError(f"unknown rule names in Config.disabled: {unknown}; "
                          f"known families: {sorted(families)}")


# --- working state ------------------------------------------------------------------------------


@dataclass(eq=False)
class _Live:
    """A block as the pipeline works on it: its text is a list of source pieces."""

    pieces: list[tuple[int, int]]
    text: str
    origin: str
    line: int
    tag: str | None
    link_ratio: float
    family: int  # index of the parsed block it descends from (splits share it)
    zone: str = "body"
    role: str | None = None
    card: int | None = None
    section: str | None = None
    value: tuple[int, int] | None = None
    done: set[str] = field(default_factory=set)  # rules that found nothing in this text
    block: Block | None = None
    alive: bool = True  # False once the block has left the flow (dropped, titled, filed)
    after: list[_Live] = field(default_factory=list)  # blocks split off it, not yet in the list

    def view(self, index: int) -> Block:
        b = self.block
        if b is None:
            b = make_block(self.text, index=index, start=self.pieces[0][0], end=self.pieces[-1][1],
                           origin=self.origin, line=self.line, link_ratio=self.link_ratio, tag=self.tag,
                           zone=self.zone, role=self.role, card=self.card, section=self.section)
            self.block = b
        elif b.index != index:
            b = replace(b, index=index)
            self.block = b
        return b

    def changed(self) -> None:
        self.block = None
        self.done.clear()


def _join(source: str, pieces: list[tuple[int, int]]) -> str:
    return " ".join(source[s:e] for s, e in pieces)


def _select(pieces: list[tuple[int, int]], a: int, b: int) -> list[tuple[int, int]]:
    """Source ranges behind text[a:b] of a block whose text is its pieces joined by a space."""
    out: list[tuple[int, int]] = []
    pos = 0
    for s, e in pieces:
        n = e - s
        lo, hi = max(a, pos), min(b, pos + n)
        if lo < hi:
            out.append((s + lo - pos, s + hi - pos))
        pos += n + 1
    return out


def _trim(source: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop leading/trailing whitespace of each range, and ranges left empty."""
    out = []
    for s, e in ranges:
        while s < e and source[s].isspace():
            s += 1
        while e > s and source[e - 1].isspace():
            e -= 1
        if s < e:
            out.append((s, e))
    return out


class _Run:
    """One clean() call: the live blocks, the trace, and what was filed where."""

    def __init__(self, doc: Document, config: Config) -> None:
        self.doc = doc
        self.src = doc.text
        self.config = config
        self.live: list[_Live] = [
            _Live(pieces=[(b.start, b.end)], text=b.text, origin=b.origin, line=b.line, tag=b.tag,
                  link_ratio=b.link_ratio, family=i, block=b)
            for i, b in enumerate(doc.blocks)
        ]
        self.family_words = [b.words for b in doc.blocks]
        self.family_cut = [0] * len(doc.blocks)
        self.removed: list[Removal] = []
        self.trace: list[Step] = []
        self.placements: list[tuple[int, int, str]] = []  # dest may name a card: "card:<key>.<field>"
        self.title: str | None = None
        self.metadata: dict[str, str] = {}
        self.card_meta: dict[int, dict[str, str]] = {}
        self.card_sections: dict[int, list[str]] = {}
        self.merged: dict[int, int] = {}  # card key -> key of the card it was merged into
        rules = [r for r in registry().values() if config.enabled(r.name, preview=r.preview)]
        self.main = [(r, r.bind(config)) for r in rules if Stage.GUARD < r.stage < Stage.FINAL]
        self.final = [(r, r.bind(config)) for r in rules if r.stage >= Stage.FINAL]
        self.guards = [(r, r.bind(config)) for r in rules if r.stage == Stage.GUARD]

    # -- recording --------------------------------------------------------------------------------

    def _step(self, rule: str, action: str, ranges: list[tuple[int, int]], reason: str, text: str = "") -> None:
        start = ranges[0][0] if ranges else 0
        end = ranges[-1][1] if ranges else 0
        self.trace.append(Step(rule, action, text or _join(self.src, ranges), reason, start, end))

    def _remove(self, rule: str, ranges: list[tuple[int, int]], reason: str) -> None:
        for s, e in ranges:
            self.removed.append(Removal(rule, self.src[s:e], reason, s, e))
            self.placements.append((s, e, "removed"))

    def _file(self, live: _Live, key: str, value: str) -> str:
        """File ``value`` under ``key`` for the page, or for the card a sidebar block is in."""
        if live.zone == "sidebar" and live.card is not None and key in _CARD_FIELDS:
            store = self.card_meta.setdefault(live.card, {})
            dest = f"card:{live.card}.{key}"
        else:
            store = self.metadata
            dest = f"metadata.{key}"
        if key not in store:
            store[key] = value
        elif value not in store[key].split("; "):
            store[key] = f"{store[key]}; {value}"
        return dest

    # -- applying decisions -----------------------------------------------------------------------

    def apply(self, rule: Rule, live: _Live, d: Decision) -> bool:
        """Apply one decision; False when it changes nothing (the rule is then not asked again)."""
        name = rule.name
        if isinstance(d, (Drop, MergeCard)):
            action = "drop" if isinstance(d, Drop) else "merge"
            self._step(name, action, live.pieces, d.reason, live.text)
            self._remove(name, live.pieces, d.reason)
            if isinstance(d, MergeCard):
                self.card_sections.setdefault(d.into, []).append(d.section)
                if live.card is not None:
                    self.merged[live.card] = d.into
            live.alive = False
            return True
        if isinstance(d, Cut):
            a, b = max(0, d.start), min(len(live.text), d.end)
            if a >= b:
                return False
            if not live.text[:a].strip() and not live.text[b:].strip():
                return self.apply(rule, live, Drop(d.reason))
            cut = _trim(self.src, _select(live.pieces, a, b))
            if not cut:
                return False
            veto = self._veto(live, cut)
            if veto is not None:
                self._step(veto, "veto", cut, f"{name} would cut too much of {live.origin}; kept")
                return False
            self._step(name, "cut", cut, d.reason)
            self._remove(name, cut, d.reason)
            self._rebuild(live, _trim(self.src, _select(live.pieces, 0, a) + _select(live.pieces, b, len(live.text))))
            return True
        if isinstance(d, Split):
            left = _trim(self.src, _select(live.pieces, 0, d.at))
            right = _trim(self.src, _select(live.pieces, d.at, len(live.text)))
            if not left or not right:
                return False
            at = right[0][0]
            ls, le = left[-1]
            around = self.src[max(ls, le - 30):le] + "|" + self.src[at:min(right[0][1], at + 30)]
            self._step(name, "split", [(at, at)], d.reason, text=around)
            twin = _Live(pieces=[], text="", origin=live.origin, line=live.line, tag=live.tag,
                         link_ratio=live.link_ratio, family=live.family, zone=live.zone, role=live.role,
                         card=live.card, section=live.section)
            self._rebuild(live, left)
            self._rebuild(twin, right)
            live.after.insert(0, twin)  # splits apply right to left: the newest twin comes first
            return True
        if isinstance(d, ToMeta):
            a, b = d.span if d.span is not None else (0, len(live.text))
            va, vb = d.value if d.value is not None else (a, b)
            moved = _trim(self.src, _select(live.pieces, a, b))
            value = " ".join(live.text[va:vb].split())
            if not moved or not value:
                return False
            dest = self._file(live, d.key, value)
            self._step(name, "meta", moved, f"{d.reason} -> {d.key}")
            self.placements.extend((s, e, dest) for s, e in moved)
            rest = _trim(self.src, _select(live.pieces, 0, a) + _select(live.pieces, b, len(live.text)))
            if rest:
                self._rebuild(live, rest)
            else:
                live.alive = False
            return True
        if isinstance(d, ToTitle):
            if self.title is not None:
                return False
            end = len(live.text) if d.end is None else d.end
            title = _trim(self.src, _select(live.pieces, 0, end))
            if not title:
                return False
            self.title = " ".join(live.text[:end].split())
            self._step(name, "title", title, d.reason)
            self.placements.extend((s, e, "title") for s, e in title)
            suffix = _trim(self.src, _select(live.pieces, end, len(live.text)))
            for key, va, vb in d.meta:
                value = " ".join(live.text[va:vb].split())
                if value:
                    self.metadata.setdefault(key, value)
                    self._step(name, "meta", suffix, f"title suffix -> {key}", text=value)
            dest = f"metadata.{d.meta[0][0]}" if d.meta else "title"
            self.placements.extend((s, e, dest) for s, e in suffix)
            live.alive = False
            return True
        if isinstance(d, ToSidebar):
            if d.role not in _CARD_FIELDS and d.role != "heading":
                raise ValueError(f"rule {name} gave sidebar role {d.role!r}; roles are {sorted(_CARD_FIELDS)} or 'heading'")
            if live.zone == "sidebar":
                return False
            if d.role == "heading":  # the heading lives on as the section of its cards
                self._step(name, "sidebar", live.pieces, d.reason, live.text)
                self.placements.extend((s, e, f"card:{d.card}.section") for s, e in live.pieces)
                live.alive = False
                return True
            live.zone, live.role, live.card, live.section, live.value = "sidebar", d.role, d.card, d.section, d.value
            self._step(name, "sidebar", live.pieces, f"{d.reason} ({d.role})", live.text)
            live.changed()
            return True
        raise TypeError(f"rule {name} returned {d!r}, which is not a Decision")

    def _rebuild(self, live: _Live, pieces: list[tuple[int, int]]) -> None:
        live.pieces = pieces
        live.text = _join(self.src, pieces)
        if live.value is not None:
            live.value = None  # a trimmed value no longer lines up once the text changes
        live.changed()

    def _veto(self, live: _Live, cut: list[tuple[int, int]]) -> str | None:
        """Name of the guard that vetoes this cut, or None (the cut is then counted)."""
        words = sum(count_words(self.src[s:e]) for s, e in cut)
        total, done = self.family_words[live.family], self.family_cut[live.family]
        for r, guard in self.guards:
            if guard(total, done, words):
                return r.name
        self.family_cut[live.family] += words
        return None

    # -- running --------------------------------------------------------------------------------

    def _view(self) -> Document:
        blocks = tuple(live.view(i) for i, live in enumerate(self.live))
        return Document(blocks=blocks, text=self.src, kind=self.doc.kind, url=self.doc.url)

    def _settle(self) -> None:
        """Drop blocks that left the flow and put split-off blocks in place, in one sweep."""
        out: list[_Live] = []
        for live in self.live:
            if live.alive:
                out.append(live)
            if live.after:
                out.extend(twin for twin in live.after if twin.alive)
                live.after = []
        self.live = out

    def _run_block_rule(self, r: Rule, fn: BlockFn) -> bool:
        changed = False
        for i, live in enumerate(self.live):
            guard = 0
            while live.alive and live.zone in r.zones and r.name not in live.done:
                guard += 1
                if guard > 10_000:  # a rule that never settles on one block
                    live.done.add(r.name)
                    break
                out = fn(live.view(i))
                if out is None or (isinstance(out, Sequence) and not out):
                    live.done.add(r.name)
                    break
                decisions = list(out) if isinstance(out, Sequence) else [out]
                if len(decisions) > 1:
                    decisions = _last_first(decisions)
                applied = False
                for d in decisions:
                    if not live.alive:
                        break
                    applied |= self.apply(r, live, d)
                if not applied:
                    live.done.add(r.name)
                    break
                changed = True
        self._settle()
        return changed

    def _run_context_rule(self, r: Rule, fn: ContextFn) -> bool:
        doc = self._view()
        targets = list(self.live)
        changed = False
        for index, d in list(fn(doc)):
            live = targets[index]
            if live.alive:
                changed |= self.apply(r, live, d)
        self._settle()
        return changed

    def _pass(self, rules: list[tuple[Rule, Any]]) -> bool:
        changed = False
        for r, fn in rules:
            changed |= self._run_context_rule(r, fn) if r.context else self._run_block_rule(r, fn)
        return changed

    def _loop(self, rules: list[tuple[Rule, Any]]) -> bool:
        any_change = False
        for _ in range(self.config.max_passes):
            changed = self._pass(rules)
            any_change |= changed
            if not changed:
                return any_change
        self.trace.append(Step("pipeline.max_passes", "stop", "", f"stopped after {self.config.max_passes} passes", 0, 0))
        return any_change

    def run(self) -> Page:
        self._loop(self.main)
        if self._pass(self.final):
            self._loop(self.main)
        return self._assemble()

    # -- assembly -------------------------------------------------------------------------------

    def _assemble(self) -> Page:
        paragraphs: list[str] = []
        cards: dict[int, list[_Live]] = {}
        for live in self.live:
            if live.zone == "sidebar" and live.card is not None:
                cards.setdefault(live.card, []).append(live)
            else:
                self.placements.extend((s, e, f"body[{len(paragraphs)}]") for s, e in live.pieces)
                paragraphs.append(live.text)
        items: list[SidebarItem] = []
        card_index: dict[int, int] = {}
        for key in sorted(cards):
            card_index[key] = len(items)
            items.append(self._item(key, cards[key]))
        placements = []
        for s, e, dest in self.placements:
            if dest.startswith("card:"):
                key_text, _, rest = dest[5:].partition(".")
                key = int(key_text)
                seen = set()
                while key not in card_index and key in self.merged and key not in seen:
                    seen.add(key)
                    key, rest = self.merged[key], "sections" if rest == "section" else rest
                index = card_index.get(key)
                dest = f"sidebar[{index}].{rest}" if index is not None else f"sidebar.{rest}"
            placements.append(Placement(s, e, dest))
        placements.sort(key=lambda p: (p.start, p.end))
        title = self.title
        if title is None and self.doc.kind == "html" and self.doc.html_title:
            title = self.doc.html_title
        removed = sorted(self.removed, key=lambda r: (r.start, r.end))
        return Page(
            title=title, paragraphs=tuple(paragraphs), sidebar=tuple(items), metadata=self.metadata,
            removed=tuple(removed), trace=tuple(self.trace), provenance=tuple(placements),
            source_kind=self.doc.kind, url=self.doc.url, source=self.src,
        )

    def _item(self, key: int, blocks: list[_Live]) -> SidebarItem:
        fields: dict[str, Any] = {}
        summary: list[str] = []
        section = blocks[0].section
        for live in blocks:
            role = live.role or "summary"
            text = live.text
            if live.value is not None:
                text = live.text[live.value[0]:live.value[1]].strip()
            self.placements.extend((s, e, f"card:{key}.{role}") for s, e in live.pieces)
            if role == "summary":
                summary.append(text)
            elif role in fields:  # a second line for the same field: keep both, lose nothing
                fields[role] = f"{fields[role]}; {text}"
            else:
                fields[role] = text
        if summary:
            fields["summary"] = "\n\n".join(summary)
        for k, v in self.card_meta.get(key, {}).items():
            fields[k] = f"{fields[k]}; {v}" if k in fields and fields[k] != v else v
        sections = [section] if section else []
        for s in self.card_sections.get(key, []):
            if s not in sections:
                sections.append(s)
        return SidebarItem(section=section, sections=tuple(sections), **fields)


_CARD_FIELDS = frozenset(("title", "summary", "source", "age", "label", "category", "dateline", "credit", "url"))


def _last_first(decisions: list[Decision]) -> list[Decision]:
    """Several edits to one block apply right to left, so earlier offsets stay valid.

    An edit that overlaps one to its right is dropped; the rule is asked again once
    the text has changed.
    """
    def span(d: Decision) -> tuple[int, int]:
        if isinstance(d, Cut):
            return d.start, d.end
        if isinstance(d, Split):
            return d.at, d.at
        if isinstance(d, ToMeta) and d.span is not None:
            return d.span
        return -1, -1

    out: list[Decision] = []
    left_edge = None
    for d in sorted(decisions, key=span, reverse=True):
        a, b = span(d)
        if left_edge is not None and (b > left_edge or (a < 0 and out)):
            continue
        out.append(d)
        left_edge = a
    return out


def run(doc: Document, config: Config) -> Page:
    return _Run(doc, config).run()


def decide(name: str, text: str, config: Config | None = None) -> Any:
    """Ask one rule about ``text``, for tests and for exploring a rule by hand.

    A block rule sees ``text`` as one block and gives its decision (the first, if it
    gives several) or None. A context rule sees ``text`` parsed as a page (one block
    per line) and gives a list of ``(block text, decision)`` pairs.
    """
    from .parse import parse_text

    config = config or Config()
    r = registry()[name]
    fn = r.bind(config)
    doc = parse_text(text)
    if r.context:
        return [(doc.blocks[i].text, d) for i, d in fn(doc)]
    if len(doc.blocks) != 1:
        raise ValueError(f"a block rule needs exactly one non-blank line, got {len(doc.blocks)}")
    out = fn(doc.blocks[0])
    if isinstance(out, Sequence):
        return out[0] if out else None
    return out
