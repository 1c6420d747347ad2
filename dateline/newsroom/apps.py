from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "dateline.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, post_delete, pre_delete

        from dateline.newsroom import tasks
        from dateline.newsroom.models import Article
        from dateline.newsroom.models.listings import story_deleted, story_gone, tags_changed
        from dateline.tasks import every

        # keep the tag pages' kept list and the kept counts in step; nothing else
        m2m_changed.connect(tags_changed, sender=Article.tags.through, dispatch_uid="tag_listings")
        pre_delete.connect(story_deleted, sender=Article, dispatch_uid="tag_listings")
        post_delete.connect(story_gone, sender=Article, dispatch_uid="section_counts")
        every(tasks.SWEEP_EVERY, tasks.publish_overdue)
