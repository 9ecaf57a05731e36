"""The four tools as API endpoints of the Gradio app, which serves them to MCP clients
(`launch(mcp_server=True)`: http://host:port/gradio_api/mcp/). A tool's name is its function's
name, its description the docstring, in Chinese and English; each returns its result as JSON text."""

import json

import gradio as gr

from index import UserError

from ..answering.answer import Answerer
from . import functions

__all__ = ["add_tools"]


def add_tools(answerer: Answerer) -> None:
    """Adds list_reports, lookup_figures, search_reports and ask to the Blocks being built."""

    def call(fn, *args) -> str:
        try:
            return json.dumps(fn(answerer, *args), ensure_ascii=False)
        except UserError as error:  # an argument it cannot use: the tool's error, as the user should read it
            raise gr.Error(str(error)) from None

    def list_reports(agency: str = "", year: int | None = None) -> str:
        """列出已收录的政府信息公开工作年度报告：机关、年度、核对状态。List the indexed government information
        disclosure annual reports with their agency, year and check status (ok, or flagged when a table
        identity failed).

        Args:
            agency: 机关名称、简称或地区（可空）。An agency's name, short name or region, e.g. 聊城 (optional).
            year: 报告年度（可空）。The report year, e.g. 2024 (optional).
        """
        return call(functions.list_reports, agency, year)

    def lookup_figures(agencies: list[str], table: str, rows: list[str], columns: list[str],
                       years: list[int] | None = None) -> str:
        """查表：返回报告统计表中的确切单元格，附数值、单位、是否推得、核对状态和引用原文行。Look up exact table cells of
        the reports: value, unit, derived flag, check status and the citation (the printed line).

        Args:
            agencies: 机关名称或简称列表。Agency names or short names, e.g. ["聊城市人民政府"].
            table: 表格：proactive（主动公开）、applications（收到和处理申请）、review_litigation（行政复议、行政诉讼）。
                The table, by key or Chinese label.
            rows: 行，键或中文标签，如 new_received 或 本年新收政府信息公开申请数量。Rows by schema key or label.
            columns: 列，键或中文标签，如 total 或 总计。Columns by schema key or label.
            years: 年度列表，空为全部年度。Report years; empty for every year.
        """
        return call(functions.lookup_figures, agencies, table, rows, columns, years)

    def search_reports(query: str, agency: str = "", year: int | None = None, k: int = 5) -> str:
        """检索报告原文，返回带位置的原文段落。Search the reports' text (hybrid dense and BM25) and return
        quoted passages with their report, section and character span.

        Args:
            query: 检索内容。What to look for, e.g. 政策解读.
            agency: 只检索该机关（可空）。Only this agency (optional).
            year: 只检索该年度（可空）。Only this year (optional).
            k: 返回段落数（1 到 20）。How many passages (1 to 20).
        """
        return call(functions.search_reports, query, agency, year, k)

    def ask(question: str) -> str:
        """提问：与网页问答相同的回答、方式（lookup 查表、retrieval 原文、refusal 无法回答、clarify 需澄清）和引用。
        Ask a question and get the chat's answer, its mode and its citations; figures are looked up, never generated.

        Args:
            question: 问题，中文或英文。The question, in Chinese or English.
        """
        return call(functions.ask, question)

    for tool in (list_reports, lookup_figures, search_reports, ask):
        gr.api(tool, api_name=tool.__name__, queue=False)
