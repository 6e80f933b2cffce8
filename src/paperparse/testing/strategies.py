# ruff: noqa: RUF001, RUF002 - the vocabularies are deliberately Unicode-rich
"""Hypothesis strategies for valid, realistic :class:`~paperparse.Paper` records.

This module needs Hypothesis (``pip install hypothesis``; the project's ``test`` extra
installs it). Import it explicitly, ``from paperparse.testing.strategies import
papers``, or through the package, ``from paperparse.testing import papers``, which
imports this module lazily: ``import paperparse.testing`` itself never needs
Hypothesis.

The records are made to be *rendered* (see :mod:`paperparse.testing.render`) and read
back: every value is one the parser can read back unambiguously under the rules of
``docs/text-input.md``. Those restrictions are listed in :func:`papers`; they are the
contract between the generators and the parser, so a round-trip failure on a record
drawn here is a parser bug (or a missing restriction, to be argued about and then
added to that list).
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Final, TypeVar

from hypothesis import strategies as st

from .. import web as common
from ..layouts import peeref
from ..model import (
    Author,
    AuthorClaim,
    Funding,
    Journal,
    PageRange,
    Paper,
    Rating,
    SecondaryRating,
    Source,
)
from ..normalize import fold

__all__ = [
    "ASK_ACTION",
    "CLAIM_ACTION",
    "CLAIM_PROMPT",
    "NOT_ENOUGH_RATINGS",
    "RATE_ACTION",
    "SECONDARY_NAMES",
    "abstracts",
    "article_numbers",
    "author_names",
    "award_ids",
    "dois",
    "fundings",
    "is_standalone_value",
    "is_wrappable_value",
    "journal_names",
    "journals",
    "keyword_lists",
    "keywords",
    "papers",
    "publishers",
    "ratings",
    "recommended_titles",
    "scores",
    "titles",
]

T = TypeVar("T")

#: The Peeref buttons and claim prompt, in their canonical spelling.
ASK_ACTION: Final = "Ask authors/readers for more resources"
RATE_ACTION: Final = "Rate this paper"
CLAIM_PROMPT: Final = "I am an author on this paper"
CLAIM_ACTION: Final = "Click your name to claim this paper and add it to your profile."
#: The only note Peeref prints in the primary rating (when a paper has few ratings).
NOT_ENOUGH_RATINGS: Final = "Not enough ratings"
#: The secondary ratings Peeref shows, in page order.
SECONDARY_NAMES: Final = ("Novelty", "Significance", "Scientific rigor")

#: Longest word of text that a dump tool may hard-wrap (titles, abstracts, keywords,
#: funders). With words this short, every line that a wrap at 72 or more columns
#: breaks off holds at least five words, so it can never read as a label, an
#: unknown ``Label:`` line or a header (see ``is_wrappable_value``).
MAX_WORD: Final = 13

# --- vocabularies ------------------------------------------------------------------


def _vocabulary(text: str, sep: str | None = None) -> tuple[str, ...]:
    return tuple(text.split(sep))


_TITLE_WORDS: Final = _vocabulary(
    # plain scientific English (no word is a locator keyword: volume, issue, number,
    # page(s), article, no., vol., pp.)
    "acute liver failure mesenchymal stromal cells derivatives treating improvement "
    "zinc anodes enabled covalent organic framework interphase aqueous zinc-ion "
    "batteries structural basis recognition RNA reader domain nuclear condensates "
    "hippocampal sharp-wave ripples replay memory consolidation sleeping mice "
    "targeting KRAS G12C lung cancer resistance mechanisms combination strategies "
    "deep learning graph neural networks protein folding prediction single-cell "
    "sequencing tumour microenvironment immune checkpoint blockade therapy climate "
    "coastal wetlands carbon storage perovskite solar efficiency stability thin films"
    " catalysis hydrogen evolution reaction oxygen reduction quantum dots topological"
    " insulators gut microbiota obesity diabetes insulin signalling pathway "
    "inflammation novel efficient robust scalable synthesis design analysis evidence "
    "cohort trial randomized patients children adults role regulation dynamics model "
    "assessment multi-omics high-throughput long-term large-scale first-principles "
    "exosomes hepatocyte-like stem cell-based regeneration microglia astrocytes "
    "synaptic plasticity dendrite-free electrolyte cathode lithium sodium-ion "
    "spectroscopy imaging microscopy cryo-EM crystal structure enzyme kinetics "
    "metabolism mutations variants genome-wide association chromatin transcription "
    "splicing neurons cortex behaviour decision-making reinforcement uncertainty "
    "optimal control estimation sparse inference Bayesian stochastic equations "
    "turbulence flows wind energy grid policy urban air pollution exposure mortality"
)
_TITLE_LINKS: Final = _vocabulary(
    "in of and for the with a by via from on under during after towards"
)
_TITLE_UNICODE: Final = _vocabulary(
    # Greek letters, accents, sub- and superscript digits, en dashes
    "α-synuclein β-amyloid TNF-α NF-κB γδ Aβ42 κ-opioid μ-opioid Schrödinger Poincaré"
    " Hölder Erdős Gödel naïve Müller Ångström São Paulo Zürich Kraków Besançon CO₂ "
    "H₂O₂ Ca²⁺ Fe³⁺ m⁶A SO₄²⁻ NH₄⁺ 10⁻³ Li⁺ α-Fe₂O₃ g-C₃N₄ CH₄ Diels–Alder "
    "structure–function host–guest 2010–2020 1990–2019 Navier–Stokes CRISPR–Cas9 "
    "COVID-19 SARS-CoV-2 IL-6 CD8⁺ PD-1 p53 2D 3D 5G PEDOT:PSS"
)
_CJK_WORDS: Final = _vocabulary(
    "肝衰竭 间充质干细胞 深度学习 研究 基于 诊断 治疗 机制 的 及其 "
    "应用 锌离子电池 東京 における 解析 한국어 서울 연구"
)
_ABSTRACT_WORDS: Final = _vocabulary(
    "we show that here these results suggest demonstrate reveal using was were is are"
    " increased reduced significantly compared with than both not only but also "
    "whereas although however therefore in addition our data indicate a new approach "
    "this study provides framework for further work across three independent cohorts "
    "of in vitro in vivo at low cost high (ALF) (MSCs) (OECTs) 91% 2000 h 1 mA cm⁻² p"
    " < 0.05 n = 24 ± 0.3 times"
)
_JOURNAL_WORDS: Final = _vocabulary(
    "MOLECULAR MEDICINE CLINICAL INVESTIGATION PHYSICAL CHEMISTRY MATERIALS ENERGY "
    "ENVIRONMENTAL SCIENCE NEUROSCIENCE APPLIED PHYSICS BIOLOGY CELL IMMUNOLOGY "
    "ONCOLOGY HEPATOLOGY CATALYSIS ECOLOGY GEOPHYSICAL RESEARCH MATHEMATICAL "
    "STATISTICS COMPUTATIONAL BIOCHEMISTRY"
)
_JOURNALS: Final = (
    "JOURNAL OF MOLECULAR MEDICINE-JMM",
    "ENERGY & ENVIRONMENTAL SCIENCE",
    "NUCLEIC ACIDS RESEARCH",
    "NEURON",
    "MEDCOMM",
    "ADVANCED FUNCTIONAL MATERIALS",
    "ACS APPLIED MATERIALS & INTERFACES",
    "ANGEWANDTE CHEMIE-INTERNATIONAL EDITION",
    "BIOCHIMICA ET BIOPHYSICA ACTA-MOLECULAR CELL RESEARCH",
    "JOURNAL OF PHYSICAL CHEMISTRY C",
    "PHYSICAL REVIEW B",
    "NATURE COMMUNICATIONS",
    "FRONTIERS IN IMMUNOLOGY",
    "INTERNATIONAL JOURNAL OF MOLECULAR SCIENCES",
    "GEOPHYSICAL RESEARCH LETTERS",
)
_JOURNAL_SUFFIXES: Final = (
    "-JMM",
    "-INTERNATIONAL EDITION",
    "-MOLECULAR CELL RESEARCH",
    " A",
    " B",
    " C",
    " LETTERS",
    " REVIEWS",
)
_PUBLISHERS: Final = (
    "SPRINGER HEIDELBERG",
    "ROYAL SOC CHEMISTRY",
    "OXFORD UNIV PRESS",
    "CELL PRESS",
    "WILEY",
    "WILEY-V C H VERLAG GMBH",
    "ELSEVIER",
    "ELSEVIER SCI LTD",
    "PERGAMON-ELSEVIER SCIENCE LTD",
    "AMER CHEMICAL SOC",
    "AMER PHYSICAL SOC",
    "NATURE PORTFOLIO",
    "MDPI",
    "FRONTIERS MEDIA SA",
    "TAYLOR & FRANCIS LTD",
    "IEEE-INST ELECTRICAL ELECTRONICS ENGINEERS INC",
    "PUBLIC LIBRARY SCIENCE",
    "AMER GEOPHYSICAL UNION",
)
_FUNDERS: Final = (
    "National Natural Science Foundation of China",
    "China Postdoctoral Science Foundation",
    "National Key Research and Development Program of China",
    "Science Fund for Creative Research Groups of the National Natural Science Foundation of China",
    "Independent Fund of State Key Laboratory for Diagnosis and Treatment of "
    "Infectious Diseases, Zhejiang University",
    "Fundamental Research Funds for the Central Universities",
    "National Institutes of Health (NIH)",
    "National Institute of General Medical Sciences (NIH)",
    "National Institute of Mental Health",
    "Simons Foundation",
    "Deutsche Forschungsgemeinschaft",
    "European Research Council",
    "European Research Council Starting Grant",
    "Engineering and Physical Sciences Research Council",
    "JSPS KAKENHI",
    "Australian Research Council",
    "Wellcome Trust",
    "Howard Hughes Medical Institute",
    "Alexander von Humboldt Foundation",
    "Agence Nationale de la Recherche",
    "Fundação para a Ciência e a Tecnologia",
    "Consejo Nacional de Ciencia y Tecnología (CONACYT)",
    "Natural Sciences and Engineering Research Council of Canada",
    "Swiss National Science Foundation",
    "Bill & Melinda Gates Foundation",
    "Korea Health Industry Development Institute (KHIDI)",
    "Ministry of Science and ICT, Republic of Korea",
    "国家自然科学基金",
)
_PROVINCES: Final = _vocabulary("Zhejiang Guangdong Jiangsu Sichuan Hubei Shandong Hunan Yunnan")
_GIVEN: Final = _vocabulary(
    "Wei, Li, Xin, Yuqing, Hao, Qian, Mei Ling, Michael, Julia, Arjun, Rebecca L., "
    "Takeshi, Aurélie, José, Zoë, Søren, Łukasz, François, Ngọc Anh, Björn, Anaïs, "
    "Dmitrii, Oluwaseun, Siobhán, Priya, Ruiqi, Yanfeng, Kenji, Jonathan, María, "
    "J. R.",
    sep=", ",
)
_FAMILY: Final = _vocabulary(
    "Zhang Wang Chen Zhao Huang O'Connor García-López Müller Nguyễn Kowalczyk "
    "Yamamoto Schneider Patel Ong Østergaard Dvořák Ibáñez Stone Wu Deng Feng Reeves "
    "Takahashi Moreau Al-Farsi"
)
_FAMILY_PREFIXES: Final = ("van der", "De", "da", "von")
_CJK_NAMES: Final = ("王伟", "李娜", "张静", "山田太郎", "佐藤花子", "김민준", "이서연")

# --- the contract: what a value may look like --------------------------------------

_INVISIBLE: Final = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u180e\ufffd")
_MARKDOWN: Final = "#*_> "
#: A list marker at the start of a line, as ``docs/text-input.md`` lists them.
_MARKER: Final = re.compile(
    r"(?:\(?\d{1,3}[.)]|\(\d{1,3}\)|[\u2022\-*\u2013\u00b7\u25aa\u25e6\u25cf\u2023+]"
    r"|\[\d{1,3}\])(?:\s|$)"
)
_SCORE_LIKE: Final = re.compile(r"\d{1,2}(?:[.,]\d{1,3})?(?:\s*(?:/|out of)\s*\S+)?")
_COUNT_LIKE: Final = re.compile(r"\(?\s*(?:based on\s+)?[\d,.\s]+\s+(?:ratings?|reviews?|votes?)\b")
_DOI_LIKE: Final = re.compile(r"10\.\d{4,9}")
#: Words that start a locator part (``Volume 97``, ``Pages e70067``, ``No. 3``).
_LOCATOR_KEYS: Final = frozenset(
    _vocabulary("volume vol vol. issue no. number pages page pp pp. p. article art. e-location")
)
_NAV_SEPARATORS: Final = ("|", "\u00b7", "/", "\u203a", "\u00bb")
_BRACKETS: Final = {"(": ")", "[": "]", "{": "}", "<": ">"}


def _key(text: str) -> str:
    return fold(text.strip(_MARKDOWN))


def _is_clean(text: str) -> bool:
    return (
        bool(text)
        and " ".join(text.split()) == text
        and unicodedata.is_normalized("NFC", text)
        and not _INVISIBLE.intersection(text)
        and (text.isprintable() or all(unicodedata.category(ch)[0] != "C" for ch in text))
    )


def _is_header_like(key: str) -> bool:
    if key in peeref.ARTICLE_TYPES or _SCORE_LIKE.fullmatch(key):
        return True
    first, _, rest = key.partition(" ")
    return bool(_SCORE_LIKE.fullmatch(first)) and fold(rest) in peeref.ARTICLE_TYPES


def _is_nav_bar(key: str) -> bool:
    for separator in _NAV_SEPARATORS:
        if separator in key:
            parts = [p.strip() for p in key.split(separator)]
            if all(p in common.NAV_WORDS or p in common.CHROME_LINES for p in parts if p):
                return True
    return False


def _has_locator_part(words: Sequence[str]) -> bool:
    for index, word in enumerate(words):
        if word.casefold().rstrip(":") in _LOCATOR_KEYS and any(
            ch.isdigit() for w in words[index + 1 : index + 3] for ch in w
        ):
            return True
    return False


#: Longer lines than this many words are never equal to a vocabulary entry.
_VOCAB_WORDS: Final = 16
_PREFIX: Final = 120


def _line_ok(text: str, *, marker: bool = True) -> bool:
    """The line-level rules of :func:`is_standalone_value` for a clean *text*."""
    if text[0] in _MARKDOWN or text[-1] in _MARKDOWN or text.endswith(":"):
        return False
    if marker and _MARKER.match(text):
        return False
    head = text[:_PREFIX]
    if text.count(" ") < _VOCAB_WORDS:
        key = _key(text)
        bare = key.rstrip(".").rstrip()
        if (
            key in peeref.SECTION_LABELS
            or key in peeref.OTHER_SECTIONS
            or key in peeref.ACTIONS
            or key in common.CHROME_LINES
            or key in peeref.MARKERS
            or bare in peeref.EMPTY_MARKERS
            or bare in peeref.CLAIM_LINES
            or _is_nav_bar(key)
            or _is_header_like(key)
        ):
            return False
    key = _key(head)
    if key.startswith(common.CHROME_PREFIXES) or _COUNT_LIKE.match(key):
        return False
    label, colon, _ = head.partition(":")
    return not (colon and _key(label) in peeref.SECTION_LABELS)


def is_standalone_value(text: str) -> bool:
    """Whether *text*, alone on a line of a page, can only be read as a value.

    It is clean (whitespace-normalised, NFC, no invisible or control characters),
    does not start or end with markdown emphasis characters (``#*_>``), does not end
    with ``:``, does not start with a list marker, and (folded) is none of: a section
    label or synonym, another known section, a button, a claim prompt, an empty-list
    marker (``No Data Available``), a Peeref marker, known chrome (also not a nav bar
    of chrome words, not starting with ``©``/``Copyright``/``We use cookies`` …), an
    article type, a score (``4.7``, ``4.7/5``), a score and type (``4.7 Review``), a
    number of ratings (``18 ratings``); the text before its first ``:`` is not a
    section label (``Summary: …`` would open an inline section); it holds no
    ``10.NNNN`` DOI prefix and no locator keyword followed by a number within two words
    (``Volume 5``, ``No. 3``).
    """
    return (
        _is_clean(text)
        and _line_ok(text)
        and not _DOI_LIKE.search(text)
        and not _has_locator_part(text.split())
    )


def is_wrappable_value(text: str, *, list_item: bool = False) -> bool:
    """Whether *text* can be hard-wrapped at any space and still read back the same.

    Every tail of *text* that starts at a word (a possible wrapped line) must pass
    :func:`is_standalone_value` except for the list-marker rule, which applies to
    every tail only when *list_item* (a wrapped line of a list item that starts like
    ``- x`` or ``2. x`` would start a new item). Words are at most ``MAX_WORD``
    characters long and none ends with ``-`` (a line ending in ``word-`` is joined to
    the next line without a space), so every line broken off by a wrap at 72 or more
    columns holds at least five words.
    """
    if not is_standalone_value(text):
        return False
    words = text.split(" ")
    if any(len(w) > MAX_WORD or (w.endswith("-") and len(w) > 1) for w in words):
        return False
    start = 0
    for word in words[:-1]:
        start += len(word) + 1
        if not _line_ok(text[start:], marker=list_item):
            return False
    return True


def _balanced(text: str) -> bool:
    stack: list[str] = []
    for ch in text:
        if ch in _BRACKETS:
            stack.append(_BRACKETS[ch])
        elif ch in _BRACKETS.values() and (not stack or stack.pop() != ch):
            return False
    return not stack


def _no_top_level(text: str, separators: str) -> bool:
    depth = 0
    for ch in text:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch in separators and depth == 0:
            return False
    return True


# --- small strategies ----------------------------------------------------------------


def _join(words: Sequence[str]) -> str:
    return " ".join(words)


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:] if text[:1].isascii() else text


def _choice(pool: tuple[str, ...]) -> st.SearchStrategy[str]:
    """``sampled_from(pool)``, but with a short repr (Hypothesis warns about long ones)."""
    return st.integers(0, len(pool) - 1).map(pool.__getitem__)


def _maybe(strategy: st.SearchStrategy[T], present: int = 4) -> st.SearchStrategy[T | None]:
    """``None`` in about one draw out of ``present + 1``, else a value."""
    return st.one_of(st.none(), *[strategy] * present)


def _words(pool: Sequence[str], low: int, high: int) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(pool), min_size=low, max_size=high)


#: Title words: content words, Unicode-rich words, and linking words (three times, so
#: that they are drawn about as often as in real titles).
_TITLE_POOL: Final = _TITLE_WORDS + _TITLE_UNICODE + _TITLE_LINKS * 3


def _pool(
    make: Callable[[random.Random], str], accept: Callable[[str], bool], size: int
) -> tuple[str, ...]:
    """*size* distinct accepted values made by *make* from a fixed seed, shortest first.

    Drawing whole values from a pool costs one Hypothesis choice instead of one per
    word, which keeps :func:`papers` fast; shortest first makes failures shrink to
    short values.
    """
    rng = random.Random(size)
    out: dict[str, None] = {}
    while len(out) < size:
        value = make(rng)
        if accept(value):
            out[value] = None
    return tuple(sorted(out, key=lambda v: (len(v), v)))


def _latin_title(max_size: int) -> st.SearchStrategy[str]:
    word = _choice(_TITLE_POOL)
    main = st.lists(word, min_size=2, max_size=16).map(_join)
    subtitle = st.lists(word, min_size=2, max_size=8).map(_join)
    title = st.tuples(main, st.sampled_from(("", "", ": ", " \u2013 ")), subtitle).map(
        lambda t: _capitalise(t[0] + (t[1] + t[2] if t[1] else ""))
    )
    return title.filter(lambda t: len(t) <= max_size and is_wrappable_value(t))


def _cjk_title() -> st.SearchStrategy[str]:
    def build(parts: tuple[list[str], list[str]]) -> str:
        cjk, latin = parts
        head = "".join(cjk)
        return f"{head} {_join(latin)}" if latin else head

    return (
        st.tuples(_words(_CJK_WORDS, 2, 5), _words(_TITLE_UNICODE, 0, 2))
        .map(build)
        .filter(is_standalone_value)
    )


def _title(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return "".join(rng.choice(_CJK_WORDS) for _ in range(rng.randint(2, 5)))
    main = _join([rng.choice(_TITLE_POOL) for _ in range(rng.randint(2, 16))])
    separator = rng.choice(("", "", ": ", " \u2013 "))
    if separator:
        main += separator + _join([rng.choice(_TITLE_POOL) for _ in range(rng.randint(2, 8))])
    return _capitalise(main)


def _title_ok(title: str) -> bool:
    return len(title) <= MAX_RECOMMENDED_TITLE and (
        is_wrappable_value(title) if " " in title else is_standalone_value(title)
    )


#: Longest recommended title: the noise transform ``hard_wrap`` wraps longer lines,
#: and every line of ``Recommended`` is one title.
MAX_RECOMMENDED_TITLE: Final = 200
_RECOMMENDED: Final = _pool(_title, _title_ok, 600)


def recommended_titles() -> st.SearchStrategy[str]:
    """Titles as :func:`titles` makes them, at most ``MAX_RECOMMENDED_TITLE`` long."""
    return _choice(_RECOMMENDED)


def titles(max_size: int = 300) -> st.SearchStrategy[str]:
    """Paper titles, in scientific English or CJK.

    English titles hold Greek letters, accents, en dashes, sub/superscript digits, an
    optional ``: subtitle`` or `` – subtitle``.

    Every title passes :func:`is_wrappable_value` (CJK titles, which have no spaces
    to wrap at, :func:`is_standalone_value`) and is at most *max_size* characters.
    """
    return st.one_of(_latin_title(max_size), _cjk_title())


def _sentence(rng: random.Random) -> str:
    pool = _TITLE_POOL + _ABSTRACT_WORDS * 2
    words = [rng.choice(pool) for _ in range(rng.randint(6, 24))]
    return _capitalise(_join(words)) + "."


_SENTENCES: Final = _pool(_sentence, is_wrappable_value, 600)


def abstracts() -> st.SearchStrategy[str]:
    """One paragraph of 1-5 sentences, each 6-24 words ending with ``.``."""
    return (
        st.lists(_choice(_SENTENCES), min_size=1, max_size=5)
        .map(_join)
        .filter(lambda a: len(a) >= 60 and is_wrappable_value(a))
    )


#: Longest journal name: dump tools wrap longer lines, and the parser reads only the
#: first line of the ``Journal`` section as the name.
MAX_JOURNAL_NAME: Final = 70


def journal_names() -> st.SearchStrategy[str]:
    """ALL CAPS journal names.

    With ``&``, hyphenated suffixes (``…-JMM``) and series letters (``… C``), at most
    ``MAX_JOURNAL_NAME`` characters.
    """
    built = st.tuples(
        st.sampled_from(("JOURNAL OF ", "", "INTERNATIONAL JOURNAL OF ", "ADVANCES IN ")),
        _words(_JOURNAL_WORDS, 1, 3),
        st.sampled_from((" ", " & ", " AND ")),
        _words(_JOURNAL_WORDS, 0, 2),
        st.sampled_from(("", *_JOURNAL_SUFFIXES)),
    ).map(lambda t: f"{t[0]}{_join(t[1])}{t[2] + _join(t[3]) if t[3] else ''}{t[4]}")
    return st.one_of(st.sampled_from(_JOURNALS), built).filter(
        lambda name: len(name) <= MAX_JOURNAL_NAME and is_standalone_value(name)
    )


def publishers() -> st.SearchStrategy[str]:
    """Publisher names as Web of Science abbreviates them (``SPRINGER HEIDELBERG``)."""
    return st.sampled_from(_PUBLISHERS)


def _digits(low: int, high: int) -> st.SearchStrategy[str]:
    return st.integers(10 ** (low - 1), 10**high - 1).map(str)


def _letters(size: int, alphabet: str = "ABCDEFGHJKLMNPRSTVWXYZ") -> st.SearchStrategy[str]:
    if size == 1:
        return st.sampled_from(alphabet)
    return st.tuples(*(st.sampled_from(alphabet) for _ in range(size))).map("".join)


def _volumes() -> st.SearchStrategy[str]:
    return st.one_of(
        _digits(1, 3),
        st.tuples(_digits(1, 3), _letters(1, "ABC")).map("".join),
        st.tuples(_digits(1, 2), _digits(1, 1)).map(lambda t: f"{t[0]} Suppl {t[1]}"),
        _digits(4, 4).filter(lambda v: "1990" <= v <= "2025"),
    )


def _issues() -> st.SearchStrategy[str]:
    return st.one_of(
        _digits(1, 2),
        st.integers(1, 11).map(lambda n: f"{n}-{n + 1}"),
        _digits(1, 1).map(lambda n: f"Suppl {n}"),
        st.tuples(_digits(1, 2), _letters(1, "AB")).map("".join),
    )


def _page_ranges() -> st.SearchStrategy[PageRange]:
    def build(t: tuple[int, int, str]) -> PageRange:
        first, length, prefix = t
        return PageRange(f"{prefix}{first}", f"{prefix}{first + length}")

    return st.one_of(
        st.tuples(st.integers(1, 9999), st.integers(1, 40), st.sampled_from(("", "", "S"))).map(
            build
        ),
        st.integers(1, 9999).map(lambda n: PageRange(str(n))),
    )


def article_numbers() -> st.SearchStrategy[str]:
    """Article numbers: ``e70067``, ``L12``, ``103843``, ``e2021GL093456``.

    A plain number can only be written ``Article Number 103843`` on the page; a
    letter-prefixed one (``e70067``) also as ``Pages e70067``.
    """
    return st.one_of(
        _digits(2, 6).map(lambda d: "e" + d),
        _digits(3, 7),
        st.tuples(st.sampled_from("LR"), _digits(2, 3)).map("".join),
        st.tuples(st.integers(2000, 2024), _letters(2), _digits(6, 6)).map(
            lambda t: f"e{t[0]}{t[1]}{t[2]}"
        ),
    )


def journals() -> st.SearchStrategy[Journal]:
    """Journal blocks, never all empty.

    A name and/or a locator (volume, issue, and pages or an article number).
    """

    def build(
        t: tuple[str | None, str | None, str | None, PageRange | str | None],
    ) -> Journal:
        name, volume, issue, where = t
        pages = where if isinstance(where, PageRange) else None
        number = where if isinstance(where, str) else None
        return Journal(name, volume, issue, pages, number)

    where: st.SearchStrategy[PageRange | str | None] = _maybe(
        st.one_of(_page_ranges(), article_numbers())
    )
    return (
        st.tuples(_maybe(journal_names(), 9), _maybe(_volumes()), _maybe(_issues(), 3), where)
        .map(build)
        .filter(lambda j: j != Journal())
    )


def _doi_run() -> st.SearchStrategy[str]:
    return st.text(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=8
    )


def _doi_suffix() -> st.SearchStrategy[str]:
    templates = st.one_of(
        st.tuples(_letters(1, "sjd"), _digits(5, 5), _digits(3, 3), _digits(5, 5)).map(
            lambda t: f"{t[0]}{t[1]}-{t[2]}-{t[3]}-x"
        ),
        st.tuples(_digits(4, 4), _digits(2, 2), _digits(3, 3)).map(
            lambda t: f"j.neuron.{t[0]}.{t[1]}.{t[2]}"
        ),
        st.tuples(_digits(4, 4), _digits(6, 6), _digits(1, 2), _digits(1, 3), _letters(1)).map(
            lambda t: f"(SICI){t[0]}-4636({t[1]}){t[2]}:1<{t[3]}::AID-JBM1>3.0.CO;2-{t[4]}"
        ),
    )

    def piece(run: str, bracket: str) -> str:
        if bracket == "(":
            return f"({run})"
        if bracket == "<":
            return f"<{run}>"
        return run

    part = st.tuples(_doi_run(), st.sampled_from(("", "", "", "(", "<"))).map(lambda t: piece(*t))
    generic = st.tuples(
        _doi_run(),
        st.lists(st.tuples(st.sampled_from(".-_/;:"), part), max_size=5),
        st.sampled_from(("", "", ")", ">")),
    ).map(
        lambda t: (
            t[0] + "".join(sep + p for sep, p in t[1]) + ({")": "(x)", ">": "<1>"}.get(t[2], ""))
        )
    )
    return st.one_of(templates, generic)


def dois() -> st.SearchStrategy[str]:
    """Crossref-pattern DOIs ``10.NNNN/suffix``.

    The suffix may hold ``( ) ; < > / : . - _`` (brackets balanced), never whitespace,
    ``%``, quotes, or a trailing ``.,;:``.
    """
    registrant = st.one_of(_digits(4, 5), st.tuples(_digits(4, 4), _digits(1, 1)).map(".".join))
    return (
        st.tuples(registrant, _doi_suffix())
        .map(lambda t: f"10.{t[0]}/{t[1]}")
        .filter(lambda d: _balanced(d) and d[-1] not in ".,;:/" and len(d) <= 70)
    )


def _keyword(rng: random.Random) -> str:
    words = [rng.choice(_TITLE_WORDS + _TITLE_UNICODE) for _ in range(rng.randint(1, 4))]
    letters = "ABCDEFGHJKLMNPRSTVWXYZ"
    abbreviation = "".join(rng.choice(letters) for _ in range(3))
    paren = rng.choice(
        (
            "",
            "",
            f" ({abbreviation}s)",
            f" ({abbreviation}s, {abbreviation[::-1]}s)",
            f" ({rng.choice(_TITLE_WORDS)}; {rng.choice(_TITLE_WORDS)})",
        )
    )
    return _capitalise(_join(words)) + paren


def _keyword_ok(keyword: str) -> bool:
    return (
        is_wrappable_value(keyword, list_item=True)
        and _no_top_level(keyword, ";|\u00b7\u2022,")
        and not keyword.endswith(".")
        and _balanced(keyword)
    )


_KEYWORDS: Final = _pool(_keyword, _keyword_ok, 800)


def keywords() -> st.SearchStrategy[str]:
    """One keyword: 1-4 words, maybe with a parenthesis that holds ``,`` or ``;``."""
    return _choice(_KEYWORDS)


def keyword_lists() -> st.SearchStrategy[tuple[str, ...]]:
    """0-10 distinct keywords."""
    return st.lists(keywords(), max_size=10, unique=True).map(tuple)


def award_ids() -> st.SearchStrategy[str]:
    """Grant ids of realistic shapes.

    ``81700553``, ``2017M683789``, ``R01 GM123456``,
    ``EP/K503/1``, ``DP210101486``, ``JP19K12345``, ``2018YFA0107200``,
    ``ANR-19-CE11-0001``, ``BB/S001234/1``.
    """
    return st.one_of(
        _digits(8, 8),
        st.tuples(st.integers(2010, 2024), st.sampled_from("MT"), _digits(6, 6)).map(
            lambda t: f"{t[0]}{t[1]}{t[2]}"
        ),
        st.tuples(st.sampled_from(("R01", "R35", "R21", "U54")), _letters(2), _digits(6, 6)).map(
            lambda t: f"{t[0]} {t[1]}{t[2]}"
        ),
        st.tuples(_letters(1), _digits(3, 3)).map(lambda t: f"EP/{t[0]}{t[1]}/1"),
        _digits(9, 9).map(lambda d: "DP" + d),
        st.tuples(_digits(2, 2), _letters(1), _digits(5, 5)).map(lambda t: f"JP{t[0]}{t[1]}{t[2]}"),
        st.tuples(st.integers(2016, 2024), _digits(7, 7)).map(lambda t: f"{t[0]}YFA{t[1]}"),
        st.tuples(_digits(2, 2), _digits(2, 2), _digits(4, 4)).map(
            lambda t: f"ANR-{t[0]}-CE{t[1]}-{t[2]}"
        ),
        st.tuples(_letters(1), _digits(6, 6)).map(lambda t: f"BB/{t[0]}{t[1]}/1"),
    )


_GRANT_WORD: Final = re.compile(r"\b(?:grant|award|project|contract)s?\b", re.IGNORECASE)


def _funder_ok(name: str) -> bool:
    """A funder name whose end cannot be read as an award id group."""
    trailing = re.search(r"[(\[]([^()\[\]]*)[)\]]$", name)
    if trailing is not None and any(ch.isdigit() for ch in trailing[1]):
        return False
    grant = None
    for grant in _GRANT_WORD.finditer(name):  # noqa: B007 - the last one counts
        pass
    if grant is not None and any(ch.isdigit() for ch in name[grant.end() :]):
        return False
    return (
        name[-1] not in ",;:-"
        and "[" not in name
        and is_wrappable_value(name, list_item=True)
        and _balanced(name)
    )


def _all_funders() -> tuple[str, ...]:
    built = (
        *(f"Natural Science Foundation of {p} Province" for p in _PROVINCES),
        *(f"{p} Provincial Key Research Program" for p in _PROVINCES),
        *(
            f"{p} Science Fund for {kind} Scholars, {p} University"
            for p in _PROVINCES
            for kind in ("Distinguished", "Young")
        ),
    )
    return tuple(f for f in (*_FUNDERS, *built) if _funder_ok(f))


_FUNDER_NAMES: Final = _all_funders()


#: How a funding entry writes its award ids: ``[a, b]`` (Peeref's own form, most
#: often), ``[a; b]``, ``(a)``, ``Grant No. a``, ``, grant number a``,
#: ``grant numbers a and b``.
_ID_FORMS: Final = ("[, ]", "[, ]", "[, ]", "[; ]", "(", "Grant No.", ", grant number")


def _funding_text(funder: str, ids: Sequence[str], form: str) -> str:
    if not ids:
        return funder
    if form.startswith("["):
        return f"{funder} [{form[1:-1].join(ids)}]"
    if form == "(" and len(ids) == 1:
        return f"{funder} ({ids[0]})"
    if form == "Grant No." and len(ids) == 1:
        return f"{funder} Grant No. {ids[0]}"
    if form == ", grant number":
        if len(ids) == 1:
            return f"{funder}, grant number {ids[0]}"
        return f"{funder}, grant numbers {', '.join(ids[:-1])} and {ids[-1]}"
    return f"{funder} [{', '.join(ids)}]"


def fundings() -> st.SearchStrategy[Funding]:
    """One funding entry: a funder with 0, 1 or several award ids.

    ``text`` is the
    entry as the page writes it (without its list marker): mostly
    ``funder [id1, id2]``, also ``funder [a; b]``, ``funder (a)``,
    ``funder Grant No. a``, ``funder, grant number a``,
    ``funder, grant numbers a and b``.
    """

    def build(t: tuple[str, list[str], str]) -> Funding:
        funder, ids, form = t
        return Funding(funder, tuple(ids), _funding_text(funder, ids, form))

    return st.tuples(
        _choice(_FUNDER_NAMES),
        st.lists(award_ids(), max_size=3, unique=True),
        st.sampled_from(_ID_FORMS),
    ).map(build)


def _all_names() -> tuple[str, ...]:
    latin = (
        _join([given, *([prefix] if prefix else []), family])
        for given in _GIVEN
        for prefix in ("", *_FAMILY_PREFIXES)
        for family in _FAMILY
    )
    # Inverted "Family, Given" names, only with a one-word family name: with a space on
    # both sides of the comma ("De Silva, Ana Maria") the parser reads two names.
    inverted = (f"{family}, {given}" for given in _GIVEN for family in _FAMILY)
    names = (*latin, *inverted, *_CJK_NAMES)
    return tuple(n for n in names if is_standalone_value(n))


_NAMES: Final = _all_names()


def author_names() -> st.SearchStrategy[str]:
    """Author names.

    Given and family names with accents, apostrophes, hyphens,
    initials and particles (``Rebecca L. Stone``, ``Michael O'Connor``,
    ``Mei Ling van der Wu``), inverted with a one-word family name (``Zhang, Wei``,
    ``García-López, Mei Ling``), or CJK names (``王伟``). Never ``;`` or `` and ``, and
    never a comma with spaces on both sides (``De Silva, Ana Maria``).
    """
    return _choice(_NAMES)


def scores() -> st.SearchStrategy[float]:
    """Scores out of 5 with at most 2 decimals (``4.7``, ``3.85``, ``5.0``)."""
    return st.integers(0, 500).map(lambda n: n / 100)


def ratings() -> st.SearchStrategy[Rating]:
    """Rating blocks as Peeref shows them.

    A score (or none), then ``N ratings`` or the
    note ``Not enough ratings`` (or neither), and the secondary ratings (none, or some
    of ``Novelty``/``Significance``/``Scientific rigor`` in that order, each ``-`` or a
    score).
    """
    count_or_note: st.SearchStrategy[tuple[int | None, str | None]] = st.one_of(
        st.just((None, NOT_ENOUGH_RATINGS)),
        st.integers(1, 5000).map(lambda n: (n, None)),
        st.just((None, None)),
    )
    secondary = st.lists(
        st.tuples(st.sampled_from(range(len(SECONDARY_NAMES))), _maybe(scores(), 2)),
        max_size=3,
        unique_by=lambda t: t[0],
    ).map(
        lambda items: tuple(
            SecondaryRating(SECONDARY_NAMES[i], score) for i, score in sorted(items)
        )
    )
    return st.tuples(_maybe(scores(), 9), count_or_note, secondary).map(
        lambda t: Rating(t[0], t[1][0], t[1][1], t[2])
    )


_ACTION_SETS: Final = (
    (ASK_ACTION, RATE_ACTION),
    (ASK_ACTION, RATE_ACTION),
    (ASK_ACTION, RATE_ACTION),
    (ASK_ACTION,),
    (RATE_ACTION,),
    (),
)


def _recognised(paper: Paper) -> int:
    """How many recognisable parts of a page a rendering of *paper* shows.

    The ``Recommended`` section does not count (see ``UnrecognizedPage``).
    """
    return sum(
        (
            paper.article_type is not None
            or (paper.rating is not None and paper.rating.score is not None),
            paper.journal is not None,
            paper.publisher is not None,
            paper.doi is not None,
            bool(paper.keywords),
            bool(paper.funding),
            bool(paper.authors) or paper.author_claim is not None,
            paper.rating is not None,
            bool(paper.actions),
        )
    )


def _has_signature(paper: Paper) -> bool:
    """Whether a rendering of *paper* shows a part only Peeref's pages show."""
    return bool(paper.actions) or paper.author_claim is not None or paper.rating is not None


def _lists(
    strategy: st.SearchStrategy[T], max_size: int, empty: int = 1
) -> st.SearchStrategy[tuple[T, ...]]:
    """Tuples of 0..max_size items, empty in about ``empty`` draws out of 5."""
    items = st.lists(strategy, min_size=1, max_size=max_size).map(tuple)
    return st.one_of(*[st.just(())] * empty, *[items] * (5 - empty))


def papers() -> st.SearchStrategy[Paper]:
    """Valid, realistic Peeref ``Paper`` records.

    Every renderer can write them and the parser can read them back exactly (apart
    from ``source`` and ``warnings``).

    ``source`` is always ``Source("peeref", "text")`` and ``warnings`` empty: compare
    parsed records with these two fields ignored.

    Restrictions (the contract between generator and parser; each value is what the
    site would print, and what the documented rules read back unambiguously):

    * Every string is clean: whitespace-normalised, NFC, no zero-width characters,
      soft hyphens, control characters or U+FFFD.
    * Every value that stands on its own line (title, journal name, publisher, each
      author name, each recommended title, each keyword) passes
      :func:`is_standalone_value`: it is not a section label or synonym, another known
      section (``References``), a button, a claim prompt, ``No Data Available`` or
      another empty-list marker, known chrome or a nav bar, a Peeref marker, an article
      type, a score, ``score + article type``, a number of ratings; it does not start
      with a list marker, does not start or end with ``#*_>`` (markdown emphasis),
      does not end with ``:``; the text before its first ``:`` is not a label; it
      holds no ``10.NNNN`` DOI prefix and no locator keyword followed by a number
      (``Volume 5``, ``No. 3``, ``Pages 12``).
    * Text that dump tools hard-wrap (title, abstract, keywords, funders) passes
      :func:`is_wrappable_value`: the above holds for every tail that starts at a
      word, words are at most ``MAX_WORD`` (13) characters, and no word ends with
      ``-``. For keywords and funders, no tail starts with a list marker either.
      (CJK titles have no spaces and are never wrapped.)
    * Title: at most 300 characters. Recommended titles: at most 200 characters (a
      dump wraps longer lines, and every line of ``Recommended`` is one title).
    * Journal: a name and/or a locator, never all empty. Names are ALL CAPS, at most
      70 characters (a dump tool wraps longer lines, and only the first line of the
      ``Journal`` section is read as the name); volumes
      ``97``, ``97A``, ``12 Suppl 2``, ``2021``; issues ``8``, ``3-4`` (hyphen, as the
      parser normalises dashes), ``Suppl 1``, ``12A``; pages a range (``1065-1084``,
      ``S12-S19``) or a single page starting with a digit (``17``), or else an article
      number (``e70067``, ``103843``, ``L12``, ``e2021GL093456``): never both.
    * DOI: see :func:`dois` (balanced brackets, no trailing ``.,;:``, no ``%``).
    * Keywords: 0-10 distinct, 1-4 words each, no top-level ``;`` ``|`` ``·`` ``•``
      ``,`` (only inside a parenthesis), no final ``.``, balanced brackets.
    * Categories: 0-3 distinct, drawn as keywords are (the page lists them the same
      way, under ``Categories``).
    * Funding: 0-6 entries; funder never null, from real funder names; no ``[``, no
      trailing ``,;:-``, no trailing bracket group holding a digit (``(H2020)``), no
      ``grant``/``award``/``project``/``contract`` word followed by a digit; 0-3
      distinct award ids (with a digit, no ``,`` ``;`` `` and `` or brackets);
      ``text`` is the funder alone, or the funder and its ids in one of the
      documented forms (see :func:`fundings`).
    * Abstract: 1-5 sentences, at least 60 characters, ends with ``.``.
    * Authors: 0-50 names without ``;`` or `` and ``; a comma only in an inverted name
      with a one-word family name (``Zhang, Wei``; ``De Silva, Ana Maria`` would be
      read as two names). The author claim is null or both canonical Peeref
      sentences.
    * Rating: null, or a score with at most 2 decimals in 0..5 (or null), then a count
      ``>= 1`` or the note ``Not enough ratings`` (or neither; the note is never any
      other text), and secondary ratings among ``Novelty``, ``Significance``,
      ``Scientific rigor`` in that order.
    * Article type: a canonical Web of Science type or null; a header score is the
      rating's score, so a page never states two different scores.
    * Actions: in page order, a subset of ``Ask authors/readers for more resources``
      and ``Rate this paper`` (usually both).
    * Recommended: 0-4 titles.
    * The record shows at least two recognisable parts of a page besides the
      ``Recommended`` section, and at least one part only Peeref's pages show (a
      button, the author claim, a rating block, or a header with a score and an
      article type); otherwise ``parse()`` rightly raises ``UnrecognizedPage``.
    """
    return _papers_strategy


def _build_paper(
    t: tuple[
        tuple[str | None, str | None, Journal | None, str | None, str | None],
        tuple[tuple[str, ...], tuple[str, ...], tuple[Funding, ...], str | None],
        tuple[tuple[str, ...], bool, Rating | None, tuple[str, ...], tuple[str, ...]],
    ],
) -> Paper:
    (title, article_type, journal, publisher, doi), (kws, categories, funding, abstract), rest = t
    names, claim, rating, actions, recommended = rest
    return Paper(
        title=title,
        article_type=article_type,
        journal=journal,
        publisher=publisher,
        doi=doi,
        keywords=kws,
        categories=categories,
        funding=funding,
        abstract=abstract,
        authors=tuple(Author(n) for n in names),
        author_claim=AuthorClaim(CLAIM_PROMPT, CLAIM_ACTION) if claim else None,
        rating=rating,
        actions=actions,
        recommended=recommended,
        source=Source("peeref", "text"),
    )


_papers_strategy: Final[st.SearchStrategy[Paper]] = (
    st.tuples(
        st.tuples(
            _maybe(titles(), 19),
            _maybe(st.sampled_from(sorted(set(peeref.ARTICLE_TYPES.values()))), 4),
            _maybe(journals(), 9),
            _maybe(publishers(), 9),
            _maybe(dois(), 9),
        ),
        st.tuples(
            _lists(keywords(), 10).map(lambda k: tuple(dict.fromkeys(k))),
            _lists(keywords(), 3, empty=3).map(lambda k: tuple(dict.fromkeys(k))),
            _lists(fundings(), 6, empty=2),
            _maybe(abstracts(), 9),
        ),
        st.tuples(
            _lists(author_names(), 50, empty=2),
            st.integers(0, 4).map(bool),
            _maybe(ratings(), 9),
            st.sampled_from(_ACTION_SETS),
            _lists(recommended_titles(), 4, empty=3),
        ),
    )
    .map(_build_paper)
    .filter(lambda p: _recognised(p) >= 2 and _has_signature(p))
)
