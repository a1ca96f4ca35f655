"""Document metadata: title, 文号, issuers, issue date, recipients, cited documents,
attachments and contacts.

Official notices have a fixed layout (GB/T 9704): a red-header masthead ("XX局 XX委员会
文件"), the document's own 文号 on its own line, the title "关于…的通知", the 主送 line
ending in "：", the body, then the signature block (issuing bodies, one per line) and the
date alone on its line.  Each field is read from its place in that layout, so numbers,
bodies and dates that the body merely cites (《…》（国发〔2021〕33号）, "…的通知（2019年
印发）", a web page's "时间:2022-09-24") are not taken for the document's own.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from ..model import Document, Metadata
from ..normalize.outline import outline_level
from ..settings import Settings
from .dates import cn_number, parse_date, revision_month, validity
from .labels import (
    Labelled,
    clean_title,
    is_label_line,
    labelled_fields,
    strip_label,
    title_approval_note,
    title_stoppers,
    title_suffix_line,
)
from .recipients import find_recipients, split_recipients  # noqa: F401 - split_recipients is re-exported
from .vocab import (
    ANNEX_LABEL,
    ATTACHMENT_ITEM,
    ATTACHMENT_LINE,
    CITED_DOCUMENT,
    CONTACT_HEADER,
    CONTACT_NAME,
    CONTACT_PAIR,
    COVER_LINE,
    DATE_CN,
    DATE_LINE,
    DOC_NUMBER,
    EMAIL,
    GLUED_NUMBER,
    GLUED_PURPOSE,
    GLUED_TITLE,
    MASTHEAD_WORD,
    NEWS_LEAD_ISSUER,
    NEWS_LEAD_TITLE,
    NUMBER_AFTER_DATE,
    NUMBER_AFTER_TITLE,
    ORDER_NUMBER,
    ORDER_NUMBER_SPLIT,
    OWN_DOC_NUMBER_LINE,
    PHONE,
    PHONE_LABEL,
    PRINTED_DATE_LINE,
    REGION_HEAD,
    REPORT_SUBTITLE,
    SENTENCE_END,
    vocab_patterns,
)

LOGGER = logging.getLogger(__name__)

# Non-empty lines at the top that form the header (masthead, 文号, issuers, title, 主送).
HEADER_LINES = 15
# Lines searched for a heading-like title when no 关于…的通知 line exists (news leads can be long).
TITLE_SEARCH_LINES = 40
# A title is shorter than this; longer lines are prose.
MAX_TITLE_CHARS = 100
# A 关于…的通知 title printed over more lines than this is not a title block.
MAX_TITLE_LINES = 4
# Longest place name before a short issuer name ("宁夏回族自治区" is 7).
MAX_REGION_CHARS = 8
# Lines below a page heading where the document restates its own, fuller title.
RESTATED_TITLE_LINES = 3
# Shortest heading-like title ("讲话" alone is not a title).
MIN_TITLE_CHARS = 4
# The head of a signature name a PDF wrapped onto the line before ("宁夏回" / "族自治区…").
SIGNATURE_WRAP_HEAD = re.compile(r"[\u4e00-\u9fff]{1,6}")
# ... joined only when the head and this many characters of the name stand together elsewhere.
SIGNATURE_WRAP_CHECK = 2
# An organisation line of a masthead or signature block is short.
MAX_ORG_LINE = 60
# Bodies an issuer line above a 关于 title may name: "中共四川省委四川省人民政府" (b364); a line of
# three or more is a masthead of joint issuers, not part of the title (b332).
MAX_TITLE_ISSUERS = 2
# A news lead's issuer that is only the reporter's own place: "我市印发《…》" names no body
SELF_PLACE = re.compile(r"我(?:省|市|区|县|州|盟|旗)")
# A line opening with this few characters before 印发 may open with a wrapped name's tail
MAX_WRAPPED_TAIL = 3
# A 关于…的通知 title glued to the 主送 line is looked for in this many first lines; the 主送
# line may run on into a next line this short ("单位：").
GLUED_TITLE_LINES = 3
RUN_ON_RECIPIENTS = 12
# Verbs after which a title names what its issuer does: "江西省人民政府印发关于…的通知".
TITLE_ISSUING_VERB = re.compile(r"印发|转发|批转|贯彻落实")
# A title line that forwards another body's document: "国务院办公厅转发国家发展改革委" (no punctuation).
FORWARDED = re.compile(r"[\u4e00-\u9fff]{2,30}?(?:转发|批转)[\u4e00-\u9fff、]{2,60}")
# Lines after 联系人 searched for its phone and e-mail.
CONTACT_LOOKAHEAD = 4
# Longest attachment name kept.
MAX_ATTACHMENT_CHARS = 80

_OPEN, _CLOSE = "（(〔[【《", "）)〕]】》"


@dataclass(slots=True)
class Line:
    """A non-empty line of ``doc.text``; a table line with one cell counts as that cell."""

    index: int
    start: int
    end: int
    text: str


def text_lines(text: str) -> list[Line]:
    out: list[Line] = []
    raw = list(re.finditer(r"[^\n]+", text))
    skip = False
    for k, m in enumerate(raw):
        if skip:
            skip = False
            continue
        cells = [c for c in m.group(0).split("\t") if c.strip()]
        glued = _glued_title(m, raw[k + 1] if k + 1 < len(raw) else None) if k < GLUED_TITLE_LINES else None
        head = k < GLUED_TITLE_LINES and not glued
        after_title = (GLUED_NUMBER.fullmatch(m.group(0)) or GLUED_PURPOSE.match(m.group(0))) if head else None
        if after_title:  # "…的通知浙林绿〔2022〕37号" / "…的实施意见为贯彻落实…": the title, then a line of its own
            cut = m.start() + after_title.end("title")
            out.append(Line(len(out), m.start(), cut, text[m.start():cut]))
            out.append(Line(len(out), cut, m.end(), text[cut:m.end()]))
        elif glued:
            title_end, rest_end, skip = glued
            out.append(Line(len(out), m.start(), title_end, text[m.start():title_end]))
            out.append(Line(len(out), title_end, rest_end, text[title_end:rest_end].replace("\n", "")))
        elif len(cells) == 1:
            out.append(Line(len(out), m.start(), m.end(), cells[0].strip()))
        elif len(cells) > 1:
            out.append(Line(len(out), m.start(), m.end(), m.group(0)))
    return out


def _glued_title(m: re.Match[str], nxt: re.Match[str] | None) -> tuple[int, int, bool] | None:
    """A 关于…的通知 title and the 主送 line after it read as one line (a PDF lost the break):
    "关于下达…项目计划的通知各市科技局，各有关单位：" -> (end of the title, end of the 主送 line, whether
    the 主送 line runs on into the next line: "…，各有关" / "单位：")."""
    g = GLUED_TITLE.match(m.group(0))
    if not g:
        return None
    rest = g.group("rest")
    if rest.endswith(("：", ":")):
        return m.start() + g.end("title"), m.end(), False
    if nxt is not None and nxt.group(0).endswith(("：", ":")) and len(nxt.group(0)) <= RUN_ON_RECIPIENTS:
        return m.start() + g.end("title"), nxt.end(), True
    return None


# --------------------------------------------------------------------------- values


def date_to_iso(m: re.Match[str]) -> str | None:
    y, mo, d = cn_number(m.group("y")), cn_number(m.group("m")), cn_number(m.group("d"))
    if y is None or mo is None or d is None or not (1 <= mo <= 12 and 1 <= d <= 31):
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}"


def normalize_doc_number(s: str) -> str | None:
    """企管函〔2012〕007号 form: 〔〕 brackets, no spaces, the number as written."""
    m = DOC_NUMBER.search(re.sub(r"\s+", "", s))
    if not m:
        return None
    return f"{m.group('org')}〔{m.group('year')}〕{m.group('num')}号"


# --------------------------------------------------------------------------- title


def _is_heading_like(line: Line) -> bool:
    vp = vocab_patterns()
    text = line.text
    return (
        MIN_TITLE_CHARS <= len(text) <= MAX_TITLE_CHARS
        and "\t" not in text
        and bool(re.search(r"[\u4e00-\u9fff]", text))
        and not SENTENCE_END.search(text)
        and not DATE_LINE.fullmatch(text)
        and not PRINTED_DATE_LINE.fullmatch(text)
        and not OWN_DOC_NUMBER_LINE.fullmatch(text)
        and not ANNEX_LABEL.fullmatch(text)
        and not vp.web_date_line.match(text)
        and not (vp.org_line.fullmatch(text) and len(text) <= MAX_ORG_LINE)
        and not MASTHEAD_WORD.search(text[-3:])
        and outline_level(text) is None
        and "http" not in text
        and not text.startswith(("来源", "作者", "发布"))
        and not any(stop in text for stop in title_stoppers())
        and (not is_label_line(text) or strip_label(text) != text)
    )


@dataclass(slots=True)
class TitleHit:
    first: int  # index of the title's first line
    last: int  # index of its last line (a title broken over two lines)
    text: str


def find_title(lines: list[Line], doc: Document | None = None) -> TitleHit | None:
    """Where the title is: a 关于…的通知 block, else the first heading (joined with the heading
    lines that complete it) that ends like a title, else the first heading-like line; a suffix
    line such as "(2021—2025年)" below it belongs to it."""
    hit = _about_title(lines, doc)
    if hit is None:
        vp = vocab_patterns()
        heads = [_extend_title(lines, TitleHit(h.index, h.index, h.text))
                 for h in lines[:TITLE_SEARCH_LINES] if _is_heading_like(h)]
        ended = [h for h in heads if vp.title_ending.search(clean_title(h.text))]
        hit = (ended or heads or [None])[0]
        if hit is not None and ended:
            # "团支部考核细则" then "绍兴一中团支部考核细则": the document's own fuller title
            fuller = [h for h in ended[1:] if 0 < h.first - hit.last <= RESTATED_TITLE_LINES
                      and clean_title(h.text).endswith(clean_title(lines[hit.last].text))
                      and len(h.text) > len(lines[hit.last].text)]
            hit = fuller[0] if fuller else hit
    if hit is not None and hit.last + 1 < len(lines) and title_suffix_line().fullmatch(lines[hit.last + 1].text):
        hit = TitleHit(hit.first, hit.last + 1, hit.text + lines[hit.last + 1].text)
    return hit


def _about_title(lines: list[Line], doc: Document | None) -> TitleHit | None:
    """The 关于…的通知 title, joined over up to :data:`MAX_TITLE_LINES` lines, with the issuer's
    own line above it when the title block starts there ("山东省人民政府办公厅" / "关于…")."""
    vp = vocab_patterns()
    for i, line in enumerate(lines[:HEADER_LINES]):
        if SENTENCE_END.search(line.text) or len(line.text) > MAX_TITLE_CHARS or "\t" in line.text:
            continue
        if "关于" not in line.text:
            continue
        joined, last = clean_title(line.text), i
        while not vp.title_line.fullmatch(joined) and last + 1 < min(len(lines), i + MAX_TITLE_LINES):
            nxt = lines[last + 1].text
            if SENTENCE_END.search(nxt) or OWN_DOC_NUMBER_LINE.fullmatch(nxt) or len(joined + nxt) > MAX_TITLE_CHARS:
                break
            joined, last = joined + nxt, last + 1
        if not vp.title_line.fullmatch(joined):
            continue
        # "关于印发…实施方案" / "的通知", "…排放报告" / "相关工作的通知", "…入库指南" / "（试行）》的通知"
        # (an open 《): a title can end like one before its real ending
        tail = NUMBER_AFTER_TITLE.sub("", lines[last + 1].text) if last + 1 < len(lines) else ""
        if tail and (_TITLE_TAIL.fullmatch(tail) or joined.count("《") > joined.count("》")) \
                and vp.title_line.fullmatch(joined + tail):
            joined, last = joined + tail, last + 1  # "…规划" / "的通知(青政字〔2021〕19号)" (b471)
        first = i
        above = lines[i - 1].text if i > 0 else ""
        above2 = lines[i - 2].text if i > 1 else ""
        if FORWARDED.fullmatch(above) and len(above + joined) <= MAX_TITLE_CHARS:
            # "国务院办公厅转发国家发展改革委" / "国家能源局关于…的通知": the forwarding line opens the title
            return TitleHit(i - 1, last, above + joined)
        if joined.startswith("关于") and _issuer_line(lines, i - 1, doc):
            joined, first = above + joined, i - 1
            if i == 2 and _issuer_line(lines, 0, doc) and len(above2 + joined) <= MAX_TITLE_CHARS:
                # the document opens with its joint issuers, one per line: "重庆市人民政府办公厅" /
                # "四川省人民政府办公厅" / "关于…的通知" (b057)
                joined, first = above2 + joined, 0
        return TitleHit(first, last, joined)
    return None


def _issuer_line(lines: list[Line], k: int, doc: Document | None) -> bool:
    """Line ``k`` names the issuers of the title below it: one or two bodies ("中共四川省委四川省
    人民政府", b364), no masthead, and no org line above it unless it opens the document (a
    signature block is a run of org lines)."""
    if k < 0:
        return False
    vp = vocab_patterns()
    text = lines[k].text
    if not (vp.org_line.fullmatch(text) and len(text) <= MAX_ORG_LINE and not MASTHEAD_WORD.search(text)):
        return False
    if k > 0 and vp.org_line.fullmatch(lines[k - 1].text) and not (k == 1 and _issuer_line(lines, 0, doc)):
        return False
    return doc is None or len(org_names(doc, lines[k].start, lines[k].end)) <= MAX_TITLE_ISSUERS


_NOTE_TAIL = re.compile(r"[（(][^（()）]{1,12}[）)]$")
# "X等17部门" / "X等五部门" before 关于: several issuers of whom the title names the first
_SEVERAL_BODIES = re.compile(r"等(?:\d{1,2}|[一二三四五六七八九十]{1,3})?个?部门(?=关于)")
# A promulgating meeting: "由生态环境部部务会议审议通过，现予公布"; searched in the text's head
_APPROVED_BY = re.compile(r"(?:由|经)(?:[^，。；\n]{0,16}?日)?(?P<org>[\u4e00-\u9fff]{2,30}?)(?:第[\d一二三四五六七八九十]+次)?"
                          r"(?:部务|委务|局务|厅务|常务|办公)会议(?:审议)?通过[，,]?现予(?:公布|发布|印发)")
APPROVAL_REACH = 600
# The last line of a title that wrapped after a word that can end one: "相关工作的通知", "的意见"
_TITLE_TAIL = re.compile(r"[^，,。；;：:\s]{0,12}的(?:通知|意见|实施意见|函|通报|公告|决定|批复)")


def _extend_title(lines: list[Line], hit: TitleHit) -> TitleHit:
    """Join the following heading-like lines until the title has its ending (…园区 / 建设评价导则),
    over two lines at most ("贯彻落实碳达峰碳中和目标要求" / "推动数据中心和5G等…发展" / "实施方案", b013)."""
    vp = vocab_patterns()
    if vp.title_ending.search(hit.text):
        return hit
    for k in (1, 2):
        following = lines[hit.last + 1 : hit.last + 1 + k]
        joined = hit.text + "".join(line.text for line in following)
        # "…配额总量设定与分配" / "实施方案（发电行业）": a bracketed note may follow the ending (b036)
        if (len(following) == k and all(_is_heading_like(line) for line in following) and len(joined) <= MAX_TITLE_CHARS
                and vp.title_ending.search(_NOTE_TAIL.sub("", joined))):
            return TitleHit(hit.first, hit.last + k, joined)
    return hit


# --------------------------------------------------------------------------- issuers


def _raw_parts(doc: Document, start: int, end: int) -> list[str]:
    """The raw text of a normalized span split at whitespace (which normalize removed)."""
    if not doc.offsets or end <= start:
        return doc.text[start:end].split()
    raw = doc.raw_text[doc.offsets[start] : doc.offsets[end - 1] + 1]
    parts = raw.split()
    if parts and sum(len(p) for p in parts) / len(parts) <= 1.5:  # 福 建 省 生 态 环 境 厅
        parts = ["".join(parts)]
    return parts


def org_names(doc: Document, start: int, end: int) -> list[str]:
    """Organisation names filling the span exactly (each raw part is one name), else []."""
    from ..normalize import normalize_text

    vp = vocab_patterns()
    names: list[str] = []
    for part in _raw_parts(doc, start, end):
        name = normalize_text(part).strip()
        name = MASTHEAD_WORD.sub("", name) if MASTHEAD_WORD.fullmatch(name[-2:] or "x") else name
        if not name:
            continue
        for piece in (p for run in re.split(r"[、，,]", name) for p in _GLUED_ORGS.split(run)):
            if not (vp.org_line.fullmatch(piece) and len(piece) <= MAX_ORG_LINE):
                return []
            names.append(piece)
    return names


# Joint issuers written without a separator before 关于: "中共四川省委四川省人民政府关于…",
# "重庆市人民政府办公厅四川省人民政府办公厅关于…": a body's ending, then a new body of a place
_GLUED_ORGS = re.compile(
    r"(?:(?<=人民政府)|(?<=办公厅)|(?<=委员会)|(?<=省委)|(?<=市委)|(?<=区委)|(?<=党委))"
    r"(?!办公厅|办公室)(?=中共|国务院|(?:[\u4e00-\u9fff]{2,8}?)?(?:省|市|自治区)(?:人民政府|政府|委员会|党委|委))")


def _masthead_issuers(doc: Document, header: list[Line]) -> list[str]:
    for line in header:
        if len(line.text) <= MAX_ORG_LINE and MASTHEAD_WORD.search(line.text) and "\t" not in line.text:
            names = org_names(doc, line.start, line.end)
            if names:
                return names
    return []


def _header_org_lines(doc: Document, lines: list[Line], title: TitleHit | None) -> list[str]:
    names: list[str] = []
    for line in lines[: title.first if title is not None else 0]:
        if MASTHEAD_WORD.search(line.text) or len(line.text) > MAX_ORG_LINE:
            continue
        names += org_names(doc, line.start, line.end)
    return names


def _title_prefix_issuers(doc: Document, lines: list[Line], title: TitleHit | None) -> list[str]:
    """The issuer written before 关于 (or 印发 / 转发 / 贯彻落实) in the title, or on the title block's
    own first line."""
    if title is None or not ("关于" in title.text or TITLE_ISSUING_VERB.search(title.text)):
        return []
    line = lines[title.first]
    text = strip_label(line.text)
    base = line.start + doc.text[line.start : line.end].find(text)
    # the issuer ends where 关于 or an issuing verb starts: "国务院办公厅转发国家发展改革委…关于…" (the
    # forwarding body issues it), "江西省人民政府印发关于…的通知", "中共青海省委、青海省人民政府贯彻落实《…》"
    found = [k for k in (text.find("关于"), *(m.start() for m in TITLE_ISSUING_VERB.finditer(text, 0, MAX_ORG_LINE)))
             if k >= 0]
    cut = min(found, default=-1)
    if cut < 0:  # "山东省人民政府办公厅" on its own line above "关于…的通知"
        return org_names(doc, base, base + len(text)) if title.first < title.last else []
    if (several := _SEVERAL_BODIES.search(text)) is not None and several.end() == cut:
        cut = several.start()  # "四川省住房城乡建设厅等17部门关于…" (b352): the first body is named
    return org_names(doc, base, base + cut) if cut > 0 else []


def _signature_issuers(doc: Document, lines: list[Line], date_idx: int | None) -> list[str]:
    """The org lines right above the date; a name a PDF wrapped over two signature lines
    ("宁夏回" / "族自治区人民政府办公厅", "邯郸市人" / "民政府") is joined, not cut, when the
    text writes the joined words elsewhere too ("宁夏回族", "邯郸市人民"): "特此通知" above a
    signature is no head of its name."""
    names: list[str] = []
    i = (date_idx or 0) - 1
    while date_idx is not None and i >= 0:
        found = org_names(doc, lines[i].start, lines[i].end) if len(lines[i].text) <= MAX_ORG_LINE else []
        if not found:
            break
        head = lines[i - 1].text if i > 0 else ""
        if (SIGNATURE_WRAP_HEAD.fullmatch(head) and lines[i].text.startswith(found[0])
                and head + found[0][:SIGNATURE_WRAP_CHECK] in doc.text
                and not org_names(doc, lines[i - 1].start, lines[i - 1].end)):  # "公安部" / "商务部": two bodies
            return [head + found[0], *found[1:], *names]
        names = found + names
        i -= 1
    return names


def _news_lead_issuers(lines: list[Line]) -> list[str]:
    vp = vocab_patterns()
    for line in lines[:HEADER_LINES]:
        for m in NEWS_LEAD_ISSUER.finditer(line.text):
            org = m.group("org")
            if vp.org_suffix.search(org) and vp.org_line.fullmatch(org):
                return _GLUED_ORGS.split(org)  # "中共云南省委办公厅云南省人民政府办公厅印发《…》" (b317)
    return []


def find_issuers(doc: Document, lines: list[Line], title: TitleHit | None, date_idx: int | None) -> list[str]:
    """Masthead, org lines above the title, the title's own prefix and the signature block."""
    found = (
        _masthead_issuers(doc, lines[:HEADER_LINES])
        + _header_org_lines(doc, lines, title)
        + _title_prefix_issuers(doc, lines, title)
        + _signature_issuers(doc, lines, date_idx)
    )
    if not found:
        found = _news_lead_issuers(lines)
    return _one_per_body(list(dict.fromkeys(found)))


def _approving_body(head: str) -> list[str]:
    """The body whose meeting passed a promulgated text: "《…办法》已于2020年11月5日由生态环境部部务会议
    审议通过，现予公布" (b406), "…已经2021年11月23日国家发展和改革委员会第19次委务会议审议通过" (b025)."""
    m = _APPROVED_BY.search(head)
    vp = vocab_patterns()
    return [m.group("org")] if m and vp.org_line.fullmatch(m.group("org")) and len(m.group("org")) <= MAX_ORG_LINE else []


def _one_per_body(names: list[str]) -> list[str]:
    """Two spellings of one body are one issuer, written in full: the title's "云南省科技厅"
    and the signature's "云南省科学技术厅" give 云南省科学技术厅 (the department alias table
    decides what one body is)."""
    from ..departments import canonical

    keys = [(c.region, c.core) for c in (canonical(name, {}) for name in names)]
    # "自治区人民政府办公厅" in the title, "宁夏回族自治区人民政府办公厅" signed: the level word is
    # the named place's, one body
    keys = [next((k for k in keys if k[1] == core and len(k[0]) > len(region) and k[0].endswith(region)), (region, core))
            if region else (region, core) for region, core in keys]
    spelled: dict[tuple[str, str], str] = {}
    for name, key in zip(names, keys):
        if len(name) > len(spelled.get(key, "")):
            spelled[key] = name
    return list(dict.fromkeys(spelled[key] for key in keys))


# --------------------------------------------------------------------------- other fields


def find_doc_number(lines: list[Line]) -> str | None:
    """The 文号 alone on a header line, bracketed after the title's ending ("…的通知(青政字
    〔2021〕19号)") or after a web page's date ("发布时间：2021年10月15日京建发〔2021〕315号");
    cited 文号 sit inside sentences and are ignored."""
    for line in lines[:HEADER_LINES]:
        m = (OWN_DOC_NUMBER_LINE.fullmatch(line.text) or NUMBER_AFTER_TITLE.search(line.text)
             or NUMBER_AFTER_DATE.search(line.text))
        if m:
            return normalize_doc_number(m.group("number"))
    return None


def find_issue_date(lines: list[Line], title: TitleHit | None) -> tuple[int | None, str | None]:
    """(line index, YYYY-MM-DD) of the first date alone on its line after the title; else the 印发 line."""
    start = title.last + 1 if title is not None else 0
    for line in lines[start:]:
        m = DATE_LINE.fullmatch(line.text)
        if m and (iso := date_to_iso(m)):
            return line.index, iso
    for line in lines[start:]:
        m = PRINTED_DATE_LINE.fullmatch(line.text)
        if m and (iso := date_to_iso(DATE_CN.search(line.text))):  # type: ignore[arg-type]
            return None, iso
    return None, None


def find_cited_documents(text: str) -> list[dict[str, Any]]:
    cited: dict[str, str | None] = {}
    for m in CITED_DOCUMENT.finditer(text):
        title = m.group("title").strip()
        number = normalize_doc_number(m.group("number")) if m.group("number") else None
        if title not in cited or (number and not cited[title]):
            cited[title] = number
    return [{"title": t, "doc_number": n} for t, n in cited.items()]


def find_attachments(lines: list[Line]) -> list[str]:
    names: list[str] = []
    in_list = False
    for line in lines:
        m = ATTACHMENT_LINE.fullmatch(line.text)
        if m and m.group("name") and "\t" not in line.text:
            name = m.group("name").strip()
            item = ATTACHMENT_ITEM.fullmatch(name)
            in_list = bool(item) or bool(m.group("n"))
            name = item.group("name").strip() if item else name
            if len(name) <= MAX_ATTACHMENT_CHARS and not SENTENCE_END.search(name.rstrip("。")) and "。" not in name[:-1]:
                names.append(name.rstrip("。；;"))
            continue
        item = ATTACHMENT_ITEM.fullmatch(line.text) if in_list else None
        if item and len(item.group("name")) <= MAX_ATTACHMENT_CHARS and "，" not in item.group("name"):
            names.append(item.group("name").strip().rstrip("。；;"))
        else:
            in_list = False
    return list(dict.fromkeys(names))


def _contact_pairs(lines: list[Line]) -> list[dict[str, Any]]:
    """苏汝波0591-88367063、易心坦0591-88360282 lines under a 联系人及联系方式： header."""
    out = []
    for line in lines:
        pairs = list(CONTACT_PAIR.finditer(line.text))
        if not pairs:
            break
        out += [{"name": p.group("name"), "phone": p.group("phone"), "email": None} for p in pairs]
    return out


def find_contacts(lines: list[Line]) -> list[dict[str, Any]]:
    contacts: list[dict[str, Any]] = []
    for i, line in enumerate(lines):
        if CONTACT_HEADER.fullmatch(line.text):
            contacts += _contact_pairs(lines[i + 1 : i + 1 + CONTACT_LOOKAHEAD])
            continue
        m = CONTACT_NAME.search(line.text)
        if not m:
            continue
        names = [n for n in re.split(r"[、，,\s及和]+", m.group("names")) if 2 <= len(n) <= 4]
        window = [line.text[m.end():]] + [
            ln.text for ln in lines[i + 1 : i + 1 + CONTACT_LOOKAHEAD] if not CONTACT_NAME.search(ln.text)
        ]
        phones = [p.group(0) for w in window if w is window[0] or PHONE_LABEL.search(w) for p in PHONE.finditer(w)]
        emails = [e.group(0) for w in window for e in EMAIL.finditer(w)]
        for k, name in enumerate(names):
            contacts.append({
                "name": name,
                "phone": phones[k] if len(phones) == len(names) else (phones[0] if phones else None),
                "email": emails[k] if len(emails) == len(names) else (emails[0] if emails else None),
            })
    return contacts


def extract_metadata(doc: Document, settings: Settings) -> Metadata:
    """Metadata of ``doc`` read from the layout of ``doc.text``.

    Fields a page states with a label ("标题：", "发文机关：", "成文日期：") or a crawler record
    states as its own fields win; a news page that reports one document describes that
    document (its 《title》 and the body that issued it); a page's headline or front-matter
    title is the title only when the text names no document.
    """
    lines = text_lines(doc.text)
    labels = labelled_fields(lines)
    roc = doc.script in ("traditional", "mixed")
    title = find_title(lines, doc)
    date_idx, issue_date = find_issue_date(lines, title)
    title_text, issuers = _title_and_issuers(doc, lines, title, labels, date_idx)
    cover_issuers, cover_month = _plan_cover(doc, lines, title)
    order = _order_number(lines)
    valid_from, valid_until = validity(doc.text)
    return Metadata(
        title=title_text,
        doc_number=_labelled_number(labels) or find_doc_number(lines) or (order[1] if order else None),
        issuers=(issuers or ([order[0]] if order else []) or _approving_body(doc.text[:APPROVAL_REACH])
                 or _cover_issuers(lines) or cover_issuers),
        issue_date=_issue_date(issue_date, labels, lines, title, roc) or cover_month,
        recipients=_report_addressees(lines) or find_recipients(lines, title, HEADER_LINES),
        valid_from=valid_from,
        valid_until=valid_until,
        cited_documents=find_cited_documents(doc.text),
        attachments=find_attachments(lines),
        contacts=find_contacts(lines),
    )


def _title_and_issuers(doc: Document, lines: list[Line], title: TitleHit | None,
                       labels: dict[str, Labelled], date_idx: int | None) -> tuple[str | None, list[str]]:
    """The title by precedence (label, record field, 关于 block, reported document, front
    matter, heading) and the issuers that go with it."""
    issuers = find_issuers(doc, lines, title, date_idx)
    if "issuers" in labels:
        issuers = split_issuer_list(labels["issuers"].value) or issuers
    if "title" in labels:
        return clean_title(labels["title"].value), issuers or _about_prefix(clean_title(labels["title"].value))
    front_title = doc.front_matter.get("title")
    front_title = front_title if isinstance(front_title, str) and front_title.strip() else None
    if doc.format == "json" and front_title:
        return clean_title(front_title), issuers
    if title is not None and ("关于" in title.text or vocab_patterns().title_ending.search(clean_title(title.text))):
        return clean_title(title.text), issuers
    reported = _reported_document(lines, front_title or (lines[0].text if lines else None))
    if reported:
        return reported
    if front_title:
        return clean_title(front_title), issuers
    return (clean_title(title.text) if title else None), issuers


def _about_prefix(title: str) -> list[str]:
    """The issuer written before 关于 in a title: "国务院办公厅关于…的通知" -> 国务院办公厅."""
    vp = vocab_patterns()
    head = title.split("关于", 1)[0] if "关于" in title else ""
    return [head] if head and vp.org_line.fullmatch(head) and len(head) <= MAX_ORG_LINE else []


def split_issuer_list(value: str) -> list[str]:
    """A labelled issuer field: "国家发展改革委、国家能源局" -> both."""
    vp = vocab_patterns()
    names = [n.strip() for n in re.split(r"[、，,；;\s]+", value) if n.strip()]
    return names if names and all(vp.org_line.fullmatch(n) for n in names) else []


def _labelled_number(labels: dict[str, Labelled]) -> str | None:
    return normalize_doc_number(labels["doc_number"].value) if "doc_number" in labels else None


def _reported_document(lines: list[Line], headline: str | None) -> tuple[str, list[str]] | None:
    """A news lead's reported document: "省政府印发了《关于…的指导意见》" -> (title, [省政府]).

    A short issuer ("省政府") takes its full form from the headline when the headline writes
    it ("浙江省政府发文…" -> 浙江省政府).
    """
    vp = vocab_patterns()
    for line in lines[:HEADER_LINES]:
        above = lines[line.index - 1].text if line.index > 0 else ""
        for m in NEWS_LEAD_TITLE.finditer(line.text):
            org = m.group("org")
            if m.start("org") == 0 and len(org) <= MAX_WRAPPED_TAIL and above and SIGNATURE_WRAP_HEAD.fullmatch(above[-1]):
                org = above + org  # "中共云南省委办公厅云南省人民政府办" / "公厅印发《…》" (b317): a wrapped name
            orgs, name = [p for o in org.split("、") for p in _GLUED_ORGS.split(o)], m.group("title")
            if SELF_PLACE.fullmatch(org) and vp.title_ending.search(name):
                return name, []  # "6月5日，我市印发《…实施方案》" (b141): the document, no body named
            if not (all(vp.org_suffix.search(o) and vp.org_line.fullmatch(o) for o in orgs)
                    and vp.title_ending.search(name)):
                continue
            if len(orgs) == 1:
                org = orgs[0]
                full = re.search(rf"[\u4e00-\u9fff]{{1,{MAX_REGION_CHARS}}}{re.escape(org)}", headline or "")
                if full and vp.org_line.fullmatch(full.group(0)):
                    orgs = [_shortest_region_name(full.group(0), org)]
            return name, orgs
    return None


def _shortest_region_name(full: str, org: str) -> str:
    """"浙江省政府" for "省政府": the headline's name when only a place name stands before ``org``."""
    head = full[: len(full) - len(org)]
    return full if 1 <= len(head) <= MAX_REGION_CHARS and REGION_HEAD.fullmatch(head + org[0] + "x") else org


def _order_number(lines: list[Line]) -> tuple[str, str] | None:
    """A 令 or 公告 number alone on a header line: "山西省人民政府令第287号" -> (issuer, number as
    written), or set on two lines: "中华人民共和国国家发展和改革委员会令" / "（第50号）"."""
    head = lines[:HEADER_LINES]
    for k, line in enumerate(head):
        m = ORDER_NUMBER.fullmatch(line.text)
        if m is None and k + 1 < len(head) and ORDER_NUMBER_SPLIT.fullmatch(head[k + 1].text.strip()):
            m = ORDER_NUMBER.fullmatch(line.text.strip() + head[k + 1].text.strip())
        if m:
            return m.group("org"), re.sub(r"\s+", "", m.group("number"))
    return None


# A plan's cover: its title, then the issuing bodies one per line, then the month it was
# finished alone on a line ("江苏省“十四五”可再生能源发展专项规划 / 江苏省发展改革委 / 2022年6月
# / 目录"; 15 of the 163 bulk PDFs). A note in brackets may stand between ("（修订版）").
_MONTH_LINE = re.compile(r"(?P<year>\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月?")
_NOTE_LINE = re.compile(r"[（(][^（()）]{1,20}[）)]")
# Lines after the title that a cover may hold before its date
MAX_COVER_LINES = 5


def _plan_cover(doc: Document, lines: list[Line], title: TitleHit | None) -> tuple[list[str], str | None]:
    """(issuers, "YYYY-MM") of a plan's cover below ``title``, or ([], None) when the lines
    after the title are not a cover (a body line comes before any month date). Issuers listed
    under a title and followed by its body count too, undated ("关于…的意见" / "省市场监管局
    省发展改革委 …" / "为深入贯彻…，现提出如下意见。", b183)."""
    if title is None:
        return [], None
    vp = vocab_patterns()
    orgs: list[str] = []
    for line in lines[title.last + 1 : title.last + 2 + MAX_COVER_LINES]:  # the cover, then its end
        text = line.text.strip()
        m = _MONTH_LINE.fullmatch(text)
        if m:
            year, month = cn_number(m.group("year")), cn_number(m.group("month"))
            if year is None or month is None or not 1 <= month <= 12:
                return [], None
            return orgs, f"{year:04d}-{month:02d}"
        names = org_names(doc, line.start, line.end) if vp.org_suffix.search(text) else []
        if names:
            orgs.extend(names)
        elif not _NOTE_LINE.fullmatch(text):
            return (orgs, None) if orgs and SENTENCE_END.search(text) else ([], None)
    return [], None


def _cover_issuers(lines: list[Line]) -> list[str]:
    """A cover line "甲委员会、乙部、丙署，2021年6月1日" names the issuers; a work report's
    subtitle names the body it speaks for ("代表市人民政府" -> 市人民政府)."""
    vp = vocab_patterns()
    for line in lines[:HEADER_LINES]:
        report = REPORT_SUBTITLE.search(line.text)
        if report:
            return [report.group("org")]
        m = COVER_LINE.fullmatch(line.text)
        if m:
            names = [n for n in m.group("orgs").split("、") if n]
            if names and all(vp.org_line.fullmatch(n) and vp.org_suffix.search(n) for n in names):
                return names
    return []


def _issue_date(found: str | None, labels: dict[str, Labelled], lines: list[Line],
                title: TitleHit | None, roc: bool) -> str | None:
    """Labelled 成文日期, the layout's date, a cover line, a report's subtitle, a note glued
    to the title, then the page's posting date."""
    if "issue_date" in labels and (iso := parse_date(labels["issue_date"].value, roc=roc)):
        return iso
    if found:
        return found
    for line in lines[:HEADER_LINES]:
        m = COVER_LINE.fullmatch(line.text) or REPORT_SUBTITLE.search(line.text)
        if m and (iso := parse_date(m.group("date"), roc=roc)):
            return iso
    if title is not None:
        below = lines[title.last + 1].text if title.last + 1 < len(lines) else ""
        # glued to the title, or on the line below it: "（2021年12月2日…第十次全体会议通过）" (b363)
        note = title_approval_note().search(lines[title.first].text) or title_approval_note().fullmatch(below)
        if note and (iso := parse_date(note.group(0), roc=roc)):
            return iso
        if (revised := revision_month(below)):
            return revised
    if "posted" in labels:
        return parse_date(labels["posted"].value, roc=roc)
    return None


def _report_addressees(lines: list[Line]) -> list[str]:
    """A work report's subtitle "（…代表市人民政府向大会作的工作报告）" addresses 大会."""
    for line in lines[:HEADER_LINES]:
        m = REPORT_SUBTITLE.search(line.text)
        if m:
            return [m.group("to")]
    return []
