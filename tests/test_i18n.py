"""Every interface string in the catalog has a Russian translation."""

from __future__ import annotations

from pathlib import Path

import polib

CATALOG = Path(__file__).resolve().parent.parent / "dateline/locale/ru/LC_MESSAGES/django.po"


def test_russian_catalog_is_complete():
    po = polib.pofile(str(CATALOG))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
