"""Pages for the benchmark: the distinct-page batch, the seed, a large page, a batch.

Everything is built deterministically from the fixtures, so every run measures the
same bytes.

The headline batch is :func:`distinct_pages`: every expected record under
``fixtures/peeref/*.json`` written by the project's own renderers
(:mod:`paperparse.testing`), as text (the ``browser`` style as is and under each
layout-noise transform) and as HTML in every markup of :data:`HTML_MARKUPS`. Every
page of the batch is different from every other.
"""

from __future__ import annotations

import functools
import html
import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import paperparse
from paperparse.testing import HTML_DIALECTS, NOISE, render_html, render_text

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


class Page(NamedTuple):
    """One page of the distinct batch: a file name that says how it was made, its text."""

    name: str
    content: str


def records() -> list[tuple[str, paperparse.Paper]]:
    """Every expected record under ``fixtures/peeref/*.json``, by fixture name."""
    return [
        (path.stem, paperparse.from_dict(json.loads(path.read_text(encoding="utf-8"))))
        for path in sorted((FIXTURES / "peeref").glob("*.json"))
    ]


def _as_is(text: str) -> str:
    return text


#: How the text pages are made from the ``browser`` rendering of a record: as is, and
#: under each layout-noise transform of :data:`paperparse.testing.NOISE`.
TEXT_VARIANTS: list[tuple[str, Callable[[str], str]]] = [("browser", _as_is), *NOISE.items()]

#: The HTML markups of the batch: (name, renderer). Every record is written in each.
#: Add a markup by appending a ``(name, Paper -> str)`` pair (say, a redesigned markup
#: drawn from a Hypothesis strategy with a fixed seed, so that every run measures the
#: same bytes).
HTML_MARKUPS: list[tuple[str, Callable[[paperparse.Paper], str]]] = [
    (dialect, functools.partial(render_html, dialect=dialect)) for dialect in HTML_DIALECTS
]


def _distinct(pages: list[Page]) -> list[Page]:
    seen: set[str] = set()
    out = []
    for page in pages:
        if page.content not in seen:
            seen.add(page.content)
            out.append(page)
    return out


def distinct_text(limit: int | None = None) -> list[Page]:
    """The text pages of the headline batch, exact duplicates dropped (first kept).

    *limit* takes the first records only (the smoke run).
    """
    pages = []
    for stem, paper in records()[:limit]:
        base = render_text(paper, "browser")
        pages += [Page(f"{stem}.{name}.txt", noise(base)) for name, noise in TEXT_VARIANTS]
    return _distinct(pages)


def distinct_html(
    limit: int | None = None,
    markups: list[tuple[str, Callable[[paperparse.Paper], str]]] | None = None,
) -> list[Page]:
    """The HTML pages of the headline batch: every record in every markup, no duplicate."""
    papers = records()[:limit]
    pages = [
        Page(f"{stem}.{name}.html", render(paper))
        for name, render in (HTML_MARKUPS if markups is None else markups)
        for stem, paper in papers
    ]
    return _distinct(pages)


def seed_text() -> str:
    return (FIXTURES / "peeref" / "jmm-2019-review.txt").read_text(encoding="utf-8")


def seed_html() -> str:
    return (FIXTURES / "html" / "seed-cards.html").read_text(encoding="utf-8")


_FIRST = ["Wei", "Anna", "Rahul", "Sofia", "Kenji", "Laura", "Ahmed", "Olga", "Diego", "Mei"]
_LAST = ["Zhang", "Muller", "Mehta", "Rossi", "Sato", "Martin", "Hassan", "Ivanova", "Lopez"]
_FUNDERS = [
    "National Natural Science Foundation of China",
    "National Institutes of Health",
    "European Research Council",
    "Deutsche Forschungsgemeinschaft",
    "Japan Society for the Promotion of Science",
    "Engineering and Physical Sciences Research Council",
]
_WORDS = [
    "liver",
    "stromal",
    "cells",
    "exosome",
    "regeneration",
    "hepatocyte",
    "therapy",
    "injury",
    "model",
    "failure",
    "signalling",
    "pathway",
    "inflammation",
    "fibrosis",
    "scaffold",
    "transplantation",
    "differentiation",
]


def _title(rng: random.Random) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 14))).capitalize()


def large_parts(seed: int = 7) -> dict[str, list[str]]:
    """The content of the large page: 60 authors, 30 funders, 200 recommended."""
    rng = random.Random(seed)
    authors = [f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(60)]
    funding = [f"{rng.choice(_FUNDERS)} [{rng.randint(10_000_000, 99_999_999)}]" for _ in range(30)]
    recommended = [_title(rng) for _ in range(200)]
    return {"authors": authors, "funding": funding, "recommended": recommended}


def large_text() -> str:
    """The seed's text dump with the large page's lists."""
    parts = large_parts()
    text = seed_text()
    funding = "\n".join(f"  {i}. {entry}" for i, entry in enumerate(parts["funding"], 1))
    head, _, rest = text.partition("Funding\n\n")
    _, _, rest = rest.partition("\n\nAsk authors")
    text = f"{head}Funding\n\n{funding}\n\nAsk authors{rest}"
    text = text.replace("Authors\n\n", "Authors\n\n" + "\n".join(parts["authors"]) + "\n", 1)
    head, _, _ = text.partition("Recommended\n\n")
    return head + "Recommended\n\n" + "\n".join(parts["recommended"]) + "\n"


def large_html(*, non_ascii: bool = False) -> str:
    """A ~150 KB page: the seed's cards layout with scripts, CSS, navigation and lists.

    With *non_ascii*, author names and titles carry accents and dashes, as most real
    pages do (some costs only show on text that is not ASCII).
    """
    parts = large_parts()
    if non_ascii:
        for key in ("authors", "recommended"):
            parts[key] = [_accented(t) for t in parts[key]]
    page = seed_html()
    e = html.escape
    nav = "".join(f'<li><a href="/topic/{i}">Topic {i}</a></li>' for i in range(250))
    css = "\n".join(f".c{i} {{ margin: {i}px; color: #{i:06x}; }}" for i in range(1900))
    blob = json.dumps(
        {"papers": [{"id": i, "title": t} for i, t in enumerate(parts["recommended"])]}
    )
    script = f"<script>window.__STATE__ = {blob};</script>"
    authors = "".join(
        f'<div class="author"><a href="/u/{i}">{e(a)}</a></div>'
        for i, a in enumerate(parts["authors"])
    )
    funding = "".join(f"<li>{e(f)}</li>" for f in parts["funding"])
    recommended = "".join(
        f'<div class="paper-card"><a href="/works/{i}">{e(t)}</a></div>'
        for i, t in enumerate(parts["recommended"])
    )
    page = page.replace("</head>", f"<style>{css}</style>{script}</head>", 1)
    page = page.replace("<body>", f'<body><nav class="mega"><ul>{nav}</ul></nav>', 1)
    start = page.index("<ol", page.index("Funding"))
    end = page.index("</ol>", start)
    page = page[:start] + f"<ol>{funding}" + page[end:]
    claim = page.index("I am an author on this paper")
    block = page.rindex("<div", 0, claim)
    page = page[:block] + authors + page[block:]
    first = page.index("No Data Available")
    start = page.rindex("<div", 0, first)
    last = (
        page.index("No Data Available", first + 1) if page.count("No Data Available") > 1 else first
    )
    end = page.index("</div>", last) + len("</div>")
    return page[:start] + recommended + page[end:]


def _accented(text: str) -> str:
    """*text* with a few letters accented and a spaced hyphen made an en dash."""
    return text.replace("e", "\u00e9", 1).replace("o", "\u00f6", 1).replace(" - ", " \u2013 ")


def batch(count: int = 2000) -> list[tuple[str, str]]:
    """*count* pages cycled from every text and HTML fixture: (name, content)."""
    pages = sorted(
        p
        for p in FIXTURES.glob("*/*")
        if p.suffix in (".txt", ".html") and p.parent.name in ("peeref", "html")
    )
    out = []
    for i in range(count):
        page = pages[i % len(pages)]
        out.append((f"{i:05d}-{page.name}", page.read_text(encoding="utf-8")))
    return out
