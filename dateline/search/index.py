"""Writes to the search index: one story when the desk acts, the missing ones after an
import, everything on `dateline reindex`.

Every write is an upsert by story id computed from the story as it is now, so hearing an
event twice (several processes hear each one) or late changes nothing: the second process
finds the entry already at the story's version and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.db import connection, transaction

from dateline.events import ArticleEvent, SiteChanged
from dateline.newsroom.models import Article
from dateline.search.keys import key_of
from dateline.search.models import Document
from dateline.search.text import pairs, plain_text, terms

BATCH = 500
CONFIGURATIONS = {"en": "english", "ru": "russian"}
_FIELDS = ("id", "headline", "lead", "body", "language", "section_id", "agency_id",
           "published_at", "version", "status")


def follow(event: ArticleEvent) -> None:
    """Bring one story's entry up to date after the desk published, edited or withdrew it."""
    article = Article.objects.only(*_FIELDS).filter(pk=event.article_id).first()
    if article is None or article.status != Article.Status.PUBLISHED:
        remove([event.article_id])
        return
    stored = Document.objects.filter(pk=article.pk).values_list(
        "version", "published_at", "section_id", "agency_id").first()
    if stored == (article.version, article.published_at, article.section_id, article.agency_id):
        return  # already written (by the process that acted, or an earlier hearing)
    write([article])


def follow_import(event: SiteChanged) -> None:
    """Stories imported in bulk are told of once: index those not yet in the index."""
    if event.kind == "articles":
        index_missing()


def index_missing(*, progress: Callable[[int], object] | None = None) -> int:
    """Index every public story that has no entry yet; returns how many were written."""
    rows = Article.objects.filter(status=Article.Status.PUBLISHED, search_document__isnull=True)
    return _in_batches(rows, progress)


def reindex(*, progress: Callable[[int], object] | None = None) -> int:
    """Rewrite every public story's entry, and drop entries of stories no longer public.
    Search keeps answering meanwhile: entries are replaced, never emptied first."""
    written = _in_batches(Article.objects.filter(status=Article.Status.PUBLISHED), progress)
    gone = list(Document.objects.exclude(article__status=Article.Status.PUBLISHED)
                .values_list("pk", flat=True))
    remove(gone)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM search_fts WHERE rowid NOT IN "
                           "(SELECT key FROM search_document)")
            cursor.execute("INSERT INTO search_fts(search_fts) VALUES ('optimize')")
        else:
            cursor.execute("ANALYZE search_document")
    return written


def _in_batches(rows, progress: Callable[[int], object] | None) -> int:
    written, after = 0, 0
    rows = rows.only(*_FIELDS).order_by("pk")
    while batch := list(rows.filter(pk__gt=after)[:BATCH]):
        write(batch)
        written += len(batch)
        after = batch[-1].pk
        if progress:
            progress(len(batch))
    return written


@transaction.atomic
def write(articles: Iterable[Article]) -> None:
    """Upsert the entries of these public stories."""
    entries = [Document(article_id=a.pk, language=a.language, section_id=a.section_id,
                        agency_id=a.agency_id, published_at=a.published_at, version=a.version,
                        key=key_of(a.pk, a.language, a.published_at),
                        text=f"{a.lead}\n{plain_text(a.body)}") for a in articles]
    if not entries:
        return
    old_keys = list(Document.objects.filter(pk__in=[e.pk for e in entries])
                    .values_list("key", flat=True))
    Document.objects.bulk_create(
        entries, update_conflicts=True, unique_fields=["article"],
        update_fields=["language", "section_id", "agency_id", "published_at", "version", "key",
                       "text"])
    headlines = {a.pk: a.headline for a in articles}
    if connection.vendor == "sqlite":
        _write_fts(entries, headlines, old_keys)
    else:
        _write_vectors(entries, headlines)


def _write_fts(entries: list[Document], headlines: dict[int, str], old_keys: list[int]) -> None:
    rows = [(e.key, " ".join(terms(headlines[e.pk], e.language)),
             " ".join(terms(e.text, e.language))) for e in entries]
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM search_fts WHERE rowid = %s",
                           [(k,) for k in {*old_keys, *(r[0] for r in rows)}])
        cursor.executemany("INSERT INTO search_fts(rowid, headline, body) VALUES (%s, %s, %s)",
                           rows)


def _write_vectors(entries: list[Document], headlines: dict[int, str]) -> None:
    # PostgreSQL's own stemmer does not fold ё; folding it here matches the query's folding
    rows = [(CONFIGURATIONS.get(e.language, "english"), _yo(headlines[e.pk]), _yo(e.text),
             story_pairs(headlines[e.pk], e.text, e.language), e.pk) for e in entries]
    with connection.cursor() as cursor:
        cursor.executemany(
            "UPDATE search_document SET vector = setweight(to_tsvector(c.cfg, %s), 'A') "
            "|| to_tsvector(c.cfg, %s), pairs = %s FROM (SELECT %s::regconfig AS cfg) c "
            "WHERE article_id = %s",
            [(h, t, p, cfg, pk) for cfg, h, t, p, pk in rows])


def story_pairs(headline: str, text: str, language: str) -> list[int]:
    """The neighbouring terms of a story, headline then text (as its vector runs on)."""
    return pairs(terms(headline, language) + terms(text, language))


def _yo(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


@transaction.atomic
def remove(article_ids: list[int]) -> None:
    """Take these stories out of the index (no error if they were not in it)."""
    if not article_ids:
        return
    entries = Document.objects.filter(pk__in=article_ids)
    keys = list(entries.values_list("key", flat=True))
    entries.delete()
    if connection.vendor == "sqlite" and keys:
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM search_fts WHERE rowid = %s", [(k,) for k in keys])
