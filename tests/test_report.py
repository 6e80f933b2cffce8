"""The batch report: its data, its escaping, the command, and the page in a real browser."""

from __future__ import annotations

import html
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
from typing import Any

import pytest

import paperparse
from paperparse import report
from paperparse.report import FIELDS, page_entry, write_report

from .conftest import FIXTURES

PEEREF = FIXTURES / "peeref"
SEED = PEEREF / "jmm-2019-review.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_JSON = json.loads(SEED.with_suffix(".json").read_text(encoding="utf-8"))
SCRIPT = pathlib.Path(sys.executable).with_name("paperparse")
HOSTILE = "</script><img src=x onerror=alert(1)><!-- & \u2028 <b>"
BLOCK = re.compile(r'<script type="application/json" id="(pp-[a-z0-9-]+)">(.*?)</script>', re.S)


def blocks(text: str) -> dict[str, Any]:
    """The JSON blocks of a report, by id."""
    return {name: json.loads(body) for name, body in BLOCK.findall(text)}


def hostile_page() -> str:
    """The seed page with page text that tries to break out of the report's markup."""
    title = SEED_JSON["title"]
    assert title in SEED_TEXT
    return SEED_TEXT.replace(title, f"{title} {HOSTILE}", 1)


def build(*paths: str | os.PathLike[str], **options: Any) -> tuple[str, report.ReportSummary]:
    stream = io.StringIO()
    summary = write_report(list(paths), stream, jobs=1, **options)
    return stream.getvalue(), summary


# --- the data of one page --------------------------------------------------------------


def test_page_entry_of_a_parsed_page() -> None:
    paper = paperparse.parse(SEED, provenance=True)
    entry = page_entry("seed.txt", paper, SEED_TEXT, max_lines=400)
    assert entry["status"] == report.PARSED
    assert entry["error"] is None
    assert "provenance" not in entry["record"]
    provenance = json.loads(paperparse.to_json(paper))["provenance"]
    assert entry["provenance"] == [
        [p["field"], p["first_line"], p["last_line"], p["rule"], p["source"]] for p in provenance
    ]
    assert entry["record"]["title"] == SEED_JSON["title"]
    # one bit per filled field, in FIELDS order
    filled = {field for bit, field in enumerate(FIELDS) if entry["filled"] >> bit & 1}
    assert {"title", "doi", "keywords", "journal.volume", "rating.score"} <= filled
    assert "categories" not in filled
    assert "summary" not in filled
    assert filled == {p["field"] for p in provenance} | {"actions"}
    lines = SEED_TEXT.splitlines()
    assert [n for n, _ in entry["lines"]] == list(range(1, len(lines) + 1))
    for (_, shown), line in zip(entry["lines"], lines, strict=True):
        if len(line) <= report.MAX_LINE_LENGTH:
            assert shown == line.rstrip()
        else:  # an abstract on one line
            assert shown == line[: report.MAX_LINE_LENGTH - 1] + "…"
    assert entry["total_lines"] == len(lines)


def test_page_entry_without_provenance_still_shows_values_and_lines() -> None:
    paper = paperparse.parse(SEED)  # provenance not asked for: nothing to highlight
    entry = page_entry("seed.txt", paper, SEED_TEXT, max_lines=400)
    assert entry["provenance"] == []
    assert entry["filled"] >> FIELDS.index("title") & 1
    assert entry["record"]["title"] == SEED_JSON["title"]
    assert len(entry["lines"]) == len(SEED_TEXT.splitlines())


def test_page_entry_of_a_failed_page() -> None:
    entry = page_entry("x.txt", paperparse.UnrecognizedPage("Not a page."), "hello\n", max_lines=9)
    assert entry["status"] == report.FAILED
    assert entry["error"] == {"type": "UnrecognizedPage", "message": "Not a page."}
    assert entry["record"] is None
    assert entry["filled"] == 0
    assert entry["lines"] == [[1, "hello"]]
    unreadable = page_entry("gone.txt", FileNotFoundError(2, "No such file"), None, max_lines=9)
    assert unreadable["error"]["type"] == "OSError"
    assert unreadable["lines"] == []


def test_lines_are_capped_but_keep_the_lines_values_come_from() -> None:
    filler = "\n".join(f"filler line {n}" for n in range(300))
    page = f"{filler}\n{SEED_TEXT}"
    paper = paperparse.parse(page, provenance=True)
    title_line = next(p.first_line for p in paper.provenance if p.field == "title")
    assert title_line is not None
    assert title_line > 300
    entry = page_entry("long.txt", paper, page, max_lines=50)
    kept = [number for number, _ in entry["lines"]]
    assert kept[:50] == list(range(1, 51))
    assert len(kept) <= 100
    assert title_line in kept
    assert title_line - 2 in kept  # with context
    assert entry["total_lines"] == len(page.splitlines())
    text = dict(entry["lines"])[title_line]
    assert SEED_JSON["title"].startswith(text.strip())


def test_long_lines_are_cut() -> None:
    line = "x" * (report.MAX_LINE_LENGTH * 3)
    entry = page_entry("wide.txt", paperparse.UnrecognizedPage("no"), line, max_lines=5)
    [[number, text]] = entry["lines"]
    assert number == 1
    assert len(text) == report.MAX_LINE_LENGTH
    assert text.endswith("…")


# --- the whole file --------------------------------------------------------------------


@pytest.fixture
def batch(tmp_path: pathlib.Path) -> pathlib.Path:
    """Two good pages, a hostile one, an empty one (fails) and a binary one (fails)."""
    root = tmp_path / "batch"
    root.mkdir()
    shutil.copy(SEED, root / "a-seed.txt")
    shutil.copy(FIXTURES / "html" / "seed-table.html", root / "b-seed.html")
    (root / "c-hostile.txt").write_text(hostile_page(), encoding="utf-8")
    (root / "d-empty.txt").write_bytes(b"")
    (root / "e-binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    return root


def test_report_summary_and_index(batch: pathlib.Path) -> None:
    text, summary = build(batch)
    assert summary == report.ReportSummary(
        pages=5, parsed=3, warned=summary.warned, failed=2, size=len(text)
    )
    data = blocks(text)
    index = data["pp-index"]
    keys = index["keys"]
    rows = [dict(zip(keys, row, strict=True)) for row in index["pages"]]
    assert [pathlib.Path(r["path"]).name for r in rows] == sorted(os.listdir(batch))
    assert [r["status"] for r in rows][3:] == [report.FAILED, report.FAILED]
    assert index["summary"]["pages"] == 5
    assert index["summary"]["parsed"] == 3
    assert index["summary"]["failed"] == 2
    assert index["fields"] == list(FIELDS)
    filled = dict(zip(FIELDS, index["summary"]["filled"], strict=True))
    assert filled["title"] == 3
    assert filled["categories"] == 0
    # one block per page, in index order, each the page's entry
    pages = [data[f"pp-page-{n}"] for n in range(1, 6)]
    assert [p["path"] for p in pages] == [r["path"] for r in rows]
    assert pages[0]["record"]["doi"] == SEED_JSON["doi"]
    assert pages[1]["format"] == "html"
    assert any(p[0] == "title" for p in pages[1]["provenance"])
    assert pages[3]["error"]["type"] == "EmptyInput"


def test_report_codes_count_pages(tmp_path: pathlib.Path) -> None:
    root = tmp_path / "warned"
    root.mkdir()
    stray = SEED_TEXT.replace("Publisher", "Save to reading list\nPublisher", 1)
    for name in ("one.txt", "two.txt"):
        (root / name).write_text(stray, encoding="utf-8")
    shutil.copy(SEED, root / "three.txt")
    text, summary = build(root)
    assert summary.warned == 2
    codes = dict(blocks(text)["pp-index"]["summary"]["codes"])
    assert codes == {"unplaced_text": 2}


def test_hostile_page_text_cannot_leave_its_script_block(batch: pathlib.Path) -> None:
    text, _ = build(batch)
    # nothing from the page reaches the file as markup: one <script> per block, plus the
    # report's own script, and every block parses back to the page's exact text
    assert "<img" not in text
    assert "<!--" not in text
    assert "\u2028" not in text
    assert text.count("<script") == text.count("</script>") == 5 + 2
    hostile = blocks(text)["pp-page-3"]
    title = paperparse.parse(hostile_page()).title
    assert title is not None
    assert "</script><img src=x onerror=alert(1)><!--" in title
    assert hostile["record"]["title"] == title
    assert any(HOSTILE.split("\u2028")[0] in line for _, line in hostile["lines"])


def test_hostile_title_option_is_escaped(batch: pathlib.Path) -> None:
    text, _ = build(batch, title="<script>x</script>")
    head = text.split("<style>", 1)[0]
    assert html.escape("<script>x</script>") in head
    assert "<script>x" not in text
    assert blocks(text)["pp-index"]["title"] == "<script>x</script>"


def test_bad_options() -> None:
    with pytest.raises(ValueError, match="max_lines"):
        write_report(SEED, io.StringIO(), max_lines=0)
    with pytest.raises(ValueError, match="jobs"):
        write_report(SEED, io.StringIO(), jobs=0)


def test_pool_and_in_process_reports_are_the_same(tmp_path: pathlib.Path) -> None:
    one = io.StringIO()
    write_report([PEEREF], one, jobs=1)
    two = io.StringIO()
    write_report([PEEREF], two, jobs=2)
    assert one.getvalue() == two.getvalue()


# --- the command -----------------------------------------------------------------------


def run(*args: str | os.PathLike[str]) -> subprocess.CompletedProcess[str]:
    assert SCRIPT.is_file(), f"the console script is not installed next to {sys.executable}"
    return subprocess.run(
        [str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


def test_command_exit_status_and_output(batch: pathlib.Path, tmp_path: pathlib.Path) -> None:
    out = tmp_path / "report.html"
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(SEED, good / "seed.txt")
    result = run("report", good, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "1 page: 1 parsed (0 with warnings), 0 failed" in result.stderr
    assert (
        blocks(out.read_text(encoding="utf-8"))["pp-page-1"]["record"]["title"]
        == (SEED_JSON["title"])
    )
    failed = run("report", batch, "-o", out, "--quiet")
    assert failed.returncode == 1
    assert failed.stderr == ""
    assert blocks(out.read_text(encoding="utf-8"))["pp-index"]["summary"]["failed"] == 2


@pytest.mark.parametrize(
    "args",
    [
        ["report", "nowhere/", "-o", "r.html"],
        ["report", str(SEED)],  # no -o
        ["report", "-", "-o", "r.html"],
        ["report", str(SEED), "-o", "r.html", "--max-lines", "0"],
        ["report", str(SEED), "-o", "no-such-dir/r.html"],
    ],
)
def test_command_usage_errors(args: list[str], tmp_path: pathlib.Path) -> None:
    result = subprocess.run(
        [str(SCRIPT), *args],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("paperparse")
    assert not (tmp_path / "r.html").exists()


def test_command_with_no_page_found(tmp_path: pathlib.Path) -> None:
    (tmp_path / "empty").mkdir()
    result = run("report", tmp_path / "empty", "-o", tmp_path / "r.html")
    assert result.returncode == 2
    assert "no page found" in result.stderr
    assert not (tmp_path / "r.html").exists()


# --- in a real browser -----------------------------------------------------------------

CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome")
        if (found := shutil.which(name))
    ),
    None,
)
needs_browser = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium installed")


def browse(
    report_file: pathlib.Path, fragment: str, profile: pathlib.Path
) -> tuple[str, list[str]]:
    """The DOM of the report after its script ran, and the console messages."""
    assert CHROMIUM is not None
    result = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            report_file.resolve().as_uri() + fragment,
        ],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if ":CONSOLE" in line]
    return result.stdout, console


@needs_browser
def test_report_in_chromium(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "report.html"
    roots = [PEEREF, FIXTURES / "html", FIXTURES / "bad"]
    with open(out, "w", encoding="utf-8") as stream:
        summary = write_report(roots, stream, jobs=1)
    index = blocks(out.read_text(encoding="utf-8"))["pp-index"]
    paths = [row[0] for row in index["pages"]]

    dom, console = browse(out, "", tmp_path / "profile")
    assert console == []
    for name, value in (
        ("pages", summary.pages),
        ("parsed", summary.parsed),
        ("warned", summary.warned),
        ("failed", summary.failed),
    ):
        assert f'id="pp-n-{name}">{value}</div>' in dom
    assert summary.failed > 0
    assert summary.warned > 0
    assert 'id="pp-rows"' in dom
    assert 'data-field="title"' in dom
    assert 'id="pp-lines"' not in dom  # no page view on the summary

    # the page view of the seed page highlights the title on its line
    number = [pathlib.Path(path) for path in paths].index(SEED) + 1
    dom, console = browse(out, f"#page={number}", tmp_path / "profile")
    assert console == []
    title_line = re.search(r'<div class="ln" id="L(\d+)" data-line="\d+" data-fields="title"', dom)
    assert title_line is not None
    line = int(title_line.group(1))
    assert SEED_JSON["title"].startswith(SEED_TEXT.splitlines()[line - 1].strip())
    shown = dom[title_line.end() : dom.index("</div>", title_line.end())]
    assert html.escape(SEED_TEXT.splitlines()[line - 1].strip(), quote=False) in shown
    # only that page's lines are in the document
    assert dom.count('class="ln') == len(SEED_TEXT.splitlines())

    # a warning code's link lists the pages that have it, and their page view lists it
    code, count = index["summary"]["codes"][0]
    dom, console = browse(out, f"#code={code}", tmp_path / "profile")
    assert console == []
    assert f'id="pp-count">1\N{EN DASH}{count} of {count} pages' in dom
    warned = next(n for n, row in enumerate(index["pages"], 1) if code in row[4])
    dom, console = browse(out, f"#page={warned}", tmp_path / "profile")
    assert console == []
    listed = dom[dom.index('id="pp-warnings"') :]
    assert f"<code>{code}</code>" in listed[: listed.index('id="pp-lines"')]

    # a failed page shows its error
    failed = next(n for n, row in enumerate(index["pages"], 1) if row[1] == report.FAILED)
    dom, console = browse(out, f"#page={failed}", tmp_path / "profile")
    assert console == []
    assert 'id="pp-error"' in dom


@needs_browser
def test_hostile_page_in_chromium(batch: pathlib.Path, tmp_path: pathlib.Path) -> None:
    out = tmp_path / "report.html"
    with open(out, "w", encoding="utf-8") as stream:
        write_report([batch], stream, jobs=1)
    dom, console = browse(out, "#page=3", tmp_path / "profile")
    assert console == []
    assert "<img" not in dom  # shown as text, never made an element
    assert "&lt;img src=x onerror=alert(1)&gt;" in dom
    dom, console = browse(out, "#code=unplaced_text&status=failed", tmp_path / "profile")
    assert console == []
    assert 'id="pp-count">no page matches' in dom
