"""Bytes in legacy encodings: the right reading, and a warning whenever it is a guess."""

from __future__ import annotations

import pytest

import paperparse
from paperparse.encoding import decode_guessing, oddities

from .conftest import FIXTURES

#: Short texts as they stand on a page (names and a sentence), in their own encodings.
SAMPLES = [
    ("\u0141ukasz Wr\u00f3bel\nWe studied the soil.", "iso-8859-2"),
    ("\u0141ukasz Wr\u00f3bel\nWe studied the soil.", "cp1250"),
    ("Ma\u0142gorzata \u017b\u00f3\u0142towska, J\u00f3zef \u015awi\u0105tek", "iso-8859-2"),
    ("Ma\u0142gorzata \u017b\u00f3\u0142towska, J\u00f3zef \u015awi\u0105tek", "cp1250"),
    ("\u015etefan \u0162i\u0163eica", "cp1250"),
    ("Anton\u00edn Dvo\u0159\u00e1k, Ji\u0159\u00ed Nov\u00e1k", "cp1250"),
    ("V\u011bra Nov\u00e1kov\u00e1", "cp1250"),
    (
        "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432\nWe studied the soil.",
        "cp1251",
    ),
    ("\u041e\u043b\u044c\u0433\u0430 \u0418\u0432\u0430\u043d\u043e\u0432\u0430", "koi8-r"),
    ("\u0130smail I\u015f\u0131k\nWe studied the soil.", "cp1254"),
    ("\u015e\u00fckr\u00fc A\u011fao\u011flu, G\u00fcl\u015fen Y\u0131lmaz", "cp1254"),
    (
        "\u0393\u03b9\u03ac\u03bd\u03bd\u03b7\u03c2 "
        "\u03a0\u03b1\u03c0\u03b1\u03b4\u03cc\u03c0\u03bf\u03c5\u03bb\u03bf\u03c2",
        "cp1253",
    ),
    ("H\u00e9l\u00e8ne C\u00f4t\u00e9, Fran\u00e7ois Lef\u00e8vre", "cp1252"),
    (
        "J\u00fcrgen M\u00fcller: Gr\u00f6\u00dfe der Stra\u00dfe, 20 m\u00b2 bei 37\u00b0C",
        "cp1252",
    ),
    ("Jos\u00e9 Garc\u00eda: \u00bfqu\u00e9 pasa?, el a\u00f1o 1\u00ba", "cp1252"),
    ("\u00de\u00f3r\u00f0ur Gu\u00f0mundsson", "cp1252"),
    ("\u5f20\u4f1f\n\u6211\u4eec\u7814\u7a76\u4e86\u571f\u58e4\u3002", "gb18030"),
    (
        "\u7530\u4e2d\u96c4\u4e00\n\u571f\u58cc\u304c\u690d\u7269\u306e\u6210\u9577\u306b\u4e0e\u3048\u308b\u5f71\u97ff\u3092\u7814\u7a76\u3057\u305f\u3002",
        "cp932",
    ),
    (
        "\uae40\ubbfc\uc900\n\uc6b0\ub9ac\ub294 \ud1a0\uc591\uc744 \uc5f0\uad6c\ud588\ub2e4.",
        "cp949",
    ),
]


@pytest.mark.parametrize(("text", "encoding"), SAMPLES)
def test_legacy_bytes_read_right_and_are_called_a_guess(text: str, encoding: str) -> None:
    decoded, guessed = decode_guessing(text.encode(encoding))
    assert decoded == text
    assert guessed is not None


@pytest.mark.parametrize(
    "data",
    [
        "\u0141ukasz".encode(),
        "\u0141ukasz".encode("utf-16"),
        b'<meta charset="iso-8859-2"><p>' + "\u0141ukasz".encode("iso-8859-2"),
        b"plain ASCII",
    ],
)
def test_certain_decodings_are_no_guess(data: bytes) -> None:
    assert decode_guessing(data)[1] is None


def test_euc_jp_is_not_taken_for_damaged_utf8() -> None:
    # EUC-JP byte pairs often look like two-byte UTF-8 sequences; read as UTF-8 with
    # replacement characters, every field would be emptied as damaged.
    data = "\u571f\u58cc\u304c\u690d\u7269\u306e\u6210\u9577".encode("euc-jp")
    text, guessed = decode_guessing(data)
    assert "\ufffd" not in text
    assert guessed is not None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("\u0141ukasz Wr\u00f3bel", 0),
        ("\u00a3ukasz Wr\u00f3bel", 1),  # Ł of ISO-8859-2 read as Windows-1252
        ("Wo\u00b3ek", 1),  # ł
        ("\u00c8\u00e2\u00e0\u00ed", 1),  # Иван of Windows-1251 read as Windows-1252
        ("Mo\u0441kva", 1),  # a Cyrillic letter inside a Latin word
        ("20 m\u00b2, 37\u00b0C, \u00a9 2024, l\u2019enfant, \u00bfQu\u00e9?", 0),
        ("Dvo\u00f8\u00e1k", 1),  # Czech ř and á read as Windows-1252
        ("V\u00ecra", 1),  # Czech ě read as Windows-1252
        ("S\u00f8ren Kierkeg\u00e5rd, citt\u00ec, caf\u00e9", 0),
        ("a\x9ab", 1),  # a C1 control character (š of Windows-1250 read as ISO-8859-2)
    ],
)
def test_oddities(text: str, count: int) -> None:
    assert oddities(text) == count


def test_parse_warns_when_the_encoding_was_guessed() -> None:
    page = FIXTURES / "encodings" / "iso-8859-2-undeclared.html"
    paper = paperparse.parse(page)
    assert [w.code for w in paper.warnings] == ["guessed_encoding"]
    assert "ISO-8859-2" in paper.warnings[0].message
    assert paper.warnings[0].line is None
    assert paper.authors[0].name == "\u0141ukasz Wr\u00f3bel"
    with pytest.raises(paperparse.StrictModeError, match="guessed_encoding"):
        paperparse.parse(page, strict=True)


def test_a_str_or_a_declared_page_has_no_encoding_warning() -> None:
    page = FIXTURES / "encodings" / "iso-8859-2-undeclared.html"
    text = page.read_bytes().decode("iso-8859-2")
    assert paperparse.parse(text).warnings == ()
    declared = text.replace("<head>", '<head>\n<meta charset="iso-8859-2">', 1)
    assert paperparse.parse(declared.encode("iso-8859-2")).warnings == ()
