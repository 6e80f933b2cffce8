"""Bytes -> text: byte-order mark, declared charset, UTF-8, then detection.

Binary files saved under a page's name (images, PDFs, archives) are recognised by
their magic numbers and refused with a message that names what they are.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from .errors import UndecodableInput

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: Magic numbers of binary formats that get saved under a page's name by mistake.
_MAGIC: Final = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF file (WebP image, WAV audio or AVI video)"),
    (b"%PDF-", "a PDF document"),
    (b"\x1f\x8b", "gzip-compressed data (decompress it first)"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"BZh", "bzip2-compressed data (decompress it first)"),
    (b"\xfd7zXZ\x00", "xz-compressed data (decompress it first)"),
    (b"(\xb5/\xfd", "zstd-compressed data (decompress it first)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\x7fELF", "an executable file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)

#: Share of NUL bytes above which input without a UTF-16/32 byte-order mark is binary.
_MAX_NUL_SHARE: Final = 0.05
_SNIFF: Final = 8192

#: ``<meta charset="...">`` or ``<meta http-equiv="Content-Type" content="...; charset=...">``.
_META_CHARSET: Final = re.compile(
    rb"<meta\b[^>]{0,200}?charset\s{0,8}=\s{0,8}[\"']?\s{0,8}([A-Za-z0-9_.:-]{1,40})", re.IGNORECASE
)
#: Declared names -> the codec that decodes what sites mean by them (WHATWG Encoding).
_CHARSET_ALIASES: Final = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "euc-kr": "cp949",
}


def declared_charset(head: bytes) -> str | None:
    """Return the codec of a charset declared in the first bytes of an HTML page.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GBK">')
    'gb18030'
    >>> declared_charset(b"<p>no declaration</p>") is None
    True
    """
    if b"charset" not in head.lower():
        return None  # a cheap test first: the pattern scans the bytes slowly
    match = _META_CHARSET.search(head)
    if match is None:
        return None
    return text_codec(match[1].decode("ascii"))


#: Codecs that decode bytes to ``str`` but are no page encoding (and some of which
#: interpret their input: escapes, punycode). A declaration naming one is ignored.
_NOT_PAGE_ENCODINGS: Final = frozenset(
    {"undefined", "unicode_escape", "raw_unicode_escape", "punycode", "idna", "utf-7", "mbcs"}
)


_CODEC_NAME: Final = re.compile(r"[a-z0-9][a-z0-9_.:-]{0,39}")


def text_codec(name: str) -> str | None:
    r"""Return the Python codec for a declared charset *name*, or ``None``.

    Only text encodings count: ``base64``, ``uu`` or ``zlib`` are codecs too, but
    not encodings a page can be in.

    >>> text_codec("Shift_JIS"), text_codec("utf8"), text_codec("uu"), text_codec("nope")
    ('cp932', 'utf-8', None, None)
    >>> text_codec("ut\x00f8") is None
    True
    """
    name = name.strip().lower()
    if _CODEC_NAME.fullmatch(name) is None:
        return None  # garbage, NUL bytes or an absurdly long "name"
    name = _CHARSET_ALIASES.get(name, name)
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_ENCODINGS:
        return None
    return info.name


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    head = data[:_SNIFF]
    if head and head.count(0) / len(head) > _MAX_NUL_SHARE:
        return "binary data (it holds NUL bytes)"
    return None


_UTF8_SEQUENCE: Final = re.compile(rb"[\xc0-\xf7][\x80-\xbf]{1,3}")
_HIGH_BYTES: Final = re.compile(rb"[\x80-\xff]+")


def _utf8_shaped(data: bytes) -> bool:
    r"""Whether most non-ASCII bytes of *data* form UTF-8-shaped sequences.

    Such bytes are UTF-8 with a few bad sequences (a file mixing encodings, an encoded
    lone surrogate), not a legacy encoding: a lead byte followed by the right number
    of continuation bytes is rare in Windows-1252 or CJK text.

    >>> _utf8_shaped("caf\u00e9 ".encode() + b"Am\xe9lioration")
    True
    >>> _utf8_shaped("Am\u00e9lioration caf\u00e9".encode("cp1252"))
    False
    """
    high = sum(len(run) for run in _HIGH_BYTES.findall(data))
    shaped = sum(len(seq) for seq in _UTF8_SEQUENCE.findall(data))
    return high > 0 and shaped * 2 >= high


_NON_ASCII_RUN: Final = re.compile(r"[^\x00-\x7f]{3,}")
#: Share of non-ASCII characters outside runs of three or more above which a text
#: decoded as Windows-1252 reads as Western European text rather than mojibake.
_MIN_ISOLATED_SHARE: Final = 0.7


def _western(data: bytes) -> str | None:
    r"""Decode *data* as Windows-1252 if it reads as Western European text.

    In French, German or Spanish text, accented letters stand alone or in pairs
    between ASCII letters; bytes of a CJK or Cyrillic encoding decoded as
    Windows-1252 come out as long runs of accented letters instead. Short inputs are
    where statistical detection guesses worst, and where this test is most reliable.

    >>> _western("Gr\u00f6\u00dfe und Caf\u00e9".encode("cp1252"))
    'Größe und Café'
    >>> _western("\u4e2d\u6587\u6807\u9898".encode("gb18030")) is None
    True
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii:
        return text
    in_runs = sum(len(run) for run in _NON_ASCII_RUN.findall(text))
    return text if (non_ascii - in_runs) / non_ascii >= _MIN_ISOLATED_SHARE else None


def decode(data: bytes) -> str:
    r"""Decode page bytes: byte-order mark, declared charset, UTF-8, then detection.

    Mostly-UTF-8 bytes with a few invalid sequences (a file that mixes encodings) are
    decoded with U+FFFD in place of the bad bytes; the parser then leaves the values
    that hold them empty, with a warning.

    Raises:
        UndecodableInput: binary data, or bytes that no text encoding fits.

    >>> cafe = "Caf\u00e9"
    >>> decode(cafe.encode("utf-8")) == decode(cafe.encode("cp1252")) == cafe
    True
    >>> decode(b"\xef\xbb\xbfok")
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
    if (kind := _binary_kind(data)) is not None:
        raise UndecodableInput(f"The input is {kind}, not the text or HTML of a page.")
    declared = declared_charset(data[:_SNIFF])
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # a wrong declaration: fall through to UTF-8 and detection
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _utf8_shaped(data):
        return data.decode("utf-8", "replace")  # UTF-8 with a few bad sequences
    legacy = _western(data)
    if legacy is not None:
        return legacy
    # Detection, only for legacy encodings: BeautifulSoup's detector proposes the
    # declared encoding, then charset-normalizer's guess, then UTF-8 and Windows-1252.
    # Each is tried strictly: a guess that does not decode the bytes is no answer.
    from bs4.dammit import EncodingDetector

    for proposed in EncodingDetector(data, is_html=True).encodings:
        codec = text_codec(proposed) if proposed else None
        if codec is None:
            continue
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            continue
    raise UndecodableInput(
        "The input bytes could not be decoded as text in any known encoding "
        "(expected UTF-8, UTF-16 or a declared or detectable legacy encoding)."
    )
