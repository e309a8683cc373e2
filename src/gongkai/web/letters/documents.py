"""Rendering and checking DOCX letter templates with docxtpl (Jinja, autoescape on).

Autoescape matters: an applicant's name or request text containing ``<`` or ``&`` would otherwise
break the document's XML. docxtpl and python-docx are imported inside the functions (heavy).
"""

from __future__ import annotations

import io
from functools import cache
from importlib import resources
from typing import Any

from gongkai.web.errors import ServiceError
from gongkai.web.letters.context import PLACEHOLDERS, sample_context

__all__ = ["MAX_TEMPLATE_BYTES", "default_template", "render_letter", "validate_template"]

MAX_TEMPLATE_BYTES = 2 * 1024 * 1024


@cache
def default_template(kind: str) -> bytes:
    """The template shipped with gongkai for ``kind`` (built by scripts/make_letter_templates.py)."""
    return resources.files("gongkai.web.letters").joinpath("templates_docx", f"{kind}.docx").read_bytes()


def render_letter(template: bytes, context: dict[str, Any]) -> bytes:
    """The filled-in DOCX."""
    from docxtpl import DocxTemplate

    document = DocxTemplate(io.BytesIO(template))
    document.render(context, autoescape=True)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def validate_template(data: bytes, *, name: str = "模板") -> None:
    """An uploaded template must be a DOCX whose placeholders are known and render; ServiceError if not."""
    import zipfile

    from docxtpl import DocxTemplate
    from jinja2 import TemplateError

    if not data:
        raise ServiceError(f"{name}：文件为空", field="file")
    if len(data) > MAX_TEMPLATE_BYTES:
        raise ServiceError(f"{name}：文件超过 2 MB", field="file")
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise ServiceError(f"{name}：不是 DOCX 文件（请用 Word 或 WPS 另存为 .docx）", field="file")
    try:
        document = DocxTemplate(io.BytesIO(data))
        document.render_init()
        unknown = set(document.get_undeclared_template_variables()) - set(PLACEHOLDERS)
    except TemplateError as exc:
        raise ServiceError(f"{name}：占位符写法有误（{exc}）", field="file") from None
    except Exception as exc:  # a damaged package: python-docx raises KeyError, ValueError, lxml errors
        raise ServiceError(f"{name}：无法作为 DOCX 打开（{type(exc).__name__}）", field="file") from None
    if unknown:
        raise ServiceError(f"{name}：未知的占位符 {'、'.join(sorted(unknown))}", field="file")
    try:
        render_letter(data, sample_context())
    except TemplateError as exc:
        raise ServiceError(f"{name}：占位符无法填充（{exc}）", field="file") from None
