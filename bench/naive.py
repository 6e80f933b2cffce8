"""The scraper a user writes first: regexes and splits for exactly the seed layout.

Deliberately naive (no normalisation, no error handling, no validation): it is the
baseline that paperparse's cost is compared with, not something to use.
:func:`scrape_total` is the same scraper made total for a batch of pages, as a user
running it over a folder would: a page it cannot scrape gives ``None`` instead of
raising (a missing label is a ``KeyError``, an unexpected line a ``ValueError`` ...).
"""

from __future__ import annotations

import re

_VOLUME = re.compile(r"Volume (\S+), Issue (\S+), Pages (\d+)-(\d+)")
_DOI = re.compile(r"DOI: (\S+)")
_GRANT = re.compile(r"^\s*\d+\. (.*?)(?: \[(.*)\])?$")


def scrape(text: str) -> dict[str, object]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    at = {line: i for i, line in reversed(list(enumerate(lines)))}
    _, article_type = lines[0].split(" ", 1)
    volume = _VOLUME.search(text)
    doi = _DOI.search(text)
    funding = []
    for line in lines[at["Funding"] + 1 : at["Ask authors/readers for more resources"]]:
        if m := _GRANT.match(line):
            funding.append({"funder": m[1], "award_ids": m[2].split(", ") if m[2] else []})
    return {
        "title": lines[1],
        "article_type": article_type,
        "journal": lines[at["Journal"] + 1],
        "volume": volume and volume.groups(),
        "publisher": lines[at["Publisher"] + 1],
        "doi": doi and doi[1],
        "keywords": lines[at["Keywords"] + 1].split("; "),
        "funding": funding,
        "abstract": lines[at["Ask authors/readers for more resources"] + 1],
        "authors": lines[at["Authors"] + 1 : at["Reviews"]],
        "score": float(lines[at["Primary Rating"] + 1]),
        "recommended": lines[at["Recommended"] + 1 :],
    }


def scrape_total(text: str) -> dict[str, object] | None:
    """:func:`scrape`, or ``None`` for a page it cannot scrape."""
    try:
        return scrape(text)
    except Exception:
        return None
