"""The ``paperparse`` command line (also ``python -m paperparse``).

Only the standard library is imported at module level, so ``paperparse --version``
and ``--help`` start fast; the parser and its dependencies are imported inside the
command functions. See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, Final, NoReturn

if TYPE_CHECKING:
    from .batch import Item

__all__ = ["CSV_COLUMNS", "EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "csv_row", "main"]

PROG: Final = "paperparse"
EXIT_OK: Final = 0
#: At least one page failed to parse (its record carries the error).
EXIT_FAILED: Final = 1
#: Usage error: unknown option, a path that does not exist, a bad value.
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130

COMMANDS: Final = ("parse", "schema", "snapshot")

CSV_COLUMNS: Final = (
    "path",
    "title",
    "article_type",
    "journal_name",
    "volume",
    "issue",
    "first_page",
    "last_page",
    "article_number",
    "publisher",
    "doi",
    "keywords",
    "funding",
    "abstract",
    "authors",
    "claim_prompt",
    "claim_action",
    "rating_score",
    "rating_count",
    "rating_note",
    "secondary",
    "actions",
    "recommended",
    "site",
    "source_format",
    "warnings",
    "error",
)
"""Columns of ``--format csv``, in order. Stable: new columns are only ever appended."""

_JOIN: Final = "; "

_EPILOG: Final = """\
'paperparse PATH...' is short for 'paperparse parse PATH...'.

examples:
  paperparse page.txt                        one page -> one pretty JSON object
  paperparse dumps/ -o papers.jsonl          a tree of dumps -> JSON Lines, atomically
  paperparse dumps/ --format csv -o out.csv  a flat table, one row per page
  paperparse dumps/ --glob '*.dump' --jobs 4 --ordered
  curl -s URL | html2text | paperparse -     a page from standard input
  paperparse schema > paper.schema.json

exit status: 0 every page parsed, 1 some page failed (see its record), 2 usage error.
Run 'paperparse COMMAND --help' for the options of a command.
"""

_PARSE_EPILOG: Final = """\
output:
  One input file (or '-') gives one pretty JSON object; several inputs or a directory
  give JSON Lines, one record per line. Every record starts with "path". A page that
  fails gives {"path": ..., "error": {"type": ..., "message": ...}} and the run goes
  on. A summary goes to stderr at the end.

examples:
  paperparse parse fixtures/peeref/jmm-2019-review.txt
  paperparse parse dumps/ more/page.txt -o papers.jsonl --jobs 4
  paperparse parse dumps/ --format csv -o papers.csv
  paperparse parse - < page.txt

exit status: 0 every page parsed, 1 some page failed, 2 usage error.
"""


class UsageError(Exception):
    """A mistake on the command line: reported in one line, exit status 2."""


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors on one line and no usage dump."""

    def error(self, message: str) -> NoReturn:
        text = " ".join(message.split())
        self.exit(EXIT_USAGE, f"{self.prog}: error: {text} (see '{self.prog} --help')\n")


def _version() -> str:
    from . import __version__

    return f"{PROG} {__version__}"


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more, not {value}")
    return value


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the ``paperparse`` command.

    Returns:
        The parser, with the sub-commands ``parse``, ``schema`` and ``snapshot``;
        each sets ``handler`` to the function that runs it.
    """
    parser = _Parser(
        prog=PROG,
        description="Turn text dumps of scholarly paper pages (Peeref and alike) into "
        "typed JSON records.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=_version())
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    parse = commands.add_parser(
        "parse",
        help="parse page dumps (the default command)",
        description="Parse page dumps (files, directories, '-' for stdin) into records.",
        epilog=_PARSE_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parse.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="a page file, a directory (walked recursively), or '-' for standard input",
    )
    parse.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="file-name pattern for directories, case-insensitive; repeatable "
        "(default: *.txt, *.html, *.htm). Files named explicitly are always parsed",
    )
    parse.add_argument(
        "-f",
        "--format",
        choices=("json", "jsonl", "csv"),
        help="output format (default: json for one input file, jsonl otherwise)",
    )
    parse.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE, atomically (a temporary file renamed when complete); "
        "default: standard output",
    )
    parse.add_argument(
        "--strict",
        action="store_true",
        help="a page with any warning fails with StrictModeError",
    )
    parse.add_argument(
        "--input-format",
        choices=("auto", "text", "html"),
        default="auto",
        help="how to read the inputs (default: auto, tell text from HTML per page)",
    )
    parse.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="worker processes (default: the number of usable CPU cores, and none for "
        "fewer than 64 pages); 1 parses in this process",
    )
    parse.add_argument(
        "--ordered",
        action="store_true",
        help="write records in input order (default: as they finish)",
    )
    parse.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary on stderr",
    )
    parse.set_defaults(handler=_cmd_parse)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the record",
        description="Print the JSON Schema (draft 2020-12) of the record, generated "
        "from the record classes.",
    )
    schema.add_argument(
        "--output-record",
        action="store_true",
        help="the schema of one record of 'paperparse parse' output instead "
        "(with 'path', or an 'error' record)",
    )
    schema.set_defaults(handler=_cmd_schema)

    snapshot = commands.add_parser(
        "snapshot",
        help="write NAME.json beside each page dump that has none",
        description="Write the parsed record as NAME.json beside each page dump "
        "NAME.txt (or .html/.htm) that has none; existing snapshots are compared "
        "and kept unless --update is given.",
    )
    snapshot.add_argument("paths", nargs="+", metavar="PATH", help="page files or directories")
    snapshot.add_argument(
        "--update",
        action="store_true",
        help="rewrite existing snapshots that differ, printing a field-level diff",
    )
    snapshot.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="file-name pattern for directories (default: *.txt, *.html, *.htm)",
    )
    snapshot.set_defaults(handler=_cmd_snapshot)
    return parser


def _with_default_command(argv: list[str]) -> list[str]:
    """``paperparse PATH...`` means ``paperparse parse PATH...``."""
    if not argv:
        return argv
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "--version"):
        return argv
    return ["parse", *argv]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``paperparse`` command line.

    Args:
        argv: The arguments without the program name; ``None`` reads ``sys.argv``.
            A first argument that is not a command name means ``parse``.

    Returns:
        The exit status: ``0`` every page parsed, ``1`` some page failed (or the
        reader of standard output went away), ``2`` usage error, ``130``
        interrupted.

    Raises:
        SystemExit: ``--help`` or ``--version`` (status 0), or a usage error found
            while reading the arguments (status 2, one line on stderr).
    """
    args = _with_default_command(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    if not args:
        parser.error("give a PATH to parse, or a command")
    namespace = parser.parse_args(args)
    handler: Callable[[argparse.Namespace], int] = namespace.handler
    try:
        return handler(namespace)
    except UsageError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``paperparse dir | head``): stop quietly.
        _silence_stdout()
        return EXIT_FAILED


def _silence_stdout() -> None:
    """Point file descriptor 1 at /dev/null, so that later flushes cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


# --- parse ---------------------------------------------------------------------------


def _check_paths(paths: Sequence[str]) -> None:
    if paths.count("-") > 1:
        raise UsageError("'-' (standard input) can be given only once")
    for path in paths:
        if path != "-" and not os.path.exists(path):
            raise UsageError(f"no such file or directory: {path!r}")


@contextlib.contextmanager
def _output(target: str | None, newline: str) -> Iterator[IO[str]]:
    """Standard output, or *target* written atomically (temp file + rename)."""
    if target is None or target == "-":
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # stdout replaced by a text-only object
            yield sys.stdout
            return
        stream = io.TextIOWrapper(buffer, encoding="utf-8", newline=newline)
        try:
            yield stream
            stream.flush()
        except BrokenPipeError:
            _silence_stdout()
            raise
        finally:
            with contextlib.suppress(OSError, ValueError):
                stream.detach()  # flushes what is left, into /dev/null after a broken pipe
        return
    directory = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(directory):
        raise UsageError(f"the directory of the output file does not exist: {directory!r}")
    if os.path.isdir(target):
        raise UsageError(f"the output file is a directory: {target!r}")
    handle, temporary = tempfile.mkstemp(
        dir=directory, prefix=f".{os.path.basename(target)}.", suffix=".part"
    )
    try:
        # A large buffer: fewer write() system calls, each of which hands the GIL to the
        # pool's threads (in a profile of --jobs 2 over 2,000 files, the writes took
        # 93 ms of the parent's time before, 9 ms after).
        with open(handle, "w", encoding="utf-8", newline=newline, buffering=1 << 20) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, _file_mode(target))
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _file_mode(target: str) -> int:
    """Mode for the output: the existing file's, else what open() would give."""
    try:
        return os.stat(target).st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def csv_row(record: dict[str, Any]) -> list[str]:
    """Return the CSV row of an output record, in :data:`CSV_COLUMNS` order.

    Args:
        record: A record as :func:`paperparse.batch.to_record` makes it.

    Returns:
        One cell per column: ``""`` for null or empty, lists joined with ``"; "``.
    """
    cells = dict.fromkeys(CSV_COLUMNS, "")
    cells["path"] = record["path"]
    error = record.get("error")
    if error is not None:
        cells["error"] = f"{error['type']}: {error['message']}"
        return list(cells.values())
    journal = record["journal"] or {}
    pages = journal.get("pages") or {}
    claim = record["author_claim"] or {}
    rating = record["rating"] or {}
    source = record["source"]
    cells.update(
        title=_cell(record["title"]),
        article_type=_cell(record["article_type"]),
        journal_name=_cell(journal.get("name")),
        volume=_cell(journal.get("volume")),
        issue=_cell(journal.get("issue")),
        first_page=_cell(pages.get("first")),
        last_page=_cell(pages.get("last")),
        article_number=_cell(journal.get("article_number")),
        publisher=_cell(record["publisher"]),
        doi=_cell(record["doi"]),
        keywords=_JOIN.join(record["keywords"]),
        funding=_JOIN.join(_funding_cell(entry) for entry in record["funding"]),
        abstract=_cell(record["abstract"]),
        authors=_JOIN.join(author["name"] for author in record["authors"]),
        claim_prompt=_cell(claim.get("prompt")),
        claim_action=_cell(claim.get("action")),
        rating_score=_cell(rating.get("score")),
        rating_count=_cell(rating.get("count")),
        rating_note=_cell(rating.get("note")),
        secondary=_JOIN.join(
            f"{entry['name']}: {'-' if entry['score'] is None else entry['score']}"
            for entry in rating.get("secondary", ())
        ),
        actions=_JOIN.join(record["actions"]),
        recommended=_JOIN.join(record["recommended"]),
        site=_cell(source["site"]),
        source_format=_cell(source["format"]),
        warnings=_JOIN.join(
            warning["code"] if warning["line"] is None else f"{warning['code']}@{warning['line']}"
            for warning in record["warnings"]
        ),
    )
    return list(cells.values())


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _funding_cell(entry: dict[str, Any]) -> str:
    funder: str | None = entry["funder"]
    ids: list[str] = entry["award_ids"]
    if funder is None:  # no funder name: the entry as on the page, ids included
        text: str = entry["text"]
        return text
    return f"{funder} [{', '.join(ids)}]" if ids else funder


class _Writer:
    """Writes records in one output format as they come."""

    def __init__(self, stream: IO[str], fmt: str) -> None:
        self.stream = stream
        self.fmt = fmt
        self.count = 0
        if fmt == "csv":
            import csv

            self.csv = csv.writer(stream)
            self.csv.writerow(CSV_COLUMNS)

    def write(self, record: dict[str, Any], *, single: bool) -> None:
        if self.fmt == "csv":
            self.csv.writerow(csv_row(record))
        elif self.fmt == "jsonl":
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif single:
            self.stream.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        else:  # several inputs as one JSON array, streamed
            text = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            self.stream.write(("[\n  " if self.count == 0 else ",\n  ") + text)
        self.count += 1

    def close(self, *, single: bool) -> None:
        if self.fmt == "json" and not single:
            self.stream.write("\n]\n" if self.count else "[]\n")


class _Progress:
    """A tqdm bar on stderr, or nothing (not a terminal, --quiet, tqdm not installed)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.bar: Any = None

    def update(self, failed: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            # Created at the first result: the worker processes exist by then, so no
            # thread of tqdm's is running when they fork.
            try:
                from tqdm import tqdm  # type: ignore[import-untyped, import-not-found, unused-ignore]
            except ImportError:
                self.enabled = False
                return
            tqdm.monitor_interval = 0  # no monitor thread
            self.bar = tqdm(file=sys.stderr, unit="page", dynamic_ncols=True, leave=False)
        self.bar.update(1)
        if failed:
            self.bar.set_postfix(failed=failed, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _items(paths: Sequence[str], patterns: Sequence[str], onerror: Any) -> Iterator[Item]:
    from .batch import StdinPage, iter_pages

    for path in paths:
        if path == "-":
            yield StdinPage("-", sys.stdin.buffer.read())
        else:
            yield from iter_pages([path], patterns, onerror=onerror)


def _cmd_parse(args: argparse.Namespace) -> int:
    paths: list[str] = args.paths
    _check_paths(paths)
    from . import batch
    from .model import Paper

    single = len(paths) == 1 and (paths[0] == "-" or not os.path.isdir(paths[0]))
    fmt: str = args.format or ("json" if single else "jsonl")
    patterns = tuple(args.glob) if args.glob else batch.DEFAULT_PATTERNS
    jobs: int = args.jobs or batch.default_jobs()
    walk_errors: list[OSError] = []
    progress = _Progress(not args.quiet and not single and sys.stderr.isatty())
    parsed = warned = failed = 0
    started = time.perf_counter()

    def label(item: Item) -> str:
        return item.label if isinstance(item, batch.StdinPage) else batch.path_label(item)

    with _output(args.output, "" if fmt == "csv" else "\n") as stream:
        writer = _Writer(stream, fmt)

        def emit(path: str, outcome: batch.Outcome) -> None:
            nonlocal parsed, warned, failed
            if isinstance(outcome, Paper):
                parsed += 1
                warned += bool(outcome.warnings)
            else:
                failed += 1
            writer.write(batch.to_record(path, outcome), single=single)
            progress.update(failed)

        def flush_walk_errors() -> None:
            while walk_errors:
                error = walk_errors.pop(0)
                emit(batch.path_label(error.filename or "?"), error)

        options: dict[str, Any] = {
            "jobs": jobs,
            "ordered": args.ordered,
            "format": args.input_format,
            "strict": args.strict,
            "pool_from": batch.SMALL_RUN if args.jobs is None else 2,
        }
        items = _items(paths, patterns, walk_errors.append)
        if fmt == "jsonl":
            # The workers write the lines: the parent's share stays small.
            lines = batch.run_lines(items, **options)
            try:
                for _, (line, status) in lines:
                    flush_walk_errors()
                    stream.write(line + "\n")
                    parsed += status != batch.FAILED
                    warned += status == batch.WARNED
                    failed += status == batch.FAILED
                    progress.update(failed)
                flush_walk_errors()
            finally:
                lines.close()
                progress.close()
        else:
            results = batch.run(items, **options)
            try:
                for item, outcome in results:
                    flush_walk_errors()
                    emit(label(item), outcome)
                flush_walk_errors()
            finally:
                results.close()
                progress.close()
        writer.close(single=single)

    elapsed = time.perf_counter() - started
    total = parsed + failed
    if total == 0 and not single:
        print(
            f"{PROG}: warning: no page found (patterns: {', '.join(patterns)})",
            file=sys.stderr,
        )
    if not args.quiet:
        rate = total / elapsed if elapsed > 0 else 0.0
        print(
            f"{PROG}: {total} page{'s' * (total != 1)}: {parsed} parsed "
            f"({warned} with warnings), {failed} failed, in {elapsed:.2f} s "
            f"({rate:,.1f} pages/s)",
            file=sys.stderr,
        )
    return EXIT_FAILED if failed else EXIT_OK


# --- schema --------------------------------------------------------------------------


def _cmd_schema(args: argparse.Namespace) -> int:
    from .schema import output_schema, paper_schema

    schema = output_schema() if args.output_record else paper_schema()
    sys.stdout.write(json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


# --- snapshot ------------------------------------------------------------------------


def _cmd_snapshot(args: argparse.Namespace) -> int:
    """Write NAME.json beside each dump; compare (and with --update rewrite) existing ones."""
    paths: list[str] = args.paths
    if "-" in paths:
        raise UsageError("snapshot needs files: '-' (standard input) has no place for a JSON")
    _check_paths(paths)
    from .api import parse
    from .batch import DEFAULT_PATTERNS, iter_pages
    from .errors import ParseError
    from .serialize import to_dict

    patterns = tuple(args.glob) if args.glob else DEFAULT_PATTERNS
    counts = dict.fromkeys(("written", "updated", "unchanged", "stale", "failed"), 0)
    for page in iter_pages(paths, patterns):
        target = page.with_suffix(".json")
        try:
            actual = to_dict(parse(page))
        except (ParseError, OSError) as error:
            print(f"{page}: error: {type(error).__name__}: {error}")
            counts["failed"] += 1
            continue
        text = json.dumps(actual, ensure_ascii=False, indent=2) + "\n"
        if not target.exists():
            _write_atomically(str(target), text)
            print(f"{target}: written")
            counts["written"] += 1
            continue
        try:
            expected = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            expected, problems = None, [f"(the existing file is not readable JSON: {error})"]
        else:
            problems = field_diff(expected, actual)
        if not problems:
            counts["unchanged"] += 1
            continue
        if args.update:
            _write_atomically(str(target), text)
            counts["updated"] += 1
            print(f"{target}: updated")
        else:
            counts["stale"] += 1
            print(f"{target}: differs from the parse (run with --update to rewrite it)")
        for problem in problems:
            print(f"  {problem}")
    print(
        f"{PROG}: snapshot: {counts['written']} written, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged, {counts['stale']} stale, {counts['failed']} failed",
        file=sys.stderr,
    )
    return EXIT_FAILED if counts["failed"] or counts["stale"] else EXIT_OK


def _write_atomically(target: str, text: str) -> None:
    with _output(target, "\n") as stream:
        stream.write(text)


def field_diff(old: Any, new: Any, where: str = "") -> list[str]:
    """Return the field-level differences between two JSON values.

    Args:
        old: The JSON value before (an existing snapshot).
        new: The JSON value after (the parse).
        where: The path of the values inside the record, for the recursion.

    Returns:
        One ``"key.sub: old -> new"`` line per difference, in key order; empty
        when the values are equal (a ``1`` and a ``1.0`` differ).

    Examples:
        >>> field_diff({"a": {"b": 1}, "c": [1]}, {"a": {"b": 2}, "c": [1, 2]})
        ['a.b: 1 -> 2', 'c[1]: (absent) -> 2']
    """
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[str] = []
        for key in [*old, *(k for k in new if k not in old)]:
            path = f"{where}.{key}" if where else str(key)
            if key not in new:
                out.append(f"{path}: {_show(old[key])} -> (absent)")
            elif key not in old:
                out.append(f"{path}: (absent) -> {_show(new[key])}")
            else:
                out.extend(field_diff(old[key], new[key], path))
        return out
    if isinstance(old, list) and isinstance(new, list):
        out = []
        for index in range(max(len(old), len(new))):
            path = f"{where}[{index}]"
            if index >= len(new):
                out.append(f"{path}: {_show(old[index])} -> (absent)")
            elif index >= len(old):
                out.append(f"{path}: (absent) -> {_show(new[index])}")
            else:
                out.extend(field_diff(old[index], new[index], path))
        return out
    if old != new or type(old) is not type(new):
        return [f"{where or '(record)'}: {_show(old)} -> {_show(new)}"]
    return []


def _show(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 120 else text[:117] + "..."
