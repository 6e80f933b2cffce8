"""Tools for testing the parser on pages: layout noise, renderers, record generators.

* :mod:`.noise`: layout-noise transforms, plain ``str -> str`` functions that change
  how a page is laid out but not what it says, so parsing a page before and after any
  of them must give the same record. Standard library only.
* :mod:`.render`: :func:`render_text` and :func:`render_html` write a
  :class:`~paperparse.Paper` as a Peeref page (text dump styles, HTML dialects).
  Plain Python.
* :mod:`.strategies`: Hypothesis strategies, :func:`papers` and its helpers. This is
  the only part that needs Hypothesis, and it is imported lazily: ``import
  paperparse.testing`` works without Hypothesis installed, and
  ``from paperparse.testing import papers`` (or ``from paperparse.testing.strategies
  import papers``) imports it on first use, raising ``ImportError`` if Hypothesis is
  missing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .noise import NOISE, Noise, compose
from .render import HTML_DIALECTS, TEXT_STYLES, HtmlDialect, TextStyle, render_html, render_text

if TYPE_CHECKING:
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
    "HTML_DIALECTS",
    "NOISE",
    "TEXT_STYLES",
    "HtmlDialect",
    "Noise",
    "TextStyle",
    "compose",
    "render_html",
    "render_text",
]

#: Names served lazily from :mod:`.strategies` (they need Hypothesis); not in
#: ``__all__`` so that ``from paperparse.testing import *`` never needs Hypothesis.
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


def __getattr__(name: str) -> object:
    if name in _STRATEGIES:
        try:
            from . import strategies
        except ImportError as error:
            raise ImportError(
                f"paperparse.testing.{name} needs Hypothesis: pip install hypothesis "
                "(the project's 'test' extra installs it)."
            ) from error
        return getattr(strategies, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
