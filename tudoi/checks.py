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
