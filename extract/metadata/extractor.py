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
from .recipients import split_recipients
from .vocab import (
    ANNEX_LABEL,
    ATTACHMENT_ITEM,
    ATTACHMENT_LINE,
    CITED_DOCUMENT,
    CONTACT_HEADER,
    CONTACT_NAME,
    CONTACT_PAIR,
    DATE_CN,
    DATE_LINE,
    DOC_NUMBER,
    EMAIL,
    MASTHEAD_WORD,
    NEWS_LEAD_ISSUER,
    OWN_DOC_NUMBER_LINE,
    PHONE,
    PHONE_LABEL,
    PRINTED_DATE_LINE,
    RECIPIENT_LABEL,
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
# Shortest heading-like title ("讲话" alone is not a title).
MIN_TITLE_CHARS = 4
# Lines after the title where the 主送 line may sit (a repeated title or 文号 can come between).
RECIPIENT_LOOKAHEAD = 4
# A 主送 line is a list, not a paragraph.
MAX_RECIPIENT_LINE = 200
# An organisation line of a masthead or signature block is short.
MAX_ORG_LINE = 60
# Lines after 联系人 searched for its phone and e-mail.
CONTACT_LOOKAHEAD = 4
# Longest attachment name kept.
MAX_ATTACHMENT_CHARS = 80

_CN_DIGITS = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
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
    for m in re.finditer(r"[^\n]+", text):
        cells = [c for c in m.group(0).split("\t") if c.strip()]
        if len(cells) == 1:
            out.append(Line(len(out), m.start(), m.end(), cells[0].strip()))
        elif len(cells) > 1:
            out.append(Line(len(out), m.start(), m.end(), m.group(0)))
    return out


# --------------------------------------------------------------------------- values


def cn_number(s: str) -> int | None:
    """Arabic or Chinese numeral as written in dates: 2012, 二〇一二, 十四, 二十八."""
    if s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGITS.get(tens, -1) if tens else 1
        o = _CN_DIGITS.get(ones, -1) if ones else 0
        return None if t < 0 or o < 0 else t * 10 + o
    digits = [_CN_DIGITS.get(ch) for ch in s]
    if any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


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
    )


@dataclass(slots=True)
class TitleHit:
    first: int  # index of the title's first line
    last: int  # index of its last line (a title broken over two lines)
    text: str


def find_title(lines: list[Line]) -> TitleHit | None:
    """The 关于…的通知 line (joined when broken over two lines), else the first heading-like line."""
    vp = vocab_patterns()
    for i, line in enumerate(lines[:HEADER_LINES]):
        if SENTENCE_END.search(line.text) or len(line.text) > MAX_TITLE_CHARS or "\t" in line.text:
            continue
        if vp.title_line.fullmatch(line.text):
            return TitleHit(i, i, line.text)
        if "关于" in line.text and i + 1 < len(lines):
            joined = line.text + lines[i + 1].text
            if len(joined) <= MAX_TITLE_CHARS and vp.title_line.fullmatch(joined):
                return TitleHit(i, i + 1, joined)
    for i, line in enumerate(lines[:TITLE_SEARCH_LINES]):
        if _is_heading_like(line):
            return _extend_title(lines, TitleHit(i, i, line.text))
    return None


def _extend_title(lines: list[Line], hit: TitleHit) -> TitleHit:
    """Join the following heading-like lines until the title has its ending (…园区 / 建设评价导则)."""
    vp = vocab_patterns()
    while not vp.title_ending.search(hit.text) and hit.last + 1 < len(lines):
        nxt = lines[hit.last + 1]
        joined = hit.text + nxt.text
        if not _is_heading_like(nxt) or len(joined) > MAX_TITLE_CHARS or not vp.title_ending.search(joined):
            break
        hit = TitleHit(hit.first, hit.last + 1, joined)
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
        for piece in re.split(r"[、，,]", name):
            if not (vp.org_line.fullmatch(piece) and len(piece) <= MAX_ORG_LINE):
                return []
            names.append(piece)
    return names


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
    if title is None or "关于" not in title.text:
        return []
    line = lines[title.first]
    cut = line.text.find("关于")
    if cut <= 0:
        return []
    offset = line.start + doc.text[line.start : line.end].find(line.text)
    return org_names(doc, offset, offset + cut)


def _signature_issuers(doc: Document, lines: list[Line], date_idx: int | None) -> list[str]:
    names: list[str] = []
    i = (date_idx or 0) - 1
    while date_idx is not None and i >= 0:
        found = org_names(doc, lines[i].start, lines[i].end) if len(lines[i].text) <= MAX_ORG_LINE else []
        if not found:
            break
        names = found + names
        i -= 1
    return names


def _news_lead_issuers(lines: list[Line]) -> list[str]:
    vp = vocab_patterns()
    for line in lines[:HEADER_LINES]:
        for m in NEWS_LEAD_ISSUER.finditer(line.text):
            org = m.group("org")
            if vp.org_suffix.search(org) and vp.org_line.fullmatch(org):
                return [org]
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
    return list(dict.fromkeys(found))


# --------------------------------------------------------------------------- other fields


def find_doc_number(lines: list[Line]) -> str | None:
    """The 文号 alone on a header line (cited 文号 sit inside sentences and are ignored)."""
    for line in lines[:HEADER_LINES]:
        m = OWN_DOC_NUMBER_LINE.fullmatch(line.text)
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


def find_recipients(lines: list[Line], title: TitleHit | None) -> list[str]:
    """The 主送 line right after the title: "市直各部门：" -> ["市直各部门"]."""
    if title is None:
        candidates = lines[:HEADER_LINES]
    else:
        candidates = lines[title.last + 1 : title.last + 1 + RECIPIENT_LOOKAHEAD]
    for line in candidates:
        text = line.text
        if (title is not None and text == title.text) or OWN_DOC_NUMBER_LINE.fullmatch(text) or text in ("（本文有删减）", "(本文有删减)"):
            continue
        if RECIPIENT_LABEL.match(text) or (
            text.endswith(("：", ":")) and len(text) <= MAX_RECIPIENT_LINE
            and "。" not in text and outline_level(text) is None and "\t" not in text
            and not vocab_patterns().web_date_line.match(text)
        ):
            return split_recipients(text)
        if title is not None:
            return []  # the line after the title is not a 主送 line: there is none
    return []


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
    """Metadata of ``doc`` read from the layout of ``doc.text`` (front matter as last resort)."""
    lines = text_lines(doc.text)
    title = find_title(lines)
    date_idx, issue_date = find_issue_date(lines, title)
    return Metadata(
        title=title.text if title else (doc.front_matter.get("title") or None),
        doc_number=find_doc_number(lines),
        issuers=find_issuers(doc, lines, title, date_idx),
        issue_date=issue_date,
        recipients=find_recipients(lines, title),
        cited_documents=find_cited_documents(doc.text),
        attachments=find_attachments(lines),
        contacts=find_contacts(lines),
    )
