"""Prose rubrics: a section that states its 总分 and scores numbered paragraphs.

    （一）绩效考评具体考评方式总分为100分，采取分档计算…
    1.中央和省级竞争性项目资金、中央专项资金只奖不罚…1000万元（含）以下加5分；…加20分。
    2.为民办实事项目资金实行奖罚结合，超额完成…加5分，…未完成…扣20分。
    3.主动向上争取的省级专项资金…完成当年争取目标数的部门得基本分80分，超额完成…加20分…

The section's name (the words before 总分, without its enumerator) is the title and the first
path element; each numbered paragraph "1." "2." … is an item named by its first clause, its
criteria are the scored clauses (:mod:`.points`) and its points what they state
(:func:`extract.scoring.tables.points_from_criteria`).  Numbered paragraphs without points
end the rubric; a statement of 总分 inside a table is left to the table reader.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Cell, Document, ScoringItem, ScoringTable, Span
from .tables import Split, points_from_criteria, split_criteria

# （一）绩效考评具体考评方式总分为100分 / 二、加分项总分为15分 / 考核实行百分制，满分100分
# The spaces around the name are bounded: with \s* there, a long run of tabs (a DOCX row of
# a million spanned cells) made every start try every split of the run: cubic, minutes.
TOTAL_STATEMENT = re.compile(
    r"(?:[（(][一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)?\s{0,4}"
    r"([^。；;，,\n（(]{2,30}?)\s{0,4}(?:总分|满分)(?:值)?(?:为|是)?\s*(\d+(?:\.\d+)?)\s*分"
)
# "1." "2、" "3．" opening a numbered paragraph (not the "80." of "80.21%")
NUMBERED = re.compile(r"(?<![\d.．])(\d{1,2})\s*[.．、](?!\d)")
# Where the section ends: its sibling "（二）" / "二、", a new 第N条, a blank line.
SECTION_END = re.compile(r"[（(][一二三四五六七八九十]{1,3}[)）]|(?<![\d])[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十百]+条|\n\s*\n")
# The longest reach from a statement's start to its 总分/满分: enumerator (5), spaces (4),
# name (30), spaces (4).
MAX_LEAD_CHARS = 43
KEYWORD = re.compile(r"总分|满分")
# A section is searched this far for its numbered paragraphs.
MAX_SECTION_CHARS = 3000
# A rubric needs this many numbered paragraphs that state points.
MIN_ITEMS = 2
# An item's label is its first clause, cut at this many characters at most.
MAX_LABEL_CHARS = 40


def prose_rubrics(doc: Document, taken: list[Span]) -> list[ScoringTable]:
    """Rubrics written as prose in ``doc.text`` outside the ``taken`` (table) spans."""
    text = doc.text or ""
    out: list[ScoringTable] = []
    for m in _total_statements(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        end = _section_end(text, m.end())
        items = _items(doc, m.end(), end, m.group(1).strip())
        if sum(1 for i in items if i.points is not None or any(c.points for c in i.criteria)) < MIN_ITEMS:
            continue
        st = ScoringTable(title=m.group(1).strip(), total_points=float(m.group(2)), items=items,
                          span=(m.start(), items[-1].span[1] if items[-1].span else end))
        from .checks import check_table

        st.inconsistencies = check_table(st, categories_stated=[])
        out.append(st)
        taken = taken + [st.span] if st.span else taken
    return out


def _total_statements(text: str) -> Iterator[re.Match[str]]:
    """``TOTAL_STATEMENT.finditer(text)``, trying only starts within reach of a 总分/满分.

    The regex tried from every character costs a tenth of a megabyte-sized document's
    extraction; a statement starts at most ``MAX_LEAD_CHARS`` before its keyword.
    """
    pos = 0
    for k in KEYWORD.finditer(text):
        for start in range(max(pos, k.start() - MAX_LEAD_CHARS), k.start() + 1):
            m = TOTAL_STATEMENT.match(text, start)
            if m:
                yield m
                pos = m.end()
                break


def _section_end(text: str, start: int) -> int:
    limit = min(len(text), start + MAX_SECTION_CHARS)
    m = SECTION_END.search(text, start, limit)
    return m.start() if m else limit


def _items(doc: Document, start: int, end: int, heading: str) -> list[ScoringItem]:
    text = doc.text
    marks = []
    expected = 1
    for m in NUMBERED.finditer(text, start, end):
        if int(m.group(1)) == expected:
            marks.append(m)
            expected += 1
    items: list[ScoringItem] = []
    for k, m in enumerate(marks):
        stop = marks[k + 1].start() if k + 1 < len(marks) else end
        body = (m.end(), stop)
        cell = Cell(row=0, col=0, text=text[body[0] : body[1]], span=body)
        split = Split()
        criteria = split_criteria(doc, [cell], split)
        if not any(c.points is not None for c in criteria):
            break  # numbered paragraphs without points: the rubric has ended
        label = re.split(r"[，,。；;：:]", cell.text.strip(), maxsplit=1)[0][:MAX_LABEL_CHARS]
        items.append(ScoringItem(path=[heading, label], points=points_from_criteria(criteria, split),
                                 criteria=criteria, span=(body[0], body[0] + len(label))))
    return items
