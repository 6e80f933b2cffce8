"""A typed helper for element-selecting XPath expressions."""

from __future__ import annotations

from lxml import etree


def elements(xpath: etree.XPath, root: etree._Element) -> list[etree._Element]:
    """Return the elements that an element-selecting *xpath* finds under *root*.

    Args:
        xpath: A compiled XPath expression that selects elements.
        root: The element to evaluate it on.

    Returns:
        The elements found, in document order; other results (strings, numbers)
        are dropped.
    """
    found = xpath(root)
    if not isinstance(found, list):
        return []
    return [e for e in found if isinstance(e, etree._Element)]


def line_of(element: etree._Element) -> int | None:
    """Return the 1-based source line of *element*.

    Args:
        element: An element of a parsed document.

    Returns:
        The line, or ``None`` when lxml does not know it.
    """
    line: object = element.sourceline  # the stubs do not say int
    return line if isinstance(line, int) and line > 0 else None
