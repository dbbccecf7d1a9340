"""``Page.explain()``: a plain-text report of what went where and which rule sent it."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from typing import TYPE_CHECKING

from .text import line_starts

if TYPE_CHECKING:
    from .model import Page


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


class _Lines:
    def __init__(self, source: str) -> None:
        self.starts = line_starts(source)

    def __call__(self, offset: int) -> int:
        return bisect_right(self.starts, offset)


def explain(page: Page, *, width: int = 100) -> str:
    line = _Lines(page.source)
    unit = "line" if page.source_kind == "text" else "block"
    text_w = max(20, width - 42)
    out: list[str] = []
    n_lines = len(line.starts) if page.source else 0
    out.append(f"cleanpage: {page.source_kind} input, {n_lines:,} {unit}s, {len(page.source):,} characters")
    if page.warnings:  # what could not be done as asked comes first: it qualifies everything below
        out.append("warnings:")
        out.extend(f"  {w}" for w in page.warnings)

    first_at: dict[str, int] = {}
    span: dict[str, list[int]] = {}
    for p in page.provenance:
        first_at.setdefault(p.dest, p.start)
        head = p.dest.split(".", 1)[0]
        lo_hi = span.setdefault(head, [p.start, p.end])
        lo_hi[0], lo_hi[1] = min(lo_hi[0], p.start), max(lo_hi[1], p.end)

    def where(dest: str) -> str:
        return f"{unit} {line(first_at[dest])}" if dest in first_at else ""

    def lines(head: str) -> str:
        if head not in span:
            return ""
        a, b = line(span[head][0]), line(max(span[head][0], span[head][1] - 1))
        return f"{unit}s {a}-{b}" if b > a else f"{unit} {a}"

    def plural(n: int, word: str) -> str:
        return f"{n:,} {word}" + ("" if n == 1 else "s")

    title_rule = next((s.rule for s in page.trace if s.action == "title"), "")
    out.append(f"title:    {page.title!r}" + (f"  <- {title_rule}, {where('title')}" if title_rule else ""))
    if page.metadata:
        out.append("metadata:")
        for key, value in page.metadata.items():
            rule = next((s.rule for s in page.trace if s.action == "meta" and s.reason.endswith(f"-> {key}")), "")
            at = where("metadata." + key)
            source = "decoding the input bytes" if key == "encoding" and not rule else rule + (f", {at}" if at else "")
            out.append(f"  {key:<9} {_short(value, text_w)!r}  <- {source}")

    words = sum(len(p.split()) for p in page.paragraphs)
    out.append(f"body:     {plural(len(page.paragraphs), 'paragraph')}, {plural(words, 'word')}")
    for i, para in enumerate(page.paragraphs):
        out.append(f"  [{i}] {where(f'body[{i}]'):<10} {_short(para, text_w + 20)}")

    out.append(f"sidebar:  {plural(len(page.sidebar), 'item')}")
    for i, item in enumerate(page.sidebar):
        head = " · ".join(x for x in (" + ".join(item.sections) or None, item.label, item.category,
                                      item.source, item.age) if x)
        out.append(f"  [{i}] {lines(f'sidebar[{i}]'):<10} {head}")
        out.append(f"       title:   {_short(item.title or '', text_w)}")
        if item.summary:
            paras = item.summary.count("\n\n") + 1
            out.append(f"       summary: {plural(len(item.summary.split()), 'word')}"
                       + (f" in {paras} paragraphs" if paras > 1 else ""))
        for key in ("dateline", "credit"):
            if getattr(item, key):
                out.append(f"       {key}: {getattr(item, key)!r}")

    by_rule = Counter(r.rule for r in page.removed)
    out.append(f"removed:  {plural(len(page.removed), 'piece')}" + (
        " (" + ", ".join(f"{rule} {n}" for rule, n in by_rule.most_common()) + ")" if by_rule else ""))
    for r in page.removed:
        at = f" in {r.path}:" if r.path else ""  # HTML: the element it was in
        out.append(f"  {unit} {line(r.start):<5} {r.rule:<24} {_short(r.text, text_w)!r}{at}  {r.reason}")

    others = sorted((s for s in page.trace if s.action in ("split", "join", "veto", "stop")), key=lambda s: s.start)
    if others:
        out.append("also:")
        for s in others:
            what = {"split": "break restored", "join": "lines joined", "veto": "vetoed", "stop": "stopped"}[s.action]
            out.append(f"  {unit} {line(s.start):<5} {s.rule:<24} {what}: {_short(s.text, text_w)!r}  {s.reason}")
    return "\n".join(out)
