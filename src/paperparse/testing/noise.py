"""Layout-noise transforms over text page dumps.

Each transform keeps every value of the page and changes only its layout:
whitespace, line ends, invisible characters, Unicode normal form, label spelling,
list markers and page chrome.
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Callable
from functools import reduce
from typing import Final

from .. import web as common
from ..fields.funding import LIST_MARKER
from ..layouts import peeref
from ..normalize import fold

Noise = Callable[[str], str]

#: A paragraph longer than this is hard-wrapped by :func:`hard_wrap`.
_WRAP_ABOVE: Final = 200


def _lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _is_label(line: str) -> bool:
    key = fold(line)
    return key in peeref.SECTION_LABELS and key != "doi"


def no_blank_lines(text: str) -> str:
    """Remove every blank line."""
    return "\n".join(line for line in _lines(text) if line.strip())


def many_blank_lines(text: str) -> str:
    """Put three blank lines after every line."""
    return "\n\n\n\n".join(line for line in _lines(text) if line.strip())


def crlf(text: str) -> str:
    """Use Windows line ends."""
    return "\r\n".join(_lines(text))


def cr(text: str) -> str:
    """Use old Mac line ends."""
    return "\r".join(_lines(text))


def indent_and_trailing(text: str) -> str:
    """Indent lines with tabs and spaces and add trailing whitespace."""
    return "\n".join(
        ("\t" if i % 2 else "   ") + line + (" \t " if i % 3 else "")
        for i, line in enumerate(_lines(text))
    )


def bom(text: str) -> str:
    """Start the page with a byte-order mark."""
    return "\ufeff" + text


def nbsp(text: str) -> str:
    """Replace every other space by a no-break space."""
    parts = text.split(" ")
    return "".join(p + ("\u00a0" if i % 2 else " ") for i, p in enumerate(parts[:-1])) + parts[-1]


def zero_width(text: str) -> str:
    """Put a zero-width space after every label and inside long words."""
    out = []
    for line in _lines(text):
        if _is_label(line):
            line = "\u200b" + line + "\u200b"
        out.append(" ".join(_zwsp_word(w) for w in line.split(" ")))
    return "\n".join(out)


def _zwsp_word(word: str) -> str:
    return word[:3] + "\u200b" + word[3:] if len(word) > 6 else word


def soft_hyphens(text: str) -> str:
    """Put soft hyphens inside long words."""
    return "\n".join(
        " ".join(w[:4] + "\u00ad" + w[4:] if len(w) > 8 else w for w in line.split(" "))
        for line in _lines(text)
    )


def nfd(text: str) -> str:
    """Decompose accented characters (NFD)."""
    return unicodedata.normalize("NFD", text)


def upper_labels(text: str) -> str:
    """Write section labels in capitals."""
    return "\n".join(line.upper() if _is_label(line) else line for line in _lines(text))


def lower_labels(text: str) -> str:
    """Write section labels in lower case with a trailing colon."""
    return "\n".join(
        line.lower().strip().rstrip(":") + ":" if _is_label(line) else line for line in _lines(text)
    )


def inline_labels(text: str) -> str:
    """Move the first line of a section onto its label line: ``Keywords: a; b``."""
    lines = [line for line in _lines(text) if line.strip()]
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            _is_label(line)
            and following is not None
            and not _is_label(following)
            and fold(following) not in peeref.ACTIONS
            and fold(following) not in common.NAV_WORDS  # a menu: "Funding / Webinars"
        ):
            out.append(f"{line.strip().rstrip(':')}: {following.strip()}")
            index += 2
        else:
            out.append(line)
            index += 1
    return "\n".join(out)


def bullet_markers(text: str) -> str:
    """Replace numbered list markers by bullets."""
    out = []
    for line in _lines(text):
        stripped = line.strip()
        match = LIST_MARKER.match(stripped)
        out.append(
            f"\u2022 {stripped[match.end() :]}" if match and match.end() < len(stripped) else line
        )
    return "\n".join(out)


def paren_markers(text: str) -> str:
    """Replace ``1.`` list markers by ``(1)``."""
    out = []
    for line in _lines(text):
        stripped = line.lstrip()
        head, dot, rest = stripped.partition(". ")
        out.append(f"({head}) {rest}" if dot and head.isdigit() else line)
    return "\n".join(out)


_CHROME_TOP: Final = ("Skip to content", "Home | Papers | Journals | Search", "Log in", "Sign up")
_CHROME_MID: Final = ("We use cookies to improve your experience.", "Accept all cookies")
_CHROME_END: Final = (
    "About Us",
    "Contact Us",
    "Privacy Policy",
    "\u00a9 2024 Peeref. All rights reserved.",
)


def chrome(text: str) -> str:
    """Surround the page with navigation and footer lines and put a banner before labels."""
    out = list(_CHROME_TOP)
    for line in _lines(text):
        if _is_label(line):
            out.extend(_CHROME_MID)
        out.append(line)
    out.extend(_CHROME_END)
    return "\n".join(out)


def hard_wrap(text: str) -> str:
    """Hard-wrap long paragraphs at 72 columns, as ``fmt`` or a mail client would."""
    out: list[str] = []
    for line in _lines(text):
        if len(line) > _WRAP_ABOVE:
            out.extend(textwrap.wrap(line, 72, break_on_hyphens=False, break_long_words=False))
        else:
            out.append(line)
    return "\n".join(out)


def compose(*noises: Noise) -> Noise:
    """Return the transform that applies *noises* left to right."""
    return lambda text: reduce(lambda acc, noise: noise(acc), noises, text)


#: Every transform by name, in the order that :func:`compose` should apply them:
#: structure first, then chrome, then characters.
NOISE: Final[dict[str, Noise]] = {
    f.__name__: f
    for f in (
        inline_labels,
        upper_labels,
        lower_labels,
        bullet_markers,
        paren_markers,
        hard_wrap,
        chrome,
        no_blank_lines,
        many_blank_lines,
        indent_and_trailing,
        nbsp,
        zero_width,
        soft_hyphens,
        nfd,
        bom,
        crlf,
        cr,
    )
}
