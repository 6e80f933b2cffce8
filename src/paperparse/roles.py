"""What a line of the page is on a site's layout: a label, a button, chrome or a value.

The sections stage (:mod:`.sections`) asks this of every block, with the kind of the
section the block stands in. The answer (:class:`LineRole`) depends on the block's
text, the layout's words (:mod:`.layouts`) and a few facts about the whole page
(:class:`PageFacts`: whether the dump glued its blocks together, whether the page
names the site), never on a site's words held here.

A short line (a label, a button, a menu word) costs a few lookups of its folded text
in the layout's tables; a long line (a value, a paragraph) is only tested for what a
long line can be: a label with its value (``Funding: …``), a cookie banner or a
copyright notice, the author-claim prompt.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from .fields.citation import read_doi_link_line
from .fields.doi import parse_doi_line
from .fields.rating import looks_like_score, parse_count, parse_score
from .layouts import Layout
from .layouts.compiled import COPYRIGHT, GLUE_START
from .normalize import fold
from .outline.block import Block
from .web import COUNT_WORDS

#: An unknown ``Label:`` line opens an unknown section only if it is this short.
MAX_LABEL_WORDS: Final = 4
#: The longest line that can be a label, button or chrome word (with decoration).
MAX_LABEL_LINE: Final = 48
#: Markdown marks and bullets that may decorate a label (``**Keywords**``, ``• Funding``).
DECORATION: Final = "#*_> \u2022\u25aa\u25e6\u2023\u25b6\u25b8\u25b9\u25ba\u25bc\u25be"
_RATING_KINDS: Final = frozenset({"reviews", "primary_rating"})


class Role(enum.Enum):
    """What a line is, whatever section it stands in.

    The sections loop compares roles about ten times a line, and looking a member up
    on an Enum class costs four times a module global (112 against 28 ns on Python
    3.11): the stages compare with the module aliases below (``OPENS is Role.OPENS``).
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
OPENS: Final = Role.OPENS
INLINE: Final = Role.INLINE
TYPED: Final = Role.TYPED
OTHER: Final = Role.OTHER
OTHER_IF_COLON: Final = Role.OTHER_IF_COLON
ACTION: Final = Role.ACTION
CHROME: Final = Role.CHROME
VALUE: Final = Role.VALUE
GLUED: Final = Role.GLUED


@attrs.frozen
class LineRole:
    """What a line is (cached per text and layout for short lines).

    Attributes:
        role: The line's role.
        kind: The section kind a label opens; the action's key for a button.
        value: The value on the line (INLINE, TYPED, GLUED), or the label as written
            (OTHER).
        header: The line is a full page header (``4.7 Review``).
        marker: The line names the site (a marker only its pages show).
        language: The interface language of the label, button or prompt, if the line
            is one.
        menu_word: The line is a label that also names a page of the site
            (``Funding``): between two menu items, it is one too.
        claim: The line is a line of the author-claim prompt.
    """

    role: Role
    kind: str = ""
    value: str = ""
    header: bool = False
    marker: bool = False
    language: str | None = None
    menu_word: bool = False
    claim: bool = False


#: What a long line that is a plain value is.
LONG_VALUE: Final = LineRole(VALUE)


@attrs.frozen
class PageFacts:
    """What the whole page says about each of its lines.

    Attributes:
        glued: The dump glued the page's blocks together (``JournalNATURE``): a value
            may be a label glued to its value.
        site_named: Some line may name the site's address; when false, no long line
            is looked at for one.
        structured: The page's blocks carry the kinds of its HTML (tables, lists,
            headings), which may change a line's role.
        label_level: The level of the headings that are the layout's labels (``<h3>
            Journal</h3>``: 3), the highest if they differ; 0 when no label is a
            heading. A heading of that level or higher starts a part of the page.
    """

    glued: bool = False
    site_named: bool = False
    structured: bool = False
    label_level: int = 0


@functools.lru_cache(maxsize=4096)
def label_key(text: str) -> str:
    """The folded form of a line that may be a label (Markdown decoration removed).

    >>> label_key("**Key Words:**")
    'key words'
    """
    return fold(text.strip(DECORATION))


def classify(
    blocks: Sequence[Block], index: int, kind: str, layout: Layout, facts: PageFacts
) -> LineRole:
    """What the block at *index* is on this page, in a section of *kind*.

    What its text says, and what the page as a whole says about it: on a page whose
    dump glued its blocks, a value may be a label glued to its value; the author-claim
    prompt is the author list's, whatever section it stands in.
    """
    text = blocks[index].text
    if (
        layout.spaced_labels
        and kind not in _NO_SPACED_LABELS
        and (spaced := spaced_label(text, layout)) is not None
    ):
        return spaced
    if len(text) <= MAX_LABEL_LINE:
        # Labels, buttons and chrome are short: their role is looked up once.
        line = short_line(text, layout)
        if line is SHORT_VALUE:  # most short lines: no claim, no label
            if facts.glued and (glued := glued_label(text, layout)):
                return glued
            return line
        if (
            line.menu_word
            and _menu_word_near(blocks, index - 1, -1, layout)
            and _menu_word_near(blocks, index + 1, 1, layout)
        ):
            return attrs.evolve(line, role=CHROME)  # a label between menu items
        if line.role is OTHER_IF_COLON:
            if kind == "abstract":
                role, action = _plain_role(label_key(text), layout)
                line = attrs.evolve(line, role=role, kind=action)
            else:
                return attrs.evolve(line, role=OTHER)
    else:
        line = _long_line(text, kind, layout, facts.site_named)
    if line.role is not VALUE:
        return line
    if text[:1].islower() and index and _wrapped_banner(blocks[index - 1].text, kind, layout):
        return LineRole(CHROME)  # "all Reject all": the rest of a wrapped cookie banner
    if facts.glued and (glued := glued_label(text, layout)):
        return glued
    if line.claim and kind != "authors":
        # (a dump that lost the Authors label): the prompt is never another field's text.
        return LineRole(TYPED, "authors", text)
    return line


#: A banner line this long may have been wrapped by a dump tool (they wrap at 70 or more).
_WRAPPED_BANNER: Final = 60


def _wrapped_banner(text: str, kind: str, layout: Layout) -> bool:
    """Whether *text* is a cookie banner or a notice long enough to have been wrapped."""
    return len(text) >= _WRAPPED_BANNER and is_chrome_prefix(text, kind, layout)


#: Sections where a line that starts with a spaced label's word is the section's own
#: text: the title, the abstract, a skipped section.
_NO_SPACED_LABELS: Final = frozenset({"preamble", "abstract", "other"})


#: A menu written as one line is at most this long.
_MAX_MENU_LINE: Final = 160


def _long_line(text: str, kind: str, layout: Layout, site_named: bool) -> LineRole:
    """What a line too long to be a label is, in a section of *kind*.

    *site_named* is False when no line of the page names the site (see
    :func:`page_names_site`): the line is then not looked at for an address.
    """
    marker = site_named and names_site(text, layout)
    if (inline := _inline_label(text, layout)) is not None and not (
        kind == "abstract" and is_prose(inline[1])
    ):
        # "Funding: This work was supported by …" inside a structured abstract is the
        # abstract's own paragraph, not the page's Funding section.
        return LineRole(INLINE, inline[0], inline[1], marker=marker)
    if is_chrome_prefix(text, kind, layout):
        return LineRole(CHROME, marker=marker)
    if (
        len(text) <= _MAX_MENU_LINE
        and fold(text[: text.find(" ")]) in layout.compiled.chrome_items
        and _is_chrome(label_key(text), layout)
    ):
        return LineRole(CHROME, marker=marker)  # a long menu: "Peeref Papers … Log in"
    if is_claim(text, layout):
        return LineRole(VALUE, marker=marker, claim=True)
    if (
        text[text.rfind(" ") + 1 :].casefold() in layout.compiled.action_ends
        and (action := _button(label_key(text), layout)) is not None
    ):
        # A button after others that a dump wrote on its line: "Cite | Share | Ask …".
        return LineRole(ACTION, action, marker=marker, language=layout.languages.get(action))
    # Most long lines are values: one shared answer, not a new object per line.
    return LineRole(VALUE, marker=True) if marker else LONG_VALUE


#: What a short line that is a plain value is.
SHORT_VALUE: Final = LineRole(VALUE)
#: A short line that starts with decoration (a Markdown heading, a bullet) or a digit (a
#: page header's score), holds a mark of a label with its value (a colon, a bar) or of a
#: menu (a middle dot, a slash, an arrow), or ends in decoration, a digit or a bracket
#: (a count badge) may be something else than a value: one search tells.
_MAY_BE_MORE: Final = re.compile(
    r"^[#*_> \u2022\u25aa\u25e6\u2023\u25b6-\u25be\d]|[:\uff1a|\u00b7/\u203a\u00bb\u2022]"
    r"|[#*_> \u2022\u25aa\u25e6\u2023\d)\]]$"
)


@functools.lru_cache(maxsize=8192)
def short_line(text: str, layout: Layout) -> LineRole:
    """What a short line is by its text alone: its role, and whether it is a claim line.

    A line that holds none of the layout's words where they could make it a label, a
    button, chrome, a marker or the claim prompt is a plain value; telling so costs one
    search and a few set lookups (most short lines of a page are values: names,
    keywords). Labels, buttons and chrome repeat on every page: the answer is cached
    (a miss costs a tenth of the look).
    """
    if _MAY_BE_MORE.search(text) is not None:
        return _known_line(text, layout)
    key = label_key(text)
    compiled = layout.compiled
    space = key.find(" ")
    if (
        key in compiled.line_words
        or (key if space < 0 else key[:space]) in compiled.first_words
        or key[key.rfind(" ") + 1 :] in compiled.action_ends
        or key.startswith(compiled.chrome_starts)
        or key.rstrip(".\u3002 ") in layout.claim_lines
        or (compiled.addresses and names_site(text, layout))
    ):
        return _known_line(text, layout)
    return SHORT_VALUE


def _known_line(text: str, layout: Layout) -> LineRole:
    """:func:`short_line` of a line that holds the layout's words."""
    line = _short_role(text, layout)
    return attrs.evolve(line, claim=True) if is_claim(text, layout) else line


#: A label followed by a count badge: ``reviews 0``, ``comments (3)`` (folded).
_BADGE: Final = re.compile(r"(?P<label>[^\d()\[\]]{1,40}?) ?[(\[]?[0-9]{1,6}[)\]]?")
#: How a badge ends: a line ending otherwise is spared the pattern (1 to 1.5 µs a line).
_BADGE_ENDS: Final = frozenset("0123456789)]")


def _short_role(text: str, layout: Layout) -> LineRole:
    """Classify a short line (a label, a button, chrome ...) by its text alone."""
    header = (
        layout.page_header
        and text.lstrip(DECORATION)[:1].isdigit()
        and is_page_header(text, layout)
    )
    key = label_key(text)
    marker = key in layout.markers or names_site(text, layout)
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
            return LineRole(OTHER, "", label, header, marker)
    if kind is not None and kind != "doi":
        menu_word = key in layout.nav_words
        return LineRole(OPENS, kind, "", header, marker, language, menu_word)
    if (inline := _inline_label(text, layout)) is not None:
        language = layout.languages.get(label_key(text.partition(":")[0]))
        return LineRole(INLINE, inline[0], inline[1], header, marker, language)
    if key and (typed := _label_and_typed_value(text, layout)) is not None:
        # "Primary Rating 4.4", "Recommended No Data Available": a table row that a
        # dump tool wrote with one space (lynx); the value's type vouches for it.
        return LineRole(TYPED, typed[0], typed[1], header, marker)
    if key in layout.other_sections:
        return LineRole(OTHER, "", text.rstrip(":"), header, marker)
    if (
        key
        and text.endswith(":")
        and len(key.split()) <= MAX_LABEL_WORDS
        and key not in layout.actions
        and key not in layout.labels
    ):
        return LineRole(OTHER_IF_COLON, "", text.rstrip(":"), header, marker)
    role, action = _plain_role(key, layout)
    language = layout.languages.get(action) if role is ACTION else language
    return LineRole(role, action, "", header, marker, language)


def _inline_label(text: str, layout: Layout) -> tuple[str, str] | None:
    """Split ``Label: value`` or ``Label | value`` (a Markdown table row): kind, value."""
    colon = text.find(":", 0, MAX_LABEL_LINE)
    if colon < 0:
        colon = text.find("\uff1a", 0, MAX_LABEL_LINE)  # a full-width colon
    width = 1
    if colon < 0 and (colon := text.find(" | ", 0, MAX_LABEL_LINE)) > 0:
        width = 3  # a Markdown table row: "Primary Rating | 4.7"
    if colon > 0 and (rest := text[colon + width :].strip()):
        inline = layout.labels.get(label_key(text[:colon]))
        if inline is not None and inline != "doi" and (rest := rest.strip(" |")):
            return inline, rest
    return None


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


def _plain_role(key: str, layout: Layout) -> tuple[Role, str]:
    """The role of a short line that is no label: a button, chrome, or a value."""
    if key and key not in layout.actions and (action := _button(key, layout)) is not None:
        key = action  # a button whose icon has a text label: "Question Ask authors/..."
    if key in layout.actions:
        return ACTION, key
    if key and _is_chrome(key, layout):
        return CHROME, ""
    return VALUE, ""


#: A button's text may be preceded by the text of its icon (``Question``, ``Star``).
_MAX_ICON_WORDS: Final = 2


def _button(key: str, layout: Layout) -> str | None:
    """The action a line names after at most two words of icon text, if any.

    Other buttons before it, which a dump tool wrote on the same line (``Cite | Share
    Ask authors/readers …``), are chrome, as on a line of their own.
    """
    for action in layout.actions:
        if key.endswith(action):
            prefix = key[: -len(action)]
            if not prefix or (
                prefix.endswith(" ")
                and (
                    len(prefix.split()) <= _MAX_ICON_WORDS
                    or _is_chrome(prefix := prefix.strip(" |·•"), layout)
                    or _LIST_CONTROL.fullmatch(prefix) is not None
                )
            ):
                return action
    return None


_MENU_SEPARATORS: Final = ("|", "·", "/", "\u203a", "\u00bb", "\u2022")


@functools.lru_cache(maxsize=4096)
def _is_chrome(key: str, layout: Layout) -> bool:
    if key in layout.chrome_lines or _starts_as_chrome(key, layout):
        return True
    if _is_statistics(key):
        return True
    if "[" in key and key.count("[") == key.count("]"):
        # A tool's brackets around a link or a menu ("Log in [English]": w3m's select).
        key = " ".join(key.replace("[", " ").replace("]", " ").split())
    items = layout.compiled.chrome_items
    for separator in _MENU_SEPARATORS:
        if separator in key:
            parts = [p.strip() for p in key.split(separator) if p.strip()]
            return bool(parts) and all(p in items for p in parts)
    return _only_chrome_words(key.split(), items, layout)


#: The control of a shortened list: ``Show all 14 authors``, ``View more`` (a button
#: before another on one line; on a line of its own, the list reader's).
_LIST_CONTROL: Final = re.compile(
    r"(?:show|view|see|load|read)[ ](?:all|more|less)(?:[ ][0-9]{1,6})?(?:[ ][a-z]{3,15})?"
)
#: One count of a page's statistics: ``2,431 views``, ``1.2k reads``, ``views: 2431``.
_COUNT: Final = re.compile(
    r"(?:[0-9][0-9,.]{0,12}[km]?\s?([a-z]{3,10})|([a-z]{3,10}):?\s?[0-9][0-9,.]{0,12}[km]?)"
)
_STATISTICS_SEPARATORS: Final = re.compile(r"\s*[·|•;]\s*|,\s+|\s{2,}")


_COUNT_STARTS: Final = tuple(COUNT_WORDS)


def _is_statistics(key: str) -> bool:
    """Whether the (folded) line *key* is the page's counts of itself (``17 downloads``).

    >>> _is_statistics("2,431 views · 17 downloads"), _is_statistics("100 years of soil")
    (True, False)
    """
    if not key[:1].isdigit() and not key.startswith(_COUNT_STARTS):
        return False  # most lines (the cheap test first)
    for part in _STATISTICS_SEPARATORS.split(key):
        match = _COUNT.fullmatch(part)
        if match is None or (match.group(1) or match.group(2)) not in COUNT_WORDS:
            return False
    return True


def _only_chrome_words(words: list[str], items: frozenset[str], layout: Layout) -> bool:
    """Whether *words* are two or more chrome *items* in a row (``Home Papers Log in``).

    Dump tools write a navigation bar or a footer of links as one line of words; a
    strip of tabs, too, where section names with their counts stand among the links
    (``Overview Comments (2) Reviews``).
    """
    if len(words) < 2:  # a single word is checked as a whole line
        return False
    index = 0
    chrome = labelled = counted = False
    while index < len(words):
        for size in (3, 2, 1):
            part = " ".join(words[index : index + size])
            if part in items:
                chrome = True
            elif part in layout.labels or part in layout.other_sections:
                labelled = True
            else:
                continue
            index += size
            if index < len(words) and _TAB_COUNT.fullmatch(words[index]):
                index, counted = index + 1, True
            break
        else:
            return False
    # (section names among links make tabs only with a tab's count: "… about" is none)
    return chrome and (counted or not labelled)


#: The count a tab shows beside its name: ``(2)``, ``[12]``.
_TAB_COUNT: Final = re.compile(r"[(\[]?[0-9]{1,6}[)\]]?")


#: How many chrome lines (a banner, a button) may stand between two items of a menu.
_MAX_CHROME_IN_MENU: Final = 4


def _menu_word_near(blocks: Sequence[Block], index: int, step: int, layout: Layout) -> bool:
    """Whether a menu item (``Papers``) stands next to a label line.

    Looks from *index* on, before the label (*step* -1) or after it (*step* 1). Chrome
    between the two (a cookie banner drawn over the menu) is passed over.
    """
    for _ in range(_MAX_CHROME_IN_MENU + 1):
        if not 0 <= index < len(blocks):
            return False
        text = blocks[index].text
        if label_key(text) in layout.nav_words:
            return True
        if len(text) > MAX_LABEL_LINE or short_line(text, layout).role is not CHROME:
            return False
        index += step
    return False


def spaced_label(text: str, layout: Layout) -> LineRole | None:
    """Split ``Funder Gulf Research Program``: a spaced label and its value, if it is one."""
    for label, kind in layout.spaced_labels.items():
        size = len(label)
        if (
            text[size : size + 1] == " "
            and text[:size].casefold() == label
            and (value := text[size + 1 :].strip())
        ):
            return LineRole(INLINE, kind, value, language=layout.languages.get(label))
    return None


# --- chrome and notices ---------------------------------------------------------------


def is_chrome_prefix(text: str, kind: str, layout: Layout) -> bool:
    """Whether a long line is chrome: a cookie banner or a copyright notice.

    In the abstract, a copyright line is the abstract's own last sentence (Web of
    Science abstracts end with one), so there only cookie banners are chrome. Elsewhere
    a line that starts with "copyright" is a notice only if it reads as one (a year, or
    "rights reserved"): the second line of a wrapped title can start with the word.
    """
    if text[0].casefold() not in layout.compiled.chrome_first:
        return False  # most lines (0.3 against 0.5 µs a long line: 2% of a large page)
    if kind == "abstract" and text[:40].casefold().startswith(COPYRIGHT):
        return False
    return _starts_as_chrome(text, layout)


def _starts_as_chrome(text: str, layout: Layout) -> bool:
    """Whether *text* starts as a cookie banner or a copyright notice does."""
    head = text[:40].casefold()
    if head.startswith(COPYRIGHT):
        return _is_notice(text)
    return head.startswith(layout.chrome_prefixes)


_YEAR: Final = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")


def _is_notice(text: str) -> bool:
    """Whether a line that starts like a copyright notice reads as one."""
    return "\u00a9" in text or "rights reserved" in text.casefold() or bool(_YEAR.search(text))


#: A value of this many words or more, ending in a full stop, is prose.
PROSE_WORDS: Final = 8


def is_prose(text: str) -> bool:
    """Whether *text* reads as a sentence of prose rather than a list or a name."""
    return text.endswith(".") and ";" not in text and text.count(" ") + 1 >= PROSE_WORDS


# --- the site's own words: its address and the author-claim prompt -------------------


def names_site(text: str, layout: Layout) -> bool:
    """Whether *text* holds one of the site's addresses (``www.PEEREF.Com``, any case).

    Looked for in the lower-cased line: the same answer as a case-blind pattern, and
    10x faster on a long line (1.3 against 17 µs on the seed's abstract).
    """
    addresses = layout.compiled.addresses
    if not addresses:
        return False
    lowered = text.lower()
    for address in addresses:  # noqa: SIM110 - a loop, not any(): no generator a line
        if address in lowered:
            return True
    return False


def page_names_site(page: str, layout: Layout) -> bool:
    """Whether a line of *page* may name the site; if not, none does (:func:`names_site`).

    *page* is the page's lines joined by newlines; its ASCII letters are lower-cased as
    UTF-8 bytes: an ASCII address shows in any case there, and a line break joins no two
    lines into one.
    Lower-casing the page as a str is slow once it holds one non-ASCII character, and
    testing each long line costs a call a line. Non-ASCII addresses, and the two
    characters that lower-case to an ASCII letter, send every line to
    :func:`names_site`.
    """
    addresses = layout.compiled.ascii_addresses
    if addresses is None:
        return True
    if not addresses:
        return False
    if "\u0130" in page or "\u212a" in page:  # İ and the Kelvin sign: "i̇" and "k"
        return True
    data = page.encode("utf-8", "surrogatepass").lower()
    return any(address in data for address in addresses)


#: The longest author-claim line (with some room for a dump's decoration).
_MAX_CLAIM_LINE: Final = 90


def is_claim(text: str, layout: Layout) -> bool:
    """Whether *text* is a line of the author-claim prompt."""
    return (
        len(text) <= _MAX_CLAIM_LINE
        and text[0].casefold() in layout.compiled.claim_first
        and claim_key(text) in layout.claim_lines
    )


def claim_key(text: str) -> str:
    """The key of a claim line in the layout's ``claim_lines`` (no final full stop)."""
    return fold(text).rstrip(".\u3002 ")


# --- DOI lines ------------------------------------------------------------------------

#: First characters of a DOI line (``DOI:``, ``doi:``, ``https://doi.org``, ``(doi``,
#: a bare ``10.``): a cheap test that spares most lines the full parser (0.1 against
#: 0.7 µs a line that is no DOI line).
DOI_STARTS: Final = frozenset("dDhH([<1")


def doi_line(text: str, layout: Layout) -> tuple[str, bool] | None:
    """The DOI a line states, and whether the site's link text follows it (a marker).

    On a site that writes a link text after the DOI (``https://doi.org/… · Full
    text``), that text is no part of the DOI and names the site.
    """
    if not layout.doi_suffixes:
        doi = parse_doi_line(text)
        return None if doi is None else (doi, False)
    return read_doi_link_line(text, layout.doi_suffixes)


# --- glued labels ---------------------------------------------------------------------

#: Where a dump glued two blocks: a lower-case letter followed by a capital or a digit.
_GLUE: Final = re.compile(r"(?<=[a-z])(?=[A-Z0-9])")


@functools.lru_cache(maxsize=4096)
def glued_label(text: str, layout: Layout) -> LineRole | None:
    """Read *text* as a label glued to what follows it (``KeywordsIS use; …``), if it is."""
    glue = _GLUE.search(text, 0, MAX_LABEL_LINE)
    if glue is None:
        return None
    label, rest = text[: glue.start()], text[glue.start() :]
    key = label_key(label)
    kind = layout.labels.get(key)
    if kind is not None and (second := layout.labels.get(label_key(rest))) is not None:
        return LineRole(OPENS, second)  # two labels glued: "ReviewsPrimary Rating"
    if kind is not None and kind != "doi":
        return LineRole(GLUED, kind, rest)
    if key in layout.other_sections:
        return LineRole(GLUED, "other", rest)
    return None


#: A dump that glues the page's blocks shows it this often: one glued label alone may be
#: a value that starts with a label's word (``SourceForge``).
_GLUED_LABELS: Final = 2


def is_glued_page(blocks: Sequence[Block], layout: Layout) -> bool:
    """Whether the page's text tool glued its blocks (labels run into their values).

    Only a line that starts as one of the layout's labels (or a heading of a skipped
    section) starts may be a glued label (``JournalNATURE``): the others are passed over
    with one lookup of their first characters (most lines of most pages).
    """
    starts = layout.compiled.glue_starts
    short = layout.compiled.short_glue_words
    count = 0
    for block in blocks:
        text = block.text
        if text[0] in DECORATION:
            text = text.lstrip(DECORATION)
        start = text[:_GLUE_START].casefold()[:_GLUE_START]
        if start not in starts and not (short and start.startswith(short)):
            continue
        text = block.text
        if glued_label(text, layout) is not None:
            count += 1
            if count >= _GLUED_LABELS:
                return True
    return False


#: How many first characters of a line are looked up (:func:`is_glued_page`).
_GLUE_START: Final = GLUE_START


# --- the page header ------------------------------------------------------------------


def parse_header(text: str, layout: Layout) -> tuple[float | None, str | None] | None:
    """Read a header line: ``4.7 Review``, ``4.7``, or ``Review``.

    Emphasis marks around it (``__4.7 Article``: html2text's empty ``<i>`` of an icon)
    are no part of it, as around a label; nor are star glyphs before the score.
    """
    if len(text) > MAX_LABEL_LINE:
        return None
    return _read_header(text.strip(DECORATION).lstrip(_STAR_GLYPHS) or text, layout)


#: Star glyphs a page draws before its score (``★ 4.1``).
_STAR_GLYPHS: Final = "\u2605\u2606\u272d\u2b50\ufe0f "


@functools.lru_cache(maxsize=1024)
def _read_header(text: str, layout: Layout) -> tuple[float | None, str | None] | None:
    if (kind := article_type(text, layout, known_only=True)) is not None:
        return None, kind
    if looks_like_score(text):
        return parse_score(text), None
    first, _, rest = text.partition(" ")
    if (
        looks_like_score(first)
        and (kind := article_type(rest, layout, known_only=False)) is not None
    ):
        return parse_score(first), kind
    return None


#: The most words an article type not in the layout may have (``Research Article``).
_MAX_TYPE_WORDS: Final = 4


def article_type(text: str, layout: Layout, *, known_only: bool) -> str | None:
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


def is_page_header(text: str, layout: Layout) -> bool:
    """Whether *text* is a full page header: a score and an article type (``4.7 Review``)."""
    header = parse_header(text, layout)
    return header is not None and header[0] is not None and header[1] is not None
