"""The headers every answer carries beside those of Django's SecurityMiddleware and django-csp.

`Permissions-Policy` turns off every powerful browser feature the site never uses; `camera` is allowed (to this
origin only) under the paths listed in TUDOI_CAMERA_PATHS, for the check-in desk that will scan QR codes, and off
everywhere else. `Cross-Origin-Resource-Policy` keeps pages, feeds and downloads to this origin (`same-origin`),
except what is published to be used from other sites (`cross-origin`): the public API, which sends CORS, uploaded
media (press photos, logos and works that the press kit invites others to show, and their renditions) and any other
answer that already says `Access-Control-Allow-Origin: *`, such as WhiteNoise's static files (public by nature:
the social image, the logo, fonts; a CDN may serve them from another origin).

The middleware sits right after SecurityMiddleware, outside WhiteNoise and the page cache, so that static files and
cached pages get the same headers as everything else.
"""

from django.conf import settings

# Features a page may ask for; each is given an empty allow-list (off for this page and every frame in it). Only
# names that Chromium recognises: it writes a console warning for every other one (ambient-light-sensor, bluetooth,
# interest-cohort…). The pages' own scripts use none of them (no clipboard, fullscreen, location or sharing).
FEATURES_OFF = (
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "captured-surface-control",
    "clipboard-read",
    "compute-pressure",
    "display-capture",
    "encrypted-media",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "identity-credentials-get",
    "idle-detection",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "otp-credentials",
    "payment",
    "picture-in-picture",
    "publickey-credentials-create",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "speaker-selection",
    "usb",
    "window-management",
    "xr-spatial-tracking",
)


def permissions_policy(*, camera: bool = False) -> str:
    return ", ".join(
        f"{feature}=(self)" if feature == "camera" and camera else f"{feature}=()" for feature in FEATURES_OFF
    )


def _cross_origin_prefixes() -> tuple[str, ...]:
    prefixes = list(settings.TUDOI_CROSS_ORIGIN_PATHS)
    if settings.MEDIA_URL.startswith("/"):  # media served by this site (a demo); S3 or a web server set their own
        prefixes.append(settings.MEDIA_URL)
    return tuple(prefixes)


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = permissions_policy()
        self.policy_with_camera = permissions_policy(camera=True)
        self.camera_paths = tuple(settings.TUDOI_CAMERA_PATHS)
        self.cross_origin_paths = _cross_origin_prefixes()

    def __call__(self, request):
        response = self.get_response(request)
        path = request.path_info
        camera = bool(self.camera_paths) and path.startswith(self.camera_paths)
        response.headers.setdefault("Permissions-Policy", self.policy_with_camera if camera else self.policy)
        shared = path.startswith(self.cross_origin_paths) or response.headers.get("Access-Control-Allow-Origin") == "*"
        response.headers.setdefault("Cross-Origin-Resource-Policy", "cross-origin" if shared else "same-origin")
        return response
