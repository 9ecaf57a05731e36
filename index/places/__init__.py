"""Places: China's administrative divisions from a kept gazetteer (jionlp), found in text and
tied to the agencies that govern them."""

from .agency import GOVERNMENT, OFFICE, OTHER, Place, government_of, is_body, locate, role
from .divisions import LEVEL_NAMES, Division, Divisions, divisions, kind_of, longer, short_forms, variants
from .find import Mention, find, find_pinyin

__all__ = ["GOVERNMENT", "LEVEL_NAMES", "OFFICE", "OTHER", "Division", "Divisions", "Mention", "Place", "divisions",
           "find", "find_pinyin", "government_of", "is_body", "kind_of", "locate", "longer", "role",
           "short_forms", "variants"]
