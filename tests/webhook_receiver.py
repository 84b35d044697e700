"""A real HTTP webhook receiver on loopback (stdlib http.server in a thread).

It records every request (method, path, headers, body) and answers with a chosen
status, so a test can see exactly what a channel sent, and how often.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Received:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class WebhookReceiver:
    server: ThreadingHTTPServer
    thread: threading.Thread
    status: int = 200
    requests: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def received(self) -> list[Received]:
        with self.lock:
            return list(self.requests)

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def start_webhook_receiver(status: int = 200) -> WebhookReceiver:
    """Listen on 127.0.0.1 on a free port; ``stop()`` when done."""
    receiver: WebhookReceiver

    class Handler(BaseHTTPRequestHandler):
        def _record(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            with receiver.lock:
                receiver.requests.append(
                    Received(self.command, self.path, dict(self.headers.items()), body)
                )
            self.send_response(receiver.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_POST = do_PUT = do_GET = _record

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output quiet

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    receiver = WebhookReceiver(server=server, thread=thread, status=status)
    thread.start()
    return receiver
