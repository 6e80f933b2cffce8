"""The front matter of a page that opens with a citation line: PubMed's and PMC's.

Such a page shows no labels above its abstract: its **front matter** is a citation line
(``Hepatology. 2019 Mar 12;69(3):1055-1068. doi: 10.1002/hep.30000.``), the title under
it, the author line under the title, and a line or list of identifiers
(``PMCID: PMC3945593  PMID: 24566048``). :func:`read_front` reads them from the blocks
before the first section of the record (``Layout.front``), each with the pure readers of
:mod:`paperparse.fields.ncbi`; a line that is none of them is chrome or is reported.

Only the front matter is read: the citation lines of similar articles, cited-by lists
and references stand in sections of their own, after it, and are never read here.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Final

import attrs

from ..fields import ncbi
from ..fields.authors import check_author
from ..fields.ncbi import Citation, NcbiIds
from ..model import Author, Journal, Published
from ..normalize import WRAPPED_LINE_MIN, fold, join_wrapped
from ..notes import Notes, quote
from ..outline.block import Block
from ..page import wrapped_onto
from ..roles import CHROME, label_key, short_line
from ..sections import Section, Standalone, name_of
from .abstract import before_body, paragraphs
from .base import NO_SPAN, Context, Span
from .title import title_problem

#: How a PMC logo line names the journal: ``NAME logoLink to NAME``.
_LOGO_LINK: Final = " logoLink to "
#: The logo of NIH's author-manuscript collection, which names no journal.
_NO_JOURNAL: Final = frozenset({"nihpa author manuscripts", "author manuscript"})
#: An older PMC author manuscript's journal line: ``Neuroscience. Author manuscript; …``.
_AUTHOR_MANUSCRIPT: Final = ". Author manuscript; available in PMC"
#: A title is no list of this many names or more (an author line the check refused).
_NAME_LIST: Final = 3
#: The line before an author manuscript's citation of the version of record.
_FINAL_FORM: Final = "published in final edited form as"


@attrs.frozen
class Front:
    """What a page's front matter states (see :func:`read_front`)."""

    title: str | None = None
    title_span: Span = NO_SPAN
    article_type: str | None = None
    journal: Journal | None = None
    journal_line: int | None = None
    doi: str | None = None
    doi_line: int | None = None
    published: Published | None = None
    ids: NcbiIds = attrs.Factory(NcbiIds)
    authors: tuple[Author, ...] = ()
    authors_span: Span = NO_SPAN


def read_front(
    parts: Sequence[tuple[str, Sequence[Block]]], context: Context, notes: Notes
) -> Front:
    """Read the front matter of a citation-line page from the *parts* above its first section.

    *parts* are the folded label and the blocks of each section before the first that
    gives a value (the preamble, the sections the record skips, and the labels a menu
    lists with nothing under them). The citation line is looked for in them in order;
    the title and the author line only in the part that holds it. The identifiers, and
    a journal the citation line lost, may also stand in the sections right under it
    that the layout counts as front matter (``Layout.front_sections``), never in any
    other (a reference list's citations are other papers').

    The citation line is the first line :func:`~paperparse.fields.ncbi.read_citation`
    accepts (joined with the next when a copy put its ``doi:`` on a line of its own);
    an author manuscript's ``Published in final edited form as:`` line makes the next
    one the citation of the version of record. The author line is the first line below
    it that :func:`~paperparse.fields.ncbi.read_ncbi_authors` accepts and whose every
    name passes the author check. The title is the one line between them (identifier
    lines aside); two or more (a subtitle, a badge) leave it empty with an
    ``ambiguous_title`` warning. A journal lost from the citation line is taken from
    the PMC logo line, an older author manuscript's journal line or PubMed's short
    citation, in that order; the badge above the citation line is the article type
    when the layout knows it.
    """
    layout = context.layout
    kept = [
        (
            label,
            _unwrapped([b for b in part if short_line(b.text, layout).role is not CHROME], context),
        )
        for label, part in parts
    ]
    found = next(
        ((at, lines, anchor) for at, (_, lines) in enumerate(kept) if (anchor := _anchor(lines))),
        None,
    )
    if found is None:
        notes.warn(
            "unreadable_value",
            "No citation line stands above the page's first section (a copy that lost "
            "it, or cut it); the title, journal, date, authors and identifiers were not "
            "read.",
            next((b.line for _, part in parts for b in part), None),
        )
        return Front()
    at, lines, anchor = found
    index, used, citation = anchor
    rest = _below(lines[index + used :])
    authors_at, authors, authors_span = _authors(rest, context, notes)
    title, title_span = _title(rest[:authors_at], notes)
    # The front matter: the part with the citation line, and the skipped sections right
    # under it that repeat it: those the layout names (PubMed's Affiliations) and one
    # headed by the title itself (PubMed's repeated header, in HTML).
    every = list(lines)
    for label, part in kept[at + 1 :]:
        if label not in layout.front_sections and (title is None or label != label_key(title)):
            break
        every.extend(part)
    ids = _ids(every, notes)
    journal = None
    if citation is not None:
        for problem in citation.problems:
            message = f"{problem[:1].upper()}{problem[1:]}."
            notes.warn("unreadable_value", message, lines[index].line)
        name = citation.journal or _lost_journal(every)
        if name is None:
            notes.warn(
                "unreadable_value",
                "The citation line names no journal (a copy that lost it), and no other "
                "line of the front matter does; the journal's name was left empty.",
                lines[index].line,
            )
        journal = Journal(
            name, citation.volume, citation.issue, citation.pages, citation.article_number
        )
    else:
        name = _lost_journal(every)
        journal = Journal(name) if name is not None else None
    return Front(
        title=title,
        title_span=title_span,
        article_type=_badge(lines[:index], context),
        journal=journal,
        journal_line=lines[index].line,
        doi=citation.doi if citation is not None else None,
        doi_line=lines[index + used - 1].line,
        published=citation.published if citation is not None else None,
        ids=ids,
        authors=authors,
        authors_span=authors_span,
    )


def _below(lines: Sequence[Block]) -> list[Block]:
    """The lines under the citation line where the title and the author line stand.

    They end at the identifiers (PMC's ``PMCID: …`` line, PubMed's ``PMID:`` item), or
    start after them where an older author manuscript puts them first.
    """
    start = 0
    while start < len(lines) and ncbi.read_ncbi_ids(lines[start].text) is not None:
        start += 1
    end = next(
        (i for i in range(start, len(lines)) if ncbi.read_ncbi_ids(lines[i].text) is not None),
        len(lines),
    )
    return list(lines[start:end])


def _authors(
    rest: list[Block], context: Context, notes: Notes
) -> tuple[int, tuple[Author, ...], Span]:
    """Where the author line stands in *rest* (``len(rest)`` if nowhere), its names, lines.

    An HTML page gives each author a line of its own (one link each): the author line
    goes on while the lines below are names, and one element's next item that is no
    name (a group written without ``for the``) would cut the list short. In a text, a
    second line of names, or a line right under it that reads as its end (``^ 2, Holly
    A Shill``), is the first's end, wrapped by a tool at a width the page does not show.
    Where the list's end cannot be told, it is left empty with a warning.
    """
    dump = context.format == "text"
    start = next((i for i, b in enumerate(rest) if _author_line(b.text, text_dump=dump)), None)
    if start is None:
        return len(rest), (), NO_SPAN
    end = start + 1
    while end < len(rest) and _author_line(rest[end].text, text_dump=dump):
        end += 1
    last = rest[end - 1]
    following = rest[end] if end < len(rest) else None
    problem = None
    if dump and (
        end > start + 1
        or (
            following is not None
            and following.line == last.line + 1
            and ncbi.read_ncbi_authors(f"{last.text} {following.text}")
        )
    ):
        problem = (
            "The author line goes on over several lines, and whether a tool wrapped it "
            "(and where) cannot be told; the author list was left empty."
        )
    elif following is not None and following.line == last.line and following.kind == last.kind:
        problem = (
            f"The author list goes on with {quote(following.text)}, which is no person's "
            "name; the author list was left empty."
        )
    if problem is not None:
        notes.warn("unreadable_value", problem, rest[start].line)
        return start, (), NO_SPAN
    names = [name for b in rest[start:end] for name in _author_line(b.text, text_dump=dump) or ()]
    return start, tuple(Author(name) for name in names), (rest[start].line, last.line)


def _unwrapped(blocks: list[Block], context: Context) -> list[Block]:
    """*blocks* with the lines a tool wrapped at the page's known width joined again.

    A title or an author line wrapped by w3m or lynx is one line again when the page
    shows its wrap width (:func:`~paperparse.page.wrapped_onto`); where it does not, the
    lines stay apart and the readers refuse what they cannot tell.
    """
    width = context.wrap_width
    if context.format != "text" or width is None or len(blocks) < 2:
        return blocks
    out = [blocks[0]]
    for before, block in itertools.pairwise(blocks):
        # (the line as the tool wrote it, not the lines joined so far)
        if block.line == before.line + 1 and wrapped_onto(before.text, block.text, width):
            out[-1] = out[-1]._replace(text=join_wrapped([out[-1].text, block.text]))
        else:
            out.append(block)
    return out


def _anchor(lines: Sequence[Block]) -> tuple[int, int, Citation | None] | None:
    """The citation line: its index, how many lines it takes, and what it states.

    An author manuscript whose copy lost the citation under ``Published in final edited
    form as:`` anchors at that line, with no citation.
    """
    final_form = next(
        (i for i, b in enumerate(lines) if fold(b.text).startswith(_FINAL_FORM)), None
    )
    # "Published in final edited form as: J Neurol Sci. 2012 …" may be one line
    order = range(len(lines)) if final_form is None else range(final_form, len(lines))
    for index in order:
        text = lines[index].text
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if following[:4].casefold() == "doi:":
            joined = ncbi.read_citation(f"{text} {following}")
            if joined is not None:
                return index, 2, joined
        citation = ncbi.read_citation(text)
        if citation is not None:
            return index, 1, citation
        if final_form is not None and index > final_form:
            break  # the version of record's citation is right below, or lost
    if final_form is not None:
        return final_form, 1, None
    return None


def _author_line(text: str, *, text_dump: bool = True) -> tuple[str, ...] | None:
    """The names of an NCBI author line whose every name looks like a person's or a group's.

    In a text dump, a line of one name must carry its affiliation mark (``Nader
    Sheibani^ 1``): a few capitalised words alone are as likely a title's wrapped end.
    """
    names = ncbi.read_ncbi_authors(text)
    if names is None or any(check_author(name) is not None for name in names):
        return None
    if text_dump and len(names) == 1 and text.rstrip(" ,").endswith(names[0]):
        return None
    return names


def _title(rest: Sequence[Block], notes: Notes) -> tuple[str | None, Span]:
    """The title: the one line between the citation line and the author line."""
    if not rest:
        return None, NO_SPAN
    if len(rest) > 1:
        notes.warn(
            "ambiguous_title",
            f"{len(rest)} lines stand where the title belongs and the layout does not say "
            f"which is the title: {', '.join(quote(b.text) for b in rest)}.",
            rest[0].line,
        )
        return None, NO_SPAN
    block = rest[0]
    problem = title_problem(block.text)
    names = sum(ncbi.read_ncbi_authors(piece) is not None for piece in block.text.split(","))
    if problem is None and names >= _NAME_LIST:
        problem = "it is a list of names"

    if problem is not None:
        notes.warn(
            "unreadable_value",
            f"The text where the title belongs, {quote(block.text)}, cannot be a title "
            f"({problem}); the title was left empty.",
            block.line,
        )
        return None, NO_SPAN
    return block.text, (block.line, block.line)


def _ids(lines: Sequence[Block], notes: Notes) -> NcbiIds:
    """The identifiers of the lines that hold only identifiers; a second value is refused."""
    pmid: set[str] = set()
    pmcid: set[str] = set()
    for block in lines:
        found = ncbi.read_ncbi_ids(block.text)
        if found is not None:
            pmid.update([found.pmid] if found.pmid else [])
            pmcid.update([found.pmcid] if found.pmcid else [])
    if len(pmid) > 1 or len(pmcid) > 1:
        notes.warn(
            "conflicting_values",
            "The page gives two different PubMed or PMC ids; none was kept.",
            None,
        )
    return NcbiIds(
        pmid=next(iter(pmid)) if len(pmid) == 1 else None,
        pmcid=next(iter(pmcid)) if len(pmcid) == 1 else None,
    )


def _badge(lines: Sequence[Block], context: Context) -> str | None:
    """The publication type shown as a badge right above the citation line."""
    if not lines:
        return None
    return context.layout.article_types.get(fold(lines[-1].text))


def _lost_journal(lines: Sequence[Block]) -> str | None:
    """The journal's name where the citation line lost it (see :func:`read_front`)."""
    for block in lines:
        text = block.text
        name, link, again = text.partition(_LOGO_LINK)
        if link and name.strip() == again.strip() and fold(name) not in _NO_JOURNAL:
            return name.strip()
        name, manuscript, _ = text.partition(_AUTHOR_MANUSCRIPT)
        if manuscript and name.strip() and fold(name) not in _NO_JOURNAL:
            return name.strip()
    for block in lines:
        short = ncbi.read_short_citation(block.text)
        if short is not None:
            return short.journal
    return None


def split_body(sections: list[Section], found: Standalone, context: Context, notes: Notes) -> None:
    """Cut the article's body off the sections above it, on a page whose body follows unlabelled.

    The abstract keeps its paragraphs up to the body's first heading
    (:func:`~paperparse.readers.abstract.before_body`); a section whose value stands on
    its label's line (``Keywords: a, b, c``) keeps that line and the lines a dump tool
    wrapped it onto (when the page shows its wrap width). The rest goes into a section
    of its own that the record skips; a page that ends in the body was not cut off
    inside the section above it.
    """
    index = 0
    while index < len(sections):
        section = sections[index]
        kept = _kept(section, context, notes)
        index += 1
        if kept is None or kept == len(section.blocks):
            continue
        body = Section("other", None, section.blocks[kept:], label="body")
        del section.blocks[kept:]
        sections.insert(index, body)
        if found.last[2] is section:
            found.last = (found.last[0], found.last[1], body)


def _kept(section: Section, context: Context, notes: Notes) -> int | None:
    """How many of *section*'s blocks stand above the body (``None``: all of them)."""
    blocks = section.blocks
    if not blocks:
        return None
    if section.kind == "abstract":
        parts = before_body(paragraphs(section.lines(), context.format), notes)
        return sum(len(part) for part in parts)
    if section.kind in _FRONT_KINDS or section.line is None or blocks[0].line != section.line:
        return None
    kept = 1
    while kept < len(blocks) and wrapped_onto(
        blocks[kept - 1].text, blocks[kept].text, context.wrap_width
    ):
        kept += 1
    last = blocks[kept - 1].text
    if (
        kept < len(blocks)
        and context.format == "text"
        and context.wrapped
        and context.wrap_width is None
        and len(last) >= WRAPPED_LINE_MIN
    ):
        # A long line a tool may have wrapped, at a width the page does not show: the
        # line below may be its end or the body's start.
        notes.warn(
            "unreadable_value",
            f"Whether the line after {quote(last)} goes on with it (a tool that wrapped "
            f"the page) cannot be told; the {name_of(section.kind)} was left empty.",
            blocks[0].line,
        )
        return 0
    return kept


#: Sections that are no value of the record, whatever follows them.
_FRONT_KINDS: Final = frozenset({"preamble", "other", "outside"})
