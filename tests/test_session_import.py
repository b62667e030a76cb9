"""The programme's spreadsheet import and export in the admin (events/resources.py, events/import_admin.py): the
page documents the columns in Vietnamese, a file with a bad row saves nothing and says what is wrong with which
value, the sample imports drafts, and an exported programme imports again without changing anything."""

import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import Status
from events.models import Session
from events.resources import SessionResource
from exhibitors.import_admin import SAMPLES
from tests import factories
from tests.helpers import parse

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
pytestmark = pytest.mark.django_db


@pytest.fixture
def vi_client(admin_client):
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    return admin_client


@pytest.fixture
def programme():
    """A venue, a sector, a speaker and a unit that rows can name, and one published session."""
    venue = factories.VenueFactory(slug="nha-bat-giac", name_vi="Nhà Bát Giác", name_en="Octagonal House")
    sector = factories.SectorFactory(name_vi="Thiết kế", name_en="Design")
    speaker = factories.SpeakerFactory(name="Vũ Thu Hà", slug="vu-thu-ha")
    unit = factories.CreativeUnitFactory(code="TH-001", primary_sector=sector, published=True)
    session = factories.SessionFactory(
        slug="toa-dam-mo-dau",
        title_vi="Tọa đàm mở đầu",
        title_en="Opening talk",
        venue=venue,
        starts_at=datetime.datetime(2026, 1, 10, 9, 0, tzinfo=HANOI),
        ends_at=datetime.datetime(2026, 1, 10, 10, 30, tzinfo=HANOI),
        capacity=30,
        registration_opens_at=datetime.datetime(2025, 12, 26, 9, 0, tzinfo=HANOI),
        registration_closes_at=datetime.datetime(2026, 1, 10, 8, 0, tzinfo=HANOI),
        speakers=[speaker],
        published=True,
    )
    session.sectors.set([sector])
    session.host_units.set([unit])
    return {"venue": venue, "sector": sector, "speaker": speaker, "unit": unit, "session": session}


def url(view: str, *args) -> str:
    return reverse(f"admin:events_session_{view}", args=args)


def csv_bytes(rows: list[dict]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=SessionResource.columns(), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def upload(client, name: str, content: bytes):
    return client.post(url("import"), {"import_file": SimpleUploadedFile(name, content), "resource": "0"})


def confirm(client, preview):
    return client.post(url("process_import"), dict(preview.context["confirm_form"].initial), follow=True)


def error_rows(response) -> list[tuple[str, ...]]:
    document = parse(response)
    return [
        tuple("".join(td.itertext()).strip() for td in tr.findall("td"))
        for tr in document.findall(".//tr[@class='import-error']")
    ]


NEW_ROW = {
    "code": "workshop-in-tranh-kh-go",
    "title_vi": "Workshop in tranh khắc gỗ",
    "title_en": "Woodcut printing workshop",
    "kind": "Workshop",
    "starts_at": "11/01/2026 14:00",
    "ends_at": "2026-01-11 15:30",
    "venue": "Octagonal House",
    "language": "vi-en",
    "sectors": "design",
    "speakers": "Vũ Thu Hà",
    "host_units": "TH-001",
    "capacity": "20",
    "registration_opens_at": "2025-12-26 09:00",
    "registration_closes_at": "2026-01-11 13:00",
    "is_highlight": "không",
    "status": "published",
}


def test_the_import_page_documents_the_columns_and_values_in_vietnamese(vi_client, programme):
    response = vi_client.get(url("import"))

    assert response.status_code == 200
    body = response.content.decode()
    for column in ("code", "title_vi", "starts_at", "venue", "speakers", "host_units", "registration_opens_at"):
        assert f"<code>{column}</code>" in body
    assert "Tải lên một bảng tính, mỗi dòng là một hoạt động." in body
    assert "ngày giờ Hà Nội, ví dụ 2026-01-10 09:30" in body  # the hint of the time columns
    assert "<code>nha-bat-giac</code>" in body and "Octagonal House" in body  # the venues to name
    assert "<code>workshop</code>" in body and "<code>vu-thu-ha</code>" in body
    assert url("import_sample", "csv") in body and url("spreadsheet_export", "xlsx") in body
    assert url("import") in vi_client.get(url("changelist")).content.decode()


def test_a_new_session_and_a_bad_row_save_nothing_and_the_errors_quote_the_bad_values(vi_client, programme):
    bad = {**NEW_ROW, "code": "toa-dam-sai", "starts_at": "31/02/2026 10:00", "venue": "Hồ Tây", "kind": "hội nghị"}

    response = upload(vi_client, "chuong-trinh.csv", csv_bytes([NEW_ROW, bad]))

    assert response.context.get("confirm_form") is None
    errors = error_rows(response)
    assert (
        "3",
        "starts_at",
        "“31/02/2026 10:00” không phải là ngày giờ. Hãy viết theo dạng 2026-01-10 09:30 (hoặc 10/01/2026 09:30).",
    ) in [row[:3] for row in errors]
    messages = " ".join(" ".join(row) for row in errors)
    assert "Không có địa điểm “Hồ Tây”" in messages and "nha-bat-giac" in messages
    assert "Không có loại hoạt động “hội nghị”" in messages
    assert all(row[0] == "3" for row in errors)  # the good row 2 has no error
    assert not Session.objects.filter(slug__in=["workshop-in-tranh-kh-go", "toa-dam-sai"]).exists()


def test_a_new_session_is_previewed_then_created_with_its_people_and_window(vi_client, programme):
    preview = upload(vi_client, "chuong-trinh.csv", csv_bytes([NEW_ROW]))
    assert preview.context.get("confirm_form") is not None, error_rows(preview)
    assert not Session.objects.filter(slug=NEW_ROW["code"]).exists()

    confirm(vi_client, preview)

    session = Session.objects.get(slug=NEW_ROW["code"])
    assert session.status == Status.PUBLISHED and session.kind == "workshop" and session.language == "vi-en"
    assert session.starts_at == datetime.datetime(2026, 1, 11, 14, 0, tzinfo=HANOI)
    assert session.venue == programme["venue"] and session.capacity == 20
    assert list(session.speakers.all()) == [programme["speaker"]]
    assert list(session.host_units.all()) == [programme["unit"]]
    assert list(session.sectors.all()) == [programme["sector"]]
    assert session.registration_closes_at == datetime.datetime(2026, 1, 11, 13, 0, tzinfo=HANOI)
    page = vi_client.get(f"/vi/programme/{session.slug}/")
    assert page.status_code == 200 and "Workshop in tranh khắc gỗ" in page.content.decode()


def test_a_published_session_dated_outside_the_event_is_refused(vi_client, programme):
    row = {**NEW_ROW, "starts_at": "01/11/2026 14:00", "ends_at": "01/11/2026 15:00"}  # typed month first

    errors = error_rows(upload(vi_client, "chuong-trinh.csv", csv_bytes([row])))

    assert any("“01/11/2026 14:00” không nằm trong các ngày diễn ra sự kiện" in row[2] for row in errors), errors
    assert not Session.objects.filter(slug=NEW_ROW["code"]).exists()


def test_the_export_imports_again_without_changing_anything(vi_client, programme):
    factories.SessionFactory(slug="buoi-nhap", title_vi="Buổi nháp", venue=programme["venue"])  # a draft, no window
    before = list(Session.objects.order_by("pk").values_list("pk", "updated_at"))

    export = vi_client.get(url("spreadsheet_export", "csv"))
    assert export.status_code == 200
    content = b"".join(export.streaming_content) if export.streaming else export.content
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == SessionResource.columns()
    opening = next(row for row in rows if row["code"] == "toa-dam-mo-dau")
    assert opening["starts_at"] == "2026-01-10 09:00" and opening["venue"] == "nha-bat-giac"
    assert opening["speakers"] == "vu-thu-ha" and opening["host_units"] == "TH-001"

    preview = upload(vi_client, "export.csv", content)
    assert preview.context.get("confirm_form") is not None, error_rows(preview)
    assert preview.context["result"].summary() == {"new": 0, "update": 0, "skip": 2}
    confirm(vi_client, preview)

    assert list(Session.objects.order_by("pk").values_list("pk", "updated_at")) == before


def test_the_sample_imports_two_drafts(vi_client, programme):
    factories.VenueFactory(slug="nha-bat-giac-vuon-hoa-ly-thai-to", name_vi="Nhà Bát Giác (vườn hoa Lý Thái Tổ)")
    factories.SectorFactory(name_vi="Kiến trúc", name_en="Architecture")
    factories.SectorFactory(name_vi="Mỹ thuật, nhiếp ảnh và triển lãm", name_en="Fine arts")
    sample = (SAMPLES / "sessions.csv").read_bytes()
    assert vi_client.get(url("import_sample", "csv")).status_code == 200

    preview = upload(vi_client, "sessions.csv", sample)
    assert preview.context.get("confirm_form") is not None, error_rows(preview)
    confirm(vi_client, preview)

    samples = Session.objects.filter(slug__startswith="mau-")
    assert samples.count() == 2
    assert set(samples.values_list("status", flat=True)) == {Status.DRAFT}
