"""Shared fixtures: every test gets its own real SQLite store; nothing goes online."""

from __future__ import annotations

import os
import shutil
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


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo reports read once per test module into a store; tests get copies through
    ``atlas_db`` (reading them takes a few seconds)."""
    from dashboard.demo import ensure_demo_data
    from dashboard.store import open_store

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("REPORT_ATLAS_DEMO", "1")
        store = open_store(str(path))
        assert ensure_demo_data(store) > 0
        store.close()
    return path


@pytest.fixture()
def atlas_db(demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the demo store, named by REPORT_ATLAS_DB (no demo reload)."""
    path = tmp_path / "atlas.db"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("REPORT_ATLAS_DB", str(path))
    monkeypatch.setenv("REPORT_ATLAS_DEMO", "0")
    return path


pytest_plugins = ["pg"]  # pg_server, pg_url: a throwaway PostgreSQL server (tests/pg.py)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Every test that takes ``store`` runs on SQLite and on PostgreSQL, unless marked sqlite_only."""
    if "store" in metafunc.fixturenames:
        only_sqlite = metafunc.definition.get_closest_marker("sqlite_only") is not None
        metafunc.parametrize("store", ["sqlite"] if only_sqlite else ["sqlite", "postgres"], indirect=True)


@pytest.fixture()
def store(request: pytest.FixtureRequest, db_path: Path):  # type: ignore[no-untyped-def]
    from dashboard.store import open_store

    target = str(db_path) if request.param == "sqlite" else request.getfixturevalue("pg_url")
    s = open_store(target)
    yield s
    s.close()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")
