"""Pure ``str -> str`` helpers that remove layout noise from page text."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence
from typing import Final

#: Characters that carry no text: zero-width spaces/joiners, word joiner, BOM,
#: soft hyphen, direction marks, C0 control characters other than whitespace (NUL
#: included), DEL, the noncharacters U+FFFE and U+FFFF, and the private-use
#: characters U+E000-U+E003 that the HTML path uses as in-band markers (so no input
#: can forge one).
_INVISIBLE: Final[dict[int, None]] = dict.fromkeys(
    [
        *map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u180e"),
        *range(0x09),
        *range(0x0E, 0x1C),
        0x7F,
        0xFFFE,
        0xFFFF,
        *range(0xE000, 0xE004),
    ],
    None,
)
#: A lone surrogate (written with chr(): a source file cannot hold one in a literal).
_SURROGATE: Final = re.compile(f"[{chr(0xD800)}-{chr(0xDFFF)}]")
#: Any run of characters of _INVISIBLE: searching for one is much cheaper than
#: translating, and removing the runs a pattern finds is too (a str.translate() looks
#: each character up: 40 against 4 µs on a 3,000-character page with a few of them).
_ANY_INVISIBLE: Final = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(_INVISIBLE)) + "]+"
)

#: First character of a line that stands for a rating widget (``WIDGET + "score 4.5"``);
#: only the HTML path makes such lines.
WIDGET: Final = "\ue002"

#: A hard-wrapped line of a paragraph is at least this long: dump tools wrap at 60 or
#: more columns, so a shorter line ended its paragraph (or list item) on the page.
WRAPPED_LINE_MIN: Final = 40

#: One normalised line of the input: (1-based line number, text).
Line = tuple[int, str]

_DASHES: Final[dict[int, str]] = dict.fromkeys(
    map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-"
)
_DASH_RUN: Final[re.Pattern[str]] = re.compile(r"-{1,2}")


def fix_surrogates(text: str) -> str:
    r"""Replace lone surrogates (which no encoding can write) by U+FFFD.

    >>> fix_surrogates("a\ud800b")
    'a\ufffdb'
    """
    if text.isascii():
        return text
    try:
        text.encode("utf-8")  # C speed; the pattern scans a long page slowly
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def remove_invisible(text: str) -> str:
    r"""*text* without the characters that carry no text (zero-width spaces, controls …).

    >>> remove_invisible("a\u200bb\x00c")
    'abc'
    """
    return _ANY_INVISIBLE.sub("", text)


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Return the lookup key of *text*: case-folded, spaces collapsed, no trailing colon.

    Layouts key their words so (:mod:`paperparse.layouts`).

    >>> fold("  Key   Words : ")
    'key words'
    """
    return " ".join(text.casefold().split()).rstrip(":").rstrip()


def clean(text: str) -> str:
    r"""Return *text* in NFC with invisible characters removed and whitespace collapsed.

    >>> clean("  Acute\u00a0liver\u200b  fail\u00adure\t")
    'Acute liver failure'
    >>> clean("Cafe\u0301") == "Caf\u00e9"
    True
    """
    text = _ANY_INVISIBLE.sub("", text)
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def clean_line(line: str) -> str:
    r""":func:`clean` for a stripped, non-empty line, fast when there is nothing to do.

    Most lines of a dump are printable text with single spaces: only the others (tabs,
    NBSP, invisible or control characters, runs of spaces) need cleaning, and
    :meth:`str.isprintable` is False for every character that :func:`clean` changes.

    >>> clean_line("Acute liver failure"), clean_line("a\u00a0 b\u200b")
    ('Acute liver failure', 'a b')
    """
    if "  " in line or not line.isprintable():
        return clean(line)
    if not line.isascii() and not unicodedata.is_normalized("NFC", line):
        return unicodedata.normalize("NFC", line)
    return line


def unify_dashes(text: str) -> str:
    r"""Replace en/em dashes, minus signs and ``--`` by ``-``; drop spaces around dashes.

    >>> unify_dashes("233 \u2013 247"), unify_dashes("2--3")
    ('233-247', '2-3')
    """
    if not text.isascii():
        text = text.translate(_DASHES)
    if "-" not in text:
        return text
    # Only spaces (every other whitespace character is not printable) around a dash,
    # or a double dash, need the pattern.
    if "--" in text or " -" in text or "- " in text or not text.isprintable():
        # The dash runs are found first and the blanks around them stripped from the
        # parts between (not matched by the pattern: a long run of blanks stays linear).
        parts = _DASH_RUN.split(text)
        last = len(parts) - 1
        return "-".join(
            part
            if last == 0
            else part.rstrip()
            if i == 0
            else part.lstrip()
            if i == last
            else part.strip()
            for i, part in enumerate(parts)
        )
    return text


def is_dash(text: str) -> bool:
    r"""Return whether *text* is a lone dash: the page's way of saying "no value".

    >>> is_dash("\u2014"), is_dash("-"), is_dash("4")
    (True, True, False)
    """
    return text in {"-", "\u2013", "\u2014", "\u2012", "\u2015", "\u2212", "--", "n/a", "N/A"}


def join_wrapped(parts: list[str]) -> str:
    """Join lines of one paragraph with spaces, undoing a hyphen break at a line end.

    >>> join_wrapped(["Hepatocyte-", "like cells", "and more"])
    'Hepatocyte-like cells and more'
    """
    out: list[str] = []
    for part in parts:
        if out and out[-1].endswith("-") and out[-1][-2:-1].isalpha() and part[:1].isalpha():
            out[-1] += part
        else:
            out.append(part)
    return " ".join(out)


def split_element(parts: Sequence[str], *, separators: str = "") -> bool:
    r"""Whether *parts*, the lines of one value, show an element's text cut up by a tool.

    BeautifulSoup's ``get_text("\n")`` puts each inline element on a line of its own:
    ``N<sup>6</sup>-methyl`` becomes ``N``, ``6``, ``-methyl``. Joined with spaces,
    that text is not the page's, and where the page had spaces cannot be told. A
    tool that wraps lines breaks them at spaces, so a line of such a value never
    starts with closing punctuation or a hyphen glued to a word, and no line inside
    it is a lone token of one or two characters. A line may start with one of
    *separators* (a list's separator that a tool put on a line of its own).

    >>> split_element(["N", "6", "-methyladenosine (m", "6", "A) is"])
    True
    >>> split_element(["Aqueous zinc-ion batteries are attractive for grid storage", "at -80 C."])
    False
    """
    last = len(parts) - 1
    for index, part in enumerate(parts):
        if not index:
            continue
        first = part[:1]
        if (first in _CLOSING and first not in separators) or (
            first == "-" and part[1:2].isalpha()
        ):
            return True
        if index < last and len(part) <= _LONE_TOKEN and part.isalnum():
            return True
    return False


#: Characters that follow a word without a space: a line never starts with one.
_CLOSING: Final = frozenset(").,;:]}")
_LONE_TOKEN: Final = 2
