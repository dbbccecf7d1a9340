"""Pages from another project's tests: trafilatura 1.1's real-world pages and their snippet checks.

A check on pages that no part of cleanpage was tuned or trained on: trafilatura 1.1.0
(GPLv3+) ships about 110 real pages in its tests (most in German, some in English,
French and other languages: blogs, news, shops, town halls, associations), and its
``realworld_tests.py`` says, for 87 of them, which sentences the extracted text must
hold and which it must not ("'Impressum' not in result and 'Die GEMA dreht völlig am
Zeiger!' in result"). Those checks were written for trafilatura's output, so it has a
head start here; they are still the judgement of another project on pages of sites
that WCXB does not have. The package is downloaded from PyPI (the sdist, ``pip
download``) into ``benchmarks/out/trafilatura-tests/`` the first time; no page, and no
line of its tests, is in this repository. The checks are read from the test module
with ``ast`` (only ``'...' in result`` and ``'...' not in result`` clauses; the ones
commented out in the module are not read).

Systems: ``clean(html).body`` and trafilatura's current ``extract()`` on the HTML, by
default and with ``include_comments=False``; on
the page as html-text renders it (as in ``text_extraction.py``), the text as is and
``clean(text, Config(preview=True)).body``. A snippet counts as found when its
whitespace-normalised text is in the output's (case kept, as the tests compare).
trafilatura keeps readers' comments by default and its tests ask for some of them
(cleanpage, like WCXB's gold, leaves comments out): the checks that trafilatura
passes only with its comments are counted apart, as "comment checks".

Usage: python benchmarks/snippet_pages.py [--json] [--show]   (needs pip install -e '.[bench]')
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
import tarfile
import warnings
from dataclasses import dataclass, field
from pathlib import Path

from _common import REPO, BenchError, import_cleanpage, norm, table

PACKAGE = "trafilatura==1.1.0"
CACHE = REPO / "benchmarks" / "out" / "trafilatura-tests"
CREDIT = "trafilatura 1.1.0's real-world test pages and checks (GPLv3+), downloaded from PyPI"
_TESTS = "tests/realworld_tests.py"


@dataclass
class Checked:
    """A page and what its test says the extracted text must hold (``with_``) and must not (``without``)."""

    url: str
    path: Path
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)


def fetch() -> Path:
    """The package's tests directory, downloaded and unpacked on first use (its test module and cached pages)."""
    tests = CACHE / "tests"
    if (tests / "realworld_tests.py").is_file():
        return tests
    CACHE.mkdir(parents=True, exist_ok=True)
    got = subprocess.run([sys.executable, "-m", "pip", "download", PACKAGE, "--no-binary", ":all:", "--no-deps",
                          "--quiet", "-d", str(CACHE)], capture_output=True, text=True)
    tarballs = sorted(CACHE.glob("trafilatura-*.tar.gz"))
    if got.returncode != 0 or not tarballs:
        raise BenchError(f"could not download {PACKAGE} from PyPI: {got.stderr.strip()[-300:]}")
    with tarfile.open(tarballs[-1]) as tar:
        for member in tar.getmembers():
            parts = member.name.split("/")
            wanted = (len(parts) == 3 and parts[1:] == _TESTS.split("/")
                      or len(parts) == 4 and parts[1:3] == ["tests", "cache"])
            if member.isfile() and wanted and ".." not in parts:  # plain names only: nothing lands outside
                target = tests.joinpath(*parts[2:])
                target.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(member)
                if source is not None:
                    target.write_bytes(source.read())
    return tests


def read_checks(tests: Path) -> list[Checked]:
    """Every page of ``test_extract`` with its ``in`` / ``not in`` snippets, in the module's order."""
    module = ast.parse((tests / "realworld_tests.py").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    checks: list[Checked] = []
    for node in ast.walk(module):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "MOCK_PAGES" for t in node.targets):
            pages = ast.literal_eval(node.value)
    test = next((n for n in module.body if isinstance(n, ast.FunctionDef) and n.name == "test_extract"), None)
    if test is None or not pages:
        raise BenchError(f"no test_extract or MOCK_PAGES in {tests / 'realworld_tests.py'}")
    current: Checked | None = None
    for node in _statements(test.body):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            call = node.value
            if (isinstance(call.func, ast.Name) and call.func.id == "load_mock_page" and call.args
                    and isinstance(call.args[0], ast.Constant) and call.args[0].value in pages):
                url = call.args[0].value
                current = Checked(url, tests / "cache" / pages[url])
                checks.append(current)
        elif isinstance(node, ast.Assert) and current is not None:
            for clause in _clauses(node.test):
                if (isinstance(clause, ast.Compare) and len(clause.ops) == 1 and isinstance(clause.left, ast.Constant)
                        and isinstance(clause.left.value, str)):
                    if isinstance(clause.ops[0], ast.In):
                        current.with_.append(clause.left.value)
                    elif isinstance(clause.ops[0], ast.NotIn):
                        current.without.append(clause.left.value)
    return [c for c in checks if (c.with_ or c.without) and c.path.is_file()]


def _statements(body: list[ast.stmt]) -> list[ast.stmt]:
    """The statements of ``body``, with those inside ``if`` blocks (``if xmloutput is False:``) in place."""
    out: list[ast.stmt] = []
    for node in body:
        if isinstance(node, ast.If):
            out.extend(_statements(node.body))
        else:
            out.append(node)
    return out


def _clauses(test: ast.expr) -> list[ast.expr]:
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return [c for v in test.values for c in _clauses(v)]
    return [test]


def decode(raw: bytes) -> str:
    """The page as its test reads it: UTF-8, else the guess of an encoding detector."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("cp1252", errors="replace")


def _figures(rows: list[tuple[str, str, str, bool]], comment: set[tuple[str, str]], pages: int) -> dict[str, str]:
    """A system's shares of checks passed, with and without the comment checks, and its pages with every check passed."""
    held = [ok for f, kind, s, ok in rows if kind == "with"]
    held_nc = [ok for f, kind, s, ok in rows if kind == "with" and (f, s) not in comment]
    left = [ok for f, kind, s, ok in rows if kind == "without"]
    failed_pages = {f for f, kind, s, ok in rows if not ok}
    failed_nc = {f for f, kind, s, ok in rows if not ok and (f, s) not in comment}
    return {"held": f"{sum(held) / len(held):.3f}", "held_not_comments": f"{sum(held_nc) / len(held_nc):.3f}",
            "left_out": f"{sum(left) / len(left):.3f}",
            "all": f"{(sum(held) + sum(left)) / (len(held) + len(left)):.3f}",
            "pages": f"{pages - len(failed_pages)}/{pages}", "pages_not_comments": f"{pages - len(failed_nc)}/{pages}"}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--show", action="store_true", help="list each failed check, by system")
    args = ap.parse_args(argv)
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.CRITICAL)
    try:
        checks = read_checks(fetch())
        import html_text
        import trafilatura
    except (BenchError, ImportError) as exc:
        print(f"snippet_pages.py: error: {exc}", file=sys.stderr)
        return 2
    cp = import_cleanpage()
    html_cleaner = cp.Cleaner()
    text_cleaner = cp.Cleaner(cp.Config(input_format="text", preview=True))
    systems = ("cleanpage clean(html)", "trafilatura extract(html)", "trafilatura, include_comments=False",
               "text as is (html-text)", "cleanpage clean(text), preview")
    # per system, one row per check: (page file, "with" or "without", snippet, passed)
    results: dict[str, list[tuple[str, str, str, bool]]] = {name: [] for name in systems}
    for page in checks:
        html = decode(page.path.read_bytes())
        text = html_text.extract_text(html, guess_layout=True)
        outs = {systems[0]: html_cleaner.clean(html, url=page.url).body,
                systems[1]: trafilatura.extract(html, url=page.url) or "",
                systems[2]: trafilatura.extract(html, url=page.url, include_comments=False) or "",
                systems[3]: text,
                systems[4]: text_cleaner.clean(text).body}
        for name, out in outs.items():
            got = norm(out)
            results[name] += [(page.path.name, "with", s, norm(s) in got) for s in page.with_]
            results[name] += [(page.path.name, "without", s, norm(s) not in got) for s in page.without]
    # a snippet trafilatura holds only with its readers' comments is a comment
    comment = {(f, s) for (f, kind, s, ok), (_f, _k, _s, ok_nc) in zip(results[systems[1]], results[systems[2]])
               if kind == "with" and ok and not ok_nc}
    figures = {name: _figures(rows, comment, len(checks)) for name, rows in results.items()}
    if args.json:
        print(json.dumps({"pages": len(checks), "with": sum(len(p.with_) for p in checks),
                          "without": sum(len(p.without) for p in checks), "comment_checks": len(comment),
                          "systems": figures}, indent=1))
        return 0
    print(f"{len(checks)} pages, {sum(len(p.with_) for p in checks)} snippets the text must hold "
          f"({len(comment)} of them readers' comments), {sum(len(p.without) for p in checks)} it must not "
          f"({CREDIT})")
    print(table(["system", "held", "held, not comments", "left out", "all checks", "pages all right",
                 "pages all right, not comments"], [
        [name, f["held"], f["held_not_comments"], f["left_out"], f["all"], f["pages"], f["pages_not_comments"]]
        for name, f in figures.items()]))
    if args.show:
        for name in systems:
            fails = [r for r in results[name] if not r[3]]
            print(f"\n== {name}: {len(fails)} failed checks")
            for f, kind, snippet, _ok in fails:
                what = "kept" if kind == "without" else "missing"
                print(f"  {f}: {what} {snippet!r}" + (" (a comment)" if (f, snippet) in comment else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
