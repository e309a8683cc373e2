"""Batch reading of large report collections (local processes or a Dask cluster, Parquet + DuckDB).

The package exists before its modules so that the import-linter contract in pyproject.toml, which
keeps every core package free of Django, the web app and the CLI, already covers it.
"""

__all__: list[str] = []
