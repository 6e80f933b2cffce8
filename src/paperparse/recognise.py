"""Which site a page is of: the layouts whose signature the page shows, decided once.

A site's **signature** is what only its pages show: a marker line (its name, a heading
only it uses), its address, one of its buttons, its author-claim prompt, a page header
of a score and an article type, a label of a section only it has (Peeref's rating
block), a DOI line ending in its link text, a sub-page heading. Labels such as
``Journal`` or ``Authors`` are on every site's pages, laid out differently, and are no
signature: reading another site's page with a layout would give plausible, wrong
values.

The page is looked at once per candidate layout, line by line, and the look stops at
the first line that shows the signature (on a Peeref page, its first line, the page
header). The record stage checks the signature again on what it read
(:func:`paperparse.record.build`): a page is read with a layout only if it shows it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Final

from .layouts import Layout
from .outline.block import WIDGET, Block, Outline
from .page import sub_page, without_bullets
from .roles import (
    ACTION,
    CHROME,
    DOI_STARTS,
    MAX_LABEL_LINE,
    doi_line,
    is_claim,
    names_site,
    page_names_site,
    parse_header,
    short_line,
    spaced_label,
)


def recognise(outline: Outline, layouts: Sequence[Layout]) -> Iterator[Layout]:
    """The layouts of *layouts* whose signature the page shows, in their order.

    Lazily: a page read with the first one is not looked at for the others.

    >>> from paperparse.layouts import BUILT_IN
    >>> from paperparse.outline.block import Block, Outline
    >>> [layout.site for layout in recognise(Outline([Block(1, "4.7 Review")]), BUILT_IN)]
    ['peeref']
    """
    return (layout for layout in layouts if shows_signature(outline.blocks, layout))


def shows_signature(blocks: Sequence[Block], layout: Layout) -> bool:
    """Whether a line of *blocks* is one only *layout*'s site shows."""
    if layout.glued_bullets:
        blocks = without_bullets(blocks, layout)
    site_named = page_names_site("\n".join([block.text for block in blocks]), layout)
    signature = layout.signature_sections
    for index, block in enumerate(blocks):
        if block.kind == WIDGET:
            continue
        text = block.text
        if len(text) <= MAX_LABEL_LINE:
            line = short_line(text, layout)
            if (
                line.marker
                or line.claim
                or line.header
                or line.role is ACTION
                or (line.kind in signature and line.role is not CHROME)
                or (layout.page_header and _split_header(blocks, index, layout))
            ):
                return True
        elif (site_named and names_site(text, layout)) or is_claim(text, layout):
            return True
        if (
            layout.doi_suffixes
            and text[0] in DOI_STARTS
            and (doi := doi_line(text, layout)) is not None
            and doi[1]
        ):
            return True
        if signature and layout.spaced_labels:
            spaced = spaced_label(text, layout)
            if spaced is not None and spaced.kind in signature:
                return True
    return sub_page(blocks, layout) is not None


#: How far apart a page header's score and article type may stand (a tool that wrote
#: them as two lines).
_HEADER_LINES: Final = 2


def _split_header(blocks: Sequence[Block], index: int, layout: Layout) -> bool:
    """Whether a score at *index* and an article type after it make a page header."""
    text = blocks[index].text
    if not text[:1].isdigit():
        return False
    header = parse_header(text, layout)
    if header is None or header[0] is None:
        return False
    for following in blocks[index + 1 : index + 1 + _HEADER_LINES]:
        found = parse_header(following.text, layout)
        if found is not None and found[1] is not None:
            return True
    return False
