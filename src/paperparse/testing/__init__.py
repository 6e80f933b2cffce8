"""Tools for testing the parser on pages: layout noise, renderers, record generators.

* :mod:`.noise`: layout-noise transforms, plain ``str -> str`` functions that change
  how a page is laid out but not what it says, so parsing a page before and after any
  of them must give the same record. Standard library only.
* :mod:`.render`: :func:`render_text` and :func:`render_html` write a
  :class:`~paperparse.Paper` as a Peeref page (text dump styles, HTML dialects).
  Plain Python.
* :mod:`.compare`: :func:`wrong_values`, :func:`missing_values` and
  :func:`unexplained_missing` compare a parsed record with the record a page states
  (the library's promise: a value is right or empty). Plain Python.
* :mod:`.strategies`: Hypothesis strategies, :func:`papers` and its helpers.
* :mod:`.page_markups`: :func:`markup_pages` and :func:`markups`, Hypothesis strategies that
  draw the HTML of a redesigned paper page for a record, every markup choice a separate
  draw (:data:`~.page_markups.FEATURES` names them), and :class:`~.page_markups.MarkupPage`.

Only the last two need Hypothesis, and they are imported lazily: ``import
paperparse.testing`` works without Hypothesis installed, and ``from paperparse.testing
import papers`` (or ``markups``, or ``from paperparse.testing.strategies import
papers``) imports them on first use, raising ``ImportError`` if Hypothesis is missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .compare import FIELDS, missing_values, unexplained_missing, wrong_values
from .noise import NOISE, Noise, compose
from .render import HTML_DIALECTS, TEXT_STYLES, HtmlDialect, TextStyle, render_html, render_text

if TYPE_CHECKING:
    from .page_markups import CHOICES as CHOICES
    from .page_markups import FEATURES as FEATURES
    from .page_markups import MarkupPage as MarkupPage
    from .page_markups import markup_page as markup_page
    from .page_markups import markup_pages as markup_pages
    from .page_markups import markups as markups
    from .strategies import abstracts as abstracts
    from .strategies import author_names as author_names
    from .strategies import award_ids as award_ids
    from .strategies import dois as dois
    from .strategies import fundings as fundings
    from .strategies import journals as journals
    from .strategies import keyword_lists as keyword_lists
    from .strategies import keywords as keywords
    from .strategies import papers as papers
    from .strategies import ratings as ratings
    from .strategies import recommended_titles as recommended_titles
    from .strategies import titles as titles

__all__ = [
    "FIELDS",
    "HTML_DIALECTS",
    "NOISE",
    "TEXT_STYLES",
    "HtmlDialect",
    "Noise",
    "TextStyle",
    "compose",
    "missing_values",
    "render_html",
    "render_text",
    "unexplained_missing",
    "wrong_values",
]

#: Names served lazily from :mod:`.strategies` and :mod:`.page_markups` (they need
#: Hypothesis); not in ``__all__`` so that ``from paperparse.testing import *`` never
#: needs Hypothesis.
_STRATEGIES = frozenset(
    {
        "abstracts",
        "author_names",
        "award_ids",
        "dois",
        "fundings",
        "journals",
        "keyword_lists",
        "keywords",
        "papers",
        "ratings",
        "recommended_titles",
        "titles",
    }
)
_MARKUPS = frozenset(
    {"CHOICES", "FEATURES", "MarkupPage", "markup_page", "markup_pages", "markups"}
)


def __getattr__(name: str) -> object:
    if name in _STRATEGIES or name in _MARKUPS:
        try:
            from . import page_markups, strategies
        except ImportError as error:
            raise ImportError(
                f"paperparse.testing.{name} needs Hypothesis: pip install hypothesis "
                "(the project's 'test' extra installs it)."
            ) from error
        return getattr(strategies if name in _STRATEGIES else page_markups, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
