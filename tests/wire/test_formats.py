"""The agency formats read into what the desk sees, and hostile payloads refused with a
message an editor understands. Pure: bytes in, items out, no database."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dateline.wire.formats import ParsedItem, parse
from dateline.wire.formats.datelines import read_dateline

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = {"rss20.xml": "rss", "atom10.xml": "rss", "rss-windows-1251.xml": "rss",
           "ninjs-single.json": "ninjs", "ninjs-array.json": "ninjs",
           "ninjs-utf16.json": "ninjs", "newsml-item.xml": "newsml",
           "newsml-message.xml": "newsml"}


def read(name: str) -> list[ParsedItem]:
    return parse(SAMPLES[name], (FIXTURES / name).read_bytes())


def ninjs(**fields) -> bytes:
    return json.dumps({"uri": "urn:mw:1", "headlines": [{"value": "Headline"}], **fields}).encode()


def at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- datelines ------------------------------------------------------------------------


@pytest.mark.parametrize(("lead", "place", "when", "rest"), [
    ("MOSCOW, December 10 (Agency) - The talks", "Moscow", date(2025, 12, 10), "The talks"),
    ("МОСКВА, 10 декабря – Переговоры", "Москва", date(2025, 12, 10), "Переговоры"),
    ("MOSCOW, December 10. /MW/. The talks", "Moscow", date(2025, 12, 10), "The talks"),
    ("ST. PETERSBURG, Dec. 9 (MW) — Bridges", "St. Petersburg", date(2025, 12, 9), "Bridges"),
    ("РОСТОВ-НА-ДОНУ, 31 декабря — Порт", "Ростов-на-Дону", date(2024, 12, 31), "Порт"),
    ("NEW YORK (MW) -- Markets", "New York", None, "Markets"),
])
def test_dateline_prefixes(lead, place, when, rest):
    near = date(2025, 12, 11) if when != date(2024, 12, 31) else date(2025, 1, 1)
    found = read_dateline(lead, near=near)
    assert (found.place, found.date, found.rest) == (place, when, rest)


@pytest.mark.parametrize("lead", ["NATO - the alliance met on Monday.",
                                  "The army, December 10, said - nothing.",
                                  "Officials said on Tuesday, December 10 - more.", ""])
def test_ordinary_sentences_are_not_datelines(lead):
    assert read_dateline(lead, near=date(2025, 12, 11)) is None
