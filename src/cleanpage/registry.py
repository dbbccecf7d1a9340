"""The rule registry: ``rule()``, ``Stage``, run order, and discovery of rule modules.

A block rule is shown the blocks of its ``zones``. A context rule is shown the whole
page but declares in ``zones`` which blocks it reads: it is run again only after a
change to a block of those zones.

A rule is registered where it is defined, with its stage and its place in the stage::

    @rule("comments.empty_notice", stage=Stage.LINES, order=30, keywords=COMMENTS_EMPTY_WORDS)
    def drop_empty_comment_notice(block: Block) -> Decision | None: ...

Run order is (stage, order): explicit, checked for clashes, and never the order in
which modules happen to be imported. Every module in ``cleanpage.rules`` is
discovered and imported, so a new family of chrome is one new module there.

A block rule may declare a prefilter: ``keywords`` (``text.keyword_set``), whole
ASCII words of which at least one is in every line the rule can match, and/or
``pattern``: a compiled regular expression or a literal string (or a tuple of
them) of which one is found in every such line. Literals are scanned for with
``str.find``, and a regex that starts with a literal character is fast too. The
engine never calls the rule on a block that passes neither, which is what makes
a page cost one pass over its text plus the work on the few lines that can match.
A prefilter must never exclude a line the rule would act on: the rule's unit
test asks it through ``decide()``, which applies the prefilter too.

A context rule may declare a prefilter too, as a precondition on the page: it
answers nothing unless at least one block of its ``zones`` passes the prefilter
(a comment thread needs a line that names a header's verb). The engine does not
call it on a page, or a version of the page, where no block does; blocks are
checked against it as they are for block rules, so this costs no extra pass.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Union

from .config import Config
from .errors import ConfigError, RuleError


class Stage(IntEnum):
    """When a rule runs. Stages run in this order, in passes until nothing changes.

    DEDUPE and FINAL wait: they run only once every stage before them has reached its
    fixed point, and if they change anything the earlier stages look again.
    """

    GUARD = 0  # consulted by the pipeline before it applies a cut; never run as a pass
    DOM = 5  # context, HTML only: the parse-time DOM model's decisions (related modules, title block, page cut)
    LINES = 10  # whole lines of chrome: promos, widget labels, ad markers
    STRUCTURE = 20  # context: sidebar sections and cards (before META, so a card's
    #                 "Reuters" source line is not taken for the page's credit)
    INLINE = 30  # chrome inside a block: teasers, pitches, ad markers, datelines
    BREAKS = 40  # restore lost paragraph breaks
    META = 50  # lines that are metadata: credits, source, byline, dates. After the
    #            inline edits, because where the article's prose is decides them
    DEDUPE = 60  # context: repeated blocks
    FINAL = 90  # context, once at the fixed point: the title


@dataclass(frozen=True)
class Rule:
    name: str
    target: Any  # a function, or a class built from Config with ``from_config``
    stage: Stage
    order: int  # place within the stage
    context: bool  # takes the Document, answers (block, decision) pairs
    zones: frozenset[str]  # block rule: the blocks it is shown; context rule: the blocks it reads
    preview: bool
    module: str
    # prefilter: one of these words must be in the block (a context rule: in a block of its zones)
    keywords: frozenset[bytes] | None = None
    patterns: tuple[re.Pattern[str] | str, ...] = ()  # prefilter: or one of these must be found in it
    once: bool = False  # context rule: decides on the page as it first sees it, and is not run again

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.target) or ""

    @property
    def family(self) -> str:
        return self.name.split(".", 1)[0]

    @property
    def gated(self) -> bool:
        return self.keywords is not None or bool(self.patterns)

    def passes(self, block_keywords: Iterable[bytes], text: str) -> bool:
        """Could this rule act on a block with these keywords and this text?"""
        if not self.gated:
            return True
        if self.keywords is not None and not self.keywords.isdisjoint(block_keywords):
            return True
        return any((p in text) if isinstance(p, str) else p.search(text) is not None for p in self.patterns)

    def bind(self, config: Config) -> Callable[..., Any]:
        """The callable the engine runs: built from ``config`` once per ``Cleaner``."""
        target = self.target
        if inspect.isclass(target):
            return target.from_config(config)
        params = list(inspect.signature(target).parameters)
        if len(params) == 2 and params[1] == "config":
            return lambda x, _f=target, _c=config: _f(x, _c)
        if len(params) != 1:
            raise RuleError(f"rule {self.name}: a rule function takes (block) or (block, config), "
                            f"got ({', '.join(params)})")
        return target


Pattern = Union[re.Pattern, str]
_REGISTRY: dict[str, Rule] = {}
_LOADED = False


def rule(name: str, *, stage: Stage, order: int, context: bool = False, zones: Iterable[str] = ("body",),
         preview: bool = False, keywords: frozenset[bytes] | None = None,
         pattern: Pattern | tuple[Pattern, ...] | None = None, once: bool = False) -> Callable[[Any], Any]:
    """Register a rule under a stable dotted name (``family.what``) at (stage, order).

    ``keywords`` and ``pattern`` are the rule's prefilter: for a block rule, the blocks it
    may act on; for a context rule, what a block of its zones must pass for the rule to
    act on the page at all (see the module's docstring).
    ``once``: a context rule that judges the page as it first sees it (before the rules after
    it have edited it) and is not asked again when the page changes."""
    if not isinstance(name, str) or name.count(".") != 1 or not all(name.split(".")):
        raise RuleError(f"rule names are family.what, got {name!r}")
    if not isinstance(stage, Stage):
        raise RuleError(f"rule {name}: stage must be a Stage, got {stage!r}")
    zones = frozenset(zones)
    if not zones <= {"body", "sidebar"}:
        raise RuleError(f"rule {name}: zones are 'body' and 'sidebar', got {sorted(zones)}")
    if once and not context:
        raise RuleError(f"rule {name}: once is for context rules; a block rule sees each block once already")
    patterns = tuple(pattern) if isinstance(pattern, (tuple, list)) else (() if pattern is None else (pattern,))
    if not all(isinstance(p, str) and p or isinstance(p, re.Pattern) for p in patterns):
        raise RuleError(f"rule {name}: a prefilter pattern is a compiled regex or a non-empty string")

    def register(target: Any) -> Any:
        old = _REGISTRY.get(name)
        if old is not None and old.target is not target and old.module != getattr(target, "__module__", ""):
            raise RuleError(f"rule {name!r} registered twice ({old.module} and {target.__module__})")
        for other in _REGISTRY.values():
            if other.name != name and (other.stage, other.order) == (stage, order):
                raise RuleError(f"rules {other.name} and {name} both claim {stage.name} order {order}")
        _REGISTRY[name] = Rule(name, target, stage, order, context, zones, preview,
                               getattr(target, "__module__", ""), keywords, patterns, once)
        return target

    return register


def _load() -> None:
    """Import every module of ``cleanpage.rules``: importing a module registers its rules."""
    global _LOADED
    if _LOADED:
        return
    package = importlib.import_module(f"{__package__}.rules")
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{package.__name__}.{info.name}")
    _LOADED = True


def registry() -> dict[str, Rule]:
    """Every registered rule by name, in run order: (stage, order)."""
    _load()
    return dict(sorted(_REGISTRY.items(), key=lambda kv: (kv[1].stage, kv[1].order)))


def check_config(config: Config) -> None:
    """Raise ``ConfigError`` if ``config.disabled`` names a rule or family that does not exist."""
    known = registry()
    families = {r.family for r in known.values()}
    unknown = sorted(n for n in config.disabled if n not in known and n not in families)
    if unknown:
        raise ConfigError(f"unknown rule names in Config.disabled: {unknown}; "
                          f"known families: {sorted(families)}; see cleanpage.list_rules()")


def enabled_rules(config: Config) -> list[Rule]:
    """The rules ``config`` runs, in run order."""
    check_config(config)
    return [r for r in registry().values() if config.enabled(r.name, preview=r.preview)]
