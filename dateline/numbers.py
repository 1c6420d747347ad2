"""Numbers a request carries (ids, pages, "after" marks): ASCII digits within bounds, or none.

`str.isdigit()` also says yes to "²" and "①", which int() then refuses, and a 30-digit id
overflows the database's integers: every number from outside goes through here instead.
"""

from __future__ import annotations

from django.urls import register_converter

MAX_ID = 2**63 - 1  # the largest id a database row can have


def parse(text: object, *, low: int = 0, high: int = MAX_ID) -> int | None:
    """The number text spells in ASCII digits, if it lies in [low, high]; else None."""
    if not isinstance(text, str) or not text or len(text) > 19:
        return None
    if not (text.isascii() and text.isdigit()):
        return None
    value = int(text)
    return value if low <= value <= high else None


class IdConverter:
    """<id:pk> in URLs: a row id; anything else is no match (a 404), never an overflow."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = parse(value, low=1)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value: int) -> str:
        return str(value)


register_converter(IdConverter, "id")
