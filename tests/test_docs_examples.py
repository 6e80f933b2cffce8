"""Run every Python example of README.md and docs/*.md, so the docs cannot rot.

Each fenced ```python block of a Markdown file runs, in page order, in one namespace per
file, with the repository root as the working directory (examples name files such as
``fixtures/peeref/jmm-2019-review.txt``). A block whose first line starts with ``>>>``
is a doctest: its shown output must match (``...`` matches anything). Any other block
is executed and must not raise.

A block that cannot run here (it needs a cluster, or a file that a shell command in the
page writes) is marked by an HTML comment on the line right before its fence,
``<!-- skip-example -->`` or ``<!-- skip-example: why -->``. Keep such skips rare.

A block that needs an optional extra is marked ``<!-- requires: dask -->`` (module
names, separated by spaces): without them, the page's test is skipped from that block
on (later blocks may use its names), so the suite passes whatever extras are installed.
"""

from __future__ import annotations

import doctest
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ROOT

#: README.md, then every page of the documentation site.
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]

_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*)$")
_SKIP = re.compile(r"^\s*<!--\s*skip-example\b.*-->\s*$")
_REQUIRES = re.compile(r"^\s*<!--\s*requires:\s*(?P<modules>[\w. ]+?)\s*-->\s*$")
_LANGUAGES = ("python", "py", "pycon")


@dataclass(frozen=True)
class Block:
    """One fenced Python block of a Markdown file."""

    path: Path
    line: int  # 1-based line of the block's first code line
    code: str
    skipped: bool
    requires: tuple[str, ...] = ()

    @property
    def is_doctest(self) -> bool:
        first = next((line for line in self.code.splitlines() if line.strip()), "")
        return first.lstrip().startswith(">>>")

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def python_blocks(path: Path) -> list[Block]:
    """The fenced Python blocks of *path*, in order (blocks of other languages skipped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        match = _FENCE.match(lines[index])
        if match is None:
            index += 1
            continue
        fence, indent = match["fence"], len(match["indent"])
        info = match["info"].strip().split()
        language = info[0].lstrip("{.").rstrip("}") if info else ""
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        end = index + 1
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        if language in _LANGUAGES:
            body = [
                line[indent:] if not line[:indent].strip() else line
                for line in lines[index + 1 : end]
            ]
            before = lines[index - 1] if index > 0 else ""
            skipped = _SKIP.match(before) is not None
            requires = match_["modules"].split() if (match_ := _REQUIRES.match(before)) else []
            code = "\n".join(body) + "\n"
            blocks.append(Block(path, index + 2, code, skipped, tuple(requires)))
        index = end + 1
    return blocks


def _run_doctest(block: Block, namespace: dict[str, object]) -> None:
    test = doctest.DocTestParser().get_doctest(
        block.code, namespace, block.where, str(block.path), block.line - 1
    )
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS, verbose=False)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    namespace.update(test.globs)  # DocTest works on a copy: carry its names to later blocks
    if runner.failures:
        pytest.fail(f"doctest failed at {block.where}:\n{''.join(report)}", pytrace=False)


def _run_code(block: Block, namespace: dict[str, object]) -> None:
    # Pad with newlines so that a traceback names the Markdown file and line.
    code = compile("\n" * (block.line - 1) + block.code, str(block.path), "exec")
    exec(code, namespace)


def test_examples_were_found() -> None:
    found = {path.name: python_blocks(path) for path in DOC_FILES}
    assert sum(map(len, found.values())) >= 10, found
    for name in ("README.md", "index.md", "quickstart.md", "schema.md"):
        assert any(not block.skipped for block in found[name]), f"{name} has no example that runs"


def test_skips_are_rare() -> None:
    skipped = [block.where for path in DOC_FILES for block in python_blocks(path) if block.skipped]
    assert len(skipped) <= 3, f"too many examples are skipped: {skipped}"


@pytest.mark.parametrize(
    "path",
    [path for path in DOC_FILES if python_blocks(path)],
    ids=lambda path: str(path.relative_to(ROOT)),
)
def test_examples(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": f"docs_example_{path.stem.replace('-', '_')}"}
    for block in python_blocks(path):
        if block.skipped:
            continue
        for module in block.requires:
            pytest.importorskip(module, reason=f"{block.where} needs {module} (an optional extra)")
        if block.is_doctest:
            _run_doctest(block, namespace)
        else:
            _run_code(block, namespace)


def test_requires_marks_are_read() -> None:
    scaling = python_blocks(ROOT / "docs" / "scaling.md")
    assert any(block.requires == ("dask",) for block in scaling)
    # Every block that imports from an optional extra says so.
    for path in DOC_FILES:
        for block in python_blocks(path):
            if re.search(r"^\s*(from|import) dask\b", block.code, re.MULTILINE):
                assert "dask" in block.requires or block.skipped, block.where


# --- the documentation site's configuration ----------------------------------------------


def test_site_configuration() -> None:
    """The settings whose absence showed on the site (mkdocs.yml is not plain YAML)."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    # the 404 page's links are built on site_url; without it they are root-absolute
    assert re.search(r"^site_url: \S", config, re.MULTILINE)
    assert re.search(r"^repo_url: \S", config, re.MULTILINE)
    # long lines in code blocks and signatures wrap instead of being clipped
    (stylesheet,) = re.findall(r"^extra_css:\n  - (\S+)$", config, re.MULTILINE)
    css = (ROOT / "docs" / stylesheet).read_text(encoding="utf-8")
    assert re.search(r"pre > code[^{]*\{[^}]*white-space: pre-wrap", css)
    assert re.search(r"\.doc-signature code[^{]*\{[^}]*white-space: pre-wrap", css)
    # mkdocstrings formats signatures with Black or Ruff: the docs extra installs one
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (docs_extra,) = re.findall(r"^docs = \[(.*)\]$", pyproject, re.MULTILINE)
    assert re.search(r'"(ruff|black)\b', docs_extra), docs_extra
