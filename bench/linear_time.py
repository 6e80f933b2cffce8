"""Print the linear-time table of docs/reliability.md: input size -> parse time.

    python bench/linear_time.py

Runs each pathological input of tests/test_linear_time.py at its two sizes (the test's
small and large input, 4x apart) and prints a Markdown table.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_linear_time import CASES, _time  # noqa: E402


def main() -> None:
    print("| input | size | time | 4x size | time | ratio |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in sorted(CASES):
        build, large = CASES[name]
        small_page, large_page = build(large // 4), build(large)
        small, big = _time(small_page), _time(large_page)
        print(
            f"| {name} | {len(small_page):,} | {small * 1000:,.1f} ms "
            f"| {len(large_page):,} | {big * 1000:,.1f} ms | {big / small:.2f} |"
        )


if __name__ == "__main__":
    main()
