"""Batch ingest with bad files among good ones: the good reports are all stored, each bad
file is named with its reason, nothing of a refused report is half-written, and the CLI
exits 0 with the failures on stderr (2 only when nothing at all could be read)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.ingest import ingest_paths
from dashboard.model import Extraction, Figure, Report
from dashboard.reading import MAX_REPORT_BYTES

GOOD = {
    "01-jableh.txt": "Gunmen ambushed a security patrol near Jableh on 6 March 2025, killing 13 personnel.",
    "02-baniyas.md": "Residents of Baniyas said at least 60 civilians were killed on 8 March 2025.",
    "03-un.html": "<html><head><title>UN statement</title><script>alert(1)</script></head>"
    "<body><p>The UN human rights office verified at least 111 civilian killings in Latakia.</p></body></html>",
    "04-arabic-cp1256.txt": "قتل 13 من عناصر الأمن في كمين قرب جبلة في ريف اللاذقية.",
    "sub/05-tartus.txt": "Families fled Tartus on 9 March 2025 after shelling killed 4 people.",
}
BAD = {
    "empty.txt": (b"", "empty"),
    "photo.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300), "binary"),
    "huge.txt": (b"Latakia " * (MAX_REPORT_BYTES // 8 + 1), "limit"),
    "odd-utf16.txt": (b"\xff\xfeA", "UTF-16"),
    "only-script.html": (b"<html><script>alert('x')</script></html>", "no readable text"),
    "broken.pdf": (b"%PDF-1.4 not a report", "not a readable PDF"),
}


def _folder(root: Path) -> Path:
    folder = root / "inbox"
    for name, text in GOOD.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = text.encode("cp1256") if "cp1256" in name else text.encode("utf-8")
        path.write_bytes(data)
    for name, (data, _) in BAD.items():
        (folder / name).write_bytes(data)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not a report type")  # skipped by suffix
    return folder


def test_batch_keeps_good_reports_and_names_each_bad_file(tmp_path: Path, store) -> None:  # type: ignore[no-untyped-def]
    folder = _folder(tmp_path)
    summary = ingest_paths(store, [folder, tmp_path / "missing-folder"])
    assert summary.added == len(GOOD)
    assert store.stats()["reports"] == len(GOOD)
    assert len(summary.failures) == len(BAD) + 1
    for name, (_, reason) in BAD.items():
        line = next((f for f in summary.failures if f.startswith(str(folder / name) + ":")), None)
        assert line is not None, (name, summary.failures)
        assert reason in line, line
    assert any("missing-folder: no such file or folder" in f for f in summary.failures)
    titles = {r.title for r in store.reports()}
    assert "UN statement" in titles
    assert all("alert" not in r.text for r in store.reports())


def test_cli_batch_exit_codes_and_messages(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    env = {**os.environ, "REPORT_ATLAS_DB": str(tmp_path / "cli.db")}
    run = subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "ingest", "--quiet", str(folder)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert f"{len(GOOD)} report(s) added, 0 already stored, {len(BAD)} failed" in run.stdout
    for name in BAD:
        assert f"skipped {folder / name}:" in run.stderr
    assert "Traceback" not in run.stderr

    only_bad = tmp_path / "only-bad"
    only_bad.mkdir()
    (only_bad / "empty.txt").write_bytes(b"")
    run = subprocess.run(
        [sys.executable, "-m", "dashboard.cli", "ingest", "--quiet", str(only_bad)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 2 and "empty.txt: the file is empty" in run.stderr


@pytest.mark.parametrize("poison_first", [True, False])
def test_a_report_the_store_refuses_does_not_sink_its_batch(
    tmp_path: Path, store, poison_first: bool
) -> None:  # type: ignore[no-untyped-def]
    """A count too large for SQLite's INTEGER (as the figure extractor produced for
    "99999999999999999999999 people"): the good reports of the same batch are kept and
    the odd one is named -- or stored, once the extractor stops producing such counts."""
    folder = _folder(tmp_path)
    poison = folder / ("00-poison.txt" if poison_first else "99-poison.txt")
    poison.write_text(
        "Gunmen killed 99999999999999999999999 people in Homs on 7 March 2025.", encoding="utf-8"
    )
    summary = ingest_paths(store, [folder])
    assert store.stats()["reports"] == summary.added
    assert summary.added in {len(GOOD), len(GOOD) + 1}
    if summary.added == len(GOOD):
        assert any(f.startswith(f"{poison}: could not be stored") for f in summary.failures), summary.failures
    assert len(summary.failures) == len(BAD) + (len(GOOD) + 1 - summary.added)


@pytest.mark.sqlite_only
def test_a_refused_report_leaves_nothing_behind(store, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    """One transaction per report: a failure half-way through saving keeps no partial rows."""
    report = Report.from_text("Clashes in Hama killed 7 people.", source="Wire")
    good = Figure("f-ok", report.id, 7, 7, "exact", "people", "killed", None, False, 0, 10, "7")
    too_big = Figure(
        "f-big", report.id, 2**70, None, "more_than", "people", "killed", None, False, 0, 10, "x"
    )
    with pytest.raises(OverflowError):
        store.save(Extraction(report, (), (), (good, too_big), ()))
    conn = sqlite3.connect(db_path)
    for table in ("reports", "figures", "mentions", "events"):
        assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0, table
    conn.close()
    assert store.save(Extraction(report, (), (), (good,), ())) is True
