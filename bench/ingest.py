"""Benchmark: importing a Maildir of realistic relay mail into SQLite.

Reports messages per second through the whole desk pipeline (store raw, parse,
route, thread, clock, attachments, dedupe — one transaction per message) beside
the floor of only parsing the same files with the standard library, in the same
process, and the ratio of the two; then peak Python memory (tracemalloc) of each,
in a second pass so tracing does not distort the timings.

    .venv/bin/python bench/ingest.py [--messages 10000] [--json]
"""

from __future__ import annotations

import argparse
import json
import mailbox
import os
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from email import message_from_bytes, policy
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def parse_floor(maildir: Path) -> int:
    """The standard library alone: parse each message and decode its body."""
    box = mailbox.Maildir(maildir, factory=None, create=False)
    count = 0
    for key in sorted(box.iterkeys()):
        message = message_from_bytes(box.get_bytes(key), policy=policy.default)
        body = message.get_body(preferencelist=("plain", "html"))
        if body is not None:
            body.get_content()
        count += 1
    return count


def desk_import(maildir: Path, store_name: str) -> dict[str, int]:
    from sellerdesk.mail.files import mail_import
    from sellerdesk.mail.services import files_channel
    from sellerdesk.stores.services import store_create

    store = store_create(name=store_name, marketplace="US")
    counts = mail_import(channel=files_channel(store=store), paths=[maildir])
    return {k: v for k, v in counts.as_dict().items() if isinstance(v, int)}


def timed[T](call: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = call()
    return result, time.perf_counter() - start


def peak(call: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        call()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="sellerdesk-bench-"))
    os.environ["SELLERDESK_HOME"] = str(work / "home")
    os.environ.pop("SELLERDESK_DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sellerdesk.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from mailgen import write_maildir

    maildir = write_maildir(work / "Maildir", args.messages)
    size = sum(p.stat().st_size for p in (maildir / "new").iterdir())

    parsed, floor_seconds = timed(lambda: parse_floor(maildir))
    counts, desk_seconds = timed(lambda: desk_import(maildir, "Bench timing"))
    floor_peak = peak(lambda: parse_floor(maildir))
    desk_peak = peak(lambda: desk_import(maildir, "Bench memory"))

    result = {
        "messages": args.messages,
        "maildir_bytes": size,
        "floor_seconds": round(floor_seconds, 3),
        "floor_per_second": round(parsed / floor_seconds, 1),
        "desk_seconds": round(desk_seconds, 3),
        "desk_per_second": round(counts["total"] / desk_seconds, 1),
        "desk_vs_floor": round(floor_seconds / desk_seconds, 3),
        "floor_peak_mib": round(floor_peak / 2**20, 2),
        "desk_peak_mib": round(desk_peak / 2**20, 2),
        "desk_counts": counts,
        "database_mib": round((work / "home" / "sellerdesk.sqlite3").stat().st_size / 2**20, 1),
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:>18}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
