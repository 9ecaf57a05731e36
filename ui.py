"""python ui.py: the web app. 问答 for citizens; 数据查询 and 报告 for staff.

Serves on 127.0.0.1 (GRADIO_SERVER_NAME to change), port GRADIO_SERVER_PORT (default
7860). Set GONGKAI_UI_USER and GONGKAI_UI_PASSWORD to require a login.
"""

from __future__ import annotations

import os

# Before gradio is imported: otherwise it calls home, and the hub is unreachable here anyway.
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")

import atexit  # noqa: E402
import hashlib  # noqa: E402
import logging  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from concurrent.futures import ThreadPoolExecutor  # noqa: E402
from concurrent.futures import TimeoutError as AnswerTimeout  # noqa: E402
from pathlib import Path  # noqa: E402

import gradio as gr  # noqa: E402
import pandas as pd  # noqa: E402

from index import Settings, StoreUnavailable, UserError, build, open_store  # noqa: E402
from index.health import health  # noqa: E402
from index.store import StoreVersionError, backend, location, store_exists  # noqa: E402
from index.tables.schema import APPLICATIONS, TABLE_LABELS, TABLES  # noqa: E402  # noqa: E402
from qa import Answerer, Conversation  # noqa: E402
from qa.answering.messages import say  # noqa: E402
from qa.tools.mcp import add_tools  # noqa: E402
from qa.understanding.understand import language  # noqa: E402
from qa.views.charts import bars_html  # noqa: E402
from qa.views.chat import answer_message, context_messages, growing, literal  # noqa: E402
from qa.views.examples import example_questions  # noqa: E402
from qa.views.figures import (  # noqa: E402
    agency_years,
    column_choices,
    figures,
    row_choices,
    select_reports,
    side_by_side,
    to_csv,
    trend,
)
from qa.views.provenance import place_chain, provenance  # noqa: E402
from qa.views.render import report_html  # noqa: E402

log = logging.getLogger("gongkai.ui")
AUTH_ENV = ("GONGKAI_UI_USER", "GONGKAI_UI_PASSWORD")
DEFAULT_PORT = 7860
FIGURE_HEADERS = ["机关", "年度", "行", "列", "数值", "单位", "推得", "核对", "核对说明", "原文行"]
BUSY = "系统正忙或出错，请稍后再试。"
FLAGGED = "⚠ 需核查"


class App:
    """The app's handlers over one Answerer; they hold no per-user state (gr.State does)."""

    def __init__(self, settings: Settings, answerer: Answerer):
        self.settings = settings
        self.answerer = answerer
        self.exports = Path(tempfile.mkdtemp(prefix="gongkai-csv-"))
        atexit.register(shutil.rmtree, self.exports, ignore_errors=True)
        # Questions are answered here so that one waiting on a stalled store can be given up on in time.
        self.asking = ThreadPoolExecutor(max_workers=2 * settings.ui_concurrency, thread_name_prefix="ask")

    def ask(self, conversation: Conversation, message: str):
        """The answer, or the message a user sees when a store's server is down or does not answer
        within settings.answer_timeout (the question may simply be asked again)."""
        future = self.asking.submit(conversation.ask, message)
        try:
            return future.result(timeout=self.settings.answer_timeout)
        except AnswerTimeout:
            future.cancel()  # not yet started: nobody is waiting for it any more
            log.warning("answering %r took over %s s", message, self.settings.answer_timeout)
            raise UserError(say("store_slow", language(message))) from None
        except StoreUnavailable as error:
            log.warning("answering %r: %s", message, error)
            raise UserError(say("store_unavailable", language(message))) from None

    def contexts(self, citations) -> list[dict]:
        """Each citation opening in its report's context; none while the store is unavailable."""
        try:
            store = self.answerer.searcher.store
            texts = {rid: store.text(rid) for rid in {c.report_id for c in citations}}
            return context_messages(citations, self.facts, texts)
        except StoreUnavailable as error:
            log.warning("citations shown without their context: %s", error)
            return []

    @property
    def facts(self):
        """The answerer's facts, reloaded when another process changed the store."""
        return self.answerer.facts

    # -- 问答 ----------------------------------------------------------------------------------
    def respond(self, message: str, history: list, previous):
        """Streams the answer sentence by sentence, then its citations, each opening in context."""
        history = list(history or [])
        message = (message or "").strip()
        if message:
            shown = message if len(message) <= 200 else message[:200] + "……"
            history.append({"role": "user", "content": literal(shown)})
        history.append({"role": "assistant", "content": "正在查找……"})
        yield "", list(history), previous
        conversation = Conversation(self.answerer, previous)
        try:
            answer = self.ask(conversation, message)
        except UserError as error:
            history[-1] = {"role": "assistant", "content": literal(str(error))}
            yield "", list(history), previous
            return
        except Exception:
            log.exception("answering %r failed", message)
            history[-1] = {"role": "assistant", "content": BUSY}
            yield "", list(history), previous
            return
        for shown in growing(answer.answer):
            history[-1] = {"role": "assistant", "content": shown}
            yield "", list(history), conversation.previous
        history[-1] = answer_message(answer.answer, answer.citations, answer.options)
        history.extend(self.contexts(answer.citations) if answer.citations else [])
        yield "", list(history), conversation.previous

    def choose(self, history: list, previous, event: gr.SelectData):
        """A button of a question back: asks the question it stands for."""
        yield from self.respond(str(event.value), history, previous)

    # -- 数据查询 --------------------------------------------------------------------------------
    def lookup(self, agencies: list[str], years: list, table: str, rows: list[str], columns: list[str],
               log: bool = False):
        if not agencies:
            raise gr.Error("请至少选择一个机关。")
        if not rows or not columns:
            raise gr.Error("请至少选择一行和一列。")
        if table not in TABLES or not ({*rows} <= {k for _, k in row_choices(table)}
                                       and {*columns} <= {k for _, k in column_choices(table)}):
            raise gr.Error("所选的行或列不属于这张表格，请重新选择。")
        ids, notes = select_reports(self.facts, agencies, [int(y) for y in years or []])
        try:
            items = figures(self.facts, ids, table, rows, columns)
        except StoreUnavailable as error:
            log.warning("figures: %s", error)
            raise gr.Error(say("store_unavailable", "zh")) from None
        if not items:
            notes.append("所选报告中没有这些单元格。")
        detail = pd.DataFrame([[f.agency, f.year, f.row_label, f.column_label, f.value_text or "—", f.unit,
                                "是" if f.derived else "", f.check, f.check_detail, f.source] for f in items],
                              columns=FIGURE_HEADERS)
        header, lines = side_by_side(items)
        order = list(dict.fromkeys(f.cell for f in items))
        chart = bars_html(sorted(items, key=lambda f: order.index(f.cell)), log)  # bars in the table's order
        text = to_csv(items)
        # Named by content: the same lookup reuses its file instead of adding one per click.
        path = self.exports / f"figures-{hashlib.sha1(text.encode()).hexdigest()[:12]}.csv"
        path.write_text(text, encoding="utf-8")
        note = "\n".join(f"- {n}" for n in notes) or f"共 {len(items)} 个单元格。"
        points = pd.DataFrame(trend(items), columns=["年度", "数值", "系列"])
        return (note, pd.DataFrame(lines, columns=header), detail, chart,
                gr.LinePlot(value=points, visible=not points.empty),
                gr.DownloadButton(value=str(path), interactive=bool(items)))

    # -- 报告 ------------------------------------------------------------------------------------
    def reports_table(self, flagged_only: bool = False) -> pd.DataFrame:
        """Every report (or only those flagged), the flagged marked: a failed check, a table not read,
        or an agency or year not found."""
        lines = []
        named = sorted(self.facts.reports.values(), key=lambda r: (r["agency"], r["year"]))
        years = agency_years(named)
        counts = self.facts.store.check_counts()  # one query, not one per report
        for r in named + sorted(self.facts.unnamed.values(), key=lambda r: r["file"]):
            if flagged_only and r["status"] != "flagged":
                continue
            statuses = counts.get(r["id"], {})
            lines.append([r["agency"] or f"（未识别：{r['file']}）", FLAGGED if r["status"] == "flagged" else "正常",
                          place_chain(r), r["level"], r["year"] or "",
                          provenance(r), "、".join(map(str, years.get(r["agency"], []))),
                          f"{statuses.get('pass', 0)}/{sum(statuses.values())} 通过", statuses.get("fail", 0),
                          statuses.get("skip", 0), len(r["warnings"]), r["id"]])
        return pd.DataFrame(lines, columns=["机关", "状态", "地区", "层级", "年度", "识别依据", "该机关各年度", "核对",
                                            "未通过", "未核对", "解析提示", "报告编号"])

    def open_report(self, report_id: str | None) -> str:
        if not report_id:
            return "<p>请选择一份报告。</p>"
        report = self.facts.reports.get(report_id) or self.facts.unnamed.get(report_id)
        if report is None:
            return "<p>没有这份报告。</p>"
        try:
            text = self.answerer.searcher.store.text(report_id)
            return report_html(report, text, self.facts.sections.get(report_id, []),
                               self.facts.cells.get(report_id, {}))
        except StoreUnavailable:
            return f"<p>{say('store_unavailable', 'zh')}</p>"


def create_app(settings: Settings, answerer: Answerer) -> gr.Blocks:
    app = App(settings, answerer)
    agencies = sorted({r["agency"] for r in app.facts.reports.values()})
    examples = example_questions(list(app.facts.reports.values()))
    years = sorted({r["year"] for r in app.facts.reports.values()})
    reports = sorted(app.facts.reports.values(), key=lambda r: (r["agency"], r["year"]))
    reports += sorted(app.facts.unnamed.values(), key=lambda r: r["file"])
    # delete_cache: exported CSV files are removed from Gradio's cache after an hour.
    with gr.Blocks(title="政府信息公开年报问答", delete_cache=(3600, 3600)) as demo:
        gr.Markdown("## 政府信息公开工作年度报告 · 问答与数据查询\n"
                    "答案中的每个数字都来自报告表格的单元格或报告原文，并附引用，点开引用可查看原文。")
        with gr.Tab("问答", id="chat"):
            chatbot = gr.Chatbot(label="对话", height=600, elem_id="chat", buttons=["copy"],
                                 placeholder="请输入关于政府信息公开年度报告的问题，例如某机关某年收到、办理、结转了多少件申请。")
            previous = gr.State(None)
            with gr.Row():
                question = gr.Textbox(placeholder="输入问题，按回车发送（500字以内）", show_label=False, scale=8,
                                      elem_id="question", max_lines=4)
                send = gr.Button("发送", variant="primary", scale=1, elem_id="send")
                clear = gr.Button("清空对话", scale=1, elem_id="clear")
            gr.Markdown("示例问题（点击即问）：")
            with gr.Row():
                example_buttons = [gr.Button(text, size="sm") for text in examples]
            # Callable by clients (benchmarks/load.py) but not a tool: the MCP tools are qa/tools/mcp.py's.
            question.submit(app.respond, [question, chatbot, previous], [question, chatbot, previous], api_name="chat",
                            api_visibility="undocumented")
            send.click(app.respond, [question, chatbot, previous], [question, chatbot, previous],
                       api_visibility="private")
            for button, text in zip(example_buttons, examples):
                button.click(app.respond, [gr.State(text), chatbot, previous], [question, chatbot, previous],
                             api_visibility="private")
            chatbot.option_select(app.choose, [chatbot, previous], [question, chatbot, previous],
                                  api_visibility="private")
            clear.click(lambda: ([], None, ""), None, [chatbot, previous, question], queue=False,
                        api_visibility="private")
        with gr.Tab("数据查询", id="figures"):
            with gr.Row():
                pick_agencies = gr.Dropdown(agencies, value=agencies[:2], multiselect=True, label="机关",
                                            elem_id="agencies")
                pick_years = gr.Dropdown(years, value=[], multiselect=True, label="年度（不选即全部）",
                                         elem_id="years")
                pick_table = gr.Dropdown([(TABLE_LABELS[t], t) for t in TABLES], value=APPLICATIONS, label="表格",
                                         elem_id="table")
            with gr.Row():
                pick_rows = gr.Dropdown(row_choices(APPLICATIONS), value=["new_received", "carried_forward"],
                                        multiselect=True, label="行", elem_id="rows")
                pick_columns = gr.Dropdown(column_choices(APPLICATIONS), value=["total"], multiselect=True,
                                           label="列", elem_id="columns")
            run = gr.Button("查询", variant="primary", elem_id="lookup")
            notes = gr.Markdown()
            compared = gr.Dataframe(label="对比", interactive=False, elem_id="compared")
            log_scale = gr.Checkbox(False, label="对数刻度（数值相差悬殊时，小的数也看得见）", elem_id="log-scale")
            chart = gr.HTML(label="对比图", elem_id="chart")
            trend_chart = gr.LinePlot(x="年度", y="数值", color="系列", label="历年走势（同一机关有多个年度时）",
                                      visible=False, elem_id="trend")
            detail = gr.Dataframe(label="明细（核对状态与原文行）", interactive=False, wrap=True, elem_id="detail")
            download = gr.DownloadButton("下载 CSV", interactive=False, elem_id="download")
            pick_table.change(lambda t: (gr.Dropdown(choices=row_choices(t), value=[row_choices(t)[0][1]]),
                                         gr.Dropdown(choices=column_choices(t), value=[column_choices(t)[-1][1]]
                                                     if t != "proactive" else [column_choices(t)[0][1]])),
                              pick_table, [pick_rows, pick_columns], queue=False, api_visibility="private")
            inputs = [pick_agencies, pick_years, pick_table, pick_rows, pick_columns, log_scale]
            outputs = [notes, compared, detail, chart, trend_chart, download]
            run.click(app.lookup, inputs, outputs, api_visibility="undocumented")
            log_scale.change(app.lookup, inputs, outputs, api_visibility="private")
        with gr.Tab("报告", id="reports"):
            only_flagged = gr.Checkbox(False, label=f"只看“{FLAGGED}”的报告（核对未通过、表格未读出或机关年度未识别）",
                                       elem_id="only-flagged")
            report_list = gr.Dataframe(app.reports_table(), label="已收录的报告（点击一行打开）", interactive=False,
                                       elem_id="report-list")
            only_flagged.change(app.reports_table, only_flagged, report_list, api_visibility="private")
            pick_report = gr.Dropdown([(f"{r['agency']} {r['year']}" if r['agency'] and r['year'] else r['file'], r["id"]) for r in reports], value=None,
                                      label="打开报告", elem_id="report")
            shown = gr.HTML(elem_id="report-view")
            pick_report.change(app.open_report, pick_report, shown, api_visibility="undocumented")

            def chosen(event: gr.SelectData) -> str:
                return event.row_value[-1]  # the row's 报告编号, whichever rows are shown

            report_list.select(chosen, None, pick_report, api_visibility="private")
        add_tools(answerer)
    return demo


def ensure_index(settings: Settings) -> None:
    """Builds the index when it is missing, empty or unreadable, with progress on the terminal."""
    rebuild = False
    if store_exists(settings):
        try:
            with open_store(settings) as store:
                if store.digests() and store.get_meta("embedder"):
                    return
        except UserError as error:
            # An outdated store is rebuilt; so is an unreadable SQLite file, but not a server that cannot be reached.
            if backend(settings) != "sqlite" and not isinstance(error, StoreVersionError):
                raise
            print(f"{error}\n正在重建索引。", file=sys.stderr)
            rebuild = True
    print(f"正在建立索引：{settings.corpus_dir} → {location(settings)}（报告多时需要几分钟）", file=sys.stderr)
    result = build(settings, rebuild=rebuild, progress=True)
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    print(f"索引完成：{result.summary()}", file=sys.stderr)


def auth_from_env() -> tuple[str, str] | None:
    user, password = (os.environ.get(name, "") for name in AUTH_ENV)
    if bool(user) != bool(password):
        raise UserError(f"set both {AUTH_ENV[0]} and {AUTH_ENV[1]} to require a login, or neither")
    return (user, password) if user else None


def port_from_env() -> int:
    text = os.environ.get("GRADIO_SERVER_PORT", "") or str(DEFAULT_PORT)
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise UserError(f"GRADIO_SERVER_PORT must be a port number, not {text!r}")
    return int(text)


def launch(settings: Settings, answerer: Answerer, **options):
    """Starts the app with its queue; returns what gr.Blocks.launch returns."""
    demo = create_app(settings, answerer)
    demo.queue(default_concurrency_limit=settings.ui_concurrency, max_size=settings.ui_queue_size)
    return demo, demo.launch(server_name=os.environ.get("GRADIO_SERVER_NAME") or "127.0.0.1",
                             server_port=port_from_env(), auth=auth_from_env(),
                             auth_message="请登录后使用。", show_error=False, mcp_server=True,
                             app_kwargs={"routes": [health_route(settings)]}, **options)


def health_route(settings: Settings):
    """GET /health: each store's reachability as JSON (index/health.py), 503 when one is down; outside
    the login, for a load balancer's checks."""
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    def check(request):
        report = health(settings)
        return JSONResponse(report, status_code=200 if report["healthy"] else 503)

    return Route("/health", check, methods=["GET"])


def main() -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    # each failed connection attempt during an outage; the app logs each question it could not answer
    logging.getLogger("psycopg.pool").setLevel(logging.ERROR)
    settings = Settings.from_env()
    try:
        auth_from_env()
        port_from_env()
        ensure_index(settings)
        answerer = Answerer(settings)
        for question in example_questions(list(answerer.facts.reports.values()))[::4]:
            answerer.ask(question)  # a figure and a text question: the first user waits for no lazy load
        answerer.meanings  # noqa: B018 (the template's rows by meaning, embedded before anyone asks)
        launch(settings, answerer)
    except UserError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
