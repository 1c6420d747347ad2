"""The demo edition's copy, read from the TOML files in copy/ (described in copy/README.md)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

COPY = Path(__file__).resolve().parent / "copy"
LANGUAGES = ("en", "ru")
COMMON = "common"  # the phrasing every story shares, beside the kinds of story


@dataclass(frozen=True)
class Country:
    key: str
    en: str
    ru: str
    ru_gen: str
    ru_in: str
    culture: str
    currency: str


@dataclass(frozen=True)
class City:
    key: str
    region: str
    flags: str
    en: str
    ru: str
    ru_gen: str
    ru_in: str
    country: Country


@dataclass(frozen=True)
class SectionCopy:
    slug: str
    names: dict[str, tuple[str, str]]  # language: (name, tagline)


@dataclass(frozen=True)
class AgencyCopy:
    code: str
    name: str
    name_ru: str
    home: str | None  # the region where it is credited most often; None: everywhere


def read(path: str) -> dict:
    """One copy file, by its path under copy/."""
    with (COPY / path).open("rb") as file:
        return tomllib.load(file)


def stories(language: str) -> dict[str, dict[str, list[str]]]:
    """The story templates of a language: kind (or "common"): key: options."""
    blocks: dict[str, dict[str, list[str]]] = {}
    for path in sorted((COPY / language).glob("*.toml")):
        for kind, block in read(f"{language}/{path.name}").items():
            if kind in blocks:
                raise ValueError(f"{language}/{path.name}: [{kind}] is defined twice")
            blocks[kind] = block
    return blocks


def _pairs(rows: list[list[str]]) -> list[tuple[str, str]]:
    return [(en, ru) for en, ru in rows]


_world, _site = read("world.toml"), read("site.toml")

COUNTRIES = {key: Country(key, c["en"], *c["ru"], c["culture"], c["currency"])
             for key, c in _world["countries"].items()}
CITIES = [City(key, c["region"], c["flags"], c["en"], *c["ru"], COUNTRIES[c["country"]])
          for key, c in _world["cities"].items()]
FAMILY_FIRST = set(_world["names"]["family_first"])
# culture: (male given names, female given names, surnames), each [(English, Russian)]
NAMES = {culture: (_pairs(n["male"]), _pairs(n["female"]), _pairs(n["surnames"]))
         for culture, n in _world["names"].items() if culture != "family_first"}
POOL = {pool: _pairs(rows) for pool, rows in _world["pools"].items()}
COMPANY_ENDINGS: dict[str, str] = _world["company_endings"]  # English: in Russian letters

SECTIONS = [SectionCopy(s["slug"], {lang: (s[lang]["name"], s[lang]["tagline"])
                                    for lang in LANGUAGES}) for s in _site["sections"]]
REGION_SECTION: dict[str, str] = _site["region_sections"]  # the rest go to "world"
AGENCIES = [AgencyCopy(a["code"], a["name"], a["name_ru"], a.get("home"))
            for a in _site["agencies"]]
TAGS = {key: (en, ru) for key, (en, ru) in _site["tags"].items()}  # key: English, Russian
CONTENT = {language: stories(language) for language in LANGUAGES}
