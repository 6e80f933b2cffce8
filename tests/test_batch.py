"""Batch parsing: parse_many, the directory walk, flat memory, and the Dask path."""

from __future__ import annotations

import io
import json
import os
import pathlib
import pickle
import shutil
import subprocess
import sys
import textwrap
from typing import Any

import pytest

import paperparse
from paperparse import batch
from paperparse.batch import iter_pages, parse_many, to_record

from .conftest import FIXTURES

PEEREF = FIXTURES / "peeref"
SEED = PEEREF / "jmm-2019-review.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")
SEED_TITLE = json.loads(SEED.with_suffix(".json").read_text("utf-8"))["title"]
SCRIPT = pathlib.Path(sys.executable).with_name("paperparse")
PAGES = sorted(PEEREF.glob("*.txt"))


def test_parse_many_in_process_and_in_a_pool_match_parse() -> None:
    expected = [paperparse.parse(page) for page in PAGES]
    for jobs in (1, 2):
        ordered = list(parse_many(PAGES, jobs=jobs, ordered=True))
        assert [path for path, _ in ordered] == PAGES
        assert [result for _, result in ordered] == expected
    unordered = dict(parse_many(map(str, PAGES), jobs=2))
    assert unordered == dict(zip(PAGES, expected, strict=True))


def test_parse_many_reads_lazily() -> None:
    pulled: list[pathlib.Path] = []

    def paths() -> Any:
        for page in PAGES * 20:
            pulled.append(page)
            yield page

    results = parse_many(paths(), jobs=2, ordered=True)
    assert pulled == []  # nothing happens before the first result is asked for
    next(results)
    assert 0 < len(pulled) < len(PAGES) * 20  # a bounded look-ahead, not the whole list
    results.close()


def test_errors_come_back_as_values(tmp_path: pathlib.Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "junk.txt").write_text("hello", encoding="utf-8")
    warned = tmp_path / "warned.txt"
    warned.write_text(SEED_TEXT + "\nComments\nNice paper\n", encoding="utf-8")
    paths = [
        tmp_path / "empty.txt",
        tmp_path / "junk.txt",
        tmp_path / "missing.txt",
        warned,
        SEED,
    ]
    for jobs in (1, 2):
        results = dict(parse_many(paths, jobs=jobs, strict=True))
        assert isinstance(results[tmp_path / "empty.txt"], paperparse.EmptyInput)
        assert isinstance(results[tmp_path / "junk.txt"], paperparse.UnrecognizedPage)
        assert isinstance(results[tmp_path / "missing.txt"], FileNotFoundError)
        assert isinstance(results[SEED], paperparse.Paper)
        strict = results[warned]
        assert isinstance(strict, paperparse.StrictModeError)
        # rebuilt in the parent with its attribute, although it does not pickle as is
        assert isinstance(strict.warning, paperparse.ParseWarning)
        assert str(strict).startswith("Strict mode: warning ")


def test_strict_mode_error_needs_the_box() -> None:
    # Why batch.py boxes ParseErrors: StrictModeError(warning) does not survive pickle.
    error = paperparse.StrictModeError(paperparse.ParseWarning("unplaced_text", "m", 3))
    # pickle on its own, without the reducers other libraries register in copyreg:
    # dask.distributed, once imported (a Dask compute imports it when it is installed),
    # installs tblib's for every exception class, and this process keeps them.
    plain = io.BytesIO()
    pickler = pickle.Pickler(plain)
    pickler.dispatch_table = {}
    pickler.dump(error)
    with pytest.raises(AttributeError):
        pickle.loads(plain.getvalue())
    rebuilt = batch._unbox(pickle.loads(pickle.dumps(batch._box(error))))
    assert type(rebuilt) is paperparse.StrictModeError
    assert (rebuilt.args, rebuilt.warning) == (error.args, error.warning)


def test_a_bug_in_the_parser_propagates_with_the_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise KeyError("oops")

    monkeypatch.setattr(batch, "parse", broken)
    with pytest.raises(RuntimeError, match=r"jmm-2019-review\.txt: unexpected KeyError"):
        list(parse_many([SEED], jobs=1))


def test_bad_options_fail_at_the_call() -> None:
    with pytest.raises(ValueError, match="jobs must be"):
        parse_many([SEED], jobs=0)
    with pytest.raises(ValueError, match="format must be"):
        parse_many([SEED], format="pdf")  # type: ignore[arg-type]


def test_iter_pages_walks_streams_and_filters(tmp_path: pathlib.Path) -> None:
    for name in ("a.txt", "b.HTM", "c.json", "sub/d.html", "sub/deeper/e.txt", "other/f.md"):
        path = tmp_path / "root" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "g.txt").write_text("x", encoding="utf-8")
    (tmp_path / "root" / "link").symlink_to(tmp_path / "outside")  # not followed
    root = tmp_path / "root"
    found = sorted(p.relative_to(root).as_posix() for p in iter_pages([root]))
    assert found == ["a.txt", "b.HTM", "sub/d.html", "sub/deeper/e.txt"]
    assert [p.name for p in iter_pages([root], ["*.MD"])] == ["f.md"]
    # a file named explicitly is yielded whatever its name
    assert list(iter_pages([root / "c.json"])) == [root / "c.json"]
    walk = iter_pages([root])
    assert isinstance(next(walk), pathlib.Path)  # a generator, not a list


def test_iter_pages_reports_unreadable_directories(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "ok.txt").write_text("x", encoding="utf-8")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    errors: list[OSError] = []
    assert [p.name for p in iter_pages([tmp_path], onerror=errors.append)] == ["ok.txt"]
    assert [type(e) for e in errors] == [PermissionError]
    with pytest.raises(PermissionError):
        list(iter_pages([tmp_path]))


def test_path_label_is_always_utf8() -> None:
    assert batch.path_label(pathlib.Path("caf\u00e9.txt")) == "caf\u00e9.txt"
    assert batch.path_label(b"caf\xe9.txt") == "caf\\xe9.txt"


# --- memory ----------------------------------------------------------------------------

# Peak RSS of this process: VmHWM, which starts afresh at exec. (ru_maxrss does not: a
# child forked from the big pytest process would report pytest's size.)
_MEMORY_PROBE = textwrap.dedent(
    """
    import itertools, re, sys
    from paperparse.batch import iter_pages, parse_many
    from paperparse import Paper
    root, count, jobs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    paths = itertools.islice(iter_pages([root]), count)
    parsed = sum(isinstance(r, Paper) for _, r in parse_many(paths, jobs=jobs))
    with open("/proc/self/status") as status:
        peak = re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1)
    print(parsed, peak)
    """
)


@pytest.fixture(scope="module")
def many_dumps(tmp_path_factory: pytest.TempPathFactory) -> pathlib.Path:
    """5,000 small dumps: the seed page with a varied title."""
    root = tmp_path_factory.mktemp("many")
    for index in range(5000):
        text = SEED_TEXT.replace(SEED_TITLE, f"{SEED_TITLE} (copy {index})")
        (root / f"page-{index:05d}.txt").write_text(text, encoding="utf-8")
    return root


def _peak_rss_kib(root: pathlib.Path, count: int, jobs: int) -> int:
    result = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(root), str(count), str(jobs)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    parsed, peak = map(int, result.stdout.split())
    assert parsed == count
    return peak


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="needs Linux /proc")
@pytest.mark.parametrize("jobs", [1, 2])
def test_memory_stays_flat(many_dumps: pathlib.Path, jobs: int) -> None:
    few = _peak_rss_kib(many_dumps, 500, jobs)
    many = _peak_rss_kib(many_dumps, 5000, jobs)
    print(f"peak RSS of the parent, jobs={jobs}: 500 pages {few} KiB, 5000 pages {many} KiB")
    assert many - few < 25 * 1024, (few, many)


# --- Dask -----------------------------------------------------------------------------


def test_dask_bag_gives_the_cli_records(tmp_path: pathlib.Path) -> None:
    pytest.importorskip(
        "dask.bag", reason='Dask is not installed: pip install "paperparse[dask]" (CI does)'
    )
    from paperparse.dask import parse_bag, to_jsonl

    root = tmp_path / "dumps"
    shutil.copytree(PEEREF, root)
    (root / "empty.txt").write_bytes(b"")
    cli = subprocess.run(
        [str(SCRIPT), str(root), "--format", "jsonl", "--quiet"],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert cli.returncode == 1  # the empty page failed
    expected = sorted(
        (json.loads(line) for line in cli.stdout.decode("utf-8").splitlines()),
        key=lambda r: r["path"],
    )

    bag = parse_bag(iter_pages([root]), npartitions=3)
    records = sorted(bag.compute(scheduler="synchronous"), key=lambda r: r["path"])
    assert records == expected  # record for record

    files = to_jsonl(bag, tmp_path / "out", scheduler="synchronous")
    assert [pathlib.Path(f).name for f in files] == [f"part-{i:05d}.jsonl" for i in range(3)]
    written = [
        json.loads(line)
        for name in files
        for line in pathlib.Path(name).read_text("utf-8").splitlines()
    ]
    assert sorted(written, key=lambda r: r["path"]) == expected


def test_to_record_matches_to_dict() -> None:
    paper = paperparse.parse(SEED)
    assert to_record("p", paper) == {"path": "p", **paperparse.to_dict(paper)}


# --- what parse_many takes ---------------------------------------------------------------


def test_parse_many_takes_one_path_as_one_path() -> None:
    """A str or Path is one path, never an iterable of its characters."""
    for one in (str(SEED), SEED, os.path.relpath(SEED)):
        results = list(parse_many(one, jobs=1))
        assert [(path, type(result)) for path, result in results] == [
            (pathlib.Path(one), paperparse.Paper)
        ]


def test_parse_many_walks_directories_as_the_cli_does(tmp_path: pathlib.Path) -> None:
    (tmp_path / "sub").mkdir()
    shutil.copy(SEED, tmp_path / "b.txt")
    shutil.copy(SEED, tmp_path / "sub" / "a.HTM")
    (tmp_path / "notes.md").write_text("not a page", encoding="utf-8")
    for given in (tmp_path, str(tmp_path), [tmp_path]):
        found = sorted(path.relative_to(tmp_path).as_posix() for path, _ in parse_many(given))
        assert found == ["b.txt", "sub/a.HTM"]
    results = dict(parse_many([tmp_path / "notes.md"], jobs=1))  # named: parsed anyway
    assert isinstance(results[tmp_path / "notes.md"], paperparse.UnrecognizedPage)
    found = [p.name for p, _ in parse_many(tmp_path, patterns=["*.md"], jobs=1)]
    assert found == ["notes.md"]


def test_parse_many_ordered_walks_in_name_order(tmp_path: pathlib.Path) -> None:
    names = ["b.txt", "a/z.txt", "a.txt", "a/b/c.txt", "C.txt", "a-b.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(SEED, tmp_path / name)
    expected = sorted((tmp_path / name for name in names), key=lambda path: path.parts)
    for jobs in (1, 2):
        assert [p for p, _ in parse_many(tmp_path, ordered=True, jobs=jobs)] == expected
    assert list(iter_pages([tmp_path], ordered=True)) == expected


def test_parse_many_reports_unreadable_directories(
    tmp_path: pathlib.Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    shutil.copy(SEED, tmp_path / "ok.txt")
    real_scandir = os.scandir

    def scandir(path: Any) -> Any:
        if os.fspath(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    for ordered in (False, True):
        results = dict(parse_many(tmp_path, jobs=1, ordered=ordered))
        assert isinstance(results.pop(tmp_path / "locked"), PermissionError)
        assert [type(r) for r in results.values()] == [paperparse.Paper]


def test_parse_many_max_size(tmp_path: pathlib.Path) -> None:
    results = dict(parse_many(SEED, jobs=1, max_size=100))
    assert isinstance(results[SEED], paperparse.InputTooLarge)
    with pytest.raises(ValueError, match="max_size must be"):
        parse_many(SEED, max_size=0)


def test_parse_many_provenance_is_off_by_default_and_matches_parse() -> None:
    for jobs in (1, 2):
        plain = list(parse_many(PAGES, jobs=jobs, ordered=True))
        papers = [paper for _, paper in plain if isinstance(paper, paperparse.Paper)]
        assert papers
        assert all(not paper.provenance for paper in papers)
        traced = list(parse_many(PAGES, jobs=jobs, ordered=True, provenance=True))
        expected = [paperparse.parse(page, provenance=True) for page in PAGES]
        assert [result for _, result in traced] == expected
    seed = dict(parse_many(SEED, jobs=1, provenance=True))[SEED]
    assert isinstance(seed, paperparse.Paper)
    title = next(entry for entry in seed.provenance if entry.field == "title")
    assert title.first_line is not None
    # the line that provenance names holds the title
    assert SEED_TITLE.startswith(SEED_TEXT.splitlines()[title.first_line - 1].strip())
