"""Hostile input: each case's outcome, CPU time and peak memory, each in a fresh process.

The named hostile inputs (empty input, a 20 MB line, 100,000-deep nesting, an entity
bomb, 50,000 <br>, NUL bytes, invalid UTF-8, UTF-16, cp1252 German, cp1251 Russian, a
gzip file, a 1 MB run of one character, a page of nothing but chrome) and a few more.
Every case has an expected outcome, checked here and in ``tests/test_hostile.py``.

Each case runs in a child process: it builds the input, warms cleanpage up on a small
text and a small HTML page (imports, compiled patterns) and the case's ``Cleaner`` on a
small text (what its ``Config`` loads on first use), resets the process's peak resident
set size (Linux ``/proc/self/clear_refs``), then calls ``clean()`` once.

* time: CPU seconds of that call (``time.process_time()``), steady on a shared machine;
  wall seconds are printed too;
* memory: the peak RSS during the call minus the RSS before it (``VmHWM``, ``VmRSS``);
* the bar: under 2 CPU seconds, and memory under 10x the input size (inputs under
  1 MB: under 10 MB, since a clean() call needs a few MB whatever its input).

Usage:
    python benchmarks/hostile.py [--case NAME ...] [--json] [--check]
    python benchmarks/hostile.py --floor [--case NAME ...]

``--floor`` measures what a case costs before cleanpage's own work: for every case, the
memory the returned ``Page`` alone holds (its paragraphs, placements, trace and metadata:
Python's allocations still alive after the call, by ``tracemalloc``); for the HTML cases,
what any lxml-based extractor pays: the peak memory of lxml's tree of the input alone, and
of ``trafilatura.extract`` when installed.

``--check`` exits 1 if an outcome is wrong or a case is over the bar, except the cases
marked ``known_over``: those are over it for reasons in the engine or the block model,
named in the output (README, "Reliability").
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import CORPUS, REPO, import_cleanpage, proc_status, reset_peak, table

HERE = Path(__file__).resolve()
MAX_CPU_S = 2.0
MAX_MEMORY_RATIO = 10.0
MEMORY_FLOOR_MB = 10.0  # the bar for inputs under 1 MB
MB = 1_000_000


# --- inputs ----------------------------------------------------------------------------------------------


def corpus_pages() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]


def article() -> str:
    """Corpus page 004: a real scraped page, chrome and all."""
    return (CORPUS / "004_abf284a7c15c6f9b.txt").read_text(encoding="utf-8")


def prose_line(size: int) -> str:
    """One line of article prose (the corpus pages' bodies, repeated) of at most ``size``
    UTF-8 bytes: an article whose every line break was lost."""
    cleanpage = import_cleanpage()
    unit = " ".join(" ".join(cleanpage.clean(p).body for p in corpus_pages()).split()) + " "
    per_char = len(unit.encode("utf-8")) / len(unit)
    n = int(size / per_char) - 1000
    line = (unit * (n // len(unit) + 1))[:n]
    return line[:line.rfind(" ")]


def corpus_text(size: int) -> str:
    """The corpus pages, line breaks and all, repeated to ``size`` characters."""
    unit = "\n\n".join(corpus_pages()) + "\n\n"
    return (unit * (size // len(unit) + 1))[:size]


def corpus_line(size: int) -> str:
    """Every corpus page, chrome included, on one line, repeated to ``size`` characters."""
    unit = " ".join(" ".join(corpus_pages()).split()) + " "
    line = (unit * (size // len(unit) + 1))[:size]
    return line[:line.rfind(" ")]


GERMAN = """Bahnstreik legt Verkehr in München lahm
Die Gewerkschaft der Lokführer hat am Montag den Fern- und Regionalverkehr in Süddeutschland weitgehend zum Erliegen gebracht.
Tausende Pendler mussten auf Busse und Fahrgemeinschaften ausweichen, wie ein Sprecher der Bahn mitteilte.
„Wir bedauern die Einschränkungen für unsere Fahrgäste außerordentlich“, sagte der Konzernsprecher in Berlin.
Die Gespräche über höhere Löhne und kürzere Arbeitszeiten sollen am Donnerstag fortgesetzt werden.
Teilen
Kommentare
"""
RUSSIAN = """Лавров прибыл в Пхеньян для переговоров
Министр иностранных дел России Сергей Лавров прибыл в Пхеньян, где проведёт переговоры с руководством КНДР.
Стороны обсудят военное сотрудничество и поставки, сообщили в министерстве в пятницу.
«Наши отношения развиваются очень динамично», — заявил министр журналистам после встречи.
Визит продлится три дня, после чего делегация отправится в Вонсан.
"""
CHROME = """Share
Facebook Twitter WhatsApp Email
Advertisement
Try Our AI Features
Explore what Daily8 AI can do for you:
Comments
No comments yet...
Be the first to comment
Hashtags
Tags: Russia, North Korea
Subscribe to our newsletter
Download our app
Read more: Trump says tariffs will stay
Leave a Reply
Your email address will not be published. Required fields are marked *
"""


def nul_bytes() -> bytes:
    """A corpus page as UTF-8 with a NUL byte after every 150 bytes or so (at spaces)."""
    text = article()
    out = []
    for i, chunk in enumerate(text.split(" ")):
        out.append(chunk + ("\x00" if i % 25 == 24 else ""))
    return " ".join(out).encode("utf-8")


def invalid_utf8() -> bytes:
    """A corpus page as UTF-8 with stray bytes that are not UTF-8 (cut sequences, 0xFF)."""
    data = bytearray(article().encode("utf-8"))
    for at in range(500, len(data), 997):
        while at < len(data) and data[at] != 0x20:
            at += 1
        data[at:at] = b"\xff\xc3 \xe2\x80"
    return bytes(data)


def deep_divs(depth: int) -> str:
    return ("<!doctype html><html><head><title>Deep page</title></head><body><p>The article starts here, "
            "above the nesting.</p>" + "<div>" * depth + "<p>The innermost paragraph says the deep text is kept.</p>"
            + "</div>" * depth + "<p>The closing paragraph comes after every div.</p></body></html>")


ENTITY_BOMB = ("<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n<!ENTITY lol \"lol\">\n"
               + "".join(f"<!ENTITY lol{i} \"{('&lol' + (str(i - 1) if i > 1 else '') + ';') * 10}\">\n"
                         for i in range(1, 10))
               + "]>\n<html><body><p>Billion laughs: &lol9;</p>"
               "<p>The paragraph after the bomb is an ordinary sentence of the article.</p></body></html>")


# --- cases --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    name: str
    what: str  # what it is and what must come out
    build: Callable[[], Any]  # -> str or bytes
    check: Callable[[Any, Any], str | None]  # (input, page or the exception) -> what is wrong, or None
    config: dict[str, Any] | None = None  # Config options
    in_bar: bool = True  # held to the time and memory bar
    slow: bool = False  # the test suite runs it only with CLEANPAGE_SLOW=1
    known_over: str | None = None  # over the bar for a reason outside the input layer (README, Reliability)


def _page(result: Any) -> Any:
    if isinstance(result, BaseException):
        raise AssertionError(f"raised {type(result).__name__}: {result}")
    return result


def expect(*conditions: tuple[bool, str]) -> str | None:
    bad = [why for ok, why in conditions if not ok]
    return "; ".join(bad) or None


def _words(text: str) -> list[str]:
    import regex

    return regex.findall(r"\w+", text)


def check_empty(src: Any, result: Any) -> str | None:
    page = _page(result)
    return expect((page.body == "" and page.paragraphs == () and page.title is None, "not an empty page"),
                  (page.removed == () and page.warnings == (), "removals or warnings on an empty page"))


def check_kept(src: Any, result: Any) -> str | None:
    """A page, without warnings, whose body and title hold words of the input."""
    page = _page(result)
    return expect((bool(page.paragraphs), "empty body"), (page.warnings == (), f"warnings: {page.warnings}"))


def check_kept_little_text(src: Any, result: Any) -> str | None:
    """``check_kept``, but with the one warning that a few words in a lot of markup give."""
    page = _page(result)
    return expect((bool(page.paragraphs), "empty body"),
                  ([w.split(":")[0] for w in page.warnings] == ["little_text"], f"warnings: {page.warnings}"))


def accounted(page: Any) -> str | None:
    """None if every non-blank character of ``page.source`` is placed exactly once (in the
    body, the title, metadata, a sidebar item or a removal), else the first one that is not."""
    pos = 0
    src = page.source
    for start, end in sorted((p[0], p[1]) for p in page.placements):
        if start < pos:
            return f"placed twice at {start}: {src[start:pos][:40]!r}"
        if src[pos:start].strip():
            return f"not placed at {pos}: {src[pos:start].strip()[:40]!r}"
        pos = end
    return f"not placed at the end: {src[pos:].strip()[:40]!r}" if src[pos:].strip() else None


def check_all_words_placed(src: Any, result: Any) -> str | None:
    """Nothing cut off: every non-blank character of the (decoded, rendered) input is placed."""
    return accounted(_page(result))


def check_deep(src: Any, result: Any) -> str | None:
    page = _page(result)
    everything = " ".join([page.title or "", page.body])
    return expect(
        ("innermost paragraph" in everything, "the text inside the nesting was lost"),
        ("closing paragraph comes after" in page.body, "the text after the nesting was lost"),
        ("article starts here" in page.body, "the text before the nesting was lost"),
        (any(w.startswith("deep_html:") for w in page.warnings), "no deep_html warning"))


def check_entity_bomb(src: Any, result: Any) -> str | None:
    page = _page(result)
    return expect(("lollol" not in page.source, "an entity was expanded"),
                  ("ordinary sentence of the article" in page.body, "the paragraph after the bomb was lost"),
                  (len(page.source) < 2000, f"rendered text of {len(page.source):,} characters"))


def check_br(src: Any, result: Any) -> str | None:
    page = _page(result)
    n = sum(p.split().count("line") for p in page.paragraphs)
    return expect((n == 50_000, f"{n:,} of 50,000 lines in the body"))


def check_decoded(expected_text: str, codec: str) -> Callable[[Any, Any], str | None]:
    def check(src: Any, result: Any) -> str | None:
        page = _page(result)
        return expect((page.source == expected_text, "decoded text differs from the original"),
                      (page.metadata.get("encoding") == codec, f"encoding {page.metadata.get('encoding')!r}, "
                                                               f"not {codec!r}"))
    return check


def check_nul(src: Any, result: Any) -> str | None:
    page = _page(result)
    return expect((page.source == src.decode("utf-8"), "decoded text differs"),
                  (accounted(page) is None, f"text lost around NUL bytes: {accounted(page)}"))


def check_invalid_utf8(src: Any, result: Any) -> str | None:
    page = _page(result)
    ascii_words = set(_words(src.decode("ascii", "ignore")))
    got = set(_words(page.source))
    return expect((ascii_words <= got, f"ASCII words lost in decoding: {sorted(ascii_words - got)[:5]}"),
                  ("encoding" in page.metadata, "no encoding reported"),
                  (accounted(page) is None, f"decoded text lost: {accounted(page)}"))


def _input_error(result: Any, *words: str) -> str | None:
    """None if ``result`` is an ``InputError`` whose message names every one of ``words``."""
    from cleanpage import InputError

    if not isinstance(result, InputError):
        return f"expected InputError, got {type(result).__name__}"
    return expect((all(w in str(result) for w in words), f"unclear message: {result}"))


def check_gzip(src: Any, result: Any) -> str | None:
    return _input_error(result, "gzip", "Decompress")


def check_repeated(src: Any, result: Any) -> str | None:
    page = _page(result)
    return expect((page.paragraphs == (src,), "the run of one character is not the body, whole"))


def check_all_chrome(src: Any, result: Any) -> str | None:
    page = _page(result)
    chrome = {line.strip() for line in CHROME.splitlines() if line.strip()}
    return expect((page.body == "", f"body is not empty: {page.body[:80]!r}"),
                  (page.title is None or page.title not in chrome, f"a chrome line became the title: {page.title!r}"),
                  (accounted(page) is None, f"chrome not accounted for: {accounted(page)}"))


def check_timeout(src: Any, result: Any) -> str | None:
    page = _page(result)
    return expect((any(w.startswith("timeout:") for w in page.warnings), "no timeout warning"),
                  (accounted(page) is None, f"text lost on timeout: {accounted(page)}"),
                  (page.source == src, "the page is not the input"))


def check_too_big(src: Any, result: Any) -> str | None:
    return _input_error(result, "max_bytes", "truncate")


def check_truncated(src: Any, result: Any) -> str | None:
    page = _page(result)
    return expect((any(w.startswith("truncated:") for w in page.warnings), "no truncation warning"),
                  (len(page.source.encode("utf-8")) <= 20 * MB, "more than max_bytes cleaned"),
                  (src.startswith(page.source), "the cleaned text is not the start of the input"))


CASES: dict[str, Case] = {c.name: c for c in [
    Case("empty", "empty input: an empty page", lambda: "", check_empty),
    Case("whitespace", "only whitespace (50 KB): an empty page", lambda: " \n\t\r\n\u00a0 " * 7000, check_empty),
    Case("line_20mb", "a single 20 MB line of article prose: cut into blocks, cleaned in linear time",
         lambda: prose_line(20 * MB), check_kept),
    Case("deep_100k", "100,000-deep <div> nesting: read as text lines, every paragraph kept, a warning",
         lambda: deep_divs(100_000), check_deep),
    Case("entity_bomb", "billion laughs in a doctype: nothing expanded, the page after it kept",
         lambda: ENTITY_BOMB, check_entity_bomb),
    Case("br_50k", "50,000 <br> in one paragraph: 50,000 lines kept",
         lambda: "<html><body><p>" + "line<br>" * 50_000 + "</p></body></html>", check_br,
         known_over="lxml's tree of this input alone peaks at about 11.6 MB, over the 10 MB bar before any block "
                    "is made, and the Page returned holds 5.0 MB, 12.5x the input (--floor); each of the 50,000 "
                    "lines is a block of about 400 bytes"),
    Case("nul_bytes", "a page with NUL bytes among its words: a page, no word cut off", nul_bytes, check_nul),
    Case("invalid_utf8", "a page with bytes that are not UTF-8: decoded, every word kept", invalid_utf8,
         check_invalid_utf8),
    Case("utf16_bom", "a page in UTF-16 with a BOM: decoded exactly", lambda: article().encode("utf-16"),
         check_decoded(article(), "utf-16-le")),
    Case("cp1252_german", "German in cp1252, no declaration: decoded exactly as cp1252",
         lambda: GERMAN.encode("cp1252"), check_decoded(GERMAN, "cp1252")),
    Case("cp1251_russian", "Russian in cp1251, no declaration: decoded exactly as cp1251",
         lambda: RUSSIAN.encode("cp1251"), check_decoded(RUSSIAN, "cp1251")),
    Case("gzip", "a gzip file: InputError saying to decompress it", lambda: gzip.compress(article().encode()),
         check_gzip),
    Case("one_char_1mb", "a 1 MB line of one repeated character: the body, whole", lambda: "a" * MB,
         check_repeated),
    Case("all_chrome", "a page of nothing but chrome: an empty body, no chrome line as title", lambda: CHROME,
         check_all_chrome),
    # beyond the list
    Case("corpus_line_5mb", "every corpus page on one 5 MB line, chrome included: linear time",
         lambda: corpus_line(5 * MB), check_kept),
    Case("huge_attribute", "a 5 MB attribute value: the paragraphs kept, and a little_text warning (8 words in 5 MB)",
         lambda: f"<html><body><p title=\"{'x' * (5 * MB)}\">The paragraph with a huge attribute.</p>"
                 "<p>Another paragraph.</p></body></html>", check_kept_little_text),
    Case("unclosed_100k", "100,000 unclosed inline tags: the text kept",
         lambda: "<html><body>" + "<b><i>word " * 50_000 + "</body></html>", check_all_words_placed),
    Case("timeout", "the 5 MB corpus line with Config(timeout_s=0.3): stops early with a warning, no text lost",
         lambda: corpus_line(5 * MB), check_timeout, {"timeout_s": 0.3}),
    Case("fused_1mb", "1 MB of 'a.A' on one line: 333,333 sentence ends glued to a capital, none with a "
                      "sentence on either side, so no paragraph break is put back: the line, whole",
         lambda: "a.A" * (MB // 3), check_kept),
    Case("space_runs_1mb", "1 MB on one line, its words set apart by runs of 9,000 spaces: cut into blocks in linear "
                           "time, every word placed",
         lambda: ("word" + " " * 9000) * 110 + "word", check_all_words_placed),
    Case("space_runs_preview", "40 lines of two words 9,000 spaces apart with Config(preview=True): the title "
                               "picker's search for a separator in linear time, every word placed",
         lambda: ("Big" + " " * 9000 + "news\n") * 40 + "The bridge will open next spring, the council said.\n",
         check_all_words_placed, {"preview": True}),
    Case("preview_1mb", "1 MB of corpus pages with Config(preview=True): read by the line model, every word placed",
         lambda: corpus_text(MB), check_all_words_placed, {"preview": True},
         known_over="the page's blocks, and on top of them, while the line model reads the page, its arrays (an "
                    "entry per word, 33 bytes, and per line) and the temporaries of the line features; "
                    "Config.max_scored_chars (2,000,000) bounds the page it reads"),
    Case("over_max_bytes", "25 MB of text: InputError naming max_bytes and truncate",
         lambda: ("A line of text.\n" * (25 * MB // 16)), check_too_big, in_bar=False),
    Case("truncate", "25 MB of corpus pages with Config(truncate=True): the first 20 MB cleaned, a warning",
         lambda: corpus_text(25 * MB), check_truncated, {"truncate": True}, in_bar=False, slow=True),
    Case("many_p_50k", "50,000 <p> and no other markup: read as text, every paragraph kept or removed by a named rule",
         lambda: "<html><body>" + "".join(f"<p>Paragraph {i} of the story says something.</p>"
                                          for i in range(50_000)) + "</body></html>",
         check_all_words_placed, slow=True,
         known_over="50,000 blocks: about 660 bytes each in the Document when the rules start (block 150, keyword "
                    "list 120, origin 110, text 95, element path 75, offsets 65) and about 270 more while they run"),
    Case("article_p_50k", "50,000 <p> in an <article> after a <nav>: every paragraph scored by the DOM model",
         lambda: "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>A long story</h1>"
                 + "".join(f"<p>Paragraph {i} of the story says something.</p>" for i in range(50_000))
                 + "</article></body></html>",
         check_all_words_placed, slow=True,
         known_over="the blocks, as in many_p_50k; and before them, the DOM model's features while they are "
                    "computed (94 stored float32 columns, 19 MB for 50,000 blocks, and 13 MB of temporaries), "
                    "beside the DOM walk's lists (18 MB)"),
]}


def size_of(src: Any) -> int:
    return len(src.encode("utf-8", "surrogatepass")) if isinstance(src, str) else len(src)


# --- one case, in this process --------------------------------------------------------------------------


def warm_up(cleanpage: Any, case: Case) -> Any:
    """The case's Cleaner, after what the first calls of a process load: imports, models,
    compiled patterns, and what the case's Config loads on first use (with ``preview``, the
    line model and its word tables, 5 MB)."""
    cleanpage.clean("Warm up\nA sentence of the article.\n")
    cleanpage.clean(b"<html><body><p>Warm up.</p><p>A sentence.</p></body></html>")
    cleanpage.clean(GERMAN.encode("cp1252"))
    cleaner = cleanpage.Cleaner(cleanpage.Config(**(case.config or {})))
    cleaner.clean(GERMAN)
    return cleaner


def run_case(case: Case) -> dict[str, Any]:
    """Build, warm up, clean once; measure. Runs in the child process."""
    import gc
    import resource

    cleanpage = import_cleanpage()
    src = case.build()
    cleaner = warm_up(cleanpage, case)
    gc.collect()
    exact = reset_peak()
    rss_before = proc_status("VmRSS")
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    t_cpu, t_wall = time.process_time(), time.perf_counter()
    try:
        result: Any = cleaner.clean(src)
    except Exception as exc:  # noqa: BLE001 - reported as the case's outcome
        result = exc
    cpu, wall = time.process_time() - t_cpu, time.perf_counter() - t_wall
    peak = proc_status("VmHWM") if exact else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    if not exact:
        peak = max(peak, peak_before)
    problem = case.check(src, result)
    out = {"case": case.name, "bytes": size_of(src), "cpu_s": cpu, "wall_s": wall,
           "memory_mb": max(0, peak - rss_before) / MB, "exact_peak": exact, "problem": problem,
           "outcome": (f"{type(result).__name__}" if isinstance(result, BaseException)
                       else f"{len(result.paragraphs)} paragraphs, {len(result.removed)} removed"
                            + (f", warnings: {', '.join(w.split(':')[0] for w in result.warnings)}"
                               if result.warnings else ""))}
    return out


def run_floor(case: Case) -> dict[str, Any]:
    """What a case costs before cleanpage's own work: on an HTML case, the peak memory of
    lxml's tree of the input and of trafilatura's ``extract`` of it (when installed); then
    the memory the Page ``clean()`` returns holds. Runs in the child process."""
    import gc
    import tracemalloc

    src = case.build()
    out: dict[str, Any] = {"case": case.name, "bytes": size_of(src)}
    if is_html(src):  # first: a clean() call before them would leave heap they reuse
        import lxml.html

        tools: list[tuple[str, Callable[[Any], Any]]] = [("lxml_tree_mb", lxml.html.document_fromstring)]
        try:
            import trafilatura

            trafilatura.extract("<html><body><p>Warm up, a sentence of the article.</p></body></html>")
            tools.append(("trafilatura_mb", trafilatura.extract))
        except ImportError:
            pass
        for key, tool in tools:
            gc.collect()
            exact = reset_peak()
            before = proc_status("VmRSS")
            tool(src)  # its peak is what counts (VmHWM), not what it leaves
            out[key] = max(0, proc_status("VmHWM") - before) / MB if exact else float("nan")
    cleanpage = import_cleanpage()
    cleaner = warm_up(cleanpage, case)
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    try:
        page = cleaner.clean(src)
    except cleanpage.CleanpageError:
        page = None
    gc.collect()
    if page is not None:  # the input is not counted: it was there before the call
        out["page_mb"] = (tracemalloc.get_traced_memory()[0] - before) / MB
    tracemalloc.stop()
    return out


def is_html(src: Any) -> bool:
    return isinstance(src, (str, bytes)) and src[:200].lstrip()[:1] in ("<", b"<")


def within_bar(row: dict[str, Any]) -> list[str]:
    over = []
    if row["cpu_s"] > MAX_CPU_S:
        over.append(f"{row['cpu_s']:.2f} CPU s > {MAX_CPU_S:g}")
    budget = max(MAX_MEMORY_RATIO * row["bytes"] / MB, MEMORY_FLOOR_MB)
    if row["memory_mb"] > budget:
        over.append(f"{row['memory_mb']:.0f} MB > {budget:.0f} MB")
    return over


def run_child(name: str, timeout: float = 300, floor: bool = False) -> dict[str, Any]:
    cmd = [sys.executable, str(HERE), "--_child", name] + (["--_floor"] if floor else [])
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, cwd=REPO)
    except subprocess.TimeoutExpired:
        return {"case": name, "problem": f"killed after {timeout:g} s"}
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        err = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"case": name, "problem": f"child failed: {err}"}
    return json.loads(lines[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--case", nargs="*", choices=sorted(CASES), help="run only these cases")
    ap.add_argument("--json", action="store_true", help="print one JSON object per case")
    ap.add_argument("--check", action="store_true", help="exit 1 on a wrong outcome or a case over the bar")
    ap.add_argument("--floor", action="store_true",
                    help="the memory the returned Page alone holds; for the HTML cases, the peak memory of "
                         "lxml's tree alone and of trafilatura.extract")
    ap.add_argument("--_child", help=argparse.SUPPRESS)
    ap.add_argument("--_floor", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._child:
        case = CASES[args._child]
        print(json.dumps(run_floor(case) if args._floor else run_case(case)), flush=True)
        return 0
    names = args.case or list(CASES)
    if args.floor:
        rows = [run_child(name, floor=True) for name in names]
        print("what each case costs before cleanpage's own work, in a fresh process: the memory the returned "
              "Page alone holds (tracemalloc); for HTML, the peak memory of lxml's tree of the input alone and of "
              "trafilatura.extract (what any lxml-based extractor pays)")

        def mb(r: dict[str, Any], key: str) -> Any:
            return round(r[key], 1) if key in r else "-"

        print(table(["case", "input", "Page MB", "x input", "lxml tree MB", "x input", "trafilatura MB"], [
            [r["case"], _size(r.get("bytes", 0)), mb(r, "page_mb"),
             _ratio({"bytes": r.get("bytes"), "memory_mb": r["page_mb"]}) if "page_mb" in r else "",
             mb(r, "lxml_tree_mb"),
             _ratio({"bytes": r.get("bytes"), "memory_mb": r["lxml_tree_mb"]}) if "lxml_tree_mb" in r else "",
             mb(r, "trafilatura_mb") if "problem" not in r else r["problem"]]
            for r in rows]))
        return 0
    rows = []
    failed = False
    for name in names:
        row = run_child(name)
        case = CASES[name]
        over = within_bar(row) if "cpu_s" in row and case.in_bar else []
        row["over_bar"] = over
        failed |= bool(row.get("problem")) or (bool(over) and not case.known_over)
        rows.append(row)
        if args.json:
            print(json.dumps(row), flush=True)
    if not args.json:
        print(f"hostile inputs: CPU time and peak memory of one clean() call, each in a fresh process "
              f"(bar: {MAX_CPU_S:g} CPU s, {MAX_MEMORY_RATIO:g}x the input or {MEMORY_FLOOR_MB:g} MB under 1 MB)")
        print(table(["case", "input", "CPU s", "wall s", "memory MB", "x input", "outcome", "verdict"], [
            [r["case"], _size(r.get("bytes", 0)), round(r.get("cpu_s", float("nan")), 2),
             round(r.get("wall_s", float("nan")), 2), round(r.get("memory_mb", float("nan")), 1),
             _ratio(r), r.get("outcome", ""),
             "WRONG: " + r["problem"] if r.get("problem") else
             ("OVER: " + ", ".join(r["over_bar"]) + (" (known)" if CASES[r["case"]].known_over else "")
              if r["over_bar"] else ("ok" if CASES[r["case"]].in_bar else "ok (not held to the bar)"))]
            for r in rows]))
        known = [(r["case"], CASES[r["case"]].known_over) for r in rows if r["over_bar"] and CASES[r["case"]].known_over]
        for name, why in known:
            print(f"known: {name}: {why}")
    return 1 if args.check and failed else 0


def _size(n: int) -> str:
    return f"{n / MB:.1f} MB" if n >= 100_000 else f"{n:,} B"


def _ratio(row: dict[str, Any]) -> str:
    if not row.get("bytes") or "memory_mb" not in row:
        return ""
    return f"{row['memory_mb'] / (row['bytes'] / MB):.1f}"


if __name__ == "__main__":
    sys.exit(main())
