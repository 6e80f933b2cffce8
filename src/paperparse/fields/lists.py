"""Keyword and author lists: separators, one item per line, brackets kept whole."""

from __future__ import annotations

from typing import Final

from ..normalize import WRAPPED_LINE_MIN, join_wrapped
from .funding import strip_marker

#: Keyword separators, strongest first: the first one found (outside brackets) wins.
KEYWORD_SEPARATORS: Final = (";", "|", "·", "•", ",")
_OPEN: Final = "([{"
_CLOSE: Final = ")]}"


def split_top_level(text: str, separator: str) -> list[str]:
    """Split *text* at *separator*, except inside parentheses or brackets.

    >>> split_top_level("Cells (cultured; human); Liver", ";")
    ['Cells (cultured; human)', 'Liver']
    """
    if "(" not in text and "[" not in text and "{" not in text:
        return [p.strip() for p in text.split(separator) if p.strip()]
    parts: list[str] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char == separator and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _wrapped(line: str) -> bool:
    return line.endswith(",") or len(line) >= WRAPPED_LINE_MIN


def _has_top_level(text: str, separator: str) -> bool:
    return len(split_top_level(text, separator)) > 1 or text.strip().endswith(separator)


def parse_keywords(lines: list[str]) -> tuple[str, ...]:
    r"""Read a keyword list given as one separated line, wrapped lines, or one per line.

    >>> parse_keywords(["Acute liver failure; Exosomes"])
    ('Acute liver failure', 'Exosomes')
    >>> parse_keywords(["• Graphene", "• Li-ion batteries (LIBs)"])
    ('Graphene', 'Li-ion batteries (LIBs)')
    >>> parse_keywords(["Metal-organic frameworks, CO\u2082 capture (MOFs, ZIFs), adsorption"])
    ('Metal-organic frameworks', 'CO\u2082 capture (MOFs, ZIFs)', 'adsorption')
    >>> parse_keywords(["a · b · c"])
    ('a', 'b', 'c')
    """
    items = [strip_marker(line)[1] for line in lines]
    joined = join_wrapped(items)
    for separator in KEYWORD_SEPARATORS:
        # One keyword per line may hold a comma ("Cells, Cultured"); a comma list
        # hard-wrapped over several lines has long lines, or lines ending in a comma.
        if separator == "," and len(items) > 1 and not all(_wrapped(item) for item in items[:-1]):
            break
        if _has_top_level(joined, separator):
            return _finish(split_top_level(joined, separator))
    return _finish(items)


def _finish(items: list[str]) -> tuple[str, ...]:
    """Strip the items and a sentence-final period after the last one."""
    out = [item.strip() for item in items if item.strip()]
    if out and out[-1].endswith(".") and out[-1].count(".") == 1:
        out[-1] = out[-1][:-1].rstrip()
    return tuple(item for item in out if item)


def parse_author_line(text: str) -> list[str]:
    """Split a line of author names: ``;``-separated, or ``,`` between full names.

    A comma inside one name (``Smith, John``) does not split it.

    >>> parse_author_line("Wei Zhang; Li Chen")
    ['Wei Zhang', 'Li Chen']
    >>> parse_author_line("Wei Zhang, Li Chen and Maria Garcia")
    ['Wei Zhang', 'Li Chen', 'Maria Garcia']
    >>> parse_author_line("Smith, John")
    ['Smith, John']
    """
    text = strip_marker(text)[1]
    if ";" in text:
        return split_top_level(text, ";")
    parts = split_top_level(text, ",")
    if len(parts) > 1 and parts[-1].startswith("and "):
        parts[-1] = parts[-1][4:]
    if len(parts) > 1 and all(" " in p for p in parts):
        last = parts[-1]
        if " and " in last:
            parts[-1:] = [p.strip() for p in last.split(" and ") if p.strip()]
        return parts
    if len(parts) == 1 and text.count(" and ") == 1:
        left, right = text.split(" and ")
        if " " in left.strip() and " " in right.strip():
            return [left.strip(), right.strip()]
    return [text]
