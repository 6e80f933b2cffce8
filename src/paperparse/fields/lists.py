"""Keyword and author lists: separators, one item per line, brackets kept whole.

Each item passes its field's check (:func:`check_keyword`, :func:`check_author`)
before it is returned; the ``read_*`` functions say why they refused a list.
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


def _narrow(text: str) -> str:
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
        _narrow(
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


def parse_author_line(text: str, words: ItemWords = COMMON) -> list[str]:
    """Split a line of author names: ``;``-separated, or ``,`` between full names.

    A comma inside one name (``Smith, John``) does not split it. The same as
    :func:`read_author_line`, without the problems: a refused line gives no names.

    >>> parse_author_line("Wei Zhang; Li Chen")
    ['Wei Zhang', 'Li Chen']
    >>> parse_author_line("Wei Zhang, Li Chen and Maria Garcia")
    ['Wei Zhang', 'Li Chen', 'Maria Garcia']
    >>> parse_author_line("Smith, John")
    ['Smith, John']
    """
    names, problems = read_author_line(text, words)
    return [] if any(code == "unreadable_value" for code, _ in problems) else names


#: What stands for authors a page does not name: ``et al.``, ``+12 more``, ``…``.
_MORE: Final = re.compile(
    r"(?:^|[,;]?\s+)(?:et\s*al\.?|and\s+others|(?:\+\s?|\band\s+)?\d{1,5}\s+(?:more|others)"
    r"(?:\s+authors?)?|\.\.\.|\u2026"
    r"|(?:show|view|see|load)\s+(?:all|more)(?:\s+\d{1,5})?(?:\s+authors?)?)\s*\)?$",
    re.IGNORECASE,
)
#: The last character of each phrase _MORE finds (``al``, ``al.``, ``others``, ``more``,
#: ``author``, ``...``, ``…``), in any case (U+017F, long s, is a case-blind ``s``).
_MORE_ENDS: Final = frozenset("lL.sS\u017feErR\u2026")


def _may_end_in_more(text: str) -> bool:
    """Whether *text* ends as a line that _MORE matches can (``… et al.)``).

    A line ending in another character (most names) is spared the pattern's search,
    which tries each position of the line (1 to 2 µs a name).
    """
    end = text.rstrip()
    if end.endswith(")"):
        end = end[:-1].rstrip()
    return end[-1:] in _MORE_ENDS


#: Lynx's link numbers between names that were links: ``David Cohen[19]Emily Chen[20]``.
_LINK_NUMBER: Final = re.compile(r"\[\d{1,4}\]")
#: Affiliation marks after a name (``<sup>1,2</sup>``, ``*``, ``†``): digits or
#: marks right after a lower-case letter, before a separator, a space or the end.
_AFFILIATION: Final = re.compile(
    r"(?<=[^\W\d_])(?<![A-Z])"  # (w3m writes a superscript after a caret: "Reeves^*")
    r"(?:\^?[\d\u00b9\u00b2\u00b3\u2070-\u2079*\u2020\u2021\u00a7\u00b6#]{1,3})"
    r"(?:,\^?[\d\u00b9\u00b2\u00b3\u2070-\u2079*\u2020\u2021\u00a7\u00b6#]{1,3})*"
    r"(?=\s|[,;]|$)"
)
#: The characters affiliation marks are made of: a name without any is spared the
#: search for them (its lookbehinds run at every letter: 1.2 against 0.2 µs a name).
_AFFILIATION_MARK: Final = re.compile(
    r"[\d\u00b9\u00b2\u00b3\u2070-\u2079*\u2020\u2021\u00a7\u00b6#]"
)
#: Words that make a name a group's (``GBD 2019 … Collaborators``): never split.
_GROUP_WORDS: Final = frozenset(
    [
        "collaborators",
        "collaboration",
        "collaborative",
        "consortium",
        "group",
        "groups",
        "investigators",
        "team",
        "network",
        "committee",
        "society",
        "association",
        "initiative",
        "alliance",
        "study",
        "trial",
        "trials",
        "program",
        "programme",
        "project",
        "organization",
        "organisation",
        "council",
        "members",
        "working",
        "force",
        "institute",
        "centre",
        "center",
        "university",
        "laboratory",
        "registry",
    ]
)
#: Name prefixes after which a capital letter follows inside one word (``McDonald``).
_NAME_PREFIXES: Final = frozenset(
    [
        "mc",
        "mac",
        "de",
        "di",
        "da",
        "du",
        "le",
        "la",
        "van",
        "von",
        "vande",
        "vanden",
        "vander",
        "fitz",
        "o",
        "d",
        "st",
        "al",
        "el",
        "ben",
        "bin",
        "abu",
        "del",
        "della",
        "des",
        "dos",
        "das",
        "ten",
        "ter",
    ]
)


def _is_cjk(text: str) -> bool:
    """Whether *text* is written in CJK characters only (``张伟``): one full name."""
    return bool(text) and all(
        "\u2e80" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af" or c == "\u00b7" for c in text
    )


def _has_group_word(name: str) -> bool:
    return any(word.strip(",.()").casefold() in _GROUP_WORDS for word in name.split())


def _is_group(name: str) -> bool:
    """Whether *name* is a group author (a digit, or a group word)."""
    return any(c.isdigit() for c in name) or _has_group_word(name)


def _glued(name: str) -> str | None:
    """The word of *name* where two names were glued together, if any.

    Dump tools join adjacent inline elements without a space (``CohenEmily``): a
    lower-case letter followed by a capital inside a word, unless what precedes the
    capital is a name prefix (``McDonald``, ``DeSouza``, ``MacArthur``).
    """
    for word in name.split():
        if word[1:].islower():
            continue  # no capital after the first letter (one C call instead of a loop)
        for index in range(1, len(word)):
            if word[index].isupper() and word[index - 1].islower():
                prefix = word[:index].lstrip("'\u2019(").casefold()
                if prefix not in _NAME_PREFIXES:
                    return word
    return None


def check_author(name: str, words: ItemWords = COMMON) -> str | None:
    """Return why *name* cannot be one author's name, or ``None`` if it can.

    Args:
        name: One name as split from the author list.
        words: The site's buttons, menus and labels.

    Returns:
        A phrase for a warning ("it holds …"), or ``None``.

    Examples:
        >>> check_author("Ana Paula de Souza") is None, check_author("Ronald McDonald") is None
        (True, True)
        >>> check_author("David CohenEmily R. Johnson")
        "it runs two names together ('CohenEmily')"
        >>> check_author("Kov\u00e1cs")
        'it is a single word, not a full name (a name wrapped over two lines?)'
        >>> check_author("\u5f20\u4f1f") is None
        True
        >>> check_author("Department of Biology, Kyoto University, Kyoto, Japan")
        'it is an affiliation (an institution or an address), not a name'
    """
    if (foreign := foreign_text(name, words)) is not None:
        return f"it holds {foreign}"
    if name.count(",") >= _ADDRESS_COMMAS or _INSTITUTION.match(name) is not None:
        return "it is an affiliation (an institution or an address), not a name"
    if (word := _glued(name)) is not None:
        return f"it runs two names together ({quote(word)})"
    if any(map(str.isdigit, name)) and not _has_group_word(name):
        return "it holds a number, which no person's name does"
    if " " not in name and not _is_cjk(name):
        return "it is a single word, not a full name (a name wrapped over two lines?)"
    if (word := _lower_word(name)) is not None and not _has_group_word(name):
        return f"its word {quote(word)} is neither capitalised nor a particle of a name"
    return None


#: A name holds one comma at most (``Smith, John``); an address holds more.
_ADDRESS_COMMAS: Final = 2
#: How an affiliation starts: the name of a part of an institution.
_INSTITUTION: Final = re.compile(
    r"(?:department|dept\.|school|faculty|division|college|laboratory|lab\.|unit|graduate"
    r"|key laboratory|state key laboratory)[ \t]{1,3}(?:of|for)\b",
    re.IGNORECASE,
)


#: Lower-case words that a person's name holds (``Ana Paula de Souza``).
_PARTICLES: Final = frozenset(
    {
        *("de", "da", "das", "do", "dos", "du", "des", "del", "della", "di", "la", "le"),
        *("van", "von", "der", "den", "ter", "ten", "zu", "y", "e", "bin", "binti", "ibn"),
        *("al", "el", "ben", "bint", "af", "av", "zur", "vom", "st", "st."),
    }
)


def _lower_word(name: str) -> str | None:
    """A word of *name* that starts lower-case and is no particle (``enough``), if any."""
    for word in name.split():
        if word[:1].islower():
            head = word.split("'", 1)[0].split("\u2019", 1)[0].split("-", 1)[0]
            if head.casefold() not in _PARTICLES and len(head) > 1:
                return word
    return None


def read_author_line(text: str, words: ItemWords = COMMON) -> tuple[list[str], list[Problem]]:
    """Read one line of the author list: the names, and the problems found.

    ``et al.`` and ``+12 more`` are no names: they are dropped, and a problem with
    code ``incomplete_list`` says the page does not name every author. A name that
    fails :func:`check_author` refuses the whole line: no names, and a problem with
    code ``unreadable_value``.

    Args:
        text: One line of the Authors section.
        words: The site's buttons, menus and labels.

    Returns:
        The names in order, and ``(warning code, sentence)`` pairs.

    Examples:
        >>> read_author_line("Wei Zhang1,2, Li Chen3")
        (['Wei Zhang', 'Li Chen'], [])
        >>> read_author_line("David Cohen[19]Emily R. Johnson[20]")
        (['David Cohen', 'Emily R. Johnson'], [])
        >>> read_author_line("\u5f20\u4f1f\uff0c\u674e\u5a1c")
        (['张伟', '李娜'], [])
        >>> read_author_line("GBD 2019 Diseases and Injuries Collaborators")
        (['GBD 2019 Diseases and Injuries Collaborators'], [])
        >>> names, problems = read_author_line("Wei Zhang, Li Chen, et al.")
        >>> names, [code for code, _ in problems]
        (['Wei Zhang', 'Li Chen'], ['incomplete_list'])
    """
    line = strip_marker(text.strip())[1]
    problems: list[Problem] = []
    body = line
    if _may_end_in_more(body) and (more := _MORE.search(body)) is not None:
        body = body[: more.start()].rstrip(" ,;")
        problems.append(
            (
                "incomplete_list",
                f"The author list ends with {quote(more[0].strip(' ,;'))}: the page does not "
                "name every author, so the list holds only the names shown.",
            )
        )
    names: list[str] = []
    for segment in _LINK_NUMBER.split(body):
        segment = _narrow(clean_item(segment))
        if not segment or is_chrome(segment, words):
            continue
        if _AFFILIATION_MARK.search(segment) is not None:
            segment = _AFFILIATION.sub(lambda m: "," if m.end() < len(m.string) else "", segment)
        names.extend(without_avatar(_without_orcid(name)) for name in _split_names(segment))
    for name in names:
        if (problem := check_author(name, words)) is not None:
            problems.append(
                (
                    "unreadable_value",
                    f"The author line {quote(line)} cannot be read as names ({problem}); "
                    "the author list was left empty.",
                )
            )
            return [], problems
    return names, problems


#: The text of an ORCID link after a name (``Eeva Korhonen ORCID``): a link to the
#: person's record, no part of the name.
_ORCID: Final = (" ORCID iD", " ORCID", " iD")


def _without_orcid(name: str) -> str:
    """*name* without an ORCID link's text after it (and the mark's comma before it).

    >>> _without_orcid("Eeva Korhonen ORCID"), _without_orcid("Orcid Smith")
    ('Eeva Korhonen', 'Orcid Smith')
    """
    for tail in _ORCID:
        if name.endswith(tail):
            return name[: -len(tail)].rstrip(" ,")
    return name


def without_avatar(name: str) -> str:
    """*name* without the avatar's initials a page shows before it (``WZ Wei Zhang``).

    A first word of two or three capitals that are the name's own initials (those of
    its first and last words, or of a hyphenated last word's last part) is the avatar
    drawn beside the name, which a text dump keeps; a name whose first word is not its
    initials keeps it.

    >>> without_avatar("WZ Wei Zhang"), without_avatar("MF Mohammed Al-Farsi")
    ('Wei Zhang', 'Mohammed Al-Farsi')
    >>> without_avatar("JR Reeves, Julia")
    'Reeves, Julia'
    >>> without_avatar("AJ Smith"), without_avatar("Wei Zhang"), without_avatar("이 이서연")
    ('AJ Smith', 'Wei Zhang', '이서연')
    """
    first, _, rest = name.partition(" ")
    if len(first) == 1 and _is_cjk(first) and _is_cjk(rest) and rest.startswith(first):
        return rest  # a CJK name's avatar: its first character ("이 이서연")
    if not (
        _AVATAR_MIN <= len(first) <= _AVATAR_MAX and rest and first.isalpha() and first.isupper()
    ):
        return name
    # (A name written family name first, "Reeves, Julia", has the initials "JR".)
    family, comma, given = rest.partition(",")
    ordered = f"{given} {family}" if comma else rest
    words = ordered.replace("-", " ").split()
    if (
        len(words) >= _AVATAR_MIN
        and first[0] == words[0][:1].upper()
        and first[-1] == words[-1][:1].upper()
    ):
        return rest
    return name


#: An avatar shows two or three initials.
_AVATAR_MIN: Final = 2
_AVATAR_MAX: Final = 3


def _split_names(text: str) -> list[str]:
    """Split one run of names at ``;``, at commas between full names, at ``and``."""
    if "," not in text and ";" not in text and " and " not in text:
        return [name] if (name := text.strip().strip(" ,")) else []  # one name
    if ";" in text:
        return [name for p in split_top_level(text, ";") if (name := p.strip(" ,"))]
    parts = [p.strip(" ,") for p in split_top_level(text, ",")]
    parts = [p for p in parts if p]
    if not parts:
        return []
    if len(parts) > 1 and parts[-1].startswith("and "):
        parts[-1] = parts[-1][4:]
    if len(parts) > 1 and all(" " in p or _is_cjk(p) for p in parts):
        parts[-1:] = _split_and(parts[-1])
        return parts
    if len(parts) == 1:
        return _split_and(parts[0])
    return [", ".join(parts)]


def _split_and(text: str) -> list[str]:
    """Split ``A and B`` between two personal names; a group's name stays whole."""
    if text.count(" and ") != 1 or _is_group(text):
        return [text]
    left, right = (part.strip() for part in text.split(" and "))
    if " " in left and " " in right:
        return [left, right]
    return [text]


def read_authors(
    lines: Sequence[tuple[int | None, str]], words: ItemWords = COMMON
) -> tuple[tuple[str, ...], list[tuple[str, str, int | None]]]:
    """Read the lines of an author list: the names, and problems with their lines.

    A refused line refuses the whole list (a list missing a name is a wrong list).

    Args:
        lines: ``(line number, text)`` pairs of the Authors section, claim lines out.
        words: The site's buttons, menus and labels.

    Returns:
        The names, and ``(warning code, sentence, line number)`` triples.

    Examples:
        >>> read_authors([(4, "Wei Zhang"), (5, "Li NaWei Chen")])[0]
        ()
    """
    names: list[str] = []
    problems: list[tuple[str, str, int | None]] = []
    refused = False
    for number, text in lines:
        found, these = read_author_line(text, words)
        names.extend(found)
        if these:  # (most lines have none: two generators less a name)
            problems.extend((code, message, number) for code, message in these)
            refused = refused or any(code == "unreadable_value" for code, _ in these)
    return (() if refused else tuple(names)), problems
