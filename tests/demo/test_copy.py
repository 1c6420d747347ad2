"""The demo's copy lives in data files, complete in both languages; no other app imports it."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from dateline.demo import copybook
from dateline.demo.kinds import KIND_BY_KEY, KINDS
from dateline.newsroom.models import RESERVED_SLUGS

PACKAGE = Path(copybook.__file__).resolve().parent.parent


def test_every_copy_file_is_toml_and_the_demo_holds_no_copy_in_python():
    files = sorted(copybook.COPY.rglob("*.toml"))
    assert {p.relative_to(copybook.COPY).as_posix() for p in files} >= {
        "site.toml", "world.toml", "en/news.toml", "ru/news.toml"}
    for path in files:
        with path.open("rb") as file:
            assert tomllib.load(file), path
    python = sum(len(p.read_text().splitlines()) for p in (PACKAGE / "demo").rglob("*.py"))
    copy = sum(len(p.read_text().splitlines()) for p in files)
    assert python < copy / 2


def test_the_frame_is_complete_in_both_languages():
    slugs = [section.slug for section in copybook.SECTIONS]
    assert len(slugs) == len(set(slugs)) == 10 and not set(slugs) & RESERVED_SLUGS
    assert set(copybook.REGION_SECTION.values()) <= set(slugs) and "world" in slugs
    for section in copybook.SECTIONS:
        assert set(section.names) == {"en", "ru"} and all(map(all, section.names.values()))
    assert len({a.code for a in copybook.AGENCIES}) == len(copybook.AGENCIES) >= 3
    used = {tag for kind in KINDS for tag in (*kind.tags, *kind.thing_tags)}
    assert used <= set(copybook.TAGS)
    assert all(re.fullmatch("[a-z0-9-]+", key) for key in copybook.TAGS)
    for kind in KINDS:
        assert kind.section is None or kind.section in slugs


def test_the_world_holds_together():
    assert {c.country.key for c in copybook.CITIES} <= set(copybook.COUNTRIES)
    assert {c.culture for c in copybook.COUNTRIES.values()} <= set(copybook.NAMES)
    assert copybook.FAMILY_FIRST <= set(copybook.NAMES)
    for male, female, surnames in copybook.NAMES.values():
        assert male and female and surnames
    pools = {entry.partition(":")[2] or entry for kind in KINDS for entry in kind.pools}
    assert pools | {"brand", "club"} <= set(copybook.POOL)
    endings = {ending for kind in KINDS for ending in kind.org}
    assert endings <= set(copybook.COMPANY_ENDINGS)
    assert set(KIND_BY_KEY) == {kind.key for kind in KINDS}


def test_no_other_app_imports_the_demo():
    # the demo depends on the newsroom and the rest, never the reverse
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if (PACKAGE / "demo") in path.parents:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(name == "dateline.demo" or name.startswith("dateline.demo.")
                   for name in names):
                offenders.append(path.relative_to(PACKAGE).as_posix())
    assert offenders == []
