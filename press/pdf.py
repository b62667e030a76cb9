"""The fact sheet as a PDF, one per language: who, what, where and when, the exhibition, the key figures, who is
behind the programme and whom to call, drawn from the published data (press/facts.py `briefing()`).

Two steps. `compose()` turns the data into the document's words in one language (a `Sheet`: only strings, a few
queries and no drawing); `render()` draws a `Sheet` on A4 with fpdf2 and Be Vietnam Pro (press/fonts, embedded as
subsets, so that every Vietnamese letter prints wherever the file is opened). A PDF is drawn once per state of its
words: `fact_sheet_pdf()` keeps it in the shared cache under a digest of the `Sheet`, so an edit of a figure, a
title, a contact or a translation gives a new file at the next request, and nothing else draws again.
"""

import hashlib
import json
import logging
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from fpdf import FPDF
from fpdf.enums import XPos, YPos

from core import clock
from core.templatetags.tudoi import date_range, long_date
from core.text import nfc
from core.web import site_url

from .facts import Briefing, briefing

PDF_FORMAT = 2  # raise when the layout changes: every cached PDF is drawn again
CACHE_SECONDS = 7 * 24 * 3600
FONTS = Path(__file__).resolve().parent / "fonts"
FAMILY = "BeVietnamPro"
# fontTools reports every font subset it makes at INFO: nothing an operator needs.
logging.getLogger("fontTools").setLevel(logging.WARNING)
FILENAMES = {"vi": "tu-hoi-sang-tao-2026-thong-tin-bao-chi.pdf", "en": "creative-gathering-2026-fact-sheet.pdf"}

# The site's palette (static/css/site.css)
INK = (28, 27, 26)
MUTED = (87, 83, 78)
ACCENT = (155, 28, 28)
ACCENT_DARK = (111, 19, 19)
ACCENT_SOFT = (246, 231, 227)
GOLD = (242, 193, 78)
PAPER = (250, 247, 242)
LINE = (226, 220, 210)
WHITE = (255, 255, 255)

# A4 in millimetres: a main column and a sidebar
PAGE_W, PAGE_H = 210, 297
MARGIN = 15
GUTTER = 7
SIDEBAR_W = 64
SIDEBAR_PAD = 3.5
MAIN_W = PAGE_W - 2 * MARGIN - GUTTER - SIDEBAR_W


@dataclass(frozen=True)
class Line:
    text: str
    link: str = ""
    strong: bool = False
    lead: str = ""  # words set in bold before the text, on the same line


@dataclass(frozen=True)
class Block:
    title: str
    lines: tuple[Line, ...] = ()


@dataclass(frozen=True)
class Contact:
    name: str
    details: tuple[str, ...]  # role, organisation
    email: str
    phone: str


@dataclass(frozen=True)
class Sheet:
    """The fact sheet's words in one language: what `render()` draws and what the cache key is made of."""

    language: str
    document_title: str
    kicker: str
    name: str
    tagline: str
    when_where: tuple[str, ...]
    figures: tuple[tuple[str, str], ...]
    about_title: str
    about: tuple[str, ...]
    main_blocks: tuple[Block, ...]
    side_blocks: tuple[Block, ...]
    contacts_title: str
    contacts: tuple[Contact, ...]
    contacts_note: str
    links: Block
    footer: str
    format: int = field(default=PDF_FORMAT)

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _url(name: str, *args) -> str:
    return site_url() + reverse(name, args=args)


def _link(name: str, *args) -> Line:
    """A line that prints a page's address without its scheme (shorter on paper) and links to it."""
    url = _url(name, *args)
    return Line(url.split("://", 1)[-1], link=url)


def _plain_range(start, end) -> str:
    return strip_tags(date_range(start, end))


def compose(data: Briefing, language: str) -> Sheet:
    """The fact sheet's words in `language`, from `data`."""
    with translation.override(language):
        facts = data.facts
        units_text = facts.units_headline()
        units = facts.units
        sectors = len(facts.sectors)
        first_day, last_day = data.days[0], data.days[-1]
        days_text = _plain_range(first_day, last_day)

        when_where = [
            days_text,
            _("Around Hoàn Kiếm Lake, Hanoi"),
        ]
        if data.free_entry:
            when_where.append(_("Free entry"))

        figures = [
            (units_text, ngettext("creative unit", "creative units", units)),
            (str(sectors), ngettext("cultural-industry sector", "cultural-industry sectors", sectors)),
            (str(facts.sessions), ngettext("programme session", "programme sessions", facts.sessions)),
        ]
        main_exhibition = data.exhibitions[0] if data.exhibitions else None
        if main_exhibition:
            title = main_exhibition.exhibition.title_vi or main_exhibition.exhibition.title
            figures += [
                (
                    str(main_exhibition.works),
                    ngettext("work in “%(title)s”", "works in “%(title)s”", main_exhibition.works) % {"title": title},
                ),
                (
                    str(main_exhibition.artists),
                    ngettext("artist in the exhibition", "artists in the exhibition", main_exhibition.artists),
                ),
            ]
        figures.append((str(facts.venues), ngettext("venue", "venues", facts.venues)))

        about = [
            _(
                "Creative Gathering brings %(units)s creative units of Hanoi, from %(sectors)s cultural-industry "
                "sectors, to the streets around Hoàn Kiếm Lake for a weekend: a creative fair, forums, workshops, "
                "performances and exhibitions, with products ready for market and meetings with buyers."
            )
            % {"units": units_text, "sectors": sectors},
            _(
                "It is the first step of the journey to the Hanoi Creative Design Festival 2026 (November 2026, "
                "theme “Creative Economy”). The programme celebrates the 14th National Congress of the Communist "
                "Party of Vietnam and carries out Resolution 57-NQ/TW of the Politburo (22 December 2024) on "
                "science, technology, innovation and digital transformation."
            ),
        ]

        main_blocks = [_exhibition_block(item) for item in data.exhibitions]
        main_blocks.append(_programme_block(data, days_text))
        if data.venues:
            main_blocks.append(
                Block(
                    _("Venues"),
                    tuple(Line(venue.address, lead=venue.name) for venue in data.venues),
                )
            )

        side_blocks = [
            Block(str(role.label), tuple(Line(partner.name, link=partner.url) for partner in partners))
            for role, partners in data.partners_by_role()
        ]

        contacts = tuple(
            Contact(
                name=contact.name,
                details=tuple(part for part in (contact.role, contact.organisation) if part),
                email=contact.email,
                phone=contact.phone,
            )
            for contact in data.contacts
        )
        if not contacts:
            contacts = (Contact(_("The organisers"), (), settings.TUDOI_ORGANISERS_EMAIL, ""),)

        links = Block(
            _("Online"),
            (
                Line(_("Website"), strong=True),
                _link("home"),
                Line(_("Press room and media kit"), strong=True),
                _link("press:index"),
            ),
        )

        moment = clock.now()
        footer = _("Counted on %(day)s from what %(site)s publishes.") % {
            "day": long_date(moment),
            "site": site_url().split("://", 1)[-1],
        }
        if settings.TUDOI_DEMO:
            footer += " " + _("Demonstration site: contacts, phone numbers and some content are fictional.")

        name = "Tụ hội sáng tạo"
        sheet = Sheet(
            language=language,
            document_title=_("Press fact sheet") + " · " + (name if language == "vi" else _("Creative Gathering 2026")),
            kicker=_("Press fact sheet"),
            name=name,
            tagline=_("Creative Gathering · The journey to the Hanoi Creative Design Festival 2026"),
            when_where=tuple(when_where),
            figures=tuple(figures),
            about_title=_("About the programme"),
            about=tuple(about),
            main_blocks=tuple(main_blocks),
            side_blocks=tuple(side_blocks),
            contacts_title=_("Press contacts"),
            contacts=contacts,
            contacts_note=_("Accreditation and interviews: write or call."),
            links=links,
            footer=footer,
        )
    return _normalised(sheet)


def _exhibition_block(item) -> Block:
    exhibition = item.exhibition
    # The exhibition's own name in every language; English adds the organisers' English title once (the glossary).
    title = exhibition.title_vi or exhibition.title
    heading = _("Exhibition “%(title)s”") % {"title": title}
    if exhibition.title != title:
        heading += f" (“{exhibition.title}”)"
    size = _("%(works)s by %(artists)s") % {
        "works": ngettext("%(count)s work", "%(count)s works", item.works) % {"count": item.works},
        "artists": ngettext("%(count)s artist", "%(count)s artists", item.artists) % {"count": item.artists},
    }
    lines = [
        Line(size, strong=True),
        Line(_plain_range(exhibition.starts_on, exhibition.ends_on)),
        Line(f"{exhibition.venue.name}, {exhibition.venue.address}"),
    ]
    if exhibition.free_entry:
        lines.append(Line(_("Free entry")))
    if exhibition.organisers:
        lines.append(Line(_("Organised by: %(names)s") % {"names": exhibition.organisers.replace("\n", "; ")}))
    if exhibition.supporters:
        lines.append(Line(_("Supported by: %(names)s") % {"names": exhibition.supporters.replace("\n", "; ")}))
    lines.append(_link("exhibitions:detail", exhibition.slug))
    return Block(heading, tuple(lines))


def _programme_block(data: Briefing, days_text: str) -> Block:
    facts = data.facts
    lines = [
        Line(
            ngettext("%(count)s session over %(days)s", "%(count)s sessions over %(days)s", facts.sessions)
            % {"count": facts.sessions, "days": days_text},
            strong=True,
        )
    ]
    by_kind = [f"{bar.label}: {bar.value}" for bar in facts.charts()[1].bars]
    if by_kind:
        lines.append(Line(" · ".join(by_kind)))
    if data.bookable_sessions:
        lines.append(
            Line(
                ngettext(
                    "%(count)s session has a limited number of places: book on the website.",
                    "%(count)s sessions have a limited number of places: book on the website.",
                    data.bookable_sessions,
                )
                % {"count": data.bookable_sessions}
            )
        )
    return Block(_("Programme"), tuple(lines))


def _normalised(sheet: Sheet):
    """The same sheet with every string in NFC."""

    def walk(value):
        if isinstance(value, str):
            return nfc(value)
        if isinstance(value, tuple):
            return tuple(walk(item) for item in value)
        if isinstance(value, Line | Block | Contact | Sheet):
            return type(value)(**{name: walk(getattr(value, name)) for name in value.__dataclass_fields__})
        return value

    return walk(sheet)


# Drawing


class _Document(FPDF):
    footer_text = ""

    def footer(self):
        self.set_y(-13)
        self.set_draw_color(*LINE)
        self.set_line_width(0.2)
        self.line(MARGIN, self.get_y() - 1.5, PAGE_W - MARGIN, self.get_y() - 1.5)
        self.set_font(FAMILY, "", 7.5)
        self.set_text_color(*MUTED)
        self.set_x(MARGIN)
        self.multi_cell(PAGE_W - 2 * MARGIN - 14, 3.4, self.footer_text, align="L")
        self.set_xy(PAGE_W - MARGIN - 14, -13)
        self.cell(14, 3.4, f"{self.page_no()}/{{nb}}", align="R")


def render(sheet: Sheet) -> bytes:
    """The sheet drawn on A4."""
    pdf = _Document(orientation="P", unit="mm", format="A4")
    pdf.footer_text = sheet.footer
    pdf.add_font(FAMILY, "", FONTS / "BeVietnamPro_400Regular.ttf")
    pdf.add_font(FAMILY, "B", FONTS / "BeVietnamPro_700Bold.ttf")
    pdf.add_font(FAMILY + "Semi", "", FONTS / "BeVietnamPro_600SemiBold.ttf")
    pdf.set_lang(sheet.language)
    pdf.set_title(sheet.document_title)
    pdf.set_subject(sheet.tagline)
    pdf.set_author(sheet.name)
    pdf.set_creator(sheet.name)
    pdf.set_creation_date(timezone.localtime(clock.now()).replace(microsecond=0))
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=18)
    pdf.alias_nb_pages()
    pdf.add_page()

    _header(pdf, sheet)
    _figures(pdf, sheet)
    top = pdf.get_y() + 5

    # The sidebar: a tinted panel from under the figures to the foot of the first page, drawn before its text.
    side_x = PAGE_W - MARGIN - SIDEBAR_W
    pdf.set_fill_color(*PAPER)
    pdf.rect(side_x, top, SIDEBAR_W, PAGE_H - 19 - top, style="F", round_corners=True, corner_radius=2)
    pdf.set_fill_color(*ACCENT)
    pdf.rect(side_x, top, SIDEBAR_W, 1.2, style="F")

    # The main column, which may go on to a second page; then the sidebar beside its start.
    pdf.set_left_margin(MARGIN)
    pdf.set_right_margin(PAGE_W - MARGIN - MAIN_W)
    pdf.set_xy(MARGIN, top)
    _main(pdf, sheet, _fitting_main_scale(pdf, sheet))
    last_page = pdf.page

    pdf.page = 1
    pdf.set_auto_page_break(False)
    pdf.set_left_margin(side_x + SIDEBAR_PAD)
    pdf.set_right_margin(MARGIN + SIDEBAR_PAD)
    pdf.set_xy(side_x + SIDEBAR_PAD, top + 5)
    _sidebar(pdf, sheet, _fitting_sidebar_scale(pdf, sheet, bottom=PAGE_H - 22))
    pdf.page = last_page
    return bytes(pdf.output())


def _header(pdf: FPDF, sheet: Sheet) -> None:
    band = 34
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, PAGE_W, band, style="F")
    # The mark: the site's favicon, a gold ring on a lacquer square.
    mark, x, y = 15, MARGIN, 9.5
    pdf.set_fill_color(*ACCENT_DARK)
    pdf.rect(x, y, mark, mark, style="F", round_corners=True, corner_radius=3.5)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(1.5)
    pdf.circle(x + mark / 2, y + mark / 2, 4, style="D")

    pdf.set_text_color(*GOLD)
    pdf.set_font(FAMILY + "Semi", "", 8.5)
    pdf.set_xy(x + mark + 5, 7.5)
    pdf.cell(0, 4.5, sheet.kicker.upper(), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_text_color(*WHITE)
    pdf.set_font(FAMILY, "B", 24)
    pdf.set_x(x + mark + 5)
    pdf.cell(0, 11, sheet.name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.set_font(FAMILY, "", 9.5)
    pdf.set_x(x + mark + 5)
    pdf.cell(0, 5, sheet.tagline, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    # When, where, free entry: one line under the band.
    pdf.set_y(band + 3.5)
    pdf.set_text_color(*INK)
    pdf.set_font(FAMILY, "B", 12.5)
    pdf.set_x(MARGIN)
    for index, part in enumerate(sheet.when_where):
        if index:
            pdf.set_text_color(*ACCENT)
            pdf.cell(pdf.get_string_width("  ·  "), 7, "  ·  ")
            pdf.set_text_color(*INK)
        pdf.cell(pdf.get_string_width(part), 7, part)
    pdf.ln(8.5)


def _figures(pdf: FPDF, sheet: Sheet) -> None:
    """The key figures: three to a row, each a large number over its label."""
    columns, gap = 3, 2.5
    width = (PAGE_W - 2 * MARGIN - gap * (columns - 1)) / columns
    height = 18.5
    top = pdf.get_y()
    for index, (number, label) in enumerate(sheet.figures):
        row, column = divmod(index, columns)
        x = MARGIN + column * (width + gap)
        y = top + row * (height + gap)
        pdf.set_fill_color(*ACCENT_SOFT)
        pdf.rect(x, y, width, height, style="F", round_corners=True, corner_radius=2)
        size = 20
        pdf.set_font(FAMILY, "B", size)
        while pdf.get_string_width(number) > width - 8 and size > 11:
            size -= 1
            pdf.set_font(FAMILY, "B", size)
        pdf.set_text_color(*ACCENT_DARK)
        pdf.set_xy(x + 4, y + 1.4)
        pdf.cell(width - 8, 8, number)
        pdf.set_font(FAMILY, "", 8.2)
        pdf.set_text_color(*INK)
        pdf.set_xy(x + 4, y + 9.4)
        pdf.multi_cell(width - 8, 3.8, label, align="L", max_line_height=3.8)
    rows = -(-len(sheet.figures) // columns)
    pdf.set_y(top + rows * (height + gap) - gap)


def _heading(pdf: FPDF, text: str, width: float, scale: float = 1.0) -> None:
    pdf.set_font(FAMILY + "Semi", "", 10.5 * scale)
    pdf.set_text_color(*ACCENT)
    pdf.multi_cell(width, 5.2 * scale, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(0.6 * scale)


def _lines(pdf: FPDF, lines, width: float, *, size: float = 8.9, leading: float = 4.25, link_colour=ACCENT) -> None:
    for line in lines:
        if line.lead:
            pdf.set_font(FAMILY + "Semi", "", size)
            pdf.set_text_color(*INK)
            pdf.write(leading, line.lead + "  ")
            pdf.set_font(FAMILY, "", size)
            pdf.set_text_color(*MUTED)
            pdf.write(leading, line.text)
            pdf.ln(leading + 0.6)
            continue
        if line.strong:
            pdf.set_font(FAMILY + "Semi", "", size)
            pdf.set_text_color(*INK)
        else:
            pdf.set_font(FAMILY, "", size)
            pdf.set_text_color(*(link_colour if line.link else INK))
        pdf.multi_cell(
            width, leading, line.text, align="L", link=line.link or None, new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )


def _main(pdf: FPDF, sheet: Sheet, scale: float = 1.0) -> None:
    _heading(pdf, sheet.about_title, MAIN_W, scale)
    pdf.set_font(FAMILY, "", 9.3 * scale)
    pdf.set_text_color(*INK)
    for paragraph in sheet.about:
        pdf.multi_cell(MAIN_W, 4.45 * scale, paragraph, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        pdf.ln(1.2 * scale)
    for block in sheet.main_blocks:
        pdf.ln(1.8 * scale)
        _heading(pdf, block.title, MAIN_W, scale)
        _lines(pdf, block.lines, MAIN_W, size=8.9 * scale, leading=4.25 * scale)


def _fitting_main_scale(pdf: FPDF, sheet: Sheet) -> float:
    """The main column at full size, or a little smaller when that keeps the sheet on one page; a column that
    needs more than a slight reduction goes on to a second page at full size."""
    for scale in (1.0, 0.97, 0.94, 0.91):
        x, y = pdf.get_x(), pdf.get_y()
        with pdf.offset_rendering() as trial:
            _main(trial, sheet, scale)
        pdf.set_xy(x, y)
        if not trial.page_break_triggered:
            return scale
    return 1.0


def _sidebar(pdf: FPDF, sheet: Sheet, scale: float = 1.0) -> None:
    """Who is behind the programme, the press contacts and the addresses online; `scale` shrinks type and
    spacing together when a long list would not fit beside the main column."""
    width = SIDEBAR_W - 2 * SIDEBAR_PAD

    def font(semi: bool, size: float) -> None:
        pdf.set_font(FAMILY + "Semi" if semi else FAMILY, "", size * scale)

    def text(value: str, leading: float, link: str = "") -> None:
        pdf.multi_cell(width, leading * scale, value, align="L", link=link or None, new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    for block in sheet.side_blocks:
        font(True, 7.8)
        pdf.set_text_color(*MUTED)
        text(block.title.upper(), 3.9)
        for line in block.lines:
            font(False, 8.6)
            pdf.set_text_color(*INK)
            text(line.text, 4.0, line.link)
        pdf.ln(2.2 * scale)

    pdf.ln(1.2 * scale)
    font(True, 10.5)
    pdf.set_text_color(*ACCENT)
    text(sheet.contacts_title, 5.2)
    pdf.ln(0.6 * scale)
    for contact in sheet.contacts:
        font(True, 9.2)
        pdf.set_text_color(*INK)
        text(contact.name, 4.4)
        font(False, 8.2)
        pdf.set_text_color(*MUTED)
        for detail in contact.details:
            text(detail, 3.8)
        font(False, 8.3)
        pdf.set_text_color(*ACCENT)
        text(contact.email, 4.3, f"mailto:{contact.email}")
        if contact.phone:
            text(contact.phone, 4.3, "tel:" + "".join(contact.phone.split()))
        pdf.ln(2.2 * scale)
    font(False, 8.2)
    pdf.set_text_color(*MUTED)
    text(sheet.contacts_note, 3.8)

    pdf.ln(2.6 * scale)
    font(True, 10.5)
    pdf.set_text_color(*ACCENT)
    text(sheet.links.title, 5.2)
    pdf.ln(0.6 * scale)
    for line in sheet.links.lines:
        if line.link:
            font(False, 7.9)
            pdf.set_text_color(*ACCENT)
        else:
            font(True, 8.4)
            pdf.set_text_color(*INK)
        text(line.text, 3.9, line.link)


def _fitting_sidebar_scale(pdf: FPDF, sheet: Sheet, bottom: float) -> float:
    """The largest scale at which the sidebar ends above `bottom`, tried on a dummy page (nothing is drawn)."""
    for scale in (1.0, 0.95, 0.9, 0.85, 0.8):
        x, y = pdf.get_x(), pdf.get_y()
        with pdf.offset_rendering() as trial:
            _sidebar(trial, sheet, scale)
            end = trial.get_y()
        pdf.set_xy(x, y)
        if end <= bottom:
            return scale
    return 0.8


# Serving


@dataclass(frozen=True)
class Rendered:
    content: bytes
    digest: str
    filename: str


def fact_sheet_pdf(language: str) -> Rendered:
    """The fact sheet PDF in `language` for the data as it is now: from the cache when its words have not changed
    since it was last drawn, else drawn (and kept)."""
    sheet = compose(briefing(), language)
    digest = sheet.digest()
    key = f"press:fact-sheet-pdf:{digest}"
    content = cache.get(key)
    if content is None:
        content = render(sheet)
        cache.set(key, content, CACHE_SECONDS)
    return Rendered(content, digest, FILENAMES.get(language, FILENAMES["en"]))
