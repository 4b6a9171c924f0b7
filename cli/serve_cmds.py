"""`rescite serve`: the HTTP API and the search page, one process that owns the store."""

from __future__ import annotations

from typing import Annotated

import typer
from rescite.cli.errors import guarded
from rescite.core.settings import Settings


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on (0: any free port).")] = 8000,
    allow_open_bind: Annotated[
        bool,
        typer.Option(help="Listen beyond loopback even without API keys (anyone can call it)."),
    ] = False,
    root_path: Annotated[
        str,
        typer.Option(help="The path prefix a reverse proxy serves rescite under, e.g. /rescite."),
    ] = "",
    log_level: Annotated[str, typer.Option(help="uvicorn log level.")] = "info",
) -> None:
    """Serve the HTTP API (/v1/..., /docs) and the search page at / (one process)."""
    with guarded():
        import uvicorn
        from rescite.api.app import create_app
        from rescite.api.bind import check_bind

        settings = Settings()
        check_bind(host, settings, allow_open_bind=allow_open_bind)
        app = create_app(settings)
        # One process: the embedded Chroma and sqlite files must have a single owner.
        uvicorn.run(
            app,
            host=host,
            port=port,
            workers=1,
            log_level=log_level,
            proxy_headers=True,  # X-Forwarded-For/-Proto from FORWARDED_ALLOW_IPS (127.0.0.1)
            root_path=root_path,
        )


def register(app: typer.Typer) -> None:
    """Add this module's commands to the `rescite` app."""
    app.command("serve")(serve)
