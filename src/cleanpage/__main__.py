"""``python -m cleanpage FILE``: clean one page and print its body, JSON or explanation."""

from __future__ import annotations

import argparse
import dataclasses
import sys

from . import Cleaner, Config
from .errors import CleanpageError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="cleanpage", description="Clean one scraped page (text or HTML).",
        epilog="Exit status: 0 cleaned, 1 the input or an option was refused (the message says why), "
               "2 the file could not be read. Warnings (a timeout, truncation, ...) go to standard error.")
    parser.add_argument("file", help="the page to clean; - reads standard input")
    parser.add_argument("--url", default=None, help="the page's URL, kept in the result")
    parser.add_argument("--from", dest="input_format", choices=("auto", "text", "html"), default="auto",
                        help="read the input as text or HTML instead of guessing (default: auto)")
    parser.add_argument("--encoding", default=None,
                        help="the encoding of the file, e.g. cp1251 (default: byte-order mark, UTF-8, the page's "
                             "declared charset, else a guess)")
    parser.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                        help="stop the rules after this many seconds and print what is done (default: no limit)")
    parser.add_argument("--max-bytes", type=int, default=None, metavar="N",
                        help=f"refuse input over N bytes (default: {Config.max_bytes:,})")
    parser.add_argument("--truncate", action="store_true", help="clean the first --max-bytes bytes of a larger input")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the whole result as JSON")
    out.add_argument("--explain", action="store_true", help="print what went where and why")
    args = parser.parse_args(argv)
    try:
        options = {"input_format": args.input_format, "truncate": args.truncate, "timeout_s": args.timeout}
        if args.max_bytes is not None:
            options["max_bytes"] = args.max_bytes
        cleaner = Cleaner(dataclasses.replace(Config(), **options))
    except CleanpageError as exc:
        print(f"cleanpage: {exc}", file=sys.stderr)
        return 1
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(args.file, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        print(f"cleanpage: cannot read {args.file}: {exc.strerror}", file=sys.stderr)
        return 2
    try:
        page = cleaner.clean(data, url=args.url, encoding=args.encoding)
    except CleanpageError as exc:
        print(f"cleanpage: {args.file}: {exc}", file=sys.stderr)
        return 1
    for warning in page.warnings:
        print(f"cleanpage: warning: {warning}", file=sys.stderr)
    if args.json:
        text = page.to_json(indent=2)
    elif args.explain:
        text = page.explain()
    else:
        text = page.body
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
