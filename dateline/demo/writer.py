"""Writes an invented event up as a story in English or Russian, from the copy files."""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from html import escape  # Django's own adds a lazy-string wrapper: a tenth of the writing time
from typing import Any

from dateline.demo.copybook import COMMON, CONTENT, POOL, City, Country
from dateline.demo.kinds import Kind, Money, Ordinal, Score

GENDERS = "mfnp"
# "an 8-km line", "an 11-day trial", "an 18,000-seat arena": numbers read with a vowel first
_AN = re.compile(r"\b([Aa]) (?=8|1[18](?:,\d{3})*(?![\d,]))")
_BAR = re.compile(r"\|(?![^{]*\})")  # a bar between a thing's forms, not inside {n:a|b}


@dataclass(frozen=True)
class Person:
    """Someone in a story: full name and surname in each language, and "m" or "f"."""

    en: str
    ru: str
    en_last: str
    ru_last: str
    gender: str


@dataclass(frozen=True)
class Event:
    """One invented happening, told the same way in every language it runs in."""

    kind: Kind
    city: City
    country: Country
    country2: Country | None
    city2: City | None
    people: tuple[Person, Person]
    org: tuple[str, str] | None
    pools: dict[str, tuple[str, int]]
    thing: int
    facts: dict[str, Any]
    seed: int


def mix(seed: int, salt: str, n: int) -> int:
    """A stable choice in range(n) for a given seed and purpose, equal in every language."""
    h = ((seed ^ zlib.crc32(salt.encode())) * 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
    return (h ^ (h >> 31)) % n


class _Ent:
    """A name or thing in one language: its forms by case, and a gender to agree with."""

    __slots__ = ("forms", "gender")

    def __init__(self, forms: dict[str, str], gender: int = 0) -> None:
        self.forms = forms
        self.gender = gender

    def __format__(self, spec: str) -> str:
        if "|" in spec:  # words that agree with it, e.g. {p1:he|she} or {thing:открылся|открылась}
            options = spec.split("|")
            return options[min(self.gender, len(options) - 1)]
        if spec not in self.forms:  # a typo in the copy fails loudly, in the tests
            raise ValueError(f"no form {spec!r} of {self.forms['']!r}")
        return self.forms[spec]


class _Num:
    """A number written the way the language writes it; {n:station|stations} adds the noun."""

    __slots__ = ("lang", "value")

    def __init__(self, value: float, lang: str) -> None:
        self.value = value
        self.lang = lang

    def __format__(self, spec: str) -> str:
        text = number(self.value, self.lang)
        return f"{text} {plural(self.value, spec.split('|'))}" if spec else text


def number(value: float, lang: str) -> str:
    """12,400 and 7.25 in English; 12 400 and 7,25 in Russian."""
    if isinstance(value, float) and not value.is_integer():
        text = f"{value:,.2f}".rstrip("0")
    else:
        text = f"{int(value):,}"
    if lang == "ru":  # 12 400 with a narrow no-break space, 4500 as is, 7,25
        text = text.replace(",", "\u202f" if abs(value) >= 10000 else "").replace(".", ",")
    return text


def plural(value: float, forms: list[str]) -> str:
    """English takes two forms (one|many), Russian three (один|два|пять) and maybe a fourth.

    A Russian fraction takes the second form (2,5 тонны) unless a fourth is given: after a
    genitive verb the few-form is "тонн" but a fraction still reads "2,5 тонны".
    """
    if len(forms) == 2:
        return forms[0] if value == 1 else forms[1]
    if not float(value).is_integer():
        return forms[3] if len(forms) > 3 else forms[1]
    n = int(value) % 100
    if 11 <= n <= 14:
        return forms[2]
    return forms[0] if n % 10 == 1 else forms[1] if 2 <= n % 10 <= 4 else forms[2]


_CURRENCY = {"usd": (1.0, "dollars", "долларов"), "eur": (0.92, "euros", "евро"),
             "rub": (90.0, "roubles", "рублей")}


def money(amount: Money, currency: str, lang: str) -> str:
    """An amount in the country's currency, rounded as a reporter would: "$1.4 billion"."""
    rate, en_word, ru_word = _CURRENCY[currency]
    value, scale = amount.musd * rate, 0  # millions, billions, trillions
    while value >= 1000 and scale < 2:
        value, scale = value / 1000, scale + 1
    if value >= 100 and not scale:
        value = round(value, -1)
    else:
        value = round(value, 0 if value >= 10 else 1)
    text = number(float(value), lang)
    if lang == "ru":
        return f"{text} {('млн', 'млрд', 'трлн')[scale]} {ru_word}"
    unit = ("million", "billion", "trillion")[scale]
    return f"${text} {unit}" if currency == "usd" else f"{text} {unit} {en_word}"


def _fact(value: Any, currency: str, lang: str) -> Any:
    """A fact as a template slot in lang."""
    if isinstance(value, Money):
        return money(value, currency, lang)
    if isinstance(value, Score):
        sep = "-" if lang == "en" else ":"
        return ", ".join(f"{a}{sep}{b}" for a, b in value.parts)
    if isinstance(value, Ordinal):
        if lang == "ru":
            return f"{value.value}-й"
        n = value.value
        suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
        return f"{n}{suffix}"
    return value if isinstance(value, str) else _Num(value, lang)


def _proper(pool: str, text: str, lang: str, city: City) -> _Ent:
    """A proper noun from a pool; Russian quotes names in «», English quotes titles."""
    if lang == "en":
        if pool == "club":
            return _Ent({"": f"{text} {city.en}", "short": text})
        return _Ent({"": f"“{text}”" if pool in ("title", "opera") else text})
    nom, _, gen = text.partition("/")
    if pool == "club":
        return _Ent({"": f"«{nom}» ({city.ru})", "short": f"«{nom}»"})
    if pool.startswith("inst"):
        return _Ent({"": nom, "gen": gen})
    return _Ent({"": f"«{nom}»"})


def _slots(event: Event, lang: str) -> dict[str, Any]:
    """Everything the event's templates may name, in lang."""
    en = lang == "en"

    def place(c: City) -> _Ent:
        if en:
            return _Ent({"": c.en, "in": f"in {c.en}"})
        return _Ent({"": c.ru, "gen": c.ru_gen, "in": c.ru_in})

    def nation(c: Country) -> _Ent:
        if en:
            return _Ent({"": c.en, "in": f"in {c.en}"})
        return _Ent({"": c.ru, "gen": c.ru_gen, "in": c.ru_in})

    def person(p: Person) -> _Ent:
        forms = {"": p.en, "last": p.en_last} if en else {"": p.ru, "last": p.ru_last}
        return _Ent(forms, GENDERS.index(p.gender))

    slots: dict[str, Any] = {"city": place(event.city), "country": nation(event.country),
                             "p1": person(event.people[0]), "p2": person(event.people[1])}
    if event.city2:
        slots["city2"] = place(event.city2)
    if event.country2:
        slots["country2"] = nation(event.country2)
    if event.org:
        slots["org"] = event.org[0 if en else 1]
    for slot, (pool, index) in event.pools.items():
        city = event.city2 if slot == "club2" and event.city2 else event.city
        slots[slot] = _proper(pool, POOL[pool][index][0 if en else 1], lang, city)
    for key, value in event.facts.items():
        slots[key] = _fact(value, event.country.currency, lang)
    return slots


def _cap(text: str) -> str:
    """Capitalise the first letter only: a role may open a sentence."""
    return text[:1].upper() + text[1:]


def _p(text: str) -> str:
    """A paragraph, its text escaped."""
    return f"<p>{escape(_cap(text))}</p>"


def write(event: Event, lang: str) -> tuple[str, str, str]:
    """Headline, lead and HTML body of the event's story in lang."""
    text, generic, seed = CONTENT[lang][event.kind.key], CONTENT[lang][COMMON], event.seed
    slots = _slots(event, lang)

    def pick(block: dict[str, list[str]], key: str) -> str:
        options = block[key]
        return options[mix(seed, key, len(options))]

    def fill(block: dict[str, list[str]], key: str) -> str:
        return pick(block, key).format_map(slots)

    if event.thing >= 0:
        forms = [form.strip().format_map(slots) for form in _BAR.split(text["t"][event.thing])]
        gender = GENDERS.index(forms.pop()) if forms[-1] in ("m", "f", "n", "p") else 0
        slots["thing"] = _Ent(dict(zip(("", "1", "2", "3"), forms, strict=False)), gender)
    slots["role1"] = fill(text, "r1")
    role2, _, quote2 = pick(text, "q2").partition("||")
    slots["role2"] = role2.strip().format_map(slots)
    headline, lead = _cap(fill(text, "h")), _cap(fill(text, "l"))

    def quoting(key: str, who: str, quote: str) -> str:
        quote = quote.strip().format_map(slots)
        cut = quote[:-1] + ("," if lang == "en" else "")
        role = slots["role" + who[1]]
        if lang == "ru" and "," in role:  # "медбрат, проработавший тут 20 лет, Иван Петров"
            role += ","
        slots.update(p=slots[who], role=role, q=quote, qc=cut)
        return fill(generic, key)

    body = [_p(fill(text, "p1")), _p(fill(text, "p2"))]
    extra = mix(seed, "shape", 20)  # 0-3: a pulled-out quote, 4-8: a subhead, else neither
    if extra < 4:
        body.append(_p(quoting("qb", "p1", pick(text, "q"))))
        pulled = f"“{slots['q']}”" if lang == "en" else f"«{slots['qc']}»"
        body.append(f"<blockquote>{escape(pulled)}</blockquote>")
    else:
        body.append(_p(quoting("qa", "p1", pick(text, "q"))))
    if mix(seed, "second", 10) < 6:
        body.append(_p(quoting("qa", "p2", quote2)))
    body.append(_p(fill(text, "c")))
    if mix(seed, "outlook", 4) < 3:
        if 4 <= extra < 9:
            body.append(f"<h2>{escape(fill(generic, 'nx'))}</h2>")
        body.append(_p(fill(text, "o")))
    if mix(seed, "closer", 3) == 0:
        body.append(_p(fill(generic, "cl")))
    if lang == "en":
        return _AN.sub(r"\1n ", headline), _AN.sub(r"\1n ", lead), _AN.sub(r"\1n ", "\n".join(body))
    return headline, lead, "\n".join(body)
