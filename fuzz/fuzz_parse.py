#!/usr/bin/env python3
"""Coverage-guided fuzzing of paperparse.parse with atheris.

Every input must either parse or raise a paperparse.ParseError subclass; anything else
(an uncaught exception, a RecursionError, a hang caught by -timeout) is a crash.

    pip install atheris
    python fuzz/fuzz_parse.py fuzz/corpus -max_total_time=3600     # one hour
    python fuzz/fuzz_parse.py fuzz/corpus -runs=1000000            # a fixed number of inputs

The seed corpus is fuzz/corpus (regenerate from the fixtures with fuzz/seed_corpus.py).
A crash is written by libFuzzer as crash-<sha1>; copy it into fixtures/bad/ with an
expected outcome before fixing the parser.
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports():
    # paperparse imports its modules lazily: import them here, so that the ones a
    # parse uses are instrumented for coverage too.
    import paperparse
    import paperparse.api
    import paperparse.encoding
    import paperparse.fields.doi
    import paperparse.fields.funding
    import paperparse.fields.journal
    import paperparse.fields.lists
    import paperparse.fields.rating
    import paperparse.html
    import paperparse.markup
    import paperparse.metadata
    import paperparse.normalize
    import paperparse.sections
    import paperparse.vocab


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 3)
    rest = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        if mode == 0:
            paperparse.parse(rest)  # bytes: decoding, sniffing, both paths
        elif mode == 1:
            paperparse.parse(rest.decode("utf-8", "surrogateescape"), format="text")
        elif mode == 2:
            paperparse.parse(rest.decode("utf-8", "surrogateescape"), format="html")
        else:
            paperparse.parse(rest.decode("latin-1"))
    except paperparse.ParseError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
