"""The index follows the desk: publication, edits and withdrawal show in the next search;
imports and `dateline reindex` fill it in."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from dateline import events
from dateline.newsroom.actions import publish_article, save_article, unpublish_article
from dateline.newsroom.models import Article
from dateline.search import index
from dateline.search.models import Document
from dateline.search.selectors import search_stories


def found(query: str, language: str = "en") -> list[str]:
    return [hit.article.slug for hit in search_stories(query, language=language).hits]


def test_a_story_is_found_as_soon_as_it_is_published(
        draft, editor, django_capture_on_commit_callbacks):
    # given a draft nobody can find
    assert found("tram") == []
    # when the editor publishes it
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(draft, by=editor)
    # then the very next search finds it
    assert found("trams") == ["tram-line"]


def test_an_edit_changes_what_finds_the_story(
        draft, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(draft, by=editor)
    story = Article.objects.get(pk=draft.pk)
    story.headline = "Cable car reaches the harbour"
    with django_capture_on_commit_callbacks(execute=True):
        save_article(story, by=editor)
    assert found("tram") == []
    assert found("cable cars") == ["tram-line"]


def test_a_withdrawn_story_is_not_found_at_once(
        draft, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(draft, by=editor)
    with django_capture_on_commit_callbacks(execute=True):
        unpublish_article(Article.objects.get(pk=draft.pk), by=editor)
    assert found("tram") == []
    assert not Document.objects.filter(pk=draft.pk).exists()


def test_hearing_an_event_again_writes_nothing(
        draft, editor, django_capture_on_commit_callbacks, django_assert_num_queries):
    # given a story the publishing process has indexed
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(draft, by=editor)
    event = events.ArticlePublished.of(Article.objects.get(pk=draft.pk))
    # when a second process hears the same event: it reads the story and its entry only
    with django_assert_num_queries(2):
        index.follow(event)
    # then the entry is the one written, once
    assert Document.objects.filter(pk=draft.pk).count() == 1
    assert found("tram") == ["tram-line"]


def test_stories_imported_in_bulk_are_indexed_when_the_import_is_told(section, make_article):
    # given stories written without an event each (as an import writes them)
    stories = [make_article(section, headline=f"Archive regatta {n}") for n in range(3)]
    assert found("regatta") == []
    # when the import's one event arrives
    events.deliver(events.SiteChanged(kind="articles", object_id=stories[-1].pk))
    # then all of them are found
    assert len(found("regattas")) == 3


def test_reindex_rebuilds_the_index_from_the_stories(section, make_article):
    kept = make_article(section, headline="Lighthouse restored", slug="lighthouse")
    gone = make_article(section, headline="Lighthouse sold", slug="sold")
    index.write([kept, gone])
    Article.objects.filter(pk=gone.pk).update(status=Article.Status.UNPUBLISHED)
    Document.objects.filter(pk=kept.pk).delete()
    out = StringIO()
    call_command("reindex", "--quiet", stdout=out)
    assert "Indexed 1 stories" in out.getvalue()
    assert found("lighthouses") == ["lighthouse"]


def test_the_desk_story_list_finds_word_forms_and_drafts(client, editor, election, draft):
    client.force_login(editor)
    # a public story by another form of its words; a draft by the words as typed
    listing = client.get("/admin/newsroom/article/", {"q": "elections"})
    assert "Election count begins in the capital" in listing.content.decode()
    listing = client.get("/admin/newsroom/article/", {"q": "Tram line"})
    assert "Tram line reaches the harbour" in listing.content.decode()
    assert "Election count" not in listing.content.decode()
