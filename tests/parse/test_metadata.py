"""Report year and agency from the ways published titles state them."""

from __future__ import annotations

import pytest

from gongkai.parse.document import TextRow
from gongkai.parse.metadata import find_agency, find_year, find_year_agency


@pytest.mark.parametrize(
    ("lines", "year", "agency"),
    [
        (["澄溪县教育局2023年度政府信息公开工作年度报告"], 2023, "澄溪县教育局"),
        (["澄溪县人民政府二〇二三年度政府信息公开工作年度报告"], 2023, "澄溪县人民政府"),
        (["鹤鸣县交通运输局二零二一年政府信息公开工作年度报告"], 2021, "鹤鸣县交通运输局"),
        (["2023年澄溪县人民政府政府信息公开工作年度报告"], 2023, "澄溪县人民政府"),
        (["澄溪县教育局关于2023年政府信息公开工作年度报告"], 2023, "澄溪县教育局"),
        (["关于澄溪县教育局2023年政府信息公开工作年度报告的公告"], 2023, "澄溪县教育局"),
        (["澄溪县教育局 2 0 2 3 年政府信息公开工作年度报告"], 2023, "澄溪县教育局"),
        (["澄溪县教育局政府信息公开工作年度报告(2023年)"], 2023, "澄溪县教育局"),
        (["澄溪县教育局2023年政务公开工作年度报告"], 2023, "澄溪县教育局"),
        (["政府信息公开工作年度报告", "(2023年度)", "澄溪县教育局"], 2023, None),
        (["本机关根据条例编制2023年政府信息公开工作年度报告。"], 2023, None),
        (["本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。"], 2022, None),
        (["2023年本局政务公开工作年度报告"], 2023, None),  # "本局" is no name
        (["关于印发工作要点的通知"], None, None),
    ],
)
def test_year_and_agency_from_the_title(lines: list[str], year: int | None, agency: str | None) -> None:
    assert find_year(lines) == year
    assert find_agency(lines) == agency
    # the interpreter's call: both from the first rows, each text a cell (a title may span rows)
    rows = [TextRow([line, ""], number) for number, line in enumerate(lines, start=1)]
    assert find_year_agency(rows) == (year, agency)
