"""Every standard-table cell of the four real reports in ../shared/realreports, transcribed by hand by a
helper from the files themselves (the PDFs rendered to images with pdftoppm; the markdown read as text),
without the parser, and checked against the tables' identities. One module per report, as the helper
wrote it; cells() turns one into {(table, row, column): value}."""

from __future__ import annotations

import importlib
from decimal import Decimal

APPLICATION_COLUMNS = ("natural_person", "commercial", "research", "nonprofit", "legal_service", "other_org", "total")
REVIEW_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
REPORTS = {  # file in ../shared/realreports -> module
    "huaian-gov-2024.pdf": "huaian_gov_2024",
    "hongze-gov-2024.pdf": "hongze_gov_2024",
    "hongze-gov-2023.pdf": "hongze_gov_2023",
    "shanghai-gov-office-2025.md": "shanghai_gov_office_2025",
}


def gold(file: str):
    return importlib.import_module(f"tests.real_gold.{REPORTS[file]}")


def cells(file: str) -> dict[tuple[str, str, str], Decimal | None]:
    """Every transcribed cell; None where the transcriber could not place a value with certainty."""
    module = gold(file)
    out: dict[tuple[str, str, str], Decimal | None] = {}

    def value(v):
        return None if v is None else Decimal(str(v))

    for row, values in module.APPLICATIONS.items():
        out.update({("applications", row, c): value(v) for c, v in zip(APPLICATION_COLUMNS, values, strict=True)})
    for row, values in module.REVIEW.items():
        out.update({("review_litigation", row, c): value(v) for c, v in zip(REVIEW_COLUMNS, values, strict=True)})
    out.update({("proactive", row, c): value(v) for (row, c), v in module.PROACTIVE.items()})
    return out
