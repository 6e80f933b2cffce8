"""Shared test helpers: fixture discovery and a readable record diff."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"
PAGE_SUFFIXES = (".txt", ".html", ".htm")


def page_fixtures(under: Path = FIXTURES) -> list[Path]:
    """Every page dump under *under* that has an expected ``.json`` beside it."""
    return sorted(
        p
        for p in under.rglob("*")
        if p.suffix in PAGE_SUFFIXES and p.with_suffix(".json").is_file()
    )


def expected_record(page: Path) -> dict[str, Any]:
    """The record in the JSON beside *page*, with the keys of today's schema.

    The fixtures' JSON was written before schema 1.2 and is not rewritten for each
    schema: a key added since (``pmid``, ``published``) is read as its empty value, as
    ``paperparse snapshot`` reads an older snapshot (:func:`paperparse.serialize.upgrade`).
    """
    import json

    from paperparse.serialize import upgrade

    return upgrade(json.loads(page.with_suffix(".json").read_text(encoding="utf-8")))


def without_lines(paper: Any) -> Any:
    """*paper* with its warnings' line numbers left out: noise that adds lines moves them."""
    import attrs

    return attrs.evolve(paper, warnings=tuple(attrs.evolve(w, line=None) for w in paper.warnings))


def diff(expected: Any, actual: Any) -> list[str]:
    """Field-by-field differences, one ``"field: expected -> parsed"`` line each.

    The same diff that ``paperparse snapshot`` prints (one rule in one place).
    """
    from paperparse.check import field_diff

    return field_diff(expected, actual)


# --- new page dumps: ``pytest --dumps=DIR`` ---------------------------------------------

DUMPS_ENV = "PAPERPARSE_DUMPS"


def dumps_dir(config: Any) -> Path | None:
    """The folder given with ``--dumps`` or ``PAPERPARSE_DUMPS``, if any."""
    import os

    value = config.getoption("--dumps") or os.environ.get(DUMPS_ENV)
    return Path(value) if value else None


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    # With --dumps, run the checks on the new dumps instead of the rest of the suite.
    if dumps_dir(config) is None:
        return
    keep = [item for item in items if item.path.name == "test_new_dumps.py"]
    dropped = [item for item in items if item.path.name != "test_new_dumps.py"]
    if dropped:
        config.hook.pytest_deselected(items=dropped)
    items[:] = keep
