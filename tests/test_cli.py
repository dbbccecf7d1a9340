"""The command line, as a new user runs it: the installed ``cleanpage`` script, in a subprocess.

Finer points (formats, error policies, exit codes) run ``cli.main`` in-process, which is faster.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path


import cleanpage
from cleanpage.cli import main

from extras import need

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = shutil.which("cleanpage", path=str(Path(sys.executable).parent)) or "cleanpage"
PAGE_TXT = (ROOT / "corpus" / "000_55d7540c9cb6f607.txt").read_text(encoding="utf-8")
ARTICLE = "Oil prices fall\nOil prices fell 3.5% on Monday, analysts said.\nNo comments yet...\n"


def html_page(n: int) -> str:
    return (f"<!doctype html><html><head><title>Story {n} | Example News</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><h1>Story number {n} makes the news</h1>"
            f"<p>Officials said on Monday that story {n} would be told in full next week.</p>"
            "<p>Advertisement</p><p>No comments yet...</p></body></html>")


def cleanpage_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([SCRIPT, *args], input=stdin, capture_output=True, cwd=cwd, timeout=300)


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


# --- the installed script, as the README shows it ---------------------------------------------------


def test_installed_script_cleans_one_page(tmp_path):
    (tmp_path / "page.html").write_text(html_page(1), encoding="utf-8")
    run = cleanpage_cli("page.html", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode() == cleanpage.clean(html_page(1)).body + "\n"
    assert b"Advertisement" not in run.stdout and run.stderr == b""


def test_installed_script_reads_standard_input():
    run = cleanpage_cli(stdin=PAGE_TXT.encode())
    assert run.returncode == 0, run.stderr
    assert run.stdout.decode() == cleanpage.clean(PAGE_TXT).body + "\n"
    explain = cleanpage_cli("--explain", stdin=PAGE_TXT.encode())
    assert explain.stdout.decode() == cleanpage.clean(PAGE_TXT.encode()).explain() + "\n"  # bytes: and their encoding


def test_installed_script_walks_a_crawl_directory_with_two_workers(tmp_path):
    crawl = tmp_path / "crawl"
    for n in range(30):
        sub = crawl / f"site{n % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{n:02d}.html").write_text(html_page(n), encoding="utf-8")
    (crawl / "site0" / "notes.txt").write_text("not matched by the glob")
    (crawl / "site1" / "broken.html").write_bytes(b"")  # an empty page is a page
    run = cleanpage_cli("crawl/", "--glob", "*.html", "--to", "jsonl", "-o", "out.jsonl", "-j", "2", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    records = jsonl(tmp_path / "out.jsonl")
    expected = sorted(str(p.relative_to(tmp_path)) for p in crawl.rglob("*.html"))
    assert [r["id"] for r in records] == expected  # every file, in directory order
    by_id = {r["id"]: r for r in records}
    assert by_id["crawl/site1/04.html"]["body"] == cleanpage.clean(html_page(4)).body
    assert by_id["crawl/site1/04.html"]["title"] == cleanpage.clean(html_page(4)).title
    assert by_id["crawl/site1/broken.html"]["body"] == "" and by_id["crawl/site1/broken.html"]["error"] is None


def test_installed_script_writes_parquet_from_a_gzipped_jsonl_shard(tmp_path):
    pq = need("pyarrow.parquet")
    rows = [{"id": f"doc-{i}", "url": f"https://example.com/{i}", "html": html_page(i), "dump": "CC-MAIN-2025-30",
             "language_score": 0.9 + i / 1000} for i in range(25)]
    rows[3] = {"id": "doc-3", "url": "https://example.com/3", "html": None, "dump": "CC-MAIN-2025-30"}
    with gzip.open(tmp_path / "shard.jsonl.gz", "wt", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
        fh.write("{broken json\n")
    run = cleanpage_cli("shard.jsonl.gz", "--from", "jsonl", "-o", "out.parquet", cwd=tmp_path)
    assert run.returncode == 1, run.stderr  # finished, with error records
    assert b"2 of 26 records failed" in run.stderr
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.num_rows == 26
    assert table.column_names[:7] == ["id", "url", "title", "body", "metadata", "sidebar", "error"]
    assert {"dump", "language_score", "extra_fields"} <= set(table.column_names)
    got = table.to_pylist()
    assert got[0]["body"] == cleanpage.clean(html_page(0)).body and got[0]["dump"] == "CC-MAIN-2025-30"
    assert got[3]["error"]["type"] == "InputError" and got[3]["body"] is None and got[3]["id"] == "doc-3"
    assert got[25]["error"]["type"] == "JSONDecodeError" and got[25]["id"] == "shard.jsonl.gz:26"


def _warc(path: Path) -> list[str]:
    warcio = need("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    ids = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n, (ctype, body) in enumerate([
            ("text/html; charset=utf-8", html_page(0).encode()),
            ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256))),
            ("text/html; charset=windows-1251", "<p>Новости дня, сказал он.</p>".encode("cp1251")),
            ("text/html", html_page(3).encode()),
        ]):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            rec = writer.create_warc_record(f"https://example.com/{n}", "response", payload=io.BytesIO(body),
                                            http_headers=headers)
            writer.write_record(rec)
            if not ctype.startswith("image/"):
                ids.append(rec.rec_headers.get_header("WARC-Record-ID"))
            request = b"GET /%d HTTP/1.1\r\nHost: example.com\r\n\r\n" % n
            writer.write_record(writer.create_warc_record(f"https://example.com/{n}", "request",
                                                          payload=io.BytesIO(request)))
    assert warcio
    return ids


def test_installed_script_reads_warc(tmp_path):
    ids = _warc(tmp_path / "crawl.warc.gz")
    run = cleanpage_cli("crawl.warc.gz", "-o", "pages.jsonl", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert b"skipped 1 WARC records that are not HTML or text pages" in run.stderr
    records = jsonl(tmp_path / "pages.jsonl")
    assert [r["id"] for r in records] == ids  # the WARC-Record-IDs, responses only
    assert [r["url"] for r in records] == ["https://example.com/0", "https://example.com/2", "https://example.com/3"]
    assert records[0]["body"] == cleanpage.clean(html_page(0)).body and records[0]["http_status"] == 200
    assert records[1]["body"] == "Новости дня, сказал он."  # the HTTP charset, not a guess
    assert records[0]["warc_date"] and records[2]["content_type"] == "text/html"


def _ten_thousand(path: Path) -> dict[str, int]:
    """10,000 records: clean, broken JSON, binary garbage, empty, huge, and records without text."""
    rnd = random.Random(9)
    kinds: dict[str, int] = {}
    big = "\n".join([PAGE_TXT] * 120)  # about 1.1 MB
    with open(path, "wb") as fh:
        for i in range(10_000):
            kind = ("broken" if i % 97 == 5 else "binary" if i % 89 == 7 else "empty" if i % 83 == 3
                    else "no_text" if i % 101 == 11 else "huge" if i in (500, 7000) else "ok")
            kinds[kind] = kinds.get(kind, 0) + 1
            if kind == "broken":
                fh.write(b'{"id": %d, "text": "unterminated\n' % i)
            elif kind == "binary":
                fh.write(bytes(rnd.choice(range(11, 256)) for _ in range(300)) + b"\n")
            elif kind == "empty":
                fh.write(json.dumps({"id": i, "text": ""}).encode() + b"\n")
            elif kind == "no_text":
                fh.write(json.dumps({"id": i, "body": "wrong field"}).encode() + b"\n")
            else:
                text = big if kind == "huge" else f"Headline {i}\nThe article says {i} things.\nNo comments yet..."
                fh.write(json.dumps({"id": i, "text": text, "n": i}).encode() + b"\n")
    return kinds


def test_ten_thousand_records_give_ten_thousand_records(tmp_path):
    kinds = _ten_thousand(tmp_path / "in.jsonl")
    run = cleanpage_cli("in.jsonl", "-o", "out.jsonl", "-j", "2", cwd=tmp_path)
    assert run.returncode == 1, run.stderr[-2000:]
    records = jsonl(tmp_path / "out.jsonl")
    assert len(records) == 10_000
    errors = [r for r in records if r["error"]]
    assert len(errors) == kinds["broken"] + kinds["binary"] + kinds["no_text"]
    assert all(r["body"] is None and r["title"] is None for r in errors)
    assert all(r["id"] in (k, f"in.jsonl:{k + 1}") for k, r in enumerate(records))  # in input order
    ok = [r for r in records if not r["error"]]
    assert all(r["n"] == r["id"] for r in ok if r["body"])  # other fields passed through
    assert sum(r["body"] == "" for r in ok) == kinds["empty"]
    assert records[500]["body"] == records[7000]["body"] == cleanpage.clean("\n".join([PAGE_TXT] * 120)).body
    summary = run.stderr.decode().splitlines()[-1]
    assert summary.startswith(f"cleanpage: {len(errors)} of 10,000 records failed (")


def test_interrupt_flushes_valid_output(tmp_path):
    with open(tmp_path / "in.jsonl", "w", encoding="utf-8") as fh:
        for i in range(200_000):
            fh.write(json.dumps({"id": i, "text": f"Headline {i}\nThe article says {i} things."}) + "\n")
    for out in ("out.jsonl", "out.json"):
        # Ctrl-C as at a terminal, even when the tests run as a background job (whose shell
        # starts it with SIGINT ignored, which the child would inherit)
        proc = subprocess.Popen([SCRIPT, "in.jsonl", "-o", out, "-j", "2"], cwd=tmp_path,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not (tmp_path / out).exists()
                                               or (tmp_path / out).stat().st_size < 100_000):
            time.sleep(0.1)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 130, err
        assert b"interrupted after" in err
        if out.endswith(".jsonl"):
            records = jsonl(tmp_path / out)
        else:
            records = json.loads((tmp_path / out).read_text(encoding="utf-8"))
        assert 0 < len(records) < 200_000
        assert [r["id"] for r in records] == list(range(len(records)))


# --- in-process: formats, policies, exit codes --------------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BufferedReader(io.BytesIO(data))  # type: ignore[arg-type]

    def isatty(self) -> bool:
        return False


def cli(args: list[str], capsysbinary, monkeypatch, stdin: bytes = b"") -> tuple[int, bytes, str]:
    monkeypatch.setattr(sys, "stdin", _Stdin(stdin))
    try:
        status = main(args)
    except SystemExit as exc:  # argparse: usage errors
        status = exc.code
    out, err = capsysbinary.readouterr()
    return status, out, err.decode()


def test_formats_and_policies(tmp_path, capsysbinary, monkeypatch):
    lines = [json.dumps({"id": "a", "text": ARTICLE}), "not json", json.dumps({"id": "c", "text": ARTICLE})]
    data = ("\n".join(lines) + "\n").encode()
    status, out, err = cli([], capsysbinary, monkeypatch, stdin=data)  # sniffed: JSONL in, JSONL out
    assert status == 1 and [json.loads(x)["id"] for x in out.splitlines()] == ["a", "-:2", "c"]
    assert "cleanpage: -:2: JSONDecodeError" in err and "1 of 3 records failed (JSONDecodeError 1)" in err
    status, out, _ = cli(["--errors", "skip"], capsysbinary, monkeypatch, stdin=data)
    assert status == 1 and [json.loads(x)["id"] for x in out.splitlines()] == ["a", "c"]
    status, out, err = cli(["--errors", "fail"], capsysbinary, monkeypatch, stdin=data)
    assert status == 1 and [json.loads(x)["id"] for x in out.splitlines()] == ["a"] and "stopped" in err
    status, out, _ = cli(["--explain", "--to", "jsonl"], capsysbinary, monkeypatch, stdin=data)
    assert json.loads(out.splitlines()[0])["removed"][0]["rule"] == "comments.empty_notice"
    status, out, _ = cli(["--to", "json"], capsysbinary, monkeypatch, stdin=data)
    whole = json.loads(out)
    assert [r["id"] for r in whole] == ["a", "-:2", "c"] and whole[0]["trace"] and whole[0]["placements"]
    status, out, _ = cli(["--to", "text"], capsysbinary, monkeypatch, stdin=data)
    assert out.decode().startswith("==> a <==\n" + cleanpage.clean(ARTICLE).body)


def test_one_page_to_json_text_and_gzip(tmp_path, capsysbinary, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    status, out, _ = cli([str(page), "--to", "json", "--url", "https://example.com/oil"], capsysbinary, monkeypatch)
    whole = json.loads(out)
    assert status == 0 and whole["title"] == "Oil prices fall" and whole["url"] == "https://example.com/oil"
    assert cleanpage.Page.from_dict(whole) == cleanpage.clean(ARTICLE.encode(), url="https://example.com/oil")
    assert json.loads(cli([str(page), "--json"], capsysbinary, monkeypatch)[1])["title"] == "Oil prices fall"
    assert cli([str(page), "-o", str(tmp_path / "out.jsonl.gz")], capsysbinary, monkeypatch)[0] == 0
    record = json.loads(gzip.decompress((tmp_path / "out.jsonl.gz").read_bytes()))
    assert record["body"] == cleanpage.clean(ARTICLE).body
    assert cli([str(page), "--disable", "comments"], capsysbinary, monkeypatch)[1].decode().endswith(
        "No comments yet...\n")


def test_exit_codes(tmp_path, capsysbinary, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    assert cli([str(tmp_path / "missing.txt")], capsysbinary, monkeypatch)[0] == 3
    assert cli([str(page), "-o", str(tmp_path / "no" / "such" / "dir.jsonl")], capsysbinary, monkeypatch)[0] == 3
    for usage in ([str(page), "--to", "parquet"], [str(page), "--from", "pdf"], [str(page), "-j", "-1"],
                  [str(page), "--disable", "no.such_rule"], [str(page), "-o", str(page)], ["-", "-"],
                  [str(page), str(page), "--url", "https://example.com"], [str(page), "--timeout", "0"]):
        status, _, err = cli(usage, capsysbinary, monkeypatch)
        assert status == 2, usage
    assert cli([str(page)], capsysbinary, monkeypatch)[0] == 0


def test_max_bytes_and_timeout_reach_the_config(tmp_path, capsysbinary, monkeypatch):
    seen = []
    real = cleanpage.batch.Work.__init__

    def spy(self, config, *a, **kw):
        seen.append(config)
        real(self, config, *a, **kw)

    monkeypatch.setattr(cleanpage.batch.Work, "__init__", spy)
    page = tmp_path / "page.txt"
    page.write_text(ARTICLE, encoding="utf-8")
    assert cli([str(page), "--max-bytes", "1000", "--timeout", "2.5"], capsysbinary, monkeypatch)[0] == 0
    assert (seen[0].max_bytes, seen[0].timeout_s) == (1000, 2.5)


def test_preview_reaches_the_config_and_cleans_navigation_off_scraped_text(tmp_path, capsysbinary, monkeypatch):
    nav = ["Skip to content", "Home", "World", "Business", "Sport", "Log in", "Subscribe"]
    story = [f"Paragraph {k} of the story says what the council decided, and why it matters to the town."
             for k in range(25)]
    title = "The council votes on the bridge"
    page = tmp_path / "page.txt"
    page.write_text("\n".join([f"{title} | Example News", *nav, title, *story, "Privacy Policy", "Terms of Use"]),
                    encoding="utf-8")
    code, out, _ = cli([str(page), "--to", "json"], capsysbinary, monkeypatch)
    default = json.loads(out)
    code2, out2, _ = cli([str(page), "--to", "json", "--preview"], capsysbinary, monkeypatch)
    preview = json.loads(out2)
    assert code == code2 == 0
    assert "Skip to content" in default["body"]  # the default rules know the seed sites' chrome only
    assert not set(nav) & set(preview["body"].split("\n\n"))
    assert all(p in preview["body"] for p in story)
    assert preview["title"] == title


def test_an_interrupted_json_array_stays_valid_whatever_write_it_stops():
    # CI saw "},\n\n]" once: Ctrl-C between a record's "," and the record. A sink writes each
    # record with its separator in one call, so an interrupt at any write leaves valid JSON
    import io

    from cleanpage.batch import BytesSink

    class Interrupting(io.BytesIO):
        def __init__(self, at: int) -> None:
            super().__init__()
            self.at, self.calls = at, 0

        def write(self, data):  # type: ignore[override]
            self.calls += 1
            if self.calls == self.at:
                raise KeyboardInterrupt
            return super().write(data)

    for at in range(2, 6):
        fh = Interrupting(at)
        sink = BytesSink(fh, json_array=True)
        try:
            for i in range(5):
                sink.write(json.dumps({"id": i}).encode())
        except KeyboardInterrupt:
            pass
        sink.close()
        assert [r["id"] for r in json.loads(fh.getvalue())] == list(range(at - 2))
