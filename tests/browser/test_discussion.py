"""The discussion under a story in a real browser: readers comment, reply, like, get moderated."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import APIResponse, BrowserContext, Locator, Page, expect

from dateline.discussion import actions
from dateline.discussion.models import Comment
from dateline.newsroom.models import Article

pytestmark = pytest.mark.browser

PASSWORD = "reader-pass-2026"
DESK_PASSWORD = "desk-pass-2026"
SHARED_MAX_AGE_MS = 5_500  # the lists' five seconds of max-age, and a little more
POLL_MS = 16_000  # a little over the story page's 15-second poll for new comments
HELD = "Thank you. Your comment will appear once a moderator has read it."
CONTROLS = "Your comment contains invisible control characters"


@pytest.fixture(autouse=True)
def _no_new_account_hold(monkeypatch, request):
    """Most tests are about other rules; the new-account hold has its own test."""
    if "new_account_hold" not in request.keywords:
        monkeypatch.setattr(actions, "NEW_ACCOUNT_HELD", 0)


@pytest.fixture
def make_reader(transactional_db) -> Callable[[str], User]:
    """A regular reader's account with a confirmed email address."""

    def make(name: str) -> User:
        user = User.objects.create_user(name, f"{name}@example.org", PASSWORD)
        user.emailaddress_set.create(email=user.email, verified=True, primary=True)
        return user

    return make


def log_in(context: BrowserContext, user: User, story: Article) -> Page:
    """Sign in through the site's login form; the page is left on the story."""
    page = context.new_page()
    page.goto(f"/en/account/login/?next={story.get_absolute_url()}")
    page.get_by_label("Login").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page).to_have_url(re.compile(re.escape(story.get_absolute_url()) + "$"))
    return page


def reload_fresh(page: Page) -> None:
    """Reload once the discussion's lists this page fetched have outlived their max-age.

    Lists and counts are the same for every reader and may be shared for five seconds:
    a browser that fetched them moments ago may show them again on a reload.
    """
    # the age counts from when the newest response arrived, not from the page's start
    age = page.evaluate("""() => performance.now() - Math.max(0,
        ...performance.getEntriesByType("resource").map(entry => entry.responseEnd))""")
    page.wait_for_timeout(max(0, SHARED_MAX_AGE_MS - age))
    page.reload()


def discussion(page: Page) -> Locator:
    return page.locator("article[data-story] section.discussion")


def comment_item(page: Page, comment: Comment) -> Locator:
    return page.locator(f"#comment-{comment.pk}")


def stored_count(story: Article) -> int:
    return Article.objects.values_list("comment_count", flat=True).get(pk=story.pk)


def post_as(page: Page, live_server, path: str, form: dict) -> APIResponse:
    """What a reader's own script could send: their session, their CSRF token."""
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "csrftoken")
    return page.request.post(path, form=form, headers={
        "Accept": "application/json", "X-CSRFToken": token,
        "Referer": f"{live_server.url}/"})


def test_reader_posts_a_comment_and_sees_it_without_a_reload(
        new_context, story: Article, make_reader) -> None:
    # given a reader logged in on a story nobody has discussed yet
    anna = make_reader("anna")
    page = log_in(new_context(), anna, story)
    block = discussion(page)
    expect(block.locator("[data-login-prompt]")).to_have_text("You are logged in as anna.")
    expect(block.locator(".comment-count")).to_have_text("0 comments")
    expect(block.locator(".no-comments")).to_have_text("No comments yet. Be the first.")
    page.evaluate("window.sameDocument = true")
    text = "Finally a way across the bay after midnight."

    # when they write a comment and post it
    block.get_by_label("Your comment").fill(text)
    block.get_by_role("button", name="Post comment").click()

    # then it heads the list under their name, and the form is ready for the next one
    expect(block.locator(".new-comment .form-note")).to_have_text("Your comment is published.")
    comments = block.locator("li.comment")
    expect(comments).to_have_count(1)
    expect(comments.first.locator(".comment-author")).to_have_text("anna")
    expect(comments.first.locator(".comment-body")).to_have_text(text)
    expect(block.locator(".no-comments")).to_have_count(0)
    expect(block.get_by_label("Your comment")).to_have_value("")
    # and the page was not reloaded for it
    assert page.evaluate("window.sameDocument") is True
    # and a reader opening the story now finds it, counted
    other = new_context().new_page()
    other.goto(story.get_absolute_url())
    expect(discussion(other).locator("li.comment .comment-body")).to_have_text([text])
    expect(discussion(other).locator(".comment-count")).to_have_text("1 comment")
    assert stored_count(story) == 1


def test_reply_reaches_the_author_in_the_header_and_in_replies_to_you(
        new_context, story: Article, make_reader) -> None:
    # given a reader's comment, and the reader on the story
    anna, boris = make_reader("anna"), make_reader("boris")
    first = actions.post_comment(story, by=anna, body="Will the night ferry take bicycles?")
    anna_page = log_in(new_context(), anna, story)
    expect(comment_item(anna_page, first).locator(".comment-body")).to_have_text(first.body)
    menu = anna_page.locator("#account-menu")
    expect(menu.locator(".account-name")).to_have_text("anna")
    expect(menu.locator(".unread-count")).to_have_count(0)
    # and a second reader on the same story
    boris_page = log_in(new_context(), boris, story)
    text = "Yes, up to six bicycles on every crossing."

    # when the second reader replies to the comment
    item = comment_item(boris_page, first)
    item.get_by_role("button", name="Reply").click()
    item.get_by_label("Your reply").fill(text)
    item.get_by_role("button", name="Post reply").click()

    # then their reply shows under the comment
    expect(item.locator(".replies li.comment .comment-body")).to_have_text([text])
    expect(item.locator(".replies .comment-author")).to_have_text(["boris"])
    expect(item.get_by_label("Your reply")).to_have_count(0)
    assert stored_count(story) == 2

    # when the first reader reloads the page
    reload_fresh(anna_page)

    # then the account menu tells them a reply is waiting, and it is under their comment
    expect(menu.locator(".unread-count")).to_have_text("1")
    replies = comment_item(anna_page, first).locator(".replies li.comment")
    expect(replies.locator(".comment-body")).to_have_text([text])
    expect(discussion(anna_page).locator(".comment-count")).to_have_text("2 comments")

    # when they open "Replies to you"
    menu.locator(".account-replies").click()

    # then the reply is there, with who wrote it
    expect(anna_page.locator("main h1")).to_have_text("Replies to you")
    notice = anna_page.locator(".notifications li")
    expect(notice).to_have_count(1)
    expect(notice.locator("strong")).to_have_text("boris")
    expect(notice.locator("blockquote")).to_have_text(text)
    # and having seen it, the marker is gone
    anna_page.reload()
    expect(menu.locator(".account-name")).to_have_text("anna")
    expect(menu.locator(".unread-count")).to_have_count(0)


def test_the_count_and_new_replies_follow_without_a_reload(
        new_context, story: Article, make_reader) -> None:
    # given a reader on a story nobody has discussed yet, with a clock they can move on
    anna, boris = make_reader("anna"), make_reader("boris")
    anna_context = new_context()
    anna_context.clock.install()
    anna_page = log_in(anna_context, anna, story)
    anna_block = discussion(anna_page)
    expect(anna_block.locator(".comment-count")).to_have_text("0 comments")

    # when the first reader posts a comment
    anna_block.get_by_label("Your comment").fill("Will the night ferry take bicycles?")
    anna_block.get_by_role("button", name="Post comment").click()

    # then the count above the discussion says so at once
    expect(anna_block.locator(".new-comment .form-note")).to_have_text(
        "Your comment is published.")
    expect(anna_block.locator(".comment-count")).to_have_text("1 comment")
    first = Comment.objects.get(author=anna)

    # when a second reader opens the story and replies to the comment
    boris_page = log_in(new_context(), boris, story)
    item = comment_item(boris_page, first)
    item.get_by_role("button", name="Reply").click()
    item.get_by_label("Your reply").fill("Yes, up to six bicycles on every crossing.")
    item.get_by_role("button", name="Post reply").click()

    # then their count follows their reply
    expect(item.locator(".replies .comment-body")).to_have_count(1)
    expect(discussion(boris_page).locator(".comment-count")).to_have_text("2 comments")
    # and the first reader's page does not have it yet
    replies = comment_item(anna_page, first).locator(".replies li.comment")
    expect(replies).to_have_count(0)

    # when the first reader's page polls for news
    anna_page.clock.fast_forward(POLL_MS)

    # then the reply has appeared under their comment without a reload, and the count follows
    expect(replies.locator(".comment-body")).to_have_text(
        ["Yes, up to six bicycles on every crossing."])
    expect(anna_block.locator(".comment-count")).to_have_text("2 comments")
    assert stored_count(story) == 2


@pytest.mark.new_account_hold
def test_moderator_approves_a_held_comment_and_bans_a_reader(
        new_context, live_server, story: Article, make_reader, moderator: User) -> None:
    # given a story with a comment by a regular reader, who is on the story page
    boris, nina = make_reader("boris"), make_reader("nina")
    older = actions.approve_comment(
        actions.post_comment(story, by=boris, body="The timetable is a joke."), by=moderator)
    boris_page = log_in(new_context(), boris, story)
    expect(comment_item(boris_page, older)).to_be_visible()
    # and a brand-new reader on it too
    nina_page = log_in(new_context(), nina, story)
    nina_block = discussion(nina_page)
    text = "My first comment here: the new route saves me an hour."

    # when the new reader posts their first comment
    nina_block.get_by_label("Your comment").fill(text)
    nina_block.get_by_role("button", name="Post comment").click()

    # then they are told it waits for a moderator, and it is not shown
    expect(nina_block.locator(".new-comment .form-note")).to_have_text(HELD)
    expect(nina_block.locator("li.comment .comment-body")).to_have_text([older.body])
    expect(nina_block.locator(".comment-count")).to_have_text("1 comment")
    held = Comment.objects.get(author=nina)
    assert held.status == Comment.Status.PENDING
    # and an anonymous reader opening the story does not see it either
    anonymous = new_context().new_page()
    anonymous.goto(story.get_absolute_url())
    public = discussion(anonymous)
    expect(public.locator("li.comment .comment-body")).to_have_text([older.body])
    expect(public).not_to_contain_text(text)
    expect(public.locator(".comment-count")).to_have_text("1 comment")
    assert stored_count(story) == 1

    # when a moderator approves it from the queue of held comments
    desk = new_context().new_page()
    desk.goto("/admin/login/")
    desk.get_by_label("Username").fill(moderator.username)
    desk.get_by_label("Password").fill(DESK_PASSWORD)
    desk.get_by_role("button", name="Log in").click()
    desk.goto("/admin/discussion/comment/?queue=held")
    rows = desk.locator("#result_list tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(text)
    rows.first.locator("input.action-select").check()
    desk.locator("select[name=action]").select_option(label="Approve the selected comments")
    desk.get_by_role("button", name="Go").click()

    # then the queue is empty
    expect(desk.locator(".messagelist")).to_contain_text("approved")
    expect(desk.locator("#result_list tbody tr")).to_have_count(0)
    # and the anonymous reader sees the comment once they reload, counted
    reload_fresh(anonymous)
    expect(comment_item(anonymous, held).locator(".comment-body")).to_have_text(text)
    expect(public.locator("li.comment")).to_have_count(2)
    expect(public.locator(".comment-count")).to_have_text("2 comments")
    assert stored_count(story) == 2

    # when the moderator bans the other reader for a week over their comment
    desk.goto("/admin/discussion/comment/")
    row = desk.locator("#result_list tbody tr", has_text=older.body)
    row.locator("input.action-select").check()
    desk.locator("select[name=action]").select_option(label="Ban the authors for a week")
    desk.get_by_role("button", name="Go").click()

    # then the moderator is told, and the comment is taken down
    expect(desk.locator(".messagelist")).to_contain_text("Boris is banned.")
    assert Comment.objects.get(pk=older.pk).status == Comment.Status.REJECTED
    assert stored_count(story) == 1
    # and the banned reader finds the reason and the end of the ban in place of the form
    reload_fresh(boris_page)
    boris_block = discussion(boris_page)
    notice = boris_block.locator(".ban-notice")
    expect(notice).to_contain_text("You are barred from the discussion until")
    expect(notice).to_contain_text("Reason: Breaking the discussion rules")
    expect(boris_block.get_by_label("Your comment")).to_have_count(0)
    expect(boris_block.get_by_role("button", name="Post comment")).to_have_count(0)
    expect(boris_block.get_by_role("button", name="Reply")).to_have_count(0)
    expect(boris_block.locator("li.comment .comment-body")).to_have_text([text])
    expect(boris_block.locator(".comment-count")).to_have_text("1 comment")

    # when they post a comment by hand anyway
    response = post_as(boris_page, live_server, f"/en/discussion/{story.pk}/post/",
                       {"body": "You cannot silence me."})

    # then they are refused with the reason, and nothing is stored
    assert response.status == 403
    assert "barred from the discussion" in response.json()["error"]
    assert list(Comment.objects.filter(author=boris).values_list("body", flat=True)) == [
        older.body]
    assert stored_count(story) == 1
    # and the anonymous reader, reloading, finds only the approved comment, counted
    reload_fresh(anonymous)
    expect(public.locator("li.comment .comment-body")).to_have_text([text])
    expect(public.locator(".comment-count")).to_have_text("1 comment")


def test_reader_likes_a_comment_once(new_context, live_server, story: Article,
                                     make_reader) -> None:
    # given another reader's comment, and a reader on the story
    anna, boris = make_reader("anna"), make_reader("boris")
    liked = actions.post_comment(story, by=anna, body="Thank you to the ferry crews.")
    page = log_in(new_context(), boris, story)
    item = comment_item(page, liked)
    expect(item.locator(".comment-likes")).to_have_text("0 likes")

    # when they click "Like" on it
    item.get_by_role("button", name="Like", exact=True).click()

    # then it has one like, and the button offers to take it back
    expect(item.locator(".comment-likes")).to_have_text("1 like")
    expect(item.get_by_role("button", name="Unlike")).to_be_visible()
    expect(item.get_by_role("button", name="Like", exact=True)).to_have_count(0)

    # when they send a second like by hand
    response = post_as(page, live_server, f"/en/discussion/comment/{liked.pk}/like/", {})

    # then it is refused, and the comment still has one like
    assert response.status == 400
    assert response.json()["error"] == "You already like this comment."
    liked.refresh_from_db()
    assert liked.like_count == 1


def test_without_javascript_the_discussion_has_its_own_page(
        new_context, live_server, story: Article, make_reader) -> None:
    # given a story with a comment, and a logged-in reader whose browser runs no JavaScript
    anna, boris = make_reader("anna"), make_reader("boris")
    earlier = actions.post_comment(story, by=anna, body="Does it run on Sundays?")
    page = log_in(new_context(java_script_enabled=False), boris, story)

    # when they follow "Read the discussion" under the story
    discussion(page).get_by_role("link", name="Read the discussion").click()

    # then a page of its own lists the comments
    expect(page).to_have_url(f"{live_server.url}/en/discussion/{story.pk}/")
    expect(page.locator("main h1")).to_have_text("Discussion")
    expect(page.get_by_role("link", name=f"← {story.headline}")).to_be_visible()
    expect(page.locator("li.comment .comment-body")).to_have_text([earlier.body])

    # when they post a comment with the plain form
    text = "It does, but only every two hours."
    page.get_by_label("Your comment").fill(text)
    page.get_by_role("button", name="Post comment").click()

    # then they are back on the discussion, told it is published, with it at the top
    expect(page).to_have_url(f"{live_server.url}/en/discussion/{story.pk}/")
    expect(page.locator(".messages")).to_have_text("Your comment is published.")
    expect(page.locator("li.comment .comment-body")).to_have_text([text, earlier.body])
    expect(page.locator("li.comment").first.locator(".comment-author")).to_have_text("boris")
    assert stored_count(story) == 2


def test_markup_shows_as_text_and_hidden_controls_are_refused(
        new_context, story: Article, make_reader) -> None:
    # given a reader logged in on a story
    mallory = make_reader("mallory")
    page = log_in(new_context(), mallory, story)
    block = discussion(page)
    script = "<script>window.pwned=1</script>"

    # when they post a script tag
    block.get_by_label("Your comment").fill(script)
    block.get_by_role("button", name="Post comment").click()

    # then the comment shows the tag as text, and nothing ran
    body = block.locator("li.comment .comment-body")
    expect(body).to_have_text([script])
    assert page.evaluate("typeof window.pwned") == "undefined"
    # and so it does for a reader who opens the story afterwards
    other = new_context().new_page()
    other.goto(story.get_absolute_url())
    expect(discussion(other).locator("li.comment .comment-body")).to_have_text([script])
    expect(discussion(other).locator(".comment-count")).to_have_text("1 comment")
    assert other.evaluate("typeof window.pwned") == "undefined"

    # when they post text with a right-to-left override in it
    block.get_by_label("Your comment").fill("Great news \u202eevah ot dalg")
    block.get_by_role("button", name="Post comment").click()

    # then the form says why it is refused, and nothing more is stored or shown
    refusal = block.locator(".new-comment .form-note.error")
    expect(refusal).to_contain_text(CONTROLS)
    expect(block.get_by_label("Your comment")).to_have_value("Great news \u202eevah ot dalg")
    expect(body).to_have_text([script])
    assert list(Comment.objects.values_list("body", flat=True)) == [script]
    assert stored_count(story) == 1

