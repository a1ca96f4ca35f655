"""Remove pinyin annotations scraped pages insert after characters: 節(jié)能 -> 節能.

Only ASCII-parenthesised latin syllables carrying a tone mark (or ü) directly after a
Han character count: real parentheses such as (见附件), (DB14/T2001-2020), (20分) or
（一） never match.
"""

from __future__ import annotations

import re

from .chars import HAN
from .mapped import MappedText

# Vowels with pinyin tone marks (precomposed) and ü; combining marks U+0300-U+036F too.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# 節(jié)  統(tǒng)  經(jīng)  — 1-6 letters, at least one toned vowel / ü.
PINYIN_NOTE = re.compile(
    rf"(?<=[{HAN}])\((?=[^)]*[{_TONED}\u0300-\u036f])[a-z{_TONED}\u0300-\u036f]{{1,8}}\)",
    re.IGNORECASE,
)


def remove_pinyin(mt: MappedText) -> MappedText:
    return mt.sub(PINYIN_NOTE, "")
