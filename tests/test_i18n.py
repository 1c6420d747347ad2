"""Every interface string has a Russian translation, the scripts' strings included."""

from __future__ import annotations

import re
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent / "dateline"
LOCALE = ROOT / "locale/ru/LC_MESSAGES"
CATALOGS = sorted(LOCALE.glob("*.po"))


def test_russian_catalogs_are_complete():
    assert [p.name for p in CATALOGS] == ["django.po"]
    for path in CATALOGS:
        po = polib.pofile(str(path))
        assert po.untranslated_entries() == [], path.name
        assert po.fuzzy_entries() == [], path.name


def test_every_string_the_scripts_translate_reaches_them_in_the_config():
    from dateline.reader.templatetags.client import PLURALS, STRINGS

    # given every gettext("...") and ngettext("...", ...) in the scripts
    scripts = "".join(p.read_text() for p in ROOT.glob("*/static/*/*.js"))
    asked = set(re.findall(r'\bn?gettext\("([^"]+)"', scripts))
    # then the config carries each of them
    assert asked and asked <= set(STRINGS) | {singular for singular, _plural in PLURALS}
