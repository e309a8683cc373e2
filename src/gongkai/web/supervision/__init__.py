"""Supervision (上级监督): figures of the agencies below, never an applicant's personal data."""

__all__: list[str] = []
