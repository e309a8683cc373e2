"""Build the default letter templates shipped in ``src/gongkai/web/letters/templates_docx/``.

Run after changing a letter's wording: ``python scripts/make_letter_templates.py``. Each template is
a DOCX with docxtpl (Jinja) placeholders — the names are listed in
:data:`gongkai.web.letters.context.PLACEHOLDERS` — laid out as an official letter (GB/T 9704: A4,
margins 37/35/28/26 mm, body 三号仿宋_GB2312 with 28.95 pt lines, title 二号方正小标宋简体).
The fonts are named, not embedded: agencies have them installed; elsewhere Word substitutes.
An agency admin replaces a template by uploading an edited copy of one of these.
"""

from __future__ import annotations

import sys
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from gongkai.web.letters.kinds import LETTER_TITLES  # noqa: E402

OUT = ROOT / "src" / "gongkai" / "web" / "letters" / "templates_docx"
BODY_FONT = "仿宋_GB2312"
TITLE_FONT = "方正小标宋简体"

APPEAL = (
    "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，"
    "或者自收到本答复之日起六个月内依法向人民法院提起行政诉讼。"
)
RECEIVED = (
    "本机关于{{ received_on }}收到您（单位）提出的政府信息公开申请（申请编号：{{ number }}），申请获取以下政府信息："
)
ITEMS = ["{%p for item in items %}", "{{ item.position }}．{{ item.text }}", "{%p endfor %}"]
DECIDED_ITEMS = [
    "{%p for item in items %}",
    "{{ item.position }}．{{ item.text }}——{{ item.outcome }}（依据：{{ item.basis }}）",
    "{%p endfor %}",
]

# each body: paragraphs after the salutation; "{%p …%}" paragraphs are docxtpl control lines
BODIES: dict[str, list[str]] = {
    "reply_granted": [
        RECEIVED,
        *ITEMS,
        "经审查，您（单位）申请获取的政府信息属于公开范围。根据{{ basis }}的规定，本机关予以公开，"
        "现将有关政府信息提供给您（单位）（见附件）。",
        APPEAL,
    ],
    "reply_partially_granted": [
        RECEIVED,
        *ITEMS,
        "经审查，您（单位）申请获取的政府信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理。"
        "根据{{ basis }}的规定，本机关向您（单位）提供可以公开的政府信息内容，并对不予公开的内容说明理由。"
        "各项办理结果如下：",
        *DECIDED_ITEMS,
        APPEAL,
    ],
    "reply_denied": [
        RECEIVED,
        *ITEMS,
        "经审查，您（单位）申请获取的政府信息{{ reason }}。根据{{ basis }}的规定，本机关不予公开。各项办理结果如下：",
        *DECIDED_ITEMS,
        APPEAL,
    ],
    "reply_not_held": [
        RECEIVED,
        *ITEMS,
        "经检索查找，本机关未制作或者获取您（单位）申请获取的政府信息。根据{{ basis }}的规定，"
        "现告知您（单位）：本机关不掌握该政府信息。{{ remark }}",
        APPEAL,
    ],
    "reply_unable": [
        RECEIVED,
        *ITEMS,
        "经审查，您（单位）申请获取的政府信息{{ reason }}。根据{{ basis }}的规定，本机关无法提供。各项办理结果如下：",
        *DECIDED_ITEMS,
        APPEAL,
    ],
    "reply_not_processed": [
        RECEIVED,
        *ITEMS,
        "经审查，您（单位）的申请属于{{ reason }}的情形。根据{{ basis }}的规定，本机关不予处理。",
        APPEAL,
    ],
    "reply_other": [
        RECEIVED,
        *ITEMS,
        "经审查，本机关对您（单位）的申请作如下处理：",
        *DECIDED_ITEMS,
        "{{ remark }}",
        APPEAL,
    ],
    "notice_abandoned": [
        RECEIVED,
        *ITEMS,
        "您（单位）{{ reason }}。根据{{ basis }}的规定，视为放弃申请，本机关不再处理该政府信息公开申请。",
        APPEAL,
    ],
    "notice_correction": [
        RECEIVED,
        *ITEMS,
        "经审查，您（单位）的申请内容不明确。根据{{ basis }}的规定，请您（单位）于{{ correction_due }}前"
        "对下列事项作出补正：",
        "{{ correction_items }}",
        "答复期限自本机关收到补正的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，"
        "本机关不再处理该政府信息公开申请。",
    ],
    "notice_extension": [
        RECEIVED,
        *ITEMS,
        "因{{ extension_reason }}，本机关不能在规定期限内作出答复。根据{{ basis }}的规定，"
        "经本机关政府信息公开工作机构负责人同意，答复期限延长二十个工作日，"
        "本机关将于{{ new_due }}前作出答复（原答复期限为{{ replaced_due }}）。",
    ],
    "request_third_party_opinion": [
        "本机关于{{ received_on }}收到一份政府信息公开申请（申请编号：{{ number }}），申请获取以下政府信息：",
        *ITEMS,
        "经审查，申请公开的政府信息可能涉及你方的商业秘密、个人隐私等合法权益，公开可能损害你方合法权益。"
        "根据{{ basis }}的规定，现书面征求你方意见。请你方自收到本函之日起十五个工作日内提出是否同意公开的意见，"
        "不同意公开的，请说明理由。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。",
    ],
    "request_agency_opinion": [
        "本机关于{{ received_on }}收到一份政府信息公开申请（申请编号：{{ number }}），申请获取以下政府信息：",
        *ITEMS,
        "该政府信息的公开需要征求贵机关意见。根据{{ basis }}的规定，现书面征求意见，"
        "请贵机关自收到本函之日起十五个工作日内提出意见。逾期未提出意见的，视为同意公开。",
    ],
    "notice_fee": [
        RECEIVED,
        *ITEMS,
        "您（单位）申请公开政府信息的数量、频次明显超过合理范围。根据{{ basis }}的规定，"
        "本机关依法收取信息处理费，金额为人民币{{ fee_yuan }}元。{{ remark }}",
        "请您（单位）于{{ payment_due }}前缴纳。缴费期间不计算在答复期限内；无正当理由逾期未缴纳的，"
        "视为放弃申请，本机关不再处理该政府信息公开申请。",
    ],
}

SALUTATION = {
    "request_third_party_opinion": "{{ party }}：",
    "request_agency_opinion": "{{ party }}：",
}


def _fonts(run_or_style: object, font: str, size: float) -> None:
    """Name the font for Latin and East Asian text (Word takes Chinese glyphs from ``eastAsia``)."""
    target = run_or_style.font  # type: ignore[attr-defined]
    target.name = font
    target.size = Pt(size)
    element = run_or_style.element  # type: ignore[attr-defined]
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), font)


def _paragraph(document: object, text: str, *, indent: bool = True, align: object = None) -> Paragraph:
    paragraph: Paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    paragraph.add_run(text)
    control = text.startswith("{%p")
    if indent and not control:
        paragraph.paragraph_format.first_line_indent = Pt(32)
    if align is not None:
        paragraph.alignment = align
    return paragraph


def build(kind: str) -> object:
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    normal = document.styles["Normal"]
    _fonts(normal, BODY_FONT, 16)
    normal.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    normal.paragraph_format.line_spacing = Pt(28.95)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.widow_control = False

    for text in ("{{ agency_name }}", LETTER_TITLES[kind]):
        title = document.add_paragraph()
        title.alignment = WD_ALIGN_PARAGRAPH.CENTER
        title.paragraph_format.line_spacing = Pt(36)
        _fonts(title.add_run(text), TITLE_FONT, 22)
    _paragraph(document, "", indent=False)
    _paragraph(document, "{{ letter_number }}", indent=False, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(document, "", indent=False)
    _paragraph(document, SALUTATION.get(kind, "{{ applicant_name }}："), indent=False)
    for text in BODIES[kind]:
        _paragraph(document, text)
    _paragraph(document, "", indent=False)
    _paragraph(document, "", indent=False)
    for text in ("{{ agency_name }}", "{{ letter_date }}"):
        signature = _paragraph(document, text, indent=False, align=WD_ALIGN_PARAGRAPH.RIGHT)
        signature.paragraph_format.right_indent = Pt(64)
    core = document.core_properties
    core.title = LETTER_TITLES[kind]
    core.author = "gongkai"
    core.comments = f"gongkai letter template: {kind}"
    return document


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    missing = set(LETTER_TITLES) ^ set(BODIES)
    if missing:
        raise SystemExit(f"letter kinds without a body or a title: {sorted(missing)}")
    for kind in LETTER_TITLES:
        path = OUT / f"{kind}.docx"
        build(kind).save(str(path))  # type: ignore[attr-defined]
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
