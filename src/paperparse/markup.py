r"""Marks that dump tools add to a page's text, removed before a line is read.

Each rule is one tool's habit, and none can occur in a value the record holds:

* html2text (Markdown): ``[text](url)`` links and ``![alt](url)`` images keep their
  text, ``**bold**`` and ``__bold__`` lose their marks, ``# `` heading marks and
  backslash escapes (``1\.``) go, table rules (``---|---``) are blank and a row's
  outer ``|`` go (a row's inner `` | `` separates a label from its value).
* lynx: link numbers glued to the link text (``[12]JOURNAL``), ``(BUTTON)``, and
  ``[IMG]``/``[INLINE]``/``[LINK]`` placeholders go.
* w3m: a superscript written ``N^6`` reads ``N6``, as the HTML's ``N<sup>6</sup>``.
"""

from __future__ import annotations

import re
from typing import Final

_LINK: Final = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_HEADING: Final = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_ESCAPE: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_TABLE_RULE: Final = re.compile(
    r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*$", re.MULTILINE
)
#: The outer border of a Markdown table row (a row's inner " | " separates its cells).
_ROW_BORDER: Final = re.compile(r"^[ \t]*\|[ \t]*|[ \t]*\|[ \t]*$", re.MULTILINE)
#: Starts with a literal "[" so that the engine can scan for it quickly; whether the
#: number stands at a word start is checked in _drop_lynx_ref.
_LYNX_REF: Final = re.compile(r"\[\d{1,4}\](?=\S)")
_LYNX_TOKEN: Final = re.compile(
    r"\((?:BUTTON|RADIO|CHECKBOX)\)[ \t]*|\[(?:IMG|INLINE|LINK|EMBED)\][ \t]*"
)
_CARET: Final = re.compile(r"(?<=[A-Za-z0-9])\^(?=[A-Za-z0-9+\-])")


def strip_markup(text: str) -> str:
    r"""Remove the marks dump tools add to *text* (see the module docstring).

    Works on a whole page at once (line by line where a rule is about lines) and keeps
    every line break, so line numbers stay right. Each rule runs only when a cheap
    substring test says the page may need it.

    >>> strip_markup("[JOURNAL OF X](/journal/12)")
    'JOURNAL OF X'
    >>> strip_markup("**Keywords:** a; b\n# A title\n1\\. NSF")
    'Keywords: a; b\nA title\n1. NSF'
    >>> strip_markup("[7]JOURNAL OF X\n(BUTTON) Rate this paper")
    'JOURNAL OF X\nRate this paper'
    >>> strip_markup("N^6-methyladenosine\n---|---\n| Novelty | - |")
    'N6-methyladenosine\n\nNovelty | -'
    >>> strip_markup("NSFC [81700553]\n[18F]FDG PET")
    'NSFC [81700553]\n[18F]FDG PET'
    """
    if _contains(text, "]("):
        text = _LINK.sub(r"\1", text)
    if _contains(text, "**") or _contains(text, "__"):
        text = text.replace("**", "").replace("__", "")  # bold marks, in pairs or not
    if "#" in text:
        text = _HEADING.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "---" in text:
        text = _TABLE_RULE.sub("", text)
    if "|" in text:
        text = _ROW_BORDER.sub("", text)
    if "[" in text:
        text = _LYNX_REF.sub(lambda m: _drop_lynx_ref(m, text), text)
    if "(BUTTON)" in text or "(RADIO)" in text or "(CHECKBOX)" in text or _contains(text, "[I"):
        text = _LYNX_TOKEN.sub("", text)
    if "^" in text:
        text = _CARET.sub("", text)
    return text


#: How many times :func:`_contains` looks at its first character before it hands over.
_PROBES: Final = 8


def _contains(text: str, needle: str) -> bool:
    """``needle in text``, fast when the needle's first character is rare in *text*.

    ``str.find`` looks for a single character with ``memchr``, many times faster than
    for a longer needle; page text rarely holds the first character of a mark.

    >>> _contains("a ](b", "]("), _contains("a] (b", "](")
    (True, False)
    """
    first = needle[0]
    index = text.find(first)
    for _ in range(_PROBES):
        if index < 0:
            return False
        if text.startswith(needle, index):
            return True
        index = text.find(first, index + 1)
    return needle in text


def _drop_lynx_ref(match: re.Match[str], text: str) -> str:
    """Drop a lynx link number that opens a word (``[7]JOURNAL``), keep anything else."""
    start = match.start()
    return "" if start == 0 or text[start - 1] in " \t\n(" else match[0]
