"""The two ways the index answers a query: SQLite FTS5 and PostgreSQL full-text search.

Both take a parsed Query (word characters only, see text.py) and the same filters, and give
back a page of story ids with the number of all matches, in one statement. Nothing a reader
typed reaches SQL other than as a bound parameter built from those words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from dateline.search.text import Query

CONFIGURATIONS = {"en": "english", "ru": "russian"}


@dataclass
class Filters:
    language: str
    now: datetime
    section: str = ""  # slug
    tag: str = ""  # slug
    agency: str = ""  # code
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive


def _where(filters: Filters) -> tuple[str, list]:
    ops = connection.ops
    sql = ["d.language = %s", "d.published_at <= %s"]
    params: list = [filters.language, ops.adapt_datetimefield_value(filters.now)]
    if filters.section:
        sql.append("d.section_id = (SELECT s.id FROM newsroom_section s "
                   "WHERE s.language = %s AND s.slug = %s)")
        params += [filters.language, filters.section]
    if filters.agency:
        sql.append("d.agency_id = (SELECT g.id FROM newsroom_agency g WHERE g.code = %s)")
        params.append(filters.agency)
    if filters.tag:
        sql.append("EXISTS (SELECT 1 FROM newsroom_article_tags at "
                   "JOIN newsroom_tag t ON t.id = at.tag_id WHERE at.article_id = d.article_id "
                   "AND t.language = %s AND t.slug = %s)")
        params += [filters.language, filters.tag]
    if filters.since:
        sql.append("d.published_at >= %s")
        params.append(ops.adapt_datetimefield_value(filters.since))
    if filters.until:
        sql.append("d.published_at < %s")
        params.append(ops.adapt_datetimefield_value(filters.until))
    return " AND ".join(sql), params


def fts5_match(query: Query) -> str:
    """The FTS5 expression: every part quoted, so no word is ever read as an operator."""
    out = []
    for part in query.parts:
        quoted = '"' + " ".join(part.stems) + '"'
        out.append(quoted + "*" if part.kind == "prefix" else quoted)
    return " ".join(out)


def sqlite_search(query: Query, filters: Filters, *, newest: bool, limit: int,
                  offset: int) -> tuple[list[int], int | None]:
    where, params = _where(filters)
    order = ("d.published_at DESC, d.article_id DESC" if newest
             else "m.rank, d.published_at DESC")
    # bm25() only works where FTS5 scans: the matches are ranked first, then filtered
    sql = (f"WITH m AS MATERIALIZED (SELECT rowid AS id, bm25(search_fts, 4.0, 1.0) AS rank "
           f"FROM search_fts WHERE search_fts MATCH %s) "
           f"SELECT d.article_id, count(*) OVER () FROM m "
           f"JOIN search_document d ON d.article_id = m.id "
           f"WHERE {where} ORDER BY {order} LIMIT %s OFFSET %s")
    return _run(sql, [fts5_match(query), *params, limit, offset])


def _tsquery(query: Query) -> tuple[str, list]:
    sql, params = [], []
    text = " ".join(_websearch(p.words) if p.kind == "phrase" else p.words[0]
                    for p in query.parts if p.kind != "prefix" and p.words != ("or",))
    if text:
        sql.append("websearch_to_tsquery(%s::regconfig, %s)")
        params += [CONFIGURATIONS.get(query.language, "english"), text]
    for part in query.parts:
        if part.kind == "prefix":
            # our stem of the prefix, matched against the start of the stored lexemes
            sql.append("to_tsquery('simple', %s)")
            params.append(f"'{part.stems[0]}':*")
    return " && ".join(sql), params


def _websearch(words: tuple[str, ...]) -> str:
    return '"' + " ".join(words) + '"'


def postgres_search(query: Query, filters: Filters, *, newest: bool, limit: int,
                    offset: int) -> tuple[list[int], int | None]:
    tsquery, q_params = _tsquery(query)
    where, params = _where(filters)
    order = ("d.published_at DESC, d.article_id DESC" if newest
             else "ts_rank_cd(d.vector, q.q) DESC, d.published_at DESC")
    sql = (f"SELECT d.article_id, count(*) OVER () FROM search_document d, "
           f"(SELECT {tsquery} AS q) q WHERE d.vector @@ q.q AND {where} "
           f"ORDER BY {order} LIMIT %s OFFSET %s")
    return _run(sql, [*q_params, *params, limit, offset])


def _run(sql: str, params: list) -> tuple[list[int], int | None]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    # past the last page there are no rows to carry the total: the caller counts again
    return [row[0] for row in rows], (rows[0][1] if rows else None)


def search(query: Query, filters: Filters, *, newest: bool, limit: int,
           offset: int) -> tuple[list[int], int | None]:
    """A page of matching story ids, best (or newest) first, and how many match in all."""
    run = sqlite_search if connection.vendor == "sqlite" else postgres_search
    return run(query, filters, newest=newest, limit=limit, offset=offset)
