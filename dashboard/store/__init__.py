"""The store: where reports and everything read from them are kept.

``open_store()`` picks the backend from ``REPORT_ATLAS_DB``: a file path (SQLite, the
embedded default) or a ``postgresql://`` URL (for teams).
"""

from __future__ import annotations

from dashboard import settings
from dashboard.store.sqlite import SQLiteStore, StoreError

__all__ = ["SQLiteStore", "StoreError", "open_store"]


def open_store(target: str | None = None) -> SQLiteStore:
    """Open (creating and migrating if needed) the store named by ``target`` or REPORT_ATLAS_DB."""
    target = target or settings.get("REPORT_ATLAS_DB")
    if target.startswith(("postgresql://", "postgres://")):
        raise StoreError("PostgreSQL backend is not available in this version; use a SQLite path")
    return SQLiteStore(target)
