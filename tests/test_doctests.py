"""Run the doctests of every module of the installed package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import paperparse

MODULES = sorted(m.name for m in pkgutil.walk_packages(paperparse.__path__, prefix="paperparse."))


def test_modules_were_found() -> None:
    assert "paperparse.fields.journal" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{result.failed} doctest(s) failed in {name}"
