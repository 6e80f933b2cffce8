"""Keyword lists: separators, one item per line, brackets kept whole.

Each item passes its field's check (:func:`check_keyword`) before it is returned;
:func:`read_keywords` says why it refused a list. The splitting of bracketed lists
(:func:`split_top_level`) serves the author lists too (:mod:`.authors`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ..normalize import WRAPPED_LINE_MIN, join_wrapped, split_element
from .clean import COMMON, ItemWords, clean_item, foreign_text, is_button, is_chrome, quote
from .funding import strip_marker

#: Keyword separators, strongest first: the first one found (outside brackets) wins.
KEYWORD_SEPARATORS: Final = (";", "|", "·", "•", ",")
_OPEN: Final = "([{"
_CLOSE: Final = ")]}"
#: Full-width and ideographic separators of CJK text, and their ASCII equals.
_WIDE_SEPARATORS: Final = str.maketrans({"\uff1b": ";", "\uff0c": ",", "\u3001": ","})


def narrow(text: str) -> str:
    """*text* with its wide separators made ASCII (an ASCII text has none).

    The ASCII test spares most items the translation, which looks each character up
    in a dict (1.7 µs a name).
    """
    return text if text.isascii() else text.translate(_WIDE_SEPARATORS)


#: Separators that only separate with a space on one side at least: ``MgCl2·6H2O``
#: is one formula, ``a · b`` two keywords.
_SPACED_ONLY: Final = frozenset("·•")
#: A spaced separator at a line's start: where a tool wrapped a separated list.
_WRAPPED_SEPARATORS: Final = frozenset({"· ", "• "})
#: Separators whose neighbours decide whether they separate.
_CONTEXT_SEPARATORS: Final = frozenset({",", *_SPACED_ONLY})

#: A problem found while reading a list: (warning code, sentence).
Problem = tuple[str, str]


def split_top_level(text: str, separator: str) -> list[str]:
    """Split *text* at *separator*, except inside parentheses or brackets.

    A comma between two digits (``1,25-Dihydroxyvitamin D3``) and a middle dot or
    bullet with no space on either side (``MgCl2·6H2O``) do not separate.

    >>> split_top_level("Cells (cultured; human); Liver", ";")
    ['Cells (cultured; human)', 'Liver']
    >>> split_top_level("1,25-Dihydroxyvitamin D3, Bone", ",")
    ['1,25-Dihydroxyvitamin D3', 'Bone']
    """
    if separator not in text:
        # One part (a name with no comma): the loop below would find no separator.
        return [stripped] if (stripped := text.strip()) else []
    if separator not in _CONTEXT_SEPARATORS and not any(c in text for c in _OPEN):
        return [p.strip() for p in text.split(separator) if p.strip()]  # the common case
    parts: list[str] = []
    depth = 0
    start = 0
    last = len(text) - 1
    for index, char in enumerate(text):
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE:
            depth = max(0, depth - 1)
        elif char == separator and depth == 0:
            before = text[index - 1] if index else " "
            after = text[index + 1] if index < last else " "
            if separator == "," and before.isdigit() and after.isdigit():
                continue
            if separator in _SPACED_ONLY and not (before.isspace() or after.isspace()):
                continue
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


def _wrapped(line: str) -> bool:
    return line.endswith(",") or len(line) >= WRAPPED_LINE_MIN


def parse_keywords(lines: list[str], words: ItemWords = COMMON) -> tuple[str, ...]:
    r"""Read a keyword list given as one separated line, wrapped lines, or one per line.

    The same as :func:`read_keywords`, without the problems.

    >>> parse_keywords(["Acute liver failure; Exosomes"])
    ('Acute liver failure', 'Exosomes')
    >>> parse_keywords(["• Graphene", "• Li-ion batteries (LIBs)"])
    ('Graphene', 'Li-ion batteries (LIBs)')
    >>> parse_keywords(["Metal-organic frameworks, CO\u2082 capture (MOFs, ZIFs), adsorption"])
    ('Metal-organic frameworks', 'CO\u2082 capture (MOFs, ZIFs)', 'adsorption')
    >>> parse_keywords(["a · b · c"])
    ('a', 'b', 'c')
    """
    return read_keywords(lines, words)[0]


def read_keywords(
    lines: Sequence[str], words: ItemWords = COMMON
) -> tuple[tuple[str, ...], tuple[Problem, ...]]:
    r"""Read a keyword list, and the problems that made it refuse the list.

    Link syntax, screen-reader text and list controls are removed from every item;
    an item that is a button or menu text is dropped. If any keyword then fails
    :func:`check_keyword`, the list is refused: no keywords, and the problem says why.

    Args:
        lines: The lines of the Keywords section.
        words: The site's buttons, menus and labels.

    Returns:
        The keywords, and ``(warning code, sentence)`` pairs.

    Examples:
        >>> read_keywords(["Pseudomonas spp.; MgCl2\u00b76H2O\uff1b1,25-Dihydroxyvitamin D3"])
        (('Pseudomonas spp.', 'MgCl2·6H2O', '1,25-Dihydroxyvitamin D3'), ())
        >>> read_keywords(["[16S RNA](/search?q=16S RNA); Soil"])
        (('16S RNA', 'Soil'), ())
        >>> read_keywords(["CO\u2082 photoreduction \u00b7 Z-scheme", "\u00b7 Charge transfer"])
        (('CO₂ photoreduction', 'Z-scheme', 'Charge transfer'), ())
    """
    kept = [line for line in lines if not is_chrome(line, words)]
    # A list that starts without a marker is one separated list: a "·" or "•" that a
    # tool wrapped to a line's start ("Z-scheme heterojunction" / "· Interfacial
    # charge transfer") is its separator, not a list marker.
    inline = bool(kept) and not strip_marker(kept[0])[0]
    items = [
        narrow(
            clean_item(
                line if inline and line[:2] in _WRAPPED_SEPARATORS else strip_marker(line)[1]
            )
        )
        for line in kept
    ]
    items = [item for item in items if item]
    joined = join_wrapped(items)
    found = items
    for separator in KEYWORD_SEPARATORS:
        # One keyword per line may hold a comma ("Cells, Cultured"); a comma list
        # hard-wrapped over several lines has long lines, or lines ending in a comma.
        if separator == "," and len(items) > 1 and not all(_wrapped(item) for item in items[:-1]):
            break
        parts = split_top_level(joined, separator)  # split once: test and result
        if len(parts) > 1 or joined.strip().endswith(separator):
            found = parts
            break
    if found is not items and split_element(items, separators="".join(KEYWORD_SEPARATORS)):
        return (), (
            (
                "unreadable_value",
                "The dump tool put parts of one keyword on lines of their own (an inline "
                "element such as a superscript), and where the page had spaces between "
                "them cannot be told; the keyword list was left empty.",
            ),
        )
    # (Before its final full stop goes: "… were measured." is a sentence, not a term.)
    sentence = next((item.strip() for item in found if _is_sentence(item.strip())), None)
    if sentence is not None:
        return (), (
            (
                "unreadable_value",
                f"The keyword {quote(sentence)} cannot be a keyword (it is a sentence: the "
                "next section's text ran into it); the keyword list was left empty.",
            ),
        )
    keywords = _finish(found, words, separated=found is not items)
    for keyword in keywords:
        if (problem := check_keyword(keyword, words)) is not None:
            return (), (
                (
                    "unreadable_value",
                    f"The keyword {quote(keyword)} cannot be a keyword ({problem}); "
                    "the keyword list was left empty.",
                ),
            )
    return keywords, ()


def check_keyword(keyword: str, words: ItemWords = COMMON) -> str | None:
    """Return why *keyword* cannot be a keyword, or ``None`` if it can.

    Args:
        keyword: One cleaned keyword.
        words: The site's buttons, menus and labels.

    Returns:
        A phrase for a warning ("it holds …"), or ``None``.

    Examples:
        >>> check_keyword("Li-ion batteries (LIBs)") is None
        True
        >>> check_keyword("16S RNA](/search?q=16S")
        'it holds Markdown link syntax'
    """
    if (foreign := foreign_text(keyword, words)) is not None:
        return f"it holds {foreign}"
    if len(keyword) > MAX_KEYWORD or keyword.count(" ") >= MAX_KEYWORD_WORDS:
        return "it is too long for a keyword (the next section's text ran into it)"
    if keyword.endswith("]") and _GRANT_AT_END.search(keyword) is not None:
        return "it ends in a grant number (the funding list ran into it)"
    if _SENTENCES.search(keyword) is not None:
        return "it is sentences (the next section's text ran into it)"
    return None


#: A sentence has a few words; a term of as many ending in a full stop is none.
_SENTENCE_WORDS: Final = 5


def _is_sentence(text: str) -> bool:
    """Whether *text* is a sentence: five words or more, the last a word and a full stop.

    >>> _is_sentence("Kinetics of the new electrolyte were measured."), _is_sentence("E. coli")
    (True, False)
    """
    if not text.endswith(".") or text.count(" ") + 1 < _SENTENCE_WORDS:
        return False
    last = text[:-1].rsplit(" ", 1)[-1]
    return last.isalpha() and last.islower() and last not in _ABBREVIATIONS


#: Two sentences in one text: a full stop after a lower-case word, then a capital.
_SENTENCES: Final = re.compile(r"[a-z]{2}\. [A-Z]")


#: A bracketed grant number after words, as a funding entry ends: ``… China [81700553]``.
_GRANT_AT_END: Final = re.compile(r" \[[^\[\]]{0,60}[0-9]{4}[^\[\]]{0,60}\]$")


#: A keyword is a term, not a sentence: longer than this, a dump glued the next
#: section's text to the last keyword.
MAX_KEYWORD = 100
MAX_KEYWORD_WORDS = 12


#: A link number glued after a word at the end of an item: ``Graphene[13]``.
_TRAILING_LINK_NUMBER: Final = re.compile(r"(?:(?<=[^\W\d_])|(?<=\)))\[\d{1,4}\]$")

#: Abbreviations whose period is part of a keyword (``Pseudomonas spp.``).
_ABBREVIATIONS: Final = frozenset(
    [
        "sp",
        "spp",
        "ssp",
        "subsp",
        "var",
        "cv",
        "al",
        "etc",
        "vs",
        "cf",
        "ca",
        "approx",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "vol",
        "fig",
        "st",
        "jr",
        "sr",
        "dr",
        "ph",
        "nov",
        "gen",
        "sect",
        "ser",
        "f",
    ]
)


def _final_period_is_sentence(item: str) -> bool:
    """Whether the period ending *item* ends a sentence, not an abbreviation.

    An abbreviation's period stays: a known abbreviation (``spp.``, ``var.``) or a
    word with periods inside (``U.S.``, ``e.g.``). A single letter is no initial in a
    keyword (``Hepatitis B.``).
    """
    word = item[:-1].rsplit(None, 1)[-1] if item[:-1].strip() else ""
    return not ("." in word or word.casefold() in _ABBREVIATIONS)


def _finish(items: list[str], words: ItemWords, *, separated: bool = False) -> tuple[str, ...]:
    """Strip the items, drop button texts, and a sentence-final period after the last.

    A link number that a dump tool wrote after a linked keyword (w3m:
    ``Graphene[13]``) goes too. In a *separated* list (``a; b; c``) the separators
    say what an item is: a word that is also menu text (``Privacy``, ``Search``) is a
    keyword there, and only buttons and list controls at the list's end
    (``…; Show more``) are dropped.
    """
    items = [_TRAILING_LINK_NUMBER.sub("", item) if "]" in item else item for item in items]
    if separated:
        out = [stripped for item in items if (stripped := item.strip())]
        while out and is_button(out[-1], words):
            out.pop()
    else:
        out = [
            stripped for item in items if (stripped := item.strip()) and not is_chrome(item, words)
        ]
    if out and out[-1].endswith(".") and _final_period_is_sentence(out[-1]):
        out[-1] = out[-1][:-1].rstrip()
    return tuple(item for item in out if item)
