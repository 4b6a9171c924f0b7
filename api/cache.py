"""A small result cache for the server's reads (search, ask), emptied by every write.

The server is the store's one owner, so every write goes through it: a write bumps the
generation and empties the cache, and a read that started before a write never stores its
(possibly stale) result. Entries also expire after a while, which bounds staleness should
anything else change the store. Used from the event loop only, so it needs no lock.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

DEFAULT_ENTRIES = 2048
DEFAULT_TTL_S = 600.0


class ResultCache:
    def __init__(
        self,
        entries: int = DEFAULT_ENTRIES,
        ttl_s: float = DEFAULT_TTL_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._entries = entries
        self._ttl_s = ttl_s
        self._clock = clock
        self._items: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self.generation = 0
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable) -> Any | None:
        found = self._items.get(key)
        if found is None or self._clock() - found[0] > self._ttl_s:
            self._items.pop(key, None)
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return found[1]

    def put(self, key: Hashable, value: Any, generation: int) -> None:
        """Store `value` unless a write happened since `generation` was read."""
        if self._entries <= 0 or generation != self.generation:
            return
        self._items[key] = (self._clock(), value)
        self._items.move_to_end(key)
        while len(self._items) > self._entries:
            self._items.popitem(last=False)

    def invalidate(self) -> None:
        self.generation += 1
        self._items.clear()

    def __len__(self) -> int:
        return len(self._items)
