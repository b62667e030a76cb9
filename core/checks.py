import os

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def check_clock_not_frozen(app_configs, **kwargs):
    """A frozen clock in production would show a stale "now" and open or close registrations at the wrong time."""
    if os.environ.get("TUDOI_NOW") and not settings.DEBUG:
        return [
            Warning(
                "TUDOI_NOW is set while DEBUG is off: the site's clock is frozen.",
                hint="Unset TUDOI_NOW in production; it is meant for demonstrations and tests.",
                id="tudoi.W001",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_site_url_set(app_configs, **kwargs):
    """Without TUDOI_SITE_URL, absolute links (canonical, share links, calendar feeds, e-mails) follow each request's
    Host header, and a mail sent outside any request links to http://127.0.0.1:8000."""
    if not settings.TUDOI_SITE_URL and not settings.DEBUG:
        return [
            Warning(
                "TUDOI_SITE_URL is not set while DEBUG is off: absolute links follow the host of each request.",
                hint="Set TUDOI_SITE_URL to the public address of the site, e.g. https://tuhoisangtao.vn.",
                id="tudoi.W002",
            )
        ]
    return []
