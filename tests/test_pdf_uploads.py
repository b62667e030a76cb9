"""Uploaded PDFs (press cards, media-kit documents) are parsed, and refused with the reason when they are broken or
would do more than show pages: scripts, launch actions, embedded files. Every PDF here is made with pypdf."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, TextStringObject

from press.models import AccreditationRequest, MediaAsset
from tests.helpers import admin_speaks, jpeg_bytes

pytestmark = pytest.mark.django_db

# What the visitor reads, in each language.
UNREADABLE = {
    "en": "This PDF cannot be read: it is damaged, incomplete or not a real PDF.",
    "vi": "Không đọc được tệp PDF này: tệp bị hỏng, không đầy đủ hoặc không phải PDF thật.",
}
JAVASCRIPT = {
    "en": "This PDF contains JavaScript, which we do not accept.",
    "vi": "Tệp PDF này có chứa JavaScript nên không được chấp nhận.",
}
LAUNCH = {
    "en": "This PDF contains an action that opens another file or program, which we do not accept.",
    "vi": "Tệp PDF này có chứa lệnh mở một tệp hoặc chương trình khác nên không được chấp nhận.",
}
EMBEDDED = {
    "en": "This PDF carries attached or embedded files, which we do not accept.",
    "vi": "Tệp PDF này có đính kèm hoặc nhúng tệp khác nên không được chấp nhận.",
}


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _one_page() -> PdfWriter:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    return writer


def plain_pdf() -> bytes:
    return _bytes(_one_page())


def _action(kind: str, **entries) -> DictionaryObject:
    action = DictionaryObject({NameObject("/Type"): NameObject("/Action"), NameObject("/S"): NameObject(kind)})
    action.update({NameObject(f"/{key}"): value for key, value in entries.items()})
    return action


def open_action_javascript_pdf() -> bytes:
    writer = _one_page()
    action = _action("/JavaScript", JS=TextStringObject("app.alert('hello');"))
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)
    return _bytes(writer)


def page_open_launch_pdf() -> bytes:
    writer = _one_page()
    launch = _action("/Launch", F=TextStringObject("calc.exe"))
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(launch)})
    return _bytes(writer)


def embedded_file_pdf() -> bytes:
    writer = _one_page()
    writer.add_attachment("invoice.exe", b"MZ\x90\x00 not really a program")
    return _bytes(writer)


def file_attachment_annotation_pdf() -> bytes:
    writer = _one_page()
    annotation = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Annot"),
            NameObject("/Subtype"): NameObject("/FileAttachment"),
            NameObject("/Rect"): ArrayObject([NumberObject(0), NumberObject(0), NumberObject(20), NumberObject(20)]),
        }
    )
    writer.pages[0][NameObject("/Annots")] = ArrayObject([writer._add_object(annotation)])
    return _bytes(writer)


def truncated_pdf() -> bytes:
    data = plain_pdf()
    return data[: len(data) // 2]


HTML_POLYGLOT = b"%PDF-1.7\n<!doctype html><html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n"


BAD_PDFS = [
    ("open-action-javascript", open_action_javascript_pdf, JAVASCRIPT),
    ("page-open-launch", page_open_launch_pdf, LAUNCH),
    ("embedded-file", embedded_file_pdf, EMBEDDED),
    ("file-attachment-annotation", file_attachment_annotation_pdf, EMBEDDED),
    ("truncated", truncated_pdf, UNREADABLE),
    ("html-starting-with-pdf-header", lambda: HTML_POLYGLOT, UNREADABLE),
]


# Press cards, through the accreditation form


def accreditation_data(press_card: SimpleUploadedFile) -> dict:
    return {
        "name": "Đỗ Hải Yến",
        "outlet": "Báo Hà Nội Mới",
        "email": "haiyen@example.com",
        "days": ["2026-01-10"],
        "press_card": press_card,
        "consent": "on",
        "website": "",
    }


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(("make", "message"), [case[1:] for case in BAD_PDFS], ids=[case[0] for case in BAD_PDFS])
def test_unsafe_or_broken_pdf_press_card_is_refused_with_the_reason_and_nothing_stored(
    client, private_media, language, make, message
):
    card = SimpleUploadedFile("the-card.pdf", make(), content_type="application/pdf")

    response = client.post(f"/{language}/press/accreditation/", accreditation_data(card))

    assert response.status_code == 200
    html = response.content.decode()
    assert message[language] in html
    assert message["en" if language == "vi" else "vi"] not in html
    assert AccreditationRequest.objects.count() == 0
    assert mail.outbox == []
    assert not private_media.exists() or not any(private_media.rglob("*.*"))


def test_a_plain_one_page_pdf_press_card_is_accepted_as_sent(client, private_media):
    pdf = plain_pdf()

    response = client.post(
        "/en/press/accreditation/", accreditation_data(SimpleUploadedFile("card.pdf", pdf, "application/pdf"))
    )

    assert response.status_code == 302
    stored = AccreditationRequest.objects.get()
    assert stored.press_card.name.endswith(".pdf")
    assert (private_media / stored.press_card.name).read_bytes() == pdf


def test_a_photo_press_card_is_still_accepted(client, private_media):
    response = client.post(
        "/vi/press/accreditation/", accreditation_data(SimpleUploadedFile("the.jpg", jpeg_bytes(), "image/jpeg"))
    )

    assert response.status_code == 302
    stored = AccreditationRequest.objects.get()
    assert stored.press_card.name.endswith(".jpg")
    with Image.open(private_media / stored.press_card.name) as card:
        assert card.format == "JPEG"


# Media-kit documents, through the admin


def media_kit_document(document: SimpleUploadedFile) -> dict:
    return {
        "title_vi": "Chương trình",
        "title_en": "Programme",
        "slug": "",
        "kind": "document",
        "caption_vi": "",
        "caption_en": "",
        "credit": "Ban tổ chức",
        "licence": "press",
        "order": "0",
        "document": document,
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
    }


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize(("make", "message"), [case[1:] for case in BAD_PDFS], ids=[case[0] for case in BAD_PDFS])
def test_unsafe_or_broken_media_kit_document_is_refused_in_the_admin(admin_client, settings, language, make, message):
    admin_speaks(admin_client, language)
    url = reverse("admin:press_mediaasset_add")
    document = SimpleUploadedFile("chuong-trinh.pdf", make(), content_type="application/pdf")

    response = admin_client.post(url, media_kit_document(document))

    assert response.status_code == 200
    assert message[language] in response.content.decode()
    assert MediaAsset.objects.count() == 0
    documents = settings.MEDIA_ROOT / "media-kit" / "documents"
    assert not documents.exists() or not any(documents.iterdir())


def test_a_plain_pdf_is_taken_as_a_media_kit_document_in_the_admin(admin_client):
    pdf = plain_pdf()
    document = SimpleUploadedFile("Chương trình.pdf", pdf, content_type="application/pdf")

    response = admin_client.post(reverse("admin:press_mediaasset_add"), media_kit_document(document))

    assert response.status_code == 302
    asset = MediaAsset.objects.get()
    with asset.document.open("rb") as stored:
        assert stored.read() == pdf


def test_a_stored_document_is_not_checked_again_when_the_asset_is_edited(admin_client):
    admin_client.post(
        reverse("admin:press_mediaasset_add"),
        media_kit_document(SimpleUploadedFile("programme.pdf", plain_pdf(), content_type="application/pdf")),
    )
    asset = MediaAsset.objects.get()
    asset.document.storage.delete(asset.document.name)  # even gone from storage, an edit of the texts goes through

    data = {**media_kit_document(None), "title_vi": "Chương trình chính thức"}
    del data["document"]
    response = admin_client.post(reverse("admin:press_mediaasset_change", args=[asset.pk]), data)

    assert response.status_code == 302
    asset.refresh_from_db()
    assert asset.title_vi == "Chương trình chính thức"
