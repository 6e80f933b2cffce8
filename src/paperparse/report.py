r"""A batch report: one self-contained HTML file to look at instead of JSON Lines.

``paperparse report DIR -o report.html`` (or :func:`write_report`) parses every page
under the paths with provenance on, in parallel, and writes one HTML file that opens
in any browser, with no network access: inline CSS, inline SVG-free markup and a small
inline script. It shows

- a summary: pages, parsed, failed, with warnings, and per field how many of the
  parsed pages filled it (one bar per field);
- the warning codes with their counts, each a link to the pages that have it;
- a table of the pages (filter by status, site, warning code, missing field or path;
  sort by any column; 100 rows at a time), each linking to
- a page view: the page's lines with each field's value highlighted on the lines it
  came from (one colour per field), the warnings on their lines, and the record.

The data is embedded as JSON in ``<script type="application/json">`` blocks: one small
index for the summary and the table, and one block per page that is parsed only when
that page is shown, so a report of 10,000 pages opens quickly and only the shown
page's lines are ever in the document. Every string from a page reaches the document
as text (``textContent``), never as markup, and ``<`` is written as ``\u003c`` inside
the JSON, so no page text can end a ``<script>`` block. See ``docs/report.md``.
"""

from __future__ import annotations

import functools
import html
import importlib.resources
import itertools
import json
import os
import pathlib
import re
import tempfile
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import IO, Any, Final, NamedTuple

from . import __version__
from .api import DEFAULT_MAX_SIZE, Format
from .batch import (
    DEFAULT_PATTERNS,
    SMALL_RUN,
    StdinPage,
    _check_options,
    _parse_item,
    _run,
    error_type,
    iter_pages,
    path_label,
)
from .encoding import decode
from .errors import InputTooLarge, ParseError
from .model import VALUE_FIELDS, Paper
from .serialize import to_dict

__all__ = [
    "DEFAULT_MAX_LINES",
    "FIELDS",
    "MAX_LINE_LENGTH",
    "ReportSummary",
    "page_entry",
    "write_report",
]

#: The record's fields the report counts and highlights, in record order (dotted for a
#: part of the journal or rating block).
FIELDS: Final = (*VALUE_FIELDS, "actions")

DEFAULT_MAX_LINES: Final = 400
"""Lines of a page kept in the report: the first ones, then only the lines that a value
or a warning comes from (with two lines of context each), at most twice as many."""

MAX_LINE_LENGTH: Final = 1000
"""Characters of a line kept in the report; a longer line is cut, with ``…`` at the end."""

#: Lines kept around a line that a value or a warning comes from.
_CONTEXT: Final = 2
_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")
_SURROGATE: Final = re.compile("[\ud800-\udfff]")
#: Statuses in the index.
PARSED, WARNED, FAILED = 0, 1, 2


class ReportSummary(NamedTuple):
    """What a report holds, in numbers.

    Attributes:
        pages: Pages in the report.
        parsed: Pages that parsed (with or without warnings).
        warned: Parsed pages with at least one warning.
        failed: Pages that did not parse (their error is in the report).
        size: Characters written.
    """

    pages: int
    parsed: int
    warned: int
    failed: int
    size: int


def _field_value(record: dict[str, Any], field: str) -> Any:
    value: Any = record
    for part in field.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _shown(value: Any) -> str | None:
    """A field's value as one line of text for the record table, or None when empty."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        return "; ".join(filter(None, (_shown(item) for item in value)))
    if isinstance(value, dict):
        if "first" in value:  # journal.pages
            last = value.get("last")
            return str(value["first"]) + (f"\N{EN DASH}{last}" if last else "")
        if "score" in value:  # a secondary rating
            return f"{value['name']}: {'-' if value['score'] is None else value['score']}"
        if "funder" in value:
            return str(value["text"] or value["funder"])
        if "prompt" in value:  # the author claim
            return " ".join(filter(None, (value.get("prompt"), value.get("action"))))
        if "name" in value:  # an author
            return str(value["name"])
    return json.dumps(value, ensure_ascii=False)


def _kept_lines(
    text: str, spans: Iterable[tuple[int, int]], max_lines: int
) -> tuple[list[list[Any]], int]:
    """The lines of *text* that the report keeps, as ``[number, text]``, and the total.

    The first *max_lines* lines, then the lines of *spans* (with context), in the
    order given, up to ``2 * max_lines`` lines in all.
    """
    lines = _LINE_BREAK.split(text)
    if lines and lines[-1] == "":
        lines.pop()  # the break after the last line does not start another
    total = len(lines)
    keep = set(range(1, min(total, max_lines) + 1))
    budget = min(total, 2 * max_lines)
    for first, last in spans:  # in order of importance, until the budget is spent
        for number in range(max(1, first - _CONTEXT), min(total, last + _CONTEXT) + 1):
            if len(keep) >= budget:
                break
            keep.add(number)
    out: list[list[Any]] = []
    for number in sorted(keep):
        line = lines[number - 1].rstrip()
        if len(line) > MAX_LINE_LENGTH:
            line = line[: MAX_LINE_LENGTH - 1] + "…"
        out.append([number, line])
    return out, total


def _read_text(item: pathlib.Path | StdinPage, max_size: int) -> str | None:
    """The page decoded as parse() decodes it, or None (unreadable, too large, binary)."""
    try:
        if isinstance(item, StdinPage):
            data = item.data
        else:
            with open(item, "rb") as handle:
                data = handle.read(max_size + 1)
        if len(data) > max_size:
            return None
        return decode(data)
    except (OSError, ParseError):
        return None


def page_entry(
    path: str, outcome: Paper | ParseError | OSError, text: str | None, *, max_lines: int
) -> dict[str, Any]:
    """Return what the report holds of one page (the JSON of its page view).

    Args:
        path: The page's label.
        outcome: What parsing it gave (a :class:`~paperparse.Paper` parsed with
            ``provenance=True`` for highlights).
        text: The decoded page, or ``None`` when it cannot be shown.
        max_lines: Lines kept, see :data:`DEFAULT_MAX_LINES`.

    Returns:
        A dict of JSON types: ``path``, ``status`` (0 parsed, 1 with warnings,
        2 failed), ``site``, ``format``, ``codes`` (the warning codes, sorted),
        ``title``, ``filled`` (one bit per field of :data:`FIELDS` that holds a
        value), ``error``, ``record`` (the record without provenance),
        ``provenance`` (``[field, first_line, last_line, rule, source]`` per entry,
        the keys of :class:`~paperparse.Provenance` in order), ``lines``
        (``[number, text]``) and ``total_lines``.
    """
    entry: dict[str, Any] = {
        "path": path,
        "status": FAILED,
        "site": None,
        "format": None,
        "codes": [],
        "title": None,
        "filled": 0,
        "error": None,
        "record": None,
        "provenance": [],
    }
    spans: list[tuple[int, int]] = []
    if isinstance(outcome, Paper):
        record = to_dict(outcome)
        provenance = record.pop("provenance", [])
        filled = 0
        for bit, field in enumerate(FIELDS):
            shown = _shown(_field_value(record, field))
            if shown is not None:
                filled |= 1 << bit
        codes = sorted({warning["code"] for warning in record["warnings"]})
        entry.update(
            status=WARNED if codes else PARSED,
            site=record["source"]["site"],
            format=record["source"]["format"],
            codes=codes,
            title=record["title"],
            filled=filled,
            record=record,
            provenance=[list(p.values()) for p in provenance],
        )
        spans += [
            (p["first_line"], p["last_line"] or p["first_line"])
            for p in provenance
            if p["first_line"] is not None
        ]
        spans += [(w["line"], w["line"]) for w in record["warnings"] if w["line"] is not None]
    else:
        kind = error_type(outcome)
        entry["error"] = {"type": kind, "message": str(outcome)}
    if text is not None:
        entry["lines"], entry["total_lines"] = _kept_lines(text, spans, max_lines)
    else:
        entry["lines"], entry["total_lines"] = [], 0
    return entry


def _report_chunk(
    items: list[pathlib.Path | StdinPage],
    format: Format,  # noqa: A002
    strict: bool,
    max_size: int,
    provenance: bool,
    *,
    max_lines: int,
) -> list[tuple[list[Any], str]]:
    """Worker task: parse a few pages; each one's index row and entry (as JSON)."""
    out = []
    for item in items:
        outcome = _parse_item(item, format, strict, max_size, provenance)
        readable = not isinstance(outcome, (OSError, InputTooLarge))
        text = _read_text(item, max_size) if readable else None
        label = item.label if isinstance(item, StdinPage) else path_label(item)
        out.append(_row_and_json(page_entry(label, outcome, text, max_lines=max_lines)))
    return out


def _row_and_json(entry: dict[str, Any]) -> tuple[list[Any], str]:
    text = json.dumps(entry, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: shown as U+FFFD
        text = _SURROGATE.sub("\ufffd", text)
    return [entry[key] for key in _INDEX_KEYS], text


def _script_json(text: str) -> str:
    """JSON made safe to sit inside ``<script>``.

    No ``<`` (so no ``</script>`` or ``<!--``), no ``>`` or ``&``, and the line
    separators that old JavaScript parsers took for line ends.
    """
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


_INDEX_KEYS: Final = ("path", "status", "site", "format", "codes", "title", "filled")


def write_report(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    stream: IO[str],
    *,
    jobs: int | None = None,
    format: Format = "auto",  # noqa: A002 - as in parse()
    max_size: int = DEFAULT_MAX_SIZE,
    patterns: Iterable[str] = DEFAULT_PATTERNS,
    max_lines: int = DEFAULT_MAX_LINES,
    title: str | None = None,
) -> ReportSummary:
    """Parse the pages under *paths* and write the HTML report to *stream*.

    Pages are parsed with ``provenance=True``, in parallel as :func:`paperparse.parse_many`
    parses them, in name order (the report is the same on every run). Each page's part
    of the report is written as soon as it is ready; only a small index entry per page
    stays in memory.

    Args:
        paths: Page files and directories, as for :func:`paperparse.parse_many`.
        stream: Where the HTML goes (a text stream, UTF-8 when it is a file).
        jobs: Worker processes; ``None`` means one per usable CPU core (none for
            fewer than 64 pages), ``1`` parses in this process.
        format: As in :func:`paperparse.parse`.
        max_size: As in :func:`paperparse.parse`.
        patterns: File-name patterns for directories.
        max_lines: Lines of each page kept for its page view, see
            :data:`DEFAULT_MAX_LINES`.
        title: The report's heading (default: the paths).

    Returns:
        The numbers of the report.

    Raises:
        ValueError: An option is not valid.
    """
    workers = _check_options(jobs, format)
    if not isinstance(max_lines, int) or isinstance(max_lines, bool) or max_lines < 1:
        raise ValueError(f"max_lines must be a positive int, not {max_lines!r}.")
    roots = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    walk_errors: list[OSError] = []
    items = iter_pages(roots, tuple(patterns), onerror=walk_errors.append, ordered=True)
    heading = title or ", ".join(os.fsdecode(root) for root in roots) or "paperparse report"
    written = 0

    def write(text: str) -> None:
        nonlocal written
        stream.write(text)
        written += len(text)

    # The page blocks go to a temporary file first and into the report last: the
    # browser draws the summary as soon as it has read the index and the script, while
    # it goes on reading the pages.
    spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 - closed below
    index: list[list[Any]] = []
    filled = [0] * len(FIELDS)
    codes: dict[str, int] = {}
    counts = [0, 0, 0]

    def add(row: list[Any], entry_json: str) -> None:
        number = len(index) + 1
        spool.write(f'<script type="application/json" id="pp-page-{number}">')
        spool.write(_script_json(entry_json))
        spool.write("</script>\n")
        index.append(row)
        counts[row[1]] += 1
        mask = row[6]
        for bit in range(len(FIELDS)):
            filled[bit] += mask >> bit & 1
        for code in row[4]:
            codes[code] = codes.get(code, 0) + 1

    def errors() -> Iterator[tuple[list[Any], str]]:
        while walk_errors:
            error = walk_errors.pop(0)
            label = path_label(error.filename or "?")
            yield _row_and_json(page_entry(label, error, None, max_lines=max_lines))

    task = functools.partial(_report_chunk, max_lines=max_lines)
    results = _run(
        items,
        task,
        jobs=workers,
        ordered=True,
        options=(format, False, max_size, True),
        pool_from=SMALL_RUN if jobs is None else 2,
    )
    with spool:
        _spool_pages(results, errors, add)
        data = _index(heading, index, counts, filled, codes)
        write(_head().replace("{title}", html.escape(f"paperparse report: {heading}")))
        write('<script type="application/json" id="pp-index">')
        write(_script_json(json.dumps(data, ensure_ascii=False)))
        write("</script>\n")
        write(_tail())
        spool.seek(0)
        while chunk := spool.read(1 << 20):
            write(chunk)
    write("</body>\n</html>\n")
    return ReportSummary(
        pages=len(index),
        parsed=counts[PARSED] + counts[WARNED],
        warned=counts[WARNED],
        failed=counts[FAILED],
        size=written,
    )


def _spool_pages(
    results: Generator[tuple[Any, tuple[list[Any], str]], None, None],
    errors: Callable[[], Iterator[tuple[list[Any], str]]],
    add: Callable[[list[Any], str], None],
) -> None:
    """Hand each page's row and JSON to *add*, walk errors at their place."""
    try:
        for _, result in results:
            for row, entry_json in itertools.chain(errors(), [result]):
                add(row, entry_json)
        for row, entry_json in errors():
            add(row, entry_json)
    finally:
        results.close()


def _index(
    heading: str,
    index: list[list[Any]],
    counts: list[int],
    filled: list[int],
    codes: dict[str, int],
) -> dict[str, Any]:
    """The report's index: what the summary and the page table are drawn from."""
    return {
        "title": heading,
        "version": __version__,
        "fields": list(FIELDS),
        "keys": list(_INDEX_KEYS),
        "summary": {
            "pages": len(index),
            "parsed": counts[PARSED] + counts[WARNED],
            "warned": counts[WARNED],
            "failed": counts[FAILED],
            "filled": filled,
            "codes": sorted(codes.items(), key=lambda item: (-item[1], item[0])),
        },
        "pages": index,
    }


def _asset(name: str) -> str:
    text = importlib.resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    if "</" in text:  # would end the <style> or <script> element early
        raise RuntimeError(f"{name} must not contain '</'.")
    return text


@functools.cache
def _head() -> str:
    return (
        """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="paperparse report">
<title>{title}</title>
<style>"""
        + _asset("report.css")
        + """</style>
</head>
<body>
<header><h1 id="pp-title">paperparse report</h1><div class="sub" id="pp-sub"></div></header>
<main id="pp-main"><p class="mute" id="pp-loading">Loading the report…</p>
<noscript><p>This report is drawn by a small script embedded in the file; allow
JavaScript for this file to see it.</p></noscript></main>
"""
    )


@functools.cache
def _tail() -> str:
    return "<script>" + _asset("report.js") + "</script>\n"
