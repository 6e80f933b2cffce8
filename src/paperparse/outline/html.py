"""HTML -> numbered text lines (with lxml), plus the metadata embedded in the page.

The visible text of the page is cut into lines the way a browser lays it out: every
block-level element, ``<br>``, list item, table cell and ``<dt>``/``<dd>`` ends a line;
inline elements never split a value, except that each of several inline elements of one
kind standing as a list (adjacent author links) and a link drawn as a button is a line
of its own. Invisible parts (``script``, ``style``, ``head``,
``hidden`` elements …) and page chrome (``nav``, ``aside``, site header and footer,
cookie banners, strips of tabs, text hidden from or only for screen readers) are
dropped first. The lines then go through the same section parser
as a text dump (:mod:`paperparse.sections`).

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


def parse_html(text: str) -> tuple[list[Line], Metadata]:
    """Turn an HTML page into numbered visible lines and its embedded metadata.

    Line numbers are the source lines of the block elements the text stands in.

    >>> lines, meta = parse_html("<html><body><nav>Home</nav><h1>A <i>b</i></h1>"
    ...                          "<p>c<br>d</p></body></html>")
    >>> lines
    [(1, 'A b'), (1, 'c'), (1, 'd')]
    """
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
        return _parse_deep(text.translate(_NO_MARKS).encode("utf-8", "replace")), Metadata()
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
    return _visible_lines(root), metadata


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


class _Lines:
    """The lines read so far in the walk over a page's elements, and the one being read."""

    __slots__ = ("after_br", "last_kinds", "last_parent", "number", "out", "own_lines", "parts")

    def __init__(self) -> None:
        self.out: list[Line] = []
        self.parts: list[str] = []  # the text of the line being read
        self.number = 1  # the source line of the block being read
        # Whether the line being read follows a <br>: lines split by <br> keep a
        # bullet, which the field parsers read as a list marker, as in a text dump.
        self.after_br = False
        self.own_lines: set[Any] = set()  # inline elements that end a line, as a block does
        self.last_parent: Any = None  # the parent of the last inline element that can be an item
        self.last_kinds: frozenset[tuple[str, str]] = frozenset()  # its item kinds

    def flush(self, *, at_br: bool = False) -> None:
        """End the line being read (at a ``<br>`` if *at_br*)."""
        line = "".join(self.parts).strip()
        self.parts.clear()
        if line and (line := clean_line(line)):
            marked = at_br or self.after_br
            self.out.append((self.number, line if marked else _strip_bullet(line)))
        self.after_br = at_br

    def widget(self, text: str) -> None:
        """Add a rating widget's value as a line of its own."""
        if self.parts:
            self.flush()
        self.out.append((self.number, WIDGET + clean(text)))

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


def _visible_lines(root: etree._Element) -> list[Line]:
    """The visible lines of the page rooted at *root*, in one walk over its elements.

    A block element or ``<br>`` ends the line before it and the line it holds; the
    lines of a block are numbered with its source line. Invisible elements and chrome
    are skipped with their content, but the text after them (their tail) is kept.
    An inline element that is one item of a list (:func:`_item_kinds`) or a link drawn
    as a button is a line of its own too.
    """
    lines = _Lines()
    parts, own_lines = lines.parts, lines.own_lines  # read on every element
    skipped = False  # the last start event skipped its element's subtree
    # Elements are typed Any: lxml's stubs are looser than its objects, and a compiled
    # build (mypyc) would check the stubs' types at run time.
    walker: Any = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag
        if event == "end":
            tail = element.tail
            if skipped:
                skipped = False  # the end of a skipped element: its tail goes on the line
            elif tag == "br":
                lines.flush(at_br=True)
            elif tag in _BLOCK_SET:
                if parts:
                    lines.flush()
                lines.after_br = False
            elif own_lines and element in own_lines:
                if parts:
                    lines.flush()
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
        if tag in _STRUCTURAL or (names and not _TELLING.isdisjoint(names)):
            chrome, widget = _chrome_or_widget(element, tag, names)
            if chrome:
                if widget is not None:
                    lines.widget(widget)
                walker.skip_subtree()
                skipped = True
                continue
        if tag in _BLOCK_SET:
            if parts:
                lines.flush()
            lines.after_br = False
            lines.number = element.sourceline or lines.number
        elif (tag in _ITEM_TAGS and not lines.item(element, tag, names)) or (
            tag == "sup" and _is_author_mark(element)
        ):
            walker.skip_subtree()
            skipped = True
            continue
        if widget is not None:
            lines.widget(widget)
        if text := element.text:
            parts.append(text)
    if parts:
        lines.flush()
    return lines.out


def _chrome_or_widget(element: Any, tag: str, names: list[str]) -> tuple[bool, str | None]:
    """Whether an element with telling attributes is chrome, and the widget it shows.

    Called for structural tags and for elements whose attributes may make them chrome
    or a rating widget (``class``, ``role``, ``aria-*`` …), not for every element.
    """
    if tag not in _STRUCTURAL and _TELLING.intersection(names) == _CLASS_ONLY:
        # The common case: a class alone can make chrome, never a widget.
        return _names_chrome(element.get("class") or ""), None
    attrib = cast("dict[str, str]", dict(element.items()))  # str for HTML
    chrome = _is_chrome_element(element, tag, attrib)
    widget = _widget(element) if not chrome and _is_widget(attrib) else None
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


def _widget(element: Any) -> str | None:
    """The line that stands for a rating widget: ``score 4.5`` or ``count 9``."""
    prop = element.get("itemprop")
    if prop in ("ratingCount", "reviewCount"):
        count = clean(element.get("content") or "")
        return f"count {count}" if count.isascii() and count.isdigit() else None
    for attribute in ("data-score", "data-rating", "aria-valuenow", "content"):
        if (value := element.get(attribute)) is not None:
            return f"score {clean(value)}"
    if (width := _PERCENT.search(element.get("style") or "")) is not None:
        return f"score {round(float(width[1]) / _PERCENT_TO_SCORE, 2)}"
    return None


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
