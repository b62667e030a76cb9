"""The shared rate limit of the public forms: every window counts, addresses are apart, a cache outage lets
people through."""

import pytest
from django.core.cache import cache

from core.ratelimit import RateLimit


def test_each_window_counts_and_addresses_are_counted_apart():
    limit = RateLimit("probe", (60, 2), (3600, 3))

    assert [limit.take("203.0.113.7") for _ in range(2)] == [True, True]
    assert limit.is_reached("203.0.113.7")  # the minute's two are used
    assert not limit.is_reached("198.51.100.23")
    assert limit.take("203.0.113.7") is False
    assert limit.take("198.51.100.23") is True

    cache.delete("ratelimit:probe:60:203.0.113.7")  # the minute is over; the hour still counts three
    assert limit.is_reached("203.0.113.7")
    assert limit.take("203.0.113.7") is False


def test_is_reached_counts_nothing():
    limit = RateLimit("probe", (60, 1))
    for _ in range(5):
        assert not limit.is_reached("203.0.113.7")
    assert limit.take("203.0.113.7") is True


def _down(*args, **kwargs):
    raise ConnectionError("cache down")


@pytest.mark.parametrize("method", ["add", "incr"])
def test_a_cache_outage_lets_submissions_through(monkeypatch, method):
    limit = RateLimit("probe", (60, 1))
    monkeypatch.setattr(cache, method, _down)

    assert all(limit.take("203.0.113.7") for _ in range(3))


def test_a_cache_outage_never_says_the_limit_is_reached(monkeypatch):
    limit = RateLimit("probe", (60, 1))
    limit.take("203.0.113.7")
    assert limit.is_reached("203.0.113.7")

    monkeypatch.setattr(cache, "get_many", _down)

    assert not limit.is_reached("203.0.113.7")
