"""Writes to newsroom content. Every change readers can see goes through here and emits an event."""

from dateline.newsroom.actions.archive import Imported, NewStory, import_articles  # noqa: F401
from dateline.newsroom.actions.common import can_edit, require  # noqa: F401
from dateline.newsroom.actions.editing import (  # noqa: F401
    StaleVersion,
    autosave_article,
    restore_revision,
    save_article,
)
from dateline.newsroom.actions.images import upload_lead_image  # noqa: F401
from dateline.newsroom.actions.site import (  # noqa: F401
    delete_agency,
    delete_author,
    delete_section,
    delete_tag,
    save_agency,
    save_author,
    save_section,
    save_tag,
)
from dateline.newsroom.actions.workflow import (  # noqa: F401
    add_correction,
    publish_article,
    publish_due,
    return_to_draft,
    schedule_article,
    submit_for_review,
    unpublish_article,
)
