"""Refuse request bodies over the limit before the application reads a byte of them.

A pure ASGI middleware: it checks Content-Length, then reads the body itself, counting the bytes
of a streamed (chunked) body too, and hands the application the body it has read. A body over
the limit is answered 413 with the error body. Up to `drain_bytes` of a refused body are still
read and thrown away first: a client that is still sending when the connection closes would
otherwise see a broken connection instead of the 413.
"""

from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from est_desktop.server.errors import error_bytes


class BodySizeLimit:
    def __init__(self, app: ASGIApp, max_bytes: int, drain_bytes: int = 64 * 1024 * 1024) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.drain_bytes = drain_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or ())
        declared = _content_length(headers.get(b"content-length"))
        if declared is not None and declared > self.max_bytes:
            # A client waiting for "100 Continue" sends nothing more; others may still be sending.
            expects_continue = headers.get(b"expect", b"").lower() == b"100-continue"
            if not expects_continue and declared <= self.drain_bytes:
                await _drain(receive, self.drain_bytes)
            await _too_large(send, self.max_bytes)
            return
        body, complete = await self._read(receive)
        if not complete:
            await _drain(receive, self.drain_bytes)
            await _too_large(send, self.max_bytes)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read(self, receive: Receive) -> tuple[bytes, bool]:
        """The whole body, and False if it grew over the limit (reading stops there)."""
        parts: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(parts), True  # disconnected: the app will see that too
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return b"", False
            parts.append(chunk)
            if not message.get("more_body", False):
                return b"".join(parts), True


def _content_length(raw: bytes | None) -> int | None:
    if raw is None:
        return None
    try:
        return int(raw)
    except ValueError:
        return None  # the HTTP layer refuses such a request before it gets here


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()  # after the body: wait for the disconnect, as usual

    return replay


async def _drain(receive: Receive, limit: int) -> None:
    drained = 0
    while drained <= limit:
        message = await receive()
        if message["type"] != "http.request" or not message.get("more_body", False):
            return
        drained += len(message.get("body", b""))


async def _too_large(send: Send, max_bytes: int) -> None:
    body = error_bytes(413, f"Begäran är större än {max_bytes / 1024 / 1024:g} MiB.")
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
