"""One side of the distinct-page benchmark: whole passes over a batch, timed in a child process.

    python bench/batch_worker.py PAGES.json   # started by bench/run.py, not by hand

``bench/run.py`` writes the batch to ``PAGES.json`` (``{"text": [...], "html": [...]}``)
and starts one child per version of paperparse it measures: the code it imports itself,
and each ``--against REV`` checked out into a temporary git worktree and imported with
``PYTHONPATH=<worktree>/src`` (or each ``--against-python PYTHON``, another
environment's install, such as the compiled build). It then alternates rounds between
the children: it writes a task name on a child's standard input, and the child runs
one pass over the whole batch and answers with one JSON line.

Tasks (each page is handled once per pass, so nothing is timed twice on the same page
within a pass; every functools cache of paperparse is emptied and the garbage collected
before each pass, outside the timing, so a pass never finds the previous pass's lines in
a cache):

* ``text``: ``paperparse.parse`` over the text pages;
* ``html``: ``paperparse.parse`` over the HTML pages;
* ``naive``: the naive scraper (``bench/naive.py``, made total) over the text pages;
* ``floor``: ``lxml.html.fromstring(page).text_content()`` over the HTML pages.

The answer is ``{"seconds": ..., "pages": ..., "done": ...}``: the time of the pass, the
number of pages, and how many gave a result (parsed without a ``ParseError``, scraped).

Only paperparse's public API is used (``paperparse.parse``, ``paperparse.ParseError``),
so the same script measures any version of the code.
"""

from __future__ import annotations

import gc
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import lxml.html
from naive import scrape_total

import paperparse

_ParseError: type[Exception] = getattr(paperparse, "ParseError", Exception)


def clear_caches() -> int:
    """Empty every functools cache held by a loaded paperparse module; return how many.

    Found by what they are (module attributes with ``cache_clear`` and ``cache_info``),
    not by name, so it works on any version of the code.
    """
    found: dict[int, Callable[[], None]] = {}
    for name, module in list(sys.modules.items()):
        if module is None or not (name == "paperparse" or name.startswith("paperparse.")):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and callable(getattr(value, "cache_info", None)):
                found[id(value)] = clear
    for clear in found.values():
        clear()
    return len(found)


def build() -> str:
    """``compiled (mypyc)`` if any loaded paperparse module is an extension module."""
    compiled = any(
        str(getattr(module, "__file__", "") or "").endswith((".so", ".pyd"))
        for name, module in list(sys.modules.items())
        if name == "paperparse" or name.startswith("paperparse.")
    )
    return "compiled (mypyc)" if compiled else "pure Python"


def _parse(pages: list[str]) -> int:
    done = 0
    for page in pages:
        try:
            paperparse.parse(page)
        except _ParseError:
            continue
        done += 1
    return done


def _naive(pages: list[str]) -> int:
    done = 0
    for page in pages:
        if scrape_total(page) is not None:
            done += 1
    return done


def _floor(pages: list[str]) -> int:
    for page in pages:
        lxml.html.fromstring(page).text_content()
    return len(pages)


#: task -> (which pages, what runs over them)
TASKS: dict[str, tuple[str, Callable[[list[str]], int]]] = {
    "text": ("text", _parse),
    "html": ("html", _parse),
    "naive": ("text", _naive),
    "floor": ("html", _floor),
}


def run_task(task: str, batch: dict[str, list[str]]) -> dict[str, Any]:
    """One timed pass of *task* over its pages of *batch*."""
    kind, func = TASKS[task]
    pages = batch[kind]
    clear_caches()
    gc.collect()
    start = time.perf_counter()
    done = func(pages)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "pages": len(pages), "done": done}


def hello(batch: dict[str, list[str]]) -> dict[str, Any]:
    """What this side runs: paperparse's file, version and build (after one warm-up parse)."""
    for kind in ("text", "html"):
        _parse(batch[kind][:1])
    return {
        "file": paperparse.__file__,
        "version": getattr(paperparse, "__version__", "?"),
        "build": build(),
        "caches": clear_caches(),
        "python": sys.version.split()[0],
    }


def serve(path: Path) -> None:
    batch = json.loads(path.read_text(encoding="utf-8"))
    print(json.dumps(hello(batch)), flush=True)
    for line in sys.stdin:
        task = line.strip()
        if task:
            print(json.dumps(run_task(task, batch)), flush=True)


if __name__ == "__main__":
    serve(Path(sys.argv[1]))
