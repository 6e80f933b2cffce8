"""Checks for a folder of new page dumps: ``pytest --dumps=DIR`` (or PAPERPARSE_DUMPS=DIR).

A thin wrapper over :mod:`paperparse.check`, the code of ``paperparse check DIR``
(which works from an installed wheel too): one test per ``*.txt``/``*.html``/``*.htm``
under DIR, failing with the same report that ``paperparse check`` prints for the dump.
Write the option with ``=``: pytest reads ``--dumps DIR`` as a test path. Without it,
the one test here is skipped. See docs/testing-new-dumps.md.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from paperparse.batch import DEFAULT_PATTERNS, iter_pages
from paperparse.check import check_page, render_report, shared_snapshots, snapshot_path

from .conftest import dumps_dir


def pytest_generate_tests(metafunc: Any) -> None:
    if "dump" not in metafunc.fixturenames:
        return
    folder = dumps_dir(metafunc.config)
    if folder is None:
        metafunc.parametrize("dump", [None], ids=["no-dumps-given"])
        return
    if not folder.is_dir():
        raise pytest.UsageError(f"--dumps: {folder} is not a directory.")
    dumps = list(iter_pages([folder], DEFAULT_PATTERNS, ordered=True))
    if not dumps:
        raise pytest.UsageError(f"--dumps: no *.txt, *.html or *.htm files under {folder}.")
    shared = shared_snapshots(dumps)
    metafunc.parametrize(
        ("dump", "shared"),
        [(dump, tuple(shared.get(snapshot_path(dump), ()))) for dump in dumps],
        ids=[str(p.relative_to(folder)) for p in dumps],
    )


@pytest.fixture
def shared() -> tuple[Path, ...]:
    return ()


def test_dump(dump: Path | None, shared: tuple[Path, ...]) -> None:
    if dump is None:
        pytest.skip("no dumps given: run pytest --dumps=DIR (or PAPERPARSE_DUMPS=DIR)")
    report = check_page(dump, shared=shared)
    assert report.ok, "\n".join(render_report(report))
