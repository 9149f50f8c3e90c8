"""`ebookify serve` in a real browser (headless Debian Chromium): drop the two example stories, edit a
title, reorder them, set the book's title, build the EPUB, download it, and check it with EPUBCheck.
Screenshots of the page are left in the test's tmp folder (pytest keeps the last runs' folders)."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.browser import chromium, require_chromium, serving
from tests.epubcheck import check_one, require_java

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

EXAMPLES = Path(__file__).parent.parent / "examples"
EDITED = "Goodbye, My Almost Lover (edited)"

DROP_FILE = """
const [text, name] = arguments;
const transfer = new DataTransfer();
transfer.items.add(new File([text], name, {type: "text/plain"}));
document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true}));
"""

DRAG_SECOND_ONTO_FIRST = """
const [first, second] = document.querySelectorAll("#stories li");
const transfer = new DataTransfer();
second.dispatchEvent(new DragEvent("dragstart", {dataTransfer: transfer, bubbles: true}));
const box = first.getBoundingClientRect();
const at = {dataTransfer: transfer, bubbles: true, cancelable: true, clientY: box.top + 2};
first.dispatchEvent(new DragEvent("dragover", at));
first.dispatchEvent(new DragEvent("drop", at));
"""


def _wait(driver: Any, condition: Any, seconds: float = 20) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, seconds, poll_frequency=0.1).until(condition)


def _idle(driver: Any) -> None:
    """Wait until the page has no request under way (it redraws the list when each one ends)."""
    _wait(driver, lambda d: d.execute_script("return !document.body.hasAttribute('aria-busy')"), 60)


def _names(driver: Any) -> list[str]:
    """The stories' names in the list, read in one step (the list is redrawn after every change)."""
    names: list[str] = driver.execute_script(
        "return [...document.querySelectorAll('#stories .story-name')].map((e) => e.textContent)"
    )
    return names


def _epub_title_and_order(path: Path) -> tuple[str, str]:
    with zipfile.ZipFile(path) as epub:
        opf = next(n for n in epub.namelist() if n.endswith(".opf"))
        package = epub.read(opf).decode()
        nav = epub.read(next(n for n in epub.namelist() if n.endswith("nav.xhtml"))).decode()
    title = package.split("<dc:title", 1)[1].split(">", 1)[1].split("<", 1)[0]
    return title, nav


def _add_stories(driver: WebDriver) -> None:
    """One example story dropped on the drop zone, the other given to the file picker."""
    from selenium.webdriver.common.by import By

    goodbye, change = EXAMPLES / "goodbye-my-almost-lover.txt", EXAMPLES / "change-of-plans.txt"
    driver.execute_script(DROP_FILE, goodbye.read_text(encoding="utf-8"), goodbye.name)
    _wait(driver, lambda d: _names(d) == ["Goodbye, my almost lover"])
    driver.find_element(By.ID, "files").send_keys(str(change))
    _wait(driver, lambda d: _names(d) == ["Goodbye, my almost lover", "Change of Plans"])
    _idle(driver)


def _edit_title(driver: WebDriver) -> None:
    """The first story's title changed in its form."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.find_element(By.CSS_SELECTOR, "#stories li:first-child .story-name").click()
    _idle(driver)
    title = driver.find_element(By.ID, "meta-title")
    assert title.get_attribute("value") == "Goodbye, my almost lover"
    # As a person does it: select the old title and type over it (WebDriver's clear() would leave the
    # field and so save an empty title first, racing with the typing).
    title.send_keys(Keys.CONTROL, "a")
    title.send_keys(EDITED)
    driver.find_element(By.CSS_SELECTOR, "#meta-form button[type=submit]").click()
    _wait(driver, lambda d: _names(d)[0] == EDITED)
    _idle(driver)


def _press(driver: WebDriver, selector: str, names: list[str]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.find_element(By.CSS_SELECTOR, selector).send_keys(Keys.ENTER)
    _wait(driver, lambda d: _names(d) == names)
    _idle(driver)


def _reorder(driver: WebDriver) -> None:
    """By dragging, then with the keyboard (up, down again); the keyboard stays on the story moved."""
    driver.execute_script(DRAG_SECOND_ONTO_FIRST)
    _wait(driver, lambda d: _names(d) == ["Change of Plans", EDITED])
    _idle(driver)
    _press(driver, "#stories li:last-child [data-action=up]", [EDITED, "Change of Plans"])
    focused = driver.switch_to.active_element
    assert focused.get_attribute("class") == "story-name" and focused.text == EDITED  # no "up" at the top
    _press(driver, "#stories li:first-child [data-action=down]", ["Change of Plans", EDITED])
    assert driver.switch_to.active_element.text == EDITED  # no "down" at the bottom: the story's name


def _build_and_download(driver: WebDriver, downloads: Path) -> Path:
    """The book's title set, the EPUB made and downloaded by the browser."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.find_element(By.ID, "book-title").send_keys("Browser Test Book", Keys.TAB)  # saved on leaving
    _idle(driver)
    driver.find_element(By.ID, "build-epub").click()
    _wait(driver, lambda d: d.find_elements(By.ID, "download-epub"), 60)[0].click()
    books: list[Path] = _wait(driver, lambda d: list(downloads.glob("*.epub")), 30)
    _wait(driver, lambda d: not list(downloads.glob("*.crdownload")), 30)
    assert [p.name for p in books] == ["Browser Test Book.epub"]
    return books[0]


@pytest.mark.slow  # EPUBCheck and a browser: in `make test` (failing without Chromium), not `make check`
def test_drop_edit_reorder_build_download(tmp_path: Path) -> None:
    require_chromium()
    require_java()
    from selenium.webdriver.common.by import By

    downloads, temporary = tmp_path / "downloads", tmp_path / "tmp"
    downloads.mkdir()
    temporary.mkdir()
    with serving(temporary) as url, chromium(1280, 900, downloads) as driver:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        driver.get(url)
        _add_stories(driver)
        _edit_title(driver)
        _reorder(driver)
        book = _build_and_download(driver, downloads)
        driver.find_element(By.CSS_SELECTOR, "#stories li:last-child .story-name").click()
        _idle(driver)
        assert EDITED in driver.find_element(By.ID, "story-heading").text
        time.sleep(0.5)  # the preview frame's stylesheet
        driver.save_screenshot(str(tmp_path / "page-1280.png"))
        driver.find_element(By.ID, "preview").screenshot(str(tmp_path / "preview.png"))

    assert check_one(book) == []
    book_name, nav = _epub_title_and_order(book)
    assert book_name == "Browser Test Book"
    assert nav.index("Change of Plans") < nav.index(EDITED)
    assert (tmp_path / "preview.png").stat().st_size > 10_000
    # The server stopped: every session folder is gone.
    assert [p.name for p in temporary.iterdir() if p.name.startswith("ebookify-web-")] == []
