"""HTML -> the page outline (with lxml), plus the metadata embedded in the page.

The visible text of the page is cut into blocks the way a browser lays it out: every
block-level element, ``<br>``, list item, table cell and ``<dt>``/``<dd>`` ends a line;
inline elements never split a value, except that each of several inline elements of one
kind standing as a list (adjacent author links) and a link drawn as a button is a line
of its own. Invisible parts (``script``, ``style``, ``head``,
``hidden`` elements …) and page chrome (``nav``, ``aside``, site header and footer,
cookie banners, strips of tabs, text hidden from or only for screen readers) are
dropped first. Each line is a :class:`~paperparse.outline.block.Block` whose kind the
DOM gives: a heading (``h1``-``h6``), a label or value cell (``dt``/``dd``, ``th``/``td``),
a table's header cell (``thead``, or a row of two or more ``th``), a list item (``li``,
with its list and number), a paragraph (``p``), or a widget's value (``meter``,
``progress``, a star rating's ``aria-label`` or ``data-score``). The outline then goes
through the same stages as a text dump's.

The visible text is read in one walk over the elements (``etree.iterwalk``): about
two cheap Python steps per element, and attributes are only read into a dict for the
elements that have one that can make chrome or a widget.
"""

from __future__ import annotations

import re
from typing import Any, Final

from lxml import etree

from ..errors import EmptyInput
from ..metadata import Metadata, read_metadata
from ..normalize import WIDGET, clean, clean_line
from .block import (
    COLUMN,
    HEADING,
    ITEM,
    LABEL,
    LINE,
    PARAGRAPH,
    VALUE,
    Block,
    Kind,
    Outline,
)
from .block import WIDGET as WIDGET_BLOCK
from .deep import BREAK, parse_deep
from .dom import (
    BLOCK_SET,
    GAUGES,
    INVISIBLE_SET,
    STRUCTURAL,
    TELLING,
    chrome_or_widget,
    class_words,
    is_heading_count,
    is_side,
)
from .xpath import elements, line_of

_META: Final = etree.XPath("//meta[@content][@name or @property or @itemprop]")
_JSON_LD: Final = etree.XPath("//script[@type='application/ld+json']")

# Private-use characters: BREAK marks line breaks in the stream reader (.deep), which
# removes them all (and WIDGET) from its input first, so no page can forge one.
_MARK_OPEN: Final = "\ue000"
_MARK_CLOSE: Final = "\ue001"
#: C0 control characters (other than tab, newline and carriage return) and the
#: noncharacters U+FFFE/U+FFFF, which XML cannot hold. As on the text path, the ones
#: that are whitespace (vertical tab, form feed, the separators 0x1C-0x1F) become
#: spaces and the others are not shown.
_XML_SAFE: Final[dict[int, str | None]] = {
    **dict.fromkeys([*range(0x09), *range(0x0E, 0x1C), 0xFFFE, 0xFFFF], None),
    **dict.fromkeys([0x0B, 0x0C, *range(0x1C, 0x20)], " "),
}
_NO_MARKS: Final[dict[int, str | None]] = {
    **_XML_SAFE,
    **dict.fromkeys(map(ord, _MARK_OPEN + _MARK_CLOSE + WIDGET + BREAK), None),
}


def _parser() -> etree.HTMLParser:
    # A new parser per call: lxml parsers are not safe to share between threads.
    # lxml.etree's parser, not lxml.html's: plain elements need no per-element class
    # lookup in Python.
    return etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        huge_tree=True,
        recover=True,
        compact=True,
    )


#: How much of a page's end is looked at for a cut tag or the closing tags.
_SNIFF: Final = 2048
_HTML_END: Final = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_BODY: Final = re.compile(r"<body[\s>]", re.IGNORECASE)


def read(text: str) -> Outline:
    """Read an HTML page into its outline: visible blocks and embedded metadata.

    Block line numbers are the source lines of the elements the text stands in. A page
    without its closing tags was cut off (``Outline.cut_off``); one cut inside its
    ``<head>`` loses the metadata lists (authors, keywords) that may be cut short.

    Raises:
        EmptyInput: The page shows no text and states no metadata.

    >>> outline = read("<html><body><nav>Home</nav><h1>A <i>b</i></h1>"
    ...                "<p>c<br>d</p></body></html>")
    >>> [(b.line, b.text, b.kind) for b in outline.blocks]
    [(1, 'A b', 'heading'), (1, 'c', 'paragraph'), (1, 'd', 'paragraph')]
    """
    # A download cut inside a tag ends in "<div cla" or "</": the parser would show
    # that as text. Drop it; the page is cut off.
    cut_tag = False
    if (end := text.rfind("<", max(0, len(text) - _SNIFF))) >= 0 and ">" not in text[end:]:
        text, cut_tag = text[:end], True
    blocks, metadata = _read_tree(text)
    if not blocks and metadata.is_empty():
        raise EmptyInput(
            "The input holds no visible text (only whitespace, invisible characters or "
            "markup); expected a paper page."
        )
    # A page without its closing tags was cut off (a text dump shows no such end).
    cut_off = cut_tag or _HTML_END.search(text[-_SNIFF:]) is None
    if cut_off and _BODY.search(text) is None:
        # Cut inside <head>: a list of repeated meta tags (authors) may be cut short.
        metadata.authors = metadata.keywords = None
    return Outline(blocks, "html", metadata, cut_off)


def _read_tree(text: str) -> tuple[list[Block], Metadata]:
    """The visible blocks and the metadata of *text*, an HTML page."""
    # Control characters and private-use marks need no removal here: the lines are
    # cleaned as on the text path, which drops them (and WIDGET, so no page can
    # forge a widget line). A translate() of a whole non-ASCII page costs ~40 ns a
    # character, more than parsing it.
    data = text.encode("utf-8", "replace")
    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        root = None
    if root is None:
        raise EmptyInput("The input is HTML without any content; expected a paper page.") from None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log):
        deep = parse_deep(text.translate(_NO_MARKS).encode("utf-8", "replace"))
        return [Block(number, line) for number, line in deep], Metadata()
    metadata = read_metadata(
        [
            (
                line_of(e),
                e.get("name") or e.get("property") or e.get("itemprop") or "",
                e.get("content") or "",
            )
            for e in elements(_META, root)
        ],
        [(line_of(e), (e.text or "").translate(_XML_SAFE)) for e in elements(_JSON_LD, root)],
    )
    return _visible_blocks(root), metadata


#: Inline elements that can stand as one item of a list: several of the same kind side
#: by side in a container that holds nothing else are several values (see docs/html.md).
_ITEM_TAGS: Final = frozenset({"a", "span", "cite", "label", "time", "data", "bdi"})
#: Containers whose content is one value however it is marked up: a heading.
_ONE_VALUE: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "title"})
#: What may stand between the items of a list besides whitespace.
_SEPARATORS: Final = ",;\u00b7|/\u2022"
#: A ``<sup>`` that holds only affiliation or note marks: ``1,2``, ``*``, ``†``.
_MARKS: Final = re.compile(
    r"[\s0-9,*\u2020\u2021\u00a7\u00b6#\u2013-]*[0-9*\u2020\u2021\u00a7\u00b6#]"
    r"[\s0-9,*\u2020\u2021\u00a7\u00b6#\u2013-]*"
)
#: Class, id or itemprop words that name an author list.
_AUTHOR_WORDS: Final = re.compile("author|contrib|creator", re.IGNORECASE)
#: Bullet characters drawn as text at the start of a line (not numbers: ``1.`` can
#: be a value's own text).
_BULLETS: Final = frozenset("\u2022\u00b7\u25aa\u25e6\u2023\u25cf\u2013-*")


def _blank(text: str | None) -> bool:
    """Whether *text* is only whitespace and list separators (or nothing)."""
    return not text or not text.strip().strip(_SEPARATORS).strip()


def _item_kinds(parent: Any) -> frozenset[tuple[str, str]]:
    """The kinds (tag, class) of inline elements that are list items in *parent*.

    A kind is a list item when *parent* holds two or more elements of that tag and
    class, and no text of its own besides whitespace and separators: each such element
    is then one value (``<a class="author">A</a><a class="author">B</a>``). When two
    kinds repeat, they alternate as labels and values, and neither is a list.
    """
    if parent is None or len(parent) < 2 or parent.tag in _ONE_VALUE or not _blank(parent.text):
        return frozenset()
    seen: set[tuple[str, str]] = set()
    kinds: set[tuple[str, str]] = set()
    for child in parent:
        if not _blank(child.tail):
            return frozenset()
        tag = child.tag
        if tag in _ITEM_TAGS:
            kind = (tag, child.get("class") or "")
            if kind in seen:
                kinds.add(kind)
            seen.add(kind)
    # Two kinds that both repeat alternate, label and value: ``Volume 12, Issue 3``.
    return frozenset(kinds) if len(kinds) == 1 else frozenset()


def _is_author_mark(element: Any) -> bool:
    """Whether *element* (a ``<sup>``) is an affiliation mark after an author's name.

    Its text is only digits, commas, asterisks, daggers and the like, and it stands
    inside an element whose class, id or itemprop names authors; a ``<sup>`` in a title
    (``m<sup>2</sup>``) stays.
    """
    if _MARKS.fullmatch("".join(element.itertext())) is None:
        return False
    for ancestor in element.iterancestors():
        for name in ("class", "id", "itemprop"):
            value = ancestor.get(name)
            if value and _AUTHOR_WORDS.search(value) is not None:
                return True
    return False


def _strip_bullet(line: str) -> str:
    """Drop a bullet drawn as text (``• Novelty``) from the start of *line*.

    Only for a line that is a block's text, not one of several lines split by ``<br>``:
    there, the bullets tell list items from wrapped lines, and the field parsers read
    them as list markers, as in a text dump.
    """
    if line[0] in _BULLETS and line[1:2] == " " and line[2:].strip():
        return line[2:].lstrip()
    return line


#: Tags that say what the lines inside them are (see :mod:`.block`); other block
#: elements (``div``, ``section`` …) leave their lines the kind of what holds them.
_HEADING_LEVELS: Final = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
#: Containers that group their blocks: a list, a definition list, a table.
_GROUPS: Final = frozenset({"ol", "ul", "dl", "table"})
#: Elements whose block is one cell or item of a group.
_MEMBERS: Final = frozenset({"li", "dt", "dd", "th", "td"})
#: The kinds that a paragraph inside them keeps (the item's own text).
_KEEP_IN_PARAGRAPH: Final = frozenset({ITEM, LABEL, VALUE, COLUMN, HEADING})
#: The level of an element with ``role="heading"`` and no ``aria-level`` (ARIA's default).
_ARIA_LEVEL: Final = 2
#: The context of the lines read outside any structure.
_TOP: Final = (None, LINE, 0, 0, 0, "")


class _Group:
    """An open list, definition list or table: its number and what is counted in it."""

    __slots__ = ("column", "header_row", "headings", "items", "number")

    def __init__(self, number: int) -> None:
        self.number = number
        self.items = 0  # list items so far
        self.column = -1  # the cell being read in the current row
        self.header_row = False  # the current row names the columns
        self.headings: dict[int, str] = {}  # column -> its heading


class _Walk:
    """The blocks read so far in the walk over a page's elements, and the one being read."""

    __slots__ = (
        "after_br",
        "context",
        "groups",
        "last_kinds",
        "last_parent",
        "number",
        "numbered",
        "out",
        "own_lines",
        "parts",
        "scopes",
        "sides",
    )

    def __init__(self) -> None:
        self.out: list[Block] = []
        self.parts: list[str] = []  # the text of the line being read
        self.number = 1  # the source line of the block being read
        # Whether the line being read follows a <br>: lines split by <br> keep a
        # bullet, which the field parsers read as a list marker, as in a text dump.
        self.after_br = False
        self.own_lines: set[Any] = set()  # inline elements that end a line, as a block does
        self.last_parent: Any = None  # the parent of the last inline element that can be an item
        self.last_kinds: frozenset[tuple[str, str]] = frozenset()  # its item kinds
        # What the lines being read are: (element, kind, group, index, level, label) of
        # the innermost element that says so.
        self.context: list[tuple[Any, Kind, int, int, int, str]] = [_TOP]
        self.groups: list[tuple[Any, _Group]] = []  # the open lists and tables
        self.numbered = 0  # groups (and sidebars) numbered so far
        self.sides: list[tuple[Any, int]] = []  # the open sidebars
        # The elements that hold a heading with its section, and the heading's blocks
        # (see Block.until).
        self.scopes: dict[Any, list[int]] = {}

    def flush(self, *, at_br: bool = False) -> None:
        """End the line being read (at a ``<br>`` if *at_br*)."""
        line = "".join(self.parts).strip()
        self.parts.clear()
        if line and (line := clean_line(line)):
            marked = at_br or self.after_br
            _, kind, group, index, level, label = self.context[-1]
            text = line if marked else _strip_bullet(line)
            side = self.sides[-1][1] if self.sides else 0
            if kind is LINE and not side:
                self.out.append(Block(self.number, text))
            else:
                if kind is HEADING:
                    self._scope(self.context[-1][0].getparent())
                elif kind is LABEL and self.groups:
                    self._scope(self.groups[-1][0])
                self.out.append(Block(self.number, text, kind, label, group, index, level, side))
                if kind is COLUMN and self.groups:
                    table = self.groups[-1][1]
                    headings = table.headings
                    headings[index] = f"{headings[index]} {text}" if index in headings else text
        self.after_br = at_br

    def _scope(self, holder: Any) -> None:
        """Note that the block about to be added is a label that *holder* holds.

        A heading's section is the element around it; a term's or a row heading's
        value is in its definition list or table.
        """
        if holder is not None:
            self.scopes.setdefault(holder, []).append(len(self.out))

    def pair(self, element: Any) -> None:
        """Note that the short line *element* just gave may label the elements after it.

        ``<div class="row"><div>Funding</div><div>…</div></div>``, ``<p><b>Funding:</b></p>
        <p>…</p>``: a label written as a block of its own, with its value in the next
        element, is a section whose end is its parent's (:attr:`Block.until`), as a
        heading's is. A line of no
        label's length is no label, and gets none.
        """
        block = self.out[-1]
        if (block.kind is LINE or block.kind is PARAGRAPH) and len(block.text) <= _MAX_PAIR_LABEL:
            self.scopes.setdefault(element.getparent(), []).append(len(self.out) - 1)

    def close_scope(self, element: Any) -> None:
        """Close the sections that *element*, holding their labels, held (Block.until).

        An element that holds nothing but its heading (``<div class="title"><h3>…``)
        is no section: the one around it is.
        """
        headings = self.scopes.pop(element)
        end = len(self.out)
        if end == headings[-1] + 1 and (holder := element.getparent()) is not None:
            self.scopes.setdefault(holder, []).extend(headings)
            return
        for index in headings:
            self.out[index] = self.out[index]._replace(until=end)

    def widget(self, measure: str, value: str) -> None:
        """Add a widget's value (*measure*: ``score`` or ``count``) as a block of its own."""
        if self.parts:
            self.flush()
        side = self.sides[-1][1] if self.sides else 0
        self.out.append(Block(self.number, clean(value), WIDGET_BLOCK, measure, side=side))

    def enter(self, element: Any, tag: str) -> None:
        """Open the structure a block element gives its lines, if it gives one."""
        if tag in _GROUPS:
            self.numbered += 1
            self.groups.append((element, _Group(self.numbered)))
            return
        if tag == "tr":
            if self.groups:
                self.groups[-1][1].column = -1
                self.groups[-1][1].header_row = _is_header_row(element)
            return
        top = self.context[-1]
        if (level := _HEADING_LEVELS.get(tag)) is not None:
            self.context.append((element, HEADING, top[2], top[3], level, ""))
        elif tag in _MEMBERS:
            self.context.append(self._member(element, tag))
        elif tag == "p" and top[1] not in _KEEP_IN_PARAGRAPH:
            self.context.append((element, PARAGRAPH, top[2], top[3], 0, ""))
        elif (role := element.get("role")) is not None and role.strip().lower() == "heading":
            stated = element.get("aria-level") or ""
            level = int(stated) if stated.isdigit() and 0 < int(stated) <= 6 else _ARIA_LEVEL
            self.context.append((element, HEADING, top[2], top[3], level, ""))

    def _member(self, element: Any, tag: str) -> tuple[Any, Kind, int, int, int, str]:
        """The context of a list item or a cell (of the innermost open group)."""
        if not self.groups:
            return (element, ITEM if tag == "li" else LINE, 0, 0, 0, "")
        group = self.groups[-1][1]
        if tag == "li":
            group.items += 1
            return (element, ITEM, group.number, group.items, 0, "")
        if tag in ("dt", "dd"):  # a term and its definitions: columns 0 and 1
            if tag == "dt":
                return (element, LABEL, group.number, 0, 0, "")
            return (element, VALUE, group.number, 1, 0, "")
        group.column += 1
        column = group.column
        if group.header_row:
            return (element, COLUMN, group.number, column, 0, "")
        if tag == "th":
            return (element, LABEL, group.number, column, 0, "")
        return (element, VALUE, group.number, column, 0, group.headings.get(column, ""))

    def leave(self, element: Any) -> None:
        """Close the structure *element* opened, if it opened one."""
        if self.context[-1][0] is element:
            self.context.pop()
        elif self.groups and self.groups[-1][0] is element:
            self.groups.pop()
        if self.sides and self.sides[-1][0] is element:
            self.sides.pop()

    def side(self, element: Any) -> None:
        """Open a sidebar: the blocks inside it say which one they stand in."""
        self.numbered += 1
        self.sides.append((element, self.numbered))

    def item(self, element: Any, tag: str, names: list[str]) -> bool:
        """Read the start of an inline element that may be a line of its own.

        Returns ``False`` for an element to skip with its content: the count shown
        beside a heading.
        """
        css = element.get("class") or "" if names else ""
        button, count = class_words(css)
        if count and is_heading_count(element):
            return False
        parent = element.getparent()
        if parent is not self.last_parent:  # items are siblings: one parent at a time
            self.last_parent, self.last_kinds = parent, _item_kinds(parent)
        if (
            (self.last_kinds and (tag, css) in self.last_kinds)
            or button
            or ("role" in names and (element.get("role") or "").strip().lower() == "button")
        ):
            self.own_lines.add(element)
            if self.parts:
                self.flush()
        return True


#: The longest line that may label the elements after it (:meth:`_Walk.pair`).
_MAX_PAIR_LABEL: Final = 48


def _is_header_row(row: Any) -> bool:
    """Whether a table row names the table's columns: in ``<thead>``, or two ``<th>`` or more.

    A row of one ``<th>`` is a label (or a heading over the rows below), not a header.
    """
    parent = row.getparent()
    if parent is not None and parent.tag == "thead":
        return True
    cells = [child.tag for child in row if child.tag in ("th", "td")]
    return len(cells) >= _HEADER_CELLS and all(cell == "th" for cell in cells)


#: A header row names at least two columns.
_HEADER_CELLS: Final = 2


def _visible_blocks(root: etree._Element) -> list[Block]:
    """The visible blocks of the page rooted at *root*, in one walk over its elements.

    A block element or ``<br>`` ends the line before it and the line it holds; the
    lines of a block are numbered with its source line. Invisible elements and chrome
    are skipped with their content, but the text after them (their tail) is kept.
    An inline element that is one item of a list (:func:`_item_kinds`) or a link drawn
    as a button is a line of its own too.
    """
    walk = _Walk()
    parts, own_lines = walk.parts, walk.own_lines  # read on every element
    skipped = False  # the last start event skipped its element's subtree
    # Elements are typed Any: lxml's stubs are looser than its objects.
    walker: Any = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "end":
            tail = element.tail
            if walk.scopes and element in walk.scopes:
                if parts:
                    walk.flush()
                walk.close_scope(element)
            if skipped:
                skipped = False  # the end of a skipped element: its tail goes on the line
            elif tag == "br":
                walk.flush(at_br=True)
            elif tag in BLOCK_SET:
                if parts:
                    before = len(walk.out)
                    walk.flush()
                    if len(walk.out) > before and element.getnext() is not None:
                        walk.pair(element)
                walk.after_br = False
                walk.leave(element)
            elif walk.sides and walk.sides[-1][0] is element:
                if parts:
                    walk.flush()
                walk.sides.pop()
            elif own_lines and element in own_lines:
                if parts:
                    walk.flush()
                if _blank(tail):
                    tail = None  # the separator between two items
            if tail:
                parts.append(tail)
            continue
        if tag in INVISIBLE_SET or not isinstance(tag, str):
            walker.skip_subtree()
            skipped = True
            continue
        widget = None
        names = element.keys()
        if tag in STRUCTURAL or tag in GAUGES or (names and not TELLING.isdisjoint(names)):
            chrome, widget = chrome_or_widget(element, tag, names)
            if chrome:
                if widget is not None:
                    walk.widget(*widget)
                walker.skip_subtree()
                skipped = True
                continue
        if (tag == "aside" or names) and is_side(element, tag, names):
            if parts:
                walk.flush()
            walk.side(element)
        if tag in BLOCK_SET:
            if parts:
                walk.flush()
            walk.after_br = False
            walk.number = element.sourceline or walk.number
            walk.enter(element, tag)
        elif (tag in _ITEM_TAGS and not walk.item(element, tag, names)) or (
            tag == "sup" and _is_author_mark(element)
        ):
            walker.skip_subtree()
            skipped = True
            continue
        if widget is not None:
            walk.widget(*widget)
        if text := element.text:
            parts.append(text)
    if parts:
        walk.flush()
    return walk.out
