"""The exhibition and its catalogue, one work, one artist, and the printable wall labels.

Only published works of a published exhibition are ever shown, and only published artists are named (staff also
preview the page of a draft, with a banner: core/views.py's PreviewMixin). Every page runs a fixed number of
queries whatever the size of the catalogue; images are always renditions made when they were saved
(core/renditions.py), never the uploaded originals.
"""

import io
import unicodedata

import segno
from django.db.models import Prefetch
from django.shortcuts import redirect
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.views.generic import DetailView, TemplateView

from core import images
from core.templatetags.tudoi import picture
from core.views import PagedMixin, PreviewMixin, SafeMethodsMixin, StructuredDataMixin
from core.web import absolute

from .forms import CatalogueForm
from .models import Artist, Artwork, Exhibition

ZOOM_GEOMETRY = "2400x2400"  # the zoom viewer: at most 2,400 pixels on the long side, never the original file
OPEN_GRAPH_WIDTH = 1200
WORKS_PER_PAGE = 48  # the catalogue's page: 2, 3 or 4 full rows of cards, and a light page however big the show
LABELS_PER_PAGE = 24  # four A4 sheets of six labels: each label carries an inline QR code of some 2.5 KB
EAGER_CARDS = 4  # the first cards of the grid load at once; the rest wait until they are scrolled near
LONG_DESCRIPTION_ID = "work-long-description"


# Queries


def _published_artists() -> Prefetch:
    return Prefetch("artists", queryset=Artist.objects.published())


def _public_works():
    """Works the public may see: published, in a published exhibition."""
    return Artwork.objects.published().filter(exhibition__in=Exhibition.objects.published())


def _catalogue(exhibition: Exhibition) -> list[Artwork]:
    """The exhibition's published works in catalogue order, with their published artists (two queries).

    Fetched through the exhibition, so each work already knows it (`get_absolute_url` needs it).
    """
    return list(exhibition.artworks.published().prefetch_related(_published_artists()).order_by("catalogue_number"))


# Renditions and addresses


def rendition(image, geometry: str):
    return images.rendition(image, geometry, quality=85)


def rendition_url(image, geometry: str) -> str:
    return images.rendition_url(image, geometry, quality=85)


# Sorting by artist


# Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, tones after letters.
_VI_LETTERS = {"ă": "a1", "â": "a2", "đ": "d1", "ê": "e1", "ô": "o1", "ơ": "o2", "ư": "u1"}
_VI_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vietnamese_key(text: str) -> tuple[str, tuple[int, ...]]:
    """A sort key in Vietnamese alphabetical order: "Anh" < "Ánh" < "Ân" < "Bình" < "Dũng" < "Đức"."""
    letters, tones = [], []
    for char in unicodedata.normalize("NFD", text.casefold()):
        if char in _VI_TONES:
            tones.append(_VI_TONES[char])
            continue
        if unicodedata.combining(char) and letters:
            # a letter's own mark (breve, circumflex, horn): part of the letter, not a tone
            letters[-1] = _VI_LETTERS.get(unicodedata.normalize("NFC", letters[-1][0] + char), letters[-1])
            continue
        letters.append(_VI_LETTERS.get(char, char + "0" if char.isalpha() else char))
    return "".join(letters), tuple(tones)


def name_key(name: str) -> tuple:
    """Names sort by their last word, then the whole name: the given name of a Vietnamese name ("Nguyễn Thị
    Lan" under L, as in Vietnamese lists) and the family name of most Western ones."""
    words = name.split()
    return (vietnamese_key(words[-1]) if words else ("", ()), vietnamese_key(name))


def _by_artist(works: list[Artwork]) -> list[Artwork]:
    def key(work):
        names = sorted((artist.name for artist in work.artists.all()), key=name_key)
        # works without a named artist go last
        return (not names, name_key(names[0]) if names else (), work.catalogue_number)

    return sorted(works, key=key)


# The exhibition and its catalogue


def _mark_lazy(works: list[Artwork]) -> None:
    """The first cards load at once (they may be in view); the browser fetches the others as they near the screen."""
    for index, work in enumerate(works):
        work.lazy = index >= EAGER_CARDS


class ExhibitionIndexView(SafeMethodsMixin, TemplateView):
    """The site menu's "Exhibition": straight to the exhibition when there is one, else the list of them."""

    template_name = "exhibitions/exhibition_index.html"

    def get(self, request, *args, **kwargs):
        exhibitions = list(Exhibition.objects.published().select_related("venue").order_by("starts_on", "pk"))
        if len(exhibitions) == 1:
            return redirect(exhibitions[0])
        return self.render_to_response(self.get_context_data(exhibitions=exhibitions))


class ExhibitionDetailView(SafeMethodsMixin, PreviewMixin, PagedMixin, StructuredDataMixin, DetailView):
    """The exhibition and its catalogue, filtered by region and technique, sorted by number or artist, in pages."""

    template_name = "exhibitions/exhibition_detail.html"
    context_object_name = "exhibition"

    def get_queryset(self):
        return self.visible(Exhibition.objects).select_related("venue")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        exhibition = self.object
        form = CatalogueForm(self.request.GET)
        form.is_valid()  # fills cleaned_data and errors; an invalid value is dropped and reported
        region, technique, sort = form.value("region"), form.value("technique"), form.value("sort") or "number"
        catalogue = _catalogue(exhibition)
        works = catalogue
        if region:
            works = [work for work in works if work.region == region]
        if technique:
            works = [work for work in works if work.technique == technique]
        if sort == "artist":
            works = _by_artist(works)
        paginator, page, page_notice = self.paginate(works, WORKS_PER_PAGE)
        shown = list(page.object_list)
        _mark_lazy(shown)
        query = urlencode([(name, value) for name, value in (("region", region), ("technique", technique)) if value])
        if sort != "number":
            query = f"{query}&sort={sort}" if query else f"sort={sort}"
        context.update(
            venue=exhibition.venue,
            form=form,
            works=shown,
            matching=len(works),
            page=page,
            page_range=self.elided_range(paginator, page),
            page_prefix=f"{query}&" if query else "",
            page_notice=page_notice,
            total=len(catalogue),
            is_filtered=bool(region or technique),
            sort=sort,
            organisers=exhibition.organiser_names(),
            supporters=exhibition.supporter_names(),
            hours=exhibition.hours or exhibition.venue.hours,
            og_image=absolute(
                rendition_url(exhibition.image, f"{OPEN_GRAPH_WIDTH}")
                or (rendition_url(catalogue[0].image, f"{OPEN_GRAPH_WIDTH}x{OPEN_GRAPH_WIDTH}") if catalogue else "")
            ),
        )
        return context

    def get_structured_data(self, context) -> dict:
        return self.object.structured_data(image=context["og_image"])


# One work


def _neighbour(work: Artwork, *, after: bool):
    """The previous or next published work in catalogue order (one query, two columns)."""
    works = work.exhibition.artworks.published()
    if after:
        works = works.filter(catalogue_number__gt=work.catalogue_number).order_by("catalogue_number")
    else:
        works = works.filter(catalogue_number__lt=work.catalogue_number).order_by("-catalogue_number")
    found = works.only("slug", "title", "title_vi", "title_en", "catalogue_number", "exhibition_id").first()
    if found is not None:
        found.exhibition = work.exhibition
    return found


class ArtworkDetailView(SafeMethodsMixin, PreviewMixin, StructuredDataMixin, DetailView):
    template_name = "exhibitions/artwork_detail.html"
    context_object_name = "work"
    slug_url_kwarg = "artwork_slug"

    def get_queryset(self):
        works = _public_works() if not self.staff_preview else Artwork.objects.all()
        return (
            works.filter(exhibition__slug=self.kwargs["slug"])
            .select_related("exhibition")
            .prefetch_related(_published_artists())
        )

    def is_draft(self, work) -> bool:
        return not (work.is_public and work.exhibition.is_public)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        work = self.object
        main_image = picture(
            work.image,
            alt=work.alt_text,
            sizes="(min-width: 60em) 40rem, 100vw",
            widths="480,800,1200",
            css_class="work-main-image",
            lazy=False,
        )
        if main_image and work.long_description:
            # The long description below the image is its accessible description too.
            main_image = mark_safe(main_image.replace("<img ", f'<img aria-describedby="{LONG_DESCRIPTION_ID}" ', 1))
        context.update(
            exhibition=work.exhibition,
            artists=list(work.artists.all()),
            main_image=main_image,
            long_description_id=LONG_DESCRIPTION_ID,
            zoom=rendition(work.image, ZOOM_GEOMETRY),
            previous=_neighbour(work, after=False),
            next=_neighbour(work, after=True),
            og_image=absolute(rendition_url(work.image, f"{OPEN_GRAPH_WIDTH}x{OPEN_GRAPH_WIDTH}")),
            absolute_url=absolute(work.get_absolute_url()),
        )
        return context

    def get_structured_data(self, context) -> dict:
        return self.object.structured_data(image=context["og_image"])


# One artist


class ArtistDetailView(SafeMethodsMixin, PreviewMixin, StructuredDataMixin, DetailView):
    template_name = "exhibitions/artist_detail.html"
    context_object_name = "artist"

    def get_queryset(self):
        return self.visible(Artist.objects)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        artist = self.object
        works = list(
            _public_works()
            .filter(artists=artist)
            .select_related("exhibition")
            .prefetch_related(_published_artists())
            .order_by("exhibition__starts_on", "exhibition_id", "catalogue_number")
        )
        for work in works:
            work.others = [other for other in work.artists.all() if other.pk != artist.pk]
        _mark_lazy(works)
        og_image = absolute(rendition_url(artist.photo, f"{OPEN_GRAPH_WIDTH}"))
        if not og_image and works:
            og_image = absolute(rendition_url(works[0].image, f"{OPEN_GRAPH_WIDTH}x{OPEN_GRAPH_WIDTH}"))
        context.update(works=works, og_image=og_image)
        return context


# Wall labels


def qr_svg(url: str) -> str:
    """An inline SVG QR code for `url`: no XML declaration, no style, a title for screen readers, a 4-module quiet
    zone inside its viewBox (so it scales to any size in CSS and stays readable on the printed label)."""
    qr = segno.make(url, error="m")
    buffer = io.BytesIO()
    qr.save(
        buffer,
        kind="svg",
        xmldecl=False,
        svgns=False,
        omitsize=True,
        border=4,
        dark="#000",
        light=None,
        svgclass="label-qr",
        lineclass=None,
        nl=False,
        title=gettext("QR code: this work's page"),
    )
    svg = buffer.getvalue().decode()  # segno escapes the title
    return mark_safe(svg.replace("<svg ", '<svg role="img" shape-rendering="crispEdges" ', 1))


class WallLabelsView(SafeMethodsMixin, PreviewMixin, PagedMixin, DetailView):
    """The exhibition's wall labels to print, six to an A4 sheet, each with a QR code of the work's page."""

    template_name = "exhibitions/wall_labels.html"
    context_object_name = "exhibition"

    def get_queryset(self):
        return self.visible(Exhibition.objects).select_related("venue")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator, page, page_notice = self.paginate(_catalogue(self.object), LABELS_PER_PAGE)
        labels = []
        for work in page.object_list:
            url = absolute(work.get_absolute_url())
            labels.append({"work": work, "artists": list(work.artists.all()), "url": url, "qr": qr_svg(url)})
        context.update(
            labels=labels,
            page=page,
            page_range=self.elided_range(paginator, page),
            page_notice=page_notice,
        )
        return context
