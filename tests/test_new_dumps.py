"""Checks for a folder of new page dumps: ``pytest --dumps DIR`` (or PAPERPARSE_DUMPS).

For every ``*.txt``/``*.html``/``*.htm`` under DIR, one test:

* with a ``NAME.json`` beside it (reviewed by hand, e.g. written by ``paperparse
  snapshot``): the page must parse to exactly that record;
* without: the page must parse, show a title and at least two of journal, DOI and
  keywords, and raise no warning;
* and for text dumps, every layout-noise transform of ``paperparse.testing`` must leave
  the record unchanged.

A failure lists, for that dump, every warning with its line and the fields that changed
under each noise transform. Without ``--dumps``, the one test here is skipped.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import paperparse
from paperparse.testing import NOISE

from .conftest import PAGE_SUFFIXES, diff, dumps_dir


def pytest_generate_tests(metafunc: Any) -> None:
    if "dump" not in metafunc.fixturenames:
        return
    folder = dumps_dir(metafunc.config)
    if folder is None:
        metafunc.parametrize("dump", [None], ids=["no-dumps-given"])
        return
    if not folder.is_dir():
        raise pytest.UsageError(f"--dumps: {folder} is not a directory.")
    dumps = sorted(p for p in folder.rglob("*") if p.suffix.lower() in PAGE_SUFFIXES)
    if not dumps:
        raise pytest.UsageError(f"--dumps: no *.txt, *.html or *.htm files under {folder}.")
    metafunc.parametrize("dump", dumps, ids=[str(p.relative_to(folder)) for p in dumps])


def _fields(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in ("source", "warnings")}


def test_dump(dump: Path | None) -> None:
    if dump is None:
        pytest.skip("no dumps given: run pytest --dumps DIR (or PAPERPARSE_DUMPS=DIR)")
    problems: list[str] = []
    try:
        paper = paperparse.parse(dump)
    except paperparse.ParseError as error:
        pytest.fail(f"{dump.name}: {type(error).__name__}: {error}")
    record = paperparse.to_dict(paper)
    for warning in paper.warnings:
        problems.append(f"warning {warning.code} at line {warning.line}: {warning.message}")

    expected_path = dump.with_suffix(".json")
    if expected_path.is_file():
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        problems = [f"differs from {expected_path.name}: {d}" for d in diff(expected, record)]
    else:
        found = [
            name
            for name, present in (
                ("journal", record["journal"] is not None),
                ("doi", record["doi"] is not None),
                ("keywords", bool(record["keywords"])),
            )
            if present
        ]
        if record["title"] is None:
            problems.append("no title found")
        if len(found) < 2:  # "at least two of journal, DOI and keywords"
            problems.append(f"only {found or 'none'} of journal, doi, keywords found")

    if paper.source.format == "text":
        text = dump.read_bytes().decode("utf-8", "replace")
        before = _fields(record)
        for name, noise in NOISE.items():
            try:
                after = _fields(paperparse.to_dict(paperparse.parse(noise(text))))
            except paperparse.ParseError as error:
                problems.append(f"noise {name}: {type(error).__name__}: {error}")
                continue
            changed = sorted(k for k in before if before[k] != after[k])
            if changed:
                problems.append(f"noise {name} changed: {', '.join(changed)}")

    assert not problems, f"{dump.name}:\n  " + "\n  ".join(problems)
