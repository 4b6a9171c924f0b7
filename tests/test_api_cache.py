"""The server's result cache: LRU, expiry, and no stale entry across a write."""

from __future__ import annotations

from rescite.api.cache import ResultCache


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_stored_result_is_found_until_it_expires() -> None:
    clock = Clock()
    cache = ResultCache(entries=4, ttl_s=10, clock=clock)
    cache.put("q", "answer", cache.generation)
    clock.now = 9.0
    assert cache.get("q") == "answer"
    clock.now = 10.5
    assert cache.get("q") is None
    assert (cache.hits, cache.misses) == (1, 1)


def test_the_least_recently_used_entry_goes_first() -> None:
    cache = ResultCache(entries=2)
    cache.put("a", 1, cache.generation)
    cache.put("b", 2, cache.generation)
    assert cache.get("a") == 1
    cache.put("c", 3, cache.generation)
    assert [cache.get(key) for key in ("a", "b", "c")] == [1, None, 3]


def test_a_write_empties_the_cache_and_refuses_results_read_before_it() -> None:
    cache = ResultCache()
    cache.put("a", 1, cache.generation)
    started = cache.generation  # a read starts ...
    cache.invalidate()  # ... a write lands meanwhile ...
    cache.put("b", 2, started)  # ... the read's result is stale and is not kept
    assert len(cache) == 0
    assert cache.get("a") is None and cache.get("b") is None
    cache.put("b", 3, cache.generation)
    assert cache.get("b") == 3


def test_zero_entries_turns_the_cache_off() -> None:
    cache = ResultCache(entries=0)
    cache.put("a", 1, cache.generation)
    assert cache.get("a") is None
