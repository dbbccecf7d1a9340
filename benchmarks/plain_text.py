"""False positives on text that is already clean: WCXB main content through ``clean()``.

Every ``ground-truth/NNNN.json`` of the WCXB development split holds
``ground_truth.main_content``, the human-reviewed clean main text of a real page
(paragraphs separated by blank lines). Fed to ``cleanpage.clean()`` (with the page
title as first line unless ``--no-title``), all of it should survive: every word
that leaves body and title, removed or moved to the sidebar or metadata, is a
likely false positive. This script reports

- word recall of body + title against the input (lower-case ``\\w+``, multiset),
  overall, by page type, and the share of pages with recall 1.0;
- where the input words went (body, title, metadata, sidebar, removed);
- per rule the words it removed (``page.removed``) or moved to sidebar/metadata,
  with concrete examples (rule, text, file id) for the worst offenders;
- the pages whose body + title keep less than 90% of the input words.

The data is read from ``--data`` (default ``../shared/data/wcxb-dev`` relative to the
repo root) and never written anywhere. WCXB is CC-BY-4.0 (Murrough Foley, 2026).

Usage:
    python benchmarks/plain_text.py [DATA_DIR] [--no-title] [--examples 5] [--top 0] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import REPO, BenchError, bag, clip, import_cleanpage, norm, overlap, table, words

DEFAULT_DATA = REPO.parent / "shared" / "data" / "wcxb-dev"
CREDIT = "WCXB (Murrough Foley, 2026), CC-BY-4.0"
LOW_RECALL = 0.9


@dataclass
class Loss:
    rule: str
    kind: str  # "removed" or the destination: "sidebar[0].summary", "metadata.credit", ...
    text: str
    reason: str
    fid: str
    words: int


@dataclass
class PageStat:
    fid: str
    ptype: str
    input_words: int
    kept_words: int  # body + title words found in the input (multiset)
    body_words: int
    dest_words: Counter[str] = field(default_factory=Counter)  # body/title/metadata/sidebar/removed
    losses: list[Loss] = field(default_factory=list)
    source_kind: str = "text"
    seconds: float = 0.0
    error: str | None = None

    @property
    def recall(self) -> float:
        return self.kept_words / self.input_words if self.input_words else 1.0


# --- data -----------------------------------------------------------------------------------------


def load_items(data: Path, limit: int | None) -> tuple[list[tuple[str, dict[str, Any]]], list[str]]:
    gt_dir = data / "ground-truth"
    if not data.is_dir():
        raise BenchError(f"WCXB data directory not found: {data}\n"
                         f"  expected the WCXB dev split (ground-truth/NNNN.json) there; "
                         f"pass its path as the first argument")
    if not gt_dir.is_dir():
        raise BenchError(f"{data} has no ground-truth/ directory; is this the WCXB dev split?")
    files = sorted(gt_dir.glob("*.json"))
    if not files:
        raise BenchError(f"no *.json files in {gt_dir}")
    if limit:
        files = files[:limit]
    items, problems = [], []
    for path in files:
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except ValueError as exc:
            problems.append(f"{path.stem}: invalid JSON ({exc})")
            continue
        gt = doc.get("ground_truth") if isinstance(doc, dict) else None
        if not isinstance(gt, dict) or not isinstance(gt.get("main_content"), str):
            problems.append(f"{path.stem}: no ground_truth.main_content")
            continue
        items.append((path.stem, doc))
    return items, problems


def page_type(doc: dict[str, Any]) -> str:
    try:
        return str(doc["_internal"]["page_type"]["primary"] or "unknown")
    except (KeyError, TypeError):
        return "unknown"


def make_input(doc: dict[str, Any], with_title: bool) -> str:
    gt = doc["ground_truth"]
    main = gt.get("main_content") or ""
    title = norm(gt.get("title") or "")
    if with_title and title:
        first = norm(main.lstrip().split("\n", 1)[0]) if main.strip() else ""
        if first != title:  # do not repeat a title the main content already starts with
            return f"{title}\n\n{main}"
    return main


# --- measuring ------------------------------------------------------------------------------------


def dest_group(dest: str) -> str:
    for group in ("body", "title", "metadata", "sidebar", "removed"):
        if dest.startswith(group):
            return group
    return "other"


def measure(cleanpage: Any, fid: str, doc: dict[str, Any], text: str, config: Any) -> PageStat:
    in_bag = bag(text)
    st = PageStat(fid, page_type(doc), sum(in_bag.values()), 0, 0)
    t = time.perf_counter()
    try:
        page = cleanpage.clean(text, config=config)
    except Exception as exc:  # noqa: BLE001 - "no input raises an error"; report it
        st.error = f"{type(exc).__name__}: {exc}"
        st.seconds = time.perf_counter() - t
        return st
    st.seconds = time.perf_counter() - t
    st.source_kind = page.source_kind
    out_bag = bag(page.body) + bag(page.title)
    st.kept_words = overlap(out_bag, in_bag)
    st.body_words = len(words(page.body))
    src = page.source or text

    for p in page.provenance:
        st.dest_words[dest_group(p.dest)] += len(words(src[p.start:p.end]))
    if page.title and not any(p.dest == "title" for p in page.provenance):
        st.dest_words["title"] += len(words(page.title))

    for r in page.removed:
        n = len(words(r.text))
        st.losses.append(Loss(r.rule, "removed", r.text, r.reason, fid, n))

    # moves: attribute each sidebar/metadata placement to the latest move step that covers it
    moves = [s for s in page.trace if s.action in ("sidebar", "meta", "title")]
    for p in page.provenance:
        group = dest_group(p.dest)
        if group not in ("sidebar", "metadata"):
            continue
        moved = src[p.start:p.end]
        step = next((s for s in reversed(moves) if s.start <= p.start and p.end <= s.end), None)
        st.losses.append(Loss(step.rule if step else "(unattributed)", p.dest, moved,
                              step.reason if step else "", fid, len(words(moved))))
    return st


# --- reporting ------------------------------------------------------------------------------------


def spread(items: list[Loss], k: int) -> list[Loss]:
    """Up to k examples from different files (and different texts), spread over the data set."""
    by_file: dict[str, Loss] = {}
    seen_text: set[str] = set()
    for loss in sorted(items, key=lambda x: (x.fid, -x.words)):
        key = norm(loss.text).lower()
        if loss.fid in by_file or key in seen_text:
            continue
        by_file[loss.fid] = loss
        seen_text.add(key)
    pool = list(by_file.values())
    if len(pool) < k:  # not enough files: allow repeats of a file with a different text
        extra = [x for x in items if x not in pool and norm(x.text).lower() not in
                 {norm(p.text).lower() for p in pool}]
        pool += extra[: k - len(pool)]
        return pool[:k]
    if k == 1:
        return pool[:1]
    return [pool[round(i * (len(pool) - 1) / (k - 1))] for i in range(k)]


def report(stats: list[PageStat], args: argparse.Namespace, problems: list[str], wall: float) -> dict[str, Any]:
    ok = [s for s in stats if s.error is None]
    errors = [s for s in stats if s.error is not None]
    total_in = sum(s.input_words for s in ok)
    total_kept = sum(s.kept_words for s in ok)
    perfect = sum(1 for s in ok if s.kept_words == s.input_words)
    low = sorted((s for s in ok if s.recall < LOW_RECALL), key=lambda s: (s.recall, s.fid))
    macro = sum(s.recall for s in ok) / len(ok) if ok else float("nan")
    html = [s.fid for s in ok if s.source_kind == "html"]

    out: dict[str, Any] = {
        "credit": CREDIT, "pages": len(stats), "errors": {s.fid: s.error for s in errors},
        "unreadable": problems, "input_words": total_in, "kept_words": total_kept,
        "recall_micro": total_kept / total_in if total_in else 1.0, "recall_macro": macro,
        "share_recall_1": perfect / len(ok) if ok else float("nan"), "sniffed_as_html": html,
    }

    dest = Counter()
    for s in ok:
        dest.update(s.dest_words)

    # per type
    types: dict[str, list[PageStat]] = defaultdict(list)
    for s in ok:
        types[s.ptype].append(s)
    type_rows = []
    for t in sorted(types, key=lambda t: -len(types[t])):
        g = types[t]
        tin, tkept = sum(s.input_words for s in g), sum(s.kept_words for s in g)
        type_rows.append([t, len(g), f"{sum(s.recall for s in g) / len(g):.4f}", f"{tkept / tin if tin else 1:.4f}",
                          f"{sum(1 for s in g if s.kept_words == s.input_words) / len(g):.3f}",
                          sum(1 for s in g if s.recall < LOW_RECALL), tin - tkept])
    out["by_type"] = {r[0]: {"pages": r[1], "recall_macro": float(r[2]), "recall_micro": float(r[3]),
                             "share_recall_1": float(r[4]), "pages_below_0.9": r[5], "words_lost": r[6]}
                      for r in type_rows}

    # per rule
    removed_w: Counter[str] = Counter()
    removed_n: Counter[str] = Counter()
    moved_w: Counter[str] = Counter()
    moved_n: Counter[str] = Counter()
    rule_pages: dict[str, set[str]] = defaultdict(set)
    rule_losses: dict[str, list[Loss]] = defaultdict(list)
    move_dest: dict[str, Counter[str]] = defaultdict(Counter)
    for s in ok:
        for loss in s.losses:
            if loss.kind == "removed":
                removed_w[loss.rule] += loss.words
                removed_n[loss.rule] += 1
            else:
                moved_w[loss.rule] += loss.words
                moved_n[loss.rule] += 1
                move_dest[loss.rule][loss.kind.split("[")[0].split(".")[0] if loss.kind.startswith("sidebar")
                                     else loss.kind] += loss.words
            rule_pages[loss.rule].add(s.fid)
            rule_losses[loss.rule].append(loss)
    rules = sorted(rule_losses, key=lambda r: (-(removed_w[r] + moved_w[r]), -len(rule_pages[r]), r))
    rule_rows = [[r, removed_w[r], removed_n[r], moved_w[r], moved_n[r], removed_w[r] + moved_w[r],
                  len(rule_pages[r]), f"{len(rule_pages[r]) / len(ok):.3f}",
                  f"{statistics.median(x.words for x in rule_losses[r]):g}"] for r in rules]
    out["rules"] = {r[0]: {"removed_words": r[1], "removals": r[2], "moved_words": r[3], "moves": r[4],
                           "pages": r[6], "median_words": float(r[8]), "moved_to": dict(move_dest[r[0]])}
                    for r in rule_rows}
    # the headings that opened a sidebar section: what made a rule treat clean text as a teaser list
    headings: Counter[str] = Counter()
    for s in ok:
        for loss in s.losses:
            if loss.kind.endswith(".section") and loss.kind.startswith("sidebar"):
                headings[f"{loss.rule}: {clip(loss.text, 60)!r}"] += 1
    out["sidebar_headings"] = dict(headings.most_common())

    top = rules if not args.top else rules[: args.top]
    examples = {r: spread(rule_losses[r], args.examples) for r in top}
    out["examples"] = {r: [{"kind": x.kind, "text": clip(x.text, 150), "reason": x.reason, "file": x.fid}
                           for x in ex] for r, ex in examples.items()}
    out["low_recall_pages"] = [
        {"file": s.fid, "type": s.ptype, "input_words": s.input_words, "kept_words": s.kept_words,
         "recall": s.recall, "body_words": s.body_words,
         "rules": dict(_rule_words(s))}
        for s in low
    ]
    slow = sorted(ok, key=lambda s: -s.seconds)[:5]
    out["slowest"] = [{"file": s.fid, "seconds": s.seconds, "input_words": s.input_words} for s in slow]

    if args.json:
        print(json.dumps(out, indent=2, ensure_ascii=False))
        return out

    p = print
    p(f"Data: {CREDIT}")
    p(f"WCXB dev ground-truth main_content through cleanpage.clean()"
      f"{' with the title as first line' if not args.no_title else ''}"
      f"{', input_format=' + args.input_format if args.input_format != 'auto' else ''}; "
      f"{len(stats)} pages, {wall:.1f} s")
    if problems:
        p(f"skipped {len(problems)} file(s): " + "; ".join(problems[:10]))
    if errors:
        p(f"clean() RAISED on {len(errors)} page(s):")
        for s in errors[:20]:
            p(f"  {s.fid}: {s.error}")
    p("")
    p("== Overall ==")
    p(table(["pages", "input words", "kept (body+title)", "recall micro", "recall macro",
             "pages recall=1.0", f"pages <{LOW_RECALL:g}"],
            [[len(ok), total_in, total_kept, f"{out['recall_micro']:.4f}", f"{macro:.4f}",
              f"{perfect} ({out['share_recall_1']:.1%})", len(low)]], align="rrrrrrr"))
    if html:
        lost = {s.fid: s.input_words - sum(s.dest_words.values()) for s in ok if s.source_kind == "html"}
        p(f"note: {len(html)} page(s) were sniffed as HTML by input_format=auto (markup-like text is dropped "
          f"as tags; words not even in the trace): " + ", ".join(f"{f} ({n} words)" for f, n in lost.items()))
    p("")
    p("== Where the input words went ==")
    p(table(["destination", "words", "share"],
            [[g, dest[g], f"{dest[g] / total_in:.4%}" if total_in else "-"]
             for g in ("body", "title", "metadata", "sidebar", "removed", "other") if dest[g] or g in ("body", "removed")]
            + ([["(not in provenance)", total_in - sum(dest.values()),
                 f"{(total_in - sum(dest.values())) / total_in:.4%}"]] if total_in != sum(dest.values()) else []),
            align="lrr"))
    p("")
    p("== Recall by page type ==")
    p(table(["type", "pages", "recall macro", "recall micro", "share =1.0", f"pages <{LOW_RECALL:g}", "words lost"],
            type_rows, align="lrrrrrr"))
    p("")
    p("== Words lost per rule (every one a likely false positive: the input was already clean) ==")
    p(table(["rule", "removed words", "removals", "moved words", "moves", "total lost", "pages", "share of pages",
             "median words/item"],
            rule_rows + [["TOTAL", sum(removed_w.values()), sum(removed_n.values()), sum(moved_w.values()),
                          sum(moved_n.values()), sum(removed_w.values()) + sum(moved_w.values()),
                          len({f for v in rule_pages.values() for f in v}), "", ""]],
            align="lrrrrrrrr"))
    moved_rules = [r for r in rules if moved_w[r]]
    if moved_rules:
        p("\nmoved words by destination: " + "; ".join(
            f"{r}: " + ", ".join(f"{d} {n}" for d, n in move_dest[r].most_common()) for r in moved_rules))
    if headings:
        p("\nheadings that opened a sidebar section (rule: heading x pages): " + "; ".join(
            f"{h} x{n}" for h, n in headings.most_common(25)))
    p("")
    p(f"== Offending rules with examples ({args.examples} each, from different files; "
      f"text truncated to 150 chars) ==")
    for i, r in enumerate(top, 1):
        p(f"\n{i}. {r}  -- {removed_w[r] + moved_w[r]} words lost on {len(rule_pages[r])} pages "
          f"({removed_n[r]} removals, {moved_n[r]} moves)")
        for x in examples[r]:
            kind = "removed" if x.kind == "removed" else f"moved -> {x.kind}"
            p(f"   [{x.fid}] {kind} ({x.reason}): {clip(x.text, 150)!r}")
    p("")
    p(f"== Pages whose body + title keep less than {LOW_RECALL:.0%} of the input words ({len(low)}) ==")
    shown = low if not args.max_pages else low[: args.max_pages]
    p(table(["file", "type", "input words", "kept", "body words", "recall", "rules (words lost)"],
            [[s.fid, s.ptype, s.input_words, s.kept_words, s.body_words, f"{s.recall:.3f}",
              ", ".join(f"{r} {n}" for r, n in _rule_words(s).most_common(4))] for s in shown],
            align="llrrrrl"))
    if len(shown) < len(low):
        p(f"... {len(low) - len(shown)} more (--max-pages 0 for all)")
    p("")
    p("slowest pages: " + ", ".join(f"{s.fid} {s.seconds:.2f} s ({s.input_words} words)" for s in slow))
    p(f"\nData: {CREDIT}")
    return out


def _rule_words(s: PageStat) -> Counter[str]:
    c: Counter[str] = Counter()
    for loss in s.losses:
        c[loss.rule] += loss.words
    return c


# --- main -----------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA,
                    help="WCXB dev split directory (default: ../shared/data/wcxb-dev from the repo root)")
    ap.add_argument("--no-title", action="store_true", help="feed main_content only, without the title line")
    ap.add_argument("--input-format", choices=("auto", "text"), default="auto",
                    help="cleanpage input format (default auto, as clean() does)")
    ap.add_argument("--examples", type=int, default=5, help="examples per offending rule (default 5)")
    ap.add_argument("--top", type=int, default=0, help="offending rules to show with examples (default 0: all)")
    ap.add_argument("--max-pages", type=int, default=0, help="low-recall pages to list (default 0: all)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (for quick runs)")
    ap.add_argument("--disable", action="append", default=[], metavar="RULE",
                    help="switch a rule or family off (repeatable)")
    ap.add_argument("--json", action="store_true", help="print machine-readable results only")
    args = ap.parse_args(argv)

    try:
        cleanpage = import_cleanpage()
        items, problems = load_items(args.data.resolve(), args.limit or None)
        config = cleanpage.Config(disabled=frozenset(args.disable), input_format=args.input_format)
    except BenchError as exc:
        print(f"plain_text.py: error: {exc}", file=sys.stderr)
        return 2
    except cleanpage.CleanpageError as exc:  # bad --disable and the like
        print(f"plain_text.py: error: {exc}", file=sys.stderr)
        return 2

    start = time.perf_counter()
    stats = []
    for fid, doc in items:
        if not doc["ground_truth"]["main_content"].strip():  # nothing clean to keep; title alone is no test
            problems.append(f"{fid}: empty main_content")
            continue
        text = make_input(doc, not args.no_title)
        stats.append(measure(cleanpage, fid, doc, text, config))
    if not stats:
        print("plain_text.py: error: no usable pages", file=sys.stderr)
        return 2
    report(stats, args, problems, time.perf_counter() - start)
    failed = sum(1 for s in stats if s.error is not None)
    if failed:
        print(f"plain_text.py: clean() raised on {failed} of {len(stats)} pages", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
