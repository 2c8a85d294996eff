"""Limits on what a request may cost: body size, time to send the body, JSON nesting depth.

`BodySizeLimit` is a pure ASGI middleware: it checks Content-Length, then reads the body itself,
counting the bytes of a streamed (chunked) body too, and hands the application the body it has
read. A body over the limit is answered 413 with the error body. Up to `drain_bytes` of a refused
body are still read and thrown away first: a client that is still sending when the connection
closes would otherwise see a broken connection instead of the 413. A body that takes longer
than `read_seconds` to arrive (a client trickling bytes to hold a worker) is answered 408.
"""

from __future__ import annotations

import asyncio
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from est_desktop.server.errors import error_bytes

# A real push body is about 8 levels deep, a GeoJSON area included. The limit is far above
# that, so a deep value inside `fields` is still rejected with its change alone (PROTOCOL.md),
# and under half of Python's recursion limit, so no step that recurses can overflow on it.
MAX_JSON_DEPTH = 400


class BodySizeLimit:
    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int,
        drain_bytes: int = 64 * 1024 * 1024,
        read_seconds: float = 60.0,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.drain_bytes = drain_bytes
        self.read_seconds = read_seconds

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
        try:
            async with asyncio.timeout(self.read_seconds):
                body, complete = await self._read(receive)
        except TimeoutError:
            message = f"Begäran kom inte fram inom {self.read_seconds:g} sekunder."
            await _refuse(send, 408, message)
            return
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
    await _refuse(send, 413, f"Begäran är större än {max_bytes / 1024 / 1024:g} MiB.")


async def _refuse(send: Send, status: int, message: str) -> None:
    """The error body, then the connection closes (the rest of the body is not read)."""
    body = error_bytes(status, message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def json_too_deep(value: Any, max_depth: int = MAX_JSON_DEPTH) -> bool:
    """Whether arrays and objects in `value` nest deeper than `max_depth`. Checked once at the
    door, level by level without recursion (a deep value cannot exhaust the stack here), so no
    later step that recurses (validation, encoding, a database driver) ever meets one. About a
    microsecond per change of a push: only containers are kept from level to level."""
    level = [value] if isinstance(value, dict | list) else []
    depth = 0
    while level:
        depth += 1
        if depth > max_depth:
            return True
        deeper = []
        for container in level:
            for child in container.values() if type(container) is dict else container:
                if type(child) is dict or type(child) is list:
                    deeper.append(child)
        level = deeper
    return False
