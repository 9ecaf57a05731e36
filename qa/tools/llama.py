"""The project inside llama-index: a retriever whose nodes carry citations, and exact lookups as tools,
so a llama-index agent or query engine can use the reports without being handed a figure to invent."""

from __future__ import annotations

import json

from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
from llama_index.core.tools import FunctionTool

from ..answering.answer import Answerer
from ..answering.result import LOOKUP
from . import functions

__all__ = ["GongkaiRetriever", "gongkai_tools"]


class GongkaiRetriever(BaseRetriever):
    """The table facts a question asks for (looked up, as the chat does) and the hybrid search's chunks,
    as nodes whose metadata is their citation: report, section, row and column, and the span quoted."""

    def __init__(self, answerer: Answerer, k: int = 5, **kwargs):
        self.answerer = answerer
        self.k = k
        super().__init__(**kwargs)

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        question = query_bundle.query_str
        return self._facts(question) + self._chunks(question)

    def _facts(self, question: str) -> list[NodeWithScore]:
        answer = self.answerer.ask(question)
        if answer.mode != LOOKUP:
            return []
        cites = {(c.report_id, c.table, c.row, c.column): c for c in answer.citations if c.table}
        nodes = []
        for f in answer.facts:
            cite = cites.get((f["report_id"], f["table"], f["row"], f["column"]))
            label = f"{cite.row_label} × {cite.column_label}" if cite else f"{f['row']} × {f['column']}"
            text = f"{f['agency']}{f['year']}年度报告 {label}：{f['value']}{f['unit']}"
            metadata = {"kind": "fact", **{k: f[k] for k in ("report_id", "agency", "year", "table", "row", "column",
                                                           "value", "unit", "derived", "computed", "check")}}
            if cite:
                metadata.update(title=cite.title, section=cite.section, quote=cite.quote, start=cite.start,
                                end=cite.end)
            node_id = f"{f['report_id']}:{f['table']}:{f['row']}:{f['column']}"
            nodes.append(NodeWithScore(node=TextNode(id_=node_id, text=text, metadata=metadata), score=1.0))
        return nodes

    def _chunks(self, question: str) -> list[NodeWithScore]:
        hits = self.answerer.searcher.search(question, k=self.k)
        titles = {rid: r["title"] for rid, r in self.answerer.facts.reports.items()}
        return [NodeWithScore(node=TextNode(id_=h.chunk["id"], text=h.chunk["text"], metadata={
            "kind": "chunk", "report_id": h.chunk["report_id"], "agency": h.chunk["agency"], "year": h.chunk["year"],
            "title": titles.get(h.chunk["report_id"], ""), "section": h.chunk["section"], "start": h.chunk["start"],
            "end": h.chunk["end"]}), score=h.score) for h in hits]


def gongkai_tools(answerer: Answerer) -> list[FunctionTool]:
    """Exact lookups (lookup_figures), the reports (list_reports) and the cited answer (ask) as llama-index
    tools; each returns JSON, and a bad argument comes back as the tool's error message."""

    def tool(fn, name: str, description: str) -> FunctionTool:
        def run(**kwargs) -> str:
            try:
                return json.dumps(fn(answerer, **kwargs), ensure_ascii=False)
            except functions.ToolError as error:
                return json.dumps({"error": str(error)}, ensure_ascii=False)

        return FunctionTool.from_defaults(fn=_signed(run, fn), name=name, description=description)

    return [
        tool(functions.lookup_figures, "lookup_figures",
             "Exact cells of the reports' statistical tables (查表): agencies, table (proactive, applications, "
             "review_litigation), rows and columns by schema key or Chinese label, years (empty: all). Returns each "
             "cell's value, unit, check status and citation."),
        tool(functions.list_reports, "list_reports",
             "The indexed annual reports (已收录的报告), optionally of one agency or year, with their check status."),
        tool(functions.ask, "ask",
             "Ask a question in Chinese or English and get the cited answer (回答与引用); figures are looked up."),
    ]


def _signed(run, fn):
    """`run` with fn's signature less its first parameter (the answerer), so the tool's schema lists the arguments."""
    import inspect

    signature = inspect.signature(fn)
    run.__signature__ = signature.replace(parameters=list(signature.parameters.values())[1:])
    run.__annotations__ = {k: v for k, v in fn.__annotations__.items() if k != "answerer"}
    run.__doc__ = fn.__doc__
    return run
