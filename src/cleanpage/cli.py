"""The ``cleanpage`` command line: its arguments, and nothing else (the work is in ``batch.py``)."""

from __future__ import annotations

import argparse
import gzip
import os
import signal
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from . import __version__
from .api import Cleaner
from .batch import (FORMATS, BytesSink, JsonlSpec, ParquetSink, Record, ReadStats, Render, format_of, open_binary,
                    read_inputs, run, sniff_format, summarise)
from .config import Config
from .errors import CleanpageError

OK, FAILED_RECORDS, USAGE, CANNOT_READ_OR_WRITE, INTERRUPTED = 0, 1, 2, 3, 130
OUTPUTS = ("text", "json", "jsonl", "parquet")
_OUT_EXT = {".txt": "text", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet"}
_SHOWN_ERRORS = 10  # error lines printed as they happen; the summary counts the rest

EPILOG = """\
examples:
  cleanpage page.html                                 print the clean body
  cat page.txt | cleanpage --explain                  what went where, and which rule sent it
  cleanpage crawl/ --glob '*.html' -o out.jsonl -j 2  a directory, two worker processes
  cleanpage shard.jsonl.gz --field html -o out.parquet
  cleanpage CC-MAIN-*.warc.gz -o pages.jsonl          WARC responses (needs cleanpage[warc])

Every input record gives exactly one output record, in input order; a record that
cannot be cleaned gives an error record (--errors record), with "error": {"type",
"message"} and the other fields null.

exit status: 0 all clean, 1 finished with error records, 2 usage, 3 cannot read or
write, 130 interrupted (the output so far is flushed and valid).
"""


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="cleanpage", formatter_class=argparse.RawDescriptionHelpFormatter, epilog=EPILOG,
        description="Clean scraped web pages (text or HTML): the article body, sidebar items, metadata, "
                    "and a record of every removal.")
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files, directories (walked recursively) or - for standard input (the default); "
                        ".gz is read transparently")
    p.add_argument("-o", "--output", metavar="PATH",
                   help="write to PATH instead of standard output; its extension (.txt, .json, .jsonl, "
                        ".parquet, + .gz) sets --to")
    p.add_argument("--from", dest="fmt", choices=FORMATS, default="auto",
                   help="auto (default: by extension, else by content), text or html (a file is one page), "
                        "jsonl (one record per line), warc (HTML responses)")
    p.add_argument("--to", choices=OUTPUTS,
                   help="text (the body; default for pages), json (everything, pretty), jsonl (one record per "
                        "line; default for JSONL and WARC), parquet (to a file only)")
    p.add_argument("--glob", default="*", metavar="PATTERN",
                   help="in directories, read only files whose name matches (default: *)")
    p.add_argument("--field", metavar="NAME",
                   help="JSONL: the field holding the page (default: html if the record has it, else text)")
    p.add_argument("--id-field", default="id", metavar="NAME", help="JSONL: the record's id (default: id)")
    p.add_argument("--url", help="the page's URL, kept in the result (one page only)")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="worker processes (default 1; 0: one per CPU); the output keeps input order")
    p.add_argument("--timeout", type=float, metavar="SECONDS",
                   help=f"time limit per page (default: {Config.timeout_s:g}; the page then says so)")
    p.add_argument("--max-bytes", type=int, metavar="N",
                   help=f"size limit per page, in bytes (default: {Config.max_bytes:,})")
    p.add_argument("--truncate", action="store_true",
                   help="clean the first --max-bytes of a larger page instead of refusing it")
    p.add_argument("--explain", action="store_true",
                   help="text: the removal report instead of the body; records: add the removals")
    p.add_argument("--errors", choices=("record", "skip", "fail"), default="record",
                   help="a record that cannot be cleaned: write an error record (default), skip it, "
                        "or stop at it")
    p.add_argument("--disable", action="append", default=[], metavar="RULE",
                   help="switch a rule or family off, e.g. --disable share (repeatable)")
    p.add_argument("--preview", action="store_true",
                   help="also run the preview rules (Config(preview=True)): for scraped text from any site, "
                        "the line model, chrome phrase families and learned title")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar, no error lines, no summary (the exit status still tells)")
    p.add_argument("--json", action="store_true", help=argparse.SUPPRESS)  # the first version's flag: --to json
    p.add_argument("--version", action="version", version=f"cleanpage {__version__}")
    return p


class _Stop(KeyboardInterrupt):
    """SIGTERM, handled as Ctrl-C is: flush, close, exit."""


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:  # not the main thread: leave signals alone
        previous = None
    try:
        return _main(parser, args)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Stop


def _fail(message: str, status: int) -> int:
    print(f"cleanpage: {message}", file=sys.stderr)
    return status


def _main(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    inputs: list[str] = args.inputs or ["-"]
    if inputs.count("-") > 1:
        parser.error("standard input (-) can be read only once")
    stdin: IO[bytes] | None = None
    if "-" in inputs:
        if not args.inputs and sys.stdin.isatty():
            parser.error("no input: name files or directories, or pipe a page in")
        try:
            stdin = open_binary(sys.stdin.buffer)
        except (OSError, EOFError) as exc:
            return _fail(f"cannot read standard input: {exc}", CANNOT_READ_OR_WRITE)
    for name in inputs:  # what is named must be there; what a directory holds is read as it comes
        if name == "-":
            continue
        try:
            if os.path.isdir(name):
                os.scandir(name).close()
            else:
                open(name, "rb").close()  # noqa: SIM115
        except OSError as exc:
            return _fail(f"cannot read {name}: {exc.strerror or exc}", CANNOT_READ_OR_WRITE)
    if args.jobs < 0:
        parser.error("-j must be 0 (one per CPU) or more")
    jobs = args.jobs or _cpus()
    try:
        limits = {"max_bytes": args.max_bytes, "timeout_s": args.timeout}  # not given: the library's defaults
        config = Config(disabled=frozenset(args.disable), truncate=args.truncate, preview=args.preview,
                        **{k: v for k, v in limits.items() if v is not None})
        Cleaner(config)  # unknown rule names fail here, before any work
    except CleanpageError as exc:
        parser.error(str(exc))

    first = _first_format(inputs[0], args.fmt, stdin)
    single = len(inputs) == 1 and first in ("auto", "text", "html") and not Path(inputs[0]).is_dir()
    to = args.to or ("json" if args.json else None) or _format_of_output(args.output) or \
        ("jsonl" if first in ("jsonl", "warc") else "text")
    if to == "parquet" and (not args.output or args.output.endswith(".gz")):
        parser.error("parquet goes to a file: give -o PATH.parquet (Parquet compresses by itself)")
    if args.url is not None and not single:
        parser.error("--url is for one page; JSONL records and WARC responses carry their own")
    if args.output and args.output != "-" and _is_an_input(args.output, inputs):
        parser.error(f"the output {args.output} is also an input")

    try:
        sink = _open_sink(args.output, to, explain=args.explain, json_array=not single,
                          flush_each="-" in inputs)
    except ImportError:
        return _fail("Parquet output needs pyarrow: pip install 'cleanpage[parquet]'", USAGE)
    except OSError as exc:
        return _fail(f"cannot write {args.output}: {exc.strerror or exc}", CANNOT_READ_OR_WRITE)

    spec = JsonlSpec(args.field, args.id_field)
    stats = ReadStats()
    records: Iterator[Record] = read_inputs(inputs, fmt=args.fmt, glob=args.glob, max_bytes=config.max_bytes,
                                            stdin=stdin, stats=stats)
    if args.url is not None:
        records = _with_url(records, args.url)
    outs = run(records, config, workers=jobs, spec=spec,
               render=Render(to, explain=args.explain, headers=to == "text" and not single))
    bar = None
    if not args.quiet and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" pages", file=sys.stderr, dynamic_ncols=True, leave=False)
    say = bar.write if bar is not None else (lambda line: print(line, file=sys.stderr))

    n, errors, status = 0, Counter[str](), OK
    try:
        for out in outs:
            n += 1
            if bar is not None:
                bar.update(1)
            if not out.ok:
                errors[out.error] += 1
                if not args.quiet and (to == "text" or sum(errors.values()) <= _SHOWN_ERRORS):
                    say(f"cleanpage: {out.id}: {out.error}: {out.message}")
                if bar is not None:
                    bar.set_postfix(errors=sum(errors.values()), refresh=False)
                if args.errors == "fail":
                    if not args.quiet:
                        say("cleanpage: stopped at the first error (--errors fail)")
                    break
                if args.errors == "skip" or out.data is None:
                    continue
            sink.write(out.data)
    except KeyboardInterrupt as exc:
        status = 143 if isinstance(exc, _Stop) else INTERRUPTED
    except BrokenPipeError:
        status = CANNOT_READ_OR_WRITE
        # the reader went away (cleanpage ... | head): say nothing, and let exit flush nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except OSError as exc:
        status = _fail(f"cannot write {args.output or 'standard output'}: {exc.strerror or exc}",
                       CANNOT_READ_OR_WRITE)
    finally:
        outs.close()  # stops the worker processes
        if bar is not None:
            bar.close()
        try:
            sink.close()
        except BrokenPipeError:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            status = status or CANNOT_READ_OR_WRITE
        except OSError as exc:
            status = status or _fail(f"cannot write {args.output}: {exc.strerror or exc}", CANNOT_READ_OR_WRITE)
    if status in (INTERRUPTED, 143):
        print(f"cleanpage: interrupted after {n:,} records; the output so far is complete", file=sys.stderr)
        return status
    if not args.quiet:
        if errors:
            say(f"cleanpage: {summarise(n, errors)}")
        if stats.skipped_warc:
            say(f"cleanpage: skipped {stats.skipped_warc:,} WARC records that are not HTML or text pages")
    if status:
        return status
    return FAILED_RECORDS if errors else OK


def _first_format(name: str, fmt: str, stdin: IO[bytes] | None) -> str:
    """The format of the first input: --from, else its extension, else its first bytes."""
    if fmt != "auto" or name != "-" and Path(name).is_dir():
        return fmt
    if name == "-":
        assert stdin is not None
        try:
            return sniff_format(stdin)
        except (OSError, EOFError):
            return "auto"
    known = format_of(name)
    if known:
        return known
    try:
        with open(name, "rb") as fh:
            return sniff_format(open_binary(fh))
    except (OSError, EOFError):
        return "auto"  # the reader reports it, as the record's error


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _format_of_output(path: str | None) -> str | None:
    if not path or path == "-":
        return None
    lower = path.lower().removesuffix(".gz")
    return _OUT_EXT.get(os.path.splitext(lower)[1])


def _is_an_input(output: str, inputs: list[str]) -> bool:
    if not os.path.exists(output):
        return False
    for name in inputs:
        try:
            if name != "-" and os.path.samefile(output, name):
                return True
        except OSError:
            continue
    return False


def _open_sink(output: str | None, to: str, *, explain: bool, json_array: bool, flush_each: bool) -> Any:
    if to == "parquet":
        assert output is not None
        return ParquetSink(output, explain=explain)
    json_array = json_array and to == "json"
    if not output or output == "-":
        return BytesSink(sys.stdout.buffer, json_array=json_array, flush_each=flush_each)
    fh: IO[bytes] = gzip.open(output, "wb") if output.endswith(".gz") else open(output, "wb")  # noqa: SIM115
    return _FileSink(BytesSink(fh, json_array=json_array), fh)


class _FileSink:
    """A ``BytesSink`` that owns its file, closed with it."""

    def __init__(self, sink: BytesSink, fh: IO[bytes]) -> None:
        self.sink, self.fh = sink, fh

    def write(self, data: bytes) -> None:
        self.sink.write(data)

    def close(self) -> None:
        try:
            self.sink.close()
        finally:
            self.fh.close()


def _with_url(records: Iterator[Record], url: str) -> Iterator[Record]:
    for rec in records:
        rec.url = url
        yield rec


if __name__ == "__main__":
    sys.exit(main())
