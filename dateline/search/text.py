"""Words as the index sees them: folded, stop words dropped, stemmed by the story's language.

The same functions turn a story into index terms and a reader's query into search terms, so
a search for «Москва» finds «в Москве» and "elections" finds "election". A reader's query is
parsed here, never handed to a search engine as typed: words, "quoted phrases" and trailing
`*` prefixes are kept; every other character is a separator.
"""

from __future__ import annotations

import html
import re
import threading
import zlib
from dataclasses import dataclass, field

import Stemmer

WORD = re.compile(r"[^\W_]+")
_QUERY_PART = re.compile(r'"([^"]*)"?|([^\W_]+)(\*?)')
_TAGS = re.compile(r"<[^>]*>")
_BLOCK_END = re.compile(r"</(p|h[2-4]|li|blockquote|figcaption|tr|caption)>|<br\s*/?>", re.I)

ALGORITHMS = {"en": "english", "ru": "russian"}
QUERY_MAX = 300  # characters; a longer query is refused with a message
TERMS_MAX = 12  # a query's words (phrases count their words) beyond this are dropped

# The Snowball stop word lists, the same PostgreSQL's english and russian configurations use.
STOP_WORDS = {
    "en": frozenset("""
        i me my myself we our ours ourselves you your yours yourself yourselves he him his
        himself she her hers herself it its itself they them their theirs themselves what which
        who whom this that these those am is are was were be been being have has had having do
        does did doing a an the and but if or because as until while of at by for with about
        against between into through during before after above below to from up down in out on
        off over under again further then once here there when where why how all any both each
        few more most other some such no nor not only own same so than too very s t can will
        just don should now""".split()),
    "ru": frozenset("""
        и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только
        ее мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни
        быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где
        есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж
        тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее
        сейчас были куда зачем всех никогда можно при наконец два об другой хоть после над
        больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою
        этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между""".split()),
}

_local = threading.local()  # a stemmer keeps a cache and is not safe to share across threads


def _stemmer(language: str) -> Stemmer.Stemmer:
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        stemmers[language] = Stemmer.Stemmer(ALGORITHMS.get(language, "english"), 20000)
    return stemmers[language]


def fold(word: str) -> str:
    return word.casefold().replace("ё", "е")


def stem(word: str, language: str) -> str | None:
    """The index term of one word, or None for a stop word."""
    folded = fold(word)
    if folded in STOP_WORDS.get(language, ()):
        return None
    return _stemmer(language).stemWord(folded)


def terms(text: str, language: str) -> list[str]:
    """The index terms of a text, in order, stop words left out."""
    stop = STOP_WORDS.get(language, frozenset())
    folded = [w for w in (fold(m) for m in WORD.findall(text)) if w not in stop]
    return _stemmer(language).stemWords(folded)


PAIR_BUCKETS = 1 << 20


def pairs(stems: list[str] | tuple[str, ...]) -> list[int]:
    """Each two neighbouring terms as a number: a phrase's stories hold all its pairs, so
    PostgreSQL's index of them narrows a phrase to its few stories before positions are
    checked. Built from our terms on both sides (story and query). A million numbers keep
    the index small (a story holds ~300 of them); a clash only lets a story through to
    that check."""
    return sorted({zlib.crc32(f"{a} {b}".encode()) % PAIR_BUCKETS
                   for a, b in zip(stems, stems[1:], strict=False)})


def plain_text(body_html: str) -> str:
    """A story's sanitized HTML as text: blocks on lines of their own, entities decoded."""
    text = _BLOCK_END.sub("\n", body_html)
    return html.unescape(_TAGS.sub(" ", text))


@dataclass(frozen=True)
class Part:
    """One searched thing: a word, a phrase (several words in order) or a prefix."""

    kind: str  # "word", "phrase", "prefix"
    words: tuple[str, ...]  # as typed, folded, stop words kept (a phrase's gaps count)
    stems: tuple[str, ...]  # index terms, stop words left out


@dataclass
class Query:
    """A reader's query, parsed: every part holds only word characters."""

    language: str
    parts: list[Part] = field(default_factory=list)
    problem: str = ""  # "empty", "too_long", "stop_words"

    @property
    def stems(self) -> set[str]:
        return {s for p in self.parts if p.kind != "prefix" for s in p.stems}

    @property
    def prefixes(self) -> set[str]:
        return {p.stems[0] for p in self.parts if p.kind == "prefix"}

    def __bool__(self) -> bool:
        return not self.problem


def parse(raw: str, language: str) -> Query:
    """Parse what a reader typed; a query that cannot be searched says why in .problem."""
    query = Query(language=language)
    raw = (raw or "").strip()
    if len(raw) > QUERY_MAX:
        query.problem = "too_long"
        return query
    budget, seen = TERMS_MAX, False
    for match in _QUERY_PART.finditer(raw):
        phrase, word, star = match.groups()
        found = WORD.findall(phrase) if phrase is not None else [word]
        found = [fold(w) for w in found[:budget]]
        if not found:
            continue
        seen, budget = True, budget - len(found)
        query.parts.extend(_part(found, bool(star), language))
        if budget <= 0:
            break
    if not query.parts:
        query.problem = "stop_words" if seen else "empty"
    return query


def _part(words: list[str], star: bool, language: str) -> list[Part]:
    if star:
        return [Part("prefix", (words[0],), (stem(words[0], language) or words[0],))]
    stems = tuple(s for s in (stem(w, language) for w in words) if s)
    if not stems:
        return []
    return [Part("phrase" if len(words) > 1 else "word", tuple(words), stems)]
