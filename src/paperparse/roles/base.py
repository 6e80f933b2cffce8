"""The answer of the roles stage: what a line is (:class:`LineRole`), and the page's facts.

:class:`Role` and its module aliases, :class:`LineRole`, :class:`PageFacts`, the limits
of a label line and :func:`label_key`, the folded form every layout table is keyed by.
"""

from __future__ import annotations

import enum
import functools
from typing import Final

import attrs

from ..normalize import fold

#: An unknown ``Label:`` line opens an unknown section only if it is this short.
MAX_LABEL_WORDS: Final = 4
#: The longest line that can be a label, button or chrome word (with decoration).
MAX_LABEL_LINE: Final = 48
#: Markdown marks and bullets that may decorate a label (``**Keywords**``, ``• Funding``).
DECORATION: Final = "#*_> \u2022\u25aa\u25e6\u2023\u25b6\u25b8\u25b9\u25ba\u25bc\u25be"


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
