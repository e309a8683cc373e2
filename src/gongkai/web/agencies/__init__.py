"""Agencies in their hierarchy (county government → departments, townships) and their staff with roles."""

__all__: list[str] = []
