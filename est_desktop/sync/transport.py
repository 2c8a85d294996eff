"""Talking to the sync server over HTTP (PROTOCOL.md): nothing but requests and answers.

Every failure becomes one of the `errors` module's exceptions with a Swedish message; nothing
here touches the local store. TLS is always verified (against `ca_bundle` when the municipal
network has its own CA); system proxies are honoured; every request has a timeout.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

import requests

from est_desktop.domain.language import QT_TRANSLATE_NOOP, translate
from est_desktop.domain.wire import dumps_json, loads_json
from est_desktop.sync.errors import AuthRequired, Offline, ProtocolError, ServerBusy

log = logging.getLogger(__name__)

API = "/api/v1"
CONNECT_TIMEOUT = 10.0


@dataclass(frozen=True)
class Session:
    """A signed-in user, as the server's token answer describes them."""

    token: str
    expires_at: datetime
    username: str
    organisation: str
    role: str


class Transport(Protocol):
    """What the sync engine needs of a server; tests plug in one that calls the service."""

    def push(self, client_id: str, changes: list[dict]) -> list[dict]: ...

    def pull(self, since: str | None, limit: int = 500) -> dict: ...

    def reference(self) -> dict: ...


class HttpTransport:
    """The sync API over HTTP(S). Not thread-safe: one per worker thread."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        ca_bundle: str | None = None,
        timeout: float = 30.0,
    ) -> None:
        # The server's address, with or without the API path a user may have pasted.
        self.base_url = base_url.rstrip("/").removesuffix(API)
        self.token = token
        self._timeout = (min(CONNECT_TIMEOUT, timeout), timeout)
        self._http = requests.Session()
        self._http.trust_env = True  # HTTPS_PROXY, NO_PROXY and the system's proxy settings
        # Given with every request too: requests lets REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE in
        # the environment override a session's setting, so the chosen bundle would be ignored.
        self._verify: str | bool = ca_bundle or True
        self._http.verify = self._verify

    def close(self) -> None:
        self._http.close()

    def login(self, username: str, password: str) -> Session:
        """Sign in; the transport keeps the new token. Wrong credentials: `AuthRequired`."""
        body = self._request(
            "POST",
            "/auth/token",
            {"username": username, "password": password},
            unauthorized=QT_TRANSLATE_NOOP("Sync", "Fel användarnamn eller lösenord."),
            with_token=False,
        )
        try:
            user = body["user"]
            session = Session(
                token=str(body["access_token"]),
                expires_at=datetime.fromisoformat(str(body["expires_at"]).replace("Z", "+00:00")),
                username=str(user["username"]),
                organisation=str(user["organisation"]),
                role=str(user["role"]),
            )
        except (KeyError, TypeError, ValueError) as exc:
            text = translate(
                "Sync", "Servern svarade på inloggningen i ett okänt format ({error})."
            )
            raise ProtocolError(text.format(error=exc)) from exc
        self.token = session.token
        return session

    def health(self) -> dict:
        return self._request("GET", "/health", with_token=False)

    def reference(self) -> dict:
        body = self._request("GET", "/reference")
        if not isinstance(body.get("categories"), list) or not isinstance(
            body.get("districts"), dict
        ):
            raise ProtocolError(
                translate("Sync", "Servern skickade referensdata i ett okänt format.")
            )
        return body

    def push(self, client_id: str, changes: list[dict]) -> list[dict]:
        body = self._request("POST", "/sync/push", {"client_id": client_id, "changes": changes})
        results = body.get("results")
        if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
            raise ProtocolError(
                translate("Sync", "Servern svarade på sändningen utan resultatlista.")
            )
        return results

    def pull(self, since: str | None, limit: int = 500) -> dict:
        params: dict[str, Any] = {"limit": limit}
        if since:
            params["since"] = since
        return self._request("GET", "/sync/pull", params=params)

    def report_export(self, report: dict) -> dict:
        """Tell the server's audit log about an export made here (sync/audit_reports.py)."""
        return self._request("POST", "/audit/export", report)

    def _request(
        self,
        method: str,
        path: str,
        payload: object = None,
        *,
        params: dict[str, Any] | None = None,
        unauthorized: str = QT_TRANSLATE_NOOP("Sync", "Inloggningen har gått ut. Logga in igen."),
        with_token: bool = True,
    ) -> dict:
        headers = {"Accept": "application/json"}
        if with_token:
            if not self.token:
                raise AuthRequired(translate("Sync", "Inte inloggad. Logga in för att synka."))
            headers["Authorization"] = f"Bearer {self.token}"
        url = f"{self.base_url}{API}{path}"
        data = None
        if payload is not None:
            data = dumps_json(payload).encode()
            headers["Content-Type"] = "application/json"
        try:
            response = self._http.request(
                method,
                url,
                data=data,
                params=params,
                headers=headers,
                timeout=self._timeout,
                verify=self._verify,
            )
        except requests.RequestException as exc:
            raise _offline(exc, self.base_url) from exc
        return _answer(response, unauthorized)


def _answer(response: requests.Response, unauthorized: str) -> dict:
    status = response.status_code
    if status == 401:
        raise AuthRequired(translate("Sync", unauthorized))
    if status in (429, 503):
        retry_after = _retry_after(response.headers.get("Retry-After"))
        text = translate("Sync", "Servern är upptagen ({status}).").format(status=status)
        if retry_after is not None:
            wait = translate("Sync", "Försök igen om {seconds} s.")
            text += " " + wait.format(seconds=f"{retry_after:.0f}")
        raise ServerBusy(text, retry_after)
    try:
        body = loads_json(response.content)
    except ValueError:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors too
        body = None
    if not 200 <= status < 300:
        message = _error_message(body) or response.reason or ""
        text = translate("Sync", "Servern svarade med fel {status}: {message}")
        raise ProtocolError(text.format(status=status, message=message).rstrip(": "))
    if not isinstance(body, dict):
        raise ProtocolError(
            translate("Sync", "Servern svarade inte med JSON. Kontrollera serveradressen.")
        )
    return body


def _error_message(body: object) -> str | None:
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
        message = str(error.get("message") or error.get("code") or "")
        if isinstance(error.get("fields"), dict) and error["fields"]:
            message += " " + "; ".join(f"{k}: {v}" for k, v in error["fields"].items())
        return message
    return None


def _retry_after(header: str | None) -> float | None:
    """Seconds to wait, from a Retry-After of seconds or an HTTP date."""
    if not header:
        return None
    try:
        return max(0.0, float(header))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(header)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def _offline(exc: requests.RequestException, base_url: str) -> Offline:
    text = str(exc)
    if isinstance(exc, requests.exceptions.SSLError):
        reason = translate(
            "Sync",
            "TLS-fel: serverns certifikat kunde inte verifieras. Ange rätt CA-fil i "
            "inställningarna om nätverket har en egen certifikatutfärdare.",
        )
    elif isinstance(exc, requests.exceptions.ProxyError):
        reason = translate("Sync", "Proxyservern svarar inte eller nekade anslutningen.")
    elif isinstance(exc, requests.exceptions.ConnectTimeout):
        reason = translate("Sync", "Servern svarade inte inom tidsgränsen för anslutning.")
    elif isinstance(exc, requests.exceptions.Timeout):
        reason = translate("Sync", "Servern svarade inte i tid.")
    elif "NameResolution" in text or "Name or service not known" in text or "getaddrinfo" in text:
        reason = translate(
            "Sync", "Serverns namn kunde inte slås upp (DNS). Kontrollera adressen och nätverket."
        )
    elif "refused" in text.lower():
        reason = translate("Sync", "Servern tar inte emot anslutningar (anslutningen nekades).")
    elif isinstance(
        exc, requests.exceptions.ConnectionError | requests.exceptions.ChunkedEncodingError
    ):
        reason = translate("Sync", "Anslutningen till servern bröts.")
    else:
        reason = translate("Sync", "Begäran kunde inte skickas ({error}).").format(
            error=type(exc).__name__
        )
    log.info("sync server %s unreachable: %s", base_url, text)
    text = translate("Sync", "Ingen kontakt med {server}. {reason}")
    return Offline(text.format(server=base_url, reason=reason))
