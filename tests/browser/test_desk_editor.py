"""The desk's story editor on a phone, a tablet and a desktop: the body fills its column, the
word count and autosave state are in sight, and a preview is one click away."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import BrowserContext, expect

from dateline.newsroom.models import Article, Section
from tests.browser.test_desk import body_paragraphs, change_url, log_in

pytestmark = pytest.mark.browser

WIDTHS = {"phone": {"width": 390, "height": 844}, "tablet": {"width": 820, "height": 1180},
          "desktop": {"width": 1440, "height": 900}}


@pytest.mark.parametrize("screen", list(WIDTHS))
def test_the_body_fills_its_column_and_shows_words_saves_and_a_preview(
        screen: str, new_context: Callable[..., BrowserContext], live_server, draft: Article,
        section: Section, reporter: User) -> None:
    # given a reporter with their draft open on the desk
    context = new_context(viewport=WIDTHS[screen])
    desk = log_in(context, reporter)
    desk.goto(change_url(draft))
    editor = desk.locator("trix-editor")
    expect(editor).to_be_visible()

    # then the editor and its toolbar span the body's column, which is most of the form's
    row = desk.locator(".form-row.field-body")
    row_box, editor_box = row.bounding_box(), editor.bounding_box()
    toolbar_box = desk.locator("trix-toolbar").bounding_box()
    column = desk.locator(".field-body .flex-container").bounding_box()
    assert editor_box["width"] == pytest.approx(column["width"], abs=1)
    assert toolbar_box["width"] == pytest.approx(column["width"], abs=1)
    assert editor_box["width"] >= 0.85 * row_box["width"]
    assert editor_box["y"] > toolbar_box["y"]  # below its toolbar, not beside it
    status = desk.locator("[data-editor-status]")
    expect(status.locator("[data-word-count]")).to_have_text("Words: 11")

    # when they add a paragraph at the end
    editor.click()
    desk.keyboard.press("Control+End")
    for _ in range(2):
        breaks = editor.locator("br").count()
        desk.keyboard.press("Enter")
        expect(editor.locator("br")).not_to_have_count(breaks)
    desk.keyboard.type("Trams will stop at the ferry pier too.")

    # then the count follows and the unsaved change shows
    expect(status.locator("[data-word-count]")).to_have_text("Words: 19")
    expect(status.get_by_role("status")).to_have_text("Unsaved changes")

    # when they ask for a preview
    with context.expect_page() as opened:
        status.get_by_role("button", name="Preview").click()

    # then what they typed was saved first and the preview shows it
    preview = opened.value
    expect(preview).to_have_url(f"{live_server}/preview/{draft.pk}/")
    expect(body_paragraphs(preview).last).to_have_text("Trams will stop at the ferry pier too.")
    expect(status.get_by_role("status")).to_contain_text("Saved at")
    assert "ferry pier" in Article.objects.get(pk=draft.pk).body
