"""`ebookify serve` in a real browser (headless Debian Chromium): drop the two example stories, edit a
title, reorder them, set the book's title, build the EPUB, download it, and check it with EPUBCheck.
Screenshots of the page are left in the test's tmp folder (pytest keeps the last runs' folders)."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import Any

from tests.browser import chromium, require_chromium, serving
from tests.epubcheck import check_one, require_java

EXAMPLES = Path(__file__).parent.parent / "examples"
EDITED = "Goodbye, My Almost Lover (edited)"

DROP_FILE = """
const [text, name] = arguments;
const transfer = new DataTransfer();
transfer.items.add(new File([text], name, {type: "text/plain"}));
document.getElementById("drop").dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true}));
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


def test_drop_edit_reorder_build_download(tmp_path: Path) -> None:
    require_chromium()
    require_java()
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    downloads, temporary = tmp_path / "downloads", tmp_path / "tmp"
    downloads.mkdir()
    temporary.mkdir()
    goodbye, change = EXAMPLES / "goodbye-my-almost-lover.txt", EXAMPLES / "change-of-plans.txt"
    with serving(temporary) as url, chromium(1280, 900, downloads) as driver:
        driver.execute_cdp_cmd(
            "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
        )
        driver.get(url)
        # One story dropped on the drop zone, the other through the file picker.
        driver.execute_script(DROP_FILE, goodbye.read_text(encoding="utf-8"), goodbye.name)
        _wait(driver, lambda d: _names(d) == ["Goodbye, my almost lover"])
        driver.find_element(By.ID, "files").send_keys(str(change))
        _wait(driver, lambda d: _names(d) == ["Goodbye, my almost lover", "Change of Plans"])
        _idle(driver)

        # Edit the first story's title in its form.
        driver.find_element(By.CSS_SELECTOR, "#stories li:first-child .story-name").click()
        _idle(driver)
        title = driver.find_element(By.ID, "meta-title")
        assert title.get_attribute("value") == "Goodbye, my almost lover"
        title.clear()
        title.send_keys(EDITED)
        driver.find_element(By.CSS_SELECTOR, "#meta-form button[type=submit]").click()
        _wait(driver, lambda d: _names(d)[0] == EDITED)
        _idle(driver)

        # Reorder with the keyboard: the edited story moves down, after "Change of Plans".
        down = driver.find_element(By.CSS_SELECTOR, "#stories li:first-child [data-action=down]")
        down.send_keys(Keys.ENTER)
        _wait(driver, lambda d: _names(d) == ["Change of Plans", EDITED])
        _idle(driver)

        book_title = driver.find_element(By.ID, "book-title")
        book_title.send_keys("Browser Test Book", Keys.TAB)  # saved when the field loses focus
        _idle(driver)
        driver.find_element(By.ID, "build-epub").click()
        link = _wait(driver, lambda d: d.find_elements(By.ID, "download-epub"), 60)[0]
        link.click()
        books = _wait(driver, lambda d: [p for p in downloads.glob("*.epub")], 30)
        _wait(driver, lambda d: not list(downloads.glob("*.crdownload")), 30)

        driver.find_element(By.CSS_SELECTOR, "#stories li:last-child .story-name").click()
        _idle(driver)
        assert EDITED in driver.find_element(By.ID, "story-heading").text
        time.sleep(0.5)  # the preview frame's stylesheet
        driver.save_screenshot(str(tmp_path / "page-1280.png"))
        driver.find_element(By.ID, "preview").screenshot(str(tmp_path / "preview.png"))

    assert [p.name for p in books] == ["Browser Test Book.epub"]
    assert check_one(books[0]) == []
    book_name, nav = _epub_title_and_order(books[0])
    assert book_name == "Browser Test Book"
    assert nav.index("Change of Plans") < nav.index("Goodbye, My Almost Lover (edited)")
    assert (tmp_path / "preview.png").stat().st_size > 10_000
    # The server stopped: every session folder is gone.
    assert [p.name for p in temporary.iterdir() if p.name.startswith("ebookify-web-")] == []
