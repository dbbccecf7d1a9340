"""Pages from another test set: the news pages in newspaper4k's own tests, in eight scripts.

A check on pages the models never saw, from a project other than WCXB: newspaper4k
0.9.6 (MIT licence) ships real article pages (CNN, Wired, Time, BBC Chinese, Nikkei,
Yonhap, an Arabic, a Spanish, a Latvian and a Thai site, ...) with the article text its
tests expect. That text is newspaper4k's own extraction, checked by its authors: a weaker
gold than WCXB's human review, and silent on captions, decks and bylines, so every
system loses a little for keeping them. The pages are downloaded from PyPI (the sdist,
``pip download``) into ``benchmarks/out/newspaper4k/`` the first time; none is in this
repository.

Scores are word F1 against the expected text, with words as WCXB counts them (lower-case
``\\w+``) except that Chinese and Japanese characters count one each (a ``\\w+`` run of
them is a whole clause). Systems: ``clean(html).body`` and trafilatura's ``extract()`` on
the HTML; on the page as html-text renders it (as in ``text_extraction.py``), the text as
is and ``clean(text, Config(preview=True)).body``. Titles are right when their word F1
against the page's expected title is at least 0.8.

Usage: python benchmarks/other_pages.py [--json]   (needs pip install -e '.[bench]')
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from collections import Counter
from pathlib import Path

from _common import REPO, BenchError, f1, import_cleanpage, table, unpack_sdist

PACKAGE = "newspaper4k==0.9.6"
CACHE = REPO / "benchmarks" / "out" / "newspaper4k"
_DATA = "tests/data/"
_WANTED = re.compile(r"[^/]+/tests/data/(?:html/[\w.-]+\.html|txt/[\w.-]+\.txt|metadata/[\w.-]+\.json)")
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")
CREDIT = "newspaper4k 0.9.6 test pages and expected texts (MIT licence), downloaded from PyPI"


def words(text: str | None) -> Counter[str]:
    """Lower-case ``\\w+`` words, a Chinese or Japanese character a word of its own."""
    return Counter(_TOKEN.findall((text or "").lower()))


def fetch() -> Path:
    """The test data directory, downloaded and unpacked on first use (only its html, txt and json files)."""
    data = CACHE / "data"
    if (data / "txt").is_dir():
        return data
    # plain names only (_WANTED): nothing lands outside
    unpack_sdist(PACKAGE, CACHE, lambda name: data / name.split(_DATA, 1)[1] if _WANTED.fullmatch(name) else None)
    return data


def script(text: str) -> str:
    """The page's script, by its expected text: latin, cjk (Chinese, Japanese), or other."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "other"
    if sum(bool(re.match(f"[{_CJK}]", c)) for c in letters) > 0.3 * len(letters):
        return "cjk"
    return "latin" if sum(c.isascii() or "\u00c0" <= c <= "\u024f" for c in letters) > 0.8 * len(letters) else "other"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.CRITICAL)
    try:
        data = fetch()
        import html_text
        import trafilatura
    except (BenchError, ImportError) as exc:
        print(f"other_pages.py: error: {exc}", file=sys.stderr)
        return 2
    cp = import_cleanpage()
    html_cleaner = cp.Cleaner()
    text_cleaner = cp.Cleaner(cp.Config(input_format="text", preview=True))
    from cleanpage.lines.scorer import LineScorer

    scorer = LineScorer()  # the share of a page's words its vocabulary knows (set aside under MIN_KNOWN_SHARE)
    systems = ("cleanpage clean(html)", "trafilatura extract(html)", "text as is (html-text)",
               "cleanpage clean(text), preview")
    rows: list[dict] = []
    spent = dict.fromkeys(systems, 0.0)
    for path in sorted((data / "html").glob("*.html")):
        expected = data / "txt" / f"{path.stem}.txt"
        if not expected.exists():
            continue
        gold = expected.read_text(encoding="utf-8", errors="replace")
        meta_file = data / "metadata" / f"{path.stem}.json"
        gold_title = json.loads(meta_file.read_text(encoding="utf-8")).get("title") if meta_file.exists() else None
        raw = path.read_bytes()
        html = raw.decode("utf-8", errors="replace")
        text = html_text.extract_text(html, guess_layout=True)
        outs = {}
        t = time.process_time()
        page = html_cleaner.clean(raw)
        spent[systems[0]] += time.process_time() - t
        t = time.process_time()
        outs[systems[1]] = trafilatura.extract(html) or ""
        spent[systems[1]] += time.process_time() - t
        t = time.process_time()
        text_page = text_cleaner.clean(text)
        spent[systems[3]] += time.process_time() - t
        outs[systems[0]], outs[systems[2]], outs[systems[3]] = page.body, text, text_page.body
        want = words(gold)
        row = {"page": path.stem, "script": script(gold),
               "f1": {name: f1(words(out), want)[2] for name, out in outs.items()},
               "known": scorer.score(text).known_share}
        if gold_title:
            row["title"] = {name: f1(words(got), words(gold_title))[2] >= 0.8
                            for name, got in (("html", page.title), ("text", text_page.title))}
        rows.append(row)
    if not rows:
        print(f"other_pages.py: error: no page with an expected text under {data}", file=sys.stderr)
        return 2
    groups = {"all": rows, **{s: [r for r in rows if r["script"] == s] for s in ("latin", "cjk", "other")}}
    summary = {name: {g: sum(r["f1"][name] for r in rs) / len(rs) for g, rs in groups.items() if rs}
               for name in systems}
    titled = [r for r in rows if "title" in r]
    titles = {k: sum(r["title"][k] for r in titled) for k in ("html", "text")}
    if args.json:
        print(json.dumps({"credit": CREDIT, "pages": len(rows), "f1": summary, "titles": titles,
                          "titled_pages": len(titled), "rows": rows}, indent=1))
        return 0
    counts = {g: len(rs) for g, rs in groups.items()}
    print(f"{len(rows)} pages with an expected text ({CREDIT}); word F1, mean over pages")
    print(table(["system", *(f"{g} ({n})" for g, n in counts.items() if n)],
                [[name, *(f"{summary[name][g]:.3f}" for g, n in counts.items() if n)] for name in systems]))
    print(f"\ntitle right (word F1 >= 0.8 against the expected title), {len(titled)} pages: "
          f"clean(html) {titles['html']}, clean(text) with preview {titles['text']}")
    print("\nper page (" + ", ".join(f"{k + 1}: {name}" for k, name in enumerate(systems)) + ")")
    print(table(["page", "script", "1", "2", "3", "4", "words known"],
                [[r["page"], r["script"], *(f"{r['f1'][name]:.3f}" for name in systems), f"{r['known']:.0%}"]
                 for r in rows]))
    print("words known: the share of the page's words (as html-text renders it) that the line model's "
          "vocabulary knows; under 60%, 4 reads the page with the vocabulary set aside")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BenchError as exc:
        print(f"other_pages.py: error: {exc}", file=sys.stderr)
        sys.exit(2)
