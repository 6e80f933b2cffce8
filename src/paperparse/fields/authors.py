"""Author lists: names split by ``;`` or ``,``, affiliation marks, avatars and ORCID links dropped.

Each name passes :func:`check_author` (a person's or a group's name: no institution,
address, number or run-together names) before it is returned; :func:`read_author_line`
and :func:`read_authors` say why they refused a list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .clean import COMMON, ItemWords, clean_item, foreign_text, is_chrome, quote
from .funding import strip_marker
from .lists import Problem, narrow, split_top_level


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
        segment = narrow(clean_item(segment))
        if not segment or is_chrome(segment, words):
            continue
        if _AFFILIATION_MARK.search(segment) is not None:
            segment = _AFFILIATION.sub(lambda m: "," if m.end() < len(m.string) else "", segment)
        # (an avatar before a name written family name first, "NZ Zhang, Ngọc Anh", is
        # the whole segment's: taken off before the comma splits it)
        segment = without_avatar(segment)
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
    >>> without_avatar("JR Reeves, Julia"), without_avatar("NZ Zhang, Ng\u1ecdc Anh")
    ('Reeves, Julia', 'Zhang, Ng\u1ecdc Anh')
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
