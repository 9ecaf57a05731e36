"""The evaluation harness: gold questions, scoring, and the naive llama-index baseline."""

from .baseline import Baseline
from .gold import Question, load, locate
from .run import GATES, evaluate
from .score import Judgement, judge, summarise

__all__ = ["GATES", "Baseline", "Judgement", "Question", "evaluate", "judge", "load", "locate", "summarise"]
