"""Normalised lines -> labelled sections -> one :class:`~paperparse.model.Paper`.

This is the one section parser; the text path and the HTML path both feed it lines.
It walks the lines once, assigning each to the section whose label came last, and
then hands each section's lines to the small field parsers in :mod:`.fields`.
Whatever cannot be placed becomes a :class:`~paperparse.model.ParseWarning`.
"""

from __future__ import annotations

import enum
import functools
import itertools
import re
from collections.abc import Callable, Sequence
from typing import Any, Final, TypeVar

import attrs

from .errors import UnrecognizedPage
from .fields.citation import GLUED_BULLETS, read_doi_link_line
from .fields.clean import clean_item, foreign_text
from .fields.doi import is_doi_label_line, parse_doi_line
from .fields.funding import is_bare_marker, read_funding_line, strip_marker
from .fields.journal import Locator, parse_locator
from .fields.lists import read_authors, read_keywords
from .fields.rating import (
    looks_like_score,
    parse_count,
    parse_score,
    parse_score_and_count,
    parse_secondary_value,
    split_named,
)
from .layouts import PEEREF, Layout
from .metadata import Metadata
from .model import (
    VALUE_FIELDS,
    Author,
    AuthorClaim,
    Funding,
    Journal,
    PageRange,
    Paper,
    ParseWarning,
    Provenance,
    Rating,
    SecondaryRating,
    Source,
)
from .normalize import WIDGET, WRAPPED_LINE_MIN, Line, fold, is_dash, join_wrapped, split_element
from .specs import SECTION_NAMES, SPECS, FieldSpec

T = TypeVar("T")

#: An unknown ``Label:`` line opens an unknown section only if it is this short.
MAX_LABEL_WORDS = 4
_SNIPPET = 60
_MARKDOWN = "#*_> \u2022\u25aa\u25e6\u2023"  # Markdown marks and bullets
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
    layout: Layout
    warnings: list[ParseWarning] = attrs.Factory(list)
    #: The column a hard-wrapping dump tool wrapped the page at, if it did.
    wrap_width: int | None = None
    #: The lines the title was read from, and the header line (for provenance).
    title_lines: tuple[int | None, int | None] | None = None
    header_line: int | None = None

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
    return fold(text.strip(_MARKDOWN))


#: The longest line that can be a label, button or chrome word (with decoration).
_MAX_LABEL_LINE = 48
#: First characters of a DOI line (``DOI:``, ``doi:``, ``https://doi.org``, ``(doi``,
#: a bare ``10.``): a cheap test that spares most lines the full parser (0.1 against
#: 0.7 µs a line that is no DOI line).
_DOI_STARTS = frozenset("dDhH([<1")
#: Sections where a DOI is another work's: a funder's (``10.13039/…``), a recommended or
#: commented paper's. Such a line stays part of its section.
_NOT_THE_PAPERS_DOI = frozenset(
    {
        "funding",
        "authors",
        "reviews",
        "primary_rating",
        "secondary_ratings",
        "after_rating",
        "recommended",
        "other",
    }
)
#: Sections where a locator line stands (a wrapped "grant number 12" is no locator).
_LOCATOR_KINDS = frozenset({"preamble", "journal", "publisher"})
_LOCATOR_HINT = re.compile(
    r"vol|issue|pages?\b|pp\b|p\.|article|art\.|no\.|number|e-?loc|卷", re.IGNORECASE
)


_COPYRIGHT = ("\u00a9", "(c) ", "copyright ")


def _is_chrome_prefix(text: str, kind: str, layout: Layout) -> bool:
    """Whether a long line is chrome: a cookie banner or a copyright notice.

    In the abstract, a copyright line is the abstract's own last sentence (Web of
    Science abstracts end with one), so there only cookie banners are chrome. Elsewhere
    a line that starts with "copyright" is a notice only if it reads as one (a year, or
    "rights reserved"): the second line of a wrapped title can start with the word.
    """
    if text[0].casefold() not in _chrome_first(layout):
        return False  # most lines (0.3 against 0.5 µs a long line: 2% of a large page)
    if kind == "abstract" and text[:40].casefold().startswith(_COPYRIGHT):
        return False
    return _starts_as_chrome(text, layout)


@functools.lru_cache(maxsize=16)
def _chrome_first(layout: Layout) -> frozenset[str]:
    """The first characters of the layout's chrome prefixes and copyright notices."""
    return frozenset(prefix[0] for prefix in (*layout.chrome_prefixes, *_COPYRIGHT))


def _starts_as_chrome(text: str, layout: Layout) -> bool:
    """Whether *text* starts as a cookie banner or a copyright notice does."""
    head = text[:40].casefold()
    if head.startswith(_COPYRIGHT):
        return _is_notice(text)
    return head.startswith(layout.chrome_prefixes)


_YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


def _is_notice(text: str) -> bool:
    """Whether a line that starts like a copyright notice reads as one."""
    return "\u00a9" in text or "rights reserved" in text.casefold() or bool(_YEAR.search(text))


#: A value of this many words or more, ending in a full stop, is prose.
_PROSE_WORDS = 8


def _is_prose(text: str) -> bool:
    """Whether *text* reads as a sentence of prose rather than a list or a name."""
    return text.endswith(".") and ";" not in text and text.count(" ") + 1 >= _PROSE_WORDS


#: A button's text may be preceded by the text of its icon (``Question``, ``Star``).
_MAX_ICON_WORDS = 2


def _button(key: str, layout: Layout) -> str | None:
    """The action a line names after at most two words of icon text, if any."""
    for action in layout.actions:
        if key.endswith(action):
            prefix = key[: -len(action)]
            if not prefix or (prefix.endswith(" ") and len(prefix.split()) <= _MAX_ICON_WORDS):
                return action
    return None


_MENU_SEPARATORS = ("|", "·", "/", "\u203a", "\u00bb", "\u2022")


@functools.lru_cache(maxsize=4096)
def _is_chrome(key: str, layout: Layout) -> bool:
    if key in layout.chrome_lines or _starts_as_chrome(key, layout):
        return True
    items = _chrome_items(layout)
    for separator in _MENU_SEPARATORS:
        if separator in key:
            parts = [p.strip() for p in key.split(separator) if p.strip()]
            return bool(parts) and all(p in items for p in parts)
    return _only_chrome_words(key.split(), items)


@functools.lru_cache(maxsize=16)
def _chrome_items(layout: Layout) -> frozenset[str]:
    """The words a menu line is made of: chrome lines and menu words (1.6 µs to join)."""
    return layout.chrome_lines | layout.nav_words


def _label_and_typed_value(text: str, layout: Layout) -> tuple[str, str] | None:
    """Split ``Label value`` when the value is of the label's type (a score, ``-``...)."""
    words = text.split(" ", 3)
    for size in (1, 2):
        kind = layout.labels.get(fold(" ".join(words[:size])))
        rest = " ".join(words[size:])
        if kind is None or not rest:
            continue
        if kind in _RATING_KINDS and (looks_like_score(rest) or parse_count(rest) is not None):
            return kind, rest
        if kind == "recommended" and fold(rest).rstrip(".") in layout.empty_markers:
            return kind, rest
    return None


def _only_chrome_words(words: list[str], items: frozenset[str]) -> bool:
    """Whether *words* are two or more chrome *items* in a row (``Home Papers Log in``).

    Dump tools write a navigation bar or a footer of links as one line of words.
    """
    if len(words) < 2:  # a single word is checked as a whole line
        return False
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            if " ".join(words[index : index + size]) in items:
                index += size
                break
        else:
            return False
    return True


class Role(enum.Enum):
    """What a line is, whatever section it stands in (see :func:`_short_role`).

    The section loop compares roles about ten times a line, and looking a member up
    on an Enum class costs four times a module global (112 against 28 ns on Python
    3.11, some 30 µs of a seed page's parse): the engine compares with the module
    aliases below (``_OPENS is Role.OPENS``).
    """

    #: A section label on a line of its own (``Keywords``).
    OPENS = enum.auto()
    #: A label and its value on one line (``Keywords: a; b``).
    INLINE = enum.auto()
    #: A label and a value whose type vouches for it (``Primary Rating 4.4``).
    TYPED = enum.auto()
    #: The heading of a section that is not part of the record (``Comments``).
    OTHER = enum.auto()
    #: An unknown ``Label:`` line: a heading, except inside the abstract.
    OTHER_IF_COLON = enum.auto()
    #: A button the record lists in ``actions``.
    ACTION = enum.auto()
    #: Page chrome: dropped silently.
    CHROME = enum.auto()
    #: Anything else: a value of the current section.
    VALUE = enum.auto()
    #: A label glued to the text that follows it (``JournalNATURE``), on a page whose
    #: dump glues its blocks together: it opens its section, and the glued text,
    #: which cannot be told from the next block, is no value.
    GLUED = enum.auto()


#: Module aliases of the roles, for the per-line comparisons (see :class:`Role`).
(
    _OPENS,
    _INLINE,
    _TYPED,
    _OTHER,
    _OTHER_IF_COLON,
    _ACTION,
    _CHROME,
    _VALUE,
    _GLUED,
) = (
    Role.OPENS,
    Role.INLINE,
    Role.TYPED,
    Role.OTHER,
    Role.OTHER_IF_COLON,
    Role.ACTION,
    Role.CHROME,
    Role.VALUE,
    Role.GLUED,
)


@attrs.frozen
class _ShortLine:
    """What a short line is (cached per text and layout)."""

    role: Role
    #: The section kind a label opens; the action's key for a button.
    kind: str = ""
    #: The value on the line (INLINE, TYPED), or the label as written (OTHER).
    value: str = ""
    #: The line is a full page header (``4.7 Review``).
    header: bool = False
    #: The line names the site (a marker only its pages show).
    marker: bool = False
    #: The interface language of the label, button or prompt, if the line is one.
    language: str | None = None
    #: The line is a label that also names a page of the site (``Funding``): between
    #: two menu items, it is one too.
    menu_word: bool = False
    #: The line is a line of the author-claim prompt (see :func:`_is_claim`).
    claim: bool = False


#: A label followed by a count badge: ``reviews 0``, ``comments (3)`` (folded).
_BADGE = re.compile(r"(?P<label>[^\d()\[\]]{1,40}?) ?[(\[]?[0-9]{1,6}[)\]]?")
#: How a badge ends: a line ending otherwise is spared the pattern (1 to 1.5 µs a line).
_BADGE_ENDS: Final = frozenset("0123456789)]")


def _inline_label(text: str, layout: Layout) -> tuple[str, str] | None:
    """Split ``Label: value`` or ``Label | value`` (a Markdown table row): kind, value."""
    colon = text.find(":", 0, _MAX_LABEL_LINE)
    if colon < 0:
        colon = text.find("\uff1a", 0, _MAX_LABEL_LINE)  # a full-width colon
    width = 1
    if colon < 0 and (colon := text.find(" | ", 0, _MAX_LABEL_LINE)) > 0:
        width = 3  # a Markdown table row: "Primary Rating | 4.7"
    if colon > 0 and (rest := text[colon + width :].strip()):
        inline = layout.labels.get(_label_key(text[:colon]))
        if inline is not None and inline != "doi" and (rest := rest.strip(" |")):
            return inline, rest
    return None


def _plain_role(key: str, layout: Layout) -> tuple[Role, str]:
    """The role of a short line that is no label: a button, chrome, or a value."""
    if key and key not in layout.actions and (action := _button(key, layout)) is not None:
        key = action  # a button whose icon has a text label: "Question Ask authors/..."
    if key in layout.actions:
        return _ACTION, key
    if key and _is_chrome(key, layout):
        return _CHROME, ""
    return _VALUE, ""


@functools.lru_cache(maxsize=8192)
def _short_line(text: str, layout: Layout) -> _ShortLine:
    """What a short line is by its text alone: its role, and whether it is a claim line.

    Labels, buttons, chrome and the claim prompt repeat on every page, so the answer
    is cached (the claim test, looked up with the role: 5 µs less a seed page).
    """
    line = _short_role(text, layout)
    return attrs.evolve(line, claim=True) if _is_claim(text, layout) else line


def _short_role(text: str, layout: Layout) -> _ShortLine:
    """Classify a short line (a label, a button, chrome ...) by its text alone."""
    header = (
        layout.page_header
        and text.lstrip(_MARKDOWN)[:1].isdigit()
        and _is_page_header(text, layout)
    )
    key = _label_key(text)
    marker = key in layout.markers or _names_site(text, layout)
    language = layout.languages.get(key)
    kind = layout.labels.get(key) if key else None
    if kind is None and key[-1:] in _BADGE_ENDS and (badge := _BADGE.fullmatch(key)) is not None:
        # "Reviews 0", "Comments (3)": a tab's label with its count badge. The count is
        # the number of reviews or comments, never a score.
        key = badge["label"]
        kind = layout.labels.get(key)
        if kind not in (None, "reviews"):
            kind = None
        elif kind is None and key in layout.other_sections:
            label = text[: len(text.rstrip("()[]0123456789 "))]
            return _ShortLine(_OTHER, "", label, header, marker)
    if kind is not None and kind != "doi":
        menu_word = key in layout.nav_words
        return _ShortLine(_OPENS, kind, "", header, marker, language, menu_word)
    if (inline := _inline_label(text, layout)) is not None:
        language = layout.languages.get(_label_key(text.partition(":")[0]))
        return _ShortLine(_INLINE, inline[0], inline[1], header, marker, language)
    if key and (typed := _label_and_typed_value(text, layout)) is not None:
        # "Primary Rating 4.4", "Recommended No Data Available": a table row that a
        # dump tool wrote with one space (lynx); the value's type vouches for it.
        return _ShortLine(_TYPED, typed[0], typed[1], header, marker)
    if key in layout.other_sections:
        return _ShortLine(_OTHER, "", text.rstrip(":"), header, marker)
    if (
        key
        and text.endswith(":")
        and len(key.split()) <= MAX_LABEL_WORDS
        and key not in layout.actions
        and key not in layout.labels
    ):
        return _ShortLine(_OTHER_IF_COLON, "", text.rstrip(":"), header, marker)
    role, action = _plain_role(key, layout)
    language = layout.languages.get(action) if role is _ACTION else language
    return _ShortLine(role, action, "", header, marker, language)


def split_sections(lines: Sequence[Line], state: _State) -> tuple[list[Section], Extracted]:
    """Assign every line to a section, and pull out lines that stand for themselves."""
    layout = state.layout
    found = Extracted()
    sections = [Section("preamble", None)]
    current = sections[0]
    # What the last line was (see Extracted.last), kept in locals on the hot path.
    last_role: str = "label"
    last_line: int | None = None
    last_section: Section | None = None

    glued_page = found.glued = _is_glued_page(lines, layout)
    site_named = _page_names_site(lines, layout)
    for index, (number, text) in enumerate(lines):
        if text[0] == WIDGET:
            # A rating widget counts where it stands: in the rating block, not in a
            # recommended paper's card or anywhere else.
            if current.kind in _RATING_KINDS:
                found.widgets.append((number, text[1:]))
            last_role, last_line, last_section = "widget", number, current
            continue
        line = _line_role(lines, index, current.kind, layout, glued_page, site_named)
        if line.header and current.kind != "preamble":
            if not _holds_nothing(sections, found):
                _warn_second_page(text, number, state)
                break
            sections = _restart_at_header(sections, found, state)
            current = sections[0]
        if line.marker:
            found.peeref = True
        if line.language is not None:
            found.languages.append(line.language)
        # Unless the line turns out to be a value, it counts as a label of *current*.
        last_role, last_line, last_section = "label", number, current
        role = line.role
        if role is _VALUE or role is _INLINE:
            if role is _INLINE:
                current = Section(line.kind, number)
                sections.append(current)
                # and on to the value: "Publisher: DOI: 10.…" holds a DOI, not a publisher
                text = line.value
            last_role = _take_value(number, text, current, found, layout)
            last_section = current
        elif role is _CHROME:
            last_role = "chrome"
        elif role is _ACTION:
            last_role = "action"
            found.actions.append(layout.actions[line.kind])
            if (opened := _after_button(line.kind, number, layout)) is not None:
                current = opened
                sections.append(current)
        else:
            current = _open(line, number, text)
            sections.append(current)
            if role is _TYPED:
                last_role, last_section = "content", current
            elif role is _GLUED and line.kind != "other":  # (other: skipped anyway)
                _warn_glued(line.value, number, text, state)
    found.last = (last_role, last_line, last_section)
    _warn_unknown_sections(sections, state)
    return sections, found


def _line_role(
    lines: Sequence[Line],
    index: int,
    kind: str,
    layout: Layout,
    glued_page: bool,
    site_named: bool,
) -> _ShortLine:
    """What the line at *index* is on this page, in a section of *kind*.

    :func:`_classify`, and what the page as a whole says about the line: on a page whose
    dump glued its blocks, a value may be a label glued to its value; the author-claim
    prompt is the author list's, whatever section it stands in.
    """
    line = _classify(lines, index, kind, layout, site_named=site_named)
    if line.role is not _VALUE:
        return line
    text = lines[index][1]
    if glued_page and (glued := _glued(text, layout)):
        return glued
    if line.claim and kind != "authors":
        # (a dump that lost the Authors label): the prompt is never another field's text.
        return _ShortLine(_TYPED, "authors", text)
    return line


def _warn_glued(value: str, number: int, text: str, state: _State) -> None:
    """Warn that *value*, glued to a label on the line *text*, was left out."""
    state.unplaced(
        (number, value),
        f"glued to the label {_quote(text[: -len(value)])} (the dump joins "
        "the page's blocks, so it cannot be told from the next one)",
    )


def _warn_second_page(text: str, number: int, state: _State) -> None:
    """Warn that a second page header stands at line *number*: only one page is read."""
    state.warn(
        "multiple_pages",
        f"A second page header {_quote(text)} starts here: the input holds "
        "more than one page. Only the first page was read.",
        number,
    )


def _restart_at_header(sections: list[Section], found: Extracted, state: _State) -> list[Section]:
    """Start the page again at its header: the labels so far were a menu above it.

    (``Papers Funding Webinars``.) What they held is unplaced, and the buttons and
    interface languages seen so far are forgotten. Returns the new list of sections.
    """
    for section in sections:
        _warn_outside(section, state)
    found.actions.clear()
    found.languages.clear()
    return [Section("preamble", None)]


def _after_button(action: str, number: int, layout: Layout) -> Section | None:
    """The section a button opens: the abstract after it, or the text after the rating."""
    if action in layout.abstract_follows:
        return Section("abstract", None, start=number)
    if action in layout.rating_ends:
        return Section("after_rating", None, start=number)
    return None


def _warn_unknown_sections(sections: list[Section], state: _State) -> None:
    """Warn once for each section that is not part of the record (its text is skipped)."""
    for section in sections:
        if (
            section.kind == "other"
            and not _is_link_list(section)
            and fold(section.label) not in state.layout.quiet_sections
        ):
            state.warn(
                "unknown_section",
                f"The section {_quote(section.label)} is not part of the record; "
                "its content was skipped.",
                section.line,
            )


def _classify(
    lines: Sequence[Line], index: int, kind: str, layout: Layout, *, site_named: bool
) -> _ShortLine:
    """What the line at *index* is, in a section of *kind*.

    *site_named* is False when no line of the page names the site (see
    :func:`_page_names_site`): a long line is then not looked at for an address.
    """
    text = lines[index][1]
    if (
        layout.spaced_labels
        and kind not in _NO_SPACED_LABELS
        and (spaced := _spaced_label(text, layout)) is not None
    ):
        return spaced
    if len(text) <= _MAX_LABEL_LINE:
        # Labels, buttons and chrome are short: their role is looked up once.
        line = _short_line(text, layout)
        if (
            line.menu_word
            and _menu_word_near(lines, index - 1, -1, layout)
            and _menu_word_near(lines, index + 1, 1, layout)
        ):
            return attrs.evolve(line, role=_CHROME)  # a label between menu items
        if line.role is _OTHER_IF_COLON:
            if kind == "abstract":
                role, action = _plain_role(_label_key(text), layout)
                return attrs.evolve(line, role=role, kind=action)
            return attrs.evolve(line, role=_OTHER)
        return line
    marker = site_named and _names_site(text, layout)
    if (inline := _inline_label(text, layout)) is not None and not (
        kind == "abstract" and _is_prose(inline[1])
    ):
        # "Funding: This work was supported by …" inside a structured abstract is the
        # abstract's own paragraph, not the page's Funding section.
        return _ShortLine(_INLINE, inline[0], inline[1], marker=marker)
    if _is_chrome_prefix(text, kind, layout):
        return _ShortLine(_CHROME, marker=marker)
    if _is_claim(text, layout):
        return _ShortLine(_VALUE, marker=marker, claim=True)
    # Most long lines are values: one shared answer, not a new object per line.
    return _ShortLine(_VALUE, marker=True) if marker else _LONG_VALUE


#: Sections where a line that starts with a spaced label's word is the section's own
#: text: the title, the abstract, a skipped section.
_NO_SPACED_LABELS: Final = frozenset({"preamble", "abstract", "other"})


def _spaced_label(text: str, layout: Layout) -> _ShortLine | None:
    """Split ``Funder Gulf Research Program``: a spaced label and its value, if it is one."""
    for label, kind in layout.spaced_labels.items():
        size = len(label)
        if (
            text[size : size + 1] == " "
            and text[:size].casefold() == label
            and (value := text[size + 1 :].strip())
        ):
            return _ShortLine(_INLINE, kind, value, language=layout.languages.get(label))
    return None


#: What a long line that is a plain value is.
_LONG_VALUE: Final = _ShortLine(_VALUE)


@functools.lru_cache(maxsize=16)
def _address(layout: Layout) -> tuple[str, ...]:
    """The layout's host names, lower-cased (``peeref.com``)."""
    return tuple(address.lower() for address in layout.addresses)


def _names_site(text: str, layout: Layout) -> bool:
    """Whether *text* holds one of the site's addresses (``www.PEEREF.Com``, any case).

    Looked for in the lower-cased line: the same answer as a case-blind pattern, and
    10x faster on a long line (1.3 against 17 µs on the seed's abstract).
    """
    addresses = _address(layout)
    if not addresses:
        return False
    lowered = text.lower()
    return any(address in lowered for address in addresses)


def _page_names_site(lines: Sequence[Line], layout: Layout) -> bool:
    """Whether a line of *lines* may name the site; if not, none does (:func:`_names_site`).

    The page is joined once, and its ASCII letters lower-cased as UTF-8 bytes: an ASCII
    address shows in any case there, and a line break joins no two lines into one.
    Lower-casing the page as a str is slow once it holds one non-ASCII character, and
    testing each long line costs a call a line. Measured (this test against the lines'
    tests): large text page 40 against 190 µs, large HTML page 70 against 180 µs, seed
    text page 5 against 11 µs (seed HTML page: 8.5 against 7). Non-ASCII addresses, and
    the two characters that lower-case to an ASCII letter, send every line to
    :func:`_names_site`.
    """
    addresses = _ascii_addresses(layout)
    if addresses is None:
        return True
    if not addresses:
        return False
    page = "\n".join([text for _, text in lines])
    if "\u0130" in page or "\u212a" in page:  # İ and the Kelvin sign: "i̇" and "k"
        return True
    data = page.encode("utf-8", "surrogatepass").lower()
    return any(address in data for address in addresses)


@functools.lru_cache(maxsize=16)
def _ascii_addresses(layout: Layout) -> tuple[bytes, ...] | None:
    """The layout's addresses lower-cased as ASCII bytes; ``None`` if one is not ASCII."""
    addresses = _address(layout)
    if not all(address.isascii() and "\n" not in address for address in addresses):
        return None
    return tuple(address.encode("ascii") for address in addresses)


#: The longest author-claim line (with some room for a dump's decoration).
_MAX_CLAIM_LINE = 90


def _is_claim(text: str, layout: Layout) -> bool:
    """Whether *text* is a line of the author-claim prompt."""
    return (
        len(text) <= _MAX_CLAIM_LINE
        and text[0].casefold() in _claim_first(layout)
        and fold(text).rstrip(".\u3002 ") in layout.claim_lines
    )


@functools.lru_cache(maxsize=16)
def _claim_first(layout: Layout) -> frozenset[str]:
    """The first characters (folded) of the layout's author-claim lines."""
    return frozenset(line[0] for line in layout.claim_lines)


def _open(line: _ShortLine, number: int, text: str) -> Section:
    """The section a label line (*text*) opens."""
    if line.role is _GLUED:
        if line.kind == "other":
            return Section("other", number, label=text[: -len(line.value)])
        return Section(line.kind, number)
    if line.role is _OPENS:
        return Section(line.kind, number)
    if line.role is _TYPED:
        return Section(line.kind, number, [(number, line.value)])
    return Section("other", number, label=line.value)


#: Where a dump glued two blocks: a lower-case letter followed by a capital or a digit.
_GLUE: Final = re.compile(r"(?<=[a-z])(?=[A-Z0-9])")


@functools.lru_cache(maxsize=4096)
def _glued(text: str, layout: Layout) -> _ShortLine | None:
    """Read *text* as a label glued to what follows it (``KeywordsIS use; …``), if it is."""
    glue = _GLUE.search(text, 0, _MAX_LABEL_LINE)
    if glue is None:
        return None
    label, rest = text[: glue.start()], text[glue.start() :]
    key = _label_key(label)
    kind = layout.labels.get(key)
    if kind is not None and (second := layout.labels.get(_label_key(rest))) is not None:
        return _ShortLine(_OPENS, second)  # two labels glued: "ReviewsPrimary Rating"
    if kind is not None and kind != "doi":
        return _ShortLine(_GLUED, kind, rest)
    if key in layout.other_sections:
        return _ShortLine(_GLUED, "other", rest)
    return None


#: A dump that glues the page's blocks shows it this often: one glued label alone may be
#: a value that starts with a label's word (``SourceForge``).
_GLUED_LABELS = 2


def _is_glued_page(lines: Sequence[Line], layout: Layout) -> bool:
    """Whether the page's text tool glued its blocks (labels run into their values)."""
    count = 0
    for _, text in lines:
        if _glued(text, layout) is not None:
            count += 1
            if count >= _GLUED_LABELS:
                return True
    return False


def _take_value(number: int, text: str, current: Section, found: Extracted, layout: Layout) -> str:
    """Place a value line: a DOI, a locator, or a line of *current*; return its role."""
    kind = current.kind
    if kind != "abstract":
        first = text[0]
        if (
            first in _DOI_STARTS
            and kind not in _NOT_THE_PAPERS_DOI
            and (doi := _doi(text, layout, found)) is not None
        ):
            found.dois.append((number, doi))
            return "doi"
        if first in "dD" and is_doi_label_line(text):
            return "label"
        if (
            kind in _LOCATOR_KINDS
            and _LOCATOR_HINT.match(text)
            and (locator := parse_locator(text)) is not None
        ):
            found.locators.append((number, locator))
            return "locator"
    current.lines.append((number, text))
    return "content"


def _doi(text: str, layout: Layout, found: Extracted) -> str | None:
    """The DOI a line states; a line ending in the site's link text marks the site."""
    if not layout.doi_suffixes:
        return parse_doi_line(text)
    link = read_doi_link_line(text, layout.doi_suffixes)
    if link is None:
        return None
    found.peeref = found.peeref or link[1]
    return link[0]


def _holds_nothing(sections: list[Section], found: Extracted) -> bool:
    """Whether no section so far holds a value: what stands above the paper's header."""
    return not (found.dois or found.locators or found.widgets) and all(
        not section.lines for section in sections if section.kind != "preamble"
    )


def _warn_outside(section: Section, state: _State) -> None:
    for line in section.lines:
        state.unplaced(line, "above the page header")


#: How many chrome lines (a banner, a button) may stand between two items of a menu.
_MAX_CHROME_IN_MENU = 4


def _menu_word_near(lines: Sequence[Line], index: int, step: int, layout: Layout) -> bool:
    """Whether a menu item (``Papers``) stands next to a label line.

    Looks from *index* on, before the label (*step* -1) or after it (*step* 1). Chrome
    between the two (a cookie banner drawn over the menu) is passed over.
    """
    for _ in range(_MAX_CHROME_IN_MENU + 1):
        if not 0 <= index < len(lines):
            return False
        text = lines[index][1]
        key = _label_key(text)
        if key in layout.nav_words:
            return True
        if len(text) > _MAX_LABEL_LINE or _short_line(text, layout).role is not _CHROME:
            return False
        index += step
    return False


#: The list of link addresses that lynx and w3m write at the end of a dump.
_LINK_LISTS = frozenset({"references", "visible links", "hidden links"})


def _is_link_list(section: Section) -> bool:
    return fold(section.label) in _LINK_LISTS and all(
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
    #: The interface language of each label, button and prompt seen.
    languages: list[str] = attrs.Factory(list)
    #: The dump glued the page's blocks together (``JournalNATURE``).
    glued: bool = False
    #: What the last line of the page was: ``(role, line, section)``, where role is
    #: one of content, doi, locator, label, action, chrome, widget.
    last: tuple[str, int | None, Section | None] = ("label", None, None)


# --- the preamble: header and title ---------------------------------------------


def _parse_header(text: str, layout: Layout) -> tuple[float | None, str | None] | None:
    """Read a header line: ``4.7 Review``, ``4.7``, or ``Review``.

    Emphasis marks around it (``__4.7 Article``: html2text's empty ``<i>`` of an icon)
    are no part of it, as around a label.
    """
    if len(text) > _MAX_LABEL_LINE:
        return None
    return _read_header(text.strip(_MARKDOWN) or text, layout)


@functools.lru_cache(maxsize=1024)
def _read_header(text: str, layout: Layout) -> tuple[float | None, str | None] | None:
    if (kind := _article_type(text, layout, known_only=True)) is not None:
        return None, kind
    if looks_like_score(text):
        return parse_score(text), None
    first, _, rest = text.partition(" ")
    if (
        looks_like_score(first)
        and (kind := _article_type(rest, layout, known_only=False)) is not None
    ):
        return parse_score(first), kind
    return None


#: The most words an article type not in the vocabulary may have (``Research Article``).
_MAX_TYPE_WORDS = 4


def _article_type(text: str, layout: Layout, *, known_only: bool) -> str | None:
    """The article type(s) *text* names: ``Review``, or ``Article; Early Access``.

    Web of Science joins types with ``;``; each part is a known type or, next to a score
    on the header line (*known_only* false), a short phrase of capitalised words that is
    no other word of the layout (``Research Article``).
    """
    parts = [part.strip() for part in text.split(";")]
    names: list[str] = []
    for part in parts:
        key = fold(part)
        if key in layout.article_types:
            names.append(layout.article_types[key])
        elif not known_only and _looks_like_type(part, key, layout):
            names.append(part)
        else:
            return None
    return "; ".join(names)


def _looks_like_type(part: str, key: str, layout: Layout) -> bool:
    words = part.split()
    return (
        0 < len(words) <= _MAX_TYPE_WORDS
        and all(word[0].isupper() and word.replace("-", "").isalpha() for word in words)
        and key not in layout.labels
        and key not in layout.rating_notes
        and key not in layout.chrome_lines
        and key not in layout.other_sections
    )


def _is_page_header(text: str, layout: Layout) -> bool:
    """Whether *text* is a full page header: a score and an article type (``4.7 Review``)."""
    header = _parse_header(text, layout)
    return header is not None and header[0] is not None and header[1] is not None


#: A DOI statement: what a title never holds, and what a tool that glued the page's
#: blocks into the title's paragraph brings into it.
_DOI_STATEMENT: Final = re.compile(r"\bdoi[ \t]{0,3}:[ \t]{0,3}10\.[0-9]{4,9}/", re.IGNORECASE)
#: Longer than any title: the next blocks ran into it.
_MAX_TITLE: Final = 1000


def _title_problem(title: str) -> str | None:
    """Return why *title* cannot be a paper's title, or ``None``.

    >>> _title_problem("A title Journal X Volume 1 DOI: 10.1016/j.x.2020.1 Keywords a")
    'it holds a DOI statement (the blocks below it ran into it)'
    >>> _title_problem("CRISPR-Cas9 editing of 10.5-kb loci") is None
    True
    """
    if len(title) > _MAX_TITLE:
        return "it is longer than any title (the blocks below it ran into it)"
    if "oi" in title.casefold() and _DOI_STATEMENT.search(title) is not None:
        return "it holds a DOI statement (the blocks below it ran into it)"
    return None


def _is_paragraph(lines: Sequence[Line]) -> bool:
    """Whether *lines* read as one hard-wrapped paragraph."""
    return all(len(text) >= WRAPPED_LINE_MIN for _, text in lines[:-1])


def _preamble(
    lines: list[Line], state: _State
) -> tuple[str | None, str | None, tuple[int, float | None] | None]:
    """Return (title, article_type, (line, header score)) from the top of the page."""
    start, article_type, score = _page_header(lines, state)
    rest = _title_lines(lines[start:], state)
    return (_title(rest, state) if rest else None), article_type, score


def _page_header(
    lines: list[Line], state: _State
) -> tuple[int, str | None, tuple[int, float | None] | None]:
    """Read the page header (``4.7 Review``): where the title's lines start, the type, the score.

    The lines above a header are reported; a page without one starts with its title.
    """
    layout = state.layout
    start = (
        next((i for i, (_, t) in enumerate(lines) if _parse_header(t, layout) is not None), None)
        if layout.page_header
        else None
    )
    article_type: str | None = None
    score: tuple[int, float | None] | None = None
    if start is None:
        return 0, None, None
    for line in lines[:start]:
        state.unplaced(line, "above the page header")
    state.header_line = lines[start][0]
    index = start
    while index < len(lines) and (header := _parse_header(lines[index][1], layout)) is not None:
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
    return index, article_type, score


def _title_lines(rest: list[Line], state: _State) -> list[Line]:
    """The lines where the title stands: a repeated line and a byline left out."""
    if len(rest) > 1:
        # The document's <title> and the heading repeat one text (a tool that keeps
        # <head> text writes both): a wrapped title never repeats a line.
        rest = [line for i, line in enumerate(rest) if not i or line[1] != rest[i - 1][1]]
    if len(rest) > 1 and _is_byline(rest[-1][1]):
        # "Wei Zhang, Li Chen, Maria Garcia" under the title: names, not the title's end
        state.unplaced(rest[-1], "under the title (a list of names)")
        rest = rest[:-1]
    return rest


def _title(rest: list[Line], state: _State) -> str | None:
    """The title on *rest*: one line, or one paragraph wrapped over several."""
    layout = state.layout
    # A line that starts with a label glued to its value ("Publication typeJournal
    # Article Journal2021, …": a dump that ran a block of labels into one line) never
    # goes on the title.
    if len(rest) == 1 or (_is_paragraph(rest) and not any(_glued(t, layout) for _, t in rest[1:])):
        title = join_wrapped([t for _, t in rest])
        if (problem := _title_problem(title)) is not None:
            state.warn(
                "unreadable_value",
                f"The text where the title belongs, {_quote(title)}, cannot be a title "
                f"({problem}); the title was left empty.",
                rest[0][0],
            )
            return None
        state.title_lines = (rest[0][0], rest[-1][0])
        return title
    state.warn(
        "ambiguous_title",
        f"{len(rest)} lines stand where the title belongs and the layout does not say "
        f"which is the title: {', '.join(_quote(t) for _, t in rest)}.",
        rest[0][0],
    )
    return None


#: Words that may stand in a name without a capital (``Ana Paula de Souza``).
_NAME_PARTICLES = frozenset(
    {"de", "da", "do", "dos", "das", "del", "della", "di", "van", "von", "der", "den", "le", "la"}
)
_BYLINE_PARTS = re.compile(r"\s*(?:[,;]|\band\b)\s*")


def _is_byline(text: str) -> bool:
    """Whether *text* is a list of two or more personal names (a byline).

    Each name is two to four words, each capitalised (or a particle such as ``de``),
    with no digit, colon or final full stop: a title's wrapped last line is not.
    """
    if text.endswith(".") or ":" in text or any(c.isdigit() for c in text):
        return False
    names = [part for part in _BYLINE_PARTS.split(text) if part]
    return len(names) >= 2 and all(_is_name(name) for name in names)


def _is_name(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(
        word in _NAME_PARTICLES
        or (word[0].isupper() and word.replace("-", "").replace(".", "").isalpha())
        for word in words
    )


# --- one parser per section kind --------------------------------------------------


def _language(seen: list[str]) -> str | None:
    """The interface language most of the page's labels, buttons and prompts are in."""
    if not seen:
        return None
    return max(dict.fromkeys(seen), key=seen.count)


#: A summary is short: Peeref's own summary is a few sentences, the abstract longer.
MAX_SUMMARY = 600


#: A line this long was never hard-wrapped: dump tools wrap at 60 to 100 columns, so
#: it holds a whole paragraph (a browser copy writes each paragraph on one line).
MAX_WRAPPED_LINE = 120


def _paragraphs(section: Section, source_format: str) -> list[list[Line]]:
    """The paragraphs of *section*.

    In HTML each line is one (each block element holds a paragraph). In text, blank
    lines are layout noise and say nothing; a paragraph ends after a line too short
    to have been wrapped (under ``WRAPPED_LINE_MIN`` characters) or too long to be a
    wrapped line (over :data:`MAX_WRAPPED_LINE`).
    """
    if source_format == "html":
        return [[line] for line in section.lines]
    out: list[list[Line]] = [[]]
    for line in section.lines:
        out[-1].append(line)
        if not WRAPPED_LINE_MIN <= len(line[1]) <= MAX_WRAPPED_LINE:
            out.append([])
    return [part for part in out if part]


def _abstract(
    section: Section, state: _State, source_format: str
) -> tuple[str | None, str | None] | None:
    """The summary and abstract under the button, or ``None`` when the page clips it.

    Peeref shows its own short summary as a paragraph above the publisher's abstract.
    The first of two or more paragraphs is read as the summary when it is short
    (at most :data:`MAX_SUMMARY` characters) and shorter than the rest; otherwise all
    paragraphs are the abstract and the summary is empty.
    """
    section = _through_last_sentence(section, state)
    paragraphs = _paragraphs(section, source_format)
    summary = None
    if len(paragraphs) > 1 and state.layout.summary:
        first = join_wrapped([t for _, t in paragraphs[0]])
        rest = sum(len(t) for part in paragraphs[1:] for _, t in part)
        if len(first) <= MAX_SUMMARY and len(first) < rest and _is_sentences(first):
            summary = first
            section = Section(section.kind, section.line, [x for p in paragraphs[1:] for x in p])
    abstract = _without_glued_label(_whole_text(section, state), state.layout)
    return None if abstract is None else (summary, abstract)


def _without_glued_label(text: str | None, layout: Layout) -> str | None:
    """*text* without an abstract label glued to its first word (``AbstractThe …``).

    Publishers' abstracts often hold their own ``Abstract`` heading, which a page that
    shows the text without markup glues to the first sentence.
    """
    if text is None:
        return None
    for label in _abstract_labels(layout):
        size = len(label)
        if text[size : size + 1].isupper() and text[:size].casefold() == label:
            return text[size:]
    return text


@functools.lru_cache(maxsize=16)
def _abstract_labels(layout: Layout) -> tuple[str, ...]:
    """The layout's labels of the abstract (folded), longest first."""
    labels = [label for label, kind in layout.labels.items() if kind == "abstract"]
    return tuple(sorted(labels, key=len, reverse=True))


#: The toggle of a folded abstract at the end of its text (folded): after "Read less"
#: the whole text was shown; a text that ends in "Read more" (or "… more") is only its
#: start. Matched on the last 24 characters only.
_TOGGLE: Final = re.compile(
    r"(?:(?P<ellipsis>\.\.\.|\u2026) ?|^|\W)(?P<toggle>(?:read|show) (?:less|more)|more)$"
)


#: A summary is sentences: at least this many words, ending as a sentence does.
_SUMMARY_WORDS = 8


def _is_sentences(text: str) -> bool:
    """Whether *text* reads as one or more sentences (not a fragment of a split line)."""
    return text.endswith((".", "!", "?")) and text.count(" ") + 1 >= _SUMMARY_WORDS


def _through_last_sentence(section: Section, state: _State) -> Section:
    """*section* up to the end of its last sentence: an abstract ends with one.

    Lines after it that end no sentence (``Authors Qian Wu`` from a table a dump tool
    laid out without its label, names, a stray button) are not the abstract's.
    """
    lines = section.lines
    end = len(lines)
    while end and not _ends_sentence(lines[end - 1][1]):
        end -= 1
    if end in (0, len(lines)) or _TOGGLE.search(lines[-1][1][-24:].casefold()) is not None:
        return section  # no sentence at all, or a "Read more"/"Read less" toggle at the end
    for line in lines[end:]:
        state.unplaced(line, "after the abstract's last sentence")
    return Section(section.kind, section.line, lines[:end], section.start)


def _ends_sentence(text: str) -> bool:
    return text.rstrip(")]\"'\u201d\u2019 ").endswith((".", "!", "?"))


def _whole_text(section: Section, state: _State) -> str | None:
    """The text of *section*, or ``None`` (with a warning) when the page clips it."""
    parts = [t for _, t in section.lines]
    if split_element(parts):
        state.warn(
            "unreadable_value",
            "The dump tool put parts of one element's text on lines of their own (an "
            "inline element such as a superscript), and where the page had spaces "
            "between them cannot be told; the abstract was left empty.",
            section.lines[0][0],
        )
        return None
    text = join_wrapped(parts)
    found = _TOGGLE.search(text[-24:].casefold())
    if found is None:
        return text or None
    toggle = found["toggle"]
    if toggle.endswith("less"):
        return text[: -len(toggle)].rstrip(" |") or None
    if toggle == "more" and not found["ellipsis"]:
        return text  # the word "more" ending a sentence
    state.warn(
        "clipped_text",
        f"The abstract ends in {_quote(text[-40:])}: the page shows only its start, "
        "so the abstract was left empty.",
        section.lines[-1][0],
    )
    return None


def _first_line_only(section: Section, state: _State, what: str) -> str | None:
    """The name on the first line of *section* (a journal, a publisher), if it is one."""
    if not section.lines:
        return None
    for line in section.lines[1:]:
        state.unplaced(line, f"after the {what}")
    number, name = section.lines[0]
    if (reason := _not_a_name(name)) is not None:
        state.warn(
            "unreadable_value",
            f"The {what} {_quote(name)} cannot be right: {reason}; the {what} was left empty.",
            number,
        )
        return None
    return name


#: What a journal's or a publisher's name never holds: a DOI, a locator
#: (``Volume 49``), a web address.
_NOT_IN_A_NAME: Final = re.compile(
    r"10\.[0-9]{4,9}/|\bdoi\s*:|(?:volume|vol\.|issue|pages)\s*[0-9]|://", re.IGNORECASE
)
#: What each of those holds: a name with neither is spared the case-blind scan of the
#: pattern above (0.2 against 2.7 µs a journal name).
_DIGIT_OR_COLON: Final = re.compile(r"[0-9:]")
#: A name is short: longer than this, or a sentence, it is some other text.
_MAX_NAME = 200


def _not_a_name(text: str) -> str | None:
    """Why *text* cannot be a journal's or publisher's name, or ``None``."""
    if len(text) > _MAX_NAME or (_is_prose(text) and ". " in text):
        return "it is a sentence, not a name"
    if _DIGIT_OR_COLON.search(text) is not None and _NOT_IN_A_NAME.search(text) is not None:
        return "it holds a DOI, a volume or pages, or an address glued to the name"
    return None


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
        or (
            following[:1].islower()
            and (not text.endswith(("]", ")")) or following.startswith(_CONTINUING))
        )
    )


#: Lower-case words that go on an entry even after its closing bracket: the grant
#: phrase of ``(NIH)`` / ``grant number R01 …``. After a closed entry, any other
#: lower-case line is a funder of its own (``imec``).
_CONTINUING = ("grant", "award", "contract", "project", "under ", "no.", "nos.", "number")


def _ambiguous_wrap(state: _State, what: str, line: int | None) -> None:
    state.warn(
        "unreadable_value",
        f"The dump tool wrapped the page's lines, and this line may go on the item above "
        f"or start a new one; the {what} was left empty.",
        line,
    )


def _wrapped_onto(line: str, following: str, width: int | None) -> bool:
    """Whether a tool that wraps at *width* columns wrapped *line* onto *following*.

    It did if the next line's first word would not have fitted on *line* (so the tool
    had to break there) and *line* does not end an entry with its grant bracket.
    """
    if width is None or line.endswith(("]", ")")) or len(line) < width - _WRAP_SLACK:
        return False
    return len(line) + 1 + len(following.split(" ", 1)[0]) > width


#: A wrapped line ends within this many columns of the wrap width (words are shorter).
_WRAP_SLACK = 15
#: Lines this long are never hard-wrapped (a browser copy writes a paragraph on one line).
_NEVER_WRAPPED = 120
#: A page is hard-wrapped when at least this many lines in a row end within
#: ``_WRAP_BAND`` columns of one width (a paragraph cut by the tool).
_WRAPPED_LINES = 5
_WRAP_BAND = 10


def _wrap_width(lines: Sequence[Line], source_format: str) -> int | None:
    """The column a dump tool hard-wrapped the page at (w3m, lynx, pandoc), if it did.

    *lines* are the abstract's: prose, which a wrapping tool cuts into lines that all
    end near one width (lists of names may end near one width by chance). A page a
    tool did not wrap has a line longer than a terminal, or no such run.
    """
    if source_format == "html":
        return None
    lengths = [len(text) for _, text in lines]
    if not lengths or max(lengths) > _NEVER_WRAPPED:
        return None
    width = max(lengths)
    if width < _MIN_WRAP:
        return None
    run = 0
    for length in lengths:  # (blank lines are gone: a run is a run of non-blank lines)
        run = run + 1 if length >= width - _WRAP_BAND else 0
        if run >= _WRAPPED_LINES:
            return width
    return None


#: Dump tools wrap at 70 columns or more (w3m and lynx: 80 by default, pandoc: 72).
_MIN_WRAP = 70


def _keywords(section: Section, page: _Page) -> tuple[str, ...]:
    """The keyword (or category) list of *section*; a refused item is a warning."""
    state = page.state
    following = page.neighbour(section, 1)
    if following is not None and _opened_by_list_item(following, page):
        what = "keyword" if section.kind == "keywords" else "category"
        state.warn(
            "unreadable_value",
            f"The section label on line {following.line} ends the {what} list, and the "
            "page shows that section again elsewhere: the label may be an item of a "
            "list given one item per line, so where the list ends cannot be told; "
            f"the {what} list was left empty.",
            section.line,
        )
        return ()
    keywords, problems = read_keywords([t for _, t in section.lines])
    for code, message in problems:
        state.warn(code, message, section.lines[0][0] if section.lines else section.line)
    return keywords


#: Lists that a page may give one item per line, where an item can be a label's word:
#: the lists whose items may also stand on one line, separated (keywords, categories).
_ONE_PER_LINE: Final = frozenset(spec.section for spec in SPECS if spec.separated)


def _opened_by_list_item(section: Section, page: _Page) -> bool:
    """Whether *section*'s label may be an item of the list right above it.

    A page shows each section once. Of two ``Reviews`` (or ``Ratings``) headings, the
    one that ends a keyword list given one keyword per line may be a keyword: the
    list, and the section the label opens, cannot be read with certainty.
    """
    if section.line is None or len(page.sections(section.kind)) < 2:
        return False
    before = page.neighbour(section, -1)
    return before is not None and before.kind in _ONE_PER_LINE and bool(before.lines)


def _funding(section: Section, page: _Page) -> tuple[Funding, ...]:
    """The funding list of *section*: its lines grouped into entries, each entry read."""
    state = page.state
    if page.source_format != "html" and _mixed_spacing(section.lines):
        state.warn(
            "unreadable_value",
            "The funding list has blank lines between some of its lines and not between "
            "others, and no list markers: whether a line is an entry of its own or goes "
            "on the one above cannot be told (a tool that keeps the HTML source's line "
            "breaks); the funding list was left empty.",
            section.lines[0][0],
        )
        return ()
    grouped = _funding_groups(section.lines, state)
    if grouped is None:
        return ()
    return _read_funding_groups(*grouped, state)


#: Funding entries as grouped from their lines: the lines of each entry, the line each
#: starts on, and the entries a wrapping tool cut inside their award ids where no space
#: may have been.
_FundingGroups = tuple[list[list[str]], list[int | None], set[int]]


def _funding_groups(lines: Sequence[Line], state: _State) -> _FundingGroups | None:
    """Group the lines of a funding list into entries; ``None`` (warned) if unsure."""
    entries: list[list[str]] = []
    starts: list[int | None] = []
    unsure: set[int] = set()
    marked = False
    stopped = False
    for number, text in lines:
        has_marker, body = strip_marker(text)
        if (
            not stopped
            and entries
            and not has_marker
            and not marked
            and _wrapped_onto(entries[-1][-1], body, state.wrap_width)  # (the cheap test first)
            and not _goes_on(entries[-1], body)
        ):
            _ambiguous_wrap(state, "funding list", number)
            return None
        if stopped:
            state.unplaced((number, text), "after the funding list")
        elif has_marker or not entries or (not marked and not _goes_on(entries[-1], body)):
            entries.append([body])
            starts.append(number)
            marked = marked or has_marker
        elif sum(map(len, entries[-1])) + len(body) <= MAX_FUNDING_ENTRY:
            if body.startswith(_BREAKS_WITHOUT_SPACE) and _inside_brackets(entries[-1]):
                unsure.add(len(entries) - 1)  # "CX" / "(22)3032": was it "CX(22)3032"?
            entries[-1].append(body)  # a wrapped line of a marked list item
        else:
            stopped = True
            state.unplaced((number, text), "after the funding list")
    return entries, starts, unsure


def _read_funding_groups(
    entries: list[list[str]], starts: list[int | None], unsure: set[int], state: _State
) -> tuple[Funding, ...]:
    """Read each grouped entry; an entry that makes the list wrong empties it (warned)."""
    out: list[Funding] = []
    for index, (start, parts) in enumerate(zip(starts, entries, strict=True)):
        entry, reason, foreign = _funding_entry(join_wrapped(parts), state.layout)
        if index in unsure and entry.award_ids:
            state.warn(
                "unreadable_value",
                f"The award ids of {_quote(entry.text)} were cut over two lines before a "
                "bracket, where the page may have had no space; the funding list was left "
                "empty.",
                start,
            )
            return ()  # a list with an entry left out would be a wrong list
        if foreign is not None:
            state.warn(
                "unreadable_value",
                f"The funding entry {_quote(entry.text)} holds {foreign}, which no funding "
                "statement does (text from around the list ran into it); the funding list "
                "was left empty.",
                start,
            )
            return ()  # a list with an entry that is not funding would be a wrong list
        if reason is not None:
            state.warn("unreadable_value", reason, start)
        out.append(entry)
    return tuple(out)


def _funding_entry(text: str, layout: Layout) -> tuple[Funding, str | None, str | None]:
    """Read one funding entry; on a site that shows no award ids, it is a funder's name.

    Such a site's funder slot may hold a project's title with a number in it, which is
    still the funder as the site states it, not an award id. Returns the entry, why it
    was refused, and what foreign text it holds (see
    :func:`~paperparse.fields.funding.read_funding_line`).
    """
    if layout.award_ids:
        return read_funding_line(text)
    line = text.strip()
    return Funding(clean_item(text), (), line), None, foreign_text(clean_item(line))


def _mixed_spacing(lines: Sequence[Line]) -> bool:
    r"""Whether an unmarked list stands in blocks apart by blank lines, one of several lines.

    A dump shows a list's items either all on adjacent lines or all apart; a list in
    blocks of which one holds two lines is laid out by something else (BeautifulSoup's
    ``get_text("\n")`` keeps the source file's line breaks inside an item, and blank
    lines between items), and which lines are one item cannot be told.
    """
    if len(lines) < 3 or any(strip_marker(text)[0] for _, text in lines):
        return False
    adjacent = [after == before + 1 for (before, _), (after, _) in itertools.pairwise(lines)]
    return any(adjacent) and not all(adjacent)  # some lines together, some apart


#: Characters before which a dump tool breaks a line even where the text has no space.
_BREAKS_WITHOUT_SPACE = ("(", "[", "/")


def _inside_brackets(parts: list[str]) -> bool:
    text = " ".join(parts)
    return text.count("[") > text.count("]")


def _authors(
    sections: list[Section], state: _State
) -> tuple[tuple[Author, ...], AuthorClaim | None]:
    names: list[tuple[int | None, tuple[Author, ...]]] = []
    prompt: str | None = None
    action: str | None = None
    for section in sections:
        lines: list[Line] = []
        for number, text in section.lines:
            claim_line = state.layout.claim_lines.get(fold(text).rstrip(".\u3002 "))
            if claim_line is not None:
                slot, canonical = claim_line
                if slot == "prompt":
                    prompt = canonical
                else:
                    action = canonical
                continue
            lines.append((number, text))
        found, problems = read_authors(lines)
        for code, message, where in problems:
            state.warn(code, message, where)
        names.append((section.line, tuple(Author(name) for name in found)))
    authors = state.pick("author list", [n for n in names if n[1]], ())
    claim = AuthorClaim(prompt, action) if prompt or action else None
    return authors, claim


def _primary(
    lines: list[Line], state: _State
) -> tuple[list[tuple[int | None, float | None]], list[tuple[int | None, int]], str | None]:
    scores: list[tuple[int | None, float | None]] = []
    counts: list[tuple[int | None, int]] = []
    note: str | None = None
    layout = state.layout
    for number, text in lines:
        if is_dash(text):
            continue  # a placeholder: no score yet
        both = parse_score_and_count(text)
        if both is not None:
            scores.append((number, both[0]))
            counts.append((number, both[1]))
            continue
        first, _, rest = text.partition(" ")
        if rest and looks_like_score(first) and (inline := _note(rest, layout)) is not None:
            note = note or inline  # "4.7 Not enough ratings" on one line
            text = first
        elif (found := _note(text, layout)) is not None:
            note = note or found
            continue
        if looks_like_score(text):
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
        else:
            state.unplaced((number, text), "in the rating block")
    return scores, counts, note


def _note(text: str, layout: Layout) -> str | None:
    """The rating note *text* states (``Not enough ratings``), in canonical spelling.

    Only the notes the layout knows are notes: any other line in the rating block (a
    ``Write a Review`` button, a glued ``Primary Rating4.7``) is not one.
    """
    return layout.rating_notes.get(fold(text).rstrip(".").rstrip())


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
        is_value, value, named = _secondary_line(text)
        if is_value:
            if pending is None:
                state.unplaced((number, text), "in the secondary ratings (a score without a name)")
                continue
            out.append(SecondaryRating(pending[1], value))
            pending = None
            continue
        if named is not None:
            flush_pending()
            pending = None
            out.append(SecondaryRating(named, value))
            continue
        flush_pending()
        pending = (number, text)
    flush_pending()
    if (bad := next((r for r in out if not _is_rating_name(r.name)), None)) is not None:
        state.warn(
            "unreadable_value",
            f"The secondary rating name {_quote(bad.name)} is not a name of words (the dump "
            "joined it with other text); the secondary ratings were left empty.",
            lines[0][0] if lines else None,
        )
        return ()
    return tuple(out)


#: A secondary rating's name: up to four words (``Scientific rigor``).
_RATING_NAME: Final = re.compile(r"[^\W\d_]{1,30}(?:[ -][^\W\d_]{1,30}){0,3}")


# The names and score tokens of the secondary ratings are the same few on every page
# (``Novelty``, ``-``, ``4.5``): what a line says is read once (the seed's block: 10
# against 3 µs).


@functools.lru_cache(maxsize=1024)
def _secondary_line(text: str) -> tuple[bool, float | None, str | None]:
    """Read a line of the secondary ratings: (is a score token, score, name).

    The name is set for a line that holds a name and its score (``Novelty 4.5``), the
    score then being that line's.
    """
    is_value, value = parse_secondary_value(text)
    if is_value:
        return True, value, None
    named = split_named(text)
    if named is None:
        return False, None, None
    return False, parse_secondary_value(named[1])[1], named[0]


@functools.lru_cache(maxsize=1024)
def _is_rating_name(name: str) -> bool:
    return _RATING_NAME.fullmatch(name) is not None


@functools.lru_cache(maxsize=16)
def _phrase_starts(layout: Layout) -> frozenset[str]:
    """Every proper start of a layout phrase that can follow a recommended title.

    A line that is one was cut inside the phrase (``No Data Av``, ``Rev``): never a title.
    """
    phrases = {*layout.empty_markers, *layout.labels, *layout.actions, *layout.other_sections}
    return frozenset(phrase[:end] for phrase in phrases for end in range(len(phrase)))


@functools.lru_cache(maxsize=16)
def _max_placeholder(layout: Layout) -> int:
    """The longest placeholder or cut phrase.

    A longer (cleaned) line is neither, since folding never shortens a line except by
    the trailing ":. " that it strips.
    """
    return max(map(len, layout.empty_markers | _phrase_starts(layout)))


#: A recommended title is a title: a line of this many words or more that ends in a
#: full stop is a sentence (a notice, a stray line after the list), not a title.
_SENTENCE_WORDS = 6


def _recommended(section: Section, page: _Page) -> tuple[str, ...]:
    """The titles of the recommended list (none on a page whose dump glued its blocks)."""
    state, glued = page.state, page.found.glued
    layout = state.layout
    longest = _max_placeholder(layout)
    titles: list[str] = []
    marked = False  # a numbered or bulleted list
    previous = ""
    for index, (number, text) in enumerate(section.lines):
        has_marker, body = strip_marker(text)
        if marked and titles and not has_marker and _wrapped_onto(previous, body, state.wrap_width):
            # In a numbered or bulleted list, an unmarked line where the tool had to
            # break the line above goes on the item above.
            titles[-1] = join_wrapped([titles[-1], body])
            previous = text
            continue
        marked = marked or has_marker
        previous = text
        if body.endswith(".") and body.count(" ") + 1 >= _SENTENCE_WORDS:
            # The list has ended: this and what follows is page text after it.
            for line in section.lines[index:]:
                state.unplaced(line, "after the recommended list")
            break
        if len(body.rstrip(":. ")) <= longest:
            key = fold(body).rstrip(".")
            if key in layout.empty_markers or key in _phrase_starts(layout) or is_bare_marker(body):
                continue  # a placeholder, a cut label, or a list marker without its item
        if _GLUED_PLACEHOLDER in body.casefold():
            glued = True  # "No Data AvailableNo Data Available": placeholders run together
        if marked and not has_marker:
            # A line without a marker in a marked list, that the tool did not have to
            # wrap onto (or whose wrap width is unknown): the rest of a wrapped title,
            # or text after the list. Either reading may give a wrong title.
            state.warn(
                "unreadable_value",
                f"The recommended list is numbered or bulleted, but the line {_quote(body)} "
                "has no marker: it may be the rest of a title the dump tool wrapped, or "
                "text after the list; the recommended list was left empty.",
                number,
            )
            return ()
        titles.append(body)
    if glued and titles:
        state.warn(
            "unreadable_value",
            "The dump glues the page's blocks together, so the recommended titles cannot "
            "be told apart; the recommended list was left empty.",
            section.lines[0][0],
        )
        return ()
    return tuple(titles)


#: The placeholder that, inside a line, shows that a dump ran blocks together. (One
#: substring test: 0.2 against 0.5 µs a title for a tuple of them mapped with any();
#: the large text page's 200 recommended titles in 60 µs less.)
_GLUED_PLACEHOLDER: Final = "no data available"


# --- the whole page ----------------------------------------------------------------


#: The rating block's sections, and what may follow them inside the paper block.
_RATING_BLOCK: Final = frozenset({"reviews", "primary_rating", "secondary_ratings"})
_AFTER_RATING_KINDS: Final = _RATING_BLOCK | {"recommended", "after_rating", "other"}


def _inside_block(sections: list[Section], state: _State) -> list[Section]:
    """*sections* without the record's sections that stand outside the paper block.

    The paper's own sections come before its rating block; after the rating block
    and a section that is not part of the record (``Related papers``: a sidebar), a
    ``Funding`` or ``Keywords`` heading belongs to the page around the paper (a
    footer, a template, a noscript notice), never to the paper. Its lines are
    reported as unplaced text.
    """
    rated = foreign = False
    kept: list[Section] = []
    for section in sections:
        rated = rated or section.kind in _RATING_BLOCK
        if rated and foreign and section.kind not in _AFTER_RATING_KINDS:
            for line in section.lines:
                state.unplaced(line, "outside the paper (after the rating block and a sidebar)")
            continue
        foreign = foreign or (rated and section.kind == "other")
        kept.append(section)
    return kept


#: A list bullet before a label or a DOI line (``- Journal: …``).
_LEADING_BULLETS: Final = ("- ", "* ", "\u2022 ")


def _without_bullets(lines: Sequence[Line], layout: Layout) -> list[Line]:
    """*lines* without the list bullets a dump wrote around a site's header items.

    For a layout whose values never end in a dash (``glued_bullets``): a line ending in
    `` -`` carries the bullet of the next item (unless the next line goes on a wrapped
    sentence, in lower case; an address is no sentence), and a label or DOI line that
    starts with ``- `` carries its own. List items keep their bullets: the list readers
    take them off.
    """
    out: list[Line] = []
    for index, (number, text) in enumerate(lines):
        if text.endswith(GLUED_BULLETS) and len(text) > 2:
            following = lines[index + 1][1] if index + 1 < len(lines) else ""
            if not following[:1].islower() or "://" in following[:8]:
                text = text[:-2].rstrip()
        if text.startswith(_LEADING_BULLETS) and _is_label_or_doi(text[2:].lstrip(), layout):
            text = text[2:].lstrip()
        out.append((number, text))
    return out


def _is_label_or_doi(text: str, layout: Layout) -> bool:
    """Whether *text* is a label line (``Journal``, ``Journal: …``) or a DOI line."""
    if not text:
        return False
    head = text.partition(":")[0] if ":" in text[:_MAX_LABEL_LINE] else text
    key = _label_key(head)
    return (
        key in layout.labels
        or key in layout.other_sections
        or _spaced_label(text, layout) is not None
        or (text[0] in _DOI_STARTS and _doi(text, layout, Extracted()) is not None)
    )


def _group(sections: list[Section]) -> dict[str, list[Section]]:
    """The sections of each kind, in page order."""
    groups: dict[str, list[Section]] = {}
    for section in sections:
        groups.setdefault(section.kind, []).append(section)
    return groups


def build_paper(
    lines: Sequence[Line],
    *,
    source_format: str,
    metadata: Metadata | None = None,
    cut_off: bool = False,
    provenance: bool = False,
    layout: Layout = PEEREF,
    metadata_only: bool = True,
) -> Paper:
    """Parse normalised *lines* into a :class:`Paper` (warnings included).

    *metadata* (from an HTML page) fills the fields the visible lines lack. *cut_off*
    says the input is known to be cut short (an HTML page without its closing tags),
    so even the page's last section may end in a cut value. With *provenance*, the
    record says where each of its values came from. *layout* is the site's layout; a
    page without its signature is read from its metadata alone (if *metadata_only*
    and the metadata states a title and a DOI) or raises :class:`UnrecognizedPage`.
    """
    state = _State(layout)
    if layout.glued_bullets:
        lines = _without_bullets(lines, layout)
    sub_page = _sub_page(lines, layout) if layout.sub_pages else None
    if sub_page is not None:
        lines = lines[: sub_page[0]]  # the listed papers are other papers
    page = _read_page(lines, state, source_format, sub_page)
    paper = _visible_record(page)
    if sub_page is None:  # a sub-page's block ends at its list, not where a page was cut
        paper = _drop_truncated(paper, page.found, state, cut_off=cut_off)
    visible = paper
    if metadata is not None:
        paper = merge_metadata(paper, metadata, state)
    if any("\ufffd" in text for _, text in lines):
        paper = _drop_damaged(paper, lines, state)
    _check_page(paper, page, metadata, sub_page)
    if not _has_signature(paper, page.groups, page.found, page.header_score, layout):
        paper = _metadata_only(paper, metadata if metadata_only else None, state)
    changes: dict[str, Any] = {}
    if state.warnings:
        changes["warnings"] = tuple(sorted(state.warnings, key=_warning_order))
    if provenance:
        changes["provenance"] = _provenance(
            paper, visible, page.groups, page.found, state, metadata
        )
    return attrs.evolve(paper, **changes) if changes else paper


def _read_page(
    lines: Sequence[Line],
    state: _State,
    source_format: str,
    sub_page: tuple[int, int, str, str] | None,
) -> _Page:
    """Split *lines* into sections and read the page's top: title, header, type."""
    sections, found = split_sections(lines, state)
    if sub_page is not None:
        _note_sub_page(sub_page, found, state)
    sections = _inside_block(sections, state)
    state.wrap_width = _wrap_width(
        [line for s in sections if s.kind == "abstract" for line in s.lines], source_format
    )
    title, article_type, header_score = _preamble(sections[0].lines, state)
    return _Page(
        state, sections, _group(sections), found, source_format, header_score, title, article_type
    )


def _visible_record(page: _Page) -> Paper:
    """The record of what the visible page shows, one value after the other.

    The values whose spec names a reader (:data:`READERS`) are read in a loop, each
    from the sections of its kind; the others have a step of their own here. A value
    the page header stated (the article type) is not read again from its section.
    """
    state = page.state
    values: dict[str, Any] = {"title": page.title, "article_type": page.header_type}
    for spec, kind, read in _READ_IN_LOOP:
        if values.get(spec.name) is None and kind in page.groups:
            values[spec.name] = _section_value(spec, page.groups[kind], read, page)
        elif spec.name not in values:
            values[spec.name] = spec.empty
    values["summary"], values["abstract"] = _abstracts(page)
    values["authors"], values["author_claim"] = _authors(page.sections("authors"), state)
    for section in page.sections("after_rating"):
        for line in section.lines:
            state.unplaced(line, "after the rating block")
    found = page.found
    return Paper(
        **values,
        journal=_journal(page),
        doi=state.pick("DOI", found.dois, None),
        rating=_rating(page),
        actions=tuple(dict.fromkeys(found.actions)),
        source=Source(
            state.layout.site if found.peeref else None,
            "html" if page.source_format == "html" else "text",
            _language(found.languages),
        ),
    )


def _check_page(
    paper: Paper,
    page: _Page,
    metadata: Metadata | None,
    sub_page: tuple[int, int, str, str] | None,
) -> None:
    """Raise :class:`UnrecognizedPage` unless *page* is a paper page (or its sub-page)."""
    if sub_page is None:
        _check_recognised(paper, page, metadata)
    elif paper.title is None or page.header_score is None:
        raise UnrecognizedPage(
            f"The input looks like a paper's {sub_page[3]} page, but it shows no page "
            "header (score and article type) and title above its list."
        )


#: A sub-page's heading stands within this many lines of the page's start (a menu,
#: the page header, a wrapped title above it).
_SUB_PAGE_HEAD: Final = 40


def _sub_page(lines: Sequence[Line], layout: Layout) -> tuple[int, int, str, str] | None:
    """Where a sub-page's heading stands, under a page header and a title, if it does.

    Returns ``(index of the heading, its line, the heading, what the sub-page lists)``.
    """
    header = None
    for index, (number, text) in enumerate(lines[:_SUB_PAGE_HEAD]):
        if header is None:
            if text[:1].isdigit() and _is_page_header(text, layout):
                header = index
            continue
        key = _label_key(text)
        if key in layout.labels:
            return None  # a section of the paper: a paper page
        if (listed := layout.sub_pages.get(key)) is not None:
            return (index, number, text, listed) if index > header + 1 else None
    return None


def _note_sub_page(sub_page: tuple[int, int, str, str], found: Extracted, state: _State) -> None:
    """Say what kind of sub-page the page is; its heading is the site's own."""
    _, number, heading, listed = sub_page
    state.warn(
        "sub_page",
        f"The page is the paper's {listed} page ({_quote(heading)}): it shows the "
        f"paper's title, article type and score; the {listed} it lists are other "
        "papers and were not read.",
        number,
    )
    found.peeref = True
    if (language := state.layout.languages.get(_label_key(heading))) is not None:
        found.languages.append(language)


@attrs.define
class _Page:
    """What the field readers read: the page's sections and what stands for itself."""

    state: _State
    #: Every section, in page order.
    all: list[Section]
    groups: dict[str, list[Section]]
    found: Extracted
    source_format: str
    header_score: tuple[int, float | None] | None
    #: The title read from the preamble.
    title: str | None = None
    #: The article type the page header states.
    header_type: str | None = None
    #: The place of each section in :attr:`all` (by id), made on first use. (A default,
    #: not ``attrs.field(init=False)``: the compiled build takes no field() here.)
    places: dict[int, int] = attrs.Factory(dict)

    def neighbour(self, section: Section, step: int) -> Section | None:
        """The section *step* places after *section* (before it if negative), if any."""
        if not self.places:
            self.places = {id(s): index for index, s in enumerate(self.all)}
        place = self.places.get(id(section))
        if place is None or not 0 <= place + step < len(self.all):
            return None
        return self.all[place + step]

    def sections(self, kind: str) -> list[Section]:
        """The sections of *kind*, in page order."""
        return self.groups.get(kind, [])

    def values(self, kind: str, read: Callable[[Section, _Page], T]) -> list[tuple[int | None, T]]:
        """The non-empty value *read* finds in each section of *kind*, with its line.

        None when one of the sections may have been opened by an item of a list (see
        :func:`_opened_by_list_item`): which one is the page's own cannot be told.
        """
        sections = self.sections(kind)
        if _any_opened_by_list_item(sections, self):
            return []
        return [(s.line, value) for s in sections if (value := read(s, self))]


def _any_opened_by_list_item(sections: list[Section], page: _Page) -> bool:
    """Whether one of *sections* (of one kind) may have been opened by a list's item.

    Warns if so: which of them is the page's own cannot be told, so the value they
    hold is left empty.
    """
    if len(sections) < 2:  # (the test needs a second section of the kind)
        return False
    for section in sections:
        if _opened_by_list_item(section, page):
            page.state.warn(
                "unreadable_value",
                f"The {SECTION_NAMES.get(section.kind, section.kind)} label on line "
                f"{section.line} ends a list given one item per line, and the page shows "
                "that section again elsewhere: the label may be an item of the list, so "
                "which section is the page's own cannot be told; its value was left empty.",
                section.line,
            )
            return True
    return False


def _first_line(section: Section, page: _Page, what: str) -> str | None:
    """The value on the section's first line (a publisher, an article type)."""
    return _first_line_only(section, page.state, what)


#: A reader turns one section into the value of a field (empty when the section holds
#: none), warning about what it cannot read; it gets what warnings call the value.
Reader = Callable[[Section, _Page, str], object]

#: The readers a spec can name (:attr:`paperparse.specs.FieldSpec.reader`).
READERS: Final[dict[str, Reader]] = {
    # one value on the section's first line; more lines are reported
    "first line": _first_line,
    # a list of short items: one a line, or separated by a mark (keywords, categories)
    "items": lambda section, page, _: _keywords(section, page),
    # numbered or unnumbered funding entries: funder and award ids
    "funding": lambda section, page, _: _funding(section, page),
    # the titles of a list of other papers
    "titles": lambda section, page, _: _recommended(section, page),
}


#: The specs whose values are read in a loop, with the section kind each reads and its
#: reader.
_READ_IN_LOOP: Final = tuple(
    (spec, spec.section, READERS[spec.reader])
    for spec in SPECS
    if spec.reader is not None and spec.section is not None
)


def _section_value(spec: FieldSpec, sections: list[Section], read: Reader, page: _Page) -> Any:
    """The value of *spec* read from *sections*; empty if they disagree."""
    if _any_opened_by_list_item(sections, page):
        return spec.empty
    found = [(s.line, value) for s in sections if (value := read(s, page, spec.what))]
    return page.state.pick(spec.what, found, spec.empty)


def _journal(page: _Page) -> Journal | None:
    """The journal block: the name from its section, the locator from where it stands."""
    state = page.state
    locators = page.found.locators  # a journal line's issue and pages join them
    if state.layout.journal_line is not None:
        names = _journal_lines(page, locators)
    else:
        names = [
            (s.line, name)
            for s in page.sections("journal")
            if (name := _first_line_only(s, state, "journal name")) is not None
        ]
    name = state.pick("journal name", names, None)
    locator = state.pick("volume, issue and pages", locators, None)
    if not names and not locators:
        return None
    loc = locator or Locator()
    return Journal(name, loc.volume, loc.issue, loc.pages, loc.article_number)


def _journal_lines(
    page: _Page, locators: list[tuple[int | None, Locator]]
) -> list[tuple[int | None, str]]:
    """The journal names of a site whose journal line holds year, issue and pages.

    The issue and pages each line states are added to *locators*.
    """
    state = page.state
    read = state.layout.journal_line
    assert read is not None  # the caller checked
    names: list[tuple[int | None, str]] = []
    for section in page.sections("journal"):
        if not section.lines:
            continue
        for line in section.lines[1:]:
            state.unplaced(line, "after the journal line")
        number, text = section.lines[0]
        found = read(text)
        reason = (
            "it is not a name with a year, an issue and pages"
            if found is None
            else _not_a_name(found.name)
        )
        if found is None or reason is not None:
            state.warn(
                "unreadable_value",
                f"The journal line {_quote(text)} cannot be read: {reason}; the journal "
                "was left empty.",
                number,
            )
            continue
        if found.problem is not None:
            state.warn(
                "unreadable_value",
                f"In the journal line {_quote(text)}, {found.problem}.",
                number,
            )
        names.append((section.line, found.name))
        if found.locator != Locator():
            locators.append((number, found.locator))
    return names


def _abstracts(page: _Page) -> tuple[str | None, str | None]:
    """The summary and the abstract under the button (or an ``Abstract`` section)."""
    texts = [
        (s.line if s.line is not None else s.lines[0][0], text)
        for s in page.sections("abstract")
        if s.lines and (text := _abstract(s, page.state, page.source_format)) is not None
    ]
    return page.state.pick("abstract", texts, (None, None))


def _has_rating_block(page: _Page) -> bool:
    return not page.groups.keys().isdisjoint(("reviews", "primary_rating", "secondary_ratings"))


def _rating(page: _Page) -> Rating | None:
    """The rating block: the header score, the primary rating, widgets, sub-scores."""
    state = page.state
    primary_lines = [line for s in page.all if s.kind in _RATING_KINDS for line in s.lines]
    scores, counts, note = _primary(primary_lines, state)
    if page.header_score is not None and page.header_score[1] is not None:
        scores.insert(0, page.header_score)
    scores = [s for s in scores if s[1] is not None]
    if not scores or not counts:
        widget_scores, widget_counts = _widgets(page.found.widgets, state)
        scores = scores or widget_scores
        counts = counts or widget_counts
    secondary = state.pick(
        "secondary ratings",
        page.values("secondary_ratings", lambda s, p: _secondary(s.lines, p.state)),
        (),
    )
    if not _has_rating_block(page) and page.header_score is None:
        return None
    return Rating(
        score=state.pick("rating score", scores, None),
        count=state.pick("number of ratings", counts, None),
        note=note,
        secondary=secondary,
    )


def _check_recognised(paper: Paper, page: _Page, metadata: Metadata | None) -> None:
    """Raise :class:`UnrecognizedPage` unless the page shows enough parts of a paper page."""
    recognised = sum(
        (
            paper.article_type is not None or page.header_score is not None,
            paper.title is not None and metadata is not None and metadata.title is not None,
            paper.journal is not None,
            paper.publisher is not None,
            paper.doi is not None,
            bool(paper.keywords),
            bool(paper.funding),
            bool(paper.authors) or paper.author_claim is not None,
            _has_rating_block(page) or (paper.rating is not None and metadata is not None),
            bool(paper.actions),
            "recommended" in page.groups,
            any(s.line is not None for s in page.sections("abstract")),
        )
    )
    if recognised < MIN_RECOGNISED:
        raise UnrecognizedPage(
            "The input does not look like a paper page: expected labelled sections such as "
            "'Journal', 'Publisher', 'DOI', 'Keywords' or 'Funding', but found "
            f"{'only one of them' if recognised else 'none of them'}."
        )


def _span(sections: list[Section]) -> tuple[int | None, int | None]:
    """The first and last line of the first of *sections* that holds lines."""
    for section in sections:
        if section.lines:
            return section.lines[0][0], section.lines[-1][0]
    return None, None


#: Record fields read from one section kind: field -> (section kind, reader name).
_FROM_SECTION: Final = {
    spec.name: (spec.section, spec.provenance_rule) for spec in SPECS if spec.section is not None
}
#: Record fields that metadata can fill: field -> the (first) Metadata attribute.
_FROM_METADATA: Final = {spec.name: spec.metadata[0][0] for spec in SPECS if spec.metadata}


def _value_at(paper: Paper, head: str, part: str) -> object:
    """The value of field ``head.part`` (of field *head* when *part* is empty)."""
    value: object = getattr(paper, head)
    return getattr(value, part, None) if part else value


#: Empty values of a field (``0`` is a value).
_EMPTY = (None, (), "")


def _provenance(
    paper: Paper,
    visible: Paper,
    groups: dict[str, list[Section]],
    found: Extracted,
    state: _State,
    metadata: Metadata | None,
) -> tuple[Provenance, ...]:
    """Where each non-empty value of *paper* came from (*visible*: before metadata)."""
    out: list[Provenance] = []
    locator = found.locators[0][0] if found.locators else None
    rating_kinds = [s for kind in _RATING_KINDS for s in groups.get(kind, [])]
    for field, head, part in _PROVENANCE_PATHS:
        if _value_at(paper, head, part) in _EMPTY:
            continue
        # metadata first: a text page has none, and skips the second look-up
        if metadata is not None and _value_at(visible, head, part) in _EMPTY:
            stated = getattr(metadata, _FROM_METADATA.get(field, ""), None)
            line = stated[0] if stated is not None else None
            out.append(Provenance(field, line, line, "metadata", _FROM_METADATA.get(field)))
            continue
        if field == "title":
            first, last = state.title_lines or (None, None)
            out.append(Provenance(field, first, last, "preamble"))
        elif (field == "article_type" and "article_type" not in groups) or (
            field == "rating.score" and not rating_kinds
        ):
            out.append(Provenance(field, state.header_line, state.header_line, "header"))
        elif field == "doi":
            line = found.dois[0][0] if found.dois else None
            out.append(Provenance(field, line, line, "doi_line"))
        elif field.startswith("journal.") and field != "journal.name":
            out.append(Provenance(field, locator, locator, "locator"))
        elif field == "rating.score":
            first, last = _span(rating_kinds)
            out.append(Provenance(field, first, last, "section:primary_rating"))
        elif field in _FROM_SECTION:
            kind, rule = _FROM_SECTION[field]
            sections = groups.get(kind, [])
            if kind == "primary_rating":
                sections = rating_kinds
            first, last = _span(sections)
            out.append(Provenance(field, first, last, rule))
    return tuple(out)


_PROVENANCE_FIELDS = VALUE_FIELDS
#: Each field of _PROVENANCE_FIELDS, and its attribute names: ("journal.volume", "journal",
#: "volume"), ("title", "title", "").
_PROVENANCE_PATHS = tuple((field, *field.partition(".")[::2]) for field in _PROVENANCE_FIELDS)


def _has_signature(
    paper: Paper,
    groups: dict[str, list[Section]],
    found: Extracted,
    header_score: tuple[int, float | None] | None,
    layout: Layout,
) -> bool:
    """Whether the page shows what only the layout's site shows (its signature).

    A marker line or its address, its buttons, the author-claim prompt, a full page
    header (Peeref: a score and an article type) or a section only its pages have
    (Peeref: the rating block). Labels such as ``Journal`` or ``Authors`` alone are on
    every site's pages, laid out differently: reading another site's page with this
    layout would give plausible, wrong values.
    """
    return bool(
        found.peeref
        or paper.actions
        or paper.author_claim is not None
        or (layout.page_header and paper.article_type is not None and header_score is not None)
        or not layout.signature_sections.isdisjoint(groups)
    )


def _metadata_only(paper: Paper, metadata: Metadata | None, state: _State) -> Paper:
    """The record of a page without the layout's signature: its metadata alone, if any."""
    if metadata is None or metadata.title is None or metadata.doi is None:
        raise UnrecognizedPage(
            "The input does not look like a paper page of a known site: it has labels "
            "such as 'Journal' or 'Authors', but none of the parts only the site's own "
            "pages show (for Peeref: the score and article type header, the rating "
            "block, the author-claim prompt or the 'Ask authors/readers for more "
            "resources' button; for OUCI: its 'General information' or 'List of "
            "references' headings or its 'Full text' link after the DOI)."
        )
    state.warnings.clear()
    return merge_metadata(Paper(source=paper.source), metadata, state)


def _drop_truncated(paper: Paper, found: Extracted, state: _State, *, cut_off: bool) -> Paper:
    """Empty the value that a cut-off page ends with: it may itself be cut."""
    role, line, section = found.last
    if role not in ("content", "doi", "locator") or section is None:
        return paper
    kind = section.kind
    if kind not in state.layout.never_last and not (cut_off and kind == "recommended"):
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
        if section.kind == "journal" and state.layout.journal_line is not None:
            # the issue and pages stand on the cut line too ("Name, 2018, p. 7569-75")
            field, changed = "journal line", attrs.evolve(paper, journal=None)
    dropped = f"; the {field} it ends with was left empty" if field else ""
    state.warn(
        "truncated_page",
        f"The page ends inside the {SECTION_NAMES[section.kind]} section, so it looks "
        f"cut off{dropped}.",
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
    if kind in _RATING_KINDS:
        # the score, count and note of the primary rating stand in any order
        return "rating", paper if paper.rating is None else attrs.evolve(paper, rating=Rating())
    cut = [spec for spec in SPECS if spec.section == kind and spec.ends_section]
    for spec in cut:
        paper = _with_value(paper, spec.name, spec.empty)
    return " and ".join(spec.what for spec in cut), paper


def _with_value(paper: Paper, name: str, value: Any) -> Paper:
    """*paper* with the value *name* (dotted for a part of a block) set to *value*."""
    head, _, part = name.partition(".")
    if not part:
        return attrs.evolve(paper, **{head: value})
    block = getattr(paper, head)
    if block is None:  # no block: its parts are empty already
        return paper
    return attrs.evolve(paper, **{head: attrs.evolve(block, **{part: value})})


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
        return fold(visible) == fold(stated)
    if isinstance(visible, tuple) and isinstance(stated, tuple):
        return sorted(map(_name_key, visible)) == sorted(map(_name_key, stated))
    return visible == stated


def _name_key(item: object) -> tuple[str, ...]:
    """Compare names and keywords by their words: ``Zhang, Wei`` is ``Wei Zhang``."""
    text = item.name if isinstance(item, Author) else str(item)
    return tuple(sorted(_ALNUM_RUN.findall(text.casefold())))


#: A run of letters and digits (``str.isalnum``: the word characters but ``_``); one
#: search, not a test per character (1.1 against 2.0 µs a name).
_ALNUM_RUN: Final = re.compile(r"[^\W_]+")


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


#: What a metadata_conflict warning calls each Metadata attribute.
_FIELD_NAMES: Final = {attribute: what for spec in SPECS for attribute, what in spec.metadata}


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return "; ".join(v.name if isinstance(v, Author) else str(v) for v in value)
    return str(value)


#: A page must show at least this many of the known parts to count as a paper page.
MIN_RECOGNISED = 2


def _warning_order(warning: ParseWarning) -> int:
    return warning.line if warning.line is not None else 0
