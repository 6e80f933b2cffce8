"""The ``paperparse`` command line (also ``python -m paperparse``).

Only the standard library is imported at module level, so ``paperparse --version``
and ``--help`` start fast; the parser and its dependencies are imported inside the
command functions. See ``docs/cli.md``.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, Final, NoReturn

from .specs import JOIN, SPECS, part

if TYPE_CHECKING:
    from .batch import Item

__all__ = [
    "CSV_COLUMNS",
    "EXIT_FAILED",
    "EXIT_OK",
    "EXIT_USAGE",
    "csv_row",
    "formula_guard",
    "main",
]

PROG: Final = "paperparse"
EXIT_OK: Final = 0
#: At least one page failed to parse (its record carries the error).
EXIT_FAILED: Final = 1
#: Usage error: unknown option, a path that does not exist, a bad value.
EXIT_USAGE: Final = 2
EXIT_INTERRUPTED: Final = 130

COMMANDS: Final = ("parse", "check", "schema", "snapshot", "report")


def _warnings_cell(record: dict[str, Any]) -> str:
    return JOIN.join(
        w["code"] if w["line"] is None else f"{w['code']}@{w['line']}" for w in record["warnings"]
    )


#: The columns of the record's own bookkeeping (the fields' columns are in their specs,
#: :data:`paperparse.specs.SPECS`).
_RECORD_COLUMNS: Final[dict[str, Callable[[dict[str, Any]], str]]] = {
    "site": part("source", "site"),
    "source_format": part("source", "format"),
    "warnings": _warnings_cell,
    "error": lambda r: "",
    "language": part("source", "language"),
}
#: The order of the CSV columns of schema 1.2 (after ``path``): a stable contract. The
#: columns of a field added later follow them, in record order; once released, they
#: are added at the end here, so that a field added after them cannot move them.
_CSV_ORDER: Final = (
    *("title", "article_type", "journal_name", "volume", "issue", "first_page"),
    *("last_page", "article_number", "publisher", "doi", "keywords", "funding"),
    *("abstract", "authors", "claim_prompt", "claim_action", "rating_score"),
    *("rating_count", "rating_note", "secondary", "actions", "recommended", "site"),
    *("source_format", "warnings", "error"),
    # Schema 1.1 (appended: the columns above keep their places).
    *("categories", "summary", "language"),
    # Schema 1.2 (appended after them).
    *("published", "pmid", "pmcid", "mesh_terms"),
)
_FIELD_COLUMNS: Final = dict(column for spec in SPECS for column in spec.csv)
#: Each CSV column and how a record's field is flattened into it: lists joined with
#: ``"; "``, parts of the journal, claim, rating and source blocks in columns of their
#: own (see each field's spec).
_CSV: Final = tuple(
    (name, _FIELD_COLUMNS.get(name) or _RECORD_COLUMNS[name]) for name in _CSV_ORDER
) + tuple(column for column in _FIELD_COLUMNS.items() if column[0] not in _CSV_ORDER)

CSV_COLUMNS: Final = ("path", *(name for name, _ in _CSV))
"""Columns of ``--format csv``, in order. Stable: new columns are only ever appended."""

#: First characters that make a spreadsheet read a cell as a formula (or DDE command).
_FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
_SIZE: Final = re.compile(r"(?P<number>[0-9]+)\s*(?P<unit>[kmg]?)(?:i?b)?", re.IGNORECASE)
_UNITS: Final = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}

_EPILOG: Final = """\
'paperparse PATH...' is short for 'paperparse parse PATH...'.

examples:
  paperparse page.txt --pretty               one page -> one indented JSON object
  paperparse dumps/ -o papers.jsonl          a tree of dumps -> JSON Lines, atomically
  paperparse dumps/ --format csv -o out.csv  a flat table, one row per page
  paperparse dumps/ --glob '*.dump' --jobs 4 --ordered
  curl -s URL | html2text | paperparse -     a page from standard input
  paperparse check new-dumps/                what needs a look in a batch of new dumps
  paperparse report dumps/ -o report.html    a batch report to open in a browser
  paperparse schema > paper.schema.json

exit status: 0 every page parsed, 1 some page failed (see its record), 2 usage error.
Run 'paperparse COMMAND --help' for the options of a command.
"""

_PARSE_EPILOG: Final = """\
output:
  JSON Lines, one record per line, however many pages there are; --pretty writes
  each record as an indented object instead, --format json one JSON array, --format
  csv a table. Every record starts with "path". A page that fails gives
  {"path": ..., "error": {"type": ..., "message": ...}} and the run goes on.
  A summary goes to stderr at the end; -v also lists the failed and warned pages.

examples:
  paperparse parse fixtures/peeref/jmm-2019-review.txt --pretty
  paperparse parse dumps/ more/page.txt -o papers.jsonl --jobs 4
  paperparse parse dumps/ --format csv --bom -o papers.csv
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


def _size(text: str) -> int:
    """A size in bytes: ``1000000``, ``200K``, ``50M``, ``1G`` (1024-based units)."""
    match = _SIZE.fullmatch(text.strip())
    if match is None or int(match["number"]) < 1:
        raise argparse.ArgumentTypeError(
            f"expected a size in bytes such as 50000000, 200K, 50M or 1G, not {text!r}"
        )
    return int(match["number"]) * _UNITS[match["unit"].lower()]


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the ``paperparse`` command.

    Returns:
        The parser, with the sub-commands ``parse``, ``check``, ``schema`` and
        ``snapshot``; each sets ``handler`` to the function that runs it.
    """
    parser = _Parser(
        prog=PROG,
        description="Turn text dumps of scholarly paper pages (Peeref and alike) into "
        "typed JSON records.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-V", "--version", action="version", version=_version())
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
    _add_glob(parse)
    parse.add_argument(
        "-f",
        "--format",
        choices=("jsonl", "json", "csv"),
        default="jsonl",
        help="output format: jsonl (default) one record per line, json one JSON array, csv a table",
    )
    parse.add_argument(
        "--pretty",
        action="store_true",
        help="indent the JSON: each record as an indented object (with jsonl; a blank "
        "line between records), or an indented array (with json)",
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
        "--provenance",
        action="store_true",
        help="add to each record where each value came from: its lines and the reader "
        "that placed it (the 'provenance' key, see docs/schema.md)",
    )
    parse.add_argument(
        "--input-format",
        choices=("auto", "text", "html"),
        default="auto",
        help="how to read the inputs (default: auto, tell text from HTML per page)",
    )
    parse.add_argument(
        "--max-size",
        type=_size,
        metavar="SIZE",
        help="largest page accepted, in bytes, or with a unit: 200K, 50M, 1G (default: "
        "50M); a larger page fails with InputTooLarge",
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
        help="write records sorted: in the order of the PATHs, each directory walked in "
        "name order (default: as they finish, in the file system's order)",
    )
    parse.add_argument(
        "--bom",
        action="store_true",
        help="with --format csv: start the file with a UTF-8 byte-order mark, so that "
        "spreadsheet programs read it as UTF-8",
    )
    parse.add_argument(
        "--no-formula-guard",
        dest="formula_guard",
        action="store_false",
        help="with --format csv: write cells that start with =, +, -, @, tab or CR as "
        "they are (by default a ' is put in front, so spreadsheets never run them)",
    )
    parse.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="after the run, list each failed page with its error and each warning with "
        "its code, line number and line text (on stderr)",
    )
    parse.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary on stderr",
    )
    parse.set_defaults(handler=_cmd_parse)

    check = commands.add_parser(
        "check",
        help="check a batch of new dumps: errors, warnings, snapshots, layout noise",
        description="Parse every page dump under the PATHs and report what needs a look: "
        "pages that fail, warnings (with the line's text), records that differ from "
        "their NAME.json snapshot, records without a title or without two of journal, "
        "DOI and keywords, and fields that change when the layout of a text dump "
        "changes (blank lines, line ends, indentation, invisible characters, label case, "
        "page chrome ...). See docs/testing-new-dumps.md.",
        epilog="exit status: 0 nothing found, 1 some page needs a look, 2 usage error.",
    )
    check.add_argument("paths", nargs="+", metavar="PATH", help="page files or directories")
    _add_glob(check)
    check.add_argument(
        "--json",
        action="store_true",
        help='print one JSON object: {"summary": {...}, "pages": [...]}, for machines',
    )
    check.add_argument(
        "--no-noise",
        dest="noise",
        action="store_false",
        help="skip the layout-noise transforms (about 17 more parses per text dump)",
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="worker processes (default: the number of usable CPU cores); 1 checks in this process",
    )
    check.add_argument(
        "-q", "--quiet", action="store_true", help="list only the pages with findings"
    )
    check.set_defaults(handler=_cmd_check)

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
        "and kept unless --update is given. Two dumps that would share one NAME.json "
        "(NAME.txt and NAME.html in one folder) get none.",
    )
    snapshot.add_argument("paths", nargs="+", metavar="PATH", help="page files or directories")
    snapshot.add_argument(
        "--update",
        action="store_true",
        help="rewrite existing snapshots that differ, printing a field-level diff "
        "(this also discards any correction made by hand in them)",
    )
    _add_glob(snapshot)
    snapshot.set_defaults(handler=_cmd_snapshot)
    _add_report(commands)
    return parser


def _add_report(commands: Any) -> None:
    report = commands.add_parser(
        "report",
        help="write a batch report: one HTML file to open in a browser",
        description="Parse every page under the PATHs (with provenance) and write one "
        "self-contained HTML file: a summary (pages parsed, failed, with warnings; how "
        "many pages fill each field), the warning codes, a table of the pages, and a "
        "view of each page with every value highlighted on the lines it came from. "
        "See docs/report.md.",
        epilog="exit status: 0 every page parsed, 1 some page failed (the report is "
        "written and shows it), 2 usage error (also: no page found).",
    )
    report.add_argument("paths", nargs="+", metavar="PATH", help="page files or directories")
    report.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        required=True,
        help="the HTML file to write, atomically (a temporary file renamed when complete)",
    )
    _add_glob(report)
    report.add_argument(
        "--input-format",
        choices=("auto", "text", "html"),
        default="auto",
        help="how to read the inputs (default: auto, tell text from HTML per page)",
    )
    report.add_argument(
        "--max-size", type=_size, metavar="SIZE", help="largest page accepted (default: 50M)"
    )
    report.add_argument(
        "--max-lines",
        type=_positive_int,
        metavar="N",
        help="lines of each page kept for its page view: the first N, then only the "
        "lines values and warnings come from (default: 400)",
    )
    report.add_argument("--title", help="the report's heading (default: the PATHs)")
    report.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="worker processes (default: the number of usable CPU cores, and none for "
        "fewer than 64 pages); 1 parses in this process",
    )
    report.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    report.set_defaults(handler=_cmd_report)


def _add_glob(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="file-name pattern for directories, case-insensitive; repeatable "
        "(default: *.txt, *.html, *.htm). Files named explicitly are always read",
    )


def _with_default_command(argv: list[str]) -> list[str]:
    """``paperparse PATH...`` means ``paperparse parse PATH...``."""
    if not argv:
        return argv
    first = argv[0]
    if first in COMMANDS or first in ("-h", "--help", "-V", "--version"):
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
    namespace, unknown = parser.parse_known_args(args)
    if unknown:  # reported by the command's parser, which points to its own --help
        command = _subparsers(parser).get(namespace.command, parser)
        command.error(f"unrecognized arguments: {' '.join(unknown)}")
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


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


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
            hint = ""
            if path == paths[0] and (close := difflib.get_close_matches(path, COMMANDS, 1)):
                hint = f" (did you mean the command '{close[0]}'?)"
            raise UsageError(f"no such file or directory: {path!r}{hint}")


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
    for name, flatten in _CSV:
        cells[name] = flatten(record)
    return list(cells.values())


def formula_guard(cell: str) -> str:
    """Return a CSV cell that spreadsheet programs show as text, never run as a formula.

    A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    gets a ``'`` in front (the OWASP advice against CSV injection).

    Args:
        cell: The cell's text.

    Returns:
        The cell, guarded if needed.

    Examples:
        >>> formula_guard("=HYPERLINK(1)"), formula_guard("-1"), formula_guard("A title")
        ("'=HYPERLINK(1)", "'-1", 'A title')
    """
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


class _Writer:
    """Writes records in one output format as they come."""

    def __init__(self, stream: IO[str], fmt: str, *, pretty: bool, guard: bool) -> None:
        self.stream = stream
        self.fmt = fmt
        self.pretty = pretty
        self.guard = guard
        self.count = 0
        if fmt == "csv":
            import csv

            self.csv = csv.writer(stream)
            self.csv.writerow(CSV_COLUMNS)

    def write(self, record: dict[str, Any]) -> None:
        if self.fmt == "csv":
            row = csv_row(record)
            self.csv.writerow([formula_guard(cell) for cell in row] if self.guard else row)
        elif self.fmt == "jsonl" and not self.pretty:
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif self.fmt == "jsonl":  # one indented object per record, a blank line between
            text = json.dumps(record, ensure_ascii=False, indent=2)
            self.stream.write(("\n" if self.count else "") + text + "\n")
        elif self.pretty:  # one JSON array, streamed
            text = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            self.stream.write(("[\n  " if self.count == 0 else ",\n  ") + text)
        else:
            text = json.dumps(record, ensure_ascii=False)
            self.stream.write(("[" if self.count == 0 else ",\n") + text)
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            if not self.count:
                self.stream.write("[]\n")
            else:
                self.stream.write("\n]\n" if self.pretty else "]\n")


class _Progress:
    """A tqdm bar on stderr, or nothing (not a terminal, --quiet, tqdm not installed)."""

    def __init__(self, enabled: bool, total: Callable[[], int]) -> None:
        self.enabled = enabled
        self.total = total
        self.bar: Any = None

    def start(self) -> None:
        """Count the pages, if there is to be a bar (before any worker starts)."""
        if self.enabled:
            try:
                import tqdm  # type: ignore[import-untyped, import-not-found, unused-ignore]  # noqa: F401
            except ImportError:
                self.enabled = False
                return
            self.count = self.total()

    def update(self, failed: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            # Created at the first result: the worker processes exist by then, so no
            # thread of tqdm's is running when they fork.
            from tqdm import tqdm  # type: ignore[import-untyped, import-not-found, unused-ignore]

            tqdm.monitor_interval = 0  # no monitor thread
            self.bar = tqdm(
                file=sys.stderr, total=self.count, unit="page", dynamic_ncols=True, leave=False
            )
        self.bar.update(1)
        if failed:
            self.bar.set_postfix(failed=failed, refresh=False)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


class _Notes:
    """What ``-v`` lists after the run: failed pages, and warnings with their line."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.failed: list[tuple[str, str]] = []
        self.warned: list[tuple[str, Item | None, list[dict[str, Any]]]] = []

    def add(self, label: str, item: Item | None, record: dict[str, Any]) -> None:
        if not self.enabled:
            return
        error = record.get("error")
        if error is not None:
            self.failed.append((label, f"{error['type']}: {error['message']}"))
        elif record["warnings"]:
            self.warned.append((label, item, record["warnings"]))

    def print(self) -> None:
        from .check import line_text

        for label, message in sorted(self.failed):
            print(f"{PROG}: failed: {label}: {message}", file=sys.stderr)
        for label, item, warnings in sorted(self.warned, key=lambda entry: entry[0]):
            text = _page_text(item)
            for warning in warnings:
                line = warning["line"]
                if line is None:
                    shown = f"{label}: {warning['code']}: {warning['message']}"
                else:
                    quoted = line_text(text, line) if text is not None else None
                    shown = f"{label}:{line}: {warning['code']}: {quoted or warning['message']}"
                print(f"{PROG}: warning: {shown}", file=sys.stderr)


def _page_text(item: Item | None) -> str | None:
    """The page decoded as parse() decodes it, or None when that fails."""
    from .batch import StdinPage
    from .encoding import decode
    from .errors import ParseError

    if item is None:
        return None
    try:
        return decode(item.data if isinstance(item, StdinPage) else item.read_bytes())
    except (OSError, ParseError):
        return None


def _items(
    paths: Sequence[str], patterns: Sequence[str], onerror: Any, *, ordered: bool
) -> Iterator[Item]:
    from .batch import StdinPage, iter_pages

    for path in paths:
        if path == "-":
            yield StdinPage("-", sys.stdin.buffer.read())
        else:
            yield from iter_pages([path], patterns, onerror=onerror, ordered=ordered)


def _count(paths: Sequence[str], patterns: Sequence[str], *, ordered: bool) -> int:
    """The number of pages the run will parse (a walk that reads no file)."""
    from .batch import iter_pages

    files = [path for path in paths if path != "-"]
    count = len(paths) - len(files)
    for _ in iter_pages(files, patterns, onerror=lambda error: None, ordered=ordered):
        count += 1
    return count


def _cmd_parse(args: argparse.Namespace) -> int:
    paths: list[str] = args.paths
    _check_paths(paths)
    fmt: str = args.format
    if fmt != "csv" and (args.bom or not args.formula_guard):
        option = "--bom" if args.bom else "--no-formula-guard"
        raise UsageError(f"{option} applies to --format csv only")
    if fmt == "csv" and args.pretty:
        raise UsageError("--pretty applies to JSON output (--format jsonl or json) only")
    if fmt == "csv" and args.provenance:
        raise UsageError(
            "--provenance applies to JSON output (--format jsonl or json) only: "
            "CSV has no column for it"
        )
    from . import batch
    from .api import DEFAULT_MAX_SIZE
    from .model import Paper

    patterns = tuple(args.glob) if args.glob else batch.DEFAULT_PATTERNS
    jobs: int = args.jobs or batch.default_jobs()
    ordered: bool = args.ordered
    walk_errors: list[OSError] = []
    progress = _Progress(
        not args.quiet and sys.stderr.isatty(),
        lambda: _count(paths, patterns, ordered=ordered),
    )
    notes = _Notes(args.verbose)
    parsed = warned = failed = 0
    started = time.perf_counter()

    def label(item: Item) -> str:
        return item.label if isinstance(item, batch.StdinPage) else batch.path_label(item)

    with _output(args.output, "" if fmt == "csv" else "\n") as stream:
        if args.bom:
            stream.write("\ufeff")
        writer = _Writer(stream, fmt, pretty=args.pretty, guard=args.formula_guard)

        def emit(path: str, item: Item | None, outcome: batch.Outcome) -> None:
            nonlocal parsed, warned, failed
            if isinstance(outcome, Paper):
                parsed += 1
                warned += bool(outcome.warnings)
            else:
                failed += 1
            record = batch.to_record(path, outcome)
            writer.write(record)
            notes.add(path, item, record)
            progress.update(failed)

        def flush_walk_errors() -> None:
            while walk_errors:
                error = walk_errors.pop(0)
                emit(batch.path_label(error.filename or "?"), None, error)

        options: dict[str, Any] = {
            "jobs": jobs,
            "ordered": ordered,
            "format": args.input_format,
            "strict": args.strict,
            "max_size": args.max_size or DEFAULT_MAX_SIZE,
            "provenance": args.provenance,
            "pool_from": batch.SMALL_RUN if args.jobs is None else 2,
        }
        progress.start()
        items = _items(paths, patterns, walk_errors.append, ordered=ordered)
        if fmt == "jsonl" and not args.pretty:
            # The workers write the lines: the parent's share stays small.
            lines = batch.run_lines(items, **options)
            try:
                for item, (line, status) in lines:
                    flush_walk_errors()
                    stream.write(line + "\n")
                    parsed += status != batch.FAILED
                    warned += status == batch.WARNED
                    failed += status == batch.FAILED
                    if notes.enabled and status != batch.PARSED:
                        notes.add(label(item), item, json.loads(line))
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
                    emit(label(item), item, outcome)
                flush_walk_errors()
            finally:
                results.close()
                progress.close()
        writer.close()

    elapsed = time.perf_counter() - started
    total = parsed + failed
    if total == 0:
        print(
            f"{PROG}: warning: no page found (patterns: {', '.join(patterns)})",
            file=sys.stderr,
        )
    notes.print()
    if not args.quiet:
        rate = total / elapsed if elapsed > 0 else 0.0
        hint = " (-v lists them)" if (failed or warned) and not args.verbose else ""
        print(
            f"{PROG}: {total} page{'s' * (total != 1)}: {parsed} parsed "
            f"({warned} with warnings), {failed} failed, in {elapsed:.2f} s "
            f"({rate:,.1f} pages/s){hint}",
            file=sys.stderr,
        )
    return EXIT_FAILED if failed else EXIT_OK


# --- check ---------------------------------------------------------------------------


def _cmd_check(args: argparse.Namespace) -> int:
    """Check page dumps: every finding per page, then a summary; --json for machines."""
    paths: list[str] = args.paths
    if "-" in paths:
        raise UsageError("check needs files: '-' (standard input) is not supported")
    _check_paths(paths)
    from .batch import DEFAULT_PATTERNS
    from .check import KINDS, check_pages, render_report

    patterns = tuple(args.glob) if args.glob else DEFAULT_PATTERNS
    reports = []
    kinds = dict.fromkeys(KINDS, 0)
    from .batch import default_jobs

    jobs: int = args.jobs or default_jobs()
    for report in check_pages(paths, patterns, noise=args.noise, jobs=jobs):
        reports.append(report)
        for finding in report.findings:
            kinds[finding.kind] += 1
        if not args.json and not (args.quiet and report.ok):
            for line in render_report(report):
                print(line)
    if not reports:
        raise UsageError(
            f"no page dump found under {', '.join(map(repr, paths))} "
            f"(patterns: {', '.join(patterns)})"
        )
    flagged = sum(not report.ok for report in reports)
    if args.json:
        summary = {
            "pages": len(reports),
            "ok": len(reports) - flagged,
            "with_findings": flagged,
            "findings": kinds,
        }
        document = {"summary": summary, "pages": [report.to_json() for report in reports]}
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        found = ", ".join(f"{count} {kind}" for kind, count in kinds.items() if count)
        print(
            f"{PROG}: check: {len(reports)} page{'s' * (len(reports) != 1)}: "
            f"{len(reports) - flagged} ok, {flagged} with findings"
            + (f" ({found})" if found else ""),
            file=sys.stderr,
        )
    return EXIT_FAILED if flagged else EXIT_OK


# --- report --------------------------------------------------------------------------


def _cmd_report(args: argparse.Namespace) -> int:
    """Write the HTML batch report of the pages under the PATHs."""
    paths: list[str] = args.paths
    if "-" in paths:
        raise UsageError("report needs files: '-' (standard input) is not supported")
    _check_paths(paths)
    from .api import DEFAULT_MAX_SIZE
    from .batch import DEFAULT_PATTERNS, iter_pages
    from .report import DEFAULT_MAX_LINES, write_report

    patterns = tuple(args.glob) if args.glob else DEFAULT_PATTERNS
    if next(iter(iter_pages(paths, patterns, onerror=lambda error: None)), None) is None:
        raise UsageError(
            f"no page found under {', '.join(map(repr, paths))} (patterns: {', '.join(patterns)})"
        )
    started = time.perf_counter()
    with _output(args.output, "\n") as stream:
        summary = write_report(
            paths,
            stream,
            jobs=args.jobs,
            format=args.input_format,
            max_size=args.max_size or DEFAULT_MAX_SIZE,
            patterns=patterns,
            max_lines=args.max_lines or DEFAULT_MAX_LINES,
            title=args.title,
        )
    if not args.quiet:
        elapsed = time.perf_counter() - started
        size = os.path.getsize(args.output) if args.output != "-" else summary.size
        print(
            f"{PROG}: report: {summary.pages} page{'s' * (summary.pages != 1)}: "
            f"{summary.parsed} parsed ({summary.warned} with warnings), {summary.failed} "
            f"failed; {args.output} ({size / 1e6:,.1f} MB) in {elapsed:.2f} s",
            file=sys.stderr,
        )
    return EXIT_FAILED if summary.failed else EXIT_OK


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
    from .check import field_diff, line_text, shared_snapshots, snapshot_path
    from .encoding import decode
    from .errors import ParseError
    from .serialize import to_dict, upgrade

    patterns = tuple(args.glob) if args.glob else DEFAULT_PATTERNS
    counts = dict.fromkeys(
        ("written", "to review", "updated", "unchanged", "stale", "shared", "failed"), 0
    )
    pages = list(iter_pages(paths, patterns, ordered=True))
    shared = shared_snapshots(pages)
    for target, owners in shared.items():
        names = " and ".join(os.fsdecode(owner) for owner in owners)
        print(
            f"{target}: not written: {names} would share it; move all but one of them "
            "to another folder"
        )
        counts["shared"] += len(owners)
    for page in pages:
        target = snapshot_path(page)
        if target in shared:
            continue
        try:
            data = page.read_bytes()
            paper = parse(data)
        except (ParseError, OSError) as error:
            print(f"{page}: error: {type(error).__name__}: {error}")
            counts["failed"] += 1
            continue
        actual = to_dict(paper)
        text = json.dumps(actual, ensure_ascii=False, indent=2) + "\n"
        if not target.exists():
            _write_atomically(str(target), text)
            if paper.warnings:
                count = len(paper.warnings)
                print(f"{target}: written, with {count} warning{'s' * (count != 1)}: review it")
                page_text = decode(data)
                for warning in paper.warnings:
                    where = "" if warning.line is None else f"line {warning.line} "
                    shown = line_text(page_text, warning.line) or warning.message
                    print(f"  {where}{warning.code}: {shown}")
                counts["to review"] += 1
            else:
                print(f"{target}: written")
            counts["written"] += 1
            continue
        try:
            expected = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            expected, problems = None, [f"(the existing file is not readable JSON: {error})"]
        else:  # a snapshot of an older schema lacks the keys added since: they count as empty
            problems = field_diff(
                upgrade(expected) if isinstance(expected, dict) else expected, actual
            )
        if not problems:
            counts["unchanged"] += 1
            continue
        if args.update:
            _write_atomically(str(target), text)
            counts["updated"] += 1
            print(f"{target}: updated (snapshot -> parse)")
        else:
            counts["stale"] += 1
            print(
                f"{target}: kept; it differs from the parse (snapshot -> parse). Where the "
                "snapshot holds a correction made by hand, the parser is wrong there: keep "
                "the file. Only if every new value is right, rewrite it with --update."
            )
        for problem in problems:
            print(f"  {problem}")
    written = f"{counts['written']} written"
    if counts["to review"]:
        written += f" ({counts['to review']} with warnings, to review)"
    shared_note = f", {counts['shared']} sharing a snapshot" if counts["shared"] else ""
    print(
        f"{PROG}: snapshot: {written}, {counts['updated']} updated, "
        f"{counts['unchanged']} unchanged, {counts['stale']} stale{shared_note}, "
        f"{counts['failed']} failed",
        file=sys.stderr,
    )
    return EXIT_FAILED if counts["failed"] or counts["stale"] or counts["shared"] else EXIT_OK


def _write_atomically(target: str, text: str) -> None:
    with _output(target, "\n") as stream:
        stream.write(text)
