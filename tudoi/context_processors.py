from django.conf import settings


def site(request):
    """Values every template needs: demo notice, site URL."""
    return {"TUDOI_DEMO": settings.TUDOI_DEMO, "SITE_URL": settings.TUDOI_SITE_URL}
