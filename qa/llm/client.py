"""The optional LLM, reached through llama-index's LLM interface.

By default an `OpenAILike` for any OpenAI-compatible endpoint (Ollama, vLLM, llama.cpp's
server, DeepSeek, Qwen), with its timeout and retries; any other llama-index LLM
integration is named by its class (`module:Class`). A failure of any kind is a None (batch)
or an LLMError (single call), never a hang: each batch has an overall deadline, which a
server trickling bytes cannot stretch as it can a per-read timeout.
"""

from __future__ import annotations

import importlib
import re
import threading
import time
from urllib.parse import urlsplit

from index import Settings, UserError
from index.settings import LLM_ENV

# Reasoning models (DeepSeek-R1, Qwen3) behind some servers put their reasoning before the answer.
_THINK = re.compile(r"^\s*<think>.*?</think>\s*", re.S)
OPENAI_LIKE = "openai-like"
# OpenAI's client insists on a key; a server that wants none (Ollama, llama.cpp) ignores this one.
NO_KEY = "none"


class LLMError(Exception):
    """No usable reply: timeout, refused connection, HTTP error status or a reply that is not a chat message."""


class LLM:
    """A llama-index LLM behind one batch method, deterministic where the integration allows (temperature 0)."""

    def __init__(self, base_url: str = "", model: str = "", api_key: str = "", timeout: float = 20.0,
                 retries: int = 1, llm=None):
        self.url = base_url.rstrip("/") + "/chat/completions" if base_url else ""
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.llm = llm if llm is not None else _openai_like(base_url, model, api_key, timeout, retries)
        self.where = self.url or type(self.llm).__name__
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
                results[i] = self._chat(messages)
            except LLMError as error:
                errors[i] = str(error)

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
                self.last_error = f"no reply from {self.where} within {self.timeout:g} s" if late else errors[i]
        return replies

    def complete(self, messages: list[dict]) -> str:
        """The reply to one conversation; raises LLMError with the reason when there is none."""
        reply = self.complete_batch([messages])[0]
        if reply is None:
            raise LLMError(self.last_error or "no reply")
        return reply

    def _chat(self, messages: list[dict]) -> str:
        from llama_index.core.llms import ChatMessage

        try:
            response = self.llm.chat([ChatMessage(role=m["role"], content=m["content"]) for m in messages])
            content = response.message.content
        except Exception as error:  # the integration's own errors, and whatever a malformed reply raises
            raise LLMError(_reason(error, self.where)) from None
        if not isinstance(content, str):
            raise LLMError(f"not a chat completion from {self.where}: no message content")
        return _THINK.sub("", content, count=1)


def _reason(error: Exception, where: str) -> str:
    """What went wrong, in the words of an HTTP client: status, unreachable, or not a chat completion."""
    try:
        import openai
    except ImportError:  # an integration that does not use OpenAI's client
        openai = None
    if openai is not None and isinstance(error, openai.APIStatusError):
        return f"HTTP {error.status_code} from {where}: {str(error)[:200]}"
    if openai is not None and isinstance(error, openai.APITimeoutError):
        return f"no reply from {where}: timed out"
    if openai is not None and isinstance(error, openai.APIConnectionError):
        return f"cannot reach {where}: {error.__cause__ or error}"
    return f"not a chat completion from {where}: {type(error).__name__}: {str(error)[:200]}"


def _openai_like(base_url: str, model: str, api_key: str, timeout: float, retries: int):
    from llama_index.llms.openai_like import OpenAILike

    return OpenAILike(model=model, api_base=base_url, api_key=api_key or NO_KEY, timeout=timeout,
                      max_retries=retries, temperature=0.0, is_chat_model=True, is_function_calling_model=False)


def _integration(name: str, settings: Settings):
    """A llama-index LLM integration named `module:Class`, given the model (and endpoint and key if set)."""
    module, _, cls = name.partition(":")
    try:
        kind = getattr(importlib.import_module(module), cls)
    except (ImportError, AttributeError, ValueError) as error:
        raise UserError(f"unknown LLM provider {name!r} ({error}); valid: {OPENAI_LIKE}, or a llama-index LLM "
                        "class as module:Class, e.g. llama_index.llms.ollama:Ollama") from None
    fields = getattr(kind, "model_fields", {})
    options = {"model": settings.llm_model.strip()} if "model" in fields else {}
    for key in ("base_url", "api_base"):
        if key in fields and settings.llm_base_url:
            options[key] = settings.llm_base_url.strip()
    if "api_key" in fields and settings.llm_api_key:
        options["api_key"] = settings.llm_api_key
    if "request_timeout" in fields:
        options["request_timeout"] = settings.llm_timeout
    elif "timeout" in fields:
        options["timeout"] = settings.llm_timeout
    return kind(**options)


def make_llm(settings: Settings) -> LLM | None:
    """The LLM the settings name, or None when none is configured (answers stay extractive).

    Providers: `openai-like` (default) for an OpenAI-compatible endpoint, or any installed
    llama-index LLM integration as `module:Class`."""
    provider = settings.llm_provider.strip() or OPENAI_LIKE
    base_url = settings.llm_base_url.strip()
    if provider == OPENAI_LIKE and not base_url:
        return None
    url_env, model_env = LLM_ENV["llm_base_url"], LLM_ENV["llm_model"]
    if not settings.llm_model.strip():
        raise UserError(f"{url_env} is set but {model_env} is empty: name the model to use, e.g. {model_env}=qwen2.5:7b")
    if provider != OPENAI_LIKE:
        return LLM(llm=_integration(provider, settings), model=settings.llm_model.strip(),
                   timeout=settings.llm_timeout)
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise UserError(f"{url_env}={base_url!r} is not an http(s) URL, e.g. http://127.0.0.1:11434/v1")
    return LLM(base_url, settings.llm_model.strip(), settings.llm_api_key, settings.llm_timeout, settings.llm_retries)
