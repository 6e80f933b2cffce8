"""DOIs: ``DOI: 10.…``, ``doi:10.…``, ``https://doi.org/10.…``, ``http://dx.doi.org/10.…``."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import unquote

#: A DOI statement filling a whole line: an optional ``DOI`` label or resolver URL,
#: then the DOI itself (Crossref: ``10.`` + 4-9 digit registrant + ``/`` + suffix).
#: ASCII digits only, blanks bounded (a line reaching a reader has single blanks).
#: A DOI's prefix: ``10.``, the registrant's 4-9 digits and any sub-registrants
#: (``10.1508.5/``), then ``/``. The one pattern every rule about DOIs uses.
DOI_PREFIX: Final = r"10\.[0-9]{4,9}(?:\.[0-9]{1,9}){0,8}/"
_DOI_LINE: Final = re.compile(
    r"(?:doi[ \t]{0,3}[:.]?[ \t]{0,3})?(?:(?:https?://)?(?:dx\.)?doi\.org/|doi:[ \t]{0,3})?"
    rf"(?P<doi>{DOI_PREFIX}\S+)",
    re.IGNORECASE,
)
_TRAILING: Final = ".,;:"
_PAIRS: Final = {")": "(", "]": "[", ">": "<", "}": "{"}


def _strip_trailing(doi: str) -> str:
    """Remove trailing punctuation that closes the sentence, not the DOI."""
    balance = {close: doi.count(close) - doi.count(opening) for close, opening in _PAIRS.items()}
    end = len(doi)
    while end:
        last = doi[end - 1]
        if last in _TRAILING or last in "\"'":
            end -= 1
        elif balance.get(last, 0) > 0:
            balance[last] -= 1
            end -= 1
        else:
            break
    return doi[:end]


def parse_doi_line(text: str) -> str | None:
    """Read a line that states a DOI, returning the bare DOI or ``None``.

    >>> parse_doi_line("DOI: 10.1007/s00109-019-01804-x")
    '10.1007/s00109-019-01804-x'
    >>> parse_doi_line("https://doi.org/10.1038/s41467-020-1234-5.")
    '10.1038/s41467-020-1234-5'
    >>> parse_doi_line("(doi:10.1002/(SICI)1097-4636(199910)47:1<1::AID-JBM1>3.0.CO;2-H)")
    '10.1002/(SICI)1097-4636(199910)47:1<1::AID-JBM1>3.0.CO;2-H'
    >>> parse_doi_line("http://dx.doi.org/10.1002/%28SICI%291097-4636")
    '10.1002/(SICI)1097-4636'
    >>> parse_doi_line("DOI: -") is None, parse_doi_line("The doi of 10.1/x") is None
    (True, True)
    >>> parse_doi_line("https://doi.org/10.1002/(SICI)1097-4636(199910)47:1<1::AID-") is None
    True
    """
    text = text.strip()
    if text[:1] in "([<" and len(text) > 1:
        text = text[1:]
    match = _DOI_LINE.fullmatch(text)
    if match is None:
        return None
    doi = match["doi"]
    if "%" in doi:
        doi = unquote(doi)
    doi = _strip_trailing(doi)
    # A DOI that ends in "/" or "-" was cut: a tool wraps a long word at its hyphen.
    return doi if "/" in doi and not doi.endswith(("/", "-")) else None


def is_doi_label_line(text: str) -> bool:
    """Return whether *text* is a DOI label whose value is missing (``DOI:`` or ``DOI: -``).

    >>> is_doi_label_line("DOI: -"), is_doi_label_line("doi"), is_doi_label_line("DOI: 10.1/x")
    (True, True, False)
    """
    head, _, rest = text.partition(":")
    return head.strip().casefold() == "doi" and rest.strip() in {"", "-", "\u2013", "\u2014"}
