"""Replay the fuzzing corpus: every input parses or raises ParseError, in every mode.

fuzz/fuzz_parse.py (atheris) feeds the parser bytes in five modes; this replays the
corpus it keeps (fuzz/corpus/) and the page fixtures through the same modes without
needing atheris, so everything the fuzzer once found stays fixed. The fifth mode (a
short piece of the input repeated many times inside it) is replayed with the input's
first bytes as the piece, as the harness takes them.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

import paperparse

from .conftest import FIXTURES, ROOT

CORPUS = sorted((ROOT / "fuzz" / "corpus").glob("*"))
CORPUS_SET = frozenset(CORPUS)
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


def _long_run(data: bytes) -> None:
    """The harness's fifth mode: a piece of the input repeated inside the rest of it."""
    piece, rest = data[: 1 + len(data) % 8], data[1 + len(data) % 8 :]
    at = len(rest) // 2
    text = (rest[:at] + piece * _REPEATS + rest[at:]).decode("utf-8", "surrogateescape")
    with contextlib.suppress(paperparse.ParseError):
        paperparse.parse(text, format="text")


#: How often the fifth mode repeats its piece here (the harness: 1 to 5,000 times).
_REPEATS = 2_000


def test_there_is_something_to_replay() -> None:
    assert len(PAGES) >= 50


@pytest.mark.parametrize("path", CORPUS + PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_replay(path: Path) -> None:
    data = path.read_bytes()
    _modes(data)
    _modes(data[1:])  # the harness's first byte may be its mode byte
    if path in CORPUS_SET:
        _long_run(data[1:])
