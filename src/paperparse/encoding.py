"""Bytes -> text: byte-order mark, declared charset, UTF-8, then detection.

Binary files saved under a page's name (images, PDFs, archives) are recognised by
their magic numbers and refused with a message that names what they are.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
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


#: A UTF-8 sequence of the right length for its lead byte (two, three or four bytes).
_UTF8_SEQUENCE: Final = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTES: Final = re.compile(rb"[\x80-\xff]+")


def _utf8_shaped(data: bytes) -> bool:
    r"""Whether the non-ASCII bytes of *data* form mostly UTF-8-shaped sequences.

    Such bytes are UTF-8 with a few bad sequences (a file mixing encodings, an encoded
    lone surrogate), not a legacy encoding: a lead byte followed by the right number
    of continuation bytes is rare in Windows-1252 or CJK text.

    >>> _utf8_shaped("caf\u00e9 ".encode() + b"Am\xe9lioration")
    True
    >>> _utf8_shaped("Am\u00e9lioration caf\u00e9".encode("cp1252"))
    False
    """
    high = sum(len(run) for run in _HIGH_BYTES.findall(data))
    sequences = _UTF8_SEQUENCE.findall(data)
    stray = high - sum(map(len, sequences))
    # At least as many whole sequences as stray bytes: EUC-JP or GBK byte pairs form
    # a two-byte UTF-8 sequence now and then, but leave more bytes stray than that.
    return high > 0 and len(sequences) >= stray


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
    that hold them empty, with a warning. :func:`decode_guessing` also says whether
    the encoding was guessed.

    Raises:
        UndecodableInput: binary data, or bytes that no text encoding fits.

    >>> cafe = "Caf\u00e9"
    >>> decode(cafe.encode("utf-8")) == decode(cafe.encode("cp1252")) == cafe
    True
    >>> decode(b"\xef\xbb\xbfok")
    'ok'
    """
    return decode_guessing(data)[0]


def decode_guessing(data: bytes) -> tuple[str, str | None]:
    r"""Decode page bytes, and name the encoding if it had to be guessed.

    A byte-order mark, a declared charset that decodes the bytes, and valid UTF-8 are
    certain; anything else is a guess from the bytes' content (see
    :func:`guess_legacy`), and the caller should say so.

    Args:
        data: The page's bytes.

    Returns:
        The text, and ``None`` or the display name of the guessed encoding.

    Raises:
        UndecodableInput: binary data, or bytes that no text encoding fits.

    Examples:
        >>> decode_guessing("\u0141ukasz Wr\u00f3bel".encode("iso-8859-2"))
        ('Łukasz Wróbel', 'Windows-1250')
        >>> decode_guessing("Łukasz".encode("utf-8"))
        ('Łukasz', None)
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), None
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
            return data.decode(declared), None
        except UnicodeDecodeError:
            pass  # a wrong declaration: fall through to UTF-8 and detection
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    if _utf8_shaped(data):
        return data.decode("utf-8", "replace"), None  # UTF-8 with a few bad sequences
    return guess_legacy(data)


#: Single-byte encodings tried after the detector's answers, most common first.
_FALLBACKS: Final = (
    "cp1252",
    "cp1250",
    "iso8859-2",
    "cp1251",
    "koi8-r",
    "cp1254",
    "cp1253",
    "cp1257",
    "gb18030",
    "big5",
    "cp932",
    "cp949",
)
#: The legacy encodings web pages are written in (the WHATWG Encoding Standard's),
#: as Python codec names: a detector's answer outside them (``hp_roman8``,
#: ``mac_cyrillic``, ``iso8859_10``) is a fit to few bytes, not a page's encoding.
_WEB_LEGACY: Final = frozenset(
    {
        *(f"cp{n}" for n in range(1250, 1259)),
        *(f"iso8859-{n}" for n in (2, 5, 6, 7, 8, 9, 15)),
        "koi8-r",
        "koi8-u",
        "gb18030",
        "big5",
        "cp932",
        "euc_jp",
        "iso2022_jp",
        "cp949",
        "cp866",
    }
)
#: Display names of the codecs a guess can name.
_DISPLAY: Final = {
    "cp1252": "Windows-1252",
    "cp1250": "Windows-1250",
    "cp1251": "Windows-1251",
    "cp1253": "Windows-1253",
    "cp1254": "Windows-1254",
    "cp1257": "Windows-1257",
    "iso8859-2": "ISO-8859-2",
    "koi8-r": "KOI8-R",
    "gb18030": "GB18030",
    "big5": "Big5",
    "cp932": "Shift_JIS (Windows-31J)",
    "cp949": "EUC-KR (Windows-949)",
}
#: How much of a page the plausibility score reads.
_SCORE_SAMPLE: Final = 1 << 16


def guess_legacy(data: bytes) -> tuple[str, str]:
    r"""Guess the legacy encoding of *data*: the reading with the fewest oddities.

    Windows-1252 wins when it reads as Western European text with no oddity (see
    :func:`oddities`) and the bytes do not carry Turkish's mark; otherwise every
    candidate (charset-normalizer's answers first, then common legacy encodings) is
    decoded strictly and the one whose text has the fewest oddities is taken, the
    detector's order breaking ties.

    Args:
        data: Bytes that are not UTF-8 and declare no (working) charset.

    Returns:
        The text, and the display name of the encoding guessed.

    Raises:
        UndecodableInput: no candidate decodes the bytes.

    Examples:
        >>> guess_legacy("\u0130smail I\u015f\u0131k".encode("cp1254"))[1]
        'Windows-1254'
        >>> name = "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432"
        >>> guess_legacy(name.encode("cp1251"))
        ('Иван Петров', 'Windows-1251')
    """
    turkish = _turkish_mark(data)
    legacy = _western(data)
    if legacy is not None and not turkish and oddities(legacy[:_SCORE_SAMPLE]) == 0:
        return legacy, _DISPLAY["cp1252"]
    best: tuple[int, int, str, str] | None = None
    for rank, codec in enumerate(_candidates(data)):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        score = oddities(text[:_SCORE_SAMPLE])
        if turkish and codec not in _TURKISH_CODECS:
            score += 1
        if best is None or (score, rank) < best[:2]:
            best = (score, rank, text, codec)
        if score == 0:
            break  # no later candidate can do better: ties go to the earlier one
    if best is None:
        raise UndecodableInput(
            "The input bytes could not be decoded as text in any known encoding "
            "(expected UTF-8, UTF-16 or a declared or detectable legacy encoding)."
        )
    codec = best[3]
    return best[2], _DISPLAY.get(codec, codec.upper())


_TURKISH_CODECS: Final = frozenset({"cp1254", "iso8859-9"})


def _candidates(data: bytes) -> list[str]:
    """The codecs to try: the detector's answers, then the common legacy encodings."""
    from charset_normalizer import from_bytes

    detected = [text_codec(match.encoding) for match in from_bytes(data[:_SCORE_SAMPLE])]
    answers = [codec for codec in detected if codec is not None and codec in _WEB_LEGACY]
    # The detector's best answer first; its other answers after the common encodings.
    ordered = answers[:1] + [c for name in _FALLBACKS if (c := text_codec(name))] + answers[1:]
    return list(dict.fromkeys(ordered))


#: Bytes of Windows-1254 letters that Turkish uses often (dotless i, dotted capital I,
#: g with breve), and bytes of the acute vowels (á é í ó ú) that Turkish never uses
#: but Icelandic, Czech or Spanish text holding the same bytes (ý ð) does.
_TURKISH_BYTES: Final = frozenset(b"\xfd\xdd\xf0\xd0")
_ACUTE_BYTES: Final = frozenset(b"\xe1\xe9\xed\xf3\xfa\xc1\xc9\xcd\xd3\xda")


def _turkish_mark(data: bytes) -> bool:
    """Whether single-byte *data* holds Turkish letters of Windows-1254, no acute vowel."""
    high = set(data[:_SCORE_SAMPLE]) - set(range(0x80))
    return bool(high & _TURKISH_BYTES) and not high & _ACUTE_BYTES


#: Symbols that stand next to letters in real text: quotes, dashes, ©, ®, ™, °, €.
_TYPOGRAPHIC: Final = frozenset(
    "\u2018\u2019\u201a\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a\u2013\u2014\u2026"
    "\u00b7\u2022\u2122\u00ae\u00a9\u00b0\u20ac\u00b4\u2020\u2021\u00a0"
)


def oddities(text: str) -> int:
    r"""Count the marks of a wrong decoding in *text* (0 for well-decoded text).

    An oddity is a control character; a symbol glued inside a word or opening a
    lower-case word (``£ukasz``, ``Wo³ek``), where a letter of another encoding was
    read as the symbol at its byte; a word mixing Latin with Cyrillic or Greek
    letters; a word whose non-ASCII letters change from lower to upper case; four
    non-ASCII Latin letters in a row (``Èâàí``, Cyrillic read as Windows-1252); letters
    that no Western language puts in one word (``ø`` with ``á``; ``ì`` inside a word).

    Args:
        text: Decoded text.

    Returns:
        The number of oddities.

    Examples:
        >>> oddities("\u0141ukasz Wr\u00f3bel, 20 m\u00b2, \u00bfQu\u00e9?")
        0
        >>> oddities("\u00a3ukasz Wo\u00b3ek")
        2
    """
    # Oddities stand in tokens holding a non-ASCII character; str.isascii is fast.
    return sum(
        _token_oddities(token) + _clashes(token) for token in text.split() if not token.isascii()
    )


_WORD: Final = re.compile(r"[^\W\d_]+")
#: Letters that Western languages never put in one word: ``ø`` (Danish, Norwegian)
#: with an acute ``á í ú ý`` (Czech ``ř`` and ``á`` read as Windows-1252: ``Dvoøák``).
_NORDIC: Final = frozenset("\u00f8\u00d8")
_ACUTE: Final = frozenset("\u00e1\u00ed\u00fa\u00fd\u00c1\u00cd\u00da\u00dd")
#: ``ì`` ends an Italian word; inside one it is Czech ``ě`` read as Windows-1252.
_INNER_GRAVE_I: Final = re.compile(r"[\u00ec\u00cc](?=[^\W\d_])")


def _clashes(token: str) -> int:
    """Words of *token* holding letters no Western language puts together."""
    count = len(_INNER_GRAVE_I.findall(token))
    for word in _WORD.findall(token):
        letters = set(word)
        count += bool(letters & _NORDIC) and bool(letters & _ACUTE)
    return count


#: Scripts whose letters a word does not mix (other letters, such as the micro sign,
#: belong to none).
_SCRIPTS: Final = frozenset(
    {"LATIN", "CYRILLIC", "GREEK", "ARMENIAN", "HEBREW", "ARABIC", "THAI", "HANGUL", "CJK"}
)


def _script(char: str) -> str | None:
    name = unicodedata.name(char, "?").split(" ", 1)[0]
    if name in _EAST_ASIAN:
        return "CJK"
    return name if name in _SCRIPTS else None


def _token_oddities(token: str) -> int:
    """The oddities of one whitespace-delimited token (see :func:`oddities`)."""
    count = 0
    previous = " "
    scripts: set[str | None] = set()
    latin_run = 0
    lower_seen = False
    for index, char in enumerate(token):
        if char < "\x80":
            if char.isalpha():
                scripts.add("LATIN")
            else:
                count += len(scripts - {None}) > 1
                scripts = set()
                lower_seen = False
            latin_run = 0
            previous = char
            continue
        category = "So" if char in "\u00aa\u00ba" else unicodedata.category(char)
        if category[0] == "L":
            script = _script(char)
            scripts.add(script)
            latin_run = latin_run + 1 if script == "LATIN" else 0
            count += latin_run == _LATIN_RUN
            if char.isupper() and lower_seen:
                count += 1
            lower_seen = lower_seen or char.islower()
            previous = char
            continue
        if category == "Cc" or (
            not "\u3000" <= char <= "\u303f"
            and not "\uff00" <= char <= "\uffef"
            and char not in _TYPOGRAPHIC
            and category[0] in "SPN"
            and _glued_symbol(previous, char, token[index + 1 : index + 2])
        ):
            count += 1
        count += len(scripts - {None}) > 1
        scripts = set()
        latin_run = 0
        lower_seen = False
        previous = char
    return count + (len(scripts - {None}) > 1)


_LATIN_RUN: Final = 4
#: Scripts that one word of Japanese or Chinese text mixes (Korean words are Hangul).
_EAST_ASIAN: Final = frozenset({"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA"})


def _glued_symbol(before: str, symbol: str, after: str) -> bool:
    """Whether *symbol* between *before* and *after* stands where a letter would.

    Spanish opens a question or an exclamation with ``¿``/``¡``, before any letter.
    """
    if not after:
        return False
    return (before.isalpha() and after.isalpha()) or (
        not before.isalnum()
        and after.isalpha()
        and after.islower()
        and symbol not in "\u00bf\u00a1"
    )
