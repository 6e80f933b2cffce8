"""The site's short summary and the abstract: one text each, wrapped lines joined.

The abstract is what follows the site's abstract button (``Ask authors/readers for
more resources`` on Peeref) or an ``Abstract`` label, up to the end of its last
sentence. A site that shows its own summary above the publisher's abstract
(``Layout.summary``) gives it as the first, shorter paragraph. A text that a tool cut
inside an inline element, or that the page clips behind a ``Read more`` toggle, is
left empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from ..fields.journal import parse_locator
from ..layouts import Layout
from ..normalize import WRAPPED_LINE_MIN, Line, join_wrapped, split_element
from ..notes import Notes, quote
from ..page import NEVER_WRAPPED
from ..sections import Section
from .base import Context, Reading, Span, span

#: A summary is short: Peeref's own summary is a few sentences, the abstract longer.
MAX_SUMMARY: Final = 600
#: A summary is sentences: at least this many words, ending as a sentence does.
_SUMMARY_WORDS: Final = 8


def read_abstracts(
    sections: Sequence[Section], context: Context
) -> Reading[tuple[str | None, str | None]]:
    """The summary and the abstract under the button (or an ``Abstract`` section)."""
    notes = Notes()
    texts: list[tuple[int | None, tuple[str | None, str | None]]] = []
    spans: list[Span] = []
    for section in sections:
        if not section.blocks:
            continue
        found = _abstract(section.lines(), context, notes)
        if found is not None:
            texts.append(
                (section.line if section.line is not None else section.blocks[0].line, found)
            )
            spans.append(span(section.lines()))
    value = notes.pick("abstract", texts, (None, None))
    return Reading(value, tuple(notes), spans[0] if spans and value != (None, None) else span(()))


def _abstract(
    lines: list[Line], context: Context, notes: Notes
) -> tuple[str | None, str | None] | None:
    """The summary and abstract of *lines*, or ``None`` when the page clips the text.

    The first of two or more paragraphs is read as the summary when it is short
    (at most :data:`MAX_SUMMARY` characters) and shorter than the rest; otherwise all
    paragraphs are the abstract and the summary is empty.
    """
    lines = _through_last_sentence(lines, notes)
    parts = _prose_paragraphs(paragraphs(lines, context.format), notes)
    if not parts:
        return None
    lines = [line for part in parts for line in part]
    summary = None
    if len(parts) > 1 and context.layout.summary and not _is_structured(parts):
        first = join_wrapped([t for _, t in parts[0]])
        rest = sum(len(t) for part in parts[1:] for _, t in part)
        if len(first) <= MAX_SUMMARY and len(first) < rest and _is_sentences(first):
            summary = first
            lines = [x for p in parts[1:] for x in p]
    abstract = _without_glued_label(_whole_text(lines, notes), context.layout)
    if abstract is not None and _holds_claim(abstract, context.layout):
        notes.warn(
            "unreadable_value",
            f"The text where the abstract stands, {quote(abstract)}, holds the site's "
            "author-claim prompt (a part of the page run into it); the abstract was left "
            "empty.",
            lines[0][0],
        )
        return None
    if abstract is not None and (
        not _is_prose(abstract) or (len(abstract) <= _MAX_LOCATOR and parse_locator(abstract))
    ):
        # ("Vol. 10A, No. 1-2, Article Number e10000" ends no sentence at "Vol.")
        notes.warn(
            "unreadable_value",
            f"The text where the abstract stands, {quote(abstract)}, is no prose (an "
            "abstract is sentences); the abstract was left empty.",
            lines[0][0],
        )
        return None
    return None if abstract is None else (summary, abstract)


def _holds_claim(text: str, layout: Layout) -> bool:
    """Whether *text* holds one of the site's author-claim prompt lines.

    (The lines of a block have single blanks, so case-folding is all the folding a
    long text needs.)
    """
    folded = text.casefold()
    return any(line in folded for line in layout.claim_lines)


#: A locator line is short (``Volume 12, Issue 3, Pages 1-9``, ``Vol. 10A, No. 1-2``).
_MAX_LOCATOR: Final = 120


#: An abstract is prose: at least this many characters, and a sentence's end.
_PROSE_LENGTH: Final = 40
#: A sentence's end: a full stop, question or exclamation mark at the end of the text
#: or before a space (the dots of a DOI or of "3.5" end nothing); or a CJK one.
_SENTENCE_END: Final = re.compile(r"\S[.!?](?:\s|$)|[\u3002\uff01\uff1f]")


def _is_prose(text: str) -> bool:
    """Whether *text* reads as sentences (an abstract), not a heading or a label.

    >>> _is_prose("Article information")
    False
    >>> _is_prose("We tracked forty coral reefs over ten years.")
    True
    >>> _is_prose("Published by DOI: 10.1000/j.neuron.2000.10.100")
    False
    """
    return len(text) >= _PROSE_LENGTH and _SENTENCE_END.search(text) is not None


#: A structured abstract's sub-heading: up to three words and a colon (``Methods:``).
_SUBHEADING: Final = re.compile(r"[^\W\d_][\w-]{0,30}(?: [\w-]{1,30}){0,2}:")


def _is_structured(paragraphs: list[list[Line]]) -> bool:
    """Whether *paragraphs* are a structured abstract's parts (``Background:``, …).

    Two paragraphs or more that start with a sub-heading: the first is the abstract's
    first part, not the site's summary.
    """
    headed = sum(_SUBHEADING.match(part[0][1]) is not None for part in paragraphs)
    return headed >= 2


def paragraphs(lines: list[Line], source_format: str) -> list[list[Line]]:
    """The paragraphs of *lines*.

    In HTML each line is one (each block element holds a paragraph). In text, blank
    lines are layout noise and say nothing; a paragraph ends after a line too short
    to have been wrapped (under ``WRAPPED_LINE_MIN`` characters) or too long to be a
    wrapped line (over :data:`~paperparse.page.NEVER_WRAPPED`).
    """
    if source_format == "html":
        return [[line] for line in lines]
    out: list[list[Line]] = [[]]
    for line in lines:
        out[-1].append(line)
        if not WRAPPED_LINE_MIN <= len(line[1]) <= NEVER_WRAPPED:
            out.append([])
    return [part for part in out if part]


#: A structured abstract's sub-heading on a line of its own: a few words (``Methods``).
_SUBHEADING_WORDS: Final = 4


def _prose_paragraphs(paragraphs: list[list[Line]], notes: Notes) -> list[list[Line]]:
    """The paragraphs of an abstract among *paragraphs*: up to the first one of no prose.

    An abstract's paragraphs end as sentences do; a sub-heading (a few words) may stand
    before one, and the last may end in a "Read more" toggle. A paragraph that is
    neither (``Topics``, ``Urban; 3D; Quantum reduction``: a section the layout does
    not know, run into the abstract) ends it: it and what follows are reported. An
    empty list when the first paragraph is one (with a warning).
    """
    for index, part in enumerate(paragraphs):
        text = " ".join(t for _, t in part)
        following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
        last = index + 1 == len(paragraphs)
        if (
            _ends_sentence(text)
            # (the last may be cut by the page's end or a "Read more" toggle)
            or (last and (_SENTENCE_END.search(text) or _TOGGLE.search(text[-24:].casefold())))
            or (
                following is not None
                and len(part) == 1
                and text.count(" ") < _SUBHEADING_WORDS
                and _ends_sentence(" ".join(t for _, t in following))
            )
        ):
            continue
        if index == 0:
            notes.warn(
                "unreadable_value",
                f"The text where the abstract stands, {quote(text)}, is no prose (an "
                "abstract is sentences); the abstract was left empty.",
                part[0][0],
            )
            return []
        for line in (line for rest in paragraphs[index:] for line in rest):
            notes.unplaced(line, "after the abstract (it is no sentence)")
        return paragraphs[:index]
    return paragraphs


#: A numbered heading (``1. Introduction``, ``2 Methods``, ``II. RESULTS``): the body's,
#: never an abstract's sub-heading.
_NUMBERED_HEADING: Final = re.compile(r"(?:[0-9]{1,2}(?:\.[0-9]{1,2})*\.?|[IVX]{1,5}\.)[ \t]+\w")


def _is_heading(part: list[Line]) -> bool:
    """Whether a paragraph is a heading: one line of a few words, no sentence."""
    text = part[0][1]
    return (
        len(part) == 1
        and text.count(" ") < 2 * _SUBHEADING_WORDS
        and not _ends_sentence(text.rstrip(":"))
    )


def before_body(paragraphs: list[list[Line]], notes: Notes) -> list[list[Line]]:
    """The paragraphs of an abstract that the article's body follows with no label.

    The body starts at a numbered heading (``1. Introduction``); an unstructured
    abstract (one that starts with prose) ends at its first heading; a structured one
    (sub-headings, one paragraph each) ends at a heading it has already shown. Where a
    sub-heading holds two paragraphs or more and another heading follows, the body may
    have started at any of them: nothing is kept, with a warning.

    >>> parts = [[(1, "We did it.")], [(2, "1. Introduction")], [(3, "Body text.")]]
    >>> before_body(parts, Notes())
    [[(1, 'We did it.')]]
    """
    structured = bool(paragraphs) and _is_heading(paragraphs[0])
    seen: set[str] = set()
    prose = 0
    for index, part in enumerate(paragraphs):
        text = part[0][1]
        if not _is_heading(part):
            prose += 1
            continue
        key = text.rstrip(":").casefold()
        if (
            _NUMBERED_HEADING.match(text) is not None
            or (not structured and index > 0)
            or key in seen
        ):
            return paragraphs[:index]
        if prose > 1:
            notes.warn(
                "unreadable_value",
                f"The abstract runs into the article's body and where it ends cannot be "
                f"told (a part of two paragraphs or more before {quote(text)}); the "
                "abstract was left empty.",
                part[0][0],
            )
            return []
        seen.add(key)
        prose = 0
    return paragraphs


def _without_glued_label(text: str | None, layout: Layout) -> str | None:
    """*text* without an abstract label glued to its first word (``AbstractThe …``).

    Publishers' abstracts often hold their own ``Abstract`` heading, which a page that
    shows the text without markup glues to the first sentence.
    """
    if text is None:
        return None
    for label in layout.compiled.abstract_labels:
        size = len(label)
        if text[size : size + 1].isupper() and text[:size].casefold() == label:
            return text[size:]
    return text


#: The toggle of a folded abstract at the end of its text (folded): after "Read less"
#: the whole text was shown; a text that ends in "Read more" (or "… more") is only its
#: start. Matched on the last 24 characters only.
_TOGGLE: Final = re.compile(
    r"(?:(?P<ellipsis>\.\.\.|\u2026) ?|^|\W)(?P<toggle>(?:read|show) (?:less|more)|more)$"
)


def _is_sentences(text: str) -> bool:
    """Whether *text* reads as one or more sentences (not a fragment of a split line)."""
    return text.endswith((".", "!", "?")) and text.count(" ") + 1 >= _SUMMARY_WORDS


def _through_last_sentence(lines: list[Line], notes: Notes) -> list[Line]:
    """*lines* up to the end of their last sentence: an abstract ends with one.

    Lines after it that end no sentence (``Authors Qian Wu`` from a table a dump tool
    laid out without its label, names, a stray button) are not the abstract's.
    """
    end = len(lines)
    while end and not _ends_sentence(lines[end - 1][1]):
        end -= 1
    if end in (0, len(lines)) or _TOGGLE.search(lines[-1][1][-24:].casefold()) is not None:
        return lines  # no sentence at all, or a "Read more"/"Read less" toggle at the end
    for line in lines[end:]:
        notes.unplaced(line, "after the abstract's last sentence")
    return lines[:end]


def _ends_sentence(text: str) -> bool:
    return text.rstrip(")]\"'\u201d\u2019 ").endswith(_ENDS)


#: How a sentence ends, in Latin and in CJK scripts.
_ENDS: Final = (".", "!", "?", "\u3002", "\uff01", "\uff1f")


def _whole_text(lines: list[Line], notes: Notes) -> str | None:
    """The text of *lines*, or ``None`` (with a warning) when the page clips it."""
    parts = [t for _, t in lines]
    if split_element(parts):
        notes.warn(
            "unreadable_value",
            "The dump tool put parts of one element's text on lines of their own (an "
            "inline element such as a superscript), and where the page had spaces "
            "between them cannot be told; the abstract was left empty.",
            lines[0][0],
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
    notes.warn(
        "clipped_text",
        f"The abstract ends in {quote(text[-40:])}: the page shows only its start, "
        "so the abstract was left empty.",
        lines[-1][0],
    )
    return None
