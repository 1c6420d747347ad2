"""Every interface string in the catalog has a Russian translation."""

from __future__ import annotations

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "dateline/locale/ru/LC_MESSAGES"
CATALOGS = sorted(LOCALE.glob("*.po"))


def test_russian_catalogs_are_complete():
    assert [p.name for p in CATALOGS] == ["django.po", "djangojs.po"]
    for path in CATALOGS:
        po = polib.pofile(str(path))
        assert po.untranslated_entries() == [], path.name
        assert po.fuzzy_entries() == [], path.name
