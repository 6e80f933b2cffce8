r"""Marks that dump tools add to a page's text, removed before a line is read.

A tool's marks are removed only from a page that shows the tool's signature, because
the same characters are content elsewhere: ``[Ru(bpy)3](PF6)2`` is a chemical formula,
``[2]rotaxane`` a molecule and ``__proto__`` a word, not a link, a link number and bold
text. The signatures and the marks:

* Markdown (html2text, pandoc's Markdown): a link whose target is written like a URL
  (``[text](/path)``, ``(https://…)``, ``(#id)``), two heading lines (``# Title``,
  ``## Authors``), a line in bold (``**Label**``) or a table rule (``---|---``). Such a
  page loses its links' targets, its ``**`` bold marks, its ``#`` heading marks and its
  backslash escapes (``1\.``); the rows of its tables lose their outer ``|`` and keep
  the inner one as `` | `` (a row's inner ``|`` separates a label from its value). A
  link written like a URL is removed on any page (the URL shape is its own signature).
* lynx: ``(BUTTON)``-like form marks and ``[IMG]``/``[INLINE]``/``[LINK]``/``[EMBED]``
  placeholders (removed on any page: they are the signature), a ``References`` list of
  numbered URLs, or many distinct link numbers glued to words (``[12]JOURNAL``). Only
  on such a page does a number glued to a word start lose its brackets and number, and
  only one that follows lynx's sequence (links are numbered in page order).
* pandoc plain: table rules (``------ ---``), grid borders (``+---+``, ``+===+``) and
  grid rows (``| Novelty | 4.5 |``, read cell by cell in column order). Rules and
  borders are layout wherever they stand: a line made only of rule characters with a
  run of three dashes or equal signs is blank, and such a run after a label
  (``Reviews: ------ ---``) goes.
* w3m: a superscript written ``N^6`` reads ``N6``, as the HTML's ``N<sup>6</sup>``.

Every rule is linear in the page's length by construction: the line rules look at one
stripped line at a time with string methods, and the patterns run over the whole page
start with a literal and bound every repetition.
"""

from __future__ import annotations

import re
from typing import Final

#: A link or image whose target is written like a URL: a web scheme, ``/``, ``#``,
#: ``?``, ``./`` or ``www.`` (``(PF6)``, ``(see: x)`` are not). Link text up to 1,000
#: characters, target up to 2,000 (it may hold blanks, which html2text leaves
#: unescaped, and one level of parentheses).
_LINK: Final = re.compile(
    r"!?\[([^\[\]]{0,1000})\]\("
    r"(?=(?:https?|ftp|mailto|file|tel|data):|[/#?]|\.{1,2}/|www\.)"
    r"(?:[^()]|\([^()]{0,1000}\)){0,2000}\)"
)
#: A Markdown link target written like a URL, right after ``](``: the Markdown signature.
_URL_TARGET: Final = re.compile(r"\]\((?:https?://|/|#)")
#: A Markdown heading line (``## Authors``); anchored at line starts, so linear.
_HEADING_LINE: Final = re.compile(r"^#{1,6}[^\S\n]", re.MULTILINE)
_ESCAPE: Final = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>])")
#: Starts with a literal "[" so that the engine can scan for it quickly; whether the
#: number stands at a word start is checked in _is_word_start.
_LYNX_REF: Final = re.compile(r"\[([0-9]{1,4})\](?=\S)")
_LYNX_TOKEN: Final = re.compile(
    r"\((?:BUTTON|RADIO|CHECKBOX)\)[ \t]{0,80}|\[(?:IMG|INLINE|LINK|EMBED)\][ \t]{0,80}"
)
#: lynx's list of link targets at the end of a dump: ``References`` then ``   1. URL``.
_LYNX_REFERENCES: Final = re.compile(r"\nReferences\n\n {0,8}1\. [a-z]{1,20}:")
#: A page with at least this many distinct link numbers glued to words is a lynx dump.
_LYNX_MIN_REFS: Final = 5
#: html2text's emphasis (``<em>x y</em>`` -> ``_x y_``) on one line: an underscore after
#: a blank, an opening bracket or a quote (or at the line's start), text that starts and
#: ends with a non-blank, an underscore before a blank or a closing punctuation mark
#: (``10.1000/0.(0)_0_(0)`` is a DOI, not emphasis).
#: The text is bounded (500 characters), so each start tries at most that many.
_EMPHASIS: Final = re.compile(
    r"(?<![^\s(\[\"'])_([^\s_](?:[^_\n]{0,500}[^\s_])?)_(?![^\s.,;:!?)\]\"'])"
)
_CARET: Final = re.compile(r"(?<=[A-Za-z0-9])\^(?=[A-Za-z0-9+\-])")

#: Deletes the characters a table rule or grid border is made of (blanks aside).
_RULE_CHARS: Final = str.maketrans("", "", "-=+|:")


def strip_markup(text: str) -> str:
    r"""Remove the marks dump tools add to *text* (see the module docstring).

    Works on a whole page at once (line by line where a rule is about lines) and keeps
    every line break, so line numbers stay right. Each rule runs only when a cheap
    substring test says the page may need it.

    >>> strip_markup("[JOURNAL OF X](/journal/12)")
    'JOURNAL OF X'
    >>> strip_markup("[Home](/)\n**Keywords:** a; b\n# A title\n1\\. NSF")
    'Home\nKeywords: a; b\nA title\n1. NSF'
    >>> strip_markup("(BUTTON) Rate this paper")
    'Rate this paper'
    >>> strip_markup("N^6-methyladenosine\n---|---\n| Novelty | - |")
    'N6-methyladenosine\n\nNovelty | -'
    >>> strip_markup("NSFC [81700553]\n[18F]FDG PET\n[2]rotaxane __proto__")
    'NSFC [81700553]\n[18F]FDG PET\n[2]rotaxane __proto__'
    >>> strip_markup("[Ru(bpy)3](PF6)2\n  ------ ---\n  Novelty  -")
    '[Ru(bpy)3](PF6)2\n\n  Novelty  -'
    """
    # Each test below scans the page (about 1 µs a 2,500-character page); a scan whose
    # answer serves twice is made once, and _contains() spares most of them.
    links = _contains(text, "](")
    markdown = _is_markdown(text, links=links)
    if links:
        text = _LINK.sub(lambda m: _link_text(m, text), text)
    grid = _contains(text, "+--") or _contains(text, "+==")
    if markdown and "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if markdown or "---" in text or _contains(text, "===") or grid:
        text = _strip_lines(text, markdown=markdown, tables=markdown or grid)
    button = "(BUTTON)" in text
    if _contains(text, "[") and (button or _is_lynx(text)):
        text = _drop_lynx_refs(text)
        button = "(BUTTON)" in text  # a number dropped may join one: "([3]BUTTON)"
    if button or "(RADIO)" in text or "(CHECKBOX)" in text or _contains(text, "[I"):
        text = _LYNX_TOKEN.sub("", text)
    if "^" in text:
        text = _CARET.sub("", text)
    return text


#: Put between two links that touch (``[A](/a)[B](/b)``): the page shows two elements,
#: and :func:`paperparse.outline.text.lines` reads them as two lines with one number.
LINK_BREAK: Final = "\x1e"


def _link_text(match: re.Match[str], text: str) -> str:
    r"""A link's text, and :data:`LINK_BREAK` when another link follows at once.

    >>> strip_markup("[Hot corrosion](/search?q=Hot\ncorrosion); [Salt](/s)")
    'Hot corrosion\n; Salt'
    """
    end = match.end()
    follows = text.startswith("[", end) or text.startswith("![", end)
    kept = match[1] + LINK_BREAK if follows else match[1]
    # A target wrapped onto the next line keeps its line breaks: line numbers stay right.
    return kept + "\n" * (match[0].count("\n") - match[1].count("\n"))


def _is_markdown(text: str, *, links: bool) -> bool:
    """Return whether *text* shows a Markdown signature (see the module docstring).

    *links* says whether *text* holds ``](`` (the caller has looked already).
    """
    if links and _URL_TARGET.search(text) is not None:
        return True
    if "#" in text:
        headings = _HEADING_LINE.finditer(text)
        if next(headings, None) is not None and next(headings, None) is not None:
            return True
    if _contains(text, "**"):
        for line in text.split("\n"):
            line = line.strip()
            if len(line) > 4 and line.startswith("**") and line.endswith(("**", "**:")):
                return True
    if "|" in text and ("---|" in text or "|---" in text):  # "|" is rare, "-" is not
        return any(_is_rule(line.strip()) and "|" in line for line in text.split("\n"))
    return False


def _is_lynx(text: str) -> bool:
    """Return whether *text* shows a lynx signature (see the module docstring)."""
    if "(BUTTON)" in text:
        return True
    if "\nReferences\n" in text and _LYNX_REFERENCES.search(text) is not None:
        return True
    numbers: set[str] = set()
    for match in _LYNX_REF.finditer(text):
        if _is_word_start(match, text):
            numbers.add(match[1])
            if len(numbers) >= _LYNX_MIN_REFS:
                return True
    return False


#: lynx numbers links 1, 2, 3 ... in the order they stand; a number may skip a few
#: (a numbered element whose mark does not open a word), not more.
_LYNX_MAX_GAP: Final = 5


def _drop_lynx_refs(text: str) -> str:
    r"""Drop the lynx link numbers of a lynx dump, keeping numbers out of lynx's sequence.

    lynx numbers its links in the order they stand on the page, so a link number is
    one more (or a few more) than the one before; ``[2]rotaxane`` in a title after the
    navigation's ``[1]``...``[8]`` is a molecule's name, not a link number. A number
    glued to the text before it (``Ann Lee[4]Bo Chen``: two links that touch) becomes
    :data:`LINK_BREAK`, as two Markdown links that touch.

    >>> _drop_lynx_refs("[1]Home [2]Papers\n[2]Rotaxanes [3]JOURNAL")
    'Home Papers\n[2]Rotaxanes JOURNAL'
    >>> _drop_lynx_refs("[1]Ann Lee[2]Bo Chen") == "Ann Lee" + LINK_BREAK + "Bo Chen"
    True
    """
    numbers = [int(m[1]) for m in _LYNX_REF.finditer(text)]
    if not numbers:
        return text
    last = [min(numbers) - 1]  # a dump cut at its start begins past 1

    def drop(match: re.Match[str]) -> str:
        number = int(match[1])
        if not last[0] < number <= last[0] + _LYNX_MAX_GAP:
            return match[0]
        last[0] = number
        return "" if _is_word_start(match, text) else LINK_BREAK

    return _LYNX_REF.sub(drop, text)


def _is_word_start(match: re.Match[str], text: str) -> bool:
    """Return whether a lynx link number opens a word (``[7]JOURNAL``)."""
    start = match.start()
    return start == 0 or text[start - 1] in " \t\n("


def _is_rule(line: str) -> bool:
    """Return whether a stripped *line* is a table rule or grid border: layout only.

    >>> _is_rule("---|---"), _is_rule("------------------ ---"), _is_rule("+===+===+")
    (True, True, True)
    >>> _is_rule("-"), _is_rule("--"), _is_rule("Novelty | ---")
    (False, False, False)
    """
    return ("---" in line or "===" in line) and not line.translate(_RULE_CHARS).strip()


def _strip_lines(text: str, *, markdown: bool, tables: bool) -> str:
    """Apply the line rules: rules and borders go; Markdown and table marks go.

    A table is the row before a rule with ``|`` (its header) and the rows with ``|``
    after it, blank lines between them allowed.
    """
    out = text.split("\n")
    if tables and ("+--" in text or "+==" in text):
        _grid_rows(out)
    in_table = False
    previous = -1  # the last line that is not blank
    for index, raw in enumerate(out):
        line = raw.strip()
        if not line:
            continue
        if line[0] in "-=+|:" and _is_rule(line):
            out[index] = ""
            if tables and "|" in line and previous >= 0 and "|" in out[previous]:
                out[previous] = _table_row(out[previous])  # the header row
            in_table = tables
            continue
        previous = index
        changed = line
        if ":" in line and ("---" in line or "===" in line):
            label, _, value = line.partition(":")
            if _is_rule(value):
                changed = label + ":"
        if markdown:
            if line[0] == "#":
                changed = _heading(changed)
            if "**" in changed:
                changed = changed.replace("**", "")
            if "_" in changed:
                changed = _EMPHASIS.sub(r"\1", changed)
        if "|" not in changed:
            in_table = False
        elif tables and (in_table or changed[0] == "|" or changed[-1] == "|"):
            changed = _table_row(changed)
        if changed != line:
            out[index] = changed
    return "\n".join(out)


def _is_border(line: str) -> bool:
    """Return whether a stripped *line* is a grid table's border (``+---+---+``)."""
    return line[:1] == "+" and line[-1:] == "+" and _is_rule(line)


def _grid_rows(out: list[str]) -> None:
    """Read the rows of pandoc grid tables in *out* (lines), in place.

    A grid row spans the lines between two borders, each cell a column of text
    (``| Primary Rating | 4.7 |`` then ``|                | Not enough ratings |``). The
    row's first line becomes its cells' lines in column order, joined by
    :data:`LINK_BREAK` (lines with one number), and the row's other lines are blank;
    a table rule inside a cell is layout and goes.
    """
    start = -1  # the first line of the current row, after a border
    for index, raw in enumerate(out):
        line = raw.strip()
        if _is_border(line):
            if start >= 0:
                _grid_row(out, start, index)
            start = index + 1
        elif start >= 0 and not (line[:1] == "|" and line[-1:] == "|"):
            start = -1  # not a grid row: the table ended without a border


def _grid_row(out: list[str], start: int, end: int) -> None:
    """Rewrite the grid row on lines ``out[start:end]`` (see :func:`_grid_rows`)."""
    columns: list[list[str]] = []
    for raw in out[start:end]:
        cells = raw.strip()[1:-1].split("|")
        for number, cell in enumerate(cells):
            if number == len(columns):
                columns.append([])
            if (cell := cell.strip()) and not _is_rule(cell):
                columns[number].append(cell)
    parts = [cell for column in columns for cell in column]
    for index in range(start, end):
        out[index] = ""
    if start < end:
        out[start] = LINK_BREAK.join(parts)


def _heading(line: str) -> str:
    """Drop a Markdown heading mark (one to six ``#`` and a blank) from a stripped line."""
    marks = len(line) - len(line.lstrip("#"))
    if marks <= 6 and line[marks : marks + 1].isspace():
        return line[marks:].lstrip()
    return line


def _table_row(line: str) -> str:
    """Read a table row: outer ``|`` go, each inner ``|`` becomes `` | ``.

    >>> _table_row("| Novelty | 4.5 |"), _table_row("Novelty|  "), _table_row("Sig| 4.5")
    ('Novelty | 4.5', 'Novelty', 'Sig | 4.5')
    """
    cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
    return " | ".join(cells)


#: How many times :func:`_contains` looks at its first character before it hands over.
_PROBES: Final = 8


def _contains(text: str, needle: str) -> bool:
    """``needle in text``, fast when the needle's first character is rare in *text*.

    ``str.find`` looks for a single character with ``memchr``, many times faster than
    for a longer needle; page text rarely holds the first character of a mark. On the
    seed page (2,500 characters): 1.5 against 2.9 µs for ``](``, 0.5 against 2.2 µs
    for ``===``; :func:`strip_markup` makes six such tests a page.

    >>> _contains("a ](b", "]("), _contains("a] (b", "](")
    (True, False)
    """
    first = needle[0]
    index = text.find(first)
    for _ in range(_PROBES):
        if index < 0:
            return False
        if text.startswith(needle, index):
            return True
        index = text.find(first, index + 1)
    # Every match starts at an occurrence of the first character: none before *index*.
    return text.find(needle, index) >= 0
