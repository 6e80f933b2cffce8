r"""NCBI lists and identifiers: publication types, MeSH terms, grants, ids, author lines.

Each reader is a pure ``str -> value | None`` function (see :mod:`paperparse.fields.ncbi`).

Sources of the data below: NLM's list of publication types (the funding types are the
``Research Support, …`` entries), the MeSH qualifier (subheading) list, and the grant
entries of PubMed's ``Grants and funding`` section (``ID/ACRONYM/AGENCY/COUNTRY``, the
MEDLINE ``GR`` field).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

import attrs

from ...model import PMCID_PATTERN, PMID_PATTERN, Funding, MeshQualifier, MeshTerm

__all__ = [
    "FUNDING_TYPES",
    "MESH_QUALIFIERS",
    "NcbiIds",
    "PublicationTypes",
    "is_funding_type",
    "merge_mesh_terms",
    "read_grant",
    "read_mesh_term",
    "read_ncbi_authors",
    "read_ncbi_ids",
    "read_publication_types",
]


@attrs.frozen
class NcbiIds:
    """The identifiers of an NCBI page: ``PMCID: PMC1234567  PMID: 23456789  NIHMSID: …``.

    Attributes:
        pmid: The PubMed id, digits.
        pmcid: The PubMed Central id, ``PMC`` and digits.
        nihmsid: The NIH manuscript id, ``NIHMS`` and digits.
    """

    pmid: str | None = None
    pmcid: str | None = None
    nihmsid: str | None = None


@attrs.frozen
class PublicationTypes:
    """PubMed's publication types, split into the article type and the funding types.

    Attributes:
        article_type: The types that are no funding type, joined with ``"; "`` in page
            order, or ``None`` when every type is a funding type.
        funding_types: The ``Research Support, …`` types, in page order.
    """

    article_type: str | None
    funding_types: tuple[str, ...] = ()


# --- identifiers -------------------------------------------------------------------

_ID_VALUES: Final[dict[str, re.Pattern[str]]] = {
    "PMID": PMID_PATTERN,  # the shapes the record checks
    "PMCID": PMCID_PATTERN,
    "NIHMSID": re.compile(r"NIHMS[0-9]{1,9}"),
}
#: List markers a dump writes before an item (``•``, ``-``, ``*``).
_BULLETS: Final = "\u2022-*\u00b7\u25aa\u25cf"


def _strip_bullet(text: str) -> str:
    text = text.strip()
    if len(text) > 2 and text[0] in _BULLETS and text[1] == " ":
        return text[2:].strip()
    return text


def read_ncbi_ids(text: str) -> NcbiIds | None:
    """Read a line of NCBI identifiers: ``PMCID: PMC3003334  NIHMSID: NIHMS161098  PMID: 21170175``.

    The labels may come in any order, one or several a line (PubMed lists ``PMID:`` and
    ``PMCID:`` as list items). Anything else on the line refuses it.

    Args:
        text: The line.

    Returns:
        The identifiers; ``None`` when the line holds anything but labelled ids, or
        gives one label two values.

    Examples:
        >>> read_ncbi_ids("PMCID: PMC3003334  NIHMSID: NIHMS161098  PMID: 21170175")
        NcbiIds(pmid='21170175', pmcid='PMC3003334', nihmsid='NIHMS161098')
        >>> read_ncbi_ids("  \u2022 PMID: 23825705")
        NcbiIds(pmid='23825705', pmcid=None, nihmsid=None)
        >>> read_ncbi_ids("PMID: 2829168Free PMC article.") is None, read_ncbi_ids("PMID:") is None
        (True, True)
    """
    tokens = _strip_bullet(text).replace(":", ": ").split()
    if not tokens or len(tokens) % 2:
        return None
    found: dict[str, str] = {}
    for label, value in zip(tokens[::2], tokens[1::2], strict=True):
        name = label.removesuffix(":")
        pattern = _ID_VALUES.get(name)
        if not label.endswith(":") or pattern is None or pattern.fullmatch(value) is None:
            return None
        if found.setdefault(name, value) != value:
            return None
    return NcbiIds(found.get("PMID"), found.get("PMCID"), found.get("NIHMSID"))


# --- authors -----------------------------------------------------------------------

#: Affiliation and note marks after a name: numbers, single lower-case letters,
#: footnote signs, and the caret w3m writes for ``<sup>``.
_MARK: Final = re.compile(r"[0-9]{1,3}|[a-z]|[*\u2020\u2021\u00a7\u00b6#^\u00b9\u00b2\u00b3]{1,3}")
#: A mark glued to the end of a name (``Yu1``, ``Soares*``).
_GLUED_MARK: Final = re.compile(r"(?<=[^\W\d_])(?:[0-9]{1,3}|[*\u2020\u2021^]{1,3})")
#: Lines that name a group the authors wrote for: ``for the Brazilian Network …``.
_GROUP_PREFIXES: Final = ("for the ", "on behalf of the ", "for ", "on behalf of ")
#: The longest name read (also the longest first author of a short citation).
MAX_NAME: Final = 200


def _strip_marks(piece: str) -> str:
    words = piece.split()
    while len(words) > 1 and _MARK.fullmatch(words[-1]):
        words.pop()
    name = " ".join(words)
    glued = _GLUED_MARK.search(name[-4:]) if name else None
    if glued is not None:
        name = name[: len(name) - 4 + glued.start()]
    return name


def _is_name(name: str) -> bool:
    """A personal name: two words or more, letters, no digits or citation marks."""
    return (
        1 < len(name) <= MAX_NAME
        and " " in name
        and any(map(str.isalpha, name))
        and not any(map(str.isdigit, name))
        and not any(mark in name for mark in ("(", ")", ":", ";", "/", "@", "et al"))
    )


def is_name_word(word: str) -> bool:
    """A word of a personal name: letters, with hyphens and apostrophes."""
    return word.replace("-", "").replace("'", "").replace("\u2019", "").isalpha()


def read_ncbi_authors(text: str) -> tuple[str, ...] | None:
    """Read an NCBI author line, dropping affiliation marks.

    PMC writes ``Hong Yu 1, Shashank Agarwal 1,2, Nadya Frid 1``; marks may be letters
    (``Marsal Sanches a``) and end in a comma (``Yijia Li 1,2,, Jing Xie 1,3,``), a
    corresponding author gets ``*``. A last item ``for the GROUP`` names the group the
    authors wrote for, read as a (collective) author ``GROUP``.

    Args:
        text: The line.

    Returns:
        The names in order; ``None`` when an item is no name (never a half-read list).

    Examples:
        >>> read_ncbi_authors("Hong Yu 1, Shashank Agarwal 1,2, Nadya Frid 1")
        ('Hong Yu', 'Shashank Agarwal', 'Nadya Frid')
        >>> read_ncbi_authors("Yijia Li 1,2,, Chloe L Thio 4,*,, Taisheng Li 1,3,*,")
        ('Yijia Li', 'Chloe L Thio', 'Taisheng Li')
        >>> read_ncbi_authors("Marsal Sanches a, Hugo Ribeiro Zanetti a,b, Jair C Soares c,*")
        ('Marsal Sanches', 'Hugo Ribeiro Zanetti', 'Jair C Soares')
        >>> read_ncbi_authors("Leonardo Roever a,, Giuseppe Biondi-Zoccai p, for the Network (NET)")
        ('Leonardo Roever', 'Giuseppe Biondi-Zoccai', 'Network (NET)')
        >>> read_ncbi_authors("Nader Sheibani^  1"), read_ncbi_authors("Hong Yu1, Nadya Frid2,3")
        (('Nader Sheibani',), ('Hong Yu', 'Nadya Frid'))
        >>> read_ncbi_authors("PMCID: PMC3003334") is None
        True
        >>> read_ncbi_authors("Smith J, et al.") is None
        True
    """
    line = " ".join(text.split())
    names: list[str] = []
    for raw in line.split(","):
        piece = raw.strip()
        if not piece or _MARK.fullmatch(piece):
            if not names and piece:
                return None  # marks before any name
            continue
        for prefix in _GROUP_PREFIXES:
            if piece.startswith(prefix) and len(piece) > len(prefix):
                group = piece[len(prefix) :].strip()
                if not any(map(str.isalpha, group)) or len(group) > MAX_NAME:
                    return None
                names.append(group)
                break
        else:
            name = _strip_marks(piece)
            if not _is_name(name):
                return None
            names.append(name)
    return tuple(names) or None


# --- publication types, MeSH, grants -------------------------------------------------

#: NLM's funding publication types (the ``Research Support, …`` entries of the
#: publication type list, current and retired): they say who paid, not what the paper
#: is. Any type starting with ``Research Support, `` is read as one.
FUNDING_TYPES: Final = frozenset(
    {
        "Research Support, American Recovery and Reinvestment Act",
        "Research Support, N.I.H., Extramural",
        "Research Support, N.I.H., Intramural",
        "Research Support, Non-U.S. Gov't",
        "Research Support, U.S. Gov't, Non-P.H.S.",
        "Research Support, U.S. Gov't, P.H.S.",
        "Research Support, U.S. Gov't",
    }
)
_FUNDING_PREFIX: Final = "Research Support, "
#: A publication type: words of letters, with NLM's punctuation (``Clinical Trial,
#: Phase III``, ``Research Support, Non-U.S. Gov't``).
_PUBLICATION_TYPE: Final = re.compile(r"[A-Z][A-Za-z0-9 ,.'\u2019()/&-]{1,99}")


def is_funding_type(text: str) -> bool:
    """Return whether *text* is a funding publication type (``Research Support, …``).

    >>> is_funding_type("Research Support, Non-U.S. Gov't"), is_funding_type("Review")
    (True, False)
    """
    text = text.strip()
    return text in FUNDING_TYPES or text.startswith(_FUNDING_PREFIX)


def read_publication_types(items: Iterable[str]) -> PublicationTypes | None:
    """Split PubMed's publication types into the article type and the funding types.

    Args:
        items: The items of the ``Publication types`` list, in page order (a list
            marker before an item is dropped; a type given twice counts once).

    Returns:
        The article type (the types that are no funding type, joined with ``"; "``)
        and the funding types; ``None`` when an item is no publication type.

    Examples:
        >>> read_publication_types(["Review", "Research Support, Non-U.S. Gov't"])
        PublicationTypes(article_type='Review', funding_types=("Research Support, Non-U.S. Gov't",))
        >>> read_publication_types(["Randomized Controlled Trial", "Case Reports"]).article_type
        'Randomized Controlled Trial; Case Reports'
        >>> read_publication_types(["Research Support, N.I.H., Extramural"]).article_type is None
        True
        >>> read_publication_types(["Review", "Search in PubMed: x"]) is None
        True
    """
    kept: list[str] = []
    funding: list[str] = []
    for item in items:
        value = " ".join(_strip_bullet(item).split())
        if not value:
            continue
        if _PUBLICATION_TYPE.fullmatch(value) is None:
            return None
        bucket = funding if is_funding_type(value) else kept
        if value not in bucket:
            bucket.append(value)
    if not kept and not funding:
        return None
    return PublicationTypes("; ".join(kept) or None, tuple(funding))


#: MeSH qualifiers (subheadings), as PubMed writes them, current and retired.
MESH_QUALIFIERS: Final = frozenset(
    {
        "abnormalities", "administration & dosage", "adverse effects", "agonists",
        "analogs & derivatives", "analysis", "anatomy & histology", "antagonists & inhibitors",
        "biosynthesis", "blood", "blood supply", "cerebrospinal fluid", "chemical synthesis",
        "chemically induced", "chemistry", "classification", "complications", "congenital",
        "contraindications", "cytology", "deficiency", "diagnosis", "diagnostic imaging",
        "diagnostic use", "diet therapy", "drug effects", "drug therapy", "economics",
        "education", "embryology", "enzymology", "epidemiology", "ethics", "ethnology",
        "etiology", "genetics", "growth & development", "history", "immunology", "injuries",
        "innervation", "instrumentation", "isolation & purification",
        "legislation & jurisprudence", "manpower", "metabolism", "methods", "microbiology",
        "mortality", "nursing", "organization & administration", "parasitology",
        "pathogenicity", "pathology", "pharmacokinetics", "pharmacology", "physiology",
        "physiopathology", "poisoning", "prevention & control", "psychology",
        "radiation effects", "radiography", "radionuclide imaging", "radiotherapy",
        "rehabilitation", "secondary", "standards", "statistics & numerical data",
        "supply & distribution", "surgery", "therapeutic use", "therapy", "toxicity",
        "transmission", "transplantation", "trends", "ultrasonography", "ultrastructure",
        "urine", "utilization", "veterinary", "virology",
    }
)  # fmt: skip
#: A MeSH descriptor: a letter or digit, then the characters NLM's names use
#: (``Liver Failure, Acute``, ``gamma-Aminobutyric Acid``, ``Receptor, ErbB-2``).
_DESCRIPTOR: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ,.'\u2019()\[\]+&-]{0,149}")


def read_mesh_term(text: str) -> MeshTerm | None:
    """Read one item of PubMed's ``MeSH terms`` list.

    ``*`` marks a major topic: after the descriptor (``Exosomes*``,
    ``Mesenchymal Stem Cells* / metabolism``) the descriptor is major, after a
    qualifier (``Liver / pathology*``) that qualifier is.

    Args:
        text: The item (a list marker before it is dropped).

    Returns:
        The term; ``None`` when the item is no MeSH term (a qualifier MeSH does not
        have, a second ``*``, text around it).

    Examples:
        >>> term = read_mesh_term("Liver / pathology*")
        >>> term.descriptor, term.major, term.qualifiers
        ('Liver', False, (MeshQualifier(name='pathology', major=True),))
        >>> read_mesh_term("Exosomes*")
        MeshTerm(descriptor='Exosomes', major=True, qualifiers=())
        >>> read_mesh_term("Humans")
        MeshTerm(descriptor='Humans', major=False, qualifiers=())
        >>> read_mesh_term("Mesenchymal Stem Cells* / metabolism").major
        True
        >>> term = read_mesh_term("Liver Failure, Acute / therapy* / prevention & control")
        >>> [q.name for q in term.qualifiers]
        ['therapy', 'prevention & control']
        >>> read_mesh_term("Liver / Search in PubMed") is None, read_mesh_term("Liv*er") is None
        (True, True)
    """
    parts = [part.strip() for part in _strip_bullet(text).split("/")]
    head = parts[0]
    major = head.endswith("*")
    descriptor = head.removesuffix("*").strip()
    if "*" in descriptor or _DESCRIPTOR.fullmatch(descriptor) is None:
        return None
    qualifiers: list[MeshQualifier] = []
    for part in parts[1:]:
        starred = part.endswith("*")
        name = part.removesuffix("*").strip()
        if name not in MESH_QUALIFIERS:
            return None
        qualifiers.append(MeshQualifier(name, starred))
    return MeshTerm(descriptor, major, tuple(qualifiers))


def merge_mesh_terms(terms: Iterable[MeshTerm]) -> tuple[MeshTerm, ...]:
    """Merge the items of one descriptor into one heading, in first-seen order.

    PubMed lists a descriptor with two qualifiers as two items (``Liver / metabolism``,
    ``Liver / pathology*``); the record holds one heading with both qualifiers.

    >>> merged = merge_mesh_terms([read_mesh_term("Liver / metabolism"),
    ...     read_mesh_term("Humans"), read_mesh_term("Liver / pathology*")])
    >>> [(t.descriptor, [(q.name, q.major) for q in t.qualifiers]) for t in merged]
    [('Liver', [('metabolism', False), ('pathology', True)]), ('Humans', [])]
    """
    order: list[str] = []
    heads: dict[str, tuple[bool, list[MeshQualifier]]] = {}
    for term in terms:
        if term.descriptor not in heads:
            order.append(term.descriptor)
            heads[term.descriptor] = (term.major, [])
        major, qualifiers = heads[term.descriptor]
        heads[term.descriptor] = (major or term.major, qualifiers)
        qualifiers.extend(q for q in term.qualifiers if q not in qualifiers)
    return tuple(MeshTerm(d, heads[d][0], tuple(heads[d][1])) for d in order)


#: The countries PubMed's grant entries end with.
_GRANT_COUNTRIES: Final = frozenset(
    {
        "Australia", "Austria", "Belgium", "Brazil", "Canada", "China", "Denmark", "Finland",
        "France", "Germany", "India", "International", "Ireland", "Israel", "Italy", "Japan",
        "Netherlands", "New Zealand", "Norway", "Portugal", "Singapore", "South Africa",
        "Spain", "Sweden", "Switzerland", "United Kingdom", "United States",
    }
)  # fmt: skip
#: The acronym of a grant entry: NIH's institute code (``HL``), or an agency's
#: (``MRC_``, ``WT_``, ``ImNIH``, ``CAPMC``).
_GRANT_ACRONYM: Final = re.compile(r"[A-Za-z0-9_]{1,10}")
#: A grant id: a short code with a digit (``R01 HL148431``, ``MR/N013867/1``).
_GRANT_ID: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ./_-]{0,39}")
_MAX_AGENCY: Final = 150


def read_grant(text: str) -> Funding | None:
    """Read one entry of PubMed's ``Grants and funding``: ``ID/ACRONYM/AGENCY/COUNTRY``.

    The agency is the funder and the id (which may hold ``/`` itself, as UK grants do)
    the award id; an entry without an id (``WT_/Wellcome Trust/United Kingdom``) names
    the funder only. Older entries leave the country out (``GM47462/GM/NIGMS``).

    Args:
        text: The entry.

    Returns:
        The funding entry (``text`` as shown); ``None`` when the entry is not of this form.

    Examples:
        >>> grant = read_grant("R01 HL148431/HL/NHLBI NIH HHS/United States")
        >>> grant.funder, grant.award_ids, grant.text
        ('NHLBI NIH HHS', ('R01 HL148431',), 'R01 HL148431/HL/NHLBI NIH HHS/United States')
        >>> read_grant("MR/N013867/1/MRC_/Medical Research Council/United Kingdom").award_ids
        ('MR/N013867/1',)
        >>> read_grant("WT_/Wellcome Trust/United Kingdom").award_ids
        ()
        >>> read_grant("GM47462/GM/NIGMS").funder
        'NIGMS'
        >>> read_grant("Supported by NIH") is None, read_grant("R01/HL/") is None
        (True, True)
    """
    entry = " ".join(_strip_bullet(text).split())
    parts = [part.strip() for part in entry.split("/")]
    if len(parts) < 3:
        return None
    country = parts[-1] in _GRANT_COUNTRIES
    rest = parts[:-1] if country else parts
    if len(rest) < 2:
        return None
    agency, acronym, id_parts = rest[-1], rest[-2], rest[:-2]
    if not country and not id_parts:
        return None  # "A/B/C" with no known country: which part is what?
    grant_id = "/".join(id_parts)
    if (
        _GRANT_ACRONYM.fullmatch(acronym) is None
        or not agency
        or len(agency) > _MAX_AGENCY
        or not any(map(str.isalpha, agency))
        or (
            grant_id
            and (_GRANT_ID.fullmatch(grant_id) is None or not any(map(str.isdigit, grant_id)))
        )
    ):
        return None
    return Funding(agency, (grant_id,) if grant_id else (), entry)
