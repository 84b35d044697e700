"""The desk's own small interface to the Selling Partner API, and its implementation.

:class:`SellingPartner` lists the calls the desk makes; :class:`AmazonSellingPartner`
implements them with the python-amazon-sp-api library. This is the only module
that imports ``sp_api``: everything else talks to the protocol.

How the library is configured, and why:

* **Endpoint.** The library takes the SP-API host from its ``Marketplaces`` enum.
  Its clients keep it in a plain ``endpoint`` attribute that every request reads,
  so it is set after construction (Amazon's regional host, or the connection's
  own for the sandbox or a test server). The ``host`` header is derived with
  ``endpoint[8:]`` (assumes ``https://``), so ``headers`` is overridden to take it
  from the URL.
* **LWA token URL.** Clients take an ``auth_token_client_class``; ours subclasses
  ``AccessTokenClient`` with the token URL split into its ``scheme``, ``host`` and
  ``path`` class attributes, which the library joins. It also replaces the
  library's token cache: that one is module-global, keyed by the refresh token
  alone (not by token URL or client), and has no way to drop a token the API has
  refused as expired. Ours is keyed by all three and can forget a token.
* **Credentials** come from code only (``FromCodeCredentialProvider``): the library
  would otherwise also look at environment variables and a config file.
* **Transport.** The library swallows some failures (a 5xx with a non-JSON body
  comes back as an empty success; 401 has no exception class of its own), so its
  ``_transport`` is replaced by one that remembers the last HTTP status, and this
  module decides from the status: 429 backs off (by ``x-amzn-RateLimit-Limit``),
  5xx retries, 401/403 refreshes the LWA token once.
* **Logging.** The library logs request headers (the access token) at DEBUG; its
  loggers get a filter that drops their DEBUG records.
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx
from sp_api.api import Messaging, OrdersV0, Reports, Solicitations
from sp_api.auth import AccessTokenClient, AccessTokenResponse
from sp_api.base import ApiResponse, Marketplaces
from sp_api.base._transport_httpx import HttpxTransport
from sp_api.base.credential_provider import FromCodeCredentialProvider
from sp_api.base.exceptions import SellingApiException

logger = logging.getLogger(__name__)

ENDPOINTS = {
    "na": "https://sellingpartnerapi-na.amazon.com",
    "eu": "https://sellingpartnerapi-eu.amazon.com",
    "fe": "https://sellingpartnerapi-fe.amazon.com",
}
LWA_TOKEN_URL = "https://api.amazon.com/auth/o2/token"  # noqa: S105 -- a URL, not a secret
REVIEW_SOLICITATION = "productReviewAndSellerFeedbackSolicitation"

# Messaging API actions the desk can send as text: Amazon's name -> (library method, limit).
# The limits are the maxLength of ``text`` in Amazon's messaging v1 model.
TEXT_ACTIONS: dict[str, tuple[str, int]] = {
    "confirmCustomizationDetails": ("confirm_customization_details", 800),
    "confirmDeliveryDetails": ("create_confirm_delivery_details", 2000),
    "confirmOrderDetails": ("create_confirm_order_details", 2000),
    "confirmServiceDetails": ("create_confirm_service_details", 2000),
    "unexpectedProblem": ("create_unexpected_problem", 2000),
    "digitalAccessKey": ("create_digital_access_key", 400),
}

Sleep = Callable[[float], None]


class _NoDebug(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno > logging.DEBUG


for _name in ("sp_api.base.client", "sp_api.auth.access_token_client", "sp_api"):
    logging.getLogger(_name).addFilter(_NoDebug())


# --- errors ---------------------------------------------------------------------


class SpApiError(Exception):
    """A call Amazon refused or that kept failing. ``status`` 0: no HTTP answer."""

    def __init__(self, message: str, *, status: int = 0, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class SpApiAuthError(SpApiError):
    """Login with Amazon refused the credentials: nothing will work until they change."""


class SpApiThrottled(SpApiError):
    """Still throttled (429) after backing off."""


# --- the interface ------------------------------------------------------------------


@dataclass(frozen=True)
class ReportInfo:
    report_id: str
    report_type: str
    status: str  # IN_QUEUE, IN_PROGRESS, DONE, CANCELLED, FATAL
    document_id: str = ""
    data_start: str = ""
    data_end: str = ""
    created: str = ""

    @classmethod
    def from_payload(cls, data: dict[str, Any]) -> ReportInfo:
        return cls(
            report_id=str(data.get("reportId", "")),
            report_type=str(data.get("reportType", "")),
            status=str(data.get("processingStatus", "")),
            document_id=str(data.get("reportDocumentId") or ""),
            data_start=str(data.get("dataStartTime") or ""),
            data_end=str(data.get("dataEndTime") or ""),
            created=str(data.get("createdTime") or ""),
        )


class SellingPartner(Protocol):
    """The Selling Partner API calls the desk makes."""

    def create_report(
        self, report_type: str, start: datetime | None, end: datetime | None
    ) -> str: ...

    def get_report(self, report_id: str) -> ReportInfo: ...

    def get_reports(
        self, report_type: str, *, created_since: datetime | None, statuses: tuple[str, ...] = ()
    ) -> list[ReportInfo]: ...

    def get_report_document(self, document_id: str) -> bytes: ...

    def get_order(self, order_id: str) -> dict[str, Any]: ...

    def get_order_items(self, order_id: str) -> list[dict[str, Any]]: ...

    def get_solicitation_actions(self, order_id: str) -> list[str]: ...

    def create_review_solicitation(self, order_id: str) -> None: ...

    def get_messaging_actions(self, order_id: str) -> list[str]: ...

    def send_message(self, order_id: str, action: str, text: str) -> None: ...


# --- LWA tokens -----------------------------------------------------------------------

_tokens: dict[str, tuple[str, float]] = {}
_tokens_lock = threading.Lock()


class _TokenClient(AccessTokenClient):
    """The library's LWA client, at our token URL, with a cache that can forget."""

    def __init__(self, *, token_url: str, transport: HttpxTransport, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        parts = urlsplit(token_url)
        self.scheme = f"{parts.scheme}://"
        self.host = parts.netloc
        self.path = parts.path
        self._transport.close()
        self._transport: HttpxTransport = transport

    def _get_cache_key(self, token_flavor: str = "") -> str:
        # Everything that makes the token: other credentials never share it.
        raw = "\0".join(
            (self.scheme + self.host + self.path, self.cred.client_id or "",
             self.cred.client_secret or "", self.cred.refresh_token or "", token_flavor)
        )  # fmt: skip
        return hashlib.sha256(raw.encode()).hexdigest()

    def _request(self, url: str, data: dict[str, Any], headers: dict[str, str]) -> Any:
        try:
            response = self._transport.request("POST", url, data=data, headers=headers)
        except httpx.HTTPError as exc:
            raise SpApiError(f"Login with Amazon unreachable: {type(exc).__name__}") from None
        try:
            body = response.json()
        except ValueError:
            body = {}
        if response.status_code != 200 or not isinstance(body, dict):
            if response.status_code >= 500 or response.status_code == 429:
                raise SpApiError(
                    f"Login with Amazon answered {response.status_code}",
                    status=response.status_code,
                )
            description = body.get("error_description") or body.get("error") or "refused"
            raise SpApiAuthError(
                f"Login with Amazon refused the credentials: {description}",
                status=response.status_code,
                code=str(body.get("error", "")),
            )
        return body

    def get_auth(self) -> AccessTokenResponse:
        key = self._get_cache_key()
        now = time.monotonic()
        with _tokens_lock:
            cached = _tokens.get(key)
        if cached is not None and cached[1] > now:
            return AccessTokenResponse(access_token=cached[0])
        data = self._request(self.scheme + self.host + self.path, self.data, self.headers)
        lifetime = int(data.get("expires_in") or 3600)
        with _tokens_lock:
            _tokens[key] = (str(data["access_token"]), now + max(lifetime - 60, 30))
        return AccessTokenResponse(**data)

    def forget(self) -> None:
        with _tokens_lock:
            _tokens.pop(self._get_cache_key(), None)


# --- transport ------------------------------------------------------------------------


class _RecordingTransport(HttpxTransport):
    """The library's transport, remembering the last answer (per thread)."""

    def __init__(self, client: httpx.Client) -> None:
        super().__init__(client=client)
        self._local = threading.local()

    @property
    def last(self) -> httpx.Response | None:
        return getattr(self._local, "last", None)

    def reset(self) -> None:
        self._local.last = None

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        response: httpx.Response = super().request(method, url, **kwargs)
        self._local.last = response
        return response


class _HostFromEndpoint:
    """Mixin: the ``host`` header from the endpoint URL (the library slices ``https://``)."""

    endpoint: str

    @property
    def headers(self) -> dict[str, str]:
        headers: dict[str, str] = super().headers  # type: ignore[misc]
        headers["host"] = urlsplit(self.endpoint).netloc
        return headers


class _Reports(_HostFromEndpoint, Reports):
    pass


class _Orders(_HostFromEndpoint, OrdersV0):
    pass


class _Solicitations(_HostFromEndpoint, Solicitations):
    pass


class _Messaging(_HostFromEndpoint, Messaging):
    pass


# --- the implementation ---------------------------------------------------------------


@dataclass(frozen=True)
class Credentials:
    client_id: str
    client_secret: str = field(repr=False)
    refresh_token: str = field(repr=False)
    region: str = "na"
    marketplace_id: str = ""
    endpoint: str = ""
    token_url: str = ""


@dataclass
class Retry:
    """How hard to try. Waits: 429 -> 1/rate from x-amzn-RateLimit-Limit (else
    ``base`` doubling), 5xx -> ``base`` doubling; each capped at ``cap`` seconds."""

    throttled: int = 5
    server_errors: int = 3
    base: float = 1.0
    cap: float = 60.0


def _rate_wait(headers: Any, tries: int, retry: Retry) -> float:
    backoff = retry.base * 2 ** (tries - 1)
    raw = headers.get("x-amzn-RateLimit-Limit") if headers is not None else None
    try:
        rate = float(raw) if raw else 0.0
    except ValueError:
        rate = 0.0
    wait = max(1.0 / rate, backoff if tries > 1 else 0.0) if rate > 0 else backoff
    return min(wait, retry.cap)


def _error_text(errors: Any) -> tuple[str, str]:
    if isinstance(errors, list) and errors and isinstance(errors[0], dict):
        first = errors[0]
        message = str(first.get("message") or "")
        if first.get("details"):
            message = f"{message} ({first['details']})"
        return str(first.get("code") or ""), message
    return "", ""


class AmazonSellingPartner:
    """:class:`SellingPartner` on python-amazon-sp-api. One instance per store and thread."""

    def __init__(
        self,
        credentials: Credentials,
        *,
        sleep: Sleep = time.sleep,
        retry: Retry | None = None,
        timeout: float = 30.0,
    ) -> None:
        self.credentials = credentials
        self.sleep = sleep
        self.retry = retry or Retry()
        self.endpoint = credentials.endpoint or ENDPOINTS[credentials.region]
        self._http = httpx.Client(timeout=timeout)
        self._transport = _RecordingTransport(self._http)
        token_url = credentials.token_url or LWA_TOKEN_URL
        self._token = _TokenClient(
            token_url=token_url,
            transport=self._transport,
            refresh_token=credentials.refresh_token,
            credentials=_library_credentials(credentials),
        )
        self._reports = self._client(_Reports)
        self._orders = self._client(_Orders)
        self._solicitations = self._client(_Solicitations)
        self._messaging = self._client(_Messaging)

    def _client(self, cls: Any) -> Any:
        client = cls(
            Marketplaces.US,  # replaced just below: the library only knows its own table
            refresh_token=self.credentials.refresh_token,
            credentials={
                "lwa_app_id": self.credentials.client_id,
                "lwa_client_secret": self.credentials.client_secret,
                "refresh_token": self.credentials.refresh_token,
            },
            credential_providers=(FromCodeCredentialProvider,),
            # One LWA client (and so one token) for the four API clients.
            auth_token_client_class=lambda **_: self._token,
        )
        client.endpoint = self.endpoint
        client.marketplace_id = self.credentials.marketplace_id
        client._transport.close()
        client._transport = self._transport
        return client

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> AmazonSellingPartner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the retry loop ---

    def _call(self, operation: str, call: Callable[[], ApiResponse]) -> ApiResponse:
        """Run one library call: back off on 429, retry 5xx, refresh the token once."""
        throttled = server_errors = 0
        refreshed = False
        while True:
            self._transport.reset()
            errors: Any = None
            headers: Any = None
            try:
                response = call()
            except SellingApiException as exc:
                response, errors, headers = None, exc.error, exc.headers
            except httpx.HTTPError as exc:
                response, errors = None, [{"code": type(exc).__name__, "message": str(exc)}]
            last = self._transport.last
            status = last.status_code if last is not None else 0
            if response is not None:
                headers = response.headers
                if 200 <= status < 300:
                    return response
            code, message = _error_text(errors)
            if status == 429:
                throttled += 1
                if throttled > self.retry.throttled:
                    raise SpApiThrottled(f"{operation}: still throttled", status=429, code=code)
                wait = _rate_wait(headers, throttled, self.retry)
                logger.info("%s throttled; waiting %.1f s", operation, wait)
                self.sleep(wait)
                continue
            if status in (401, 403) and not refreshed:
                refreshed = True
                logger.info("%s answered %s; refreshing the access token once", operation, status)
                self._token.forget()
                continue
            if status >= 500 or status == 0:
                server_errors += 1
                if server_errors > self.retry.server_errors:
                    what = f"HTTP {status}" if status else (message or "no answer")
                    raise SpApiError(f"{operation}: {what}", status=status, code=code)
                self.sleep(min(self.retry.base * 2 ** (server_errors - 1), self.retry.cap))
                continue
            raise SpApiError(
                f"{operation}: HTTP {status} {code} {message}".strip(), status=status, code=code
            )

    # --- reports ---

    def create_report(self, report_type: str, start: datetime | None, end: datetime | None) -> str:
        body: dict[str, Any] = {
            "reportType": report_type,
            "marketplaceIds": [self.credentials.marketplace_id],
        }
        if start is not None:
            body["dataStartTime"] = start.isoformat()
        if end is not None:
            body["dataEndTime"] = end.isoformat()
        response = self._call("createReport", lambda: self._reports.create_report(**body))
        report_id = response.payload.get("reportId")
        if not report_id:
            raise SpApiError("createReport: no reportId in the answer", status=200)
        return str(report_id)

    def get_report(self, report_id: str) -> ReportInfo:
        response = self._call("getReport", lambda: self._reports.get_report(report_id))
        return ReportInfo.from_payload(response.payload)

    def get_reports(
        self, report_type: str, *, created_since: datetime | None, statuses: tuple[str, ...] = ()
    ) -> list[ReportInfo]:
        params: dict[str, Any] = {
            "reportTypes": [report_type],
            "marketplaceIds": [self.credentials.marketplace_id],
            "pageSize": 100,
        }
        if statuses:
            params["processingStatuses"] = list(statuses)
        if created_since is not None:
            params["createdSince"] = created_since.isoformat()
        found: list[ReportInfo] = []
        for _ in range(100):  # pages; a bound, not an expectation
            response = self._call(
                "getReports", functools.partial(self._reports.get_reports, **params)
            )
            found += [ReportInfo.from_payload(r) for r in response.payload.get("reports") or []]
            token = response.next_token
            if not token:
                break
            params = {"nextToken": token}
        return found

    def get_report_document(self, document_id: str) -> bytes:
        """The document's bytes (gunzipped when Amazon compressed it)."""
        response = self._call(
            "getReportDocument", lambda: self._reports.get_report_document(document_id)
        )
        url = response.payload.get("url")
        if not url:
            raise SpApiError("getReportDocument: no url in the answer", status=200)
        content = self._download(str(url))
        if str(response.payload.get("compressionAlgorithm") or "").upper() == "GZIP":
            try:
                content = gzip.decompress(content)
            except (OSError, EOFError) as exc:
                raise SpApiError(f"report document {document_id}: bad gzip: {exc}") from None
        return content

    def _download(self, url: str) -> bytes:
        """GET a pre-signed document URL (no access token: it is not Amazon's API host)."""
        for tries in range(1, self.retry.server_errors + 2):
            try:
                answer = self._http.get(url, timeout=300.0)
            except httpx.HTTPError as exc:
                failure = f"{type(exc).__name__}"
            else:
                if answer.status_code == 200:
                    return answer.content
                failure = f"HTTP {answer.status_code}"
                if answer.status_code < 500:
                    break
            if tries <= self.retry.server_errors:
                self.sleep(min(self.retry.base * 2 ** (tries - 1), self.retry.cap))
        raise SpApiError(f"downloading the report document failed: {failure}")

    # --- orders ---

    def get_order(self, order_id: str) -> dict[str, Any]:
        response = self._call("getOrder", lambda: self._orders.get_order(order_id))
        payload: dict[str, Any] = response.payload or {}
        return payload

    def get_order_items(self, order_id: str) -> list[dict[str, Any]]:
        items: list[dict[str, Any]] = []
        token: str | None = None
        for _ in range(50):
            kwargs = {"NextToken": token} if token else {}
            response = self._call(
                "getOrderItems", functools.partial(self._orders.get_order_items, order_id, **kwargs)
            )
            payload = response.payload or {}
            items += payload.get("OrderItems") or []
            token = payload.get("NextToken")
            if not token:
                break
        return items

    # --- solicitations and messaging ---

    def get_solicitation_actions(self, order_id: str) -> list[str]:
        response = self._call(
            "getSolicitationActionsForOrder",
            lambda: self._solicitations.get_solicitation_actions_for_order(
                order_id, marketplaceIds=self.credentials.marketplace_id
            ),
        )
        return _action_names(response.payload)

    def create_review_solicitation(self, order_id: str) -> None:
        self._call(
            "createProductReviewAndSellerFeedbackSolicitation",
            lambda: self._solicitations.create_product_review_and_seller_feedback_solicitation(
                order_id, marketplaceIds=self.credentials.marketplace_id
            ),
        )

    def get_messaging_actions(self, order_id: str) -> list[str]:
        response = self._call(
            "getMessagingActionsForOrder",
            lambda: self._messaging.get_messaging_actions_for_order(
                order_id, marketplaceIds=self.credentials.marketplace_id
            ),
        )
        return _action_names(response.payload)

    def send_message(self, order_id: str, action: str, text: str) -> None:
        if action not in TEXT_ACTIONS:
            raise SpApiError(f"{action} cannot be sent as text")
        method = getattr(self._messaging, TEXT_ACTIONS[action][0])
        self._call(action, lambda: method(order_id, body={"text": text}))


def _library_credentials(credentials: Credentials) -> Any:
    from sp_api.base.credential_provider import CredentialProvider

    return CredentialProvider.Config(
        lwa_app_id=credentials.client_id,
        lwa_client_secret=credentials.client_secret,
        refresh_token=credentials.refresh_token,
    )


def _action_names(payload: Any) -> list[str]:
    """Action names of a HAL answer (``_links.actions[].name``, else ``_embedded``)."""
    if not isinstance(payload, dict):
        return []
    names: list[str] = []
    links = (payload.get("_links") or {}).get("actions") or []
    embedded = (payload.get("_embedded") or {}).get("actions") or []
    for action in [*links, *embedded]:
        if isinstance(action, dict) and action.get("name") and action["name"] not in names:
            names.append(str(action["name"]))
    return names
