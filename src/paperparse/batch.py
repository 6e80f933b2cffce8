"""Parse many pages: a streamed directory walk and a bounded, lazily fed process pool.

:func:`parse_many` is the Python API; the ``paperparse`` command line and
:mod:`paperparse.dask` build on the helpers here (:func:`iter_pages`,
:func:`to_record`), so every front end writes the same records.

Memory stays flat however many pages there are: paths are produced one at a time
(:func:`os.scandir`, never a full listing), at most ``4 * jobs`` small chunks of paths
are in flight at once, and each result is handed to the caller as soon as it is ready.
"""

from __future__ import annotations

import collections
import fnmatch
import itertools
import json
import os
import pathlib
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Final, NamedTuple, TypeAlias

from .api import DEFAULT_MAX_SIZE, Format, parse
from .errors import ParseError
from .model import Paper
from .serialize import to_dict

if TYPE_CHECKING:  # imported where used: ``import paperparse`` stays fast
    import concurrent.futures as cf

__all__ = [
    "DEFAULT_PATTERNS",
    "Outcome",
    "default_jobs",
    "error_type",
    "iter_pages",
    "parse_many",
    "path_label",
    "to_record",
]

DEFAULT_PATTERNS: Final = ("*.txt", "*.html", "*.htm")
"""File-name patterns a directory walk picks up by default (matched case-insensitively)."""

Outcome: TypeAlias = Paper | ParseError | OSError
"""What parsing one path gives: the record, the page's ParseError, or the OSError of reading
the file (missing, permission denied, a directory ...).
"""

_FORMATS: Final = ("auto", "text", "html")
#: Largest number of pages sent to a worker in one task. Parsing a page takes well
#: under a millisecond, so one page per task would spend most of the time in IPC;
#: 32 pages (~15 ms of work) keep the hand-offs between processes a small share.
_MAX_CHUNK: Final = 32
SMALL_RUN: Final = 64
"""With the default number of jobs, fewer pages than this are parsed in-process: starting a
pool would take longer than parsing them.
"""
#: Tasks in flight per worker: enough to keep every worker busy, few enough that
#: memory does not depend on the number of pages.
_INFLIGHT_PER_JOB: Final = 4


def default_jobs() -> int:
    """Return the number of CPU cores this process may run on.

    Returns:
        The size of the process's CPU affinity mask where the system has one
        (``os.sched_getaffinity``), else ``os.cpu_count()``; at least 1.
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def iter_pages(
    roots: Iterable[str | os.PathLike[str]],
    patterns: Iterable[str] = DEFAULT_PATTERNS,
    *,
    onerror: Callable[[OSError], None] | None = None,
    ordered: bool = False,
) -> Iterator[pathlib.Path]:
    """Yield the page files under *roots*, one at a time, without listing them first.

    A root that is a directory is walked recursively and yields the files whose
    name matches one of *patterns* (:mod:`fnmatch` patterns such as ``"*.txt"``,
    matched against the file name, case-insensitively). Any other root (a file, or a
    path that does not exist) is yielded as given, whatever its name: the caller
    named it explicitly. Symbolic links to files are yielded; symbolic links to
    directories are not followed (no cycles). The order within a directory is the
    file system's, or sorted by name with *ordered*.

    Args:
        roots: Files and directories.
        patterns: File-name patterns for the directory walk.
        onerror: Called with the :class:`OSError` of a directory that cannot be
            read (the walk then goes on); by default the error is raised.
        ordered: Walk each directory in name order (depth first, a directory's files
            at the place of its name, as ``sorted(paths, key=Path.parts)``): the same
            order on every machine. It lists one directory at a time, so memory grows
            with the largest directory; by default nothing is listed.

    Yields:
        The page files, as :class:`pathlib.Path` objects.

    Raises:
        OSError: A directory cannot be read and no *onerror* was given.

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     for name in ("a.txt", "b.json", "sub/c.HTML"):
        ...         path = pathlib.Path(tmp, name)
        ...         path.parent.mkdir(exist_ok=True)
        ...         _ = path.write_text("x")
        ...     sorted(p.relative_to(tmp).as_posix() for p in iter_pages([tmp]))
        ['a.txt', 'sub/c.HTML']
    """
    lowered = tuple(pattern.lower() for pattern in patterns)
    for root in roots:
        path = pathlib.Path(root)
        if not path.is_dir():
            yield path
        elif ordered:
            yield from _walk_sorted(os.fspath(path), lowered, onerror)
        else:
            yield from _walk(os.fspath(path), lowered, onerror)


def _matches(entry: os.DirEntry[str], patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(entry.name.lower(), p) for p in patterns)


def _walk(
    root: str, patterns: tuple[str, ...], onerror: Callable[[OSError], None] | None
) -> Iterator[pathlib.Path]:
    """The files under *root* in the file system's order, never listed first."""
    pending = [root]
    while pending:
        directory = pending.pop()
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    if entry.is_dir(follow_symlinks=False):
                        pending.append(entry.path)
                    elif entry.is_symlink() and entry.is_dir():
                        continue  # a link to a directory: not followed
                    elif _matches(entry, patterns):
                        yield pathlib.Path(entry.path)
        except OSError as error:
            if onerror is None:
                raise
            onerror(error)


def _walk_sorted(
    root: str, patterns: tuple[str, ...], onerror: Callable[[OSError], None] | None
) -> Iterator[pathlib.Path]:
    """The files under *root* sorted by name, one directory listed at a time.

    Depth first, each directory's entries sorted by name (by code point), a directory's
    files at the place of its name: the order of ``sorted(paths, key=Path.parts)``.
    """
    try:
        with os.scandir(root) as iterator:
            entries = sorted(iterator, key=lambda entry: entry.name)
    except OSError as error:
        if onerror is None:
            raise
        onerror(error)
        return
    for entry in entries:
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
            linked_dir = not is_dir and entry.is_symlink() and entry.is_dir()
        except OSError:  # vanished since the listing
            continue
        if is_dir:
            yield from _walk_sorted(entry.path, patterns, onerror)
        elif not linked_dir and _matches(entry, patterns):
            yield pathlib.Path(entry.path)


def path_label(path: str | os.PathLike[str] | os.PathLike[bytes] | bytes) -> str:
    r"""Return the path as it appears in a record: a ``str`` that is always valid UTF-8.

    Args:
        path: A file path.

    Returns:
        The path as text; bytes of a file name that do not decode are shown as
        ``\xNN`` escapes.
    """
    text = os.fsdecode(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = os.fsencode(text).decode("utf-8", "backslashreplace")
    return text


def error_type(error: ParseError | OSError) -> str:
    """Return the ``error.type`` of a record.

    Args:
        error: What parsing a page raised.

    Returns:
        The :class:`~paperparse.ParseError` subclass name, or ``"OSError"``.
    """
    return type(error).__name__ if isinstance(error, ParseError) else "OSError"


def to_record(path: str, outcome: Outcome) -> dict[str, Any]:
    """Return the output record of one page, as the command line writes it.

    Args:
        path: The page's label (see :func:`path_label`).
        outcome: What parsing the page gave.

    Returns:
        ``{"path": path, **to_dict(paper)}`` for a page that parsed; for a page that
        failed, ``{"path": ..., "error": {"type": ..., "message": ...}}`` where
        ``type`` is the :class:`~paperparse.ParseError` subclass name, or
        ``"OSError"`` when the file could not be read.

    Examples:
        >>> from paperparse import Paper, UnrecognizedPage
        >>> to_record("a.txt", Paper(title="T"))["title"]
        'T'
        >>> to_record("b.txt", UnrecognizedPage("Not a paper page."))
        {'path': 'b.txt', 'error': {'type': 'UnrecognizedPage', 'message': 'Not a paper page.'}}
    """
    if isinstance(outcome, Paper):
        return {"path": path, **to_dict(outcome)}
    return {"path": path, "error": {"type": error_type(outcome), "message": str(outcome)}}


class StdinPage(NamedTuple):
    """A page that is not a file (standard input): its label and its bytes."""

    label: str
    data: bytes


Item: TypeAlias = pathlib.Path | StdinPage


class _BoxedError(NamedTuple):
    """A ParseError on its way back from a worker.

    Exceptions pickle as ``cls(*args)``, which fails for classes whose ``__init__``
    takes other arguments than the message (``StrictModeError(warning)``). The box
    carries class, args and attributes, and the parent rebuilds the error without
    calling ``__init__``.
    """

    cls: type[ParseError]
    args: tuple[Any, ...]
    state: dict[str, Any]


def _box(outcome: Outcome) -> Outcome | _BoxedError:
    if isinstance(outcome, ParseError):
        return _BoxedError(type(outcome), outcome.args, dict(vars(outcome)))
    return outcome


def _unbox(value: Outcome | _BoxedError) -> Outcome:
    if isinstance(value, _BoxedError):
        error = value.cls.__new__(value.cls)
        error.args = value.args
        vars(error).update(value.state)
        return error
    return value


def _parse_item(
    item: Item,
    format: Format,  # noqa: A002
    strict: bool,
    max_size: int = DEFAULT_MAX_SIZE,
    provenance: bool = False,
) -> Outcome:
    """Parse one item; a page error or a read error is returned, anything else raised."""
    try:
        source = item.data if isinstance(item, StdinPage) else item
        return parse(source, format=format, strict=strict, max_size=max_size, provenance=provenance)
    except ParseError as error:
        return error
    except OSError as error:
        return error
    except Exception as error:
        label = item.label if isinstance(item, StdinPage) else path_label(item)
        raise RuntimeError(
            f"{label}: unexpected {type(error).__name__} while parsing ({error}); "
            "this is a bug in paperparse, please report it with the page."
        ) from error


def _parse_chunk(
    items: list[Item],
    format: Format,  # noqa: A002
    strict: bool,
    max_size: int,
    provenance: bool,
) -> list[Outcome | _BoxedError]:
    """Worker task: parse a few items, results ready to pickle."""
    return [_box(_parse_item(item, format, strict, max_size, provenance)) for item in items]


#: A page as the command line writes it in JSON Lines: the JSON text, and its status.
OutputLine: TypeAlias = tuple[str, int]
#: Statuses of an OutputLine.
PARSED, WARNED, FAILED = 0, 1, 2


def to_line(item: Item, outcome: Outcome) -> OutputLine:
    """Return the JSON Lines line of one page (no newline) and its status.

    Args:
        item: The page.
        outcome: What parsing it gave.

    Returns:
        ``(line, status)``: the JSON of :func:`to_record`, and :data:`PARSED`,
        :data:`WARNED` (parsed, with warnings) or :data:`FAILED`.
    """
    label = item.label if isinstance(item, StdinPage) else path_label(item)
    line = json.dumps(to_record(label, outcome), ensure_ascii=False)
    if isinstance(outcome, Paper):
        return line, WARNED if outcome.warnings else PARSED
    return line, FAILED


def _line_chunk(
    items: list[Item],
    format: Format,  # noqa: A002
    strict: bool,
    max_size: int,
    provenance: bool,
) -> list[OutputLine]:
    """Worker task: parse a few items and write their output lines.

    Serialising in the worker keeps the parent's share of the work (and the pickling
    of whole records between processes) small, so the workers scale.
    """
    return [
        to_line(item, _parse_item(item, format, strict, max_size, provenance)) for item in items
    ]


def _worker_init() -> None:
    # Ctrl-C goes to the whole process group: let the parent alone handle it and
    # shut the pool down, instead of every worker printing a traceback.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunks(items: Iterator[Item], jobs: int) -> Iterator[list[Item]]:
    """Cut *items* into lists, small at first, then up to ``_MAX_CHUNK`` items.

    Small chunks at first let every worker start at once; their size doubles with each
    round of *jobs* chunks (1, 2, 4 ... pages), so the full size comes soon (measured on
    2,000 files with --jobs 2: 1.48x -> 1.62x the throughput of one job, median of 4).
    """
    for count in itertools.count():
        chunk = list(itertools.islice(items, min(_MAX_CHUNK, 2 ** min(count // jobs, 16))))
        if not chunk:
            return
        yield chunk


def _check_options(jobs: int | None, format: str) -> int:  # noqa: A002
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(map(repr, _FORMATS))}, not {format!r}.")
    if jobs is None:
        return default_jobs()
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ValueError(f"jobs must be a positive int or None, not {jobs!r}.")
    return jobs


def run(
    items: Iterable[Item],
    *,
    jobs: int,
    ordered: bool,
    format: Format,  # noqa: A002
    strict: bool,
    max_size: int = DEFAULT_MAX_SIZE,
    provenance: bool = False,
    pool_from: int = 2,
) -> Generator[tuple[Item, Outcome], None, None]:
    """Parse *items*: the engine behind :func:`parse_many` and the command line.

    Args:
        items: Page files, and :class:`StdinPage` objects (standard input).
        jobs: Worker processes; ``1``, or fewer than *pool_from* items, parses in
            this process with no pool.
        ordered: Yield in the order of *items*.
        format: As in :func:`paperparse.parse`.
        strict: As in :func:`paperparse.parse`.
        max_size: As in :func:`paperparse.parse`.
        provenance: As in :func:`paperparse.parse`.
        pool_from: Smallest number of items worth starting a pool for.

    Yields:
        ``(item, outcome)``, as in :func:`parse_many`.
    """
    for item, result in _run(
        items,
        _parse_chunk,
        jobs=jobs,
        ordered=ordered,
        options=(format, strict, max_size, provenance),
        pool_from=pool_from,
    ):
        yield item, _unbox(result)


def run_lines(
    items: Iterable[Item],
    *,
    jobs: int,
    ordered: bool,
    format: Format,  # noqa: A002
    strict: bool,
    max_size: int = DEFAULT_MAX_SIZE,
    provenance: bool = False,
    pool_from: int = 2,
) -> Generator[tuple[Item, OutputLine], None, None]:
    """Like :func:`run`, but yield each page's JSON Lines line (see :func:`to_line`).

    The workers serialise the records, so the parent only writes lines.

    Args:
        items: As in :func:`run`.
        jobs: As in :func:`run`.
        ordered: As in :func:`run`.
        format: As in :func:`run`.
        strict: As in :func:`run`.
        max_size: As in :func:`run`.
        provenance: As in :func:`run`.
        pool_from: As in :func:`run`.

    Yields:
        ``(item, (line, status))``.
    """
    yield from _run(
        items,
        _line_chunk,
        jobs=jobs,
        ordered=ordered,
        options=(format, strict, max_size, provenance),
        pool_from=pool_from,
    )


#: The options of a task after its items: format, strict, max_size, provenance.
_Options: TypeAlias = tuple[Format, bool, int, bool]
_TaskFunction: TypeAlias = Callable[[list[Item], Format, bool, int, bool], list[Any]]


def _run(
    items: Iterable[Item],
    task: _TaskFunction,
    *,
    jobs: int,
    ordered: bool,
    options: _Options,
    pool_from: int,
) -> Generator[tuple[Item, Any], None, None]:
    iterator = iter(items)
    head = list(itertools.islice(iterator, max(2, pool_from)))
    if jobs == 1 or len(head) < max(2, pool_from):
        for item in itertools.chain(head, iterator):
            yield item, task([item], *options)[0]
        return
    chunks = _chunks(itertools.chain(head, iterator), jobs)
    limit = _INFLIGHT_PER_JOB * jobs
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init)
    try:
        if ordered:
            yield from _run_ordered(pool, task, chunks, limit, options)
        else:
            yield from _run_unordered(pool, task, chunks, limit, options)
    finally:
        # Also on an early close of the generator or Ctrl-C: drop what is queued; the
        # chunks already running take milliseconds.
        pool.shutdown(wait=True, cancel_futures=True)


_Task: TypeAlias = "cf.Future[list[Any]]"


def _run_ordered(
    pool: cf.ProcessPoolExecutor,
    task: _TaskFunction,
    chunks: Iterator[list[Item]],
    limit: int,
    options: _Options,
) -> Iterator[tuple[Item, Any]]:
    queue: collections.deque[tuple[_Task, list[Item]]] = collections.deque()
    for chunk in itertools.islice(chunks, limit):
        queue.append((pool.submit(task, chunk, *options), chunk))
    while queue:
        future, chunk = queue.popleft()
        results = future.result()
        for following in itertools.islice(chunks, 1):
            queue.append((pool.submit(task, following, *options), following))
        yield from zip(chunk, results, strict=True)


def _run_unordered(
    pool: cf.ProcessPoolExecutor,
    task: _TaskFunction,
    chunks: Iterator[list[Item]],
    limit: int,
    options: _Options,
) -> Iterator[tuple[Item, Any]]:
    from concurrent.futures import FIRST_COMPLETED, wait

    pending: dict[_Task, list[Item]] = {}

    def refill() -> None:
        for chunk in itertools.islice(chunks, limit - len(pending)):
            pending[pool.submit(task, chunk, *options)] = chunk

    refill()
    while pending:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        finished = [(future.result(), pending.pop(future)) for future in done]
        refill()  # before yielding: the workers keep going while the caller writes
        for results, chunk in finished:
            yield from zip(chunk, results, strict=True)


def parse_many(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    ordered: bool = False,
    format: Format = "auto",  # noqa: A002 - same name as in parse()
    strict: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    patterns: Iterable[str] = DEFAULT_PATTERNS,
    provenance: bool = False,
) -> Iterator[tuple[pathlib.Path, Outcome]]:
    r"""Parse many page files, in parallel, yielding ``(path, result)`` as they finish.

    Args:
        paths: A page file or a directory (a ``str`` or :class:`pathlib.Path` is one
            path, never a sequence of characters), or any iterable of them. A
            directory is walked recursively as the command line walks it
            (:func:`iter_pages` with *patterns*); a file is parsed whatever its name.
            The iterable is consumed lazily, a few items ahead of the workers, so a
            generator over millions of files is fine.
        jobs: Worker processes; ``None`` means one per usable CPU core, and no pool
            for fewer than :data:`SMALL_RUN` paths. ``1`` parses in this process.
        ordered: Yield in the order of *paths*, directories walked in name order
            (see :func:`iter_pages`); by default results come in the order they
            finish.
        format: As in :func:`paperparse.parse`.
        strict: As in :func:`paperparse.parse`.
        max_size: As in :func:`paperparse.parse`.
        patterns: File-name patterns for directories, as in :func:`iter_pages`.
        provenance: As in :func:`paperparse.parse`: each record says where each of its
            values came from (``Paper.provenance``). Off by default; it costs nothing
            when off.

    Yields:
        ``(path, result)`` where *result* is the :class:`~paperparse.Paper`, the
        :class:`~paperparse.ParseError` the page raised, or the :class:`OSError` of
        reading the file (or of listing a directory of the walk, with the
        directory as *path*). Any other exception in a worker is a bug and is
        raised, with the path in its message.

    Raises:
        ValueError: *jobs*, *format* or *max_size* is not a valid option (raised at
            the call, before any work).

    Examples:
        >>> import tempfile
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     page = pathlib.Path(tmp, "p.txt")
        ...     _ = page.write_text("4.7 Review\nA title\nKeywords\na; b\nDOI: 10.1000/xyz")
        ...     [(p.name, r.title, r.keywords) for p, r in parse_many(tmp, jobs=1)]
        [('p.txt', 'A title', ('a', 'b'))]
    """
    workers = _check_options(jobs, format)
    if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size <= 0:
        raise ValueError(f"max_size must be a positive int, not {max_size!r}.")
    roots: Iterable[str | os.PathLike[str]] = (
        [paths] if isinstance(paths, (str, bytes, os.PathLike)) else paths
    )
    walk_errors: list[OSError] = []
    items = iter_pages(
        (os.fsdecode(root) for root in roots),
        tuple(patterns),
        onerror=walk_errors.append,
        ordered=ordered,
    )
    results = run(
        items,
        jobs=workers,
        ordered=ordered,
        format=format,
        strict=strict,
        max_size=max_size,
        provenance=bool(provenance),
        pool_from=SMALL_RUN if jobs is None else 2,
    )
    return _with_walk_errors(results, walk_errors)


def _with_walk_errors(
    results: Generator[tuple[Item, Outcome], None, None], walk_errors: list[OSError]
) -> Iterator[tuple[pathlib.Path, Outcome]]:
    """The results, with each directory that could not be listed as ``(path, error)``."""
    try:
        for item, outcome in results:
            yield from _walk_error_results(walk_errors)
            if isinstance(item, pathlib.Path):
                yield item, outcome
        yield from _walk_error_results(walk_errors)
    finally:
        results.close()  # an early close of this generator shuts the pool down


def _walk_error_results(walk_errors: list[OSError]) -> Iterator[tuple[pathlib.Path, OSError]]:
    while walk_errors:
        error = walk_errors.pop(0)
        yield pathlib.Path(os.fsdecode(error.filename or "?")), error
