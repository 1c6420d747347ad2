"""The two ways the index answers a query: SQLite FTS5 and PostgreSQL full-text search.

Both take a parsed Query (word characters only, see text.py) and the same filters. The
matches are read newest first and at most CANDIDATES of them (the fifty pages a reader can
turn): a word found in half the archive costs what a rarer one does. "Best match" orders
those candidates by relevance. Nothing a reader typed reaches SQL other than as a bound
parameter built from those words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import connection

from dateline.search.keys import LANGUAGE_BITS, after_key, first_key
from dateline.search.text import Query, pairs

CONFIGURATIONS = {"en": "english", "ru": "russian"}
CANDIDATES = 1000
RECENT = 8000  # PostgreSQL: the newest stories searched first (see postgres_search)


@dataclass
class Filters:
    language: str
    now: datetime
    section: str = ""  # slug
    tag: str = ""  # slug
    agency: str = ""  # code
    since: datetime | None = None  # inclusive
    until: datetime | None = None  # exclusive


@dataclass
class Matches:
    ids: list[int]  # the page's stories, in order
    count: int  # how many match, up to CANDIDATES
    more: bool  # more than CANDIDATES match


def _story_filters(filters: Filters) -> tuple[str, list]:
    sql, params = [], []
    if filters.section:
        sql.append(" AND d.section_id = (SELECT s.id FROM newsroom_section s "
                   "WHERE s.language = %s AND s.slug = %s)")
        params += [filters.language, filters.section]
    if filters.agency:
        sql.append(" AND d.agency_id = (SELECT g.id FROM newsroom_agency g WHERE g.code = %s)")
        params.append(filters.agency)
    if filters.tag:
        # the tag's id found once, then one probe of the (story, tag) index per story
        sql.append(" AND EXISTS (SELECT 1 FROM newsroom_article_tags at "
                   "WHERE at.article_id = d.article_id AND at.tag_id = (SELECT t.id FROM "
                   "newsroom_tag t WHERE t.language = %s AND t.slug = %s))")
        params += [filters.language, filters.tag]
    return "".join(sql), params


def fts5_match(query: Query) -> str:
    """The FTS5 expression: every part quoted, so no word is ever read as an operator."""
    out = []
    for part in query.parts:
        quoted = '"' + " ".join(part.stems) + '"'
        out.append(quoted + "*" if part.kind == "prefix" else quoted)
    return " ".join(out)


def sqlite_search(query: Query, filters: Filters, *, newest: bool, limit: int,
                  offset: int) -> Matches:
    match = fts5_match(query)
    until = min(filters.now, filters.until) if filters.until else filters.now
    low = first_key(filters.since) if filters.since else -(1 << 62)
    high = after_key(until) if until is filters.now else first_key(until)
    where, params = _story_filters(filters)
    # FTS5 walks its rowids (keys: time first) downwards and stops at the limit; for best
    # match it scores each candidate on the way (bm25 is only computed while FTS5 walks its
    # own rows), so a filter that thins the candidates out scores no more rows than it keeps
    score = "0" if newest else "bm25(search_fts, 4.0, 1.0)"
    rows = _fetch(
        f"SELECT d.article_id, {score} FROM search_fts "
        # each match's entry found by its key in an index that also holds what the filters
        # ask (SQLite would take the unique index on key and read the whole row)
        "JOIN search_document d INDEXED BY search_document_by_key ON d.key = search_fts.rowid "
        "WHERE search_fts MATCH %s AND search_fts.rowid >= %s AND search_fts.rowid < %s "
        f"AND (search_fts.rowid & 1) = %s AND d.published_at <= %s{where} "
        "ORDER BY search_fts.rowid DESC LIMIT %s",
        [match, low, high, LANGUAGE_BITS.get(filters.language, 0),
         connection.ops.adapt_datetimefield_value(filters.now), *params, CANDIDATES + 1])
    found = Matches(ids=[], count=min(len(rows), CANDIDATES), more=len(rows) > CANDIDATES)
    rows = rows[:CANDIDATES]
    if not newest:  # best (lowest) score first; the sort is stable: the newer of equals first
        rows.sort(key=lambda row: row[1])
    found.ids = [row[0] for row in rows[offset:offset + limit]]
    return found


def _tsquery(query: Query) -> tuple[str, list]:
    sql, params = [], []
    text = " ".join('"' + " ".join(p.words) + '"' if p.kind == "phrase" else p.words[0]
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


def postgres_search(query: Query, filters: Filters, *, newest: bool, limit: int,
                    offset: int) -> Matches:
    tsquery, q_params = _tsquery(query)
    ops = connection.ops
    where, params = _story_filters(filters)
    phrase_pairs = sorted({n for p in query.parts if p.kind == "phrase" for n in pairs(p.stems)})
    if phrase_pairs:  # only stories holding the phrases' neighbouring terms have positions checked
        where += " AND d.pairs @> %s::integer[]"
        params.append(phrase_pairs)
    for op, moment in ((">=", filters.since), ("<", filters.until)):
        if moment:
            where += f" AND d.published_at {op} %s"
            params.append(ops.adapt_datetimefield_value(moment))
    rows = _fetch(*_newest_matches(tsquery, q_params, where, params, filters))
    found = Matches(ids=[], count=min(len(rows), CANDIDATES), more=len(rows) > CANDIDATES)
    ids = [row[0] for row in rows[:CANDIDATES]]
    if newest or not ids:
        found.ids = ids[offset:offset + limit]
        return found
    ranked = _fetch(
        f"SELECT d.article_id FROM search_document d, (SELECT {tsquery} AS q) q "
        "WHERE d.article_id = ANY(%s) "
        "ORDER BY ts_rank_cd(d.vector, q.q) DESC, d.published_at DESC LIMIT %s OFFSET %s",
        [*q_params, ids, limit, offset])
    found.ids = [row[0] for row in ranked]
    return found


def _newest_matches(tsquery: str, q_params: list, where: str, params: list,
                    filters: Filters) -> tuple[str, list]:
    """The statement reading the newest CANDIDATES + 1 matches on PostgreSQL.

    In steps, in one statement: the matches among the edition's newest RECENT stories,
    then all of them, each step only if the one before found too few (a middle step of
    four times RECENT was measured: it cost rare words and filtered searches more than it
    saved). A step's time edge is read from a time index (the edition's, or
    its section's or agency's when the search is filtered so), and the GIN index with that
    time range leaves a few thousand rows to read: a common word no longer has every
    matching row read (the planner takes the words of one edition for half as common as
    they are, and chose that). The query is written out in each step, not shared, so the
    planner sees its words and their frequency.
    """
    now = connection.ops.adapt_datetimefield_value(filters.now)
    span, span_params = _story_filters(Filters(language=filters.language, now=filters.now,
                                               section=filters.section,
                                               agency=filters.agency))
    if not filters.section:  # a section is of one edition
        span, span_params = " AND d.language = %s" + span, [filters.language, *span_params]
    matches = (f"SELECT d.article_id, d.published_at FROM search_document d, "
               f"(SELECT {tsquery} AS q) q WHERE d.vector @@ q.q AND d.language = %s "
               f"AND d.published_at <= %s{where}")
    m_params = [*q_params, filters.language, now, *params]
    sql, out, steps = [], [], [RECENT]
    for n, offset in enumerate(steps):
        earlier = "".join(f" AND (SELECT count(*) FROM step{i}) <= %s" for i in range(n))
        sql.append(
            f"edge{n} AS (SELECT d.published_at FROM search_document d "
            f"WHERE d.published_at <= %s{span} ORDER BY d.published_at DESC OFFSET %s LIMIT 1),"
            f" step{n} AS MATERIALIZED ({matches} AND d.published_at >= COALESCE("
            f"(SELECT published_at FROM edge{n}), '-infinity'){earlier} "
            "ORDER BY d.published_at DESC, d.article_id DESC LIMIT %s)")
        out += [now, *span_params, offset, *m_params, *[CANDIDATES] * n, CANDIDATES + 1]
    picks = [f"SELECT article_id, published_at FROM step{n} WHERE (SELECT count(*) FROM "
             f"step{n}) > %s" for n in range(len(steps))]
    last = "".join(f" AND (SELECT count(*) FROM step{n}) <= %s" for n in range(len(steps)))
    statement = (f"WITH {', '.join(sql)} SELECT article_id FROM ("
                 f"{' UNION ALL '.join(picks)} UNION ALL {matches}{last}"
                 ") m ORDER BY published_at DESC, article_id DESC LIMIT %s")
    out += [CANDIDATES] * len(steps) + m_params + [CANDIDATES] * len(steps) + [CANDIDATES + 1]
    return statement, out


def _fetch(sql: str, params: list) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def search(query: Query, filters: Filters, *, newest: bool, limit: int, offset: int) -> Matches:
    """A page of matching story ids, best (or newest) first, and how many match."""
    run = sqlite_search if connection.vendor == "sqlite" else postgres_search
    return run(query, filters, newest=newest, limit=limit, offset=offset)
