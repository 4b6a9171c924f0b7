"""The one error tree. Raised anywhere, mapped only at the edges (CLI exit code, HTTP status).

    ResciteError
    ├── ConfigError              settings that cannot work together
    ├── InputError               a file we cannot read; the rest of a batch goes on
    │   ├── UnsupportedFormat
    │   ├── EmptyFile
    │   ├── FileTooLarge
    │   ├── EncryptedFile
    │   ├── CorruptFile          truncated or not what its extension says
    │   └── NoTextLayer          a scan: OCR it first
    ├── QueryError               a malformed question, filter or request
    ├── NotFound                 no such document or clause
    ├── IndexError_              the store cannot serve
    │   ├── IndexLocked          another writer holds the index
    │   ├── EmbedderMismatch     the collection was built with another model
    │   └── StoreUnavailable     a Chroma server that does not answer
    └── RemoteError              an optional remote service (LLM, embedding URL) failed

Every message says what to do next.
"""

from __future__ import annotations


class ResciteError(Exception):
    """Base of every error rescite raises on purpose."""

    kind = "rescite_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ConfigError(ResciteError):
    kind = "config_error"


class InputError(ResciteError):
    kind = "input_error"

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(f"{path}: {message}" if path else message)
        self.path = path
        self.reason = message


class UnsupportedFormat(InputError):
    kind = "unsupported_format"


class EmptyFile(InputError):
    kind = "empty_file"


class FileTooLarge(InputError):
    kind = "file_too_large"


class EncryptedFile(InputError):
    kind = "encrypted_file"


class CorruptFile(InputError):
    kind = "corrupt_file"


class NoTextLayer(InputError):
    kind = "no_text_layer"


class QueryError(ResciteError):
    kind = "query_error"


class NotFound(ResciteError):
    kind = "not_found"


class IndexError_(ResciteError):  # noqa: N801 - avoid shadowing the builtin IndexError
    kind = "index_error"


class IndexLocked(IndexError_):
    kind = "index_locked"


class EmbedderMismatch(IndexError_):
    kind = "embedder_mismatch"


class StoreUnavailable(IndexError_):
    kind = "store_unavailable"


class RemoteError(ResciteError):
    kind = "remote_error"
