"""The README stays true: its examples run, its explain() excerpt and sample records are
real output, and CI runs exactly the setup commands it gives."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

import cleanpage

from extras import need

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


# --- the batch, command line and pipeline examples --------------------------------------------------

def _block(containing: str) -> str:
    return next(block for block in _fenced("python") if containing in block)


def _pages_jsonl(path: Path) -> list[dict]:
    rows = [{"id": f"p{i}", "url": f"https://example.com/{i}",
             "html": f"<h1>Story {i} makes the news</h1><p>Officials said on Monday that story {i} "
                     "would be told in full.</p><p>Advertisement</p>"} for i in range(6)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return rows


def _run(code: str, cwd: Path, script: Path | None = None, **env: str) -> str:
    script = script or cwd / "example.py"
    script.write_text(code, encoding="utf-8")
    run = subprocess.run([sys.executable, str(script)], cwd=cwd, capture_output=True, text=True, timeout=600,
                         env={**os.environ, **env})
    assert run.returncode == 0, run.stderr[-3000:]
    return run.stdout


def test_clean_many_example_prints_what_the_readme_shows(tmp_path):
    code = _block("clean_many(pages, workers=2)")
    after = README.split(code, 1)[1]
    shown = next(b for b in _fenced("") if after.find("```\n" + b) >= 0)  # the next plain block
    assert _run(code, ROOT, tmp_path / "example.py") == shown  # run from the repository, for corpus/


def test_jsonl_records_shown_are_real_output(tmp_path):
    shown = [json.loads(b) for b in _fenced("") if b.startswith('{"id"')]
    assert len(shown) == 2
    good = {"id": "doc-1", "url": "https://example.com/oil", "lang": "en",
            "text": "Oil prices fall\nOil prices fell 3.5% on Monday, analysts said.\nNo comments yet...\n"}
    lines = [json.dumps(good)] + [json.dumps({"id": i, "text": "x"}) for i in range(15)] + ["not json"]
    with gzip.open(tmp_path / "shard.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    run = subprocess.run([sys.executable, "-m", "cleanpage", "shard.jsonl.gz", "--explain"], cwd=tmp_path,
                         capture_output=True, text=True, timeout=120)
    records = [json.loads(line) for line in run.stdout.splitlines()]
    assert records[0] == shown[0]
    assert {k: v for k, v in records[16].items() if k != "removed"} == shown[1]


def test_pandas_example(tmp_path):
    need("pandas")
    rows = _pages_jsonl(tmp_path / "pages.jsonl")
    _run(_block("import pandas") + '\nclean.to_json("result.json", orient="records")\n', tmp_path)
    result = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))
    assert [r["id"] for r in result] == [r["id"] for r in rows]
    assert result[2]["body"] == cleanpage.clean(rows[2]["html"]).body and result[2]["error"] is None
    assert list(result[0])[:7] == ["id", "url", "title", "body", "metadata", "sidebar", "error"]


def test_hugging_face_datasets_example(tmp_path):
    need("datasets")
    rows = _pages_jsonl(tmp_path / "pages.jsonl")
    _run(_block("from datasets import") + '\nds.to_json("result.jsonl")\n', tmp_path,
         HF_HOME=str(tmp_path / "hf"), HF_DATASETS_OFFLINE="1", HF_HUB_OFFLINE="1")
    result = [json.loads(line) for line in (tmp_path / "result.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["body"] for r in result] == [cleanpage.clean(r["html"]).body for r in rows]
    assert result[0]["title"] == "Story 0 makes the news"


def test_datatrove_example(tmp_path):
    need("datatrove")
    need("orjson")
    (tmp_path / "crawl").mkdir()
    rows = _pages_jsonl(tmp_path / "crawl" / "pages.jsonl")
    for r in rows:  # datatrove's JSONL reader takes the page from "text"
        r["text"] = r.pop("html")
    (tmp_path / "crawl" / "pages.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    _run(_block("CleanpageStep"), tmp_path)
    out = [json.loads(line) for f in sorted((tmp_path / "clean").glob("*.jsonl.gz"))
           for line in gzip.open(f, "rt", encoding="utf-8")]
    assert [d["text"] for d in out] == [cleanpage.clean(r["text"]).body for r in rows]
    assert out[0]["metadata"]["cleanpage"]["title"] == "Story 0 makes the news"
