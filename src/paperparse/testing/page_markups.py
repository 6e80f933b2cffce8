# ruff: noqa: RUF001 - page text holds typographic characters on purpose (middle dots, stars)
"""Hypothesis strategies that draw the HTML of a redesigned Peeref paper page for a record.

:func:`markup_pages` draws, for one :class:`~paperparse.Paper` (as drawn by
:func:`paperparse.testing.papers`), a whole page the way a site redesign might write
it: where the title stands and what badges surround it, how the journal block, the
keywords, the funding, the authors, the abstract and the rating block are marked up,
and what page chrome (menus, breadcrumbs, sidebars, footers, consent dialogs, tabs,
share rows, screen-reader text, embedded metadata) surrounds them. Every markup choice
is a separate draw (:data:`CHOICES`), listed first by its most Peeref-like option, so
that a failing page shrinks to the smallest departure from the site's own markup. The
page keeps the site's identity (``Primary Rating``, ``Secondary Ratings``, ``Ask
authors/readers for more resources``, ``Rate this paper``, the author-claim prompt)
while label wording, order and structure vary.

The drawn :class:`MarkupPage` holds the HTML, the choices made (:attr:`MarkupPage.features`,
stable names such as ``"title:h1"`` or ``"funding:table-header"``, all listed in
:data:`FEATURES`) and the record the page states (:attr:`MarkupPage.paper`).

The contract: every drawn page states each value of its record so that a careful human
reader gets it right, and no part of the page suggests a different value (a decoy DOI,
journal or title is recognisably page chrome or another paper's). Where a choice makes
a value unreadable on purpose (an author list cut by ``et al.``, an abstract clipped by
``Read more``, a title shown only in the embedded metadata when read as text), the
parser may leave it empty with a warning, never give a different one. Compare with
:func:`paperparse.testing.wrong_values`.

This module needs Hypothesis; ``paperparse.testing`` serves its names lazily, as it
serves :func:`~paperparse.testing.papers`.

Examples:
    >>> from hypothesis import given, settings
    >>> from paperparse.testing import markup_pages, papers
    >>> seen = []
    >>> @settings(max_examples=5, database=None)
    ... @given(papers().flatmap(markup_pages))
    ... def draw(page):
    ...     seen.append(page)
    >>> draw()
    >>> all(page.html.startswith("<!DOCTYPE html>") for page in seen)
    True
    >>> all(set(page.features) <= set(FEATURES) for page in seen)
    True
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable, Mapping
from typing import Final

import attrs
from hypothesis import strategies as st

from ..model import AuthorClaim, Journal, Paper, Rating
from .render import format_score

__all__ = [
    "CHOICES",
    "FEATURES",
    "MarkupPage",
    "markup_page",
    "markup_pages",
    "markups",
]

#: Every markup choice and its options, the site's own markup (or the plainest) first.
#: A feature name is ``"choice:option"``. A choice is only drawn where it changes the
#: page (``funding`` only for a record with funding).
CHOICES: Final[dict[str, tuple[str, ...]]] = {
    # --- page chrome -------------------------------------------------------------------
    "nav": ("header-nav", "none", "div-links"),
    "lang": ("none", "links", "select"),
    "breadcrumb": ("none", "breadcrumb-class", "plain-div"),
    "crumb-last": ("generic", "journal", "title-truncated"),
    "consent": ("none", "bottom", "top"),
    "consent-box": ("cookie-class", "dialog-role", "plain-div"),
    "tabs": ("none", "tablist", "plain-links"),
    "share": ("none", "buttons", "links"),
    "sidebar": ("none", "similar-papers", "related-journals", "trending-keywords"),
    "sidebar-box": ("aside", "div"),
    "footer": ("simple", "columns-label-words", "none"),
    "footer-box": ("footer", "div"),
    "sr-text": ("none", "sr-only", "visually-hidden", "unknown-class"),
    "icons": ("none", "aria-hidden", "svg", "aria-hidden-glyph"),
    "main-box": ("main", "div"),
    # --- embedded metadata -------------------------------------------------------------
    "embedded": ("none", "citation", "json-ld", "both", "site-only"),
    "embedded-coverage": ("full", "partial"),
    # --- header: title, badges ---------------------------------------------------------
    "title": ("h1", "h2", "div-heading", "metadata-only"),
    "header": ("peeref-line", "type-before-score-after", "after-title", "joined-dot", "type-only"),
    "header-score": ("plain", "star-glyph", "out-of", "stars-aria", "stars-width"),
    "title-extra": ("none", "open-access-badge", "published-in", "views"),
    "title-extra-place": ("after", "before"),
    # --- page order --------------------------------------------------------------------
    "order": ("peeref", "authors-under-title", "abstract-before-metadata"),
    "rating-place": ("main", "side-column", "aside"),
    # --- journal, publisher, DOI, keywords, categories, funding --------------------------
    "meta": ("sections", "dl", "table", "grid", "colon-lines", "heading-above"),
    "labels": ("site", "synonyms", "unseen", "upper-case"),
    "locator": ("own-line", "journal-cell", "own-row", "parts-rows"),
    "locator-form": ("peeref", "abbreviated", "compact"),
    "dash": ("hyphen", "en-dash"),
    "article-number": ("peeref", "lower-case", "abbreviated", "pages"),
    "doi": ("publisher-block", "own-row", "url", "under-title"),
    "doi-extra": ("none", "copy-button", "external-glyph"),
    "keywords": ("separated", "pills", "list", "links-comma"),
    "keyword-sep": ("semicolon", "comma", "middot", "bar"),
    "categories": ("separated", "pills", "list"),
    "funding": ("ol", "ul", "lines", "table-header", "dl", "sentence"),
    "funding-header": ("funder-grant", "agency-award"),
    # --- abstract ----------------------------------------------------------------------
    "ask": ("before-abstract", "after-abstract", "action-row"),
    "ask-element": ("button", "link-button", "span-role"),
    "abstract-heading": ("peeref", "always", "never"),
    "abstract": ("plain", "structured", "read-more-full", "read-more-clipped", "read-more-hidden"),
    # --- authors -----------------------------------------------------------------------
    "authors": ("li", "comma-links", "lines"),
    "author-sep": ("comma", "semicolon", "and-last"),
    "author-class": ("author", "plain"),
    "author-marks": ("none", "sup-digits", "sup-symbols"),
    "avatar": ("none", "initials-aria-hidden", "initials-visible", "image"),
    "orcid": ("none", "icon", "text"),
    "authors-cut": ("none", "et-al", "rest-hidden", "expanded-toggle"),
    "affiliations": ("none", "numbered-list", "sup-lines"),
    "affiliations-heading": ("none", "heading"),
    "claim": ("two-lines", "one-paragraph", "with-button"),
    # --- rating block ------------------------------------------------------------------
    "reviews-heading": ("reviews", "ratings", "none"),
    "primary": ("lines", "out-of", "stars-aria", "meter", "progress", "data-score", "table", "dl"),
    "primary-number": ("shown", "hidden"),
    "count": ("plain", "parenthesised", "based-on", "joined"),
    "secondary": (
        "lines",
        "colon",
        "table",
        "table-header",
        "dl",
        "meter",
        "stars-aria",
        "progress",
    ),
    "secondary-number": ("shown", "hidden"),
    "rate": ("button", "link"),
    # --- recommended -------------------------------------------------------------------
    "recommended": ("list", "numbered", "cards", "cards-score"),
    "recommended-heading": ("recommended", "recommended-papers", "recommended-for-you"),
    "card-meta": ("journal-year-doi", "journal-year", "doi-only"),
    "recommended-empty": ("no-data", "omitted", "no-recommendations"),
}

#: Every feature name a page can carry, ``"choice:option"``, in :data:`CHOICES` order.
FEATURES: Final[tuple[str, ...]] = tuple(
    f"{name}:{option}" for name, options in CHOICES.items() for option in options
)

_STRATEGIES: Final[dict[str, st.SearchStrategy[str]]] = {
    name: st.sampled_from(options) for name, options in CHOICES.items()
}

Choices = dict[str, str]


@attrs.frozen
class MarkupPage:
    """One drawn page: its HTML, the markup choices made, and the record it states.

    Attributes:
        html: The page, a complete HTML document.
        features: The markup choices, ``"choice:option"`` (see :data:`FEATURES`), in
            the order they were drawn, as the page shows them (an option the record
            cannot show is replaced by the one shown, see :func:`markup_page`).
        paper: The record the page states: the drawn record, with the abstract as the
            page writes it (a structured abstract carries its sub-headings,
            ``Background: … Methods: …``) and no ``summary`` (not shown). A value the
            page makes unreadable on purpose (see :func:`markup_pages`) is still here:
            the parser may leave it empty, with a warning, never give another.
        text_ambiguous: Fields whose values a text dump of the page runs together (one
            element per keyword with only a space between them: ``zinc anodes
            batteries``), so that no reader of the text alone can split them. A
            dump-tool check leaves them out; the HTML path must still read them.
    """

    html: str
    features: tuple[str, ...]
    paper: Paper
    text_ambiguous: tuple[str, ...] = ()


# --- drawing the choices -----------------------------------------------------------------


def _has_locator(journal: Journal | None) -> bool:
    return journal is not None and any(
        part is not None
        for part in (journal.volume, journal.issue, journal.pages, journal.article_number)
    )


def _draw_choices(draw: Callable[[st.SearchStrategy[str]], str], paper: Paper) -> Choices:
    """Draw the markup choices for *paper*, only those that change its page."""
    c: Choices = {}

    def pick(name: str) -> str:
        c[name] = draw(_STRATEGIES[name])
        return c[name]

    rating, journal = paper.rating, paper.journal
    score = rating.score if rating is not None else None
    # page chrome
    pick("nav")
    pick("lang")
    if pick("breadcrumb") != "none":
        pick("crumb-last")
    if pick("consent") != "none":
        pick("consent-box")
    pick("tabs")
    pick("share")
    if pick("sidebar") != "none":
        pick("sidebar-box")
    if pick("footer") != "none":
        pick("footer-box")
    pick("sr-text")
    pick("icons")
    pick("main-box")
    if pick("embedded") not in ("none", "site-only"):
        pick("embedded-coverage")
    # header
    if (
        paper.title is not None
        and pick("title") == "metadata-only"
        and c["embedded"] in ("none", "site-only")
    ):
        c["embedded"] = "citation"  # the title must be stated somewhere
        pick("embedded-coverage")
    if (paper.article_type is not None or score is not None) and (
        pick("header") != "type-only" and score is not None
    ):
        pick("header-score")
    if pick("title-extra") != "none":
        pick("title-extra-place")
    pick("order")
    if rating is not None:
        pick("rating-place")
    # metadata block
    if (
        journal is not None
        or paper.publisher is not None
        or paper.doi is not None
        or paper.keywords
        or paper.categories
        or paper.funding
    ):
        pick("meta")
        pick("labels")
    if journal is not None and _has_locator(journal):
        pick("locator")
        pick("locator-form")
        if (journal.pages is not None and journal.pages.last is not None) or (
            journal.issue is not None and "-" in journal.issue
        ):
            pick("dash")
        if journal.article_number is not None:
            pick("article-number")
    if paper.doi is not None:
        pick("doi")
        pick("doi-extra")
    if paper.keywords and pick("keywords") in ("separated", "links-comma"):
        pick("keyword-sep")
    if paper.categories:
        pick("categories")
    if paper.funding and pick("funding") == "table-header":
        pick("funding-header")
    # abstract
    if ASK in paper.actions:
        pick("ask")
        pick("ask-element")
    if paper.abstract is not None:
        pick("abstract-heading")
        pick("abstract")
    # authors
    if paper.authors:
        if pick("authors") == "comma-links":
            pick("author-sep")
        pick("author-class")
        pick("author-marks")
        pick("avatar")
        pick("orcid")
        if len(paper.authors) > _SHOWN_AUTHORS + 1:
            pick("authors-cut")
        if pick("affiliations") != "none":
            pick("affiliations-heading")
    if paper.author_claim is not None:
        pick("claim")
    # rating block
    if rating is not None:
        pick("reviews-heading")
        if score is not None and pick("primary") in _WIDGETS:
            pick("primary-number")
        if rating.count is not None:
            pick("count")
        if rating.secondary and pick("secondary") in _WIDGETS:
            pick("secondary-number")
    if RATE in paper.actions:
        pick("rate")
    # recommended
    if paper.recommended:
        if pick("recommended") in ("cards", "cards-score"):
            pick("card-meta")
        pick("recommended-heading")
    else:
        pick("recommended-empty")
    return c


def _settle(paper: Paper, choices: Mapping[str, str]) -> Choices:
    """*choices*, with the options *paper* cannot show replaced by what the page shows.

    A title shown only in the embedded metadata needs metadata that holds it;
    ``Published in``, a journal name; the compact locator, a journal name, simple
    parts, an issue or a page range, and no article number; ``Pages e70067``, a
    letter-prefixed article number without pages; a structured abstract, two
    sentences; an abstract without a heading, a title above it or the ``Ask
    authors/readers …`` button right before it (a lone paragraph could be a title); a
    comma between authors, no comma inside a name (``Zhang, Wei, Li Na`` would be
    ambiguous); a count joined to the score, a score shown as a number.
    """
    c = dict(choices)
    get = c.get
    journal, rating = paper.journal, paper.rating
    if get("title") == "metadata-only" and get("embedded", "none") in ("none", "site-only"):
        c["embedded"] = "citation"
    if get("title-extra") == "published-in" and (journal is None or journal.name is None):
        c["title-extra"] = "none"
        c.pop("title-extra-place", None)
    if get("locator-form") == "compact" and (journal is None or _compact(journal, "-") is None):
        c["locator-form"] = "peeref"
    if get("article-number") == "pages" and not (
        journal is not None
        and journal.pages is None
        and journal.article_number is not None
        and _LETTER_PREFIXED.fullmatch(journal.article_number)
    ):
        c["article-number"] = "peeref"
    if get("abstract") == "structured" and len(_sentences(paper.abstract or "")) < 2:
        c["abstract"] = "plain"
    title_shown = paper.title is not None and get("title") != "metadata-only"
    ask_before = ASK in paper.actions and get("ask", "before-abstract") == "before-abstract"
    if get("abstract-heading") == "never" and not (title_shown or ask_before):
        c["abstract-heading"] = "always"  # a lone paragraph on a page without a title
    if (
        get("authors") == "comma-links"
        and get("author-sep", "comma") != "semicolon"
        and any("," in a.name for a in paper.authors)
    ):
        c["author-sep"] = "semicolon"
    if get("count") == "joined" and (
        rating is None or rating.score is None or get("primary", "lines") not in ("lines", "out-of")
    ):
        c["count"] = "plain"
    return c


def markup_page(paper: Paper, choices: Mapping[str, str] | None = None) -> MarkupPage:
    """Write *paper* as a page with the given markup choices (see :data:`CHOICES`).

    A choice left out takes its first option, the site's own markup; an option the
    record cannot show falls back to what the page then shows (a compact locator
    ``97(8): 1-10`` needs a simple volume, ``Published in`` a journal name …), and the
    features say so. :func:`markup_pages` draws the choices; this function is plain
    Python, for writing a page from chosen features (a fixture, a bug report).

    Args:
        paper: The record to show.
        choices: Choice name -> option.

    Returns:
        The page, its features (the choices given, settled) and the record it states.

    Raises:
        ValueError: A choice or option that :data:`CHOICES` does not list.

    Examples:
        >>> from paperparse import Paper
        >>> page = markup_page(Paper(title="Shade", actions=("Rate this paper",)),
        ...                    {"title": "h2", "rate": "link"})
        >>> '<h2 class="title">Shade</h2>' in page.html
        True
        >>> page.features
        ('title:h2', 'rate:link')
    """
    given = dict(choices or {})
    for name, option in given.items():
        if option not in CHOICES.get(name, ()):
            raise ValueError(f"unknown markup choice {name}:{option}; see CHOICES.")
    settled = _settle(paper, given)
    ctx = _Ctx(
        paper,
        settled,
        _LABELS[settled.get("labels", "site")],
        _SR_CLASSES.get(settled.get("sr-text", "none")),
    )
    return MarkupPage(
        html=_document(ctx),
        features=tuple(f"{name}:{option}" for name, option in settled.items()),
        paper=_expected(paper, settled),
        text_ambiguous=tuple(
            field for field in ("keywords", "categories") if settled.get(field) == "pills"
        ),
    )


@st.composite
def _markup_pages(draw: st.DrawFn, paper: Paper) -> MarkupPage:
    return markup_page(paper, _draw_choices(draw, paper))


def markup_pages(paper: Paper) -> st.SearchStrategy[MarkupPage]:
    """Draw a redesigned Peeref page for *paper*, with the choices made and its record.

    Args:
        paper: The record to show, as :func:`paperparse.testing.papers` draws them
            (any record works; the contract of :func:`~paperparse.testing.papers`
            is what keeps every value readable).

    Returns:
        A strategy of :class:`MarkupPage`. Shrinking moves every choice towards its
        first option in :data:`CHOICES` (the site's own markup), so a failing page
        shrinks to the choices that matter.

    Examples:
        >>> from hypothesis import given, settings
        >>> from paperparse import Paper
        >>> paper = Paper(title="A study of shade", actions=("Rate this paper",))
        >>> pages = []
        >>> @settings(max_examples=3, database=None)
        ... @given(markup_pages(paper))
        ... def draw(page):
        ...     pages.append(page)
        >>> draw()
        >>> all("A study of shade" in page.html for page in pages)
        True
        >>> all(page.paper == paper for page in pages)  # no abstract, nothing to restructure
        True
    """
    return _markup_pages(paper)


def markups(paper: Paper) -> st.SearchStrategy[str]:
    """Draw the HTML of a redesigned Peeref page for *paper* (see :func:`markup_pages`).

    Args:
        paper: The record to show.

    Returns:
        A strategy of complete HTML documents.
    """
    return markup_pages(paper).map(lambda page: page.html)


# --- the record the page states ------------------------------------------------------------

_SENTENCE_END: Final = re.compile(r"(?<=\.) (?=\S)")
#: Sub-headings of a structured abstract, in order.
_ABSTRACT_PARTS: Final = ("Background", "Methods", "Results", "Conclusions")


def _sentences(abstract: str) -> list[str]:
    return _SENTENCE_END.split(abstract)


def _structured(abstract: str) -> list[tuple[str, str]]:
    """The abstract cut into up to four parts at sentence ends, each with its sub-heading."""
    sentences = _sentences(abstract)
    count = min(len(sentences), len(_ABSTRACT_PARTS))
    size, extra = divmod(len(sentences), count)
    parts, start = [], 0
    for index in range(count):
        end = start + size + (index < extra)
        parts.append((_ABSTRACT_PARTS[index], " ".join(sentences[start:end])))
        start = end
    return parts


def _expected(paper: Paper, c: Choices) -> Paper:
    abstract = paper.abstract
    if abstract is not None and c.get("abstract") == "structured":
        abstract = " ".join(f"{head}: {text}" for head, text in _structured(abstract))
    return attrs.evolve(paper, summary=None, abstract=abstract, warnings=(), provenance=())


# --- rendering -----------------------------------------------------------------------------

#: The site's buttons and prompt, canonical text.
ASK: Final = "Ask authors/readers for more resources"
RATE: Final = "Rate this paper"
_SITE: Final = "https://www.peeref.com"
_SHOWN_AUTHORS: Final = 3
_WIDGETS: Final = frozenset({"stars-aria", "meter", "progress", "data-score"})
_LETTER_PREFIXED: Final = re.compile(r"[A-Za-z]{1,3}\d+")
_SIMPLE_PART: Final = re.compile(r"\d{1,4}[A-Z]?")

#: Decoys: other papers' titles, journals and DOIs, shown in cards, sidebars and menus.
_DECOY_TITLES: Final = (
    "Hepatic stellate cell activation in chronic liver injury",
    "Electrolyte additives for stable lithium metal anodes",
    "Ocean warming and the resilience of coral reef fish communities",
    "Single-atom catalysts for electrochemical nitrogen reduction",
    "Microbial communities of alpine grassland soils under drought",
    "Attention-based models for protein function annotation",
)
_DECOY_JOURNALS: Final = (
    "HEPATOLOGY RESEARCH",
    "JOURNAL OF POWER SOURCES",
    "SCIENTIFIC REPORTS",
    "CELL REPORTS",
    "PLOS ONE",
    "CHEMICAL ENGINEERING JOURNAL",
)
_DECOY_DOIS: Final = (
    "10.1111/hepr.13790",
    "10.1016/j.jpowsour.2022.231004",
    "10.1038/s41598-021-84512-7",
    "10.1016/j.celrep.2021.109283",
    "10.1371/journal.pone.0264410",
    "10.1016/j.cej.2023.141927",
)
_DECOY_KEYWORDS: Final = ("COVID-19", "machine learning", "climate change", "CRISPR")
_AFFILIATIONS: Final = (
    "Department of Chemistry, Zhejiang University, Hangzhou 310027, China",
    "School of Medicine, Stanford University, Stanford, CA 94305, USA",
    "Institute for Neuroscience, Kyoto University, Kyoto 606-8501, Japan",
)

_LABELS: Final[dict[str, dict[str, str]]] = {
    "site": {
        "journal": "Journal",
        "publisher": "Publisher",
        "doi": "DOI",
        "keywords": "Keywords",
        "categories": "Categories",
        "funding": "Funding",
        "authors": "Authors",
    },
    "synonyms": {
        "journal": "Source",
        "publisher": "Publisher",
        "doi": "DOI",
        "keywords": "Key words",
        "categories": "Subject categories",
        "funding": "Funding information",
        "authors": "Author list",
    },
    "unseen": {
        "journal": "Published in",
        "publisher": "Published by",
        "doi": "DOI",
        "keywords": "Topics",
        "categories": "Research areas",
        "funding": "Funded by",
        "authors": "Contributors",
    },
}
_LABELS["upper-case"] = {kind: word.upper() for kind, word in _LABELS["site"].items()}
_PART_LABELS: Final = {"volume": "Volume", "issue": "Issue", "pages": "Pages"}
_KEYWORD_SEPARATORS: Final = {"semicolon": "; ", "comma": ", ", "middot": " · ", "bar": " | "}
_SR_CLASSES: Final = {
    "sr-only": "sr-only",
    "visually-hidden": "visually-hidden",
    "unknown-class": "offscreen",
}


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _pick(pool: tuple[str, ...], index: int, avoid: set[str | None]) -> str:
    """The decoy at *index* of *pool* (cycling), never one of the values to *avoid*."""
    for step in range(len(pool)):
        value = pool[(index + step) % len(pool)]
        if value not in avoid:
            return value
    raise AssertionError("every decoy is a value of the record")  # pools exceed records


@attrs.frozen
class _Ctx:
    """A page being written: the record, the choices, and what many parts share."""

    paper: Paper
    c: Choices
    labels: dict[str, str]
    sr: str | None  # the class of screen-reader-only text, or None for none

    def get(self, name: str) -> str:
        return self.c.get(name, CHOICES[name][0])

    def icon(self) -> str:
        icons = self.get("icons")
        if icons == "aria-hidden":
            return '<i class="icon" aria-hidden="true"></i>'
        if icons == "svg":
            return '<svg class="icon" viewBox="0 0 16 16"><path d="M0 0h16v16H0z"/></svg>'
        if icons == "aria-hidden-glyph":
            return '<span class="icon" aria-hidden="true">\u25b8</span> '
        return ""

    def sr_text(self, text: str) -> str:
        return f'<span class="{self.sr}">{_e(text)}</span>' if self.sr else ""


def _document(ctx: _Ctx) -> str:
    paper, get = ctx.paper, ctx.get
    consent = _consent(ctx)
    body = [consent if get("consent") == "top" else ""]
    if ctx.sr:
        body.append(f'<a class="{ctx.sr}" href="#main">Skip to main content</a>\n')
    body.append(_top(ctx))
    body.append(_breadcrumb(ctx))
    article = _article(ctx)
    reviews = _reviews(ctx) if paper.rating is not None or RATE in paper.actions else ""
    place = get("rating-place") if paper.rating is not None else "main"
    main_tag = "main" if get("main-box") == "main" else "div"
    main_attrs = ' id="main"' if main_tag == "main" else ' id="content" class="container"'
    body.append(f"<{main_tag}{main_attrs}>\n")
    if place == "main":
        body.append(article.replace(_REVIEWS_SLOT, reviews))
    elif place == "side-column":
        body.append(
            '<div class="row">\n<div class="col-main">\n'
            + article.replace(_REVIEWS_SLOT, "")
            + '</div>\n<div class="col-side">\n'
            + reviews
            + "</div>\n</div>\n"
        )
    else:
        body.append(
            article.replace(_REVIEWS_SLOT, "") + f'<aside class="paper-side">\n{reviews}</aside>\n'
        )
    body.append(_sidebar(ctx))
    body.append(f"</{main_tag}>\n")
    body.append(_footer(ctx))
    if get("consent") == "bottom":
        body.append(consent)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(f'{paper.title} | Peeref' if paper.title else 'Peeref')}</title>\n"
        + _embedded(ctx)
        + '<link rel="stylesheet" href="/build/app.css">\n</head>\n'
        '<body class="page-work">\n' + "".join(body) + "</body>\n</html>\n"
    )


_REVIEWS_SLOT: Final = "\ue010REVIEWS\ue010"


# --- embedded metadata -----------------------------------------------------------------------


def _meta(name: str, content: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{_e(name)}" content="{_e(content)}">\n'


def _json_script(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    return f'<script type="application/ld+json">{text}</script>\n'


_SITE_JSON: Final = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "@id": f"{_SITE}/#website", "name": "Peeref", "url": f"{_SITE}/"},
        {"@type": "Organization", "@id": f"{_SITE}/#org", "name": "Peeref"},
    ],
}


def _embedded(ctx: _Ctx) -> str:
    paper, kind = ctx.paper, ctx.get("embedded")
    if kind == "none":
        return ""
    out = [
        _meta("og:site_name", "Peeref", "property"),
        _meta("og:url", f"{_SITE}/en/works/1", "property"),
    ]
    if kind == "site-only":
        out.append(_meta("og:title", "Peeref", "property"))
        out.append(_meta("og:type", "website", "property"))
        out.append(_meta("description", "Peeref is an open platform for researchers."))
        out.append(_json_script(_SITE_JSON))
        return "".join(out)
    full = ctx.get("embedded-coverage") == "full"
    journal = paper.journal if full else None
    pages = journal.pages if journal is not None else None
    page_range = pages if pages is not None and pages.last is not None else None
    if paper.title is not None:
        out.append(_meta("og:title", f"{paper.title} | Peeref", "property"))
    if kind in ("citation", "both"):
        if paper.title is not None:
            out.append(_meta("citation_title", paper.title))
        if full:
            out.extend(_meta("citation_author", author.name) for author in paper.authors)
        if journal is not None:
            for name, value in (
                ("citation_journal_title", journal.name),
                ("citation_volume", journal.volume),
                ("citation_issue", journal.issue),
            ):
                if value is not None:
                    out.append(_meta(name, value))
        if page_range is not None:
            out.append(_meta("citation_firstpage", page_range.first))
            out.append(_meta("citation_lastpage", page_range.last or ""))
        if full and paper.publisher is not None:
            out.append(_meta("citation_publisher", paper.publisher))
        if paper.doi is not None:
            out.append(_meta("citation_doi", paper.doi))
        if full and paper.keywords:
            out.append(_meta("citation_keywords", "; ".join(paper.keywords)))
    if kind in ("json-ld", "both"):
        item: dict[str, object] = {"@type": "ScholarlyArticle"}
        if paper.title is not None:
            item["headline"] = paper.title
        if paper.doi is not None:
            item["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": paper.doi}
        if full:
            _json_ld_details(paper, item, journal, page_range is not None)
        out.append(_json_script({"@context": "https://schema.org", "@graph": [*_graph(), item]}))
    return "".join(out)


def _graph() -> list[object]:
    graph = _SITE_JSON["@graph"]
    assert isinstance(graph, list)
    return list(graph)


def _json_ld_details(
    paper: Paper, item: dict[str, object], journal: Journal | None, with_pages: bool
) -> None:
    if paper.authors:
        item["author"] = [{"@type": "Person", "name": a.name} for a in paper.authors]
    if journal is not None:
        part: dict[str, object] | None = None
        if journal.name is not None:
            part = {"@type": "Periodical", "name": journal.name}
        if journal.volume is not None:
            volume: dict[str, object] = {
                "@type": "PublicationVolume",
                "volumeNumber": journal.volume,
            }
            if part is not None:
                volume["isPartOf"] = part
            part = volume
        if journal.issue is not None:
            issue: dict[str, object] = {"@type": "PublicationIssue", "issueNumber": journal.issue}
            if part is not None:
                issue["isPartOf"] = part
            part = issue
        if part is not None:
            item["isPartOf"] = part
        if with_pages and journal.pages is not None:
            item["pageStart"] = journal.pages.first
            item["pageEnd"] = journal.pages.last
    if paper.publisher is not None:
        item["publisher"] = {"@type": "Organization", "name": paper.publisher}
    if paper.keywords:
        item["keywords"] = list(paper.keywords)
    rating = paper.rating
    if rating is not None and rating.score is not None:
        aggregate: dict[str, object] = {
            "@type": "AggregateRating",
            "ratingValue": rating.score,
            "bestRating": 5,
        }
        if rating.count is not None:
            aggregate["ratingCount"] = rating.count
        item["aggregateRating"] = aggregate


# --- chrome ------------------------------------------------------------------------------------


def _lang(ctx: _Ctx) -> str:
    lang = ctx.get("lang")
    if lang == "links":
        return (
            '<div class="lang"><a href="?lang=en">English</a> | <a href="?lang=zh">中文</a></div>\n'
        )
    if lang == "select":
        return (
            '<select class="lang" aria-label="Language"><option>English</option>'
            "<option>中文</option></select>\n"
        )
    return ""


def _top(ctx: _Ctx) -> str:
    nav = ctx.get("nav")
    if nav == "header-nav":
        return (
            '<header class="topbar">\n'
            '<a class="logo" href="/"><img src="/img/logo.svg" alt="Peeref"></a>\n'
            '<nav><a href="/">Home</a> <a href="/works">Papers</a> <a href="/journals">Journals</a>'
            ' <a href="/funding">Funding</a> <a href="/hubs">Hubs</a>'
            ' <a href="/publish">Publish</a>'
            "</nav>\n" + _lang(ctx) + '<a href="/login">Log in</a>\n</header>\n'
        )
    if nav == "div-links":
        return (
            '<div class="top">\n<a class="logo" href="/">Peeref</a> <a href="/works">Papers</a> '
            '<a href="/journals">Journals</a> <a href="/funding">Funding</a> '
            '<a href="/reviewers">Reviewers</a> <a href="/login">Log in</a>\n'
            + _lang(ctx)
            + "</div>\n"
        )
    return _lang(ctx)


def _breadcrumb(ctx: _Ctx) -> str:
    kind = ctx.get("breadcrumb")
    if kind == "none":
        return ""
    paper, last = ctx.paper, "Paper details"
    journal = paper.journal
    words = (paper.title or "").split(" ")
    if ctx.get("crumb-last") == "journal" and journal is not None and journal.name is not None:
        last = journal.name
    elif ctx.get("crumb-last") == "title-truncated" and len(words) > 2:
        last = " ".join(words[: min(6, len(words) - 1)]) + "\u2026"
    if kind == "breadcrumb-class":
        return (
            '<ol class="breadcrumb"><li><a href="/">Home</a></li>'
            f'<li><a href="/works">Papers</a></li><li>{_e(last)}</li></ol>\n'
        )
    return (
        '<div class="crumbs"><a href="/">Home</a> › <a href="/works">Papers</a> › '
        f"<span>{_e(last)}</span></div>\n"
    )


def _consent(ctx: _Ctx) -> str:
    box = ctx.get("consent-box")
    if box == "cookie-class":
        return (
            '<div class="cookie-banner">We use cookies to improve your experience. '
            '<a href="/privacy">Privacy Policy</a> <button type="button">Accept all</button> '
            '<button type="button">Reject all</button></div>\n'
        )
    if box == "dialog-role":
        return (
            '<div class="modal" role="dialog" aria-label="Privacy">'
            "<p>This site uses cookies to analyse traffic.</p>"
            '<button type="button">OK</button></div>\n'
        )
    return (
        '<div class="cc-window"><p>By using this site you agree to our use of cookies.</p>'
        '<button type="button">Got it</button></div>\n'
    )


def _tabs(ctx: _Ctx) -> str:
    tabs = ctx.get("tabs")
    if tabs == "tablist":
        return (
            '<ul class="nav-tabs" role="tablist">'
            '<li role="presentation"><a role="tab" href="#overview">Overview</a></li>'
            '<li role="presentation"><a role="tab" href="#comments">Comments (2)</a></li>'
            '<li role="presentation"><a role="tab" href="#reviews">Reviews</a></li></ul>\n'
        )
    if tabs == "plain-links":
        return (
            '<div class="tabs"><a class="active" href="#overview">Overview</a> '
            '<a href="#comments">Comments (2)</a> <a href="#reviews">Reviews</a></div>\n'
        )
    return ""


def _ask_button(ctx: _Ctx) -> str:
    element = ctx.get("ask-element")
    if element == "link-button":
        return f'<a class="btn btn-primary" href="/en/works/1/ask">{_e(ASK)}</a>'
    if element == "span-role":
        return f'<span role="button" tabindex="0" class="ask">{_e(ASK)}</span>'
    return f'<button type="button" class="ask">{_e(ASK)}</button>'


def _share(ctx: _Ctx) -> str:
    share = ctx.get("share")
    ask = ASK in ctx.paper.actions and ctx.get("ask") == "action-row"
    items: list[str] = []
    if share == "buttons":
        items = [
            f'<button type="button">{word}</button>'
            for word in ("Cite", "Share", "Export RIS", "Save")
        ]
    elif share == "links":
        items = [
            '<a href="#cite">Cite</a> | <a href="#share">Share</a> | '
            '<a href="/export">Export citation</a>'
        ]
    if ask:
        items.append(_ask_button(ctx))
    return f'<div class="tools">{" ".join(items)}</div>\n' if items else ""


def _sidebar(ctx: _Ctx) -> str:
    kind = ctx.get("sidebar")
    if kind == "none":
        return ""
    paper = ctx.paper
    if kind == "similar-papers":
        avoid = {paper.title, *paper.recommended}
        cards = []
        for index in range(2):
            title = _pick(_DECOY_TITLES, index + 3, avoid)
            journal = _pick(_DECOY_JOURNALS, index + 3, {_journal_name(paper)})
            doi = _pick(_DECOY_DOIS, index + 3, {paper.doi})
            cards.append(
                f'<div class="card"><a href="/en/works/{index + 7}">{_e(title)}</a>'
                f'<div class="muted">Journal: {_e(journal)} · DOI: {_e(doi)}</div></div>\n'
            )
        content = "<h3>Similar papers</h3>\n" + "".join(cards)
    elif kind == "related-journals":
        names = [_pick(_DECOY_JOURNALS, i, {_journal_name(paper)}) for i in range(3)]
        items = "".join(
            f'<li><a href="/journals/{i}">{_e(n)}</a></li>' for i, n in enumerate(names)
        )
        content = f"<h3>Related journals</h3>\n<ul>{items}</ul>\n"
    else:
        words = [w for w in _DECOY_KEYWORDS if w not in paper.keywords]
        tags = " ".join(
            f'<a class="tag" href="/search?t={i}">{_e(w)}</a>' for i, w in enumerate(words)
        )
        content = f'<h3>Trending keywords</h3>\n<div class="tags">{tags}</div>\n'
    if ctx.get("sidebar-box") == "aside":
        return f'<aside class="related">\n{content}</aside>\n'
    return f'<div class="col-side widgets">\n{content}</div>\n'


def _journal_name(paper: Paper) -> str | None:
    return paper.journal.name if paper.journal is not None else None


def _footer(ctx: _Ctx) -> str:
    kind = ctx.get("footer")
    if kind == "none":
        return ""
    tag = "footer" if ctx.get("footer-box") == "footer" else "div"
    css = "site-bottom" if tag == "div" else "footer"
    notice = "<p>\u00a9 2024 Peeref. All rights reserved.</p>"
    if kind == "simple":
        content = '<a href="/about">About us</a> <a href="/privacy">Privacy Policy</a> ' + notice
    else:
        explore = "".join(
            f'<li><a href="/{w.lower()}">{w}</a></li>'
            for w in ("Papers", "Journals", "Funding", "Reviewers", "Webinars")
        )
        content = (
            f'<div class="cols"><div><h6>Explore</h6><ul>{explore}</ul></div>'
            '<div><h6>Peeref</h6><ul><li><a href="/about">About us</a></li>'
            '<li><a href="/contact">Contact</a></li></ul></div></div>' + notice
        )
    return f'<{tag} class="{css}">{content}</{tag}>\n'


# --- the paper ---------------------------------------------------------------------------------


def _article(ctx: _Ctx) -> str:
    """The paper's part of the page, with a slot where the rating block goes in the main flow."""
    paper, get = ctx.paper, ctx.get
    head = _head(ctx)
    meta = _meta_block(ctx)
    ask = (
        f'<div class="actions">{_ask_button(ctx)}</div>\n'
        if ASK in paper.actions and get("ask") != "action-row"
        else ""
    )
    abstract = _abstract(ctx)
    abstract_part = abstract + ask if get("ask") == "after-abstract" else ask + abstract
    authors = _authors(ctx)
    recommended = _recommended(ctx)
    order = get("order")
    if order == "authors-under-title":
        parts = [head, authors, meta, abstract_part, _REVIEWS_SLOT, recommended]
    elif order == "abstract-before-metadata":
        parts = [head, abstract_part, meta, authors, _REVIEWS_SLOT, recommended]
    else:
        parts = [head, meta, abstract_part, authors, _REVIEWS_SLOT, recommended]
    tag = "article" if get("main-box") == "main" else "div"
    return f'<{tag} class="paper">\n' + "".join(parts) + f"</{tag}>\n"


def _score_html(score: float, form: str) -> str:
    text = format_score(score)
    if form == "star-glyph":
        return f'<span class="score">\u2605 {text}</span>'
    if form == "out-of":
        return f'<span class="score">{text} / 5</span>'
    if form == "stars-aria":
        stars = '<i class="star" aria-hidden="true"></i>' * 5
        return f'<span class="stars" role="img" aria-label="Rated {text} out of 5">{stars}</span>'
    if form == "stars-width":
        width = f"{round(score * 20, 2):g}"
        return (
            f'<span class="star-rating" title="{text} out of 5">'
            f'<span class="star-fill" style="width: {width}%"></span></span>'
        )
    return f'<span class="score">{text}</span>'


def _head(ctx: _Ctx) -> str:
    paper, get = ctx.paper, ctx.get
    rating = paper.rating
    score = rating.score if rating is not None else None
    kind = paper.article_type
    header = get("header")
    type_html = f'<span class="badge article-type">{_e(kind)}</span>' if kind else ""
    score_html = (
        _score_html(score, get("header-score"))
        if score is not None and header != "type-only"
        else ""
    )
    before: list[str] = []
    after: list[str] = []
    if kind is not None or score_html:
        if header == "peeref-line":
            before.append(f'<div class="paper-header">{score_html} {type_html}</div>\n')
        elif header == "type-before-score-after":
            if type_html:
                before.append(f'<div class="badges">{type_html}</div>\n')
            if score_html:
                after.append(f'<div class="rating-badge">{score_html}</div>\n')
        elif header == "after-title":
            after.append(f'<div class="badges">{type_html} {score_html}</div>\n')
        elif header == "joined-dot":
            joined = " · ".join(part for part in (type_html, score_html) if part)
            before.append(f'<div class="badges">{joined}</div>\n')
        elif type_html:
            before.append(f'<div class="badges">{type_html}</div>\n')
    extra = _title_extra(ctx)
    if extra:
        (before if get("title-extra-place") == "before" else after).append(extra)
    title = ""
    if paper.title is not None:
        text = _e(paper.title)
        form = get("title")
        if form == "h1":
            title = f'<h1 class="paper-title">{text}</h1>\n'
        elif form == "h2":
            title = f'<h2 class="title">{text}</h2>\n'
        elif form == "div-heading":
            title = f'<div class="paper-title" role="heading" aria-level="1">{text}</div>\n'
    under: list[str] = []
    if paper.doi is not None and get("doi") == "under-title":
        under.append(f'<div class="doi-line">{_doi_cell(ctx, prefix=True)}</div>\n')
    return "".join([*before, title, *after, *under, _tabs(ctx), _share(ctx)])


def _title_extra(ctx: _Ctx) -> str:
    extra = ctx.get("title-extra")
    if extra == "open-access-badge":
        return '<div class="flags"><span class="badge badge-oa">Open Access</span></div>\n'
    if extra == "published-in":
        name = _journal_name(ctx.paper)
        if name is not None:
            return (
                f'<div class="subtitle">Published in <a href="/journals/1">{_e(name)}</a></div>\n'
            )
    if extra == "views":
        return '<div class="stats">2,431 views · 17 downloads</div>\n'
    return ""


# --- journal, publisher, DOI, keywords, categories, funding -------------------------------------

#: One row of the metadata block: its label (None: a row without one) and its cells, each
#: an HTML fragment and whether it is a block (a list or table) rather than a line of text.
_Row = tuple[str | None, list[tuple[str, bool]]]


def _dash(ctx: _Ctx) -> str:
    return "\u2013" if ctx.get("dash") == "en-dash" else "-"


def _compact(journal: Journal, dash: str) -> str | None:
    """``97(8): 1065-1084``, or None where the journal cannot be written so."""
    volume, issue, pages = journal.volume, journal.issue, journal.pages
    if (
        journal.name is None  # a bare "22(1)" under "Journal" could be read as a name
        or volume is None
        or not _SIMPLE_PART.fullmatch(volume)
        or journal.article_number is not None
        # "22: 3" alone is no citation a reader knows; "22(4)" and "22: 3-9" are
        or (issue is None and (pages is None or pages.last is None))
        or (issue is not None and not _SIMPLE_PART.fullmatch(issue))
    ):
        return None
    text = volume + (f"({issue})" if issue is not None else "")
    if pages is not None:
        text += f": {pages.first}{dash + pages.last if pages.last else ''}"
    return text


def _article_number(ctx: _Ctx, number: str) -> str:
    kind = ctx.get("article-number")
    if kind == "lower-case":
        return f"Article number {number}"
    if kind == "abbreviated":
        return f"Art. no. {number}"
    if kind == "pages":
        return f"Pages {number}"
    return f"Article Number {number}"


def _locator_parts(ctx: _Ctx, journal: Journal) -> list[tuple[str, str]]:
    """(label, value) of each part of the locator, as ``parts-rows`` shows them."""
    dash = _dash(ctx)
    parts = []
    if journal.volume is not None:
        parts.append(("Volume", journal.volume))
    if journal.issue is not None:
        parts.append(("Issue", journal.issue.replace("-", dash)))
    if journal.pages is not None:
        last = journal.pages.last
        parts.append(("Pages", journal.pages.first + (dash + last if last else "")))
    if journal.article_number is not None:
        if ctx.get("article-number") == "pages":
            parts.append(("Pages", journal.article_number))
        else:
            parts.append(("Article number", journal.article_number))
    return parts


def _locator(ctx: _Ctx, journal: Journal) -> str:
    dash = _dash(ctx)
    form = ctx.get("locator-form")
    if form == "compact" and (text := _compact(journal, dash)) is not None:
        return text
    parts = []
    abbreviated = form == "abbreviated"
    if journal.volume is not None:
        parts.append(f"{'Vol.' if abbreviated else 'Volume'} {journal.volume}")
    if journal.issue is not None:
        parts.append(f"{'No.' if abbreviated else 'Issue'} {journal.issue.replace('-', dash)}")
    if journal.pages is not None:
        pages = journal.pages
        word = ("pp." if pages.last else "p.") if abbreviated else "Pages"
        parts.append(f"{word} {pages.first}{dash + pages.last if pages.last else ''}")
    if journal.article_number is not None:
        parts.append(_article_number(ctx, journal.article_number))
    return ", ".join(parts)


def _doi_cell(ctx: _Ctx, *, prefix: bool) -> str:
    doi = ctx.paper.doi
    assert doi is not None
    url = f"https://doi.org/{doi}"
    shown = url if ctx.get("doi") == "url" else doi
    link = f'<a href="{_e(url)}">{_e(shown)}{ctx.sr_text(" (opens in a new window)")}</a>'
    extra = ctx.get("doi-extra")
    if extra == "copy-button":
        link += ' <button type="button" class="copy">Copy</button>'
    elif extra == "external-glyph":
        link += ' <span aria-hidden="true">\u2197</span>'
    return f"DOI: {link}" if prefix else link


def _items(texts: tuple[str, ...], form: str, css: str) -> str:
    """Keywords or categories as a line of separated text, pills, links or a list."""
    if form == "pills":
        return (
            f'<div class="{css}">'
            + " ".join(
                f'<a class="tag" href="/search?{css}={i}">{_e(t)}</a>' for i, t in enumerate(texts)
            )
            + "</div>"
        )
    if form == "list":
        return f'<ul class="{css}">' + "".join(f"<li>{_e(t)}</li>" for t in texts) + "</ul>"
    return ""


def _meta_rows(ctx: _Ctx) -> list[_Row]:
    paper, get, labels = ctx.paper, ctx.get, ctx.labels
    rows: list[_Row] = []
    journal = paper.journal
    if journal is not None:
        name = journal.name
        locator = _locator(ctx, journal) if _has_locator(journal) else ""
        where = get("locator")
        if where == "parts-rows" and locator:
            if name is not None:
                rows.append((labels["journal"], [(_e(name), False)]))
            rows.extend(
                (label, [(_e(value), False)]) for label, value in _locator_parts(ctx, journal)
            )
        elif where == "own-row" and locator:
            if name is not None:
                rows.append((labels["journal"], [(_e(name), False)]))
            rows.append((None, [(_e(locator), False)]))
        elif where == "journal-cell" and locator and name is not None:
            rows.append((labels["journal"], [(_e(f"{name}, {locator}"), False)]))
        else:
            cells = [(_e(text), False) for text in (name, locator) if text]
            rows.append((labels["journal"], cells))
    doi_place = get("doi")
    if paper.publisher is not None or (
        paper.doi is not None and doi_place in ("publisher-block", "url")
    ):
        cells = [(_e(paper.publisher), False)] if paper.publisher is not None else []
        if paper.doi is not None and doi_place == "publisher-block":
            cells.append((_doi_cell(ctx, prefix=True), False))
        elif paper.doi is not None and doi_place == "url":
            cells.append((_doi_cell(ctx, prefix=False), False))
        rows.append((labels["publisher"], cells))
    if paper.doi is not None and doi_place == "own-row":
        rows.append((labels["doi"], [(_doi_cell(ctx, prefix=False), False)]))
    for kind, texts in (("keywords", paper.keywords), ("categories", paper.categories)):
        if not texts:
            continue
        form = get(kind)
        if form in ("pills", "list"):
            rows.append((labels[kind], [(_items(texts, form, kind), True)]))
        elif form == "links-comma":
            sep = _KEYWORD_SEPARATORS[get("keyword-sep")]
            links = sep.join(f'<a href="/search?k={i}">{_e(t)}</a>' for i, t in enumerate(texts))
            rows.append((labels[kind], [(links, False)]))
        else:
            sep = "; " if kind == "categories" else _KEYWORD_SEPARATORS[get("keyword-sep")]
            rows.append((labels[kind], [(_e(sep.join(texts)), False)]))
    if paper.funding:
        rows.append((labels["funding"], [_funding(ctx)]))
    return rows


def _funding(ctx: _Ctx) -> tuple[str, bool]:
    form, funding = ctx.get("funding"), ctx.paper.funding
    if form in ("ol", "ul"):
        items = "".join(f"<li>{_e(f.text)}</li>" for f in funding)
        return f'<{form} class="funding">{items}</{form}>', True
    if form == "lines":
        return "".join(f'<div class="funder">{_e(f.text)}</div>' for f in funding), True
    if form == "table-header":
        head = (
            ("Funder", "Grant number")
            if ctx.get("funding-header") == "funder-grant"
            else ("Funding agency", "Award IDs")
        )
        rows = "".join(
            f"<tr><td>{_e(f.funder or '')}</td><td>{_e(', '.join(f.award_ids))}</td></tr>"
            for f in funding
        )
        return (
            f'<table class="funding"><thead><tr><th>{head[0]}</th><th>{head[1]}</th></tr>'
            f"</thead><tbody>{rows}</tbody></table>"
        ), True
    if form == "dl":
        items = "".join(
            f"<dt>{_e(f.funder or f.text)}</dt>"
            + (f"<dd>{_e(', '.join(f.award_ids))}</dd>" if f.award_ids else "")
            for f in funding
        )
        return f'<dl class="funding">{items}</dl>', True
    texts = [f.text for f in funding]
    sentence = texts[0] if len(texts) == 1 else "; ".join(texts[:-1]) + "; and " + texts[-1]
    return f'<p class="funding">This work was supported by {_e(sentence)}.</p>', True


def _meta_block(ctx: _Ctx) -> str:
    rows = _meta_rows(ctx)
    if not rows:
        return ""
    form, icon = ctx.get("meta"), ctx.icon()
    sr = f'<h2 class="{ctx.sr}">Article information</h2>\n' if ctx.sr else ""

    def line(cell: tuple[str, bool], tag: str = "div") -> str:
        html_text, block = cell
        return html_text if block else f"<{tag}>{html_text}</{tag}>"

    out: list[str] = []
    if form == "dl":
        out.append('<dl class="paper-meta">\n')
        for label, cells in rows:
            if label is not None:
                out.append(f"<dt>{icon}{_e(label)}</dt>\n")
            out.extend(f"<dd>{cell[0]}</dd>\n" for cell in cells)
        out.append("</dl>\n")
    elif form == "table":
        out.append('<table class="paper-meta"><tbody>\n')
        for label, cells in rows:
            value = "<br>".join(cell[0] for cell in cells)
            if label is None:
                out.append(f'<tr><td colspan="2">{value}</td></tr>\n')
            else:
                out.append(f'<tr><th scope="row">{icon}{_e(label)}</th><td>{value}</td></tr>\n')
        out.append("</tbody></table>\n")
    elif form == "grid":
        for label, cells in rows:
            value = "".join(line(cell) for cell in cells)
            label_html = f"{icon}{_e(label)}" if label is not None else ""
            out.append(
                f'<div class="meta-row"><div class="meta-label">{label_html}</div>'
                f'<div class="meta-value">{value}</div></div>\n'
            )
    elif form == "colon-lines":
        for label, cells in rows:
            rest = cells
            head = f"<strong>{icon}{_e(label)}:</strong>" if label is not None else ""
            if cells and not cells[0][1]:
                out.append(f"<p>{head} {cells[0][0]}</p>\n".replace("<p> ", "<p>"))
                rest = cells[1:]
            elif head:
                out.append(f"<p>{head}</p>\n")
            out.extend(line(cell, "p") + "\n" for cell in rest)
    elif form == "heading-above":
        for label, cells in rows:
            if label is not None:
                out.append(f"<h4>{icon}{_e(label)}</h4>\n")
            out.extend(line(cell, "p") + "\n" for cell in cells)
    else:
        for label, cells in rows:
            heading = f"<h3>{icon}{_e(label)}</h3>\n" if label is not None else ""
            body = "".join(line(cell) + "\n" for cell in cells)
            out.append(f'<section class="paper-section">\n{heading}{body}</section>\n')
    return sr + '<div class="paper-info">\n' + "".join(out) + "</div>\n"


# --- abstract ------------------------------------------------------------------------------------


def _abstract(ctx: _Ctx) -> str:
    paper, get = ctx.paper, ctx.get
    abstract = paper.abstract
    if abstract is None:
        return ""
    heading_choice = get("abstract-heading")
    ask_before = ASK in paper.actions and get("ask") == "before-abstract"
    heading = heading_choice == "always" or (heading_choice == "peeref" and not ask_before)
    head = f"<h3>{ctx.icon()}Abstract</h3>\n" if heading else ""
    form = get("abstract")
    words = abstract.split(" ")
    cut = max(3, len(words) * 2 // 5)
    shown, rest = " ".join(words[:cut]), " ".join(words[cut:])
    if form == "structured":
        body = "".join(
            f"<p><strong>{part}:</strong> {_e(text)}</p>" for part, text in _structured(abstract)
        )
    elif form == "read-more-full":
        body = f'<p>{_e(abstract)}</p><button type="button" class="toggle">Read more</button>'
    elif form == "read-more-clipped":
        body = f'<p>{_e(shown)}\u2026 <a href="#" class="more">Read more</a></p>'
    elif form == "read-more-hidden":
        body = (
            f'<p>{_e(shown)}<span class="dots">\u2026</span><span class="more-text" hidden> '
            f'{_e(rest)}</span> <button type="button" class="toggle">Read more</button></p>'
        )
    else:
        body = f"<p>{_e(abstract)}</p>"
    return f'<div class="abstract">\n{head}{body}\n</div>\n'


# --- authors -------------------------------------------------------------------------------------


def _initials(name: str) -> str:
    if "," in name:  # "Zhang, Wei"
        family, _, given = name.partition(",")
        name = f"{given.strip()} {family.strip()}"
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return name[:1]
    if len(words) == 1:
        return words[0][:1].upper()
    return (words[0][:1] + words[-1][:1]).upper()


def _author_item(ctx: _Ctx, index: int, name: str, affiliations: int) -> str:
    get = ctx.get
    avatar = get("avatar")
    out = ""
    if avatar == "initials-aria-hidden":
        out += f'<span class="avatar" aria-hidden="true">{_e(_initials(name))}</span> '
    elif avatar == "initials-visible":
        out += f'<span class="avatar">{_e(_initials(name))}</span> '
    elif avatar == "image":
        out += f'<img class="avatar" src="/avatars/{index}.png" alt=""> '
    css = "author-name" if get("author-class") == "author" else "person"
    out += f'<a class="{css}" href="{_SITE}/en/authors/{1000 + index}">{_e(name)}</a>'
    marks = get("author-marks")
    if marks == "sup-digits":
        mark = str(index % affiliations + 1)
        if index == 0 and affiliations > 1:
            mark += ",2"
        out += f"<sup>{mark}</sup>"
    elif marks == "sup-symbols" and index < 2:
        out += "<sup>*</sup>" if index == 0 else "<sup>\u2020</sup>"
    orcid = get("orcid")
    if orcid != "none" and index % 2 == 0:
        url = f"https://orcid.org/0000-0002-{1000 + index:04d}-{2000 + index:04d}"
        inner = '<img src="/img/orcid.svg" alt="ORCID iD">' if orcid == "icon" else "ORCID"
        out += f' <a class="orcid" href="{url}">{inner}</a>'
    return out


def _authors(ctx: _Ctx) -> str:
    paper, get = ctx.paper, ctx.get
    names = [a.name for a in paper.authors]
    claim = _claim(ctx)
    if not names and not claim:
        return ""
    out = [f'<section class="authors">\n<h3>{ctx.icon()}{_e(ctx.labels["authors"])}</h3>\n']
    if names:
        affiliations = min(len(names), len(_AFFILIATIONS))
        items = [_author_item(ctx, i, name, affiliations) for i, name in enumerate(names)]
        cut = get("authors-cut") if len(names) > _SHOWN_AUTHORS + 1 else "none"
        shown = items[:_SHOWN_AUTHORS] if cut in ("et-al", "rest-hidden") else items
        hidden = items[_SHOWN_AUTHORS:] if cut == "rest-hidden" else []
        form = get("authors")
        container = "author-list" if get("author-class") == "author" else "people"
        item_css = ' class="author"' if get("author-class") == "author" else ""
        if form == "comma-links":
            sep = "; " if get("author-sep") == "semicolon" else ", "
            if get("author-sep") == "and-last" and cut == "none":
                text = ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]
            else:
                text = sep.join(shown)
            if hidden:
                text += f'<span class="rest" hidden>{sep}{sep.join(hidden)}</span>'
            if cut == "et-al":
                text += " et al."
            out.append(f'<p class="{container}">{text}</p>\n')
        else:
            tag, wrap = ("li", "ul") if form == "li" else ("div", "div")
            body = "".join(f"<{tag}{item_css}>{item}</{tag}>" for item in shown)
            body += "".join(f"<{tag}{item_css} hidden>{item}</{tag}>" for item in hidden)
            if cut == "et-al":
                body += f'<{tag} class="more">et al.</{tag}>'
            out.append(f'<{wrap} class="{container}">{body}</{wrap}>\n')
        if cut in ("et-al", "rest-hidden"):
            out.append(
                f'<button type="button" class="show-all">Show all {len(names)} authors</button>\n'
            )
        elif cut == "expanded-toggle":
            out.append('<button type="button" class="show-all">Show fewer authors</button>\n')
        out.append(_affiliations(ctx, affiliations))
    out.append(claim)
    out.append("</section>\n")
    return "".join(out)


def _affiliations(ctx: _Ctx, count: int) -> str:
    kind = ctx.get("affiliations")
    if kind == "none":
        return ""
    heading = "<h4>Affiliations</h4>" if ctx.get("affiliations-heading") == "heading" else ""
    if kind == "numbered-list":
        items = "".join(f"<li>{_e(a)}</li>" for a in _AFFILIATIONS[:count])
        return f'<div class="affiliations">{heading}<ol>{items}</ol></div>\n'
    lines = "".join(
        f"<p><sup>{n}</sup> {_e(a)}</p>" for n, a in enumerate(_AFFILIATIONS[:count], 1)
    )
    return f'<div class="affiliations">{heading}{lines}</div>\n'


def _claim(ctx: _Ctx) -> str:
    claim = ctx.paper.author_claim
    if claim is None or claim == AuthorClaim():
        return ""
    prompt, action = claim.prompt, claim.action
    form = ctx.get("claim")
    if form == "one-paragraph" and prompt is not None and action is not None:
        return f'<p class="claim">{_e(prompt)}. {_e(action)}</p>\n'
    if form == "with-button":
        out = f'<button type="button" class="claim">{_e(prompt)}</button>' if prompt else ""
        out += f"<small>{_e(action)}</small>" if action else ""
        return f'<div class="claim">{out}</div>\n'
    lines = "".join(f"<p>{_e(text)}</p>" for text in (prompt, action) if text)
    return f'<div class="claim">{lines}</div>\n'


# --- rating block ------------------------------------------------------------------------------


def _count_text(count: int, form: str) -> str:
    noun = "rating" if count == 1 else "ratings"
    if form == "parenthesised":
        return f"({count} {noun})"
    if form == "based-on":
        return f"Based on {count:,} {noun}"
    return f"{count} {noun}"


def _widget(score: float, form: str, number: bool, *, css: str = "score") -> str:
    text = format_score(score)
    shown = f' <span class="value">{text}</span>' if number else ""
    if form == "stars-aria":
        stars = '<i class="star" aria-hidden="true"></i>' * 5
        label = f"{text} out of 5 stars"
        return f'<span class="stars" role="img" aria-label="{label}">{stars}</span>{shown}'
    if form == "meter":
        return f'<meter min="0" max="5" value="{text}"></meter>{shown}'
    if form == "progress":
        return f'<progress max="5" value="{text}"></progress>{shown}'
    if form == "data-score":
        return f'<span class="rating-stars" data-score="{text}"></span>{shown}'
    return f'<span class="{css}">{text}</span>'


def _primary(ctx: _Ctx, rating: Rating) -> str:
    get = ctx.get
    form = get("primary") if rating.score is not None else "lines"
    count_form = get("count")
    count = _count_text(rating.count, count_form) if rating.count is not None else None
    score_text = None
    if rating.score is not None:
        text = format_score(rating.score)
        if form == "out-of":
            score_text = f"{text} / 5"
        elif form in _WIDGETS:
            score_text = None
        else:
            score_text = text
    note = rating.note
    if form == "table":
        rows = []
        if score_text is not None:
            rows.append(f"<tr><th>Primary Rating</th><td>{_e(score_text)}</td></tr>")
        else:
            rows.append('<tr><th colspan="2">Primary Rating</th></tr>')
        rows.extend(f'<tr><td colspan="2">{_e(t)}</td></tr>' for t in (count, note) if t)
        return f'<table class="primary-rating">{"".join(rows)}</table>\n'
    if form == "dl":
        dds = "".join(f"<dd>{_e(t)}</dd>" for t in (score_text, count, note) if t)
        return f'<dl class="primary-rating"><dt>Primary Rating</dt>{dds}</dl>\n'
    lines = []
    sr = ctx.sr_text("Average rating: ")
    if rating.score is not None and form in _WIDGETS:
        number = get("primary-number") == "shown"
        lines.append(f'<div class="score">{sr}{_widget(rating.score, form, number)}</div>')
    elif score_text is not None:
        if count is not None and count_form == "joined":
            score_text = (
                f"{score_text} ({rating.count} {'rating' if rating.count == 1 else 'ratings'})"
            )
            count = None
        lines.append(f'<div class="score">{sr}{_e(score_text)}</div>')
    if count is not None:
        lines.append(f'<div class="count">{_e(count)}</div>')
    if note is not None:
        lines.append(f'<div class="note">{_e(note)}</div>')
    return '<div class="primary-rating"><h4>Primary Rating</h4>' + "".join(lines) + "</div>\n"


def _secondary(ctx: _Ctx, rating: Rating) -> str:
    form = ctx.get("secondary")
    number = ctx.get("secondary-number") == "shown"
    items = [(s.name, s.score) for s in rating.secondary]

    def value(score: float | None) -> str:
        if score is None:
            return "-"
        if form in _WIDGETS:
            return _widget(score, form, number)
        return format_score(score)

    if form in ("table", "table-header"):
        head = (
            "<thead><tr><th>Criterion</th><th>Score</th></tr></thead>"
            if form == "table-header"
            else ""
        )
        rows = "".join(f"<tr><td>{_e(n)}</td><td>{value(s)}</td></tr>" for n, s in items)
        body = f'<table class="secondary">{head}<tbody>{rows}</tbody></table>'
    elif form == "dl":
        body = (
            '<dl class="secondary">'
            + "".join(f"<dt>{_e(n)}</dt><dd>{value(s)}</dd>" for n, s in items)
            + "</dl>"
        )
    elif form == "colon":
        body = "".join(f"<p>{_e(n)}: {value(s)}</p>" for n, s in items)
    else:
        body = "".join(
            f'<div class="secondary-rating"><span class="name">{_e(n)}</span> '
            f'<span class="value">{value(s)}</span></div>'
            for n, s in items
        )
    return f'<div class="secondary-ratings"><h4>Secondary Ratings</h4>{body}</div>\n'


def _reviews(ctx: _Ctx) -> str:
    paper, get = ctx.paper, ctx.get
    rating = paper.rating
    out = []
    if rating is not None:
        heading = get("reviews-heading")
        if heading != "none":
            out.append(f"<h3>{ctx.icon()}{'Reviews' if heading == 'reviews' else 'Ratings'}</h3>\n")
        out.append(_primary(ctx, rating))
        if rating.secondary:
            out.append(_secondary(ctx, rating))
    if RATE in paper.actions:
        if get("rate") == "link":
            out.append(f'<a class="btn rate" href="#rate">{RATE}</a>\n')
        else:
            out.append(f'<button type="button" class="rate">{RATE}</button>\n')
    return '<section class="reviews">\n' + "".join(out) + "</section>\n"


# --- recommended ---------------------------------------------------------------------------------


def _recommended(ctx: _Ctx) -> str:
    paper, get = ctx.paper, ctx.get
    titles = paper.recommended
    heading_word = {
        "recommended": "Recommended",
        "recommended-papers": "Recommended papers",
        "recommended-for-you": "Recommended for you",
    }[get("recommended-heading")]
    if not titles:
        empty = get("recommended-empty")
        if empty == "omitted":
            return ""
        text = "No Data Available" if empty == "no-data" else "No recommendations yet"
        return f'<section class="recommended">\n<h3>Recommended</h3>\n<p>{text}</p>\n</section>\n'
    form = get("recommended")
    heading = f"<h3>{ctx.icon()}{heading_word}</h3>\n"
    if form in ("list", "numbered"):
        tag = "ol" if form == "numbered" else "ul"
        items = "".join(
            f'<li><a href="/en/works/{100 + i}">{_e(t)}</a></li>' for i, t in enumerate(titles)
        )
        return f'<section class="recommended">\n{heading}<{tag}>{items}</{tag}>\n</section>\n'
    cards = []
    avoid_doi = {paper.doi}
    for index, title in enumerate(titles):
        journal = _DECOY_JOURNALS[index % len(_DECOY_JOURNALS)]
        doi = _pick(_DECOY_DOIS, index, avoid_doi)
        year = 2018 + index % 6
        meta_kind = get("card-meta")
        if meta_kind == "journal-year":
            meta = f"{journal}, {year}"
        elif meta_kind == "doi-only":
            meta = f"DOI: {doi}"
        else:
            meta = f"{journal} · {year} · DOI: {doi}"
        badges = ""
        if form == "cards-score":
            kind = ("Article", "Review")[index % 2]
            badges = (
                f'<div class="card-badges"><span class="badge">{kind}</span> '
                f'<span class="badge">\u2605 {3.5 + index / 10:.1f}</span></div>'
            )
        cards.append(
            f'<div class="card">{badges}<a class="card-title" href="/en/works/{100 + index}">'
            f'{_e(title)}</a><div class="card-meta">{_e(meta)}</div></div>\n'
        )
    return f'<section class="recommended">\n{heading}{"".join(cards)}</section>\n'
