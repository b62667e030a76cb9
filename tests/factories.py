"""Plain factory_boy factories, one per model.

Translated fields are written as their `_vi` and `_en` columns (writing `name` would set only the active
language). Slugs are left to the models, which make them from the Vietnamese name on save. Everything starts
as a draft, as in the admin; pass `published=True` (the `published` trait) for public objects.
"""

import datetime
from zoneinfo import ZoneInfo

import factory
from factory.django import DjangoModelFactory

from core.models import Status
from events.models import Registration, Session, SessionChange, SessionKind, Speaker, Venue
from exhibitions.models import Artist, Artwork, Exhibition
from exhibitors.models import (
    BuyerChannel,
    CreativeUnit,
    ImportRun,
    MeetingRequest,
    Partner,
    PartnerRole,
    Product,
    Sector,
    UnitKind,
)
from press.models import AccreditationRequest, AssetKind, CoverageLink, MediaAsset, PressContact, PressRelease

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
FIRST_DAY = datetime.date(2026, 1, 10)


class PublishableFactory(DjangoModelFactory):
    """A draft by default, as in the admin; `published=True` makes a public object (published, no embargo)."""

    class Meta:
        abstract = True

    class Params:
        published = factory.Trait(status=Status.PUBLISHED, publish_at=None)


# exhibitors


class SectorFactory(PublishableFactory):
    class Meta:
        model = Sector

    name_vi = factory.Sequence(lambda n: f"Ngành sáng tạo {n}")
    name_en = factory.Sequence(lambda n: f"Creative sector {n}")
    description_vi = "Mô tả ngành."
    description_en = "About the sector."
    order = factory.Sequence(lambda n: n)


class CreativeUnitFactory(PublishableFactory):
    class Meta:
        model = CreativeUnit
        skip_postgeneration_save = True

    name_vi = factory.Sequence(lambda n: f"Đơn vị sáng tạo {n}")
    name_en = factory.Sequence(lambda n: f"Creative unit {n}")
    kind = UnitKind.DESIGN_BRAND
    primary_sector = factory.SubFactory(SectorFactory)
    short_description_vi = "Gốm thủ công."
    short_description_en = "Handmade ceramics."
    booth = factory.Sequence(lambda n: f"B{n}")

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if create and extracted:
            self.sectors.set(extracted)


class ProductFactory(PublishableFactory):
    class Meta:
        model = Product

    unit = factory.SubFactory(CreativeUnitFactory)
    name_vi = factory.Sequence(lambda n: f"Sản phẩm {n}")
    name_en = factory.Sequence(lambda n: f"Product {n}")


class PartnerFactory(PublishableFactory):
    class Meta:
        model = Partner

    name_vi = factory.Sequence(lambda n: f"Đối tác {n}")
    name_en = factory.Sequence(lambda n: f"Partner {n}")
    role = PartnerRole.SPONSOR


class MeetingRequestFactory(DjangoModelFactory):
    class Meta:
        model = MeetingRequest

    unit = factory.SubFactory(CreativeUnitFactory)
    buyer_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    organisation = "Công ty Quà tặng Hà Nội"
    channel = BuyerChannel.GIFTS
    email = factory.Sequence(lambda n: f"buyer{n}@example.com")
    message = "Chúng tôi muốn đặt 200 bộ quà tặng."


class ImportRunFactory(DjangoModelFactory):
    class Meta:
        model = ImportRun

    kind = "exhibitors.creativeunit"
    file_name = factory.Sequence(lambda n: f"units-{n}.csv")


# events


class VenueFactory(PublishableFactory):
    class Meta:
        model = Venue

    name_vi = factory.Sequence(lambda n: f"Địa điểm {n}")
    name_en = factory.Sequence(lambda n: f"Venue {n}")
    address_vi = "Phố Hàng Đậu, Hoàn Kiếm, Hà Nội"
    address_en = "Hang Dau street, Hoan Kiem, Hanoi"


class SpeakerFactory(PublishableFactory):
    class Meta:
        model = Speaker

    name = factory.Sequence(lambda n: f"Trần Thị {n}")
    role_vi = "Nhà thiết kế"
    role_en = "Designer"


class SessionFactory(PublishableFactory):
    class Meta:
        model = Session
        skip_postgeneration_save = True

    title_vi = factory.Sequence(lambda n: f"Tọa đàm {n}")
    title_en = factory.Sequence(lambda n: f"Talk {n}")
    kind = SessionKind.FORUM
    starts_at = factory.Sequence(
        lambda n: datetime.datetime.combine(FIRST_DAY, datetime.time(9), tzinfo=HANOI) + datetime.timedelta(minutes=n)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=1))
    venue = factory.SubFactory(VenueFactory)

    @factory.post_generation
    def speakers(self, create, extracted, **kwargs):
        if create and extracted:
            self.speakers.set(extracted)


class RegistrationFactory(DjangoModelFactory):
    class Meta:
        model = Registration

    session = factory.SubFactory(SessionFactory, capacity=50)
    name = factory.Sequence(lambda n: f"Lê Minh {n}")
    email = factory.Sequence(lambda n: f"visitor{n}@example.com")
    consent = True
    # The visitor followed the link in the e-mail: the seat counts whatever the clock says.
    confirmed_at = factory.LazyFunction(lambda: datetime.datetime(2026, 1, 5, 10, 0, tzinfo=HANOI))


class SessionChangeFactory(DjangoModelFactory):
    class Meta:
        model = SessionChange

    session = factory.SubFactory(SessionFactory)
    old_starts_at = factory.LazyAttribute(lambda o: o.session.starts_at - datetime.timedelta(hours=2))
    old_ends_at = factory.LazyAttribute(lambda o: o.session.ends_at - datetime.timedelta(hours=2))
    new_starts_at = factory.LazyAttribute(lambda o: o.session.starts_at)
    new_ends_at = factory.LazyAttribute(lambda o: o.session.ends_at)
    old_venue = factory.LazyAttribute(lambda o: o.session.venue)
    new_venue = factory.LazyAttribute(lambda o: o.session.venue)


# exhibitions


class ExhibitionFactory(PublishableFactory):
    class Meta:
        model = Exhibition

    title_vi = factory.Sequence(lambda n: f"Triển lãm {n}")
    title_en = factory.Sequence(lambda n: f"Exhibition {n}")
    starts_on = FIRST_DAY
    ends_on = datetime.date(2026, 1, 11)
    venue = factory.SubFactory(VenueFactory)


class ArtistFactory(PublishableFactory):
    class Meta:
        model = Artist

    name = factory.Sequence(lambda n: f"Họa sĩ {n}")
    city_vi = "Hà Nội"
    city_en = "Hanoi"


class ArtworkFactory(PublishableFactory):
    class Meta:
        model = Artwork
        skip_postgeneration_save = True

    exhibition = factory.SubFactory(ExhibitionFactory)
    catalogue_number = factory.Sequence(lambda n: n + 1)
    title_vi = factory.Sequence(lambda n: f"Tác phẩm {n}")
    title_en = factory.Sequence(lambda n: f"Artwork {n}")
    alt_text_vi = "Tranh vẽ phố cổ Hà Nội."
    alt_text_en = "A drawing of Hanoi's old quarter."

    @factory.post_generation
    def artists(self, create, extracted, **kwargs):
        if create:
            self.artists.set(extracted if extracted is not None else [ArtistFactory()])


# press


class PressContactFactory(PublishableFactory):
    class Meta:
        model = PressContact

    name = factory.Sequence(lambda n: f"Phạm Thu {n}")
    role_vi = "Truyền thông"
    role_en = "Communications"
    email = factory.Sequence(lambda n: f"press{n}@example.com")


class CoverageLinkFactory(PublishableFactory):
    class Meta:
        model = CoverageLink

    outlet = "Báo Hà Nội Mới"
    headline = factory.Sequence(lambda n: f"Tụ hội sáng tạo bên hồ Hoàn Kiếm, bài {n}")
    url = factory.Sequence(lambda n: f"https://hanoimoi.example.vn/bai-{n}")
    published_on = datetime.date(2026, 1, 10)
    language = "vi"


class PressReleaseFactory(PublishableFactory):
    class Meta:
        model = PressRelease

    title_vi = factory.Sequence(lambda n: f"Thông cáo báo chí {n}")
    title_en = factory.Sequence(lambda n: f"Press release {n}")
    body_vi = "Nội dung thông cáo."
    body_en = "Text of the release."
    contact = factory.SubFactory(PressContactFactory)


class MediaAssetFactory(PublishableFactory):
    class Meta:
        model = MediaAsset

    title_vi = factory.Sequence(lambda n: f"Ảnh {n}")
    title_en = factory.Sequence(lambda n: f"Photo {n}")
    kind = AssetKind.PHOTO
    image = factory.django.ImageField(filename="anh.jpg", width=80, height=60, color="teal", format="JPEG")
    credit = "Ban tổ chức"


class AccreditationRequestFactory(DjangoModelFactory):
    class Meta:
        model = AccreditationRequest

    name = factory.Sequence(lambda n: f"Đỗ Hải {n}")
    outlet = "Báo Hà Nội Mới"
    email = factory.Sequence(lambda n: f"reporter{n}@example.com")
    days = "2026-01-10"
