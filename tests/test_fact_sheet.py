"""The press kit's fact sheet as a PDF, in Vietnamese and English, and the press kit's logo: what a journalist who
downloads them reads (the text a PDF reader extracts, its links), and that they follow the site's data."""

import io
import unicodedata
from datetime import date

import pytest
from PIL import Image
from pypdf import PdfReader

from core.models import Status
from events.models import SessionKind
from exhibitions.models import Artist, Artwork, Exhibition
from exhibitors.models import CreativeUnit, Partner, PartnerRole, Sector, UnitKind
from press import pdf
from press.models import AssetKind, PressContact
from tests import factories
from tests.helpers import parse
from tudoi.demo import press as demo_press

PUBLISHED = Status.PUBLISHED
PDF_URL = "/{language}/press/kit/fact-sheet.pdf"

pytestmark = pytest.mark.django_db


@pytest.fixture
def festival():
    """The programme as the announcement gives it, built in bulk: 216 units in 8 sectors, the exhibition
    "Chất Địa Phương" with its 89 works at the Hồ Gươm centre, sessions, partners and a press contact."""
    sectors = [
        Sector.objects.create(
            name_vi=f"Lĩnh vực {i}", name_en=f"Sector {i}", slug=f"linh-vuc-{i}", order=i, status=PUBLISHED
        )
        for i in range(8)
    ]
    CreativeUnit.objects.bulk_create(
        CreativeUnit(
            name_vi=f"Đơn vị {i}",
            name_en=f"Unit {i}",
            slug=f"don-vi-{i}",
            kind=UnitKind.CREATOR,
            primary_sector=sectors[i % 8],
            status=PUBLISHED,
        )
        for i in range(216)
    )
    centre = factories.VenueFactory(
        name_vi="Trung tâm Thông tin Văn hóa Hồ Gươm",
        name_en="Hồ Gươm Cultural Information Centre",
        address_vi="Số 2 phố Lê Thái Tổ, phường Hoàn Kiếm, Hà Nội",
        address_en="2 Lê Thái Tổ Street, Hoàn Kiếm ward, Hanoi",
        status=PUBLISHED,
    )
    exhibition = Exhibition.objects.create(
        title_vi="Chất Địa Phương",
        title_en="Local Essence",
        slug="chat-dia-phuong",
        starts_on=date(2026, 1, 10),
        ends_on=date(2026, 1, 18),
        venue=centre,
        free_entry=True,
        organisers_vi="UNESCO; Sở Văn hóa và Thể thao Hà Nội; TiredCity",
        organisers_en="UNESCO; Hanoi Department of Culture and Sports; TiredCity",
        status=PUBLISHED,
    )
    Artwork.objects.bulk_create(
        Artwork(
            exhibition=exhibition,
            catalogue_number=n,
            slug=f"tac-pham-{n}",
            title_vi=f"Tác phẩm {n}",
            title_en=f"Work {n}",
            status=PUBLISHED,
        )
        for n in range(1, 90)
    )
    artist = Artist.objects.create(name="Họa sĩ Minh Họa", slug="hoa-si-minh-hoa", status=PUBLISHED)
    artist.artworks.set(Artwork.objects.all())
    for kind in (SessionKind.FORUM, SessionKind.WORKSHOP, SessionKind.FAIR):
        factories.SessionFactory(kind=kind, venue=centre, published=True)
    factories.SessionFactory(kind=SessionKind.WORKSHOP, venue=centre, published=True, capacity=20)
    Partner.objects.create(
        name_vi="Ủy ban nhân dân thành phố Hà Nội",
        name_en="Hanoi People's Committee",
        role=PartnerRole.DIRECTING,
        status=PUBLISHED,
    )
    Partner.objects.create(name_vi="LOTTE Department Store", role=PartnerRole.SPONSOR, status=PUBLISHED)
    contact = factories.PressContactFactory(
        name="Phạm Thu Trang",
        role_vi="Phụ trách truyền thông",
        role_en="Communications lead",
        email="baochi@example.org",
        phone="+84 24 0000 0101",
        status=PUBLISHED,
    )
    factories.PressContactFactory(name="Liên hệ nháp", email="nhap@example.org")  # a draft: never printed
    return {"exhibition": exhibition, "contact": contact}


def pdf_text(response) -> str:
    reader = PdfReader(io.BytesIO(response.content))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return unicodedata.normalize("NFC", text)


def pdf_links(response) -> set[str]:
    reader = PdfReader(io.BytesIO(response.content))
    return {
        annotation.get_object()["/A"]["/URI"]
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if "/A" in annotation.get_object() and "/URI" in annotation.get_object()["/A"]
    }


def one_line(text: str) -> str:
    return " ".join(text.split())


EXPECTED = {
    "vi": [
        "Thông tin tóm tắt cho báo chí".upper(),
        "Tụ hội sáng tạo",
        "10–11/01/2026",
        "Quanh hồ Hoàn Kiếm, Hà Nội",
        "Vào cửa tự do",
        "hơn 200",
        "đơn vị sáng tạo",
        "lĩnh vực công nghiệp văn hóa",
        "Triển lãm “Chất Địa Phương”",
        "89 tác phẩm của 98 họa sĩ",
        "10–18/01/2026",
        "Trung tâm Thông tin Văn hóa Hồ Gươm",
        "4 hoạt động trong các ngày 10–11/01/2026",
        "Nghị quyết 57-NQ/TW",
        "Ủy ban nhân dân thành phố Hà Nội",
        "LOTTE Department Store",
        "Phạm Thu Trang",
        "Phụ trách truyền thông",
        "baochi@example.org",
        "+84 24 0000 0101",
    ],
    "en": [
        "PRESS FACT SHEET",
        "Tụ hội sáng tạo",
        "10–11 January 2026",
        "Around Hoàn Kiếm Lake, Hanoi",
        "Free entry",
        "more than 200",
        "creative units",
        "cultural-industry sectors",
        "Exhibition “Chất Địa Phương” (“Local Essence”)",
        "89 works by 98 artists",
        "10–18 January 2026",
        "Hồ Gươm Cultural Information Centre",
        "4 sessions over 10–11 January 2026",
        "Resolution 57-NQ/TW",
        "Hanoi People's Committee",
        "LOTTE Department Store",
        "Phạm Thu Trang",
        "Communications lead",
        "baochi@example.org",
        "+84 24 0000 0101",
    ],
}


# The PDF


@pytest.mark.parametrize("language", ["vi", "en"])
def test_fact_sheet_pdf_names_who_what_where_when_the_exhibition_and_whom_to_call(client, festival, language):
    response = client.get(PDF_URL.format(language=language))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    filename = pdf.FILENAMES[language]
    assert response["Content-Disposition"] == f'inline; filename="{filename}"'
    reader = PdfReader(io.BytesIO(response.content))
    assert 1 <= len(reader.pages) <= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    assert reader.trailer["/Root"]["/Lang"] == language
    assert "Tụ hội sáng tạo" in reader.metadata.title or "Creative Gathering" in reader.metadata.title
    text = one_line(pdf_text(response))
    missing = [phrase for phrase in EXPECTED[language] if phrase not in text]
    assert missing == []
    assert "Liên hệ nháp" not in text and "216" not in text  # a draft contact; units as the headline gives them
    links = pdf_links(response)
    assert {"mailto:baochi@example.org", "tel:+842400000101"} <= links
    assert f"http://testserver/{language}/press/" in links


def test_the_two_fact_sheets_are_each_in_their_own_language(client, festival):
    vietnamese = one_line(pdf_text(client.get(PDF_URL.format(language="vi"))))
    english = one_line(pdf_text(client.get(PDF_URL.format(language="en"))))

    for phrase in ("Vào cửa tự do", "hơn 200", "tác phẩm", "Đầu mối báo chí", "Chỉ đạo".upper()):
        assert phrase in vietnamese and phrase not in english
    for phrase in ("Free entry", "more than 200", "artists in the exhibition", "Press contacts", "DIRECTED BY"):
        assert phrase in english and phrase not in vietnamese


def test_an_edit_of_the_data_shows_in_the_next_pdf_and_nothing_else_draws_it_again(client, festival, monkeypatch):
    drawn = []
    real_render = pdf.render
    monkeypatch.setattr(pdf, "render", lambda sheet: drawn.append(sheet.language) or real_render(sheet))

    first = client.get(PDF_URL.format(language="en"))
    again = client.get(PDF_URL.format(language="en"))
    assert drawn == ["en"]  # the second request read the kept file
    assert first.content == again.content and first["ETag"] == again["ETag"]
    assert client.get(PDF_URL.format(language="en"), HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    exhibition = festival["exhibition"]
    exhibition.title_vi = "Chất Địa Phương 2026"
    exhibition.save()
    PressContact.objects.filter(pk=festival["contact"].pk).update(phone="+84 24 0000 0202")

    changed = client.get(PDF_URL.format(language="en"))
    text = one_line(pdf_text(changed))
    assert drawn == ["en", "en"]
    assert changed["ETag"] != first["ETag"]
    assert "Exhibition “Chất Địa Phương 2026”" in text
    assert "+84 24 0000 0202" in text and "+84 24 0000 0101" not in text


def test_fact_sheet_text_is_composed_unicode_whatever_the_data(client, festival):
    """A name typed with combining marks (as some keyboards send it) prints and extracts as composed letters."""
    decomposed = unicodedata.normalize("NFD", "Đỗ Phương Thảo")
    assert decomposed != "Đỗ Phương Thảo"
    factories.PressContactFactory(name=decomposed, email="thao@example.org", published=True)

    sheet = pdf.compose(pdf.briefing(), "vi")
    text = one_line(pdf_text(client.get(PDF_URL.format(language="vi"))))

    assert "Đỗ Phương Thảo" in [contact.name for contact in sheet.contacts]
    assert "Đỗ Phương Thảo" in text


@pytest.mark.parametrize("path", ["/fr/press/kit/fact-sheet.pdf", "/xx/press/kit/fact-sheet.pdf"])
def test_a_language_the_site_does_not_have_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_fact_sheet_pdf_runs_a_small_fixed_number_of_queries(client, festival, django_assert_max_num_queries):
    for n in range(20):
        factories.PressContactFactory(email=f"more{n}@example.org", published=True)
    with django_assert_max_num_queries(14):
        assert client.get(PDF_URL.format(language="vi")).status_code == 200


# The pages that offer it


def links_to_pdfs(response) -> list[tuple[str, str]]:
    document = parse(response)
    return [(a.get("href"), a.get("hreflang")) for a in document.iter("a") if a.get("type") == "application/pdf"]


@pytest.mark.parametrize("page", ["/{language}/press/", "/{language}/press/facts/"])
@pytest.mark.parametrize("language", ["vi", "en"])
def test_press_pages_link_to_the_pdf_in_both_languages(client, festival, page, language):
    response = client.get(page.format(language=language))

    assert response.status_code == 200
    assert links_to_pdfs(response) == [("/vi/press/kit/fact-sheet.pdf", "vi"), ("/en/press/kit/fact-sheet.pdf", "en")]
    for href, _language in links_to_pdfs(response):
        assert client.get(href)["Content-Type"] == "application/pdf"


# Contacts and the logo


def test_press_room_contact_cards_carry_a_phone_link(client, festival):
    # The demo's contacts have numbers, plainly fictional like their names: no such line exists.
    assert all(contact.phone and "000" in contact.phone for contact in demo_press.CONTACTS)
    assert all("(nhân vật hư cấu)" in contact.role[0] for contact in demo_press.CONTACTS)

    html = client.get("/en/press/").content.decode()

    assert 'href="tel:+842400000101"' in html and "+84 24 0000 0101" in html
    assert 'href="mailto:baochi@example.org"' in html


def test_demo_logo_holds_the_whole_name_with_a_margin_on_every_side():
    layout = demo_press.logo_layout(640)
    width, height = layout["size"]
    left, top, right, bottom = layout["text_box"]
    # The name's own ink (its diacritics above and the dots below included) measured with the font that draws it.
    ink = layout["font"].getbbox(demo_press.LOGO_NAME, anchor="ls")
    assert right - left == ink[2] - ink[0]
    margin = min(left, top, width - right, height - bottom)
    assert margin >= 0.15 * height

    image = Image.open(io.BytesIO(demo_press.logo_png(320)))
    assert image.format == "PNG" and image.height == 320
    drawn = Image.eval(image.convert("L"), lambda v: 255 if v < 250 else 0).getbbox()
    # Nothing drawn touches an edge: the mark starts and the name ends well inside the picture.
    assert drawn[0] >= 0.15 * image.height and image.width - drawn[2] >= 0.15 * image.height
    assert drawn[1] > 0 and drawn[3] < image.height
    assert demo_press.LOGO_NAME == "Tụ hội sáng tạo"


def test_a_logo_in_the_press_room_is_shown_whole_not_cut_to_the_photos_shape(client):
    logo = factories.MediaAssetFactory(
        status=PUBLISHED,
        kind=AssetKind.LOGO,
        title_vi="Logo Tụ hội sáng tạo",
        image__filename="logo.png",
        image__format="PNG",
        image__width=1200,
        image__height=300,
    )
    photo = factories.MediaAssetFactory(published=True, image__width=1200, image__height=600)

    document = parse(client.get("/vi/press/"))
    shapes = {
        img.get("alt"): int(img.get("width")) / int(img.get("height"))
        for img in document.iter("img")
        if img.get("alt") in (logo.title_vi, photo.title_vi)
    }

    assert shapes[logo.title_vi] == pytest.approx(4.0)  # the logo's own shape: nothing cut off
    assert shapes[photo.title_vi] == pytest.approx(4 / 3)  # photos keep their 4:3 cards
    web_size = logo.web_rendition()  # the "Web size" download
    assert client.get(f"/vi/press/kit/{logo.slug}/web/")["Location"] == web_size.url
    assert web_size.url.endswith(".png") and web_size.width / web_size.height == pytest.approx(4.0)


def test_a_long_list_goes_on_to_a_second_page_with_nothing_lost(client, festival):
    for n in range(30):
        factories.VenueFactory(name_vi=f"Điểm hẹn số {n}", address_vi=f"Số {n} phố Hàng Gai, Hà Nội", published=True)

    response = client.get(PDF_URL.format(language="vi"))
    text = one_line(pdf_text(response))

    assert len(PdfReader(io.BytesIO(response.content)).pages) == 2
    assert all(f"Điểm hẹn số {n}" in text for n in range(30))
    assert "baochi@example.org" in text and "1/2" in text and "2/2" in text
