"""Text dumps -> the page outline's lines: marks of dump tools removed, tables in order."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final

from ..normalize import Line, clean, clean_line, fold, remove_invisible
from . import tables
from .block import Block, Outline
from .markup import LINK_BREAK, strip_markup


def lines(
    text: str,
    labels: Mapping[str, str],
    *,
    problems: list[tuple[int, str]] | None = None,
) -> list[Line]:
    r"""Split *text* into cleaned, non-empty lines numbered from 1.

    Lines end at ``\n``, ``\r\n`` and ``\r``, as editors count them; other
    separators (form feed, ``U+2028`` ...) count as spaces. The rows of a table a
    tool laid out with its labels centred come label first (:mod:`paperparse.outline.tables`)
    when their label is one of *labels* (folded label -> section kind);
    rows it cannot place are left out, and *problems* gets ``(line, sentence)`` pairs
    saying so.

    >>> lines("a\r\n\r\n  b \rc\x0cd", {})
    [(1, 'a'), (3, 'b'), (4, 'c d')]
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.isascii():
        # Before the dump-tool marks are read: a zero-width space inside "[12]" or
        # "**" must not hide the mark.
        text = remove_invisible(text)
    # A pandoc table's rules give its columns' widths; strip_markup blanks them.
    table_rules = tables.rules(text.split("\n")) if "-- --" in text else None
    text = strip_markup(text)
    raw = text.split("\n")
    if table_rules and problems is not None:
        problems.extend(
            (i + 1, sentence) for i, sentence in tables.narrow_cells(raw, table_rules, labels)
        )
    # A table laid out with spaces has a run of them between label and value.
    centred = tables.read(raw, labels) if "   " in text else None
    if centred is None:
        out = [(n, line) for n, line in enumerate(map(str.strip, raw), 1) if line]
    else:
        out = [(i + 1, line) for i, raw_line in centred[0] if (line := raw_line.strip())]
        if problems is not None:
            problems.extend((i + 1, sentence) for i, sentence in centred[1])
    if LINK_BREAK in text:  # links that touch are two elements: two lines, one number
        out = [(n, p) for n, line in out for p in map(str.strip, line.split(LINK_BREAK)) if p]
    if text.isascii():
        data = text.encode("ascii")
        if len(data.translate(None, _ASCII_CONTROLS)) == len(data):
            # Printable ASCII (the common case): only runs of spaces need work.
            for index, (number, line) in enumerate(out):
                if "  " in line:
                    out[index] = (number, clean(_label_cell(line, labels)))
            return out
    cleaned: list[Line] = []
    for number, line in out:
        if "  " in line or "\t" in line:
            line = _label_cell(line, labels)
        if line := clean_line(line):
            cleaned.append((number, line))
    return cleaned


#: ASCII control characters other than the line feed (what clean() removes or
#: turns into spaces).
_ASCII_CONTROLS: Final = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F])

_CELLS: Final = re.compile(r"\s{2,}|\t")


def _label_cell(line: str, labels: Mapping[str, str]) -> str:
    """Read a table row laid out with spaces (w3m, inscriptis) as ``Label: value``.

    >>> kinds = {"primary rating": "primary_rating"}
    >>> _label_cell("Primary Rating     4.7", kinds), _label_cell("Volume 97,  Issue 8", kinds)
    ('Primary Rating: 4.7', 'Volume 97,  Issue 8')
    """
    cells = _CELLS.split(line, maxsplit=1)
    if len(cells) == 2 and not cells[0].endswith(":") and fold(cells[0].strip("#*_ ")) in labels:
        return f"{cells[0]}: {cells[1]}"
    return line


def read(text: str, labels: Mapping[str, str]) -> Outline:
    r"""Read a text dump into its outline: one block a non-blank line.

    The marks dump tools add are removed and the rows of tables laid out with spaces
    are put in reading order (:func:`lines`; *labels* are the label words of the sites
    the page may be of, folded -> section kind); rows that cannot be placed are the
    outline's problems.

    >>> [(b.line, b.text) for b in read("4.7 Review\n\nA title", {}).blocks]
    [(1, '4.7 Review'), (3, 'A title')]
    """
    problems: list[tuple[int, str]] = []
    found = lines(text, labels, problems=problems)
    return Outline([Block(number, line) for number, line in found], "text", problems=problems)
