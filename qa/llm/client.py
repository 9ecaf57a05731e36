"""The optional LLM: a small client for any OpenAI-compatible chat-completions endpoint.

Ollama, vLLM, llama.cpp server, DeepSeek and Qwen all speak this API. Standard library
only. A failure of any kind is a None (batch) or an LLMError (single call), never a hang:
each call has an overall deadline, not just urllib's per-socket-operation timeout.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from index import Settings, UserError
from index.settings import LLM_ENV

# Reasoning models (DeepSeek-R1, Qwen3) behind some servers put their reasoning before the answer.
_THINK = re.compile(r"^\s*<think>.*?</think>\s*", re.S)
_MAX_BODY = 10_000_000  # bytes; a chat completion is far smaller, more means a broken endpoint


class LLMError(Exception):
    """No usable reply: timeout, refused connection, HTTP error status or a body that is not a chat completion."""


class LLM:
    """A deterministic (temperature 0) client of `{base_url}/chat/completions`."""

    def __init__(self, base_url: str, model: str, api_key: str = "", timeout: float = 20.0):
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.last_error: str | None = None  # why the last failed call of the last batch failed, for logging

    def complete_batch(self, conversations: list[list[dict]]) -> list[str | None]:
        """The reply to each conversation (a list of {"role", "content"} messages); None where it failed.

        The calls run concurrently, each in a daemon thread given `timeout` seconds in all, so
        the batch returns within about `timeout`; a thread still waiting then is abandoned.
        """
        results: list[str | None] = [None] * len(conversations)
        errors: list[str | None] = [None] * len(conversations)

        def call(i: int, messages: list[dict]) -> None:
            try:
                results[i] = self._post(messages)
            except LLMError as error:
                errors[i] = str(error)
            except Exception as error:  # whatever else goes wrong (a malformed URL) is a failure too, not a crash
                errors[i] = f"{self.url}: {type(error).__name__}: {error}"

        threads = [threading.Thread(target=call, args=item, daemon=True) for item in enumerate(conversations)]
        deadline = time.monotonic() + self.timeout
        for thread in threads:
            thread.start()
        self.last_error = None
        replies: list[str | None] = []
        for i, thread in enumerate(threads):
            thread.join(max(0.0, deadline - time.monotonic()))
            late = thread.is_alive()  # read once: the thread may finish any moment now
            replies.append(None if late else results[i])
            if replies[-1] is None:
                self.last_error = f"no reply from {self.url} within {self.timeout:g} s" if late else errors[i]
        return replies

    def complete(self, messages: list[dict]) -> str:
        """The reply to one conversation; raises LLMError with the reason when there is none."""
        reply = self.complete_batch([messages])[0]
        if reply is None:
            raise LLMError(self.last_error or "no reply")
        return reply

    def _post(self, messages: list[dict]) -> str:
        body = json.dumps({"model": self.model, "messages": messages, "temperature": 0}, ensure_ascii=False)
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(self.url, data=body.encode("utf-8"), headers=headers, method="POST")
        try:
            # The socket timeout frees an abandoned thread eventually; the caller's deadline is in complete_batch.
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read(_MAX_BODY)
        except urllib.error.HTTPError as error:
            with error:
                detail = _excerpt(error.read(300))
            raise LLMError(f"HTTP {error.code} from {self.url}: {detail}") from None
        except urllib.error.URLError as error:
            raise LLMError(f"cannot reach {self.url}: {error.reason}") from None
        except (OSError, http.client.HTTPException) as error:  # socket timeout, reset, bad status line
            raise LLMError(f"{self.url}: {type(error).__name__}: {error}") from None
        try:
            content = json.loads(raw)["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            content = None
        if not isinstance(content, str):
            raise LLMError(f"not a chat completion from {self.url}: {_excerpt(raw)}")
        return _THINK.sub("", content, count=1)


def _excerpt(raw: bytes) -> str:
    return raw[:200].decode("utf-8", "replace").strip() or "(empty body)"


def make_llm(settings: Settings) -> LLM | None:
    """The LLM the settings name, or None when no endpoint is configured (answers stay extractive)."""
    base_url = settings.llm_base_url.strip()
    if not base_url:
        return None
    url_env, model_env = LLM_ENV["llm_base_url"], LLM_ENV["llm_model"]
    if not settings.llm_model.strip():
        raise UserError(f"{url_env} is set but {model_env} is empty: name the model to use, e.g. {model_env}=qwen2.5:7b")
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(f"{url_env}={base_url!r} is not an http(s) URL, e.g. http://127.0.0.1:11434/v1")
    return LLM(base_url, settings.llm_model.strip(), settings.llm_api_key, settings.llm_timeout)
