"""Write fuzz/seeds/ (not committed) from the page fixtures, once per input mode."""

from __future__ import annotations

import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "seeds"


def main() -> None:
    CORPUS.mkdir(exist_ok=True)
    pages = sorted(
        p
        for p in (ROOT / "fixtures").rglob("*")
        if p.suffix in (".txt", ".html") and p.stat().st_size < 200_000
    )
    for page in pages:
        data = page.read_bytes()
        for mode in range(4):
            blob = bytes([mode]) + data
            (CORPUS / hashlib.sha1(blob).hexdigest()).write_bytes(blob)


if __name__ == "__main__":
    main()
