"""Parse page dumps with Dask, on one machine or a cluster (``pip install "paperparse[dask]"``).

:func:`parse_bag` maps :func:`paperparse.parse` over a :class:`dask.bag.Bag` of paths
and gives the same records as ``paperparse parse`` writes (``path`` first; a page that
fails gives an ``error`` record); :func:`to_jsonl` writes them as JSON Lines, one
file per partition. With a ``dask.distributed.Client`` in scope, the work runs on
the cluster; the workers need paperparse installed and the files at the same paths.
See ``docs/scaling.md``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .api import Format
from .batch import _check_options, _parse_item, path_label, to_record

if TYPE_CHECKING:
    import pathlib

    import dask.bag  # type: ignore[import-not-found, unused-ignore]

__all__ = ["PAGES_PER_PARTITION", "parse_bag", "to_jsonl"]

PAGES_PER_PARTITION = 500
"""Default partition size of :func:`parse_bag`: large enough that Dask's per-task overhead does
not matter, small enough to spread a few thousand pages over a cluster.
"""

_INSTALL_HINT = 'paperparse.dask needs Dask, which is not installed: pip install "paperparse[dask]"'


def _dask_bag() -> Any:
    try:
        import dask.bag  # type: ignore[import-not-found, unused-ignore]
    except ImportError as error:
        raise ImportError(_INSTALL_HINT) from error
    return dask.bag


def _record(path: str, format: Format, strict: bool) -> dict[str, Any]:  # noqa: A002
    import pathlib

    return to_record(path_label(path), _parse_item(pathlib.Path(path), format, strict))


def parse_bag(
    paths: Iterable[str | os.PathLike[str] | pathlib.Path],
    *,
    npartitions: int | None = None,
    format: Format = "auto",  # noqa: A002 - same name as in parse()
    strict: bool = False,
) -> dask.bag.Bag:
    """Return a lazy :class:`dask.bag.Bag` of output records, one per page file.

    Args:
        paths: Page files (expand directories with :func:`paperparse.batch.iter_pages`).
            Dask needs the whole list to partition it, so it is read at once; a
            million paths take some 100 MB.
        npartitions: Number of partitions: tasks, and files of :func:`to_jsonl`. By
            default one per :data:`PAGES_PER_PARTITION` pages (0.1 to 0.5 s of work
            each), fewer for a short list.
        format: As in :func:`paperparse.parse`.
        strict: As in :func:`paperparse.parse`.

    Returns:
        A bag of dicts: ``{"path": ..., **to_dict(paper)}`` for a page that parsed,
        ``{"path": ..., "error": {"type": ..., "message": ...}}`` for one that did
        not. Any other exception is a bug and fails the computation.

    Raises:
        ImportError: Dask is not installed.
        ValueError: *format* is not a valid option.
    """
    bag = _dask_bag()
    _check_options(1, format)
    names = [os.fsdecode(path) for path in paths]
    if npartitions is None:
        npartitions = max(1, -(-len(names) // PAGES_PER_PARTITION))
    sequence = bag.from_sequence(names, npartitions=npartitions)
    result: dask.bag.Bag = sequence.map(_record, format=format, strict=strict)
    return result


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False)


def to_jsonl(records: dask.bag.Bag, directory: str | os.PathLike[str], **compute: Any) -> list[str]:
    """Write a bag of records as JSON Lines, one ``part-NNNNN.jsonl`` per partition.

    Args:
        records: A bag from :func:`parse_bag`.
        directory: Where the files go (created if missing; a local path or any URL
            that fsspec understands, such as ``s3://bucket/papers``).
        compute: Passed to ``compute()``, e.g. ``scheduler="processes"``.

    Returns:
        The paths of the files written.

    Raises:
        ImportError: Dask is not installed.
    """
    _dask_bag()
    target = os.fspath(directory).rstrip("/")
    untyped: Any = records  # dask.bag.Bag.map is not annotated
    written: list[str] = untyped.map(_dumps).to_textfiles(
        f"{target}/part-*.jsonl",
        name_function=lambda index: f"{index:05d}",
        encoding="utf-8",
        last_endline=True,
        **compute,
    )
    return written
