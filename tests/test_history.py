"""The content's history (core/history.py): every admin change of a session, unit, product, work, partner or
release is kept with who and when and shown old → new on the object's history page, under the fields' translated
labels; an earlier version can be restored (after a confirmation page), and the public page, cached or not, then
shows the restored text again."""

import html5lib
import pytest
from django.contrib import admin
from django.utils import translation
from reversion.models import Version

from core.models import Status
from events.models import Session
from exhibitions.models import Artwork
from exhibitors.models import CreativeUnit, Partner, Product
from press.models import PressRelease
from tests import factories
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

OLD_VI, OLD_EN = "Tọa đàm gốm Bát Tràng", "Bat Trang ceramics talk"
NEW_VI, NEW_EN = "Tọa đàm sơn mài", "Lacquer talk"


def tree(response):
    assert response.status_code == 200
    return html5lib.HTMLParser(namespaceHTMLElements=False).parse(response.content.decode())


def versions_on(page) -> list:
    """The history page's versions, newest first: each its heading, comment, changes and restore link."""
    listed = []
    for item in page.iter("li"):
        if "history-version" not in (item.get("class") or ""):
            continue
        changes = [
            (text_of(change.find("strong")), text_of(change.find("del")), text_of(change.find("ins")))
            for listing in item.iter("ul")
            if "history-changes" in (listing.get("class") or "")
            for change in listing.findall("li")
        ]
        links = [a.get("href") for a in item.iter("a") if "/restore/" in (a.get("href") or "")]
        listed.append({"heading": text_of(item.find("h2")), "changes": changes, "restore": links[0] if links else None})
    return listed


def public_title(client, session) -> str:
    with translation.override("vi"):
        url = session.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def change_url(obj) -> str:
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/change/"


def edit(client, obj, **changes):
    """Open the object's change form in the admin, change some fields as typed, and save."""
    data = form_data(tree(client.get(change_url(obj))))
    data.update(changes)
    response = client.post(change_url(obj), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    return response


def history_url(obj) -> str:
    return f"/admin/{obj._meta.app_label}/{obj._meta.model_name}/{obj.pk}/history/"


def test_a_title_change_is_kept_old_to_new_and_restoring_brings_it_back_on_the_cached_public_page(
    client, staff_client, admin_user
):
    session = factories.SessionFactory(published=True, title_vi=OLD_VI, title_en=OLD_EN)
    assert OLD_VI in public_title(client, session)  # and now in the page cache
    assert OLD_VI in public_title(client, session)

    edit(staff_client, session, title_vi=NEW_VI, title_en=NEW_EN)
    page = public_title(client, session)
    assert NEW_VI in page and OLD_VI not in page

    versions = versions_on(tree(staff_client.get(history_url(session))))
    assert len(versions) == 2  # the state before the first recorded change, then the change
    latest, before = versions
    assert admin_user.get_username() in latest["heading"]
    # The two languages of the title, each under its own label, old → new; nothing else shown as changed (not the
    # untranslated column that follows the languages, not a moment stored in another time zone).
    assert sorted((old, new) for _label, old, new in latest["changes"]) == [(OLD_EN, NEW_EN), (OLD_VI, NEW_VI)]
    labels = {label: (old, new) for label, old, new in latest["changes"]}
    assert {labels[label] for label in labels if label.endswith("[vi]")} == {(OLD_VI, NEW_VI)}
    assert latest["restore"] is None and before["restore"]

    # The restore asks first, showing what will change, and changes nothing until confirmed.
    confirmation = staff_client.get(before["restore"])
    assert confirmation.status_code == 200
    assert NEW_VI in confirmation.content.decode() and OLD_VI in confirmation.content.decode()
    session.refresh_from_db()
    assert session.title_vi == NEW_VI

    response = staff_client.post(before["restore"], {"confirm": "yes"})
    assert response.status_code == 302
    session.refresh_from_db()
    assert (session.title_vi, session.title_en, session.status) == (OLD_VI, OLD_EN, Status.PUBLISHED)
    page = public_title(client, session)
    assert OLD_VI in page and NEW_VI not in page

    versions = versions_on(tree(staff_client.get(history_url(session))))
    assert len(versions) == 3
    assert sorted((old, new) for _label, old, new in versions[0]["changes"]) == [(NEW_EN, OLD_EN), (NEW_VI, OLD_VI)]


def test_the_history_page_speaks_vietnamese(admin_client):
    session = factories.SessionFactory(title_vi=OLD_VI, title_en=OLD_EN)
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    edit(admin_client, session, title_vi=NEW_VI)
    page = tree(admin_client.get(history_url(session)))
    latest = versions_on(page)[0]
    assert ("Tiêu đề [vi]", OLD_VI, NEW_VI) in latest["changes"]
    assert "Khôi phục phiên bản này" in text_of(page.find(".//body"))


def test_a_restore_the_rules_refuse_changes_nothing_and_says_why(staff_client):
    session = factories.SessionFactory(title_vi=OLD_VI)
    edit(staff_client, session, title_vi=NEW_VI)
    before = versions_on(tree(staff_client.get(history_url(session))))[1]
    # Since then the session got another address and another session took its old one: restoring the old
    # address would give two sessions one page, so the restore is refused with the reason, and nothing changes.
    old_slug = session.slug
    Session.objects.filter(pk=session.pk).update(slug="dia-chi-moi")
    factories.SessionFactory(slug=old_slug)
    response = staff_client.post(before["restore"], {"confirm": "yes"}, follow=True)
    session.refresh_from_db()
    assert (session.title_vi, session.slug) == (NEW_VI, "dia-chi-moi")
    messages = [str(message) for message in response.context["messages"]]
    assert len(messages) == 1 and old_slug not in messages[0] and "slug" in messages[0].lower()


def test_a_bulk_update_is_not_taken_for_the_baseline_of_another_object(staff_client):
    """Each object has its own history: a change of one never shows in, nor restores, another."""
    first, second = factories.SessionFactory(title_vi="Một"), factories.SessionFactory(title_vi="Hai")
    edit(staff_client, first, title_vi="Một mới")
    assert not Version.objects.get_for_object(second).exists()
    assert Version.objects.get_for_object(first).count() == 2


def form_data(page) -> dict:
    """What the browser would post for the admin form on `page`, as it stands."""
    form = next(f for f in page.iter("form") if f.get("id", "").endswith("_form"))
    data = {}
    for field in form.iter("input"):
        kind, name = field.get("type", "text"), field.get("name")
        if not name or kind in ("submit", "file", "button"):
            continue
        if kind in ("checkbox", "radio"):
            if field.get("checked") is not None:
                data[name] = field.get("value", "on")
            continue
        data[name] = field.get("value", "")
    for field in form.iter("textarea"):
        data[field.get("name")] = field.text or ""
    for field in form.iter("select"):
        chosen = [option.get("value") for option in field.iter("option") if option.get("selected") is not None]
        if field.get("multiple") is not None:
            data[field.get("name")] = chosen
        elif chosen:
            data[field.get("name")] = chosen[0]
    return data


@pytest.mark.parametrize(
    ("make", "name_field"),
    [
        (lambda: factories.CreativeUnitFactory(name_vi="Xưởng gốm cũ"), "name_vi"),
        (lambda: factories.ProductFactory(name_vi="Bình gốm cũ"), "name_vi"),
        (lambda: factories.PartnerFactory(name_vi="Đối tác cũ"), "name_vi"),
        (lambda: factories.ArtworkFactory(title_vi="Tác phẩm cũ"), "title_vi"),
        (lambda: factories.PressReleaseFactory(title_vi="Thông cáo cũ"), "title_vi"),
    ],
    ids=["unit", "product", "partner", "artwork", "release"],
)
def test_every_kind_of_content_keeps_its_admin_changes_and_restores_them(staff_client, admin_user, make, name_field):
    obj = make()
    model = type(obj)
    assert model in (CreativeUnit, Product, Partner, Artwork, PressRelease)
    assert admin.site.is_registered(model)
    old = getattr(obj, name_field)
    edit(staff_client, obj, **{name_field: old.replace("cũ", "mới")})
    obj.refresh_from_db()
    assert getattr(obj, name_field) == old.replace("cũ", "mới")
    latest = versions_on(tree(staff_client.get(history_url(obj))))[0]
    assert admin_user.get_username() in latest["heading"]
    assert any(old_value == old and new == old.replace("cũ", "mới") for _label, old_value, new in latest["changes"])

    baseline = versions_on(tree(staff_client.get(history_url(obj))))[-1]
    assert staff_client.post(baseline["restore"], {"confirm": "yes"}).status_code == 302
    obj.refresh_from_db()
    assert getattr(obj, name_field) == old


def test_a_spreadsheet_import_of_units_is_kept_in_each_changed_units_history(staff_client, admin_user):
    from tests.test_import import csv_bytes, import_file

    unit = factories.CreativeUnitFactory(code="HN-701", booth="A1")
    other = factories.CreativeUnitFactory(code="HN-702", booth="A2")

    import_file(staff_client, "creativeunit", "booths.csv", csv_bytes([["code", "booth"], ["HN-701", "B7"]]))

    unit.refresh_from_db()
    assert unit.booth == "B7"
    latest = versions_on(tree(staff_client.get(history_url(unit))))[0]
    assert admin_user.get_username() in latest["heading"]
    assert [(old, new) for _label, old, new in latest["changes"]] == [("A1", "B7")]
    assert not Version.objects.get_for_object(other).exists()  # not in the file, not touched


def test_the_artwork_import_is_kept_in_each_changed_works_history(staff_client, admin_user, settings, tmp_path):
    from exhibitions import importing
    from tests.test_artwork_import import confirm, sample_rows, to_csv, upload

    settings.TUDOI_IMPORT_STAGING_DIR = tmp_path / "staging"
    exhibition = factories.ExhibitionFactory(published=True)
    rows = sample_rows()
    confirm(staff_client, upload(staff_client, exhibition, to_csv(rows), importing.sample_zip()))
    work = Artwork.objects.get(exhibition=exhibition, catalogue_number=int(rows[0]["catalogue_number"]))
    old_title = work.title_en
    rows[0]["title_en"] = "Old quarter, a winter morning"

    confirm(staff_client, upload(staff_client, exhibition, to_csv(rows)))

    work.refresh_from_db()
    assert work.title_en == "Old quarter, a winter morning"
    latest = versions_on(tree(staff_client.get(history_url(work))))[0]
    assert admin_user.get_username() in latest["heading"]
    assert [(old, new) for _label, old, new in latest["changes"]] == [(old_title, "Old quarter, a winter morning")]


def test_a_reader_sees_the_history_but_cannot_restore(client, staff_client, django_user_model):
    from django.contrib.auth.models import Permission

    session = factories.SessionFactory(title_vi=OLD_VI)
    edit(staff_client, session, title_vi=NEW_VI)
    reader = django_user_model.objects.create_user("reader", "reader@example.vn", "secret-pass-123", is_staff=True)
    reader.user_permissions.add(Permission.objects.get(codename="view_session", content_type__app_label="events"))
    client.force_login(reader)

    versions = versions_on(tree(client.get(history_url(session))))
    assert len(versions) == 2 and not any(v["restore"] for v in versions)
    baseline = Version.objects.get_for_object(session).order_by("pk").first()
    restore_url = f"{history_url(session)}{baseline.pk}/restore/"
    assert client.post(restore_url, {"confirm": "yes"}).status_code == 403
    session.refresh_from_db()
    assert session.title_vi == NEW_VI


def test_an_unknown_or_foreign_version_is_not_found(staff_client):
    first, second = factories.SessionFactory(), factories.SessionFactory()
    edit(staff_client, second, title_vi=NEW_VI)
    foreign = Version.objects.get_for_object(second).first()
    assert staff_client.get(f"{history_url(first)}{foreign.pk}/restore/").status_code == 404
    assert staff_client.get(f"{history_url(first)}999999/restore/").status_code == 404
