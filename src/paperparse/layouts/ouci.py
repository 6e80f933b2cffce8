"""The Open Ukrainian Citation Index's work pages (``ouci.dntb.gov.ua/works/<id>``).

In Ukrainian (the default) and English (``/en/works/<id>``), in the older and the
newer layout (see ``docs/sites.md``). Keys are folded
(:func:`paperparse.normalize.fold`).
"""

from __future__ import annotations

from typing import Final

from .. import web as common
from ..fields.citation import read_journal_line
from .layout import Layout

#: OUCI's labels in its English interface (``/en/works/<id>``), older and newer layout.
EN_LABELS: Final = {
    "publication type": "article_type",
    "journal": "journal",
    "publisher": "publisher",
    "authors": "authors",
    "author": "authors",
    "funder": "funding",
    "funders": "funding",
    "abstract": "abstract",
}
#: OUCI's labels in its Ukrainian interface (the default, ``/works/<id>``).
UK_LABELS: Final = {
    "тип публікації": "article_type",
    "видання": "journal",
    "видавець": "publisher",
    "автори": "authors",
    "автор": "authors",
    "джерело фінансування": "funding",
    "джерела фінансування": "funding",
    "анотація": "abstract",
}
#: Headings of the parts of an OUCI page that are no part of the record, per language:
#: the counts block, the reference list, the citing works.
EN_SKIPPED: Final = (
    "details",
    "list of references",
    "publications that cite this publication",
)
UK_SKIPPED: Final = (
    "детальна інформація",
    "список літератури",
    "публікації, які цитують цю публікацію",
)
#: Headings and link texts with no value of their own.
EN_CHROME: Final = ("general information", "full text", "· full text")
UK_CHROME: Final = ("основна інформація", "повний текст", "· повний текст")


def _ouci() -> Layout:
    english = {
        **dict.fromkeys(EN_LABELS, "en"),
        **dict.fromkeys(EN_SKIPPED, "en"),
        "general information": "en",
    }
    ukrainian = {
        **dict.fromkeys(UK_LABELS, "uk"),
        **dict.fromkeys(UK_SKIPPED, "uk"),
        "основна інформація": "uk",
    }
    skipped = {*EN_SKIPPED, *UK_SKIPPED}
    return Layout(
        site="ouci",
        labels={**EN_LABELS, **UK_LABELS},
        other_sections=skipped,
        article_types={},
        actions={},
        abstract_follows=(),
        rating_ends=(),
        claim_lines={},
        rating_notes={},
        empty_markers=(),
        # the web's common chrome (menus, cookie banners, footers), as on Peeref
        chrome_lines={*common.CHROME_LINES, *EN_CHROME, *UK_CHROME, "·"},
        nav_words=common.NAV_WORDS,
        chrome_prefixes=common.CHROME_PREFIXES,
        markers={
            "general information",
            "основна інформація",
            "детальна інформація",
            "list of references",
            "список літератури",
            "number of works in the list of references",
            "кількість джерел у списку літератури",
            "publications that cite this publication",
            "публікації, які цитують цю публікацію",
        },
        languages={**english, **ukrainian},
        addresses=("ouci.dntb.gov.ua",),
        never_last={
            "preamble",
            "article_type",
            "journal",
            "publisher",
            "authors",
            "funding",
            "abstract",
        },
        award_ids=False,
        doi_suffixes=("· full text", "· повний текст", "·"),
        spaced_labels={"funder": "funding", "джерело фінансування": "funding"},
        quiet_sections=skipped,
        journal_line=read_journal_line,
        glued_bullets=True,
    )


#: The Open Ukrainian Citation Index's work pages (``ouci.dntb.gov.ua/works/<id>`` in
#: Ukrainian, ``/en/works/<id>`` in English), in the older and the newer layout.
OUCI: Final = _ouci()
