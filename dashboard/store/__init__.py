"""The store: where reports and everything read from them are kept.

``open_store()`` picks the backend from ``REPORT_ATLAS_DB``: a file path (SQLite, the
embedded default) or a ``postgresql://`` URL (for teams).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard import settings
from dashboard.store.sqlite import SQLiteStore, StoreError

if TYPE_CHECKING:
    from dashboard.store.postgres import PostgresStore

__all__ = ["SQLiteStore", "StoreError", "open_store"]


def open_store(target: str | None = None) -> SQLiteStore | PostgresStore:
    """Open (creating and migrating if needed) the store named by ``target`` or REPORT_ATLAS_DB."""
    target = target or settings.get("REPORT_ATLAS_DB")
    if target.startswith(("postgresql://", "postgres://")):
        # Imported only here: SQLite users need no PostgreSQL driver installed.
        from dashboard.store.postgres import PostgresStore

        return PostgresStore(target)
    return SQLiteStore(target)
