"""The directory of creative units, a unit's page and a sector's page."""

import re

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from core import fragments, images, search
from core.views import PagedMixin, PreviewMixin, SafeMethodsMixin, StructuredDataMixin
from core.web import absolute, page_number

from .directory import FLAGS, Directory, DirectoryFilterForm, by_name, in_sector, label_choices
from .models import CreativeUnit, Product, Sector

UNITS_PER_PAGE = 24
SECTOR_UNITS_SHOWN = 12


class DirectoryView(SafeMethodsMixin, PagedMixin, TemplateView):
    """Every published unit, searched and filtered (sector, kind, district, flags), in pages of cards."""

    template_name = "exhibitors/directory.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        sectors = fragments.remember(("published-sectors",), lambda: list(Sector.objects.published()), request)
        data = request.GET.copy()
        # Control characters (a NUL from a robot) would make the page invalid HTML when the box shows the query again.
        typed = "".join(ch if ch.isprintable() else " " for ch in data.get("q", ""))
        data["q"] = typed[: search.MAX_QUERY_LENGTH]  # what the box shows again: what was searched
        form = DirectoryFilterForm(data, sectors=sectors)
        form.is_valid()  # fills cleaned_data and errors; values not understood are dropped one by one
        found = Directory(form, sectors)
        # Counted and listed once per content generation and set of filters (core.fragments): visitors share them.
        params = form.url_query()
        filters = (form.query, *sorted(params.items()))
        facets = fragments.remember(("directory-facets", *filters), found.facets, request)
        label_choices(form, facets)

        paginator = Paginator(found.results, UNITS_PER_PAGE)
        paginator.count = facets.total  # already counted with the facets: one query fewer
        number, page_notice = page_number(request.GET.get("page"), paginator.num_pages)
        page = paginator.page(number)

        query_string = urlencode(params)
        context.update(
            form=form,
            page=page,
            units=fragments.remember(("directory-page", *filters, number), lambda: list(page.object_list), request),
            page_range=self.elided_range(paginator, page),
            page_prefix=f"{query_string}&" if query_string else "",
            page_notice=page_notice,
            flag_fields=[(form[name], facets.flags[name]) for name, _label in FLAGS],
            total=facets.total,
            query=form.query,
            shortened=len(typed.strip()) > search.MAX_QUERY_LENGTH,
            query_ignored=bool(typed.strip()) and not form.query,
            is_filtered=bool(params),
            # The fields and their counts, kept for the understood filters; a search or an error renders them afresh.
            fields_key=None if form.errors or typed.strip() else urlencode(params),
            max_length=search.MAX_QUERY_LENGTH,
        )
        return context


HostedSession = CreativeUnit._meta.get_field("hosted_sessions").related_model


class UnitDetailView(SafeMethodsMixin, PreviewMixin, StructuredDataMixin, DetailView):
    template_name = "exhibitors/unit_detail.html"
    context_object_name = "unit"

    def get_queryset(self):
        return (
            self.visible(CreativeUnit.objects)
            .select_related("primary_sector")
            .prefetch_related(
                Prefetch("sectors", queryset=Sector.objects.published()),
                Prefetch("products", queryset=Product.objects.published()),
                Prefetch(
                    "hosted_sessions",
                    # Sessions live in the events app, which builds on this one: reached through the relation.
                    queryset=HostedSession.objects.published().select_related("venue").order_by("starts_at"),
                ),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        unit = self.object
        context.update(
            main_sector=unit.primary_sector if unit.primary_sector.is_public else None,
            other_sectors=[sector for sector in unit.sectors.all() if sector.pk != unit.primary_sector_id],
            products=unit.products.all(),
            sessions=unit.hosted_sessions.all(),
            address=address_line(unit),
            links=unit_links(unit),
            phone_href=phone_href(unit.public_phone),
            share_image=share_image(unit),
        )
        return context


def address_line(unit: CreativeUnit) -> str:
    """The address with the district, unless the address already names it."""
    parts = [unit.address] if unit.address else []
    if unit.district and unit.district.casefold() not in unit.address.casefold():
        parts.append(unit.district)
    return ", ".join(parts)


def unit_links(unit: CreativeUnit) -> list[tuple[str, str]]:
    """The unit's own pages: (label, url)."""
    links = [(_("Website"), unit.website), ("Facebook", unit.facebook), ("Instagram", unit.instagram)]
    return [(label, url) for label, url in links if url]


def phone_href(phone: str) -> str:
    """A tel: link for a phone number as typed ("024 3826 1234" → "tel:02438261234"); empty if it has no digits."""
    digits = re.sub(r"[^\d+]", "", phone or "")
    return f"tel:{digits}" if re.search(r"\d", digits) else ""


def rendition_url(image, geometry: str, **options) -> str:
    """The absolute address of a WebP rendition, or "" (a missing or unreadable image must not break the page)."""
    return absolute(images.rendition_url(image, geometry, quality=80, **options))


def share_image(unit: CreativeUnit) -> str:
    """For link previews (og:image): the cover cut to 1200×630, else the logo."""
    return rendition_url(unit.cover, "1200x630", crop="center") or rendition_url(unit.logo, "600")


class SectorDetailView(SafeMethodsMixin, PreviewMixin, DetailView):
    template_name = "exhibitors/sector_detail.html"
    context_object_name = "sector"

    def get_object(self, queryset=None):
        # All published sectors in one query: the page names the others too.
        self.published_sectors = list(Sector.objects.published())
        slug = self.kwargs["slug"]
        sector = next((s for s in self.published_sectors if s.slug == slug), None)
        if sector is None and self.staff_preview:
            sector = Sector.objects.filter(slug=slug).first()
        if sector is None:
            raise Http404
        return sector

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sector = self.object
        units = by_name(CreativeUnit.objects.published().filter(in_sector(sector))).select_related("primary_sector")
        unit_count = units.count()
        context.update(
            other_sectors=[s for s in self.published_sectors if s.pk != sector.pk],
            units=units[:SECTOR_UNITS_SHOWN],
            unit_count=unit_count,
            more_units=unit_count > SECTOR_UNITS_SHOWN,
            directory_query=urlencode({"sector": sector.slug}),
            sessions=sector.sessions.published().select_related("venue").order_by("starts_at"),
        )
        return context
