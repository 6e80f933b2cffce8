"""Tools for testing the parser on pages: layout-noise transforms.

The transforms are plain ``str -> str`` functions that change how a page is laid out
but not what it says, so parsing a page before and after any of them must give the
same record. They need nothing beyond the standard library.
"""

from __future__ import annotations

from .noise import NOISE, Noise, compose

__all__ = ["NOISE", "Noise", "compose"]
