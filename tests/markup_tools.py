"""The dump tools the markup properties read pages through, with timeouts.

Chromium's ``innerText`` (what select-all and copy give a user: a headless
``--dump-dom`` of the page with a script that writes ``document.body.innerText`` into a
``<pre>``), ``w3m -dump``, ``lynx -dump``, ``pandoc -t plain``, html2text and
inscriptis. Used by tests/test_markups.py and bench/markup_recall.py, so that the
recall report measures what the properties check.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from .test_dump_tools import _available, _html2text, _inscriptis, _without_hidden

CHROMIUM = next(
    (found for name in ("chromium", "chromium-browser") if (found := shutil.which(name))), None
)
#: Writes the page's innerText (what select-all and copy give) into a <pre> once loaded.
_INNER_TEXT = (
    "<script>window.addEventListener('load', function () {"
    "var text = document.body.innerText;"
    "var pre = document.createElement('pre'); pre.id = 'inner-text'; pre.textContent = text;"
    "document.body.replaceChildren(pre);});</script>"
)
_TIMEOUT = 60


def _chromium(page: str) -> str:
    assert CHROMIUM is not None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "page.html"
        path.write_text(page.replace("</body>", _INNER_TEXT + "</body>"), encoding="utf-8")
        done = subprocess.run(
            [
                CHROMIUM,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={Path(tmp) / 'profile'}",
                "--dump-dom",
                path.as_uri(),
            ],
            capture_output=True,
            timeout=_TIMEOUT,
            check=True,
        )
    found = re.search(r'<pre id="inner-text">(.*?)</pre>', done.stdout.decode("utf-8"), re.S)
    assert found is not None, "Chromium did not run the page's script"
    return html.unescape(found[1])


def _command(*argv: str) -> Callable[[str], str]:
    def run(page: str) -> str:
        done = subprocess.run(
            argv,
            input=_without_hidden(page).encode(),
            capture_output=True,
            timeout=_TIMEOUT,
            check=True,
        )
        return done.stdout.decode("utf-8", "replace")

    return run


#: name -> (page -> text, the command or module it needs). Text tools show elements
#: hidden with the ``hidden`` attribute, which a browser does not: they get the page
#: without them, as in tests/test_dump_tools.py.
TOOLS: dict[str, tuple[Callable[[str], str], str | None]] = {
    "chromium-innerText": (_chromium, CHROMIUM),
    "w3m": (_command("w3m", "-dump", "-T", "text/html", "-O", "UTF-8", "-cols", "100"), "w3m"),
    "lynx": (
        _command("lynx", "-dump", "-force_html", "-stdin", "-width=100", "-display_charset=utf-8"),
        "lynx",
    ),
    "pandoc": (_command("pandoc", "-f", "html", "-t", "plain", "--wrap=auto"), "pandoc"),
    "html2text": (lambda page: _html2text(_without_hidden(page)), "html2text"),
    "inscriptis": (lambda page: _inscriptis(_without_hidden(page)), "inscriptis"),
}


def tool_text(tool: str, page: str) -> str:
    """The text *tool* makes of *page* (see :data:`TOOLS`)."""
    return TOOLS[tool][0](page)


def installed(tool: str) -> bool:
    """Whether the command or module *tool* needs is there."""
    need = TOOLS[tool][1]
    return need is not None and _available(need)
