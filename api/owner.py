"""The one owner of the store inside the server process.

The embedded Chroma and sqlite files are not safe across processes, so one server process owns
the Archive and every request goes through this object: reads share a lock, writes (uploads)
hold it alone, and each call runs on the owner's thread pool with a time limit.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Hashable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from typing import TypeVar, cast

from rescite.api.cache import ResultCache
from rescite.api.errors import ApiError
from rescite.core.archive import Archive
from rescite.core.settings import Settings

T = TypeVar("T")
log = logging.getLogger("rescite.api")


class ReadWriteLock:
    """Many readers or one writer; a waiting writer blocks new readers (no writer starvation)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writer = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            self._cond.wait_for(lambda: not self._writer and not self._writers_waiting)
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            self._cond.wait_for(lambda: not self._writer and self._readers == 0)
            self._writers_waiting -= 1
            self._writer = True
        try:
            yield
        finally:
            with self._cond:
                self._writer = False
                self._cond.notify_all()


class ArchiveOwner:
    """Opens the Archive (or takes one given), runs calls on it, closes it if it opened it."""

    def __init__(
        self,
        settings: Settings,
        opener: Callable[[Settings], Archive],
        archive: Archive | None = None,
        *,
        workers: int = 8,
        cache: ResultCache | None = None,
    ) -> None:
        self.settings = settings
        self._opener = opener
        self._archive = archive
        self._owns_archive = archive is None
        self._open_lock = threading.Lock()
        self.lock = ReadWriteLock()
        self._workers = workers
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        self.cache = cache if cache is not None else ResultCache()
        self._warm: Future[None] | None = None

    @property
    def is_open(self) -> bool:
        return self._archive is not None

    def archive(self) -> Archive:
        """The Archive, opened on first use (a failed open is retried by the next request)."""
        if self._archive is None:
            with self._open_lock:
                if self._archive is None:
                    self._archive = self._opener(self.settings)
        return self._archive

    def start_warm_up(self) -> None:
        """Open the archive and run one search on the pool (loads the embedding model), so the
        first request is not the slow one. /readyz waits for it and reports its failure."""
        self._warm = self._executor().submit(self._warm_up)

    def _warm_up(self) -> None:
        try:
            archive = self.archive()
            with self.lock.reading():
                archive.search("warm up", k=1)
                coverage = archive.ranking_coverage()
        except Exception as error:
            log.warning("archive not ready yet: %s", error)
            raise
        if coverage is not None and coverage.kept < coverage.texts:
            log.warning(
                "%d of %d English clauses have no ranking vector yet: an answer to a new "
                "question embeds its candidates first (seconds each); run `rescite ingest "
                "<folders> --ranking` once to embed them all",
                coverage.texts - coverage.kept,
                coverage.texts,
            )

    async def wait_warm(self, timeout_s: float) -> None:
        """Wait for the warm-up; start another if none ran or the last one failed."""
        warm = self._warm
        if warm is None or (warm.done() and warm.exception() is not None):
            self.start_warm_up()
            warm = self._warm
        assert warm is not None
        await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(warm)), timeout_s)

    async def read(self, fn: Callable[[Archive], T], *, timeout_s: float | None = None) -> T:
        return await self._run(fn, write=False, timeout_s=timeout_s)

    async def cached_read(
        self, key: Hashable, fn: Callable[[Archive], T], *, timeout_s: float | None = None
    ) -> T:
        """A read whose result is kept until the next write (see cache.py)."""
        found = self.cache.get(key)
        if found is not None:
            return cast(T, found)
        generation = self.cache.generation
        value = await self.read(fn, timeout_s=timeout_s)
        self.cache.put(key, value, generation)
        return value

    async def write(self, fn: Callable[[Archive], T], *, timeout_s: float | None = None) -> T:
        try:
            return await self._run(fn, write=True, timeout_s=timeout_s)
        finally:
            self.cache.invalidate()

    async def _run(self, fn: Callable[[Archive], T], *, write: bool, timeout_s: float | None) -> T:
        loop = asyncio.get_running_loop()

        def call() -> T:
            archive = self.archive()
            if not write:
                with self.lock.reading():
                    return fn(archive)
            try:
                with self.lock.writing():
                    return fn(archive)
            finally:  # also when the caller stopped waiting (timeout): the write still landed
                with suppress(RuntimeError):  # the loop is gone: so is the cache
                    loop.call_soon_threadsafe(self.cache.invalidate)

        future = loop.run_in_executor(self._executor(), call)
        limit = self.settings.api.request_timeout_s if timeout_s is None else timeout_s
        started = loop.time()
        try:
            result = await asyncio.wait_for(future, timeout=limit if limit > 0 else None)
        except TimeoutError:
            result = None
        # The limit holds even when the result was ready by the time the timer woke this
        # coroutine (a fast read can finish within the loop iteration that ends the wait).
        if limit > 0 and (not future.done() or loop.time() - started > limit):
            raise ApiError(
                504, f"the request took longer than {limit:g} s; narrow it (smaller k, filters)"
            )
        return cast(T, result)

    def _executor(self) -> ThreadPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self._workers, thread_name_prefix="rescite-api")
            return self._pool

    def close(self) -> None:
        """Stop the pool and close an archive we opened; a later call starts them again."""
        with self._pool_lock:
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
                self._pool = None
        if self._owns_archive and self._archive is not None:
            self._archive.close()
            self._archive = None
