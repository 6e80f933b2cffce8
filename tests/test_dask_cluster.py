"""Scale-out, proven: ``parse_bag`` on a ``dask.distributed`` cluster of two process workers.

A ``LocalCluster`` with two worker processes (one thread each, loopback only, no
dashboard) parses a folder of pages through :func:`paperparse.dask.parse_bag`, and the
records must be those of :func:`paperparse.parse_many` over the same pages, record for
record: fixtures (text, HTML, OUCI), broken pages (error records), and distinct pages
made by the renderers. Skipped when ``distributed`` is not installed (the ``dask``
extra installs it; CI does).
"""

from __future__ import annotations

import json
import logging
import os
import pathlib
import shutil
from typing import Any

import pytest

pytest.importorskip("dask.bag", reason='Dask is not installed: pip install "paperparse[dask]"')

import paperparse
from paperparse.batch import iter_pages, parse_many, path_label, to_record
from paperparse.dask import parse_bag
from paperparse.testing import NOISE, render_html, render_text

from .conftest import FIXTURES

#: Seconds: cluster start, connection, and the computation (a few seconds on 2 busy cores).
TIMEOUT = 120


def _write_pages(root: pathlib.Path) -> None:
    """Fixtures, broken pages, and distinct rendered pages (noise, HTML dialects)."""
    for folder in ("peeref", "html", "ouci", "bad"):
        for page in sorted((FIXTURES / folder).iterdir()):
            if page.suffix in (".txt", ".html"):
                (root / folder).mkdir(exist_ok=True)
                shutil.copyfile(page, root / folder / page.name)
    seed = FIXTURES / "peeref" / "jmm-2019-review.json"
    paper = paperparse.from_dict(json.loads(seed.read_text("utf-8")))
    rendered = root / "rendered"
    rendered.mkdir()
    text = render_text(paper, "browser")
    for name, noise in NOISE.items():
        (rendered / f"{name}.txt").write_bytes(noise(text).encode("utf-8"))
    for dialect in ("cards", "table", "dl", "inline"):
        (rendered / f"{dialect}.html").write_text(render_html(paper, dialect), encoding="utf-8")


def test_parse_bag_on_a_two_process_cluster_gives_the_parse_many_records(
    tmp_path: pathlib.Path,
) -> None:
    # Imported here, not when the module is collected: importing dask.distributed
    # changes how every exception pickles in this process (it installs tblib's reducers).
    pytest.importorskip(
        "distributed",
        reason='dask.distributed is not installed: pip install "paperparse[dask]" (CI does)',
    )
    from dask.distributed import Client, LocalCluster, get_task_stream

    root = tmp_path / "pages"
    root.mkdir()
    _write_pages(root)
    paths = list(iter_pages([root], ordered=True))
    expected = {
        path_label(path): to_record(path_label(path), result)
        for path, result in parse_many(paths, jobs=1)
    }
    assert len(expected) == len(paths) > 100
    assert any("error" in record for record in expected.values())  # error records too

    with (
        LocalCluster(
            n_workers=2,
            processes=True,
            threads_per_worker=1,
            host="127.0.0.1",
            dashboard_address=None,
            # The scheduler's HTTP server (health, metrics) starts anyway: loopback,
            # any free port (by default it tries 8787, which may be taken).
            scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
            silence_logs=logging.ERROR,
        ) as cluster,
        Client(cluster, timeout=f"{TIMEOUT}s", set_as_default=False) as client,
    ):
        client.wait_for_workers(2, timeout=TIMEOUT)
        workers = client.run(os.getpid)  # address -> pid
        assert len(set(workers.values())) == 2
        assert os.getpid() not in workers.values()  # separate processes

        bag = parse_bag(paths, npartitions=6)
        with get_task_stream(client) as stream:
            records: list[dict[str, Any]] = client.compute(bag).result(timeout=TIMEOUT)
        ran_on = {task["worker"] for task in stream.data}

    assert ran_on == set(workers)  # both workers parsed pages
    assert len(records) == len(paths)
    assert {record["path"]: record for record in records} == expected  # record for record
