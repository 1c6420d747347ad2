"""The discussion over HTTP: every refusal is a 4xx with its reason, lists cost fixed queries."""

from __future__ import annotations

import json

import pytest

from dateline.discussion import actions
from dateline.discussion.models import Comment
from dateline.moderation.actions import ban_reader
from dateline.newsroom.models import Article

pytestmark = pytest.mark.django_db
JSON = {"HTTP_ACCEPT": "application/json"}


def post(client, url, data):
    return client.post(url, data, **JSON)


def test_posting_answers_json_with_the_rendered_comment(client, story, anna):
    client.force_login(anna)
    response = post(client, f"/en/discussion/{story.pk}/post/", {"body": "Good news"})
    body = response.json()
    assert response.status_code == 200 and body["state"] == "visible"
    assert "Good news" in body["html"] and body["message"] == "Your comment is published."


@pytest.mark.parametrize("data, status, error", [
    ({"body": ""}, 400, "empty"),
    ({"body": "x" * 1_000_000}, 400, "at most 2000"),
    ({"body": "ok", "parent": "abc"}, 400, "No such comment"),
    ({"body": "ok", "parent": "999999"}, 400, "No such comment"),
])
def test_bad_posts_get_4xx_with_the_reason(client, story, anna, data, status, error):
    client.force_login(anna)
    response = post(client, f"/en/discussion/{story.pk}/post/", data)
    assert response.status_code == status and error in response.json()["error"]
    assert not Comment.objects.exists()


def test_anonymous_post_is_403(client, story):
    response = post(client, f"/en/discussion/{story.pk}/post/", {"body": "hi"})
    assert response.status_code == 403 and not Comment.objects.exists()


def test_unknown_or_unpublished_story_is_404(client, draft, anna):
    client.force_login(anna)
    assert post(client, f"/en/discussion/{draft.pk}/post/", {"body": "x"}).status_code == 404
    assert client.get("/en/discussion/999999/threads/").status_code == 404
    assert client.get(f"/ru/discussion/{draft.pk}/threads/").status_code == 404


def test_liking_twice_is_refused(client, story, anna, boris):
    comment = actions.post_comment(story, by=anna, body="Like me")
    client.force_login(boris)
    assert post(client, f"/en/discussion/comment/{comment.pk}/like/", {}).json()["likes"] == 1
    again = post(client, f"/en/discussion/comment/{comment.pk}/like/", {})
    assert again.status_code == 400 and "already" in again.json()["error"]


def test_editing_someone_elses_comment_is_403(client, story, anna, boris):
    comment = actions.post_comment(story, by=anna, body="Mine")
    client.force_login(boris)
    response = post(client, f"/en/discussion/comment/{comment.pk}/edit/", {"body": "Theirs"})
    assert response.status_code == 403
    assert Comment.objects.get(pk=comment.pk).body == "Mine"


def test_plain_form_post_redirects_with_a_message(client, story, anna):
    client.force_login(anna)
    response = client.post(f"/en/discussion/{story.pk}/post/", {"body": "No script here"},
                           follow=True)
    page = response.content.decode()
    assert "Your comment is published." in page and "No script here" in page


def test_bad_page_numbers_are_404(client, story):
    for page in ("0", "-1", "abc", "99999999999"):
        assert client.get(f"/en/discussion/{story.pk}/threads/?page={page}").status_code == 404


def test_threads_show_more_and_orders(client, story, make_reader):
    readers = [make_reader(f"r{i}") for i in range(5)]
    for i in range(25):
        Comment.objects.create(article=story, author=readers[i % 5], body=f"Comment {i:02d}",
                               like_count=i % 7)
    first = client.get(f"/en/discussion/{story.pk}/threads/").content.decode()
    assert "Comment 24" in first and "Comment 04" not in first and "Show more comments" in first
    second = client.get(f"/en/discussion/{story.pk}/threads/?page=2").content.decode()
    assert "Comment 04" in second and "Show more comments" not in second
    oldest = client.get(f"/en/discussion/{story.pk}/threads/?order=oldest").content.decode()
    assert oldest.index("Comment 00") < oldest.index("Comment 01")
    liked = client.get(f"/en/discussion/{story.pk}/threads/?order=liked").content.decode()
    assert liked.index("Comment 20") < liked.index("Comment 19") < liked.index("Comment 18")


def test_a_page_of_threads_costs_three_queries_however_many_replies(
        client, story, make_reader, django_assert_num_queries):
    readers = [make_reader(f"r{i}") for i in range(3)]
    for i in range(20):
        top = Comment.objects.create(article=story, author=readers[i % 3], body=f"T{i}",
                                     reply_count=5)
        for j in range(5):
            Comment.objects.create(article=story, author=readers[j % 3], parent=top,
                                   body=f"R{i}-{j}")
    # the story, a page of threads with authors, their replies with authors
    with django_assert_num_queries(3):
        page = client.get(f"/en/discussion/{story.pk}/threads/")
    assert page.content.decode().count('class="comment reply"') == 100


def test_since_and_counts_give_exact_numbers(client, story, anna):
    first = actions.post_comment(story, by=anna, body="One")
    actions.post_comment(story, by=anna, body="Two")
    data = client.get(f"/en/discussion/{story.pk}/since/?after={first.pk}").json()
    assert data["count"] == 2 and data["label"] == "2 comments" and "Two" in data["html"]
    assert "One" not in data["html"]
    counts = client.get(f"/en/discussion/counts/?ids={story.pk},abc,99999").json()
    assert counts == {str(story.pk): {"count": 2, "label": "2 comments"}}
    ru = client.get(f"/ru/discussion/counts/?ids={story.pk}").json()
    assert ru[str(story.pk)]["label"] == "2 комментария"


def test_me_tells_the_page_about_bans_and_replies(client, story, anna, boris, moderator):
    top = actions.post_comment(story, by=anna, body="Top")
    actions.post_comment(story, by=boris, body="Reply", parent=top)
    ban_reader(anna, by=moderator, reason="Spam")
    client.force_login(anna)
    me = client.get("/en/account/me/").json()
    assert me["unread"] == 1 and "for good" in me["banned"] and me["csrf"]
    page = client.get("/en/account/notifications/").content.decode()
    assert "boris" in page and "Reply" in page
    assert client.get("/en/account/me/").json()["unread"] == 0


def test_export_and_delete_account(client, story, anna, boris):
    top = actions.post_comment(story, by=anna, body="My words")
    actions.post_comment(story, by=boris, body="A reply", parent=top)
    actions.like_comment(top, by=boris)
    client.force_login(anna)
    data = json.loads(client.get("/en/account/export/").content)
    assert [c["text"] for c in data["comments"]] == ["My words"]
    assert data["account"]["email"] == "anna@example.org"
    wrong = client.post("/en/account/delete/", {"password": "nope"})
    assert wrong.status_code == 400 and Article.objects.exists()
    client.post("/en/account/delete/", {"password": "reader-pass-2026"})
    assert client.get("/en/account/me/").json()["authenticated"] is False
    html = client.get(f"/en/discussion/{story.pk}/threads/").content.decode()
    assert "deleted user" in html and "My words" in html and "A reply" in html
    # boris's like on it remains counted; anna's account and likes are gone
    assert Comment.objects.get(pk=top.pk).like_count == 1


def test_a_new_comment_shows_in_the_list_at_once(client, story, anna):
    # the list is public for shared caches, but never kept until an article changes
    client.get(f"/en/discussion/{story.pk}/threads/")
    actions.post_comment(story, by=anna, body="Fresh remark")
    assert "Fresh remark" in client.get(f"/en/discussion/{story.pk}/threads/").content.decode()


def test_a_story_page_shows_the_new_count_without_waiting_for_expiry(
        client, story, anna, django_capture_on_commit_callbacks):
    client.get(story.get_absolute_url())
    assert client.get(story.get_absolute_url())["X-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        actions.post_comment(story, by=anna, body="Counted at once")
    page = client.get(story.get_absolute_url())
    assert page["X-Cache"] == "miss" and "1 comment" in page.content.decode()


def test_mine_lists_the_comments_the_reader_likes(client, story, anna, boris):
    comment = actions.post_comment(story, by=anna, body="Likeable")
    actions.like_comment(comment, by=boris)
    client.force_login(boris)
    assert client.get(f"/en/discussion/{story.pk}/mine/").json() == {"liked": [comment.pk]}
    client.logout()
    assert client.get(f"/en/discussion/{story.pk}/mine/").json() == {"liked": []}
