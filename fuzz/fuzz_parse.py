#!/usr/bin/env python3
"""Coverage-guided fuzzing of paperparse.parse with atheris.

Every input must either parse or raise a paperparse.ParseError subclass; anything else
(an uncaught exception, a RecursionError, a hang caught by -timeout) is a crash.

    pip install atheris
    python fuzz/fuzz_parse.py fuzz/corpus -max_total_time=3600     # one hour
    python fuzz/fuzz_parse.py fuzz/corpus -runs=1000000            # a fixed number of inputs
    python fuzz/fuzz_parse.py fuzz/corpus -dict=fuzz/page.dict -timeout=10   # page tokens

fuzz/page.dict lists the tokens pages are made of (labels, dump-tool marks, blanks),
which libFuzzer splices into its inputs. Mode 4 repeats a short piece of the input up
to 50,000 times inside it (a long run of blanks, ``|``, ``---`` or ``[``), the shape of
input that makes a backtracking pattern slow; ``-timeout`` reports a slow input.

The seed corpus is fuzz/corpus (regenerate from the fixtures with fuzz/seed_corpus.py).
A crash is written by libFuzzer as crash-<sha1>; copy it into fixtures/bad/ with an
expected outcome before fixing the parser.
"""

from __future__ import annotations

import contextlib
import sys

import atheris

with atheris.instrument_imports():
    # paperparse imports its modules lazily: import them here, so that the ones a
    # parse uses are instrumented for coverage too.
    import paperparse
    import paperparse.api
    import paperparse.encoding
    import paperparse.fields.citation
    import paperparse.fields.clean
    import paperparse.fields.doi
    import paperparse.fields.funding
    import paperparse.fields.journal
    import paperparse.fields.lists
    import paperparse.fields.rating
    import paperparse.layouts
    import paperparse.metadata
    import paperparse.normalize
    import paperparse.outline.html
    import paperparse.outline.markup
    import paperparse.outline.tables
    import paperparse.page
    import paperparse.readers
    import paperparse.record
    import paperparse.roles
    import paperparse.sections


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    mode = fdp.ConsumeIntInRange(0, 4)
    if mode == 4:
        # A long run: a short piece of the input repeated many times inside it.
        piece = fdp.ConsumeBytes(fdp.ConsumeIntInRange(1, 8))
        count = fdp.ConsumeIntInRange(1, 5_000)
        rest = fdp.ConsumeBytes(fdp.remaining_bytes())
        at = len(rest) // 2
        text = (rest[:at] + piece * count + rest[at:]).decode("utf-8", "surrogateescape")
        with contextlib.suppress(paperparse.ParseError):
            paperparse.parse(text, format="text")
        return
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
