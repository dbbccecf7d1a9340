"""Batch plumbing: records in, one result per record out, in input order, whatever goes wrong.

Readers turn inputs (Python objects; files, directories and standard input holding pages,
JSONL or WARC, gzipped or not) into ``Record``\\ s, lazily. ``run()`` cleans them in this
process or in a pool of worker processes and yields one ``Result`` or ``ErrorRecord`` per
record, in input order. Writers turn results into text, JSON, JSONL or Parquet.

Nothing here raises for a bad record: a line that is not JSON, a file that cannot be read,
input that is not text, a page that fails, hangs or kills its worker process, each becomes
an ``ErrorRecord`` in its place. Memory stays flat: inputs are read as a stream and at most
a few records per worker are in flight.

The command line (``cli.py``) is this module plus argument parsing; the integrations reuse
``Work`` and ``arrow_columns``.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import gzip
import io
import json
import os
import signal
import sys
import threading
import time
from collections import deque
from contextlib import contextmanager
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from multiprocessing import connection, get_context
from pathlib import Path
from typing import IO, Any, NamedTuple

from .api import Cleaner
from .config import Config
from .errors import CleanpageError
from .model import ErrorRecord, Result, SidebarItem, pass_through

Outcome = Result | ErrorRecord

# --- records --------------------------------------------------------------------------------


@dataclass(slots=True)
class Record:
    """One unit of work for ``run()``.

    ``kind`` says how to read ``source``: ``"auto"``, ``"text"`` or ``"html"`` for a page
    (str or bytes), ``"jsonl"`` for one raw JSONL line still to parse (parsed in the worker,
    so that the reading process only splits lines), ``"error"`` for a record that failed
    before cleaning: ``error`` then holds ``(type, message)``.
    """

    id: Any
    source: Any
    kind: str = "auto"
    url: str | None = None
    fields: dict[str, Any] | None = None
    error: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class JsonlSpec:
    """Which fields of a JSON record are the page, its id and its url.

    ``field=None`` takes ``html`` when the record has one (not null), else ``text``.
    """

    field: str | None = None
    id_field: str = "id"
    url_field: str = "url"


def _failed(id_: Any, etype: str, message: str, *, url: str | None = None,
            fields: dict[str, Any] | None = None) -> Record:
    return Record(id_, None, "error", url, fields, (etype, message))


def records_from_objects(sources: Iterable[Any], spec: JsonlSpec = JsonlSpec()) -> Iterator[Record]:
    """``clean_many()``'s inputs as records: str or bytes (id: the position), ``(id, source)``
    pairs, mappings (``spec`` names the page, id and url fields; other keys pass through)
    and ``Record``\\ s as they are. Anything else becomes an error record."""
    for i, item in enumerate(sources):
        if isinstance(item, Record):
            yield item
        elif isinstance(item, (str, bytes)):
            yield Record(i, item)
        elif isinstance(item, (bytearray, memoryview)):
            yield Record(i, bytes(item))
        elif isinstance(item, Mapping):
            yield _record_from_mapping(dict(item), i, spec)
        elif isinstance(item, tuple) and len(item) == 2:
            yield Record(item[0], item[1])
        else:
            yield _failed(i, "InputError", "expected str, bytes, an (id, source) pair or a mapping, "
                          f"got {type(item).__name__}")


_MISSING = object()


def _record_from_mapping(obj: dict[str, Any], default_id: Any, spec: JsonlSpec) -> Record:
    id_ = obj.pop(spec.id_field, _MISSING)
    if id_ is _MISSING:
        id_ = default_id
    url = obj.pop(spec.url_field, None)
    if url is not None and not isinstance(url, str):
        obj[spec.url_field], url = url, None  # not a URL: keep it, as it was
    name = spec.field or ("html" if obj.get("html") is not None else "text")
    source = obj.pop(name, _MISSING)
    if source is _MISSING:
        return _failed(id_, "InputError", f"the record has no {name!r} field", url=url, fields=obj)
    if not isinstance(source, (str, bytes)):
        what = "null" if source is None else type(source).__name__
        obj[name] = source
        return _failed(id_, "InputError", f"the {name!r} field is {what}, not text", url=url, fields=obj)
    return Record(id_, source, "auto", url, obj)


def parse_jsonl_line(rec: Record, spec: JsonlSpec) -> Record:
    """A raw JSONL line -> the page record it holds, or an error record."""
    line = rec.source
    if not line.strip():
        return _failed(rec.id, "JSONDecodeError", "empty line")
    try:
        obj = json.loads(line)
    except ValueError as exc:  # JSONDecodeError, or UnicodeDecodeError for bytes that are no text
        return _failed(rec.id, type(exc).__name__, str(exc))
    except RecursionError:
        return _failed(rec.id, "JSONDecodeError", "nested too deeply")
    if not isinstance(obj, dict):
        return _failed(rec.id, "InputError", f"the line holds a JSON {type(obj).__name__}, not an object")
    return _record_from_mapping(obj, rec.id, spec)


# --- cleaning one record --------------------------------------------------------------------


class Out(NamedTuple):
    """A rendered result, as a worker hands it back: what the writer needs, and no more."""

    ok: bool
    id: Any
    error: str | None
    message: str | None
    data: Any  # bytes for text, JSON and JSONL; a dict for Parquet; None for nothing to write


@dataclass(frozen=True, slots=True)
class Render:
    """Turns a result into ``Out``, in the worker, so the parent process only writes.

    ``to``: ``text`` (the body, or the ``explain()`` report), ``json`` (everything, pretty),
    ``jsonl`` (one record per line) or ``parquet`` (the record as a dict). ``headers`` puts
    ``==> id <==`` above each text page.
    """

    to: str = "jsonl"
    explain: bool = False
    headers: bool = False

    def __call__(self, r: Outcome) -> Out:
        if not r.ok:
            data = None if self.to == "text" else self._data(r)
            return Out(False, r.id, r.error, r.message, data)
        return Out(True, r.id, None, None, self._data(r))

    def _data(self, r: Outcome) -> Any:
        if self.to == "text":
            assert r.page is not None
            text = r.page.explain() if self.explain else r.page.body
            if self.headers:
                text = f"==> {r.id} <==\n{text}\n"
            return (text + "\n").encode("utf-8", "replace")
        if self.to == "json":
            if r.page is None:
                return _dumps(r.to_dict(explain=True), indent=2)
            full = r.page.to_dict()
            del full["url"]
            return _dumps(pass_through({"id": r.id, "url": r.url, **full, "error": None}, r.fields), indent=2)
        record = r.to_dict(explain=self.explain)
        if self.to == "jsonl":
            return _dumps(record) + b"\n"
        return record


def _dumps(obj: Any, **kwargs: Any) -> bytes:
    try:
        return json.dumps(obj, ensure_ascii=False, default=str, **kwargs).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate (a "\ud800" in the input): escape it, losslessly
        return json.dumps(obj, ensure_ascii=True, default=str, **kwargs).encode("ascii")


class Work:
    """What a worker does with a record: parse it if needed, clean it, render it.

    One ``Cleaner`` per input format, made on first use. Never raises for a record.
    """

    def __init__(self, config: Config, render: Callable[[Outcome], Any] | None = None,
                 spec: JsonlSpec = JsonlSpec()) -> None:
        self.config, self.render, self.spec = config, render, spec
        self._cleaners: dict[str, Cleaner] = {}

    def __reduce__(self) -> tuple[Any, ...]:  # cleaners are made again in each worker
        return (type(self), (self.config, self.render, self.spec))

    def cleaner(self, kind: str) -> Cleaner:
        c = self._cleaners.get(kind)
        if c is None:
            config = self.config if kind == "auto" else dataclasses.replace(self.config, input_format=kind)
            c = self._cleaners[kind] = Cleaner(config)
        return c

    def clean(self, rec: Record) -> Outcome:
        if rec.kind == "jsonl":
            rec = parse_jsonl_line(rec, self.spec)
        fields = rec.fields or {}
        if rec.error is not None:
            return ErrorRecord(rec.id, rec.error[0], rec.error[1], rec.url, fields)
        try:
            page = self.cleaner(rec.kind).clean(rec.source, url=rec.url)
        except Exception as exc:  # noqa: BLE001 - any failure is this record's error, not the batch's
            return ErrorRecord.from_exception(rec.id, exc, url=rec.url, fields=fields)
        return Result(rec.id, page, rec.url, fields)

    def __call__(self, rec: Record) -> Any:
        result = self.clean(rec)
        if self.render is None:
            return result
        try:
            return self.render(result)
        except Exception as exc:  # noqa: BLE001 - e.g. a passed-through field JSON cannot hold
            return self.render(ErrorRecord.from_exception(result.id, exc, url=result.url))

    def fail(self, rec: Record, etype: str, message: str) -> Any:
        """The error result for a record whose worker died or overran: made in the parent."""
        if rec.kind == "jsonl":
            rec = parse_jsonl_line(rec, self.spec)
        result = ErrorRecord(rec.id, etype, message, rec.url, rec.fields or {})
        return result if self.render is None else self.render(result)


# --- running: in this process, or in a pool of worker processes ------------------------------

# A worker gets a chunk of records at a time (up to _CHUNK records or _CHUNK_BYTES of input),
# and only when it is idle: a chunk sent to a busy worker could block the parent in send()
# while the worker blocks sending a large result back, both pipe buffers full. Results come
# back one by one, so a crash or an overrun is traced to its record.
_CHUNK = 32
_CHUNK_BYTES = 1 << 20


def _size(rec: Record) -> int:
    return len(rec.source) if isinstance(rec.source, (str, bytes)) else 64


def run(records: Iterable[Record], config: Config, *, workers: int = 1,
        render: Callable[[Outcome], Any] | None = None, spec: JsonlSpec = JsonlSpec(),
        window: int | None = None) -> Iterator[Any]:
    """Clean ``records`` and yield one result per record, in input order.

    ``workers > 1`` cleans in that many worker processes; at most ``window`` records
    (default ``2 * _CHUNK * workers``) are read ahead of the one being yielded, so memory stays flat
    however long the input. A worker that dies, or that is still on one page at
    ``2 * config.timeout_s + 1`` seconds, is replaced and that page becomes an error.
    """
    return run_work(records, Work(config, render, spec), workers=workers, window=window)


def run_work(records: Iterable[Record], work: Work, *, workers: int = 1, window: int | None = None) -> Iterator[Any]:
    """``run()`` with a given ``Work``: what each record goes through."""
    if workers <= 1:
        for rec in records:
            yield work(rec)
        return
    timeout_s = work.config.timeout_s
    pool = _Pool(workers, work, 2 * timeout_s + 1 if timeout_s else None)
    try:
        yield from pool.imap(records, window or 2 * _CHUNK * workers)
    finally:
        pool.close()


_READY = -1  # the sequence number of the message a worker sends once it is up


def _worker_main(conn: connection.Connection, work: Work) -> None:
    # Ctrl-C reaches the whole process group: the parent decides what stops, and when;
    # a forked worker must not run the parent's own SIGTERM handler either
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked while it started (_sigint_held)
    conn.send((_READY, None))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        for seq, rec in task:
            out = work(rec)
            try:
                conn.send((seq, out))
            except (EOFError, OSError):
                return
            except Exception as exc:  # noqa: BLE001 - the result would not pickle
                conn.send((seq, work.fail(rec, type(exc).__name__, f"result could not be sent back: {exc}")))


class _Slot:
    __slots__ = ("proc", "conn", "pending", "started", "ready")

    def __init__(self, proc: Any, conn: connection.Connection) -> None:
        self.proc, self.conn = proc, conn
        self.pending: deque[tuple[int, Record]] = deque()  # in the order the worker takes them
        self.started = 0.0  # when the worker began the first pending record
        self.ready = False  # the worker has started up


@contextmanager
def _sigint_held() -> Iterator[None]:
    """Ctrl-C held back in this thread while a worker starts (see ``_Pool._start``); where
    signals cannot be blocked (Windows), ignored instead, from the main thread."""
    if hasattr(signal, "pthread_sigmask"):
        blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            yield
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        return
    try:
        sigint = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread
        sigint = None
    try:
        yield
    finally:
        if sigint is not None:
            signal.signal(signal.SIGINT, sigint)


def _context() -> Any:
    """Fork where it is safe (Linux, and no other thread that could hold a lock at the
    fork): quick, and a script needs no ``__main__`` guard. Else spawn, which re-imports
    the main module in each worker."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return get_context("fork")
    return get_context("spawn")


class _Pool:
    """Worker processes fed through pipes, one slot each, so that every result, crash or
    overrun is traced to its record."""

    def __init__(self, n: int, work: Work, limit: float | None) -> None:
        self.work, self.limit = work, limit
        self.slots = [self._start() for _ in range(n)]

    def _start(self) -> _Slot:
        ctx = _context()
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_worker_main, args=(child, self.work), daemon=True, name="cleanpage-worker")
        # the worker starts with Ctrl-C blocked (a blocked signal stays blocked across fork and
        # exec), so that one pressed while it imports does not print a traceback from every
        # worker; blocked, not ignored, in this process too: a Ctrl-C pressed meanwhile waits,
        # and stops the run once the worker has started, instead of being lost
        with _sigint_held():
            proc.start()
        child.close()
        return _Slot(proc, parent)

    def imap(self, records: Iterable[Record], window: int) -> Iterator[Any]:
        it = iter(records)
        retry: deque[tuple[int, Record]] = deque()
        done: dict[int, Any] = {}
        next_in = next_out = 0
        exhausted = False
        while True:
            for slot in self.slots:
                if slot.pending:
                    continue
                chunk: list[tuple[int, Record]] = []
                size = 0
                while len(chunk) < _CHUNK and size < _CHUNK_BYTES:
                    if retry:
                        chunk.append(retry.popleft())
                    elif exhausted or next_in - next_out >= window:
                        break
                    else:
                        try:
                            rec = next(it)
                        except StopIteration:
                            exhausted = True
                            break
                        chunk.append((next_in, rec))
                        next_in += 1
                    size += _size(chunk[-1][1])
                if not chunk:
                    break
                slot.pending.extend(chunk)
                slot.started = time.monotonic()
                try:
                    slot.conn.send(chunk)
                except (OSError, EOFError):
                    pass  # the worker is gone: found below, and its records go to another
            while next_out in done:
                yield done.pop(next_out)
                next_out += 1
            busy = [s for s in self.slots if s.pending]
            if not busy:
                if exhausted and not retry:
                    return
                continue
            timeout = None
            running = [s.started for s in busy if s.ready]
            if self.limit is not None and running:
                timeout = max(0.0, min(running) + self.limit - time.monotonic())
            watched = [s for s in self.slots if s.pending or not s.ready]
            connection.wait([s.conn for s in watched] + [s.proc.sentinel for s in watched], timeout)
            for i, slot in enumerate(self.slots):
                if slot.pending or not slot.ready:
                    self._collect(i, slot, done, retry)

    def _collect(self, i: int, slot: _Slot, done: dict[int, Any], retry: deque[tuple[int, Record]]) -> None:
        broken = False
        try:
            while (slot.pending or not slot.ready) and slot.conn.poll():
                seq, out = slot.conn.recv()
                if seq == _READY:
                    slot.ready = True
                    slot.started = time.monotonic()  # the time limit runs from here
                    continue
                slot.pending.popleft()
                done[seq] = out
                slot.started = time.monotonic()
        except (EOFError, OSError):
            broken = True
        if not slot.ready and (broken or not slot.proc.is_alive()):
            slot.proc.join(1)
            raise CleanpageError(
                f"a worker process died while starting (exit code {slot.proc.exitcode}). Worker processes "
                "re-import the main module: in a script, call clean_many() under if __name__ == '__main__':")
        if not slot.pending:
            return
        overran = self.limit is not None and slot.ready and time.monotonic() - slot.started > self.limit
        if not (broken or overran or not slot.proc.is_alive()):
            return
        if overran and slot.proc.is_alive():
            etype, message = "TimeoutError", f"no result after {self.limit:g} s: the worker was stopped"
        else:
            slot.proc.join(1)
            etype, message = "WorkerCrashed", f"the worker process died (exit code {slot.proc.exitcode})"
        self._stop(slot)
        seq, rec = slot.pending.popleft()
        done[seq] = self.work.fail(rec, etype, message)
        retry.extend(slot.pending)  # never started: they go to the next free worker
        self.slots[i] = self._start()

    @staticmethod
    def _stop(slot: _Slot) -> None:
        if slot.proc.is_alive():
            slot.proc.kill()
        slot.proc.join(5)
        slot.conn.close()

    def close(self) -> None:
        clean = not any(s.pending for s in self.slots)
        for slot in self.slots:
            if clean:
                try:
                    slot.conn.send(None)
                except (OSError, EOFError):
                    pass
        deadline = time.monotonic() + 2
        for slot in self.slots:
            if clean:
                slot.proc.join(max(0.0, deadline - time.monotonic()))
            self._stop(slot)


# --- reading files, directories and standard input ------------------------------------------

FORMATS = ("auto", "text", "html", "jsonl", "warc")
_EXT = {".jsonl": "jsonl", ".ndjson": "jsonl", ".warc": "warc", ".arc": "warc",
        ".html": "html", ".htm": "html", ".xhtml": "html", ".txt": "text"}
_SNIFF = 1 << 16


class ReadStats:
    """What the readers skipped on purpose (not pages), for the summary line."""

    def __init__(self) -> None:
        self.skipped_warc = 0


def format_of(name: str) -> str | None:
    """The format a file name says (``shard.jsonl.gz`` -> ``jsonl``), or None."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return _EXT.get(os.path.splitext(lower)[1])


def open_binary(stream: IO[bytes]) -> IO[bytes]:
    """``stream`` decompressed if it is gzip (by its first bytes, not its name), peekable."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream, _SNIFF)  # type: ignore[arg-type]
    if stream.peek(2)[:2] == b"\x1f\x8b":  # type: ignore[attr-defined]
        stream = io.BufferedReader(gzip.GzipFile(fileobj=stream, mode="rb"), _SNIFF)  # type: ignore[arg-type]
    return stream


def sniff_format(stream: IO[bytes]) -> str:
    """``warc``, ``jsonl`` or ``auto`` (a page: the cleaner tells text from HTML) from the first bytes."""
    head = stream.peek(_SNIFF)[:_SNIFF]  # type: ignore[attr-defined]
    start = head.lstrip()
    if start.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    if start.startswith(b"{"):
        first, newline, _ = start.partition(b"\n")
        if not newline:
            return "jsonl"  # one long first line: no page starts that way
        try:
            return "jsonl" if isinstance(json.loads(first), dict) else "auto"
        except ValueError:
            return "auto"
    return "auto"


def walk(root: Path, glob: str) -> Iterator[Path | Record]:
    """Files under ``root`` whose name (or path below ``root``, if ``glob`` has a ``/``)
    matches ``glob``, in name order, depth first. A directory that cannot be listed
    becomes an error record."""
    by_path = "/" in glob
    stack = [root]
    while stack:
        here = stack.pop()
        try:
            with os.scandir(here) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield _failed(str(here), type(exc).__name__, exc.strerror or str(exc))
            continue
        subdirs = []
        for e in entries:
            try:
                is_dir = e.is_dir(follow_symlinks=False)  # like find: links to directories are not followed
                if not is_dir and e.is_symlink() and e.is_dir():
                    continue
            except OSError:
                is_dir = False
            if is_dir:
                subdirs.append(Path(e.path))
                continue
            target = Path(e.path).relative_to(root).as_posix() if by_path else e.name
            if fnmatch.fnmatchcase(target, glob):
                yield Path(e.path)
        stack.extend(reversed(subdirs))


def read_inputs(inputs: Iterable[str], *, fmt: str = "auto", glob: str = "*", max_bytes: int | None = None,
                stdin: IO[bytes] | None = None, stats: ReadStats | None = None) -> Iterator[Record]:
    """Records from paths (``-`` is standard input; directories are walked). Lazy:
    one file open at a time, JSONL and WARC read record by record. JSONL lines are parsed
    later, by ``Work`` (in the workers), which knows the ``JsonlSpec``."""
    stats = stats or ReadStats()
    for name in inputs:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_stream(stream, "-", fmt=fmt, max_bytes=max_bytes, stats=stats)
            continue
        path = Path(name)
        if path.is_dir():
            for item in walk(path, glob):
                if isinstance(item, Record):
                    yield item
                else:
                    yield from read_file(item, fmt=fmt, max_bytes=max_bytes, stats=stats)
        else:
            yield from read_file(path, fmt=fmt, max_bytes=max_bytes, stats=stats)


def read_file(path: Path, *, fmt: str = "auto", max_bytes: int | None = None,
              stats: ReadStats | None = None) -> Iterator[Record]:
    """Records from one file: one page, or every JSONL line or WARC response in it."""
    name = str(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - closed below, after the generator is done
    except OSError as exc:
        yield _failed(name, type(exc).__name__, exc.strerror or str(exc))
        return
    with fh:
        if fmt == "auto":
            fmt = format_of(path.name) or "auto"
        yield from read_stream(fh, name, fmt=fmt, max_bytes=max_bytes, stats=stats)


def read_stream(stream: IO[bytes], name: str, *, fmt: str = "auto", max_bytes: int | None = None,
                stats: ReadStats | None = None) -> Iterator[Record]:
    """Records from one binary stream named ``name`` (gzip or not)."""
    stats = stats or ReadStats()
    try:
        stream = open_binary(stream)
        if fmt == "auto":
            fmt = sniff_format(stream)
    except (OSError, EOFError) as exc:
        yield _failed(name, type(exc).__name__, str(exc))
        return
    if fmt == "jsonl":
        yield from read_jsonl(stream, name, max_line=8 * max_bytes + (1 << 16) if max_bytes else None)
    elif fmt == "warc":
        yield from read_warc(stream, name, max_bytes=max_bytes, stats=stats)
    else:
        try:
            data = stream.read(max_bytes + 1) if max_bytes else stream.read()
        except (OSError, EOFError) as exc:  # e.g. a truncated or corrupt .gz
            yield _failed(name, type(exc).__name__, str(exc))
            return
        yield Record(name, data, fmt)


def read_jsonl(stream: IO[bytes], name: str, *, max_line: int | None = None) -> Iterator[Record]:
    """One raw record per line (``name:LINE`` is the id until the line's own id is read).

    A line longer than ``max_line`` bytes is skipped unread and becomes an error record.
    """
    lineno = 0
    limit = max_line or -1
    while True:
        try:
            line = stream.readline(limit)
        except (OSError, EOFError) as exc:
            yield _failed(f"{name}:{lineno + 1}", type(exc).__name__, f"reading stopped: {exc}")
            return
        if not line:
            return
        lineno += 1
        rid = f"{name}:{lineno}"
        if max_line and len(line) >= max_line and not line.endswith(b"\n"):
            try:
                while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
            except (OSError, EOFError) as exc:
                yield _failed(rid, type(exc).__name__, f"reading stopped: {exc}")
                return
            yield _failed(rid, "InputError", f"line longer than {max_line:,} bytes (8 x max_bytes): not read")
            continue
        yield Record(rid, line, "jsonl")


_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def read_warc(stream: IO[bytes], name: str, *, max_bytes: int | None = None,
              stats: ReadStats | None = None) -> Iterator[Record]:
    """One record per WARC response (or resource, or WET conversion) whose payload is HTML,
    XHTML or plain text; the id is its WARC-Record-ID and the url its WARC-Target-URI.
    Requests, metadata, images and the like are skipped and counted in ``stats``."""
    stats = stats or ReadStats()
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield _failed(name, "ImportError", "reading WARC needs warcio: pip install 'cleanpage[warc]'")
        return
    records = iter(ArchiveIterator(stream, arc2warc=True))
    n = 0
    while True:
        try:
            rec = next(records)
            if rec.rec_type not in ("response", "resource", "conversion"):
                continue
            n += 1
            headers = rec.rec_headers
            ctype = (headers.get_header("WARC-Identified-Payload-Type")
                     or (rec.http_headers.get_header("Content-Type") if rec.http_headers else None)
                     or (headers.get_header("Content-Type") if rec.rec_type != "response" else None) or "")
            mime = ctype.split(";", 1)[0].strip().lower()
            if mime and mime not in _PAGE_TYPES:
                stats.skipped_warc += 1
                continue
            rid = headers.get_header("WARC-Record-ID") or f"{name}:{n}"
            url = headers.get_header("WARC-Target-URI")
            fields: dict[str, Any] = {"warc_date": headers.get_header("WARC-Date")}
            if rec.http_headers is not None and rec.rec_type == "response":
                status = rec.http_headers.get_statuscode()
                fields["http_status"] = int(status) if status and status.isdigit() else status
            fields["content_type"] = ctype or None
            content = rec.content_stream()
            payload = content.read(max_bytes + 1) if max_bytes else content.read()
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - warcio raises its own types for a broken archive
            yield _failed(f"{name}:{n + 1}", type(exc).__name__, f"reading stopped: {exc}")
            return
        yield Record(rid, _decode_http(payload, ctype), "auto", url, fields)


def _decode_http(payload: bytes, ctype: str) -> str | bytes:
    """The payload as text if its HTTP charset decodes it (that charset outranks a <meta>
    tag); else the bytes, for the cleaner's own decoding. A BOM outranks both."""
    if payload.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return payload
    for part in ctype.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            try:
                return payload.decode(value.strip().strip("\"'"))
            except (LookupError, UnicodeDecodeError):
                break
    return payload


# --- writing ----------------------------------------------------------------------------------


class BytesSink:
    """Text, JSON and JSONL: bytes as they come. ``json_array`` wraps the records in ``[...]``,
    closed even when the run is interrupted, so the file is valid JSON."""

    def __init__(self, fh: IO[bytes], *, json_array: bool = False, flush_each: bool = False) -> None:
        self.fh, self.json_array, self.flush_each = fh, json_array, flush_each
        self.n = 0
        if json_array:
            fh.write(b"[\n")

    def write(self, data: bytes) -> None:
        # one write per record, its separator included: Ctrl-C lands before it or after it,
        # never between the "," and the record (which left "},\n\n]" in an interrupted file)
        self.fh.write(b",\n" + data if self.json_array and self.n else data)
        self.n += 1
        if self.flush_each:
            self.fh.flush()

    def close(self) -> None:
        if self.json_array:
            self.fh.write(b"\n]\n" if self.n else b"]\n")
        self.fh.flush()


def arrow_schema(explain: bool = False) -> Any:
    """The Arrow types of the columns cleanpage adds (Parquet output, Ray Data)."""
    import pyarrow as pa

    s = pa.string()
    item = pa.struct([(f.name, pa.list_(s) if f.name == "sections" else s) for f in dataclasses.fields(SidebarItem)])
    removal = pa.struct([("rule", s), ("text", s), ("reason", s), ("start", pa.int64()), ("end", pa.int64())])
    cols = [("id", s), ("url", s), ("title", s), ("body", s), ("metadata", pa.map_(s, s)), ("sidebar", pa.list_(item))]
    if explain:
        cols.append(("removed", pa.list_(removal)))
    cols.append(("error", pa.struct([("type", s), ("message", s)])))
    return pa.schema(cols)


def arrow_columns(records: list[dict[str, Any]], schema: Any) -> list[Any]:
    """Arrays for ``schema``'s columns from output records (``Result.to_dict()``)."""
    import pyarrow as pa

    arrays = []
    for f in schema:
        values = [r.get(f.name) for r in records]
        if f.name == "id":
            values = [None if v is None else str(v) for v in values]
        elif f.name == "metadata":
            values = [None if v is None else list(v.items()) for v in values]
        try:
            arrays.append(pa.array(values, type=f.type))
        except (UnicodeEncodeError, pa.ArrowException):  # lone surrogates: not UTF-8
            arrays.append(pa.array(_utf8(values), type=f.type))
    return arrays


def _utf8(value: Any) -> Any:
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    if isinstance(value, list):
        return [_utf8(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_utf8(v) for v in value)
    if isinstance(value, dict):
        return {k: _utf8(v) for k, v in value.items()}
    return value


def _kind_of(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int" if -(1 << 63) <= value < (1 << 63) else "json"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "str"
    return "json"


class ParquetSink:
    """Parquet, one row group per ``rows`` records (or ``max_bytes`` of text).

    cleanpage's columns have fixed types (``arrow_schema``); ``id`` is stored as a string.
    Passed-through fields become columns typed from the first row group: str, int, float,
    bool, or JSON text for lists, objects and mixed types. A later value that does not fit
    its column, or a field first seen later, is kept in the ``extra_fields`` column as a
    JSON object, so nothing is lost. Closing writes the footer: an interrupted run leaves a
    valid file with every record written so far.
    """

    def __init__(self, path: str, *, explain: bool = False, rows: int = 1000, max_bytes: int = 64 << 20) -> None:
        import pyarrow as pa  # noqa: F401 - fail here, before any work, if it is missing
        import pyarrow.parquet  # noqa: F401

        self.path, self.core = path, arrow_schema(explain)
        self.rows, self.max_bytes = rows, max_bytes
        self.buffer: list[dict[str, Any]] = []
        self.size = 0
        self.writer: Any = None
        self.kinds: dict[str, str] = {}  # passed-through column -> str, int, float, bool or json

    def write(self, record: dict[str, Any]) -> None:
        self.buffer.append(record)
        self.size += len(record.get("body") or "") + 200
        if len(self.buffer) >= self.rows or self.size >= self.max_bytes:
            self.flush()

    def _open(self) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        core = set(self.core.names)
        seen: dict[str, set[str | None]] = {}
        for r in self.buffer:
            for k, v in r.items():
                if k not in core:
                    seen.setdefault(k, set()).add(_kind_of(v))
        for k, kinds in seen.items():
            kinds.discard(None)
            if kinds <= {"int", "float"} and "float" in kinds:
                kinds = {"float"}
            self.kinds[k] = kinds.pop() if len(kinds) == 1 else ("str" if not kinds else "json")
        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(), "json": pa.string()}
        extra = [pa.field(k, types[kind]) for k, kind in self.kinds.items()]
        extra.append(pa.field("extra_fields", pa.string()))
        self.schema = pa.schema(list(self.core) + extra)
        self.writer = pq.ParquetWriter(self.path, self.schema)

    def flush(self) -> None:
        import pyarrow as pa

        if self.writer is None:
            self._open()
        if not self.buffer:
            return
        core = set(self.core.names)
        columns: dict[str, list[Any]] = {k: [] for k in self.kinds}
        overflow: list[str | None] = []
        for r in self.buffer:
            spill = {}
            for k in self.kinds:
                v = r.get(k)
                kind, want = _kind_of(v), self.kinds[k]
                if want == "json" and v is not None:
                    columns[k].append(_dumps(v).decode("utf-8"))
                elif kind is None or kind == want or (want == "float" and kind == "int"):
                    columns[k].append(v)
                else:
                    columns[k].append(None)
                    spill[k] = v
            for k, v in r.items():
                if k not in core and k not in self.kinds:
                    spill[k] = v
            overflow.append(_dumps(spill).decode("utf-8") if spill else None)
        arrays = arrow_columns(self.buffer, self.core)
        for k, values in columns.items():
            try:
                arrays.append(pa.array(values, type=self.schema.field(k).type))
            except (UnicodeEncodeError, pa.ArrowException):
                arrays.append(pa.array(_utf8(values), type=self.schema.field(k).type))
        arrays.append(pa.array(overflow, type=pa.string()))
        self.writer.write_table(pa.Table.from_arrays(arrays, schema=self.schema))
        self.buffer, self.size = [], 0

    def close(self) -> None:
        self.flush()
        self.writer.close()


def summarise(n: int, errors: dict[str, int]) -> str:
    """``37 of 10,000 records failed (JSONDecodeError 20, InputError 17)``."""
    failed = sum(errors.values())
    kinds = ", ".join(f"{k} {v:,}" for k, v in sorted(errors.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{failed:,} of {n:,} record{'s' if n != 1 else ''} failed ({kinds})"


def clean_many(cleaner: Cleaner, sources: Iterable[Any], *, workers: int = 1, progress: bool = False,
               field: str | None = None, id_field: str = "id") -> Iterator[Outcome]:
    """``Cleaner.clean_many()``: see there."""
    spec = JsonlSpec(field, id_field)
    total = len(sources) if hasattr(sources, "__len__") else None  # type: ignore[arg-type]
    results: Iterator[Outcome] = run(records_from_objects(sources, spec), cleaner.config,
                                     workers=workers, spec=spec)
    if progress:
        from tqdm.auto import tqdm

        results = iter(tqdm(results, total=total, unit="page", file=sys.stderr))
    return results


__all__ = [
    "BytesSink", "JsonlSpec", "Out", "Outcome", "ParquetSink", "ReadStats", "Record", "Render", "Work",
    "arrow_columns", "arrow_schema", "clean_many", "open_binary", "parse_jsonl_line", "read_file", "read_inputs",
    "read_jsonl", "read_stream", "read_warc", "records_from_objects", "run", "run_work", "sniff_format",
]
