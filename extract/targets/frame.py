"""Time frame of a passage: review of results or plan, and the date its lead sets.

A figure is a result, never a target, when its section heading, its paragraph's lead or the
whole document puts it in the past (FORMAT v2): "一、上年工作回顾", "过去五年，…", a statistics
bulletin. A goals section or paragraph whose lead names the date ("二、主要目标 / 到2025年，…",
"“十四五”期间，…") dates every figure under it that names no date of its own.

Frames are read once per document from the outline (``language.sections``) and the line
starts; :func:`frame_at` answers for one offset.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..language.dates import five_year_plans
from ..language.patterns import YEAR
from ..language.sections import Section, enclosing, nested_sections, split_sections
from .vocab import markers

# A lead clause that dates what follows: "到2025年，" / "2025年，" / "“十四五”期间，"
DATE_LEAD = re.compile(
    rf"^(?:到|至|力争到|预计到)?(?P<year>{YEAR})年(?:年?(?P<end>底|末))?(?:前)?[，,：:]"
    r"|^[“\"]?(?P<plan>十[一二三四五]五)[”\"]?(?:时期|期间|期末|末)[，,：:]"
)
# A year that opens a paragraph as its time frame: "2022年，全市…" (past when before the document's year)
YEAR_LEAD = re.compile(rf"^(?P<year>{YEAR})年(?:全年|以来|，|,)")
# A dated lead opening a sentence inside a paragraph: "…。到2025年，星级绿色建筑占比…",
# "…；到2025年，非化石能源…" (the paragraph's own first lead is read by _paragraph_frame)
SENTENCE_LEAD = re.compile(
    rf"(?<=[。！？；;])[\s—]*(?:力争|争取)?(?P<lead>(?:到|至|预计到)?(?:{YEAR})年(?:年?(?:底|末))?(?:前)?[，,：:]"
    r"|[“\"]?十[一二三四五]五[”\"]?(?:时期|期间|期末|末)[，,：:])"
)
# Line ends that leave a sentence open: the next line continues it ("…18%以上；\n森林覆盖率…")
CONTINUING_ENDS = "；;，,、"
# How many lines back a continued sentence is followed to its lead
MAX_CONTINUED_LINES = 3
# Outline marker and dash at a line start, skipped before reading a lead: "——", "1.", "（一）"
LINE_MARK = re.compile(r"^[\s\u3000]*(?:——|—|[（(]?[一二三四五六七八九十\d]{1,3}[）)、.．]?)?\s*")
# Words of a heading that names goals: "二、主要目标", "（二）发展目标", "预期目标"
GOAL_HEADING = re.compile(r"目标|指标")
# Words of a heading that opens the plan part: a review frame above it ends there ("（三）发展目标"
# inside a "一、发展基础" whose "二、" heading the layout lost)
PLAN_HEADING = re.compile(r"指导思想|总体要求|基本原则|目标|任务|重点|措施|保障措施|举措|安排|要点|部署")
# Titles of application notices and guides (申报通知, 申报指南, 推荐工作的通知): their caps, sizes
# and performance figures are conditions set for applicants, not the issuer's targets
APPLICATION_TITLE = re.compile(r"申报|推荐工作|推荐.{0,10}的通知|指南|征集|遴选|评选|招标|采购")
# Titles of plans for a coming period: "2023年林业工作要点", "…实施方案", "…行动计划"
PLAN_TITLE = re.compile(r"计划|要点|工作安排|方案|规划|意见")
# Longest heading read as a title (longer lines are body text)
MAX_HEADING = 30
# Chapter and section headings of long plans, above the 一、 outline: "第一章 发展基础与形势",
# "第二节 工作成效" (a table-of-contents line keeps its dots and page number, cut off below)
CHAPTER = re.compile(r"(?m)^[ \t\u3000]*第[一二三四五六七八九十百]{1,4}(?P<kind>章|节|部分|篇)[ \t\u3000]*(?P<title>[^\n]*)")
# Outline levels of chapter headings: a 章 holds its 节, a 节 holds 一、 (level 1 and deeper)
CHAPTER_LEVELS = {"章": -1, "部分": -1, "篇": -1, "节": 0}
# Table-of-contents filler after a heading: "工作成效......... 6", "回顾…………(59)"
TOC_TAIL = re.compile(r"[.…·．\s]{2,}[（(]?\d*[）)]?$|\d+$")
# A heading that names a base or results as work still to do is a plan heading:
# "夯实安全发展基础", "巩固提升绿化质量和成效", "各地区要做好典型经验的总结", "推进保护修复成效评估"
TASK_HEADING = re.compile(
    r"^(?:[\u4e00-\u9fff]{0,4}要)?(?:夯实|筑牢|打牢|厚植|巩固|实施|推进|推动|加强|强化|提升|开展|做好|建立|健全|完善|深化|扩大|持续)"
    r"|(?:成效|成果|情况)(?:验收|评估|评价|监测|考核)"
)
# A paragraph lead that puts what follows in the past: "“十三五”以来，", "2016年以来，", "近年来，"
SINCE_LEAD = re.compile(r"^[^，,。；]{0,14}(?:以来|年来)[，,]")
# A paragraph lead naming a five-year plan period: "“十三五”时期，" (past when it ended before now)
PERIOD_LEAD = re.compile(r"^[“\"]?(?P<plan>十[一二三四五]五)[”\"]?(?:时期|期间|期末|末|规划期)?(?:以来)?[，,]")


@dataclass(frozen=True, slots=True)
class Frame:
    """What a passage's section, paragraph or document says about time."""

    past: str | None = None  # why the passage reports results ("review section: 上年工作回顾")
    plan: bool = False  # a heading of the plan part (目标, 任务, 措施 …): ends a review above it
    deadline: str | None = None  # the date its lead sets ("2025", "2025-12")
    period: str | None = None  # the plan period its lead names ("十四五")
    goals: bool = False  # a goals section ("主要目标"): its later dated paragraphs date what follows


@dataclass(slots=True)
class Frames:
    """Frames of one document, looked up by offset."""

    text: str
    issue_year: int | None
    doc_past: str | None
    application: str | None  # an application notice or guide: its numbers are conditions
    plan_year: int | None  # first year of the plan period the title names ("“十四五”…规划" -> 2021)
    plan_doc: bool  # the title names a plan ("2023年工作要点"): its 全年 is the coming year
    sections: tuple[Section, ...]
    section_frames: dict[int, Frame]
    review_until: dict[int, int]  # review section start -> where the plan part begins
    para_starts: list[int]
    para_frames: list[Frame]
    dated_until: list[int]  # per line: the last line at or before it whose lead sets a date (-1: none)
    heading_starts: frozenset[int]  # line starts of outline headings
    # per line: where each sentence lead of the whole line ends, and the leads (read once)
    line_leads: dict[int, tuple[list[int], list[re.Match[str]]]] = field(default_factory=dict)

    def at(self, pos: int) -> Frame:
        """The frame at ``pos``: the last dated lead of its paragraph (or of the line it
        continues), then the last dated paragraph of a goals section, then the innermost
        dated or review section."""
        i = bisect.bisect_right(self.para_starts, pos) - 1
        para = self.para_frames[i] if i >= 0 else Frame()
        past = para.past or self.doc_past
        lead = self._lead_before(i, pos) if i >= 0 else None
        deadline, period = (lead.deadline, lead.period) if lead else (para.deadline, para.period)
        in_review_chapter = False  # inside a 第N章 / 第N节 review, plan-like headings name what was done
        for s in enclosing(self.sections, pos):  # outermost first: an inner section's lead wins
            f = self.section_frames.get(s.start)
            if f is None:
                continue
            if f.plan and not para.past and not in_review_chapter:
                past = self.doc_past
            if f.past and pos < self.review_until.get(s.start, s.end):
                past = past or f.past
                in_review_chapter = in_review_chapter or s.level <= max(CHAPTER_LEVELS.values())
            if lead is None and para.deadline is None and para.period is None:
                j = self.dated_until[i] if f.goals else -1
                if j >= 0 and self.para_starts[j] > s.start:  # "到2035年，…" then "到2025年，…"
                    deadline, period = self.para_frames[j].deadline, self.para_frames[j].period
                elif f.deadline or f.period:
                    deadline, period = f.deadline, f.period
        return Frame(past=past, deadline=deadline, period=period)

    def _continued(self, i: int, end: int) -> bool:
        """Does line ``i`` (ending at ``end``) leave its sentence open: it ends in ；/，/、 or
        mid-word ("…新建超低能耗建筑\t\t" over a line left unjoined), and is no heading?"""
        last = self.text[self.para_starts[i]:end].rstrip(" \t\u3000")[-1:]
        if not last or self.para_starts[i] in self.heading_starts:
            return False
        return last in CONTINUING_ENDS or "\u4e00" <= last <= "\u9fff"

    def _lead_before(self, i: int, pos: int) -> Frame | None:
        """The last dated sentence lead inside line ``i`` before ``pos`` ("…。到2025年，A…。
        B达到35%"), else, when the line only continues the one before it (that line ends
        in ；/，), the last dated lead of that line ("到2025年，…18%以上；\n森林覆盖率…")."""
        for _ in range(MAX_CONTINUED_LINES):
            start = self.para_starts[i]
            lead = self._last_lead(i, pos)
            if lead:
                return _dated_lead(lead.group("lead"))
            if i == 0 or (self.para_frames[i].deadline or self.para_frames[i].period):
                return None
            prev_end = start - 1  # the newline ending line i - 1
            if not self._continued(i - 1, prev_end):
                return None
            i, pos = i - 1, prev_end
            if self.para_frames[i].deadline or self.para_frames[i].period:
                lead = self._last_lead(i, pos)
                return _dated_lead(lead.group("lead")) if lead else self.para_frames[i]
        return None

    def _last_lead(self, i: int, pos: int) -> re.Match[str] | None:
        """The last :data:`SENTENCE_LEAD` a scan of ``text[para_starts[i]:pos]`` finds.

        The leads of the whole line are read once: a scan of a prefix finds exactly those
        that end by ``pos`` (a lead matches one way only, and none starts inside another:
        it holds no 。！？；; to look behind to), so a line with many numbers is not
        scanned again up to each of them.
        """
        start = self.para_starts[i]
        end = self.para_starts[i + 1] if i + 1 < len(self.para_starts) else len(self.text)
        if pos > end:  # never for a position on the line; the plain scan otherwise
            leads = list(SENTENCE_LEAD.finditer(self.text, start, pos))
            return leads[-1] if leads else None
        found = self.line_leads.get(i)
        if found is None:
            matches = list(SENTENCE_LEAD.finditer(self.text, start, end))
            found = self.line_leads[i] = ([m.end() for m in matches], matches)
        ends, matches = found
        k = bisect.bisect_right(ends, pos)
        return matches[k - 1] if k else None


def read_frames(text: str, title: str | None, issue_year: int | None) -> Frames:
    """Frames of a document (``title`` and ``issue_year`` from its metadata, when known)."""
    doc_past = application = None
    if title and any(w in title for w in markers()["review_titles"]):
        doc_past = f"review document: {title[:30]}"
    if title and APPLICATION_TITLE.search(title):
        application = title[:30]
    sections = _with_chapters(text, split_sections(text))
    section_frames = {s.start: _section_frame(text, s, issue_year) for s in sections}
    plans = [five_year_plans()[p][0] for p in re.findall(r"十[一二三四五]五", title or "") if p in five_year_plans()]
    now = issue_year or max(plans, default=None)
    starts, frames = [], []
    pos = 0
    for line in text.split("\n"):
        starts.append(pos)
        frames.append(_paragraph_frame(line, now))
        pos += len(line) + 1
    review_until = _review_ends(sections, section_frames)
    dated_until, last = [], -1
    for k, f in enumerate(frames):
        if (f.deadline or f.period) and not f.past:
            last = k
        dated_until.append(last)
    plan_doc = bool(title and PLAN_TITLE.search(title) and not doc_past)
    return Frames(text, issue_year, doc_past, application, max(plans, default=None), plan_doc, sections,
                  section_frames, review_until, starts, frames, dated_until,
                  frozenset(_line_start(text, s.start) for s in sections))


def _line_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _with_chapters(text: str, sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """The outline with the chapter (第一章) and section (第一节) headings of long plans added
    above it; an outline section ends where the next chapter or section heading begins."""
    heads = [(m.start(), CHAPTER_LEVELS[m.group("kind")], _heading_title(m.group("title")))
             for m in CHAPTER.finditer(text)]
    if not heads:
        return sections
    out = nested_sections(heads, len(text))  # a heading ends at the next one of its level or higher
    starts = [h[0] for h in heads]
    for s in sections:
        i = bisect.bisect_right(starts, s.start)
        out.append(Section(level=s.level, start=s.start, end=min(s.end, starts[i]) if i < len(starts) else s.end,
                           title=s.title))
    return tuple(sorted(out, key=lambda s: (s.start, s.level)))


def _heading_title(line: str) -> str:
    return TOC_TAIL.sub("", re.split(r"[。；;]", line, maxsplit=1)[0].strip()).strip()


def _review_ends(sections: tuple[Section, ...], frames: dict[int, Frame]) -> dict[int, int]:
    """A review section ends at the first plan heading after it, at any level: the layout may
    lose "二、总体要求" and leave "（三）发展目标" and the tasks nested in "一、发展基础".  A
    chapter (第一章 / 第一节) ends where the next one begins: its outline headings name what
    was done ("第一章“十三五”规划实施情况回顾" / "三、深入实施水污染防治攻坚行动", b446)."""
    out: dict[int, int] = {}
    for i, s in enumerate(sections):
        if frames[s.start].past:
            out[s.start] = s.end
            if s.level <= max(CHAPTER_LEVELS.values()):
                continue
            # sections are in order of start: the later ones inside ``s`` follow it directly
            for j in range(i + 1, len(sections)):
                t = sections[j]
                if t.start >= s.end:
                    break
                if frames[t.start].plan:
                    out[s.start] = t.start
                    break
    return out


def _section_frame(text: str, s: Section, issue_year: int | None) -> Frame:
    title = s.title[:MAX_HEADING]
    if (any(w in title for w in markers()["review_headings"]) and not TASK_HEADING.search(title)) \
            or _past_year_heading(title, issue_year):
        if not GOAL_HEADING.search(title) or "回顾" in title or "完成情况" in title:
            return Frame(past=f"review section: {title}")
    if not GOAL_HEADING.search(title):
        return Frame(plan=bool(PLAN_HEADING.search(title)))
    body = text[s.start:s.end]
    first_break = body.find("\n")
    lead = LINE_MARK.sub("", body[first_break + 1:first_break + 80]) if first_break >= 0 else ""
    dated = _dated_lead(lead)
    if dated:
        return Frame(deadline=dated.deadline, period=dated.period, plan=True, goals=True)
    return Frame(plan=True, goals=True)


def _past_year_heading(title: str, issue_year: int | None) -> bool:
    """"2022年工作回顾" / "上年主要工作" / "过去五年工作": a heading about a finished year."""
    if title.startswith(("上年", "去年", "过去")):
        return True
    m = re.match(rf"(?P<year>{YEAR})年", title)
    return bool(m and issue_year and m.group("year").isdigit() and int(m.group("year")) < issue_year
                and "工作" in title and not re.search(r"安排|计划|重点|要点|目标|任务", title))


def _paragraph_frame(line: str, now: int | None) -> Frame:
    """The lead of a line: past ("过去五年，", "“十三五”以来，", "2020年，" in a plan for
    2021–2025), dated ("到2025年，") or neither. ``now`` is the document's year, else the
    first year of the plan period its title names."""
    lead = LINE_MARK.sub("", line[:60])
    if lead.startswith(markers()["past_leads"]) or SINCE_LEAD.match(lead):
        return Frame(past=f"past lead: {lead[:12]}")
    m = YEAR_LEAD.match(lead)
    if m and now and m.group("year").isdigit() and int(m.group("year")) < now:
        return Frame(past=f"past year lead: {lead[:12]}")
    m = PERIOD_LEAD.match(lead)
    if m and now and m.group("plan") in five_year_plans() and five_year_plans()[m.group("plan")][1] < now:
        return Frame(past=f"past period lead: {lead[:12]}")
    return _dated_lead(lead) or Frame()


def _dated_lead(lead: str) -> Frame | None:
    m = DATE_LEAD.match(lead)
    if not m:
        return None
    if m.group("plan"):
        return Frame(period=m.group("plan"))
    year = m.group("year")
    if not year.isdigit():
        return None
    return Frame(deadline=f"{year}-12" if m.group("end") else year)


__all__ = ["Frame", "Frames", "read_frames"]
