"""``pytest --dumps=DIR`` runs the new-dump checks on DIR instead of the suite."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import FIXTURES, ROOT


def _pytest(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_dumps_option_checks_each_dump(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "peeref" / "jmm-2019-review.txt", tmp_path / "good.txt")
    shutil.copy(FIXTURES / "peeref" / "jmm-2019-review.json", tmp_path / "good.json")
    shutil.copy(FIXTURES / "peeref" / "crlf.txt", tmp_path / "no-json.txt")
    (tmp_path / "sub").mkdir()
    text = (FIXTURES / "peeref" / "jmm-2019-review.txt").read_text(encoding="utf-8")
    (tmp_path / "sub" / "stray.txt").write_text(
        text.replace("Rate this paper", "Rate this paper\nA stray line"), encoding="utf-8"
    )
    done = _pytest(f"--dumps={tmp_path}")
    assert done.returncode == 1, done.stdout
    assert "1 failed, 2 passed" in done.stdout
    assert "sub/stray.txt" in done.stdout
    assert "warning unplaced_text at line 51" in done.stdout


def test_dumps_environment_variable(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "peeref" / "jmm-2019-review.txt", tmp_path / "good.txt")
    done = _pytest(env={"PAPERPARSE_DUMPS": str(tmp_path)})
    assert done.returncode == 0, done.stdout
    assert "1 passed" in done.stdout


def test_a_latin1_dump_has_no_false_noise_findings(tmp_path: Path) -> None:
    """The kit decodes a dump as parse() does: no false noise findings on Windows-1252."""
    text = (FIXTURES / "encodings" / "text" / "utf8.txt").read_text(encoding="utf-8")
    assert not text.isascii()
    (tmp_path / "latin1.txt").write_bytes(text.encode("cp1252"))
    done = _pytest(f"--dumps={tmp_path}")
    # Its one finding is the truth: the encoding had to be guessed (no charset in a
    # text dump). No field "changed" under the noise checks.
    assert "warning guessed_encoding" in done.stdout
    assert "noise" not in done.stdout
    assert "1 failed" in done.stdout


def test_without_dumps_the_skip_shows_the_form_that_works() -> None:
    done = _pytest("tests/test_new_dumps.py", "-rs")
    assert done.returncode == 0, done.stdout
    assert "pytest --dumps=DIR" in done.stdout
    assert "--dumps DIR" not in done.stdout
