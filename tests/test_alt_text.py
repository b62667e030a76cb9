"""Alt text wherever an image is (core/alt_text.py): sessions, speakers, units (their cover), partners (their logo)
and releases have a translated description of their image, shown beside it in the admin and used as the image's
alt on the public pages; an image is published only with its Vietnamese description, refused by the admin's form
and by the list's publish action, with the reason."""

import html5lib
import pytest
from django.contrib.admin.models import LogEntry
from django.core.files.base import ContentFile
from django.utils import translation

from core.alt_text import REQUIRED
from core.models import Status
from events.models import Session, Speaker
from exhibitors.models import CreativeUnit, Partner
from press.models import PressRelease
from tests import factories
from tests.helpers import jpeg_bytes, text_of
from tests.test_history import change_url, form_data, tree

pytestmark = pytest.mark.django_db


def image():
    return ContentFile(jpeg_bytes(), name="picture.jpg")


# (model, factory, image field, alt field)
KINDS = {
    "session": (Session, factories.SessionFactory, "image", "image_alt"),
    "speaker": (Speaker, factories.SpeakerFactory, "photo", "photo_alt"),
    "unit": (CreativeUnit, factories.CreativeUnitFactory, "cover", "cover_alt"),
    "partner": (Partner, factories.PartnerFactory, "logo", "logo_alt"),
    "release": (PressRelease, factories.PressReleaseFactory, "image", "image_alt"),
}


def make(kind, **fields):
    model, factory, image_field, _alt = KINDS[kind]
    return factory(**{image_field: image(), **fields})


def required_message() -> set[str]:
    """The refusal, in either language of the admin."""
    texts = set()
    for language in ("vi", "en"):
        with translation.override(language):
            texts.add(str(REQUIRED))
    return texts


@pytest.mark.parametrize("kind", KINDS)
def test_the_alt_text_field_sits_beside_the_image_in_both_languages(staff_client, kind):
    model, _factory, image_field, alt_field = KINDS[kind]
    obj = make(kind)
    data = form_data(tree(staff_client.get(change_url(obj))))
    assert {f"{alt_field}_vi", f"{alt_field}_en"} <= set(data)
    page = staff_client.get(change_url(obj)).content.decode()
    # In the form, the description comes after the image's own field (the same fieldset, next to its preview).
    assert page.index(f'name="{image_field}"') < page.index(f'name="{alt_field}_vi"')


@pytest.mark.parametrize("kind", KINDS)
def test_the_admin_refuses_to_publish_an_image_without_vietnamese_alt_text(staff_client, kind):
    model, _factory, _image_field, alt_field = KINDS[kind]
    obj = make(kind)
    data = form_data(tree(staff_client.get(change_url(obj))))
    data.update({"status": Status.PUBLISHED, f"{alt_field}_vi": "", f"{alt_field}_en": "A description in English"})

    response = staff_client.post(change_url(obj), data)

    assert response.status_code == 200  # the form again, with the error
    errors = response.context["adminform"].form.errors
    assert {str(message) for message in errors[f"{alt_field}_vi"]} <= required_message()
    assert model.objects.get(pk=obj.pk).status == Status.DRAFT

    data[f"{alt_field}_vi"] = "Ảnh chụp xưởng gốm với những chiếc bình men lam."
    response = staff_client.post(change_url(obj), data)
    assert response.status_code == 302
    assert model.objects.get(pk=obj.pk).status == Status.PUBLISHED


@pytest.mark.parametrize("kind", KINDS)
def test_a_draft_may_wait_for_its_alt_text_and_no_image_needs_none(staff_client, kind):
    model, _factory, image_field, alt_field = KINDS[kind]
    draft = make(kind)
    data = form_data(tree(staff_client.get(change_url(draft))))
    assert staff_client.post(change_url(draft), data).status_code == 302  # a draft with its image, no description

    plain = KINDS[kind][1](**{image_field: ""})
    data = form_data(tree(staff_client.get(change_url(plain))))
    data["status"] = Status.PUBLISHED
    assert staff_client.post(change_url(plain), data).status_code == 302
    assert model.objects.get(pk=plain.pk).status == Status.PUBLISHED


@pytest.mark.parametrize("kind", KINDS)
def test_the_publish_action_refuses_images_without_alt_text_with_the_reason(staff_client, kind):
    model, _factory, _image_field, alt_field = KINDS[kind]
    missing = make(kind)
    described = make(kind, **{f"{alt_field}_vi": "Một tấm ảnh có mô tả."})
    changelist = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
    selection = {"action": "publish", "_selected_action": [missing.pk, described.pk]}

    page = tree(staff_client.post(changelist, selection))
    refused = [text_of(item) for ul in page.iter("ul") if "publish-refused" in ul.get("class", "") for item in ul]
    assert len(refused) == 1
    assert refused[0].startswith(str(missing)) and any(reason in refused[0] for reason in required_message())

    response = staff_client.post(changelist, {**selection, "confirm": "yes"}, follow=True)
    assert model.objects.get(pk=missing.pk).status == Status.DRAFT
    assert model.objects.get(pk=described.pk).status == Status.PUBLISHED
    shown = " ".join(str(message) for message in response.context["messages"])
    assert any(reason in shown for reason in required_message())
    assert not LogEntry.objects.filter(object_id=str(missing.pk), content_type__model=model._meta.model_name).exists()


def img_alts(response, src_part: str) -> list[str]:
    assert response.status_code == 200
    page = html5lib.HTMLParser(namespaceHTMLElements=False).parse(response.content.decode())
    return [img.get("alt") for img in page.iter("img") if src_part in (img.get("src") or "")]


def test_public_pages_describe_each_image_with_its_alt_text(client):
    speaker = factories.SpeakerFactory(
        published=True, name="Nguyễn Thu Hà", photo=image(), photo_alt_vi="Chân dung chị Hà bên bàn xoay gốm"
    )
    unit = factories.CreativeUnitFactory(
        published=True, cover=image(), cover_alt_vi="Mặt tiền xưởng gốm với giàn hoa giấy"
    )
    factories.PartnerFactory(published=True, logo=image(), logo_alt_vi="Biểu trưng Hội Kiến trúc sư")
    session = factories.SessionFactory(published=True, image=image(), image_alt_vi="Bàn xoay gốm trong xưởng")
    with translation.override("vi"):
        speaker_url, unit_url, session_url = (o.get_absolute_url() for o in (speaker, unit, session))

    assert img_alts(client.get(speaker_url), "speakers/") == ["Chân dung chị Hà bên bàn xoay gốm"]
    assert img_alts(client.get("/vi/speakers/"), "speakers/") == ["Chân dung chị Hà bên bàn xoay gốm"]
    assert img_alts(client.get(unit_url), "covers/") == ["Mặt tiền xưởng gốm với giàn hoa giấy"]
    assert set(img_alts(client.get("/vi/partners/"), "partners/")) == {"Biểu trưng Hội Kiến trúc sư"}
    page = html5lib.HTMLParser(namespaceHTMLElements=False).parse(client.get(session_url).content.decode())
    metas = {meta.get("property"): meta.get("content") for meta in page.iter("meta") if meta.get("property")}
    assert metas["og:image:alt"] == "Bàn xoay gốm trong xưởng"

    # Without a description (an image published before the rule, or by code), the name beside it stands in.
    speaker.photo_alt_vi = None  # as in the rows from before the field (both languages empty)
    speaker.photo_alt_en = None
    speaker.save()
    assert img_alts(client.get(speaker_url), "speakers/") == ["Nguyễn Thu Hà"]
    assert img_alts(client.get("/vi/speakers/"), "speakers/") == [""]  # the name is beside it


def test_saves_and_validation_in_code_are_not_refused(db):
    """The rule is the admin's (its form and the publish action): the demo loader and scripts, which save directly
    or validate their rows with full_clean(), are not refused."""
    for kind in KINDS:
        obj = make(kind, published=True)
        obj.full_clean()
        assert type(obj).objects.get(pk=obj.pk).status == Status.PUBLISHED
