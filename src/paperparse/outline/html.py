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

import functools
import re
from typing import Any, Final, cast

from lxml import etree

from ..errors import EmptyInput
from ..metadata import Metadata, read_metadata
from ..normalize import WIDGET, Line, clean, clean_line
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
from .xpath import elements, line_of

#: Elements whose content is never visible text.
INVISIBLE: Final = (
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "object",
    "embed",
    "canvas",
    "select",
    "textarea",
    "input",
)

#: Elements that end a line before and after them.
BLOCKS: Final = (
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "button",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "nav",
    "ol",
    "option",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
)

_CHROME_CLASSES: Final = (
    "cookie",
    "consent",
    "gdpr",
    "navbar",
    "breadcrumb",
    "sidebar",
    "site-header",
    "site-footer",
    "skip-link",
    # Screen-reader-only text: ``(opens in a new window)`` is not part of a value.
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader",
    # A strip of tabs switches between parts of the page: navigation, whose labels
    # (``Reviews 0``) are no part of the paper.
    "nav-tabs",
    "tablist",
    "tab-list",
    "tab-bar",
    "tabbar",
)

_META: Final = etree.XPath("//meta[@content][@name or @property or @itemprop]")
_JSON_LD: Final = etree.XPath("//script[@type='application/ld+json']")
_CHROME_TAGS: Final = frozenset({"nav", "aside"})
#: The attributes that can make an element chrome or a rating widget.
_TELLING: Final = frozenset(
    {
        "hidden",
        "role",
        "style",
        "class",
        "id",
        "data-score",
        "data-rating",
        "itemprop",
        "aria-valuenow",
        "aria-hidden",
        "aria-label",
    }
)
#: Tags that can be chrome without any attribute.
_STRUCTURAL: Final = frozenset({"nav", "aside", "header", "footer"})
_CHROME_ROLES: Final = frozenset(
    {
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "dialog",
        "alertdialog",
        "tablist",
        "tab",
    }
)
_CHROME_WORDS: Final = re.compile("|".join(_CHROME_CLASSES), re.IGNORECASE)
_RATING_WORDS: Final = re.compile("rating|star", re.IGNORECASE)


def _is_chrome_element(element: Any, tag: str, attrib: dict[str, str]) -> bool:
    """Whether *element* is page chrome or hidden (see docs/html.md).

    *attrib* is the element's attributes, read once into a dict.
    """
    if tag in _CHROME_TAGS or "hidden" in attrib:
        return True
    if (tag == "header" or tag == "footer") and next(
        element.iterancestors("article", "main"), None
    ) is None:
        return True
    if (role := attrib.get("role")) is not None and role.strip().lower() in _CHROME_ROLES:
        return True
    style = attrib.get("style")
    if style and ("display" in style or "visibility" in style):
        compact = style.replace(" ", "").lower()
        if "display:none" in compact or "visibility:hidden" in compact:
            return True
    css, name = attrib.get("class"), attrib.get("id")
    return bool(css and _names_chrome(css)) or bool(name and _names_chrome(name))


@functools.lru_cache(maxsize=1024)
def _names_chrome(value: str) -> bool:
    """Whether a class or id names chrome; the same few names repeat on a page."""
    return _CHROME_WORDS.search(value) is not None


def _is_widget(attrib: dict[str, str]) -> bool:
    """Whether an element with attributes *attrib* carries a rating score or count."""
    if "data-score" in attrib or "data-rating" in attrib:
        return True
    prop = attrib.get("itemprop")
    if prop in ("ratingValue", "ratingCount", "reviewCount") and "content" in attrib:
        return True
    css = attrib.get("class") or ""
    if "aria-valuenow" in attrib and (
        _RATING_WORDS.search(css) is not None or "ating" in (attrib.get("aria-label") or "")
    ):
        return True
    return "width" in (attrib.get("style") or "") and "star" in css.lower()


_PERCENT: Final = re.compile(r"width\s*:\s*([0-9]{1,3}(?:\.[0-9]+)?)\s*%")
_PERCENT_TO_SCORE: Final = 20.0

# Private-use characters: _BREAK marks line breaks in the stream reader (_parse_deep),
# which removes them all (and WIDGET) from its input first, so no page can forge one.
_BREAK: Final = "\ue003"
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
    **dict.fromkeys(map(ord, _MARK_OPEN + _MARK_CLOSE + WIDGET + _BREAK), None),
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
        deep = _parse_deep(text.translate(_NO_MARKS).encode("utf-8", "replace"))
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


def parse_html(text: str) -> tuple[list[Line], Metadata]:
    """Turn an HTML page into numbered visible lines and its embedded metadata.

    The lines of :func:`read`'s blocks, a widget's value written ``WIDGET + "score 4.5"``.

    >>> lines, meta = parse_html("<html><body><nav>Home</nav><h1>A <i>b</i></h1>"
    ...                          "<p>c<br>d</p></body></html>")
    >>> lines
    [(1, 'A b'), (1, 'c'), (1, 'd')]
    """
    blocks, metadata = _read_tree(text)
    return [
        (b.line, f"{WIDGET}{b.label} {b.text}" if b.kind == WIDGET_BLOCK else b.text)
        for b in blocks
    ], metadata


_BLOCK_SET: Final = frozenset(BLOCKS)
_INVISIBLE_SET: Final = frozenset(INVISIBLE)
_CLASS_ONLY: Final = frozenset({"class"})


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
#: Class words of a link or span drawn as a button.
_BUTTON_CLASS: Final = re.compile(r"(?:^|\s)(?:btn|button)(?:$|[\s_-])", re.IGNORECASE)
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


#: Class words of a badge that counts something: ``<span class="badge">3</span>``.
_COUNT_CLASS: Final = re.compile("badge|count|counter|pill", re.IGNORECASE)
#: The text of a count badge: a number, perhaps in brackets.
_COUNT_TEXT: Final = re.compile(r"\s*[(\[]?\s*[0-9]+\s*[)\]]?\s*")
#: Elements whose text labels a part of the page.
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "summary", "legend"})


def _is_heading_count(element: Any) -> bool:
    """Whether *element* is a count badge at the end of a heading (``Reviews 0``).

    A number in a badge after a heading's words counts the items of that part of the
    page (reviews, comments); it is never a value of the paper, and it is no score.
    The caller has checked that the element's class names a count (:func:`_class_words`).
    """
    if _COUNT_TEXT.fullmatch("".join(element.itertext())) is None:
        return False
    node = element
    while True:
        if not _blank_text(node.tail) or node.getnext() is not None:
            return False  # words follow it: not a trailing count
        node = node.getparent()
        if node is None or node.tag in _BLOCK_SET:
            return node is not None and node.tag in _HEADINGS


def _blank_text(text: str | None) -> bool:
    return not text or text.isspace()


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
        self.numbered = 0  # groups numbered so far

    def flush(self, *, at_br: bool = False) -> None:
        """End the line being read (at a ``<br>`` if *at_br*)."""
        line = "".join(self.parts).strip()
        self.parts.clear()
        if line and (line := clean_line(line)):
            marked = at_br or self.after_br
            _, kind, group, index, level, label = self.context[-1]
            text = line if marked else _strip_bullet(line)
            if kind is LINE:
                self.out.append(Block(self.number, text))
            else:
                self.out.append(Block(self.number, text, kind, label, group, index, level))
                if kind is COLUMN and self.groups:
                    table = self.groups[-1][1]
                    headings = table.headings
                    headings[index] = f"{headings[index]} {text}" if index in headings else text
        self.after_br = at_br

    def widget(self, measure: str, value: str) -> None:
        """Add a widget's value (*measure*: ``score`` or ``count``) as a block of its own."""
        if self.parts:
            self.flush()
        self.out.append(Block(self.number, clean(value), WIDGET_BLOCK, measure))

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

    def _member(self, element: Any, tag: str) -> tuple[Any, Kind, int, int, int, str]:
        """The context of a list item or a cell (of the innermost open group)."""
        if not self.groups:
            return (element, ITEM if tag == "li" else LINE, 0, 0, 0, "")
        group = self.groups[-1][1]
        if tag == "li":
            group.items += 1
            return (element, ITEM, group.number, group.items, 0, "")
        if tag in ("dt", "dd"):
            return (element, LABEL if tag == "dt" else VALUE, group.number, 0, 0, "")
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

    def item(self, element: Any, tag: str, names: list[str]) -> bool:
        """Read the start of an inline element that may be a line of its own.

        Returns ``False`` for an element to skip with its content: the count shown
        beside a heading.
        """
        css = element.get("class") or "" if names else ""
        button, count = _class_words(css)
        if count and _is_heading_count(element):
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
            if skipped:
                skipped = False  # the end of a skipped element: its tail goes on the line
            elif tag == "br":
                walk.flush(at_br=True)
            elif tag in _BLOCK_SET:
                if parts:
                    walk.flush()
                walk.after_br = False
                walk.leave(element)
            elif own_lines and element in own_lines:
                if parts:
                    walk.flush()
                if _blank(tail):
                    tail = None  # the separator between two items
            if tail:
                parts.append(tail)
            continue
        if tag in _INVISIBLE_SET or not isinstance(tag, str):
            walker.skip_subtree()
            skipped = True
            continue
        widget = None
        names = element.keys()
        if tag in _STRUCTURAL or tag in _GAUGES or (names and not _TELLING.isdisjoint(names)):
            chrome, widget = _chrome_or_widget(element, tag, names)
            if chrome:
                if widget is not None:
                    walk.widget(*widget)
                walker.skip_subtree()
                skipped = True
                continue
        if tag in _BLOCK_SET:
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


#: Elements that show a measure as a gauge: their value is a widget's.
_GAUGES: Final = frozenset({"meter", "progress"})


def _chrome_or_widget(
    element: Any, tag: str, names: list[str]
) -> tuple[bool, tuple[str, str] | None]:
    """Whether an element with telling attributes is chrome, and the widget it shows.

    Called for structural tags, gauges and for elements whose attributes may make them
    chrome or a rating widget (``class``, ``role``, ``aria-*`` …), not for every
    element. A gauge, and an element whose ``aria-label`` states a rating, are read as
    their widget and skipped with their content (the content repeats the value, or is
    a fallback text).
    """
    if (
        tag not in _STRUCTURAL
        and tag not in _GAUGES
        and _TELLING.intersection(names) == _CLASS_ONLY
    ):
        # The common case: a class alone can make chrome, never a widget.
        return _names_chrome(element.get("class") or ""), None
    attrib = cast("dict[str, str]", dict(element.items()))  # str for HTML
    if tag in _GAUGES:
        return True, _gauge(attrib)
    chrome = _is_chrome_element(element, tag, attrib)
    widget = _widget(element) if not chrome and _is_widget(attrib) else None
    if widget is None and not chrome and (label := attrib.get("aria-label")):
        stated = _stated_rating(label)
        if stated is not None:
            return True, ("score", stated)
    if (attrib.get("aria-hidden") or "").strip().lower() == "true":
        # Hidden from screen readers: decoration such as avatar initials; a widget's
        # value is still read.
        chrome = True
    return chrome, widget


@functools.lru_cache(maxsize=1024)
def _class_words(css: str) -> tuple[bool, bool]:
    """Whether a class names a button, and whether it names a count badge."""
    if not css:
        return False, False
    return _BUTTON_CLASS.search(css) is not None, _COUNT_CLASS.search(css) is not None


def _widget(element: Any) -> tuple[str, str] | None:
    """The measure and value of a rating widget: ``("score", "4.5")`` or ``("count", "9")``."""
    prop = element.get("itemprop")
    if prop in ("ratingCount", "reviewCount"):
        count = clean(element.get("content") or "")
        return ("count", count) if count.isascii() and count.isdigit() else None
    for attribute in ("data-score", "data-rating", "aria-valuenow", "content"):
        if (value := element.get(attribute)) is not None:
            if attribute == "aria-valuenow" and (top := element.get("aria-valuemax")) is not None:
                return "score", _scaled(value, top, element.get("aria-valuemin"))
            return "score", value
    if (width := _PERCENT.search(element.get("style") or "")) is not None:
        return "score", str(round(float(width[1]) / _PERCENT_TO_SCORE, 2))
    return None


#: A score out of five, as a gauge or an ``aria-valuemax`` states one.
_OUT_OF: Final = 5.0
#: A number, as a gauge's attributes write one.
_NUMBER: Final = re.compile(r"\s*[0-9]{1,6}(?:\.[0-9]{1,6})?\s*")


def _scaled(value: str, top: str | None, bottom: str | None) -> str:
    """*value* of a gauge from *bottom* to *top*, as a score out of five.

    A gauge without a top whose value is above 1 (the HTML default top) states a score
    out of five; one whose value is 1 or less may be a fraction (``0.84``) as well as a
    score (``0.8``), and stays as written with a ``?`` so no reader takes it. A value or
    bound that is not a number also stays as written (a reader refuses it).
    """
    if _NUMBER.fullmatch(value) is None:
        return value
    low = float(bottom) if bottom is not None and _NUMBER.fullmatch(bottom) else 0.0
    if top is None:
        return value if float(value) > 1 else f"{value}?"
    if _NUMBER.fullmatch(top) is None or float(top) <= low:
        return f"{value}?"
    score = (float(value) - low) / (float(top) - low) * _OUT_OF
    return f"{round(score, 2):g}"


def _gauge(attrib: dict[str, str]) -> tuple[str, str] | None:
    """The score a ``<meter>`` or ``<progress>`` shows, out of five (see :func:`_scaled`)."""
    value = attrib.get("value")
    if value is None:
        return None
    return "score", _scaled(value, attrib.get("max"), attrib.get("min"))


#: An ``aria-label`` that states a rating: ``Rated 4.7 out of 5``, ``4.5 / 5 stars``.
_RATED: Final = re.compile(
    r"\s*(?:rated|rating|score)?\s{0,3}:?\s{0,3}(?P<score>[0-9](?:[.,][0-9]{1,2})?)\s{0,3}"
    r"(?:out\s+of|of|/)\s{0,3}5(?:\.0{1,2})?(?:\s+stars?)?\s*",
    re.IGNORECASE,
)


def _stated_rating(label: str) -> str | None:
    """The score an ``aria-label`` states (``Rated 4.7 out of 5`` -> ``4.7``), if it states one.

    >>> _stated_rating("Rated 4.7 out of 5"), _stated_rating("Open the menu")
    ('4.7', None)
    """
    if len(label) > _MAX_RATED:
        return None
    found = _RATED.fullmatch(label)
    return None if found is None else found["score"].replace(",", ".")


_MAX_RATED: Final = 40


class _Collector:
    """An lxml parser target: streams the text of a page too deep for a tree."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.skip = 0

    def start(self, tag: str, attrib: Any) -> None:  # a mapping, not always a dict
        if (
            self.skip
            or tag in INVISIBLE
            or tag in ("nav", "aside")
            or "hidden" in attrib
            or (attrib.get("aria-hidden") or "").strip().lower() == "true"
        ):
            self.skip += 1
        elif tag in BLOCKS or tag == "br":
            self.parts.append(_BREAK)

    def end(self, tag: str) -> None:
        if self.skip:
            self.skip -= 1
        elif tag in BLOCKS:
            self.parts.append(_BREAK)

    def data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)

    def close(self) -> str:
        return "".join(self.parts)


def _parse_deep(data: bytes) -> list[Line]:
    """Read a page nested deeper than lxml builds trees, as a stream (no line numbers)."""
    collector = _Collector()
    parser = etree.HTMLParser(
        encoding="utf-8",
        target=cast("Any", collector),
        no_network=True,
        huge_tree=True,
        recover=True,
    )
    text = cast("str", etree.fromstring(data, parser))
    return [(0, cleaned) for raw in text.split(_BREAK) if (cleaned := clean(raw))]
