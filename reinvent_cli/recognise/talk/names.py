"""People's names: whether a short text is shaped like one or a few persons' names, and a name cleaned up."""

from __future__ import annotations

import re
from functools import lru_cache

from reinvent_cli.lexicon import (
    EVENT_WORDS,
    GROUP_TALK_WORDS,
    HONORIFICS,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    NOT_CJK_NAMES,
    ORG_WORDS,
    TALK_WORDS,
    TITLE_WORDS,
    WEEKDAYS,
)
from reinvent_cli.lexicon import (
    NOT_NAMES as _NOT_NAMES,
)
from reinvent_cli.lexicon import (
    ROLE_WORDS as _ROLE_WORDS,
)

# Weekdays as words ("Keynote - Wednesday" names no one); not the short forms that are surnames ("Sun").
_DAY_WORDS = frozenset(w for w in WEEKDAYS if len(w) > 3) | {"wed", "thu", "thur", "thurs", "tue", "tues", "fri"}


# Language words are no names in "(English)" asides, but are given names too ("German Velasco").
_LANGUAGES = frozenset({"english", "german", "french", "spanish"})


@lru_cache(maxsize=1)
def _cjk_name() -> re.Pattern[str]:
    """"王磊", "佐藤 健一" (family name, a space, given name), "リー・ウェイ". Compiled on first use (~3 ms: its
    big character sets), for names with katakana or CJK letters only."""
    han = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"  # (with the compatibility ideographs of names: "髙﨑")
    return re.compile(rf"{han}{{2,4}}|{han}{{1,3}} {han}{{1,3}}"
                      r"|[\u30a0-\u30ff]{2,8}(?:・[\u30a0-\u30ff]{2,8})?"
                      r"|[\uac00-\ud7a3]{3}")  # (a Korean name: a family name and two syllables, "김민수")


# Words of the lexicon shaped like a CJK, katakana or Korean name: talks, sessions, speakers, events, reports.
_NOT_CJK_NAMES = frozenset(w for w in (*GROUP_TALK_WORDS, *"|".join((TALK_WORDS, EVENT_WORDS)).split("|"))
                           if w and max(w) >= "\u30a0") | frozenset(NOT_CJK_NAMES)

# Where a label could pass for a name, unspaced Han or Hangul names ("张伟", "김민수") are told from words ("视频回顾",
# "데이터") by a common family name first (surely_person); spaced ones ("山田 太郎") by their shape alone.
_HAN_FAMILY = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董袁潘于蒋蔣"
    "蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶"
    "黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷"
    "詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌毕畢单單季裴霍涂成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑"
    "华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党宫宮费費卜冷晏"
    "席卫衛米柏宗瞿桂全佟应應臧闵閔苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺")
_HANGUL_FAMILY = frozenset("김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용예경봉사부")


def surely_person(text: str) -> bool:
    """``is_person``, and an unspaced Han or Hangul name opens with a common family name (where a label would
    pass for a name: "**个人介绍**：...")."""
    if not is_person(text):
        return False
    name = clean_name(text)
    if " " in name or "・" in name or not ("\u3400" <= name[0] <= "\u9fff" or "\uac00" <= name[0] <= "\ud7a3"):
        return True
    return name[0] in _HAN_FAMILY or name[0] in _HANGUL_FAMILY


_BAD_CHARS = frozenset("/@:#!?=+<>[]{}|*_~`$%^;\\")


def clean_name(text: str) -> str:
    """A name without an honorific ("Dr."), a degree ("Ph.D."), surrounding punctuation or emphasis."""
    words = text.strip(" \t.,;:*_-–—").split()
    while words and words[0].lower() in HONORIFICS:
        words = words[1:]
    while words and words[-1].lower().rstrip(",") in NAME_SUFFIXES:
        words = words[:-1]
    return " ".join(words).strip(" ,")


def _name_word(word: str, first: bool) -> bool:
    low = word.lower()
    if not first and low in NAME_PARTICLES:
        return True
    bare = word.strip("\"“”'‘’()")
    if not bare or any(c.isdigit() or c in _BAD_CHARS for c in bare):
        return False
    if bare != word and word[:1] in "\"“'‘(":  # a nickname: Yukihiro "Matz" Matsumoto
        return not first and bare[:1].isupper()
    if not bare[:1].isupper():
        return False
    letters = bare.replace(".", "").replace("-", "").replace("'", "").replace("’", "")
    if len(letters) > 1 and letters.isupper() and "." not in bare:
        return False  # AWS, SRE, ICO: acronyms, not names (initials have dots: "J.R.")
    key = bare.lower().rstrip(".")
    if "-" in key and any(x in ORG_WORDS or x in _ROLE_WORDS for x in key.split("-")):
        return False  # "Core-Team", "Co-Founder": an organisation's or a job's word, hyphenated
    return (key not in _NOT_NAMES or key in _LANGUAGES) and key not in TITLE_WORDS and key not in ORG_WORDS and key not in _DAY_WORDS and key not in _ROLE_WORDS


@lru_cache(maxsize=8192)  # (pure, on short texts: a file asks of the same words again and again)
def is_person(text: str, min_words: int = 2) -> bool:
    """"Jane Doe", "Karen M. Sandler", "Yukihiro "Matz" Matsumoto", "Dr. Greg Colvin", "Ursula von der
    Leyen": capitalised words (2-5, or ``min_words``), no digits, no title words; "張三" in CJK."""
    name = clean_name(text)
    if name[:1] in "\"“'‘" and name[-1:] in "\"”'’":
        return False  # '"Programmer"': a quoted word is a nickname or a joke, not the name
    if name and max(name) >= "\u30a0" and _cjk_name().fullmatch(name):  # (a katakana, CJK or Hangul letter in it)
        return name not in _NOT_CJK_NAMES
    words = name.split()
    if not min_words <= len(words) <= 5 or len(name) > 50:
        return False
    if words[-1].lower() in NAME_PARTICLES:
        return False
    return all(_name_word(w, i == 0) for i, w in enumerate(words))
