"""Reads from the doc store kept in memory until the store changes (its generation moves).

Answers read the same few documents, clause lists and catalogue pages again and again; each
read is a SQLite query plus JSON validation. A `GenerationMemo` keeps the last `size` results
and drops them all as soon as any ingest (in this process or another) commits.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class GenerationMemo:
    def __init__(self, generation: Callable[[], int], size: int) -> None:
        self._generation = generation
        self._size = size
        self._seen = -1
        self._values: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The value for `key`, computed (outside the lock) when absent or out of date."""
        generation = self._generation()
        with self._lock:
            if generation != self._seen:
                self._values.clear()
                self._seen = generation
            elif key in self._values:
                self._values.move_to_end(key)
                return self._values[key]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            if generation == self._seen:
                self._values[key] = value
                while len(self._values) > self._size:
                    self._values.popitem(last=False)
        return value
