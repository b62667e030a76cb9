"""Parts of pages that only content makes, made once per content generation in each process.

The page cache (core/pagecache.py) answers repeated visits of one address. Many addresses share their parts: every
page has the same footer of partner logos, the directory's filters and pages show the same unit cards in other
orders, the catalogue and an artist's page the same works. A miss of the page cache (a new minute, a new filter, a
visitor with a session, an edit) renders the page again; these parts it takes from here instead:

    {% fragment "unit-card" unit.pk %}…{% endfragment %}      (templates; core/templatetags/tudoi.py)
    fragments.remember(("directory-facets", params), count)   (views: data such as facet counts)

Each is kept under the same generation and minute as the pages of the page cache: any save or delete of content
moves the generation on, in every process, since it lives in the shared cache, so an edit shows at the next
request; the minute of the site's clock lets content whose publication time passes appear within a minute. It is
also kept per language and per the values named after the name. What a part shows must depend on nothing else:
not seat counts, the request or the visitor (keep those outside the tag). The store is this process's memory, a
bounded number of entries, least recently used first out; when the shared cache cannot be read, everything is
made afresh.
"""

import logging
import threading
import uuid
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

from django.core.cache import cache
from django.utils.translation import get_language

from . import clock

logger = logging.getLogger(__name__)

T = TypeVar("T")

GENERATION_KEY = "pages:generation"
MAX_ENTRIES = 6000  # a card is about 1 KB: some megabytes per process at most

_store: OrderedDict[tuple, object] = OrderedDict()
_lock = threading.Lock()  # threaded workers


def generation(request=None) -> str:
    """The content generation, read from the shared cache once per request (kept on `request`)."""
    found = getattr(request, "_content_generation", None)
    if found is None:
        found = cache.get_or_set(GENERATION_KEY, uuid.uuid4().hex, None) or "none"
        if request is not None:
            request._content_generation = found
    return found


def minute() -> int:
    """The current minute of the site's clock (core.clock), a number."""
    return int(clock.now().timestamp() // 60)


def remember(parts: tuple[Hashable, ...], make: Callable[[], T], request=None) -> T:
    """What `make()` returns for `parts` under the current generation and language, made once per process."""
    try:
        key = (generation(request), minute(), get_language(), *parts)
    except Exception:  # the cache fails open: make it as if nothing were kept
        logger.warning("Content generation unavailable; fragments made afresh", exc_info=True)
        return make()
    with _lock:
        if key in _store:
            _store.move_to_end(key)
            return _store[key]
    value = make()
    with _lock:
        _store[key] = value
        while len(_store) > MAX_ENTRIES:
            _store.popitem(last=False)
    return value
