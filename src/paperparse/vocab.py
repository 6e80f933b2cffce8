"""Words the page layout is made of: section labels, article types, buttons, chrome.

This module is data, not logic. Every lookup key is *folded*: case-folded, with
whitespace collapsed and a trailing colon removed (see :func:`fold`). Values are the
canonical spelling written into the record.

Where the data came from:

* Section labels, buttons and the author-claim prompt: the layout of Peeref paper
  pages (``peeref.com/works/...``) as seen in the seed dump, plus the synonyms common
  on other aggregators (``Key words``, ``Funding information``, ``Abstract``).
* Article types: the Web of Science document types, which Peeref shows in the page
  header next to the rating (``4.7 Review``).
* Chrome: navigation, cookie-banner and footer texts of Peeref and similar sites.
  A chrome line is dropped silently; any other line that cannot be placed is
  reported as an ``unplaced_text`` warning.
"""

from __future__ import annotations

import functools
from typing import Final


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Return the lookup key of *text*: case-folded, spaces collapsed, no trailing colon.

    >>> fold("  Key   Words : ")
    'key words'
    """
    return " ".join(text.casefold().split()).rstrip(":").rstrip()


#: Section label (folded) -> section kind.
SECTION_LABELS: Final[dict[str, str]] = {
    "journal": "journal",
    "journal name": "journal",
    "source": "journal",
    "publisher": "publisher",
    "keywords": "keywords",
    "keyword": "keywords",
    "key words": "keywords",
    "key word": "keywords",
    "categories": "categories",
    "category": "categories",
    "subject categories": "categories",
    "web of science categories": "categories",
    "funding": "funding",
    "funding information": "funding",
    "funding info": "funding",
    "funding sources": "funding",
    "funding source": "funding",
    "funders": "funding",
    "funder": "funding",
    "grants": "funding",
    "abstract": "abstract",
    "summary": "abstract",
    "authors": "authors",
    "author": "authors",
    "author list": "authors",
    "reviews": "reviews",
    "review summary": "reviews",
    "ratings": "reviews",
    "rating": "reviews",
    "primary rating": "primary_rating",
    "overall rating": "primary_rating",
    "secondary ratings": "secondary_ratings",
    "secondary rating": "secondary_ratings",
    "recommended": "recommended",
    "recommended papers": "recommended",
    "recommended articles": "recommended",
    "doi": "doi",
}

#: Sections that Peeref-like pages show but that are not part of the record.
#: Their content is skipped and reported once as ``unknown_section``.
OTHER_SECTIONS: Final[frozenset[str]] = frozenset(
    {
        "comments",
        "comment",
        "citations",
        "cited by",
        "references",
        "related",
        "related papers",
        "related articles",
        "similar papers",
        "similar articles",
        "figures",
        "figures & tables",
        "tables",
        "metrics",
        "altmetric",
        "supplementary material",
        "supplementary materials",
        "supplementary information",
        "acknowledgements",
        "acknowledgments",
        "conflict of interest",
        "conflicts of interest",
        "data availability",
        "affiliations",
        "become a peeref-certified reviewer",
        "related journals",
        "related references",
        "similar journals",
        "citing articles",
        "explore peeref",
    }
)

#: Web of Science document types (folded) -> canonical spelling.
ARTICLE_TYPES: Final[dict[str, str]] = {
    fold(t): t
    for t in (
        "Article",
        "Review",
        "Editorial Material",
        "Editorial",
        "Letter",
        "Meeting Abstract",
        "Proceedings Paper",
        "Correction",
        "Book Review",
        "Book Chapter",
        "Note",
        "Data Paper",
        "Early Access",
        "News Item",
        "Biographical-Item",
        "Reprint",
        "Retracted Publication",
        "Retraction",
        "Addition",
        "Discussion",
        "Bibliography",
        "Software Review",
        "Hardware Review",
        "Database Review",
        "Item About an Individual",
        "Expression of Concern",
        "Withdrawn Publication",
        "Case Report",
        "Clinical Trial",
        "Short Communication",
        "Perspective",
        "Commentary",
        "Preprint",
    )
}

#: Call-to-action buttons (folded) -> canonical text, recorded in ``Paper.actions``.
ACTIONS: Final[dict[str, str]] = {
    fold(t): t
    for t in (
        "Ask authors/readers for more resources",
        "Rate this paper",
    )
}

#: The action after which the unlabelled abstract paragraph follows on the page.
ABSTRACT_FOLLOWS: Final[str] = fold("Ask authors/readers for more resources")
#: The action that closes the rating block.
RATING_ENDS: Final[str] = fold("Rate this paper")

#: Author-claim prompt lines (folded, without final period) -> (slot, canonical text).
CLAIM_LINES: Final[dict[str, tuple[str, str]]] = {
    "i am an author on this paper": ("prompt", "I am an author on this paper"),
    "click your name to claim this paper and add it to your profile": (
        "action",
        "Click your name to claim this paper and add it to your profile.",
    ),
}

#: The notes a rating block shows instead of (or under) its score (folded, without a
#: final period) -> canonical text. Any other line there is not a note: a button
#: (``Write a Review``), a tab badge or a stray line is reported, never kept as the note.
RATING_NOTES: Final[dict[str, str]] = {
    fold(t).rstrip("."): t
    for t in (
        "Not enough ratings",
        "No ratings yet",
        "No ratings",
        "Not rated yet",
        "评分不足",  # the Chinese interface's "Not enough ratings"
    )
}

#: Placeholders that mean "this list is empty".
EMPTY_MARKERS: Final[frozenset[str]] = frozenset(
    {"no data available", "no data", "none", "no recommendations", "no results"}
)

#: Whole lines that are page chrome (folded).
CHROME_LINES: Final[frozenset[str]] = frozenset(
    {
        "peeref",
        "home",
        "papers",
        "journals",
        "webinars",
        "hubs",
        "search",
        "menu",
        "log in",
        "login",
        "sign in",
        "sign up",
        "sign up free",
        "register",
        "skip to content",
        "skip to main content",
        "back to top",
        "about",
        "about us",
        "contact",
        "contact us",
        "help",
        "faq",
        "privacy",
        "privacy policy",
        "terms",
        "terms of use",
        "terms of service",
        "terms & conditions",
        "terms and conditions",
        "cookie policy",
        "cookie settings",
        "cookies settings",
        "manage cookies",
        "accept",
        "accept all",
        "accept all cookies",
        "accept cookies",
        "reject all",
        "decline",
        "got it",
        "ok",
        "share",
        "cite",
        "save",
        "follow",
        "download",
        "download pdf",
        "full text",
        "view full text",
        "add to library",
        "more",
        "show more",
        "show less",
        "load more",
        "see all",
        "view all",
        "all rights reserved",
        "english",
        "中文",
        "loading",
        "loading...",
        "loading\u2026",
        "please wait",
        "get started",
        "manage preferences",
        "cookie preferences",
        "twitter",
        "facebook",
        "linkedin",
        "weibo",
        "wechat",
        "reddit",
        "email",
        "print",
        "copy link",
        "share this paper",
        "enable javascript",
        "please enable javascript",
    }
)

#: Words that, alone or joined by ``|``, ``·`` or ``/``, make a navigation bar line.
NAV_WORDS: Final[frozenset[str]] = frozenset(
    w for line in CHROME_LINES for w in [line] if " " not in line
) | frozenset(
    # Label words that also name pages of the site: in a menu line they are links.
    {"news", "blog", "pricing", "services", "tools", "submit", "funding", "x"}
)

#: Lines starting with one of these (folded) are chrome: cookie banners, copyright.
CHROME_PREFIXES: Final[tuple[str, ...]] = (
    "©",
    "(c) ",
    "copyright ",
    "we use cookies",
    "this website uses cookies",
    "this site uses cookies",
    "by continuing to use",
    "by using this site",
    "please enable javascript",
    "enable javascript",
    "javascript is required",
    "you need to enable javascript",
    "this site requires javascript",
)

#: Markers that identify a Peeref page (folded lines).
PEEREF_MARKERS: Final[frozenset[str]] = frozenset(
    {
        "ask authors/readers for more resources",
        "primary rating",
        "secondary ratings",
        "i am an author on this paper",
        "peeref",
    }
)
