"""clean_many() and the worker pool: input order, error records, crashes, overruns, bounded reading."""

from __future__ import annotations

import gzip
import io
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import cleanpage
from cleanpage import Config, ConfigError, ErrorRecord, Result
from cleanpage.batch import JsonlSpec, Record, Work, read_inputs, read_stream, run_work

from extras import need

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
PAGES = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
ARTICLE = "Oil prices fall\nOil prices fell 3.5% on Monday, analysts said.\nNo comments yet...\n"


def test_clean_many_keeps_order_and_equals_clean():
    sources = PAGES * 8
    for workers in (1, 2):
        results = list(cleanpage.clean_many(sources, workers=workers))
        assert [r.id for r in results] == list(range(len(sources)))
        assert all(r.ok for r in results)
        assert [r.page for r in results] == [cleanpage.clean(s) for s in sources]


def test_clean_many_takes_pairs_and_mappings_and_passes_fields_through():
    items = [
        ("page-1", ARTICLE),
        {"id": "page-2", "url": "https://example.com/2", "text": ARTICLE, "lang": "en"},
        {"url": "https://example.com/3", "html": "<p>Oil prices fell 3.5% on Monday, analysts said.</p>",
         "text": "the scraper's own text"},
        b"Oil prices fall\nBytes are decoded.\n",
        bytearray(b"Oil prices fall\nSo are bytearrays.\n"),
    ]
    results = list(cleanpage.clean_many(items, workers=2))
    assert [r.id for r in results] == ["page-1", "page-2", 2, 3, 4]
    assert results[1].url == results[1].page.url == "https://example.com/2"
    assert results[1].fields == {"lang": "en"}
    # html wins over text when a record has both; text is passed through
    assert results[2].page.source_kind == "html" and results[2].fields == {"text": "the scraper's own text"}
    assert results[3].page.body == "Bytes are decoded."
    custom = next(cleanpage.clean_many([{"key": "k", "content": ARTICLE}], field="content", id_field="key"))
    assert custom.id == "k" and custom.page.title == "Oil prices fall"


def test_a_bad_record_is_an_error_record_and_the_batch_goes_on():
    items = [ARTICLE, None, {"id": "no-text"}, {"id": "null", "text": None}, 42, ARTICLE]
    for workers in (1, 2):
        results = list(cleanpage.clean_many(items, workers=workers))
        assert [r.ok for r in results] == [True, False, False, False, False, True]
        bad = results[1:5]
        assert all(isinstance(r, ErrorRecord) and r.page is None and r.error == "InputError" for r in bad)
        assert [r.id for r in bad] == [1, "no-text", "null", 4]
        assert "no 'text' field" in bad[1].message and "null" in bad[2].message
        assert isinstance(results[0], Result) and results[0].error is None


def test_clean_many_is_lazy_and_validates_at_once():
    def endless():
        i = 0
        while True:
            yield f"Headline {i}\nA sentence of the article, number {i}."
            i += 1

    for workers in (1, 2):
        got = []
        for r in cleanpage.clean_many(endless(), workers=workers):
            got.append(r.page.title)
            if len(got) == 100:
                break  # closing the iterator stops the workers
        assert got == [f"Headline {i}" for i in range(100)]
    with pytest.raises(ConfigError):
        cleanpage.clean_many([], workers=0)
    with pytest.raises(ConfigError):
        cleanpage.clean_many([], config="strict")  # type: ignore[arg-type]


def test_reading_stays_a_bounded_window_ahead():
    pulled = 0

    def source():
        nonlocal pulled
        for i in range(2000):
            pulled += 1
            yield Record(i, f"Headline {i}\nA sentence, number {i}.")

    work = Work(Config())
    for k, _ in enumerate(run_work(source(), work, workers=2, window=50)):
        assert pulled - k <= 50 + 32  # the window, plus at most one chunk being filled
    assert pulled == 2000


class Flaky(Work):
    """Crashes its worker on "crash", hangs on "hang", sleeps a little on "slow"."""

    def clean(self, rec):
        if rec.source == "crash":
            os._exit(7)
        if rec.source == "hang":
            time.sleep(60)
        if rec.source == "slow":
            time.sleep(0.3)
        return super().clean(rec)


@pytest.fixture(params=["fork", "spawn"])
def start_method(request, monkeypatch):
    """Run the pool both ways: forked (Linux, one thread) and spawned (elsewhere)."""
    monkeypatch.setattr(cleanpage.batch, "_context", lambda: multiprocessing.get_context(request.param))
    return request.param


def test_a_crashed_or_overrunning_worker_costs_one_record(start_method):
    sources = ["Headline\nFirst page.", "crash", "slow", "Headline\nAfter the crash.", "hang",
               "Headline\nAfter the hang.", *["Headline\nMore."] * 40]
    records = [Record(i, s) for i, s in enumerate(sources)]
    t = time.monotonic()
    results = list(run_work(records, Flaky(Config(timeout_s=0.2)), workers=2))
    assert time.monotonic() - t < 30
    assert [r.id for r in results] == list(range(len(sources)))
    assert results[1].error == "WorkerCrashed" and "exit code 7" in results[1].message
    assert results[4].error == "TimeoutError" and "1.4 s" in results[4].message
    assert [i for i, r in enumerate(results) if not r.ok] == [1, 4]
    assert results[5].page == cleanpage.clean(sources[5])


def test_results_in_order_however_long_each_takes(start_method):
    sources = ["slow" if i % 7 == 0 else f"Headline {i}\nText {i}." for i in range(60)]
    results = list(run_work([Record(i, s) for i, s in enumerate(sources)], Flaky(Config()), workers=2))
    assert [r.id for r in results] == list(range(60))


def test_ctrl_c_while_a_worker_starts_is_not_lost(start_method, monkeypatch):
    """A Ctrl-C that lands while a worker process is being started (at the pool's start, or
    when a crashed worker is replaced) stops the run once the worker is up."""
    real_start = multiprocessing.process.BaseProcess.start

    def start_and_ctrl_c(proc):
        os.kill(os.getpid(), signal.SIGINT)  # the user presses Ctrl-C right now
        real_start(proc)

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "start", start_and_ctrl_c)
    # Ctrl-C raises KeyboardInterrupt here even when the tests run as a background job
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        results = run_work([Record(i, f"Headline {i}\nText {i}.") for i in range(50)], Work(Config()), workers=2)
        with pytest.raises(KeyboardInterrupt):
            list(results)
    finally:
        signal.signal(signal.SIGINT, previous)


def test_a_worker_that_cannot_start_is_an_error_not_a_record(tmp_path):
    script = tmp_path / "unguarded.py"
    script.write_text("import threading, time, cleanpage\n"
                      "threading.Thread(target=time.sleep, args=(30,), daemon=True).start()  # so: spawn\n"
                      "print(list(cleanpage.clean_many(['a', 'b'], workers=2)))\n")
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 1
    assert "CleanpageError: a worker process died while starting" in run.stderr
    assert "if __name__ == '__main__'" in run.stderr


# --- readers ----------------------------------------------------------------------------------------


def _records(data: bytes, fmt: str = "auto", **kw) -> list:
    work = Work(Config(), spec=kw.pop("spec", JsonlSpec()))
    return [work.clean(r) for r in read_stream(io.BytesIO(data), "in", fmt=fmt, **kw)]


def test_jsonl_lines_become_records_one_per_line():
    lines = [json.dumps({"id": "a", "text": ARTICLE, "lang": "en"}), "{not json", "", "[1, 2]",
             json.dumps({"text": ARTICLE})]
    data = "\n".join(lines).encode() + b"\n\xff\xfe\x00\x81 binary garbage\n"
    for blob in (data, gzip.compress(data)):
        results = _records(blob)
        assert len(results) == 6
        assert [r.ok for r in results] == [True, False, False, False, True, False]
        assert results[5].error in ("JSONDecodeError", "UnicodeDecodeError")
        assert results[0].id == "a" and results[0].fields == {"lang": "en"}
        assert [r.id for r in results[1:5]] == ["in:2", "in:3", "in:4", "in:5"]  # the line, when there is no id
        assert results[1].error == "JSONDecodeError" and results[2].message == "empty line"
        assert "JSON list" in results[3].message


def test_a_huge_jsonl_line_is_skipped_unread_with_max_bytes():
    big = json.dumps({"id": "big", "text": "word " * 50_000})
    data = f'{json.dumps({"id": 1, "text": ARTICLE})}\n{big}\n{json.dumps({"id": 3, "text": ARTICLE})}\n'.encode()
    results = _records(data, max_bytes=1000)
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].id == "in:2" and "longer than" in results[1].message


def test_format_sniffing_on_unnamed_input():
    assert _records(b'{"text": "Headline\\nBody text here."}\n')[0].page.paragraphs == ("Headline", "Body text here.")
    assert _records(b"<html><body><p>A paragraph of text, he said.</p></body></html>")[0].page.source_kind == "html"
    assert _records(gzip.compress(b"Plain text.\n"))[0].page == cleanpage.clean(b"Plain text.\n")  # bytes: and their encoding
    assert _records(b"{ braces start this text page\nsecond line\n")[0].ok  # not JSON: a page


def test_directories_are_walked_in_order_with_a_glob(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.html").write_text("<p>Two, said he.</p>")
    (tmp_path / "a.html").write_text("<p>One, said he.</p>")
    (tmp_path / "b" / "skip.txt").write_text("not html")
    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "3.htm.gz").write_bytes(gzip.compress(b"<p>Three, said he.</p>"))
    ids = [r.id for r in read_inputs([str(tmp_path)], glob="*.html")]
    assert ids == [str(tmp_path / "a.html"), str(tmp_path / "b" / "2.html")]
    ids = [r.id for r in read_inputs([str(tmp_path)], glob="*.htm*")]
    assert ids[-1] == str(tmp_path / "c" / "3.htm.gz")
    assert len(ids) == 3


def test_parquet_keeps_fields_that_do_not_fit_their_column(tmp_path):
    pq = need("pyarrow.parquet")
    from cleanpage.batch import ParquetSink

    sink = ParquetSink(str(tmp_path / "out.parquet"), rows=2)
    page = cleanpage.clean(ARTICLE)
    rows = [Result(1, page, None, {"n": 1, "tags": ["a"], "lang": "en"}),
            Result(2, page, None, {"n": 2, "tags": None, "lang": None}),
            Result(3, page, None, {"n": "three", "tags": {"x": 1}, "lang": "de", "late": True}),
            ErrorRecord(4, "InputError", "no text", None, {"n": 4.5})]
    for r in rows:
        sink.write(r.to_dict())
    sink.close()
    table = pq.read_table(tmp_path / "out.parquet")
    assert table.schema.field("n").type == "int64" and table.schema.field("lang").type == "string"
    got = table.to_pylist()
    assert [r["id"] for r in got] == ["1", "2", "3", "4"]
    assert got[0]["tags"] == '["a"]' and got[2]["tags"] == '{"x": 1}'  # lists and objects as JSON text
    assert got[2]["n"] is None and json.loads(got[2]["extra_fields"]) == {"n": "three", "late": True}
    assert json.loads(got[3]["extra_fields"]) == {"n": 4.5} and got[3]["error"]["type"] == "InputError"
    assert got[0]["extra_fields"] is None and dict(got[0]["metadata"]) == dict(page.metadata)
