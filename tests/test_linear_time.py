"""Parsing time grows linearly with the input, on inputs built to make parsers slow.

For each pathological input, a 4x larger input must take at most ~6x as long (the
ratio is measured here, on this machine, so machine speed cancels out), and never more
than a generous absolute ceiling. Each input either parses or raises ParseError.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable

import pytest

import paperparse

#: A 4x larger input may take at most this many times as long.
MAX_RATIO = 6.0
#: No single parse may take longer than this many seconds, however slow the machine.
CEILING = 30.0

MB = 1_000_000

#: name -> (page builder taking a size, size of the large input). The small input is a
#: quarter of it. Sizes follow the reliability issue: a 5 MB line, 200,000 lines,
#: 100,000 labels, 50,000-deep nesting, a 5 MB attribute.
CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "one line without newline": (lambda n: "Journal " + "a" * n, 5 * MB),
    "Volume Volume Volume lines": (
        lambda n: "\n".join(["Volume Volume Volume"] * n),
        200_000,
    ),
    "run of digits": (lambda n: "Journal\nVolume " + "1" * n, 5 * MB),
    "run of dots in keywords": (lambda n: "Journal\nX\nKeywords\n" + "." * n, MB),
    "run of dashes in ratings": (lambda n: "Reviews\nSecondary Ratings\n" + "-" * n, 5 * MB),
    "open brackets in funding": (lambda n: "Journal\nX\nFunding\n1. NSF " + "[" * n, 5 * MB),
    "nested parentheses in funding": (
        lambda n: "Journal\nX\nFunding\n1. NSF " + "(" * n + "1" + ")" * n,
        2 * MB,
    ),
    "DOI prefixes": (lambda n: "DOI: 10." * n, 500_000),
    "DOI lines": (lambda n: "Journal\nX\n" + "\n".join(["DOI: 10.1000/x"] * n), 100_000),
    "repeated section labels": (lambda n: "\n".join(["Keywords"] * n), 100_000),
    "repeated grant words": (lambda n: "Journal\nX\nFunding\n1. NSF " + "grant " * n, 500_000),
    "locator parts": (lambda n: "Journal\n" + "Volume 1, " * n, 200_000),
    "author commas": (lambda n: "Journal\nX\nAuthors\n" + "Ann Lee, " * n, 200_000),
    "nested divs": (
        lambda n: "<html><body>" + "<div>" * n + "Journal" + "</div>" * n + "</body></html>",
        50_000,
    ),
    "one long attribute": (
        lambda n: f'<html><body><div class="{"a" * n}">Journal</div></body></html>',
        5 * MB,
    ),
    "unclosed tags": (lambda n: "<html><body>" + "<p><b><i>" * n, 100_000),
    "JSON-LD nesting": (
        lambda n: (
            '<html><head><script type="application/ld+json">'
            + '{"a":[' * n
            + "1"
            + "]}" * n
            + "</script></head><body><p>Journal</p></body></html>"
        ),
        100_000,
    ),
}


def _time(page: str) -> float:
    """Best of three runs, with the cyclic garbage collector paused.

    The collector's passes grow with the number of live objects, a property of the
    runtime rather than of the parser's algorithms; pausing it (and taking the best of
    three) keeps the ratio about the algorithms and steady on a busy machine.
    """
    best = float("inf")
    for _ in range(3):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            with contextlib.suppress(paperparse.ParseError):
                paperparse.parse(page)
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
    return best


#: A super-linear algorithm fails every attempt; a noisy machine fails one at most.
ATTEMPTS = 3


@pytest.mark.parametrize("name", sorted(CASES))
def test_parse_time_is_linear(name: str) -> None:
    build, large = CASES[name]
    small_page, large_page = build(large // 4), build(large)
    ratios = []
    for _ in range(ATTEMPTS):
        small, big = _time(small_page), _time(large_page)
        assert big < CEILING, f"{name}: {big:.1f}s for {len(large_page):,} characters"
        # Below 20 ms, timer and scheduler noise dominate; the ceiling still applies.
        floor = 0.02
        ratios.append(big / max(small, floor))
        if ratios[-1] <= MAX_RATIO:
            return
    pytest.fail(
        f"{name}: a 4x larger input took {', '.join(f'{r:.1f}x' for r in ratios)} as long "
        f"in {ATTEMPTS} attempts (at most {MAX_RATIO}x allowed)"
    )
