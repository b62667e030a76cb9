"""Open data: sectors, creative units, products and partners (registered with core.api in ExhibitorsConfig.ready)."""

from django.db.models import Prefetch

from core import api
from core.api import Resource

from .directory import in_sector
from .models import CreativeUnit, Partner, PartnerRole, PriceBand, Product, Sector, UnitKind


def _published_sectors():
    return Sector.objects.published()


def _public_slug(related) -> str | None:
    """The slug of a related record, only when the public may see it."""
    return related.slug if related is not None and related.is_public else None


# Sectors


def sectors():
    return Sector.objects.published().order_by("order", "name_vi", "pk")


def sector_record(sector: Sector) -> dict:
    return {
        "id": sector.pk,
        "slug": sector.slug,
        "name": api.text(sector, "name"),
        "description": api.text(sector, "description"),
        "colour": sector.colour,
        "order": sector.order,
        "page_url": api.page_urls(sector),
        "updated_at": api.moment(sector.updated_at),
    }


SECTOR = {
    "id": api.ID,
    "slug": api.SLUG_VALUE,
    "name": api.TEXT,
    "description": api.TEXT,
    "colour": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$"},
    "order": api.INTEGER,
    "page_url": api.PAGE,
    "updated_at": api.DATE_TIME,
}


# Creative units


def units():
    return (
        CreativeUnit.objects.published()
        .select_related("primary_sector")
        .prefetch_related(Prefetch("sectors", queryset=_published_sectors()))
        .order_by("search_names_folded", "pk")  # alphabetical the Vietnamese way, the same for every client
    )


def unit_record(unit: CreativeUnit) -> dict:
    return {
        "id": unit.pk,
        "slug": unit.slug,
        "name": api.text(unit, "name"),
        "kind": unit.kind,
        "kind_label": api.labels(UnitKind, unit.kind),
        "primary_sector": _public_slug(unit.primary_sector),
        "sectors": [sector.slug for sector in unit.sectors.all() if sector.pk != unit.primary_sector_id],
        "short_description": api.text(unit, "short_description"),
        "description": api.text(unit, "description"),
        "logo": api.file_url(unit.logo),
        "cover": api.file_url(unit.cover),
        "booth": unit.booth or None,
        "zone": api.text(unit, "zone"),
        "address": unit.address or None,
        "district": unit.district or None,
        "website": unit.website or None,
        "facebook": unit.facebook or None,
        "instagram": unit.instagram or None,
        "public_email": unit.public_email or None,
        "public_phone": unit.public_phone or None,
        "in_network": unit.in_network,
        "commerce_ready": unit.commerce_ready,
        "wholesale": unit.wholesale,
        "export": unit.export,
        "custom_orders": unit.custom_orders,
        "price_band": unit.price_band or None,
        "price_band_label": api.labels(PriceBand, unit.price_band),
        "lead_time": api.text(unit, "lead_time"),
        "page_url": api.page_urls(unit),
        "updated_at": api.moment(unit.updated_at),
    }


UNIT = {
    "id": api.ID,
    "slug": api.SLUG_VALUE,
    "name": api.TEXT,
    "kind": api.enum(UnitKind),
    "kind_label": api.LABEL,
    "primary_sector": {**api.OPTIONAL_SLUG, "description": "Slug of the main sector (see /sectors/)."},
    "sectors": {**api.SLUGS, "description": "Slugs of the other sectors."},
    "short_description": api.TEXT,
    "description": api.TEXT,
    "logo": api.OPTIONAL_URI,
    "cover": api.OPTIONAL_URI,
    "booth": api.OPTIONAL_STRING,
    "zone": api.TEXT,
    "address": api.OPTIONAL_STRING,
    "district": api.OPTIONAL_STRING,
    "website": api.OPTIONAL_URI,
    "facebook": api.OPTIONAL_URI,
    "instagram": api.OPTIONAL_URI,
    "public_email": api.EMAIL,
    "public_phone": api.OPTIONAL_STRING,
    "in_network": {**api.BOOLEAN, "description": "Member of the Hanoi Creative Spaces Network."},
    "commerce_ready": {**api.BOOLEAN, "description": "Has commerce-ready products."},
    "wholesale": api.BOOLEAN,
    "export": api.BOOLEAN,
    "custom_orders": api.BOOLEAN,
    "price_band": api.enum(PriceBand, optional=True),
    "price_band_label": api.OPTIONAL_LABEL,
    "lead_time": api.TEXT,
    "page_url": api.PAGE,
    "updated_at": api.DATE_TIME,
}

UNIT_FILTERS = (
    api.slug_filter(
        "sector",
        _published_sectors,
        lambda units, sector: units.filter(in_sector(sector)),
        "Units of this sector (slug), as their main sector or another one.",
    ),
    api.choice_filter("kind", UnitKind, "kind", "Units of this kind."),
    api.boolean_filter("in_network", "Members of the Hanoi Creative Spaces Network (true) or not (false)."),
    api.boolean_filter("commerce_ready", "Units with commerce-ready products (true) or without (false)."),
    api.boolean_filter("wholesale", "Units that sell wholesale (true) or do not (false)."),
    api.boolean_filter("export", "Units that export (true) or do not (false)."),
    api.boolean_filter("custom_orders", "Units that take custom orders (true) or do not (false)."),
    api.search_filter("Search names and descriptions in both languages, with or without Vietnamese diacritics."),
)


# Products


def _published_units():
    return CreativeUnit.objects.published()


def products():
    return (
        Product.objects.published()
        .filter(unit__in=_published_units())
        .select_related("unit")
        .order_by("unit__search_names_folded", "unit_id", "order", "pk")
    )


def product_record(product: Product) -> dict:
    return {
        "id": product.pk,
        "name": api.text(product, "name"),
        "description": api.text(product, "description"),
        "unit": product.unit.slug,
        "image": api.file_url(product.image),
        "price_band": product.price_band or None,
        "price_band_label": api.labels(PriceBand, product.price_band),
        "retail": product.retail,
        "wholesale": product.wholesale,
        "export": product.export,
        "order": product.order,
        "page_url": api.page_urls(product.unit),
        "updated_at": api.moment(product.updated_at),
    }


PRODUCT = {
    "id": api.ID,
    "name": api.TEXT,
    "description": api.TEXT,
    "unit": {**api.SLUG_VALUE, "description": "Slug of the creative unit that makes it."},
    "image": api.OPTIONAL_URI,
    "price_band": api.enum(PriceBand, optional=True),
    "price_band_label": api.OPTIONAL_LABEL,
    "retail": api.BOOLEAN,
    "wholesale": api.BOOLEAN,
    "export": api.BOOLEAN,
    "order": api.INTEGER,
    "page_url": {**api.PAGE, "description": "The page of the unit, where the product is shown."},
    "updated_at": api.DATE_TIME,
}


# Partners


def partners():
    return Partner.objects.published().order_by("order", "name_vi", "pk")


def partner_record(partner: Partner) -> dict:
    return {
        "id": partner.pk,
        "slug": partner.slug,
        "name": api.text(partner, "name"),
        "role": partner.role,
        "role_label": api.labels(PartnerRole, partner.role),
        "description": api.text(partner, "description"),
        "logo": api.file_url(partner.logo),
        "website": partner.url or None,
        "order": partner.order,
        "page_url": api.page_urls(name="partners"),
        "updated_at": api.moment(partner.updated_at),
    }


PARTNER = {
    "id": api.ID,
    "slug": api.SLUG_VALUE,
    "name": api.TEXT,
    "role": api.enum(PartnerRole),
    "role_label": api.LABEL,
    "description": api.TEXT,
    "logo": api.OPTIONAL_URI,
    "website": api.OPTIONAL_URI,
    "order": api.INTEGER,
    "page_url": {**api.PAGE, "description": "The partners page."},
    "updated_at": api.DATE_TIME,
}


def register() -> None:
    api.register(
        Resource(
            name="sectors",
            schema_name="Sector",
            title="Sectors",
            description="The cultural-industry sectors the creative units belong to.",
            queryset=sectors,
            serialize=sector_record,
            properties=SECTOR,
            order=1,
        )
    )
    api.register(
        Resource(
            name="units",
            schema_name="CreativeUnit",
            title="Creative units",
            description=(
                "The exhibitors: creative spaces, design brands, artisans, institutes, enterprises, craft villages. "
                "Filters match the directory at /vi/exhibitors/. Also as CSV: /api/v1/units.csv."
            ),
            queryset=units,
            serialize=unit_record,
            properties=UNIT,
            filters=UNIT_FILTERS,
            csv=True,
            order=2,
            images=("logo", "cover"),
        )
    )
    api.register(
        Resource(
            name="products",
            schema_name="Product",
            title="Products",
            description="Commerce-ready products of the creative units.",
            queryset=products,
            serialize=product_record,
            properties=PRODUCT,
            lookup="id",
            filters=(
                api.slug_filter(
                    "unit",
                    _published_units,
                    lambda products, unit: products.filter(unit=unit),
                    "Products of this creative unit (slug).",
                ),
            ),
            order=3,
            images=("image",),
        )
    )
    api.register(
        Resource(
            name="partners",
            schema_name="Partner",
            title="Partners",
            description="Directing bodies, organisers, companions, sponsors, media partners and supporters.",
            queryset=partners,
            serialize=partner_record,
            properties=PARTNER,
            filters=(api.choice_filter("role", PartnerRole, "role", "Partners with this role."),),
            order=10,
            images=("logo",),
        )
    )
