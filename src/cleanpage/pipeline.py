"""The engine: rules bound once, applied to a page until nothing changes.

Rules never edit text. They answer with decisions; this module applies them,
keeps every piece of text tied to its offsets in ``Document.text``, records each
applied decision in the trace, and finally assembles the ``Page``.

Run order is (stage, order) from ``registry.py``. All stages but FINAL loop until
a whole pass changes nothing; then FINAL (the title) runs, and if it changed
anything the loop runs again.

Why a page costs time linear in its length:

* Each block rule keeps a worklist of the blocks it has not yet seen in their
  current form. A block enters it when it is made or changed, and only if it
  passes the rule's prefilter (its keywords are looked up in one index per page,
  its patterns found in one scan of the page). A pass therefore touches only what
  changed, and a rule runs only on the few lines that name its words.
* A context rule runs again only if something changed since it last ran.
* Block features are computed at most once per block (``model.Block``), and a
  block's position is never stored in it, so nothing has to be rebuilt when a
  block before it goes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter, itemgetter
from typing import Any, Union

from .config import Config
from .errors import RuleError
from .model import (
    Block, Cut, Decision, Document, Drop, MergeCard, Page, Placement, Removal, SidebarItem, Split, Step,
    ToMeta, ToSidebar, ToTitle, make_block,
)
from .registry import Rule, Stage, enabled_rules, registry
from .text import count_words

BlockFn = Callable[[Block], Union[Decision, Sequence[Decision], None]]
ContextFn = Callable[[Document], Iterable[tuple[Union[Block, int], Decision]]]

CARD_FIELDS = frozenset(("title", "summary", "source", "age", "label", "category", "dateline", "credit", "url"))
_MAX_REPEATS = 10_000  # a rule that never settles on one block is stopped there


# --- where text goes ---------------------------------------------------------------------------


class Dest:
    """Destinations of text, as the engine files them. ``CARD`` names a card by its key
    while cards are still being built; assembly turns it into ``SIDEBAR`` and an index."""

    BODY, TITLE, METADATA, SIDEBAR, REMOVED, CARD = "body", "title", "metadata", "sidebar", "removed", "card"


# A placement while the page is cleaned: (start, end, kind, index or card key, field)
_Placed = tuple[int, int, str, Union[int, None], Union[str, None]]


# --- the bound engine --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Bound:
    rule: Rule
    fn: Any
    slot: int  # bit of the rule in prefilter masks (block rules only)


class Engine:
    """Rules bound to one ``Config``, with their prefilter index. Immutable; shared by threads."""

    def __init__(self, config: Config) -> None:
        self.config = config
        rules = enabled_rules(config)
        block_rules = [r for r in rules if not r.context and Stage.GUARD < r.stage < Stage.FINAL]
        self.slots = tuple(_Bound(r, r.bind(config), i) for i, r in enumerate(block_rules))
        by_name = {b.rule.name: b for b in self.slots}
        # groups that run in turn, each only once those before it have reached a fixed point:
        # the rules that edit the page, then dedupe (repeats are judged on the settled
        # page), then the title
        bound = [by_name.get(r.name) or _Bound(r, r.bind(config), -1)
                 for r in rules if Stage.GUARD < r.stage]
        self.groups = tuple(g for g in (
            tuple(b for b in bound if b.rule.stage < Stage.DEDUPE),
            tuple(b for b in bound if Stage.DEDUPE <= b.rule.stage < Stage.FINAL),
            tuple(b for b in bound if b.rule.stage >= Stage.FINAL),
        ) if g)
        self.guards = tuple((r.name, r.bind(config)) for r in rules if r.stage == Stage.GUARD)
        index: dict[bytes, int] = {}
        always = 0
        patterns: list[tuple[re.Pattern[str] | str, int]] = []
        for b in self.slots:
            bit = 1 << b.slot
            if not b.rule.gated:
                always |= bit
            for word in b.rule.keywords or ():
                index[word] = index.get(word, 0) | bit
            for pattern in b.rule.patterns:
                patterns.append((pattern, bit))
        self.index = index
        self.always = always
        self.patterns = tuple(patterns)
        self._slot_cache: dict[int, tuple[int, ...]] = {}

    def mask(self, kw: Sequence[bytes], text: str) -> int:
        """Prefilter mask of a block: the bits of the block rules that may act on it."""
        m = self.always
        index = self.index
        hits = index.keys() & kw
        for word in hits:
            m |= index[word]
        for pattern, bit in self.patterns:
            if not m & bit and (pattern in text if isinstance(pattern, str) else pattern.search(text)):
                m |= bit
        return m

    def slots_of(self, mask: int) -> tuple[int, ...]:
        s = self._slot_cache.get(mask)
        if s is None:
            s = tuple(i for i in range(len(self.slots)) if mask >> i & 1)
            self._slot_cache[mask] = s
        return s

    def run(self, doc: Document) -> Page:
        return _Run(self, doc).run()


# --- working state -----------------------------------------------------------------------------


class _Entry:
    """A block as the engine works on it: the current ``Block`` plus its source pieces."""

    __slots__ = ("block", "pieces", "family", "value", "alive", "after", "pos", "mask")

    def __init__(self, block: Block, pieces: list[tuple[int, int]], family: int, pos: int, mask: int) -> None:
        self.block = block
        self.pieces = pieces  # source ranges; the text is them joined by one space
        self.family = family  # index of the parsed block it descends from (splits share it)
        self.value: tuple[int, int] | None = None  # for sidebar blocks: the part of the text that is the value
        self.alive = True  # False once it has left the flow (dropped, titled, filed)
        self.after: list[_Entry] | None = None  # blocks split off it, not yet in the list
        self.pos = pos  # order in the page
        self.mask = mask  # prefilter mask of its current text


_by_pos = attrgetter("pos")
_start_end = itemgetter(0, 1)


def _join(source: str, pieces: list[tuple[int, int]]) -> str:
    if len(pieces) == 1:
        s, e = pieces[0]
        return source[s:e]
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
    """One page: the live blocks, the worklists, the trace, and what was filed where."""

    def __init__(self, engine: Engine, doc: Document) -> None:
        self.engine = engine
        self.doc = doc
        self.src = doc.text
        self.config = engine.config
        self.live: list[_Entry] = []
        self.pending: list[set[_Entry]] = [set() for _ in engine.slots]
        index, always = engine.index, engine.always
        keys = index.keys()
        live = self.live
        for i, b in enumerate(doc.blocks):
            m = always
            if not keys.isdisjoint(b._kw):
                for word in keys & b._kw:
                    m |= index[word]
            live.append(_Entry(b, [(b.start, b.end)], i, i, m))
        self._scan_patterns()
        for e in self.live:
            if e.mask:
                for slot in engine.slots_of(e.mask):
                    self.pending[slot].add(e)
        self.family_cut = [0] * len(doc.blocks)
        self.family_words: dict[int, int] = {}
        self.removed: list[Removal] = []
        self.trace: list[Step] = []
        self.placed: list[_Placed] = []
        self.title: str | None = None
        self.metadata: dict[str, str] = {}
        self.card_meta: dict[int, dict[str, str]] = {}
        self.card_sections: dict[int, list[str]] = {}
        self.merged: dict[int, int] = {}  # card key -> key of the card it was merged into
        self.generation = 0  # bumped by every change
        # bumped by every change to a body / sidebar block: a context rule runs again only
        # after a change in the zones it reads
        self.zone_generation = {"body": 0, "sidebar": 0}
        self.seen: dict[str, tuple[int, ...]] = {}  # context rule -> zone generations it last ran at
        self.dirty = False  # entries died or split since the list was last tidied
        self.split = False
        self._view: Document | None = None
        self._view_generation = -1

    def _scan_patterns(self) -> None:
        """Set the pattern bits of the prefilter masks: one scan of the page per pattern."""
        engine = self.engine
        if not engine.patterns or not self.live:
            return
        live = self.live
        starts = [e.block.start for e in live]
        src = self.src
        for pattern, bit in engine.patterns:
            if isinstance(pattern, str):  # a literal: str.find is many times faster than a regex scan
                at = src.find(pattern)
                while at >= 0:
                    i = bisect_right(starts, at) - 1
                    if i >= 0 and at + len(pattern) <= live[i].block.end:
                        live[i].mask |= bit
                    at = src.find(pattern, at + 1)
                continue
            for m in pattern.finditer(src):
                i = bisect_right(starts, m.start()) - 1
                if i >= 0 and m.end() <= live[i].block.end:
                    live[i].mask |= bit

    # -- recording --------------------------------------------------------------------------------

    def _step(self, rule: str, action: str, ranges: list[tuple[int, int]], reason: str, text: str = "") -> None:
        start = ranges[0][0] if ranges else 0
        end = ranges[-1][1] if ranges else 0
        self.trace.append(Step(rule, action, text or _join(self.src, ranges), reason, start, end))

    def _remove(self, rule: str, ranges: list[tuple[int, int]], reason: str) -> None:
        for s, e in ranges:
            self.removed.append(Removal(rule, self.src[s:e], reason, s, e))
            self.placed.append((s, e, Dest.REMOVED, None, None))

    def _file(self, entry: _Entry, key: str, value: str) -> tuple[str, int | None, str]:
        """File ``value`` under ``key`` for the page, or for the card a sidebar block is in."""
        b = entry.block
        if b.zone == "sidebar" and b.card is not None and key in CARD_FIELDS:
            store = self.card_meta.setdefault(b.card, {})
            dest: tuple[str, int | None, str] = (Dest.CARD, b.card, key)
        else:
            store = self.metadata
            dest = (Dest.METADATA, None, key)
        if key not in store:
            store[key] = value
        elif value not in store[key].split("; "):
            store[key] = f"{store[key]}; {value}"
        return dest

    # -- changing entries -----------------------------------------------------------------------

    def _bump(self, *zones: str) -> None:
        self.generation += 1
        for zone in zones:
            self.zone_generation[zone] += 1

    def _changed(self, e: _Entry, block: Block, skip: int = -1) -> None:
        """``e`` now holds ``block``: recompute its prefilter mask and queue it again."""
        self._bump(e.block.zone, block.zone)
        e.block = block
        engine = self.engine
        mask = engine.mask(block._kw, block.text)
        e.mask = mask
        if mask:
            pending = self.pending
            for slot in engine.slots_of(mask):
                if slot != skip:
                    pending[slot].add(e)

    def _rebuild(self, e: _Entry, pieces: list[tuple[int, int]], skip: int = -1) -> None:
        e.pieces = pieces
        e.value = None  # a trimmed value no longer lines up once the text changes
        old = e.block
        text = _join(self.src, pieces)
        block = make_block(text, pieces[0][0], pieces[-1][1], old._origin, zone=old.zone, role=old.role,
                           card=old.card, section=old.section)
        self._changed(e, block, skip)

    def _kill(self, e: _Entry) -> None:
        e.alive = False
        self._bump(e.block.zone)
        self.dirty = True

    # -- applying decisions: one applier per decision type ------------------------------------------

    def apply(self, rule: str, e: _Entry, d: Decision, slot: int = -1) -> bool:
        """Apply one decision; False when it changes nothing (the rule is then not asked again)."""
        applier = _APPLIERS.get(type(d))
        if applier is None:
            raise RuleError(f"rule {rule} returned {d!r}, which is not a Decision")
        return applier(self, rule, e, d, slot)

    def _drop(self, rule: str, e: _Entry, d: Drop, slot: int) -> bool:
        self._step(rule, "drop", e.pieces, d.reason, e.block.text)
        self._remove(rule, e.pieces, d.reason)
        self._kill(e)
        return True

    def _merge(self, rule: str, e: _Entry, d: MergeCard, slot: int) -> bool:
        self._step(rule, "merge", e.pieces, d.reason, e.block.text)
        self._remove(rule, e.pieces, d.reason)
        self.card_sections.setdefault(d.into, []).append(d.section)
        if e.block.card is not None:
            self.merged[e.block.card] = d.into
        self._kill(e)
        return True

    def _cut(self, rule: str, e: _Entry, d: Cut, slot: int) -> bool:
        text = e.block.text
        a, b = max(0, d.start), min(len(text), d.end)
        if a >= b:
            return False
        if not text[:a].strip() and not text[b:].strip():
            return self._drop(rule, e, Drop(d.reason), slot)
        cut = _trim(self.src, _select(e.pieces, a, b))
        if not cut:
            return False
        veto = self._veto(e, cut)
        if veto is not None:
            self._step(veto, "veto", cut, f"{rule} would cut too much of {e.block.origin}; kept")
            return False
        self._step(rule, "cut", cut, d.reason)
        self._remove(rule, cut, d.reason)
        self._rebuild(e, _trim(self.src, _select(e.pieces, 0, a) + _select(e.pieces, b, len(text))), slot)
        return True

    def _split(self, rule: str, e: _Entry, d: Split, slot: int) -> bool:
        text = e.block.text
        left = _trim(self.src, _select(e.pieces, 0, d.at))
        right = _trim(self.src, _select(e.pieces, d.at, len(text)))
        if not left or not right:
            return False
        at = right[0][0]
        ls, le = left[-1]
        around = self.src[max(ls, le - 30):le] + "|" + self.src[at:min(right[0][1], at + 30)]
        self._step(rule, "split", [(at, at)], d.reason, text=around)
        old = e.block
        twin = _Entry(old, right, e.family, e.pos, 0)
        self._rebuild(e, left, slot)
        # the twin is new: every rule sees it, this one in its next pass (as a block made after it ran)
        self._rebuild(twin, right)
        if e.after is None:
            e.after = []
        e.after.insert(0, twin)  # splits apply right to left: the newest twin comes first
        self.dirty = self.split = True
        return True

    def _meta(self, rule: str, e: _Entry, d: ToMeta, slot: int) -> bool:
        text = e.block.text
        a, b = d.span if d.span is not None else (0, len(text))
        va, vb = d.value if d.value is not None else (a, b)
        moved = _trim(self.src, _select(e.pieces, a, b))
        value = " ".join(text[va:vb].split())
        if not moved or not value:
            return False
        kind, where, key = self._file(e, d.key, value)
        self._step(rule, "meta", moved, f"{d.reason} -> {d.key}")
        self.placed.extend((s, t, kind, where, key) for s, t in moved)
        rest = _trim(self.src, _select(e.pieces, 0, a) + _select(e.pieces, b, len(text)))
        if rest:
            self._rebuild(e, rest, slot)
        else:
            self._kill(e)
        return True

    def _title(self, rule: str, e: _Entry, d: ToTitle, slot: int) -> bool:
        if self.title is not None:
            return False
        text = e.block.text
        end = len(text) if d.end is None else d.end
        title = _trim(self.src, _select(e.pieces, 0, end))
        if not title:
            return False
        self.title = " ".join(text[:end].split())
        self._step(rule, "title", title, d.reason)
        self.placed.extend((s, t, Dest.TITLE, None, None) for s, t in title)
        suffix = _trim(self.src, _select(e.pieces, end, len(text)))
        for key, va, vb in d.meta:
            value = " ".join(text[va:vb].split())
            if value:
                self.metadata.setdefault(key, value)
                self._step(rule, "meta", suffix, f"title suffix -> {key}", text=value)
        if d.meta:
            self.placed.extend((s, t, Dest.METADATA, None, d.meta[0][0]) for s, t in suffix)
        else:
            self.placed.extend((s, t, Dest.TITLE, None, None) for s, t in suffix)
        self._kill(e)
        return True

    def _sidebar(self, rule: str, e: _Entry, d: ToSidebar, slot: int) -> bool:
        if d.role not in CARD_FIELDS and d.role != "heading":
            raise RuleError(f"rule {rule} gave sidebar role {d.role!r}; roles are {sorted(CARD_FIELDS)} or 'heading'")
        b = e.block
        if b.zone == "sidebar":
            return False
        if d.role == "heading":  # the heading lives on as the section of its cards
            self._step(rule, "sidebar", e.pieces, d.reason, b.text)
            self.placed.extend((s, t, Dest.CARD, d.card, "section") for s, t in e.pieces)
            self._kill(e)
            return True
        e.value = d.value
        self._step(rule, "sidebar", e.pieces, f"{d.reason} ({d.role})", b.text)
        moved = make_block(b.text, b.start, b.end, b._origin, zone="sidebar", role=d.role, card=d.card,
                           section=d.section, kw=b._kw)
        self._changed(e, moved)
        return True

    def _veto(self, e: _Entry, cut: list[tuple[int, int]]) -> str | None:
        """Name of the guard that vetoes this cut, or None (the cut is then counted)."""
        words = sum(count_words(self.src[s:t]) for s, t in cut)
        total = self.family_words.get(e.family)
        if total is None:
            total = self.family_words[e.family] = self.doc.blocks[e.family].words
        done = self.family_cut[e.family]
        for name, guard in self.engine.guards:
            if guard(total, done, words):
                return name
        self.family_cut[e.family] += words
        return None

    # -- running --------------------------------------------------------------------------------

    def _tidy(self) -> None:
        """Drop entries that left the flow and put split-off ones in place, in one sweep."""
        if not self.dirty:
            return
        out: list[_Entry] = []
        for e in self.live:
            if e.alive:
                out.append(e)
            if e.after:
                out.extend(twin for twin in e.after if twin.alive)
                e.after = None
        self.live = out
        if self.split:
            for i, e in enumerate(out):
                e.pos = i
            self.split = False
        self.dirty = False

    def view(self) -> Document:
        """The page as it is now, as context rules see it (made again only after a change)."""
        self._tidy()
        if self._view is None or self._view_generation != self.generation:
            d = self.doc
            self._view = Document(tuple(e.block for e in self.live), d.text, d.kind, d.url, d.html_title)
            self._view_generation = self.generation
        return self._view

    def _run_block_rule(self, bound: _Bound) -> bool:
        slot = bound.slot
        todo = self.pending[slot]
        if not todo:
            return False
        self.pending[slot] = set()
        rule, fn = bound.rule, bound.fn
        name, zones, bit = rule.name, rule.zones, 1 << slot
        changed = False
        for e in sorted(todo, key=_by_pos):
            for _ in range(_MAX_REPEATS):
                if not e.alive or e.block.zone not in zones or not e.mask & bit:
                    break
                out = fn(e.block)
                if not out:
                    break
                if isinstance(out, Sequence):
                    decisions = _last_first(list(out)) if len(out) > 1 else out
                else:
                    decisions = (out,)
                applied = False
                for d in decisions:
                    if not e.alive:
                        break
                    applied |= self.apply(name, e, d, slot)
                if not applied:
                    break
                changed = True
        if self.split:
            self._tidy()
        return changed

    def _run_context_rule(self, bound: _Bound) -> bool:
        rule = bound.rule
        name = rule.name
        state = tuple(self.zone_generation[z] for z in sorted(rule.zones))
        if self.seen.get(name) == state:
            return False  # nothing changed where it looks since it last looked: it would answer the same
        doc = self.view()
        self.seen[name] = state
        entries = list(self.live)
        by_id: dict[int, _Entry] | None = None
        changed = False
        for target, d in list(bound.fn(doc)):
            if isinstance(target, int):
                e = entries[target]
            else:
                if by_id is None:
                    by_id = {id(x.block): x for x in entries}
                found = by_id.get(id(target))
                if found is None:
                    raise RuleError(f"rule {name} answered for a block that is not in the page it was shown")
                e = found
            if e.alive:
                changed |= self.apply(name, e, d)
        return changed

    def _pass(self, rules: Sequence[_Bound]) -> bool:
        changed = False
        for b in rules:
            changed |= self._run_context_rule(b) if b.rule.context else self._run_block_rule(b)
        return changed

    def _settle(self, group: int = 0) -> None:
        """Run group ``group`` to a fixed point, then the next; rerun from the first group
        whenever a later one changes something."""
        groups = self.engine.groups
        passes = 0
        g = group
        while g < len(groups):
            changed = False
            while self._pass(groups[g]):
                changed = True
                passes += 1
                if passes >= self.config.max_passes:
                    self.trace.append(Step("pipeline.max_passes", "stop", "",
                                           f"stopped after {self.config.max_passes} passes", 0, 0))
                    return
                if g > 0:
                    break  # a later group changed the page: the earlier ones look again
            g = 0 if changed and g > 0 else g + 1

    def run(self) -> Page:
        self._settle()
        self._tidy()
        return self._assemble()

    # -- assembly -------------------------------------------------------------------------------

    def _assemble(self) -> Page:
        paragraphs: list[str] = []
        cards: dict[int, list[_Entry]] = {}
        placed = self.placed
        for e in self.live:
            b = e.block
            if b.zone == "sidebar" and b.card is not None:
                cards.setdefault(b.card, []).append(e)
            else:
                n = len(paragraphs)
                for s, t in e.pieces:
                    placed.append((s, t, Dest.BODY, n, None))
                paragraphs.append(b.text)
        items: list[SidebarItem] = []
        card_index: dict[int, int] = {}
        for key in sorted(cards):
            card_index[key] = len(items)
            items.append(self._item(key, cards[key]))
        provenance = []
        for s, t, kind, where, field in placed:
            if kind == Dest.CARD:
                key = where
                seen = set()
                while key not in card_index and key in self.merged and key not in seen:
                    seen.add(key)
                    key = self.merged[key]
                    field = "sections" if field == "section" else field
                kind, where = Dest.SIDEBAR, card_index.get(key)  # type: ignore[arg-type]
            provenance.append((s, t, kind, where, field))
        provenance.sort(key=_start_end)
        title = self.title
        if title is None and self.doc.kind == "html" and self.doc.html_title:
            title = self.doc.html_title
        removed = sorted(self.removed, key=lambda r: (r.start, r.end))
        return Page(
            title=title, paragraphs=tuple(paragraphs), sidebar=tuple(items), metadata=self.metadata,
            removed=tuple(removed), trace=tuple(self.trace), placements=tuple(provenance),
            source_kind=self.doc.kind, url=self.doc.url, source=self.src,
        )

    def _item(self, key: int, entries: list[_Entry]) -> SidebarItem:
        fields: dict[str, Any] = {}
        summary: list[str] = []
        section = entries[0].block.section
        for e in entries:
            b = e.block
            role = b.role or "summary"
            text = b.text
            if e.value is not None:
                text = text[e.value[0]:e.value[1]].strip()
            self.placed.extend((s, t, Dest.CARD, key, role) for s, t in e.pieces)
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


_APPLIERS: dict[type, Callable[[_Run, str, _Entry, Any, int], bool]] = {
    Drop: _Run._drop,
    MergeCard: _Run._merge,
    Cut: _Run._cut,
    Split: _Run._split,
    ToMeta: _Run._meta,
    ToTitle: _Run._title,
    ToSidebar: _Run._sidebar,
}


def _span(d: Decision) -> tuple[int, int]:
    if isinstance(d, Cut):
        return d.start, d.end
    if isinstance(d, Split):
        return d.at, d.at
    if isinstance(d, ToMeta) and d.span is not None:
        return d.span
    return -1, -1


def _last_first(decisions: list[Decision]) -> list[Decision]:
    """Several edits to one block apply right to left, so earlier offsets stay valid.

    An edit that overlaps one to its right is dropped; the rule is asked again once
    the text has changed.
    """
    out: list[Decision] = []
    left_edge = None
    for d in sorted(decisions, key=_span, reverse=True):
        a, b = _span(d)
        if left_edge is not None and (b > left_edge or (a < 0 and out)):
            continue
        out.append(d)
        left_edge = a
    return out


def decide(name: str, text: str, config: Config | None = None) -> Any:
    """Ask one rule about ``text``, for tests and for exploring a rule by hand.

    A block rule sees ``text`` as one block and gives its decision (the first, if it
    gives several) or None; its prefilter applies, as in the engine. A context rule
    sees ``text`` parsed as a page (one block per line) and gives a list of
    ``(block text, decision)`` pairs.
    """
    from .parse.text import parse_text

    config = config or Config()
    r = registry()[name]
    fn = r.bind(config)
    doc = parse_text(text)
    if r.context:
        out = []
        for target, d in fn(doc):
            block = doc.blocks[target] if isinstance(target, int) else target
            out.append((block.text, d))
        return out
    if len(doc.blocks) != 1:
        raise ValueError(f"a block rule needs exactly one non-blank line, got {len(doc.blocks)}")
    block = doc.blocks[0]
    if not r.passes(block._kw, block.text):
        return None
    out = fn(block)
    if isinstance(out, Sequence):
        return out[0] if out else None
    return out
