"""Each section's count of public stories, kept from now on (models/listings.py), filled
here from the stories already published."""

from django.db import migrations, models
from django.db.models.functions import Coalesce
from django.utils import timezone


def fill(apps, schema_editor):
    Article = apps.get_model("newsroom", "Article")
    Section = apps.get_model("newsroom", "Section")
    Section.objects.update(story_count=Coalesce(models.Subquery(
        Article.objects.filter(section=models.OuterRef("pk"), status="published",
                               published_at__lte=timezone.now())
        .order_by().values("section").annotate(n=models.Count("id")).values("n")[:1]), 0))


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0010_tag_listings'),
    ]

    operations = [
        migrations.AddField(
            model_name='section',
            name='story_count',
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop, elidable=True),
    ]
