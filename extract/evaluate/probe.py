"""A probe over documents nobody annotated: what can be judged without gold.

For every document of a folder (the 163 bulk PDFs of ``../shared/corpora/bulk``):

* **failures** and their reasons, and seconds per page;
* **text quality** after normalize: lines broken mid-sentence left unjoined, whitespace runs
  left inside Chinese text, page furniture ("— 3 —", "第2页") left in the body;
* **fragment names**: department names a record gives that start inside a longer name
  ("设厅" of 住房和城乡建设厅), open with a function word, or are a lone character pair;
* **coverage**, as found / expected: every responsibility parenthetical or 牵头 / 由…负责
  clause yields a responsibility, every "到20XX年…(达到|下降|提高|控制在)…N" clause a target or a
  recorded reason why not, every "…前(报送|完成|提交)" clause a deadline.

The expectations are deliberately simple regexes: a miss they report is a place for a person
to look, not a verdict. ``make probe`` writes the report to ``benchmarks/probe.md``.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import Document, Span

# A line that ends in a Han character and is followed by one that starts with a Han character
# was joined wrongly only if it is long enough to be body text (titles and headings are short).
MIN_BROKEN_LINE_CHARS = 20
# Whitespace left between two Han characters ("推进 绿色") after normalize.
SPACE_RUN = re.compile(r"[\u4e00-\u9fff][ \t\u3000]+[\u4e00-\u9fff]")
SPACE_ONLY_RUN = re.compile(r"[\u4e00-\u9fff][ \u3000]+[\u4e00-\u9fff]")
# A page number or page label left in the body: "— 3 —" / "- 12 -" / "第 2 页" / "共 9 页".
FURNITURE_LINE = re.compile(r"^\s*(?:[-—－–]\s*\d{1,3}\s*[-—－–]|第\s*\d{1,3}\s*页(?:\s*共\s*\d{1,3}\s*页)?"
                            r"|\d{1,3}\s*/\s*\d{1,3})\s*$", re.M)
# A name that opens with a function word or punctuation cannot start at a name boundary.
BAD_NAME_START = re.compile(r"^[和及与、的等之在对向把将由从以为或并且，。；：]")
# Longest run of characters before a name that may belong to the same longer name.
NAME_CONTEXT_CHARS = 12
# A name opening with a determiner starts a name of its own even after another name
# ("各地区各有关部门" is two bodies, not a cut one).
DETERMINER_START = ("各", "全", "本", "我", "有关", "相关", "其他", "所有")
# A character before the name that ends a phrase rather than continues a name: a conjunction
# ("上市公司和发债企业"), a particle ("市政府成立了节能工作领导小组"), a copula or preposition
# ("由生态环境部", "委托第三方机构", "会同省财政厅"), an article number ("第四条广东省生态环境厅").
NOT_IN_NAME_BEFORE = "和及与、的或了是在为对向由经请被让将把从同托条款"
# Words before the name that end a phrase too: a verb that sets a body up ("省国资委成立省国资系统
# 碳达峰碳中和工作领导小组": the group's name starts after 成立) or names its role ("充分发挥市应对
# 气候变化领导小组的组织领导作用", "强化省碳达峰碳中和工作领导小组对…的领导"), or a two-character
# conjunction ("由合并后存续单位或者新设单位承继").
NOT_IN_NAME_BEFORE_WORDS = ("成立", "设立", "组建", "发挥", "强化", "或者", "以及")

SENTENCE = re.compile(r"[^。；;！!？?\n]+")
# （市发展改革委牵头，市财政局配合） / (各县区政府负责); 负责人 is a person, not a role word
# ("（…指定一名高级管理人员作为核查工作负责人…）" assigns nothing)
RESPONSIBILITY_PAREN = re.compile(r"[（(][^（）()\n]{2,300}?(?:牵头|负责(?!人)|配合)[^（）()\n]{0,200}[）)]")
# 由市生态环境局负责… / 市发展改革委牵头…; 牵头单位 / 牵头部门 / 牵头人 are nouns, a table's
# column header or an item of a list ("明确具体任务、工作措施、牵头单位…"), not a 牵头 clause
RESPONSIBILITY_CLAUSE = re.compile(r"由[^，,。；;：:\n（(]{2,30}?负责(?!人)|[^，,。；;：:\n（()）]{2,30}?牵头(?!单位|部门|人)")
# FORMAT v2: a body that a verb of encouraging or supporting acts on ("鼓励企业牵头") and anything
# under a prohibition ("负责人不得牵头") are no responsibility, so no record is expected there.
NOT_A_DUTY = re.compile(r"鼓励|支持|引导|推动|不得|严禁|禁止")
TARGET_CLAUSE = re.compile(r"到20\d{2}年[^。；;！!？?\n]*?(?:达到|下降|提高|控制在)[^。；;！!？?\n]*?\d")
DEADLINE_CLAUSE = re.compile(r"[^，,。；;！!？?\n]*?(?<!提)前(?:报送|完成|提交)")

PROBES = ("responsibilities", "targets", "deadlines")
# Characters of each sampled page printed for a person to read.
SAMPLE_CHARS = 700
# Every n-th document (in name order) has a page sampled in the report.
SAMPLE_EVERY = 40


@dataclass(slots=True)
class Coverage:
    """Expected places, and the ones a record (or a recorded reason) covers."""

    expected: int = 0
    found: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Coverage) -> None:
        self.expected += other.expected
        self.found += other.found
        self.misses += other.misses

    @property
    def ratio(self) -> float:
        return self.found / self.expected if self.expected else 1.0


@dataclass(slots=True)
class DocumentProbe:
    """What the probe judged on one file."""

    name: str
    pages: int = 0
    seconds: float = 0.0
    failure: str | None = None
    broken_lines: int = 0
    space_runs: int = 0
    furniture: int = 0
    fragments: list[str] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=lambda: {p: Coverage() for p in PROBES})
    sample: str = ""  # normalized text from the start of page 2 (page 1 for one-page files)


# ---------------------------------------------------------------------------- text quality


def count_broken_lines(text: str) -> int:
    """Body lines that end mid-sentence with the sentence going on on the next line."""
    from ..normalize.outline import outline_level

    lines = text.split("\n")
    n = 0
    for line, nxt in zip(lines, lines[1:], strict=False):
        if (len(line) >= MIN_BROKEN_LINE_CHARS and _is_han(line[-1]) and nxt and _is_han(nxt[0])
                and outline_level(nxt) is None):
            n += 1
    return n


def count_space_runs(text: str) -> int:
    """Whitespace runs between Han characters; on a table row (two tabs or more) a tab is a
    cell boundary, so only spaces count there."""
    return sum(len((SPACE_ONLY_RUN if line.count("\t") >= 2 else SPACE_RUN).findall(line))
               for line in text.split("\n"))


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# ---------------------------------------------------------------------------- fragment names


def record_names(doc: Document) -> set[str]:
    """Every department name the document's records give as written in their evidence.

    A name built by the prefix rule ("四川省经济和信息化厅、省发展改革委、科技厅" -> 省科技厅, FORMAT
    v2: prefixes inherit forward) is not in its evidence verbatim and is not judged here.
    """
    pairs = [(r.department, r.evidence) for r in doc.responsibilities]
    pairs += [(d.name, t.evidence) for t in doc.targets for d in t.departments]
    pairs += [(n, d.evidence) for d in doc.deadlines for n in d.responsible]
    return {name for name, evidence in pairs if name and name in evidence}


def fragment_reason(name: str, text: str, inside_longer: Callable[[str, int], bool]) -> str | None:
    """Why ``name`` is a fragment of a name, or None when it starts and ends where a name does."""
    if BAD_NAME_START.match(name):
        return "opens with a function word"
    if len(name) <= 2 and name.startswith(("设", "局", "厅", "委", "办")):
        return "a lone suffix"
    starts = [m.start() for m in re.finditer(re.escape(name), text)]
    if not name.startswith(DETERMINER_START) and starts and all(inside_longer(name, i) for i in starts):
        return "only ever written inside a longer name"
    return None


def _inside_longer_name(text: str) -> Callable[[str, int], bool]:
    """Whether the occurrence of a name at ``i`` is the tail of a longer recognised body."""
    from ..departments.recognizer import recognize

    def inside(name: str, i: int) -> bool:
        if i == 0 or not _is_han(text[i - 1]) or text[i - 1] in NOT_IN_NAME_BEFORE:
            return False
        if text.endswith(NOT_IN_NAME_BEFORE_WORDS, 0, i):
            return False
        lo = max(0, i - NAME_CONTEXT_CHARS)
        window = text[lo : i + len(name)]
        return any(m.end == len(window) and m.start < i - lo for m in recognize(window))

    return inside


# ---------------------------------------------------------------------------- coverage


def _covered(span: Span, spans: list[Span]) -> bool:
    return any(s < span[1] and span[0] < e for s, e in spans)


def _coverage(text: str, pattern: re.Pattern[str], spans: list[Span],
              exclude: re.Pattern[str] | None = None) -> Coverage:
    cov = Coverage()
    for m in pattern.finditer(text):
        if exclude is not None and exclude.search(m.group(0)):
            continue
        cov.expected += 1
        if _covered(m.span(), spans):
            cov.found += 1
        else:
            cov.misses.append(m.group(0)[:80])
    return cov


def _sentence_coverage(text: str, pattern: re.Pattern[str], spans: list[Span]) -> Coverage:
    """Coverage counted per sentence holding the pattern (a record anywhere in it counts)."""
    cov = Coverage()
    for s in SENTENCE.finditer(text):
        if pattern.search(s.group(0)):
            cov.expected += 1
            if _covered(s.span(), spans):
                cov.found += 1
            else:
                cov.misses.append(s.group(0)[:80])
    return cov


def coverage_of(doc: Document, target_reasons: list[Span] | None = None) -> dict[str, Coverage]:
    """The three coverage probes on one processed document."""
    text = doc.text
    resp = [r.span for r in doc.responsibilities]
    cov = {"responsibilities": _coverage(text, RESPONSIBILITY_PAREN, resp, NOT_A_DUTY)}
    masked = RESPONSIBILITY_PAREN.sub(lambda m: "　" * len(m.group(0)), text)
    cov["responsibilities"].add(_coverage(masked, RESPONSIBILITY_CLAUSE, resp, NOT_A_DUTY))
    cov["targets"] = _sentence_coverage(text, TARGET_CLAUSE, [t.span for t in doc.targets] + (target_reasons or []))
    cov["deadlines"] = _sentence_coverage(text, DEADLINE_CLAUSE, [d.span for d in doc.deadlines])
    return cov


# ---------------------------------------------------------------------------- one file, a folder


def probe_document(doc: Document) -> DocumentProbe:
    """Everything the probe judges on one processed document (no timing, no failure)."""
    out = DocumentProbe(name=Path(doc.source).name, pages=len(doc.raw_page_starts) or 1)
    text = doc.text
    out.broken_lines = count_broken_lines(text)
    out.space_runs = count_space_runs(text)
    out.furniture = len(FURNITURE_LINE.findall(text))
    inside = _inside_longer_name(text)
    for name in sorted(record_names(doc)):
        reason = fragment_reason(name, text, inside)
        if reason:
            out.fragments.append(f"{name} ({reason})")
    out.coverage = coverage_of(doc, _target_reasons(doc))
    out.sample = page_sample(doc)
    return out


def page_sample(doc: Document, page: int = 2) -> str:
    """Up to :data:`SAMPLE_CHARS` of normalized text from the start of ``page`` (else page 1)."""
    import bisect

    start = 0
    if len(doc.raw_page_starts) >= page:
        # offsets are non-decreasing: the first normalized index whose raw offset is on the page
        start = bisect.bisect_left(doc.offsets, doc.raw_page_starts[page - 1]) if doc.offsets else 0
    return doc.text[start : start + SAMPLE_CHARS]


def _target_reasons(doc: Document) -> list[Span]:
    """Spans where the target extractor recorded why a number is not a target, if it can say."""
    from .. import targets

    reasons = getattr(targets, "drop_reasons", None)
    if reasons is None:
        return []
    from ..settings import Settings

    return [span for span, _ in reasons(doc, Settings())]


def probe_file(path: Path) -> list[DocumentProbe]:
    """Process one file and probe each document in it; a failure is a probe with its reason."""
    from ..errors import ExtractError
    from ..pipeline import process_file

    t0 = time.perf_counter()
    try:
        docs = process_file(path)
    except ExtractError as e:
        return [DocumentProbe(name=path.name, seconds=time.perf_counter() - t0, failure=str(e))]
    except Exception as e:  # noqa: BLE001 - a crash is what the probe is there to find
        return [DocumentProbe(name=path.name, seconds=time.perf_counter() - t0,
                              failure=f"CRASH {type(e).__name__}: {e}")]
    seconds = time.perf_counter() - t0
    out = [probe_document(d) for d in docs]
    for p in out:
        p.seconds = seconds / max(1, len(out))
    return out


def probe_files(paths: Iterable[Path], workers: int = 1) -> list[DocumentProbe]:
    """Probe every file, in ``workers`` processes, in name order."""
    paths = sorted(paths)
    if workers <= 1:
        return [p for path in paths for p in probe_file(path)]
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers) as pool:
        return [p for probes in pool.map(probe_file, paths) for p in probes]


# ---------------------------------------------------------------------------- report


def totals(probes: list[DocumentProbe]) -> dict[str, Any]:
    """The figures the issue asks to drive: crashes, fragments, coverage per probe."""
    cov = {p: Coverage() for p in PROBES}
    for d in probes:
        for name, c in d.coverage.items():
            cov[name].add(c)
    pages = sum(d.pages for d in probes if not d.failure)
    seconds = sum(d.seconds for d in probes)
    return {
        "documents": len(probes),
        "failures": sum(1 for d in probes if d.failure),
        "crashes": sum(1 for d in probes if d.failure and d.failure.startswith("CRASH")),
        "pages": pages,
        "seconds_per_page": seconds / pages if pages else 0.0,
        "broken_lines": sum(d.broken_lines for d in probes),
        "space_runs": sum(d.space_runs for d in probes),
        "furniture": sum(d.furniture for d in probes),
        "fragments": sum(len(d.fragments) for d in probes),
        "coverage": {name: {"found": c.found, "expected": c.expected, "ratio": round(c.ratio, 3)}
                     for name, c in cov.items()},
    }


def format_report(probes: list[DocumentProbe], *, max_misses: int = 40) -> str:
    """The Markdown report: totals, failures, fragments, misses, one line per document."""
    t = totals(probes)
    cov = t["coverage"]
    lines = [
        "# Bulk probe", "",
        f"{t['documents']} documents, {t['pages']} pages, {t['seconds_per_page']:.3f} s per page "
        "(wall time of the whole pipeline per document, divided by its pages).", "",
        "| figure | value |", "|---|---|",
        f"| failures | {t['failures']} |", f"| crashes | {t['crashes']} |",
        f"| lines broken mid-sentence | {t['broken_lines']} |",
        f"| whitespace runs inside Chinese | {t['space_runs']} |",
        f"| page furniture lines in the body | {t['furniture']} |",
        f"| fragment department names | {t['fragments']} |",
    ]
    for name in PROBES:
        c = cov[name]
        lines.append(f"| coverage: {name} | {c['found']}/{c['expected']} = {c['ratio']:.3f} |")
    failures = [d for d in probes if d.failure]
    if failures:
        lines += ["", "## Failures", ""] + [f"- `{d.name}`: {d.failure}" for d in failures]
    frags = [(d.name, f) for d in probes for f in d.fragments]
    lines += ["", "## Fragment names", ""]
    lines += [f"- `{n}`: {f}" for n, f in frags] or ["none"]
    for name in PROBES:
        misses = [(d.name, m) for d in probes for m in d.coverage[name].misses]
        lines += ["", f"## Coverage misses: {name} ({len(misses)}, first {min(len(misses), max_misses)})", ""]
        lines += [f"- `{n}`: {m}" for n, m in misses[:max_misses]] or ["none"]
    lines += ["", "## Per document", "",
              "| document | pages | s/page | broken | spaces | furniture | fragments | resp | targets | deadlines |",
              "|---|---|---|---|---|---|---|---|---|---|"]
    for d in probes:
        if d.failure:
            lines.append(f"| {d.name} | - | - | failed: {d.failure[:60]} | | | | | | |")
            continue
        c = d.coverage
        lines.append(
            f"| {d.name} | {d.pages} | {d.seconds / max(1, d.pages):.2f} | {d.broken_lines} | {d.space_runs} | "
            f"{d.furniture} | {len(d.fragments)} | " + " | ".join(f"{c[p].found}/{c[p].expected}" for p in PROBES) + " |")
    lines += ["", "## Pages to read", ""]
    for d in [d for d in probes if not d.failure][::SAMPLE_EVERY]:
        lines += [f"### {d.name}", "", "```text", d.sample, "```", ""]
    return "\n".join(lines) + "\n"
