"""Shared fixtures: every test gets its own real SQLite store; nothing goes online."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests never reach the internet: offline map assets, no Nominatim. Set before any import
# of dashboard.settings readers.
os.environ.setdefault("REPORT_ATLAS_OFFLINE", "1")
os.environ["REPORT_ATLAS_NOMINATIM"] = "0"

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "seed_000_a86c6af2031e5399.txt"


@pytest.fixture()
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "atlas.db"
    monkeypatch.setenv("REPORT_ATLAS_DB", str(path))
    return path


@pytest.fixture()
def store(db_path: Path):  # type: ignore[no-untyped-def]
    from dashboard.store import open_store

    s = open_store(str(db_path))
    yield s
    s.close()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
