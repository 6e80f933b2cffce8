"""Check a folder of new page dumps: the code behind ``paperparse check`` and ``pytest --dumps``.

For every page dump, :func:`check_page` parses the file and reports what needs a look:

* ``error``: the page did not parse (a :class:`~paperparse.ParseError` or an
  :class:`OSError`);
* ``warning``: a :class:`~paperparse.ParseWarning`, with the text of the line it is
  about (not reported when a reviewed snapshot holds the record, warnings included);
* ``snapshot``: a ``NAME.json`` beside the dump (written by ``paperparse snapshot``
  and reviewed) differs from the parse, field by field;
* ``incomplete``: without a snapshot, no title, or fewer than two of journal, DOI and
  keywords;
* ``noise``: for text dumps, a layout-noise transform of :mod:`paperparse.testing`
  (blank lines, line ends, indentation, invisible characters, label case, page chrome
  ...) changed a field of the record, or made the page fail;
* ``collision``: two dumps (``a.txt``, ``a.html``) share one ``a.json``, which is then
  not used.

The dump is decoded exactly as :func:`paperparse.parse` decodes it (byte-order mark,
declared charset, UTF-8, then detection), so the noise transforms work on the text the
parser saw. ``docs/testing-new-dumps.md`` says what to do about each kind of finding.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Final

__all__ = [
    "KINDS",
    "Finding",
    "PageReport",
    "check_page",
    "check_pages",
    "field_diff",
    "line_text",
    "render_report",
    "shared_snapshots",
    "snapshot_path",
]

#: The kinds of finding, in the order a report lists them.
KINDS: Final = ("error", "collision", "snapshot", "incomplete", "warning", "noise")

#: Longest line text shown in a finding.
_SHOWN: Final = 100
_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class Finding:
    """One thing about a page that needs a look.

    Attributes:
        kind: One of :data:`KINDS`.
        message: A sentence for people.
        code: The warning code (``warning``), the error type (``error``), or the
            name of the noise transform (``noise``).
        line: The 1-based input line the finding is about, if any.
        text: The text of that line, stripped and shortened.
        changes: Field-level differences (``"title: old -> new"``), for
            ``snapshot`` and ``noise``.
    """

    kind: str
    message: str
    code: str | None = None
    line: int | None = None
    text: str | None = None
    changes: tuple[str, ...] = ()


@dataclass(frozen=True)
class PageReport:
    """What checking one page dump found.

    Attributes:
        path: The dump.
        format: ``"text"`` or ``"html"`` as parsed, or ``None`` when it failed.
        snapshot: The snapshot the record was compared with, if one was.
        findings: Everything that needs a look; empty for a clean page.
    """

    path: pathlib.Path
    format: str | None = None
    snapshot: pathlib.Path | None = None
    findings: tuple[Finding, ...] = field(default=())

    @property
    def ok(self) -> bool:
        """Whether nothing was found."""
        return not self.findings

    def to_json(self) -> dict[str, Any]:
        """Return the report as JSON types (the ``--json`` output of one page).

        Returns:
            ``{"path", "format", "snapshot", "ok", "findings": [...]}``.
        """
        return {
            "path": os.fsdecode(self.path),
            "format": self.format,
            "snapshot": None if self.snapshot is None else os.fsdecode(self.snapshot),
            "ok": self.ok,
            "findings": [
                {**asdict(finding), "changes": list(finding.changes)} for finding in self.findings
            ],
        }


def snapshot_path(page: pathlib.Path) -> pathlib.Path:
    """Return the snapshot file of a page dump: ``NAME.json`` beside ``NAME.txt``.

    Args:
        page: A page dump.

    Returns:
        The path of its snapshot (which may not exist).

    Examples:
        >>> snapshot_path(pathlib.Path("dumps/a.txt")).as_posix()
        'dumps/a.json'
    """
    return page.with_suffix(".json")


def shared_snapshots(pages: Iterable[pathlib.Path]) -> dict[pathlib.Path, list[pathlib.Path]]:
    """Return the snapshot files that two or more of *pages* would share.

    Args:
        pages: Page dumps.

    Returns:
        Snapshot path -> the dumps that share it (``a.txt`` and ``a.html`` share
        ``a.json``), for shared snapshots only.

    Examples:
        >>> shared = shared_snapshots(map(pathlib.Path, ["a.txt", "a.html", "b.txt"]))
        >>> {k.name: [p.name for p in v] for k, v in shared.items()}
        {'a.json': ['a.txt', 'a.html']}
    """
    owners: dict[pathlib.Path, list[pathlib.Path]] = {}
    for page in pages:
        owners.setdefault(snapshot_path(page), []).append(page)
    return {target: found for target, found in owners.items() if len(found) > 1}


def line_text(text: str, line: int | None) -> str | None:
    r"""Return line *line* (1-based) of *text*, stripped and shortened, as the parser counts.

    Lines end at ``\n``, ``\r\n`` and ``\r``, as in :func:`paperparse.parse`.

    Args:
        text: The decoded page.
        line: A 1-based line number, or ``None``.

    Returns:
        The line's text (at most 100 characters, ``...`` marking a cut), or ``None``
        for no line or one past the end.

    Examples:
        >>> line_text("a\r\n  b  \rc", 2)
        'b'
    """
    if line is None or line < 1:
        return None
    lines = _LINE_BREAK.split(text, maxsplit=line)
    if line > len(lines):
        return None
    shown = lines[line - 1].strip()
    return shown if len(shown) <= _SHOWN else shown[: _SHOWN - 3] + "..."


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
    r"""JSON, with invisible characters escaped so that a difference in them shows.

    >>> _show("Caf\u00e9\u00a0au\u200blait")
    '"Café\\u00a0au\\u200blait"'
    """
    text = "".join(
        char
        if char.isprintable() and not unicodedata.category(char).startswith("M")
        else f"\\u{ord(char):04x}"
        for char in json.dumps(value, ensure_ascii=False)
    )
    return text if len(text) <= 120 else text[:117] + "..."


def _fields(record: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key not in ("source", "warnings")}


def check_page(
    page: pathlib.Path, *, noise: bool = True, shared: Sequence[pathlib.Path] = ()
) -> PageReport:
    """Parse one page dump and report everything that needs a look.

    Args:
        page: The dump.
        noise: Run the layout-noise transforms over text dumps.
        shared: The dumps that share this dump's snapshot file (see
            :func:`shared_snapshots`): if that file exists, it is not used, and a
            ``collision`` finding says so.

    Returns:
        The report; see the module docstring for the kinds of finding.
    """
    from .api import parse
    from .encoding import decode
    from .errors import ParseError
    from .serialize import to_dict, upgrade
    from .testing.noise import NOISE

    findings: list[Finding] = []
    target = snapshot_path(page)
    shared = shared if target.exists() else ()  # nothing to mix up before a snapshot
    if shared:
        others = ", ".join(os.fsdecode(other.name) for other in shared if other != page)
        findings.append(
            Finding(
                "collision",
                f"{page.name} and {others} would share the snapshot {target.name}; "
                "move one to another folder (the snapshot is not used).",
            )
        )
    try:
        data = page.read_bytes()
        paper = parse(data)
    except (ParseError, OSError) as error:
        kind = type(error).__name__ if isinstance(error, ParseError) else "OSError"
        findings.append(Finding("error", f"{kind}: {error}", code=kind))
        return PageReport(page, findings=tuple(findings))
    text = decode(data)  # as parse() decoded it: it just did, so this cannot fail
    record = to_dict(paper)

    snapshot = None
    expected: Any = None
    if not shared and target.is_file():
        snapshot = target
        try:
            expected = json.loads(target.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            findings.append(Finding("snapshot", f"{target.name} is not readable JSON: {error}."))
    if snapshot is not None and expected is not None:
        # a snapshot of an older schema lacks the keys added since: they count as empty
        changes = field_diff(upgrade(expected) if isinstance(expected, dict) else expected, record)
        if changes:
            findings.append(
                Finding(
                    "snapshot",
                    f"the record differs from {target.name} in {len(changes)} "
                    f"place{'s' * (len(changes) != 1)} (snapshot -> parse).",
                    changes=tuple(changes),
                )
            )
    elif snapshot is None:
        present = [
            name
            for name, found in (
                ("journal", record["journal"] is not None),
                ("doi", record["doi"] is not None),
                ("keywords", bool(record["keywords"])),
            )
            if found
        ]
        missing = [] if record["title"] is not None else ["a title"]
        if len(present) < 2:
            missing.append(f"two of journal, doi, keywords (found: {', '.join(present) or 'none'})")
        if missing:
            findings.append(
                Finding("incomplete", f"no snapshot, and the record lacks {' and '.join(missing)}.")
            )
    if snapshot is None:  # a reviewed snapshot holds the warnings it accepts
        findings.extend(
            Finding(
                "warning",
                warning.message,
                code=warning.code,
                line=warning.line,
                text=line_text(text, warning.line),
            )
            for warning in paper.warnings
        )

    if noise and paper.source.format == "text":
        before = _fields(record)
        for name, transform in NOISE.items():
            try:
                after = _fields(to_dict(parse(transform(text), format="text")))
            except ParseError as error:
                findings.append(
                    Finding(
                        "noise",
                        f"after {name}, the page fails: {type(error).__name__}: {error}",
                        code=name,
                    )
                )
                continue
            changes = field_diff(before, after)
            if changes:
                fields = sorted({re.split(r"[.\[:]", change, maxsplit=1)[0] for change in changes})
                findings.append(
                    Finding(
                        "noise",
                        f"{name} changed {', '.join(fields)} (before -> after).",
                        code=name,
                        changes=tuple(changes),
                    )
                )
    order = {kind: index for index, kind in enumerate(KINDS)}
    findings.sort(key=lambda finding: order[finding.kind])
    return PageReport(page, paper.source.format, snapshot, tuple(findings))


def check_pages(
    roots: Iterable[str | os.PathLike[str]],
    patterns: Iterable[str] | None = None,
    *,
    noise: bool = True,
    jobs: int = 1,
) -> Iterator[PageReport]:
    """Check every page dump under *roots*, in name order.

    Args:
        roots: Files and directories (walked recursively).
        patterns: File-name patterns for directories (default: ``*.txt``, ``*.html``,
            ``*.htm``).
        noise: Run the layout-noise transforms over text dumps.
        jobs: Worker processes; ``1`` (default) checks in this process.

    Yields:
        One report per dump, sorted by path. A directory that cannot be read gives a
        report with an ``error`` finding.

    Raises:
        ValueError: *jobs* is not a positive int.
    """
    from .batch import DEFAULT_PATTERNS, iter_pages

    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"jobs must be a positive int, not {jobs!r}.")
    errors: list[OSError] = []
    pages = list(
        iter_pages(
            roots,
            DEFAULT_PATTERNS if patterns is None else tuple(patterns),
            onerror=errors.append,
            ordered=True,
        )
    )
    for error in errors:
        message = f"OSError: {error}"
        yield PageReport(
            pathlib.Path(os.fsdecode(error.filename or "?")),
            findings=(Finding("error", message, code="OSError"),),
        )
    shared = shared_snapshots(pages)
    tasks = [(page, noise, tuple(shared.get(snapshot_path(page), ()))) for page in pages]
    if jobs == 1 or len(tasks) < 2:
        yield from map(_check_task, tasks)
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(_check_task, tasks, chunksize=4)


def _check_task(task: tuple[pathlib.Path, bool, tuple[pathlib.Path, ...]]) -> PageReport:
    page, noise, shared = task
    try:
        return check_page(page, noise=noise, shared=shared)
    except Exception as error:  # a ParseError or OSError is a finding, never raised
        raise RuntimeError(
            f"{os.fsdecode(page)}: unexpected {type(error).__name__} while checking "
            f"({error}); this is a bug in paperparse, please report it with the page."
        ) from error


def render_report(report: PageReport) -> list[str]:
    """Return the lines that ``paperparse check`` prints for one page.

    Args:
        report: A page's report.

    Returns:
        ``"PATH: ok"``, or ``"PATH: N findings"`` then one indented block per finding:
        its kind and message, the line and its text, and the field changes.
    """
    name = os.fsdecode(report.path)
    if report.ok:
        return [f"{name}: ok"]
    count = len(report.findings)
    out = [f"{name}: {count} finding{'s' * (count != 1)}"]
    for finding in report.findings:
        if finding.kind == "warning":
            where = "" if finding.line is None else f" at line {finding.line}"
            out.append(f"  warning {finding.code}{where}: {finding.message}")
        elif finding.kind == "noise":
            out.append(f"  noise: {finding.message}")
        else:
            out.append(f"  {finding.kind}: {finding.message}")
        if finding.line is not None:
            out.append(f"    {finding.line:>5} | {finding.text or ''}")
        out.extend(f"      {change}" for change in finding.changes[:8])
        if len(finding.changes) > 8:
            out.append(f"      ... and {len(finding.changes) - 8} more")
    return out
