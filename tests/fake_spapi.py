"""A fake Selling Partner API (and Login with Amazon) on loopback, for the connector's tests.

A ``ThreadingHTTPServer`` in a thread answers the paths the desk uses with the JSON
shapes of Amazon's public models: LWA ``/auth/o2/token``; reports 2021-06-30
(createReport ``{"reportId"}``, getReport, getReports, getReportDocument
``{"reportDocumentId", "url", "compressionAlgorithm"}``, and the document itself
at the pre-signed ``url``); orders v0 (``{"payload": …}``); solicitations v1 and
messaging v1 (HAL: ``{"_links": {"actions": […]}, "_embedded": {…}}``).

Failures are scripted: ``fail(method, path_regex, status, times=…, headers=…, body=…)``
answers the next matching calls with that status (a 429 with
``x-amzn-RateLimit-Limit``, a 500, …); ``expire_tokens()`` makes every access token
issued so far expired (403, as Amazon answers); ``plan_reports(type, [(polls, status)])``
says how many polls each next report of a type stays IN_QUEUE/IN_PROGRESS and how
it ends (DONE, CANCELLED, FATAL); ``documents[type]`` is what a DONE report holds,
served gzipped when ``gzip_types`` names the type.
"""

from __future__ import annotations

import gzip
import itertools
import json
import re
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

CLIENT_ID = "amzn1.application-oa2-client.fake0123456789"
CLIENT_SECRET = "amzn1.oa2-cs.v1.SECRET-7f3e9a1b2c4d5e6f"
REFRESH_TOKEN = "Atzr|IwEBIREFRESH-TOKEN-9c8b7a6f5e4d3c2b1a"


@dataclass
class Failure:
    method: str
    path: re.Pattern[str]
    status: int
    times: int
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeReport:
    report_id: str
    report_type: str
    start: str
    end: str
    created: str
    polls_left: int
    final: str
    polls: int = 0
    document_id: str = ""


@dataclass
class Call:
    method: str
    path: str
    query: dict[str, list[str]]
    body: bytes
    headers: dict[str, str]


@dataclass
class FakeSpApi:
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET
    refresh_token: str = REFRESH_TOKEN
    calls: list[Call] = field(default_factory=list)
    tokens_issued: int = 0
    reports: dict[str, FakeReport] = field(default_factory=dict)
    documents: dict[str, bytes] = field(default_factory=dict)  # report type -> content
    gzip_types: set[str] = field(default_factory=set)
    served_documents: dict[str, tuple[bytes, bool]] = field(default_factory=dict)
    orders: dict[str, dict[str, Any]] = field(default_factory=dict)
    order_items: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    solicitation_actions: dict[str, list[str]] = field(default_factory=dict)
    solicitations_sent: list[str] = field(default_factory=list)
    messaging_actions: dict[str, list[str]] = field(default_factory=dict)
    messages_sent: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    _plans: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    _failures: list[Failure] = field(default_factory=list)
    _valid: set[str] = field(default_factory=set)
    _expired: set[str] = field(default_factory=set)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(50001))
    _pending_types: set[str] = field(default_factory=set)
    _pending_statuses: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    # --- life -----------------------------------------------------------------

    def start(self) -> FakeSpApi:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # header and body are separate writes

            def do_GET(self) -> None:
                fake._handle(self, "GET")

            def do_POST(self) -> None:
                fake._handle(self, "POST")

            def do_DELETE(self) -> None:
                fake._handle(self, "DELETE")

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def token_url(self) -> str:
        return f"{self.url}/auth/o2/token"

    # --- scripting ------------------------------------------------------------

    def fail(
        self,
        method: str,
        path: str,
        status: int,
        *,
        times: int = 1,
        headers: dict[str, str] | None = None,
        body: bytes | None = None,
    ) -> None:
        if body is None:
            code = {429: "QuotaExceeded", 500: "InternalFailure", 503: "ServiceUnavailable"}
            message = {
                429: "You exceeded your quota for the requested resource.",
                500: "We encountered an internal error. Please try again.",
            }
            body = json.dumps(
                {
                    "errors": [
                        {
                            "code": code.get(status, "InvalidInput"),
                            "message": message.get(status, "Invalid input."),
                        }
                    ]
                }
            ).encode()
        with self._lock:
            self._failures.append(
                Failure(method, re.compile(path), status, times, headers or {}, body)
            )

    def expire_tokens(self) -> None:
        with self._lock:
            self._expired |= self._valid
            self._valid = set()

    def plan_reports(self, report_type: str, plan: list[tuple[int, str]]) -> None:
        """The next reports of ``report_type``: (polls before the end, final status) each."""
        self._plans.setdefault(report_type, []).extend(plan)

    def add_listed_report(self, report_type: str, content: bytes, created: str) -> str:
        """A report Amazon made by itself (settlements), DONE, listed by getReports."""
        report_id = str(next(self._ids))
        report = FakeReport(report_id, report_type, "", "", created, 0, "DONE")
        report.document_id = self._document(report_type, content)
        self.reports[report_id] = report
        return report_id

    def count(self, method: str, pattern: str) -> int:
        regex = re.compile(pattern)
        return sum(1 for c in self.calls if c.method == method and regex.fullmatch(c.path))

    def token_requests(self) -> int:
        return self.count("POST", "/auth/o2/token")

    # --- handling ---------------------------------------------------------------

    def _document(self, report_type: str, content: bytes) -> str:
        document_id = f"amzn1.spdoc.1.4.na.{uuid.uuid4()}"
        self.served_documents[document_id] = (content, report_type in self.gzip_types)
        return document_id

    def _handle(self, request: BaseHTTPRequestHandler, method: str) -> None:
        parts = urlsplit(request.path)
        path = unquote(parts.path)
        length = int(request.headers.get("Content-Length") or 0)
        body = request.rfile.read(length) if length else b""
        call = Call(method, path, parse_qs(parts.query), body, dict(request.headers.items()))
        with self._lock:
            self.calls.append(call)
        status, headers, payload = self._route(call)
        request.send_response(status)
        for name, value in headers.items():
            request.send_header(name, value)
        request.send_header("Content-Length", str(len(payload)))
        request.end_headers()
        request.wfile.write(payload)

    def _route(self, call: Call) -> tuple[int, dict[str, str], bytes]:
        if call.path == "/auth/o2/token":
            return self._token(call)
        if call.path.startswith("/download/"):
            content, zipped = self.served_documents[call.path.removeprefix("/download/")]
            return (
                200,
                {"Content-Type": "text/plain"},
                gzip.compress(content) if zipped else content,
            )
        token = call.headers.get("x-amz-access-token", "")
        if token not in self._valid:
            details = (
                "The access token you provided has expired."
                if token in self._expired
                else "The access token you provided is revoked, malformed or invalid."
            )
            return self._json(
                403,
                {
                    "errors": [
                        {
                            "code": "Unauthorized",
                            "message": "Access to requested resource is denied.",
                            "details": details,
                        }
                    ]
                },
            )
        with self._lock:
            for failure in self._failures:
                matches = failure.method == call.method and failure.path.fullmatch(call.path)
                if failure.times > 0 and matches:
                    failure.times -= 1
                    headers = {"Content-Type": "application/json", **failure.headers}
                    return failure.status, headers, failure.body
        for method, pattern, handler in self._routes():
            match = re.fullmatch(pattern, call.path)
            if method == call.method and match:
                return handler(call, *match.groups())
        return self._json(404, {"errors": [{"code": "NotFound", "message": call.path}]})

    def _routes(self) -> list[tuple[str, str, Callable[..., tuple[int, dict[str, str], bytes]]]]:
        return [
            ("POST", r"/reports/2021-06-30/reports", self._create_report),
            ("GET", r"/reports/2021-06-30/reports", self._get_reports),
            ("GET", r"/reports/2021-06-30/reports/([^/]+)", self._get_report),
            ("GET", r"/reports/2021-06-30/documents/([^/]+)", self._get_document),
            ("GET", r"/orders/v0/orders/([^/]+)", self._get_order),
            ("GET", r"/orders/v0/orders/([^/]+)/orderItems", self._get_order_items),
            ("GET", r"/solicitations/v1/orders/([^/]+)", self._solicitation_actions),
            (
                "POST",
                r"/solicitations/v1/orders/([^/]+)/solicitations/productReviewAndSellerFeedback",
                self._solicit,
            ),
            ("GET", r"/messaging/v1/orders/([^/]+)", self._messaging_actions),
            ("POST", r"/messaging/v1/orders/([^/]+)/messages/([A-Za-z]+)", self._send_message),
        ]

    @staticmethod
    def _json(
        status: int, data: Any, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        return (
            status,
            {"Content-Type": "application/json", **(headers or {})},
            json.dumps(data).encode(),
        )

    def _token(self, call: Call) -> tuple[int, dict[str, str], bytes]:
        form = {k: v[0] for k, v in parse_qs(call.body.decode()).items()}
        if (
            form.get("grant_type") != "refresh_token"
            or form.get("client_id") != self.client_id
            or form.get("client_secret") != self.client_secret
            or form.get("refresh_token") != self.refresh_token
        ):
            return self._json(
                400,
                {
                    "error": "invalid_grant",
                    "error_description": "The request has an invalid grant parameter",
                },
            )
        token = f"Atza|{uuid.uuid4().hex}"
        with self._lock:
            self._valid.add(token)
            self.tokens_issued += 1
        return self._json(
            200,
            {
                "access_token": token,
                "refresh_token": self.refresh_token,
                "token_type": "bearer",
                "expires_in": 3600,
            },
        )

    # --- reports ---

    def _report_json(self, report: FakeReport) -> dict[str, Any]:
        data: dict[str, Any] = {
            "reportId": report.report_id,
            "reportType": report.report_type,
            "createdTime": report.created,
            "processingStatus": report.final if report.polls_left <= 0 else "IN_PROGRESS",
            "marketplaceIds": ["ATVPDKIKX0DER"],
        }
        if report.polls_left > 0 and report.polls == 0:
            data["processingStatus"] = "IN_QUEUE"
        if report.start:
            data["dataStartTime"] = report.start
            data["dataEndTime"] = report.end
        if report.polls_left <= 0 and report.document_id:
            data["reportDocumentId"] = report.document_id
        return data

    def _create_report(self, call: Call) -> tuple[int, dict[str, str], bytes]:
        spec = json.loads(call.body or b"{}")
        report_type = spec["reportType"]
        plan = self._plans.get(report_type) or []
        polls, final = plan.pop(0) if plan else (1, "DONE")
        report = FakeReport(
            report_id=str(next(self._ids)),
            report_type=report_type,
            start=spec.get("dataStartTime", ""),
            end=spec.get("dataEndTime", ""),
            created=datetime.now(UTC).isoformat(),
            polls_left=polls,
            final=final,
        )
        if final == "DONE":
            report.document_id = self._document(report_type, self.documents.get(report_type, b""))
        elif final == "FATAL":
            report.document_id = self._document(report_type, b"Report processing failed.")
        self.reports[report.report_id] = report
        return self._json(202, {"reportId": report.report_id})

    def _get_report(self, call: Call, report_id: str) -> tuple[int, dict[str, str], bytes]:
        report = self.reports.get(report_id)
        if report is None:
            return self._json(404, {"errors": [{"code": "NotFound", "message": report_id}]})
        data = self._report_json(report)
        report.polls += 1
        report.polls_left -= 1
        return self._json(200, data, {"x-amzn-RateLimit-Limit": "2.0"})

    def _get_reports(self, call: Call) -> tuple[int, dict[str, str], bytes]:
        if "nextToken" in call.query:
            offset = int(call.query["nextToken"][0])
            types = self._pending_types
            statuses = self._pending_statuses
        else:
            offset = 0
            types = set(",".join(call.query.get("reportTypes", [])).split(","))
            statuses = set(",".join(call.query.get("processingStatuses", [])).split(",")) - {""}
            self._pending_types, self._pending_statuses = types, statuses
        found = [
            r
            for r in self.reports.values()
            if r.report_type in types
            and (not statuses or (r.final if r.polls_left <= 0 else "IN_PROGRESS") in statuses)
        ]
        page = found[offset : offset + 2]  # small pages: the client must follow nextToken
        data: dict[str, Any] = {"reports": [self._report_json(r) for r in page]}
        if offset + 2 < len(found):
            data["nextToken"] = str(offset + 2)
        return self._json(200, data)

    def _get_document(self, call: Call, document_id: str) -> tuple[int, dict[str, str], bytes]:
        if document_id not in self.served_documents:
            return self._json(404, {"errors": [{"code": "NotFound", "message": document_id}]})
        data = {"reportDocumentId": document_id, "url": f"{self.url}/download/{document_id}"}
        if self.served_documents[document_id][1]:
            data["compressionAlgorithm"] = "GZIP"
        return self._json(200, data)

    # --- orders ---

    def _get_order(self, call: Call, order_id: str) -> tuple[int, dict[str, str], bytes]:
        if order_id not in self.orders:
            return self._json(404, {"errors": [{"code": "NotFound", "message": "Order not found"}]})
        return self._json(200, {"payload": self.orders[order_id]})

    def _get_order_items(self, call: Call, order_id: str) -> tuple[int, dict[str, str], bytes]:
        items = self.order_items.get(order_id, [])
        start = int(call.query.get("NextToken", ["0"])[0])
        payload: dict[str, Any] = {
            "AmazonOrderId": order_id,
            "OrderItems": items[start : start + 1],
        }
        if start + 1 < len(items):
            payload["NextToken"] = str(start + 1)
        return self._json(200, {"payload": payload})

    # --- solicitations and messaging ---

    def _hal(self, base: str, order_id: str, names: list[str], kind: str) -> dict[str, Any]:
        actions = [
            {"href": f"{base}/orders/{order_id}/{kind}/{n}?marketplaceIds=ATVPDKIKX0DER", "name": n}
            for n in names
        ]
        return {
            "_links": {"self": {"href": f"{base}/orders/{order_id}"}, "actions": actions},
            "_embedded": {
                "actions": [
                    {"_links": {"self": a, "schema": a}, "name": a["name"]} for a in actions
                ]
            },
        }

    def _solicitation_actions(self, call: Call, order_id: str) -> tuple[int, dict[str, str], bytes]:
        names = self.solicitation_actions.get(order_id, [])
        return self._json(200, self._hal("/solicitations/v1", order_id, names, "solicitations"))

    def _solicit(self, call: Call, order_id: str) -> tuple[int, dict[str, str], bytes]:
        if "productReviewAndSellerFeedbackSolicitation" not in self.solicitation_actions.get(
            order_id, []
        ):
            return self._json(
                403, {"errors": [{"code": "Forbidden", "message": "Not available for this order"}]}
            )
        self.solicitations_sent.append(order_id)
        self.solicitation_actions[order_id] = []  # Amazon offers it once
        return 201, {}, b""

    def _messaging_actions(self, call: Call, order_id: str) -> tuple[int, dict[str, str], bytes]:
        names = self.messaging_actions.get(order_id, [])
        return self._json(200, self._hal("/messaging/v1", order_id, names, "messages"))

    def _send_message(
        self, call: Call, order_id: str, action: str
    ) -> tuple[int, dict[str, str], bytes]:
        if action not in self.messaging_actions.get(order_id, []):
            return self._json(
                400, {"errors": [{"code": "InvalidInput", "message": f"{action} not allowed"}]}
            )
        self.messages_sent.append((order_id, action, json.loads(call.body or b"{}")))
        return 201, {}, b""
