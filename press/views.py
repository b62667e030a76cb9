"""The press room: releases, contacts, the media kit, the fact sheet and the accreditation form."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date
from django.utils.translation import get_language
from django.views.generic import DetailView, TemplateView

from core import clock
from core.mail import mail_quietly
from core.text import nfc
from core.views import PreviewMixin
from core.web import page_number

from . import accreditation, kit, pdf
from .facts import fact_sheet
from .forms import PRESS_CARD_MAX_BYTES, AccreditationForm
from .models import CoverageLink, MediaAsset, PressContact, PressRelease

RELEASES_PER_PAGE = 20


def fact_sheet_pdf_links() -> list[dict[str, str]]:
    """The fact sheet PDF in each language, for the pages that offer it: the address, the language's code and
    name (in that language)."""
    links = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            links.append(
                {
                    "url": reverse("press:fact-sheet-pdf"),
                    "code": code,
                    # Django writes "Tiếng Việt" decomposed (NFD); pages are NFC (the Nu checker says so).
                    "name": nfc(translation.get_language_info(code)["name_local"]),
                }
            )
    return links


class PressIndexView(TemplateView):
    template_name = "press/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(PressRelease.objects.published().for_listing(), RELEASES_PER_PAGE)
        number, page_notice = page_number(self.request.GET.get("page"), paginator.num_pages)
        page = paginator.page(number)
        context.update(
            page=page,
            releases=page.object_list,
            page_notice=page_notice,
            contacts=PressContact.objects.published(),
            coverage=CoverageLink.objects.published(),
            assets=MediaAsset.objects.published().order_by("order", "pk"),
            organisers_email=settings.TUDOI_ORGANISERS_EMAIL,
            fact_sheet_pdfs=fact_sheet_pdf_links(),
        )
        return context


class ReleaseDetailView(PreviewMixin, DetailView):
    template_name = "press/release_detail.html"
    context_object_name = "release"

    def get_queryset(self):
        # Drafts and embargoed releases are not found: a 404 until their publication time (staff preview them).
        return self.visible(PressRelease.objects).select_related("contact")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        contact = release.contact if release.contact is not None and release.contact.is_public else None
        json_ld = release.structured_data()
        context.update(contact=contact, json_ld=json_ld, og_image=(json_ld.get("image") or [""])[0])
        return context


class FactSheetView(TemplateView):
    template_name = "press/facts.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        facts = fact_sheet()
        context.update(facts=facts, charts=facts.charts(), moment=clock.now(), fact_sheet_pdfs=fact_sheet_pdf_links())
        return context


def fact_sheet_pdf(request):
    """`/<language>/press/kit/fact-sheet.pdf`: the printable fact sheet in the page's language, drawn again only
    when what it says has changed (press/pdf.py), and answered with 304 to a client that has it already."""
    rendered = pdf.fact_sheet_pdf(get_language())
    etag = f'"{rendered.digest[:32]}"'
    conditional = get_conditional_response(request, etag=etag)
    if conditional is not None:
        return conditional
    response = HttpResponse(rendered.content, content_type="application/pdf")
    # Shown in the browser; saved under a name that says what it is and in which language.
    response["Content-Disposition"] = content_disposition_header(False, rendered.filename)
    response["ETag"] = etag
    return response


def asset_web(request, slug):
    """The web-size copy of a media-kit image: made on first request (not for every asset on every visit of the
    press room), then served from the media storage."""
    asset = get_object_or_404(MediaAsset.objects.published(), slug=slug)
    rendition = asset.web_rendition()
    if rendition is None:
        raise Http404
    return HttpResponseRedirect(rendition.url)


def media_kit(request):
    """`kit.zip`: built when the published data changed since the last build, served from storage otherwise."""
    current = kit.current_kit()
    etag = f'"{current.fingerprint[:32]}"'
    try:
        modified = default_storage.get_modified_time(current.name)
    except (OSError, NotImplementedError):
        modified = None
    last_modified = int(modified.timestamp()) if modified else None
    conditional = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if conditional is not None:
        return conditional
    response = FileResponse(
        default_storage.open(current.name, "rb"),
        as_attachment=True,
        filename=kit.DOWNLOAD_NAME,
        content_type="application/zip",
    )
    response["ETag"] = etag
    if last_modified:
        response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, no-cache"  # caches keep it, and ask (ETag) whether it is still current
    return response


def accreditation_form(request):
    """`/press/accreditation/`: a journalist asks to be accredited."""
    form = AccreditationForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if accreditation.over_rate_limit(request):
            return render(request, "press/accreditation_rate_limited.html", status=429)
        if form.is_robot:
            # What a person would see, so that the robot learns nothing; nothing stored, nothing sent.
            return HttpResponseRedirect(f"{request.path}?done=1")
        if form.is_valid():
            accreditation_request = accreditation.create_request(
                data=form.cleaned_data,
                days=form.days_value(),
                press_card=form.cleaned_data["press_card"],
                language=get_language(),
            )
            mail_quietly(accreditation.send_confirmation, accreditation_request)
            mail_quietly(accreditation.notify_organisers, accreditation_request)
            return HttpResponseRedirect(f"{request.path}?done=1")
    file_not_kept = bool(request.FILES.get("press_card")) and form.is_bound and "press_card" not in form.errors
    context = {
        "form": form,
        "done": request.method == "GET" and request.GET.get("done") == "1",
        "form_has_errors": form.is_bound and bool(form.errors),
        "file_not_kept": file_not_kept,
        "max_megabytes": PRESS_CARD_MAX_BYTES // (1024 * 1024),
        "contacts": PressContact.objects.published()[:2],
    }
    return render(request, "press/accreditation.html", context)
