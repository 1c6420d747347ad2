"""The agency formats read into what the desk sees, and hostile payloads refused with a
message an editor understands. Pure: bytes in, items out, no database."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from dateline.wire.formats import FormatError, ParsedItem, parse, text
from dateline.wire.formats.datelines import read_dateline

FIXTURES = Path(__file__).parent / "fixtures"
SAMPLES = {"rss20.xml": "rss", "atom10.xml": "rss", "rss-windows-1251.xml": "rss",
           "ninjs-single.json": "ninjs", "ninjs-array.json": "ninjs",
           "ninjs-utf16.json": "ninjs", "newsml-item.xml": "newsml",
           "newsml-message.xml": "newsml"}


def read(name: str) -> list[ParsedItem]:
    return parse(SAMPLES[name], (FIXTURES / name).read_bytes())


def ninjs(**fields) -> bytes:
    return json.dumps({"uri": "urn:mw:1", "headlines": [{"value": "Headline"}], **fields}).encode()


def at(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


# --- RSS and Atom ---------------------------------------------------------------------


def test_rss_items_as_the_desk_sees_them():
    # when the English feed is read
    tram, ferries = read("rss20.xml")
    # then the tram story has its dateline read off the lead, and its full body
    assert tram.guid == "mw:2025-12-10:novosibirsk-tram"
    assert tram.headline == "Novosibirsk approves tram line to the river port"
    assert (tram.version, tram.priority, tram.status) == (0, 5, "usable")
    assert (tram.dateline_place, tram.dateline_date) == ("Novosibirsk", date(2025, 12, 10))
    assert tram.lead.startswith("The city council approved a 14-kilometre tram line")
    assert tram.body.count("<p>") == 3 and "<strong>40,000 passengers</strong>" in tram.body
    assert tram.byline == "Pavel Orlov"
    assert tram.language == "en"
    assert tram.subjects == [{"code": "", "name": "Transport"}, {"code": "", "name": "Cities"}]
    assert tram.sent_at == at(2025, 12, 10, 5, 5)
    assert tram.raw.startswith("<item>") and "lisbon-ferries" not in tram.raw
    # and the ferry story, without a guid, goes by its link; its author is a name
    assert ferries.guid == "https://meridianwire.example/story/2025/12/09/lisbon-ferries"
    assert ferries.byline == "Marta Sousa"
    assert ferries.lead == ("Two night crossings of the Tagus will run from January, the "
                            'operator said, after a trial that carried "far more" passengers '
                            "than expected.")
    assert ferries.body.startswith("<p>Two night crossings")
    assert ferries.dateline_place == "" and ferries.dateline_date is None


def test_atom_entry():
    [snow] = read("atom10.xml")
    assert snow.guid == "tag:meridianwire.example,2025-12-10:kolyvan-pass"
    assert snow.headline == "Snow closes the Kolyvan pass & two regional roads"
    assert snow.lead == "Road crews expect to reopen the pass by Thursday evening."
    assert (snow.dateline_place, snow.dateline_date) == ("Barnaul", date(2025, 12, 10))
    assert "<em>Thursday evening</em>" in snow.body and "xmlns" not in snow.body
    assert snow.byline == "Irina Kovaleva"
    assert snow.language == "en"
    assert snow.sent_at == at(2025, 12, 10, 5, 10)
    assert [s["name"] for s in snow.subjects] == ["Weather", "roads"]


def test_russian_feed_in_windows_1251():
    [tram] = read("rss-windows-1251.xml")
    assert tram.headline == "В Новосибирске одобрили трамвайную линию до речного порта"
    assert (tram.dateline_place, tram.dateline_date) == ("Новосибирск", date(2025, 12, 10))
    assert tram.lead.startswith("Городской совет в среду одобрил")
    assert tram.byline == "Павел Орлов"
    assert tram.language == "ru"
    assert "Транспорт" in tram.raw


def test_rss_1_0():
    feed = b"""<?xml version="1.0"?>
    <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
             xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <channel rdf:about="https://meridianwire.example/"><title>MW</title>
        <dc:language>en</dc:language></channel>
      <item rdf:about="https://meridianwire.example/a"><title>Pier reopens</title>
        <link>https://meridianwire.example/a</link><dc:creator>Jo Ames</dc:creator>
        <dc:date>2025-12-10T10:00:00Z</dc:date></item>
    </rdf:RDF>"""
    [pier] = parse("rss", feed)
    assert (pier.headline, pier.byline, pier.language) == ("Pier reopens", "Jo Ames", "en")
    assert pier.guid == "https://meridianwire.example/a"
    assert pier.sent_at == at(2025, 12, 10, 10, 0)


def test_a_feed_with_blank_lines_before_its_declaration():
    [tram, _] = parse("rss", b"\n\n" + (FIXTURES / "rss20.xml").read_bytes())
    assert tram.guid == "mw:2025-12-10:novosibirsk-tram"


def test_an_rss_author_with_an_empty_name_gives_no_byline():
    feed = (b"<rss version='2.0'><channel><item><title>Pier</title><guid>p1</guid>"
            b"<author>desk@wire.example ()</author></item></channel></rss>")
    assert parse("rss", feed)[0].byline == ""


def test_empty_rss_items_are_no_stories():
    feed = b'<rss version="2.0"><channel><title>MW</title><item/><item></item></channel></rss>'
    assert parse("rss", feed) == []


# --- ninjs ----------------------------------------------------------------------------


def test_ninjs_item_as_the_desk_sees_it():
    [harbour] = read("ninjs-single.json")
    assert harbour.guid == "urn:meridianwire.example:2025-12-10:grain-harbour"
    assert harbour.headline == "Grain harbour at Rostov to double winter capacity"
    assert (harbour.version, harbour.priority, harbour.status) == (3, 3, "usable")
    assert harbour.lead.startswith("The river harbour will take twice as many grain barges")
    assert harbour.body.startswith("<p>ROSTOV-ON-DON, December 10 (Meridian Wire) - ")
    assert (harbour.dateline_place, harbour.dateline_date) == ("Rostov-on-Don",
                                                               date(2025, 12, 10))
    assert harbour.byline == "Dmitri Sokolov and Lena Hart"
    assert harbour.language == "en"
    assert harbour.subjects == [
        {"code": "http://cv.iptc.org/newscodes/mediatopic/04000000",
         "name": "economy, business and finance"},
        {"code": "mw:shipping", "name": "Shipping"}]
    assert harbour.embargo == at(2025, 12, 10, 9, 0)
    assert harbour.sent_at == at(2025, 12, 10, 6, 31)
    assert json.loads(harbour.raw)["uri"] == harbour.guid


def test_ninjs_array_with_a_russian_item_and_a_picture_left_out():
    libraries, biblioteki = read("ninjs-array.json")
    assert libraries.lead.startswith("All nine city libraries will open on Sundays")
    assert (libraries.dateline_place, libraries.dateline_date) == ("Tomsk", date(2025, 12, 10))
    assert libraries.body.count("<p>") == 2
    assert biblioteki.headline == "Городские библиотеки Томска начнут работать по воскресеньям"
    assert (biblioteki.dateline_place, biblioteki.dateline_date) == ("Томск",
                                                                     date(2025, 12, 10))
    assert biblioteki.lead.startswith("Все девять городских библиотек")
    assert (biblioteki.version, biblioteki.language) == (2, "ru")
    assert "Томск" in json.loads(biblioteki.raw)["headlines"][0]["value"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16", "utf-8-sig", "utf-32-be",
                                      "utf-32"])
def test_ninjs_in_every_unicode_encoding(encoding):
    utf16 = (FIXTURES / "ninjs-utf16.json").read_bytes()
    [frost] = parse("ninjs", utf16.decode("utf-16-le").encode(encoding))
    assert frost.headline == "Морозы до минус 38 градусов ожидаются на юге Сибири"
    assert (frost.dateline_place, frost.dateline_date) == ("Барнаул", date(2025, 12, 11))
    assert (frost.status, frost.priority, frost.byline) == ("withheld", 2, "Ирина Ковалёва")


@pytest.mark.parametrize("key", ["items", "data"])
def test_ninjs_list_inside_an_object(key):
    payload = json.dumps({key: [json.loads(ninjs(uri="urn:mw:a")),
                                json.loads(ninjs(uri="urn:mw:b"))]}).encode()
    assert [item.guid for item in parse("ninjs", payload)] == ["urn:mw:a", "urn:mw:b"]


def test_ninjs_1x_fields():
    payload = json.dumps({
        "guid": "urn:mw:old", "headline": "Old style", "version": "draft-2",
        "description_html": "<p>MOSCOW, Dec 9 (MW) - A lead.</p>",
        "body_text": "One.\n\nTwo & three.", "byline": "A. Writer", "priority": 12,
        "place": [{"name": "MOSCOW"}], "subject": [{"code": "mw:x", "name": "X"}],
        "pubstatus": "cancelled", "versioncreated": "2025-12-10T10:00:00"}).encode()
    [old] = parse("ninjs", payload)
    assert (old.guid, old.headline, old.version, old.priority) == ("urn:mw:old", "Old style",
                                                                    0, 9)
    assert old.lead == "A lead." and old.dateline_date == date(2025, 12, 9)
    assert old.body == "<p>One.</p><p>Two &amp; three.</p>"
    assert (old.byline, old.dateline_place, old.status) == ("A. Writer", "Moscow", "canceled")
    assert old.subjects == [{"code": "mw:x", "name": "X"}]
    assert old.sent_at == at(2025, 12, 10, 10, 0)  # no zone given: UTC


# --- NewsML-G2 ------------------------------------------------------------------------


def test_newsml_item_as_the_desk_sees_it():
    [comet] = read("newsml-item.xml")
    assert comet.guid == "urn:newsml:meridianwire.example:20251210:observatory-comet"
    assert comet.headline == "Kazan observatory finds a new comet in the evening sky"
    assert (comet.version, comet.priority, comet.status) == (1, 2, "usable")
    assert comet.lead.startswith("Astronomers at the university observatory spotted")
    assert (comet.dateline_place, comet.dateline_date) == ("Kazan", date(2025, 12, 10))
    assert comet.byline == "Timur Ganiev"
    assert comet.language == "en"
    assert comet.subjects[0] == {"code": "medtop:13000000", "name": "science and technology"}
    assert comet.embargo == at(2025, 12, 10, 12, 0)
    assert comet.sent_at == at(2025, 12, 10, 8, 20)
    # the XHTML body as story HTML: no namespace, no head, nothing that runs
    assert comet.body.startswith("<p>KAZAN, December 10 (Meridian Wire) - Astronomers")
    assert "<em>ordinary binoculars</em>" in comet.body
    for gone in ("xmlns", "html:", "<title>", "onclick", "<script", "track()"):
        assert gone not in comet.body
    assert comet.raw.startswith("<newsItem") and comet.raw.endswith("</newsItem>")


def test_newsml_message_takes_its_text_items_only():
    bridge, kill = read("newsml-message.xml")
    assert (bridge.version, bridge.language, bridge.priority) == (2, "ru", 4)
    assert (bridge.dateline_place, bridge.dateline_date) == ("Новосибирск", date(2025, 12, 10))
    assert bridge.lead.startswith("Ремонт Коммунального моста завершат в апреле")
    assert bridge.body.count("<p>") == 2
    assert bridge.raw.startswith('<newsItem guid="urn:newsml:meridianwire.example:20251210:'
                                 'bridge-repair"') and "ferry-fares" not in bridge.raw
    assert kill.guid.endswith("ferry-fares")
    assert (kill.status, kill.version, kill.priority) == ("canceled", 3, 1)
    assert kill.sent_at == at(2025, 12, 10, 15, 50)


def newsml(meta: str = "", content: str = "", item_meta: str = "", **attributes) -> bytes:
    attributes = {"guid": "urn:mw:1", **attributes}
    attrs = " ".join(f'{name}="{value}"' for name, value in attributes.items())
    return (f'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" {attrs}>'
            f"<itemMeta><itemClass qcode='ninat:text'/>{item_meta}</itemMeta>"
            f"<contentMeta><headline>Headline</headline>{meta}</contentMeta>"
            f"<contentSet>{content}</contentSet></newsItem>").encode()


def test_an_open_embargo_withholds_the_item():
    [item] = parse("newsml", newsml(item_meta="<embargoed/>"))
    assert (item.status, item.embargo) == ("withheld", None)


def test_newsml_dateline_without_located():
    [item] = parse("newsml", newsml(
        meta="<dateline>ROSTOV-ON-DON, Dec 9 (MW)</dateline>",
        item_meta="<versionCreated>2026-01-02T08:00:00+03:00</versionCreated>"))
    assert (item.dateline_place, item.dateline_date) == ("Rostov-on-Don", date(2025, 12, 9))


def test_newsml_nitf_body_and_language_from_the_item():
    nitf = ('<inlineXML contenttype="application/nitf+xml"><nitf '
            'xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.head><hedline><hl1>H'
            '</hl1></hedline></body.head><body.content><p>KAZAN, Dec 9 (MW) - One.</p>'
            "<hl2>Sub</hl2><p>Two.</p></body.content></body></nitf></inlineXML>")
    [item] = parse("newsml", newsml(content=nitf, **{"xml:lang": "tt-RU"}))
    assert item.body == "<p>KAZAN, Dec 9 (MW) - One.</p><h2>Sub</h2><p>Two.</p>"
    assert (item.lead, item.dateline_place, item.language) == ("One.", "Kazan", "tt")


# --- datelines ------------------------------------------------------------------------


@pytest.mark.parametrize(("lead", "place", "when", "rest"), [
    ("MOSCOW, December 10 (Agency) - The talks", "Moscow", date(2025, 12, 10), "The talks"),
    ("МОСКВА, 10 декабря – Переговоры", "Москва", date(2025, 12, 10), "Переговоры"),
    ("MOSCOW, December 10. /MW/. The talks", "Moscow", date(2025, 12, 10), "The talks"),
    ("ST. PETERSBURG, Dec. 9 (MW) — Bridges", "St. Petersburg", date(2025, 12, 9), "Bridges"),
    ("РОСТОВ-НА-ДОНУ, 31 декабря — Порт", "Ростов-на-Дону", date(2024, 12, 31), "Порт"),
    ("NEW YORK (MW) -- Markets", "New York", None, "Markets"),
])
def test_dateline_prefixes(lead, place, when, rest):
    near = date(2025, 12, 11) if when != date(2024, 12, 31) else date(2025, 1, 1)
    found = read_dateline(lead, near=near)
    assert (found.place, found.date, found.rest) == (place, when, rest)


@pytest.mark.parametrize("lead", ["NATO - the alliance met on Monday.",
                                  "The army, December 10, said - nothing.",
                                  "Officials said on Tuesday, December 10 - more.", ""])
def test_ordinary_sentences_are_not_datelines(lead):
    assert read_dateline(lead, near=date(2025, 12, 11)) is None


# --- hostile payloads -----------------------------------------------------------------

LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><item><title>&lol3;</title></item></channel></rss>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE newsItem [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="x"><contentMeta>
<headline>&secret;</headline></contentMeta></newsItem>"""
DOCTYPE = b"""<!DOCTYPE rss SYSTEM "https://meridianwire.example/rss.dtd">
<rss version="2.0"><channel><item><title>T</title></item></channel></rss>"""


@pytest.mark.parametrize("payload", [LAUGHS, EXTERNAL, DOCTYPE], ids=["laughs", "external",
                                                                     "doctype"])
@pytest.mark.parametrize("format", ["rss", "newsml"])
def test_a_doctype_is_refused(payload, format):
    with pytest.raises(FormatError, match="declares a DOCTYPE; entities are refused"):
        parse(format, payload)


def test_an_undefined_entity_is_refused():
    with pytest.raises(FormatError, match="entity that is not defined"):
        parse("rss", b"<rss><channel><item><title>&nbsp;</title></item></channel></rss>")


@pytest.mark.parametrize("name", [name for name in SAMPLES if name.endswith(".xml")])
def test_a_truncated_file_is_refused(name):
    whole = (FIXTURES / name).read_bytes()
    with pytest.raises(FormatError, match="cut short"):
        parse(SAMPLES[name], whole[:len(whole) // 2])


@pytest.mark.parametrize(("format", "name", "message"), [
    ("rss", "newsml-item.xml", "Not RSS or Atom: the document is <newsItem>"),
    ("newsml", "rss20.xml", "Not valid NewsML-G2: no newsItem found"),
    ("newsml", "ninjs-single.json", "Not valid XML"),
    ("rss", "ninjs-array.json", "Not valid XML"),
    ("ninjs", "atom10.xml", "Not valid JSON"),
])
def test_the_wrong_format_for_the_feed(format, name, message):
    with pytest.raises(FormatError, match=message):
        parse(format, (FIXTURES / name).read_bytes())


def test_newsml_out_of_its_namespace():
    with pytest.raises(FormatError, match="not in the NewsML-G2 namespace"):
        parse("newsml", b'<newsItem guid="x"><contentMeta/></newsItem>')


def test_a_message_without_items():
    message = b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/></newsMessage>'
    with pytest.raises(FormatError, match="no newsItem found"):
        parse("newsml", message)


@pytest.mark.parametrize("payload", [b"", b"   \n", b"<html><body>Not found</body></html>",
                                     b"{'uri': 'single quotes'}", b"[1, 2", b"null", b'"text"'])
def test_not_ninjs(payload):
    with pytest.raises(FormatError, match="empty|Not valid"):
        parse("ninjs", payload)


def test_json_nested_100000_deep():
    with pytest.raises(FormatError, match="nested too deeply"):
        parse("ninjs", b"[" * 100_000 + b"]" * 100_000)


def test_xml_nested_deeply():
    deep = b"<rss><channel><item><title>" + b"<b>" * 5_000 + b"</b>" * 5_000
    with pytest.raises(FormatError, match="nested more than"):
        parse("rss", deep + b"</title></item></channel></rss>")


@pytest.mark.parametrize(("fields", "message"), [
    ({"uri": 5}, '"uri" should be text, not a number'),
    ({"headlines": "Headline"}, '"headlines" should be a list of objects, not text'),
    ({"headlines": [{"value": ["a"]}]}, '"value" should be text, not a list'),
    ({"bodies": ["<p>x</p>"]}, '"bodies" should be a list of objects'),
    ({"urgency": "high"}, '"urgency" should be a number, not text'),
    ({"urgency": True}, '"urgency" should be a number, not true or false'),
    ({"versioncreated": 1765360800}, '"versioncreated" should be text'),
    ({"embargoed": "tomorrow noon"}, '"embargoed" is not a date and time'),
    ({"embargoed": "99999-01-01T00:00:00Z"}, '"embargoed" is not a date and time'),
    ({"pubstatus": "killed"}, '"pubstatus" is \'killed\''),
    ({"subjects": {"name": "x"}}, '"subjects" should be a list of objects, not an object'),
    ({"version": 10**30}, "not a version number"),
    ({"version": "1" * 50}, "not a version number"),
    ({"version": -1}, "not a version number"),
])
def test_wrong_types_in_ninjs_fields(fields, message):
    with pytest.raises(FormatError, match=message.replace("(", r"\(")):
        parse("ninjs", ninjs(**fields))


def test_an_item_that_is_not_an_object():
    with pytest.raises(FormatError, match="item 2 is text, not an object"):
        parse("ninjs", b'[{"uri": "urn:mw:1", "headline": "H"}, "urn:mw:2"]')


@pytest.mark.parametrize(("number", "message"), [
    (b"1" * 5_000, "too long"), (b"NaN", "NaN is not a number"),
    (b"-Infinity", "-Infinity is not a number")])
def test_numbers_json_cannot_hold(number, message):
    payload = b'{"uri": "urn:mw:1", "headline": "H", "urgency": ' + number + b"}"
    with pytest.raises(FormatError, match=message):
        parse("ninjs", payload)


def test_huge_urgency_is_routine():
    [item] = parse("ninjs", ninjs(urgency=1e308))
    assert item.priority == 9


def test_an_item_without_headline_or_text():
    with pytest.raises(FormatError, match="ninjs item 1 has no headline and no text"):
        parse("ninjs", b'{"uri": "urn:mw:1"}')


def test_an_item_without_id():
    with pytest.raises(FormatError, match="has no id"):
        parse("ninjs", b'[{"headline": "H", "uri": ""}]')


@pytest.mark.parametrize(("payload", "message"), [
    (b'<?xml version="1.0" encoding="utf-8"?><rss>\xff\xfe</rss>', "not valid utf-8 text"),
    (b'<?xml version="1.0" encoding="klingon-8"?><rss/>', "encoding 'klingon-8'"),
    (b'<?xml version="1.0" encoding="base64"?><rss/>', "encoding 'base64'"),
])
def test_undecodable_xml(payload, message):
    with pytest.raises(FormatError, match=message):
        parse("rss", payload)


def test_undecodable_json():
    with pytest.raises(FormatError, match="not valid utf-8 text"):
        parse("ninjs", b'{"uri": "urn:mw:\xc3\x28"}')


SCRIPTS = ('<p onmouseover="steal()">Text <a href="javascript:steal()">link</a></p>'
           "<script>steal()</script><iframe src='https://evil.example'></iframe>"
           '<img src="x" onerror="steal()">')


@pytest.mark.parametrize("payload, format", [
    (ninjs(bodies=[{"contenttype": "text/html", "value": SCRIPTS}]), "ninjs"),
    (ninjs(body_html=SCRIPTS), "ninjs"),
    (f"<rss><channel><item><title>T</title><description><![CDATA[{SCRIPTS}]]></description>"
     f"</item></channel></rss>".encode(), "rss"),
    (newsml(content='<inlineXML contenttype="application/xhtml+xml"><html '
            'xmlns="http://www.w3.org/1999/xhtml"><body><p onclick="steal()">Text <a '
            'href="javascript:steal()">link</a></p><script>steal()</script></body></html>'
            "</inlineXML>"), "newsml"),
    (newsml(content=f'<inlineData contenttype="text/html"><![CDATA[{SCRIPTS}]]></inlineData>'),
     "newsml"),
])
def test_scripts_in_bodies_are_sanitized(payload, format):
    [item] = parse(format, payload)
    assert "Text" in item.body and "link" in item.body
    for gone in ("steal", "<script", "<iframe", "onmouseover", "onclick", "onerror"):
        assert gone not in item.body


def test_a_feed_item_over_a_million_characters():
    body = "<p>Paragraph.</p>" * 70_000
    feed = f"<rss><channel><item><title>T</title><description><![CDATA[{body}]]>"
    with pytest.raises(FormatError, match="Feed item 1 is 1,190,0.. characters long"):
        parse("rss", (feed + "</description></item></channel></rss>").encode())


def test_a_payload_over_5_mb():
    payload = b'<rss version="2.0"><channel>' + b" " * (6 * 1024 * 1024) + b"</channel></rss>"
    for format in ("rss", "ninjs", "newsml"):
        with pytest.raises(FormatError, match="at most 5,242,880 are read"):
            parse(format, payload)


@pytest.mark.parametrize("name", SAMPLES)
def test_reading_past_the_time_budget(name, monkeypatch):
    monkeypatch.setattr(text, "PARSE_SECONDS", -1)
    with pytest.raises(FormatError, match="took more than -1 seconds"):
        read(name)


def test_an_unknown_format():
    with pytest.raises(FormatError, match="Unknown format 'nitf'"):
        parse("nitf", b"<nitf/>")


@pytest.mark.parametrize("name", SAMPLES)
def test_mangled_samples_give_items_or_a_format_error(name):
    """Cut short anywhere or with bytes flipped, a sample is read or refused, never a crash."""
    whole = (FIXTURES / name).read_bytes()
    dice = random.Random(name)
    payloads = [whole[:cut] for cut in range(0, len(whole), max(1, len(whole) // 60))]
    for _ in range(150):
        mangled = bytearray(whole)
        for _ in range(dice.randint(1, 8)):
            mangled[dice.randrange(len(mangled))] = dice.randrange(256)
        payloads.append(bytes(mangled))
    for payload in payloads:
        try:
            items = parse(SAMPLES[name], payload)
        except FormatError as error:
            assert str(error)
        else:
            assert all(isinstance(item, ParsedItem) for item in items)
