"""Translations to finish: the "Lacks English" filter on every translated model, the translator's spreadsheet out
and back in (core/translation_status.py)."""

import io

import html5lib
import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from openpyxl import Workbook, load_workbook

from core.models import StaffPreference
from core.search import SEARCH_COLUMNS
from core.translation_status import TranslationStatusMixin, lacking_english_counts, translated_fields
from events.models import Session
from tests import factories
from tests.helpers import text_of

TRANSLATED = sorted(
    (model for model, model_admin in admin.site._registry.items() if translated_fields(model)),
    key=lambda model: model._meta.label_lower,
)
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def changelist(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def import_url(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_translations_import")


def listed_titles(page: str) -> list[str]:
    """The titles in the admin list, as shown (the English page falls back to Vietnamese)."""
    tree = html5lib.HTMLParser(namespaceHTMLElements=False).parse(page)
    return [text_of(cell) for cell in tree.iterfind(".//table[@id='result_list']//th[@class='field-title']")]


def export(client, model, objects) -> list[list]:
    response = client.post(
        changelist(model),
        {"action": "export_for_translators", "_selected_action": [obj.pk for obj in objects]},
    )
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    sheet = load_workbook(io.BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def xlsx(rows) -> SimpleUploadedFile:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    output = io.BytesIO()
    book.save(output)
    return SimpleUploadedFile("translations.xlsx", output.getvalue(), content_type=XLSX)


@pytest.fixture
def vi_client(admin_client, admin_user):
    """The superuser's client, reading the admin in Vietnamese (their choice; also the default)."""
    StaffPreference.objects.update_or_create(user=admin_user, defaults={"admin_language": "vi"})
    return admin_client


def columns(obj) -> dict:
    """The stored columns of `obj` (`title_vi`, `title_en`, not the language-dependent `title`)."""
    plain = set(translated_fields(type(obj)))
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields if f.name not in plain}


def view_session_permission():
    return Permission.objects.get(codename="view_session", content_type__app_label="events")


@pytest.fixture
def sessions(db):
    """Three sessions with English, one whose English title was removed."""
    complete = factories.SessionFactory.create_batch(3, published=True)
    lacking = factories.SessionFactory(title_vi="Tọa đàm gốm Bát Tràng", title_en="", published=True)
    return complete, lacking


def test_lacks_english_filter_lists_exactly_the_session_without_an_english_title(staff_client, sessions):
    complete, lacking = sessions

    page = staff_client.get(changelist(Session), {"lacks_english": "1"}).content.decode()

    assert listed_titles(page) == ["Tọa đàm gốm Bát Tràng"]
    assert "Lacks English" in page
    with_counts = staff_client.get(changelist(Session), {"lacks_english": "1", "_facets": "1"}).content.decode()
    assert "Lacks English (1)" in with_counts  # "Show counts"
    has_english = staff_client.get(changelist(Session), {"lacks_english": "0"})
    assert sorted(s.pk for s in has_english.context["cl"].result_list) == sorted(s.pk for s in complete)


def test_lacks_english_filter_on_the_demo_lists_exactly_the_session_whose_english_title_is_removed(demo, staff_client):
    session = Session.objects.order_by("pk").first()
    Session.objects.filter(pk=session.pk).update(title_en="")

    page = staff_client.get(changelist(Session), {"lacks_english": "1"}).content.decode()

    assert listed_titles(page) == [session.title_vi]


def test_a_session_without_a_summary_in_either_language_does_not_lack_english(staff_client, db):
    factories.SessionFactory(summary_vi="", summary_en="")
    factories.SessionFactory(summary_vi="Gốm thủ công", summary_en="")  # a summary is not needed to publish

    page = staff_client.get(changelist(Session), {"lacks_english": "1"}).content.decode()

    assert listed_titles(page) == []


def test_an_artwork_whose_vietnamese_alt_text_has_no_english_lacks_english(staff_client, db):
    from exhibitions.models import Artwork

    work = factories.ArtworkFactory(alt_text_vi="Bức tranh sơn mài", alt_text_en="")
    factories.ArtworkFactory(alt_text_vi="Tượng gỗ", alt_text_en="Wooden statue")

    response = staff_client.get(changelist(Artwork), {"lacks_english": "1"})

    assert [row.pk for row in response.context["cl"].result_list] == [work.pk]


@pytest.mark.parametrize("model", TRANSLATED, ids=lambda model: model._meta.label_lower)
def test_every_translated_model_has_the_filter_the_export_and_the_import_page(staff_client, db, model):
    getattr(factories, f"{model.__name__}Factory")()  # the admin shows its actions when the list is not empty
    response = staff_client.get(changelist(model), {"lacks_english": "1"})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Lacks English" in page
    assert 'value="export_for_translators"' in page
    assert import_url(model) in page
    assert staff_client.get(import_url(model)).status_code == 200


def test_the_filter_and_the_action_are_in_vietnamese(vi_client, sessions):
    page = vi_client.get(changelist(Session)).content.decode()

    assert "Thiếu tiếng Anh" in page
    assert "Xuất cho người dịch" in page
    assert "Nhập bản dịch" in page


def test_export_fill_import_round_trip_writes_the_english_title(staff_client, sessions):
    complete, lacking = sessions

    rows = export(staff_client, Session, [*complete, lacking])

    assert rows[0] == ["model", "id", "code", "field", "vietnamese", "english"]
    assert rows[1:] == [["events.session", lacking.pk, lacking.slug, "title", "Tọa đàm gốm Bát Tràng", None]]
    rows[1][5] = "Bat Trang ceramics talk"
    response = staff_client.post(import_url(Session), {"file": xlsx(rows)}, follow=True)
    assert response.status_code == 200
    lacking.refresh_from_db()
    assert lacking.title_en == "Bat Trang ceramics talk"
    assert lacking.title_vi == "Tọa đàm gốm Bát Tràng"
    page = response.content.decode()
    assert "1 English text saved (1 item)." in page
    assert "Bat Trang ceramics talk" in page
    assert listed_titles(staff_client.get(changelist(Session), {"lacks_english": "1"}).content.decode()) == []


def test_a_csv_of_the_same_columns_is_imported_too(staff_client, sessions):
    _complete, lacking = sessions
    data = (
        "\ufeffmodel,id,code,field,vietnamese,english\n"
        f"events.session,{lacking.pk},{lacking.slug},title,Tọa đàm gốm Bát Tràng,Bat Trang talk\n"
    ).encode()

    staff_client.post(import_url(Session), {"file": SimpleUploadedFile("t.csv", data, content_type="text/csv")})

    lacking.refresh_from_db()
    assert lacking.title_en == "Bat Trang talk"


def test_the_export_says_so_when_nothing_lacks_english(staff_client, sessions):
    complete, _lacking = sessions

    response = staff_client.post(
        changelist(Session),
        {"action": "export_for_translators", "_selected_action": [s.pk for s in complete]},
        follow=True,
    )

    assert "Nothing to translate: every selected item already has its English." in response.content.decode()


def test_the_export_keeps_a_formula_like_text_as_text(staff_client, db):
    session = factories.SessionFactory(title_vi='=HYPERLINK("http://x")', title_en="")

    response = staff_client.post(
        changelist(Session), {"action": "export_for_translators", "_selected_action": [session.pk]}
    )

    cell = load_workbook(io.BytesIO(response.content)).active["E2"]
    assert (cell.value, cell.data_type) == ('=HYPERLINK("http://x")', "s")


def test_a_bad_file_is_refused_with_the_bad_values_quoted_and_nothing_is_saved(staff_client, sessions):
    complete, lacking = sessions
    rows = [
        ["model", "id", "code", "field", "vietnamese", "english"],
        ["events.session", lacking.pk, lacking.slug, "title", "Tọa đàm gốm Bát Tràng", "A good title"],
        ["events.session", "abc", "", "title", "", "Orphan"],
        ["events.session", complete[0].pk, "", "venue", "", "Main stage"],
        ["events.session", complete[1].pk, "", "summary", "", "x" * 301],
        ["exhibitors.creativeunit", complete[2].pk, "", "name", "", "A unit"],
    ]

    response = staff_client.post(import_url(Session), {"file": xlsx(rows)})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Nothing was imported" in page
    assert "Row 3: the id “abc” is not valid" in page
    assert "Row 4: the field “venue” is not a translated field here" in page
    assert "Row 5: the English “" + "x" * 301 + "” of summary is refused" in page
    assert "Row 6: the model “exhibitors.creativeunit” is not events.session" in page
    lacking.refresh_from_db()
    assert lacking.title_en == ""  # the good row is not saved either


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("notes.txt", b"hello", "Only CSV (.csv) and Excel (.xlsx) files can be imported."),
        ("t.xlsx", b"not a workbook", "This file is not an Excel workbook (.xlsx)."),
        ("t.csv", b"name,english\nx,y\n", "The file lacks the column(s) id, field."),
    ],
)
def test_an_unreadable_file_gets_a_message_not_an_error(staff_client, sessions, name, data, message):
    response = staff_client.post(import_url(Session), {"file": SimpleUploadedFile(name, data)})

    assert response.status_code == 200
    assert message in response.content.decode()


def test_an_import_without_a_file_asks_for_one(staff_client, sessions):
    response = staff_client.post(import_url(Session), {})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()


def test_a_bad_file_is_refused_in_vietnamese(vi_client, sessions):
    rows = [["model", "id", "code", "field", "vietnamese", "english"], ["events.session", "abc", "", "title", "", "x"]]

    page = vi_client.post(import_url(Session), {"file": xlsx(rows)}).content.decode()

    assert "Hàng 2: mã số “abc” không hợp lệ" in page
    assert "Không có gì được nhập" in page


def test_an_unknown_id_and_changed_vietnamese_are_warnings_and_the_rest_is_saved(staff_client, sessions):
    _complete, lacking = sessions
    rows = [
        ["model", "id", "code", "field", "vietnamese", "english"],
        ["events.session", lacking.pk, lacking.slug, "title", "Tọa đàm gốm (bản cũ)", "Ceramics talk"],
        ["events.session", 999999, "da-xoa", "title", "Đã xóa", "Deleted"],
        ["events.session", lacking.pk, lacking.slug, "summary", "Tóm tắt", ""],  # left empty: skipped
    ]

    page = staff_client.post(import_url(Session), {"file": xlsx(rows)}).content.decode()

    lacking.refresh_from_db()
    assert lacking.title_en == "Ceramics talk"
    assert "Row 2: the Vietnamese title of “Tọa đàm gốm Bát Tràng” changed since the export" in page
    assert "Row 3: there is no item with id 999999 (code “da-xoa”); the row was left out." in page


def test_the_import_writes_only_english(staff_client, sessions):
    _complete, lacking = sessions
    rows = [
        ["model", "id", "code", "field", "vietnamese", "english"],
        ["events.session", lacking.pk, lacking.slug, "title", "Tọa đàm gốm Bát Tràng", "Ceramics talk"],
    ]
    before = columns(Session.objects.get(pk=lacking.pk))

    staff_client.post(import_url(Session), {"file": xlsx(rows)})

    after = columns(Session.objects.get(pk=lacking.pk))
    changed = {key for key in before if before[key] != after[key]} - {"updated_at", *SEARCH_COLUMNS}
    assert changed == {"title_en"}


def test_only_staff_who_may_change_the_model_open_the_import_page(client, db):
    assert client.get(import_url(Session)).status_code == 302
    viewer = User.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(view_session_permission())
    client.force_login(viewer)
    assert client.get(import_url(Session)).status_code == 403


def test_lacking_english_counts_per_model_with_links_to_the_filtered_list(rf, admin_user, sessions):
    request = rf.get("/admin/")
    request.user = admin_user

    with translation.override("en"):
        counts = {entry["label"]: entry for entry in lacking_english_counts(request)}

    assert counts["Sessions"]["count"] == 1
    assert counts["Sessions"]["url"] == changelist(Session) + "?lacks_english=1"
    assert len(counts) == len(TRANSLATED)
    assert all(isinstance(admin.site._registry[model], TranslationStatusMixin) for model in TRANSLATED)


def test_lacking_english_counts_only_what_the_user_may_view(rf, db, sessions):
    viewer = User.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(view_session_permission())
    request = rf.get("/admin/")
    request.user = viewer

    with translation.override("en"):
        assert [entry["label"] for entry in lacking_english_counts(request)] == ["Sessions"]
