"""A typed helper for element-selecting XPath expressions."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html


def elements(xpath: etree.XPath, root: etree._Element) -> list[lxml_html.HtmlElement]:
    """The elements that an element-selecting *xpath* finds under *root*."""
    found = xpath(root)
    if not isinstance(found, list):
        return []
    return [e for e in found if isinstance(e, lxml_html.HtmlElement)]
