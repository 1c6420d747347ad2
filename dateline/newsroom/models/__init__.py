"""The newsroom's tables: content (what readers see) and the desk's records around it."""

from dateline.newsroom.models.authors import Author, Byline  # noqa: F401
from dateline.newsroom.models.content import (  # noqa: F401
    LANGUAGE_CHOICES,
    RESERVED_SLUGS,
    Agency,
    Article,
    ArticleQuerySet,
    Section,
    Tag,
    validate_not_reserved,
)
from dateline.newsroom.models.desk import (  # noqa: F401
    ArticleRedirect,
    AuditEntry,
    Correction,
    Revision,
)
from dateline.newsroom.models.images import LeadImage  # noqa: F401
from dateline.newsroom.models.listings import TagListing  # noqa: F401
from dateline.newsroom.models.related import RelatedStory  # noqa: F401
