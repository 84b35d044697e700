"""Small typed helpers for reading settings from the environment.

A value may also come from a file: ``NAME_FILE=/run/secrets/x`` is read when
``NAME`` itself is unset, so secrets need not sit in the process environment.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def envstr(name: str, default: str = "") -> str:
    value = os.environ.get(name)
    if value is not None:
        return value
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text(encoding="utf-8").strip()
    return default


def envbool(name: str, default: bool = False) -> bool:
    value = envstr(name, "")
    if value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def envint(name: str, default: int) -> int:
    value = envstr(name, "")
    if value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ValueError(f"{name} must be an integer, not {value!r}") from None


def home_dir() -> Path:
    """The folder that holds the SQLite database, attachments and keys."""
    explicit = envstr("SELLERDESK_HOME")
    if explicit:
        return Path(explicit).expanduser().resolve()
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".local" / "share"
    return (base / "sellerdesk").resolve()


def persistent_secret(home: Path, filename: str) -> str:
    """Read a secret kept in ``home``, creating it (mode 0600) on first use."""
    path = home / filename
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    value = secrets.token_urlsafe(50)
    # O_EXCL: two processes starting at once must agree on one value.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text(encoding="utf-8").strip()
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value + "\n")
    return value
