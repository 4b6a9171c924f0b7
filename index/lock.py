"""One writer at a time: an advisory `flock` on RESCITE_HOME/write.lock holding the writer's pid.

The kernel drops the lock when the process dies (even by SIGKILL), so a killed ingest never
leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from rescite.core.errors import IndexLocked


def active_writer(home: Path) -> int | None:
    """The pid of a live process holding the write lock, if any (without touching the lock)."""
    try:
        text = (home / "write.lock").read_text().strip()
    except OSError:
        return None
    if not text.isdigit():
        return None
    pid = int(text)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # killed without releasing: the kernel already dropped its flock
    except PermissionError:
        return pid
    return pid


class WriteLock:
    def __init__(self, home: Path) -> None:
        self._path = home / "write.lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise IndexLocked(
                f"index is locked by another rescite process (pid {holder}); wait for it or "
                f"stop it, or use another RESCITE_HOME (lock file: {self._path})"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> WriteLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.release()
