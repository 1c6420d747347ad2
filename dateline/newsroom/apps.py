from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "dateline.newsroom"
    label = "newsroom"
    verbose_name = _("Newsroom")

    def ready(self) -> None:
        from django.db.models.signals import m2m_changed, pre_delete

        from dateline.newsroom import tasks
        from dateline.newsroom.models import Article
        from dateline.newsroom.models.listings import story_deleted, tags_changed
        from dateline.tasks import every

        # keeps the tag pages' kept list in step with the links; nothing else
        m2m_changed.connect(tags_changed, sender=Article.tags.through, dispatch_uid="tag_listings")
        pre_delete.connect(story_deleted, sender=Article, dispatch_uid="tag_listings")
        every(tasks.SWEEP_EVERY, tasks.publish_overdue)
