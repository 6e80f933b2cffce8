"""Benchmark: paperparse on a batch of distinct pages, beside the baselines and other versions.

    python bench/run.py                     # the full run; writes docs/performance.md
    python bench/run.py --quick             # a smoke run (few pages); writes nothing unless -o
    python bench/run.py --against 5e2bc16   # also the code at 5e2bc16, side by side
    python bench/run.py --against-python /other/venv/bin/python   # also another install
    python bench/run.py --only headline     # some parts only (headline, repeated, cli, dask)

The headline is a batch of distinct pages made by the project's own renderers
(``bench/pages.py``): every expected record of ``fixtures/peeref`` as text (the
browser layout, as is and under each layout-noise transform) and as HTML (every markup
of ``pages.HTML_MARKUPS``). Each round parses every page once, in a child process per
version of the code (``bench/batch_worker.py``), alternating with the naive scraper
on the same text pages and lxml's floor on the same HTML pages; the medians of the
rounds count. ``--against REV`` checks REV out into a temporary git worktree and runs
it in its own child (``PYTHONPATH=<worktree>/src``) in the same rounds, so that machine
noise hits both versions alike; ``--against-python PYTHON`` does the same for the
paperparse another environment has installed.

A second table keeps the repeated-page figures (the seed and a large page, timed over
and over, with BeautifulSoup, trafilatura and extruct where installed: ``pip install
-e ".[bench]"``); then the command line's throughput and memory, and Dask's throughput
with 1 and 2 workers of a local ``dask.distributed`` cluster.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import logging
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import batch_worker  # noqa: E402
import pages  # noqa: E402
from naive import scrape  # noqa: E402

import paperparse  # noqa: E402

Row = tuple[str, str, float]  # shape, tool, median seconds per page

NAIVE = "naive regex scraper"
FLOOR = "lxml floor (fromstring + text_content)"
#: Partitions of the Dask bag: a few per worker, so that 2 workers share the work.
DASK_PARTITIONS = 8


# --- the headline: distinct pages, one child process per version ------------------------


class Side:
    """A child process (``bench/batch_worker.py``) timing passes for one version of the code."""

    def __init__(
        self, label: str, python: str, batch_file: Path, env: dict[str, str] | None = None
    ) -> None:
        self.label = label
        self.proc = subprocess.Popen(
            [python, str(HERE / "batch_worker.py"), str(batch_file)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self.info: dict[str, Any] = self._answer()

    def _answer(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        if not line:
            status = self.proc.wait()
            raise RuntimeError(f"{self.label}: the benchmark child ended (status {status})")
        answer: dict[str, Any] = json.loads(line)
        return answer

    def run(self, task: str) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(task + "\n")
        self.proc.stdin.flush()
        return self._answer()

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), *args], capture_output=True, text=True, check=True
    ).stdout.strip()


def current_label() -> str:
    """The current tree's commit, and whether its sources differ from it."""
    try:
        head = _git("rev-parse", "--short", "HEAD")
        dirty = _git("status", "--porcelain", "--untracked-files=no", "--", "src")
    except (OSError, subprocess.CalledProcessError):
        return "current tree"
    return f"current tree ({head}{', edited' if dirty else ''})"


@contextlib.contextmanager
def checkout(rev: str) -> Iterator[tuple[str, Path]]:
    """Check *rev* out into a temporary git worktree; yield its short hash and path."""
    try:
        short = _git("rev-parse", "--short", "--verify", "--quiet", f"{rev}^{{commit}}")
    except subprocess.CalledProcessError:
        raise SystemExit(f"--against {rev}: not a commit of this repository") from None
    tmp = Path(tempfile.mkdtemp(prefix="paperparse-bench-"))
    tree = tmp / short
    _git("worktree", "add", "--detach", "--quiet", str(tree), short)
    try:
        yield short, tree
    finally:
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            _git("worktree", "remove", "--force", str(tree))
        shutil.rmtree(tmp, ignore_errors=True)
        with contextlib.suppress(OSError, subprocess.CalledProcessError):
            _git("worktree", "prune")


@dataclass
class Headline:
    """The samples of the distinct-page rounds: (side label, task) -> answers per round."""

    counts: dict[str, int]  # text, html: pages in the batch
    sides: list[tuple[str, dict[str, Any]]]  # (label, what the child runs), current first
    samples: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    rounds: int = 0
    generations: int = 1

    @property
    def current(self) -> str:
        return self.sides[0][0]

    def per_page(self, label: str, task: str) -> list[float]:
        return [a["seconds"] / a["pages"] for a in self.samples[(label, task)]]

    def median(self, label: str, task: str) -> float:
        return statistics.median(self.per_page(label, task))

    def ratios(self, a: tuple[str, str], b: tuple[str, str]) -> list[float]:
        """Per-round ratios a ÷ b (both timed in the same round)."""
        return [x / y for x, y in zip(self.per_page(*a), self.per_page(*b), strict=True)]

    def done(self, label: str, task: str) -> int:
        return min(a["done"] for a in self.samples[(label, task)])


def spread(values: list[float]) -> tuple[float, float, float]:
    """Median and quartiles (the middle half of the rounds lies between them)."""
    if len(values) < 2:
        return values[0], values[0], values[0]
    low, _, high = statistics.quantiles(values, n=4, method="inclusive")
    return statistics.median(values), low, high


def fmt_ratio(values: list[float], digits: int = 2) -> str:
    mid, low, high = spread(values)
    return f"{mid:.{digits}f} ({low:.{digits}f} to {high:.{digits}f})"


def measure_headline(
    text: list[pages.Page],
    html: list[pages.Page],
    *,
    against: list[str],
    against_python: list[str],
    budget: float,
    min_rounds: int,
    generations: int,
) -> Headline:
    """Alternate whole passes over the batch between the versions and the baselines.

    Each round: every version parses every text page once and every HTML page once, and
    the naive scraper and the lxml floor run once over the same pages, in an order
    reversed every other round. The children are started afresh *generations* times,
    each time all with the same new ``PYTHONHASHSEED``, so that what one process
    happens to get (hash seed, memory layout) does not stay with one version for the
    whole run; each generation's first round warms up and is not counted.
    """
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        batch_file = tmp / "batch.json"
        batch = {"text": [p.content for p in text], "html": [p.content for p in html]}
        batch_file.write_text(json.dumps(batch), encoding="utf-8")
        base = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
        # (label, python, environment, the tree its paperparse must come from)
        specs: list[tuple[str, str, dict[str, str], Path | None]] = [
            (current_label(), sys.executable, base, None)
        ]
        for rev in against:
            short, tree = stack.enter_context(checkout(rev))
            specs.append((short, sys.executable, {**base, "PYTHONPATH": str(tree / "src")}, tree))
        for python in against_python:
            env = {k: v for k, v in base.items() if k != "PYTHONPATH"}
            specs.append((python, python, env, None))
        result = Headline(counts={"text": len(text), "html": len(html)}, sides=[])
        rng = random.Random()
        for generation in range(generations):
            seed = str(rng.randrange(2**32))
            with contextlib.ExitStack() as running:
                sides = []
                for label, python, env, tree in specs:
                    side = Side(label, python, batch_file, {**env, "PYTHONHASHSEED": seed})
                    running.callback(side.close)
                    imported = Path(side.info["file"]).resolve()
                    if tree is not None:
                        if not imported.is_relative_to(tree.resolve()):
                            raise RuntimeError(f"{label}: the child imports {imported}, not {tree}")
                        inside = imported.relative_to(tree.resolve())
                        side.info["file"] = f"<temporary worktree at {label}>/{inside}"
                    sides.append(side)
                if generation == 0:
                    mine = Path(paperparse.__file__).resolve()
                    if Path(sides[0].info["file"]).resolve() != mine:
                        imports = sides[0].info["file"]
                        print(f"warning: the child imports {imports}, not {mine}", file=sys.stderr)
                    result.sides = [(side.label, side.info) for side in sides]
                jobs = [(sides[0], "naive"), (sides[0], "floor")]
                for side in sides:
                    jobs += [(side, "text"), (side, "html")]
                for side, task in jobs:  # warm-up round
                    side.run(task)
                deadline = time.perf_counter() + budget / generations
                rounds = 0
                while rounds < -(-min_rounds // generations) or time.perf_counter() < deadline:
                    order = jobs if rounds % 2 == 0 else jobs[::-1]
                    for side, task in order:
                        answer = side.run(task)
                        result.samples.setdefault((side.label, task), []).append(answer)
                    rounds += 1
                result.rounds += rounds
    result.generations = generations
    return result


def headline_table(h: Headline) -> str:
    cur = h.current
    naive_done = h.done(cur, "naive")
    rows = [
        "| batch | tool | per page (median) | pages/s | paperparse ÷ tool (quartiles) |",
        "|---|---|---:|---:|---:|",
    ]
    for kind, base, base_name in (("text", "naive", NAIVE), ("html", "floor", FLOOR)):
        batch = f"{h.counts[kind]:,} distinct {'text' if kind == 'text' else 'HTML'} pages"
        ours = h.median(cur, kind)
        rows.append(f"| {batch} | paperparse.parse | {ours * 1e6:,.0f} µs | {1 / ours:,.0f} | — |")
        theirs = h.median(cur, base)
        name = base_name
        if kind == "text":
            name += f" (scraped {naive_done:,} of {h.counts['text']:,} pages)"
        ratio = fmt_ratio(h.ratios((cur, kind), (cur, base)))
        rows.append(f"| {batch} | {name} | {theirs * 1e6:,.0f} µs | {1 / theirs:,.0f} | {ratio} |")
    return "\n".join(rows)


def side_by_side_table(h: Headline) -> str:
    cur = h.current
    rows = [
        "| batch | code | build | per page (median) | pages/s "
        "| ÷ baseline (quartiles) | current ÷ this (quartiles) |",
        "|---|---|---|---:|---:|---:|---:|",
    ]
    for kind, base in (("text", "naive"), ("html", "floor")):
        batch = f"{h.counts[kind]:,} {'text' if kind == 'text' else 'HTML'} pages"
        for label, info in h.sides:
            t = h.median(label, kind)
            vs_base = fmt_ratio(h.ratios((label, kind), (cur, base)))
            vs_cur = "—" if label == cur else fmt_ratio(h.ratios((cur, kind), (label, kind)), 3)
            rows.append(
                f"| {batch} | {label} | {info['build']} | {t * 1e6:,.0f} µs | {1 / t:,.0f} "
                f"| {vs_base} | {vs_cur} |"
            )
    return "\n".join(rows)


# --- the repeated-page figures: one page, over and over --------------------------------


def interleaved_medians(
    tools: dict[str, Callable[[], object]], *, budget: float, min_rounds: int = 5
) -> dict[str, float]:
    """Median time per call of each tool, sampled in alternation.

    Each round times every tool once (a sample is a few ms of calls), so a slow
    stretch of a shared machine slows all tools alike and the ratios stay put.
    """
    calls: dict[str, int] = {}
    for name, func in tools.items():
        func()  # warm-up: imports, caches
        start = time.perf_counter()
        func()
        calls[name] = max(1, int(0.002 / max(time.perf_counter() - start, 1e-7)))
    samples: dict[str, list[float]] = {name: [] for name in tools}
    deadline = time.perf_counter() + budget
    rounds = 0
    while rounds < min_rounds or time.perf_counter() < deadline:
        for name, func in tools.items():
            start = time.perf_counter()
            for _ in range(calls[name]):
                func()
            samples[name].append((time.perf_counter() - start) / calls[name])
        rounds += 1
    return {name: statistics.median(times) for name, times in samples.items()}


def _quiet(func: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        with warnings.catch_warnings(), contextlib.redirect_stderr(io.StringIO()):
            warnings.simplefilter("ignore")
            return func()

    return run


def html_baselines(page: str) -> dict[str, Callable[[], object]]:
    import lxml.html

    tools: dict[str, Callable[[], object]] = {
        FLOOR: lambda: lxml.html.fromstring(page).text_content()
    }
    try:
        from bs4 import BeautifulSoup

        tools['BeautifulSoup(page, "lxml").get_text("\\n")'] = lambda: BeautifulSoup(
            page, "lxml"
        ).get_text("\n")
    except ImportError:
        pass
    try:
        from trafilatura.metadata import extract_metadata

        tools["trafilatura extract_metadata"] = _quiet(lambda: extract_metadata(page))
    except ImportError:
        pass
    try:
        import extruct

        tools["extruct.extract"] = _quiet(lambda: extruct.extract(page))
    except ImportError:
        pass
    return tools


def measure_pages(budget: float) -> list[Row]:
    rows: list[Row] = []
    for shape, text in (("seed text", pages.seed_text()), ("large text", pages.large_text())):
        tools: dict[str, Callable[[], object]] = {
            "paperparse.parse": lambda t=text: paperparse.parse(t),
            NAIVE: lambda t=text: scrape(t),
            "floor: [l.strip() for l in text.splitlines()]": lambda t=text: [
                line.strip() for line in t.splitlines()
            ],
        }
        rows += [(shape, name, t) for name, t in interleaved_medians(tools, budget=budget).items()]
    for shape, page in (("seed HTML", pages.seed_html()), ("large HTML", pages.large_html())):
        tools = {"paperparse.parse": lambda p=page: paperparse.parse(p), **html_baselines(page)}
        rows += [(shape, name, t) for name, t in interleaved_medians(tools, budget=budget).items()]
    # The same page with accents: costs that only non-ASCII text has show here.
    page = pages.large_html(non_ascii=True)
    tools = {"paperparse.parse": lambda: paperparse.parse(page), FLOOR: html_baselines(page)[FLOOR]}
    shape = "large HTML, non-ASCII"
    rows += [(shape, name, t) for name, t in interleaved_medians(tools, budget=budget).items()]
    return rows


def measure_provenance(budget: float) -> list[Row]:
    """``parse(page)`` against ``parse(page, provenance=True)``, timed in alternation."""
    rows: list[Row] = []
    for shape, page in (("seed text", pages.seed_text()), ("large HTML", pages.large_html())):
        t = interleaved_medians(
            {
                "off": lambda p=page: paperparse.parse(p),
                "on": lambda p=page: paperparse.parse(p, provenance=True),
            },
            budget=budget,
        )
        rows += [(shape, "provenance off (default)", t["off"]), (shape, "provenance on", t["on"])]
    return rows


def table(rows: list[Row]) -> str:
    ours = {shape: t for shape, tool, t in rows if tool.startswith("paperparse.parse")}
    lines = [
        "| page | tool | median per page | pages/s | paperparse ÷ tool |",
        "|---|---|---:|---:|---:|",
    ]
    for shape, tool, seconds in rows:
        ratio = "—" if tool.startswith("paperparse") else f"{ours[shape] / seconds:.2f}"
        lines.append(
            f"| {shape} | {tool} | {seconds * 1e6:,.0f} µs | {1 / seconds:,.0f} | {ratio} |"
        )
    return "\n".join(lines)


# --- the command line: throughput and memory ---------------------------------------------


def _write_batch(directory: Path, count: int) -> None:
    for name, text in pages.batch(count):
        (directory / name).write_text(text, encoding="utf-8")


def _cli() -> list[str]:
    return [sys.executable, "-m", "paperparse"]


def _peak_rss(pid: int) -> int:
    """The child's own peak RSS so far (KiB), from /proc: VmHWM belongs to the image the
    child runs, while ru_maxrss also counts the parent's memory copied at fork."""
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def run_cli(directory: Path, jobs: int) -> tuple[float, int]:
    """Wall time and peak RSS (KiB) of one CLI run over *directory* (parent process)."""
    out = directory.parent / f"out-{jobs}.jsonl"
    start = time.perf_counter()
    # Bytecode caching on, as on a user's machine (some CI images turn it off).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    proc = subprocess.Popen(
        [*_cli(), "parse", str(directory), "--jobs", str(jobs), "--quiet", "-o", str(out)],
        stdout=subprocess.DEVNULL,
        env=env,
    )
    peak = 0
    while proc.poll() is None:
        peak = max(peak, _peak_rss(proc.pid))
        time.sleep(0.02)
    elapsed = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"paperparse CLI failed with status {proc.returncode}")
    return elapsed, peak


def measure_jobs(count: int, rounds: int = 3) -> tuple[list[Row], dict[str, float]]:
    """CLI throughput with --jobs 1 and --jobs 2: the best of *rounds* alternating runs.

    Returns rows, and the ratios ``wall`` (whole runs) and ``work`` (with the start-up
    time of the CLI, measured on a one-file directory, taken off both runs).
    """
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one"
        one.mkdir()
        _write_batch(one, 1)
        directory = Path(tmp) / "pages"
        directory.mkdir()
        _write_batch(directory, count)
        best = {1: float("inf"), 2: float("inf")}
        startup = float("inf")
        for _ in range(rounds):
            startup = min(startup, run_cli(one, 1)[0])
            for jobs in (1, 2):
                best[jobs] = min(best[jobs], run_cli(directory, jobs)[0])
    for jobs in (1, 2):
        rows.append((f"CLI over {count} files", f"paperparse --jobs {jobs}", best[jobs] / count))
    rows.append(("CLI start-up (1 file)", "paperparse --jobs 1", startup))
    work = {jobs: best[jobs] - startup for jobs in (1, 2)}
    # A smoke run over a few files is all start-up: no work ratio to show.
    return rows, {
        "wall": best[1] / best[2],
        "work": work[1] / work[2] if min(work.values()) > 0.1 * startup else float("nan"),
    }


def measure_rss(small: int, large: int) -> dict[int, int]:
    """Peak RSS of the CLI (one process, --jobs 1) over *small* and *large* files.

    Measured from /proc while the CLI runs (Linux); 0 where /proc is not available.
    """
    rss: dict[int, int] = {}
    for count in (small, large):
        with tempfile.TemporaryDirectory() as tmp:
            directory = Path(tmp) / "pages"
            directory.mkdir()
            _write_batch(directory, count)
            _, rss[count] = run_cli(directory, 1)
    return rss


# --- Dask: a local dask.distributed cluster with 1 and 2 process workers ------------------


@dataclass
class DaskResult:
    pages: int
    rounds: int
    errors: int
    seconds: dict[int, list[float]]  # workers -> seconds per pass, per round


def measure_dask(batch: list[pages.Page], *, budget: float, min_rounds: int) -> DaskResult | str:
    """Pages/s of ``paperparse.dask.parse_bag`` on a cluster of 1 and of 2 process workers.

    The pages are written to files (``parse_bag`` takes paths). Both clusters run side
    by side on this machine, each with its scheduler in this process; rounds alternate
    between them, each round one pass over the batch after emptying paperparse's caches
    on every worker. A first pass warms up (imports on the workers) and is not counted.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        return 'not measured: dask.distributed is not installed (pip install -e ".[dask]")'
    from paperparse.dask import parse_bag

    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        paths = []
        for page in batch:
            path = tmp / page.name
            path.write_bytes(page.content.encode("utf-8"))
            paths.append(path)
        clients = {}
        for workers in (1, 2):
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers,
                    processes=True,
                    threads_per_worker=1,
                    host="127.0.0.1",
                    dashboard_address=None,
                    # The scheduler's HTTP server (health, metrics) still starts: on
                    # loopback, any free port (by default it tries 8787).
                    scheduler_kwargs={"dashboard_address": "127.0.0.1:0"},
                    silence_logs=logging.ERROR,
                )
            )
            client = stack.enter_context(Client(cluster, set_as_default=False, timeout="60s"))
            client.wait_for_workers(workers, timeout=120)
            clients[workers] = client
        bag = parse_bag(paths, npartitions=DASK_PARTITIONS)

        def one_pass(workers: int) -> tuple[float, list[dict[str, Any]]]:
            client = clients[workers]
            client.run(batch_worker.clear_caches)
            start = time.perf_counter()
            records: list[dict[str, Any]] = client.compute(bag).result(timeout=600)
            return time.perf_counter() - start, records

        for workers in clients:
            _, records = one_pass(workers)
        result = DaskResult(
            pages=len(paths),
            rounds=0,
            errors=sum("error" in r for r in records),
            seconds={workers: [] for workers in clients},
        )
        deadline = time.perf_counter() + budget
        while result.rounds < min_rounds or time.perf_counter() < deadline:
            order = list(clients) if result.rounds % 2 == 0 else list(clients)[::-1]
            for workers in order:
                seconds, records = one_pass(workers)
                if len(records) != len(paths):
                    raise RuntimeError(f"Dask gave {len(records)} records for {len(paths)} pages")
                result.seconds[workers].append(seconds)
            result.rounds += 1
    return result


# --- the report ---------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    import lxml.etree

    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"lxml {'.'.join(map(str, lxml.etree.LXML_VERSION))}, paperparse {paperparse.__version__}"
        f" ({batch_worker.build()} build)"
    )


@dataclass
class Results:
    quick: bool
    headline: Headline | None = None
    repeated: list[Row] | None = None
    traced: list[Row] | None = None
    cli: tuple[list[Row], dict[str, float], dict[int, int]] | None = None
    dask: DaskResult | str | None = None


def goal(name: str, value: float | None, op: str, target: float, digits: int = 2) -> str:
    if value is None or value != value:  # not measured, or nan
        return f"| {name} | not measured | {op} {target:g} | — |"
    met = value <= target if op == "≤" else value >= target
    return f"| {name} | {value:.{digits}f} | {op} {target:g} | {'yes' if met else 'no'} |"


def report(r: Results) -> str:
    out = [
        "# Performance",
        "",
        "Measured by `python bench/run.py` (rerun it to refresh this page; `--quick` is the",
        "smoke run CI does; `--against REV` adds another version of the code, side by",
        "side). Ratios are the headline: they compare tools on the same pages in the same",
        "run, timed in alternation (every round times each tool once, and the median of the",
        "rounds counts), so a slow stretch of a shared machine slows all tools alike.",
        "Absolute times are for reference.",
        "",
        f"Machine: {machine()}.",
        "",
    ]
    h = r.headline
    goals: list[str] = []
    if h is not None:
        cur = h.current
        text_ratio = statistics.median(h.ratios((cur, "text"), (cur, "naive")))
        html_ratio = statistics.median(h.ratios((cur, "html"), (cur, "floor")))
        goals += [
            goal("distinct text pages: parse ÷ naive scraper", text_ratio, "≤", 6),
            goal("distinct HTML pages: parse ÷ lxml floor", html_ratio, "≤", 3),
        ]
    if r.traced is not None:
        cost = {(shape, tool): t for shape, tool, t in r.traced}
        for shape in ("seed text", "large HTML"):
            on, off = cost[(shape, "provenance on")], cost[(shape, "provenance off (default)")]
            goals.append(goal(f"provenance on ÷ off, {shape}", on / off, "≤", 1.2))
    if r.cli is not None:
        _, throughput, rss = r.cli
        small, large = sorted(rss)
        goals += [
            goal("CLI throughput --jobs 2 ÷ --jobs 1, whole runs", throughput["wall"], "≥", 1.7),
            goal(
                "CLI throughput --jobs 2 ÷ --jobs 1, start-up time taken off",
                throughput["work"],
                "≥",
                1.7,
            ),
            goal(
                f"peak RSS {large:,} ÷ {small:,} files",
                rss[large] / rss[small] if rss[small] else None,
                "≤",
                1.10,
                3,
            ),
        ]
    if goals:
        out += [
            "## Goals",
            "",
            "The speed goals are issue 22's, on the distinct-page batch (they replace the",
            "repeated-page goals of earlier issues).",
            "",
            "| measure | value | goal | met |",
            "|---|---:|---|---|",
            *goals,
            "",
        ]
    if h is not None:
        out += headline_section(h, r.quick)
    if r.repeated is not None:
        out += repeated_section(r.repeated, r.traced or [])
    if r.cli is not None:
        out += cli_section(*r.cli)
    if r.dask is not None:
        out += dask_section(r.dask, h)
    return "\n".join(out)


def headline_section(h: Headline, quick: bool) -> list[str]:
    cur = h.current
    names = ", ".join(f"`{name}`" for name, _ in pages.TEXT_VARIANTS[1:])
    markups = ", ".join(f"`{name}`" for name, _ in pages.HTML_MARKUPS)
    floor_share = h.median(cur, "floor") / h.median(cur, "html")
    naive_share = h.median(cur, "naive") / h.median(cur, "text")
    sides = ""
    if len(h.sides) > 1:
        sides = " The other versions of the code ran in the same rounds (below)."
    caches = h.sides[0][1]["caches"]
    lines = [
        "## Headline: a batch of distinct pages",
        "",
        "What users run: many different pages, each parsed once. The batch is made by the",
        "project's own renderers (`bench/pages.py`) from every expected record under",
        "`fixtures/peeref/*.json`"
        + (" (the first few only: a `--quick` run)" if quick else "")
        + ":",
        "",
        f'- **{h.counts["text"]:,} text pages**: `render_text(paper, "browser")` as is',
        "  and under each layout-noise transform of `paperparse.testing.NOISE`, exact",
        "  duplicates dropped. The transforms:",
        f"  {names}.",
        f"- **{h.counts['html']:,} HTML pages**: every record in each markup of",
        "  `pages.HTML_MARKUPS`, exact duplicates dropped. The markups:",
        f"  {markups}.",
        "",
        "Each round parses every page once (no page twice within a round) in a child",
        "process (`bench/batch_worker.py`), alternating with the naive scraper",
        "(`bench/naive.py`, made total: a page it cannot scrape gives `None`) on the same",
        "text pages and lxml's floor (`lxml.html.fromstring(page).text_content()`) on the",
        f"same HTML pages. Before each pass the {caches} functools caches of paperparse",
        "are emptied (outside the timing), so a round never finds the previous round's lines",
        f"in a cache. {h.rounds} rounds, in {h.generations} generations of child processes",
        "(each started afresh, all sides with the same new `PYTHONHASHSEED`, and warmed up",
        "by one round not counted); a ratio is the median of the per-round ratios, with",
        f"the quartiles of the rounds.{sides}",
        "",
        headline_table(h),
        "",
        f"The naive scraper returned a record for {h.done(cur, 'naive'):,} of the",
        f"{h.counts['text']:,} text pages (the others raised, from a missing label or an",
        "unexpected line) and checks nothing, so its records are often wrong;",
        f"`paperparse.parse` gave a record for {h.done(cur, 'text'):,} of them and for",
        f"{h.done(cur, 'html'):,} of the {h.counts['html']:,} HTML pages.",
        "",
        "What bounds the ratios:",
        "",
        f"- **Text ÷ naive scraper**: the naive scraper ({naive_share:.0%} of a parse) is a",
        "  dozen C-level `str` operations on a page it assumes is the seed layout. `parse`",
        "  reads every line in Python (its role, then one small parser per field), checks",
        "  the values and builds frozen attrs records.",
        f"- **HTML ÷ lxml floor**: the floor ({floor_share:.0%} of a parse) is lxml's own",
        "  parse plus one C call for the text. `parse` builds the same tree, then walks it in",
        "  Python, reads the metadata and the visible text, and builds the record.",
        "",
        "A stage-by-stage table (where the time of one parse goes) will come back with the",
        "rebuilt parsing core (issue 22), timed through its own stage modules; the old table",
        "read private functions of the engine that the rebuild removes.",
        "",
    ]
    if len(h.sides) > 1:
        lines += [
            "## Side by side: other versions of the code",
            "",
            "The same batch, the same rounds: each version in its own child process",
            "(`--against REV`: REV checked out into a temporary git worktree and imported",
            "with `PYTHONPATH=<worktree>/src`; `--against-python PYTHON`: the paperparse",
            "that interpreter imports). Each round every version parses the whole batch once,",
            "so machine noise hits them alike. `÷ baseline` is each version against the naive",
            "scraper (text) or the lxml floor (HTML) of the same round; `current ÷ this` is",
            "the current tree's time over this version's, round by round (below 1: the",
            "current tree is faster).",
            "",
            side_by_side_table(h),
            "",
            *(
                f"- `{label}`: {info['file']} (paperparse {info['version']}, Python "
                f"{info['python']})"
                for label, info in h.sides
            ),
            "",
        ]
    return lines


def repeated_section(rows: list[Row], traced: list[Row]) -> list[str]:
    return [
        "## Repeated pages",
        "",
        "One page parsed over and over (each sample a few ms of calls of the same page,",
        "tools alternating): the seed fixture, a large page (60 authors, 30 funders, 200",
        "recommended titles; the HTML with 150 KB of scripts, CSS and navigation), and the",
        "large page with accented text. Caches keyed on line or value text always hit",
        "here, so these times flatter the parser; the headline above does not. The",
        "comparisons with BeautifulSoup, trafilatura and extruct are on these pages.",
        "",
        table(rows),
        "",
        "`parse(page, provenance=True)` against `parse(page)`, timed in alternation. Off",
        "(the default), the parser does no provenance work at all; on, it looks up the lines",
        "of each non-empty field, which the readers keep anyway.",
        "",
        "| page | parse | median per page | pages/s |",
        "|---|---|---:|---:|",
        *(f"| {shape} | {tool} | {t * 1e6:,.0f} µs | {1 / t:,.0f} |" for shape, tool, t in traced),
        "",
    ]


def cli_section(rows: list[Row], throughput: dict[str, float], rss: dict[int, int]) -> list[str]:
    small, large = sorted(rss)
    return [
        "## The command line",
        "",
        "`paperparse parse DIR` over a directory of fixtures (text and HTML, cycled to the",
        "count), best of 3 alternating runs; the start-up row is a one-file run.",
        "",
        "| run | command | per page | pages/s |",
        "|---|---|---:|---:|",
        *(f"| {shape} | {tool} | {t * 1e6:,.0f} µs | {1 / t:,.0f} |" for shape, tool, t in rows),
        "",
        f"--jobs 2 ÷ --jobs 1: {throughput['wall']:.2f} for whole runs, "
        f"{throughput['work']:.2f} with the start-up taken off both. The CLI's start-up",
        "(interpreter and imports) does not run in parallel, and the parent process also",
        "lists the files and writes the lines, so three processes share this machine's",
        "cores.",
        "",
        f"Peak RSS of the CLI process: {rss[small]:,} KiB for {small:,} files, "
        f"{rss[large]:,} KiB for {large:,} files.",
        "",
    ]


def dask_section(d: DaskResult | str, h: Headline | None) -> list[str]:
    lines = ["## Dask: a local cluster of 1 and 2 workers", ""]
    if isinstance(d, str):
        return [*lines, f"{d}.", ""]
    rates = {w: [d.pages / s for s in d.seconds[w]] for w in d.seconds}
    ratio = [two / one for one, two in zip(d.seconds[1], d.seconds[2], strict=True)]
    lines += [
        "`paperparse.dask.parse_bag` over the headline's distinct pages written to files",
        f"({d.pages:,} pages, {DASK_PARTITIONS} partitions), on a `dask.distributed`",
        "`LocalCluster` of process workers with one thread each (loopback, no dashboard).",
        "Both clusters run side by side, their schedulers in the benchmark's process;",
        "rounds alternate between them, each one pass over the batch after emptying",
        f"paperparse's caches on every worker. {d.rounds} rounds after a warm-up pass;",
        f"{d.errors} of the records are error records.",
        "",
        "| workers | pages/s (median) | pages/s (quartiles) |",
        "|---:|---:|---:|",
    ]
    for workers, values in rates.items():
        mid, low, high = spread(values)
        lines.append(f"| {workers} | {mid:,.0f} | {low:,.0f} to {high:,.0f} |")
    lines += [
        "",
        f"2 workers ÷ 1 worker, round by round: {fmt_ratio([1 / x for x in ratio])}.",
    ]
    if h is not None:
        cur = h.current
        seconds = (
            h.median(cur, "text") * h.counts["text"] + h.median(cur, "html") * h.counts["html"]
        )
        total = h.counts["text"] + h.counts["html"]
        lines += [
            "For scale: one process parsing the same pages from memory (the headline's",
            f"passes) does {total / seconds:,.0f} pages/s; a Dask worker also reads each file,",
            "and the scheduler and the workers share this machine's cores.",
        ]
    return [*lines, ""]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help="a smoke run: few pages, short budgets"
    )
    parser.add_argument("-o", "--output", type=Path, help="write the Markdown report here")
    parser.add_argument(
        "--against",
        action="append",
        default=[],
        metavar="REV",
        help="also measure the code at this git revision, in the same rounds (repeatable)",
    )
    parser.add_argument(
        "--against-python",
        action="append",
        default=[],
        metavar="PYTHON",
        help="also measure the paperparse this interpreter imports (another environment's",
    )
    parser.add_argument(
        "--budget",
        type=float,
        metavar="SECONDS",
        help="time for the headline's rounds (default: 40, --quick: none, 3 rounds)",
    )
    parts = ("headline", "repeated", "cli", "dask")
    parser.add_argument(
        "--only",
        action="append",
        choices=parts,
        help="run only this part (repeatable); then nothing is written unless -o",
    )
    args = parser.parse_args()
    quick = args.quick
    only = set(args.only or parts)
    default = ROOT / "docs" / "performance.md"
    output = args.output or (None if quick or args.only else default)

    limit = 3 if quick else None
    text, html = pages.distinct_text(limit), pages.distinct_html(limit)
    results = Results(quick=quick)
    if "headline" in only:
        results.headline = measure_headline(
            text,
            html,
            against=args.against,
            against_python=args.against_python,
            budget=args.budget if args.budget is not None else 0.0 if quick else 60.0,
            min_rounds=3 if quick else 15,
            generations=1 if quick else 4,
        )
    if "repeated" in only:
        results.repeated = measure_pages(budget=0.05 if quick else 5.0)
        results.traced = measure_provenance(budget=0.05 if quick else 3.0)
    if "cli" in only:
        rows, throughput = measure_jobs(20 if quick else 2000)
        results.cli = (rows, throughput, measure_rss(*((10, 40) if quick else (1000, 20000))))
    if "dask" in only:
        results.dask = measure_dask(
            text + html, budget=0.0 if quick else 30.0, min_rounds=1 if quick else 7
        )
    page = report(results)
    print(page)
    if output is not None:
        output.write_text(page, encoding="utf-8")
        print(f"written to {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
