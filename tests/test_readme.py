"""The README stays true: its example runs, its explain() excerpt is real output,
and CI runs exactly the setup commands it gives."""

from __future__ import annotations

import os
from pathlib import Path

import cleanpage

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _fenced(lang: str) -> list[str]:
    """The README's fenced blocks opened with ```<lang>, in order."""
    blocks, current, opened = [], None, None
    for line in README.splitlines():
        if line.startswith("```"):
            if current is None:
                current, opened = [], line[3:].strip()
            else:
                if opened == lang:
                    blocks.append("\n".join(current) + "\n")
                current = None
        elif current is not None:
            current.append(line)
    return blocks


def test_setup_commands_are_what_ci_runs():
    install, test = [line for line in _fenced("sh")[0].splitlines() if line.strip()]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install == "pip install -e '.[dev,batch]'" and "python -m pip install --quiet -e '.[dev,batch]'" in ci
    assert test == "python -m pytest" and "\npython -m pytest || status=$?" in ci


def test_python_example_runs(capsys):
    example = _fenced("python")[0]
    assert len(example.strip().splitlines()) == 3
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        exec(example, {})  # noqa: S102 - the README's own example
    finally:
        os.chdir(cwd)
    assert "Lavrov in Pyongyang" in capsys.readouterr().out


def test_explain_excerpt_is_real_output():
    excerpt = next(block for block in _fenced("") if block.startswith("cleanpage: text input"))
    report = cleanpage.clean((ROOT / "corpus" / "000_55d7540c9cb6f607.txt").read_text(encoding="utf-8")).explain()
    shown = [line for line in excerpt.splitlines() if line.strip() and line.strip() != "…"]
    assert [line for line in shown if line not in report.splitlines()] == []
