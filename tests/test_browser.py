"""The app as a user drives it: `python ui.py` served over the session's seed index, and
Debian's Chromium, headless, under Playwright. Screenshots go to artifacts/browser/.

Install the browser with `make browser` (Debian packages chromium, chromium-driver and a
Chinese font); Playwright never downloads one here.
"""

import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO
from tests.servers import free_port

CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
# Without the networking flags Chromium keeps calling Google's hosts, which this closed network refuses.
FLAGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu",
         "--no-first-run", "--disable-sync"]
ARTIFACTS = REPO / "artifacts" / "browser"
START_TIMEOUT = 180  # seconds: loading the models and the index


@contextmanager
def serving(settings, log_dir: Path):
    """`python ui.py` on a free port over a built index; yields its URL."""
    port = free_port()
    log = log_dir / "ui.log"
    env = dict(os.environ, GONGKAI_DATA_DIR=str(settings.data_dir), GONGKAI_CORPUS_DIR=str(settings.corpus_dir),
               GRADIO_SERVER_PORT=str(port), GRADIO_TEMP_DIR=str(log_dir / "gradio"))
    env.pop("GONGKAI_UI_USER", None)
    with open(log, "w") as out:
        process = subprocess.Popen([sys.executable, "ui.py"], cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"ui.py exited with {process.returncode}:\n{log.read_text()}")
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"ui.py did not answer within {START_TIMEOUT} s:\n{log.read_text()}")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextmanager
def browsing():
    """Debian's Chromium under Playwright (the browser; pages are opened by the caller)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; install it with: make browser")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(seed_store, tmp_path_factory):
    """`python ui.py` on a free port, over the already-built seed index."""
    with serving(seed_store, tmp_path_factory.mktemp("ui")) as url:
        yield url


@pytest.fixture(scope="module")
def page(server):
    with browsing() as browser:
        context = browser.new_context(viewport={"width": 1280, "height": 1000}, locale="zh-CN", accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.goto(server)
        yield page


def clear_chat(page) -> None:
    """Clear the chat and wait until it is clear: the clearing also empties the question box, and a
    question typed before that arrives would be lost."""
    from playwright.sync_api import expect

    if page.locator("#chat .message-row").count() == 0:
        return  # (a click now would empty the box after the next question is typed: nothing proves it done)
    page.click("#clear")
    expect(page.locator("#chat .message-row")).to_have_count(0)  # the same reply empties the question box


def shot(page, name: str, full_page: bool = True) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)


def test_ask_read_the_answer_and_open_its_citation(page):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="问答").click()
    page.fill("#question textarea", "聊城市2024年结转了多少件申请？")
    page.press("#question textarea", "Enter")
    chat = page.locator("#chat")
    expect(chat.get_by_text("[1] 查看原文：")).to_be_visible()
    expect(chat).to_contain_text("结转下年度继续办理（总计）30件[1]")
    expect(chat).to_contain_text("[1] 聊城市人民政府2024年度报告 · 三、收到和处理政府信息公开申请情况 · 结转下年度继续办理 × 总计")
    shot(page, "01-answer")

    chat.get_by_text("[1] 查看原文：").click()
    cited = chat.locator('td[style*="outline"]')
    expect(cited).to_have_count(1)
    expect(cited).to_have_text("30")
    expect(chat).to_contain_text("原文行：四、结转下年度继续办理 29 1 0 0 0 30")
    page.wait_for_timeout(1000)  # the citation opens with an animation; scroll once it has its height
    cited.scroll_into_view_if_needed()
    expect(cited).to_be_in_viewport()
    shot(page, "02-citation", full_page=False)

    page.fill("#question textarea", "那淄博市政府办公室呢？")
    page.press("#question textarea", "Enter")
    expect(chat).to_contain_text("淄博市人民政府办公室2024年度报告")


def test_a_question_over_the_limit_gets_a_message(page):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="问答").click()
    clear_chat(page)
    page.fill("#question textarea", "聊" * 501)
    page.click("#send")
    expect(page.locator("#chat")).to_contain_text("问题太长：501 个字符，上限 500")


def choose(page, dropdown: str, names: list[str]) -> None:
    """Replace a multiselect's choices by typing each name and picking it from the list."""
    box = page.locator(dropdown)
    while box.locator(".token-remove").count():
        box.locator(".token-remove").first.click()
    for name in names:
        box.locator("input").fill(name)
        page.get_by_role("option", name=name).click()


def test_compare_two_agencies_in_the_figures_tab_and_export(page):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="数据查询").click()
    choose(page, "#agencies", ["聊城市人民政府", "淄博市人民政府办公室"])
    page.click("#lookup")
    compared = page.locator("#compared")
    expect(compared).to_contain_text("聊城市人民政府 2024")
    expect(compared).to_contain_text("淄博市人民政府办公室 2024")
    expect(compared).to_contain_text("1951")
    expect(compared).to_contain_text("245")
    expect(page.locator("#detail")).to_contain_text("通过")
    chart = page.locator("#chart")
    expect(chart).to_contain_text("新收·总计")  # the cell's short name, the value written beside its bar
    expect(chart).to_contain_text("1951")
    shot(page, "03-figures")

    with page.expect_download() as download:
        page.click("#download")
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert "liaocheng-gov-2024" in text and "zibo-gov-office-2024" in text and ",1951," in text


def test_open_a_report_by_section_with_its_tables(page):
    from playwright.sync_api import expect

    page.get_by_role("tab", name="报告").click()
    page.locator("#report-list").get_by_text("聊城市人民政府", exact=True).click()
    view = page.locator("#report-view")
    expect(view).to_contain_text("聊城市人民政府2024年政府信息公开工作年度报告")
    expect(view).to_contain_text("一、总体情况")
    expect(view.locator("table")).to_have_count(3)
    shot(page, "04-report")
