"""The organisers' back office: every model in the admin, in both languages, with server-made slugs."""

import datetime
import io
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from PIL import Image

from core.models import Publishable, Status
from events.models import Registration, Session, SessionChange, Speaker, Venue
from exhibitions.models import Artist, Artwork, Exhibition
from exhibitors.models import CreativeUnit, ImportRun, MeetingRequest, MeetingStatus, Partner, Product, Sector
from press.models import AccreditationRequest, CoverageLink, MediaAsset, PressContact, PressRelease
from tests import factories

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
OUR_APPS = {"exhibitors", "events", "exhibitions", "press"}

FACTORIES = {
    Sector: factories.SectorFactory,
    CreativeUnit: factories.CreativeUnitFactory,
    Product: factories.ProductFactory,
    Partner: factories.PartnerFactory,
    MeetingRequest: factories.MeetingRequestFactory,
    ImportRun: factories.ImportRunFactory,
    Venue: factories.VenueFactory,
    Speaker: factories.SpeakerFactory,
    Session: factories.SessionFactory,
    Registration: factories.RegistrationFactory,
    SessionChange: factories.SessionChangeFactory,
    Exhibition: factories.ExhibitionFactory,
    Artist: factories.ArtistFactory,
    Artwork: factories.ArtworkFactory,
    PressContact: factories.PressContactFactory,
    CoverageLink: factories.CoverageLinkFactory,
    PressRelease: factories.PressReleaseFactory,
    MediaAsset: factories.MediaAssetFactory,
    AccreditationRequest: factories.AccreditationRequestFactory,
}


def label(model) -> str:
    return model._meta.label_lower


REGISTERED = sorted((m for m in admin.site._registry if m._meta.app_label in OUR_APPS), key=label)
PUBLISHABLE = [m for m in REGISTERED if issubclass(m, Publishable)]

# Publishing fields as an untouched admin form posts them.
DRAFT = {"status": Status.DRAFT, "publish_at_0": "", "publish_at_1": ""}


def admin_url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def inline_data(page, rows: dict | None = None) -> dict:
    """The POST fields of every inline formset on an admin add or change page: management forms, plus `rows`.

    `rows` maps an inline's model to the list of its rows (dicts of field → value, without the prefix); rows for
    objects that already exist come first and carry their "id".
    """
    rows = rows or {}
    data = {}
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        given = rows.get(formset.model, [])
        initial = formset.initial_form_count()
        data |= {
            f"{formset.prefix}-TOTAL_FORMS": str(max(initial, len(given))),
            f"{formset.prefix}-INITIAL_FORMS": str(initial),
            f"{formset.prefix}-MIN_NUM_FORMS": "0",
            f"{formset.prefix}-MAX_NUM_FORMS": "1000",
        }
        for index, row in enumerate(given):
            data |= {f"{formset.prefix}-{index}-{name}": value for name, value in row.items()}
    return data


def form_errors(response) -> dict:
    """Errors of the admin form and its inlines, to show in a failed assertion (empty after a redirect)."""
    if response.status_code != 200 or "adminform" not in response.context:
        return {}
    errors = {name: list(messages) for name, messages in response.context["adminform"].form.errors.items()}
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        errors |= {f"{formset.prefix}-{i}": dict(e) for i, e in enumerate(formset.errors) if e}
        if formset.non_form_errors():
            errors[f"{formset.prefix}-non-form"] = list(formset.non_form_errors())
    return errors


def post_form(client, url: str, data: dict, rows: dict | None = None):
    """GET an admin add or change page, then POST `data` (and inline `rows`) to it, as a browser would."""
    page = client.get(url)
    assert page.status_code == 200
    return client.post(url, {**data, **inline_data(page, rows)})


def values(obj, names) -> dict:
    """The object's values for `names`; many-to-many fields as lists of objects."""
    obj.refresh_from_db()
    result = {}
    for name in names:
        value = getattr(obj, name)
        result[name] = list(value.all()) if hasattr(value, "all") else value
    return result


def without_files(data: dict) -> dict:
    return {name: value for name, value in data.items() if not hasattr(value, "read")}


def jpeg(name: str = "anh.jpg", size=(80, 60)) -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


# Pages


def test_every_model_is_in_the_admin():
    assert {label(m) for m in REGISTERED} == {
        "exhibitors.sector",
        "exhibitors.creativeunit",
        "exhibitors.product",
        "exhibitors.partner",
        "exhibitors.meetingrequest",
        "exhibitors.importrun",
        "events.venue",
        "events.speaker",
        "events.session",
        "events.registration",
        "events.sessionchange",
        "exhibitions.exhibition",
        "exhibitions.artist",
        "exhibitions.artwork",
        "press.presscontact",
        "press.coveragelink",
        "press.pressrelease",
        "press.mediaasset",
        "press.accreditationrequest",
    }


@pytest.mark.django_db
@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_admin_pages_answer(admin_client, model):
    obj = FACTORIES[model]()
    urls = [
        admin_url(model, "changelist"),
        admin_url(model, "changelist") + "?q=H%C3%A0+N%E1%BB%99i",
        admin_url(model, "add"),
        admin_url(model, "change", obj.pk),
    ]

    statuses = {url: admin_client.get(url).status_code for url in urls}

    expected = dict.fromkeys(urls, 200)
    if model in (SessionChange, ImportRun):  # recorded by the site, never typed in
        expected[admin_url(model, "add")] = 403
    assert statuses == expected


def count_queries(client, url: str) -> int:
    """Queries of a second GET of `url` (the first one fills the caches of the admin's own lookups)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("model", REGISTERED, ids=label)
def test_admin_changelist_query_count_is_flat(admin_client, model):
    """3 or 30 rows, the same queries: list_select_related, prefetching and annotations do their job."""
    changelist = admin_url(model, "changelist")
    FACTORIES[model].create_batch(3)
    few = count_queries(admin_client, changelist)
    FACTORIES[model].create_batch(27)

    many = count_queries(admin_client, changelist)

    assert model.objects.count() == 30
    assert many == few


@pytest.mark.django_db
def test_admin_list_and_form_show_an_image_thumbnail(admin_client):
    asset = factories.MediaAssetFactory(title_vi="Ảnh <b>khai mạc</b>", image__width=400, image__height=300)

    listing = admin_client.get(admin_url(MediaAsset, "changelist")).content.decode()
    form = admin_client.get(admin_url(MediaAsset, "change", asset.pk)).content.decode()

    # The renditions made when the image was saved, fitted in the list's 64 and the form's 240 pixel squares.
    assert re.search(r'<img src="/media/renditions/[^"]+\.webp" width="64" height="48" alt=""', listing)
    assert re.search(r'<img src="/media/renditions/[^"]+\.webp" width="240" height="180" alt=""', form)
    assert "Ảnh &lt;b&gt;khai mạc&lt;/b&gt;" in listing


@pytest.mark.django_db
def test_admin_thumbnail_of_a_missing_file_is_a_link_not_an_error(admin_client):
    asset = factories.MediaAssetFactory()
    asset.image.storage.delete(asset.image.name)
    asset.renditions = {}
    asset.save()  # no renditions can be made of a missing file

    response = admin_client.get(admin_url(MediaAsset, "changelist"))

    assert response.status_code == 200
    assert f'<a href="/media/{asset.image.name}">{asset.image.name}</a>' in response.content.decode()


@pytest.mark.django_db
def test_admin_form_without_an_image_shows_a_dash_for_the_preview(admin_client):
    partner = factories.PartnerFactory()

    response = admin_client.get(admin_url(Partner, "change", partner.pk))

    assert '<div class="readonly">-</div>' in response.content.decode()


@pytest.mark.django_db
def test_admin_slug_is_optional_and_not_prefilled_by_javascript(admin_client):
    response = admin_client.get(admin_url(Sector, "add"))

    form = response.context["adminform"].form
    assert form.fields["slug"].required is False
    assert "prepopulated_fields" not in response.content.decode()


# Create and edit, in both languages


def case_sector():
    data = {
        "name_vi": "Làng gốm Bát Tràng",
        "name_en": "Bat Trang pottery village",
        "slug": "",
        "description_vi": "Gốm sứ thủ công bên sông Hồng.",
        "description_en": "Handmade ceramics on the Red River.",
        "colour": "#8a3b12",
        "icon": "",
        "order": "3",
        **DRAFT,
    }
    changes = {"name_vi": "Gốm Bát Tràng", "name_en": "Bat Trang ceramics"}
    return data, changes, ("name_vi", "name_en", "description_vi", "description_en", "colour", "order")


def case_product():
    unit = factories.CreativeUnitFactory()
    data = {
        "unit": unit.pk,
        "name_vi": "Bình gốm men lam",
        "name_en": "Blue-glazed vase",
        "description_vi": "Men lam vẽ tay.",
        "description_en": "Hand-painted blue glaze.",
        "price_band": "mid",
        "retail": "on",
        "wholesale": "on",
        "order": "0",
        **DRAFT,
    }
    changes = {"name_vi": "Bình gốm men rạn", "name_en": "Crackle-glazed vase"}
    return data, changes, ("unit", "name_vi", "name_en", "description_vi", "description_en", "wholesale")


def case_partner():
    data = {
        "name_vi": "Sở Văn hóa và Thể thao Hà Nội",
        "name_en": "Hanoi Department of Culture and Sports",
        "slug": "",
        "role": "directing",
        "description_vi": "Cơ quan chỉ đạo.",
        "description_en": "Directing body.",
        "url": "https://example.org/so-van-hoa",
        "order": "1",
        **DRAFT,
    }
    changes = {"name_vi": "Sở Văn hóa Hà Nội", "name_en": "Hanoi Department of Culture", "role": "organiser"}
    return data, changes, ("name_vi", "name_en", "description_vi", "description_en", "role", "url")


def case_meeting_request():
    unit, sector = factories.CreativeUnitFactory(), factories.SectorFactory()
    data = {
        "unit": unit.pk,
        "status": MeetingStatus.NEW,
        "notes": "",
        "buyer_name": "Nguyễn Văn An",
        "organisation": "Công ty Quà Việt",
        "channel": "gifts",
        "email": "an@example.com",
        "phone": "+84 912 345 678",
        "language": "vi",
        "sectors": [sector.pk],
        "order_size": "small",
        "message": "Chúng tôi cần 200 bộ quà Tết.",
        "preferred_day": "2026-01-10",
        "preferred_time": "Buổi sáng",
    }
    changes = {"status": MeetingStatus.FORWARDED, "notes": "Đã chuyển cho đơn vị."}
    return data, changes, ("unit", "buyer_name", "sectors", "message", "preferred_day", "status", "notes")


def case_venue():
    data = {
        "name_vi": "Hoàng thành Thăng Long",
        "name_en": "Thang Long Imperial Citadel",
        "slug": "",
        "address_vi": "19C Hoàng Diệu, Ba Đình, Hà Nội",
        "address_en": "19C Hoang Dieu, Ba Dinh, Hanoi",
        "latitude": "21.035000",
        "longitude": "105.840000",
        "order": "1",
        "description_vi": "Di sản thế giới.",
        "description_en": "A World Heritage site.",
        "hours_vi": "8:00–22:00",
        "hours_en": "8 am to 10 pm",
        "accessibility_vi": "Có lối đi cho xe lăn.",
        "accessibility_en": "Step-free access.",
        **DRAFT,
    }
    changes = {"name_vi": "Khu di tích Hoàng thành Thăng Long", "name_en": "Imperial Citadel of Thang Long"}
    return data, changes, ("name_vi", "name_en", "address_vi", "address_en", "accessibility_en")


def case_speaker():
    data = {
        "name": "Nguyễn Thị Hoa",
        "slug": "",
        "role_vi": "Giám đốc sáng tạo",
        "role_en": "Creative director",
        "organisation_vi": "Xưởng gốm Hoa",
        "organisation_en": "Hoa ceramics studio",
        "bio_vi": "Nghệ nhân gốm.",
        "bio_en": "A ceramic artist.",
        **DRAFT,
    }
    changes = {"role_vi": "Nhà sáng lập", "role_en": "Founder"}
    return data, changes, ("name", "role_vi", "role_en", "organisation_vi", "organisation_en", "bio_en")


def case_session():
    venue, sector = factories.VenueFactory(), factories.SectorFactory()
    speaker, unit = factories.SpeakerFactory(), factories.CreativeUnitFactory()
    data = {
        "title_vi": "Tọa đàm: Di sản và sáng tạo",
        "title_en": "Talk: Heritage and creativity",
        "slug": "",
        "kind": "forum",
        "summary_vi": "Di sản trong thiết kế đương đại.",
        "summary_en": "Heritage in contemporary design.",
        "language": "vi-en",
        "starts_at_0": "2026-01-10",
        "starts_at_1": "14:00",
        "ends_at_0": "2026-01-10",
        "ends_at_1": "15:30",
        "venue": venue.pk,
        "location_detail_vi": "Sân khấu chính",
        "location_detail_en": "Main stage",
        "speakers": [speaker.pk],
        "host_units": [unit.pk],
        "sectors": [sector.pk],
        "capacity": "80",
        "registration_opens_at_0": "",
        "registration_opens_at_1": "",
        "registration_closes_at_0": "",
        "registration_closes_at_1": "",
        **DRAFT,
    }
    changes = {"title_vi": "Tọa đàm: Di sản và thiết kế", "title_en": "Talk: Heritage and design", "capacity": "60"}
    return data, changes, ("title_vi", "title_en", "venue", "speakers", "host_units", "sectors", "capacity")


def case_registration():
    session = factories.SessionFactory(capacity=10)
    data = {
        "session": session.pk,
        "status": "confirmed",
        "name": "Lê Minh Anh",
        "email": "minhanh@example.com",
        "phone": "",
        "language": "en",
        "consent": "on",
        "cancelled_at_0": "",
        "cancelled_at_1": "",
    }
    changes = {"status": "cancelled", "cancelled_at_0": "2026-01-09", "cancelled_at_1": "20:00"}
    return data, changes, ("session", "name", "email", "status", "language")


def case_artist():
    data = {
        "name": "Lê Thiết Cương",
        "slug": "",
        "bio_vi": "Họa sĩ Hà Nội.",
        "bio_en": "A Hanoi painter.",
        "city_vi": "Hà Nội",
        "city_en": "Hanoi",
        "birth_year": "1962",
        "website": "",
        **DRAFT,
    }
    changes = {"city_vi": "Hải Phòng", "city_en": "Haiphong"}
    return data, changes, ("name", "bio_vi", "bio_en", "city_vi", "city_en", "birth_year")


def case_artwork():
    exhibition, artist = factories.ExhibitionFactory(), factories.ArtistFactory()
    data = {
        "exhibition": exhibition.pk,
        "catalogue_number": "7",
        "title_vi": "Phố cổ mùa đông",
        "title_en": "The old quarter in winter",
        "slug": "",
        "artists": [artist.pk],
        "year": "2025",
        "medium_vi": "Màu nước",
        "medium_en": "Watercolour",
        "technique": "hand",
        "region": "city",
        "width_cm": "42.0",
        "height_cm": "59.4",
        "alt_text_vi": "Mái ngói phủ sương trên phố Hàng Bạc.",
        "alt_text_en": "Misty tiled roofs on Hang Bac street.",
        "credit_vi": "Ảnh: Ban tổ chức",
        "credit_en": "Photo: the organisers",
        **DRAFT,
    }
    changes = {"title_vi": "Phố cổ ngày đông", "title_en": "Old quarter, a winter day"}
    return data, changes, ("exhibition", "title_vi", "title_en", "artists", "alt_text_vi", "alt_text_en")


def case_press_contact():
    data = {
        "name": "Phạm Thu Trang",
        "role_vi": "Phụ trách truyền thông",
        "role_en": "Head of communications",
        "organisation_vi": "Ban tổ chức",
        "organisation_en": "Organising committee",
        "email": "press@example.org",
        "phone": "+84 24 1234 5678",
        "order": "0",
        **DRAFT,
    }
    changes = {"role_vi": "Phát ngôn viên", "role_en": "Spokesperson"}
    return data, changes, ("name", "role_vi", "role_en", "organisation_vi", "organisation_en", "email")


def case_press_release():
    contact = factories.PressContactFactory()
    data = {
        "title_vi": "Khai mạc Tụ hội sáng tạo",
        "title_en": "Creative Gathering opens",
        "slug": "",
        "summary_vi": "Hai ngày sáng tạo tại Hà Nội.",
        "summary_en": "Two creative days in Hanoi.",
        "body_vi": "Nội dung thông cáo.",
        "body_en": "Text of the release.",
        "contact": contact.pk,
        "image_credit": "",
        "status": Status.PUBLISHED,
        "publish_at_0": "2026-01-08",
        "publish_at_1": "09:00",
    }
    changes = {"title_vi": "Tụ hội sáng tạo chính thức khai mạc", "title_en": "Creative Gathering officially opens"}
    return data, changes, ("title_vi", "title_en", "body_vi", "body_en", "contact", "status")


def case_media_asset():
    data = {
        "title_vi": "Toàn cảnh lễ khai mạc",
        "title_en": "Opening ceremony, wide view",
        "slug": "",
        "kind": "photo",
        "caption_vi": "Lễ khai mạc tối 10/1.",
        "caption_en": "The opening on 10 January.",
        "credit": "Ban tổ chức",
        "licence": "press",
        "order": "0",
        "image": jpeg("Khai mạc.jpg"),
        **DRAFT,
    }
    changes = {"title_vi": "Lễ khai mạc", "title_en": "Opening ceremony"}
    return data, changes, ("title_vi", "title_en", "caption_vi", "caption_en", "credit")


def case_accreditation_request():
    data = {
        "name": "Đỗ Hải Yến",
        "outlet": "Báo Hà Nội Mới",
        "role": "Phóng viên",
        "email": "haiyen@example.com",
        "phone": "",
        "language": "vi",
        "days": "2026-01-10, 2026-01-11",
        "message": "Xin đăng ký tác nghiệp hai ngày.",
        "status": "pending",
        "decided_at_0": "",
        "decided_at_1": "",
    }
    changes = {"status": "approved", "decided_at_0": "2026-01-05", "decided_at_1": "10:00"}
    return data, changes, ("name", "outlet", "days", "message", "status")


CASES = {
    Sector: case_sector,
    Product: case_product,
    Partner: case_partner,
    MeetingRequest: case_meeting_request,
    Venue: case_venue,
    Speaker: case_speaker,
    Session: case_session,
    Registration: case_registration,
    Artist: case_artist,
    Artwork: case_artwork,
    PressContact: case_press_contact,
    PressRelease: case_press_release,
    MediaAsset: case_media_asset,
    AccreditationRequest: case_accreditation_request,
}


def expected(data: dict, names) -> dict:
    """What the model should hold after `data` was posted: posted strings, seen through the saved object's types."""
    return {name: data[name] for name in names}


def normalise(obj_values: dict) -> dict:
    """Saved values in the posted form (pks as strings and lists of pks), so both sides compare as wholes."""
    result = {}
    for name, value in obj_values.items():
        if isinstance(value, list):
            result[name] = [item.pk for item in value]
        elif hasattr(value, "pk"):
            result[name] = value.pk
        elif isinstance(value, bool):
            result[name] = "on" if value else ""
        elif isinstance(value, datetime.date):
            result[name] = value.isoformat()
        elif value is None:
            result[name] = ""
        else:
            result[name] = str(value)
    return result


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(CASES), ids=label)
def test_admin_creates_and_edits_in_both_languages(admin_client, model):
    data, changes, checked = CASES[model]()
    posted_fields = [name for name in checked if name in data]

    created = post_form(admin_client, admin_url(model, "add"), data)

    assert (created.status_code, form_errors(created)) == (302, {})
    obj = model.objects.latest("pk")
    assert normalise(values(obj, posted_fields)) == expected(data, posted_fields)

    edit = {**without_files(data), **changes}
    if "slug" in data:
        edit["slug"] = obj.slug
    edited = post_form(admin_client, admin_url(model, "change", obj.pk), edit)

    assert (edited.status_code, form_errors(edited)) == (302, {})
    assert normalise(values(obj, posted_fields)) == expected(edit, posted_fields)


@pytest.mark.django_db
def test_admin_session_times_are_hanoi_times(admin_client):
    data, _, _ = case_session()

    post_form(admin_client, admin_url(Session, "add"), data)

    session = Session.objects.get()
    assert (session.starts_at, session.ends_at) == (
        datetime.datetime(2026, 1, 10, 14, 0, tzinfo=HANOI),
        datetime.datetime(2026, 1, 10, 15, 30, tzinfo=HANOI),
    )


@pytest.mark.django_db
def test_admin_media_asset_keeps_its_uploaded_image(admin_client):
    data, changes, _ = case_media_asset()

    post_form(admin_client, admin_url(MediaAsset, "add"), data)
    asset = MediaAsset.objects.get()
    post_form(admin_client, admin_url(MediaAsset, "change", asset.pk), {**without_files(data), **changes})

    asset.refresh_from_db()
    assert (asset.image.name, asset.title_en) == ("media-kit/khai-mac.jpg", "Opening ceremony")
    with Image.open(asset.image.path) as image:
        assert (image.format, image.size) == ("JPEG", (80, 60))


@pytest.mark.django_db
def test_admin_creates_a_creative_unit_with_a_product_inline_then_edits_both(admin_client):
    sector = factories.SectorFactory()
    unit_data = {
        "name_vi": "Làng gốm Bát Tràng",
        "name_en": "Bat Trang pottery village",
        "slug": "",
        "kind": "village",
        "primary_sector": sector.pk,
        "short_description_vi": "Gốm thủ công năm trăm năm.",
        "short_description_en": "Five centuries of handmade ceramics.",
        "booth": "B12",
        "commerce_ready": "on",
        **DRAFT,
    }
    product = {
        "name_vi": "Bình gốm men lam",
        "name_en": "Blue-glazed vase",
        "price_band": "mid",
        "retail": "on",
        "order": "0",
        "status": Status.DRAFT,
    }

    created = post_form(admin_client, admin_url(CreativeUnit, "add"), unit_data, {Product: [product]})

    assert (created.status_code, form_errors(created)) == (302, {})
    unit = CreativeUnit.objects.get()
    assert (unit.name_vi, unit.name_en, unit.slug) == (
        "Làng gốm Bát Tràng",
        "Bat Trang pottery village",
        "lang-gom-bat-trang",
    )
    assert [(p.name_vi, p.name_en) for p in unit.products.all()] == [("Bình gốm men lam", "Blue-glazed vase")]

    existing = unit.products.get()
    edited = post_form(
        admin_client,
        admin_url(CreativeUnit, "change", unit.pk),
        {**unit_data, "slug": unit.slug, "name_vi": "Gốm Bát Tràng", "name_en": "Bat Trang ceramics"},
        {
            Product: [
                {**product, "id": existing.pk, "unit": unit.pk, "name_en": "Blue vase"},
                {**product, "name_vi": "Chén trà", "name_en": "Tea cup"},
            ]
        },
    )

    assert (edited.status_code, form_errors(edited)) == (302, {})
    unit.refresh_from_db()
    assert (unit.name_vi, unit.name_en, unit.slug) == ("Gốm Bát Tràng", "Bat Trang ceramics", "lang-gom-bat-trang")
    assert sorted((p.name_vi, p.name_en) for p in unit.products.all()) == [
        ("Bình gốm men lam", "Blue vase"),
        ("Chén trà", "Tea cup"),
    ]


@pytest.mark.django_db
def test_admin_creates_an_exhibition_with_an_artwork_inline_then_edits_both(admin_client):
    venue, artist = factories.VenueFactory(), factories.ArtistFactory()
    exhibition_data = {
        "title_vi": "Chất Địa Phương",
        "title_en": "Local Matter",
        "slug": "",
        "subtitle_vi": "Minh họa về vùng miền",
        "subtitle_en": "Illustrations of Vietnam's regions",
        "starts_on": "2026-01-10",
        "ends_on": "2026-01-11",
        "venue": venue.pk,
        "free_entry": "on",
        **DRAFT,
    }
    artwork = {
        "catalogue_number": "1",
        "title_vi": "Chợ nổi Cái Răng",
        "title_en": "Cai Rang floating market",
        "artists": [artist.pk],
        "alt_text_vi": "Thuyền chở trái cây trên sông.",
        "alt_text_en": "Boats loaded with fruit on the river.",
        "status": Status.DRAFT,
    }

    created = post_form(admin_client, admin_url(Exhibition, "add"), exhibition_data, {Artwork: [artwork]})

    assert (created.status_code, form_errors(created)) == (302, {})
    exhibition = Exhibition.objects.get()
    assert (exhibition.title_vi, exhibition.title_en, exhibition.slug) == (
        "Chất Địa Phương",
        "Local Matter",
        "chat-dia-phuong",
    )
    work = exhibition.artworks.get()
    assert (work.catalogue_number, work.title_vi, work.title_en, list(work.artists.all())) == (
        1,
        "Chợ nổi Cái Răng",
        "Cai Rang floating market",
        [artist],
    )

    edited = post_form(
        admin_client,
        admin_url(Exhibition, "change", exhibition.pk),
        {**exhibition_data, "slug": exhibition.slug, "title_en": "The Local Matter"},
        {Artwork: [{**artwork, "id": work.pk, "exhibition": exhibition.pk, "title_vi": "Chợ nổi miền Tây"}]},
    )

    assert (edited.status_code, form_errors(edited)) == (302, {})
    exhibition.refresh_from_db()
    work.refresh_from_db()
    assert (exhibition.title_vi, exhibition.title_en) == ("Chất Địa Phương", "The Local Matter")
    assert (work.title_vi, work.title_en) == ("Chợ nổi miền Tây", "Cai Rang floating market")


@pytest.mark.django_db
def test_admin_registration_cannot_confirm_past_capacity(staff_client):
    session = factories.SessionFactory(capacity=1)
    factories.RegistrationFactory(session=session)
    data = {**case_registration()[0], "session": session.pk}

    response = post_form(staff_client, admin_url(Registration, "add"), data)

    assert response.status_code == 200
    assert [e.code for e in response.context["adminform"].form.errors.as_data()["status"]] == ["session_full"]
    assert session.registrations.count() == 1


@pytest.mark.django_db
def test_admin_session_page_lists_its_registrations_read_only(admin_client):
    registration = factories.RegistrationFactory(name="Vũ Thị Mai")

    response = admin_client.get(admin_url(Session, "change", registration.session.pk))

    assert response.status_code == 200
    assert "Vũ Thị Mai" in response.content.decode()
    (inline,) = response.context["inline_admin_formsets"]
    assert (inline.has_add_permission, inline.has_change_permission) == (False, False)


# Slugs made on the server


def sector_data(name_vi: str, name_en: str = "") -> dict:
    return {**case_sector()[0], "name_vi": name_vi, "name_en": name_en}


@pytest.mark.django_db
def test_admin_slug_is_made_from_the_vietnamese_name(admin_client):
    post_form(admin_client, admin_url(Sector, "add"), sector_data("Đồ gỗ Đồng Kỵ", "Dong Ky woodwork"))

    assert Sector.objects.get().slug == "do-go-dong-ky"


@pytest.mark.django_db
def test_admin_slug_of_a_second_object_with_the_same_name_is_unique(admin_client):
    post_form(admin_client, admin_url(Sector, "add"), sector_data("Đồ gỗ Đồng Kỵ"))
    post_form(admin_client, admin_url(Sector, "add"), sector_data("Đồ gỗ Đồng Kỵ"))

    assert sorted(Sector.objects.values_list("slug", flat=True)) == ["do-go-dong-ky", "do-go-dong-ky-2"]


@pytest.mark.django_db
def test_admin_slug_is_kept_when_the_name_changes(admin_client):
    post_form(admin_client, admin_url(Sector, "add"), sector_data("Đồ gỗ Đồng Kỵ"))
    sector = Sector.objects.get()

    post_form(
        admin_client,
        admin_url(Sector, "change", sector.pk),
        {**sector_data("Làng nghề gỗ Đồng Kỵ"), "slug": sector.slug},
    )

    sector.refresh_from_db()
    assert (sector.name_vi, sector.slug) == ("Làng nghề gỗ Đồng Kỵ", "do-go-dong-ky")


@pytest.mark.django_db
def test_admin_exhibition_slug_is_made_from_the_vietnamese_title(admin_client):
    venue = factories.VenueFactory()
    data = {
        "title_vi": "Chất Địa Phương",
        "title_en": "Local Matter",
        "slug": "",
        "starts_on": "2026-01-10",
        "ends_on": "2026-01-11",
        "venue": venue.pk,
        **DRAFT,
    }

    post_form(admin_client, admin_url(Exhibition, "add"), data)
    post_form(admin_client, admin_url(Exhibition, "add"), data)

    assert list(Exhibition.objects.order_by("pk").values_list("slug", flat=True)) == [
        "chat-dia-phuong",
        "chat-dia-phuong-2",
    ]


# Required and optional languages


@pytest.mark.django_db
def test_admin_english_left_empty_is_saved_empty_and_falls_back_to_vietnamese(admin_client):
    response = post_form(admin_client, admin_url(Sector, "add"), sector_data("Mỹ thuật", ""))

    assert (response.status_code, form_errors(response)) == (302, {})
    sector = Sector.objects.get()
    assert (sector.name_vi, sector.name_en) == ("Mỹ thuật", None)  # NULL: "not translated yet"
    with translation.override("en"):
        assert sector.name == "Mỹ thuật"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("model", "field"),
    [(Sector, "name_vi"), (Session, "title_vi"), (PressRelease, "body_vi"), (Artwork, "title_vi")],
    ids=lambda value: value if isinstance(value, str) else label(value),
)
def test_admin_vietnamese_left_empty_is_a_form_error(admin_client, model, field):
    data, _, _ = CASES[model]()
    count = model.objects.count()

    response = post_form(admin_client, admin_url(model, "add"), {**data, field: ""})

    assert response.status_code == 200
    assert list(form_errors(response)) == [field]
    assert model.objects.count() == count


# Actions


def select(objects) -> list:
    return [obj.pk for obj in objects]


@pytest.mark.django_db
@pytest.mark.parametrize("model", PUBLISHABLE, ids=label)
def test_admin_publish_and_unpublish_actions(staff_client, model):
    first, second, third = FACTORIES[model].create_batch(3)
    changelist = admin_url(model, "changelist")
    with translation.override("en"):
        singular, plural = str(model._meta.verbose_name), str(model._meta.verbose_name_plural)

    published = staff_client.post(
        changelist, {"action": "publish", "_selected_action": select([first, second]), "confirm": "yes"}, follow=True
    )

    assert [str(m) for m in published.context["messages"]] == [f"2 {plural} published."]
    assert set(model.objects.published()) == {first, second}

    unpublished = staff_client.post(
        changelist, {"action": "unpublish", "_selected_action": select([first, third]), "confirm": "yes"}, follow=True
    )

    assert [str(m) for m in unpublished.context["messages"]] == [f"1 {singular} unpublished (back to draft)."]
    assert list(model.objects.published()) == [second]
    assert model.objects.get(pk=third.pk).status == Status.DRAFT


@pytest.mark.django_db
def test_admin_published_item_with_a_future_time_stays_hidden(admin_client):
    release = factories.PressReleaseFactory(publish_at=datetime.datetime(2999, 1, 1, tzinfo=HANOI))

    admin_client.post(
        admin_url(PressRelease, "changelist"), {"action": "publish", "_selected_action": [release.pk], "confirm": "yes"}
    )

    release.refresh_from_db()
    assert (release.status, list(PressRelease.objects.published())) == (Status.PUBLISHED, [])


@pytest.mark.django_db
def test_admin_meeting_request_status_action(staff_client):
    new, other = factories.MeetingRequestFactory.create_batch(2)

    response = staff_client.post(
        admin_url(MeetingRequest, "changelist"),
        {"action": "mark_arranged", "_selected_action": [new.pk]},
        follow=True,
    )

    assert [str(m) for m in response.context["messages"]] == ["1 meeting request set to “Meeting arranged”."]
    assert dict(MeetingRequest.objects.values_list("pk", "status")) == {
        new.pk: MeetingStatus.ARRANGED,
        other.pk: MeetingStatus.NEW,
    }


@pytest.mark.django_db
def test_admin_meeting_request_status_is_editable_in_the_list(admin_client):
    request = factories.MeetingRequestFactory()

    response = admin_client.post(
        admin_url(MeetingRequest, "changelist"),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-MIN_NUM_FORMS": "0",
            "form-MAX_NUM_FORMS": "1000",
            "form-0-id": request.pk,
            "form-0-status": MeetingStatus.DECLINED,
            "_save": "Save",
        },
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.status == MeetingStatus.DECLINED


@pytest.mark.django_db
def test_admin_meeting_requests_filter_by_the_units_sector(admin_client):
    wanted = factories.MeetingRequestFactory()
    factories.MeetingRequestFactory()

    response = admin_client.get(
        admin_url(MeetingRequest, "changelist"),
        {"unit__primary_sector__id__exact": wanted.unit.primary_sector_id, "status__exact": "new"},
    )

    assert list(response.context["cl"].result_list) == [wanted]


@pytest.mark.django_db
def test_admin_search_finds_english_and_vietnamese_names(admin_client):
    unit = factories.CreativeUnitFactory(name_vi="Xưởng mộc Kim Bồng", name_en="Kim Bong carpentry")
    factories.CreativeUnitFactory()
    changelist = admin_url(CreativeUnit, "changelist")

    found = [list(admin_client.get(changelist, {"q": q}).context["cl"].result_list) for q in ("Kim Bồng", "carpentry")]

    assert found == [[unit], [unit]]
