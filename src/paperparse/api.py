"""The entry point: :func:`parse`."""

from __future__ import annotations

import codecs
import os
import re
from typing import Final, Literal

from . import normalize
from .errors import (
    EmptyInput,
    InputTooLarge,
    StrictModeError,
    UndecodableInput,
    UnsupportedFormat,
)
from .model import Paper
from .sections import build_paper

Format = Literal["auto", "text", "html"]
_FORMATS: Final = ("auto", "text", "html")

#: Default size limit of one page, in bytes (characters for ``str`` input).
DEFAULT_MAX_SIZE: Final = 50 * 1024 * 1024

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
#: Start of an HTML document, after optional whitespace and comments.
_HTML_START: Final = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p|table|section|article)\b",
    re.IGNORECASE | re.DOTALL,
)
_SNIFF: Final = 2048
_CONTROL: Final = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Decode page bytes: byte-order mark, then UTF-8, then detection.

    Raises :class:`UndecodableInput` for binary data and bytes no text encoding fits.

    >>> cafe = "Caf\\u00e9"
    >>> decode(cafe.encode("utf-8")) == decode(cafe.encode("cp1252")) == cafe
    True
    >>> decode(b"\\xef\\xbb\\xbfok")
    'ok'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise UndecodableInput(
                    f"The input starts with a {encoding.upper()} byte-order mark but is not "
                    f"valid {encoding.upper()} ({error.reason} at byte {error.start})."
                ) from None
    if b"\x00" in data[: _SNIFF * 4]:
        raise UndecodableInput(
            "The input is binary data (it holds NUL bytes), not the text or HTML of a page."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from bs4.dammit import UnicodeDammit  # only for bytes that are not UTF-8

    text = UnicodeDammit(data, ["utf-8", "cp1252"], is_html=False).unicode_markup
    if text is None or _CONTROL.search(text[: _SNIFF * 4]) is not None:
        raise UndecodableInput(
            "The input bytes could not be decoded as text in any known encoding "
            "(expected UTF-8, UTF-16 or a declared or detectable legacy encoding)."
        )
    return text


def looks_like_html(text: str) -> bool:
    """Return whether *text* is HTML rather than a text dump.

    >>> looks_like_html("<!DOCTYPE html><html>"), looks_like_html("4.7 Review\\nTitle")
    (True, False)
    """
    head = text[:_SNIFF]
    if _HTML_START.match(head):
        return True
    tags = head.count("</") + head.count("/>")
    return tags >= 5 and head.count("<") * 40 >= len(head)


def _read(source: str | bytes | os.PathLike[str] | os.PathLike[bytes], max_size: int) -> str:
    if isinstance(source, str):
        if len(source) > max_size:
            raise InputTooLarge(
                f"The input is {len(source):,} characters long, over the limit of "
                f"{max_size:,}; pass a larger max_size to parse it."
            )
        return source
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
    elif isinstance(source, os.PathLike):
        path = os.fspath(source)
        size = os.path.getsize(path)
        if size > max_size:
            raise InputTooLarge(
                f"The file {os.fsdecode(path)!r} is {size:,} bytes, over the limit of "
                f"{max_size:,}; pass a larger max_size to parse it."
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
            "pass a larger max_size to parse it."
        )
    return decode(data)


def parse(
    source: str | bytes | os.PathLike[str] | os.PathLike[bytes],
    /,
    *,
    format: Format = "auto",  # noqa: A002 - the natural name; shadows nothing used here
    strict: bool = False,
    max_size: int = DEFAULT_MAX_SIZE,
) -> Paper:
    """Parse one paper page into a :class:`~paperparse.Paper`.

    Args:
        source: The page. A ``str`` is the page content (never a file name);
            ``bytes`` are decoded (byte-order mark, UTF-8, then detection); an
            ``os.PathLike`` such as :class:`pathlib.Path` is read from disk.
        format: ``"auto"`` (default) tells text from HTML by looking at the start
            of the page; ``"text"`` or ``"html"`` force one.
        strict: Raise :class:`~paperparse.StrictModeError` at the first warning
            instead of returning a record with warnings.
        max_size: Largest input accepted, in bytes (characters for ``str``).

    Returns:
        The record. Fields the page does not state are ``None`` or empty; text the
        parser could not place is listed in ``Paper.warnings``.

    Raises:
        EmptyInput: The page is empty or whitespace only.
        UnrecognizedPage: Nothing on the page looks like a paper page.
        UndecodableInput: ``bytes`` that are not text in any known encoding.
        InputTooLarge: The input is larger than ``max_size``.
        UnsupportedFormat: HTML input (the HTML path is not available yet).
        StrictModeError: ``strict=True`` and the page raised a warning.
        TypeError: ``source`` is of another type.
        ValueError: ``format`` or ``max_size`` is not a valid option.

    >>> paper = parse("4.7 Review\\nA title\\nJournal\\nNATURE\\nDOI: 10.1038/x1")
    >>> paper.title, paper.journal.name, paper.doi
    ('A title', 'NATURE', '10.1038/x1')
    """
    if format not in _FORMATS:
        raise ValueError(f"format must be one of {', '.join(map(repr, _FORMATS))}, not {format!r}.")
    if not isinstance(max_size, int) or isinstance(max_size, bool) or max_size <= 0:
        raise ValueError(f"max_size must be a positive int, not {max_size!r}.")
    text = _read(source, max_size)
    if not text.strip():
        raise EmptyInput("The input is empty or holds only whitespace; expected a paper page.")
    fmt = format
    if fmt == "auto":
        fmt = "html" if looks_like_html(text) else "text"
    if fmt == "html":
        raise UnsupportedFormat(
            "The input is HTML; this version reads text dumps only "
            "(pass format='text' to read it as text anyway)."
        )
    lines = normalize.lines(text)
    if not lines:
        raise EmptyInput(
            "The input holds only invisible characters and whitespace; expected a paper page."
        )
    paper = build_paper(lines, source_format=fmt)
    if strict and paper.warnings:
        raise StrictModeError(paper.warnings[0])
    return paper
