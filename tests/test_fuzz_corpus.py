"""Replay the fuzzing corpus: every input parses or raises ParseError, in every mode.

fuzz/fuzz_parse.py (atheris) feeds the parser bytes in four modes; this replays the
corpus it keeps (fuzz/corpus/) and the page fixtures through the same modes without
needing atheris, so everything the fuzzer once found stays fixed.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

import paperparse

from .conftest import FIXTURES, ROOT

CORPUS = sorted((ROOT / "fuzz" / "corpus").glob("*"))
PAGES = sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".html", ".htm"))


def _modes(data: bytes) -> None:
    for run in (
        lambda: paperparse.parse(data),
        lambda: paperparse.parse(data.decode("utf-8", "surrogateescape"), format="text"),
        lambda: paperparse.parse(data.decode("utf-8", "surrogateescape"), format="html"),
        lambda: paperparse.parse(data.decode("latin-1")),
    ):
        with contextlib.suppress(paperparse.ParseError):
            run()


def test_there_is_something_to_replay() -> None:
    assert len(PAGES) >= 50


@pytest.mark.parametrize("path", CORPUS + PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_replay(path: Path) -> None:
    data = path.read_bytes()
    _modes(data)
    _modes(data[1:])  # the harness's first byte may be its mode byte
