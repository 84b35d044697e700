"""Real receivers for notification tests: an SMTP server that wants a password (aiosmtpd)
and an HTTP webhook receiver (stdlib http.server in a thread), both on loopback."""

from __future__ import annotations

import base64
import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.servers import RecordingHandler, free_port

SMTP_USER = "desk"
SMTP_PASSWORD = "smtp-Pa55-6b1d0e"  # the secret in the mailto:// URL
HOOK_USER = "desk"
HOOK_PASSWORD = "hook-T0ken-93c4a7"  # the secret in the json:// URL


@dataclass
class AuthSmtp:
    port: int
    handler: RecordingHandler
    controller: Any
    logins: list[str] = field(default_factory=list)

    def stop(self) -> None:
        self.controller.stop()

    def url(self, *, to: str = "seller@example.test") -> str:
        return (
            f"mailto://{SMTP_USER}:{SMTP_PASSWORD}@127.0.0.1:{self.port}"
            f"?from=alerts@desk.test&to={to}"
        )

    def subjects(self) -> list[str]:
        import email
        from email.header import decode_header, make_header

        out = []
        for _, _, content in self.handler.messages:
            message = email.message_from_bytes(content)
            out.append(str(make_header(decode_header(message["Subject"]))))
        return out

    def bodies(self) -> list[str]:
        import email

        out = []
        for _, _, content in self.handler.messages:
            message = email.message_from_bytes(content)
            for part in message.walk():
                if part.get_content_type() == "text/plain":
                    payload = part.get_payload(decode=True)
                    out.append(payload.decode() if isinstance(payload, bytes) else "")
        return out


def start_auth_smtp() -> AuthSmtp:
    """aiosmtpd with AUTH PLAIN/LOGIN over plain SMTP on loopback (no TLS in tests)."""
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    handler = RecordingHandler()
    logins: list[str] = []

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
            SMTP_USER.encode(),
            SMTP_PASSWORD.encode(),
        )
        if ok:
            logins.append(mechanism)
        return AuthResult(success=ok)

    port = free_port()
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        server_hostname="smtp.test",
        authenticator=authenticate,
        auth_require_tls=False,
    )
    controller.start()
    return AuthSmtp(port=port, handler=handler, controller=controller, logins=logins)


class Receiver:
    """Records every POST (path, JSON body); answers 401 without the right password.

    ``hold`` makes the handler record the request and then wait until released: a
    sender can be killed while the receiver has the message but has not answered.
    """

    def __init__(self) -> None:
        self.posts: list[dict[str, Any]] = []
        self.lock = threading.Lock()
        self.hold = False
        self.arrived = threading.Event()
        self.release = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                expected = base64.b64encode(f"{HOOK_USER}:{HOOK_PASSWORD}".encode()).decode()
                if self.headers.get("Authorization") != f"Basic {expected}":
                    self.send_response(401)
                    self.end_headers()
                    return
                with receiver.lock:
                    receiver.posts.append({"path": self.path, "json": json.loads(raw)})
                receiver.arrived.set()
                if receiver.hold:
                    receiver.release.wait(timeout=60)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = int(self.server.server_address[1])
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str = "hook") -> str:
        return f"json://{HOOK_USER}:{HOOK_PASSWORD}@127.0.0.1:{self.port}/{path}"

    def titles(self) -> list[str]:
        with self.lock:
            return [str(p["json"]["title"]) for p in self.posts]

    def messages(self) -> list[str]:
        with self.lock:
            return [str(p["json"]["message"]) for p in self.posts]

    def stop(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()
