"""The real processes: ``sellerdesk serve`` answers HTTP, ``worker`` runs queued tasks."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SELLERDESK_DATABASE_URL"}
    env["SELLERDESK_HOME"] = str(home)
    env["SELLERDESK_WORKER_INTERVAL"] = "1"
    return env


def _run(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 -- our own CLI, fixed arguments
        [sys.executable, "-m", "sellerdesk", *args],
        env=_env(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def served(home: Path) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    port = _free_port()
    proc = subprocess.Popen(  # noqa: S603 -- our own CLI, fixed arguments
        [sys.executable, "-m", "sellerdesk", "serve", "--port", str(port)],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        yield port, proc
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()


def _get(url: str, timeout: float = 60.0) -> tuple[int, bytes]:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 -- loopback
                return response.status, response.read()
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def test_every_command_works_on_an_empty_home(home: Path) -> None:
    assert not home.exists()
    result = _run(home, "store", "list", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == []
    assert (home / "sellerdesk.sqlite3").exists()
    assert (home / "secret_key").stat().st_mode & 0o077 == 0


def test_help_on_every_command(home: Path) -> None:
    for args in (
        [],
        ["demo"],
        ["serve"],
        ["worker"],
        ["store"],
        ["store", "add"],
        ["store", "list"],
        ["store", "show"],
        ["user", "add"],
        ["token", "create"],
    ):
        result = _run(home, *args, "--help")
        assert result.returncode == 0, (args, result.stderr)
        assert "usage: sellerdesk" in result.stdout


def test_serve_answers_http_and_its_worker_runs_tasks(
    home: Path, served: tuple[int, subprocess.Popen[str]]
) -> None:
    port, proc = served
    status, body = _get(f"http://127.0.0.1:{port}/api/v1/openapi.json")
    assert status == 200
    assert json.loads(body)["info"]["title"] == "sellerdesk API"
    # A store created by another process enqueues a task; the served process's
    # worker thread must pick it up and install the reply templates.
    assert _run(home, "store", "add", "Served", "--marketplace", "US").returncode == 0
    db = home / "sellerdesk.sqlite3"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        with closing(sqlite3.connect(db, timeout=10)) as conn:
            (count,) = conn.execute("SELECT count(*) FROM messaging_replytemplate").fetchone()
        if count > 0:
            break
        time.sleep(0.3)
    else:
        pytest.fail("the served process's worker never ran the templates task")
    assert proc.poll() is None


def test_json_piped_into_a_reader_that_leaves_early_is_not_an_error(home: Path) -> None:
    # The demo inbox is ~100 KB of JSON: more than a pipe holds, so the writer is still
    # writing when the reader goes away (as with `sellerdesk inbox --json | head`).
    assert _run(home, "demo", "--no-serve").returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "sellerdesk", "inbox", "--store", "Demo Store", "--json"],
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    assert proc.stderr is not None
    assert proc.stdout.read(5) == b"[\n  {"
    proc.stdout.close()  # the reader leaves early
    stderr = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0, stderr
    assert "BrokenPipeError" not in stderr
    assert "Traceback" not in stderr
