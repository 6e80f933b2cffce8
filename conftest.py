"""The ``--dumps=DIR`` option (at the root, so pytest knows it before it reads paths).

It runs the checks of ``paperparse check DIR`` (:mod:`paperparse.check`), one test per
dump.

Write it with ``=``: pytest decides its root directory before it knows the option, and
takes a separate ``DIR`` argument for a path to test.

See tests/test_new_dumps.py and docs/testing-new-dumps.md.

Also a guard: compiled modules left in ``src/`` by a compiled build (see
docs/performance.md) would shadow the sources of an editable install, so the tests
would not test the code being edited.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

_SRC = Path(__file__).resolve().parent / "src"


def pytest_configure(config: Any) -> None:
    """Refuse to run when compiled modules in src/ shadow the sources."""
    import paperparse

    if not Path(paperparse.__file__).resolve().is_relative_to(_SRC):
        return  # an installed build (wheel): whatever it holds is what is tested
    stale = sorted(str(p.relative_to(_SRC)) for p in _SRC.rglob("*.so"))
    if stale:
        raise pytest.UsageError(
            f"Compiled modules in src/ shadow the Python sources: {', '.join(stale)}. "
            "A compiled build left them there; remove them (git clean -fX src) and rerun."
        )


def pytest_addoption(parser: Any) -> None:
    """Register ``--dumps=DIR``."""
    parser.addoption(
        "--dumps",
        metavar="DIR",
        default=None,
        help=(
            "check every *.txt/*.html/*.htm page under DIR (recursively) instead of the "
            "bundled suite, as 'paperparse check DIR' does; also PAPERPARSE_DUMPS=DIR. "
            "See docs/testing-new-dumps.md."
        ),
    )
