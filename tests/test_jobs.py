from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from sellerdesk.jobs.models import PeriodicJob
from sellerdesk.jobs.runner import start_background
from sellerdesk.jobs.scheduler import JobSpec, job_claim, jobs_due, jobs_ensure, scheduler_tick
from sellerdesk.messaging.models import ReplyTemplate
from sellerdesk.stores.services import store_create

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
HOUSEKEEPING = JobSpec("housekeeping", "sellerdesk.jobs.tasks.housekeeping", 3600)


def _wait_for(predicate, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


@pytest.mark.django_db(transaction=True)
def test_task_enqueued_on_commit_is_run_by_a_worker_thread() -> None:
    with transaction.atomic():
        store = store_create(name="Queued", marketplace="US")
        # Nothing is enqueued before the transaction commits.
        assert DBTaskResult.objects.count() == 0
    result = DBTaskResult.objects.get()
    assert result.task_path == "sellerdesk.messaging.tasks.templates_install"
    assert result.status == "READY"
    assert not ReplyTemplate.objects.filter(store=store).exists()

    stop = start_background(workers=1, scheduler=False)
    try:
        assert _wait_for(lambda: DBTaskResult.objects.get().status == "SUCCESSFUL")
    finally:
        stop.set()
    assert (
        ReplyTemplate.objects.filter(store=store).count() == DBTaskResult.objects.get().return_value
    )
    assert ReplyTemplate.objects.filter(store=store).count() >= 1


@pytest.mark.django_db(transaction=True)
def test_rolled_back_transaction_enqueues_nothing() -> None:
    def create_then_fail() -> None:
        with transaction.atomic():
            store_create(name="Rolled back", marketplace="US")
            raise RuntimeError("abort")

    with pytest.raises(RuntimeError):
        create_then_fail()
    assert DBTaskResult.objects.count() == 0


@pytest.mark.django_db
def test_two_schedulers_that_read_the_same_period_enqueue_it_once() -> None:
    jobs_ensure(specs=[HOUSEKEEPING], now=T0)
    # Both schedulers read the due job before either claims it.
    seen_by_first = jobs_due(now=T0)
    seen_by_second = jobs_due(now=T0)
    assert [j.name for j in seen_by_first] == ["housekeeping"]
    assert job_claim(job=seen_by_first[0], now=T0) is True
    assert job_claim(job=seen_by_second[0], now=T0) is False
    assert DBTaskResult.objects.count() == 1
    job = PeriodicJob.objects.get()
    assert job.next_run_at == T0 + timedelta(hours=1)
    assert job.run_count == 1


@pytest.mark.django_db
def test_scheduler_runs_each_period_once_and_collapses_missed_ones() -> None:
    jobs_ensure(specs=[HOUSEKEEPING], now=T0)
    assert scheduler_tick(now=T0) == ["housekeeping"]
    assert scheduler_tick(now=T0 + timedelta(minutes=30)) == []
    assert scheduler_tick(now=T0 + timedelta(hours=1)) == ["housekeeping"]
    # Down for five hours: one run, and the next period is in the future.
    assert scheduler_tick(now=T0 + timedelta(hours=6, minutes=5)) == ["housekeeping"]
    job = PeriodicJob.objects.get()
    assert job.next_run_at == T0 + timedelta(hours=7)
    assert DBTaskResult.objects.count() == 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_schedulers_never_double_run_a_period() -> None:
    jobs_ensure(specs=[HOUSEKEEPING], now=T0)
    periods = [T0 + timedelta(hours=h) for h in range(6)]
    claimed: list[str] = []
    lock = threading.Lock()

    def scheduler() -> None:
        try:
            for now in periods:
                for _ in range(3):
                    names = scheduler_tick(now=now)
                    with lock:
                        claimed.extend(names)
        finally:
            connection.close()

    threads = [threading.Thread(target=scheduler) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(claimed) == len(periods)
    assert DBTaskResult.objects.count() == len(periods)
    assert PeriodicJob.objects.get().run_count == len(periods)


@pytest.mark.django_db(transaction=True)
def test_housekeeping_prunes_only_old_finished_results() -> None:
    from sellerdesk.jobs.tasks import housekeeping

    old = housekeeping.enqueue()
    fresh = housekeeping.enqueue()
    DBTaskResult.objects.filter(pk=old.id).update(
        status="SUCCESSFUL", finished_at=datetime.now(UTC) - timedelta(days=30)
    )
    DBTaskResult.objects.filter(pk=fresh.id).update(
        status="SUCCESSFUL", finished_at=datetime.now(UTC)
    )
    assert housekeeping.call() == 1
    remaining = {str(pk) for pk in DBTaskResult.objects.values_list("pk", flat=True)}
    assert remaining == {str(fresh.id)}
