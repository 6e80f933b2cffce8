"""What only the site's pages show, and the lines that stand for themselves.

The site's address and its author-claim prompt, the paper's DOI line, a label glued
to its value by a dump (``JournalNATURE``), and the page header of a score and an
article type (``4.7 Review``). None of them depends on the section a line stands in.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

from ..fields.citation import read_doi_link_line
from ..fields.doi import parse_doi_line
from ..fields.rating import looks_like_score, parse_score
from ..layouts import Layout
from ..layouts.compiled import GLUE_START
from ..normalize import fold
from ..outline.block import Block
from .base import DECORATION, GLUED, MAX_LABEL_LINE, OPENS, LineRole, label_key

# --- the site's own words: its address and the author-claim prompt -------------------


def names_site(text: str, layout: Layout) -> bool:
    """Whether *text* holds one of the site's addresses (``www.PEEREF.Com``, any case).

    Looked for in the lower-cased line: the same answer as a case-blind pattern, and
    10x faster on a long line (1.3 against 17 µs on the seed's abstract).
    """
    addresses = layout.compiled.addresses
    if not addresses:
        return False
    lowered = text.lower()
    for address in addresses:  # noqa: SIM110 - a loop, not any(): no generator a line
        if address in lowered:
            return True
    return False


def page_names_site(page: str, layout: Layout) -> bool:
    """Whether a line of *page* may name the site; if not, none does (:func:`names_site`).

    *page* is the page's lines joined by newlines; its ASCII letters are lower-cased as
    UTF-8 bytes: an ASCII address shows in any case there, and a line break joins no two
    lines into one.
    Lower-casing the page as a str is slow once it holds one non-ASCII character, and
    testing each long line costs a call a line. Non-ASCII addresses, and the two
    characters that lower-case to an ASCII letter, send every line to
    :func:`names_site`.
    """
    addresses = layout.compiled.ascii_addresses
    if addresses is None:
        return True
    if not addresses:
        return False
    if "\u0130" in page or "\u212a" in page:  # İ and the Kelvin sign: "i̇" and "k"
        return True
    data = page.encode("utf-8", "surrogatepass").lower()
    return any(address in data for address in addresses)


#: The longest author-claim line (with some room for a dump's decoration).
_MAX_CLAIM_LINE: Final = 90


def is_claim(text: str, layout: Layout) -> bool:
    """Whether *text* is a line of the author-claim prompt."""
    return (
        len(text) <= _MAX_CLAIM_LINE
        and text[0].casefold() in layout.compiled.claim_first
        and claim_key(text) in layout.claim_lines
    )


def claim_key(text: str) -> str:
    """The key of a claim line in the layout's ``claim_lines`` (no final full stop)."""
    return fold(text).rstrip(".\u3002 ")


# --- DOI lines ------------------------------------------------------------------------

#: First characters of a DOI line (``DOI:``, ``doi:``, ``https://doi.org``, ``(doi``,
#: a bare ``10.``): a cheap test that spares most lines the full parser (0.1 against
#: 0.7 µs a line that is no DOI line).
DOI_STARTS: Final = frozenset("dDhH([<1")


def doi_line(text: str, layout: Layout) -> tuple[str, bool] | None:
    """The DOI a line states, and whether the site's link text follows it (a marker).

    On a site that writes a link text after the DOI (``https://doi.org/… · Full
    text``), that text is no part of the DOI and names the site.
    """
    if not layout.doi_suffixes:
        doi = parse_doi_line(text)
        return None if doi is None else (doi, False)
    return read_doi_link_line(text, layout.doi_suffixes)


# --- glued labels ---------------------------------------------------------------------

#: Where a dump glued two blocks: a lower-case letter followed by a capital or a digit.
_GLUE: Final = re.compile(r"(?<=[a-z])(?=[A-Z0-9])")


@functools.lru_cache(maxsize=4096)
def glued_label(text: str, layout: Layout) -> LineRole | None:
    """Read *text* as a label glued to what follows it (``KeywordsIS use; …``), if it is."""
    glue = _GLUE.search(text, 0, MAX_LABEL_LINE)
    if glue is None:
        return None
    label, rest = text[: glue.start()], text[glue.start() :]
    key = label_key(label)
    kind = layout.labels.get(key)
    if kind is not None and (second := layout.labels.get(label_key(rest))) is not None:
        return LineRole(OPENS, second)  # two labels glued: "ReviewsPrimary Rating"
    if kind is not None and kind != "doi":
        return LineRole(GLUED, kind, rest)
    if key in layout.other_sections:
        return LineRole(GLUED, "other", rest)
    return None


#: A dump that glues the page's blocks shows it this often: one glued label alone may be
#: a value that starts with a label's word (``SourceForge``).
_GLUED_LABELS: Final = 2


def is_glued_page(blocks: Sequence[Block], layout: Layout) -> bool:
    """Whether the page's text tool glued its blocks (labels run into their values).

    Only a line that starts as one of the layout's labels (or a heading of a skipped
    section) starts may be a glued label (``JournalNATURE``): the others are passed over
    with one lookup of their first characters (most lines of most pages).
    """
    starts = layout.compiled.glue_starts
    short = layout.compiled.short_glue_words
    count = 0
    for block in blocks:
        text = block.text
        if text[0] in DECORATION:
            text = text.lstrip(DECORATION)
        start = text[:_GLUE_START].casefold()[:_GLUE_START]
        if start not in starts and not (short and start.startswith(short)):
            continue
        text = block.text
        if glued_label(text, layout) is not None:
            count += 1
            if count >= _GLUED_LABELS:
                return True
    return False


#: How many first characters of a line are looked up (:func:`is_glued_page`).
_GLUE_START: Final = GLUE_START


# --- the page header ------------------------------------------------------------------


def parse_header(text: str, layout: Layout) -> tuple[float | None, str | None] | None:
    """Read a header line: ``4.7 Review``, ``4.7``, or ``Review``.

    Emphasis marks around it (``__4.7 Article``: html2text's empty ``<i>`` of an icon)
    are no part of it, as around a label; nor are star glyphs before the score.
    """
    if len(text) > MAX_LABEL_LINE:
        return None
    return _read_header(text.strip(DECORATION).lstrip(_STAR_GLYPHS) or text, layout)


#: Star glyphs a page draws before its score (``★ 4.1``).
_STAR_GLYPHS: Final = "\u2605\u2606\u272d\u2b50\ufe0f "


@functools.lru_cache(maxsize=1024)
def _read_header(text: str, layout: Layout) -> tuple[float | None, str | None] | None:
    if (kind := article_type(text, layout, known_only=True)) is not None:
        return None, kind
    if looks_like_score(text):
        return parse_score(text), None
    first, _, rest = text.partition(" ")
    if (
        looks_like_score(first)
        and (kind := article_type(rest, layout, known_only=False)) is not None
    ):
        return parse_score(first), kind
    return None


#: The most words an article type not in the layout may have (``Research Article``).
_MAX_TYPE_WORDS: Final = 4


def article_type(text: str, layout: Layout, *, known_only: bool) -> str | None:
    """The article type(s) *text* names: ``Review``, or ``Article; Early Access``.

    Web of Science joins types with ``;``; each part is a known type or, next to a score
    on the header line (*known_only* false), a short phrase of capitalised words that is
    no other word of the layout (``Research Article``).
    """
    parts = [part.strip() for part in text.split(";")]
    names: list[str] = []
    for part in parts:
        key = fold(part)
        if key in layout.article_types:
            names.append(layout.article_types[key])
        elif not known_only and _looks_like_type(part, key, layout):
            names.append(part)
        else:
            return None
    return "; ".join(names)


def _looks_like_type(part: str, key: str, layout: Layout) -> bool:
    words = part.split()
    return (
        0 < len(words) <= _MAX_TYPE_WORDS
        and all(word[0].isupper() and word.replace("-", "").isalpha() for word in words)
        and key not in layout.labels
        and key not in layout.rating_notes
        and key not in layout.chrome_lines
        and key not in layout.other_sections
    )


def is_page_header(text: str, layout: Layout) -> bool:
    """Whether *text* is a full page header: a score and an article type (``4.7 Review``)."""
    header = parse_header(text, layout)
    return header is not None and header[0] is not None and header[1] is not None
