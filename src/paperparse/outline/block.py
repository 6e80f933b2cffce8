"""The page outline: typed blocks with their source lines, made from text or from HTML.

Every later stage reads this form only, so a text dump and an HTML page of the same
content give the same record. A :class:`Block` is one line of the page's text with
what is known about it:

========== ============================================================ ================
kind       what it is                                                   from HTML
========== ============================================================ ================
line       text whose kind cannot be told (most lines of a text dump)   ``div``, ``span``
heading    a heading; ``level`` 1-6                                     ``h1``-``h6``,
                                                                        ``summary``
label      a label cell, the value follows in ``value`` blocks          ``dt``, ``th``
value      a value cell (``label``: its column's heading, if any)       ``dd``, ``td``
column     a table's header cell: names a column, holds no value        ``thead`` cells
item       a list item (``group``: its list; ``place``: its number)     ``li``
paragraph  a paragraph                                                  ``p``
widget     a value the markup carries (``label``: ``score``/``count``)  ``meter``,
                                                                        ``aria-label``
========== ============================================================ ================

A text dump says less: its blocks are ``line`` blocks, except where the dump's layout
shows more (a list marker starts an ``item``). The readers treat a ``line`` as today's
engine always has: by what its text says.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple

import attrs

from ..metadata import Metadata

Kind = Literal["line", "heading", "label", "value", "column", "item", "paragraph", "widget"]

LINE: Final = "line"
HEADING: Final = "heading"
LABEL: Final = "label"
VALUE: Final = "value"
COLUMN: Final = "column"
ITEM: Final = "item"
PARAGRAPH: Final = "paragraph"
WIDGET: Final = "widget"


class Block(NamedTuple):
    """One line of the page's text, and what the page's layout says it is.

    Attributes:
        line: The 1-based source line (for HTML, the line of its element); 0 when
            unknown.
        text: The text, whitespace collapsed.
        kind: What the block is (see the module's table).
        label: A widget's measure (``score``, ``count``); a table cell's column heading.
        group: The list, table or definition list the block belongs to (0: none).
        place: An item's number in its list (lines of one item share it); a cell's
            column (0 starts a row; a definition list's term is column 0 and its
            definitions column 1).
        level: A heading's level (1-6); 0 for other blocks.
        side: The sidebar (``<aside>``) the block stands in, numbered from 1; 0 for a
            block of the page's main part. What a sidebar holds decides whether it is
            the paper's (its rating block) or the site's (related papers).
        until: For a heading or a label cell of HTML, the number of the page's blocks
            up to the end of the element that holds it with its value (the
            ``<section>`` around ``<h3>Keywords</h3>``, the ``<dl>`` of a ``<dt>``):
            what follows stands outside that section. 0 when not known (a text dump).
    """

    line: int
    text: str
    kind: Kind = "line"
    label: str = ""
    group: int = 0
    place: int = 0
    level: int = 0
    side: int = 0
    until: int = 0


@attrs.define
class Outline:
    """A page read into blocks, with what the input says beside its text.

    Attributes:
        blocks: The page's blocks, in reading order.
        format: ``"text"`` or ``"html"``: which path made the outline.
        metadata: The page's embedded metadata (HTML only).
        cut_off: The input is known to be cut short (HTML without its closing tags).
        problems: ``(line, sentence)``: text the outline could not place (rows of a
            table laid out as text whose lines cannot be told apart).
    """

    blocks: list[Block]
    format: Literal["text", "html"] = "text"
    metadata: Metadata | None = None
    cut_off: bool = False
    problems: list[tuple[int, str]] = attrs.Factory(list)
