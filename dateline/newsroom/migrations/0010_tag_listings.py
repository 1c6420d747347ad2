"""The tag pages' kept list: each published story's time under each of its tags, and each
tag's count of them, filled here from the stories already published."""

import django.db.models.deletion
from django.db import migrations, models


# the same statements on SQLite and PostgreSQL
FILL = """
INSERT INTO newsroom_taglisting (tag_id, article_id, published_at)
SELECT link.tag_id, link.article_id, story.published_at
FROM newsroom_article_tags link JOIN newsroom_article story ON story.id = link.article_id
WHERE story.status = 'published' AND story.published_at IS NOT NULL
"""
COUNT = """
UPDATE newsroom_tag SET story_count = (
    SELECT COUNT(*) FROM newsroom_taglisting WHERE newsroom_taglisting.tag_id = newsroom_tag.id)
"""


class Migration(migrations.Migration):

    dependencies = [
        ('newsroom', '0009_related'),
    ]

    operations = [
        migrations.AddField(
            model_name='tag',
            name='story_count',
            field=models.PositiveIntegerField(default=0, editable=False),
        ),
        migrations.CreateModel(
            name='TagListing',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('published_at', models.DateTimeField()),
                ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='tag_listings', to='newsroom.article')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='newsroom.tag')),
            ],
            options={
                'default_permissions': (),
                'indexes': [models.Index(fields=['tag', '-published_at', '-article'], name='tag_latest')],
                'constraints': [models.UniqueConstraint(fields=('tag', 'article'), name='listed_once')],
            },
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop, elidable=True),
        migrations.RunSQL(COUNT, migrations.RunSQL.noop, elidable=True),
    ]
