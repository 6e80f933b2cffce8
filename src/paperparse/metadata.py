"""Metadata embedded in an HTML page: meta tags and JSON-LD.

Sources, strongest first: Highwire ``citation_*`` meta tags, JSON-LD
(``ScholarlyArticle``/``Article``, also inside ``@graph``), PRISM ``prism.*``, Dublin
Core ``DC.*``/``dc.*``, OpenGraph ``og:title``. (Rating widgets are read where they
stand on the page, by :mod:`paperparse.outline.html`.) For each field the first source that
states it wins; disagreements between metadata sources are not reported (sites often
add a suffix to ``og:title``). Metadata fills what the visible page leaves empty; a
field on which the two disagree is left empty: see :func:`paperparse.merge.merge_metadata`.

Only the paper's own statements count: JSON-LD objects nested under another object
(a ``citation``, ``isBasedOn``, ``review`` …) describe other works; the site's own
name (``og:site_name``, its ``WebSite``/``Organization`` JSON-LD, its host name) is
never the paper's publisher nor part of its title; a first page is only taken with its
last page (a lone ``citation_firstpage`` is often an article number such as
``e70067``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Final

import attrs

from .fields.doi import parse_doi_line
from .fields.lists import split_top_level
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
#: JSON-LD types that describe the site rather than a paper.
_SITE_TYPES: Final = frozenset({"website", "organization", "corporation"})
#: Keys under which a page's JSON-LD holds the object it is about.
_MAIN: Final = ("@graph", "mainEntity", "mainEntityOfPage")
#: What stands between a title and the site's name: ``Title | Site``, ``Title - Site``.
_TITLE_SUFFIX: Final = (" | ", " - ", " \u2013 ", " \u2014 ", " :: ", " \u00b7 ")
#: A page number: digits, with at most a letter before them (``S12``).
_PAGE: Final = re.compile(r"[A-Za-z]?[0-9]{1,6}")


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

    #: Folded names of the site the page is on (never the paper's publisher).
    site_names: frozenset[str] = frozenset()

    def set(self, field: str, line: int | None, value: Any) -> None:
        """Record *value* for *field* unless a stronger source already did.

        Args:
            field: A field name of this class.
            line: The source line of the tag or script stating it.
            value: The value; ``None``, ``""`` and ``()`` are ignored.
        """
        if value in (None, "", ()) or getattr(self, field) is not None:
            return
        if field == "publisher" and isinstance(value, str) and _fold(value) in self.site_names:
            return  # the site's own name: the site is not the paper's publisher
        setattr(self, field, (line, value))

    def is_empty(self) -> bool:
        """Return whether no metadata was found at all."""
        return all(
            getattr(self, f.name) is None for f in attrs.fields(Metadata) if f.name != "site_names"
        )


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
#: Meta tags that name the site: their content is a site name.
_SITE_NAME_TAGS: Final = ("og:site_name", "application-name", "twitter:site")
#: Meta tags that hold the page's address: its host name names the site.
_URL_TAGS: Final = ("og:url", "twitter:url")
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

    scripts = [(line, data) for line, source in json_ld if (data := _load(source)) is not None]
    meta.site_names = _site_names(tags, [data for _, data in scripts])
    _from_tags(meta, tags, _CITATION)
    for line, data in scripts:
        _from_json_ld(meta, line, data)
    _from_tags(meta, tags, _PRISM)
    _from_tags(meta, tags, _DUBLIN_CORE)
    if (og_title := tags.get("og:title")) is not None:
        meta.set("title", og_title[0][0], _without_site(og_title[0][1], meta.site_names))
    if meta.first_page is not None and not _page_range(meta.first_page[1], meta.last_page):
        meta.first_page = meta.last_page = None
    elif meta.first_page is None:
        meta.last_page = None
    return meta


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _load(source: str) -> Any:
    """The JSON of a JSON-LD script, or ``None`` when it is too long or does not parse."""
    if len(source) > _MAX_JSON:
        return None
    try:
        return json.loads(source)
    except (ValueError, RecursionError):
        return None


def _site_names(
    tags: dict[str, list[tuple[int | None, str]]], scripts: list[Any]
) -> frozenset[str]:
    """The folded names of the site: meta tags, its JSON-LD, its host name."""
    names: set[str] = set()
    for name in _SITE_NAME_TAGS:
        names.update(_fold(content.lstrip("@")) for _, content in tags.get(name, ()))
    for name in _URL_TAGS:
        for _, content in tags.get(name, ()):
            host = content.split("//", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
            labels = [label for label in host.split(".") if label and label != "www"]
            if len(labels) >= 2:
                names.add(labels[-2])
    items = [item for data in scripts for item in _top_level(data)]
    # An organisation that an article names (by "@id") as its publisher is not the site.
    cited: set[str] = set()
    for item in items:
        publisher = item.get("publisher")
        ref = publisher.get("@id") if isinstance(publisher, dict) else None
        if isinstance(ref, str) and _types(item) & _ARTICLE_TYPES:
            cited.add(ref)
    for item in items:
        kinds = _types(item)
        if kinds & _SITE_TYPES and not kinds & _ARTICLE_TYPES and item.get("@id") not in cited:
            for key in ("name", "alternateName"):
                if (text := _text(item.get(key))) is not None:
                    names.add(_fold(text))
    names.discard("")
    return frozenset(names)


def _without_site(title: str, site_names: frozenset[str]) -> str | None:
    """*title* without a trailing ``| Site`` suffix; ``None`` when unsure what it is.

    A title that ends with a separator and the site's name loses both. A title with a
    separator when the site's name is unknown, or one that still holds ``|`` after the
    suffix is gone, may hold a suffix nobody can tell apart from the title: not taken.

    >>> _without_site("Gut microbes | Peeref", frozenset({"peeref"}))
    'Gut microbes'
    >>> _without_site("Gut microbes | Peeref", frozenset()) is None
    True
    """
    if _fold(title) in site_names:
        return None
    for separator in _TITLE_SUFFIX:
        head, found, tail = title.rpartition(separator)
        if found and head.strip() and _fold(tail) in site_names:
            title = head.strip()
            break
    else:
        if not site_names and any(separator in title for separator in _TITLE_SUFFIX):
            return None
    return None if " | " in title else title


def _page_range(first: str, last: Found | None) -> bool:
    """Whether *first* and *last* make a page range.

    A first page alone is not taken: pages of online-only journals are article
    numbers (``e70067``, ``104512``), which are not pages.
    """
    if last is None or not isinstance(last[1], str):
        return False
    end = last[1]
    if _PAGE.fullmatch(first) is None or _PAGE.fullmatch(end) is None:
        return False
    if first[0].isalpha() != end[0].isalpha() or (
        first[0].isalpha() and first[0].casefold() != end[0].casefold()
    ):
        return False
    prefix = 1 if first[0].isalpha() else 0
    return int(first[prefix:]) <= int(end[prefix:])


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
                # (outside brackets: "MOFs (ZIF-8; UiO-66)" is one keyword)
                items.extend(split_top_level(content, separator) if separator else [content])
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


def _top_level(data: Any) -> Iterator[dict[str, Any]]:
    """The objects a JSON-LD script is about: top level, ``@graph``, ``mainEntity``.

    Objects nested under any other key (``citation``, ``isBasedOn``, ``mentions``,
    ``hasPart``, ``review`` …) describe other works, not the page's paper.
    """
    stack = [data]
    seen = 0
    while stack and seen < _MAX_OBJECTS:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            seen += 1
            yield item
            stack.extend(reversed([item[key] for key in _MAIN if key in item]))


#: At most this many top-level objects are read from one script.
_MAX_OBJECTS: Final = 10_000


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


def _from_json_ld(meta: Metadata, line: int | None, data: Any) -> None:
    for item in _top_level(data):
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
            if count is not None and count.isascii() and count.isdigit():
                meta.set("count", line, int(count))
