"""The project as tools for assistants and agents: plain functions (functions), served to MCP
clients by the web app (mcp), and a llama-index retriever and tools (llama)."""

from .functions import ToolError, ask, list_reports, lookup_figures, search_reports

__all__ = ["ToolError", "ask", "list_reports", "lookup_figures", "search_reports"]
