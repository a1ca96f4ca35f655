"""A target that names no date takes the date its paragraph's lead sets (audit class DL-LEAD):
a dated lead after a full stop inside the paragraph ("…。到2025年，A…。B达到35%"), the lead of
the line a sentence continues on when the layout left the break ("…18%以上；\\n森林覆盖率…"),
and the last dated paragraph of a goals section ("到2035年，…\\n到2025年，…\\n——…").

Sentences are written in the style of provincial 十四五 plans and 实施意见.
"""

from __future__ import annotations

import pytest


def _dated(targets: list[dict]) -> list[tuple]:
    return [(t["value"], t["deadline"], t["period"]) for t in targets]


# fmt: off
# (text, [(value, deadline, period)])
LEADS = [
    # a dated lead after a full stop dates the sentences after it in the paragraph
    ("提高建筑节能水平。到2025年，星级绿色建筑占比达到30%以上。装配式建筑占新建建筑面积比例达到35%以上。",
     [(30, "2025", None), (35, "2025", None)]),
    ("到2025年，煤炭消费比重降至75%以下。到2030年，非化石能源消费比重达到25%。森林覆盖率达到21%。",
     [(75, "2025", None), (25, "2030", None), (21, "2030", None)]),
    ("推进绿色交通。“十四五”期间，新增公交专用道100公里。新能源公交车占比达到90%。",
     [(100, None, "十四五"), (90, None, "十四五")]),
    # a sentence continued on the next line (the layout left the break after ；/， or mid-word)
    ("到2023年，全市绿色低碳发展取得明显成效；到2025年，非化石能源消费比重达到18%以上；\n森林覆盖率提高到19%。",
     [(18, "2025", None), (19, "2025", None)]),
    ("到2025年，新建超低能耗建筑\t\t\n面积500万平方米以上。", [(500, "2025", None)]),
    # a goals section: the last dated paragraph before the item, not the section's first lead
    ("三、主要目标\n到2035年，生态环境根本好转。\n到2025年，全市生态环境保护取得新进步。\n——生态环境质量明显改善。PM2.5浓度达到32.6微克/立方米。",
     [(32.6, "2025", None)]),
    # nothing carried: a heading ends the lead, a full stop at the line end ends the sentence,
    # a later sentence with its own date keeps it
    ("（一）主要目标\n到2025年，全市生态环境持续改善。\n（二）重点任务\n新建污水管网200公里。", [(200, None, None)]),
    ("到2025年，全市生态环境持续改善。\n新建污水管网200公里。", [(200, None, None)]),
    ("到2025年，绿色建筑占比达到70%。2027年底前，新建污水管网200公里。",
     [(70, "2025", None), (200, "2027-12", None)]),
]
# fmt: on


@pytest.mark.parametrize("text,expected", LEADS)
def test_targets_dates_from_paragraph_and_section_leads(text: str, expected: list, targets_of) -> None:
    assert _dated(targets_of(text)) == expected
