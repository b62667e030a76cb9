"""Open data: sectors, creative units, products and partners (registered with core.api in ExhibitorsConfig.ready).

One schema per resource: its fields are the answer and its description in the OpenAPI document (core.api.Record)."""

from datetime import datetime

from django.db.models import Prefetch
from pydantic import Field

from core import api
from core.api import Email, Id, Label, PageUrls, Record, Resource, Slug, Text, Uri

from .directory import in_sector
from .models import CreativeUnit, Partner, PartnerRole, PriceBand, Product, Sector, UnitKind


def _published_sectors():
    return Sector.objects.published()


def _published_units():
    return CreativeUnit.objects.published()


class SectorRecord(Record):
    id: Id
    slug: Slug
    name: Text
    description: Text
    colour: str = Field(pattern="^#[0-9a-fA-F]{6}$")
    order: int
    page_url: PageUrls
    updated_at: datetime


class UnitRecord(Record):
    id: Id
    slug: Slug
    name: Text
    kind: UnitKind
    kind_label: Label
    primary_sector: Slug | None = Field(description="Slug of the main sector (see /sectors/).")
    sectors: list[Slug] = Field(description="Slugs of the other sectors.")
    short_description: Text
    description: Text
    logo: Uri | None
    cover: Uri | None
    booth: str | None
    zone: Text
    address: str | None
    district: str | None
    website: Uri | None
    facebook: Uri | None
    instagram: Uri | None
    public_email: Email | None
    public_phone: str | None
    in_network: bool = Field(description="Member of the Hanoi Creative Spaces Network.")
    commerce_ready: bool = Field(description="Has commerce-ready products.")
    wholesale: bool
    export: bool
    custom_orders: bool
    price_band: PriceBand | None
    price_band_label: Label | None
    lead_time: Text
    page_url: PageUrls
    updated_at: datetime

    @staticmethod
    def resolve_sectors(unit: CreativeUnit) -> list[str]:
        return [sector.slug for sector in unit.sectors.all() if sector.pk != unit.primary_sector_id]


class UnitFilters(api.Filters):
    sector: api.slug_of(
        _published_sectors,
        lambda units, sector: units.filter(in_sector(sector)),
        "Units of this sector (slug), as their main sector or another one.",
    ) = None
    kind: api.choice(UnitKind, "kind", "Units of this kind.") = None
    in_network: api.boolean("in_network", "Members of the Hanoi Creative Spaces Network (true) or not (false).") = None
    commerce_ready: api.boolean("commerce_ready", "Units with commerce-ready products (true) or without (false).") = (
        None
    )
    wholesale: api.boolean("wholesale", "Units that sell wholesale (true) or do not (false).") = None
    export: api.boolean("export", "Units that export (true) or do not (false).") = None
    custom_orders: api.boolean("custom_orders", "Units that take custom orders (true) or do not (false).") = None
    q: api.search("Search names and descriptions in both languages, with or without Vietnamese diacritics.") = None


class ProductRecord(Record):
    id: Id
    name: Text
    description: Text
    unit: Slug = Field(description="Slug of the creative unit that makes it.")
    image: Uri | None
    price_band: PriceBand | None
    price_band_label: Label | None
    retail: bool
    wholesale: bool
    export: bool
    order: int
    page_url: PageUrls = Field(description="The page of the unit, where the product is shown.")
    updated_at: datetime

    @staticmethod
    def resolve_page_url(product: Product) -> dict:
        return api.page_urls(product.unit)


class ProductFilters(api.Filters):
    unit: api.slug_of(
        _published_units, lambda products, unit: products.filter(unit=unit), "Products of this creative unit (slug)."
    ) = None


class PartnerRecord(Record):
    id: Id
    slug: Slug
    name: Text
    role: PartnerRole
    role_label: Label
    description: Text
    logo: Uri | None
    website: Uri | None
    order: int
    page_url: PageUrls = Field(description="The partners page.")
    updated_at: datetime

    @staticmethod
    def resolve_website(partner: Partner) -> str | None:
        return partner.url or None

    @staticmethod
    def resolve_page_url(partner: Partner) -> dict:
        return api.page_urls(name="partners")


class PartnerFilters(api.Filters):
    role: api.choice(PartnerRole, "role", "Partners with this role.") = None


def register() -> None:
    api.register(
        Resource(
            name="sectors",
            schema=SectorRecord,
            schema_name="Sector",
            title="Sectors",
            description="The cultural-industry sectors the creative units belong to.",
            queryset=lambda: Sector.objects.published().order_by("order", "name_vi", "pk"),
            order=1,
        )
    )
    api.register(
        Resource(
            name="units",
            schema=UnitRecord,
            schema_name="CreativeUnit",
            title="Creative units",
            description=(
                "The exhibitors: creative spaces, design brands, artisans, institutes, enterprises, craft villages. "
                "Filters match the directory at /vi/exhibitors/. Also as CSV: /api/v1/units.csv."
            ),
            queryset=lambda: (
                CreativeUnit.objects.published()
                .select_related("primary_sector")
                .prefetch_related(Prefetch("sectors", queryset=_published_sectors()))
                .order_by("search_names_folded", "pk")  # alphabetical the Vietnamese way, the same for every client
            ),
            filters=UnitFilters,
            csv=True,
            order=2,
            images=("logo", "cover"),
        )
    )
    api.register(
        Resource(
            name="products",
            schema=ProductRecord,
            schema_name="Product",
            title="Products",
            description="Commerce-ready products of the creative units.",
            queryset=lambda: (
                Product.objects.published()
                .filter(unit__in=_published_units())
                .select_related("unit")
                .order_by("unit__search_names_folded", "unit_id", "order", "pk")
            ),
            lookup="id",
            filters=ProductFilters,
            order=3,
            images=("image",),
        )
    )
    api.register(
        Resource(
            name="partners",
            schema=PartnerRecord,
            schema_name="Partner",
            title="Partners",
            description="Directing bodies, organisers, companions, sponsors, media partners and supporters.",
            queryset=lambda: Partner.objects.published().order_by("order", "name_vi", "pk"),
            filters=PartnerFilters,
            order=10,
            images=("logo",),
        )
    )
