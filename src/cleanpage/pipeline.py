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
* A context rule runs again only if something changed since it last ran, and not at
  all while no block of its zones passes its prefilter (if it declares one): the
  blocks that do are kept like a block rule's worklist, but never emptied.
* Block features are computed at most once per block (``model.Block``), and a
  block's position is never stored in it, so nothing has to be rebuilt when a
  block before it goes.
"""

from __future__ import annotations

import re
import time
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import attrgetter, itemgetter
from typing import Any, Union

from .config import Config
from .errors import RuleError
from .model import (
    Block, Cut, Decision, Document, Drop, Join, MergeCard, Page, Placements, Removal, SidebarItem,
    Split, Step, ToMeta, ToSidebar, ToTitle, like_block, moved_block,
)
from .registry import Rule, Stage, enabled_rules, registry
from .text import SHARE_KEYWORDS_FROM, count_words, keywords

BlockFn = Callable[[Block], Union[Decision, Sequence[Decision], None]]
ContextFn = Callable[[Document], Iterable[tuple[Union[Block, int], Decision]]]

CARD_FIELDS = frozenset(("title", "summary", "source", "age", "label", "category", "dateline", "credit", "url"))
_MAX_REPEATS = 10_000  # a rule that never settles on one block is stopped there
_PACK_FROM = 2_000  # paragraphs: a page with more keeps its placements packed (``model.Placements``)
_SHORT_CHARS = 40  # a block of at most this many characters shares its features with its twins (``_Run._block``)


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
    slot: int  # bit of the rule in prefilter masks (block rules and context rules with a prefilter)


class Engine:
    """Rules bound to one ``Config``, with their prefilter index. Immutable; shared by threads."""

    def __init__(self, config: Config) -> None:
        self.config = config
        rules = enabled_rules(config)
        block_rules = [r for r in rules if not r.context and Stage.GUARD < r.stage < Stage.FINAL]
        # a context rule's prefilter is a precondition on the page (see ``registry``): its bit in
        # the blocks' masks finds the blocks that meet it, as a block rule's finds its worklist
        gated_context = [r for r in rules if r.context and r.gated and Stage.GUARD < r.stage]
        self.slots = tuple(_Bound(r, r.bind(config), i) for i, r in enumerate(block_rules + gated_context))
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
        # the zones each context rule reads, in a fixed order: the zone generations it last ran at
        self.zones_of = {b.rule.name: tuple(sorted(b.rule.zones)) for g in self.groups for b in g if b.rule.context}
        self.guards = tuple((r.name, r.bind(config)) for r in rules if r.stage == Stage.GUARD and not r.context)
        # page guards: context rules of the GUARD stage, asked once per page before the passes;
        # each answers (rule name or family, reason) pairs: the rules it vetoes on this page
        self.page_guards = tuple((r.name, r.bind(config)) for r in rules if r.stage == Stage.GUARD and r.context)
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
        # the words of the index as a set: ``frozenset.isdisjoint`` of a block's keyword list is a
        # third faster than ``dict.keys().isdisjoint``, and _Run.__init__ asks it of every block
        self.words = frozenset(index)
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

    def run(self, doc: Document, deadline: float | None = None) -> Page:
        """Clean ``doc``; past ``deadline`` (a ``time.monotonic()`` value) the rules stop
        between two rules and the page is assembled as it stands (see ``_Run._settle``)."""
        return _Run(self, doc, deadline).run()


# --- working state -----------------------------------------------------------------------------


_by_start = attrgetter("start")
_start_end = itemgetter(0, 1)


# The Step and Removal of an applied decision, made by setting their slots directly: the
# same objects as Step(...) and Removal(...), without the frozen dataclass __init__'s
# object.__setattr__ per field, which cost half the time of a drop (lines.score drops ~140
# lines a page, each recorded by a Step and a Removal). tests/test_engine.py checks they agree.
_new = object.__new__
_STEP_SLOTS = tuple(Step.__dict__[f].__set__ for f in ("rule", "action", "text", "reason", "start", "end"))
_REMOVAL_SLOTS = tuple(Removal.__dict__[f].__set__ for f in ("rule", "text", "reason", "start", "end", "path"))


def _new_step(rule: str, action: str, text: str, reason: str, start: int, end: int) -> Step:
    """``Step(rule, action, text, reason, start, end)``."""
    s = _new(Step)
    set_rule, set_action, set_text, set_reason, set_start, set_end = _STEP_SLOTS
    set_rule(s, rule)
    set_action(s, action)
    set_text(s, text)
    set_reason(s, reason)
    set_start(s, start)
    set_end(s, end)
    return s


def _new_removal(rule: str, text: str, reason: str, start: int, end: int, path: str | None) -> Removal:
    """``Removal(rule, text, reason, start, end, path)``."""
    r = _new(Removal)
    set_rule, set_text, set_reason, set_start, set_end, set_path = _REMOVAL_SLOTS
    set_rule(r, rule)
    set_text(r, text)
    set_reason(r, reason)
    set_start(r, start)
    set_end(r, end)
    set_path(r, path)
    return r


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


def _stripped(source: str, s: int, e: int) -> tuple[int, int]:
    """``source[s:e]`` without leading and trailing whitespace, as a range (empty: s == e)."""
    while s < e and source[s].isspace():
        s += 1
    while e > s and source[e - 1].isspace():
        e -= 1
    return s, e


def _trim(source: str, ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop leading/trailing whitespace of each range, and ranges left empty."""
    out = []
    for s, e in ranges:
        s, e = _stripped(source, s, e)
        if s < e:
            out.append((s, e))
    return out


class _Run:
    """One page: the live blocks, the worklists, the trace, and what was filed where.

    ``live`` holds the page's blocks in order. A block is never edited: a change makes a
    new block that replaces it (``replaced``), and a block that leaves the flow is
    ``gone``. What the engine must remember about a block is kept beside it, and only
    for the few blocks that need it: the source pieces of an edited block, the value
    span of a sidebar field, the parsed block it descends from, the blocks split off it,
    and its prefilter mask. Blocks sort by ``start``: their source ranges never overlap.
    """

    def __init__(self, engine: Engine, doc: Document, deadline: float | None = None) -> None:
        self.engine = engine
        self.deadline = deadline
        self.expired = False
        self.doc = doc
        self.src = doc.text
        self.config = engine.config
        self.live: list[Block] = list(doc.blocks)
        # per slot: a block rule's worklist; a context rule's blocks that pass its prefilter,
        # never emptied (those gone since are skipped, and dropped by ``_forget``)
        self.pending: list[set[Block]] = [set() for _ in engine.slots]
        self.pieces: dict[Block, list[tuple[int, int]]] = {}  # when not [(start, end)]
        self.value: dict[Block, tuple[int, int]] = {}  # sidebar blocks: the part that is the value
        self.after: dict[Block, list[Block]] = {}  # blocks split off it, not yet in ``live``
        self.mask: dict[Block, int] = {}  # prefilter masks that are not 0
        self.replaced: dict[Block, Block] = {}  # old block -> the block that took its place
        self.gone: set[Block] = set()  # replaced or left the flow: skipped wherever it is still queued
        self.dead: set[Block] = set()  # left the flow
        self.parsed: set[Block] | None = None  # the parser's blocks, once ``_forget`` needs them
        self.retired = 0  # blocks gone since ``_forget`` last ran
        self.changed: list[Block] = []  # blocks gone since ``live`` was tidied (``_tidy``)
        # a big page: one bytes object per distinct keyword in the blocks the engine makes, as in
        # ``parse.text`` (the versions of the edited blocks of a 5 MB line held 1.1 million)
        self.share = {}.setdefault if len(self.src) > SHARE_KEYWORDS_FROM else None
        self.short: dict[str, tuple[list[bytes], int]] = {}  # a short text's keywords and words (``_block``)
        self.short_masks: dict[str, tuple[int, tuple[int, ...]]] = {}  # a short text's prefilter mask and slots
        index, always, mask = engine.index, engine.always, self.mask
        keys, names_none = index.keys(), engine.words.isdisjoint
        for b in self.live:
            if not names_none(b._kw):
                m = always
                for word in keys & b._kw:
                    m |= index[word]
                mask[b] = m
            elif always:
                mask[b] = always
        self._scan_patterns()
        pending, slots_of = self.pending, engine.slots_of
        for b, m in mask.items():
            for slot in slots_of(m):
                pending[slot].add(b)
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
        self.dirty = False  # blocks were replaced, left or split since ``live`` was tidied
        self.vetoed: frozenset[str] = frozenset()  # rules and families a page guard vetoed
        self._view: Document | None = None
        self._view_generation = -1

    def _scan_patterns(self) -> None:
        """Set the pattern bits of the prefilter masks: one scan of the page per pattern.

        A block is marked once per pattern: the scan goes on from its end, so a long line with
        a hit every few characters (1 MB of "a.Aa.A") costs one search per block, and no list
        of its hits is held."""
        engine = self.engine
        if not engine.patterns or not self.live:
            return
        live, mask, src = self.live, self.mask, self.src
        starts = [b.start for b in live]
        for pattern, bit in engine.patterns:
            literal = isinstance(pattern, str)  # str.find is many times faster than a regex scan
            search = src.find if literal else pattern.search
            pos = 0
            while True:
                if literal:
                    at = search(pattern, pos)
                    if at < 0:
                        break
                    end = at + len(pattern)
                else:
                    m = search(src, pos)
                    if m is None:
                        break
                    at, end = m.span()
                i = bisect_right(starts, at) - 1
                if i >= 0 and end <= live[i].end:
                    b = live[i]
                    mask[b] = mask.get(b, 0) | bit
                    pos = max(b.end, at + 1)
                else:
                    pos = at + 1

    def _pieces(self, b: Block) -> list[tuple[int, int]]:
        p = self.pieces.get(b)
        return p if p is not None else [(b.start, b.end)]

    def current(self, b: Block) -> Block | None:
        """The block that stands for ``b`` now, or None if it left the flow."""
        while b in self.gone:
            if b in self.dead:
                return None
            b = self.replaced[b]
        return b

    # -- recording --------------------------------------------------------------------------------

    def _step(self, rule: str, action: str, ranges: list[tuple[int, int]], reason: str, text: str = "") -> None:
        start = ranges[0][0] if ranges else 0
        end = ranges[-1][1] if ranges else 0
        self.trace.append(_new_step(rule, action, text or _join(self.src, ranges), reason, start, end))

    def _remove(self, rule: str, ranges: list[tuple[int, int]], reason: str, b: Block) -> None:
        o = b._origin
        path = None if isinstance(o, int) else o.path  # HTML: the element the text was in
        for s, e in ranges:
            self.removed.append(_new_removal(rule, self.src[s:e], reason, s, e, path))
            self.placed.append((s, e, Dest.REMOVED, None, None))

    def _file(self, b: Block, key: str, value: str) -> tuple[str, int | None, str]:
        """File ``value`` under ``key`` for the page, or for the card a sidebar block is in."""
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

    # -- changing blocks ------------------------------------------------------------------------

    def _bump(self, *zones: str) -> None:
        self.generation += 1
        for zone in zones:
            self.zone_generation[zone] += 1

    def _queue(self, b: Block, skip: int = -1, mask: int = -1) -> None:
        """Compute ``b``'s prefilter mask and put it on the worklists of the rules it passes.

        ``mask``: the mask of a block of the same text, when the caller knows it (a block moved
        to the sidebar keeps its text: ``_sidebar`` moves 18 a page)."""
        engine = self.engine
        text = b.text
        if mask >= 0:
            m = mask
            slots = engine.slots_of(m)
        elif len(text) <= _SHORT_CHARS:  # see ``_block``
            known = self.short_masks.get(text)
            if known is None:
                m = engine.mask(b._kw, text)
                known = self.short_masks[text] = (m, engine.slots_of(m))
            m, slots = known
        else:
            m = engine.mask(b._kw, text)
            slots = engine.slots_of(m)
        if m:
            self.mask[b] = m
            pending = self.pending
            for slot in slots:
                if slot != skip:
                    pending[slot].add(b)

    def _retire(self, b: Block) -> None:
        """``b`` is gone: skipped wherever it is still queued, and forgotten by a later
        ``_tidy``, so that the versions of an edited block do not pile up (a 5 MB page kept
        57 MB of keyword lists of superseded versions)."""
        self.gone.add(b)
        self.changed.append(b)
        self.retired += 1

    def _replace(self, old: Block, new: Block, pieces: list[tuple[int, int]] | None, skip: int = -1,
                 mask: int = -1) -> None:
        """``new`` takes the place of ``old``: carry over what is kept beside it, and queue it
        (``mask``: its prefilter mask, when known; see ``_queue``)."""
        self._bump(old.zone, new.zone)
        self.replaced[old] = new
        self._retire(old)
        if pieces is not None and not (len(pieces) == 1 and pieces[0] == (new.start, new.end)):
            self.pieces[new] = pieces
        twins = self.after.pop(old, None)
        if twins:
            self.after[new] = twins
        self.dirty = True
        self._queue(new, skip, mask)

    def _rebuild(self, old: Block, pieces: list[tuple[int, int]], skip: int = -1) -> Block:
        """A block of ``old``'s kind made of ``pieces`` of the source takes ``old``'s place."""
        new = self._made(pieces, old)
        self._replace(old, new, pieces, skip)
        return new

    def _made(self, pieces: list[tuple[int, int]], like: Block) -> Block:
        """A new block of ``like``'s kind (origin, zone, card) made of ``pieces`` of the source."""
        return self._block(_join(self.src, pieces), pieces[0][0], pieces[-1][1], like)

    def _block(self, text: str, start: int, end: int, like: Block) -> Block:
        """A new block of ``like``'s kind holding ``text``, from ``start`` to ``end`` of the source."""
        if len(text) <= _SHORT_CHARS:
            # the features of a short text are worked out once a page, and its keyword list is shared:
            # splitting 1 MB of "a.A" made 333,333 blocks whose keyword lists took 231 bytes each
            facts = self.short.get(text)
            if facts is None:
                facts = self.short[text] = (keywords(text), count_words(text))
            kw, words = facts
        else:
            kw, words = keywords(text), -1
            share = self.share
            if share is not None:
                kw = list(map(share, kw, kw))
        return like_block(like, text, start, end, kw, words)

    def _kill(self, b: Block) -> None:
        self.dead.add(b)
        self._retire(b)
        self._bump(b.zone)
        self.dirty = True

    # -- applying decisions: one applier per decision type ------------------------------------------

    def apply(self, rule: str, b: Block, d: Decision, slot: int = -1) -> bool:
        """Apply one decision; False when it changes nothing (the rule is then not asked again)."""
        applier = _APPLIERS.get(type(d))
        if applier is None:
            raise RuleError(f"rule {rule} returned {d!r}, which is not a Decision")
        return applier(self, rule, b, d, slot)

    def _drop(self, rule: str, b: Block, d: Drop, slot: int) -> bool:
        return self._drop_all(rule, ((b, d),))

    def _drop_all(self, rule: str, drops: Iterable[tuple[Block, Drop]]) -> bool:
        """``_drop`` of each (block, drop) of ``drops`` in turn, a block that has left by then
        skipped: the steps, removals and placements of ``_step``, ``_remove`` and ``_kill``,
        recorded without a call of each per block. A context rule's run of drops comes here
        in one go (``lines.score`` drops about 180 lines of a page)."""
        src, trace, removed, placed = self.src, self.trace, self.removed, self.placed
        pieces_of, gone, dead, zones = self.pieces, self.gone, self.dead, self.zone_generation
        changed = self.changed
        dropped = 0
        for b, d in drops:
            if b in gone:
                b = self.current(b)
                if b is None:
                    continue
            reason = d.reason
            ranges = pieces_of.get(b)
            if ranges is None:
                ranges = [(b.start, b.end)]
            start, end = (ranges[0][0], ranges[-1][1]) if ranges else (0, 0)
            trace.append(_new_step(rule, "drop", b.text or _join(src, ranges), reason, start, end))
            o = b._origin
            path = None if isinstance(o, int) else o.path  # HTML: the element the text was in
            for s, e in ranges:
                removed.append(_new_removal(rule, src[s:e], reason, s, e, path))
                placed.append((s, e, Dest.REMOVED, None, None))
            dead.add(b)  # as _kill: gone for good, and a change of its zone
            gone.add(b)
            changed.append(b)
            zones[b.zone] += 1
            dropped += 1
        if not dropped:
            return False
        self.retired += dropped
        self.generation += dropped
        self.dirty = True
        return True

    def _merge(self, rule: str, b: Block, d: MergeCard, slot: int) -> bool:
        pieces = self._pieces(b)
        self._step(rule, "merge", pieces, d.reason, b.text)
        self._remove(rule, pieces, d.reason, b)
        self.card_sections.setdefault(d.into, []).append(d.section)
        if b.card is not None:
            self.merged[b.card] = d.into
        self._kill(b)
        return True

    def _cut(self, rule: str, b: Block, d: Cut, slot: int) -> bool:
        text = b.text
        lo, hi = max(0, d.start), min(len(text), d.end)
        if lo >= hi:
            return False
        if not text[:lo].strip() and not text[hi:].strip():
            return self._drop(rule, b, Drop(d.reason), slot)
        pieces = self._pieces(b)
        cut = _trim(self.src, _select(pieces, lo, hi))
        if not cut:
            return False
        veto, _ = self._veto(b.words, cut)
        if veto is not None:
            self._step(veto, "veto", cut, f"{rule} would cut too much of {b.origin}; kept")
            return False
        self._step(rule, "cut", cut, d.reason)
        self._remove(rule, cut, d.reason, b)
        self._rebuild(b, _trim(self.src, _select(pieces, 0, lo) + _select(pieces, hi, len(text))), slot)
        return True

    def _split(self, rule: str, b: Block, d: Split, slot: int) -> bool:
        text = b.text
        pieces = self._pieces(b)
        left = _trim(self.src, _select(pieces, 0, d.at))
        right = _trim(self.src, _select(pieces, d.at, len(text)))
        if not left or not right:
            return False
        at = right[0][0]
        ls, le = left[-1]
        around = self.src[max(ls, le - 30):le] + "|" + self.src[at:min(right[0][1], at + 30)]
        self._step(rule, "split", [(at, at)], d.reason, text=around)
        new = self._rebuild(b, left, slot)
        # the twin is new: every rule sees it, this one in its next pass (as a block made after it ran)
        twin = self._made(right, b)
        if not (len(right) == 1 and right[0] == (twin.start, twin.end)):
            self.pieces[twin] = right
        self._queue(twin)
        self.after.setdefault(new, []).insert(0, twin)  # splits apply right to left: the newest twin first
        return True

    def _split_all(self, rule: str, b: Block, splits: Sequence[Split], slot: int) -> bool:
        """``_split`` for each of ``splits`` (right to left), making only the final blocks.

        Splitting right to left never moves the offsets further left, so every split is
        worked out on the source ranges of the original block.
        """
        src, text, pieces = self.src, b.text, self._pieces(b)
        if len(pieces) == 1:
            return self._split_range(rule, b, pieces[0][0], splits, slot)
        end = len(text)  # the block left after the splits so far is text[:end]
        parts: list[list[tuple[int, int]]] = []
        trace = self.trace
        for d in splits:
            left = _trim(src, _select(pieces, 0, d.at))
            right = _trim(src, _select(pieces, d.at, end))
            if not left or not right:
                continue
            at, re_ = right[0]
            ls, le = left[-1]
            around = src[max(ls, le - 30):le] + "|" + src[at:min(re_, at + 30)]
            trace.append(Step(rule, "split", around, d.reason, at, at))
            parts.append(right)
            end = d.at
        if not parts:
            return False
        new = self._rebuild(b, _trim(src, _select(pieces, 0, end)), slot)
        twins = self.after.setdefault(new, [])
        for right in reversed(parts):
            twin = self._made(right, b)
            if not (len(right) == 1 and right[0] == (twin.start, twin.end)):
                self.pieces[twin] = right
            self._queue(twin)
            twins.append(twin)
        return True

    def _split_range(self, rule: str, b: Block, start: int, splits: Sequence[Split], slot: int) -> bool:
        """``_split_all`` of a block that is one range of the source, from ``start``: the same
        steps and blocks, worked out on offsets, with no lists per split (1 MB of "a.A" on one
        line is 333,333 splits).

        Each part keeps the stripped range ``_trim(_select(...))`` would give it: the part left
        of a split starts at the block's first visible character, the part right of it ends
        before the previous split, and neither holds blank space at its ends.
        """
        src = self.src
        n = len(b.text)
        lead = start  # the block's first visible character: where each left part starts
        while lead < start + n and src[lead].isspace():
            lead += 1
        end = n  # the block left after the splits so far is its text[:end]
        # the parts split off, right to left: start, end of each, flat (a tuple each took 120 bytes);
        # a part's start is its step's offset, one int object for both
        rights: list[int] = []
        trace = self.trace
        for d in splits:
            at = d.at
            if at <= 0 or at >= end:
                continue
            le = start + at
            if lead >= le:
                continue  # nothing visible left of the split
            while src[le - 1].isspace():  # stops after ``lead`` at the latest
                le -= 1
            re_ = start + end
            at += start
            while at < re_ and src[at].isspace():
                at += 1
            if at == re_:
                continue  # nothing visible right of it
            while src[re_ - 1].isspace():  # stops after ``at`` at the latest
                re_ -= 1
            trace.append(Step(rule, "split", src[max(lead, le - 30):le] + "|" + src[at:min(re_, at + 30)],
                              d.reason, at, at))
            rights.append(at)
            rights.append(re_)
            end = d.at
        if not rights:
            return False
        new = self._rebuild(b, _trim(src, [(start, start + end)]), slot)
        twins = self.after.setdefault(new, [])
        queue = self._queue
        for k in range(len(rights) - 2, -1, -2):
            s, e = rights[k], rights[k + 1]
            twin = self._block(src[s:e], s, e, b)  # its one range is its text: no pieces kept beside it
            queue(twin)
            twins.append(twin)
        return True

    def _cut_all(self, rule: str, b: Block, cuts: Sequence[Cut], slot: int) -> bool:
        """``_cut`` for each of ``cuts`` (right to left), making only the final block."""
        src, text = self.src, b.text
        pieces = self._pieces(b)
        size = len(text)  # length of the text the cuts so far have left
        words = b.words  # and its words: each cut is judged against what is left
        changed = False
        for d in cuts:
            lo, hi = max(0, d.start), min(size, d.end)
            if lo >= hi:
                continue
            rest = _trim(src, _select(pieces, hi, size))
            if not text[:lo].strip() and not rest:
                # nothing left of the block: it goes as a whole
                if changed:
                    b = self._rebuild(b, pieces, slot)
                return self._drop(rule, b, Drop(d.reason), slot)
            cut = _trim(src, _select(pieces, lo, hi))
            if not cut:
                continue
            veto, cutting = self._veto(words, cut)
            if veto is not None:
                self._step(veto, "veto", cut, f"{rule} would cut too much of {b.origin}; kept")
                continue
            words -= cutting
            self._step(rule, "cut", cut, d.reason)
            self._remove(rule, cut, d.reason, b)
            pieces = _trim(src, _select(pieces, 0, lo) + rest)
            size = sum(t - s for s, t in pieces) + len(pieces) - 1
            changed = True
        if changed:
            self._rebuild(b, pieces, slot)
        return changed

    def _join_lines(self, rule: str, b: Block, d: Join, slot: int) -> bool:
        rest = [self.current(r) for r in d.rest]
        after = self.after
        if not rest or b in after or any(r is None or r is b or r.zone != b.zone or r in after for r in rest):
            return False  # a line of the paragraph left, moved or was split since the rule looked
        blocks = [b, *rest]  # type: ignore[list-item]
        if any(x.start >= y.start for x, y in zip(blocks, blocks[1:])):
            raise RuleError(f"rule {rule} asked to join blocks out of page order: {[x.text[:30] for x in blocks]!r}")
        pieces = [p for x in blocks for p in self._pieces(x)]
        self._step(rule, "join", pieces, d.reason)
        self._rebuild(b, pieces, slot)
        for r in rest:
            self._kill(r)  # its text lives on in the joined block: placed there, not removed
        return True

    def _meta(self, rule: str, b: Block, d: ToMeta, slot: int) -> bool:
        text = b.text
        lo, hi = d.span if d.span is not None else (0, len(text))
        va, vb = d.value if d.value is not None else (lo, hi)
        pieces = self._pieces(b)
        moved = _trim(self.src, _select(pieces, lo, hi))
        value = " ".join(text[va:vb].split())
        if not moved or not value:
            return False
        kind, where, key = self._file(b, d.key, value)
        self._step(rule, "meta", moved, f"{d.reason} -> {d.key}")
        self.placed.extend((s, t, kind, where, key) for s, t in moved)
        rest = _trim(self.src, _select(pieces, 0, lo) + _select(pieces, hi, len(text)))
        if rest:
            self._rebuild(b, rest, slot)
        else:
            self._kill(b)
        return True

    def _title(self, rule: str, b: Block, d: ToTitle, slot: int) -> bool:
        if self.title is not None:
            return False
        text = b.text
        end = len(text) if d.end is None else d.end
        pieces = self._pieces(b)
        title = _trim(self.src, _select(pieces, 0, end))
        if not title:
            return False
        self.title = " ".join(text[:end].split())
        self._step(rule, "title", title, d.reason)
        self.placed.extend((s, t, Dest.TITLE, None, None) for s, t in title)
        suffix = _trim(self.src, _select(pieces, end, len(text)))
        for key, va, vb in d.meta:
            value = " ".join(text[va:vb].split())
            if value:
                self.metadata.setdefault(key, value)
                self._step(rule, "meta", suffix, f"title suffix -> {key}", text=value)
        if d.meta:
            self.placed.extend((s, t, Dest.METADATA, None, d.meta[0][0]) for s, t in suffix)
        else:
            self.placed.extend((s, t, Dest.TITLE, None, None) for s, t in suffix)
        self._kill(b)
        return True

    def _sidebar(self, rule: str, b: Block, d: ToSidebar, slot: int) -> bool:
        if d.role not in CARD_FIELDS and d.role != "heading":
            raise RuleError(f"rule {rule} gave sidebar role {d.role!r}; roles are {sorted(CARD_FIELDS)} or 'heading'")
        if b.zone == "sidebar":
            return False
        pieces = self._pieces(b)
        if d.role == "heading":  # the heading lives on as the section of its cards
            self._step(rule, "sidebar", pieces, d.reason, b.text)
            self.placed.extend((s, t, Dest.CARD, d.card, "section") for s, t in pieces)
            self._kill(b)
            return True
        self._step(rule, "sidebar", pieces, f"{d.reason} ({d.role})", b.text)
        moved = moved_block(b, "sidebar", d.role, d.card, d.section)
        # a block's mask depends on its text and keywords alone, and the moved block keeps both
        self._replace(b, moved, pieces, mask=self.mask.get(b, 0))
        if d.value is not None:
            self.value[moved] = d.value
        return True

    def _veto(self, block_words: int, cut: list[tuple[int, int]]) -> tuple[str | None, int]:
        """The guard that vetoes this cut from a block of ``block_words`` (or None), and the words it cuts.

        The block is judged as it stands, which is what the body will hold: cleaning
        the body again meets the same block and the same answer.
        """
        words = sum(count_words(self.src[s:t]) for s, t in cut)
        for name, guard in self.engine.guards:
            if guard(block_words, words):
                return name, words
        return None, words

    # -- running --------------------------------------------------------------------------------

    def _tidy(self) -> None:
        """Put replacements and split-off blocks in place and drop what left, in one sweep."""
        if not self.dirty:
            return
        gone, current, changed = self.gone, self.current, self.changed
        if not self.after and 8 * len(changed) < len(self.live):
            self._tidy_few(changed)
            return
        # each block, or the block that took its place (None: it left); then without those that left
        out = [b if b not in gone else current(b) for b in self.live]
        if self.dead:
            out = [b for b in out if b is not None]
        changed.clear()
        if self.after:  # split-off blocks, even of blocks that have left since
            for twins in self.after.values():
                for t in twins:
                    t = current(t)
                    if t is not None:
                        out.append(t)
            self.after.clear()
            out.sort(key=_by_start)  # source ranges never overlap: start order is page order
        self.live = out
        self.dirty = False
        if self.retired >= 64 and 4 * self.retired >= len(gone):  # a few cost nothing kept; forgetting costs time
            self._forget(gone)

    def _tidy_few(self, changed: list[Block]) -> None:
        """``_tidy`` when only a few blocks went and none was split: each found by its start
        and put right in place, instead of a new ``live`` (a context rule's few moves or drops
        between two views, as on most pages)."""
        live, current = self.live, self.current
        left: list[int] = []
        for b in changed:
            # live is in start order, and the block that took a block's place starts within its range
            i = bisect_left(live, b.start, key=_by_start)
            if i < len(live) and live[i] is b:  # else it was made and retired since the last tidy
                cur = current(b)
                if cur is None:
                    left.append(i)
                else:
                    live[i] = cur
        for i in sorted(left, reverse=True):
            del live[i]
        changed.clear()
        self.dirty = False
        if self.retired >= 64 and 4 * self.retired >= len(self.gone):
            self._forget(self.gone)

    def _forget(self, gone: set[Block]) -> None:
        """Forget the blocks that are gone, and what was kept beside them, once ``live`` no
        longer holds them (run from ``_tidy``); they leave the worklists here. Only a parsed
        block may still be named (a context rule may answer for ``Document.analysis``'s
        blocks), so each of those keeps a pointer straight to the block that stands for it now."""
        if self.parsed is None:
            self.parsed = set(self.doc.blocks)
        parsed, replaced, pieces, value, dead = self.parsed, self.replaced, self.pieces, self.value, self.dead
        mask, pending, slots_of = self.mask, self.pending, self.engine.slots_of
        now = {b: self.current(b) for b in gone if b in parsed}
        for b in gone:
            replaced.pop(b, None)
            pieces.pop(b, None)
            value.pop(b, None)
            m = mask.pop(b, 0)
            if m:  # off the worklists it may still be on (where it would be skipped, as gone)
                for slot in slots_of(m):
                    pending[slot].discard(b)
        self.retired = 0
        gone.clear()
        dead.clear()
        for b, cur in now.items():
            gone.add(b)
            if cur is None:
                dead.add(b)
            else:
                replaced[b] = cur

    def view(self) -> Document:
        """The page as it is now, as context rules see it (made again only after a change)."""
        self._tidy()
        if self._view is None or self._view_generation != self.generation:
            d = self.doc
            self._view = Document(tuple(self.live), d.text, d.kind, d.url, d.found, d.analysis)
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
        gone, mask = self.gone, self.mask
        changed = False
        deadline = self.deadline
        for b in sorted(todo, key=_by_start):
            if deadline is not None and time.monotonic() > deadline:
                self.expired = True  # a rule over a long page must not run on past the deadline
                break
            for _ in range(_MAX_REPEATS):
                if b in gone or b.zone not in zones or not mask.get(b, 0) & bit:
                    break
                out = fn(b)
                if not out:
                    break
                if type(out) in _APPLIERS:  # one decision (decisions are tuples themselves)
                    decisions = (out,)
                elif len(out) > 1:
                    decisions = _last_first(list(out))
                else:
                    decisions = out
                applied = False
                kind = type(decisions[0])
                if len(decisions) > 1 and kind in (Split, Cut) and all(type(d) is kind for d in decisions):
                    # many edits of one block (a long line): applied on its source ranges in one go
                    applied = (self._split_all if kind is Split else self._cut_all)(name, b, decisions, slot)
                else:
                    for d in decisions:
                        cur = self.current(b)
                        if cur is None:
                            break
                        applied |= self.apply(name, cur, d, slot)
                if not applied:
                    break
                changed = True
                b = self.current(b)
                if b is None:
                    break
        return changed

    def _run_context_rule(self, bound: _Bound) -> bool:
        rule = bound.rule
        name = rule.name
        state = tuple(map(self.zone_generation.__getitem__, self.engine.zones_of[name]))
        if self.seen.get(name) == state or (rule.once and name in self.seen):
            return False  # nothing changed where it looks since it last looked: it would answer the same
        if bound.slot >= 0 and not self._may_act(bound):
            self.seen[name] = state  # it would answer nothing, as it would if it were asked
            return False
        doc = self.view()
        self.seen[name] = state
        blocks = doc.blocks
        changed = False
        drops: list[tuple[Block, Drop]] = []  # a run of drops not yet applied: applied in one go
        for target, d in list(bound.fn(doc)):
            b = blocks[target] if isinstance(target, int) else target
            if not isinstance(b, Block):
                raise RuleError(f"rule {name} answered for {target!r}: a block of the page it was shown, or its index")
            if type(d) is Drop:
                drops.append((b, d))
                continue
            if drops:  # the drops before this decision apply before it
                changed |= self._drop_all(name, drops)
                drops = []
            b = self.current(b)
            if b is not None:
                changed |= self.apply(name, b, d)
        if drops:
            changed |= self._drop_all(name, drops)
        return changed

    def _may_act(self, bound: _Bound) -> bool:
        """Does a block of a context rule's zones pass the rule's prefilter, its precondition?"""
        zones, gone = bound.rule.zones, self.gone
        return any(b.zone in zones and b not in gone for b in self.pending[bound.slot])

    def _pass(self, rules: Sequence[_Bound]) -> bool:
        changed = False
        deadline = self.deadline
        vetoed = self.vetoed
        for b in rules:
            if deadline is not None and time.monotonic() > deadline:
                self.expired = True
                return False
            if vetoed and (b.rule.name in vetoed or b.rule.family in vetoed):
                continue
            if b.rule.context:
                changed |= self._run_context_rule(b)
            elif self._run_block_rule(b):
                changed = True
                if len(self.gone) > 32 and 4 * len(self.gone) > len(self.live):
                    self._tidy()  # many blocks went: forget them now, not at the next context rule
        return changed

    def _ask_page_guards(self) -> None:
        """Record each page guard's vetoes as ``veto`` steps; vetoed rules sit this page out."""
        vetoed: set[str] = set()
        for name, guard in self.engine.page_guards:
            for target, reason in guard(self.doc) or ():
                vetoed.add(target)
                self.trace.append(Step(name, "veto", "", f"{target}: {reason}", 0, 0))
        self.vetoed = frozenset(vetoed)

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
            if self.expired:  # every decision applied so far is complete: the page is consistent
                self.trace.append(Step("pipeline.timeout", "stop", "", f"stopped after Config.timeout_s = "
                                       f"{self.config.timeout_s:g} s, before the rules had finished", 0, 0))
                return
            g = 0 if changed and g > 0 else g + 1

    def run(self) -> Page:
        if self.engine.page_guards:
            self._ask_page_guards()
        self._settle()
        self._tidy()
        return self._assemble()

    # -- assembly -------------------------------------------------------------------------------

    def _assemble(self) -> Page:
        cards: dict[int, list[Block]] = {}
        live = self.live
        flow = [b for b in live if b.zone != "sidebar" or b.card is None]  # the body's blocks, one paragraph each
        if len(flow) < len(live):
            for b in live:
                if b.zone == "sidebar" and b.card is not None:
                    cards.setdefault(b.card, []).append(b)
        paragraphs = [b.text for b in flow]
        placed = self.placed
        cleaning = len(placed)  # the placements made while cleaning; the body's follow them
        pack = len(flow) >= _PACK_FROM
        if pack:
            body, ordered = self._packed_body(flow)
        else:  # a page of the usual size: a tuple of tuples, made and sorted at C speed
            pieces_of = self.pieces
            if pieces_of.keys().isdisjoint(flow):  # each paragraph one range (most pages): one comprehension
                placed += [(b.start, b.end, Dest.BODY, n, None) for n, b in enumerate(flow)]
            else:
                for n, b in enumerate(flow):
                    pieces = pieces_of.get(b)
                    if pieces is None:
                        placed.append((b.start, b.end, Dest.BODY, n, None))
                    else:
                        placed.extend((s, t, Dest.BODY, n, None) for s, t in pieces)
        runtime = len(placed)  # the placements made so far; _item adds the cards' after them
        items: list[SidebarItem] = []
        card_index: dict[int, int] = {}
        for key in sorted(cards):
            card_index[key] = len(items)
            items.append(self._item(key, cards[key]))
        card = Dest.CARD
        if pack:  # each with its rank in the order of the tuple path's list (cleaning, body, cards) for ties
            provenance = [(p[0], p[1], 0 if i < runtime else 2, *(self._resolve(p, card_index)
                                                                  if p[2] == card else p)[2:])
                          for i, p in enumerate(placed)]
            placements: Sequence[Any] = _placements(body, ordered, provenance)
        else:
            # a card's placements are filed under its sidebar item: they are among those made while
            # cleaning and those of the cards (``_item``), never among the body's
            resolve = self._resolve
            placed[:cleaning] = [p if p[2] != card else resolve(p, card_index) for p in placed[:cleaning]]
            placed[runtime:] = [p if p[2] != card else resolve(p, card_index) for p in placed[runtime:]]
            placed.sort(key=_start_end)
            placements = tuple(placed)
        title = self.title
        for key, value in self.doc.found.items():  # what the parser found outside the text
            if key == "title":
                if title is None:
                    title = value
                    self.trace.append(Step("parse.found", "title", value, "found by the parser", 0, 0))
            elif key not in self.metadata:
                self.metadata[key] = value
                self.trace.append(Step("parse.found", "meta", value, f"found by the parser -> {key}", 0, 0))
            elif self.doc.kind == "html" and self.metadata[key] != value:
                # what the markup declares (JSON-LD, meta tags) beats a line the rules read as metadata:
                # it is normalised (ISO dates) and it is about this page, not a card or a comment
                was = self.metadata[key]
                self.metadata[key] = value
                self.trace.append(Step("parse.found", "meta", value,
                                       f"found by the parser -> {key} (replaces {was!r}, read from the text)", 0, 0))
        removed = sorted(self.removed, key=lambda r: (r.start, r.end))
        return Page(
            title=title, paragraphs=tuple(paragraphs), sidebar=tuple(items), metadata=self.metadata,
            removed=tuple(removed), trace=tuple(self.trace), placements=placements,
            source_kind=self.doc.kind, url=self.doc.url, source=self.src,
        )

    def _resolve(self, p: _Placed, card_index: dict[int, int]) -> _Placed:
        """A card's placement, filed under the sidebar item the card (or the card it merged into) became."""
        s, t, _, key, field = p
        seen = set()
        while key not in card_index and key in self.merged and key not in seen:
            seen.add(key)
            key = self.merged[key]
            field = "sections" if field == "section" else field
        return s, t, Dest.SIDEBAR, card_index.get(key), field  # type: ignore[arg-type]

    def _packed_body(self, flow: list[Block]) -> tuple[array[int], bool]:
        """The body's placements packed as ``Placements`` keeps them (start, end, paragraph, kind
        code 0), and whether they are in (start, end) order: checked, not assumed."""
        pieces_of = self.pieces
        if pieces_of.keys().isdisjoint(flow):  # each paragraph one range: without a loop in Python
            starts = [b.start for b in flow]
            ordered = starts == sorted(starts) and len(set(starts)) == len(starts)
            return array("q", chain.from_iterable(zip(starts, [b.end for b in flow], range(len(flow)),
                                                      repeat(0)))), ordered
        body = array("q")
        ordered = True
        ps = pt = -1
        for n, b in enumerate(flow):
            pieces = pieces_of.get(b)
            for s, t in ((b.start, b.end),) if pieces is None else pieces:
                if s < ps or (s == ps and t < pt):
                    ordered = False
                ps, pt = s, t
                body.extend((s, t, n, 0))
        return body, ordered

    def _item(self, key: int, blocks: list[Block]) -> SidebarItem:
        fields: dict[str, Any] = {}
        summary: list[str] = []
        section = blocks[0].section
        for b in blocks:
            role = b.role or "summary"
            text = b.text
            value = self.value.get(b)
            if value is not None:
                text = text[value[0]:value[1]].strip()
            pieces = self.pieces.get(b)
            if pieces is None:
                self.placed.append((b.start, b.end, Dest.CARD, key, role))
            else:
                self.placed.extend((s, t, Dest.CARD, key, role) for s, t in pieces)
            if role == "summary":
                summary.append(text)
            elif role in fields:  # a second line for the same field: keep both, lose nothing
                fields[role] = f"{fields[role]}; {text}"
            else:
                fields[role] = text
        if summary:
            fields["summary"] = "\n\n".join(summary)
        if "url" not in fields:  # HTML: the link of the card's headline
            # a text block's origin is a bare line number (no link): not made into an Origin for this
            href = next((b.origin.href for b in blocks if b.role == "title" and type(b._origin) is not int
                         and b.origin.href), None)
            if href:
                fields["url"] = href
        for k, v in self.card_meta.get(key, {}).items():
            fields[k] = f"{fields[k]}; {v}" if k in fields and fields[k] != v else v
        sections = [section] if section else []
        for s in self.card_sections.get(key, []):
            if s not in sections:
                sections.append(s)
        return SidebarItem(section=section, sections=tuple(sections), **fields)


def _placements(body: array[int], ordered: bool, others: list[tuple[Any, ...]]) -> Placements:
    """All placements in (start, end) order, ties in the order they were made: ``body`` (packed,
    kind code 0) merged with ``others`` ((start, end, rank, kind, index, field), rank 0 for those
    made while cleaning, 2 for the cards', the body's being 1)."""
    kinds: dict[tuple[str, str | None], int] = {(Dest.BODY, None): 0}
    if ordered and not others:
        return Placements(body, tuple(kinds))
    if not ordered:  # never seen: sort everything the slow way
        d = body
        everything = [(d[k], d[k + 1], 1, Dest.BODY, d[k + 2], None) for k in range(0, len(d), 4)] + others
        body, others = array("q"), everything
    others.sort(key=_rank_key)
    out = array("q")
    nb = len(body) // 4
    j = 0  # body placements copied so far
    with memoryview(body) as view:
        starts, ends = view[0::4], view[1::4]
        for s, t, rank, kind, where, field in others:
            k = bisect_left(starts, s, j)
            while k < nb and starts[k] == s and (ends[k] < t or (ends[k] == t and rank > 1)):
                k += 1
            if k > j:
                out.extend(body[4 * j:4 * k])
                j = k
            out.extend((s, t, -1 if where is None else where, kinds.setdefault((kind, field), len(kinds))))
        del starts, ends
    out.extend(body[4 * j:] if j else body)
    return Placements(out, tuple(kinds))


_rank_key = itemgetter(0, 1, 2)


_APPLIERS: dict[type, Callable[[_Run, str, Block, Any, int], bool]] = {
    Drop: _Run._drop,
    MergeCard: _Run._merge,
    Cut: _Run._cut,
    Split: _Run._split,
    ToMeta: _Run._meta,
    ToTitle: _Run._title,
    ToSidebar: _Run._sidebar,
    Join: _Run._join_lines,
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
    if all(type(d) is Split for d in decisions):
        # a long line's paragraph breaks: points, sorted by a C key, none overlapping the one to its
        # right; what the loop below drops of them is a point left of the block but the rightmost
        splits = sorted(decisions, key=_at, reverse=True)
        if splits[-1].at < 0:
            splits = splits[:1] + [d for d in splits[1:] if d.at >= 0]  # type: ignore[attr-defined]
        return splits
    out: list[Decision] = []
    left_edge = None
    for d in sorted(decisions, key=_span, reverse=True):
        a, b = _span(d)
        if left_edge is not None and (b > left_edge or (a < 0 and out)):
            continue
        out.append(d)
        left_edge = a
    return out


_at = itemgetter(0)  # Split.at


def decide(name: str, text: str, config: Config | None = None) -> Any:
    """Ask one rule about ``text``, for tests and for exploring a rule by hand.

    A block rule sees ``text`` as one block and gives its decision (the first, if it
    gives several) or None; its prefilter applies, as in the engine. A context rule
    sees ``text`` parsed as a page (one block per line) and gives a list of
    ``(block text, decision)`` pairs; empty, unasked, if no line passes its prefilter.
    """
    from .parse.text import parse_text

    from .lines.analysis import LineAnalyser

    config = config or Config()
    r = registry()[name]
    fn = r.bind(config)
    # context rules see the page as the Cleaner parses it, with its line analysis
    doc = parse_text(text, analyser=LineAnalyser.from_config(config) if r.context else None)
    if r.context:
        out = []
        if r.gated and not any(b.zone in r.zones and r.passes(b._kw, b.text) for b in doc.blocks):
            return out  # no block meets its prefilter: the engine would not ask it
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
    if out is None or type(out) in _APPLIERS:
        return out
    return out[0] if out else None
