"""Command line: argument parsing and output only; no extraction logic here.

    vnplan parse FILE [FILE|DIR ...] [-o PATH]
    vnplan schema
    vnplan --version
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

EXIT_OK, EXIT_USAGE, EXIT_INPUT = 0, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit code 2 with one line
        self.print_usage(sys.stderr)
        print(f"vnplan: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from vnplan import __version__

    p = _Parser(prog="vnplan", description="Vietnamese government plans to structured JSON.")
    p.add_argument("--version", action="version", version=f"vnplan {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    pp = sub.add_parser("parse", help="parse plan files into JSON")
    pp.add_argument("inputs", nargs="+", help="files or folders")
    pp.add_argument("-o", "--output", help="output file (one input) or folder (several)")
    sub.add_parser("schema", help="print the JSON Schema of the output")
    return p


def _inputs(paths: Sequence[str]) -> list[Path]:
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")))
        else:
            out.append(p)
    return out


def _cmd_parse(args: argparse.Namespace) -> int:
    from vnplan import parse
    from vnplan.errors import VnplanError

    files = _inputs(args.inputs)
    many = len(files) > 1 or any(Path(x).is_dir() for x in args.inputs)
    if many and not args.output:
        print("vnplan: several inputs need -o DIR", file=sys.stderr)
        return EXIT_USAGE
    failed = 0
    for f in files:
        try:
            plan = parse(f)
        except VnplanError as err:
            print(f"vnplan: {err}", file=sys.stderr)
            failed += 1
            continue
        data = plan.to_json() + "\n"
        if not args.output:
            sys.stdout.write(data)
        elif many:
            out_dir = Path(args.output)
            out_dir.mkdir(parents=True, exist_ok=True)
            (out_dir / (f.stem + ".json")).write_text(data, encoding="utf-8")
        else:
            Path(args.output).write_text(data, encoding="utf-8")
    return EXIT_INPUT if failed else EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from vnplan.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    handler = {"parse": _cmd_parse, "schema": _cmd_schema}[args.command]
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
