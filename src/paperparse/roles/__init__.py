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

import functools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from ..fields.rating import looks_like_score, parse_count
from ..layouts import Layout
from ..layouts.compiled import COPYRIGHT
from ..normalize import fold
from ..outline.block import Block
from ..web import COUNT_WORDS
from .base import (
    ACTION,
    CHROME,
    DECORATION,
    GLUED,
    INLINE,
    LONG_VALUE,
    MAX_LABEL_LINE,
    MAX_LABEL_WORDS,
    OPENS,
    OTHER,
    OTHER_IF_COLON,
    TYPED,
    VALUE,
    LineRole,
    PageFacts,
    Role,
    label_key,
)
from .site import (
    DOI_STARTS,
    claim_key,
    doi_line,
    glued_label,
    is_claim,
    is_glued_page,
    is_page_header,
    names_site,
    page_names_site,
    parse_header,
)

_RATING_KINDS: Final = frozenset({"reviews", "primary_rating"})

__all__ = [
    "ACTION",
    "CHROME",
    "DECORATION",
    "DOI_STARTS",
    "GLUED",
    "INLINE",
    "LONG_VALUE",
    "MAX_LABEL_LINE",
    "MAX_LABEL_WORDS",
    "OPENS",
    "OTHER",
    "OTHER_IF_COLON",
    "TYPED",
    "VALUE",
    "LineRole",
    "PageFacts",
    "Role",
    "claim_key",
    "classify",
    "doi_line",
    "glued_label",
    "is_chrome_prefix",
    "is_claim",
    "is_glued_page",
    "is_page_header",
    "is_prose",
    "label_key",
    "names_site",
    "page_names_site",
    "parse_header",
    "short_line",
    "spaced_label",
]


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
        or key.startswith(compiled.line_starts)
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
        elif (
            key.startswith(action)
            and key[len(action) : len(action) + 1] == " "
            and _is_chrome(key[len(action) :].strip(" |·•"), layout)
        ):
            # The links after it that a dump wrote on its line: "Rate this paper About us
            # Privacy Policy" (a footer's), chrome as on a line of their own.
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
