"""The national template's three tables: their keys (schema), reading a table region into exact facts
(cells, headers, align, applications, proactive, review, regions), and the tables' identities (checks)."""

from .checks import application_checks, checks_of_cell, narrative_checks, printed_template, table_checks
from .facts import Check, Fact, TableResult, format_value, json_value
from .regions import find_region, parse_tables
from .schema import APPLICATIONS, PROACTIVE, REVIEW, TABLE_LABELS, TABLES, cell_label

__all__ = ["APPLICATIONS", "PROACTIVE", "REVIEW", "TABLES", "TABLE_LABELS", "Check", "Fact", "TableResult",
           "application_checks", "cell_label", "checks_of_cell", "find_region", "format_value", "json_value",
           "narrative_checks", "parse_tables", "printed_template", "table_checks"]
