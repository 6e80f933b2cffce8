"""A layout compiled once into the lookup tables and patterns the stages read.

A :class:`~paperparse.layouts.Layout` is data as a person writes it: labels, buttons,
chrome lines, prompts. The stages ask it the same questions on every line ("is this a
label?", "does it start as a cookie banner?", "is it the author-claim prompt?"), so
the answers that depend on the layout alone are worked out once, when the layout is
made or extended (:meth:`Layout.__attrs_post_init__`), never on the hot path:

* whole-line words (labels, buttons, chrome, notes, prompts) stay the layout's own
  dicts and sets: a short line costs one lookup of its folded text;
* what is derived from them (first characters of chrome prefixes and claim lines, the
  item words of a menu, the starts of placeholders a cut page leaves, the labels of the
  abstract, the addresses as lower-case bytes) is computed here;
* the words a list item may not hold (:class:`~paperparse.fields.clean.ItemWords`)
  become one pattern.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

import attrs

from ..fields.clean import ItemWords

if TYPE_CHECKING:
    from .layout import Layout

#: How many first characters of a line tell whether it may be a glued label.
GLUE_START: Final = 4
#: How copyright notices start (folded), on every site.
COPYRIGHT: Final = ("\u00a9", "(c) ", "copyright ")


@attrs.frozen(eq=False)
class CompiledLayout:
    """The tables one layout's stages read, made once from its words.

    Attributes:
        chrome_first: First characters of the chrome prefixes and copyright notices.
        chrome_items: The words a menu line is made of: chrome lines and menu words.
        claim_first: First characters (folded) of the author-claim lines.
        addresses: The host names and marker parts, lower-cased.
        ascii_addresses: The host names as lower-case ASCII bytes, or ``None`` if one
            is not ASCII (then every line is looked at).
        abstract_labels: The labels of the abstract, longest first.
        phrase_starts: Every proper start of a phrase that can follow a recommended
            title (a placeholder, a label, a button, a heading): a line that is one was
            cut inside the phrase (``No Data Av``).
        max_placeholder: The longest placeholder or cut phrase.
        items: What a list item may not be or hold, on this site's pages.
        line_words: Every whole line (folded) that means something on the site: a
            label, a heading, a button, chrome, a marker, an interface word.
        first_words: The first words of the labels and of the chrome lines: a short
            line that starts otherwise is no label with a value (``Primary Rating
            4.4``) and no menu of chrome words.
        action_ends: The last words of the buttons: a line that ends otherwise is no
            button with its icon's text before it.
        action_starts: The buttons followed by a space: a line that starts with one
            may be the button and links a dump wrote after it (``Rate this paper About
            us``).
        line_starts: :attr:`chrome_starts` and :attr:`action_starts`, for one test.
        chrome_starts: The starts of chrome lines and copyright notices (folded).
        glue_starts: The first four characters of the labels and headings of skipped
            sections: how a line starts that a dump glued to the next block
            (``JournalNATURE``).
        short_glue_words: The labels and headings shorter than four characters: a line
            that starts with one may be glued too.
    """

    chrome_first: frozenset[str]
    chrome_items: frozenset[str]
    claim_first: frozenset[str]
    addresses: tuple[str, ...]
    ascii_addresses: tuple[bytes, ...] | None
    abstract_labels: tuple[str, ...]
    phrase_starts: frozenset[str]
    max_placeholder: int
    items: ItemWords
    line_words: frozenset[str]
    first_words: frozenset[str]
    action_ends: frozenset[str]
    action_starts: tuple[str, ...]
    line_starts: tuple[str, ...]
    chrome_starts: tuple[str, ...]
    glue_starts: frozenset[str]
    short_glue_words: tuple[str, ...]

    @classmethod
    def of(cls, layout: Layout) -> CompiledLayout:
        """Compile *layout*'s words."""
        addresses = tuple(address.lower() for address in (*layout.addresses, *layout.marker_parts))
        ascii_addresses = (
            tuple(address.encode("ascii") for address in addresses)
            if all(address.isascii() and "\n" not in address for address in addresses)
            else None
        )
        phrases = {*layout.empty_markers, *layout.labels, *layout.actions, *layout.other_sections}
        starts = frozenset(phrase[:end] for phrase in phrases for end in range(len(phrase)))
        abstract = sorted(
            (label for label, kind in layout.labels.items() if kind == "abstract"),
            key=len,
            reverse=True,
        )
        return cls(
            chrome_first=frozenset(p[0] for p in (*layout.chrome_prefixes, *COPYRIGHT)),
            chrome_items=layout.chrome_lines | layout.nav_words,
            claim_first=frozenset(line[0] for line in layout.claim_lines),
            addresses=addresses,
            ascii_addresses=ascii_addresses,
            abstract_labels=tuple(abstract),
            phrase_starts=starts,
            max_placeholder=max(map(len, layout.empty_markers | starts), default=0),
            items=ItemWords.of(
                actions=layout.actions,
                chrome=layout.chrome_lines,
                placeholders=layout.empty_markers,
                labels=frozenset(layout.labels) | layout.other_sections,
            ),
            line_words=frozenset(
                (
                    *layout.labels,
                    *layout.other_sections,
                    *layout.actions,
                    *layout.chrome_lines,
                    *layout.nav_words,
                    *layout.markers,
                    *layout.languages,
                )
            ),
            first_words=frozenset(
                word.split(" ", 1)[0]
                for word in (*layout.labels, *layout.chrome_lines, *layout.nav_words)
            ),
            action_ends=frozenset(action.rsplit(" ", 1)[-1] for action in layout.actions),
            action_starts=tuple(f"{action} " for action in layout.actions),
            line_starts=(
                *layout.chrome_prefixes,
                *COPYRIGHT,
                *(f"{action} " for action in layout.actions),
            ),
            chrome_starts=(*layout.chrome_prefixes, *COPYRIGHT),
            glue_starts=frozenset(
                word[:GLUE_START] for word in (*layout.labels, *layout.other_sections)
            ),
            short_glue_words=tuple(
                word for word in (*layout.labels, *layout.other_sections) if len(word) < GLUE_START
            ),
        )
