"""The shared pieces of `tudoi`: Vietnamese text, the clock, publishing, slugs."""

import unicodedata
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from core import clock
from core.models import Status
from core.text import fold, search_key, slugify_vi
from exhibitors.models import Sector
from press.models import PressRelease
from tests import factories

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Chất Địa Phương", "chat-dia-phuong"),
        ("Đồng Xuân", "dong-xuan"),
        ("Hồ Gươm", "ho-guom"),
        ("Quảng trường Đông Kinh Nghĩa Thục", "quang-truong-dong-kinh-nghia-thuc"),
        ("ĐẠI HỌC Mỹ thuật Công nghiệp", "dai-hoc-my-thuat-cong-nghiep"),
        ("Vành Khăn Nếp Tóc!", "vanh-khan-nep-toc"),
    ],
)
def test_slugs_keep_d_and_drop_marks(name, slug):
    assert slugify_vi(name) == slug


def test_decomposed_input_gives_the_same_slug_and_folding():
    decomposed = unicodedata.normalize("NFD", "Hà Nội thuỷ hoà")

    assert slugify_vi(decomposed) == slugify_vi("Hà Nội thuỷ hoà") == "ha-noi-thuy-hoa"
    assert fold(decomposed) == fold("HÀ NỘI THUỶ HOÀ") == "ha noi thuy hoa"
    assert search_key("  Hà   Nội, hòa!! ", folded=True) == "ha noi hoa"


@given(st.text())
def test_slugs_are_always_ascii_url_parts(text):
    slug = slugify_vi(text)

    assert slug.isascii()
    assert slug == slug.strip("-")
    assert all(ch.isalnum() or ch in "-_" for ch in slug)


def test_clock_follows_tudoi_now(monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T15:30:00+07:00")

    assert clock.now() == datetime(2026, 1, 10, 15, 30, tzinfo=HANOI)


def test_clock_reads_naive_values_as_hanoi_time(monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T15:30:00")

    assert clock.now() == datetime(2026, 1, 10, 15, 30, tzinfo=HANOI)


def test_clock_is_the_real_time_without_tudoi_now():
    from django.utils import timezone

    assert abs(clock.now() - timezone.now()) < timedelta(seconds=5)


@pytest.mark.django_db
def test_published_hides_drafts_and_embargoed_items_until_their_time(monkeypatch):
    monkeypatch.setenv("TUDOI_NOW", "2026-01-10T12:00:00+07:00")
    embargo = datetime(2026, 1, 11, 9, 0, tzinfo=HANOI)
    PressRelease.objects.create(title_vi="Bản nháp", body_vi="…", status=Status.DRAFT)
    PressRelease.objects.create(title_vi="Đã đăng", body_vi="…", status=Status.PUBLISHED)
    PressRelease.objects.create(title_vi="Cấm đăng", body_vi="…", status=Status.PUBLISHED, publish_at=embargo)

    before = set(PressRelease.objects.published().values_list("title_vi", flat=True))
    monkeypatch.setenv("TUDOI_NOW", "2026-01-11T09:00:00+07:00")
    after = set(PressRelease.objects.published().values_list("title_vi", flat=True))

    assert before == {"Đã đăng"}
    assert after == {"Đã đăng", "Cấm đăng"}


@pytest.mark.django_db
def test_slugs_are_unique_and_stable_when_the_name_changes():
    first = Sector.objects.create(name_vi="Đồ gỗ Đồng Kỵ")
    second = Sector.objects.create(name_vi="Đồ gỗ Đồng Kỵ")

    first.name_vi = "Làng nghề Đồng Kỵ"
    first.save()
    first.refresh_from_db()

    assert first.slug == "do-go-dong-ky"
    assert second.slug == "do-go-dong-ky-2"


@pytest.mark.django_db
def test_english_falls_back_to_vietnamese():
    from django.utils import translation

    sector = Sector.objects.create(name_vi="Thủ công mỹ nghệ", name_en="")

    with translation.override("en"):
        assert sector.name == "Thủ công mỹ nghệ"
    sector.name_en = "Handicrafts"
    with translation.override("en"):
        assert sector.name == "Handicrafts"
    with translation.override("vi"):
        assert sector.name == "Thủ công mỹ nghệ"


def test_healthz_reports_the_database(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_local_admin_creates_a_superuser_and_prints_a_working_password(settings):
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    settings.DEBUG = True
    out = StringIO()

    call_command("local_admin", stdout=out)

    password = out.getvalue().strip().rsplit(" ", 1)[-1]
    user = get_user_model().objects.get(username="admin")
    assert user.is_staff and user.is_superuser
    assert user.check_password(password)


@pytest.mark.django_db
def test_local_admin_refuses_to_run_in_production(settings):
    from django.core.management import CommandError, call_command

    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("local_admin")


def test_favicon_ico_points_to_the_site_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("img/favicon.svg")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "title", "page"),
    [
        ("SessionFactory", "Now", "/en/programme/{slug}/"),
        ("SessionFactory", "My", "/en/programme/{slug}/"),
        ("ArtworkFactory", "Labels", "/en/exhibitions/{exhibition}/{slug}/"),
    ],
)
def test_a_slug_never_takes_the_address_of_a_fixed_page(client, factory, title, page):
    """A session called "Now" must not get `programme/now/` (the "on now" page), nor a work `labels/`."""
    obj = getattr(factories, factory)(title_vi=title, title_en=title, status=Status.PUBLISHED)
    if factory == "ArtworkFactory":
        obj.exhibition.status = Status.PUBLISHED
        obj.exhibition.save()

    assert obj.slug == f"{title.lower()}-2"
    path = page.format(slug=obj.slug, exhibition=getattr(getattr(obj, "exhibition", None), "slug", ""))
    assert title in client.get(path).content.decode()

    obj.slug = title.lower()
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        obj.full_clean()
    assert refused.value.message_dict["slug"] == ["This address belongs to another page of the site; choose another."]
