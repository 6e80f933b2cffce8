"""Normalised lines -> labelled sections -> one :class:`~paperparse.model.Paper`.

This is the one section parser; the text path and the HTML path both feed it lines.
It walks the lines once, assigning each to the section whose label came last, and
then hands each section's lines to the small field parsers in :mod:`.fields`.
Whatever cannot be placed becomes a :class:`~paperparse.model.ParseWarning`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

from . import vocab
from .errors import UnrecognizedPage
from .fields.doi import is_doi_label_line, parse_doi_line
from .fields.funding import parse_funding_entry, strip_marker
from .fields.journal import Locator, parse_locator
from .fields.lists import parse_author_line, parse_keywords
from .fields.rating import (
    looks_like_score,
    parse_count,
    parse_score,
    parse_score_and_count,
    parse_secondary_value,
    split_named,
)
from .model import (
    Author,
    AuthorClaim,
    Funding,
    Journal,
    Paper,
    ParseWarning,
    Rating,
    SecondaryRating,
    Source,
)
from .normalize import WRAPPED_LINE_MIN, Line, join_wrapped

T = TypeVar("T")

#: An unknown ``Label:`` line opens an unknown section only if it is this short.
MAX_LABEL_WORDS = 4
_SNIPPET = 60
_MARKDOWN = "#*_> "


@attrs.define
class Section:
    """The lines that follow one section label on the page."""

    kind: str
    line: int | None
    lines: list[Line] = attrs.Factory(list)


@attrs.define
class _State:
    warnings: list[ParseWarning] = attrs.Factory(list)

    def warn(self, code: str, message: str, line: int | None) -> None:
        self.warnings.append(ParseWarning(code, message, line))

    def unplaced(self, line: Line, where: str) -> None:
        number, text = line
        self.warn(
            "unplaced_text",
            f"The text {_quote(text)} {where} does not belong to any field; "
            "it was left out of the record.",
            number,
        )

    def pick(self, field: str, found: Sequence[tuple[int | None, T]], empty: T) -> T:
        """Return the value stated for *field*, or *empty* if the page disagrees."""
        values: list[T] = []
        for _, value in found:
            if value not in values:
                values.append(value)
        if not values:
            return empty
        if len(values) > 1:
            line = next(number for number, value in found if value != values[0])
            self.warn(
                "conflicting_values",
                f"The page gives the {field} more than once with different values; "
                f"the {field} was left empty.",
                line,
            )
            return empty
        return values[0]


def _quote(text: str) -> str:
    if len(text) > _SNIPPET:
        text = text[: _SNIPPET - 1] + "\u2026"
    return repr(text)


def _label_key(text: str) -> str:
    """The folded form of a line that may be a label (markdown emphasis removed)."""
    return vocab.fold(text.strip(_MARKDOWN))


def _is_chrome(key: str) -> bool:
    if key in vocab.CHROME_LINES or key.startswith(vocab.CHROME_PREFIXES):
        return True
    for separator in ("|", "·", "/", "\u203a", "\u00bb"):
        if separator in key:
            parts = [p.strip() for p in key.split(separator)]
            return all(p in vocab.NAV_WORDS or p in vocab.CHROME_LINES for p in parts if p)
    return False


def split_sections(lines: Sequence[Line], state: _State) -> tuple[list[Section], Extracted]:
    """Assign every line to a section, and pull out lines that stand for themselves."""
    found = Extracted()
    sections = [Section("preamble", None)]
    current = sections[0]
    for number, text in lines:
        key = _label_key(text)
        if key in vocab.PEEREF_MARKERS or "peeref.com" in key:
            found.peeref = True
        kind = vocab.SECTION_LABELS.get(key)
        if kind is not None and kind != "doi":
            current = Section(kind, number)
            sections.append(current)
            continue
        head, colon, rest = text.partition(":")
        if colon and rest.strip():
            inline = vocab.SECTION_LABELS.get(_label_key(head))
            if inline is not None and inline != "doi":
                current = Section(inline, number, [(number, rest.strip(_MARKDOWN))])
                sections.append(current)
                continue
        if key in vocab.OTHER_SECTIONS or (
            text.endswith(":")
            and current.kind != "abstract"
            and len(key.split()) <= MAX_LABEL_WORDS
            and key not in vocab.ACTIONS
        ):
            current = Section("other", number)
            sections.append(current)
            state.warn(
                "unknown_section",
                f"The section {_quote(text.rstrip(':'))} is not part of the record; "
                "its content was skipped.",
                number,
            )
            continue
        if key in vocab.ACTIONS:
            found.actions.append(vocab.ACTIONS[key])
            if key == vocab.ABSTRACT_FOLLOWS:
                current = Section("abstract", None)
                sections.append(current)
            elif key == vocab.RATING_ENDS:
                current = Section("after_rating", None)
                sections.append(current)
            continue
        if _is_chrome(key):
            continue
        if current.kind != "abstract":
            if (doi := parse_doi_line(text)) is not None:
                found.dois.append((number, doi))
                continue
            if is_doi_label_line(text):
                continue
            if (locator := parse_locator(text)) is not None:
                found.locators.append((number, locator))
                continue
        current.lines.append((number, text))
    return sections, found


@attrs.define
class Extracted:
    """Lines that are recognised wherever they stand."""

    dois: list[tuple[int | None, str]] = attrs.Factory(list)
    locators: list[tuple[int | None, Locator]] = attrs.Factory(list)
    actions: list[str] = attrs.Factory(list)
    peeref: bool = False


# --- the preamble: header and title ---------------------------------------------


def _parse_header(text: str) -> tuple[float | None, str | None] | None:
    """Read a header line: ``4.7 Review``, ``4.7``, or ``Review``."""
    key = vocab.fold(text)
    if key in vocab.ARTICLE_TYPES:
        return None, vocab.ARTICLE_TYPES[key]
    if looks_like_score(text):
        return parse_score(text), None
    first, _, rest = text.partition(" ")
    if looks_like_score(first) and vocab.fold(rest) in vocab.ARTICLE_TYPES:
        return parse_score(first), vocab.ARTICLE_TYPES[vocab.fold(rest)]
    return None


def _is_paragraph(lines: Sequence[Line]) -> bool:
    """Whether *lines* read as one hard-wrapped paragraph."""
    return all(len(text) >= WRAPPED_LINE_MIN for _, text in lines[:-1])


def _preamble(
    lines: list[Line], state: _State
) -> tuple[str | None, str | None, tuple[int, float | None] | None]:
    """Return (title, article_type, (line, header score)) from the top of the page."""
    start = next((i for i, (_, t) in enumerate(lines) if _parse_header(t) is not None), None)
    article_type: str | None = None
    score: tuple[int, float | None] | None = None
    rest = lines
    if start is not None:
        for line in lines[:start]:
            state.unplaced(line, "above the page header")
        index = start
        while index < len(lines) and (header := _parse_header(lines[index][1])) is not None:
            value, kind = header
            if kind is not None:
                if article_type is not None:
                    break
                article_type = kind
            if value is not None or looks_like_score(lines[index][1].partition(" ")[0]):
                if score is not None:
                    break
                score = (lines[index][0], value)
            index += 1
        rest = lines[index:]
    if not rest:
        return None, article_type, score
    if len(rest) == 1 or _is_paragraph(rest):
        return join_wrapped([t for _, t in rest]), article_type, score
    state.warn(
        "ambiguous_title",
        f"{len(rest)} lines stand where the title belongs and the layout does not say "
        f"which is the title: {', '.join(_quote(t) for _, t in rest)}.",
        rest[0][0],
    )
    return None, article_type, score


# --- one parser per section kind --------------------------------------------------


def _first_line_only(section: Section, state: _State, what: str) -> str | None:
    if not section.lines:
        return None
    for line in section.lines[1:]:
        state.unplaced(line, f"after the {what}")
    return section.lines[0][1]


def _funding(section: Section) -> tuple[Funding, ...]:
    entries: list[list[str]] = []
    marked = False
    for _, text in section.lines:
        has_marker, body = strip_marker(text)
        if has_marker or not marked or not entries:
            entries.append([body])
            marked = marked or has_marker
        else:
            entries[-1].append(body)
    return tuple(parse_funding_entry(join_wrapped(parts)) for parts in entries)


def _authors(
    sections: list[Section], state: _State
) -> tuple[tuple[Author, ...], AuthorClaim | None]:
    names: list[tuple[int | None, tuple[Author, ...]]] = []
    prompt: str | None = None
    action: str | None = None
    for section in sections:
        these: list[Author] = []
        for _, text in section.lines:
            claim_line = vocab.CLAIM_LINES.get(vocab.fold(text).rstrip(".").rstrip())
            if claim_line is not None:
                slot, canonical = claim_line
                if slot == "prompt":
                    prompt = canonical
                else:
                    action = canonical
                continue
            these.extend(Author(name) for name in parse_author_line(text))
        names.append((section.line, tuple(these)))
    authors = state.pick("author list", [n for n in names if n[1]], ())
    claim = AuthorClaim(prompt, action) if prompt or action else None
    return authors, claim


def _primary(
    lines: list[Line], state: _State
) -> tuple[list[tuple[int | None, float | None]], list[tuple[int | None, int]], str | None]:
    scores: list[tuple[int | None, float | None]] = []
    counts: list[tuple[int | None, int]] = []
    note: str | None = None
    for number, text in lines:
        both = parse_score_and_count(text)
        if both is not None:
            scores.append((number, both[0]))
            counts.append((number, both[1]))
        elif looks_like_score(text):
            value = parse_score(text)
            if value is None:
                state.warn(
                    "unreadable_value",
                    f"The rating {_quote(text)} is not a score out of 5; the score is null.",
                    number,
                )
            scores.append((number, value))
        elif (count := parse_count(text)) is not None:
            counts.append((number, count))
        elif note is None:
            note = text
        else:
            state.unplaced((number, text), "in the rating block")
    return scores, counts, note


def _secondary(lines: list[Line], state: _State) -> tuple[SecondaryRating, ...]:
    out: list[SecondaryRating] = []
    pending: Line | None = None

    def flush_pending() -> None:
        if pending is not None:
            state.warn(
                "unreadable_value",
                f"The secondary rating {_quote(pending[1])} has no score; its score is null.",
                pending[0],
            )
            out.append(SecondaryRating(pending[1], None))

    for number, text in lines:
        is_value, value = parse_secondary_value(text)
        if is_value:
            if pending is None:
                state.unplaced((number, text), "in the secondary ratings (a score without a name)")
                continue
            out.append(SecondaryRating(pending[1], value))
            pending = None
            continue
        named = split_named(text)
        if named is not None:
            flush_pending()
            pending = None
            out.append(SecondaryRating(named[0], parse_secondary_value(named[1])[1]))
            continue
        flush_pending()
        pending = (number, text)
    flush_pending()
    return tuple(out)


def _recommended(section: Section) -> tuple[str, ...]:
    titles: list[str] = []
    for _, text in section.lines:
        body = strip_marker(text)[1]
        if vocab.fold(body).rstrip(".") in vocab.EMPTY_MARKERS:
            continue
        titles.append(body)
    return tuple(titles)


# --- the whole page ----------------------------------------------------------------


def _by_kind(sections: list[Section], kind: str) -> list[Section]:
    return [s for s in sections if s.kind == kind]


def _each(
    sections: list[Section], kind: str, read: Callable[[Section], T]
) -> list[tuple[int | None, T]]:
    return [(s.line, read(s)) for s in _by_kind(sections, kind)]


def build_paper(lines: Sequence[Line], *, source_format: str) -> Paper:
    """Parse normalised *lines* into a :class:`Paper` (warnings included)."""
    state = _State()
    sections, found = split_sections(lines, state)

    title, article_type, header_score = _preamble(sections[0].lines, state)

    # Journal: name from the section, locator from wherever it stands.
    names = [
        (s.line, name)
        for s in _by_kind(sections, "journal")
        if (name := _first_line_only(s, state, "journal name")) is not None
    ]
    name = state.pick("journal name", names, None)
    locator = state.pick("volume, issue and pages", found.locators, None)
    journal = None
    if names or found.locators:
        loc = locator or Locator()
        journal = Journal(name, loc.volume, loc.issue, loc.pages, loc.article_number)

    publishers = [
        (s.line, p)
        for s in _by_kind(sections, "publisher")
        if (p := _first_line_only(s, state, "publisher")) is not None
    ]
    publisher = state.pick("publisher", publishers, None)
    doi = state.pick("DOI", found.dois, None)

    keywords = state.pick(
        "keyword list",
        [
            k
            for k in _each(sections, "keywords", lambda s: parse_keywords([t for _, t in s.lines]))
            if k[1]
        ],
        (),
    )
    funding = state.pick(
        "funding list", [f for f in _each(sections, "funding", _funding) if f[1]], ()
    )
    abstracts = [
        (s.line if s.line is not None else s.lines[0][0], join_wrapped([t for _, t in s.lines]))
        for s in _by_kind(sections, "abstract")
        if s.lines
    ]
    abstract = state.pick("abstract", abstracts, None)
    authors, claim = _authors(_by_kind(sections, "authors"), state)

    primary_lines = [
        line for s in sections if s.kind in ("reviews", "primary_rating") for line in s.lines
    ]
    scores, counts, note = _primary(primary_lines, state)
    if header_score is not None and header_score[1] is not None:
        scores.insert(0, header_score)
    secondary = state.pick(
        "secondary ratings",
        [
            r
            for r in _each(sections, "secondary_ratings", lambda s: _secondary(s.lines, state))
            if r[1]
        ],
        (),
    )
    rating = None
    has_rating_block = any(
        s.kind in ("reviews", "primary_rating", "secondary_ratings") for s in sections
    )
    if has_rating_block or header_score is not None:
        rating = Rating(
            score=state.pick("rating score", [s for s in scores if s[1] is not None], None),
            count=state.pick("number of ratings", counts, None),
            note=note,
            secondary=secondary,
        )

    recommended = state.pick(
        "recommended list", [r for r in _each(sections, "recommended", _recommended) if r[1]], ()
    )

    for section in sections:
        if section.kind == "after_rating":
            for line in section.lines:
                state.unplaced(line, "after the rating block")

    recognised = sum(
        (
            article_type is not None or header_score is not None,
            journal is not None,
            publisher is not None,
            doi is not None,
            bool(keywords),
            bool(funding),
            bool(authors) or claim is not None,
            rating is not None,
            bool(found.actions),
            any(s.kind == "recommended" for s in sections),
            any(s.kind == "abstract" and s.line is not None for s in sections),
        )
    )
    if recognised < MIN_RECOGNISED:
        raise UnrecognizedPage(
            "The input does not look like a paper page: expected labelled sections such as "
            "'Journal', 'Publisher', 'DOI', 'Keywords' or 'Funding', but found "
            f"{'only one of them' if recognised else 'none of them'}."
        )

    return Paper(
        title=title,
        article_type=article_type,
        journal=journal,
        publisher=publisher,
        doi=doi,
        keywords=keywords,
        funding=funding,
        abstract=abstract,
        authors=authors,
        author_claim=claim,
        rating=rating,
        actions=tuple(dict.fromkeys(found.actions)),
        recommended=recommended,
        source=Source(
            "peeref" if found.peeref else None, "html" if source_format == "html" else "text"
        ),
        warnings=tuple(sorted(state.warnings, key=_warning_order)),
    )


#: A page must show at least this many of the known parts to count as a paper page.
MIN_RECOGNISED = 2


def _warning_order(warning: ParseWarning) -> int:
    return warning.line if warning.line is not None else 0
