"""Report sync: ask Amazon for each report kind, wait for it, import it.

``connection_sync`` runs one sync of one store:

1. claim the store's sync lease with a conditional update (two workers never
   sync one store at once; a crash frees it when the lease runs out);
2. plan: a :class:`ReportRequest` row per new window of each kind (split where a
   report allows only so many days), one for each CANCELLED/FATAL report of an
   earlier sync (the same window asked again), a snapshot where one is due, and
   the settlement reports Amazon has listed since the cursor;
3. advance every open request — create it (or, after a crash between asking and
   recording, find the report Amazon made), poll it, download and import it —
   committing each step as it happens;
4. while reports are still being prepared and the poll budget lasts: sleep and
   poll again; what is not done by then is polled by the next sync;
5. move the per-kind cursors, record success or the error, free the lease.

A kind whose importer is not registered yet keeps its document id and waits as
``no_importer``; every sync looks again, so it imports once the importer lands.
Only a refused login stops a sync: every other failure is recorded on its
request and reported in the result.
"""

from __future__ import annotations

import contextlib
import logging
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Max, Min, Q
from django.utils import timezone

from sellerdesk.imports.base import run_import
from sellerdesk.imports.errors import ImportRefused
from sellerdesk.imports.registry import importer_for
from sellerdesk.policy import policy_value
from sellerdesk.spapi.client import SellingPartner, Sleep, SpApiAuthError, SpApiError
from sellerdesk.spapi.models import (
    FAILED_STATUSES,
    OPEN_STATUSES,
    ReportRequest,
    RequestStatus,
    SpApiConnection,
)
from sellerdesk.spapi.reports import KINDS_BY_NAME, MAX_ATTEMPTS, REPORT_KINDS, ReportKind

logger = logging.getLogger(__name__)

LEASE = timedelta(minutes=30)
POLL_WAITS = (5.0, 10.0, 20.0, 30.0, 60.0)  # then 60 s each
ADOPT_SLACK = timedelta(minutes=10)


@dataclass
class RequestOutcome:
    id: int
    kind: str
    report_type: str
    window_start: datetime | None
    window_end: datetime | None
    report_id: str
    status: str
    attempt: int
    detail: str = ""
    result: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, request: ReportRequest) -> RequestOutcome:
        return cls(
            id=request.pk,
            kind=request.kind,
            report_type=request.report_type,
            window_start=request.window_start,
            window_end=request.window_end,
            report_id=request.report_id,
            status=request.status,
            attempt=request.attempt,
            detail=request.error,
            result=dict(request.result),
        )


@dataclass
class SyncResult:
    store: str
    started_at: datetime
    skipped: str = ""
    error: str = ""
    errors: list[str] = field(default_factory=list)
    requests: list[RequestOutcome] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.skipped and not self.error and not self.errors

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for outcome in self.requests:
            counts[outcome.status] = counts.get(outcome.status, 0) + 1
        return counts

    def as_dict(self) -> dict[str, Any]:
        return {
            "store": self.store,
            "started_at": self.started_at.isoformat(),
            "ok": self.ok,
            "skipped": self.skipped,
            "error": self.error,
            "errors": self.errors,
            "counts": self.counts(),
            "requests": [
                {
                    **asdict(o),
                    "window_start": o.window_start.isoformat() if o.window_start else None,
                    "window_end": o.window_end.isoformat() if o.window_end else None,
                }
                for o in self.requests
            ],
        }


@dataclass
class _Run:
    connection: SpApiConnection
    client: SellingPartner
    sleep: Sleep
    start: datetime
    slept: float = 0.0
    errors: list[str] = field(default_factory=list)
    touched: dict[int, ReportRequest] = field(default_factory=dict)

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self.slept)

    def wait(self, seconds: float) -> None:
        self.sleep(seconds)
        self.slept += seconds


def connection_claim(*, connection: SpApiConnection, now: datetime) -> bool:
    """Take the store's sync lease; False while another sync holds it."""
    free = Q(sync_lease_until__isnull=True) | Q(sync_lease_until__lt=now)
    return (
        SpApiConnection.objects.filter(free, pk=connection.pk).update(sync_lease_until=now + LEASE)
        == 1
    )


def connection_sync(
    *,
    connection: SpApiConnection,
    client: SellingPartner | None = None,
    now: datetime | None = None,
    sleep: Sleep = time.sleep,
    poll_budget: float = 300.0,
) -> SyncResult:
    """Sync every report kind of one store (see the module doc)."""
    from sellerdesk.spapi.services import client_for

    now = now or timezone.now()
    result = SyncResult(store=connection.store.name, started_at=now)
    if not connection.is_active:
        result.skipped = "the connection is switched off"
        return result
    if not connection_claim(connection=connection, now=now):
        result.skipped = "another sync of this store is running"
        return result
    own_client = client is None
    api = client if client is not None else client_for(connection=connection, sleep=sleep)
    run = _Run(connection=connection, client=api, sleep=sleep, start=now)
    try:
        _plan(run)
        _advance_all(run)
        _poll_until_done(run, budget=poll_budget)
    except SpApiAuthError as exc:
        result.error = str(exc)
    except Exception as exc:  # a bug or a crash: recorded as a failed sync, then raised
        result.error = f"{type(exc).__name__}: {exc}"
        raise
    finally:
        if own_client:
            close = getattr(api, "close", None)
            if close is not None:
                close()
        _finish(run, result)
    return result


# --- 2. planning ---------------------------------------------------------------------


def _plan(run: _Run) -> None:
    for kind in REPORT_KINDS:
        try:
            if kind.mode != "listed":  # listed reports are Amazon's own: nothing to ask again
                _plan_retries(run, kind)
            if kind.mode == "window":
                _plan_windows(run, kind)
            elif kind.mode == "snapshot":
                _plan_snapshot(run, kind)
            else:
                _plan_listed(run, kind)
        except SpApiAuthError:
            raise
        except SpApiError as exc:
            run.errors.append(f"{kind.kind}: {exc}")


def _requests(run: _Run, kind: ReportKind) -> Any:
    return ReportRequest.objects.filter(connection=run.connection, kind=kind.kind)


def _cursor(run: _Run, kind: ReportKind) -> datetime | None:
    raw = (run.connection.cursors or {}).get(kind.kind)
    return datetime.fromisoformat(raw) if raw else None


def _first_sync_start(run: _Run) -> datetime:
    days = policy_value(run.connection.store, "report_first_sync_days")
    return run.now() - timedelta(days=days)


def _new_request(run: _Run, kind: ReportKind, **fields: Any) -> ReportRequest:
    request = ReportRequest.objects.create(
        connection=run.connection, kind=kind.kind, report_type=kind.report_type, **fields
    )
    run.touched[request.pk] = request
    return request


def _plan_retries(run: _Run, kind: ReportKind) -> None:
    """A CANCELLED or FATAL report of an earlier sync is asked for again (same window)."""
    failed = _requests(run, kind).filter(
        status__in=FAILED_STATUSES, retried_by__isnull=True, attempt__lt=MAX_ATTEMPTS
    )
    for old in failed.order_by("id"):
        _new_request(
            run,
            kind,
            window_start=old.window_start,
            window_end=old.window_end,
            attempt=old.attempt + 1,
            retry_of=old,
        )


def _plan_windows(run: _Run, kind: ReportKind) -> None:
    now = run.now()
    frontier = _requests(run, kind).aggregate(end=Max("window_end"))["end"]
    if frontier is None:
        frontier = _cursor(run, kind) or _first_sync_start(run)
    if now - frontier < kind.min_interval:
        return
    step = None
    if kind.max_days_policy:
        step = timedelta(days=policy_value(run.connection.store, kind.max_days_policy))
    start = frontier
    while start < now:
        end = min(start + step, now) if step else now
        _new_request(run, kind, window_start=start, window_end=end)
        start = end


def _plan_snapshot(run: _Run, kind: ReportKind) -> None:
    recent = _requests(run, kind).filter(
        Q(requested_at__isnull=True) | Q(requested_at__gt=run.now() - kind.min_interval)
    )
    if not recent.exists():
        _new_request(run, kind)


def _plan_listed(run: _Run, kind: ReportKind) -> None:
    since = _cursor(run, kind) or _first_sync_start(run)
    listed = run.client.get_reports(kind.report_type, created_since=since, statuses=("DONE",))
    known = set(_requests(run, kind).values_list("report_id", flat=True))
    for info in sorted(listed, key=lambda r: (r.created, r.report_id)):
        if not info.report_id or info.report_id in known:
            continue
        known.add(info.report_id)
        _new_request(
            run,
            kind,
            report_id=info.report_id,
            status=RequestStatus.READY if info.document_id else RequestStatus.PROCESSING,
            processing_status=info.status,
            document_id=info.document_id,
            window_start=_parse_time(info.data_start),
            window_end=_parse_time(info.data_end),
            report_created_at=_parse_time(info.created),
            requested_at=run.now(),
        )


# --- 3. advancing requests -------------------------------------------------------------


def _advance_all(run: _Run) -> None:
    open_requests = ReportRequest.objects.filter(
        connection=run.connection, status__in=OPEN_STATUSES
    ).order_by("window_start", "id")
    for request in open_requests:
        if _import_given_up(request):
            continue
        run.touched[request.pk] = request
        _advance(run, request)


def _import_given_up(request: ReportRequest) -> bool:
    return (
        request.status == RequestStatus.IMPORT_FAILED
        and int(request.result.get("import_attempts", 0)) >= MAX_ATTEMPTS
    )


def _advance(run: _Run, request: ReportRequest) -> None:
    kind = KINDS_BY_NAME.get(request.kind)
    if kind is None:
        return
    try:
        if request.status in (RequestStatus.PENDING, RequestStatus.CREATING):
            _create(run, request, kind)
            return  # Amazon has only just been asked: poll after the first wait
        if request.status == RequestStatus.PROCESSING:
            _poll(run, request)
        if request.status in (
            RequestStatus.READY,
            RequestStatus.NO_IMPORTER,
            RequestStatus.IMPORT_FAILED,
        ):
            _import(run, request, kind)
    except SpApiAuthError:
        raise
    except SpApiError as exc:
        request.error = str(exc)[:2000]
        request.save(update_fields=["error", "attempts", "updated_at"])
        run.errors.append(f"{request.kind} {request.report_id or '(new)'}: {exc}")
        logger.warning("report request %s: %s", request.pk, exc)


def _create(run: _Run, request: ReportRequest, kind: ReportKind) -> None:
    if request.status == RequestStatus.CREATING and _adopt(run, request, kind):
        return
    request.status = RequestStatus.CREATING
    request.requested_at = run.now()
    request.save(update_fields=["status", "requested_at", "updated_at"])  # before asking
    request.attempts += 1
    try:
        report_id = run.client.create_report(
            kind.report_type, request.window_start, request.window_end
        )
    except SpApiAuthError:
        raise
    except SpApiError as exc:
        if 400 <= exc.status < 500 and exc.status != 429:
            # Amazon refused it: nothing was made. Record it like a FATAL report.
            _fail(run, request, RequestStatus.FATAL, f"createReport refused: {exc}")
            return
        raise  # unknown whether Amazon made it: stays "creating", adopted or asked again
    request.report_id = report_id
    request.status = RequestStatus.PROCESSING
    request.processing_status = "IN_QUEUE"
    request.error = ""
    request.save()


def _adopt(run: _Run, request: ReportRequest, kind: ReportKind) -> bool:
    """After a crash between createReport and recording its id: find the report Amazon made."""
    since = (request.requested_at or run.now()) - ADOPT_SLACK
    known = set(
        ReportRequest.objects.filter(connection=run.connection)
        .exclude(report_id="")
        .values_list("report_id", flat=True)
    )
    for info in run.client.get_reports(kind.report_type, created_since=since):
        if info.report_id in known:
            continue
        if request.window_start is not None and (
            not _same_time(info.data_start, request.window_start)
            or not _same_time(info.data_end, request.window_end)
        ):
            continue
        request.report_id = info.report_id
        request.status = RequestStatus.PROCESSING
        request.processing_status = info.status
        request.save()
        logger.info("report request %s adopted Amazon's report %s", request.pk, info.report_id)
        return True
    return False


def _poll(run: _Run, request: ReportRequest) -> None:
    request.attempts += 1
    info = run.client.get_report(request.report_id)
    request.processing_status = info.status
    request.report_created_at = request.report_created_at or _parse_time(info.created)
    if info.status == "DONE":
        request.document_id = info.document_id
        request.status = RequestStatus.READY
        request.error = ""
        request.save()
    elif info.status in ("CANCELLED", "FATAL"):
        status = RequestStatus.CANCELLED if info.status == "CANCELLED" else RequestStatus.FATAL
        reason = (
            "Amazon cancelled the report (it does when there is no data)"
            if status == RequestStatus.CANCELLED
            else "Amazon could not make the report"
        )
        if info.document_id:  # a FATAL report may carry a document explaining why
            with contextlib.suppress(SpApiError):
                document = run.client.get_report_document(info.document_id)
                reason += ": " + document[:500].decode("utf-8", errors="replace")
        _fail(run, request, status, reason)
    else:
        request.next_poll_at = run.now() + timedelta(seconds=POLL_WAITS[0])
        request.save()


def _fail(run: _Run, request: ReportRequest, status: str, reason: str) -> None:
    request.status = status
    request.error = reason[:2000]
    request.finished_at = run.now()
    if request.attempt >= MAX_ATTEMPTS:
        request.error += f" (asked {request.attempt} times: given up)"
    request.save()


def _import(run: _Run, request: ReportRequest, kind: ReportKind) -> None:
    try:
        importer_class = importer_for(kind.kind)
    except (ValueError, ImportError):  # not registered (or registered ahead of its module)
        if request.status != RequestStatus.NO_IMPORTER:
            request.status = RequestStatus.NO_IMPORTER
            request.error = f"no importer for {kind.kind!r} yet: the report waits for one"
            request.save()
        return
    if _import_given_up(request):
        return
    tries = int(request.result.get("import_attempts", 0))
    content = run.client.get_report_document(request.document_id)
    store = run.connection.store
    with tempfile.TemporaryDirectory(prefix="sellerdesk-report-") as folder:
        path = Path(folder) / f"{kind.kind}-{request.report_id}{kind.suffix}"
        path.write_bytes(content)
        with transaction.atomic():
            try:
                imported = run_import(importer_class(store), path, source="api")
            except ImportRefused as exc:
                request.status = RequestStatus.IMPORT_FAILED
                request.error = str(exc)[:2000]
                request.result = {"import_attempts": tries + 1}
            else:
                request.status = RequestStatus.IMPORTED
                request.error = ""
                request.result = imported.as_dict()
                request.finished_at = run.now()
            request.save()


# --- 4. polling --------------------------------------------------------------------------


def _poll_until_done(run: _Run, *, budget: float) -> None:
    waits = iter(POLL_WAITS)
    while True:
        processing = [r for r in run.touched.values() if r.status == RequestStatus.PROCESSING]
        if not processing:
            return
        wait = next(waits, POLL_WAITS[-1])
        if run.slept + wait > budget:
            return  # the next sync polls them again
        run.wait(wait)
        for request in processing:
            _advance(run, request)


# --- 5. cursors and the connection's health ------------------------------------------------


def _finish(run: _Run, result: SyncResult) -> None:
    connection = run.connection
    cursors = dict(connection.cursors or {})
    for kind in REPORT_KINDS:
        cursor = _kind_cursor(run, kind)
        if cursor is not None:
            cursors[kind.kind] = cursor.isoformat()
    result.errors = run.errors
    result.requests = [
        RequestOutcome.of(r) for r in sorted(run.touched.values(), key=lambda r: r.pk)
    ]
    now = run.now()
    updates: dict[str, Any] = {"cursors": cursors, "last_sync_at": now, "sync_lease_until": None}
    problem = result.error or (run.errors[0] if run.errors else "")
    if problem:
        updates["last_error"] = problem[:2000]
        updates["consecutive_failures"] = connection.consecutive_failures + 1
    else:
        updates.update(last_error="", consecutive_failures=0, last_success_at=now)
    SpApiConnection.objects.filter(pk=connection.pk).update(**updates)
    for name, value in updates.items():
        setattr(connection, name, value)
    if problem:
        logger.warning("SP-API sync of %s: %s", connection.store, problem)


def _kind_cursor(run: _Run, kind: ReportKind) -> datetime | None:
    """The end of the time covered by imported (or given-up) reports of ``kind``."""
    rows = _requests(run, kind)
    if kind.mode == "listed":
        created: datetime | None = rows.aggregate(c=Max("report_created_at"))["c"]
        return created
    if kind.mode == "snapshot":
        done: datetime | None = rows.filter(status=RequestStatus.IMPORTED).aggregate(
            t=Max("requested_at")
        )["t"]
        return done
    effective = rows.filter(retried_by__isnull=True)
    settled = Q(status=RequestStatus.IMPORTED) | Q(
        status__in=FAILED_STATUSES, attempt__gte=MAX_ATTEMPTS
    )
    unsettled = effective.exclude(settled)
    first: datetime | None = unsettled.aggregate(first=Min("window_start"))["first"]
    if first is not None:
        return first
    end: datetime | None = effective.aggregate(end=Max("window_end"))["end"]
    return end


def _parse_time(raw: str) -> datetime | None:
    if not raw:
        return None
    try:
        parsed = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _same_time(raw: str, value: datetime | None) -> bool:
    parsed = _parse_time(raw)
    return parsed is not None and value is not None and abs(parsed - value) < timedelta(seconds=2)
