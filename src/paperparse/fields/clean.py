"""General rules for the items of a list field: funders, keywords, author names.

A value on a page is only text; what dump tools and page widgets leave around it is
not part of it. :func:`clean_item` removes what is known never to belong to a name
(a Markdown or lynx link's syntax, screen-reader-only text, a list's "show more"
control); :func:`foreign_text` names what is left that still does not belong (a web
address, a table rule, a bullet, a button or a section label), so that the field's
reader can refuse the value instead of returning it.

Which buttons, menu texts and labels a site shows is the site's: the checks take them
as :class:`ItemWords`, which a layout compiles once
(:mod:`paperparse.layouts.compiled`); :data:`COMMON` holds only the web's common words.

The field checks themselves (:func:`~paperparse.fields.funding.check_funder`,
:func:`~paperparse.fields.lists.check_keyword`,
:func:`~paperparse.fields.authors.check_author`) stand next to the field parsers and
call these rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

from .. import web
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


@attrs.frozen(eq=False)
class ItemWords:
    """What a site's list items may not be or hold: its buttons, menus and labels.

    Attributes:
        chrome: Whole items that are no value: chrome lines, buttons, placeholders.
        buttons: Whole items that are a button, a list control or a placeholder: at the
            end of a separated list they are no item (a menu word there is one).
        labels: Section labels and headings: an item that starts with one and a colon
            holds the next section.
        phrase: The buttons and the chrome lines of two or more words, as whole words,
            longest first: one search finds any of them inside an item.
        first_words: The first words of those phrases: an item without any of them
            holds none (a set test on its words: 0.7 against 1.6 µs for the pattern).
    """

    chrome: frozenset[str]
    buttons: frozenset[str]
    labels: frozenset[str]
    phrase: re.Pattern[str] | None
    first_words: frozenset[str]

    @classmethod
    def of(
        cls,
        *,
        actions: Iterable[str],
        chrome: frozenset[str],
        placeholders: frozenset[str],
        labels: frozenset[str],
    ) -> ItemWords:
        """The words of a site: its buttons, chrome lines, placeholders and labels (folded)."""
        actions = frozenset(actions)
        phrases = sorted({*actions, *(line for line in chrome if " " in line)})
        longest_first = sorted(phrases, key=len, reverse=True)
        pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in longest_first) + r")(?!\w)")
            if phrases
            else None
        )
        return cls(
            chrome=chrome | actions | placeholders,
            buttons=actions | placeholders | web.LIST_BUTTONS,
            labels=labels,
            phrase=pattern,
            first_words=frozenset(phrase.split()[0] for phrase in phrases),
        )


#: The web's common words only (no site's buttons or labels).
COMMON: Final = ItemWords.of(
    actions=(), chrome=web.CHROME_LINES, placeholders=frozenset(), labels=frozenset()
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


def is_chrome(text: str, words: ItemWords = COMMON) -> bool:
    """Whether the whole item is a button or menu text (``Show more``, ``Share``).

    Such an item is no value: a list reader drops it.

    Examples:
        >>> is_chrome("Show more"), is_chrome("View all"), is_chrome("Graphene")
        (True, True, False)
        >>> is_chrome("+12 more"), is_chrome("et al.")
        (True, False)
    """
    key = fold(text)
    if key in words.chrome:
        return True
    return ("more" in key or "less" in key or "all" in key) and _LIST_CONTROL.fullmatch(
        key
    ) is not None


def is_button(text: str, words: ItemWords = COMMON) -> bool:
    """Whether the whole item is a button, a list control or a placeholder (no menu word).

    Examples:
        >>> is_button("Show more"), is_button("Share"), is_button("Privacy")
        (True, True, False)
    """
    key = fold(text)
    if key in words.buttons:
        return True
    return ("more" in key or "less" in key or "all" in key) and _LIST_CONTROL.fullmatch(
        key
    ) is not None


def _has_table_mark(text: str) -> bool:
    """Whether *text* holds a table rule or cell border (see ``_TABLE``)."""
    if "|" in text or "---" in text or "===" in text or "___" in text or "+-" in text:
        return True
    return not text.isascii() and _TABLE.search(text) is not None


def foreign_text(text: str, words: ItemWords = COMMON) -> str | None:
    """Name what in *text* cannot be part of a name or a keyword, or return ``None``.

    Checked: link syntax or emphasis marks left over, a web address, a table rule or cell border, a
    bullet, a button or menu text, a section label at the start (``Funding: …``).

    Args:
        text: A cleaned item (see :func:`clean_item`).
        words: The site's buttons, menus and labels (:class:`ItemWords`).

    Returns:
        A phrase that completes "it holds …", or ``None`` when nothing foreign is found.

    Examples:
        >>> foreign_text("National Science Foundation") is None
        True
        >>> foreign_text("NSF https://nsf.gov")
        'a web address'
        >>> foreign_text("Graphene | Li-ion batteries")
        'a table rule or cell border'
        >>> from paperparse.layouts import PEEREF
        >>> foreign_text("Keywords: graphene", PEEREF.compiled.items)
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
        words.phrase is not None
        and not words.first_words.isdisjoint(key.split())
        and (phrase := words.phrase.search(key)) is not None
    ):
        return f"the button or menu text {phrase[0]!r}"
    colon = text.find(":")
    if 0 < colon <= _MAX_LABEL:
        label = fold(text[:colon])
        if label in words.labels:
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
