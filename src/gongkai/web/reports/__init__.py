"""The annual report builder: computed tables, narrative, checks, approval and frozen versions."""

__all__: list[str] = []
