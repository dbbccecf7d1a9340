"""Corpus benchmark: score ``cleanpage.clean()`` on every page of ``corpus/``.

Each page is ``<id>.txt`` (or ``<id>.html``) plus the expected ``<id>.json`` with
``title``, ``metadata``, ``paragraphs`` and ``sidebar``, and optionally explicit
``with`` / ``without`` snippet lists. When those lists are absent they are derived:
``with`` is the first sentence of every expected paragraph (it must appear in the
body), ``without`` is every input line that is not part of the expected body, i.e.
the chrome a correct cleaner removes or moves (it must not appear in the body).

Scores per page, all in [0, 1] and higher is better:

    title     title matches exactly
    meta      share of metadata keys (expected or produced) whose values match exactly
    paras     the paragraph list matches exactly
    para_f1   F1 of exactly matching paragraphs (multiset)
    side      F1 of sidebar items matching on every field
    side.<f>  per field: share of sidebar items whose field <f> matches (items paired greedily)
    word_f1   word-level F1 of the body against the expected paragraphs (lower-case \\w+, multiset)
    with      share of "with" snippets found in the body
    without   share of "without" snippets absent from the body

Usage:
    python benchmarks/run.py            # print the tables
    python benchmarks/run.py --check    # exit 1 if a score fell below baseline.json or the corpus changed
    python benchmarks/run.py --update   # rewrite baseline.json from the current scores

Exit codes: 0 fine, 1 regression or corpus changed, 2 missing/invalid inputs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import CORPUS, REPO, BenchError, bag, clip, f1, import_cleanpage, norm, table, words

BASELINE = Path(__file__).resolve().with_name("baseline.json")
SIDEBAR_FIELDS = ("section", "title", "summary", "source", "age", "label", "category",
                  "url", "dateline", "credit", "sections")
MAIN_METRICS = ("title", "meta", "paras", "para_f1", "side", "word_f1", "with", "without")
EPS = 1e-9

# first sentence: up to . ! ? (or an ellipsis) and any closing quotes, then space or the end
_FIRST_SENTENCE = re.compile(r"^(.+?[.!?\u2026][\"'\u201d\u2019)\]]*)(?=\s|$)", re.S)


@dataclass
class PageResult:
    id: str
    scores: dict[str, float]
    fails: list[str] = field(default_factory=list)  # readable notes on what went wrong
    removed: list[tuple[str, str]] = field(default_factory=list)  # (rule, text)
    steps: list[tuple[str, str]] = field(default_factory=list)  # (rule, action)
    n_with: tuple[int, int] = (0, 0)  # (passed, total)
    n_without: tuple[int, int] = (0, 0)
    side_fields: dict[str, tuple[int, int]] = field(default_factory=dict)  # field -> (equal, compared)


# --- corpus ------------------------------------------------------------------------------------


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.iterdir() if p.is_file() and not p.name.startswith("."))


def corpus_digest(corpus: Path) -> tuple[str, dict[str, str]]:
    """sha256 over every corpus file's name and content, plus the per-file hashes."""
    per_file = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in corpus_files(corpus)}
    total = hashlib.sha256()
    for name, digest in sorted(per_file.items()):
        total.update(name.encode() + b"\0" + digest.encode() + b"\n")
    return total.hexdigest(), per_file


def load_pages(corpus: Path) -> list[tuple[str, Any, dict[str, Any]]]:
    """(id, input str|bytes, expected) for every ``<id>.json`` in the corpus."""
    if not corpus.is_dir():
        raise BenchError(f"corpus directory not found: {corpus}")
    pages = []
    for exp_path in sorted(corpus.glob("*.json")):
        pid = exp_path.stem
        txt, html = exp_path.with_suffix(".txt"), exp_path.with_suffix(".html")
        if txt.is_file():
            source: Any = txt.read_text(encoding="utf-8")
        elif html.is_file():
            source = html.read_bytes()  # let cleanpage sniff the charset
        else:
            raise BenchError(f"{exp_path.name} has no {pid}.txt or {pid}.html next to it")
        try:
            expected = json.loads(exp_path.read_text(encoding="utf-8"))
        except ValueError as exc:
            raise BenchError(f"{exp_path}: invalid JSON: {exc}") from exc
        missing = [k for k in ("title", "metadata", "paragraphs", "sidebar") if k not in expected]
        if missing:
            raise BenchError(f"{exp_path.name}: missing keys {missing}")
        pages.append((pid, source, expected))
    if not pages:
        raise BenchError(f"no <id>.json pages in {corpus}")
    return pages


# --- snippets ----------------------------------------------------------------------------------


def first_sentence(paragraph: str) -> str:
    text = norm(paragraph)
    m = _FIRST_SENTENCE.match(text)
    sentence = m.group(1) if m else text
    if len(words(sentence)) < 4:  # "1." or "Yes." would match anywhere; take more of the paragraph
        sentence = text
    if len(sentence) > 200:  # cut at a word boundary; still a substring of the paragraph
        sentence = sentence[:200].rsplit(" ", 1)[0]
    return sentence


def derive_with(expected: dict[str, Any]) -> list[str]:
    if "with" in expected:
        return [norm(s) for s in expected["with"] if norm(s)]
    return list(dict.fromkeys(first_sentence(p) for p in expected["paragraphs"] if norm(p)))


def derive_without(expected: dict[str, Any], source_text: str) -> list[str]:
    """Input lines that are not part of the expected body: the chrome that must leave it."""
    if "without" in expected:
        return [norm(s) for s in expected["without"] if norm(s)]
    body = "\n".join(norm(p) for p in expected["paragraphs"])
    out = []
    for line in source_text.splitlines():
        line = norm(line)
        if not line or not words(line) or line in body:
            continue
        short = first_sentence(line)  # a long chrome line (a teaser summary) is checked by its start
        out.append(short if short not in body else line)
    return list(dict.fromkeys(out))


# --- scoring -----------------------------------------------------------------------------------


def _item_dict(item: Any) -> dict[str, Any]:
    d = item.to_dict() if hasattr(item, "to_dict") else dict(item)
    out = {}
    for f in SIDEBAR_FIELDS:
        v = d.get(f)
        if f == "sections":
            v = tuple(v or ())
            out[f] = v or None
        else:
            out[f] = v if v not in ("", None) else None
    return out


def _pair_items(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> list[tuple[dict | None, dict | None]]:
    """Pair each expected item with the unused produced item sharing most fields (ties: earliest)."""
    used: set[int] = set()
    pairs: list[tuple[dict | None, dict | None]] = []
    for w in want:
        best, best_score = None, 0
        for j, g in enumerate(got):
            if j in used:
                continue
            score = sum(1 for f in SIDEBAR_FIELDS if w[f] is not None and g[f] == w[f])
            if score > best_score:
                best, best_score = j, score
        if best is None:
            pairs.append((None, w))
        else:
            used.add(best)
            pairs.append((got[best], w))
    pairs.extend((g, None) for j, g in enumerate(got) if j not in used)
    return pairs


def score_page(cleanpage: Any, pid: str, source: Any, expected: dict[str, Any], config: Any = None) -> PageResult:
    res = PageResult(pid, {})
    try:
        page = cleanpage.clean(source, config=config)
    except Exception as exc:  # noqa: BLE001 - score the page 0 and say why
        res.scores = dict.fromkeys(MAIN_METRICS + tuple(f"side.{f}" for f in SIDEBAR_FIELDS), 0.0)
        res.side_fields = dict.fromkeys(SIDEBAR_FIELDS, (0, 0))
        res.fails.append(f"clean() RAISED {type(exc).__name__}: {exc}")
        return res
    s = res.scores

    # title
    s["title"] = float(page.title == expected["title"])
    if not s["title"]:
        res.fails.append(f"title: got {page.title!r}, want {expected['title']!r}")

    # metadata, per key
    got_meta, want_meta = dict(page.metadata), dict(expected["metadata"])
    keys = sorted(set(got_meta) | set(want_meta))
    s["meta"] = sum(got_meta.get(k) == want_meta.get(k) for k in keys) / len(keys) if keys else 1.0
    for k in keys:
        if got_meta.get(k) != want_meta.get(k):
            res.fails.append(f"metadata[{k!r}]: got {got_meta.get(k)!r}, want {want_meta.get(k)!r}")

    # paragraphs
    got_p, want_p = list(page.paragraphs), list(expected["paragraphs"])
    s["paras"] = float(got_p == want_p)
    common = sum((Counter(got_p) & Counter(want_p)).values())
    s["para_f1"] = 2 * common / (len(got_p) + len(want_p)) if got_p or want_p else 1.0
    if got_p != want_p:
        res.fails.append(f"paragraphs: {common}/{len(want_p)} expected found verbatim, {len(got_p)} produced")
        for p in want_p:
            if p not in got_p:
                res.fails.append(f"  missing paragraph: {clip(p, 110)}")
        for p in got_p:
            if p not in want_p:
                res.fails.append(f"  extra paragraph:   {clip(p, 110)}")

    # sidebar: whole items and per field
    got_i = [_item_dict(i) for i in page.sidebar]
    want_i = [_item_dict(i) for i in expected["sidebar"]]
    pairs = _pair_items(got_i, want_i)
    exact = sum(1 for g, w in pairs if g is not None and w is not None and g == w)
    s["side"] = 2 * exact / (len(got_i) + len(want_i)) if got_i or want_i else 1.0
    for f in SIDEBAR_FIELDS:
        compared = [(g, w) for g, w in pairs if (g and g[f] is not None) or (w and w[f] is not None)]
        equal = sum(1 for g, w in compared if g is not None and w is not None and g[f] == w[f])
        res.side_fields[f] = (equal, len(compared))
        s[f"side.{f}"] = equal / len(compared) if compared else 1.0
    if len(got_i) != len(want_i):
        res.fails.append(f"sidebar: {len(got_i)} items, want {len(want_i)}")
    for g, w in pairs:
        if g != w:
            if w is None:
                res.fails.append(f"  extra sidebar item: {clip(str(g['title']), 90)}")
            elif g is None:
                res.fails.append(f"  missing sidebar item: {clip(str(w['title']), 90)}")
            else:
                for f in SIDEBAR_FIELDS:
                    if g[f] != w[f]:
                        res.fails.append(f"  sidebar {clip(str(w['title']), 40)!r}.{f}: "
                                         f"got {clip(str(g[f]), 60)!r}, want {clip(str(w[f]), 60)!r}")

    # body words
    s["word_f1"] = f1(bag(page.body), bag("\n".join(want_p)))[2]

    # snippets; a snippet may not span two output paragraphs
    body = "\n".join(norm(p) for p in page.paragraphs)
    with_ = derive_with(expected)
    without = derive_without(expected, page.source or (source if isinstance(source, str) else ""))
    ok_with = [x for x in with_ if x in body]
    bad_without = [x for x in without if x in body]
    res.n_with = (len(ok_with), len(with_))
    res.n_without = (len(without) - len(bad_without), len(without))
    s["with"] = len(ok_with) / len(with_) if with_ else 1.0
    s["without"] = 1 - len(bad_without) / len(without) if without else 1.0
    for x in with_:
        if x not in body:
            res.fails.append(f"  with-snippet missing: {clip(x, 110)}")
    for x in bad_without:
        res.fails.append(f"  without-snippet in body: {clip(x, 110)}")

    res.removed = [(r.rule, r.text) for r in page.removed]
    res.steps = [(st.rule, st.action) for st in page.trace]
    return res


def totals(results: list[PageResult]) -> dict[str, float]:
    keys = results[0].scores.keys()
    out = {k: sum(r.scores[k] for r in results) / len(results) for k in keys}
    return out


# --- reporting ---------------------------------------------------------------------------------


def print_report(results: list[PageResult], tot: dict[str, float], *, max_fails: int) -> None:
    rows = []
    for r in results:
        rows.append([r.id] + [r.scores[m] for m in MAIN_METRICS]
                    + [f"{r.n_with[0]}/{r.n_with[1]}", f"{r.n_without[0]}/{r.n_without[1]}"])
    nw = [sum(r.n_with[i] for r in results) for i in (0, 1)]
    nwo = [sum(r.n_without[i] for r in results) for i in (0, 1)]
    rows.append(["MEAN"] + [tot[m] for m in MAIN_METRICS] + [f"{nw[0]}/{nw[1]}", f"{nwo[0]}/{nwo[1]}"])
    print("== Scores per page (1.000 = perfect) ==")
    print(table(["page"] + list(MAIN_METRICS) + ["with#", "without#"], rows, align="l" + "r" * 10))

    print("\n== Sidebar fields: items with the field equal / items where either side has it ==")
    frows = []
    for f in SIDEBAR_FIELDS:
        cells = []
        for r in results:
            eq, n = r.side_fields[f]
            cells.append(f"{eq}/{n}" if n else "-")
        eq = sum(r.side_fields[f][0] for r in results)
        n = sum(r.side_fields[f][1] for r in results)
        frows.append([f] + cells + [f"{eq}/{n}" if n else "-", (eq / n) if n else ""])
    print(table(["field"] + [r.id[:3] for r in results] + ["total", "share"], frows,
                align="l" + "r" * (len(results) + 2)))

    print("\n== Removals per rule across the corpus (page.removed) and other trace actions ==")
    count: Counter[str] = Counter()
    nwords: Counter[str] = Counter()
    pages: dict[str, set[str]] = defaultdict(set)
    actions: dict[str, Counter[str]] = defaultdict(Counter)
    for r in results:
        for rule, text in r.removed:
            count[rule] += 1
            nwords[rule] += len(words(text))
            pages[rule].add(r.id)
        for rule, action in r.steps:
            actions[rule][action] += 1
    rules = sorted(set(count) | set(actions), key=lambda k: (-count[k], k))
    rrows = [[k, count[k], nwords[k], len(pages[k]) if k in pages else 0,
              " ".join(f"{a}:{n}" for a, n in sorted(actions[k].items()))] for k in rules]
    rrows.append(["TOTAL", sum(count.values()), sum(nwords.values()),
                  len({p for v in pages.values() for p in v}), ""])
    print(table(["rule", "removals", "words", "pages", "trace actions"], rrows, align="lrrrl"))

    failing = [r for r in results if r.fails]
    if failing and max_fails:
        print(f"\n== What differs (first {max_fails} notes per page; --fails N for more) ==")
        for r in failing:
            print(f"{r.id}:")
            for note in r.fails[:max_fails]:
                print(f"  {note}")
            if len(r.fails) > max_fails:
                print(f"  ... {len(r.fails) - max_fails} more")


# --- baseline ----------------------------------------------------------------------------------


def make_baseline(cleanpage: Any, results: list[PageResult], tot: dict[str, float],
                  digest: str, per_file: dict[str, str]) -> dict[str, Any]:
    return {
        "note": "Score floor for benchmarks/run.py --check. Regenerate with --update; "
                "say so in the change when a score goes down.",
        "cleanpage_version": getattr(cleanpage, "__version__", None),
        "corpus_sha256": digest,
        "corpus_files": per_file,
        "totals": {k: round(v, 6) for k, v in tot.items()},
        "pages": {r.id: {k: round(v, 6) for k, v in r.scores.items()} for r in results},
    }


def read_baseline(path: Path) -> dict[str, Any]:
    if not path.is_file():
        raise BenchError(f"no baseline at {path}; create it with: python benchmarks/run.py --update")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise BenchError(f"{path}: invalid JSON: {exc}") from exc
    for key in ("corpus_sha256", "pages", "totals"):
        if key not in data:
            raise BenchError(f"{path}: missing key {key!r}; regenerate with --update")
    return data


def compare(base: dict[str, Any], results: list[PageResult], tot: dict[str, float]) -> list[str]:
    """Every score now below its floor, as readable lines (also pages gone from the corpus)."""
    drops = []
    current = {r.id: r.scores for r in results}
    for pid, floor in sorted(base["pages"].items()):
        if pid not in current:
            drops.append(f"{pid}: page in the baseline is missing from the corpus")
            continue
        for k, v in sorted(floor.items()):
            now = current[pid].get(k)
            if now is None:
                drops.append(f"{pid} {k}: metric no longer produced (baseline {v:.3f})")
            elif now < v - EPS:
                drops.append(f"{pid} {k}: {now:.3f} < baseline {v:.3f}")
    for k, v in sorted(base["totals"].items()):
        now = tot.get(k)
        if now is not None and now < v - EPS:
            drops.append(f"MEAN {k}: {now:.3f} < baseline {v:.3f}")
    return drops


def corpus_changes(base: dict[str, Any], per_file: dict[str, str]) -> list[str]:
    old = base.get("corpus_files", {})
    out = [f"added   {n}" for n in sorted(set(per_file) - set(old))]
    out += [f"removed {n}" for n in sorted(set(old) - set(per_file))]
    out += [f"changed {n}" for n in sorted(set(old) & set(per_file)) if old[n] != per_file[n]]
    return out


# --- main --------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = ap.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if a score fell below the baseline or the corpus changed")
    mode.add_argument("--update", action="store_true", help="rewrite the baseline from the current scores")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help=f"corpus directory (default: {CORPUS.relative_to(REPO)})")
    ap.add_argument("--baseline", type=Path, default=BASELINE, help="baseline file (default: benchmarks/baseline.json)")
    ap.add_argument("--disable", action="append", default=[], metavar="RULE",
                    help="switch a rule or family off (repeatable), to see what it is worth")
    ap.add_argument("--fails", type=int, default=8, metavar="N", help="notes on differences to print per page (0: none)")
    args = ap.parse_args(argv)

    try:
        cleanpage = import_cleanpage()
        pages = load_pages(args.corpus)
        digest, per_file = corpus_digest(args.corpus)
        base = read_baseline(args.baseline) if args.check else None
        config = cleanpage.Config(disabled=frozenset(args.disable)) if args.disable else None
        if config is not None:
            unknown = [n for n in args.disable if n not in cleanpage.list_rules()
                       and not any(r.startswith(n + ".") for r in cleanpage.list_rules())]
            if unknown:
                raise BenchError(f"unknown rule(s) for --disable: {unknown}")
        if args.update and args.disable:
            raise BenchError("--update with --disable would pin a weakened baseline; refusing")
    except BenchError as exc:
        print(f"run.py: error: {exc}", file=sys.stderr)
        return 2

    results = [score_page(cleanpage, pid, src, exp, config) for pid, src, exp in pages]
    tot = totals(results)
    print(f"cleanpage {getattr(cleanpage, '__version__', '?')} on {len(results)} corpus pages "
          f"({args.corpus}), corpus sha256 {digest[:16]}"
          + (f", disabled: {', '.join(args.disable)}" if args.disable else ""))
    print()
    print_report(results, tot, max_fails=args.fails)

    if args.update:
        old = json.loads(args.baseline.read_text(encoding="utf-8")) if args.baseline.is_file() else None
        new = make_baseline(cleanpage, results, tot, digest, per_file)
        if old and "pages" in old:
            lowered = compare(old, results, tot)
            if lowered:
                print("\nbaseline: LOWERING the floor for:")
                for line in lowered:
                    print(f"  {line}")
        args.baseline.write_text(json.dumps(new, indent=2, sort_keys=False) + "\n", encoding="utf-8")
        print(f"\nbaseline written: {args.baseline}")
        return 0

    if args.check:
        assert base is not None
        status = 0
        drops = compare(base, results, tot)
        if drops:
            print(f"\nCHECK FAILED: {len(drops)} score(s) below the baseline:")
            for line in drops:
                print(f"  {line}")
            status = 1
        if base["corpus_sha256"] != digest:
            print("\nCHECK FAILED: the corpus changed since the baseline was written "
                  "(re-run with --update to accept):")
            for line in corpus_changes(base, per_file) or ["(file list unavailable in baseline)"]:
                print(f"  {line}")
            status = 1
        if status == 0:
            print("\ncheck: OK (no score below baseline, corpus unchanged)")
        return status
    return 0


if __name__ == "__main__":
    sys.exit(main())
