"""Every rule that can be verified on one published annual report, and the year-to-year rules.

:func:`check` returns :class:`~gongkai.report.model.Finding` objects (stable code, severity, plain
Chinese message, cell ids); :func:`codes` lists every code with its severity; docs/checks.md explains
each one. The cross-totals are read from formats.yaml's ``checks:`` list, not retyped here.
"""

from gongkai.report.checks.api import check, check_pair, merge_findings
from gongkai.report.checks.codes import CheckCode, codes

__all__ = ["CheckCode", "check", "check_pair", "codes", "merge_findings"]
