"""``python -m cleanpage FILE``: clean one page and print its body, JSON or explanation."""

from __future__ import annotations

import argparse
import sys

from . import clean
from .errors import CleanpageError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="cleanpage", description="Clean one scraped page (text or HTML).")
    parser.add_argument("file", help="the page to clean; - reads standard input")
    parser.add_argument("--url", default=None, help="the page's URL, kept in the result")
    out = parser.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the whole result as JSON")
    out.add_argument("--explain", action="store_true", help="print what went where and why")
    args = parser.parse_args(argv)
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
        page = clean(data, url=args.url)
    except CleanpageError as exc:
        print(f"cleanpage: {exc}", file=sys.stderr)
        return 1
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
