"""Character classes shared by the normalize steps (regex fragments, not compiled)."""

from __future__ import annotations

# CJK ideographs: unified, extension A, compatibility.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# CJK punctuation and full-width forms (、。〔〕《》：，（）…), curly quotes, dashes, ellipsis.
# \u3000 (the ideographic space) is deliberately NOT here: it is whitespace.
CJK_PUNCT = "\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014\u2015\u00b7"
# Horizontal whitespace that is not a tab (tabs separate table cells and must survive).
HSPACE = " \u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\ufeff"
