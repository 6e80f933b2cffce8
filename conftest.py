"""The ``--dumps=DIR`` option (at the root, so pytest knows it before it reads paths).

It runs the checks of ``paperparse check DIR`` (:mod:`paperparse.check`), one test per
dump.

Write it with ``=``: pytest decides its root directory before it knows the option, and
takes a separate ``DIR`` argument for a path to test.

See tests/test_new_dumps.py and docs/testing-new-dumps.md.
"""

from __future__ import annotations

from typing import Any


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
