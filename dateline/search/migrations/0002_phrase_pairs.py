"""PostgreSQL: phrases narrowed by an index of neighbouring terms, vectors kept in the row.

A phrase of common words ("выборы в москве") matched nearly every story by its words, and
PostgreSQL checked the positions of each: `pairs` holds each two neighbouring terms of a
story as a number (GIN index), so only the stories holding the phrase's pairs are checked.
The vector is kept in its row (STORAGE MAIN) rather than in TOAST, so checking or ranking a
story reads one page; the plain text, needed only for the page's excerpts, goes to TOAST.
Existing entries get their pairs here; SQLite keeps positions in FTS5 and needs none of it,
but gets an index that answers the walk's filters without reading the entry's row.
"""

from django.db import migrations

BATCH = 500
SQLITE_BY_KEY = ("CREATE INDEX search_document_by_key ON search_document "
                 "(key, article_id, section_id, agency_id, published_at)")


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        # the FTS5 walk finds each match's entry by its key: this index answers a section or
        # agency filter and the story's id without reading the row (its text is large)
        schema_editor.execute(SQLITE_BY_KEY)
        return
    if schema_editor.connection.vendor != "postgresql":
        return
    from dateline.search.index import story_pairs

    run = schema_editor.execute
    run("ALTER TABLE search_document ADD COLUMN pairs integer[] NOT NULL DEFAULT '{}'")
    run("ALTER TABLE search_document ALTER COLUMN vector SET STORAGE MAIN")
    Document = apps.get_model("search", "Document")
    rows = Document.objects.select_related("article").only(
        "pk", "language", "text", "article__headline").order_by("pk")
    after = 0
    with schema_editor.connection.cursor() as cursor:
        while batch := list(rows.filter(pk__gt=after)[:BATCH]):
            # vector || '' writes the vector afresh: into the row, as MAIN now asks
            cursor.executemany(
                "UPDATE search_document SET pairs = %s, vector = vector || ''::tsvector "
                "WHERE article_id = %s",
                [(story_pairs(d.article.headline, d.text, d.language), d.pk) for d in batch])
            after = batch[-1].pk
    run("CREATE INDEX search_document_pairs ON search_document USING gin (pairs)")


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP INDEX IF EXISTS search_document_by_key")
        return
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS search_document_pairs")
    schema_editor.execute("ALTER TABLE search_document DROP COLUMN IF EXISTS pairs")
    schema_editor.execute("ALTER TABLE search_document ALTER COLUMN vector SET STORAGE EXTENDED")


class Migration(migrations.Migration):

    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forward, backward)]
