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

Its ``metadata_tests.py`` names the title, author and site name of some of the same
pages (``metadata.title == '...'``, ``'...' in metadata.author``): cleanpage's
``page.title``, ``metadata["author"]`` and ``metadata["site"]`` are set against
trafilatura's current ``extract_metadata``, a title or site right at word F1 >= 0.8, an
author at 0.5, as in ``html_extraction.py``.

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
import sys
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from _common import REPO, BenchError, bag, f1, import_cleanpage, norm, table, unpack_sdist

PACKAGE = "trafilatura==1.1.0"
CACHE = REPO / "benchmarks" / "out" / "trafilatura-tests"
CREDIT = "trafilatura 1.1.0's real-world test pages and checks (GPLv3+), downloaded from PyPI"
_MODULES = ("realworld_tests.py", "metadata_tests.py")  # the test modules read: extraction, metadata


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
    if all((tests / name).is_file() for name in _MODULES):
        return tests

    def target(name: str) -> Path | None:  # the test modules and the cached pages, plain names only
        parts = name.split("/")
        wanted = (len(parts) == 3 and parts[1] == "tests" and parts[2] in _MODULES
                  or len(parts) == 4 and parts[1:3] == ["tests", "cache"])
        return tests.joinpath(*parts[2:]) if wanted and ".." not in parts else None

    unpack_sdist(PACKAGE, CACHE, target)
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


@dataclass
class MetaCheck:
    """A page and the title or author its metadata test expects: ``whole`` for ``==``,
    else a part the field must hold (``'…' in metadata.title``, ``.endswith('…')``)."""

    url: str
    path: Path
    field: str  # "title", "author" or "sitename"
    expected: str
    whole: bool


def read_metadata_checks(tests: Path) -> list[MetaCheck]:
    """The title and author checks of ``metadata_tests.py`` on cached pages, in the module's order."""
    module = ast.parse((tests / "metadata_tests.py").read_text(encoding="utf-8"))
    pages: dict[str, str] = {}
    for node in ast.walk(module):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "MOCK_PAGES" for t in node.targets):
            pages = ast.literal_eval(node.value)
    checks: list[MetaCheck] = []
    for fn in (n for n in module.body if isinstance(n, ast.FunctionDef)):
        url_var: str | None = None
        current: tuple[str, Path] | None = None
        for node in _statements(fn.body):
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
                    and isinstance(node.value.value, str)
                    and any(isinstance(t, ast.Name) and t.id == "url" for t in node.targets)):
                url_var = node.value.value
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
                current = None
                inner = node.value.args[0] if node.value.args else None
                if (isinstance(node.value.func, ast.Name) and node.value.func.id == "extract_metadata"
                        and isinstance(inner, ast.Call) and isinstance(inner.func, ast.Name)
                        and inner.func.id == "load_mock_page" and inner.args):
                    arg = inner.args[0]
                    url = arg.value if isinstance(arg, ast.Constant) else url_var if isinstance(arg, ast.Name) else None
                    if isinstance(url, str) and url in pages:
                        current = (url, tests / "cache" / pages[url])
            elif isinstance(node, ast.Assert) and current is not None:
                check = _meta_check(node.test)
                if check is not None:
                    checks.append(MetaCheck(current[0], current[1], *check))
    return [c for c in checks if c.path.is_file()]


def _meta_check(test: ast.expr) -> tuple[str, str, bool] | None:
    """(field, expected, whole) of ``metadata.F == '…'``, ``'…' in metadata.F`` or
    ``metadata.F.endswith('…')`` for F title or author; else None."""
    def field_of(node: ast.expr) -> str | None:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "metadata" \
                and node.attr in ("title", "author", "sitename"):
            return node.attr
        return None

    if (isinstance(test, ast.Compare) and len(test.ops) == 1
            and isinstance(test.comparators[0], (ast.Constant, ast.Attribute))):
        right = test.comparators[0]
        if isinstance(test.ops[0], ast.Eq) and field_of(test.left) and isinstance(right, ast.Constant) \
                and isinstance(right.value, str):
            return field_of(test.left), right.value, True
        if isinstance(test.ops[0], ast.In) and field_of(right) and isinstance(test.left, ast.Constant) \
                and isinstance(test.left.value, str):
            return field_of(right), test.left.value, False
    if (isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute)
            and test.func.attr in ("endswith", "startswith") and field_of(test.func.value)
            and test.args and isinstance(test.args[0], ast.Constant)):
        return field_of(test.func.value), test.args[0].value, False
    return None


def meta_right(got: str | None, check: MetaCheck) -> bool:
    """A title or site name is right when its words and the expected one's agree (word F1 >= 0.8,
    as titles in the other benchmarks), an author at word F1 >= 0.5; a part must have its words
    (recall >= 0.8) in the field. cleanpage's site name is ``metadata["site"]``."""
    if not got:
        return False
    p, r, f = f1(bag(got), bag(check.expected))
    if not check.whole:
        return r >= 0.8
    return f >= (0.8 if check.field == "title" else 0.5)


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
        meta_checks = read_metadata_checks(fetch())
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
    meta = _metadata_results(meta_checks, html_cleaner)
    if args.json:
        print(json.dumps({"pages": len(checks), "with": sum(len(p.with_) for p in checks),
                          "without": sum(len(p.without) for p in checks), "comment_checks": len(comment),
                          "systems": figures,
                          "metadata": {name: {f: sum(ok for c, ok in rows if c.field == f) for f in _FIELDS}
                                       for name, rows in meta.items()}}, indent=1))
        return 0
    print(f"{len(checks)} pages, {sum(len(p.with_) for p in checks)} snippets the text must hold "
          f"({len(comment)} of them readers' comments), {sum(len(p.without) for p in checks)} it must not "
          f"({CREDIT})")
    print(table(["system", "held", "held, not comments", "left out", "all checks", "pages all right",
                 "pages all right, not comments"], [
        [name, f["held"], f["held_not_comments"], f["left_out"], f["all"], f["pages"], f["pages_not_comments"]]
        for name, f in figures.items()]))
    counts = {f: sum(c.field == f for c in meta_checks) for f in _FIELDS}
    print(f"\nmetadata: the titles, authors and site names metadata_tests.py expects on "
          f"{len({c.path for c in meta_checks})} of these pages (title and site: word F1 >= 0.8; author: >= 0.5; "
          "an expected part: its words in the field)")
    print(table(["system", "title right", "author right", "site right"], [
        [name] + [f"{sum(ok for c, ok in rows if c.field == f)}/{counts[f]}" for f in _FIELDS]
        for name, rows in meta.items()]))
    if args.show:
        for name in systems:
            fails = [r for r in results[name] if not r[3]]
            print(f"\n== {name}: {len(fails)} failed checks")
            for f, kind, snippet, _ok in fails:
                what = "kept" if kind == "without" else "missing"
                print(f"  {f}: {what} {snippet!r}" + (" (a comment)" if (f, snippet) in comment else ""))
        for name, rows in meta.items():
            print(f"\n== {name}: metadata")
            for c, ok in rows:
                if not ok:
                    print(f"  {c.path.name}: {c.field} {c.expected!r}, got {_got(name, c)!r}")
    return 0


_FIELDS = ("title", "author", "sitename")  # the metadata fields checked (trafilatura's names)
_GOT: dict[tuple[str, Path, str], str | None] = {}


def _got(name: str, check: MetaCheck) -> str | None:
    return _GOT.get((name, check.path, check.field))


def _metadata_results(checks: list[MetaCheck], cleaner: Any) -> dict[str, list[tuple[MetaCheck, bool]]]:  # noqa: ANN401
    """Each system's title and author on each checked page, right or not."""
    from trafilatura import extract_metadata

    out: dict[str, list[tuple[MetaCheck, bool]]] = {"cleanpage clean(html)": [], "trafilatura extract_metadata": []}
    pages: dict[Path, tuple[dict[str, str | None], dict[str, str | None]]] = {}
    for c in checks:
        if c.path not in pages:
            html = decode(c.path.read_bytes())
            page = cleaner.clean(html, url=c.url)
            theirs = extract_metadata(html, default_url=c.url)
            pages[c.path] = ({"title": page.title, "author": page.metadata.get("author"),
                              "sitename": page.metadata.get("site")},
                             {"title": getattr(theirs, "title", None), "author": getattr(theirs, "author", None),
                              "sitename": getattr(theirs, "sitename", None)})
        for name, got in zip(out, pages[c.path]):
            _GOT[(name, c.path, c.field)] = got[c.field]
            out[name].append((c, meta_right(got[c.field], c)))
    return out


if __name__ == "__main__":
    sys.exit(main())
