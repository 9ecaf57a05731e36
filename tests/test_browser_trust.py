"""Issue 23 as a person sees it, at desk (1400 px) and phone (400 px) widths: the questions of its "Why"
typed into the chat, a question back's buttons, a summary, totals and comparisons, what reports do not
hold, a table whose identity fails (its conflict, its red cells, the clerk's Chinese checks, the flagged
list), and the phone's sideways-scrolling table and chart. Screenshots go to artifacts/browser/.

The app serves a copy of the seed index in which Zibo's report prints its 行政复议 row as
10 维持 + 1 纠正 but 总计 0 (only that report is re-read and re-embedded)."""

import shutil

import pytest

from index import Settings, build
from tests.conftest import zibo_failing_review
from tests.test_browser import browsing, clear_chat, serving, shot

WIDTHS = (1400, 400)


@pytest.fixture(scope="module")
def damaged(seed_store, tmp_path_factory):
    root = tmp_path_factory.mktemp("trust")
    shutil.copytree(seed_store.data_dir, root / "data")
    shutil.copytree(seed_store.corpus_dir, root / "corpus")
    text = zibo_failing_review()
    (root / "corpus" / "reports" / "zibo-gov-office-2024.txt").write_text(text, encoding="utf-8")
    settings = Settings(data_dir=root / "data", corpus_dir=root / "corpus")
    result = build(settings, progress=False)
    assert not result.errors and result.embedded == ["zibo-gov-office-2024"], result
    return settings


@pytest.fixture(scope="module")
def pages(damaged, tmp_path_factory):
    """One page per width, over the damaged copy."""
    from playwright.sync_api import expect

    expect.set_options(timeout=30_000)  # the first answers wait for the models to load
    with serving(damaged, tmp_path_factory.mktemp("ui")) as url, browsing() as browser:
        out = {}
        for width in WIDTHS:
            page = browser.new_context(viewport={"width": width, "height": 1000}, locale="zh-CN").new_page()
            page.set_default_timeout(30_000)
            page.goto(url)
            out[width] = page
        yield out


def ask(page, question: str) -> None:
    from playwright.sync_api import expect

    asked = page.locator("#chat .user-row").count()
    page.fill("#question textarea", question)
    page.press("#question textarea", "Enter")
    expect(page.locator("#chat .user-row")).to_have_count(asked + 1)
    expect(page.locator("#chat")).not_to_contain_text("正在查找")


def last_answer(page):
    """The answer to the last question (its citations' context messages follow it)."""
    rows = page.locator("#chat .message-row")
    at = rows.evaluate_all("rs => rs.map(r => r.classList.contains('user-row')).lastIndexOf(true)")
    return rows.nth(at + 1)


def shot_answer(page, name: str) -> None:
    """A screenshot with the last answer's start at the top of the chat (which scrolls to its end)."""
    page.wait_for_timeout(500)  # the chat scrolls itself to its end once an answer is in; then scroll back
    last_answer(page).evaluate("row => { const wrap = row.closest('.bubble-wrap');"
                               " wrap.scrollTop += row.getBoundingClientRect().top - wrap.getBoundingClientRect().top;"
                               " wrap.scrollIntoView({block: 'start'}); }")
    page.wait_for_timeout(300)
    shot(page, name, full_page=False)


@pytest.mark.parametrize("width", WIDTHS)
def test_not_disclosed_is_answered_in_each_reading_and_followed(pages, width):
    from playwright.sync_api import expect

    page = pages[width]
    page.get_by_role("tab", name="问答").click()
    clear_chat(page)
    ask(page, "济南市政府办公厅2024年有多少申请没有公开")
    chat = page.locator("#chat")
    expect(chat).to_contain_text("“没有公开”可以有不同的理解")
    expect(chat).to_contain_text("不予公开（总计）86件")
    expect(chat).not_to_contain_text("537件")
    ask(page, "那济宁呢？")
    expect(chat).to_contain_text("济宁市行政审批服务局2024年度报告：按“决定不予公开”理解，不予公开（总计）0件")
    shot_answer(page, f"23-1-not-disclosed-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_question_back_offers_buttons_that_ask(pages, width):
    from playwright.sync_api import expect

    page = pages[width]
    clear_chat(page)
    ask(page, "淄博市政府办公室2024年办理结果里，那种既不算公开、也不算拒绝或给不了，只能算别的情况处理掉的有几件？")
    buttons = page.locator("#chat button.option")
    expect(buttons).to_have_count(3)
    shot_answer(page, f"23-1-question-back-{width}")
    label = buttons.first.inner_text()
    buttons.first.click()
    expect(page.locator("#chat .user-row")).to_have_count(2)
    expect(page.locator("#chat")).not_to_contain_text("正在查找")
    expect(last_answer(page)).to_contain_text("[1]")
    expect(page.locator("#chat .user-row").last).to_contain_text(label.split(" · ")[-1].strip())


@pytest.mark.parametrize("width", WIDTHS)
def test_a_summary_quotes_the_report_and_gives_its_key_figures(pages, width):
    from playwright.sync_api import expect

    page = pages[width]
    clear_chat(page)
    ask(page, "总结一下聊城市2024年政府信息公开工作")
    answer = last_answer(page)
    expect(answer).to_contain_text("概要")
    expect(answer).to_contain_text("2024 年，主动公开市政府和市政府办公室政策文件 34 件")
    expect(answer).to_contain_text("本年新收政府信息公开申请数量（总计）1951件")
    expect(answer).to_contain_text("行政复议（总计）126件")
    shot_answer(page, f"23-2-summary-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_totals_and_comparisons_are_computed_with_their_working(pages, width):
    from playwright.sync_api import expect

    page = pages[width]
    clear_chat(page)
    ask(page, "2024年所有机关一共收到多少件申请？")
    expect(last_answer(page)).to_contain_text("合计2760件（计算所得：537 + 27 + 245 + 1951 = 2760）")
    ask(page, "这几个市2024年一共收到多少件申请？")
    expect(last_answer(page)).to_contain_text("合计2760件")
    ask(page, "2024年聊城和淄博哪个收到的申请多？多多少？")
    expect(last_answer(page)).to_contain_text("聊城市人民政府比淄博市人民政府办公室多1706件（计算所得：1951 − 245 = 1706）")
    shot_answer(page, f"23-3-totals-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_what_reports_do_not_hold_is_said_without_a_quote(pages, width):
    from playwright.sync_api import expect

    page = pages[width]
    clear_chat(page)
    ask(page, "我要怎么申请政府信息公开？")
    answer = last_answer(page)
    expect(answer).to_contain_text("不讲如何申请")
    expect(answer).not_to_contain_text("件[1]")
    shot_answer(page, f"23-5-out-of-scope-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_a_failed_identity_is_answered_with_its_conflict_and_red_cells(pages, width):
    from playwright.sync_api import expect

    page = pages[width]
    clear_chat(page)
    ask(page, "淄博市政府办公室2024年行政复议多少件")
    chat = page.locator("#chat")
    expect(last_answer(page)).to_contain_text("该行各项（结果维持、结果纠正、其他结果、尚未审结）为10、1、0、0，合计11，但“总计”印为0")
    expect(chat).not_to_contain_text("行政复议（总计）0件")
    chat.get_by_text("[1] 查看原文：").click()
    red = chat.locator('td[style*="#dc2626"]')
    expect(red.first).to_be_visible()
    page.wait_for_timeout(800)
    red.first.scroll_into_view_if_needed()
    shot(page, f"23-6-conflict-{width}", full_page=False)
    # on a phone the cited table scrolls sideways in its box, its numbers whole
    box = chat.locator('div[style*="overflow-x:auto"]').first
    widths = box.evaluate("b => [b.scrollWidth, b.clientWidth]")
    if width == 400:
        assert widths[0] > widths[1], widths
    lines = red.first.evaluate("c => { const r = document.createRange(); r.selectNodeContents(c);"
                               " return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size }")
    assert lines == 1  # “10” on one line, never broken


@pytest.mark.parametrize("width", WIDTHS)
def test_the_clerk_sees_flagged_reports_and_checks_in_chinese(pages, width):
    from playwright.sync_api import expect

    page = pages[width]
    page.get_by_role("tab", name="报告").click()
    listing = page.locator("#report-list")
    expect(listing).to_contain_text("⚠ 需核查")
    page.locator("#only-flagged input").check()
    expect(listing).to_contain_text("淄博市人民政府办公室")
    expect(listing).not_to_contain_text("聊城市人民政府")
    listing.get_by_test_id("cell-0-0").click()  # the one row left: the flagged report
    view = page.locator("#report-view")
    expect(view).to_contain_text("10 + 1 + 0 + 0 = 11 ≠ 0（印）")
    expect(view.locator('td[style*="#dc2626"]').first).to_be_visible()
    shot(page, f"23-7-clerk-{width}")
    page.locator("#only-flagged input").uncheck()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_chart_names_cells_by_short_names_and_has_a_log_scale(pages, width):
    from playwright.sync_api import expect

    from tests.test_browser import choose

    page = pages[width]
    page.get_by_role("tab", name="数据查询").click()
    choose(page, "#agencies", ["聊城市人民政府", "济宁市行政审批服务局"])
    page.click("#lookup")
    chart = page.locator("#chart")
    expect(chart).to_contain_text("新收·总计")
    expect(chart).to_contain_text("1951")
    page.locator("#log-scale input").check()
    expect(chart).to_contain_text("对数")
    shot(page, f"23-8-chart-{width}")
    page.locator("#log-scale input").uncheck()
