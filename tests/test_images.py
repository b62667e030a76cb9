"""Image uploads: only re-encoded JPEG, PNG and WebP within the byte and pixel limits get stored.

Through the admin's forms (Partner.logo, MediaAsset.image), as the organisers meet them, and through
`SafeImageFormField` directly where that is simpler. The admin is read in English so that messages compare as written.
"""

import io
import os
import struct
import zlib
from pathlib import Path

import pytest
from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image, PngImagePlugin

from core.images import SafeImageFormField
from exhibitors.models import Partner
from press.models import MediaAsset

MB = 1024 * 1024
SIZE = (64, 48)
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="48">'
    b'<script>alert(1)</script><rect width="64" height="48" fill="teal"/></svg>'
)
PAYLOAD = b"<script>alert(1)</script><html><body>polyglot</body></html>"


def image_bytes(fmt: str, size=SIZE, mode: str = "RGB", **options) -> bytes:
    buffer = io.BytesIO()
    Image.new(mode, size, "teal").save(buffer, fmt, **options)
    return buffer.getvalue()


def png_of_size(width: int, height: int) -> bytes:
    """A valid black-and-white PNG of any size, written row by row: a few KB on disk, gigapixels when decoded."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = bytes(1 + (width + 7) // 8)  # filter byte, then one bit per pixel
    compressor = zlib.compressobj(9)
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def exif_block(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Canon"  # Make
    exif[0x013B] = "Nguyen Van A"  # Artist
    exif[0x0112] = orientation
    return exif.tobytes()


def png_text(text: str) -> PngImagePlugin.PngInfo:
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    return info


def padded_jpeg(total: int) -> bytes:
    """A real JPEG followed by random bytes, `total` bytes in all: what a huge camera file weighs."""
    head = image_bytes("JPEG")
    return head + os.urandom(total - len(head))


def media_files() -> list[str]:
    """Uploaded files in MEDIA_ROOT, not the renditions that saving an image makes (tests/test_renditions.py)."""
    root = Path(settings.MEDIA_ROOT)
    files = (p.relative_to(root) for p in root.rglob("*") if p.is_file())
    return sorted(str(p) for p in files if p.parts[0] not in {"cache", "renditions"})


def partner_data(logo) -> dict:
    return {
        "name_vi": "Nhà tài trợ Kim Cương",
        "name_en": "Diamond sponsor",
        "slug": "",
        "role": "sponsor",
        "url": "",
        "order": "0",
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "logo": logo,
        "logo_alt_vi": "Chữ “Kim Cương” màu vàng",
        "logo_alt_en": "The word “Diamond” in gold",
    }


def media_asset_data(image) -> dict:
    return {
        "title_vi": "Ảnh khai mạc",
        "title_en": "Opening photo",
        "slug": "",
        "kind": "photo",
        "credit": "Ban tổ chức",
        "licence": "press",
        "order": "0",
        "status": "draft",
        "publish_at_0": "",
        "publish_at_1": "",
        "image": image,
    }


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def errors_of(response, field: str) -> list[tuple[str, str]]:
    """(code, message) of each error the admin form shows for `field`."""
    return [(e.code, " ".join(e.messages)) for e in response.context["adminform"].form.errors.as_data()[field]]


PARTNER_ADD = "/admin/exhibitors/partner/add/"


# Accepted


@pytest.mark.django_db
@pytest.mark.parametrize(("fmt", "extension"), [("JPEG", "jpg"), ("PNG", "png"), ("WEBP", "webp")])
def test_upload_of_a_real_image_is_stored_reencoded(staff_client, fmt, extension):
    logo = upload(f"Logo Hà Nội.{extension}", image_bytes(fmt))

    response = staff_client.post(PARTNER_ADD, partner_data(logo))

    assert response.status_code == 302
    partner = Partner.objects.get()
    assert partner.logo.name == f"partners/logo-ha-noi.{extension}"
    with Image.open(partner.logo.path) as stored:
        assert (stored.format, stored.size) == (fmt, SIZE)


@pytest.mark.django_db
def test_upload_keeps_transparency_of_a_png(staff_client):
    logo = upload("logo.png", image_bytes("PNG", mode="RGBA"))

    staff_client.post(PARTNER_ADD, partner_data(logo))

    with Image.open(Partner.objects.get().logo.path) as stored:
        assert (stored.mode, stored.size) == ("RGBA", SIZE)


@pytest.mark.django_db
def test_upload_through_media_asset_is_stored(staff_client):
    response = staff_client.post(
        reverse("admin:press_mediaasset_add"), media_asset_data(upload("toàn cảnh.webp", image_bytes("WEBP")))
    )

    assert response.status_code == 302
    assert media_files() == ["media-kit/toan-canh.webp"]


@pytest.mark.django_db
def test_admin_file_input_asks_for_jpeg_png_or_webp(staff_client):
    response = staff_client.get(PARTNER_ADD)

    assert 'accept="image/jpeg,image/png,image/webp"' in response.content.decode()


# Refused: wrong kind of file, too many pixels, too many bytes


REFUSED = {
    "text-renamed-jpg": (
        lambda: upload("photo.jpg", b"Day khong phai la anh.\n" * 20),
        "invalid_image",
        "JPEG, PNG or WebP",
    ),
    "svg": (lambda: upload("logo.svg", SVG), "invalid_image", "SVG and other formats are not accepted"),
    "svg-renamed-png": (lambda: upload("logo.png", SVG), "invalid_image", "SVG and other formats are not accepted"),
    "gif": (lambda: upload("logo.gif", image_bytes("GIF")), "invalid_image", "JPEG, PNG or WebP"),
    "truncated-jpeg": (lambda: upload("cut.jpg", image_bytes("JPEG")[:200]), "invalid_image", "JPEG, PNG or WebP"),
    "64-megapixels": (
        lambda: upload("big.png", png_of_size(8000, 8000)),
        "image_too_many_pixels",
        "This image is 8000 × 8000 pixels; the limit is 40 megapixels.",
    ),
    "100-megapixels-bomb": (
        lambda: upload("bomb.png", png_of_size(10_000, 10_000)),
        "image_too_many_pixels",
        "the limit is 40 megapixels",
    ),
    "400-megapixels-bomb": (
        lambda: upload("bomb.png", png_of_size(20_000, 20_000)),
        "image_too_many_pixels",
        "the limit is 40 megapixels",
    ),
    "16-mb": (
        lambda: upload("photo.jpg", padded_jpeg(16 * MB)),
        "image_too_large",
        "This file is 16 MB; images may be at most 15 MB. Please upload a smaller version.",
    ),
    "40-mb": (
        lambda: upload("photo.jpg", padded_jpeg(40 * MB)),
        "image_too_large",
        "This file is 40 MB; images may be at most 15 MB. Please upload a smaller version.",
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize("case", list(REFUSED))
def test_upload_refused_is_a_form_error_and_nothing_is_saved(staff_client, case):
    make_upload, code, words = REFUSED[case]

    response = staff_client.post(PARTNER_ADD, partner_data(make_upload()))

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["logo"]
    ((error_code, message),) = errors_of(response, "logo")
    assert error_code == code
    assert words in message
    assert Partner.objects.count() == 0
    assert media_files() == []


@pytest.mark.django_db
@pytest.mark.parametrize("case", ["svg-renamed-png", "400-megapixels-bomb"])
def test_upload_refused_through_media_asset_shows_only_the_image_error(staff_client, case):
    make_upload, code, _ = REFUSED[case]

    response = staff_client.post(reverse("admin:press_mediaasset_add"), media_asset_data(make_upload()))

    assert response.status_code == 200
    assert list(response.context["adminform"].form.errors) == ["image"]
    assert [c for c, _ in errors_of(response, "image")] == [code]
    assert (MediaAsset.objects.count(), media_files()) == (0, [])


@pytest.mark.django_db
def test_upload_limits_follow_the_settings(staff_client, settings):
    settings.TUDOI_IMAGE_MAX_BYTES = 1 * MB
    settings.TUDOI_IMAGE_MAX_PIXELS = 1_000_000

    too_heavy = staff_client.post(PARTNER_ADD, partner_data(upload("a.jpg", padded_jpeg(MB + MB // 2))))
    too_wide = staff_client.post(PARTNER_ADD, partner_data(upload("b.png", image_bytes("PNG", size=(1200, 1000)))))

    assert errors_of(too_heavy, "logo") == [
        ("image_too_large", "This file is 1.5 MB; images may be at most 1 MB. Please upload a smaller version.")
    ]
    assert errors_of(too_wide, "logo") == [
        ("image_too_many_pixels", "This image is 1200 × 1000 pixels; the limit is 1 megapixels.")
    ]
    assert (Partner.objects.count(), media_files()) == (0, [])


@pytest.mark.django_db
def test_upload_refused_on_the_change_form_keeps_the_stored_logo(staff_client):
    staff_client.post(PARTNER_ADD, partner_data(upload("logo.png", image_bytes("PNG"))))
    partner = Partner.objects.get()
    before = media_files()

    response = staff_client.post(
        reverse("admin:exhibitors_partner_change", args=[partner.pk]),
        {**partner_data(upload("logo.png", SVG)), "slug": partner.slug},
    )

    assert response.status_code == 200
    assert [code for code, _ in errors_of(response, "logo")] == ["invalid_image"]
    partner.refresh_from_db()
    assert (partner.logo.name, media_files()) == ("partners/logo.png", before)


# What is stored is only the picture


@pytest.mark.django_db
@pytest.mark.parametrize(
    "make_polyglot",
    [
        pytest.param(lambda: image_bytes("JPEG", exif=exif_block()) + PAYLOAD, id="payload-after-jpeg"),
        pytest.param(lambda: image_bytes("JPEG", comment=PAYLOAD), id="payload-in-jpeg-comment"),
        pytest.param(
            lambda: image_bytes("PNG", pnginfo=png_text(PAYLOAD.decode()), exif=exif_block()),
            id="payload-in-png-text",
        ),
    ],
)
def test_upload_polyglot_is_accepted_without_its_payload_or_metadata(staff_client, make_polyglot):
    content = make_polyglot()
    assert b"<script" in content

    response = staff_client.post(PARTNER_ADD, partner_data(upload("logo.jpg", content)))

    assert response.status_code == 302
    stored = Path(Partner.objects.get().logo.path).read_bytes()
    assert [marker for marker in (b"<script", b"<html", b"Canon", b"Nguyen", b"Exif") if marker in stored] == []
    with Image.open(io.BytesIO(stored)) as image:
        assert (image.size, dict(image.getexif())) == (SIZE, {})


@pytest.mark.django_db
def test_upload_is_turned_the_way_the_camera_says_and_loses_its_exif(staff_client):
    sideways = image_bytes("JPEG", size=(60, 40), exif=exif_block(orientation=6))

    staff_client.post(PARTNER_ADD, partner_data(upload("photo.jpg", sideways)))

    with Image.open(Partner.objects.get().logo.path) as stored:
        assert (stored.size, dict(stored.getexif())) == ((40, 60), {})


def test_form_field_accepts_a_phone_multi_picture_jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", SIZE, "teal").save(buffer, "MPO", save_all=True, append_images=[Image.new("RGB", SIZE, "red")])

    cleaned = SafeImageFormField().clean(upload("IMG_0001.JPG", buffer.getvalue()))

    with Image.open(cleaned) as stored:
        assert (cleaned.name, stored.format, stored.size) == ("img_0001.jpg", "JPEG", SIZE)


def test_form_field_accepts_an_image_whose_exif_block_is_corrupt():
    # Tag 286 (XPosition) must hold a fraction; here it holds text, and rewriting the EXIF makes Pillow raise.
    raw = exif_block(orientation=6).replace(struct.pack(">H", 0x010F), struct.pack(">H", 286), 1)  # big-endian
    content = image_bytes("JPEG", exif=raw)

    cleaned = SafeImageFormField().clean(upload("photo.jpg", content))

    with Image.open(cleaned) as stored:
        assert (stored.format, stored.size, dict(stored.getexif())) == ("JPEG", SIZE, {})


@pytest.mark.parametrize("content", [b"", b"\x89PNG\r\n\x1a\n", b"RIFF\x00\x00\x00\x00WEBPVP8 ", b"\xff\xd8\xff"])
def test_form_field_refuses_empty_and_truncated_files(content):
    with pytest.raises(forms.ValidationError) as raised:
        SafeImageFormField().clean(upload("x.png", content))

    assert raised.value.code == "invalid_image"
