"""A local server speaking the OpenAI chat-completions API, for tests of the LLM client.

    with FakeOpenAI(lambda request: "reply") as server:
        LLM(server.base_url, "model").complete(messages)

The handler gets each request's JSON and returns the reply content (str) or a dict
choosing a behaviour, keys combinable:
    content: str        the reply content (default "")
    delay: float        seconds to wait before responding (a slow endpoint)
    trickle: float      seconds between the bytes of the body (a server that sends slowly)
    status: int         the HTTP status (500: an error)
    raw: str | bytes    the body as is, instead of a chat completion ("garbage")
    json: object        this JSON as the body, instead of a chat completion ({} has no choices)
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeOpenAI:
    """An OpenAI-compatible endpoint on 127.0.0.1 (a free port); `requests` records what it received."""

    def __init__(self, handler: Callable[[dict], str | dict] = lambda request: "OK"):
        self.handler = handler
        self.requests: list[dict] = []  # {"path", "headers" (lower-case names), "json"}
        self._closing = threading.Event()  # wakes handlers that are sleeping, so closing is quick
        self._server = _Server(("127.0.0.1", 0), _handler_class(self))
        self.base_url = f"http://127.0.0.1:{self._server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> FakeOpenAI:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _respond(self, request: dict) -> tuple[int, bytes, float, float]:
        """(status, body, delay, trickle) for one request."""
        reply = self.handler(request)
        spec = {"content": reply} if isinstance(reply, str) else dict(reply)
        if "raw" in spec:
            raw = spec["raw"]
            body = raw.encode("utf-8") if isinstance(raw, str) else raw
        elif "json" in spec:
            body = json.dumps(spec["json"]).encode("utf-8")
        else:
            body = json.dumps(completion(spec.get("content", ""), request.get("model", "")), ensure_ascii=False)
            body = body.encode("utf-8")
        return spec.get("status", 200), body, spec.get("delay", 0.0), spec.get("trickle", 0.0)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False  # don't join a handler still sleeping on close

    def handle_error(self, request, client_address) -> None:
        # A client that gave up (the point of the slow tests) closes its socket: not worth a traceback.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def completion(content: str, model: str = "fake") -> dict:
    """A chat.completion object as OpenAI returns it."""
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


def _handler_class(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            data = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                request = json.loads(data)
            except ValueError:
                request = None
            headers = {name.lower(): value for name, value in self.headers.items()}
            fake.requests.append({"path": self.path, "headers": headers, "json": request})
            if self.path.rstrip("/") != "/v1/chat/completions" or not isinstance(request, dict):
                self.send_error(404 if isinstance(request, dict) else 400)
                return
            status, body, delay, trickle = fake._respond(request)
            if fake._closing.wait(delay):
                return
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not trickle:
                self.wfile.write(body)
                return
            for i in range(len(body)):
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
                if fake._closing.wait(trickle):
                    return

        def do_GET(self) -> None:
            self.send_error(404)

        def log_message(self, format, *args) -> None:
            pass  # keep test output clean

    return Handler
