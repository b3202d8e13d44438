"""PDF reports: their text layer is read page after page (lines as the PDF breaks them), and
a PDF that cannot be read is refused with the reason, never a crash."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pdf_writer import make_pdf

from dashboard.pipeline import extract_report
from dashboard.reading import BadInput, read_report_file, report_files, report_text_from_bytes

# Written for this test: a flash update as a PDF prints it, broken at a 70-character margin.
FLASH_UPDATE = [
    [
        "Sudan: attacks on Zamzam camp, flash update",
        "OCHA",
        "Flash Update No. 2",
        "HIGHLIGHTS",
        "- More than 400 people were reportedly killed in attacks on Zamzam camp",
        "and El Fasher between 11 and 13 April, according to local sources.",
        "- Up to 400,000 people may have fled Zamzam since Friday; most are",
        "moving on foot towards Tawila, with little water and no shelter.",
    ],
    [
        "SITUATION OVERVIEW",
        "On the morning of 11 April, the Rapid Support Forces launched a ground",
        "assault on Zamzam, the largest camp for displaced people in Sudan, about",
        "15 km south of El Fasher. Partners report that at least 20 children were",
        "among those killed in the camp.",
    ],
]


def test_a_pdf_s_text_layer_is_read_page_after_page() -> None:
    found = report_text_from_bytes(make_pdf(FLASH_UPDATE, title="Zamzam flash update"), "flash.pdf")
    assert found.title == "Zamzam flash update"
    lines = found.text.split("\n")
    assert lines[0] == "Sudan: attacks on Zamzam camp, flash update"
    assert "SITUATION OVERVIEW" in lines
    assert found.text.index("HIGHLIGHTS") < found.text.index("SITUATION OVERVIEW")  # page 1, then page 2


def test_figures_of_a_pdf_report_are_read_across_its_line_breaks() -> None:
    text = report_text_from_bytes(make_pdf(FLASH_UPDATE), "flash.pdf").text
    figures = {(f.low, f.high, f.outcome, f.category, f.attributed_to) for f in extract_report(text).figures}
    assert (401, None, "killed", "people", "local sources") in figures
    assert (None, 400_000, "displaced", "people", None) in figures
    assert (20, None, "killed", "children", "partners") in figures
    places = {p.name for p in extract_report(text).places}
    assert {"Zamzam camp", "El Fasher", "Tawila"} <= places


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.4\nnot really a pdf", "not a readable PDF"),
        (make_pdf([[]]), "no text layer"),  # a scanned page: images only, no text
    ],
)
def test_pdfs_that_cannot_be_read_are_refused_with_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(BadInput, match=rf"^report\.pdf: .*{reason}"):
        report_text_from_bytes(data, "report.pdf")


def test_folders_and_the_cli_take_pdf_reports(tmp_path: Path) -> None:
    (tmp_path / "flash.pdf").write_bytes(make_pdf(FLASH_UPDATE))
    (tmp_path / "note.txt").write_text("Nothing happened in Kutum.", encoding="utf-8")
    assert [p.name for p in report_files([tmp_path])] == ["flash.pdf", "note.txt"]
    assert "Zamzam" in read_report_file(tmp_path / "flash.pdf").text
    run = subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "extract", str(tmp_path / "flash.pdf"), "--published", "2025-04-14"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert '"El Fasher"' in run.stdout
