"""The DOM's vocabulary: what is never shown, what ends a line, what is chrome or a widget.

The walk of :mod:`.html` asks these questions of elements. The answers are tables of
tags, roles and class words (as lxml.html.clean and trafilatura keep theirs), and the
readers of the values a widget carries in its attributes (``data-score``,
``aria-valuenow``, ``<meter>``, a star rating's ``aria-label``, a star strip's
``width: 94%``).
"""

from __future__ import annotations

import functools
import re
from typing import Any, Final, cast

from ..normalize import clean

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

#: Tags that end a line, as a set.
BLOCK_SET: Final = frozenset(BLOCKS)
#: Tags whose content is never shown, as a set.
INVISIBLE_SET: Final = frozenset(INVISIBLE)
_CLASS_ONLY: Final = frozenset({"class"})

_CHROME_CLASSES: Final = (
    "cookie",
    "consent",
    "gdpr",
    "navbar",
    "crumb",
    "site-header",
    "site-footer",
    "skip-link",
    # Screen-reader-only text: ``(opens in a new window)`` is not part of a value.
    "sr-only",
    "visually-hidden",
    "hide-visually",
    "visuallyhidden",
    "screen-reader",
    "screenreader",
    "offscreen",
    "off-screen",
    "element-invisible",
    # A strip of tabs switches between parts of the page: navigation, whose labels
    # (``Reviews 0``) are no part of the paper.
    "nav-tabs",
    "tablist",
    "tab-list",
    "tab-bar",
    "tabbar",
)

_CHROME_TAGS: Final = frozenset({"nav"})
#: The attributes that can make an element chrome or a rating widget.
TELLING: Final = frozenset(
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
STRUCTURAL: Final = frozenset({"nav", "header", "footer"})
_CHROME_ROLES: Final = frozenset(
    {
        "navigation",
        "banner",
        "contentinfo",
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

#: Class words of a link or span drawn as a button.
_BUTTON_CLASS: Final = re.compile(r"(?:^|\s)(?:btn|button)(?:$|[\s_-])", re.IGNORECASE)


#: Class words of a badge that counts something: ``<span class="badge">3</span>``.
_COUNT_CLASS: Final = re.compile("badge|count|counter|pill", re.IGNORECASE)
#: The text of a count badge: a number, perhaps in brackets.
_COUNT_TEXT: Final = re.compile(r"\s*[(\[]?\s*[0-9]+\s*[)\]]?\s*")
#: Elements whose text labels a part of the page.
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "summary", "legend"})


def is_heading_count(element: Any) -> bool:
    """Whether *element* is a count badge at the end of a heading (``Reviews 0``).

    A number in a badge after a heading's words counts the items of that part of the
    page (reviews, comments); it is never a value of the paper, and it is no score.
    The caller has checked that the element's class names a count (:func:`class_words`).
    """
    if _COUNT_TEXT.fullmatch("".join(element.itertext())) is None:
        return False
    node = element
    while True:
        if not _blank_text(node.tail) or node.getnext() is not None:
            return False  # words follow it: not a trailing count
        node = node.getparent()
        if node is None or node.tag in BLOCK_SET:
            return node is not None and node.tag in _HEADINGS


def _blank_text(text: str | None) -> bool:
    return not text or text.isspace()


#: Elements that show a measure as a gauge: their value is a widget's.
GAUGES: Final = frozenset({"meter", "progress"})


#: What makes an element a sidebar: complementary content, which may hold the paper's
#: own parts (its rating block) or the site's (related papers).
_SIDE_TAG: Final = "aside"
_SIDE_ROLE: Final = "complementary"
_SIDE_CLASS: Final = re.compile("sidebar", re.IGNORECASE)


def is_side(element: Any, tag: str, names: list[str]) -> bool:
    """Whether *element* is a sidebar (``<aside>``, ``role="complementary"``, ``sidebar``).

    A sidebar is neither the paper nor chrome by itself: what it holds decides
    (:func:`paperparse.page.without_sides`).
    """
    if tag == _SIDE_TAG:
        return True
    if not names:
        return False
    role = element.get("role")
    if role is not None and role.strip().lower() == _SIDE_ROLE:
        return True
    css = element.get("class")
    return bool(css) and _SIDE_CLASS.search(css) is not None


def chrome_or_widget(
    element: Any, tag: str, names: list[str]
) -> tuple[bool, tuple[str, str] | None]:
    """Whether an element with telling attributes is chrome, and the widget it shows.

    Called for structural tags, gauges and for elements whose attributes may make them
    chrome or a rating widget (``class``, ``role``, ``aria-*`` …), not for every
    element. A gauge, and an element whose ``aria-label`` states a rating, are read as
    their widget and skipped with their content (the content repeats the value, or is
    a fallback text).
    """
    if tag not in STRUCTURAL and tag not in GAUGES and TELLING.intersection(names) == _CLASS_ONLY:
        # The common case: a class alone can make chrome, never a widget.
        return _names_chrome(element.get("class") or ""), None
    attrib = cast("dict[str, str]", dict(element.items()))  # str for HTML
    if tag in GAUGES:
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
def class_words(css: str) -> tuple[bool, bool]:
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
