"""Training data for the line scorer: WCXB dev renderings split into lines, labelled by alignment.

A rendering (``html_text.extract_text(html, guess_layout=True)``, as ``benchmarks/wcxb.py``
makes and caches it) is split into lines exactly as ``cleanpage.lines`` splits text. A line is
labelled content when at least half of its words are matched by an in-order alignment
(``difflib.SequenceMatcher`` on lower-case ``\\w+`` tokens) of the whole rendering against the
page's human-reviewed ``main_content``. Keeping exactly the content lines is the ceiling that
line granularity allows (``python training/text/data.py`` prints it).

Labels are cached under ``benchmarks/out/`` (ignored by git): no WCXB text enters the repository.
WCXB (Web Content eXtraction Benchmark, Murrough Foley, 2026), CC-BY-4.0.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "src"))

import wcxb  # noqa: E402
from _common import bag, f1  # noqa: E402

from cleanpage.lines.split import split_lines  # noqa: E402

LABELS = REPO / "benchmarks" / "out" / "wcxb-line-labels.json"
_WORD = re.compile(r"\w+")
MIN_MATCHED = 0.5


@dataclass
class Page:
    fid: str
    page_type: str
    domain: str
    text: str
    lines: list[str]  # the non-blank lines, as split_lines gives them
    labels: list[int]  # 1 content, 0 chrome, per line
    main: str
    title: str


def align(lines: list[str], main: str) -> list[int]:
    """1 for each line whose words are at least half matched, in order, by ``main``'s words."""
    toks: list[str] = []
    owner: list[int] = []
    for i, line in enumerate(lines):
        w = _WORD.findall(line.lower())
        toks.extend(w)
        owner.extend([i] * len(w))
    gold = _WORD.findall(main.lower())
    matched = [0] * len(lines)
    sm = difflib.SequenceMatcher(None, toks, gold, autojunk=False)
    for a, _b, size in sm.get_matching_blocks():
        # single-word matches of common words are noise when the gold text is far away
        if size < 2 and len(gold) > 20:
            continue
        for k in range(a, a + size):
            matched[owner[k]] += 1
    out = []
    for i, line in enumerate(lines):
        n = len(_WORD.findall(line))
        out.append(1 if n and matched[i] >= MIN_MATCHED * n else 0)
    return out


def load(data: Path = wcxb.DEFAULT_DATA, limit: int = 0) -> list[Page]:
    pages = wcxb.load(data, limit=limit)
    texts = wcxb.renderings(pages, workers=1)
    cache = json.loads(LABELS.read_text()) if LABELS.exists() else {}
    out, dirty = [], False
    for p in pages:
        text = texts[p.fid]
        lines = [ln.text for ln in split_lines(text)]
        key = f"{p.fid}:{len(lines)}"
        if key not in cache:
            cache[key] = align(lines, p.main_content)
            dirty = True
        out.append(Page(p.fid, p.page_type, p.domain or p.fid, text, lines, cache[key], p.main_content,
                        p.truth.get("title") or ""))
    if dirty:
        LABELS.parent.mkdir(parents=True, exist_ok=True)
        LABELS.write_text(json.dumps(cache))
    return out


def main() -> None:
    pages = load(limit=int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    f = [f1(bag("\n".join(l for l, y in zip(p.lines, p.labels) if y)), bag(p.main))[2] for p in pages]
    n = sum(len(p.lines) for p in pages)
    pos = sum(sum(p.labels) for p in pages)
    print(f"{len(pages)} pages, {n} lines ({n / len(pages):.0f} a page), {pos / n:.3f} content; "
          f"oracle word-F1 (keep exactly the content lines) {sum(f) / len(f):.4f}")


if __name__ == "__main__":
    main()
