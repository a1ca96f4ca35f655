"""Builders of the torture corpus (issue 14): every kind of bad, odd or hostile input,
generated deterministically by code, so no big or binary file lives in the repository.

``build_torture_corpus(root)`` writes the corpus and returns ``{relative name: expected}``
where expected is ``"ok"`` (a documents row) or a regex the one-line failure reason must
match.  The byte builders are importable one by one for the per-case regression tests.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import struct
import zipfile
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpora" / "seeds"
NOTICE = "关于印发节能减排实施方案的通知\n各区县人民政府：\n到2025年，全市单位地区生产总值能源消耗比2020年下降13.5%。\n市发展改革委牵头负责。\n"
MB = 1024 * 1024


# --------------------------------------------------------------------------- zips


def raw_zip(members: list[tuple[str, bytes, int, int]], version_needed: int = 20) -> bytes:
    """A zip built by hand from already-deflated members ``(name, deflated, crc, size)``.

    Writing it by hand lets a 1 GiB bomb be built from one 16 MiB compression (64 members
    sharing the same deflate stream) in a fraction of a second, and lets a header claim a
    zip version that zipfile refuses ("version 6.8").
    """
    out = io.BytesIO()
    central = io.BytesIO()
    for name, deflated, crc, size in members:
        raw_name = name.encode()
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, version_needed, 0, 8, 0, 0, crc,
                              len(deflated), size, len(raw_name), 0))
        out.write(raw_name)
        out.write(deflated)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, version_needed, version_needed, 0, 8, 0, 0,
                                  crc, len(deflated), size, len(raw_name), 0, 0, 0, 0, 0, offset))
        central.write(raw_name)
    cd = central.getvalue()
    start = out.tell()
    out.write(cd)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(cd), start, 0))
    return out.getvalue()


def deflated(data: bytes) -> tuple[bytes, int, int]:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush(), zlib.crc32(data), len(data)


def zip_bomb(total: int = 1024 * MB, part: int = 16 * MB) -> bytes:
    """A DOCX-looking zip inflating to ``total`` bytes of zeros (64 x 16 MiB members)."""
    z = deflated(b"\0" * part)
    members = [("word/document.xml", *z)] + [(f"word/media/part{i}.bin", *z) for i in range(total // part - 1)]
    return raw_zip(members)


def zip_version_68() -> bytes:
    """A zip whose directory says it needs zip version 6.8 (zipfile: NotImplementedError)."""
    return raw_zip([("word/document.xml", *deflated(b"<w:document/>"))], version_needed=68)


# --------------------------------------------------------------------------- docx


def docx_bytes(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def docx_with_document_xml(edit) -> bytes:
    """A real DOCX whose word/document.xml is rewritten by ``edit(xml bytes) -> bytes``."""
    src = zipfile.ZipFile(io.BytesIO(docx_bytes(NOTICE.splitlines(), [["指标", "目标"], ["能耗", "13.5%"]])))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "word/document.xml":
                data = edit(data)
            out.writestr(info.filename, data)
    return buf.getvalue()


def docx_grid_span(value: str) -> bytes:
    """A DOCX whose first table cell has ``<w:gridSpan w:val=value>``."""
    def edit(xml: bytes) -> bytes:
        return xml.replace(b"<w:tcPr>", f'<w:tcPr><w:gridSpan w:val="{value}"/>'.encode(), 1)
    return docx_with_document_xml(edit)


def docx_million_paragraphs(n: int = 2_000_000) -> bytes:
    def edit(xml: bytes) -> bytes:
        return xml.replace(b"</w:body>", b"<w:p/>" * n + b"</w:body>", 1)
    return docx_with_document_xml(edit)


def docx_million_runs(n: int = 5_000_000) -> bytes:
    """One paragraph of millions of runs: ~110 MB of XML, under max_decompressed_bytes,
    that lxml would turn into GBs of tree."""
    def edit(xml: bytes) -> bytes:
        return xml.replace(b"</w:body>", b"<w:p>" + b"<w:r><w:t>x</w:t></w:r>" * n + b"</w:p></w:body>", 1)
    return docx_with_document_xml(edit)


# --------------------------------------------------------------------------- pdf


def pdf_bytes(lines: list[str], *, encrypt: str | None = None, text: bool = True) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt, invariant=1)
    if text:
        c.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            c.drawString(72, 760 - 18 * i, line)
    else:  # a "scan": a full-page grey picture drawn as shapes, no text layer
        c.setFillGray(0.5)
        c.rect(0, 0, 612, 792, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------- text


def mixed_halves() -> bytes:
    """An HTML page whose template is UTF-8 and whose article was pasted in as GB18030."""
    head = "<html><head><title>节能减排实施方案</title></head><body>\n<p>关于印发节能减排实施方案的通知</p>\n".encode()
    body = "<p>到2025年，全市单位地区生产总值能源消耗比2020年下降13.5%。</p>\n<p>市发展改革委牵头负责。</p>\n"
    return head + body.encode("gb18030") + "<p>联系人：张三</p></body></html>\n".encode()


def deep_inline_html(n: int = 60_000) -> bytes:
    """Thousands of unclosed inline tags with distinct attributes, then block tags: a
    parser reconstructs every open formatting element in each block (quadratic, GBs)."""
    return ("<html><body>" + "".join(f'<b class="c{i}"><i>' for i in range(n))
            + "<p>到2025年能耗下降13.5%。</p>" * 200 + "</body></html>").encode()


def deep_json(n: int = 100_000) -> bytes:
    return b"[" * n + b"]" * n


def front_matter_md(yaml_lines: str) -> bytes:
    return f"---\n{yaml_lines}\n---\n{NOTICE}".encode()


# --------------------------------------------------------------------------- the corpus


def _encoding_of(name: str) -> str:
    return {"enc/gb18030.txt": "gb18030", "enc/big5.txt": "big5", "enc/utf16_bom.txt": "utf-16-le"}.get(name, "utf-8")



def build_torture_corpus(root: Path, *, big: bool = True) -> dict[str, str]:
    """Write the corpus under ``root``; ``{relative path: "ok" | reason regex}``."""
    expected: dict[str, str] = {}

    def put(name: str, data: bytes, expect: str) -> None:
        if expect == "ok" and not name.startswith("seeds/") and name.endswith((".txt", ".md")):
            data += f"\n本文件：{name}。\n".encode(_encoding_of(name))  # distinct bytes: no copy is skipped
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[name] = expect

    for seed in sorted(SEEDS.glob("*.txt")):
        put(f"seeds/{seed.name}", seed.read_bytes(), "ok")
    notice = NOTICE.encode()
    # empty, truncated, binary, wrong containers
    put("bad/empty.txt", b"", "empty file")
    put("bad/whitespace.txt", b" \n\t\n", "no text")
    put("bad/binary.txt", b"\x00\x01\x02PK\x00\x00" * 200, "binary content")
    put("bad/undecodable.txt", b"\x81\xfe\x80\xff" * 20, "not decodable")
    put("bad/not_a_zip.docx", "这不是一个DOCX文件".encode(), "not a DOCX")
    put("bad/legacy.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "legacy OLE")
    put("bad/zip_without_word.docx", raw_zip([("a.txt", *deflated(b"hello"))]), "without word/document.xml")
    put("bad/truncated.docx", docx_bytes(NOTICE.splitlines())[:700], "corrupt")
    # PDFs
    put("pdf/empty.pdf", b"", "empty file")
    put("pdf/truncated.pdf", pdf_bytes(["到2025年能耗下降13.5%"])[:300], "truncated or corrupt PDF|no text layer")
    put("pdf/encrypted.pdf", pdf_bytes(["到2025年能耗下降13.5%"], encrypt="secret"), "^encrypted PDF")
    put("pdf/scanned.pdf", pdf_bytes([], text=False), "no text layer")
    put("pdf/good.pdf", pdf_bytes(NOTICE.splitlines()), "ok")
    put("pdf/not_a_pdf.pdf", notice + b"PDF", "not a PDF")
    # encodings
    put("enc/gb18030.txt", NOTICE.encode("gb18030"), "ok")
    put("enc/big5.txt", "關於印發節能減排實施方案的通知\n到2025年，全市單位地區生產總值能源消耗比2020年下降13.5%。\n".encode("big5"), "ok")
    put("enc/utf16_bom.txt", NOTICE.encode("utf-16"), "ok")
    put("enc/utf8_bom.txt", b"\xef\xbb\xbf" + notice, "ok")
    put("enc/one_bad_byte.txt", notice * 5 + b"\xff" + notice * 5, "ok")
    put("enc/mixed_halves.html", mixed_halves(), "ok")
    put("enc/declared_wrong.html", b'<meta charset="big5"><p>' + notice + b"</p>", "ok")
    # crashes inside stages (issue 14's list)
    put("crash/pi_no_name.html", b"\x83\xbd<?d>", "ok")
    put("crash/pi_in_page.html", b"<html><body><?d><p>" + notice + b"</p></body></html>", "ok")
    put("crash/binary_title.md", front_matter_md("e:\ntitle: !!binary bG8=\n1:"), "ok")
    put("crash/recursive_alias.md", front_matter_md("title: &a [*a]"), "ok")
    put("crash/invalid_date.md", front_matter_md("title: 方案\ndate: 2021-13-45"), "ok")
    put("crash/huge_int.md", front_matter_md("title: " + "9" * 5000), "ok")
    put("crash/deep_yaml.md", front_matter_md("title: " + "[" * 3000 + "]" * 3000), "ok")
    put("crash/deep.json", deep_json(), "nested too deeply")
    put("crash/deep_markdown.md", ("> " * 3000 + "到2025年能耗下降13.5%。\n" + "- " * 3000 + "节能\n").encode(), "ok")
    put("crash/deep_html_in_md.md", ("---\ntitle: x\n---\n" + "<div>" * 950 + "到2025年能耗下降13.5%。" + "</div>" * 950).encode(), "ok")
    put("crash/gridspan_bad.docx", docx_grid_span("x"), "ok")
    put("crash/gridspan_huge.docx", docx_grid_span("999999999"), "ok")
    put("crash/zip_version_68.docx", zip_version_68(), "unsupported zip container")
    put("crash/brackets.txt", "到2025年，甲）乙）新能源汽车比例达到50%以上。\n".encode() + notice, "ok")
    put("crash/title_int.json", b'{"title": 123, "content": "' + NOTICE.replace("\n", "\\n").encode() + b'"}', "ok")
    # salvage
    jsonl = [f'{{"title": "通知{i}", "content": "到202{i}年能耗下降{i}%。市发展改革委牵头负责。"}}' for i in range(6)]
    put("salvage/one_bad_line.jsonl", "\n".join([jsonl[0], "{broken", jsonl[1]]).encode(), "ok")
    put("salvage/duplicates.jsonl", "\n".join([jsonl[2], jsonl[2], jsonl[3]]).encode(), "ok")
    put("salvage/deep_line.jsonl", "\n".join([jsonl[4], "[" * 100_000 + "]" * 100_000]).encode(), "ok")
    # limits
    put("limits/zip_bomb.docx", zip_bomb(), "max_decompressed_bytes")
    put("limits/million_paragraphs.docx", docx_million_paragraphs(), "max_nodes")
    if big:
        put("limits/million_runs.docx", docx_million_runs(), "too many DOCX XML elements")
    put("limits/deep_inline.html", deep_inline_html(), "max_nesting_depth")
    if big:
        put("limits/huge_page.html", ("<html><body>" + "<p>到2025年能耗下降13.5%。</p>" * (50 * MB // 40)
                                      + "</body></html>").encode(), "max_nodes")
        put("limits/huge_line.txt", ("到2025年能耗下降13.5%，" * (50 * MB // 30)).encode(), "max_document_chars")
        put("limits/huge_text_page.html", ("<html><body><pre>" + "节能减排，" * (10 * MB // 15)
                                           + "</pre></body></html>").encode(), "max_document_chars")
    # odd names
    put("names/名称 有 空格.txt", notice, "ok")
    put("names/" + "长" * 80 + ".txt", notice, "ok")
    put("names/UPPER.TXT", notice, "ok")
    raw_name = os.fsencode(root / "names") + b"/\xff\xfe\xb2\xbb.txt"
    with open(raw_name, "wb") as f:
        f.write(notice + "非UTF-8文件名。".encode())
    expected["names/\\xff\\xfe\\xb2\\xbb.txt"] = "ok"
    # not regular files: recorded, never opened
    odd = root / "odd"
    odd.mkdir()
    os.symlink("loop.txt", odd / "loop.txt")
    expected["odd/loop.txt"] = "symlink loop"
    os.symlink("loop_b.txt", odd / "loop_a.txt")
    os.symlink("loop_a.txt", odd / "loop_b.txt")
    expected["odd/loop_a.txt"] = expected["odd/loop_b.txt"] = "symlink loop"
    os.symlink("/dev/zero", odd / "zero.txt")
    expected["odd/zero.txt"] = "character device"
    os.symlink("nowhere.txt", odd / "dangling.txt")
    expected["odd/dangling.txt"] = "broken symlink"
    os.mkfifo(odd / "pipe.txt")
    expected["odd/pipe.txt"] = "FIFO"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.bind(str(odd / "sock.txt"))
        expected["odd/sock.txt"] = "socket"
    except OSError:  # a path too long for AF_UNIX: the socket case is then left out
        pass
    finally:
        sock.close()
    os.symlink(root / "seeds", odd / "seeds_link")  # a folder link is not followed (no loops)
    os.symlink("..", odd / "up")  # a directory loop
    return expected


@pytest.fixture(scope="session")
def torture_corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("torture") / "corpus"
    root.mkdir()
    expected = build_torture_corpus(root)
    yield root, expected
    shutil.rmtree(root, ignore_errors=True)
