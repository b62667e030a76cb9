"""The one clock of the site.

The event took place on 10–11 January 2026, so the site must be able to show itself as it was then. Everything
that depends on the time of day asks `now()`: the TUDOI_NOW environment variable (an ISO datetime with offset)
when set, the real time otherwise.
"""

import os
from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    value = os.environ.get("TUDOI_NOW", "").strip()
    if value:
        moment = datetime.fromisoformat(value)
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
        return moment
    return timezone.now()
