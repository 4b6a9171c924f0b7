"""Small in-memory caches: `LruCache` keeps the last `size` values computed for their keys;
`GenerationMemo` also forgets everything when the doc store changes (its generation moves).

Answers read the same few documents, clause lists and catalogue pages again and again; each
read is a SQLite query plus JSON validation. A `GenerationMemo` keeps the last results and drops
them as soon as any ingest (in this process or another) commits.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class LruCache:
    """Thread-safe; a value is computed outside the lock (two threads may both compute it)."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._values: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            self._values[key] = value
            while len(self._values) > self._size:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


class GenerationMemo:
    def __init__(self, generation: Callable[[], int], size: int) -> None:
        self._generation = generation
        self._seen = -1
        self._cache = LruCache(size)

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for `key` at the store's current generation (keyed by it, so a value
        computed while an ingest commits is never served after it)."""
        generation = self._generation()
        if generation != self._seen:
            self._seen = generation
            self._cache.clear()
        return self._cache.get((generation, key), compute)
