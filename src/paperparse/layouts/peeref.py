"""Peeref's paper pages (``peeref.com/works/<id>``), English and Chinese interface.

Where the words came from:

* Section labels, buttons and the author-claim prompt: Peeref's paper pages as seen
  in the seed dump, plus the synonyms common on other aggregators (``Key words``,
  ``Funding information``, ``Abstract``).
* Article types: the Web of Science document types, which Peeref shows in the page
  header next to the rating (``4.7 Review``).
* The Chinese interface (``peeref.com/zh/works/<id>``): its labels, buttons and
  prompts, each mapped to the English item it stands for.

Every key is folded (:func:`paperparse.normalize.fold`).
"""

from __future__ import annotations

from typing import Final

from .. import web as common
from ..normalize import fold
from .layout import Layout

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
    {
        "no data available",
        "no data",
        "none",
        "no recommendations",
        "no recommendations yet",
        "no results",
        "no results found",
        "nothing to show",
    }
)

#: Lines that identify a Peeref page (folded).
MARKERS: Final[frozenset[str]] = frozenset(
    {
        "ask authors/readers for more resources",
        "primary rating",
        "secondary ratings",
        "i am an author on this paper",
        "peeref",
    }
)

#: The Chinese interface's labels, with the English item each stands for (values stay
#: as on the page).
ZH_LABELS: Final = {
    "期刊": "journal",
    "出版社": "publisher",
    "关键词": "keywords",
    "作者": "authors",
    "评论": "reviews",
    "主要评分": "primary_rating",
    "次要评分": "secondary_ratings",
}
ZH_ABSTRACT_BUTTON: Final = "向作者/读者索取更多资源"
ZH_CLAIMS: Final = {
    "我是这篇论文的作者": CLAIM_LINES["i am an author on this paper"],
    "点击您的名字以认领此论文并将其添加到您的个人资料中": CLAIM_LINES[
        "click your name to claim this paper and add it to your profile"
    ],
}


def _peeref() -> Layout:
    english = {
        **dict.fromkeys(SECTION_LABELS, "en"),
        **dict.fromkeys(ACTIONS, "en"),
        **dict.fromkeys(CLAIM_LINES, "en"),
    }
    chinese = {
        **dict.fromkeys(ZH_LABELS, "zh"),
        ZH_ABSTRACT_BUTTON: "zh",
        **dict.fromkeys(ZH_CLAIMS, "zh"),
        "评分不足": "zh",
        "参考文献": "zh",
    }
    return Layout(
        site="peeref",
        labels={**SECTION_LABELS, **ZH_LABELS},
        other_sections=OTHER_SECTIONS,
        article_types=ARTICLE_TYPES,
        actions={**ACTIONS, ZH_ABSTRACT_BUTTON: ACTIONS[ABSTRACT_FOLLOWS]},
        abstract_follows={ABSTRACT_FOLLOWS, ZH_ABSTRACT_BUTTON},
        rating_ends={RATING_ENDS},
        claim_lines={**CLAIM_LINES, **ZH_CLAIMS},
        rating_notes=RATING_NOTES,
        empty_markers=EMPTY_MARKERS,
        chrome_lines=common.CHROME_LINES,
        nav_words=common.NAV_WORDS,
        chrome_prefixes=common.CHROME_PREFIXES,
        markers=MARKERS | {"主要评分", "次要评分", ZH_ABSTRACT_BUTTON},
        languages={**english, "related references": "en", **chinese},
        addresses=("peeref.com",),
        page_header=True,
        sub_pages={"related references": "references", "参考文献": "references"},
        signature_sections={"primary_rating", "secondary_ratings"},
        summary=True,
        never_last={
            "preamble",
            "journal",
            "publisher",
            "keywords",
            "funding",
            "abstract",
            "authors",
            "reviews",
            "primary_rating",
            "secondary_ratings",
        },
    )


#: Peeref's paper pages (``peeref.com/works/<id>``), English and Chinese interface.
PEEREF: Final = _peeref()
