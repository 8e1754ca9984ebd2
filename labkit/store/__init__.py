"""DuckDB schema, migrations and the single-writer store."""

from labkit.store.store import DEFAULT_DB, Store

__all__ = ["DEFAULT_DB", "Store"]
