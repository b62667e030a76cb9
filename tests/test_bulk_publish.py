"""The list's publish and unpublish actions ask first (a page naming what will change, what cannot and why, with
nothing changed yet), and once confirmed change the status and keep it in each object's history with who did it."""

import html5lib
import pytest
from django.contrib.admin.models import LogEntry
from reversion.models import Version

from core.models import Status
from events.models import Session
from tests import factories
from tests.helpers import text_of

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/events/session/"


def tree(response):
    assert response.status_code == 200
    return html5lib.HTMLParser(namespaceHTMLElements=False).parse(response.content.decode())


def form_of(page) -> dict:
    """The confirmation form's fields, as the browser posts them (hidden inputs; the submit button by its name)."""
    form = next(form for form in page.iter("form") if any(i.get("name") == "confirm" for i in form.iter("input")))
    data = {}
    for field in form.iter("input"):
        if field.get("type") == "hidden":
            data.setdefault(field.get("name"), []).append(field.get("value"))
    return data


def test_publishing_several_sessions_asks_first_then_publishes_each_with_its_history(staff_client, admin_user):
    first, second, untouched = factories.SessionFactory.create_batch(3)
    selected = [first.pk, second.pk]

    response = staff_client.post(CHANGELIST, {"action": "publish", "_selected_action": selected})

    # A confirmation page naming both sessions, with nothing changed yet.
    page = tree(response)
    listed = {a.get("href") for a in page.iter("a") if "/change/" in (a.get("href") or "")}
    assert listed == {f"/admin/events/session/{pk}/change/" for pk in selected}
    assert set(Session.objects.values_list("status", flat=True)) == {Status.DRAFT}
    assert not Version.objects.exists() and not LogEntry.objects.exists()
    data = form_of(page)
    assert sorted(int(pk) for pk in data["_selected_action"]) == sorted(selected)
    assert data["action"] == ["publish"] and data["confirm"] == ["yes"]

    # Confirming (the form as the page gives it) publishes them.
    staff_client.post(CHANGELIST, data)
    assert set(Session.objects.published()) == {first, second}
    assert Session.objects.get(pk=untouched.pk).status == Status.DRAFT

    for session in (first, second):
        versions = list(Version.objects.get_for_object(session).select_related("revision").order_by("pk"))
        assert [v.revision.user for v in versions] == [None, admin_user]  # the state before, then the change
        assert '"status": "published"' in versions[-1].serialized_data
        assert '"status": "draft"' in versions[0].serialized_data
        history = text_of(tree(staff_client.get(f"/admin/events/session/{session.pk}/history/")).find(".//body"))
        assert admin_user.get_username() in history
        assert LogEntry.objects.filter(object_id=str(session.pk), user=admin_user).exists()
    assert not Version.objects.get_for_object(untouched).exists()


def test_the_confirmation_page_is_in_vietnamese(admin_client):
    session = factories.SessionFactory(title_vi="Tọa đàm gốm")
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "vi"
    page = tree(admin_client.post(CHANGELIST, {"action": "publish", "_selected_action": [session.pk]}))
    body = text_of(page.find(".//body"))
    assert "sẽ được đăng" in body
    assert any(i.get("value") == "Có, đăng" for i in page.iter("input"))


def test_unpublishing_asks_first_too_and_is_kept_in_the_history(staff_client, admin_user):
    shown, draft = factories.SessionFactory(published=True), factories.SessionFactory()

    page = tree(staff_client.post(CHANGELIST, {"action": "unpublish", "_selected_action": [shown.pk, draft.pk]}))
    assert Session.objects.get(pk=shown.pk).status == Status.PUBLISHED
    data = form_of(page)
    assert data["action"] == ["unpublish"]

    staff_client.post(CHANGELIST, data)
    assert Session.objects.get(pk=shown.pk).status == Status.DRAFT
    latest = Version.objects.get_for_object(shown).select_related("revision").order_by("-pk").first()
    assert latest.revision.user == admin_user and '"status": "draft"' in latest.serialized_data
    assert not Version.objects.get_for_object(draft).exists()  # it did not change


def test_the_confirmation_names_what_cannot_be_published_and_why(staff_client):
    exhibition = factories.ExhibitionFactory(published=True)
    ready = factories.ArtworkFactory(exhibition=exhibition, catalogue_number=1, title_vi="Sẵn sàng")
    blank = factories.ArtworkFactory(exhibition=exhibition, catalogue_number=2, title_vi="Thiếu mô tả", alt_text_vi="")

    page = tree(
        staff_client.post(
            "/admin/exhibitions/artwork/", {"action": "publish", "_selected_action": [ready.pk, blank.pk]}
        )
    )
    refused = [text_of(item) for ul in page.iter("ul") if "publish-refused" in ul.get("class", "") for item in ul]
    assert len(refused) == 1 and refused[0].startswith(f"{blank}:")  # named with its reason
    listed = {a.get("href") for a in page.iter("a") if "/change/" in (a.get("href") or "")}
    assert listed == {f"/admin/exhibitions/artwork/{ready.pk}/change/"}

    staff_client.post("/admin/exhibitions/artwork/", form_of(page))
    ready.refresh_from_db(), blank.refresh_from_db()
    assert (ready.status, blank.status) == (Status.PUBLISHED, Status.DRAFT)


def test_a_second_confirmation_of_the_same_selection_changes_nothing_more(staff_client):
    session = factories.SessionFactory()
    data = form_of(tree(staff_client.post(CHANGELIST, {"action": "publish", "_selected_action": [session.pk]})))
    staff_client.post(CHANGELIST, data)
    staff_client.post(CHANGELIST, data)  # a double click, or the browser's back and resend
    assert Version.objects.get_for_object(session).count() == 2
