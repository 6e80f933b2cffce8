"""Griffe extension for the API reference: Sphinx roles in docstrings as code spans.

The package's docstrings use Sphinx roles (``:func:`parse```,
``:class:`~paperparse.Paper```), which Markdown would show as ``:func:`` followed by
the name. This turns each into a plain code span with the name as written (or only its
last part for ``~a.b.c``), so the API reference reads cleanly without cross-reference
targets that could break ``mkdocs build --strict``. Loaded by ``mkdocs.yml``; it is not
a page (``exclude_docs``).
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:func|class|meth|attr|mod|data|exc|obj|const):`(~?)([^`]+)`")


def _code(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    return f"`{target.rsplit('.', 1)[-1] if short else target}`"


class SphinxRoles(griffe.Extension):
    """Rewrite ``:role:`target``` in every docstring as a Markdown code span."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        """Rewrite the docstring of each object as it is loaded."""
        if obj.docstring is not None:
            obj.docstring.value = _ROLE.sub(_code, obj.docstring.value)
