"""Command line: argument parsing and output only; no extraction logic here.

    vnplan parse FILE [-o out.json]                      one plan: JSON to stdout or a file
    vnplan parse DIR_OR_FILES... -o DIR [--jobs N]       one JSON per input, mirroring folders
    vnplan parse DIR_OR_FILES... --jsonl FILE            one JSON document per line, input order
    vnplan schema
    vnplan --version
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Optional, Sequence

EXIT_OK, EXIT_USAGE, EXIT_INPUT = 0, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit code 2 with one line
        self.print_usage(sys.stderr)
        print(f"vnplan: {message}", file=sys.stderr)
        sys.exit(EXIT_USAGE)


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value!r}")
    return n


def build_parser() -> argparse.ArgumentParser:
    from vnplan import __version__

    p = _Parser(prog="vnplan", description="Vietnamese government plans to structured JSON.")
    p.add_argument("--version", action="version", version=f"vnplan {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    pp = sub.add_parser("parse", help="parse plan files into JSON")
    pp.add_argument("inputs", nargs="+", help="files or folders (folders are walked recursively)")
    pp.add_argument("-o", "--output", help="output file (one input) or folder (several: one JSON per input)")
    pp.add_argument("--jsonl", metavar="FILE", help="write one JSON document per line to FILE ('-' for stdout)")
    pp.add_argument("-j", "--jobs", type=_positive_int, default=None,
                    help="worker processes (default: all cores)")
    pp.add_argument("--force", action="store_true", help="re-parse inputs whose output is up to date")
    pp.add_argument("-q", "--quiet", action="store_true", help="no progress bar or progress lines")
    pp.add_argument("--strict", action="store_true",
                    help="a text without plan structure is an input error (NotAPlanError), not a plan with a warning")
    sub.add_parser("schema", help="print the JSON Schema of the output")
    return p


def _cmd_parse(args: argparse.Namespace) -> int:
    single = (len(args.inputs) == 1 and not Path(args.inputs[0]).is_dir() and args.jsonl is None
              and not (args.output and Path(args.output).is_dir()))
    if single:
        return _parse_single(Path(args.inputs[0]), args.output, args.strict)
    if not args.output and args.jsonl is None:
        print("vnplan: several inputs need -o DIR or --jsonl FILE", file=sys.stderr)
        return EXIT_USAGE
    return _parse_batch(args)


def _parse_single(path: Path, output: Optional[str], strict: bool = False) -> int:
    """One file: JSON to stdout, or to ``output``; an input error is one line on stderr."""
    from vnplan import parse
    from vnplan.errors import VnplanError

    try:
        plan = parse(path, strict=strict)
    except VnplanError as err:
        print(f"vnplan: {err}", file=sys.stderr)
        return EXIT_INPUT
    data = plan.to_json() + "\n"
    if output:
        target = Path(output)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)  # as folder mode creates its folders
            target.write_text(data, encoding="utf-8")
        except OSError as err:
            print(f"vnplan: {output}: cannot write output ({err.strerror or type(err).__name__})", file=sys.stderr)
            return EXIT_INPUT
    else:
        sys.stdout.write(data)
    return EXIT_OK


def _parse_batch(args: argparse.Namespace) -> int:
    """Many inputs on all cores; progress on a terminal, line-oriented logging otherwise."""
    from vnplan import batch

    jsonl_file = args.jsonl if args.jsonl not in (None, "-") else None
    exclude = [x for x in (args.output, jsonl_file) if x]
    inputs = batch.collect(args.inputs, exclude=[x for x in exclude if Path(x).is_dir()])
    if jsonl_file:
        inputs = [i for i in inputs if os.path.abspath(i.path) != os.path.abspath(jsonl_file)]
    if not inputs:
        print(f"vnplan: {', '.join(args.inputs)}: no files found", file=sys.stderr)
        return EXIT_INPUT
    errors_path = None  # --jsonl - without -o: errors on stderr only
    if args.output:
        errors_path = Path(args.output) / batch.ERRORS_NAME
    elif jsonl_file:
        errors_path = Path(jsonl_file).with_name(Path(jsonl_file).stem + ".errors.jsonl")
    report = _Reporter(len(inputs), quiet=args.quiet)
    try:
        summary = batch.run(
            inputs,
            out_dir=args.output if args.jsonl is None else None,
            jsonl=jsonl_file,
            jsonl_stream=sys.stdout if args.jsonl == "-" else None,
            errors_path=errors_path,
            jobs=args.jobs,
            force=args.force,
            strict=args.strict,
            on_outcome=report,
        )
    except KeyboardInterrupt:
        report.close()
        print("vnplan: interrupted", file=sys.stderr)
        return 130
    except OSError as err:  # the output folder or file cannot be written
        report.close()
        print(f"vnplan: {err.filename or ''}: cannot write output ({err.strerror})", file=sys.stderr)
        return EXIT_INPUT
    report.close()
    print(f"{summary.line()} in {summary.seconds:.1f} s", file=sys.stderr)
    if summary.failed and errors_path is not None:
        print(f"vnplan: errors listed in {errors_path}", file=sys.stderr)
    return EXIT_INPUT if summary.failed else EXIT_OK


class _Reporter:
    """Progress: a tqdm bar on a terminal; otherwise failures and a line every ``every`` inputs."""

    def __init__(self, total: int, quiet: bool = False, stream=None, every: int = 1000):
        self.stream = stream or sys.stderr
        self.total, self.done, self.every, self.quiet = total, 0, every, quiet
        self.bar = None
        if not quiet and self.stream.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True)

    def __call__(self, oc) -> None:
        self.done += 1
        if oc.status == "failed":
            label = "internal error: " if oc.error == "InternalError" else ""
            self._write(f"vnplan: {label}{oc.message}")
        if self.bar is not None:
            self.bar.update(1)
        elif not self.quiet and self.done % self.every == 0 and self.done < self.total:
            self._write(f"vnplan: {self.done:,}/{self.total:,} done")

    def _write(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


def _cmd_schema(args: argparse.Namespace) -> int:
    from vnplan.schema import schema_text

    sys.stdout.write(schema_text())
    return EXIT_OK


def _check_environment() -> Optional[str]:
    """One-line message when a VNPLAN_* environment variable is invalid, else None."""
    from vnplan.readers import max_bytes_limit

    try:
        max_bytes_limit()
    except ValueError as err:
        return str(err)
    return None


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "parse" and (problem := _check_environment()):
        print(f"vnplan: {problem}", file=sys.stderr)
        return EXIT_USAGE
    handler = {"parse": _cmd_parse, "schema": _cmd_schema}[args.command]
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
