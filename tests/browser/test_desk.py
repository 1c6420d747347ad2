"""The newsroom desk in a real browser: a story from the reporter's draft to the reader."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import BrowserContext, Page, expect

from dateline.newsroom.models import Agency, Article, Correction, Section

pytestmark = pytest.mark.browser

PASSWORD = "desk-pass-2026"
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
HEADLINE = "Night trams return to the river quarter"
PARAGRAPHS = [
    "The city brought back the night trams after a two-year pause.",
    "Trams will run every twenty minutes from midnight until five.",
    "Residents had campaigned for the service since the depot closed.",
]
LEAD = "Night trams are back after two years."
STALE = "Someone saved this story after you opened it"


def log_in(context: BrowserContext, user: User) -> Page:
    """Sign in through the admin's own login form; the page is left on the admin index."""
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    return page


def type_paragraphs(page: Page, paragraphs: list[str]) -> None:
    """Type into the body editor as a person does, Enter twice between paragraphs."""
    editor = page.locator("trix-editor")
    editor.click()
    for number, paragraph in enumerate(paragraphs):
        for _ in range(2 if number else 0):
            breaks = editor.locator("br").count()
            page.keyboard.press("Enter")
            # a key typed before the editor has drawn the new line lands before it
            expect(editor.locator("br")).not_to_have_count(breaks)
        page.keyboard.type(paragraph)


def change_url(article: Article) -> str:
    return f"/admin/newsroom/article/{article.pk}/change/"


def body_paragraphs(page: Page):
    return page.locator("article[data-story] .story-body > p:not(.dateline)")


def test_reporter_writes_a_story_and_submits_it_for_review(
        new_context: Callable[..., BrowserContext], live_server, section: Section,
        agency: Agency, reporter: User) -> None:
    # given a reporter writing a new story on the desk
    context = new_context()
    desk = log_in(context, reporter)
    desk.goto("/admin/newsroom/article/add/")
    headline = desk.get_by_label("Headline:", exact=True)
    headline.fill(HEADLINE)
    headline.blur()
    slug = desk.get_by_label("Slug:", exact=True)
    expect(slug).to_have_value("night-trams-return-to-the-river-quarter")
    slug.fill("night-trams")
    desk.get_by_label("Section:", exact=True).select_option(label="World (en)")
    desk.get_by_label("Language:", exact=True).select_option(label="English")
    desk.get_by_label("Lead:", exact=True).fill(LEAD)
    desk.get_by_label("Dateline place:", exact=True).fill("Lisbon")
    desk.get_by_label("Agency:", exact=True).select_option(label=agency.name)
    expect(desk.locator("trix-editor")).to_be_visible()
    type_paragraphs(desk, PARAGRAPHS)

    # when they save it
    desk.get_by_role("button", name="Save and continue editing").click()

    # then it is their draft
    expect(desk.locator(".messagelist")).to_contain_text("was added successfully")
    expect(desk.locator(".desk-badge")).to_have_text("Draft")
    story = Article.objects.get(slug="night-trams")
    assert (story.status, story.author) == (Article.Status.DRAFT, reporter)

    # when they submit it for review
    desk.get_by_role("button", name="Submit for review").click()

    # then the desk shows it in review
    expect(desk.locator(".messagelist")).to_contain_text("Submitted for review.")
    expect(desk.locator(".desk-badge")).to_have_text("In review")
    expect(desk.get_by_role("button", name="Submit for review")).to_have_count(0)

    # and its preview has the paragraphs as they were typed
    with context.expect_page() as opened:
        desk.get_by_role("link", name="Preview").click()
    preview = opened.value
    expect(preview).to_have_url(f"{live_server}/preview/{story.pk}/")
    expect(preview.locator("h1")).to_have_text(HEADLINE)
    expect(body_paragraphs(preview)).to_have_text(PARAGRAPHS)


@pytest.fixture
def in_review(section: Section, make_article, reporter: User) -> Article:
    """The reporter's story as the desk stores it once submitted."""
    return make_article(section, headline=HEADLINE, slug="night-trams", lead=LEAD,
                        body="".join(f"<p>{p}</p>" for p in PARAGRAPHS),
                        status=Article.Status.REVIEW, published_at=None, author=reporter)


def test_editor_publishes_from_the_review_queue_and_readers_follow_the_story(
        new_context: Callable[..., BrowserContext], live_server, in_review: Article,
        editor: User) -> None:
    # given a reader who has the World section open, and an editor at the review queue
    story = in_review
    public_url = live_server.url + "/en/world/night-trams/"
    reader_context = new_context()
    reader = reader_context.new_page()
    reader.goto("/en/world/")
    expect(reader.locator("main .story-list")).to_have_text("No stories here yet.")
    editor_context = new_context()
    desk = log_in(editor_context, editor)
    desk.goto("/admin/newsroom/article/?desk=review")

    # when the editor opens the story from the queue and previews it
    desk.locator("#result_list").get_by_role("link", name=HEADLINE).click()
    expect(desk.locator(".desk-badge")).to_have_text("In review")
    with editor_context.expect_page() as opened:
        desk.get_by_role("link", name="Preview").click()
    preview = opened.value

    # then the story reads as it will on the site, under a banner saying it is not public
    expect(preview).to_have_url(f"{live_server}/preview/{story.pk}/")
    expect(preview.locator(".preview-banner")).to_have_text(
        "Preview — this story is not public (In review).")
    expect(preview.locator("h1")).to_have_text(HEADLINE)
    expect(preview.locator("article[data-story] .lead")).to_have_text(LEAD)
    expect(body_paragraphs(preview)).to_have_text(PARAGRAPHS)
    # and a reader trying its address in another tab finds nothing yet
    response = reader_context.new_page().goto(public_url)
    assert response is not None and response.status == 404

    # when the editor publishes it
    preview.close()
    desk.get_by_role("button", name="Publish now").click()

    # then the reader finds it in the section and the Newsfeed once they reload
    expect(desk.locator(".messagelist")).to_contain_text("Published.")
    expect(desk.locator(".desk-badge")).to_have_text("Published")
    reader.reload()
    expect(reader.locator("main .story-list .story-title")).to_have_text([HEADLINE])
    expect(reader.locator("aside.newsfeed li[data-id] a")).to_have_text([HEADLINE])

    # when they open it
    reader.locator("main").get_by_role("link", name=HEADLINE).click()

    # then they read the story, without the preview banner
    expect(reader).to_have_url(public_url)
    expect(reader.locator("h1")).to_have_text(HEADLINE)
    expect(body_paragraphs(reader)).to_have_text(PARAGRAPHS)
    expect(reader.locator(".preview-banner")).to_have_count(0)
    published = timezone.localtime(Article.objects.get(pk=story.pk).published_at)
    expect(reader.locator(".dateline-text")).to_have_text(
        f"LISBON, {MONTHS[published.month - 1]} {published.day} (Meridian Wire) -")
    expect(reader.locator(".corrections")).to_have_count(0)

    # when the editor adds a correction
    note = "An earlier version gave the wrong start time of the service."
    desk.get_by_label("Add a correction or update readers will see").fill(note)
    desk.get_by_role("button", name="Add correction").click()
    expect(desk.locator(".messagelist")).to_contain_text("Correction added.")

    # then the reader sees it, with its time, once they reload the story
    reader.reload()
    at = timezone.localtime(Correction.objects.get(article=story).created_at)
    expect(reader.locator(".corrections .correction")).to_have_text(
        f"Updated {at:%H:%M}: {note}")

    # when the editor changes the story's slug
    desk.get_by_label("Slug:", exact=True).fill("night-trams-return")
    desk.get_by_role("button", name="Save and continue editing").click()
    expect(desk.locator(".messagelist")).to_contain_text("was changed successfully")

    # then the old address leads readers to the new one, permanently
    # (a new reader: the first one's browser may keep the old page for its max-age)
    follower = new_context().new_page()
    response = follower.goto(public_url)
    assert response is not None and response.ok
    hop = response.request.redirected_from
    assert hop is not None and hop.response().status == 301
    expect(follower).to_have_url(live_server.url + "/en/world/night-trams-return/")
    expect(follower.locator("h1")).to_have_text(HEADLINE)
    expect(follower.locator(".corrections .correction")).to_contain_text(note)


def test_reporter_cannot_publish_their_draft_by_posting_to_the_desk(
        new_context: Callable[..., BrowserContext], live_server, reporter: User,
        draft: Article) -> None:
    # given a reporter signed in to the desk with a draft of their own
    context = new_context()
    page = log_in(context, reporter)
    page.goto(change_url(draft))
    expect(page.get_by_role("button", name="Publish now")).to_have_count(0)
    token = next(c["value"] for c in context.cookies() if c["name"] == "csrftoken")

    # when they post the publish action themselves
    response = page.request.post(
        f"/admin/newsroom/article/{draft.pk}/do/publish/", form={"csrfmiddlewaretoken": token},
        headers={"X-CSRFToken": token, "Referer": f"{live_server.url}/admin/"},
        max_redirects=0)

    # then they are refused, and the draft stays a draft
    assert response.status == 403
    assert "You do not have permission" in response.text()
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT
    response = new_context().new_page().goto(draft.get_absolute_url())
    assert response is not None and response.status == 404


def test_second_editor_saving_a_stale_form_does_not_overwrite_the_first(
        new_context: Callable[..., BrowserContext], story: Article, editor: User,
        chief: User) -> None:
    # given two editors with the same story's form open
    first = log_in(new_context(), editor)
    second = log_in(new_context(), chief)
    first.goto(change_url(story))
    second.goto(change_url(story))
    original_lead = story.lead
    new_headline = "Harbour night ferry starts on Monday"

    # when the first changes the headline and saves
    first.get_by_label("Headline:", exact=True).fill(new_headline)
    first.get_by_role("button", name="Save", exact=True).click()
    expect(first.locator(".messagelist")).to_contain_text("was changed successfully")

    # and the second then changes the lead and saves
    second.get_by_label("Lead:", exact=True).fill("A lead written on the stale form.")
    second.get_by_role("button", name="Save", exact=True).click()

    # then the second is told why their save was refused
    expect(second.locator("#article_form .errorlist.nonfield")).to_have_text(
        re.compile(f"^{STALE}"))

    # and the story has the first editor's headline with its original lead
    second.goto(change_url(story))
    expect(second.get_by_label("Headline:", exact=True)).to_have_value(new_headline)
    expect(second.get_by_label("Lead:", exact=True)).to_have_value(original_lead)
    story.refresh_from_db()
    assert (story.headline, story.lead) == (new_headline, original_lead)
