"""Print the linear-time tables of docs/reliability.md: input size -> CPU time.

    python bench/linear_time.py            # both tables
    python bench/linear_time.py --families # the pattern families only

Runs each pathological input of tests/test_linear_time.py at two sizes 4x apart and
prints Markdown tables: whole pages through ``parse()`` (the test's large input and a
quarter of it), and each family of page-text patterns called directly at 256 KB and
1 MB. Times are CPU seconds (``time.process_time``), best of three runs with the
garbage collector paused.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_linear_time import CASES, FAMILIES, KB, MB, _cpu, _time  # noqa: E402


def _row(name: str, small_size: int, small: float, large_size: int, big: float) -> str:
    ratio = big / small if small > 0 else float("nan")
    return (
        f"| {name} | {small_size:,} | {small * 1000:,.1f} ms "
        f"| {large_size:,} | {big * 1000:,.1f} ms | {ratio:.2f} |"
    )


def main() -> None:
    header = "| input | size | time | 4x size | time | ratio |\n|---|---:|---:|---:|---:|---:|"
    if "--families" not in sys.argv:
        print(header)
        for name in sorted(CASES):
            build, large = CASES[name]
            small_page, large_page = build(large // 4), build(large)
            small, big = _time(small_page), _time(large_page)
            print(_row(name, len(small_page), small, len(large_page), big))
        print()
    print(header)
    for name in sorted(FAMILIES):
        function, build = FAMILIES[name]
        small_text, large_text = build(256 * KB), build(MB)
        small = _cpu(lambda: function(small_text))  # noqa: B023 - called at once
        big = _cpu(lambda: function(large_text))  # noqa: B023 - called at once
        print(_row(name, len(small_text), small, len(large_text), big))


if __name__ == "__main__":
    main()
