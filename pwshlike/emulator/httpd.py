"""HTTP plumbing shared by the Entra ID (HTTPS) and managed-identity (HTTP) servers.

Built on the standard library's ThreadingHTTPServer so the emulator adds no web framework
to pwshlike's dependencies.  Two things are done here rather than in the handlers: the TLS
handshake runs on the worker thread (a client that connects and stalls cannot block the
accept loop), and every response is produced by an application callable that never lets
an exception reach the socket — a client sees JSON, not a traceback.
"""
from __future__ import annotations

import email.message
import json
import logging
import re
import socket
import ssl
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger("pwshlike.emulator")

MAX_BODY = 1 << 20
# Parameters whose values are safe to show in the request log; everything else is redacted.
_LOGGABLE = ("grant_type", "client_id", "api-version", "resource", "response_type",
             "response_mode", "object_id", "mi_res_id", "msi_res_id")


@dataclass
class Request:
    method: str
    path: str
    query: dict[str, str]
    headers: email.message.Message
    body: bytes
    client: str

    @cached_property
    def form(self) -> dict[str, str]:
        """URL-encoded body as a dict (first value wins), empty for other content types."""
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if ctype != "application/x-www-form-urlencoded" or not self.body:
            return {}
        try:
            text = self.body.decode("utf-8")
        except UnicodeDecodeError:
            return {}
        return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}

    def json(self) -> Any:
        """The body as JSON; ValueError if it is not."""
        return json.loads(self.body.decode("utf-8") or "null")

    def header(self, name: str, default: str | None = None) -> str | None:
        return self.headers.get(name, default)


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    drop: bool = False          # fault injection: close the connection without answering


def json_response(data: Any, status: int = 200,
                  headers: Mapping[str, str] | None = None) -> Response:
    return Response(status, json.dumps(data).encode("utf-8"), headers=dict(headers or {}))


def html_response(text: str, status: int = 200) -> Response:
    return Response(status, text.encode("utf-8"), "text/html; charset=utf-8")


Handler = Callable[..., Response]


class Router:
    """Method + path-regex routing; each route has a name that fault rules refer to."""

    def __init__(self) -> None:
        self._routes: list[tuple[str, re.Pattern[str], str, Handler]] = []

    def add(self, method: str, pattern: str, name: str, handler: Handler) -> None:
        self._routes.append((method, re.compile(pattern + r"\Z"), name, handler))

    def match(self, method: str, path: str) -> tuple[str, Handler, dict[str, str]] | None | bool:
        """(name, handler, path groups); False if the path exists for another method."""
        other_method = False
        for route_method, regex, name, handler in self._routes:
            m = regex.match(path)
            if m:
                if route_method == method:
                    return name, handler, m.groupdict()
                other_method = True
        return False if other_method else None


def describe(request: Request) -> str:
    """A one-line, secret-free description of a request for the log."""
    params = {**request.query, **request.form}
    shown = [f"{k}={params[k]}" for k in _LOGGABLE if k in params]
    return f"{request.method} {request.path}" + (f" [{' '.join(shown)}]" if shown else "")


class _RequestHandler(BaseHTTPRequestHandler):
    server: EmulatorHTTPServer
    protocol_version = "HTTP/1.0"     # one request per connection: nothing lingers at shutdown
    server_version = "pwshlike-emulator"
    sys_version = ""
    timeout = 15                      # bounds a client that stops sending mid-request

    def do_GET(self) -> None:
        self._dispatch()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_GET

    def _dispatch(self) -> None:
        split = urlsplit(self.path)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > MAX_BODY:
            self._send(json_response({"error": "invalid_request",
                                      "error_description": "Bad or too large Content-Length."},
                                     413 if length > 0 else 400))
            return
        body = self.rfile.read(length) if length > 0 else b""
        query = {k: v[0] for k, v in parse_qs(split.query, keep_blank_values=True).items()}
        request = Request(self.command, split.path, query, self.headers, body,
                          self.client_address[0])
        response = self.server.app(request)
        if response.drop:
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            return
        self._send(response)

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(response.body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(response.body)

    def log_message(self, format: str, *args: Any) -> None:
        # http.server's own lines would print raw request lines (query strings carry codes)
        pass


class EmulatorHTTPServer(ThreadingHTTPServer):
    """A threading HTTP(S) server whose responses come from ``app(request)``."""

    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], app: Callable[[Request], Response],
                 ssl_context: ssl.SSLContext | None = None) -> None:
        self.app = app
        self.ssl_context = ssl_context
        super().__init__(address, _RequestHandler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    def finish_request(self, request: Any, client_address: Any) -> None:
        if self.ssl_context is None:
            super().finish_request(request, client_address)
            return
        request.settimeout(_RequestHandler.timeout)
        try:
            tls = self.ssl_context.wrap_socket(request, server_side=True)
        except (ssl.SSLError, OSError) as exc:
            log.debug("TLS handshake with %s failed: %s", client_address[0], type(exc).__name__)
            return
        try:
            super().finish_request(tls, client_address)
        finally:
            try:
                tls.close()
            except OSError:
                pass

    def handle_error(self, request: Any, client_address: Any) -> None:
        # Connection-level failures (client went away, timeouts): no traceback on stderr.
        import sys
        exc = sys.exc_info()[1]
        log.debug("connection from %s ended: %s", client_address[0], type(exc).__name__)


class ServerThread:
    """Runs a server's accept loop on a daemon thread; ``stop`` is bounded."""

    def __init__(self, server: EmulatorHTTPServer, name: str) -> None:
        self.server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name=name, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop accepting, close the socket, join; True if the thread ended in time."""
        if self._thread.is_alive():
            done = threading.Event()

            def _shutdown() -> None:
                self.server.shutdown()
                done.set()
            threading.Thread(target=_shutdown, daemon=True).start()
            done.wait(timeout)
        self.server.server_close()
        self._thread.join(timeout)
        return not self._thread.is_alive()

