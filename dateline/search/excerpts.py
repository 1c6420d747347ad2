"""Highlighted excerpts: the words of a story that matched, marked in its own text.

Built here for both databases from the stored plain text, so the marks fall on the word
forms the story uses («Москве» for a search for «Москва») and every character of the story
is escaped before any mark is added.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from dateline.search.text import fold, stem

LENGTH = 240  # characters of story around the best match
SCAN = 20000  # a long story is searched for its matches this far in


class Matcher:
    """Finds the words of a story that the query searched for.

    Stemming every word of every excerpt would cost more than the search itself, so a
    regular expression first finds the words that begin like a searched stem (Snowball
    stems are the start of the word, save a last letter such as "happi" for "happy"), and
    only those are stemmed to confirm.
    """

    def __init__(self, stems: set[str], prefixes: set[str], language: str) -> None:
        self.stems, self.prefixes, self.language = stems, tuple(prefixes), language
        starts = {s[:-1] if len(s) > 3 else s for s in stems} | set(prefixes)
        alternatives = "|".join(sorted((_pattern(s) for s in starts), key=len, reverse=True))
        self.candidates = re.compile(rf"(?<![^\W_])(?:{alternatives})[^\W_]*",
                                     re.IGNORECASE) if starts else None

    def spans(self, text: str) -> list[tuple[int, int]]:
        if self.candidates is None:
            return []
        return [m.span() for m in self.candidates.finditer(text) if self(m.group())]

    def __call__(self, word: str) -> bool:
        if self.prefixes and fold(word).startswith(self.prefixes):
            return True
        return stem(word, self.language) in self.stems


def _pattern(start: str) -> str:
    return "".join("[её]" if c == "е" else re.escape(c) for c in start)


def excerpt(text: str, matcher: Matcher) -> SafeString:
    """About LENGTH characters of text around its densest run of matches, matches marked."""
    text = text[:SCAN]
    spans = matcher.spans(text)
    start = _best_start(spans) if spans else 0
    if start:
        # begin on a word of its own, a little before the first match
        start = max(0, start - LENGTH // 4)
        while start and not text[start - 1].isspace():
            start -= 1
    end = min(len(text), start + LENGTH)
    while end < len(text) and not text[end].isspace() and end - start < LENGTH + 30:
        end += 1
    inside = [(a, b) for a, b in spans if a >= start and b <= end]
    html = _marked(text, start, end, inside)
    return mark_safe(("… " if start else "") + html + (" …" if end < len(text) else ""))  # noqa: S308


def marked(text: str, matcher: Matcher) -> SafeString:
    """All of a short text (a headline), its matches marked."""
    return mark_safe(_marked(text, 0, len(text), matcher.spans(text)))  # noqa: S308


def _best_start(spans: list[tuple[int, int]]) -> int:
    best, best_count, j = spans[0][0], 0, 0
    for i, (a, _b) in enumerate(spans):
        while spans[j][0] < a - LENGTH // 2:
            j += 1
        if i - j + 1 > best_count:
            best, best_count = spans[j][0], i - j + 1
    return best


def _marked(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """text[start:end] escaped, with <mark> around the spans; reader text is only escaped."""
    out, at = [], start
    for a, b in spans:
        out.append(escape(text[at:a]))
        out.append(f"<mark>{escape(text[a:b])}</mark>")
        at = b
    out.append(escape(text[at:end]))
    return "".join(out).replace("\n", " ")
