"""The desk's story search: the search app lends its matcher here in AppConfig.ready(), so
the story list finds word forms (and stories by their text) without the newsroom knowing it.
"""

from __future__ import annotations

from collections.abc import Callable

# (what the editor typed, language or "") -> ids of public stories that match, best first
Matcher = Callable[[str, str], list[int]]
_matchers: list[Matcher] = []


def use(matcher: Matcher) -> None:
    if matcher not in _matchers:
        _matchers.append(matcher)


def matching(text: str, language: str = "") -> list[int]:
    """Ids of public stories the search index finds for text (none without a search app)."""
    return [pk for matcher in _matchers for pk in matcher(text, language)]
