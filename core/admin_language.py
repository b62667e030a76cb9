"""The admin's language: each organiser's own choice, Vietnamese when none is made, whatever the browser asks for.

The public pages take their language from the address (/vi/, /en/); the admin has no prefix, so Django's
LocaleMiddleware would follow the browser's Accept-Language, and a team member with an English browser would get
an English admin nobody trained them on. `AdminLanguageMiddleware` (after the authentication middleware) activates
instead, for the admin's pages seen by a signed-in user: their stored choice (`core.models.StaffPreference`), else
Vietnamese. Before signing in nobody is known, so the sign-in page (and its refusals) follows the browser, as the
public site's root does. The switch in the admin's header posts to `switch_admin_language` (a view of the admin
site, core/staff.py), which stores the choice for the user.
"""

from django.conf import settings
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

DEFAULT = settings.LANGUAGE_CODE  # Vietnamese


def _languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


def admin_language(user) -> str:
    """The language the admin speaks to a signed-in user: their choice, else Vietnamese."""
    from .models import StaffPreference

    chosen = (
        StaffPreference.objects.filter(user=user).exclude(admin_language="").values_list("admin_language", flat=True)
    ).first()
    return chosen if chosen in _languages() else DEFAULT


class AdminLanguageMiddleware:
    """Activates the admin language for the admin's pages; leaves every other page to LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(reverse("admin:index")) and request.user.is_authenticated:
            language = admin_language(request.user)
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


@require_POST
def switch_admin_language(request: HttpRequest) -> HttpResponseRedirect:
    """Store the organiser's choice (a form post from the admin's header), then go back to the page they were on."""
    from .models import StaffPreference

    language = request.POST.get("language", "")
    if language in _languages():
        StaffPreference.objects.update_or_create(user=request.user, defaults={"admin_language": language})
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        back = reverse("admin:index")
    return HttpResponseRedirect(back)
