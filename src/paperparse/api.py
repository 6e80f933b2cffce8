"""The entry point: :func:`parse`."""

from __future__ import annotations

import contextlib
import os
import re
from typing import Final, Literal

import attrs

from . import normalize
from .encoding import decode_guessing
from .errors import EmptyInput, InputTooLarge, StrictModeError, UnrecognizedPage
from .layouts import BUILT_IN, Layout, labels_of
from .model import Paper, ParseWarning
from .outline import text as outline_text
from .outline.block import Outline
from .recognise import recognise
from .record import build

Format = Literal["auto", "text", "html"]
_FORMATS: Final = ("auto", "text", "html")

DEFAULT_MAX_SIZE: Final = 50 * 1024 * 1024
"""Default size limit of one page, in bytes (characters for ``str`` input)."""

#: An XML declaration, which may open an XHTML document.
_XML_DECLARATION: Final = re.compile(r"<\?xml[^>]{0,200}>")
#: The first tag of an HTML document (after whitespace, a declaration and comments,
#: which :func:`_html_start` skips without a pattern: a pattern repeating
#: ``<!--.*?-->`` backtracks exponentially over many comments before a non-tag).
_HTML_START: Final = re.compile(
    r"<(?:!doctype\s{1,20}html|html|head|body|meta|div|p|table|section|article)\b",
    re.IGNORECASE,
)
_SNIFF: Final = 2048
#: A str that reads as the name of a page file (a common mistake: str is content).
_FILE_NAME: Final = re.compile(r"[^\n<>]{0,4096}\.(?:txt|html?|json)", re.IGNORECASE)


def _skip_blanks(text: str, index: int) -> int:
    while index < len(text) and text[index].isspace():
        index += 1
    return index


def _html_start(head: str) -> bool:
    r"""Return whether *head* starts with an HTML tag, after blanks, ``<?xml?>``, comments.

    >>> _html_start(" <?xml version='1.0'?>\n<!-- a --><!----> <HTML>"), _html_start("<!-- a")
    (True, False)
    """
    index = _skip_blanks(head, 0)
    if (declaration := _XML_DECLARATION.match(head, index)) is not None:
        index = _skip_blanks(head, declaration.end())
    while head.startswith("<!--", index):
        end = head.find("-->", index + 4)
        if end < 0:
            return False
        index = _skip_blanks(head, end + 3)
    return _HTML_START.match(head, index) is not None


def looks_like_html(text: str) -> bool:
    r"""Return whether *text* is HTML rather than a text dump.

    This is the test behind ``parse(format="auto")``: the page starts with a doctype,
    ``<html``, ``<head>``, ``<body>``, ``<meta>`` or a common block tag (after
    whitespace, an XML declaration and comments), or its first 2 KB are dense with tags.

    Args:
        text: The page content.

    Returns:
        ``True`` for HTML, ``False`` for a text dump.

    Examples:
        >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("4.7 Review\nTitle")
        (True, False)
    """
    head = text[:_SNIFF]
    if "<" not in head:
        return False
    if _html_start(head):
        return True
    tags = head.count("</") + head.count("/>")
    return tags >= 5 and head.count("<") * 40 >= len(head)


def _read(
    source: str | bytes | os.PathLike[str] | os.PathLike[bytes], max_size: int
) -> tuple[str, str | None]:
    """The page as text, and the name of its encoding if that had to be guessed."""
    if isinstance(source, str):
        source = normalize.fix_surrogates(source)
        if len(source) > max_size:
            raise InputTooLarge(
                f"The input is {len(source):,} characters long, over the limit of "
                f"{max_size:,}; pass a larger max_size to parse it."
            )
        return source, None
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, os.PathLike):
        path = os.fspath(source)
        size = os.path.getsize(path)
        if size > max_size:
            raise InputTooLarge(
                f"The file {os.fsdecode(path)!r} is {size:,} bytes, over the limit of "
                f"{max_size:,}; pass a larger max_size (--max-size on the command line) "
                "to parse it."
            )
        with open(path, "rb") as handle:
            data = handle.read(max_size + 1)
    else:
        raise TypeError(
            "parse() expects the page as str (content), bytes, or a path "
            f"(pathlib.Path), not {type(source).__name__}."
        )
    if len(data) > max_size:
        raise InputTooLarge(
            f"The input is {len(data):,} bytes, over the limit of {max_size:,}; "
            "pass a larger max_size (--max-size on the command line) to parse it."
        )
    return decode_guessing(data)


def _guessed_encoding(name: str) -> ParseWarning:
    return ParseWarning(
        "guessed_encoding",
        f"The input bytes are not UTF-8 and declare no encoding that fits them; they were "
        f"decoded as {name}, a guess from their content. Declare the charset (or save the "
        "page as UTF-8) to be sure of every accented letter.",
        None,
    )


def _build(outline: Outline, provenance: bool, layout: Layout | None) -> Paper:
    """Read *outline* with *layout*, or with the built-in layout whose signature it shows.

    Which site the page is of is decided once, before reading (:mod:`.recognise`). A
    page that shows no site's signature is read from its metadata alone (with the first
    layout), or refused: an HTML page of another site must not become a known site's
    record.
    """
    candidates = BUILT_IN if layout is None else (layout,)
    if len(candidates) == 1:
        return build(outline, candidates[0], provenance=provenance)
    for candidate in recognise(outline, candidates):
        with contextlib.suppress(UnrecognizedPage):
            return build(outline, candidate, provenance=provenance, metadata_only=False)
    # No site's signature: the first layout's reading says what the page lacks.
    return build(
        outline,
        candidates[0],
        provenance=provenance,
        metadata_only=outline.metadata is not None,
    )


def _check_options(fmt: str, max_size: object, layout: object) -> None:
    """Raise the error a wrong option gets (see :func:`parse`)."""
    if fmt not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(map(repr, _FORMATS))}, not {fmt!r}.")
    if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size <= 0:
        raise ValueError(f"max_size must be a positive int, not {max_size!r}.")
    if layout is not None and not isinstance(layout, Layout):
        raise TypeError(
            "layout must be a paperparse.layouts.Layout (such as layouts.PEEREF.extend(...)), "
            f"not {type(layout).__name__}."
        )


def parse(
    source: str | bytes | os.PathLike[str] | os.PathLike[bytes],
    /,
    *,
    format: Format = "auto",  # noqa: A002 - the natural name; shadows nothing used here
    strict: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
    provenance: bool = False,
    layout: Layout | None = None,
) -> Paper:
    r"""Parse one paper page into a :class:`~paperparse.Paper`.

    Args:
        source: The page. A ``str`` is the page content (never a file name);
            ``bytes`` are decoded (byte-order mark, UTF-8, then detection, which
            adds a ``guessed_encoding`` warning); an
            ``os.PathLike`` such as :class:`pathlib.Path` is read from disk.
        format: ``"auto"`` (default) tells text from HTML by looking at the start
            of the page; ``"text"`` or ``"html"`` force one.
        strict: Raise :class:`~paperparse.StrictModeError` at the first warning
            instead of returning a record with warnings.
        max_size: Largest input accepted, in bytes (characters for ``str``).
        provenance: Record where each value came from (``Paper.provenance``: the
            lines and the reader of each field); off by default, as it makes records
            larger.
        layout: The site layout to read the page with (:mod:`paperparse.layouts`),
            for instance one a user extended with chrome or label synonyms; by
            default each built-in layout is tried and the page's signature picks one.

    Returns:
        The record. Fields the page does not state are ``None`` or empty; text the
        parser could not place is listed in ``Paper.warnings``.

    Raises:
        EmptyInput: The page is empty or whitespace only.
        UnrecognizedPage: Nothing on the page looks like a paper page.
        UndecodableInput: ``bytes`` that are not text in any known encoding.
        InputTooLarge: The input is larger than ``max_size``.
        StrictModeError: ``strict=True`` and the page raised a warning.
        OSError: ``source`` is a path that cannot be read (missing, a directory,
            permission denied).
        TypeError: ``source`` is of another type.
        ValueError: ``format`` or ``max_size`` is not a valid option.

    Examples:
        >>> paper = parse("4.7 Review\nA title\nJournal\nNATURE\nDOI: 10.1038/x1\nRate this paper")
        >>> paper.title, paper.journal.name, paper.doi
        ('A title', 'NATURE', '10.1038/x1')
    """
    _check_options(format, max_size, layout)
    text, guessed = _read(source, max_size)
    if not text or text.isspace():
        raise EmptyInput("The input is empty or holds only whitespace; expected a paper page.")
    fmt = format
    if fmt == "auto":
        fmt = "html" if looks_like_html(text) else "text"
    if fmt == "html":
        from .outline import html  # lxml is only imported for HTML input

        outline = html.read(text)
    else:
        outline = outline_text.read(text, labels_of(BUILT_IN if layout is None else (layout,)))
        if not outline.blocks:
            raise EmptyInput(
                "The input holds no visible text (only whitespace, invisible characters or "
                "markup); expected a paper page."
            )
    try:
        paper = _build(outline, provenance, layout)
    except UnrecognizedPage as error:
        if isinstance(source, str) and _FILE_NAME.fullmatch(source.strip()):
            raise UnrecognizedPage(
                f"{error} The input is the text {source.strip()!r}: a str is the page "
                "itself, never a file name; pass pathlib.Path(...) to read a file."
            ) from None
        raise
    if outline.problems:
        found = tuple(ParseWarning("unreadable_value", m, n) for n, m in outline.problems)
        paper = attrs.evolve(paper, warnings=(*found, *paper.warnings))
    if guessed is not None:
        paper = attrs.evolve(paper, warnings=(_guessed_encoding(guessed), *paper.warnings))
    if strict and paper.warnings:
        raise StrictModeError(paper.warnings[0])
    return paper
