"""The bad-input corpus: every file has its expected error or partial record."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import paperparse

from .conftest import FIXTURES

BAD = FIXTURES / "bad"
CASES = sorted(p for p in BAD.iterdir() if p.suffix != ".json" and p.name != "README.md")


def test_discovery_found_the_corpus() -> None:
    assert len(CASES) >= 17
    for case in CASES:
        assert (BAD / f"{case.stem}.expect.json").is_file(), case.name


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_bad_input_outcome(case: Path) -> None:
    expect = json.loads((BAD / f"{case.stem}.expect.json").read_text(encoding="utf-8"))
    if "error" in expect:
        error = getattr(paperparse, expect["error"])
        with pytest.raises(error) as caught:
            paperparse.parse(case)
        assert type(caught.value) is error
        assert str(caught.value).endswith("."), "messages are sentences"
        return
    paper = paperparse.parse(case)
    record = paperparse.to_dict(paper)
    for field, value in expect["record"].items():
        assert record[field] == value, field
    assert [w.code for w in paper.warnings] == expect["warnings"]
    for warning in paper.warnings:
        assert warning.line is not None
        assert warning.line >= 1
