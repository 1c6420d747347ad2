"""The demo desk: plans an edition of invented events from a seed, oldest story first."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from random import Random

from dateline.demo.copybook import (
    AGENCIES,
    CITIES,
    COMPANY_ENDINGS,
    CONTENT,
    COUNTRIES,
    FAMILY_FIRST,
    NAMES,
    POOL,
    REGION_SECTION,
    City,
)
from dateline.demo.kinds import KIND_BY_KEY, KINDS, Ctx, Kind
from dateline.demo.writer import Event, Person, mix, write

DAYS_BACK = 182
PAIR_SHARE = 0.081  # of events; each pair is two stories, so about 15% of stories are paired
DRAFT_SHARE = 0.024  # of unpaired stories, so about 2% of all
# Where each edition's own stories happen: the Russian one covers Russia more.
REGION_BIAS = {
    "en": {"ru": 18, "eu": 26, "as": 22, "am": 14, "af": 8, "me": 12},
    "ru": {"ru": 42, "eu": 20, "as": 16, "am": 8, "af": 5, "me": 9},
}


@dataclass
class Story:
    """A story ready to be saved (the newsroom gives it its slug)."""

    language: str
    headline: str
    lead: str
    body: str
    place: str
    section: str
    tags: list[str]
    agency: str | None
    byline: str
    published_at: datetime | None
    created_at: datetime
    pair: int | None = None
    authors: tuple[tuple[Person, str], ...] = ()  # our correspondents and their bureaus


@dataclass
class _Plan:
    event: Event
    languages: tuple[str, ...]
    minutes_ago: int
    lag: int
    draft: bool
    agency: str | None
    byline: tuple[Person, ...]
    tags: list[str]
    pair: int | None = None
    order: int = 0


def _person(r: Random, culture: str, gender: str | None = None) -> Person:
    """An invented name from a culture's given names and surnames."""
    gender = gender or ("f" if r.random() < 0.45 else "m")
    given = r.choice(NAMES[culture][0 if gender == "m" else 1])
    en_last, ru_last = r.choice(NAMES[culture][2])
    if gender == "f" and ru_last.endswith(("ов", "ев", "ин")):
        en_last, ru_last = en_last + "a", ru_last + "а"
    elif gender == "f" and ru_last.endswith("ский"):
        en_last, ru_last = en_last[:-1] + "aya", ru_last[:-2] + "ая"
    if culture in FAMILY_FIRST:
        return Person(f"{en_last} {given[0]}", f"{ru_last} {given[1]}", en_last, ru_last, gender)
    return Person(f"{given[0]} {en_last}", f"{given[1]} {ru_last}", en_last, ru_last, gender)


def _cities_by_region() -> dict[tuple[str, str], list[City]]:
    """Cities by (region, flag); the flag "" lists them all."""
    index: dict[tuple[str, str], list[City]] = {}
    for city in CITIES:
        for flag in ("", *city.flags):
            index.setdefault((city.region, flag), []).append(city)
    return index


_BY_REGION = _cities_by_region()
_CULTURES = sorted({country.culture for country in COUNTRIES.values()})


@cache
def _places(key: str) -> dict[str, list[City]]:
    """The cities a kind of story can happen in, by region; regions without any left out."""
    kind = KIND_BY_KEY[key]
    places = {g: [c for c in _BY_REGION.get((g, kind.place), ())
                  if (not kind.countries or c.country.key in kind.countries)
                  and c.country.key not in kind.skip
                  and not set(kind.avoid) & set(c.flags)] for g in kind.regions}
    return {g: cities for g, cities in places.items() if cities}


def _event(r: Random, kind: Kind, language: str) -> Event:
    """An event of a kind: where, who, which company or thing, and its facts."""
    bias = REGION_BIAS[language]
    places = _places(kind.key)
    regions = list(places)
    region = r.choices(regions, [bias[g] for g in regions])[0]
    city = r.choice(places[region])
    country, country2, city2 = city.country, None, None
    others = [c for c in COUNTRIES.values() if c is not city.country]
    if kind.second == "country":
        if kind.place == "h":  # talks between two countries on neutral ground
            country = r.choice(others)
            others = [c for c in others if c is not country]
        country2 = r.choice(others)
    elif kind.second == "club":
        city2 = r.choice([c for c in _BY_REGION[region, ""] if c is not city])
    cultures = (r.choice(_CULTURES), r.choice(_CULTURES)) if kind.people == "any" else (
        country.culture, (country2 or country).culture)
    first = _person(r, cultures[0], kind.gender or None)
    # rivals in a race or a final compete in the same category; no namesakes in one story
    second = first  # drawn at least once
    while second.en_last == first.en_last or second.en.split()[0] == first.en.split()[0]:
        second = _person(r, cultures[1],
                         first.gender if kind.people == "any" else kind.gender or None)
    things = len(CONTENT["en"][kind.key].get("t", ()))
    thing = r.randrange(things) if things else -1
    unfit = {t for flag, ruled_out in kind.unfit if flag in city.flags for t in ruled_out}
    if thing in unfit:  # no snow in Dubai, no river dam in the desert
        thing = r.choice([i for i in range(things) if i not in unfit])
    org = None
    if kind.org:
        brand = r.choice(POOL["brand"])
        suffix = r.choice(kind.org)
        org = (f"{brand[0]} {suffix}", f"«{brand[1]} {COMPANY_ENDINGS[suffix]}»")
    pools: dict[str, tuple[str, int]] = {}  # slot: (pool, index)
    for entry in kind.pools:
        slot, _, pool = entry.partition(":")
        pools[slot] = (pool or slot, r.randrange(len(POOL[pool or slot])))
    if kind.second == "club":
        first_club, second_club = r.sample(range(len(POOL["club"])), 2)
        pools["club1"], pools["club2"] = ("club", first_club), ("club", second_club)
    return Event(kind, city, country, country2, city2, (first, second), org,
                 pools, thing, kind.facts(r, Ctx(thing, first.gender)), r.getrandbits(48))


def _staff(r: Random) -> dict[str, list[Person]]:
    """The newsroom's correspondents, a few per bureau."""
    bureaus: dict[str, list[Person]] = {}
    for region in ("ru", "eu", "as", "am", "af", "me"):
        cultures = ["ru"] if region == "ru" else ["ru", "ru", "en", "eu", "no"]
        size = 6 if region == "ru" else 4
        bureaus[region] = [_person(r, r.choice(cultures)) for _ in range(size)]
    return bureaus


def _agency(r: Random, region: str) -> str:
    """A wire credit, most often the agency at home in the region."""
    home = [agency.code for agency in AGENCIES if agency.home == region]
    return home[0] if home and r.random() < 0.6 else r.choice(AGENCIES).code


def _plans(count: int, seed: int) -> list[_Plan]:
    """Events, languages, times and credits for count stories, oldest first."""
    r = Random(seed)
    staff = _staff(r)
    cum_weights: list[float] = []
    for kind in KINDS:
        cum_weights.append((cum_weights[-1] if cum_weights else 0.0) + kind.weight)
    plans: list[_Plan] = []
    left, pairs = count, 0
    while left > 0:
        paired = left >= 2 and r.random() < PAIR_SHARE
        first = "en" if r.random() < 0.5 else "ru"
        languages = (first, "ru" if first == "en" else "en") if paired else (first,)
        kind = r.choices(KINDS, cum_weights=cum_weights)[0]
        event = _event(r, kind, first)
        base = ([kind.thing_tags[event.thing]] if kind.thing_tags else []) + list(kind.tags)
        size = min(len(base), r.choice((1, 2, 2, 3)))
        tags = base[:1] + r.sample(base[1:], size - 1)
        roll = r.random()
        agency = _agency(r, event.city.region) if roll < 0.4 or roll >= 0.75 else None
        byline: tuple[Person, ...] = ()
        if roll >= 0.4:
            byline = tuple(r.sample(staff[event.city.region], 2 if r.random() < 0.1 else 1))
        plans.append(_Plan(event, languages, r.randint(1, DAYS_BACK * 1440), r.randint(4, 90),
                           not paired and r.random() < DRAFT_SHARE, agency, byline, tags,
                           pairs if paired else None, len(plans)))
        pairs += paired
        left -= len(languages)
    plans.sort(key=lambda plan: (-plan.minutes_ago, plan.order))  # oldest first
    return plans


def edition(count: int, seed: int, now: datetime) -> Iterator[Story]:
    """The seed's edition of count stories, oldest first, timed back from now."""
    now = now.replace(second=0, microsecond=0)
    for plan in _plans(count, seed):
        event = plan.event
        section = event.kind.section or REGION_SECTION.get(event.city.region, "world")
        for i, lang in enumerate(plan.languages):
            headline, lead, body = write(event, lang)
            ago = max(0, plan.minutes_ago - (plan.lag if i else 0))
            moment = now - timedelta(minutes=ago)
            names = [p.en if lang == "en" else p.ru for p in plan.byline]
            yield Story(
                language=lang, headline=headline, lead=lead, body=body,
                place=event.city.en if lang == "en" else event.city.ru, section=section,
                tags=plan.tags, agency=plan.agency,
                byline=(" and " if lang == "en" else " и ").join(names),
                authors=tuple((person, event.city.region) for person in plan.byline),
                published_at=None if plan.draft else moment,
                created_at=moment - timedelta(minutes=5 + mix(event.seed, "created", 60)),
                pair=plan.pair,
            )
