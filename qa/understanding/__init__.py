"""Understanding questions: the agencies named (gazetteer), years, table cells (lexicon), what a
how-many asks for (measures), and the words that route a question (words.tsv)."""

from .gazetteer import Gazetteer, Mentions
from .tokens import tokenize
from .understand import CHANGE, COMPARISON, FIGURE, RANKING, TEXT, Ask, Query, language, understand

__all__ = ["CHANGE", "COMPARISON", "FIGURE", "RANKING", "TEXT", "Ask", "Gazetteer", "Mentions", "Query",
           "language", "tokenize", "understand"]
