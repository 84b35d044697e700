"""Real servers for tests, started on loopback from a temp folder.

- Dovecot (Debian's ``dovecot-imapd``) with a passwd-file user and Maildir storage;
- aiosmtpd, a real SMTP server in this process, recording what it receives.
"""

from __future__ import annotations

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

DOVECOT = shutil.which("dovecot") or "/usr/sbin/dovecot"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout}s")


@dataclass
class Dovecot:
    root: Path
    port: int
    user: str
    password: str
    process: subprocess.Popen[bytes]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.root, ignore_errors=True)

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text(errors="replace") if path.exists() else ""


def start_dovecot(*, user: str = "seller", password: str = "imap-secret") -> Dovecot:
    """Start Dovecot in the foreground on a free loopback port, configured in a temp folder.

    The folder is made here, world-traversable (pytest's tmp_path is 0700, which
    Dovecot's unprivileged auth and mail processes could not enter).
    """
    if not Path(DOVECOT).exists():
        raise RuntimeError("Dovecot is not installed: apt-get install dovecot-imapd")
    root = Path(tempfile.mkdtemp(prefix="sellerdesk-dovecot-"))
    # Dovecot will not serve mail as root: run the mail user as the dovecot account
    # when we are root, else as ourselves.
    if os.getuid() == 0:
        account = pwd.getpwnam("dovecot")
        uid, gid = account.pw_uid, account.pw_gid
        login_user, internal_user = "dovenull", "dovecot"
    else:
        uid, gid = os.getuid(), os.getgid()
        login_user = internal_user = pwd.getpwuid(uid).pw_name
    for sub in ("run", "mail", "home"):
        (root / sub).mkdir(exist_ok=True)
    for sub in ("mail", "home"):
        os.chown(root / sub, uid, gid)
    os.chmod(root, 0o755)
    port = free_port()
    (root / "users").write_text(f"{user}:{{PLAIN}}{password}:{uid}:{gid}::{root / 'home'}\n")
    (root / "dovecot.conf").write_text(
        f"""
base_dir = {root / "run"}
state_dir = {root / "run"}
log_path = {root / "dovecot.log"}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = {uid}
last_valid_uid = {uid}
first_valid_gid = 0
default_login_user = {login_user}
default_internal_user = {internal_user}
mail_location = maildir:{root / "mail"}/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root / "users"}
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root / "home"}/%u
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service stats {{
  unix_listener stats-writer {{
    mode = 0666
  }}
}}
"""
    )
    process = subprocess.Popen(  # noqa: S603 -- Debian's dovecot, our own config
        [DOVECOT, "-F", "-c", str(root / "dovecot.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        _wait_port(port)
    except RuntimeError:
        process.kill()
        err = process.stderr.read().decode(errors="replace") if process.stderr else ""
        log = (root / "dovecot.log").read_text() if (root / "dovecot.log").exists() else ""
        raise RuntimeError(f"Dovecot did not start: {err}\n{log}") from None
    return Dovecot(root=root, port=port, user=user, password=password, process=process)


class RecordingHandler:
    """aiosmtpd handler: records every accepted message; can answer with scripted failures."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.fail_next: list[str] = []  # e.g. "451 4.3.0 try later" for the next DATA

    async def handle_DATA(self, server, session, envelope) -> str:  # type: ignore[no-untyped-def]
        if self.fail_next:
            return self.fail_next.pop(0)
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
        return "250 2.0.0 Ok: queued as TEST"


@dataclass
class Smtp:
    port: int
    handler: RecordingHandler
    controller: object

    def stop(self) -> None:
        self.controller.stop()  # type: ignore[attr-defined]


def start_smtp() -> Smtp:
    from aiosmtpd.controller import Controller

    handler = RecordingHandler()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, server_hostname="smtp.test")
    controller.start()
    return Smtp(port=port, handler=handler, controller=controller)
