"""Process layouts: one process running everything, or workers alone.

``serve`` runs the web server (waitress) with worker and scheduler threads
beside it: the small set-up on SQLite. At scale, run ``sellerdesk serve
--workers 0 --no-scheduler`` for the web and any number of ``sellerdesk worker``
processes on PostgreSQL; ``sellerdesk worker --scheduler`` adds a scheduler
(several are safe: see ``jobs.scheduler``).
"""

from __future__ import annotations

import logging
import os
import threading
import time

from django.conf import settings
from django.db import close_old_connections, connection

from sellerdesk.jobs.scheduler import jobs_ensure, scheduler_tick

logger = logging.getLogger(__name__)


def _scheduler_loop(stop: threading.Event, interval: float) -> None:
    jobs_ensure()
    while not stop.is_set():
        try:
            close_old_connections()
            scheduler_tick()
        except Exception:
            logger.exception("scheduler tick failed; retrying")
        finally:
            close_old_connections()
        stop.wait(interval)
    connection.close()


def _worker_loop(stop: threading.Event, index: int, interval: float) -> None:
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        interval=interval,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"{os.uname().nodename}-{os.getpid()}-{index}",
        excluded_queue_names=[],
    )

    def watch() -> None:
        stop.wait()
        worker.running = False

    threading.Thread(target=watch, daemon=True, name=f"worker-{index}-stop").start()
    while not stop.is_set():
        try:
            worker.run()
        except Exception:
            logger.exception("worker %s crashed; restarting", index)
            time.sleep(interval)
    connection.close()


def start_background(*, workers: int, scheduler: bool) -> threading.Event:
    """Start worker and scheduler threads; set the returned event to stop them."""
    stop = threading.Event()
    for index in range(workers):
        threading.Thread(
            target=_worker_loop,
            args=(stop, index, float(settings.SELLERDESK_WORKER_INTERVAL)),
            daemon=True,
            name=f"worker-{index}",
        ).start()
    if scheduler:
        threading.Thread(
            target=_scheduler_loop,
            args=(stop, float(settings.SELLERDESK_SCHEDULER_INTERVAL)),
            daemon=True,
            name="scheduler",
        ).start()
    return stop


def serve(*, host: str, port: int, workers: int = 1, scheduler: bool = True) -> None:
    """Web server in the foreground, workers and scheduler in threads."""
    import waitress

    from sellerdesk.wsgi import application

    stop = start_background(workers=workers, scheduler=scheduler)
    print(f"sellerdesk serving on http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    try:
        waitress.serve(application, host=host, port=port, threads=8, _quiet=True)
    finally:
        stop.set()


def run_workers(*, count: int, with_scheduler: bool) -> None:
    """Worker threads (and optionally a scheduler) in the foreground until Ctrl+C."""
    stop = start_background(workers=count, scheduler=with_scheduler)
    print(f"sellerdesk worker: {count} thread(s), scheduler {'on' if with_scheduler else 'off'}")
    try:
        while not stop.is_set():
            time.sleep(1)
    except KeyboardInterrupt:
        stop.set()
