"""Render a :class:`~paperparse.Paper` as a Peeref page: text dumps and HTML.

:func:`render_text` writes the page the way a dump tool lays it out, and
:func:`render_html` writes the page's HTML in one of several markup dialects. Both
write only what the record holds, in the site's layout and order (header, title,
Journal, Publisher and DOI, Keywords, Funding, the ``Ask authors/readers for more
resources`` button and the abstract, Authors and the claim prompt, Reviews,
``Rate this paper``, Recommended), so ``parse(render_*(paper, …))`` must give back
*paper* (apart from ``source`` and ``warnings``) for every record drawn by
:func:`paperparse.testing.strategies.papers`.

Plain Python: this module needs neither Hypothesis nor any tool beyond the project's
own dependencies (BeautifulSoup makes the ``get_text`` style).

How the site shows what the record leaves empty:

* the header shows the rating's score and the article type, each only if known;
* a section is shown only when it has something to show, except ``Recommended``,
  which Peeref always shows (``No Data Available`` when empty);
* the locator omits missing parts (``Volume 97, Pages 1-10``); a letter-prefixed
  article number is printed as ``Pages e70067`` in some styles and as
  ``Article Number e70067`` in others, a plain-number one always as
  ``Article Number 103843``;
* an abstract without the ``Ask authors/readers …`` button gets an ``Abstract`` label;
* the primary rating shows the score, then ``N ratings`` or the note (the note is
  only ever the one the record holds).

Links (``<a>``) are only put around author names (and around the DOI in HTML).
"""

from __future__ import annotations

import html
import json
import re
import textwrap
from collections.abc import Iterator
from typing import Final, Literal, NamedTuple

from ..model import Journal, Paper

__all__ = ["HTML_DIALECTS", "TEXT_STYLES", "HtmlDialect", "TextStyle", "render_html", "render_text"]

TextStyle = Literal["browser", "get_text", "markdown", "w3m_plain", "w3m", "lynx"]
HtmlDialect = Literal["cards", "table", "dl", "inline"]

#: Every text style, as :func:`render_text` accepts them.
#:
#: * ``browser``: the page copied from a browser, like the seed fixture: header
#:   ``4.7 Review``, blank lines between blocks, funding numbered ``  1. ``.
#: * ``get_text``: BeautifulSoup ``get_text("\n")`` of the ``<body>`` of the
#:   ``cards`` HTML (nav, cookie banner and footer included): one string per line,
#:   no blank-line structure. (``get_text()`` without a separator glues the page into
#:   one line that no parser can split; that style is deliberately not offered.)
#: * ``markdown``: as ``html2text`` writes the ``cards`` HTML: ``# title``,
#:   ``### Journal``, ``**Primary Rating**``, ``  * item`` and ``  1. item`` lists,
#:   ``[name](url)`` author links, paragraphs wrapped at 78 columns.
#: * ``w3m_plain``: ``w3m -dump`` (no link numbers): every line indented by 3 spaces,
#:   paragraphs and list items wrapped at 79 columns (hanging indent for lists).
#: * ``w3m``: as ``w3m_plain`` with link numbers after the linked text (``Wei
#:   Zhang[1]``) and a ``References:`` list of the link targets at the end.
#: * ``lynx``: ``lynx -dump``: as ``w3m_plain``, lists indented by 5, numbered links
#:   before the text (``[1]Wei Zhang``) and a ``References`` list at the end.
TEXT_STYLES: Final[tuple[TextStyle, ...]] = (
    "browser",
    "get_text",
    "markdown",
    "w3m_plain",
    "w3m",
    "lynx",
)

#: Every HTML dialect, as :func:`render_html` accepts them. All are wrapped in the
#: same chrome (doctype, ``<head>`` with charset and title, a JSON ``<script>``, a
#: ``<nav>``, a ``cookie-banner`` div and a ``<footer>``).
#:
#: * ``cards``: ``<div>``/``<span>`` with class names, ``<h1>`` title, ``<h3>``
#:   section labels, ``<ol>``/``<li>`` funding.
#: * ``table``: one ``<table>`` row per section, ``<th>`` label and ``<td>`` value;
#:   en dashes in ranges, the score as ``4.7/5`` and ``Based on 1,204 ratings``.
#: * ``dl``: ``<dl>`` with a ``<dt>`` label and ``<dd>`` values per section; en
#:   dashes in ranges, ``Pages e70067`` for letter-prefixed article numbers.
#: * ``inline``: ``<p><b>Label:</b> value</p>`` paragraphs, authors ``;``-separated in
#:   one paragraph, ``4.7 (18 ratings)`` on one line, ``Novelty: -``.
HTML_DIALECTS: Final[tuple[HtmlDialect, ...]] = ("cards", "table", "dl", "inline")

SITE: Final = "https://www.peeref.com"

# --- the page as a list of blocks ----------------------------------------------------


class Block(NamedTuple):
    """One visual block of the page.

    ``kind`` is one of: ``header`` (``texts`` = score or ``""``, article type or
    ``""``), ``title``, ``label`` (``level`` 3 for a section, 4 for a sub-section),
    ``line`` (one value line; ``role`` names it), ``doi``, ``ordered`` / ``bullets``
    (list items), ``names`` (author links), ``para`` (the abstract), ``button``,
    ``pair`` (a secondary rating: name and score or ``-``).
    """

    kind: str
    texts: tuple[str, ...]
    role: str = ""
    level: int = 3


def format_score(score: float) -> str:
    """``4.7`` -> ``"4.7"``, ``4.0`` -> ``"4.0"``, ``3.85`` -> ``"3.85"``.

    >>> format_score(4.0), format_score(3.85), format_score(0.05)
    ('4.0', '3.85', '0.05')
    """
    text = f"{score:.2f}".rstrip("0")
    return text + "0" if text.endswith(".") else text


_LETTER_PREFIXED: Final = re.compile(r"[A-Za-z]{1,3}\d+")


def locator(journal: Journal, *, dash: str = "-", pages_for_numbers: bool = False) -> str:
    """The locator line: ``Volume 97, Issue 8, Pages 1065-1084``.

    Parts are omitted when missing; ``""`` when there is none.

    >>> from paperparse.model import PageRange
    >>> locator(Journal(volume="97", issue="3-4", pages=PageRange("1", "9")), dash="\u2013")
    'Volume 97, Issue 3\u20134, Pages 1\u20139'
    >>> locator(Journal(article_number="e70067"), pages_for_numbers=True)
    'Pages e70067'
    """
    parts = []
    if journal.volume is not None:
        parts.append(f"Volume {journal.volume}")
    if journal.issue is not None:
        parts.append(f"Issue {journal.issue.replace('-', dash)}")
    if journal.pages is not None:
        pages = journal.pages
        parts.append(f"Pages {pages.first}{dash + pages.last if pages.last else ''}")
    number = journal.article_number
    if number is not None:
        if pages_for_numbers and journal.pages is None and _LETTER_PREFIXED.fullmatch(number):
            parts.append(f"Pages {number}")
        else:
            parts.append(f"Article Number {number}")
    return ", ".join(parts)


_ASK: Final = "Ask authors/readers for more resources"
_RATE: Final = "Rate this paper"
_NO_DATA: Final = "No Data Available"


def blocks(
    paper: Paper,
    *,
    dash: str = "-",
    pages_for_numbers: bool = False,
    primary: Literal["lines", "out_of", "joined"] = "lines",
) -> list[Block]:
    """The page of *paper* as blocks, in the site's order.

    *primary* is how the primary rating shows score and count: ``lines`` (``4.7`` and
    ``18 ratings`` on two lines), ``out_of`` (``4.7/5`` and ``Based on 1,204
    ratings``) or ``joined`` (``4.7 (18 ratings)`` on one line).
    """
    out: list[Block] = []
    rating = paper.rating
    score = format_score(rating.score) if rating is not None and rating.score is not None else ""
    if score or paper.article_type:
        out.append(Block("header", (score, paper.article_type or "")))
    if paper.title is not None:
        out.append(Block("title", (paper.title,)))
    journal = paper.journal
    if journal is not None:
        out.append(Block("label", ("Journal",)))
        if journal.name is not None:
            out.append(Block("line", (journal.name,), "journal-name"))
        if where := locator(journal, dash=dash, pages_for_numbers=pages_for_numbers):
            out.append(Block("line", (where,), "locator"))
    if paper.publisher is not None or paper.doi is not None:
        out.append(Block("label", ("Publisher",)))
        if paper.publisher is not None:
            out.append(Block("line", (paper.publisher,), "publisher-name"))
        if paper.doi is not None:
            out.append(Block("doi", (paper.doi,)))
    if paper.keywords:
        out.append(Block("label", ("Keywords",)))
        out.append(Block("line", ("; ".join(paper.keywords),), "keywords"))
    if paper.categories:
        out.append(Block("label", ("Categories",)))
        out.append(Block("line", ("; ".join(paper.categories),), "categories"))
    if paper.funding:
        out.append(Block("label", ("Funding",)))
        out.append(Block("ordered", tuple(f.text for f in paper.funding), "funding"))
    ask = _ASK in paper.actions
    if ask:
        out.append(Block("button", (_ASK,)))
    if paper.abstract is not None:
        if not ask:
            out.append(Block("label", ("Abstract",)))
        out.append(Block("para", (paper.abstract,)))
    claim = paper.author_claim
    if paper.authors or claim is not None:
        out.append(Block("label", ("Authors",)))
        if paper.authors:
            out.append(Block("names", tuple(a.name for a in paper.authors)))
        if claim is not None:
            if claim.prompt is not None:
                out.append(Block("line", (claim.prompt,), "claim-prompt"))
            if claim.action is not None:
                out.append(Block("line", (claim.action,), "claim-action"))
    if rating is not None:
        out.append(Block("label", ("Reviews",)))
        out.append(Block("label", ("Primary Rating",), level=4))
        count = ""
        if rating.count is not None:
            noun = "rating" if rating.count == 1 else "ratings"
            count = f"{rating.count} {noun}"
            if primary == "out_of":
                count = f"Based on {rating.count:,} {noun}"
        if primary == "joined" and score and count:
            out.append(Block("line", (f"{score} ({count})",), "score"))
        else:
            if score:
                out.append(Block("line", (score + "/5" * (primary == "out_of"),), "score"))
            if count:
                out.append(Block("line", (count,), "count"))
        if rating.note is not None:
            out.append(Block("line", (rating.note,), "note"))
        if rating.secondary:
            out.append(Block("label", ("Secondary Ratings",), level=4))
            for item in rating.secondary:
                value = "-" if item.score is None else format_score(item.score)
                out.append(Block("pair", (item.name, value)))
    if _RATE in paper.actions:
        out.append(Block("button", (_RATE,)))
    out.append(Block("label", ("Recommended",)))
    if paper.recommended:
        out.append(Block("bullets", paper.recommended, "recommended"))
    else:
        out.append(Block("line", (_NO_DATA,), "empty"))
    return out


def _author_url(index: int) -> str:
    return f"{SITE}/en/authors/{1000 + index}"


# --- text styles ---------------------------------------------------------------------


def render_text(paper: Paper, style: TextStyle = "browser") -> str:
    """Write *paper* as a text dump in one of :data:`TEXT_STYLES`."""
    if style == "browser":
        return _browser(paper)
    if style == "get_text":
        return _get_text(paper)
    if style == "markdown":
        return _markdown(paper)
    if style == "w3m_plain":
        return _dump(paper, links=None)
    if style == "w3m":
        return _dump(paper, links="after")
    if style == "lynx":
        return _dump(paper, links="before")
    raise ValueError(f"unknown text style {style!r}; expected one of {TEXT_STYLES}")


def _browser(paper: Paper) -> str:
    lines: list[str] = []

    def blank() -> None:
        if lines and lines[-1]:
            lines.append("")

    for block in blocks(paper, pages_for_numbers=True):
        kind, texts = block.kind, block.texts
        if kind == "header":
            lines.append(" ".join(t for t in texts if t))
            blank()
        elif kind in ("title", "para", "button", "label"):
            blank()
            lines.append(texts[0])
            blank()
        elif kind == "doi":
            lines.append(f"DOI: {texts[0]}")
        elif kind == "ordered":
            lines.extend(f"  {n}. {text}" for n, text in enumerate(texts, 1))
        elif kind == "pair":
            lines.extend(texts)
        else:  # line, names, bullets
            lines.extend(texts)
    return "\n".join(lines) + "\n"


def _get_text(paper: Paper) -> str:
    from bs4 import BeautifulSoup  # a dependency of paperparse itself

    soup = BeautifulSoup(render_html(paper, "cards"), "html.parser")
    body = soup.body
    assert body is not None  # render_html always writes a <body>
    return body.get_text("\n")


_MD_WIDTH: Final = 78


def _markdown(paper: Paper) -> str:
    out: list[str] = []

    def para(text: str) -> None:
        out.append("\n".join(textwrap.wrap(text, _MD_WIDTH, break_on_hyphens=False)))

    for block in blocks(paper):
        kind, texts = block.kind, block.texts
        if kind == "header":
            out.append(" ".join(t for t in texts if t))
        elif kind == "title":
            out.append(f"# {texts[0]}")
        elif kind == "label":
            out.append(f"### {texts[0]}" if block.level == 3 else f"**{texts[0]}**")
        elif kind == "doi":
            out.append(f"DOI: {texts[0]}")
        elif kind == "ordered":
            out.append("\n".join(f"  {n}. {text}" for n, text in enumerate(texts, 1)))
        elif kind == "bullets":
            out.append("\n".join(f"  * {text}" for text in texts))
        elif kind == "names":
            out.append(
                "\n".join(f"  * [{name}]({_author_url(i)})" for i, name in enumerate(texts, 1))
            )
        elif kind == "pair":
            out.append(" ".join(texts))
        else:  # line, para, button
            para(texts[0])
    return "\n\n".join(out) + "\n"


_DUMP_WIDTH: Final = 79
_INDENT: Final = "   "


def _wrap(text: str, first: str, rest: str) -> list[str]:
    return textwrap.wrap(
        text,
        _DUMP_WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        break_long_words=False,
    )


def _dump(paper: Paper, links: Literal["after", "before"] | None) -> str:
    """``w3m -dump`` / ``lynx -dump``: indented, wrapped, maybe numbered links."""
    lynx = links == "before"
    item = " " * 5 if lynx else _INDENT
    urls: list[str] = []

    def link(text: str, url: str) -> str:
        if links is None:
            return text
        urls.append(url)
        return f"[{len(urls)}]{text}" if lynx else f"{text}[{len(urls)}]"

    out: list[str] = []
    for block in blocks(paper, dash="\u2013"):
        kind, texts = block.kind, block.texts
        if kind in ("title", "para", "label", "button") and out and out[-1]:
            out.append("")  # a block element starts on a new paragraph
        if kind == "header":
            out.append(_INDENT + " ".join(t for t in texts if t))
        elif kind == "label":
            out.append(("" if lynx else _INDENT) + texts[0])
        elif kind == "doi":
            out.extend(_wrap(f"DOI: {texts[0]}", _INDENT, _INDENT))
        elif kind == "ordered":
            for n, text in enumerate(texts, 1):
                marker = f"{item}{n}. "
                out.extend(_wrap(text, marker, " " * len(marker)))
        elif kind == "bullets":
            marker = f"{item}* "
            for text in texts:
                out.extend(_wrap(text, marker, " " * len(marker)))
        elif kind == "names":
            out.extend(_INDENT + link(name, _author_url(i)) for i, name in enumerate(texts, 1))
        elif kind == "pair":
            out.append(_INDENT + " ".join(texts))
        else:  # title, line, para, button
            out.extend(_wrap(texts[0], _INDENT, _INDENT))
        if kind in ("title", "para", "label", "header", "button", "ordered", "bullets"):
            out.append("")
    if urls:
        if out[-1]:
            out.append("")
        out.extend(["References" if lynx else "References:", ""])
        out.extend(f"{item}{n}. {url}" if lynx else f"[{n}] {url}" for n, url in enumerate(urls, 1))
    return "\n".join(out) + "\n"


# --- HTML dialects -------------------------------------------------------------------


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def render_html(paper: Paper, dialect: HtmlDialect = "cards") -> str:
    """Write *paper* as an HTML page in one of :data:`HTML_DIALECTS`, with page chrome."""
    if dialect == "cards":
        body = _cards(paper)
    elif dialect == "table":
        body = _table(paper)
    elif dialect == "dl":
        body = _dl(paper)
    elif dialect == "inline":
        body = _inline(paper)
    else:
        raise ValueError(f"unknown HTML dialect {dialect!r}; expected one of {HTML_DIALECTS}")
    return _chrome(paper, body)


def _chrome(paper: Paper, body: str) -> str:
    state = json.dumps(
        {"paper": {"title": paper.title, "doi": paper.doi, "keywords": list(paper.keywords)}},
        ensure_ascii=False,
    )
    state = state.replace("<", "\\u003c").replace(">", "\\u003e")
    head_title = _e(f"{paper.title} - Peeref" if paper.title else "Peeref")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{head_title}</title>\n"
        f"<script>window.__INITIAL_STATE__ = {state};</script>\n"
        "</head>\n"
        "<body>\n"
        '<nav class="top">\n'
        f'<a href="{SITE}/">Peeref</a>\n'
        f'<a href="{SITE}/en/works">Papers</a>\n'
        f'<a href="{SITE}/en/journals">Journals</a>\n'
        f'<a href="{SITE}/en/search">Search</a>\n'
        "</nav>\n"
        '<div class="cookie-banner">\n'
        "<p>We use cookies to improve your experience.</p>\n"
        "<button>Accept all cookies</button>\n"
        "</div>\n"
        "<main>\n"
        f"{body}"
        "</main>\n"
        f'<script type="application/json" id="page-data">{state}</script>\n'
        '<footer class="site-footer">\n'
        '<a href="/about">About Us</a>\n'
        '<a href="/privacy">Privacy Policy</a>\n'
        "<p>\u00a9 2024 Peeref. All rights reserved.</p>\n"
        "</footer>\n"
        "</body>\n"
        "</html>\n"
    )


def _sections(items: list[Block]) -> Iterator[tuple[Block | None, list[Block]]]:
    """Group blocks into (level-3 label or None, the blocks up to the next one).

    Buttons, the header, the title and an unlabelled abstract stand alone (label None).
    """
    label: Block | None = None
    body: list[Block] = []
    for block in items:
        if block.kind == "label" and block.level == 3:
            if label is not None:
                yield label, body
            label, body = block, []
        elif label is not None and block.kind not in ("button", "header", "title"):
            body.append(block)
        else:
            if label is not None:
                yield label, body
                label, body = None, []
            yield None, [block]
    if label is not None:
        yield label, body


def _standalone(block: Block) -> str:
    """Header, title, button and abstract: the same in every dialect."""
    texts = block.texts
    if block.kind == "header":
        score, kind = texts
        spans = []
        if score:
            spans.append(f'<span class="score">{_e(score)}</span>')
        if kind:
            spans.append(f'<span class="article-type">{_e(kind)}</span>')
        return f'<div class="paper-header">{" ".join(spans)}</div>\n'
    if block.kind == "title":
        return f'<h1 class="paper-title">{_e(texts[0])}</h1>\n'
    if block.kind == "button":
        return f'<div class="actions"><button type="button">{_e(texts[0])}</button></div>\n'
    return f'<div class="abstract"><p>{_e(texts[0])}</p></div>\n'


def _names(texts: tuple[str, ...]) -> list[str]:
    return [f'<a href="{_author_url(i)}">{_e(name)}</a>' for i, name in enumerate(texts, 1)]


def _doi_html(doi: str) -> str:
    return f'DOI: <a href="https://doi.org/{_e(doi)}">{_e(doi)}</a>'


def _list_html(block: Block) -> str:
    tag = "ol" if block.kind == "ordered" else "ul"
    items = "".join(f"<li>{_e(t)}</li>" for t in block.texts)
    return f'<{tag} class="{block.role}">{items}</{tag}>'


def _cards(paper: Paper) -> str:
    out = ['<article class="paper">\n']
    for label, body in _sections(blocks(paper)):
        if label is None:
            out.append(_standalone(body[0]))
            continue
        name = label.texts[0].lower()
        out.append(f'<section class="paper-section {name}">\n<h3>{_e(label.texts[0])}</h3>\n')
        for block in body:
            kind, texts = block.kind, block.texts
            if kind == "label":
                out.append(f"<h4>{_e(texts[0])}</h4>\n")
            elif kind == "line":
                out.append(f'<div class="{block.role}">{_e(texts[0])}</div>\n')
            elif kind == "doi":
                out.append(f'<div class="doi">{_doi_html(texts[0])}</div>\n')
            elif kind in ("ordered", "bullets"):
                out.append(_list_html(block) + "\n")
            elif kind == "names":
                items = "".join(f"<li>{a}</li>" for a in _names(texts))
                out.append(f'<ul class="author-list">{items}</ul>\n')
            elif kind == "pair":
                out.append(
                    f'<div class="secondary-rating"><span class="name">{_e(texts[0])}</span> '
                    f'<span class="value">{_e(texts[1])}</span></div>\n'
                )
            else:  # para under an Abstract label
                out.append(f"<p>{_e(texts[0])}</p>\n")
        out.append("</section>\n")
    out.append("</article>\n")
    return "".join(out)


def _cell(block: Block) -> str:
    """One value block as table-cell / definition content."""
    kind, texts = block.kind, block.texts
    if kind == "doi":
        return _doi_html(texts[0])
    if kind in ("ordered", "bullets"):
        return _list_html(block)
    if kind == "names":
        return "<br>".join(_names(texts))
    if kind == "pair":
        return f"<span>{_e(texts[0])}</span> <span>{_e(texts[1])}</span>"
    return _e(texts[0])


def _table(paper: Paper) -> str:
    out = ['<div class="paper">\n']
    rows: list[str] = []

    def flush() -> None:
        if rows:
            out.append('<table class="paper-info">\n' + "".join(rows) + "</table>\n")
            rows.clear()

    for label, body in _sections(blocks(paper, dash="\u2013", primary="out_of")):
        if label is None:
            flush()
            out.append(_standalone(body[0]))
            continue
        rows_of: list[tuple[str, list[str]]] = [(label.texts[0], [])]
        for block in body:
            if block.kind == "label":
                rows_of.append((block.texts[0], []))
            elif block.kind == "pair":
                rows_of[-1][1].append(
                    '<table class="scores"><tr>'
                    f"<td>{_e(block.texts[0])}</td><td>{_e(block.texts[1])}</td>"
                    "</tr></table>"
                )
            else:
                rows_of[-1][1].append(_cell(block))
        for name, content in rows_of:
            value = "<br>".join(content)
            rows.append(f'<tr><th scope="row">{_e(name)}</th><td>{value}</td></tr>\n')
    flush()
    out.append("</div>\n")
    return "".join(out)


def _dl(paper: Paper) -> str:
    out = ['<div class="paper">\n']
    items: list[str] = []

    def flush() -> None:
        if items:
            out.append('<dl class="paper-info">\n' + "".join(items) + "</dl>\n")
            items.clear()

    for label, body in _sections(blocks(paper, dash="\u2013", pages_for_numbers=True)):
        if label is None:
            flush()
            out.append(_standalone(body[0]))
            continue
        items.append(f"<dt>{_e(label.texts[0])}</dt>\n")
        for block in body:
            if block.kind == "label":
                items.append(f"<dt>{_e(block.texts[0])}</dt>\n")
            elif block.kind == "names":
                items.extend(f"<dd>{a}</dd>\n" for a in _names(block.texts))
            else:
                items.append(f"<dd>{_cell(block)}</dd>\n")
    flush()
    out.append("</div>\n")
    return "".join(out)


#: Value lines that may share the paragraph of their label: ``Journal: NAME``.
_INLINE_ROLES: Final = frozenset(
    {"journal-name", "publisher-name", "keywords", "categories", "score"}
)


def _inline(paper: Paper) -> str:
    out = ['<div class="paper">\n']
    for label, body in _sections(blocks(paper, primary="joined")):
        if label is None:
            out.append(_standalone(body[0]))
            continue
        labelled: list[tuple[str, list[Block]]] = [(label.texts[0], [])]
        for block in body:
            if block.kind == "label":
                labelled.append((block.texts[0], []))
            else:
                labelled[-1][1].append(block)
        for name, content in labelled:
            head = f"<b>{_e(name)}:</b>"
            rest = content
            if content and content[0].kind == "line" and content[0].role in _INLINE_ROLES:
                out.append(f"<p>{head} {_e(content[0].texts[0])}</p>\n")
                rest = content[1:]
            elif content and content[0].kind == "names":
                out.append(f"<p>{head} {'; '.join(_names(content[0].texts))}</p>\n")
                rest = content[1:]
            else:
                out.append(f"<p>{head}</p>\n")
            for block in rest:
                kind, texts = block.kind, block.texts
                if kind == "doi":
                    out.append(
                        f'<p><b>DOI:</b> <a href="https://doi.org/{_e(texts[0])}">'
                        f"{_e(texts[0])}</a></p>\n"
                    )
                elif kind in ("ordered", "bullets"):
                    out.append(_list_html(block) + "\n")
                elif kind == "names":
                    out.append(f"<p>{'; '.join(_names(texts))}</p>\n")
                elif kind == "pair":
                    out.append(f"<p>{_e(texts[0])}: {_e(texts[1])}</p>\n")
                else:
                    out.append(f"<p>{_e(texts[0])}</p>\n")
    out.append("</div>\n")
    return "".join(out)
