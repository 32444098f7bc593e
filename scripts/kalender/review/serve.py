"""Running the review application under uvicorn: the only place the server is started."""

from __future__ import annotations

import socket

import uvicorn
from starlette.applications import Starlette

from .sitebuild import SiteBuilder


def run_server(app: Starlette, listening: socket.socket, builder: SiteBuilder,
               behind_proxy: bool, proxies: tuple[str, ...] = ()) -> None:
    """Serve ``app`` on the open socket ``listening`` until stopped; the background site
    builder runs meanwhile and is stopped with the server. Forwarded addresses are trusted
    only from ``proxies`` (else 127.0.0.1), and only when behind a proxy."""
    builder.start()
    config = uvicorn.Config(app, log_level="warning", proxy_headers=behind_proxy or bool(proxies),
                            forwarded_allow_ips=list(proxies) or "127.0.0.1",
                            server_header=False, timeout_graceful_shutdown=5)
    try:
        uvicorn.Server(config).run(sockets=[listening])
    finally:
        builder.stop()
