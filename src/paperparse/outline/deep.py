"""Pages nested deeper than lxml builds trees: their text read as a stream."""

from __future__ import annotations

from typing import Any, Final, cast

from lxml import etree

from ..normalize import Line, clean
from .dom import BLOCKS, INVISIBLE

#: Marks line breaks in the stream (a private-use character no page can forge: the
#: reader removes them all from its input first, see :mod:`.html`).
BREAK: Final = "\ue003"


class _Collector:
    """An lxml parser target: streams the text of a page too deep for a tree."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.skip = 0

    def start(self, tag: str, attrib: Any) -> None:  # a mapping, not always a dict
        if (
            self.skip
            or tag in INVISIBLE
            or tag in ("nav", "aside")
            or "hidden" in attrib
            or (attrib.get("aria-hidden") or "").strip().lower() == "true"
        ):
            self.skip += 1
        elif tag in BLOCKS or tag == "br":
            self.parts.append(BREAK)

    def end(self, tag: str) -> None:
        if self.skip:
            self.skip -= 1
        elif tag in BLOCKS:
            self.parts.append(BREAK)

    def data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)

    def close(self) -> str:
        return "".join(self.parts)


def parse_deep(data: bytes) -> list[Line]:
    """Read a page nested deeper than lxml builds trees, as a stream (no line numbers)."""
    collector = _Collector()
    parser = etree.HTMLParser(
        encoding="utf-8",
        target=cast("Any", collector),
        no_network=True,
        huge_tree=True,
        recover=True,
    )
    text = cast("str", etree.fromstring(data, parser))
    return [(0, cleaned) for raw in text.split(BREAK) if (cleaned := clean(raw))]
