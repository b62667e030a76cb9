"""Limits on how often one client address may send a public form, counted in the shared cache.

A person sends a few forms; a robot sends hundreds. The address is the one django-axes uses for login attempts
(django-ipware, trusting `DJANGO_PROXY_COUNT` proxies in X-Forwarded-For, REMOTE_ADDR otherwise), so every limit
counts the same person the same way. A cache outage (django-redis with IGNORE_EXCEPTIONS, or any error) lets
submissions through: the honeypots still stand, and a visitor is never blocked by our infrastructure.
"""

import logging

from axes.helpers import get_client_ip_address
from django.core.cache import cache

logger = logging.getLogger(__name__)


def client_address(request) -> str:
    return get_client_ip_address(request) or "unknown"


class RateLimit:
    """At most `most` submissions per `seconds`, for each (seconds, most) window; a window starts with the first
    submission counted in it."""

    def __init__(self, name: str, *windows: tuple[int, int]):
        self.name = name
        self.windows = windows

    def _key(self, seconds: int, address: str) -> str:
        return f"ratelimit:{self.name}:{seconds}:{address}"

    def is_reached(self, address: str) -> bool:
        """True when one more submission from this address would go over a limit (nothing is counted)."""
        keys = {self._key(seconds, address): most for seconds, most in self.windows}
        try:
            counts = cache.get_many(list(keys))
        except Exception:
            logger.warning("Rate limit %s: the cache did not answer", self.name, exc_info=True)
            return False
        return any((counts.get(key) or 0) >= most for key, most in keys.items())

    def take(self, address: str) -> bool:
        """Count one submission from this address; False when it goes over a limit (then refuse it)."""
        allowed = True
        for seconds, most in self.windows:
            key = self._key(seconds, address)
            try:
                cache.add(key, 0, timeout=seconds)
                try:
                    count = cache.incr(key)
                except ValueError:  # the key expired between add() and incr(): a new window starts now
                    cache.set(key, 1, timeout=seconds)
                    count = 1
            except Exception:
                logger.warning("Rate limit %s: the cache did not answer", self.name, exc_info=True)
                return True
            if count is not None and count > most:
                allowed = False
        return allowed
