"""Bylines become authors: each name in a story's byline becomes (or joins) an author record,
named in both languages where a story and its translation name the same people in order."""

import re

from django.db import migrations

from dateline.newsroom.slugs import latin_slug, unique_slug

SPLIT = re.compile(r"\s*[,;]\s*|\s+(?:and|и|&)\s+")
BATCH = 2000


def names(byline: str) -> list[str]:
    return [name for name in SPLIT.split(byline.strip()) if name]


def forwards(apps, schema_editor):
    Article = apps.get_model("newsroom", "Article")
    Author = apps.get_model("newsroom", "Author")
    Byline = apps.get_model("newsroom", "Byline")
    known = {}  # a name, in either language -> its author
    slugs = set(Author.objects.values_list("slug", flat=True))

    def author(name: str, *, ru: str = "") -> object:
        found = known.get(name) or (known.get(ru) if ru else None)
        if found is None:
            slug = unique_slug(latin_slug(name, 100, default="author"), slugs.__contains__)
            slugs.add(slug)
            found = Author.objects.create(name=name, name_ru=ru, slug=slug)
        elif ru and not found.name_ru:
            found.name_ru = ru
            found.save(update_fields=["name_ru"])
        known[name] = found
        if ru:
            known[ru] = found
        return found

    rows = []
    # English first: a Russian translation's names join the English records in order
    stories = (Article.objects.exclude(byline="").select_related("translation")
               .order_by("language", "id"))
    for story in stories.iterator(chunk_size=BATCH):
        own = names(story.byline)
        partner = story.translation
        paired = names(partner.byline) if partner is not None else []
        if len(paired) != len(own):
            paired = [""] * len(own)
        for position, (name, other) in enumerate(zip(own, paired, strict=True)):
            if story.language == "ru":
                found = known.get(name) or author(name, ru=name)
            else:
                found = author(name, ru=other if partner and partner.language == "ru" else "")
            rows.append(Byline(article_id=story.pk, author_id=found.pk, position=position))
        if len(rows) >= BATCH:
            Byline.objects.bulk_create(rows, ignore_conflicts=True)
            rows = []
    Byline.objects.bulk_create(rows, ignore_conflicts=True)
    Article.objects.filter(pk__in=Byline.objects.values("article_id")).update(byline="")


def backwards(apps, schema_editor):
    Article = apps.get_model("newsroom", "Article")
    Byline = apps.get_model("newsroom", "Byline")
    lines: dict[int, list[str]] = {}
    for byline in Byline.objects.select_related("author", "article").order_by(
            "article_id", "position"):
        ru = byline.article.language == "ru" and byline.author.name_ru
        lines.setdefault(byline.article_id, []).append(ru or byline.author.name)
    for pk, people in lines.items():
        Article.objects.filter(pk=pk).update(byline=", ".join(people)[:200])


class Migration(migrations.Migration):
    dependencies = [("newsroom", "0007_authors")]
    operations = [migrations.RunPython(forwards, backwards)]
