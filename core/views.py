"""What the public pages' class-based views share: small mixins over Django's generic views.

- `SafeMethodsMixin`: a page that only shows something answers GET and HEAD (405 otherwise).
- `PagedMixin`: a list cut in pages, a page number out of range showing the nearest page with a notice.
- `StructuredDataMixin`: the page's JSON-LD (`json_ld`) is its object's `structured_data()`.
- `PreviewMixin`: the page of one publishable object (`core.models.Publishable`). Visitors see it only when it
  is public (`published_q`); signed-in staff also see drafts and embargoed items, with a banner that says so
  (`draft_preview`, templates/includes/_draft_banner.html), and their answers are never stored by a cache
  (`Cache-Control: private, no-store`; the page cache, core/pagecache.py, neither reads nor stores a request that
  carries a login session).

The canonical address, the language alternates and the switcher come from the context processor
(`tudoi.context_processors.site`) for every page alike.
"""

from django.conf import settings
from django.contrib import admin
from django.core.paginator import Page, Paginator
from django.urls import NoReverseMatch, reverse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property

from . import clock
from .models import Status
from .web import page_number


def is_staff_preview(request) -> bool:
    """Whether `request` comes from someone who may open the admin (active staff, verified by their second factor
    when TUDOI_REQUIRE_2FA is on), who may then see drafts on the public site.

    Only a request with a login session is asked: reading `request.user` reads the session, which marks the answer
    `Vary: Cookie`, and the visitors' pages (which have no session) must stay cacheable.
    """
    if settings.SESSION_COOKIE_NAME not in request.COOKIES or not hasattr(request, "user"):
        return False
    return admin.site.has_permission(request)


class SafeMethodsMixin:
    """GET and HEAD only: any other method is answered 405 with `Allow: GET, HEAD`."""

    http_method_names = ["get", "head"]


class PagedMixin:
    """For views that cut a list in pages themselves (the page number from `?page=`)."""

    def paginate(self, items, per_page: int) -> tuple[Paginator, Page, str]:
        """The paginator, the page asked for (the nearest one when it does not exist) and the notice saying so."""
        paginator = Paginator(items, per_page)
        number, notice = page_number(self.request.GET.get("page"), paginator.num_pages)
        return paginator, paginator.page(number), notice

    @staticmethod
    def elided_range(paginator: Paginator, page: Page):
        return paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1)


class StructuredDataMixin:
    """`json_ld` in the context: the object's own `structured_data()`. It is added once the context is complete, so
    that `get_structured_data` can pass on what the view chose for the page (the image of link previews)."""

    def get_structured_data(self, context) -> dict:
        return self.object.structured_data()

    def render_to_response(self, context, **response_kwargs):
        context["json_ld"] = self.get_structured_data(context)
        return super().render_to_response(context, **response_kwargs)


class PreviewMixin:
    """A DetailView of a publishable object that staff may preview before it is public.

    `get_queryset` builds on `self.visible(queryset)`: the published rows for visitors (anything else is a 404),
    every row for staff. `is_draft(obj)` says whether what is shown is not public yet (a work is not while its
    exhibition is not either); then the page carries the draft banner and is never cached.
    """

    @cached_property
    def staff_preview(self) -> bool:
        return is_staff_preview(self.request)

    def visible(self, queryset):
        return queryset if self.staff_preview else queryset.published()

    def is_draft(self, obj) -> bool:
        return not obj.is_public

    def draft_preview(self) -> dict | None:
        """What the draft banner says: when the object is public (if it has a time already) and where to edit it;
        None when the page shows nothing that visitors could not see."""
        obj = getattr(self, "object", None)
        if not (self.staff_preview and obj is not None and self.is_draft(obj)):
            return None
        scheduled = obj.status == Status.PUBLISHED and obj.publish_at is not None and obj.publish_at > clock.now()
        try:
            admin_url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
        except NoReverseMatch:
            admin_url = ""
        return {"object": obj, "public_from": obj.publish_at if scheduled else None, "admin_url": admin_url}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["draft_preview"] = self.draft_preview()
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.staff_preview:
            # What staff see may differ from what visitors see: no shared or browser cache keeps it.
            add_never_cache_headers(response)
        return response
