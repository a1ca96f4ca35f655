"""Golden text of format_table / format_diff for one realistic partial prediction.

Rewrite the golden files with ``UPDATE_GOLDEN=1`` after an intended format change.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

from extract.evaluate import evaluate_predictions

GOLDEN = Path(__file__).resolve().parent / "golden"

EV_ENERGY = "到2025年，全区单位地区生产总值能源消耗比2020年下降15%"
EV_COAL = "煤炭消费比重降至75%以下"
EV_REPORT = "于2020年8月15日前将本单位节约型机关创建实施方案报市能源局"


def _target(indicator: str, value: float, evidence: str, direction: str, **kw: object) -> dict:
    out = {"indicator": indicator, "scope": None, "direction": direction, "value": value, "value_max": None,
           "unit": "%", "qualifier": None, "baseline_year": None, "deadline": "2025", "period": None,
           "departments": [], "evidence": evidence}
    out.update(kw)
    return out


def _case() -> tuple[dict, dict]:
    gold = {
        "document": "plan.txt",
        "metadata": {"title": "节能减排综合工作实施方案", "doc_number": "内政发〔2022〕18号",
                     "issuers": ["内蒙古自治区人民政府"], "issue_date": None, "recipients": []},
        "targets": [
            _target("单位地区生产总值能源消耗", 15, EV_ENERGY, "decrease", scope="全区", baseline_year=2020,
                    departments=[{"name": "自治区发展改革委", "role": "lead"}]),
            _target("煤炭消费比重", 75, EV_COAL, "cap", qualifier="at_most"),
        ],
        "deadlines": [{"task": "报送节约型机关创建实施方案", "due": "2020-08-15", "recurrence": None,
                       "recurrence_detail": None, "responsible": ["市直各单位"], "evidence": EV_REPORT}],
        "responsibilities": [{"department": "市能源局", "role": "lead", "task": "推进节约型机关创建行动",
                              "evidence": "市能源局牵头负责推进全市党政机关开展节约型机关创建行动"}],
        "scoring_tables": [],
    }
    first = copy.deepcopy(gold["targets"][0])
    first["direction"] = "reach"
    first["departments"] = []
    pred = {
        "document": {"source": "corpora/plan.txt", "title": "节能减排综合工作实施方案", "doc_number": None,
                     "issuers": ["内蒙古自治区人民政府"], "issue_date": "2022-06-06", "recipients": []},
        "targets": [first, _target("非化石能源消费比重", 18, "非化石能源消费比重达到18%", "reach")],
        "deadlines": [],
        "responsibilities": [{"department": "市能源局", "role": "lead", "task": "", "evidence": ""},
                             {"department": "市财政局", "role": "support", "task": "给予必要的资金保障",
                              "evidence": "各级财政部门要给予必要的资金保障"}],
        "scoring_tables": [],
    }
    return gold, pred


def _check(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="utf-8")
    assert path.is_file(), f"{path} missing: run with UPDATE_GOLDEN=1 once"
    assert text + "\n" == path.read_text(encoding="utf-8")


def test_format_table_golden() -> None:
    _check("partial_prediction.table.txt", evaluate_predictions([_case()]).format_table())


def test_format_diff_golden() -> None:
    _check("partial_prediction.diff.txt", evaluate_predictions([_case()]).format_diff())
