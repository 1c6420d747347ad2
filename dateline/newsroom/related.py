"""Related stories: those sharing a story's rarer tags and its words.

Computed when a story is published or changed (a background job), kept as rows, read by the
story page in one query. Candidates are the newest public stories of the same edition that
share a tag, plus the newest of its section; each scores the rarity of the tags it shares
(idf) and the cosine of the stemmed words of headlines and leads. Words in common alone can
make a story related; a tag in common alone can too, if rare enough.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache

import Stemmer
from django.db import transaction
from django.db.models import Count

from dateline.newsroom.models import Article, RelatedStory, Tag

SHOWN = 4
PER_TAG = 100  # newest candidates taken per shared tag
PER_SECTION = 100
TEXT_WEIGHT = 3.0  # a story with the same words matters about as much as two rare tags
MIN_SCORE = 0.6
_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
_LANGUAGES = {"en": "english", "ru": "russian"}


@cache
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer(_LANGUAGES.get(language, "english"))


def words(text: str, language: str) -> Counter:
    """Stemmed words of text, counted: «Москве» and «Москва» are one word."""
    tokens = [w.lower().replace("ё", "е") for w in _WORD.findall(text)]
    return Counter(_stemmer(language).stemWords(tokens))


def _cosine(a: Counter, b: Counter) -> float:
    shared = sum(a[w] * b[w] for w in a.keys() & b.keys())
    if not shared:
        return 0.0
    return shared / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


def _text(article: Article) -> str:
    return f"{article.headline} {article.lead}"


def scored(article: Article) -> list[tuple[float, Article]]:
    """The best related stories for article, best first, with their scores."""
    tags = list(article.tags.all())
    public = (Article.objects.published().filter(language=article.language)
              .exclude(pk=article.pk).only("id", "headline", "lead", "published_at"))
    candidates = {a.pk: a for tag in tags
                  for a in public.filter(tags=tag).order_by("-published_at")[:PER_TAG]}
    candidates.update((a.pk, a) for a in public.filter(section_id=article.section_id)
                      .order_by("-published_at")[:PER_SECTION])
    if not candidates:
        return []
    total = Article.objects.published().filter(language=article.language).count()
    uses = dict(Tag.objects.filter(pk__in=[t.pk for t in tags])
                .annotate(n=Count("articles")).values_list("pk", "n"))
    idf = {pk: math.log((1 + total) / (1 + n)) for pk, n in uses.items()}
    shared: dict[int, list[int]] = {}
    through = Article.tags.through.objects.filter(article_id__in=list(candidates),
                                                  tag_id__in=list(idf))
    for article_id, tag_id in through.values_list("article_id", "tag_id"):
        shared.setdefault(article_id, []).append(tag_id)
    own = words(_text(article), article.language)
    results = []
    for pk, candidate in candidates.items():
        score = sum(idf[t] for t in shared.get(pk, ())) + TEXT_WEIGHT * _cosine(
            own, words(_text(candidate), article.language))
        if score >= MIN_SCORE:
            results.append((score, candidate))
    results.sort(key=lambda pair: (-pair[0], -pair[1].published_at.timestamp()))
    return results[:SHOWN]


@transaction.atomic
def refresh(article_id: int) -> int:
    """Compute and keep a story's related stories; the number kept. Run again, it gives the
    same rows: a retried job does nothing twice."""
    article = Article.objects.filter(pk=article_id).first()
    if article is None:
        return 0
    RelatedStory.objects.filter(article_id=article_id).delete()
    if not article.is_public:
        return 0
    rows = [RelatedStory(article=article, related=other, position=n, score=score)
            for n, (score, other) in enumerate(scored(article))]
    RelatedStory.objects.bulk_create(rows)
    return len(rows)
