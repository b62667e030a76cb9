from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import get_language

from core.web import site_url

from .views import language_from_path, partners_by_role, swap_language


def site(request):
    """What base.html needs on every page: alternates, canonical URL, switcher links, footer partners.

    Nothing here touches the database until a template reads `footer_partners`.
    """
    site = site_url()
    path = request.path
    query = request.META.get("QUERY_STRING", "")
    current = get_language()
    on_language_page = language_from_path(path) is not None
    alternates = []
    switcher = []
    for code, name in settings.LANGUAGES:
        other_path = swap_language(path, code) if on_language_page else f"/{code}/"
        alternates.append({"code": code, "url": site + other_path})
        next_value = path + (f"?{query}" if query else "")
        switcher.append(
            {
                "code": code,
                "name": name,
                "current": code == current,
                "url": f"/i18n/switch/{code}/?{urlencode({'next': next_value})}",
            }
        )
    return {
        "TUDOI_DEMO": settings.TUDOI_DEMO,
        "SITE_URL": site,
        "canonical_url": site + path,
        "alternates": alternates,
        "x_default_url": site + (swap_language(path, settings.LANGUAGE_CODE) if on_language_page else "/"),
        "language_switcher": switcher,
        "footer_partners": SimpleLazyObject(partners_by_role),
    }
