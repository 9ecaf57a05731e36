"""Composing answers: routing a question to an executor (figures, series, rankings, changes, text,
refusals), and writing its sentences with their numbered citations."""

from .answer import Answer, Answerer, Conversation, check_question

__all__ = ["Answer", "Answerer", "Conversation", "check_question"]
