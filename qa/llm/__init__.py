"""The optional LLM: its client, its two guarded jobs (assist), and the guards on its output."""

from .client import LLM, LLMError, make_llm

__all__ = ["LLM", "LLMError", "make_llm"]
