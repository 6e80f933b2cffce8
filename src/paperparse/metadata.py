"""Metadata embedded in an HTML page: meta tags and JSON-LD.

Sources, strongest first: Highwire ``citation_*`` meta tags, JSON-LD
(``ScholarlyArticle``/``Article``, also inside ``@graph``), PRISM ``prism.*``, Dublin
Core ``DC.*``/``dc.*``, OpenGraph ``og:title``. (Rating widgets are read where they
stand on the page, by :mod:`paperparse.html`.) For each field the first source that
states it wins; disagreements between metadata sources are not reported (sites often
add a suffix to ``og:title``). What the visible page says always wins over metadata:
see :func:`paperparse.sections.merge_metadata`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Final

import attrs

from .fields.doi import parse_doi_line
from .fields.rating import parse_score
from .normalize import clean

#: A value read from metadata, with the source line it came from.
Found = tuple[int | None, Any]

_ARTICLE_TYPES: Final = frozenset(
    {
        "scholarlyarticle",
        "article",
        "medicalscholarlyarticle",
        "newsarticle",
        "techarticle",
        "report",
        "creativework",
    }
)
_MAX_JSON: Final = 2_000_000


@attrs.define
class Metadata:
    """Fields stated by the page's metadata, each as (source line, value) or ``None``."""

    title: Found | None = None
    doi: Found | None = None
    journal: Found | None = None
    volume: Found | None = None
    issue: Found | None = None
    first_page: Found | None = None
    last_page: Found | None = None
    publisher: Found | None = None
    keywords: Found | None = None
    authors: Found | None = None
    score: Found | None = None
    count: Found | None = None

    def set(self, field: str, line: int | None, value: Any) -> None:
        """Record *value* for *field* unless a stronger source already did.

        Args:
            field: A field name of this class.
            line: The source line of the tag or script stating it.
            value: The value; ``None``, ``""`` and ``()`` are ignored.
        """
        if value in (None, "", ()) or getattr(self, field) is not None:
            return
        setattr(self, field, (line, value))

    def is_empty(self) -> bool:
        """Return whether no metadata was found at all."""
        return all(v is None for v in attrs.astuple(self, recurse=False))


# Meta tag name -> field, by source; the order of the sources is their precedence.
_CITATION: Final = {
    "citation_title": "title",
    "citation_doi": "doi",
    "citation_journal_title": "journal",
    "citation_volume": "volume",
    "citation_issue": "issue",
    "citation_firstpage": "first_page",
    "citation_lastpage": "last_page",
    "citation_publisher": "publisher",
    "citation_keywords": "keywords",
    "citation_author": "authors",
}
_PRISM: Final = {
    "prism.publicationname": "journal",
    "prism.volume": "volume",
    "prism.number": "issue",
    "prism.issueidentifier": "issue",
    "prism.startingpage": "first_page",
    "prism.endingpage": "last_page",
    "prism.doi": "doi",
    "prism.keyword": "keywords",
    "prism.publisher": "publisher",
}
_DUBLIN_CORE: Final = {
    "dc.title": "title",
    "dc.identifier": "doi",
    "dc.publisher": "publisher",
    "dc.subject": "keywords",
    "dc.creator": "authors",
    "dc.source": "journal",
}
_OPEN_GRAPH: Final = {"og:title": "title"}
_LISTS: Final = frozenset({"keywords", "authors"})


#: A ``<meta>`` tag: (source line, name, content).
MetaTag = tuple[int | None, str, str]
#: A JSON-LD script: (source line, its text).
JsonLd = tuple[int | None, str]


def read_metadata(meta_tags: list[MetaTag], json_ld: list[JsonLd]) -> Metadata:
    """Interpret the page's ``<meta>`` tags and JSON-LD scripts (found by the HTML path).

    Args:
        meta_tags: ``(source line, name, content)`` of each ``<meta>`` tag, in page
            order.
        json_ld: ``(source line, text)`` of each JSON-LD script, in page order.

    Returns:
        The fields the metadata states, strongest source first; JSON-LD that does
        not parse is ignored.

    Examples:
        >>> read_metadata([(3, "citation_DOI", "10.1000/x")], []).doi
        (3, '10.1000/x')
    """
    meta = Metadata()
    tags: dict[str, list[tuple[int | None, str]]] = {}
    for line, raw_name, raw_content in meta_tags:
        name = raw_name.strip().lower()
        content = clean(raw_content)
        if name and content:
            tags.setdefault(name, []).append((line, content))

    _from_tags(meta, tags, _CITATION)
    for line, source in json_ld:
        _from_json_ld(meta, line, source)
    _from_tags(meta, tags, _PRISM)
    _from_tags(meta, tags, _DUBLIN_CORE)
    _from_tags(meta, tags, _OPEN_GRAPH)
    return meta


def _from_tags(
    meta: Metadata, tags: dict[str, list[tuple[int | None, str]]], names: dict[str, str]
) -> None:
    for name, field in names.items():
        found = tags.get(name)
        if not found:
            continue
        line = found[0][0]
        if field in _LISTS:
            items: list[str] = []
            for _, content in found:
                separator = ";" if ";" in content else ("," if field == "keywords" else None)
                items.extend(
                    p.strip() for p in (content.split(separator) if separator else [content])
                )
            meta.set(field, line, tuple(i for i in items if i))
        elif field == "doi":
            meta.set(field, line, _doi(found[0][1]))
        else:
            meta.set(field, line, found[0][1])


def _doi(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    return parse_doi_line(value.strip())


def _walk(data: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in *data*, depth first, without recursion."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(reversed(list(item.values())))
        elif isinstance(item, list):
            stack.extend(reversed(item))


def _types(item: dict[str, Any]) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _text(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return clean(value) or None
    if isinstance(value, dict):
        return _text(value.get("name"))
    return None


def _from_json_ld(meta: Metadata, line: int | None, source: str) -> None:
    if len(source) > _MAX_JSON:
        return
    try:
        data = json.loads(source)
    except (ValueError, RecursionError):
        return
    for item in _walk(data):
        if not _types(item) & _ARTICLE_TYPES:
            continue
        meta.set("title", line, _text(item.get("headline")) or _text(item.get("name")))
        for key in ("doi", "identifier", "sameAs", "url", "@id"):
            values = item.get(key)
            for value in values if isinstance(values, list) else [values]:
                text = _text(value.get("value") if isinstance(value, dict) else value)
                if text and "10." in text:
                    meta.set("doi", line, _doi(text))
        for part in _walk(item.get("isPartOf")):
            kinds = _types(part)
            if "periodical" in kinds:
                meta.set("journal", line, _text(part.get("name")))
            if "publicationvolume" in kinds:
                meta.set("volume", line, _text(part.get("volumeNumber")))
            if "publicationissue" in kinds:
                meta.set("issue", line, _text(part.get("issueNumber")))
        meta.set("first_page", line, _text(item.get("pageStart")))
        meta.set("last_page", line, _text(item.get("pageEnd")))
        meta.set("publisher", line, _text(item.get("publisher")))
        keywords = item.get("keywords")
        if isinstance(keywords, str):
            keywords = re.split(r"[;,]", keywords)
        if isinstance(keywords, list):
            meta.set("keywords", line, tuple(t for k in keywords if (t := _text(k))))
        authors = item.get("author")
        if isinstance(authors, (dict, str)):
            authors = [authors]
        if isinstance(authors, list):
            meta.set("authors", line, tuple(t for a in authors if (t := _text(a))))
        rating = item.get("aggregateRating")
        if isinstance(rating, dict):
            best = _text(rating.get("bestRating"))
            value = _text(rating.get("ratingValue"))
            if value is not None:
                meta.set("score", line, parse_score(f"{value}/{best}" if best else value))
            count = _text(rating.get("ratingCount")) or _text(rating.get("reviewCount"))
            if count is not None and count.isdigit():
                meta.set("count", line, int(count))
