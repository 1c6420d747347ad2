from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "dateline.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from dateline import events
        from dateline.newsroom.desk import search as desk_search
        from dateline.search import index, selectors

        # before the page cache and the live pages hear of it: what they fetch is findable
        events.listen(events.ArticleEvent, index.follow, order=-10)
        events.listen(events.SiteChanged, index.follow_import, order=-10)
        desk_search.use(selectors.desk_matches)
