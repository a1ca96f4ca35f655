"""Fuzz inputs for ``process_bytes`` (issue 14), each a pure function of a seed.

Two families: real documents (the seeds, and PDF/DOCX/HTML/Markdown/JSON built from
them) mutated byte-wise, and generated Chinese policy text (targets, deadlines,
departments, brackets, scoring rows) in every text format.  ``check(data, name)`` runs
one input and returns None, or the crash site ``"ExcType at file:line"`` when something
other than a refusal (:class:`extract.errors.ExtractError`, not a StageError) escapes,
the output does not validate against the schema, or an evidence is not its span.

Used by tests/torture/test_fuzz.py (bounded, in CI) and by ``make fuzz`` (long runs:
``python tests/torture/fuzzgen.py N [JOBS]``).
"""

from __future__ import annotations

import functools
import io
import json
import random
import sys
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpora" / "seeds"
SCHEMA = ROOT / "schemas" / "document.schema.json"
# Fuzz inputs are small: throughput, not size, finds crash sites (size has its own limits).
MAX_SEED_CHARS = 3000

DEPARTMENTS = ["市发展改革委", "省生态环境厅", "县住房城乡建设局", "区工业和信息化局", "市财政局", "各区县人民政府"]
INDICATORS = ["单位地区生产总值能源消耗", "非化石能源消费比重", "新能源汽车比例", "PUE值(电能利用效率)",
              "“无废城市”建设", "城镇污水处理率", "出租汽车（含网约车）新能源汽车比例"]
UNITS = ["%", "万吨标准煤", "万千瓦", "个百分点", "亿元", "吨", "㎡", "辆"]
VERBS = ["下降", "提高到", "达到", "控制在", "不低于", "累计减少", "增长"]
QUALIFIERS = ["以上", "左右", "以内", "", "（含）", "）"]
OPENERS = ["到", "力争到", "至", "截至", "", "（一）", "1.", "一、", "“"]
DATES = ["2025年", "2025年底", "2030年前", "“十四五”期间", "2024年6月30日前", "每季度末", "每年12月底前"]
MARKS = list("（）()“”《》〔〕[]【】、，。；：") + ["\t", "\n", " ", "\u3000", "\ufeff", "\x00", "\ufffd"]


@functools.lru_cache(maxsize=1)
def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8")[:MAX_SEED_CHARS] for p in sorted(SEEDS.glob("*.txt"))]


def policy_text(rng: random.Random) -> str:
    """Generated notice text: title, outline headings, target and duty sentences, a table."""
    lines = [f"关于印发{rng.choice(INDICATORS)}工作方案的通知", f"{rng.choice(DEPARTMENTS)}〔{rng.randint(1990, 2040)}〕{rng.randint(0, 999)}号"]
    for _ in range(rng.randint(1, 12)):
        kind = rng.random()
        if kind < 0.5:
            value = rng.choice([str(rng.randint(0, 10**rng.randint(1, 8))), f"{rng.uniform(0, 100):.{rng.randint(0, 3)}f}",
                                "十三点五", "1.5万", "50%-60%", "-3"])
            lines.append(f"{rng.choice(OPENERS)}{rng.choice(DATES)}，{rng.choice(INDICATORS)}{rng.choice(VERBS)}"
                         f"{value}{rng.choice(UNITS)}{rng.choice(QUALIFIERS)}。（{rng.choice(DEPARTMENTS)}牵头，"
                         f"{rng.choice(DEPARTMENTS)}配合）")
        elif kind < 0.75:
            lines.append(f"{rng.choice(DEPARTMENTS)}负责，于{rng.choice(DATES)}报送{rng.choice(DEPARTMENTS)}。")
        elif kind < 0.9:
            lines.append("\t".join(rng.choice(["考核指标", "分值", "10", "5分", rng.choice(INDICATORS), ""])
                                   for _ in range(rng.randint(2, 5))))
        else:
            lines.append("".join(rng.choice(MARKS + list("甲乙丙0123456789年月日%")) for _ in range(rng.randint(1, 40))))
    return "\n".join(lines)


def _wrap(rng: random.Random, text: str) -> tuple[bytes, str]:
    """The text as one of the formats the pipeline reads."""
    fmt = rng.choice(["txt", "html", "md", "json", "jsonl", "txt-gb", "txt-big5", "utf16"])
    if fmt == "html":
        body = "".join(f"<{rng.choice(['p', 'div', 'td', 'b', 'span', 'li'])}>{line}" for line in text.splitlines())
        table = "<table><tr><td rowspan=2>指标</td><td colspan=3>目标</td></tr><tr><td>10</td></tr></table>"
        return f"<html><head><title>{text[:20]}</title></head><body>{body}{table}</body></html>".encode(), "x.html"
    if fmt == "md":
        title = rng.choice(["标题", "123", "!!binary bG8=", "[a, b]", "&a [*a]", "2021-02-30", "null", ""])
        return f"---\ntitle: {title}\ndate: 2021-05-01\n---\n# 一、总体要求\n\n{text}\n".encode(), "x.md"
    if fmt in ("json", "jsonl"):
        records = [{"title": rng.choice(["通知", 5, None, ["a"], {"b": 1}]), "content": part}
                   for part in text.split("\n\n") or [text]]
        if fmt == "json":
            return json.dumps(records if rng.random() < 0.5 else records[0], ensure_ascii=False).encode(), "x.json"
        return "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode(), "x.jsonl"
    if fmt == "txt-gb":
        return text.encode("gb18030", errors="replace"), "x.txt"
    if fmt == "txt-big5":
        return text.encode("big5", errors="replace"), "x.txt"
    if fmt == "utf16":
        return text.encode("utf-16"), "x.txt"
    return text.encode(), "x.txt"


@functools.lru_cache(maxsize=1)
def container_samples() -> list[tuple[bytes, str]]:
    """Real PDF and DOCX files built from seed sentences (built once per process)."""
    import docx
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    lines = [line for line in seed_texts()[3].splitlines() if line.strip()][:20]
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)
    c.setFont("STSong-Light", 10)
    for i, line in enumerate(lines):
        c.drawString(40, 800 - 14 * i, line[:50])
    c.showPage()
    c.save()
    pdf = buf.getvalue()
    d = docx.Document()
    for line in lines[:10]:
        d.add_paragraph(line)
    t = d.add_table(rows=2, cols=3)
    for r in range(2):
        for col in range(3):
            t.cell(r, col).text = ["指标", "目标", "分值", "能耗", "13.5%", "10"][r * 3 + col]
    buf = io.BytesIO()
    d.save(buf)
    return [(pdf, "x.pdf"), (buf.getvalue(), "x.docx")]


def mutate(rng: random.Random, data: bytes) -> bytes:
    """A few byte-level mutations: flips, inserts, deletes, duplicated or swapped slices."""
    b = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not b:
            b.extend(rng.randbytes(rng.randint(1, 8)))
            continue
        i = rng.randrange(len(b))
        op = rng.random()
        if op < 0.3:
            b[i] = rng.randrange(256)
        elif op < 0.45:
            b[i:i] = rng.choice([rng.randbytes(rng.randint(1, 6)), "（".encode(), "）".encode(), b"<", b"</b>",
                                 b"\xff", b"\x00", b"---\n", b"[", b"{", b"\r", b"\xe2\x80"])
        elif op < 0.6:
            del b[i:i + rng.randint(1, 16)]
        elif op < 0.75:
            j = rng.randrange(len(b))
            b[i:i] = b[j:j + rng.randint(1, 64)]
        elif op < 0.85:
            del b[i:]  # truncation
        else:
            j = rng.randrange(len(b))
            b[i], b[j] = b[j], b[i]
    return bytes(b)


def fuzz_input(seed: int) -> tuple[bytes, str]:
    """The input for ``seed``: a generated document, or a mutated real one."""
    rng = random.Random(seed)
    kind = rng.random()
    if kind < 0.35:
        return _wrap(rng, policy_text(rng))
    if kind < 0.8:
        data, name = _wrap(rng, rng.choice(seed_texts()))
    elif kind < 0.9:
        data, name = rng.choice(container_samples())
    else:
        data, name = _wrap(rng, policy_text(rng))
    return mutate(rng, data), rng.choice([name, name, "x.txt", "x.html", "x.md", "x.json", "x"])


@functools.lru_cache(maxsize=1)
def _validator():
    import jsonschema

    return jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=1)
def _fast_validator():
    """jsonschema-rs: a quarter of the fuzz time went to pure-Python validation.  It only
    says valid or not; the message of an invalid output still comes from jsonschema
    (tests/torture/test_fuzz.py checks the two agree)."""
    import jsonschema_rs

    return jsonschema_rs.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))


def schema_error(out: dict) -> str | None:
    """The first schema error of a document's output, or None when it validates."""
    if _fast_validator().is_valid(out):
        return None
    errors = sorted(_validator().iter_errors(out), key=str)
    if not errors:
        return "schema: jsonschema-rs and jsonschema disagree"
    return f"schema: {errors[0].message[:120]} at {'/'.join(map(str, errors[0].path))}"


def crash_site(e: BaseException) -> str:
    """``"ValueError at extract/ingest/x.py:42"``: the innermost frame inside extract/."""
    frames = traceback.extract_tb(e.__traceback__)
    while e.__cause__ is not None:  # a StageError: the bug is in its cause
        e = e.__cause__
        frames = traceback.extract_tb(e.__traceback__) or frames
    inside = [f for f in frames if "/extract/" in f.filename] or frames
    where = f"{Path(inside[-1].filename).relative_to(ROOT) if inside[-1].filename.startswith(str(ROOT)) else inside[-1].filename}:{inside[-1].lineno}" if inside else "?"
    return f"{type(e).__name__} at {where}"


def check(data: bytes, name: str) -> str | None:
    """None when ``process_bytes`` refused or succeeded properly, else the crash site."""
    from extract.errors import ExtractError, StageError
    from extract.pipeline import process_bytes

    try:
        docs = process_bytes(data, name)
    except StageError as e:  # a stage raised: a bug, reported under the stage's name
        return crash_site(e)
    except ExtractError:
        return None
    except Exception as e:  # noqa: BLE001 - this is what the fuzzer looks for
        return crash_site(e)
    for doc in docs:
        out = doc.to_dict(with_text=True)
        error = schema_error(out)
        if error:
            return error
        text = doc.text
        for kind in ("targets", "deadlines", "responsibilities"):
            for record in out[kind]:
                start, end = record["span"]
                if text[start:end] != record["evidence"]:
                    return f"evidence != span in {kind}"
    return None


def _run_range(args: tuple[int, int]) -> tuple[int, dict[str, tuple[int, int]]]:
    start, stop = args
    sites: dict[str, tuple[int, int]] = {}  # site -> (count, first seed)
    for seed in range(start, stop):
        data, name = fuzz_input(seed)
        site = check(data, name)
        if site:
            count, first = sites.get(site, (0, seed))
            sites[site] = (count + 1, first)
    return stop - start, sites


def main(argv: list[str]) -> int:
    """``fuzzgen.py N [JOBS] [START]``: run N inputs on JOBS processes, print rate and sites."""
    import logging
    import multiprocessing as mp
    import time

    logging.disable(logging.WARNING)
    n = int(argv[0]) if argv else 10_000
    jobs = int(argv[1]) if len(argv) > 1 else 2
    start = int(argv[2]) if len(argv) > 2 else 0
    chunk = 500
    ranges = [(s, min(s + chunk, start + n)) for s in range(start, start + n, chunk)]
    done = 0
    sites: dict[str, tuple[int, int]] = {}
    began = time.monotonic()
    with mp.get_context("fork").Pool(jobs, maxtasksperchild=20) as pool:
        for ran, found in pool.imap_unordered(_run_range, ranges):
            done += ran
            for site, (count, first) in found.items():
                if site not in sites:
                    print(f"NEW SITE {site} (seed {first})", flush=True)
                old = sites.get(site, (0, first))
                sites[site] = (old[0] + count, min(old[1], first))
            elapsed = time.monotonic() - began
            print(f"{done} inputs, {done / elapsed:.1f}/s, {len(sites)} crash sites", flush=True)
    for site, (count, first) in sorted(sites.items()):
        print(f"SITE {site}: {count} inputs, first seed {first}", flush=True)
    return 1 if sites else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main(sys.argv[1:]))
