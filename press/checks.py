from pathlib import Path

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security)
def check_private_media_is_not_public(app_configs, **kwargs):
    """Press cards are personal data: their folder must not sit where the site serves files from."""
    private = Path(settings.TUDOI_PRIVATE_MEDIA_ROOT).resolve()
    errors = []
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        public = Path(getattr(settings, name)).resolve()
        if private == public or public in private.parents:
            errors.append(
                Error(
                    f"TUDOI_PRIVATE_MEDIA_ROOT ({private}) is inside {name} ({public}): press cards would be public.",
                    hint="Point TUDOI_PRIVATE_MEDIA_ROOT at a folder that no URL serves.",
                    id="press.E001",
                )
            )
    return errors
