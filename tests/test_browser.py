"""End to end in a real headless Chromium: `archive serve` on a fresh seed index.

A reader types a traditional-script name, sees the simplified document with
the name highlighted, narrows by region with a facet, and reloads the URL to
get the same page back. Chromium and chromedriver come from Debian packages
(`.ci/run` installs them); without them this test fails and says so, it never
skips quietly.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import parse_qs, urlparse

import pytest

from .conftest import SEEDS

pytestmark = pytest.mark.browser

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--window-size=1280,1000"]
INSTALL_HINT = "apt-get update && apt-get install -y chromium chromium-driver (see .ci/run)"


def find_program(*names: str) -> str:
    for name in names:
        # Debian puts both in /usr/bin, which a minimal PATH may lack.
        path = shutil.which(name) or (f"/usr/bin/{name}" if os.path.exists(f"/usr/bin/{name}") else None)
        if path:
            return path
    pytest.fail(f"the browser test needs {' or '.join(names)}: {INSTALL_HINT}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def archive(*args: str) -> list[str]:
    return [sys.executable, "-m", "archive.cli", *args]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`archive serve` on its own seed index and a free loopback port; stopped after the tests."""
    root = tmp_path_factory.mktemp("browser")
    index = root / "index"
    subprocess.run(archive("reindex", str(SEEDS), "--index", str(index), "--workers", "1"),
                   check=True, capture_output=True, timeout=300)
    port = free_port()
    log = open(root / "serve.log", "wb")
    process = subprocess.Popen(archive("serve", "--index", str(index), "--host", "127.0.0.1",
                                       "--port", str(port)), stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/", timeout=5) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("archive serve did not come up: " + (root / "serve.log").read_text(errors="replace"))
        time.sleep(0.2)
    yield base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = find_program("chromium", "chromium-browser")
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options,
                              service=Service(executable_path=find_program("chromedriver")))
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()


def visible_state(driver) -> dict:
    """What a reader sees of a results page, minus the time it took."""
    from selenium.webdriver.common.by import By

    return {
        "total": driver.find_element(By.CSS_SELECTOR, "#summary strong").text,
        "hits": [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".hits h2 a")],
        "marks": [m.text for m in driver.find_elements(By.CSS_SELECTOR, ".hits mark")],
        "chips": [c.text for c in driver.find_elements(By.CSS_SELECTOR, ".chips li")],
        "facets": driver.find_element(By.CSS_SELECTOR, "aside.facets").text,
        "query": driver.find_element(By.ID, "q").get_attribute("value"),
    }


def test_traditional_name_finds_simplified_document_then_region_facet_then_reload(server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(server + "/")
    box = wait.until(EC.element_to_be_clickable((By.ID, "q")))
    assert box.get_attribute("placeholder")
    box.send_keys("任俊潔")
    box.send_keys(Keys.ENTER)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".hits li")))
    assert parse_qs(urlparse(browser.current_url).query) == {"q": ["任俊潔"]}

    # The document is written in simplified script: the traditional query lights it up there.
    hit = browser.find_element(By.CSS_SELECTOR, ".hits li")
    assert hit.get_attribute("lang") == "zh-Hans"
    marks = [m.text for m in hit.find_elements(By.CSS_SELECTOR, ".snippet mark")]
    assert marks and set(marks) == {"任俊洁"}
    assert "四川省 › 绵阳市 › 游仙区 › 新桥镇" in hit.text
    mark_color = hit.find_element(By.CSS_SELECTOR, "mark").value_of_css_property("background-color")
    assert mark_color not in ("rgba(0, 0, 0, 0)", "transparent")   # the stylesheet loaded

    # Narrow by region with a facet link.
    region_link = browser.find_element(By.XPATH, "//section[@aria-labelledby='facet-region']//a[text()='四川省']")
    region_link.click()
    wait.until(lambda driver: "region=51" in driver.current_url)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".chips li")))
    narrowed = visible_state(browser)
    assert narrowed["total"] == "1" and narrowed["chips"][0].startswith("地区 四川省")
    assert narrowed["query"] == "任俊潔" and "绵阳市" in narrowed["facets"]

    # The URL is the whole state: reloading it, or opening it afresh, gives the same page.
    url = browser.current_url
    browser.refresh()
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".chips li")))
    assert visible_state(browser) == narrowed
    browser.get("about:blank")
    browser.get(url)
    wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, ".chips li")))
    assert visible_state(browser) == narrowed

    # Keyboard: "/" jumps to the search box (static script, allowed by the CSP).
    browser.find_element(By.TAG_NAME, "body").send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "q"
    problems = [entry["message"] for entry in browser.get_log("browser")
                if entry["level"] == "SEVERE" or "Content Security Policy" in entry["message"]]
    assert not problems, problems


def test_document_page_toggles_script_in_the_browser(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/doc/001_0c41b430a93a6d9e?q=杨国昕")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hant"
    assert "楊國昕" in [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".text mark")]
    browser.find_element(By.LINK_TEXT, "简体").click()
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hans"
    assert "杨国昕" in [m.text for m in browser.find_elements(By.CSS_SELECTOR, ".text mark")]


def test_on_a_phone_the_filters_are_one_control_above_the_hits(server, browser):
    from selenium.webdriver.common.by import By

    def region_link():
        return browser.find_element(By.XPATH, "//section[@aria-labelledby='facet-region']//a[text()='四川省']")

    try:
        browser.set_window_size(390, 844)
        browser.get(server + "/search?q=书记")
        summary = browser.find_element(By.CSS_SELECTOR, "details.filters > summary")
        first_hit = browser.find_element(By.CSS_SELECTOR, ".hits li")
        assert summary.is_displayed() and "筛选" in summary.text and "Filters" in summary.text
        assert summary.rect["y"] + summary.rect["height"] <= first_hit.rect["y"]
        assert summary.rect["y"] < 200                       # on the first screen
        assert not region_link().is_displayed()              # folded away until asked for
        summary.click()                                       # a <details>: no script involved
        assert region_link().is_displayed()
        region_link().click()
        assert "region=51" in browser.current_url
        # Active filters are counted on the closed control.
        assert "· 1" in browser.find_element(By.CSS_SELECTOR, "details.filters > summary").text
    finally:
        browser.set_window_size(1280, 1000)
    # On a wide screen the same filters are an open sidebar to the right of the hits.
    browser.get(server + "/search?q=书记")
    assert not browser.find_element(By.CSS_SELECTOR, "details.filters > summary").is_displayed()
    assert region_link().is_displayed()
    assert region_link().rect["x"] > browser.find_element(By.CSS_SELECTOR, ".hits li").rect["x"] + 400


def test_the_script_toggle_converts_title_and_officials_in_the_browser(server, browser):
    from selenium.webdriver.common.by import By

    browser.get(server + "/doc/000_13eb6cda136f1765?q=新桥镇")
    title = browser.find_element(By.TAG_NAME, "h1").text
    assert "新桥镇" in title
    browser.find_element(By.LINK_TEXT, "繁體").click()
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-Hant"
    converted = browser.find_element(By.TAG_NAME, "h1")
    assert "新橋鎮" in converted.text and [m.text for m in converted.find_elements(By.TAG_NAME, "mark")] == ["新橋鎮"]
    officials = [o.text for o in browser.find_elements(By.CSS_SELECTOR, ".metadata .official")]
    assert any("任俊潔" in o for o in officials) and not any("任俊洁" in o for o in officials)


# Every control a thumb aims at on a phone, with its size; headings' links and
# links in running text are exempt from WCAG 2.5.8 and keep the line's height.
_SMALL_TARGETS = """
for (const d of document.querySelectorAll('details')) d.open = true;
const small = [];
for (const t of document.querySelectorAll('a, button, summary, input, select')) {
  if (t.closest('h1, h2, .text, .snippet, svg')) continue;
  const r = t.getBoundingClientRect();
  if (r.width && r.height && (r.width < 24 || r.height < 24))
    small.push(`${t.tagName} "${t.textContent.trim()}" ${Math.round(r.width)}x${Math.round(r.height)}`);
}
return small;
"""


def test_on_a_phone_every_standalone_link_is_at_least_24_px(server, browser):
    try:
        browser.set_window_size(390, 844)
        for path in ("/", "/search?q=书记", "/search?q=书记&region=51", "/doc/001_0c41b430a93a6d9e?q=杨国昕",
                     "/official/任俊洁", "/search?q=没有这个词"):
            browser.get(server + path)
            assert browser.execute_script(_SMALL_TARGETS) == [], path
    finally:
        browser.set_window_size(1280, 1000)
