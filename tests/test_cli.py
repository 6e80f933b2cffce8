"""The ``paperparse`` command line, run as users run it: the installed console script."""

from __future__ import annotations

import csv
import io
import json
import os
import pathlib
import shutil
import subprocess
import sys
from typing import Any

import pytest

import paperparse
from paperparse import cli
from paperparse.schema import output_schema, paper_schema

from .conftest import FIXTURES, expected_record, page_fixtures

SCRIPT = pathlib.Path(sys.executable).with_name("paperparse")
PEEREF = FIXTURES / "peeref"
SEED = PEEREF / "jmm-2019-review.txt"
SEED_JSON = expected_record(SEED)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def run(
    *args: str | os.PathLike[str], stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the installed console script; UTF-8 in and out, never a terminal."""
    assert SCRIPT.is_file(), f"the console script is not installed next to {sys.executable}"
    result = subprocess.run(
        [str(SCRIPT), *map(str, args)],
        input=stdin if stdin is not None else b"",
        capture_output=True,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        result.args,
        result.returncode,
        result.stdout.decode("utf-8"),
        result.stderr.decode("utf-8"),
    )


def jsonl(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def dumps(tmp_path: pathlib.Path) -> pathlib.Path:
    """A copy of the Peeref fixture dumps, with their expected JSON, in a nested tree."""
    root = tmp_path / "dumps"
    (root / "nested").mkdir(parents=True)
    for index, page in enumerate(sorted(PEEREF.glob("*.txt"))):
        target = root / "nested" if index % 3 == 0 else root
        shutil.copy(page, target / page.name)
        shutil.copy(page.with_suffix(".json"), target / page.with_suffix(".json").name)
    return root


def expected_records(root: pathlib.Path) -> dict[str, dict[str, Any]]:
    return {
        str(page): {"path": str(page), **expected_record(page)}
        for page in root.rglob("*.txt")
        if page.with_suffix(".json").is_file()
    }


def test_version_from_script_and_module() -> None:
    assert run("--version").stdout.strip() == f"paperparse {paperparse.__version__}"
    module = subprocess.run(
        [sys.executable, "-m", "paperparse", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert module.stdout.strip() == f"paperparse {paperparse.__version__}"


def test_help_lists_commands_and_examples() -> None:
    result = run("--help")
    assert result.returncode == 0
    for text in ("parse PATH", "schema", "snapshot", "examples:", "exit status"):
        assert text in result.stdout
    parse_help = run("parse", "--help").stdout
    for option in ("--glob", "--format", "--output", "--strict", "--jobs", "--ordered", "--quiet"):
        assert option in parse_help


def test_single_file_is_one_json_line_with_its_path() -> None:
    result = run(SEED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith('{"path": ')
    assert result.stdout.count("\n") == 1
    assert json.loads(result.stdout) == {"path": str(SEED), **SEED_JSON}
    # the same as the API, path first
    record = paperparse.to_dict(paperparse.parse(SEED))
    assert json.loads(result.stdout) == {"path": str(SEED), **record}
    assert "1 parsed (0 with warnings), 0 failed" in result.stderr


def test_parse_subcommand_is_the_default() -> None:
    assert run("parse", SEED).stdout == run(SEED).stdout


def test_directory_gives_json_lines_of_every_page(dumps: pathlib.Path) -> None:
    result = run(dumps, "--jobs", "1")
    assert result.returncode == 0, result.stderr
    records = jsonl(result.stdout)
    expected = expected_records(dumps)
    assert len(records) == len(expected) >= 16
    assert {r["path"]: r for r in records} == expected
    assert all(next(iter(r)) == "path" for r in records)
    assert f"{len(expected)} pages: {len(expected)} parsed" in result.stderr


def test_stdin() -> None:
    result = run("-", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"path": "-", **SEED_JSON}


def test_stdin_among_files_gives_json_lines() -> None:
    result = run("-", SEED, "--ordered", stdin=SEED.read_bytes())
    assert [r["path"] for r in jsonl(result.stdout)] == ["-", str(SEED)]


def test_csv_columns_and_values() -> None:
    result = run(SEED, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "\r\n" in result.stdout  # RFC 4180 line ends
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert list(rows[0]) == list(cli.CSV_COLUMNS)
    (row,) = rows
    journal = SEED_JSON["journal"]
    assert row["path"] == str(SEED)
    assert row["title"] == SEED_JSON["title"]
    assert row["article_type"] == "Review"
    assert row["journal_name"] == journal["name"]
    assert (row["volume"], row["issue"]) == ("97", "8")
    assert (row["first_page"], row["last_page"], row["article_number"]) == ("1065", "1084", "")
    assert row["doi"] == SEED_JSON["doi"]
    assert row["keywords"] == "; ".join(SEED_JSON["keywords"])
    assert row["funding"].split("; ")[:2] == [
        "National Natural Science Foundation of China [81700553]",
        "China Postdoctoral Science Foundation [2017 M183789]",
    ]
    assert row["funding"].endswith(
        "; Independent Fund of State Key Laboratory for Diagnosis and "
        "Treatment of Infectious Diseases, Zhejiang University"
    )
    assert row["abstract"] == SEED_JSON["abstract"]
    assert row["authors"] == ""
    assert row["claim_prompt"] == "I am an author on this paper"
    assert (row["rating_score"], row["rating_count"]) == ("4.7", "")
    assert row["rating_note"] == "Not enough ratings"
    assert row["secondary"] == "Novelty: -; Significance: -; Scientific rigor: -"
    assert row["actions"] == "Ask authors/readers for more resources; Rate this paper"
    assert (row["site"], row["source_format"], row["warnings"], row["error"]) == (
        "peeref",
        "text",
        "",
        "",
    )


def test_csv_row_details() -> None:
    record = {
        **SEED_JSON,
        "path": "x.txt",
        "authors": [{"name": "A B"}, {"name": "C D"}],
        "warnings": [
            {"code": "unplaced_text", "message": "m", "line": 12},
            {"code": "ambiguous_title", "message": "m", "line": None},
        ],
    }
    record["rating"] = {**record["rating"], "secondary": [{"name": "Novelty", "score": 4.5}]}
    row = dict(zip(cli.CSV_COLUMNS, cli.csv_row(record), strict=True))
    assert row["authors"] == "A B; C D"
    assert row["warnings"] == "unplaced_text@12; ambiguous_title"
    assert row["secondary"] == "Novelty: 4.5"
    assert (row["categories"], row["summary"], row["language"]) == ("", "", "en")
    failed = cli.csv_row({"path": "y.txt", "error": {"type": "EmptyInput", "message": "Empty."}})
    cells = dict(zip(cli.CSV_COLUMNS, failed, strict=True))
    assert cells.pop("path") == "y.txt"
    assert cells.pop("error") == "EmptyInput: Empty."
    assert set(cells.values()) == {""}


def test_csv_columns_keep_their_places() -> None:
    # Stable: new columns are only appended (schema 1.1's after "error", 1.2's after them).
    assert cli.CSV_COLUMNS[:3] == ("path", "title", "article_type")
    assert cli.CSV_COLUMNS[-8:-4] == ("error", "categories", "summary", "language")
    assert cli.CSV_COLUMNS[-4:] == ("published", "pmid", "pmcid", "mesh_terms")


def test_output_file_is_written_atomically(dumps: pathlib.Path, tmp_path: pathlib.Path) -> None:
    out = tmp_path / "out" / "papers.jsonl"
    out.parent.mkdir()
    result = run(dumps, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert {r["path"]: r for r in jsonl(out.read_text("utf-8"))} == expected_records(dumps)
    assert os.listdir(out.parent) == ["papers.jsonl"]  # no temporary file left
    umask = os.umask(0o22)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # as open() makes it, not 0o600
    # an existing output is replaced whole
    run(SEED, "-o", out, "--format", "jsonl")
    assert [r["path"] for r in jsonl(out.read_text("utf-8"))] == [str(SEED)]


def test_broken_files_become_error_records(dumps: pathlib.Path) -> None:
    (dumps / "empty.txt").write_bytes(b"")
    (dumps / "nested" / "image.txt").write_bytes(PNG)
    (dumps / "junk.html").write_text("hello, world\n", encoding="utf-8")
    (dumps / "dangling.txt").symlink_to(dumps / "does-not-exist.txt")
    result = run(dumps, "--jobs", "2")
    assert result.returncode == 1
    records = {r["path"]: r for r in jsonl(result.stdout)}
    errors = {pathlib.Path(p).name: r["error"]["type"] for p, r in records.items() if "error" in r}
    assert errors == {
        "empty.txt": "EmptyInput",
        "image.txt": "UndecodableInput",
        "junk.html": "UnrecognizedPage",
        "dangling.txt": "OSError",
    }
    for name in errors:
        (record,) = (r for p, r in records.items() if pathlib.Path(p).name == name)
        assert set(record) == {"path", "error"}
        assert record["error"]["message"]
    parsed = {p: r for p, r in records.items() if "error" not in r}
    assert parsed == expected_records(dumps)
    warned = sum(bool(r["warnings"]) for r in parsed.values())
    assert f"{len(parsed)} parsed ({warned} with warnings), 4 failed" in result.stderr
    assert "Traceback" not in result.stderr


def test_strict_makes_warnings_fail(tmp_path: pathlib.Path) -> None:
    page = tmp_path / "warned.txt"
    page.write_text(SEED.read_text("utf-8") + "\nComments\nNice paper\n", encoding="utf-8")
    lenient = run(page)
    assert lenient.returncode == 0
    assert json.loads(lenient.stdout)["warnings"]
    assert "(1 with warnings)" in lenient.stderr
    strict = run(page, "--strict")
    assert strict.returncode == 1
    assert json.loads(strict.stdout)["error"]["type"] == "StrictModeError"


@pytest.mark.parametrize(
    "args",
    [
        ["--bogus", str(SEED)],
        ["no/such/page.txt"],
        ["parse"],
        ["parse", str(SEED), "--jobs", "0"],
        ["parse", str(SEED), "--jobs", "two"],
        ["parse", str(SEED), "--format", "xml"],
        ["parse", str(SEED), "-o", "no/such/dir/out.json"],
        ["-", "-"],
        ["frobnicate"],
        [],
    ],
    ids=lambda a: " ".join(a) or "(nothing)",
)
def test_usage_errors_exit_2_with_one_line(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("paperparse")
    assert "error:" in result.stderr
    assert "Traceback" not in result.stderr


def test_jobs_2_gives_the_same_records_as_jobs_1(dumps: pathlib.Path) -> None:
    one = run(dumps, "--jobs", "1", "--ordered")
    two = run(dumps, "--jobs", "2", "--ordered")
    assert one.returncode == two.returncode == 0
    assert jsonl(one.stdout) == jsonl(two.stdout)  # record for record, same order
    unordered = jsonl(run(dumps, "--jobs", "2").stdout)
    assert sorted(unordered, key=lambda r: r["path"]) == sorted(
        jsonl(one.stdout), key=lambda r: r["path"]
    )


def test_format_json_is_always_an_array(dumps: pathlib.Path) -> None:
    for pretty in ([], ["--pretty"]):
        result = run(dumps, "--format", "json", "--jobs", "1", *pretty)
        records = json.loads(result.stdout)
        assert {r["path"]: r for r in records} == expected_records(dumps)
        assert json.loads(run(SEED, "--format", "json", *pretty).stdout) == [
            {"path": str(SEED), **SEED_JSON}
        ]
    empty = dumps / "none"
    empty.mkdir()
    result = run(empty, "--format", "json")
    assert (result.returncode, json.loads(result.stdout)) == (0, [])
    assert "no page found" in result.stderr


def test_glob_changes_the_patterns(dumps: pathlib.Path) -> None:
    (dumps / "page.DUMP").write_bytes(SEED.read_bytes())
    records = jsonl(run(dumps, "--glob", "*.dump", "--quiet").stdout)
    assert [pathlib.Path(r["path"]).name for r in records] == ["page.DUMP"]


def test_quiet_prints_nothing_on_stderr(dumps: pathlib.Path) -> None:
    result = run(dumps, "--quiet")
    assert result.returncode == 0
    assert result.stderr == ""


def test_progress_bar_only_on_a_terminal(dumps: pathlib.Path) -> None:
    pytest.importorskip("tqdm", reason="the progress bar needs the cli extra (tqdm)")
    import fcntl
    import pty
    import struct
    import termios

    primary, secondary = pty.openpty()
    # a new pseudo-terminal is 0x0; tqdm would fit its bar into 0 columns
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    try:
        subprocess.run(
            [str(SCRIPT), str(dumps), "-o", os.devnull], stderr=secondary, check=True, timeout=60
        )
        os.close(secondary)
        chunks = []
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # EIO: the terminal's other side is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(primary)
    on_terminal = b"".join(chunks).decode("utf-8", "replace")
    assert "page/s" in on_terminal or "s/page" in on_terminal  # tqdm's rate
    assert "pages: " in on_terminal  # and the summary
    piped = run(dumps, "-o", os.devnull)
    assert len(piped.stderr.splitlines()) == 1  # the summary only, no bar


def test_schema_is_valid_and_every_fixture_validates() -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra installs jsonschema")
    schema = json.loads(run("schema").stdout)
    assert schema == paper_schema()
    validator = jsonschema.Draft202012Validator(schema)
    jsonschema.Draft202012Validator.check_schema(schema)
    pages = page_fixtures()
    assert pages
    for page in pages:
        errors = [e.message for e in validator.iter_errors(expected_record(page))]
        assert not errors, f"{page.name}: {errors}"
    # the schema is strict: a typo'd key or a wrong type fails
    assert not validator.is_valid({**SEED_JSON, "titel": "x"})
    assert not validator.is_valid({**SEED_JSON, "keywords": "a; b"})
    assert not validator.is_valid({**SEED_JSON, "source": {"site": None, "format": "pdf"}})


def test_output_record_schema_validates_cli_output(dumps: pathlib.Path) -> None:
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra installs jsonschema")
    schema = json.loads(run("schema", "--output-record").stdout)
    assert schema == output_schema()
    validator = jsonschema.Draft202012Validator(schema)
    (dumps / "empty.txt").write_bytes(b"")
    records = jsonl(run(dumps).stdout)
    assert any("error" in r for r in records)
    for record in records:
        assert validator.is_valid(record), record["path"]


def test_snapshot_writes_compares_and_updates(tmp_path: pathlib.Path) -> None:
    page = tmp_path / "seed.txt"
    shutil.copy(SEED, page)
    target = page.with_suffix(".json")
    written = run("snapshot", tmp_path)
    assert written.returncode == 0, written.stdout + written.stderr
    assert json.loads(target.read_text("utf-8")) == SEED_JSON
    assert "1 written" in written.stderr
    assert "1 unchanged" in run("snapshot", page).stderr
    stale = {**SEED_JSON, "doi": "10.1000/old"}
    target.write_text(json.dumps(stale), encoding="utf-8")
    check = run("snapshot", page)
    assert check.returncode == 1
    assert 'doi: "10.1000/old" -> "10.1007/s00109-019-01804-x"' in check.stdout
    assert json.loads(target.read_text("utf-8")) == stale  # kept without --update
    update = run("snapshot", page, "--update")
    assert update.returncode == 0
    assert 'doi: "10.1000/old" -> "10.1007/s00109-019-01804-x"' in update.stdout
    assert json.loads(target.read_text("utf-8")) == SEED_JSON
    assert sorted(os.listdir(tmp_path)) == ["seed.json", "seed.txt"]


def test_walk_errors_become_records(
    dumps: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    # Root may read every directory; simulate one that cannot be listed.
    real_scandir = os.scandir
    locked = os.fspath(dumps / "nested")

    def scandir(path: Any) -> Any:
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    status = cli.main([str(dumps), "--jobs", "1"])
    out, err = capfd.readouterr()
    assert status == 1
    records = jsonl(out)
    (failed,) = (r for r in records if "error" in r)
    assert failed == {
        "path": locked,
        "error": {"type": "OSError", "message": f"[Errno 13] Permission denied: {locked!r}"},
    }
    assert "1 failed" in err


# --- the output's shape follows the options only -----------------------------------------


def _json_stream(text: str) -> list[Any]:
    """Every JSON value of *text*, one after another (whitespace between them)."""
    decoder, values, index = json.JSONDecoder(), [], 0
    while index < len(text):
        if text[index].isspace():
            index += 1
            continue
        value, index = decoder.raw_decode(text, index)
        values.append(value)
    return values


def test_shape_does_not_depend_on_how_many_files_matched(tmp_path: pathlib.Path) -> None:
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(SEED, one / "a.txt")
    two = tmp_path / "two"
    shutil.copytree(one, two)
    shutil.copy(SEED, two / "b.txt")
    for options in ([], ["--pretty"], ["--format", "json"], ["--format", "json", "--pretty"]):
        outputs = [
            run(*paths, *options, "--ordered", stdin=SEED.read_bytes())
            for paths in ([one / "a.txt"], [one], [two / "a.txt", two / "b.txt"], [two], ["-"])
        ]
        for output in outputs:
            assert output.returncode == 0, output.stderr
        if "json" in options:  # always one array
            counts = [len(json.loads(output.stdout)) for output in outputs]
        elif "--pretty" in options:  # indented objects, one after another
            counts = [len(_json_stream(output.stdout)) for output in outputs]
            assert all(output.stdout.startswith('{\n  "path": ') for output in outputs)
        else:  # JSON Lines
            counts = [len(jsonl(output.stdout)) for output in outputs]
        assert counts == [1, 1, 2, 2, 1], options


def test_pretty_records_are_the_json_lines_records(dumps: pathlib.Path) -> None:
    lines = jsonl(run(dumps, "--ordered").stdout)
    assert _json_stream(run(dumps, "--ordered", "--pretty").stdout) == lines
    assert len(lines) >= 16


# --- -v, progress, --max-size, usage help ------------------------------------------------


def test_verbose_lists_failed_and_warned_pages_with_line_text(tmp_path: pathlib.Path) -> None:
    shutil.copy(SEED, tmp_path / "good.txt")
    stray = SEED.read_text("utf-8").replace("\nKeywords\n", "\nSave to reading list\nKeywords\n")
    (tmp_path / "stray.txt").write_text(stray, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    line = stray.splitlines().index("Save to reading list") + 1
    quiet = run(tmp_path)
    assert "-v lists them" in quiet.stderr
    assert "stray.txt" not in quiet.stderr
    for options in ([], ["--pretty"], ["--format", "csv"], ["--jobs", "2"]):
        result = run(tmp_path, "-v", *options)
        assert result.returncode == 1
        assert f"paperparse: failed: {tmp_path / 'empty.txt'}: EmptyInput: " in result.stderr
        assert (
            f"paperparse: warning: {tmp_path / 'stray.txt'}:{line}: unplaced_text: "
            "Save to reading list\n"
        ) in result.stderr
        assert "good.txt" not in result.stderr
    stdin = run("-", "-v", stdin=stray.encode("utf-8"))
    assert f"paperparse: warning: -:{line}: unplaced_text: Save to reading list" in stdin.stderr


def test_max_size(tmp_path: pathlib.Path) -> None:
    result = run(SEED, "--max-size", "1K")
    assert result.returncode == 1
    error = json.loads(result.stdout)["error"]
    assert error["type"] == "InputTooLarge"
    assert "over the limit of 1,024" in error["message"]
    assert "--max-size" in error["message"]  # the message names the option
    assert run(SEED, "--max-size", "1M").returncode == 0
    big = tmp_path / "big.txt"
    big.write_bytes(SEED.read_bytes() + b" " * (1024 * 1024))
    assert json.loads(run(big, "--max-size", "1M").stdout)["error"]["type"] == "InputTooLarge"
    assert run(big, "--max-size", "2M", "--jobs", "2").returncode == 0
    bad = run(SEED, "--max-size", "lots")
    assert bad.returncode == 2
    assert "--max-size" in bad.stderr


def test_short_version_option() -> None:
    assert run("-V").stdout.strip() == f"paperparse {paperparse.__version__}"


@pytest.mark.parametrize(("typo", "command"), [("schmea", "schema"), ("snapshto", "snapshot")])
def test_a_mistyped_command_gets_a_suggestion(typo: str, command: str) -> None:
    result = run(typo)
    assert result.returncode == 2
    assert f"did you mean the command '{command}'?" in result.stderr


def test_unknown_option_points_to_the_commands_help() -> None:
    for args, prog in (
        (["parse", str(SEED), "--bogus"], "paperparse parse"),
        ([str(SEED), "--bogus"], "paperparse parse"),
        (["check", str(SEED), "--bogus"], "paperparse check"),
        (["snapshot", str(SEED), "--bogus"], "paperparse snapshot"),
    ):
        result = run(*args)
        assert result.returncode == 2
        assert f"(see '{prog} --help')" in result.stderr, args


def test_ordered_means_sorted(tmp_path: pathlib.Path) -> None:
    names = ["b.txt", "a/z.txt", "a.txt", "a/b/c.txt", "C.txt", "a-b.txt", "d/e.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEED, tmp_path / name)
    expected = [str(path) for path in sorted((tmp_path / n for n in names), key=lambda p: p.parts)]
    for jobs in ("1", "2"):
        records = jsonl(run(tmp_path, "--ordered", "--jobs", jobs).stdout)
        assert [r["path"] for r in records] == expected
    # several paths: in the order given, each directory sorted
    records = jsonl(run(SEED, tmp_path / "d", tmp_path / "a", "--ordered").stdout)
    assert [r["path"] for r in records] == [
        str(SEED),
        str(tmp_path / "d" / "e.txt"),
        *[p for p in expected if p.startswith(str(tmp_path / "a") + os.sep)],
    ]


def test_progress_bar_has_a_total(dumps: pathlib.Path) -> None:
    pytest.importorskip("tqdm", reason="the progress bar needs the cli extra (tqdm)")
    import pty

    count = len(list(dumps.rglob("*.txt")))
    primary, secondary = pty.openpty()
    _size_terminal(secondary)
    try:
        subprocess.run(
            [str(SCRIPT), str(dumps), "-o", os.devnull, "--jobs", "1"],
            stderr=secondary,
            check=True,
            timeout=60,
        )
        os.close(secondary)
        on_terminal = _read_all(primary)
    finally:
        os.close(primary)
    assert f"0/{count} [" in on_terminal  # a total from the start
    assert "[00:00<" in on_terminal  # and an estimate of the time left


def _size_terminal(fd: int) -> None:
    import fcntl
    import struct
    import termios

    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))


def _read_all(fd: int) -> str:
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: the terminal's other side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")


# --- CSV for spreadsheets ----------------------------------------------------------------


def test_csv_cells_cannot_run_as_formulas(tmp_path: pathlib.Path) -> None:
    text = SEED.read_text("utf-8").replace(SEED_JSON["title"], '=HYPERLINK("http://x","Hi")')
    page = tmp_path / "evil.txt"
    page.write_text(text, encoding="utf-8")
    guarded = next(iter(csv.DictReader(io.StringIO(run(page, "--format", "csv").stdout))))
    assert guarded["title"] == '\'=HYPERLINK("http://x","Hi")'
    assert guarded["doi"] == SEED_JSON["doi"]  # others untouched
    raw = run(page, "--format", "csv", "--no-formula-guard").stdout
    assert next(iter(csv.DictReader(io.StringIO(raw))))["title"] == '=HYPERLINK("http://x","Hi")'
    for start in "=+-@\t\r":
        assert cli.formula_guard(start + "1") == "'" + start + "1"
    assert cli.formula_guard("1-2") == "1-2"


def test_csv_bom_option(tmp_path: pathlib.Path) -> None:
    out = tmp_path / "papers.csv"
    assert run(SEED, "--format", "csv", "--bom", "-o", out).returncode == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfpath,title,")
    assert data.count(b"\xef\xbb\xbf") == 1
    assert not run(SEED, "--format", "csv").stdout.startswith("\ufeff")  # off by default
    for option in ("--bom", "--no-formula-guard"):
        misuse = run(SEED, option)
        assert misuse.returncode == 2
        assert "--format csv" in misuse.stderr


# --- paperparse check ---------------------------------------------------------------------


@pytest.fixture
def batch(tmp_path: pathlib.Path) -> pathlib.Path:
    """A batch of new dumps: clean, Windows-1252, a stray line, not a paper, snapshotted."""
    root = tmp_path / "new"
    root.mkdir()
    shutil.copy(SEED, root / "a-good.txt")
    latin = (FIXTURES / "encodings" / "text" / "utf8.txt").read_text("utf-8")
    (root / "b-latin1.txt").write_bytes(latin.encode("cp1252"))
    stray = SEED.read_text("utf-8").replace("\nKeywords\n", "\nSave to reading list\nKeywords\n")
    (root / "c-stray.txt").write_text(stray, encoding="utf-8")
    shutil.copy(FIXTURES / "bad" / "login-page.html", root / "d-login.html")
    shutil.copy(SEED, root / "e-snap.txt")
    (root / "e-snap.json").write_text(
        json.dumps({**SEED_JSON, "doi": "10.1000/hand-corrected"}), encoding="utf-8"
    )
    return root


def test_check_reports_each_kind_of_finding(batch: pathlib.Path) -> None:
    stray_line = (
        (batch / "c-stray.txt").read_text("utf-8").splitlines().index("Save to reading list")
    )
    result = run("check", batch)
    assert result.returncode == 1
    out = result.stdout
    assert f"{batch / 'a-good.txt'}: ok" in out
    # decoded as parse() decodes it: no noise finding, only the guess of its encoding
    assert f"{batch / 'b-latin1.txt'}: 1 finding\n  warning guessed_encoding: " in out
    assert (
        f"{batch / 'c-stray.txt'}: 1 finding\n  warning unplaced_text at line {stray_line + 1}: "
        in out
    )
    assert f"{stray_line + 1:>5} | Save to reading list" in out  # the line's text
    assert f"{batch / 'd-login.html'}: 1 finding\n  error: UnrecognizedPage: " in out
    assert "snapshot: the record differs from e-snap.json in 1 place" in out
    assert 'doi: "10.1000/hand-corrected" -> "10.1007/s00109-019-01804-x"' in out
    assert "noise" not in out
    assert result.stderr == (
        "paperparse: check: 5 pages: 1 ok, 4 with findings (1 error, 1 snapshot, 2 warning)\n"
    )
    quiet = run("check", batch, "--quiet")
    assert "a-good.txt" not in quiet.stdout
    assert run("check", batch / "a-good.txt").returncode == 0


def test_check_json_output(batch: pathlib.Path) -> None:
    result = run("check", batch, "--json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["summary"] == {
        "pages": 5,
        "ok": 1,
        "with_findings": 4,
        "findings": {
            "error": 1,
            "collision": 0,
            "snapshot": 1,
            "incomplete": 0,
            "warning": 2,
            "noise": 0,
        },
    }
    pages = {pathlib.Path(page["path"]).name: page for page in document["pages"]}
    assert pages["a-good.txt"]["ok"] is True
    (warning,) = pages["c-stray.txt"]["findings"]
    assert (warning["kind"], warning["code"], warning["text"]) == (
        "warning",
        "unplaced_text",
        "Save to reading list",
    )
    assert pages["e-snap.txt"]["snapshot"] == str(batch / "e-snap.json")
    one = json.loads(run("check", batch, "--json", "--jobs", "1").stdout)
    two = json.loads(run("check", batch, "--json", "--jobs", "2").stdout)
    assert one == two == document


def test_check_reports_noise_changes(
    batch: pathlib.Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    """A transform that changes a field is named, with the field's values before and after."""
    from paperparse.testing import noise

    title = SEED_JSON["title"]
    monkeypatch.setitem(noise.NOISE, "evil", lambda text: text.replace(title, title + " X"))
    status = cli.main(["check", str(batch / "a-good.txt")])
    out, _ = capfd.readouterr()
    assert status == 1
    assert "  noise: evil changed title (before -> after).\n" in out
    assert f"      title: {json.dumps(title)} -> {json.dumps(title + ' X')}\n" in out


def test_check_incomplete_record_and_usage(tmp_path: pathlib.Path) -> None:
    (tmp_path / "thin.txt").write_text(
        "4.7 Review\nA title\nKeywords\na; b\nRecommended\n", encoding="utf-8"
    )
    result = run("check", tmp_path, "--no-noise")
    assert result.returncode == 1
    assert "incomplete: no snapshot, and the record lacks two of journal, doi, keywords" in (
        result.stdout
    )
    (tmp_path / "thin.txt").unlink()
    empty = run("check", tmp_path)
    assert empty.returncode == 2
    assert "no page dump found" in empty.stderr
    assert run("check", tmp_path / "missing").returncode == 2


# --- paperparse snapshot ------------------------------------------------------------------


def test_snapshot_refuses_dumps_that_would_share_a_file(tmp_path: pathlib.Path) -> None:
    shutil.copy(SEED, tmp_path / "seed.txt")
    shutil.copy(FIXTURES / "html" / "grant-forms.html", tmp_path / "seed.html")
    shutil.copy(SEED, tmp_path / "other.txt")
    for _ in range(2):  # the same every time: nothing flips
        result = run("snapshot", tmp_path)
        assert result.returncode == 1
        assert f"{tmp_path / 'seed.json'}: not written: " in result.stdout
        assert "seed.html and " in result.stdout
        assert "2 sharing a snapshot" in result.stderr
        assert sorted(os.listdir(tmp_path)) == ["other.json", "other.txt", "seed.html", "seed.txt"]
    assert "1 unchanged" in result.stderr


def test_snapshot_marks_new_snapshots_with_warnings(tmp_path: pathlib.Path) -> None:
    stray = SEED.read_text("utf-8").replace("\nKeywords\n", "\nSave to reading list\nKeywords\n")
    line = stray.splitlines().index("Save to reading list") + 1
    (tmp_path / "stray.txt").write_text(stray, encoding="utf-8")
    shutil.copy(SEED, tmp_path / "clean.txt")
    result = run("snapshot", tmp_path)
    assert result.returncode == 0
    assert f"{tmp_path / 'clean.json'}: written\n" in result.stdout
    assert (
        f"{tmp_path / 'stray.json'}: written, with 1 warning: review it\n"
        f"  line {line} unplaced_text: Save to reading list\n"
    ) in result.stdout
    assert "2 written (1 with warnings, to review)" in result.stderr


def test_snapshot_never_suggests_overwriting_a_hand_correction(tmp_path: pathlib.Path) -> None:
    page = tmp_path / "seed.txt"
    shutil.copy(SEED, page)
    corrected = {**SEED_JSON, "keywords": [*SEED_JSON["keywords"], "added by hand"]}
    page.with_suffix(".json").write_text(json.dumps(corrected, indent=2), encoding="utf-8")
    result = run("snapshot", page)
    assert result.returncode == 1
    assert "correction made by hand" in result.stdout
    assert "keep the file" in result.stdout
    assert "run with --update" not in result.stdout
    assert json.loads(page.with_suffix(".json").read_text("utf-8")) == corrected


def test_check_names_the_page_of_a_parser_bug(
    batch: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from paperparse import api
    from paperparse.check import check_pages

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(api, "parse", broken)
    with pytest.raises(RuntimeError, match=r"a-good\.txt: unexpected ZeroDivisionError"):
        list(check_pages([batch / "a-good.txt"]))


def test_provenance_option_adds_the_key_and_validates(dumps: pathlib.Path) -> None:
    plain = jsonl(run(dumps, "--ordered").stdout)
    assert all("provenance" not in record for record in plain)
    for extra in ([], ["--jobs", "2"], ["--format", "json"]):
        result = run(dumps, "--ordered", "--provenance", *extra)
        assert result.returncode == 0, result.stderr
        as_array = extra == ["--format", "json"]
        records = json.loads(result.stdout) if as_array else jsonl(result.stdout)
        assert [r["path"] for r in records] == [r["path"] for r in plain]
        for record, base in zip(records, plain, strict=True):
            traced = record.pop("provenance")
            assert record == base
            assert {"field": "title", "rule": "preamble"}.items() <= traced[0].items()
    seed = jsonl(run(SEED, "--provenance").stdout)[0]
    fields = {entry["field"]: entry for entry in seed["provenance"]}
    assert fields["doi"]["rule"] == "doi_line"
    lines = SEED.read_text(encoding="utf-8").splitlines()
    assert SEED_JSON["doi"] in lines[fields["doi"]["first_line"] - 1]
    jsonschema = pytest.importorskip("jsonschema", reason="the test extra installs jsonschema")
    assert jsonschema.Draft202012Validator(paper_schema()).is_valid(
        {k: v for k, v in seed.items() if k != "path"}
    )
    output = jsonschema.Draft202012Validator(output_schema())
    assert output.is_valid(seed)
    csv_run = run(SEED, "--provenance", "--format", "csv")
    assert csv_run.returncode == 2
    assert "--provenance applies to JSON output" in csv_run.stderr
    # the schema checks the entries too
    broken = {**seed, "provenance": [{**seed["provenance"][0], "first_line": "3"}]}
    assert not output.is_valid(broken)
