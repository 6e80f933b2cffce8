"""Normalised lines -> labelled sections -> one :class:`~paperparse.model.Paper`.

This is the one section parser; the text path and the HTML path both feed it lines.
It walks the lines once, assigning each to the section whose label came last, and
then hands each section's lines to the small field parsers in :mod:`.fields`.
Whatever cannot be placed becomes a :class:`~paperparse.model.ParseWarning`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

import attrs

from . import vocab
from .errors import UnrecognizedPage
from .fields.doi import is_doi_label_line, parse_doi_line
from .fields.funding import is_bare_marker, parse_funding_entry, strip_marker
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
from .metadata import Metadata
from .model import (
    Author,
    AuthorClaim,
    Funding,
    Journal,
    PageRange,
    Paper,
    ParseWarning,
    Rating,
    SecondaryRating,
    Source,
)
from .normalize import WIDGET, WRAPPED_LINE_MIN, Line, join_wrapped

T = TypeVar("T")

#: An unknown ``Label:`` line opens an unknown section only if it is this short.
MAX_LABEL_WORDS = 4
_SNIPPET = 60
_MARKDOWN = "#*_> "
_RATING_KINDS = frozenset({"reviews", "primary_rating"})


@attrs.define
class Section:
    """The lines that follow one section label on the page."""

    kind: str
    #: The line of the section's label; ``None`` for a section that has no label
    #: (the preamble, the abstract after its button, the text after the rating).
    line: int | None
    lines: list[Line] = attrs.Factory(list)
    #: Where the section starts: its label, or the button that opened it.
    start: int | None = None
    #: The label as written, for a section that is not part of the record.
    label: str = ""


@attrs.define
class _State:
    warnings: list[ParseWarning] = attrs.Factory(list)

    def warn(self, code: str, message: str, line: int | None) -> None:
        # Line 0 stands for "unknown" (a page read without source positions).
        self.warnings.append(ParseWarning(code, message, line or None))

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


@functools.lru_cache(maxsize=4096)
def _label_key(text: str) -> str:
    """The folded form of a line that may be a label (markdown emphasis removed)."""
    return vocab.fold(text.strip(_MARKDOWN))


#: The longest line that can be a label, button or chrome word (with decoration).
_MAX_LABEL_LINE = 48
#: First characters of a DOI line (``DOI:``, ``doi:``, ``https://doi.org``, ``(doi``,
#: a bare ``10.``), and the first word of a locator line (``Volume``, ``Vol.``,
#: ``Issue``, ``Pages``, ``pp.``, ``Article Number``, ``No.``): cheap tests that spare
#: most lines the full parsers.
_DOI_STARTS = frozenset("dDhH([<1")
#: Sections where a locator line stands (a wrapped "grant number 12" is no locator).
_LOCATOR_KINDS = frozenset({"preamble", "journal", "publisher"})
_LOCATOR_HINT = re.compile(r"vol|issue|pages?\b|pp\b|p\.|article|art\.|no\.|number|e-?loc", re.I)


_COPYRIGHT = ("\u00a9", "(c) ", "copyright ")


#: The first characters of the chrome prefixes (folded).
_CHROME_FIRST = frozenset(prefix[0] for prefix in vocab.CHROME_PREFIXES)


def _is_chrome_prefix(text: str, kind: str) -> bool:
    """Whether a long line is chrome: a cookie banner or a copyright line.

    In the abstract, a copyright line is the abstract's own last sentence (Web of
    Science abstracts end with one), so there only cookie banners are chrome.
    """
    if text[0].casefold()[0] not in _CHROME_FIRST:
        return False  # one character folded instead of forty
    head = text[:40].casefold()
    if kind == "abstract" and head.startswith(_COPYRIGHT):
        return False
    return head.startswith(vocab.CHROME_PREFIXES)


#: A button's text may be preceded by the text of its icon (``Question``, ``Star``).
_MAX_ICON_WORDS = 2


def _button(key: str) -> str | None:
    """The action a line names after at most two words of icon text, if any."""
    for action in vocab.ACTIONS:
        if key.endswith(action):
            prefix = key[: -len(action)]
            if not prefix or (prefix.endswith(" ") and len(prefix.split()) <= _MAX_ICON_WORDS):
                return action
    return None


@functools.lru_cache(maxsize=4096)
def _is_chrome(key: str) -> bool:
    if key in vocab.CHROME_LINES or key.startswith(vocab.CHROME_PREFIXES):
        return True
    for separator in ("|", "·", "/", "\u203a", "\u00bb", "\u2022"):
        if separator in key:
            parts = [p.strip() for p in key.split(separator) if p.strip()]
            return bool(parts) and all(
                p in vocab.NAV_WORDS or p in vocab.CHROME_LINES for p in parts
            )
    return _only_chrome_words(key.split())


_CHROME_ITEMS = vocab.CHROME_LINES | vocab.NAV_WORDS


_LABEL_FIRST_WORDS = frozenset(label.split()[0] for label in vocab.SECTION_LABELS)


def _label_and_typed_value(text: str) -> tuple[str, str] | None:
    """Split ``Label value`` when the value is of the label's type (a score, ``-``...)."""
    words = text.split(" ", 3)
    if words[0].casefold() not in _LABEL_FIRST_WORDS:
        return None
    for size in (1, 2):
        kind = vocab.SECTION_LABELS.get(vocab.fold(" ".join(words[:size])))
        rest = " ".join(words[size:])
        if kind is None or not rest:
            continue
        if kind in _RATING_KINDS and (looks_like_score(rest) or parse_count(rest) is not None):
            return kind, rest
        if kind == "recommended" and vocab.fold(rest).rstrip(".") in vocab.EMPTY_MARKERS:
            return kind, rest
    return None


def _only_chrome_words(words: list[str]) -> bool:
    """Whether *words* are two or more chrome items in a row (``Home Papers Log in``).

    Dump tools write a navigation bar or a footer of links as one line of words.
    """
    if len(words) < 2:  # a single word is checked as a whole line
        return False
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            if " ".join(words[index : index + size]) in _CHROME_ITEMS:
                index += size
                break
        else:
            return False
    return True


#: What a line is, whatever section it stands in (see :func:`_short_role`).
_OPENS, _INLINE, _TYPED, _OTHER, _OTHER_IF_COLON, _ACTION, _CHROME, _VALUE = range(8)


def _inline_label(text: str) -> tuple[str, str] | None:
    """Split ``Label: value`` or ``Label | value`` (a Markdown table row): kind, value."""
    colon = text.find(":", 0, _MAX_LABEL_LINE)
    width = 1
    if colon < 0 and (colon := text.find(" | ", 0, _MAX_LABEL_LINE)) > 0:
        width = 3  # a Markdown table row: "Primary Rating | 4.7"
    if colon > 0 and (rest := text[colon + width :].strip()):
        inline = vocab.SECTION_LABELS.get(_label_key(text[:colon]))
        if inline is not None and inline != "doi" and (rest := rest.strip(" |")):
            return inline, rest
    return None


def _plain_role(key: str) -> tuple[int, str]:
    """The role of a short line that is no label: a button, chrome, or a value."""
    if key and key not in vocab.ACTIONS and (action := _button(key)) is not None:
        key = action  # a button whose icon has a text label: "Question Ask authors/..."
    if key in vocab.ACTIONS:
        return _ACTION, key
    if key and _is_chrome(key):
        return _CHROME, ""
    return _VALUE, ""


@functools.lru_cache(maxsize=8192)
def _short_role(text: str) -> tuple[int, str, bool, bool]:
    r"""Classify a short line (a label, a button, chrome ...) by its text alone.

    Returns ``(role, value, is_page_header, names_peeref)``. *value* is the section
    kind for ``_OPENS``; ``kind + "\n" + value`` for ``_INLINE`` and ``_TYPED``; the
    label as written for ``_OTHER`` and ``_OTHER_IF_COLON`` (an unknown ``Label:``,
    a section except inside an abstract); the action's key for ``_ACTION``. Labels,
    buttons and chrome repeat on every page, so the answer is cached.
    """
    header = text[0].isdigit() and _is_page_header(text)
    key = _label_key(text)
    peeref = key in vocab.PEEREF_MARKERS or "peeref.com" in text.casefold()
    kind = vocab.SECTION_LABELS.get(key) if key else None
    if kind is not None and kind != "doi":
        return _OPENS, kind, header, peeref
    if (inline := _inline_label(text)) is not None:
        return _INLINE, "\n".join(inline), header, peeref
    if key and (typed := _label_and_typed_value(text)) is not None:
        # "Primary Rating 4.4", "Recommended No Data Available": a table row that a
        # dump tool wrote with one space (lynx); the value's type vouches for it.
        return _TYPED, "\n".join(typed), header, peeref
    if key in vocab.OTHER_SECTIONS:
        return _OTHER, text.rstrip(":"), header, peeref
    if (
        key
        and text.endswith(":")
        and len(key.split()) <= MAX_LABEL_WORDS
        and key not in vocab.ACTIONS
        and key not in vocab.SECTION_LABELS
    ):
        return _OTHER_IF_COLON, text.rstrip(":"), header, peeref
    return (*_plain_role(key), header, peeref)


def split_sections(lines: Sequence[Line], state: _State) -> tuple[list[Section], Extracted]:
    """Assign every line to a section, and pull out lines that stand for themselves."""
    found = Extracted()
    sections = [Section("preamble", None)]
    current = sections[0]
    # What the last line was (see Extracted.last), kept in locals on the hot path.
    last_role: str = "label"
    last_line: int | None = None
    last_section: Section | None = None

    for number, text in lines:
        if text[0] == WIDGET:
            # A rating widget counts where it stands: in the rating block, not in a
            # recommended paper's card or anywhere else.
            if current.kind in _RATING_KINDS:
                found.widgets.append((number, text[1:]))
            last_role, last_line, last_section = "widget", number, current
            continue
        if len(text) <= _MAX_LABEL_LINE:
            # Labels, buttons and chrome are short: their role is looked up once.
            role, value, header, peeref = _short_role(text)
            if header and current.kind != "preamble":
                state.warn(
                    "multiple_pages",
                    f"A second page header {_quote(text)} starts here: the input holds "
                    "more than one page. Only the first page was read.",
                    number,
                )
                break
            if role == _OTHER_IF_COLON:
                if current.kind == "abstract":
                    role, value = _plain_role(_label_key(text))
                else:
                    role = _OTHER
        else:
            peeref = "eeref" in text and "peeref.com" in text.casefold()
            if (inline := _inline_label(text)) is not None:
                role, value = _INLINE, "\n".join(inline)
            elif _is_chrome_prefix(text, current.kind):
                role, value = _CHROME, ""
            else:
                role, value = _VALUE, ""
        if peeref:
            found.peeref = True
        # Unless the line turns out to be a value, it counts as a label of *current*.
        last_role, last_line, last_section = "label", number, current
        if role == _OPENS:
            current = Section(value, number)
            sections.append(current)
            continue
        if role == _INLINE:
            kind, _, text = value.partition("\n")
            current = Section(kind, number)
            sections.append(current)
            # and on to the value: "Publisher: DOI: 10.…" holds a DOI, not a publisher
        elif role == _TYPED:
            kind, _, value = value.partition("\n")
            current = Section(kind, number, [(number, value)])
            sections.append(current)
            last_role, last_section = "content", current
            continue
        elif role == _OTHER:
            current = Section("other", number, label=value)
            sections.append(current)
            continue
        elif role == _ACTION:
            last_role = "action"
            found.actions.append(vocab.ACTIONS[value])
            if value == vocab.ABSTRACT_FOLLOWS:
                current = Section("abstract", None, start=number)
                sections.append(current)
            elif value == vocab.RATING_ENDS:
                current = Section("after_rating", None, start=number)
                sections.append(current)
            continue
        elif role == _CHROME:
            last_role = "chrome"
            continue
        # A value: a DOI, a locator, or a line of the current section.
        kind = current.kind
        if kind != "abstract":
            first = text[0]
            if first in _DOI_STARTS and (doi := parse_doi_line(text)) is not None:
                found.dois.append((number, doi))
                last_role, last_section = "doi", current
                continue
            if first in "dD" and is_doi_label_line(text):
                continue
            if (
                kind in _LOCATOR_KINDS
                and _LOCATOR_HINT.match(text)
                and (locator := parse_locator(text)) is not None
            ):
                found.locators.append((number, locator))
                last_role, last_section = "locator", current
                continue
        current.lines.append((number, text))
        last_role, last_section = "content", current
    found.last = (last_role, last_line, last_section)
    for section in sections:
        if section.kind == "other" and not _is_link_list(section):
            state.warn(
                "unknown_section",
                f"The section {_quote(section.label)} is not part of the record; "
                "its content was skipped.",
                section.line,
            )
    return sections, found


#: The list of link addresses that lynx and w3m write at the end of a dump.
_LINK_LISTS = frozenset({"references", "visible links", "hidden links"})


def _is_link_list(section: Section) -> bool:
    return vocab.fold(section.label) in _LINK_LISTS and all(
        "://" in text or text.startswith(("/", "#")) for _, text in section.lines
    )


@attrs.define
class Extracted:
    """Lines that are recognised wherever they stand."""

    dois: list[tuple[int | None, str]] = attrs.Factory(list)
    locators: list[tuple[int | None, Locator]] = attrs.Factory(list)
    actions: list[str] = attrs.Factory(list)
    widgets: list[tuple[int | None, str]] = attrs.Factory(list)
    peeref: bool = False
    #: What the last line of the page was: ``(role, line, section)``, where role is
    #: one of content, doi, locator, label, action, chrome, widget.
    last: tuple[str, int | None, Section | None] = ("label", None, None)


# --- the preamble: header and title ---------------------------------------------


def _parse_header(text: str) -> tuple[float | None, str | None] | None:
    """Read a header line: ``4.7 Review``, ``4.7``, or ``Review``."""
    return None if len(text) > _MAX_LABEL_LINE else _read_header(text)


@functools.lru_cache(maxsize=1024)
def _read_header(text: str) -> tuple[float | None, str | None] | None:
    key = vocab.fold(text)
    if key in vocab.ARTICLE_TYPES:
        return None, vocab.ARTICLE_TYPES[key]
    if looks_like_score(text):
        return parse_score(text), None
    first, _, rest = text.partition(" ")
    if looks_like_score(first) and vocab.fold(rest) in vocab.ARTICLE_TYPES:
        return parse_score(first), vocab.ARTICLE_TYPES[vocab.fold(rest)]
    return None


def _is_page_header(text: str) -> bool:
    """Whether *text* is a full page header: a score and an article type (``4.7 Review``)."""
    header = _parse_header(text)
    return header is not None and header[0] is not None and header[1] is not None


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


#: A funding entry is a funder and its grants: longer than this, an entry that took
#: in unmarked lines as its continuation has taken in something else (an abstract).
MAX_FUNDING_ENTRY = 300


_TRAILING_WORDS = (" of", " and", " for", " the", " in", " on", " to", " &")


def _goes_on(parts: list[str], following: str) -> bool:
    """Whether an unmarked list item wrapped onto *following*, the next line.

    The signs of a wrapped line: an unclosed ``[`` or ``(``, a line ending on a comma,
    semicolon or a word that cannot end a name (``of``, ``and`` ...), or a next line
    that starts with the grant bracket or a lower-case letter.
    """
    text = " ".join(parts)
    return (
        text.count("[") > text.count("]")
        or text.count("(") > text.count(")")
        or text.endswith((",", ";", "-", "/"))
        or text.casefold().endswith(_TRAILING_WORDS)
        or following.startswith(("[", "("))
        or following[:1].islower()
    )


def _funding(section: Section, state: _State) -> tuple[Funding, ...]:
    entries: list[list[str]] = []
    marked = False
    stopped = False
    for number, text in section.lines:
        has_marker, body = strip_marker(text)
        if stopped:
            state.unplaced((number, text), "after the funding list")
        elif has_marker or not entries or (not marked and not _goes_on(entries[-1], body)):
            entries.append([body])
            marked = marked or has_marker
        elif sum(map(len, entries[-1])) + len(body) <= MAX_FUNDING_ENTRY:
            entries[-1].append(body)  # a wrapped line of a marked list item
        else:
            stopped = True
            state.unplaced((number, text), "after the funding list")
    return tuple(parse_funding_entry(join_wrapped(parts)) for parts in entries)


#: The first characters of the author-claim lines (folded).
_CLAIM_FIRST = frozenset(line[0] for line in vocab.CLAIM_LINES)


def _authors(
    sections: list[Section], state: _State
) -> tuple[tuple[Author, ...], AuthorClaim | None]:
    names: list[tuple[int | None, tuple[Author, ...]]] = []
    prompt: str | None = None
    action: str | None = None
    for section in sections:
        these: list[Author] = []
        for _, text in section.lines:
            # Most lines are names: one folded character rules the claim lines out.
            first = text.lstrip()[:1].casefold()[:1]
            claim_line = (
                vocab.CLAIM_LINES.get(vocab.fold(text).rstrip(".").rstrip())
                if first in _CLAIM_FIRST
                else None
            )
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
        elif note is None and _is_note(text):
            note = text
        else:
            state.unplaced((number, text), "in the rating block")
    return scores, counts, note


_NOT_IN_A_NOTE = ("rating", "reviews", "rate this paper", "novelty", "significance")


def _is_note(text: str) -> bool:
    """Whether *text* can be the rating's note (``Not enough ratings``).

    A note is words, not a score, and names no part of the rating block: a line such
    as ``Primary Rating4.7Not enough ratings`` is a dump that glued lines together.
    """
    key = vocab.fold(text)
    return (
        not text[0].isdigit()
        and not key.startswith(_NOT_IN_A_NOTE)
        and not any(word in key for word in ("primary rating", "secondary rating", "|"))
    )


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


#: The words of the layout that can follow a recommended title on a page.
_PHRASES = tuple(
    {*vocab.EMPTY_MARKERS, *vocab.SECTION_LABELS, *vocab.ACTIONS, *vocab.OTHER_SECTIONS}
)


#: Every proper start of a layout phrase: a line that is one was cut inside the phrase.
_PHRASE_STARTS = frozenset(phrase[:end] for phrase in _PHRASES for end in range(len(phrase)))


def _cut_marker(key: str) -> bool:
    """Whether *key* is the start of a layout phrase (``No Data Av``, ``Rev``).

    Such a line is a dump cut inside ``No Data Available`` or a label, never a title.
    """
    return key in _PHRASE_STARTS


#: The longest placeholder or cut phrase: a longer (cleaned) line is neither, since
#: folding never shortens a line except by the trailing ":. " that it strips.
_MAX_PLACEHOLDER = max(map(len, vocab.EMPTY_MARKERS | _PHRASE_STARTS))


def _recommended(section: Section) -> tuple[str, ...]:
    titles: list[str] = []
    for _, text in section.lines:
        body = strip_marker(text)[1]
        if len(body.rstrip(":. ")) <= _MAX_PLACEHOLDER:
            key = vocab.fold(body).rstrip(".")
            if key in vocab.EMPTY_MARKERS or _cut_marker(key) or is_bare_marker(body):
                continue  # a placeholder, a cut label, or a list marker without its item
        titles.append(body)
    return tuple(titles)


# --- the whole page ----------------------------------------------------------------


def _group(sections: list[Section]) -> dict[str, list[Section]]:
    """The sections of each kind, in page order."""
    groups: dict[str, list[Section]] = {}
    for section in sections:
        groups.setdefault(section.kind, []).append(section)
    return groups


def _each(sections: list[Section], read: Callable[[Section], T]) -> list[tuple[int | None, T]]:
    return [(s.line, read(s)) for s in sections]


def build_paper(
    lines: Sequence[Line],
    *,
    source_format: str,
    metadata: Metadata | None = None,
    cut_off: bool = False,
) -> Paper:
    """Parse normalised *lines* into a :class:`Paper` (warnings included).

    *metadata* (from an HTML page) fills the fields the visible lines lack. *cut_off*
    says the input is known to be cut short (an HTML page without its closing tags),
    so even the page's last section may end in a cut value.
    """
    state = _State()
    sections, found = split_sections(lines, state)

    title, article_type, header_score = _preamble(sections[0].lines, state)
    groups = _group(sections)
    none: list[Section] = []

    # Journal: name from the section, locator from wherever it stands.
    names = [
        (s.line, name)
        for s in groups.get("journal", none)
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
        for s in groups.get("publisher", none)
        if (p := _first_line_only(s, state, "publisher")) is not None
    ]
    publisher = state.pick("publisher", publishers, None)
    doi = state.pick("DOI", found.dois, None)

    keywords = state.pick(
        "keyword list",
        [
            k
            for k in _each(
                groups.get("keywords", none), lambda s: parse_keywords([t for _, t in s.lines])
            )
            if k[1]
        ],
        (),
    )
    funding = state.pick(
        "funding list",
        [f for f in _each(groups.get("funding", none), lambda s: _funding(s, state)) if f[1]],
        (),
    )
    abstracts = [
        (s.line if s.line is not None else s.lines[0][0], join_wrapped([t for _, t in s.lines]))
        for s in groups.get("abstract", none)
        if s.lines
    ]
    abstract = state.pick("abstract", abstracts, None)
    authors, claim = _authors(groups.get("authors", none), state)

    primary_lines = [line for s in sections if s.kind in _RATING_KINDS for line in s.lines]
    scores, counts, note = _primary(primary_lines, state)
    if header_score is not None and header_score[1] is not None:
        scores.insert(0, header_score)
    scores = [s for s in scores if s[1] is not None]
    if not scores or not counts:
        widget_scores, widget_counts = _widgets(found.widgets, state)
        scores = scores or widget_scores
        counts = counts or widget_counts
    secondary = state.pick(
        "secondary ratings",
        [
            r
            for r in _each(
                groups.get("secondary_ratings", none), lambda s: _secondary(s.lines, state)
            )
            if r[1]
        ],
        (),
    )
    rating = None
    has_rating_block = not groups.keys().isdisjoint(
        ("reviews", "primary_rating", "secondary_ratings")
    )
    if has_rating_block or header_score is not None:
        rating = Rating(
            score=state.pick("rating score", scores, None),
            count=state.pick("number of ratings", counts, None),
            note=note,
            secondary=secondary,
        )

    recommended = state.pick(
        "recommended list",
        [r for r in _each(groups.get("recommended", none), _recommended) if r[1]],
        (),
    )

    for section in groups.get("after_rating", none):
        for line in section.lines:
            state.unplaced(line, "after the rating block")

    paper = Paper(
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
    )
    paper = _drop_truncated(paper, found, state, cut_off=cut_off)
    if metadata is not None:
        paper = merge_metadata(paper, metadata, state)
    if any("\ufffd" in text for _, text in lines):
        paper = _drop_damaged(paper, lines, state)

    recognised = sum(
        (
            paper.article_type is not None or header_score is not None,
            paper.title is not None and metadata is not None and metadata.title is not None,
            paper.journal is not None,
            paper.publisher is not None,
            paper.doi is not None,
            bool(paper.keywords),
            bool(paper.funding),
            bool(paper.authors) or paper.author_claim is not None,
            has_rating_block or (paper.rating is not None and metadata is not None),
            bool(paper.actions),
            "recommended" in groups,
            any(s.line is not None for s in groups.get("abstract", none)),
        )
    )
    if recognised < MIN_RECOGNISED:
        raise UnrecognizedPage(
            "The input does not look like a paper page: expected labelled sections such as "
            "'Journal', 'Publisher', 'DOI', 'Keywords' or 'Funding', but found "
            f"{'only one of them' if recognised else 'none of them'}."
        )
    if state.warnings:
        paper = attrs.evolve(paper, warnings=tuple(sorted(state.warnings, key=_warning_order)))
    return paper


#: Sections after which a complete page always goes on: a page that ends inside one
#: of them was cut off (a truncated download, a dump cut short).
_NEVER_LAST = frozenset(
    {
        "preamble",
        "journal",
        "publisher",
        "keywords",
        "funding",
        "abstract",
        "authors",
        "reviews",
        "primary_rating",
        "secondary_ratings",
    }
)
_SECTION_NAMES = {
    "preamble": "title",
    "journal": "Journal",
    "publisher": "Publisher",
    "keywords": "Keywords",
    "funding": "Funding",
    "abstract": "abstract",
    "authors": "Authors",
    "reviews": "Reviews",
    "primary_rating": "Primary Rating",
    "secondary_ratings": "Secondary Ratings",
    "recommended": "Recommended",
}


def _drop_truncated(paper: Paper, found: Extracted, state: _State, *, cut_off: bool) -> Paper:
    """Empty the value that a cut-off page ends with: it may itself be cut."""
    role, line, section = found.last
    if role not in ("content", "doi", "locator") or section is None:
        return paper
    if section.kind not in _NEVER_LAST and not (cut_off and section.kind == "recommended"):
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
    state.warn(
        "truncated_page",
        f"The page ends inside the {_SECTION_NAMES[section.kind]} section, so it looks "
        f"cut off; the {field} it ends with was left empty.",
        line,
    )
    return changed


def _drop_section_value(paper: Paper, section: Section) -> tuple[str, Paper]:
    kind = section.kind
    if kind == "preamble":
        # The page ends in its header or title: either may be cut ("4.5 Editorial" of
        # "4.5 Editorial Material"), and the rating shown there with them.
        return "title and header", attrs.evolve(paper, title=None, article_type=None, rating=None)
    if kind == "journal" and paper.journal is not None:
        return "journal name", attrs.evolve(paper, journal=attrs.evolve(paper.journal, name=None))
    if kind == "publisher":
        return "publisher", attrs.evolve(paper, publisher=None)
    if kind == "keywords":
        return "keyword list", attrs.evolve(paper, keywords=())
    if kind == "funding":
        return "funding list", attrs.evolve(paper, funding=())
    if kind == "abstract":
        return "abstract", attrs.evolve(paper, abstract=None)
    if kind == "authors":
        return "author list", attrs.evolve(paper, authors=())
    if kind == "recommended":
        return "recommended list", attrs.evolve(paper, recommended=())
    if paper.rating is None:  # pragma: no cover - a rating section always makes a rating
        return "rating", paper
    if kind == "secondary_ratings":
        return "secondary ratings", attrs.evolve(
            paper, rating=attrs.evolve(paper.rating, secondary=())
        )
    return "rating", attrs.evolve(paper, rating=Rating())


def _drop_damaged(paper: Paper, lines: Sequence[Line], state: _State) -> Paper:
    """Empty every value holding U+FFFD: a character the input lost (bad bytes)."""
    line = next((number for number, text in lines if "\ufffd" in text), None)
    changes: dict[str, Any] = {}
    for field in attrs.fields(Paper):
        if field.name in ("source", "warnings"):
            continue
        value = getattr(paper, field.name)
        if "\ufffd" in repr(value):
            changes[field.name] = field.default
    if changes:
        state.warn(
            "damaged_text",
            "The input holds characters that were lost in decoding (U+FFFD); "
            f"the {', '.join(changes)} holding them {'was' if len(changes) == 1 else 'were'} "
            "left empty.",
            line,
        )
    return attrs.evolve(paper, **changes)


def _widgets(
    widgets: list[tuple[int | None, str]], state: _State
) -> tuple[list[tuple[int | None, float | None]], list[tuple[int | None, int]]]:
    """Scores and counts of the rating widgets that stand in the rating block."""
    scores: list[tuple[int | None, float | None]] = []
    counts: list[tuple[int | None, int]] = []
    for number, widget in widgets:
        kind, _, value = widget.partition(" ")
        if kind == "count" and value.isascii() and value.isdigit():
            counts.append((number, int(value)))
        elif kind == "score":
            if (score := parse_score(value)) is None:
                state.warn(
                    "unreadable_value",
                    f"The rating widget's score {_quote(value)} is not a score out of 5; "
                    "it was left out.",
                    number,
                )
            else:
                scores.append((number, score))
    return scores, counts


# --- metadata ----------------------------------------------------------------------


def _same(visible: object, stated: object) -> bool:
    """Whether a visible value and a metadata value say the same thing."""
    if isinstance(visible, str) and isinstance(stated, str):
        return vocab.fold(visible) == vocab.fold(stated)
    if isinstance(visible, tuple) and isinstance(stated, tuple):
        return sorted(map(_name_key, visible)) == sorted(map(_name_key, stated))
    return visible == stated


def _name_key(item: object) -> tuple[str, ...]:
    """Compare names and keywords by their words: ``Zhang, Wei`` is ``Wei Zhang``."""
    text = item.name if isinstance(item, Author) else str(item)
    return tuple(sorted("".join(c if c.isalnum() else " " for c in text.casefold()).split()))


def merge_metadata(paper: Paper, metadata: Metadata, state: _State) -> Paper:
    """Fill the fields the visible page lacks from *metadata*; report disagreements.

    What the visible page says always wins; a metadata value that differs from it is
    reported as ``metadata_conflict`` and otherwise ignored.
    """

    def take(field: str, visible: T, empty: T, convert: Callable[[Any], T]) -> T:
        found = getattr(metadata, field)
        if found is None:
            return visible
        line, raw = found
        stated = convert(raw)
        if visible == empty or visible is None:
            return stated
        if not _same(visible, stated):
            state.warn(
                "metadata_conflict",
                f"The page's metadata gives the {_FIELD_NAMES[field]} as {_quote(_shown(raw))}, "
                f"but the visible page says {_quote(_shown(visible))}; "
                "the visible value was kept.",
                line,
            )
        return visible

    journal = paper.journal or Journal()
    pages = journal.pages
    first = take("first_page", pages.first if pages else None, None, str)
    last = take("last_page", pages.last if pages else None, None, str)
    if pages is None and first is not None:
        pages = PageRange(first, last)
    journal = Journal(
        name=take("journal", journal.name, None, str),
        volume=take("volume", journal.volume, None, str),
        issue=take("issue", journal.issue, None, str),
        pages=pages,
        article_number=journal.article_number,
    )
    rating = paper.rating
    if metadata.score is not None or metadata.count is not None:
        rating = rating or Rating()
        rating = attrs.evolve(
            rating,
            score=take("score", rating.score, None, float),
            count=take("count", rating.count, None, int),
        )
    return attrs.evolve(
        paper,
        title=take("title", paper.title, None, str),
        doi=take("doi", paper.doi, None, str),
        publisher=take("publisher", paper.publisher, None, str),
        keywords=take("keywords", paper.keywords, (), tuple),
        authors=take("authors", paper.authors, (), lambda names: tuple(Author(n) for n in names)),
        journal=None if journal == Journal() else journal,
        rating=rating,
    )


_FIELD_NAMES = {
    "title": "title",
    "doi": "DOI",
    "journal": "journal name",
    "volume": "volume",
    "issue": "issue",
    "first_page": "first page",
    "last_page": "last page",
    "publisher": "publisher",
    "keywords": "keywords",
    "authors": "authors",
    "score": "rating score",
    "count": "number of ratings",
}


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return "; ".join(v.name if isinstance(v, Author) else str(v) for v in value)
    return str(value)


#: A page must show at least this many of the known parts to count as a paper page.
MIN_RECOGNISED = 2


def _warning_order(warning: ParseWarning) -> int:
    return warning.line if warning.line is not None else 0
