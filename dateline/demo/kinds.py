"""Kinds of story the demo desk files, and the invented facts each one carries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from random import Random
from typing import Any


@dataclass(frozen=True)
class Money:
    """An amount in millions of US dollars, shown in the country's currency."""

    musd: float


@dataclass(frozen=True)
class Score:
    """A result as pairs of numbers: one pair for a match, one per set for tennis."""

    parts: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Ordinal:
    """A rank such as a festival's 12th edition."""

    value: int


@dataclass(frozen=True)
class Ctx:
    """What a kind's facts may depend on: the chosen thing (-1: none) and the lead's gender."""

    thing: int
    gender: str


# Each kind's facts: numbers its copy quotes, drawn within plausible ranges.
Facts = Callable[[Random, Ctx], dict[str, Any]]


@dataclass(frozen=True)
class Kind:
    """A kind of story: where it can happen, its section and tags, and how its facts are drawn."""

    key: str
    section: str | None  # None: the section of the place's region
    tags: tuple[str, ...]
    facts: Facts
    regions: tuple[str, ...] = ("ru", "eu", "as", "am", "af", "me")
    place: str = ""  # a city flag the place needs: c capital, p port, n northern port, h talks
    org: tuple[str, ...] = ()  # company name endings; empty: no company
    pools: tuple[str, ...] = ()  # proper-noun pools the story draws from, "slot:pool" or "pool"
    second: str = ""  # "country" or "club": the story involves a second one
    people: str = "local"  # "any": people come from anywhere
    thing_tags: tuple[str, ...] = ()  # a tag for each of the kind's things
    gender: str = ""  # "m": a men's competition
    countries: frozenset[str] = frozenset()  # only these countries; empty: any
    skip: frozenset[str] = frozenset()  # never these countries
    avoid: str = ""  # city flags that rule a city out
    unfit: tuple[tuple[str, tuple[int, ...]], ...] = ()  # (city flag, things ruled out there)
    weight: float = 1.0


def dec(r: Random, lo: float, hi: float, places: int = 1) -> float:
    """A decimal between lo and hi."""
    return round(r.uniform(lo, hi), places)


def step(r: Random, lo: float, hi: float, by: float) -> float:
    """A multiple of by between lo and hi, as interest rates move in quarter points."""
    return round(r.randint(round(lo / by), round(hi / by)) * by, 2)


def _rail(r: Random, c: Ctx) -> dict[str, Any]:
    km = r.randint(*((6, 24), (9, 34), (22, 110), (12, 46))[c.thing])
    stations = max(3, km // r.randint(*((1, 2), (1, 2), (4, 9), (2, 4))[c.thing]))
    minutes = max(12, int(km * r.uniform(1.1, 2.2)))
    return {"km": km, "stations": stations, "minutes": minutes,
            "old_minutes": int(minutes * r.uniform(1.4, 2.2)), "interval": r.randint(4, 15),
            "contract": r.choice((10, 12, 15, 20, 25)), "years": r.randint(2, 7),
            "cost": Money(km * r.uniform(9, 40)), "riders": r.randint(8, 95) * 1000,
            "stations2": r.randint(3, 12)}


def _bridge(r: Random, c: Ctx) -> dict[str, Any]:
    return {"length": r.randint(38, 480) * 10, "lanes": r.choice((2, 4, 4, 6)),
            "cost": Money(r.uniform(60, 1400)), "vehicles": r.randint(18, 95) * 1000,
            "years": r.randint(2, 5), "workers": r.randint(30, 250) * 10,
            "minutes": r.randint(10, 45)}


def _weather(r: Random, c: Ctx) -> dict[str, Any]:
    return {"homes": r.randint(12, 1400) * 100, "flights": r.randint(12, 260),
            "hours": r.randint(8, 60), "crews": r.randint(40, 900), "years": r.randint(12, 60),
            "schools": r.randint(8, 240)}


def _city_plan(r: Random, c: Ctx) -> dict[str, Any]:
    total = r.randint(25, 61)
    return {"budget": Money(r.uniform(15, 600)), "hectares": r.randint(4, 120),
            "trees": r.randint(3, 140) * 100, "years": r.randint(3, 8), "total": total,
            "votes": r.randint(total // 2 + 1, total - 1), "homes": r.randint(4, 60) * 100,
            "hearings": r.randint(3, 14)}


def _vote(r: Random, c: Ctx) -> dict[str, Any]:
    first = dec(r, 41, 68)
    return {"pct1": first, "pct2": dec(r, 18, min(100 - first - 3, first - 4)),
            "turnout": dec(r, 31, 72), "candidates": r.randint(3, 9)}


def _talks(r: Random, c: Ctx) -> dict[str, Any]:
    return {"trade": Money(r.uniform(300, 40000)), "hours": r.randint(2, 6),
            "years": r.randint(3, 15), "rounds": r.randint(2, 8), "days": r.randint(1, 4),
            "experts": r.randint(12, 60)}


def _hospital(r: Random, c: Ctx) -> dict[str, Any]:
    beds = r.randint(8, 90) * 10
    return {"beds": beds, "doctors": max(30, int(beds * r.uniform(0.3, 0.9))),
            "cost": Money(r.uniform(20, 700)), "months": r.randint(18, 60),
            "patients": r.randint(8, 120) * 1000}


def _rates(r: Random, c: Ctx) -> dict[str, Any]:
    target = r.choice((2, 3, 4))
    low, high = {-1: (0.3, 3.0), 0: (1.5, 5.0), 1: (0.1, 1.2)}[c.thing]  # held, raised, cut
    inflation = dec(r, target + low, target + high)
    rate = step(r, inflation + 0.5, inflation + 4.5, 0.25)
    change = 0.0 if c.thing < 0 else step(r, 0.25, 1.0, 0.25)
    old = round(rate - change if c.thing == 0 else rate + change, 2)
    return {"rate": rate, "old": old, "change": change, "inflation": inflation,
            "target": target, "weeks": r.choice((6, 6, 8))}


def _earnings(r: Random, c: Ctx) -> dict[str, Any]:
    profit = r.uniform(20, 2400)
    return {"pct": dec(r, 3, 48), "profit": Money(profit),
            "revenue": Money(profit * r.uniform(6, 15)), "staff": r.randint(12, 300) * 100,
            "target": dec(r, 2, 9)}


def _factory(r: Random, c: Ctx) -> dict[str, Any]:
    return {"invest": Money(r.uniform(40, 1500)), "jobs": r.randint(15, 320) * 10,
            "months": r.randint(14, 40), "local": r.randint(30, 85)}


def _harvest(r: Random, c: Ctx) -> dict[str, Any]:
    return {"tonnes": dec(r, 0.6, 38), "pct": dec(r, 2, 24), "yield": dec(r, 1.8, 7.5),
            "export": r.randint(10, 60), "farms": r.randint(40, 900) * 10}


def _energy(r: Random, c: Ctx) -> dict[str, Any]:
    low, high = ((30, 600), (20, 800), (100, 1400), (20, 120), (200, 1400))[c.thing]
    mw = r.randint(low // 10, high // 10) * 10
    return {"mw": mw, "homes": mw * r.randint(5, 9) * 100, "cost": Money(mw * r.uniform(0.9, 2.2)),
            "months": r.randint(14, 48), "share": dec(r, 1.5, 12)}


def _vessel(r: Random, c: Ctx) -> dict[str, Any]:
    return {"days": r.randint(24, 160), "miles": r.randint(30, 240) * 100,
            "samples": r.randint(40, 1200) * 10, "scientists": r.randint(14, 80),
            "stations": r.randint(30, 260), "depth": r.randint(20, 480) * 10}


def _dig(r: Random, c: Ctx) -> dict[str, Any]:
    low, high = ((700, 1100), (3000, 4200), (600, 1200), (500, 900), (800, 2500),
                 (250, 450))[c.thing]
    return {"age": r.randint(low // 50, high // 50) * 50, "items": r.randint(40, 3200),
            "depth": dec(r, 1.2, 6), "area": r.randint(20, 400) * 10, "weeks": r.randint(3, 14),
            "students": r.randint(12, 90)}


def _cubesat(r: Random, c: Ctx) -> dict[str, Any]:
    return {"kg": dec(r, 2, 48), "altitude": r.randint(42, 62) * 10, "students": r.randint(15, 140),
            "months": r.randint(12, 60), "cost": Money(r.uniform(1.2, 9)),
            "passes": r.randint(3, 8)}


def _study(r: Random, c: Ctx) -> dict[str, Any]:
    return {"pct": r.randint(6, 38), "days": r.randint(9, 26), "sites": r.randint(12, 240),
            "years": r.randint(5, 30), "authors": r.randint(4, 30)}


def _product(r: Random, c: Ctx) -> dict[str, Any]:
    return {"funding": Money(r.uniform(3, 400)), "staff": r.randint(20, 900),
            "months": r.randint(8, 36), "clients": r.randint(3, 60), "pct": r.randint(12, 60)}


def _outage(r: Random, c: Ctx) -> dict[str, Any]:
    return {"hours": r.randint(2, 38), "users": r.randint(8, 1200) * 1000,
            "staff": r.randint(20, 140), "days": r.randint(3, 14)}


def _driverless(r: Random, c: Ctx) -> dict[str, Any]:
    return {"vehicles": r.randint(4, 80), "km": r.randint(3, 60),
            "trips": r.randint(9, 1200) * 100, "months": r.randint(3, 18),
            "incidents": r.randint(2, 9), "pct": r.randint(70, 97)}


def _drills(r: Random, c: Ctx) -> dict[str, Any]:
    return {"troops": r.randint(12, 180) * 100, "vehicles": r.randint(6, 90) * 10,
            "aircraft": r.randint(8, 90), "days": r.randint(3, 12), "ships": r.randint(4, 40)}


def _warship(r: Random, c: Ctx) -> dict[str, Any]:
    return {"length": r.randint(60, 160), "crew": r.randint(30, 220), "knots": r.randint(16, 32),
            "years": r.randint(2, 7), "tonnes": r.randint(9, 65) * 100}


def _match(r: Random, c: Ctx) -> dict[str, Any]:
    a = r.randint(2, 4) if c.thing == 0 else r.randint(2, 6)
    return {"score": Score(((a, r.randint(0, a - 1)),)), "goals": r.randint(2, min(3, a)),
            "round": r.randint(3, 30), "crowd": r.randint(25, 410) * 100,
            "points": r.randint(12, 70), "place": r.randint(1, 8)}


def _chess(r: Random, c: Ctx) -> dict[str, Any]:
    rounds = r.choice((7, 9, 9, 11, 13))
    points = r.randint(int(rounds * 1.3), int(rounds * 1.6)) / 2
    return {"rounds": rounds, "points": points, "second": points - r.choice((0.5, 1.0)),
            "players": r.randint(10, 140), "rating": str(r.randint(2500, 2760))}


def _marathon(r: Random, c: Ctx) -> dict[str, Any]:
    base = (2 * 3600 + 4 * 60) if c.gender == "m" else (2 * 3600 + 18 * 60)
    secs = base + r.randint(0, 11 * 60)
    clock = f"{secs // 3600}:{secs % 3600 // 60:02d}:{secs % 60:02d}"
    return {"time": clock, "runners": r.randint(40, 420) * 100, "margin": r.randint(3, 95),
            "km": r.randint(25, 36), "years": r.randint(8, 40)}


def _tennis(r: Random, c: Ctx) -> dict[str, Any]:
    sets: list[tuple[int, int]] = []
    for won in r.choice(((1, 1), (1, 0, 1), (0, 1, 1))):
        mine = r.choice((6, 6, 6, 7))
        theirs = r.randint(0, 4) if mine == 6 else r.choice((5, 6))
        sets.append((mine, theirs) if won else (theirs, mine))
    return {"score": Score(tuple(sets)), "hours": r.randint(1, 2), "minutes": r.randint(5, 58),
            "aces": r.randint(3, 19), "rank": r.randint(12, 140)}


def _film(r: Random, c: Ctx) -> dict[str, Any]:
    return {"films": r.randint(12, 28), "entries": r.randint(30, 240) * 10,
            "days": r.randint(6, 11), "edition": Ordinal(r.randint(5, 48)),
            "minutes": r.randint(84, 156)}


def _exhibition(r: Random, c: Ctx) -> dict[str, Any]:
    return {"works": r.randint(60, 420), "lenders": r.randint(4, 30),
            "visitors": r.randint(20, 300) * 1000, "months": r.randint(2, 6)}


def _premiere(r: Random, c: Ctx) -> dict[str, Any]:
    return {"performers": r.randint(60, 240), "minutes": r.randint(5, 20),
            "months": r.randint(2, 8), "shows": r.randint(6, 24),
            "year": str(r.randint(1958, 2009))}


def _restoration(r: Random, c: Ctx) -> dict[str, Any]:
    return {"built": str(r.randint(1790, 1935)), "years": r.randint(2, 9),
            "cost": Money(r.uniform(2, 90)), "craftsmen": r.randint(20, 300),
            "area": r.randint(8, 120) * 100}


_ABROAD = ("eu", "as", "am", "af", "me")
# Mayors are elected by popular vote there.
_VOTING = frozenset({"germany", "italy", "poland", "hungary", "greece", "turkey", "usa", "canada",
                     "mexico", "brazil", "argentina", "chile", "colombia", "korea", "japan",
                     "senegal"})
# Euro countries leave interest rates to the euro area's central bank.
_EURO = frozenset({"germany", "france", "austria", "italy", "spain", "portugal", "finland",
                   "netherlands", "greece"})
KINDS = [
    Kind("rail_line", None, ("railways", "transport", "infrastructure"), _rail,
         org=("Rail", "Transit", "Lines"), weight=2.4),
    Kind("bridge", None, ("infrastructure", "transport", "cities"), _bridge, weight=2.0),
    Kind("weather", None, ("weather", "climate", "cities"), _weather,
         unfit=(("w", (0, 4)),), weight=2.2),
    Kind("city_plan", None, ("cities", "infrastructure", "environment"), _city_plan, weight=1.8),
    Kind("local_vote", None, ("elections", "cities"), _vote, regions=_ABROAD, countries=_VOTING,
         weight=1.4),
    Kind("diplomacy", None, ("diplomacy", "trade"), _talks, place="c", second="country",
         weight=2.2),
    Kind("hospital", None, ("health", "cities"), _hospital, weight=1.6),
    Kind("cb_hold", "economy", ("central-banks", "inflation", "markets"), _rates, place="c",
         pools=("bank",), skip=_EURO),
    Kind("cb_move", "economy", ("central-banks", "inflation", "markets"), _rates, place="c",
         pools=("bank",), skip=_EURO),
    Kind("earnings", "economy", ("companies", "markets"), _earnings, pools=("bank",),
         org=("Logistics", "Foods", "Mining", "Motors", "Holdings", "Retail"), weight=1.4),
    Kind("factory", "economy", ("industry", "jobs", "companies"), _factory,
         org=("Industries", "Group", "Manufacturing")),
    Kind("harvest", "economy", ("agriculture", "trade"), _harvest, pools=("bank",), avoid="a"),
    Kind("energy_plant", "economy", ("energy", "climate", "industry"), _energy,
         org=("Energy", "Power", "Renewables"), unfit=(("d", (2,)),)),
    Kind("vessel", "science", ("arctic", "oceans", "research"), _vessel, place="n",
         regions=("ru", "eu", "am"), pools=("ship", "inst:inst_sea"), weight=1.2),
    Kind("dig", "science", ("archaeology", "heritage", "research"), _dig, pools=("inst:inst_dig",),
         weight=1.2),
    Kind("cubesat", "science", ("space", "education", "research"), _cubesat,
         pools=("inst:inst_space",)),
    Kind("study", "science", ("research", "climate", "environment"), _study,
         pools=("inst:inst_eco",)),
    Kind("product", "technology", ("ai", "startups", "companies"), _product, pools=("bank",),
         org=("Labs", "Systems", "Robotics", "Technologies"), weight=1.4),
    Kind("outage", "technology", ("cybersecurity", "cities"), _outage, weight=1.4),
    Kind("driverless", "technology", ("robotics", "transport", "ai"), _driverless,
         org=("Mobility", "Robotics", "Autonomy"), weight=1.2),
    Kind("drills", "defense", ("exercises",), _drills, weight=1.2),
    Kind("warship", "defense", ("navy", "shipbuilding"), _warship, place="p",
         pools=("warship",), weight=1.2),
    Kind("arms_talks", "defense", ("arms-control", "diplomacy"), _talks, place="h",
         second="country", weight=1.2),
    Kind("league_match", "sport", (), _match, regions=("ru",), second="club", gender="m",
         thing_tags=("football", "hockey"), weight=1.6),
    Kind("chess", "sport", ("chess",), _chess, people="any", weight=1.0),
    Kind("marathon", "sport", ("athletics", "running"), _marathon, people="any", weight=1.0),
    Kind("tennis", "sport", ("tennis",), _tennis, people="any", weight=1.0),
    Kind("film_fest", "culture", ("cinema", "festivals"), _film, pools=("title",), weight=1.2),
    Kind("exhibition", "culture", ("museums", "art"), _exhibition, pools=("title",), weight=1.2),
    Kind("premiere", "culture", ("theatre", "music"), _premiere, pools=("opera",)),
    Kind("restoration", "culture", ("heritage", "tourism", "museums"), _restoration,
         weight=1.2),
]
KIND_BY_KEY = {kind.key: kind for kind in KINDS}
