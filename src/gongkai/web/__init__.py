"""The Django workbench (agencies, ledger, letters, register, cases, report builder, supervision).

The package exists before its apps so that the import-linter contract in pyproject.toml, which
forbids the core packages to import it, can name it.
"""

__all__: list[str] = []
