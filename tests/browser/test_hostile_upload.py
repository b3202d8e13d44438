"""Uploading files in the real app (Chromium, `streamlit run`): a batch with bad files among
good ones (text, HTML and PDF) shows one message per bad file naming it and the reason, reviews the good ones
(a hostile HTML page's title and text as plain text), and nothing runs."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from atlas_browser import new_context

ROOT = Path(__file__).resolve().parents[2]


def _module(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


hostile_browser = _module("hostile_browser", Path(__file__).with_name("test_hostile.py"))
load_test = sys.modules["load_test"]
pdf_writer = _module("pdf_writer", ROOT / "tests" / "pdf_writer.py")

FILES = {
    "good-jableh.txt": b"Gunmen killed 13 security personnel near Jableh on 6 March 2025.",
    "empty.txt": b"",
    "photo.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
    "broken-utf16.txt": b"\xff\xfeA",
    "only-script.html": b"<html><script>alert('RAXSS-upload-script')</script></html>",
    "hostile-page.html": (
        b"<html><head><title>&lt;img src=x onerror=alert('RAXSS-title')&gt;</title>"
        b"<script>alert('RAXSS-head')</script></head><body><p>Shelling killed 4 people in Baniyas "
        b"on 8 March 2025. &lt;script&gt;alert('RAXSS-body')&lt;/script&gt;</p></body></html>"
    ),
    # a situation report as a PDF, broken at the print margin, and a PDF that is not one
    "flash-update.pdf": pdf_writer.make_pdf(
        [
            [
                "Sudan: Zamzam flash update",
                "More than 400 people were reportedly killed in attacks on Zamzam camp",
                "and El Fasher between 11 and 13 April, according to local sources.",
            ]
        ]
    ),
    "broken.pdf": b"%PDF-1.4 garbage, no objects",
}
REASONS = {
    "empty.txt": "empty",
    "photo.txt": "binary",
    "broken-utf16.txt": "UTF-16",
    "only-script.html": "no readable text",
    "broken.pdf": "not a readable PDF",
}


@pytest.fixture(scope="module")
def empty_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("upload-app") / "atlas.db"
    with load_test.running_app(db) as base_url:
        yield base_url + "/"


def test_uploaded_batch_names_each_bad_file_and_reviews_the_good_ones(
    browser: Any, empty_app: str, tmp_path: Path
) -> None:
    paths = []
    for name, data in FILES.items():
        path = tmp_path / name
        path.write_bytes(data)
        paths.append(str(path))
    context = new_context(browser, [])
    try:
        page = context.new_page()
        watch = hostile_browser.Watch(page)
        page.goto(empty_app)
        page.get_by_text("Add reports", exact=True).first.click()
        page.locator('input[type="file"]').first.wait_for(state="attached", timeout=30000)
        page.locator('input[type="file"]').first.set_input_files(paths)
        page.wait_for_timeout(1500)  # uploads are sent to the server before the form submits
        page.get_by_role("button", name="Read reports").click()
        page.get_by_text("Review (3 report(s))").wait_for(timeout=60000)
        errors = " ".join(page.locator('[data-testid="stAlertContentError"]').all_inner_texts())
        for name, reason in REASONS.items():
            assert name in errors and reason in errors, (name, errors)
        # (the review renders report by report: on a busy machine the last one comes a moment
        # after the heading, so wait for its place before reading the page)
        page.locator('[data-testid="stMain"]').get_by_text("Zamzam").first.wait_for(timeout=30000)
        body = page.locator('[data-testid="stMain"]').inner_text()
        assert "<img src=x onerror=alert('RAXSS-title')>" in body  # the page title, as text
        assert "Zamzam" in body  # the PDF's report, reviewed with its places
        watch.assert_quiet(page)
        page.get_by_role("button", name="Save to the atlas").click()
        page.get_by_text("Saved 3 new report(s).").wait_for(timeout=60000)
        watch.assert_quiet(page)
    finally:
        context.close()
