"""The WCXB development split, as every benchmark here reads it.

WCXB (Web Content eXtraction Benchmark, Murrough Foley, 2026, CC-BY-4.0) ships
``html/NNNN.html.gz`` and ``ground-truth/NNNN.json``. This module loads them, renders
the HTML to plain text as a scraper does (``html_text.extract_text(html,
guess_layout=True)``, the benchmark-only ``html-text`` package), and scores an
output with the benchmark's metric: word F1 of lower-case ``\\w+`` tokens against
``main_content``, counted as multisets.

Renderings are cached under ``benchmarks/out/`` (ignored by git): the data is
never copied into the repository.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import REPO, BenchError, bag, f1

DEFAULT_DATA = REPO.parent / "shared" / "data" / "wcxb-dev"
CACHE = REPO / "benchmarks" / "out" / "wcxb-text"
CREDIT = "WCXB (Web Content eXtraction Benchmark, Murrough Foley, 2026), CC-BY-4.0"


@dataclass(frozen=True)
class WcxbPage:
    fid: str
    page_type: str
    domain: str
    url: str
    truth: dict[str, Any]  # ground_truth: main_content, title, author, publish_date, with, without
    html_path: Path

    def html(self) -> bytes:
        return gzip.decompress(self.html_path.read_bytes())

    @property
    def main_content(self) -> str:
        return self.truth.get("main_content") or ""


def load(data: Path = DEFAULT_DATA, *, limit: int = 0) -> list[WcxbPage]:
    """Every dev page that has both its HTML and a ground truth, in file order."""
    html_dir, gt_dir = data / "html", data / "ground-truth"
    if not html_dir.is_dir() or not gt_dir.is_dir():
        raise BenchError(f"WCXB data not found in {data}: expected html/ and ground-truth/; "
                         f"pass the directory of the WCXB dev split")
    pages = []
    for gt_path in sorted(gt_dir.glob("*.json")):
        html_path = html_dir / f"{gt_path.stem}.html.gz"
        if not html_path.exists():
            continue
        doc = json.loads(gt_path.read_text(encoding="utf-8"))
        internal = doc.get("_internal", {}).get("page_type", {})
        url = doc.get("url") or ""
        domain = url.split("/")[2] if url.count("/") >= 2 else ""
        pages.append(WcxbPage(gt_path.stem, internal.get("primary", "unknown"), domain.removeprefix("www."),
                              url, doc.get("ground_truth", {}), html_path))
        if limit and len(pages) >= limit:
            break
    if not pages:
        raise BenchError(f"no WCXB pages in {data}")
    return pages


#: how a scraper may have turned a page into text: the benchmarks' rendering, and two others
#: (``text_extraction.py --render``) to show that the text path does not depend on one tool
RENDERERS = {
    "html-text": ("html-text", "html_text.extract_text(html, guess_layout=True): blocks on lines, a blank "
                               "line between paragraphs"),
    "bs4": ("beautifulsoup4", "BeautifulSoup(html, 'lxml') without script and style, get_text('\\n', strip=True): "
                              "every text node on its own line, links cut out of their sentences"),
    "resiliparse": ("resiliparse", "resiliparse extract_plain_text(main_content=False): the whole page as a "
                                   "browser lays it out, as crawl dumps hold it"),
}


def _cache(render: str) -> Path:
    return CACHE if render == "html-text" else CACHE.with_name(f"{CACHE.name}-{render}")


def _render(args: tuple[str, str, str]) -> tuple[str, str]:
    fid, path, render = args
    html = gzip.decompress(Path(path).read_bytes()).decode("utf-8", "replace")
    if render == "bs4":
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(html, "lxml")
        for tag in soup(["script", "style", "noscript", "template"]):
            tag.decompose()
        return fid, soup.get_text("\n", strip=True)
    if render == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        return fid, extract_plain_text(HTMLTree.parse(html), main_content=False)
    import html_text

    return fid, html_text.extract_text(html, guess_layout=True)


def renderings(pages: list[WcxbPage], *, workers: int = 2, render: str = "html-text") -> dict[str, str]:
    """fid -> the page rendered to text as a scraper does (``RENDERERS``); cached on disk."""
    if render not in RENDERERS:
        raise BenchError(f"unknown rendering {render!r}: one of {', '.join(RENDERERS)}")
    cache = _cache(render)
    cache.mkdir(parents=True, exist_ok=True)
    out: dict[str, str] = {}
    todo = []
    for p in pages:
        cached = cache / f"{p.fid}.txt"
        if cached.exists():
            out[p.fid] = cached.read_text(encoding="utf-8")
        else:
            todo.append((p.fid, str(p.html_path), render))
    if todo:
        package = RENDERERS[render][0]
        try:
            _render((todo[0][0], todo[0][1], render))
        except ImportError as exc:
            raise BenchError(f"rendering WCXB pages this way needs {package}: pip install {package}") from exc
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for fid, text in pool.map(_render, todo, chunksize=8):
                (cache / f"{fid}.txt").write_text(text, encoding="utf-8")
                out[fid] = text
    return out


def score(output: str | None, page: WcxbPage) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``output`` against the page's main content."""
    return f1(bag(output), bag(page.main_content))


def snippets(output: str | None, page: WcxbPage) -> tuple[int, int, int, int]:
    """(with found, with total, without kept out, without total), on whitespace-normalised lower text."""
    text = " ".join((output or "").lower().split())
    want = [" ".join(s.lower().split()) for s in page.truth.get("with") or [] if s and s.strip()]
    avoid = [" ".join(s.lower().split()) for s in page.truth.get("without") or [] if s and s.strip()]
    return (sum(s in text for s in want), len(want), sum(s not in text for s in avoid), len(avoid))


def by_type(pages: list[WcxbPage]) -> Iterator[tuple[str, list[WcxbPage]]]:
    groups: dict[str, list[WcxbPage]] = {}
    for p in pages:
        groups.setdefault(p.page_type, []).append(p)
    yield from sorted(groups.items(), key=lambda kv: -len(kv[1]))
