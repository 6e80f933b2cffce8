"""Recall and precision per drawn markup feature: which redesign choices lose fields.

    python bench/markup_recall.py                     # 400 pages, HTML and every tool
    python bench/markup_recall.py -n 2000 --tools html,w3m,lynx
    python bench/markup_recall.py --json recall.json  # the counts, for a diff between runs

Draws ``-n`` pages with :func:`paperparse.testing.markup_pages` over
:func:`paperparse.testing.papers` (a fixed ``--seed``: the same pages every run),
parses each page's HTML and the text each installed dump tool makes of it (the tools
of ``tests/markup_tools.py``, as the properties of ``tests/test_markups.py`` read
them), and compares every record with the page's own (:func:`~paperparse.testing.wrong_values`).

For each value the page states: *correct* (the parsed value is the page's), *wrong*
(a different, non-empty value), or *missing* (empty). A value the page does not state
but the parser gives is wrong too. recall = correct / stated; precision = correct /
(correct + wrong). A page the parser refuses (``ParseError``) states its values and gets
none (*refused*). For the text of a tool, the fields a page makes ambiguous as text
(``MarkupPage.text_ambiguous``: keywords as pills with only spaces between them) are
left out, as the properties leave them out.

The first table is per input path, the second per field, the third per feature: the
pages that carry the feature, and recall, precision and wrong values on them, for the
HTML and for all tools' text pooled. A feature whose recall is far below its choice's
first option, or with wrong values at all, is a markup the parser does not read yet.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from tests.markup_tools import TOOLS, installed, tool_text  # noqa: E402

import paperparse  # noqa: E402
from paperparse.testing import FIELDS, markup_pages, papers, wrong_values  # noqa: E402
from paperparse.testing.compare import compared_value  # noqa: E402
from paperparse.testing.page_markups import FEATURES, MarkupPage  # noqa: E402

HTML = "html"

_LOCATOR = (
    "journal.name",
    "journal.volume",
    "journal.issue",
    "journal.pages",
    "journal.article_number",
)
_META = (*_LOCATOR, "publisher", "doi", "keywords", "categories", "funding")
_PRIMARY = ("rating.score", "rating.count", "rating.note")
_RATING = (*_PRIMARY, "rating.secondary")
_AUTHORS = ("authors",)
_HEADER = ("title", "article_type", "rating.score", "summary")
#: The fields a choice concerns: a feature's recall and precision are measured on them.
#: A choice not listed (page chrome, order, embedded metadata) concerns them all.
CONCERNS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "title-extra": _HEADER,
    "title-extra-place": _HEADER,
    "header": _HEADER,
    "header-score": _HEADER,
    "rating-place": (*_RATING, "actions"),
    "meta": _META,
    "labels": (*_META, "authors"),
    "locator": _LOCATOR,
    "locator-form": _LOCATOR,
    "dash": _LOCATOR,
    "article-number": _LOCATOR,
    "doi": ("doi", "publisher"),
    "doi-extra": ("doi", "publisher"),
    "keywords": ("keywords",),
    "keyword-sep": ("keywords",),
    "categories": ("categories",),
    "funding": ("funding",),
    "funding-header": ("funding",),
    "ask": ("actions", "abstract", "summary"),
    "ask-element": ("actions",),
    "abstract-heading": ("abstract", "summary"),
    "abstract": ("abstract", "summary"),
    "authors": _AUTHORS,
    "author-sep": _AUTHORS,
    "author-class": _AUTHORS,
    "author-marks": _AUTHORS,
    "avatar": _AUTHORS,
    "orcid": _AUTHORS,
    "authors-cut": _AUTHORS,
    "affiliations": _AUTHORS,
    "affiliations-heading": _AUTHORS,
    "claim": ("author_claim",),
    "reviews-heading": _RATING,
    "primary": _PRIMARY,
    "primary-number": _PRIMARY,
    "count": _PRIMARY,
    "secondary": ("rating.secondary",),
    "secondary-number": ("rating.secondary",),
    "rate": ("actions",),
    "recommended": ("recommended",),
    "recommended-heading": ("recommended",),
    "card-meta": ("recommended",),
    "recommended-empty": ("recommended",),
}


def draw(count: int, at: int) -> list[MarkupPage]:
    """*count* distinct pages, the same for the same *at* seed."""
    out: dict[str, MarkupPage] = {}

    @seed(at)
    @settings(
        max_examples=count * 2,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(papers().flatmap(markup_pages))
    def collect(page: MarkupPage) -> None:
        if len(out) < count:
            out.setdefault(page.html, page)

    collect()
    return list(out.values())


class Tally:
    """Counts of stated, correct, wrong and missing values, and refused pages."""

    __slots__ = ("correct", "missing", "pages", "refused", "stated", "wrong")

    def __init__(self) -> None:
        self.pages = self.refused = self.stated = self.correct = self.wrong = self.missing = 0

    def add(self, other: Tally) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def recall(self) -> float | None:
        return self.correct / self.stated if self.stated else None

    def precision(self) -> float | None:
        judged = self.correct + self.wrong
        return self.correct / judged if judged else None

    def as_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


def judge(
    page: MarkupPage, parsed: paperparse.Paper | None, skip: Iterable[str] = ()
) -> tuple[Tally, dict[str, Tally]]:
    """The page's tally, and one per field."""
    total, per_field = Tally(), {}
    wrong = set() if parsed is None else set(wrong_values(page.paper, parsed))
    for field in FIELDS:
        if field in skip:
            continue
        tally = Tally()
        stated = compared_value(page.paper, field) is not None
        tally.stated = stated
        if field in wrong:
            tally.wrong = 1
        elif stated and parsed is not None and compared_value(parsed, field) is not None:
            tally.correct = 1  # not wrong and not empty: the page's value
            if field == "author_claim":  # a claim with one part missing is not complete
                tally.correct = int(
                    compared_value(parsed, field) == compared_value(page.paper, field)
                )
                tally.missing = 1 - tally.correct
        elif stated:
            tally.missing = 1
        per_field[field] = tally
        total.add(tally)
    total.pages, total.refused = 1, int(parsed is None)
    return total, per_field


def parse(page: str, text_format: str) -> paperparse.Paper | None:
    try:
        return paperparse.parse(page, format=text_format)  # type: ignore[arg-type]
    except paperparse.ParseError:
        return None


def run_page(page: MarkupPage, tools: list[str]) -> dict[str, tuple[Tally, dict[str, Tally]]]:
    """Every path's tallies for one page."""
    out = {}
    for tool in tools:
        if tool == HTML:
            out[tool] = judge(page, parse(page.html, "html"))
        else:
            text = tool_text(tool, page.html)
            out[tool] = judge(page, parse(text, "text"), page.text_ambiguous)
    return out


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--pages", type=int, default=400, help="pages to draw (400)")
    parser.add_argument("--seed", type=int, default=23, help="the drawing seed (23)")
    parser.add_argument(
        "--tools",
        default=",".join([HTML, *TOOLS]),
        help=f"comma-separated paths: {HTML} and dump tools ({', '.join(TOOLS)}); "
        "tools not installed are skipped",
    )
    parser.add_argument("--jobs", type=int, default=2, help="pages read at once (2)")
    parser.add_argument("--json", type=Path, help="also write the counts here")
    args = parser.parse_args(argv)

    tools = []
    for tool in args.tools.split(","):
        if tool != HTML and tool not in TOOLS:
            parser.error(f"unknown tool {tool!r}")
        if tool == HTML or installed(tool):
            tools.append(tool)
        else:
            print(f"note: {tool} is not installed; skipped", file=sys.stderr)
    start = time.perf_counter()
    pages = draw(args.pages, args.seed)
    print(f"drew {len(pages)} pages in {time.perf_counter() - start:.1f} s", file=sys.stderr)

    by_path: dict[str, Tally] = defaultdict(Tally)
    by_field: dict[tuple[str, str], Tally] = defaultdict(Tally)
    by_feature: dict[tuple[str, str], Tally] = defaultdict(Tally)
    wrong_by_feature: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    with ThreadPoolExecutor(args.jobs) as pool:
        for done, (page, results) in enumerate(
            zip(pages, pool.map(lambda p: run_page(p, tools), pages), strict=True), 1
        ):
            for tool, (total, fields) in results.items():
                group = HTML if tool == HTML else "text"
                by_path[tool].add(total)
                for field, tally in fields.items():
                    by_field[(group, field)].add(tally)
                for feature in page.features:
                    own = Tally()
                    own.pages, own.refused = 1, total.refused
                    for field in CONCERNS.get(feature.partition(":")[0], FIELDS):
                        if field in fields:
                            own.add(fields[field])
                    by_feature[(group, feature)].add(own)
                    for field, tally in fields.items():
                        if tally.wrong:
                            wrong_by_feature[(group, feature)][field] += 1
            if done % 50 == 0:
                print(f"{done}/{len(pages)} pages", file=sys.stderr)

    print(f"# Markup recall: {len(pages)} pages, seed {args.seed}\n")
    print("## Per input path\n")
    print(
        table(
            ["path", "pages", "refused", "stated", "correct", "wrong", "recall", "precision"],
            [
                [
                    tool,
                    str(t.pages),
                    str(t.refused),
                    str(t.stated),
                    str(t.correct),
                    str(t.wrong),
                    percent(t.recall()),
                    percent(t.precision()),
                ]
                for tool, t in by_path.items()
            ],
        )
    )
    groups = (
        [HTML, "text"]
        if len(tools) > 1 and HTML in tools
        else ([HTML] if HTML in tools else ["text"])
    )
    print("\n## Per field (text: every tool's text pooled)\n")
    header = ["field"]
    for group in groups:
        header += [f"{group} stated", f"{group} recall", f"{group} wrong"]
    rows = []
    for field in FIELDS:
        row = [field]
        for group in groups:
            t = by_field[(group, field)]
            row += [str(t.stated), percent(t.recall()), str(t.wrong)]
        rows.append(row)
    print(table(header, rows))
    print(
        "\n## Per feature\n\nOn the pages that carry the feature: recall, precision and wrong "
        "values of the fields its choice concerns (every field for page chrome, order and "
        "embedded metadata), and the fields with the most wrong values on those pages (any "
        "field; HTML and text pooled). text: every tool's text pooled.\n"
    )
    header = ["feature", "pages"]
    for group in groups:
        header += [f"{group} recall", f"{group} precision", f"{group} wrong"]
    header.append("most wrong fields")
    rows = []
    for feature in FEATURES:
        first = by_feature.get((groups[0], feature))
        if first is None:
            continue
        row = [feature, str(first.pages)]
        wrong_fields: Counter[str] = Counter()
        for group in groups:
            t = by_feature[(group, feature)]
            row += [percent(t.recall()), percent(t.precision()), str(t.wrong)]
            wrong_fields.update(wrong_by_feature[(group, feature)])
        row.append(", ".join(f"{f} {n}" for f, n in wrong_fields.most_common(3)))
        rows.append(row)
    print(table(header, rows))
    if args.json is not None:
        args.json.write_text(
            json.dumps(
                {
                    "pages": len(pages),
                    "seed": args.seed,
                    "paths": {tool: t.as_dict() for tool, t in by_path.items()},
                    "fields": {f"{g}:{f}": t.as_dict() for (g, f), t in by_field.items()},
                    "features": {f"{g}:{f}": t.as_dict() for (g, f), t in by_feature.items()},
                },
                indent=1,
            ),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
