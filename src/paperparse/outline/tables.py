"""Two-column tables that a text tool laid out with spaces, label cell centred.

w3m and inscriptis draw a ``<th>Funding</th><td>…</td>`` row of several lines with the
label in the middle of the row (HTML's default vertical alignment), so some of the
row's lines stand *above* its label::

              National Natural Science Foundation of China [81970512]
              JSPS KAKENHI (JP19K12345)
     Funding  Engineering and Physical Sciences Research Council [EP/K503/1]
              Deutsche Forschungsgemeinschaft [390540038]
              Alexander von Humboldt Foundation

Read top-down, the first two lines would go to the label above (say ``Keywords``).
This module finds such tables (lines of one block whose value column starts at the
same place: a label cell then the value, or blanks then the value) and puts each row
back in reading order: the label first, then its lines.

Which lines belong to which label follows from the centring: a row of *n* lines has
its label on line ``(n - 1) // 2``, so a label with *k* lines above it in its row has
*k* or *k* + 1 below it. A page on which some table has lines above its first label is
laid out centred (a top-aligned row never has any); its tables are read with that rule.
When the rule allows more than one split of a block, the rows whose lines it cannot
place are left without values, and :func:`read` says so: a label with the wrong lines
would give a plausible wrong value.

Everything here is linear in the page's length: each line is looked at a fixed number
of times, and the splits are counted with at most two states per label.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Final, TypeAlias

from ..fields.doi import parse_doi_line
from ..normalize import fold
from ..specs import SPECS

#: A value column starts at least this far in (a label is at least 4 characters).
_MIN_COLUMN: Final = 4
#: And at most this far (a table as wide as a terminal, its label column widened by a
#: wide row such as the claim prompt).
_MAX_COLUMN: Final = 100

#: How many search steps a label may cost before a block is called unreadable.
_STEPS_PER_LABEL: Final = 16

#: A split built so far: (the split before, (lines above, lines below) of one label);
#: a chain, so that a search step costs the same at any depth.
_Chain: TypeAlias = "tuple[_Chain, tuple[int, int]] | None"

#: (line index, text) in reading order, and problems: (line index, sentence).
Order = list[tuple[int, str]]


def read(raw: list[str], labels: Mapping[str, str]) -> tuple[Order, list[tuple[int, str]]] | None:
    """Put the rows of centred tables in *raw* (a page's lines) in reading order.

    Args:
        raw: The page's lines, unstripped (the columns are what this reads).
        labels: The section labels of the sites the page may be of (folded) -> kind:
            a label cell holds one of them.

    Returns:
        ``None`` when the page has no centred table (the common case), else the lines
        as ``(index, text)`` in reading order, some value lines dropped where their row
        cannot be told, and ``(index, sentence)`` problems for those rows.

    Examples:
        >>> page = ["", "         NSFC [1]", "Funding  NIH [2]", "         NSF [3]"]
        >>> read(page, {"funding": "funding"})[0]
        [(0, ''), (2, 'Funding'), (1, '         NSFC [1]'), (2, 'NIH [2]'), (3, '         NSF [3]')]
    """
    blocks = [
        block
        for block in _blocks(raw, labels)
        if len(block.labels) > 1 or block.start < block.labels[0]
    ]
    if not blocks:
        return None  # no row can have a line above its label
    centred = any(block.labels[0] > block.start for block in blocks)
    order: Order = []
    problems: list[tuple[int, str]] = []
    done = 0
    for block in blocks:
        order.extend((i, raw[i]) for i in range(done, block.start))
        splits = _splits(block)
        if not centred and block.labels[0] == block.start:
            # No table of the page shows the centring: read top-down, each row's lines
            # would all stand below its label. Rows the two readings split alike are
            # sure; the others are not.
            splits.append(_top_split(block))
        _read_block(block, splits, raw, labels, order, problems)
        done = block.end
    order.extend((i, raw[i]) for i in range(done, len(raw)))
    return order, problems


class _Block:
    """A run of lines whose values start at one column; *labels* are label rows."""

    __slots__ = ("column", "end", "labels", "start")

    def __init__(self, start: int, end: int, column: int, labels: list[int]) -> None:
        self.start, self.end, self.column, self.labels = start, end, column, labels


def _label_at(line: str, column: int, labels: Mapping[str, str]) -> bool:
    """Whether *line* is a label cell ending before *column*, then a value from it."""
    if len(line) <= column or line[column] == " " or line[column - 1] != " ":
        return False
    label = line[:column].strip()
    return bool(label) and fold(label.rstrip(":")) in labels


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _blocks(raw: list[str], label_kinds: Mapping[str, str]) -> list[_Block]:
    """The runs of lines laid out as a two-column table with a value column.

    A row across both columns (``Vol. 1, pp. 2-9`` in a cell that spans the label
    column) ends a run; the table goes on below it, at the same column.
    """
    blocks: list[_Block] = []
    index = 0
    spanning = -1  # a row across both columns that ended the block above (colspan)
    last_column = 0
    while index < len(raw):
        if index - 1 == spanning and (
            _label_at(raw[index], last_column, label_kinds) or _indent(raw[index]) == last_column
        ):
            column: int | None = last_column  # the table goes on below the row
        else:
            column = _column(raw, index)
        if column is None:
            index += 1
            continue
        start = end = index
        labels: list[int] = []
        while end < len(raw) and raw[end].strip():
            line = raw[end]
            if _label_at(line, column, label_kinds):
                labels.append(end)
            elif _indent(line) != column:
                break
            end += 1
        if end - start > 1 and labels:
            blocks.append(_Block(start, end, column, labels))
        if labels and end < len(raw) and raw[end].strip():
            spanning, last_column = end, column
        index = max(end, index + 1)
    return blocks


def _column(raw: list[str], index: int) -> int | None:
    """The value column of a table starting at line *index*, if one does.

    A table starts after a blank line (or at the page's start); see :func:`_blocks`
    for one that goes on below a row across both columns.
    """
    line = raw[index]
    if not line.strip() or (index and raw[index - 1].strip()):
        return None  # a table starts after a blank line (or at the page's start)
    indent = _indent(line)
    if _MIN_COLUMN <= indent <= _MAX_COLUMN:
        return indent  # a row whose label is lower down
    stripped = line.lstrip(" ")
    gap = stripped.find("  ")
    if gap < 0:
        return None
    column = indent + gap + len(stripped[gap:]) - len(stripped[gap:].lstrip(" "))
    return column if _MIN_COLUMN <= column <= _MAX_COLUMN else None


def _top_split(block: _Block) -> list[tuple[int, int]]:
    """The split of a table whose labels stand on their rows' first lines."""
    ends = [*block.labels[1:], block.end]
    return [(0, end - label - 1) for label, end in zip(block.labels, ends, strict=True)]


def _read_block(
    block: _Block,
    splits: list[list[tuple[int, int]]],
    raw: list[str],
    label_kinds: Mapping[str, str],
    order: Order,
    problems: list[tuple[int, str]],
) -> None:
    """Append *block*'s lines to *order*, each row's label first.

    *splits* are the possible splits (per label: lines above, lines below). A row is
    sure when every split gives it the same lines, leaving aside DOI and locator lines
    that every split puts in a journal or publisher row (such a line says what it is
    wherever it stands, and both rows read it). A row that is not sure is left without
    values.
    """
    labels = block.labels
    column = block.column
    kinds = [label_kinds[_label_key(raw[label][:column])] for label in labels]
    owners = [_owners(block, split) for split in splits]
    label_set = set(labels)
    floating = {
        index
        for index in range(block.start, block.end)
        if index not in label_set
        and len({owner.get(index) for owner in owners}) > 1
        and all(kinds[owner[index]] in _PLACED_BY_CONTENT for owner in owners if index in owner)
        and all(index in owner for owner in owners)
        and _states_itself(raw[index])
    }
    # Per split, per label: the lines of its row (floating lines aside).
    rows: list[list[set[int]]] = []
    floating_rows: list[set[int]] = [set() for _ in labels]  # under the first split
    for index in floating:
        floating_rows[owners[0][index]].add(index)
    for owner in owners:
        row_lines: list[set[int]] = [set() for _ in labels]
        for index, number in owner.items():
            if index not in floating:
                row_lines[number].add(index)
        rows.append(row_lines)
    for number, label in enumerate(labels):
        label_text = raw[label][:column].strip()
        mine = [row_lines[number] for row_lines in rows]
        if not owners or any(lines != mine[0] for lines in mine):
            order.append((label, label_text))
            problems.append(
                (
                    label,
                    f"The label {label_text!r} stands in the middle of a table's rows laid "
                    "out as text, and which lines are its own cannot be told; its value was "
                    "left out.",
                )
            )
            continue
        order.append((label, label_text))
        own = mine[0] | floating_rows[number]
        for index in sorted(own):
            order.append((index, raw[index][column:] if index == label else raw[index]))


#: Kinds of rows that read a DOI or a locator line by what it says.
_PLACED_BY_CONTENT: Final = frozenset({"journal", "publisher"})


def _label_key(cell: str) -> str:
    return fold(cell.strip().rstrip(":"))


def _owners(block: _Block, split: list[tuple[int, int]]) -> dict[int, int]:
    """Line index -> the number of the label whose row holds it, under *split*."""
    owner: dict[int, int] = {}
    for number, (label, (above, below)) in enumerate(zip(block.labels, split, strict=True)):
        for index in range(label - above, label + below + 1):
            owner[index] = number
    return owner


def _states_itself(line: str) -> bool:
    """Whether *line* is a DOI or a volume/issue/pages line: it says what it is."""
    text = line.strip()
    if parse_doi_line(text) is not None:
        return True
    return text.split(None, 1)[0].rstrip(".,").casefold() in _LOCATOR_WORDS and any(
        c.isdigit() for c in text
    )


#: First words of a locator line (``Volume 97, Issue 8, Pages 1065-1084``).
_LOCATOR_WORDS: Final = frozenset({"volume", "vol", "issue", "pages", "卷"})


def _splits(block: _Block) -> list[list[tuple[int, int]]]:
    """Each way to give every label (lines above, lines below) in its centred row.

    At most two are returned: two are enough to know a block is ambiguous.
    """
    labels = block.labels
    above = labels[0] - block.start
    gaps = [b - a - 1 for a, b in itertools.pairwise(labels)]
    tail = block.end - labels[-1] - 1
    found: list[_Chain] = []
    # Depth-first over at most two choices per label, stopping at two complete splits
    # (or, on a pathological block, after a number of steps linear in its labels: then
    # no split is returned, which leaves every row of the block unknown).
    stack: list[tuple[int, int, _Chain]] = [(0, above, None)]
    steps = 0
    while stack and len(found) < 2:
        steps += 1
        if steps > _STEPS_PER_LABEL * len(labels):
            return []
        number, k, chain = stack.pop()
        for below in (k, k + 1):
            if number == len(labels) - 1:
                if below == tail:
                    found.append((chain, (k, below)))
                continue
            next_above = gaps[number] - below
            if next_above >= 0:
                stack.append((number + 1, next_above, (chain, (k, below))))
    return [_unchain(chain) for chain in found]


def _unchain(chain: _Chain) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    while chain is not None:
        chain, step = chain
        out.append(step)
    out.reverse()
    return out


# --- pandoc's multiline tables: a cell's text wrapped at the column's width ---------


def rules(raw: list[str]) -> dict[int, tuple[tuple[int, int], ...]]:
    """The lines of *raw* that are a pandoc table rule, with each dash run's columns.

    Read before :func:`paperparse.outline.markup.strip_markup` blanks the rules: their runs
    give the columns' widths.

    >>> rules(["  ----- ---", "  Journal  X", "---|---"])
    {0: ((2, 7), (8, 11))}
    """
    found: dict[int, tuple[tuple[int, int], ...]] = {}
    for index, line in enumerate(raw):
        stripped = line.strip()
        if not stripped.startswith("---") or stripped.replace("-", "").strip():
            continue
        runs: list[tuple[int, int]] = []
        start = line.find("-")
        while start >= 0:
            end = start
            while end < len(line) and line[end] == "-":
                end += 1
            runs.append((start, end))
            start = line.find("-", end)
        if len(runs) >= 2 and all(end - start >= _MIN_RUN for start, end in runs):
            found[index] = tuple(runs)
    return found


#: A table rule's dash runs are at least this long.
_MIN_RUN: Final = 3


def narrow_cells(
    raw: list[str], found: dict[int, tuple[tuple[int, int], ...]], labels: Mapping[str, str]
) -> list[tuple[int, str]]:
    """Leave out the values of table rows whose cell text may be wrapped (in place).

    pandoc lays a two-column table out between two rules and wraps each cell's text
    at its column's width, so a cell of a funding list (one funder a line in the page)
    comes out as lines that may be the page's or the tool's. A break is the page's
    when the next line's first word would have fitted on the line (the tool had no
    need to break), or when the next line says what it is (a DOI or a locator line).
    A row with a break that may be the tool's, in a list of items one a line, keeps
    its label and loses its values; the returned ``(index, sentence)`` problems say so.
    A row of separated items (a keyword list with ``;``) reads the same either way.
    """
    problems: list[tuple[int, str]] = []
    indices = sorted(found)
    tops = iter(range(len(indices) - 1))
    for number in tops:
        top, bottom = indices[number], indices[number + 1]
        if found[top] != found[bottom] or top + 1 >= bottom:
            continue
        next(tops, None)  # the bottom rule opens no table
        runs = found[top]
        column, width = runs[1][0], runs[1][1] - runs[1][0]
        row: list[int] = []
        for index in range(top + 1, bottom + 1):
            if index < bottom and raw[index].strip():
                row.append(index)
                continue
            if row and (problem := _narrow_row(raw, row, column, width, labels)) is not None:
                problems.append((row[0], problem))
            row = []
    return problems


def _narrow_row(
    raw: list[str], row: list[int], column: int, width: int, labels: Mapping[str, str]
) -> str | None:
    """Check one table row; blank its values if a break may be the tool's."""
    first = raw[row[0]]
    label = first[:column].strip()
    kind = labels.get(_label_key(label)) if label else None
    if kind is None or kind in _READ_ACROSS_LINES:
        return None
    values = [raw[index][column:].strip() for index in row]
    if kind in _SEPARATED and any(";" in value for value in values):
        return None
    for line, following in itertools.pairwise(values):
        if not line or not following or _states_itself(following):
            continue
        if len(line) + 1 + len(following.split(None, 1)[0]) > width:
            raw[row[0]] = first[:column]
            for index in row[1:]:
                raw[index] = ""
            return (
                f"The {label!r} cell of a table was wrapped by the dump tool at its "
                "column's width, and which of its lines are one item cannot be told; "
                "its value was left out."
            )
    return None


#: Sections read as one text whatever the line breaks.
_READ_ACROSS_LINES: Final = frozenset({"abstract"})
#: Sections whose items are separated by a mark when they stand on one line.
_SEPARATED: Final = frozenset(spec.section for spec in SPECS if spec.separated)
