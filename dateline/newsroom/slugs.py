"""Slugs the newsroom makes itself: Latin letters for every edition, unique in a language."""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.text import slugify

from dateline.newsroom.models import RESERVED_SLUGS

_DECIMAL = re.compile(r"(\d)[.,](\d)")
_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
})


def latin_slug(text: str, limit: int = 80, *, default: str = "story") -> str:
    """A Latin slug of at most limit characters, Cyrillic transliterated, cut at a hyphen."""
    text = _DECIMAL.sub(r"\1-\2", text.lower().translate(_TRANSLIT))  # 7.25% is not 725
    slug = slugify(text)
    if len(slug) > limit:
        words = slug[:limit + 1].split("-")[:-1]
        while len(words) > 1 and len(words[-1]) <= 2:  # no dangling "in", "v", "i"
            words.pop()
        slug = "-".join(words)
    return slug or default


def unique_slug(slug: str, taken: Callable[[str], bool]) -> str:
    """The slug, or with the first free counter suffix (slug-2, slug-3); never a reserved one."""
    candidate, n = slug, 1
    while candidate in RESERVED_SLUGS or taken(candidate):
        n += 1
        candidate = f"{slug}-{n}"
    return candidate
