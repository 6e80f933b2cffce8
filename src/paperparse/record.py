"""Readings -> one :class:`~paperparse.model.Paper`: the record stage.

It runs the stages after the outline on one page with one layout: the paper block
(:mod:`.page`), the sections (:mod:`.sections`), the readers (:mod:`.readers`) — the
ones a field spec names in a loop over the specs, the others in steps of their own —
and then the checks that need the whole record: a page cut off inside a section loses
the value it ends with; metadata fills what the page lacks (:mod:`.merge`); a value
holding a character lost in decoding is emptied; a page that is no paper page is
refused. Provenance is what the readers reported.
"""

from __future__ import annotations

import itertools
from typing import Any, Final

import attrs

from . import page as paper_block
from .errors import UnrecognizedPage
from .layouts import Layout
from .merge import merge_metadata
from .metadata import Metadata
from .model import VALUE_FIELDS, Journal, Paper, ParseWarning, Provenance, Rating, Source
from .notes import Notes, quote
from .outline.block import Block, Outline
from .readers import READERS, Context, Reading
from .readers.abstract import read_abstracts
from .readers.authors import read_people
from .readers.base import NO_SPAN, Span
from .readers.front import Front, read_front, split_body
from .readers.journal import JournalReading, read_journal
from .readers.rating import RATING_BLOCK, any_suspect, read_rating
from .readers.title import Top, read_top
from .readers.types import read_types
from .roles import label_key
from .sections import Section, Standalone, mark_suspect_labels, name_of, split
from .specs import SPECS, FieldSpec

#: A page must show at least this many of the known parts to count as a paper page.
MIN_RECOGNISED: Final = 2


@attrs.define
class _Page:
    """One page as the stages before the readers left it."""

    sections: list[Section]
    groups: dict[str, list[Section]]
    found: Standalone
    top: Top
    context: Context
    sub_page: tuple[int, int, str, str] | None
    front: Front | None = None

    def of(self, kind: str) -> list[Section]:
        """The sections of *kind*, in page order."""
        return self.groups.get(kind, [])


def build(
    outline: Outline,
    layout: Layout,
    *,
    provenance: bool = False,
    metadata_only: bool = True,
) -> Paper:
    """Read *outline* with *layout* into a :class:`Paper` (warnings included).

    The page's metadata fills the fields the visible page lacks. With *provenance*,
    the record says where each of its values came from. A page without the layout's
    signature is read from its metadata alone (if *metadata_only* and the metadata
    states a title and a DOI) or raises :class:`UnrecognizedPage`.
    """
    notes = Notes()
    blocks: list[Block] = outline.blocks
    if outline.format == "html":
        blocks = paper_block.without_sides(blocks, layout)
    if layout.glued_bullets:
        blocks = paper_block.without_bullets(blocks, layout)
    sub_page = paper_block.sub_page(blocks, layout)
    if sub_page is not None:
        blocks = blocks[: sub_page[0]]  # the listed papers are other papers
    page = _read_page(blocks, layout, outline.format, sub_page, notes)
    paper, spans = _visible_record(page, notes)
    if sub_page is None:  # a sub-page's block ends at its list, not where a page was cut
        paper = _drop_truncated(paper, page.found, layout, notes, cut_off=outline.cut_off)
    visible = paper
    metadata = outline.metadata
    if metadata is not None and layout.metadata_ignored:
        ignored: dict[str, Any] = dict.fromkeys(layout.metadata_ignored)
        metadata = attrs.evolve(metadata, **ignored)
    if metadata is not None:
        paper = merge_metadata(paper, metadata, notes)
    if any("\ufffd" in block.text for block in blocks):
        paper = _drop_damaged(paper, blocks, notes)
    _check_page(paper, page, metadata)
    if not _has_signature(paper, page, layout):
        paper = _metadata_only(paper, metadata if metadata_only else None, notes)
    changes: dict[str, Any] = {}
    if notes:
        changes["warnings"] = tuple(sorted(notes, key=_warning_order))
    if provenance:
        changes["provenance"] = _provenance(paper, visible, spans, page, metadata)
    return attrs.evolve(paper, **changes) if changes else paper


def _read_page(
    blocks: list[Block],
    layout: Layout,
    source_format: str,
    sub_page: tuple[int, int, str, str] | None,
    notes: Notes,
) -> _Page:
    """Split *blocks* into sections and read the page's top: title, header, type."""
    facts = paper_block.facts(blocks, layout, structured=source_format == "html")
    sections, found, split_notes = split(blocks, layout, facts)
    notes.extend(split_notes)
    if sub_page is not None:
        language = paper_block.note_sub_page(sub_page, layout, notes)
        found.marker = True
        if language is not None:
            found.languages.append(language)
    sections = paper_block.inside_block(sections, notes)
    mark_suspect_labels(sections)
    groups: dict[str, list[Section]] = {}
    for section in sections:
        groups.setdefault(section.kind, []).append(section)
    abstract_lines = [line for s in groups.get("abstract", ()) for line in s.lines()]
    context = Context(
        layout,
        "html" if source_format == "html" else "text",
        paper_block.wrap_width(abstract_lines, source_format),
        facts.glued,
        source_format != "html" and paper_block.may_be_wrapped(blocks),
        # (headings that open sections the layout does not know count too: a page
        # whose sections are headed by headings heads its title with one)
        facts.label_level
        or max((s.level for s in sections if s.kind == "other" and s.level > 1), default=0),
        not any(b.line == a.line + 1 for a, b in itertools.pairwise(blocks)),
    )
    if layout.body_follows_abstract and source_format != "html":
        # (in HTML, a section ends where the element holding its heading ends)
        split_body(sections, found, context, notes)
        groups = {}
        for section in sections:
            groups.setdefault(section.kind, []).append(section)
    if layout.front:
        front = read_front(_front_parts(sections), context, notes)
        top = Top(front.title, front.article_type, None, front.title_span)
        return _Page(sections, groups, found, top, context, sub_page, front)
    details = found.dois[0][0] if found.dois else None
    top = read_top(sections[0].blocks, context, details=details)
    notes.extend(top.warnings)
    return _Page(sections, groups, found, top, context, sub_page)


def _front_parts(sections: list[Section]) -> list[tuple[str, list[Block]]]:
    """The label and blocks of each section above a citation-line page's first value.

    The preamble, the sections the record skips, and labels with nothing under them (a
    menu of the page's parts) stand above it.
    """
    parts: list[tuple[str, list[Block]]] = []
    for section in sections:
        if section.kind not in _FRONT_KINDS and section.blocks:
            break
        parts.append((label_key(section.label) if section.kind == "other" else "", section.blocks))
    return parts


#: The sections that make up a citation-line page's front matter.
_FRONT_KINDS: Final = frozenset({"preamble", "other"})


#: The specs whose values are read in a loop, with the section kind each reads and its
#: reader.
_READ_IN_LOOP: Final = tuple(
    (spec, spec.section, READERS[spec.reader])
    for spec in SPECS
    if spec.reader is not None and spec.section is not None
)


def _visible_record(page: _Page, notes: Notes) -> tuple[Paper, dict[str, Span]]:
    """The record of what the visible page shows, and the lines each value came from.

    The values whose spec names a reader (:data:`~paperparse.readers.READERS`) are read
    in a loop, each from the sections of its kind; the others have a step of their own
    here. A value the page header stated (the article type) is not read again from its
    section.
    """
    context = page.context
    top = page.top
    values: dict[str, Any] = {"title": top.title, "article_type": top.article_type}
    spans: dict[str, Span] = {"title": top.title_span}
    for spec, kind, read in _READ_IN_LOOP:
        if values.get(spec.name) is None and kind in page.groups:
            values[spec.name], spans[spec.name] = _section_value(
                spec, page.of(kind), read, context, notes
            )
        elif spec.name not in values:
            values[spec.name] = spec.empty
    abstracts = _take(read_abstracts(page.of("abstract"), context), notes)
    values["summary"], values["abstract"] = abstracts.value
    spans["summary"] = spans["abstract"] = abstracts.span
    if "publication_types" in page.groups:  # (PubMed's list; its badge is top's type)
        types = _take(read_types(page.of("publication_types"), values["article_type"]), notes)
        values["article_type"] = types.value
        if types.span != NO_SPAN:
            spans["article_type"] = types.span
    people = _take(read_people(page.of("authors"), context), notes)
    values["authors"], values["author_claim"] = people.value.authors, people.value.claim
    spans["authors"] = spans["author_claim"] = people.span
    for section in page.of("after_rating"):
        for block in section.blocks:
            notes.unplaced((block.line, block.text), "after the rating block")
    found = page.found
    journal = read_journal(page.of("journal"), found.locators, context)
    notes.extend(journal.warnings)
    spans["journal.name"] = journal.name_span
    if _names_the_journal(values["title"], journal.journal):
        notes.warn(
            "unreadable_value",
            f"The text where the title belongs, {quote(values['title'])}, holds the "
            "journal's name (a line about where the paper was published, not its title); "
            "the title was left empty.",
            spans["title"][0],
        )
        values["title"], spans["title"] = None, NO_SPAN
    locator = (journal.locator_line, journal.locator_line)
    for part in ("volume", "issue", "pages", "article_number"):
        spans[f"journal.{part}"] = locator
    dois = found.dois
    front = page.front
    if front is not None:
        journal = _with_front(journal, front)
        if front.doi is not None:
            dois = [(front.doi_line, front.doi), *dois]
        if not values["authors"] and front.authors:
            values["authors"] = front.authors
            spans["authors"] = front.authors_span
        values["pmid"], values["pmcid"] = front.ids.pmid, front.ids.pmcid
        values["published"] = front.published
    elif journal.published is not None:
        values["published"] = journal.published  # (OUCI's journal line gives a year)
        spans["published"] = journal.name_span
    doi = notes.pick("DOI", dois, None)
    spans["doi"] = (dois[0][0], dois[0][0]) if dois else NO_SPAN
    rating_sections = [s for s in page.sections if s.kind in RATING_BLOCK]
    rating = _take(read_rating(rating_sections, top.score, found.widgets, context), notes)
    paper = Paper(
        **values,
        journal=journal.journal,
        doi=doi,
        rating=rating.value,
        actions=tuple(dict.fromkeys(found.actions)),
        source=Source(
            context.layout.site if found.marker else None,
            context.format,
            _language(found.languages),
        ),
    )
    spans.update(_rating_spans(page, rating.span))
    return paper, spans


#: A journal name this short may be a word of a title (``Cell``, ``Nature``).
_MIN_JOURNAL_IN_TITLE: Final = 12


def _names_the_journal(title: str | None, journal: Journal | None) -> bool:
    """Whether *title* holds the journal's whole name (``Published in NATURE …``)."""
    name = journal.name if journal is not None else None
    return (
        title is not None
        and name is not None
        and len(name) >= _MIN_JOURNAL_IN_TITLE
        and name.casefold() in title.casefold()
    )


def _with_front(journal: JournalReading, front: Front) -> JournalReading:
    """The journal block, from the front matter's citation line if no section gives one."""
    if journal.journal is not None or front.journal is None:
        return journal
    line = front.journal_line
    return attrs.evolve(journal, journal=front.journal, name_span=(line, line), locator_line=line)


def _take(reading: Reading[Any], notes: Notes) -> Reading[Any]:
    """*reading*, its warnings added to *notes*."""
    notes.extend(reading.warnings)
    return reading


def _section_value(
    spec: FieldSpec, sections: list[Section], read: Any, context: Context, notes: Notes
) -> tuple[Any, Span]:
    """The value of *spec* read from *sections*, and its lines; empty if they disagree."""
    if any_suspect(sections, notes):
        return spec.empty, NO_SPAN
    found: list[tuple[int | None, Any]] = []
    spans: list[Span] = []
    for section in sections:
        reading = _take(read(section, context, spec.what), notes)
        if reading.value:
            found.append((section.line, reading.value))
            spans.append(reading.span)
    value = notes.pick(spec.what, found, spec.empty)
    return value, (spans[0] if found and value != spec.empty else NO_SPAN)


def _rating_spans(page: _Page, primary: Span) -> dict[str, Span]:
    """The lines of the rating's values: the header's or the primary rating's."""
    header = page.top.header_line
    rated = any(kind in page.groups for kind in ("reviews", "primary_rating"))
    score = primary if rated else (header, header)
    secondary = next((s.lines() for s in page.of("secondary_ratings") if s.blocks), [])
    second: Span = (secondary[0][0], secondary[-1][0]) if secondary else NO_SPAN
    return {
        "rating.score": score,
        "rating.count": primary,
        "rating.note": primary,
        "rating.secondary": second,
    }


def _language(seen: list[str]) -> str | None:
    """The interface language most of the page's labels, buttons and prompts are in."""
    if not seen:
        return None
    return max(dict.fromkeys(seen), key=seen.count)


# --- is it a paper page, and of this site? -------------------------------------------


def _check_page(paper: Paper, page: _Page, metadata: Metadata | None) -> None:
    """Raise :class:`UnrecognizedPage` unless *page* is a paper page (or its sub-page)."""
    if page.sub_page is None:
        _check_recognised(paper, page, metadata)
    elif paper.title is None or page.top.score is None:
        raise UnrecognizedPage(
            f"The input looks like a paper's {page.sub_page[3]} page, but it shows no page "
            "header (score and article type) and title above its list."
        )


def _has_rating_block(page: _Page) -> bool:
    return not page.groups.keys().isdisjoint(RATING_BLOCK)


def _check_recognised(paper: Paper, page: _Page, metadata: Metadata | None) -> None:
    """Raise :class:`UnrecognizedPage` unless the page shows enough parts of a paper page."""
    recognised = sum(
        (
            paper.article_type is not None or page.top.score is not None,
            paper.title is not None
            and ((metadata is not None and metadata.title is not None) or page.front is not None),
            paper.journal is not None,
            paper.publisher is not None,
            paper.doi is not None,
            bool(paper.keywords),
            bool(paper.funding),
            bool(paper.authors) or paper.author_claim is not None,
            _has_rating_block(page) or (paper.rating is not None and metadata is not None),
            bool(paper.actions),
            "recommended" in page.groups,
            any(s.line is not None for s in page.of("abstract")),
        )
    )
    if recognised < MIN_RECOGNISED:
        raise UnrecognizedPage(
            "The input does not look like a paper page: expected labelled sections such as "
            "'Journal', 'Publisher', 'DOI', 'Keywords' or 'Funding', but found "
            f"{'only one of them' if recognised else 'none of them'}."
        )


def _has_signature(paper: Paper, page: _Page, layout: Layout) -> bool:
    """Whether the page shows what only the layout's site shows (its signature).

    A marker line or its address, its buttons, the author-claim prompt, a full page
    header (a score and an article type) or a section only its pages have (Peeref: the
    rating block). Labels such as ``Journal`` or ``Authors`` alone are on every site's
    pages, laid out differently: reading another site's page with this layout would
    give plausible, wrong values.
    """
    return bool(
        page.found.marker
        or paper.actions
        or paper.author_claim is not None
        or (layout.page_header and paper.article_type is not None and page.top.score is not None)
        or not layout.signature_sections.isdisjoint(page.groups)
    )


def _metadata_only(paper: Paper, metadata: Metadata | None, notes: Notes) -> Paper:
    """The record of a page without the layout's signature: its metadata alone, if any."""
    if metadata is None or metadata.title is None or metadata.doi is None:
        raise UnrecognizedPage(
            "The input does not look like a paper page of a known site: it has labels "
            "such as 'Journal' or 'Authors', but none of the parts only a known site's "
            "own pages show (its address, its buttons, headings only it uses; "
            "docs/sites.md lists each site's signature)."
        )
    notes.clear()
    notes.warn(
        "metadata_only",
        "The page shows none of a known site's own parts (its buttons, headings or "
        "address), so its visible text was not read: the record holds what the page's "
        "embedded metadata states.",
        None,
    )
    return merge_metadata(Paper(source=paper.source), metadata, notes)


# --- a page cut short, characters lost in decoding -----------------------------------


def _drop_truncated(
    paper: Paper, found: Standalone, layout: Layout, notes: Notes, *, cut_off: bool
) -> Paper:
    """Empty the value that a cut-off page ends with: it may itself be cut."""
    role, line, section = found.last
    if role not in ("content", "doi", "locator") or section is None:
        return paper
    kind = section.kind
    if kind not in layout.never_last and not (cut_off and kind == "recommended"):
        return paper
    if role == "doi":
        field, changed = "DOI", attrs.evolve(paper, doi=None)
    elif role == "locator" and paper.journal is not None:
        field = "volume, issue and pages"
        changed = attrs.evolve(
            paper,
            journal=attrs.evolve(
                paper.journal, volume=None, issue=None, pages=None, article_number=None
            ),
        )
    else:
        field, changed = _drop_section_value(paper, section)
        if section.kind == "journal" and layout.journal_line is not None:
            # the issue and pages stand on the cut line too ("Name, 2018, p. 7569-75")
            field, changed = "journal line", attrs.evolve(paper, journal=None)
    dropped = f"; the {field} it ends with was left empty" if field else ""
    notes.warn(
        "truncated_page",
        f"The page ends inside the {name_of(section.kind)} section, so it looks cut off{dropped}.",
        line,
    )
    return changed


def _drop_section_value(paper: Paper, section: Section) -> tuple[str, Paper]:
    """Empty the values that a page cut off inside *section* may have cut.

    Returns what the warning calls them, and the record without them.
    """
    kind = section.kind
    if kind == "preamble":
        # The page ends in its header or title: either may be cut ("4.5 Editorial" of
        # "4.5 Editorial Material"), and the rating shown there with them.
        return "title and header", attrs.evolve(paper, title=None, article_type=None, rating=None)
    if kind in ("reviews", "primary_rating"):
        # the score, count and note of the primary rating stand in any order
        return "rating", paper if paper.rating is None else attrs.evolve(paper, rating=Rating())
    cut = [spec for spec in SPECS if spec.section == kind and spec.ends_section]
    for spec in cut:
        paper = with_value(paper, spec.name, spec.empty)
    return " and ".join(spec.what for spec in cut), paper


def with_value(paper: Paper, name: str, value: Any) -> Paper:
    """*paper* with the value *name* (dotted for a part of a block) set to *value*."""
    head, _, part = name.partition(".")
    if not part:
        return attrs.evolve(paper, **{head: value})
    block = getattr(paper, head)
    if block is None:  # no block: its parts are empty already
        return paper
    return attrs.evolve(paper, **{head: attrs.evolve(block, **{part: value})})


def _drop_damaged(paper: Paper, blocks: list[Block], notes: Notes) -> Paper:
    """Empty every value holding U+FFFD: a character the input lost (bad bytes)."""
    line = next((block.line for block in blocks if "\ufffd" in block.text), None)
    changes: dict[str, Any] = {}
    for field in attrs.fields(Paper):
        if field.name in ("source", "warnings"):
            continue
        value = getattr(paper, field.name)
        if "\ufffd" in repr(value):
            changes[field.name] = field.default
    if changes:
        notes.warn(
            "damaged_text",
            "The input holds characters that were lost in decoding (U+FFFD); "
            f"the {', '.join(changes)} holding them {'was' if len(changes) == 1 else 'were'} "
            "left empty.",
            line,
        )
    return attrs.evolve(paper, **changes)


# --- provenance -----------------------------------------------------------------------

#: Record fields that metadata can fill: field -> the (first) Metadata attribute.
_FROM_METADATA: Final = {spec.name: spec.metadata[0][0] for spec in SPECS if spec.metadata}
#: How each field's provenance names its reader.
_RULES: Final = {spec.name: spec.provenance_rule for spec in SPECS if spec.section is not None}
#: Each value field and its attribute names: ("journal.volume", "journal", "volume").
_PATHS: Final = tuple((field, *field.partition(".")[::2]) for field in VALUE_FIELDS)
#: Empty values of a field (``0`` is a value).
_EMPTY: Final = (None, (), "")


def _value_at(paper: Paper, head: str, part: str) -> object:
    """The value of field ``head.part`` (of field *head* when *part* is empty)."""
    value: object = getattr(paper, head)
    return getattr(value, part, None) if part else value


def _provenance(
    paper: Paper,
    visible: Paper,
    spans: dict[str, Span],
    page: _Page,
    metadata: Metadata | None,
) -> tuple[Provenance, ...]:
    """Where each non-empty value of *paper* came from (*visible*: before metadata).

    The lines are the ones the readers reported; a value the page header stated names
    the header, one that only the metadata stated names its source.
    """
    out: list[Provenance] = []
    header = page.top.header_line
    rated = "reviews" in page.groups or "primary_rating" in page.groups
    for field, head, part in _PATHS:
        if _value_at(paper, head, part) in _EMPTY:
            continue
        if metadata is not None and _value_at(visible, head, part) in _EMPTY:
            stated = getattr(metadata, _FROM_METADATA.get(field, ""), None)
            line = stated[0] if stated is not None else None
            out.append(Provenance(field, line, line, "metadata", _FROM_METADATA.get(field)))
            continue
        first, last = spans.get(field, NO_SPAN)
        if field == "title":
            out.append(Provenance(field, first, last, "preamble"))
        elif (field == "article_type" and "article_type" not in page.groups) or (
            field == "rating.score" and not rated
        ):
            out.append(Provenance(field, header, header, "header"))
        elif field == "doi":
            out.append(Provenance(field, first, last, "doi_line"))
        elif field.startswith("journal.") and field != "journal.name":
            out.append(Provenance(field, first, last, "locator"))
        elif field in _RULES:
            out.append(Provenance(field, first, last, _RULES[field]))
    return tuple(out)


def _warning_order(warning: ParseWarning) -> int:
    return warning.line if warning.line is not None else 0
