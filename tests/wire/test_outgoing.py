"""Our copy out: stories for partners as IPTC ninjs and NewsML-G2, through the partner API.

Both formats are checked against IPTC's own schemas, kept in tests/wire/schemas/ (see the
README there) and read from disk: the run needs no network.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
import xmlschema
from django.contrib.auth.models import Permission, User
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry

from dateline.newsroom import actions
from dateline.newsroom.models import Article, LeadImage, Section, Tag
from dateline.wire.models import PartnerKey, token_hash
from dateline.wire.outgoing import keys, newsml, ninjs, selectors

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).parent / "schemas"
NAR = "{http://iptc.org/std/nar/2006-10-01/}"
XHTML = "{http://www.w3.org/1999/xhtml}"
S = Article.Status
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")

# --- the schemas -----------------------------------------------------------------------------

# jsonschema checks "date-time" and "uri" only with packages the suite does without: the two
# formats the schema uses are checked here instead.
_formats = FormatChecker()
_formats.checks("date-time")(lambda value: not isinstance(value, str) or bool(
    RFC3339.fullmatch(value)))
_formats.checks("uri")(lambda value: not isinstance(value, str) or bool(
    re.fullmatch(r"[a-z][a-z0-9+.-]*:[^\s]+", value)))


@pytest.fixture(scope="session")
def ninjs_schema():
    schema = json.loads((SCHEMAS / "ninjs" / "ninjs-schema_2.2.json").read_text())
    Draft202012Validator.check_schema(schema)
    # an empty registry: a reference outside the file fails instead of being fetched
    return Draft202012Validator(schema, format_checker=_formats, registry=Registry())


@pytest.fixture(scope="session")
def newsml_schema():
    path = SCHEMAS / "newsml-g2" / "NewsML-G2_2.35-spec-All-Power.xsd"
    return xmlschema.XMLSchema(str(path), allow="local", defuse="always")


def valid_ninjs(schema, item: dict) -> dict:
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in schema.iter_errors(item)]
    assert not errors, errors
    return item


def valid_newsml(schema, document: bytes) -> ET.Element:
    assert document.startswith(b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>')
    schema.validate(document.decode())
    return ET.fromstring(document)


# --- fixtures --------------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def settled(monkeypatch):
    """Changes are listed at once (one test shows the few seconds they wait otherwise)."""
    monkeypatch.setattr(selectors, "SETTLE", timedelta(0))


def new_key(**fields) -> SimpleNamespace:
    sections = fields.pop("sections", [])
    key = PartnerKey(partner=fields.pop("partner", "Harbour Times"), **fields)
    secret = keys.make_partner_key(key, by=None)
    key.sections.set(sections)
    return SimpleNamespace(key=key, secret=secret, auth=f"Bearer {secret}")


@pytest.fixture
def partner():
    return new_key()


def call(client, partner, path="/api/v1/stories/", **params):
    headers = {"HTTP_AUTHORIZATION": partner.auth} if partner else {}
    headers.update({k: params.pop(k) for k in list(params) if k.startswith("HTTP_")})
    return client.get(path, params, **headers)


def items(response) -> list[dict]:
    assert response.status_code == 200, response.content[:300]
    return response.json()["items"]


@pytest.fixture
def picture(db) -> LeadImage:
    return LeadImage.objects.create(
        original="images/originals/2026/03/ferry.jpg", alt="The night ferry at its pier",
        caption="The ferry at dusk", credit="Marta Oliveira / Meridian Wire", width=1600,
        height=1067, renditions=[
            {"width": w, "height": round(w * 1067 / 1600),
             "url": f"/media/images/renditions/ferry/{w}.webp"} for w in (480, 800, 1200, 1600)])


@pytest.fixture
def edition(section, section_ru, make_article, tag, picture, editor):
    """A story in each language, one with a lead image and a correction, one without."""
    ru_tag = Tag.objects.create(name="Судоходство", slug="shipping", language="ru")
    en = make_article(section, headline="Harbour opens night ferry", slug="night-ferry",
                      tags=[tag], lead_image=picture, is_breaking=True,
                      body='<p>See <a href="/en/world/timetable/">the timetable</a>.</p>'
                           "<p>Fares&nbsp;stay low<br>for now.</p>")
    actions.add_correction(en, text="An earlier version gave the wrong pier.", by=editor)
    ru = make_article(section_ru, headline="Порт открыл ночной паром", slug="nochnoj-parom",
                      lead="Паром пойдёт каждый час.", dateline_place="Лиссабон",
                      byline="", tags=[ru_tag], body="<p>Билеты — в кассах.</p>")
    return {"en": Article.objects.get(pk=en.pk), "ru": Article.objects.get(pk=ru.pk)}


def mapped(article_id: int) -> Article:
    return selectors.partner_stories(new_key().key).get(pk=article_id)


# --- the formats -----------------------------------------------------------------------------

@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_story_is_valid_ninjs(edition, ninjs_schema, language, settings):
    article = mapped(edition[language].pk)
    item = valid_ninjs(ninjs_schema, ninjs.story(article))
    assert item["uri"] == f"{settings.SITE_URL}/api/v1/stories/{article.pk}/"
    assert item["type"] == "text" and item["pubstatus"] == "usable"
    assert item["version"] == str(article.version) and item["language"] == language
    assert item["headlines"][0]["value"] == article.headline
    assert item["descriptions"][0] == {"role": "summary", "contenttype": "text/plain",
                                       "value": article.lead}
    assert item["located"] == article.dateline_place
    assert item["infosources"] == [{"name": article.agency_credit, "literal": "MW"}]
    assert [s["rel"] for s in item["subjects"]] == ["section", "about"]
    assert item["renditions"][0]["href"] == settings.SITE_URL + article.get_absolute_url()
    if language == "en":
        assert item["urgency"] == 1 and item["by"] == "Marta Oliveira"
        assert item["descriptions"][1] == {"role": "correction", "contenttype": "text/plain",
                                           "value": "An earlier version gave the wrong pier."}
        body = item["bodies"][0]["value"]
        assert f'href="{settings.SITE_URL}/en/world/timetable/"' in body  # links made absolute
        assert "Fares\u00a0stay low<br>for now." in body
        [picture] = item["associations"]
        assert picture["type"] == "picture" and picture["by"] == "Marta Oliveira / Meridian Wire"
        assert picture["descriptions"] == [
            {"role": "alt", "contenttype": "text/plain", "value": "The night ferry at its pier"},
            {"role": "caption", "contenttype": "text/plain", "value": "The ferry at dusk"}]
        assert picture["renditions"][0] == {
            "name": "w480", "href": f"{settings.SITE_URL}/media/images/renditions/ferry/480.webp",
            "width": 480, "height": 320, "contenttype": "image/webp"}
    else:
        assert "associations" not in item and "by" not in item and "urgency" not in item
        assert item["infosources"][0]["name"] == "Меридиан"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_story_is_valid_newsml_g2(edition, newsml_schema, language, settings):
    article = mapped(edition[language].pk)
    root = valid_newsml(newsml_schema, newsml.item_document(article))
    assert root.tag == f"{NAR}newsItem" and root.get("version") == str(article.version)
    assert root.get("guid") == f"{settings.SITE_URL}/api/v1/stories/{article.pk}/"
    meta, content = root.find(f"{NAR}itemMeta"), root.find(f"{NAR}contentMeta")
    assert meta.find(f"{NAR}itemClass").get("qcode") == "ninat:text"
    assert meta.find(f"{NAR}pubStatus").get("qcode") == "stat:usable"
    assert content.find(f"{NAR}headline").text == article.headline
    assert content.find(f"{NAR}language").get("tag") == language
    assert content.find(f"{NAR}creditline").text == article.agency_credit
    assert content.find(f"{NAR}description").get("role") == "drol:summary"
    assert content.find(f"{NAR}located/{NAR}name").text == article.dateline_place
    body = root.find(f"{NAR}contentSet/{NAR}inlineXML/{XHTML}html/{XHTML}body")
    assert body is not None and len(body)
    if language == "en":
        assert content.find(f"{NAR}urgency").text == "1"
        assert content.find(f"{NAR}dateline").text.startswith("LISBON, ")
        assert body.find(f"{XHTML}p/{XHTML}a").get("href") == \
            f"{settings.SITE_URL}/en/world/timetable/"
        assert body.find(f"{XHTML}p/{XHTML}br") is not None
        links = {link.get("rel"): link.get("href") for link in meta.findall(f"{NAR}link")}
        assert links["irel:associatedWith"].endswith("/ferry/1600.webp")
        assert [d.text for d in content.findall(f"{NAR}description")][1] == \
            "An earlier version gave the wrong pier."
    else:
        assert content.find(f"{NAR}dateline").text.startswith("ЛИССАБОН, ")
        assert content.find(f"{NAR}by") is None


def test_text_no_xml_can_carry_is_left_out_and_the_message_stays_valid(
        section, make_article, newsml_schema, ninjs_schema):
    article = make_article(section, headline="Bell\x07 rings\x0b twice", lead="Tab\tand\x1f",
                           body="<p>One\x0c two</p><script>x</script>")
    document = newsml.news_message([newsml.news_item(mapped(article.pk))],
                                   sent=timezone.now())
    root = valid_newsml(newsml_schema, document)
    assert root.find(f".//{NAR}headline").text == "Bell rings twice"
    valid_ninjs(ninjs_schema, ninjs.story(mapped(article.pk)))


def test_the_uri_stays_when_the_page_address_changes(story, editor):
    before = ninjs.story(mapped(story.pk))
    story.slug = "night-ferry-to-the-islands"
    actions.save_article(story, by=editor)
    after = ninjs.story(mapped(story.pk))
    assert after["uri"] == before["uri"] and after["version"] != before["version"]
    assert after["renditions"][0]["href"].endswith("/night-ferry-to-the-islands/")


def test_a_withdrawn_story_is_canceled_in_both_formats_and_carries_no_text(
        client, partner, story, editor, ninjs_schema, newsml_schema):
    actions.unpublish_article(story, by=editor)
    [item] = items(call(client, partner))
    valid_ninjs(ninjs_schema, item)
    assert item["pubstatus"] == "canceled" and item["ednote"]
    assert not {"headlines", "bodies", "descriptions", "associations"} & set(item)
    response = call(client, partner, f"/api/v1/stories/{story.pk}/", format="newsml")
    root = valid_newsml(newsml_schema, response.content)
    assert root.find(f"{NAR}itemMeta/{NAR}pubStatus").get("qcode") == "stat:canceled"
    assert root.find(f"{NAR}contentSet") is None and b"night ferry" not in response.content


def test_drafts_stories_in_review_and_scheduled_ones_never_leave(
        client, partner, section, make_article, draft, reporter):
    public = make_article(section)
    review = make_article(section, status=S.REVIEW, published_at=None)
    later = timezone.now() + timedelta(hours=2)
    scheduled = make_article(section, status=S.SCHEDULED, published_at=later)
    embargoed = make_article(section, published_at=later)  # published, its time to come
    assert [i["uri"] for i in items(call(client, partner))] == [uri(public)]
    for hidden in (draft, review, scheduled, embargoed):
        assert call(client, partner, f"/api/v1/stories/{hidden.pk}/").status_code == 404


def uri(article: Article) -> str:
    from django.conf import settings

    return f"{settings.SITE_URL}/api/v1/stories/{article.pk}/"


# --- keys ------------------------------------------------------------------------------------

def test_without_a_key_with_a_wrong_or_revoked_one_the_answer_is_401(client, partner, story):
    response = call(client, None)
    assert response.status_code == 401 and response.json()["error"] == "unauthorized"
    assert response["WWW-Authenticate"] == 'Bearer realm="partner API"'
    for header in ("Bearer not-a-key-of-ours-at-all-1234", "Basic dXNlcjpwYXNz", "Bearer",
                   f"Token {partner.secret}", "Bearer " + "x" * 5000):
        response = call(client, SimpleNamespace(auth=header))
        assert response.status_code == 401, header
        assert 'error="invalid_token"' in response["WWW-Authenticate"]
    keys.revoke_partner_key(partner.key, by=None)
    response = call(client, partner)
    assert response.status_code == 401 and response.json()["detail"] == "This key was revoked."
    assert call(client, partner, f"/api/v1/stories/{story.pk}/").status_code == 401


def test_only_the_hash_of_a_key_is_kept(partner):
    stored = PartnerKey.objects.get()
    assert stored.key_hash == token_hash(partner.secret) and stored.prefix == partner.secret[:8]
    assert partner.secret not in json.dumps(list(PartnerKey.objects.values()), default=str)


def test_a_key_sees_only_its_editions_and_sections(client, edition, section, make_article):
    business = Section.objects.create(name="Business", slug="business", language="en")
    outside = make_article(business)
    english = new_key(languages=["en"], partner="English desk")
    world = new_key(sections=[section], partner="World desk")
    assert {i["language"] for i in items(call(client, english))} == {"en"}
    assert items(call(client, english, language="ru")) == []  # simply not listed
    assert call(client, english, f"/api/v1/stories/{edition['ru'].pk}/").status_code == 404
    listed = [i["uri"] for i in items(call(client, world))]
    assert len(listed) == 1 and listed[0].endswith(f"/{edition['en'].pk}/")
    assert call(client, world, f"/api/v1/stories/{outside.pk}/").status_code == 404
    assert items(call(client, world, section="business")) == []
    everything = new_key(partner="Everything")
    assert len(items(call(client, everything))) == 3
    assert len(items(call(client, everything, section="world"))) == 2  # en and ru "world"


def test_a_key_over_its_rate_waits_for_the_next_minute(client, story, monkeypatch):
    limited = new_key(per_minute=2)
    clock = SimpleNamespace(time=lambda: 1_800_000_015.0)  # 15 s into a minute
    monkeypatch.setattr(keys, "time", clock)
    assert [call(client, limited).status_code for _ in range(2)] == [200, 200]
    response = call(client, limited)
    assert response.status_code == 429 and response["Retry-After"] == "45"
    assert response.json()["error"] == "rate_limited"
    assert call(client, new_key(partner="Another")).status_code == 200  # each key its own
    clock.time = lambda: 1_800_000_061.0  # the next minute
    assert call(client, limited).status_code == 200


def test_last_use_is_noted_at_most_once_a_minute(client, partner, story, monkeypatch):
    call(client, partner)
    first = PartnerKey.objects.get().last_used_at
    assert first is not None
    call(client, partner)
    assert PartnerKey.objects.get().last_used_at == first
    PartnerKey.objects.update(last_used_at=first - timedelta(minutes=2))
    call(client, partner)
    assert PartnerKey.objects.get().last_used_at > first


def test_answers_are_private_to_each_key(client, edition):
    english, russian = new_key(languages=["en"]), new_key(languages=["ru"], partner="RU")
    first, second = call(client, english), call(client, russian)
    assert first["Cache-Control"] == "private, no-cache"
    assert "Authorization" in first["Vary"]
    assert "X-Cache" not in second
    assert {i["language"] for i in items(first)} == {"en"}
    assert {i["language"] for i in items(second)} == {"ru"}
    assert call(client, None).status_code == 401  # and nothing stored reaches the keyless


def test_only_get_and_head_are_answered(client, partner, story):
    assert client.post("/api/v1/stories/", HTTP_AUTHORIZATION=partner.auth).status_code == 405
    assert client.head("/api/v1/stories/", HTTP_AUTHORIZATION=partner.auth).status_code == 200


# --- conditional requests and paging ---------------------------------------------------------

@pytest.mark.parametrize("path", ["/api/v1/stories/", "story"])
@pytest.mark.parametrize("kind", ["ninjs", "newsml"])
def test_an_unchanged_answer_is_a_304(client, partner, story, editor, path, kind):
    path = f"/api/v1/stories/{story.pk}/" if path == "story" else path
    first = call(client, partner, path, format=kind)
    tag = first["ETag"]
    assert first.status_code == 200 and tag.startswith('W/"')
    again = call(client, partner, path, format=kind, HTTP_IF_NONE_MATCH=tag)
    assert again.status_code == 304 and again.content == b"" and again["ETag"] == tag
    actions.add_correction(story, text="The ferry leaves at nine.", by=editor)
    changed = call(client, partner, path, format=kind, HTTP_IF_NONE_MATCH=tag)
    assert changed.status_code == 200 and changed["ETag"] != tag


def test_paging_with_a_cursor_has_no_gaps_or_repeats_when_changes_share_a_time(
        client, partner, section, make_article):
    stories = [make_article(section) for _ in range(5)]
    moment = timezone.now().replace(microsecond=123456) - timedelta(minutes=5)
    Article.objects.update(updated_at=moment)  # five changes in the same microsecond
    since = (moment - timedelta(seconds=1)).isoformat()
    seen, response = [], call(client, partner, since=since, limit="2")
    while True:
        body = response.json()
        seen += [item["uri"] for item in body["items"]]
        if body["next"] is None:
            break
        assert len(body["items"]) == 2 and response["Link"].startswith(f'<{body["next"]}>')
        response = client.get(body["next"], HTTP_AUTHORIZATION=partner.auth)
    assert seen == [uri(a) for a in stories]
    # the partner comes back later from where it stood: only what changed since
    resume = body["resume"]
    assert items(client.get(resume, HTTP_AUTHORIZATION=partner.auth)) == []
    later = make_article(section)
    assert [i["uri"] for i in items(client.get(resume, HTTP_AUTHORIZATION=partner.auth))] == [
        uri(later)]


def test_since_lists_changes_at_or_after_that_time_oldest_first(client, partner, section,
                                                                make_article, editor):
    old, new = make_article(section), make_article(section)
    Article.objects.filter(pk=old.pk).update(updated_at=datetime(2026, 1, 1, 9, tzinfo=UTC))
    Article.objects.filter(pk=new.pk).update(updated_at=datetime(2026, 1, 1, 11, tzinfo=UTC))
    listed = items(call(client, partner, since="2026-01-01T12:00:00+02:00"))  # 10:00 UTC
    assert [i["uri"].rsplit("/", 2)[-2] for i in listed] == [str(new.pk)]
    # a "+" left unencoded in the query string arrives as a space: read as meant
    spaced = client.get("/api/v1/stories/?since=2026-01-01T12:00:00+02:00",
                        HTTP_AUTHORIZATION=partner.auth)
    assert items(spaced) == listed
    actions.add_correction(old, text="Corrected the time.", by=editor)  # old changes last
    listed = items(call(client, partner, since="2026-01-01"))
    assert [i["uri"].rsplit("/", 2)[-2] for i in listed] == [str(new.pk), str(old.pk)]


def test_a_change_is_listed_once_it_has_settled(client, partner, story, monkeypatch):
    monkeypatch.setattr(selectors, "SETTLE", timedelta(seconds=5))
    assert items(call(client, partner)) == []  # its transaction may still be committing
    assert call(client, partner, f"/api/v1/stories/{story.pk}/").status_code == 200
    Article.objects.update(updated_at=timezone.now() - timedelta(seconds=6))
    assert len(items(call(client, partner))) == 1


def test_a_list_as_newsml_is_a_valid_news_message(client, partner, edition, newsml_schema):
    response = call(client, partner, format="newsml")
    assert response["Content-Type"] == "application/vnd.iptc.g2.newsmessage+xml"
    root = valid_newsml(newsml_schema, response.content)
    assert len(root.findall(f"{NAR}itemSet/{NAR}newsItem")) == 2
    plain = call(client, partner, format="newsml", HTTP_ACCEPT="application/xml")
    assert plain["Content-Type"] == "application/xml"
    one = call(client, partner, f"/api/v1/stories/{edition['en'].pk}/", format="newsml")
    assert one["Content-Type"] == "application/vnd.iptc.g2.newsitem+xml"


HOSTILE = [line.replace("{BIG}", "x" * 100_000).replace("{CRLF}", "\r\n")
           for line in (Path(__file__).parents[1] / "hostile" / "corpus.txt")
           .read_text("utf-8").splitlines() if not line.startswith("#") and "{NUL}" not in line]
ODD = ["2026-13-01T00:00:00Z", "2026-02-30", "2026-01-01T24:00:00Z", "2026-01-01T10:00:00+24:00",
       "0000-01-01", "9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00", "2026-01-01T10:00",
       "99999999999999999999-1", "1-99999999999999999999", "1767225600000000-", "-1-1", "1_1",
       "١٧٦٧٢٢٥٦٠٠-1", "2026-01-01T10:00:00.1234567890Z"]


GOOD = {"since": "2026-01-01", "cursor": "1-1", "format": "newsml", "language": "en",
        "section": "world", "limit": "5"}


@pytest.mark.parametrize("name", ["since", "cursor", "format", "language", "section", "limit"])
def test_hostile_parameters_are_refused_with_a_400_never_a_500(client, partner, story, name):
    for value in HOSTILE + ODD:
        response = call(client, partner, **{name: value})
        assert response.status_code in (200, 400), (name, value[:60], response.status_code)
        if response.status_code == 400:
            assert response.json()["error"] == "bad_parameter"
    good = GOOD[name]
    assert call(client, partner, **{name: good}).status_code == 200
    repeated = call(client, partner, f"/api/v1/stories/?{name}={good}&{name}={good}")
    assert repeated.status_code == 400  # once, or which one counts would be a guess


def test_since_and_a_cursor_together_are_refused(client, partner):
    response = call(client, partner, since="2026-01-01", cursor="1767225600000000-1")
    assert response.status_code == 400


def test_a_page_of_a_hundred_stories_costs_six_queries(
        client, partner, section, make_article, tag, picture, editor, django_assert_num_queries):
    tags = [tag] + [Tag.objects.create(name=f"T{i}", slug=f"t{i}", language="en")
                    for i in range(3)]
    for n in range(101):
        article = make_article(section, tags=tags, lead_image=picture if n % 2 else None)
        if n % 10 == 0:
            actions.add_correction(article, text=f"Note {n}.", by=editor)
    call(client, partner, limit="1")  # last use noted: one write a minute, not a page's cost
    # key, its sections, the page of stories (with section, agency and image), tags,
    # corrections, authors
    for kind in ("ninjs", "newsml"):
        with django_assert_num_queries(6):
            response = call(client, partner, format=kind)
        assert response.status_code == 200
    assert len(items(call(client, partner))) == 100


# --- the desk --------------------------------------------------------------------------------

def test_the_desk_makes_a_key_shown_once_and_revokes_it(client, section, story):
    chief = User.objects.create_user("kim", "kim@example.org", "desk-pass-2026", is_staff=True)
    chief.user_permissions.add(Permission.objects.get(codename="add_partnerkey"))
    client.force_login(chief)
    response = client.post("/admin/wire/partnerkey/add/", {
        "partner": "Harbour Times", "languages": ["en"], "sections": [section.pk],
        "per_minute": "60"}, follow=True)
    page = response.content.decode()
    secret = re.search(r"<code>([A-Za-z0-9_-]{43})</code>", page).group(1)
    key = PartnerKey.objects.get()
    assert key.key_hash == token_hash(secret) and key.languages == ["en"]
    assert list(key.sections.all()) == [section]
    assert secret not in client.get(f"/admin/wire/partnerkey/{key.pk}/change/").content.decode()
    listing = client.get("/admin/wire/partnerkey/").content.decode()
    assert "Harbour Times" in listing and key.prefix in listing and "World (en)" in listing
    bearer = SimpleNamespace(auth=f"Bearer {secret}")
    assert call(client, bearer).status_code == 200
    client.post("/admin/wire/partnerkey/", {"action": "revoke", "_selected_action": [key.pk]})
    assert PartnerKey.objects.get().revoked_at is not None
    assert call(client, bearer).status_code == 401


def test_partner_keys_are_for_holders_of_the_permission_only(client, editor, partner):
    client.force_login(editor)
    assert client.get("/admin/wire/partnerkey/").status_code == 403
    assert client.get("/admin/wire/partnerkey/add/").status_code == 403
