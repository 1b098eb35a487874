"""Command line: `python -m analysis FILE [--published YYYY-MM-DD] [--title T]` prints the JSON analysis."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from analysis.ingest import InputError, decode_bytes, parse_date


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__)
    parser.add_argument("file", help="article as .txt or .html ('-' for standard input)")
    parser.add_argument("--published", help="publication date YYYY-MM-DD (else read from the page)")
    parser.add_argument("--title", help="article title")
    parser.add_argument("--indent", type=int, default=1, help="JSON indent (0 for one line)")
    args = parser.parse_args(argv)
    published = None
    if args.published:
        published = parse_date(args.published)
        if published is None:
            print(f"error: --published must be YYYY-MM-DD, got {args.published!r}", file=sys.stderr)
            return 2
    try:
        data = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    except OSError as exc:
        print(f"error: cannot read {args.file}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    try:
        text = decode_bytes(data, filename=None if args.file == "-" else Path(args.file).name)
        from analysis.pipeline import analyze

        result = analyze(text, published=published, title=args.title, source=args.file)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    json.dump(result.to_dict(), sys.stdout, indent=args.indent or None, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
