"""Rating scores, rating counts and secondary (named) scores."""

from __future__ import annotations

import re
from typing import Final

from ..normalize import is_dash

#: Scores and counts are read from ASCII digits only (``[0-9]``; a page writing them in
#: other digits gets the field empty), with every repetition bounded (a line reaching a
#: reader has single blanks; the bounds make the patterns linear whatever the input).
_SCORE: Final = re.compile(
    r"(?P<score>[0-9]{1,2}(?:[.,][0-9]{1,3})?)"
    r"(?:[ \t]{0,3}(?:/|out of)[ \t]{0,3}(?P<scale>[0-9]{1,3}(?:[.,]0{1,3})?))?"
)
_COUNT: Final = re.compile(
    r"\(?[ \t]{0,3}(?:based on[ \t]{1,3})?(?P<count>[0-9]{1,3}(?:[,. ][0-9]{3}){1,4}|[0-9]{1,9})"
    r"[ \t]{1,3}(?:ratings?|reviews?|votes?)[ \t]{0,3}\)?",
    re.IGNORECASE,
)
#: "4.7 (18 ratings)", "4.7/5 · 18 ratings"
_SCORE_AND_COUNT: Final = re.compile(
    rf"(?P<s>{_SCORE.pattern})(?:[ \t]{{0,3}}[\u00b7|,][ \t]{{0,3}}|[ \t]{{1,3}}|(?=\())"
    rf"(?P<c>{_COUNT.pattern})",
    re.IGNORECASE,
)

#: The largest score a rating can have: scores are out of five.
MAX_SCORE: Final = 5.0


def parse_score(text: str) -> float | None:
    """Read a score out of five: ``4.7``, ``4,7``, ``4.7/5``, ``4.7 out of 5``.

    Returns ``None`` for anything else, including scores above 5 or on another scale.

    >>> parse_score("4,7"), parse_score("4.7/5"), parse_score("4.7 out of 5")
    (4.7, 4.7, 4.7)
    >>> parse_score("9.4/10") is None, parse_score("47") is None, parse_score("-") is None
    (True, True, True)
    """
    match = _SCORE.fullmatch(text.strip())
    if match is None:
        return None
    if (scale := match["scale"]) is not None and float(scale.replace(",", ".")) != MAX_SCORE:
        return None
    score = float(match["score"].replace(",", "."))
    return score if 0.0 <= score <= MAX_SCORE else None


def looks_like_score(text: str) -> bool:
    """Return whether *text* is written like a score (even one out of range).

    A score written with other digits than ASCII ones (``\u0664.\u0667``, ``\uff14.\uff17``,
    ``\u00b2``) is written like a score too: it is a score nobody reads, not a word.

    >>> looks_like_score("9.4/10"), looks_like_score("Novelty")
    (True, False)
    >>> looks_like_score("\uff14.\uff17"), parse_score("\uff14.\uff17") is None
    (True, True)
    """
    text = text.strip()
    if not text.isascii():
        text = "".join("0" if char.isdigit() else char for char in text)
    return _SCORE.fullmatch(text) is not None


def parse_count(text: str) -> int | None:
    """Read a number of ratings: ``18 ratings``, ``(18 ratings)``, ``Based on 18 ratings``.

    >>> parse_count("(18 ratings)"), parse_count("Based on 1,204 reviews"), parse_count("1 rating")
    (18, 1204, 1)
    >>> parse_count("18") is None
    True
    """
    match = _COUNT.fullmatch(text.strip())
    if match is None:
        return None
    return int(match["count"].replace(",", "").replace(".", "").replace(" ", ""))


def parse_score_and_count(text: str) -> tuple[float | None, int] | None:
    """Read a score and a count on one line: ``4.7 (18 ratings)``.

    >>> parse_score_and_count("4,3/5 (18 ratings)")
    (4.3, 18)
    >>> parse_score_and_count("4.3") is None
    True
    """
    match = _SCORE_AND_COUNT.fullmatch(text.strip())
    if match is None:
        return None
    count = parse_count(match["c"])
    if count is None:  # pragma: no cover - the pattern guarantees a count
        return None
    return parse_score(match["s"]), count


def parse_secondary_value(text: str) -> tuple[bool, float | None]:
    """Read a secondary score token: ``(True, score)`` or ``(True, None)`` for a dash.

    ``(False, None)`` means *text* is not a score at all.

    >>> parse_secondary_value("-"), parse_secondary_value("4,5"), parse_secondary_value("Novelty")
    ((True, None), (True, 4.5), (False, None))
    """
    text = text.strip()
    if is_dash(text):
        return True, None
    if looks_like_score(text):
        return True, parse_score(text)
    return False, None


def split_named(text: str) -> tuple[str, str] | None:
    """Split ``Novelty 4.5`` / ``Scientific rigor -`` into name and score token.

    A dump that glues a table's cells writes ``Novelty1.6`` or ``Significance-``: a
    rating's name is words and never ends in a digit or a dash, so a score token
    glued to a name that ends in a letter is split off too.

    >>> split_named("Scientific rigor -")
    ('Scientific rigor', '-')
    >>> split_named("Novelty | 4.5")
    ('Novelty', '4.5')
    >>> split_named("Novelty1.6"), split_named("Significance-")
    (('Novelty', '1.6'), ('Significance', '-'))
    >>> split_named("Novelty") is None, split_named("COVID-19") is None
    (True, True)
    """
    name, _, value = text.strip().rpartition(" ")
    name = name.rstrip(": |")  # "Novelty: 4.5", or a table row "Novelty | 4.5"
    if name and parse_secondary_value(value)[0]:
        return name, value
    glued = _GLUED_SCORE.fullmatch(text.strip())
    if glued is None:
        return None
    return glued["name"], glued["value"]


#: A name of letters and spaces with a score token glued to its end (``Novelty1.6``).
_GLUED_SCORE: Final = re.compile(
    r"(?P<name>[^\W\d_][^\W\d_ ]{0,40}(?: [^\W\d_]{1,40}){0,3})"
    r"(?P<value>[0-9](?:[.,][0-9]{1,2})?|[-\u2013\u2014])",
)


#: The column headings of a table of ratings (folded): a row of them is no rating.
RATING_COLUMNS: Final = frozenset(
    {"criterion", "criteria", "aspect", "aspects", "dimension", "score", "scores", "rating"}
)


def is_rating_heading_row(text: str) -> bool:
    """Whether *text* is a ratings table's heading row (``Criterion | Score``).

    >>> is_rating_heading_row("Criterion Score"), is_rating_heading_row("Aspect | Score")
    (True, True)
    >>> is_rating_heading_row("Novelty 4.5"), is_rating_heading_row("Score")
    (False, False)
    """
    words = text.replace("|", " ").casefold().split()
    return len(words) > 1 and all(word in RATING_COLUMNS for word in words)
