"""Marks that dump tools add to a page's text, removed before a line is read.

Each rule is one tool's habit, and none can occur in a value the record holds:

* html2text (Markdown): ``[text](url)`` links and ``![alt](url)`` images keep their
  text, ``**bold**`` and ``__bold__`` lose their marks, ``# `` heading marks and
  backslash escapes (``1\\.``) go, table rules (``---|---``) are blank and a row's
  outer ``|`` go (a row's inner `` | `` separates a label from its value).
* lynx: link numbers glued to the link text (``[12]JOURNAL``), ``(BUTTON)``, and
  ``[IMG]``/``[INLINE]``/``[LINK]`` placeholders go.
* w3m: a superscript written ``N^6`` reads ``N6``, as the HTML's ``N<sup>6</sup>``.
"""

from __future__ import annotations

import re
from typing import Final

#: Characters without which a line has none of the marks below (one cheap search).
HINT: Final = re.compile(
    r"\]\(|\*\*|__|\\|\[(?:\d|IMG|INLINE|LINK|EMBED)|\((?:BUTTON|RADIO|CHECKBOX)\)|\^|---"
    r"|^[#|]|\|$"
)

_LINK: Final = re.compile(r"!?\[([^\[\]]*)\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_HEADING: Final = re.compile(r"#{1,6}\s+")
_ESCAPE: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
_TABLE_RULE: Final = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
_LYNX_REF: Final = re.compile(r"(?<![^\s(])\[\d{1,4}\](?=\S)")
_LYNX_TOKEN: Final = re.compile(
    r"\((?:BUTTON|RADIO|CHECKBOX)\)\s*|\[(?:IMG|INLINE|LINK|EMBED)\]\s*"
)
_CARET: Final = re.compile(r"(?<=[A-Za-z0-9])\^(?=[A-Za-z0-9+\-])")


def strip_markup(line: str) -> str:
    """Remove the marks dump tools add to *line* (see the module docstring).

    >>> strip_markup("[JOURNAL OF X](/journal/12)")
    'JOURNAL OF X'
    >>> strip_markup("**Keywords:** a; b"), strip_markup("# A title"), strip_markup("1\\\\. NSF")
    ('Keywords: a; b', 'A title', '1. NSF')
    >>> strip_markup("[7]JOURNAL OF X"), strip_markup("(BUTTON) Rate this paper")
    ('JOURNAL OF X', 'Rate this paper')
    >>> strip_markup("N^6-methyladenosine"), strip_markup("---|---")
    ('N6-methyladenosine', '')
    >>> strip_markup("NSFC [81700553]"), strip_markup("[18F]FDG PET")
    ('NSFC [81700553]', '[18F]FDG PET')
    """
    if "](" in line:
        line = _LINK.sub(r"\1", line)
    if "**" in line or "__" in line:
        line = line.replace("**", "").replace("__", "")  # bold marks, in pairs or not
    if line.startswith("#"):
        line = _HEADING.sub("", line, count=1) if _HEADING.match(line) else line
    if "\\" in line:
        line = _ESCAPE.sub(r"\1", line)
    if "---" in line and _TABLE_RULE.fullmatch(line):
        return ""
    if line.startswith("|") or line.endswith("|"):
        line = line.strip("| ")  # the outer border of a Markdown table row
    if "[" in line:
        line = _LYNX_REF.sub("", line)
    if "(" in line or "[" in line:
        line = _LYNX_TOKEN.sub("", line)
    if "^" in line:
        line = _CARET.sub("", line)
    return line.strip()
