"""Layout noise never changes the record (metamorphic tests over every text fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest

import paperparse
from paperparse.testing import NOISE, compose

from .conftest import page_fixtures, without_lines

TEXT_PAGES = [p for p in page_fixtures() if p.suffix == ".txt" and p.parent.name == "peeref"]


def test_there_are_text_fixtures_to_transform() -> None:
    assert len(TEXT_PAGES) >= 16


@pytest.mark.parametrize("noise", sorted(NOISE))
@pytest.mark.parametrize("page", TEXT_PAGES, ids=lambda p: p.stem)
def test_noise_keeps_the_record(page: Path, noise: str) -> None:
    text = page.read_bytes().decode("utf-8-sig")
    before = paperparse.parse(text)
    after = paperparse.parse(NOISE[noise](text))
    assert without_lines(after) == without_lines(before)


@pytest.mark.parametrize("page", TEXT_PAGES, ids=lambda p: p.stem)
def test_all_noise_at_once(page: Path) -> None:
    text = page.read_bytes().decode("utf-8-sig")
    skip = {"cr", "crlf", "no_blank_lines", "lower_labels"}
    everything = compose(*(noise for name, noise in NOISE.items() if name not in skip))
    after = paperparse.parse(everything(text))
    assert without_lines(after) == without_lines(paperparse.parse(text))


@pytest.mark.parametrize("noise", sorted(NOISE))
def test_every_noise_changes_some_fixture(noise: str) -> None:
    texts = [p.read_bytes().decode("utf-8-sig") for p in TEXT_PAGES]
    assert any(NOISE[noise](text) != text for text in texts)
