"""General rules for the items of a list field: funders, keywords, author names.

A value on a page is only text; what dump tools and page widgets leave around it is
not part of it. :func:`clean_item` removes what is known never to belong to a name
(a Markdown or lynx link's syntax, screen-reader-only text, a list's "show more"
control); :func:`foreign_text` names what is left that still does not belong (a web
address, a table rule, a bullet, a button or a section label), so that the field's
reader can refuse the value instead of returning it.

The field checks themselves (:func:`~paperparse.fields.funding.check_funder`,
:func:`~paperparse.fields.lists.check_keyword`,
:func:`~paperparse.fields.lists.check_author`) stand next to the field parsers and
call these rules.
"""

from __future__ import annotations

import re
from typing import Final

from ..layouts import common, peeref
from ..normalize import fold

#: A Markdown link or image whose target is an address (``/search?q=16S RNA``,
#: ``https://…``, ``#top``): the label is the value, the rest is the link's syntax.
#: The target may hold spaces (html2text writes an unescaped query), not brackets.
_LINK: Final = re.compile(
    r"!?\[([^\[\]\n]*)\]\(\s*((?:[a-z][a-z0-9+.-]*:|/|#|\?|www\.)[^()\n]*)\)", re.IGNORECASE
)
#: Text that pages show to screen readers only, which text dumps keep.
_SCREEN_READER: Final = re.compile(
    r"\s*\(\s*(?:opens?|opening)\s+(?:in\s+)?(?:a\s+)?new\s+(?:browser\s+)?(?:window|tab)\s*\)"
    r"|\s*\(\s*(?:link\s+is\s+external|external\s+link)\s*\)",
    re.IGNORECASE,
)
#: Controls of a shortened list that a dump writes after its last item.
_LIST_CONTROL: Final = re.compile(
    r"\s*(?:\.\.\.|\u2026)?\s*\(?(?:show|view|see|load|read)\s+(?:more|less|all)\)?\s*$"
    r"|\s*(?:\.\.\.|\u2026)?\s*\(?\+\s?\d{1,5}\s+more\)?\s*$",
    re.IGNORECASE,
)
#: Table rules and cell borders: box-drawing characters, ``|``, runs of ``-``/``=``/``_``.
_TABLE: Final = re.compile(r"[\u2500-\u257f|]|-{3,}|={3,}|_{3,}|\+-")
#: Bullets: inside a value they mean two list items ran together.
_BULLETS: Final = re.compile(r"[\u2022\u2023\u25aa\u25ab\u25cf\u25e6\u25a0\u25a1\u2043\u2219]")
#: Button and menu texts that can run into a value: the page's actions, and the
#: chrome lines of two or more words (one word such as "Share" can be a value's word).
_UI_PHRASES: Final = tuple(
    sorted({*peeref.ACTIONS, *(line for line in common.CHROME_LINES if " " in line)})
)
#: The first words of the phrases: a value without any of them holds none of them
#: (a set test on its words: 0.7 against 1.6 µs for the pattern, on a funder's name).
_UI_FIRST_WORDS: Final = frozenset(phrase.split()[0] for phrase in _UI_PHRASES)
#: Any of the phrases as whole words, longest first (one search instead of one a phrase).
_UI_PHRASE: Final = re.compile(
    r"(?<!\w)(?:"
    + "|".join(re.escape(p) for p in sorted(_UI_PHRASES, key=len, reverse=True))
    + r")(?!\w)"
)


#: The longest list control (``… (show more)``, ``+12345 more``), with its spaces.
_CONTROL_TAIL: Final = 24


def clean_item(text: str) -> str:
    """Remove what never belongs to a list item: link syntax, screen-reader text, controls.

    Args:
        text: One item (a funder line, a keyword, an author name) as read.

    Returns:
        The item without those marks, whitespace collapsed.

    Examples:
        >>> clean_item("[16S RNA](/search?q=16S RNA)")
        '16S RNA'
        >>> clean_item("NEURON (opens in a new window)")
        'NEURON'
        >>> clean_item("Li Chen Show more"), clean_item("Li Chen +12 more")
        ('Li Chen', 'Li Chen')
    """
    if "](" in text:
        text = _LINK.sub(r"\1", text)
    if "(" in text and _SCREEN_READER.search(text, text.index("(") - 1 if text[0] != "(" else 0):
        text = _SCREEN_READER.sub("", text)
    # A list control ends the item: look at its end only (the pattern is anchored there).
    tail = max(0, len(text) - _CONTROL_TAIL)
    end = text[tail:].casefold()
    if ("more" in end or "less" in end or "all" in end) and (
        control := _LIST_CONTROL.search(text, tail)
    ) is not None:
        text = text[: control.start()]
    return " ".join(text.split())


def is_chrome(text: str) -> bool:
    """Whether the whole item is a button or menu text (``Show more``, ``Share``).

    Such an item is no value: a list reader drops it.

    Examples:
        >>> is_chrome("Show more"), is_chrome("View all"), is_chrome("Graphene")
        (True, True, False)
        >>> is_chrome("+12 more"), is_chrome("et al.")
        (True, False)
    """
    key = fold(text)
    if key in common.CHROME_LINES or key in peeref.ACTIONS or key in peeref.EMPTY_MARKERS:
        return True
    return ("more" in key or "less" in key or "all" in key) and _LIST_CONTROL.fullmatch(
        key
    ) is not None


def is_button(text: str) -> bool:
    """Whether the whole item is a button, a list control or a placeholder (no menu word).

    Examples:
        >>> is_button("Show more"), is_button("Share"), is_button("Privacy")
        (True, True, False)
    """
    key = fold(text)
    if key in peeref.ACTIONS or key in peeref.EMPTY_MARKERS or key in _BUTTONS:
        return True
    return ("more" in key or "less" in key or "all" in key) and _LIST_CONTROL.fullmatch(
        key
    ) is not None


#: Buttons that stand next to a keyword list (share and citation tools).
_BUTTONS: Final = common.LIST_BUTTONS


def _has_table_mark(text: str) -> bool:
    """Whether *text* holds a table rule or cell border (see ``_TABLE``)."""
    if "|" in text or "---" in text or "===" in text or "___" in text or "+-" in text:
        return True
    return not text.isascii() and _TABLE.search(text) is not None


def foreign_text(text: str) -> str | None:
    """Name what in *text* cannot be part of a name or a keyword, or return ``None``.

    Checked: link syntax or emphasis marks left over, a web address, a table rule or cell border, a
    bullet, a button or menu text, a section label at the start (``Funding: …``).

    Args:
        text: A cleaned item (see :func:`clean_item`).

    Returns:
        A phrase that completes "it holds …", or ``None`` when nothing foreign is found.

    Examples:
        >>> foreign_text("National Science Foundation") is None
        True
        >>> foreign_text("NSF https://nsf.gov")
        'a web address'
        >>> foreign_text("Graphene | Li-ion batteries")
        'a table rule or cell border'
        >>> foreign_text("Keywords: graphene")
        "the section label 'Keywords'"
    """
    if "]" in text and ("](" in text or "](" in text.replace(" ", "")):
        return "Markdown link syntax"
    if _is_emphasised(text):
        return "Markdown emphasis marks"
    key = fold(text)
    # Substring tests first: the patterns scan a value slowly and rarely match.
    if "://" in key or "www." in key or "doi.org/" in key:
        return "a web address"
    if _has_table_mark(text):
        return "a table rule or cell border"
    if not text.isascii() and _BULLETS.search(text):
        return "a list bullet (two list items ran together)"
    if (
        not _UI_FIRST_WORDS.isdisjoint(key.split())
        and (phrase := _UI_PHRASE.search(key)) is not None
    ):
        return f"the button or menu text {phrase[0]!r}"
    colon = text.find(":")
    if 0 < colon <= _MAX_LABEL:
        label = fold(text[:colon])
        if label in peeref.SECTION_LABELS or label in peeref.OTHER_SECTIONS:
            return f"the section label {text[:colon].strip()!r}"
    return None


_MAX_LABEL: Final = 30


def _is_emphasised(text: str) -> bool:
    """Whether *text* stands between single underscores (``_Exosomes_``).

    That is Markdown emphasis a tool wrapped over two lines, which
    :mod:`paperparse.outline.markup` reads per line.

    >>> _is_emphasised("_Hepatocyte-like cell_"), _is_emphasised("__proto__")
    (True, False)
    """
    return (
        len(text) > 2
        and text[0] == "_"
        and text[-1] == "_"
        and text[1] != "_"
        and text[-2] != "_"
        and not text[1].isspace()
    )


_SNIPPET: Final = 60


def quote(text: str) -> str:
    """Quote *text* for a warning message, shortened to 60 characters.

    Examples:
        >>> quote("NSFC")
        "'NSFC'"
    """
    if len(text) > _SNIPPET:
        text = text[: _SNIPPET - 1] + "\u2026"
    return repr(text)


def balanced(text: str) -> bool:
    """Whether every bracket and parenthesis of *text* closes, in order.

    Examples:
        >>> balanced("NIH (R01 [GM1])"), balanced("of China ("), balanced("81700553)")
        (True, False, False)
    """
    if "(" not in text and ")" not in text and "[" not in text and "]" not in text:
        return True  # four C-level tests: 0.2 µs, a generator over the brackets took 1.0
    stack: list[str] = []
    for char in text:
        if char in "([":
            stack.append(")" if char == "(" else "]")
        elif char in ")]" and (not stack or stack.pop() != char):
            return False
    return not stack
