"""Launch lines beyond 'Announcing X': 'NEW - "X"', 'Announcement: X', 'X is now GA', 'the announcement of [X]',
'X (new)', launch words in Japanese, vendor-named items of a keynote recap; and launch headings in CJK."""

from __future__ import annotations

import re

from reinvent_cli.lexicon import (
    CJK_LAUNCH_HEADING,
    CJK_LAUNCH_VERBS,
    CJK_NOT_LAUNCHED,
    FEATURE_SENTENCE_WORDS,
    FIGURE_WORDS,
    LAUNCH_LABELS,
    LAUNCH_STATUS_TAIL,
    LEGEND_STATUS_WORDS,
    NAMED_PRODUCT_KINDS,
    NEW_LEAD_INS,
    NEW_PRODUCT_NOUNS,
    NOT_PRODUCT_LEADS,
    NOT_VERSIONED_WORDS,
    PRODUCT_CATEGORY_WORDS,
    PROSE_NOT_SUBJECT,
    RECAP_OTHER_SECTIONS,
    RECAP_OTHER_SECTIONS_CJK,
    STATUS_MARKS,
    VENDORS,
)
from reinvent_cli.recognise.launch.launch_prose import event_subject, may_be_prose_launch
from reinvent_cli.recognise.text.patterns import pattern

# 'NEW - "DynamoDB On Demand"', 'New: X', 'Launch: X', 'Neu: X', 'Nouveauté : X', 'Announcement: X',
# 'HiddenLayer Announcement: X', '新功能：X' (a lead-in word, a separator, then the name).
_LEAD_IN_SEP = r"\s*(?:[:：]|\s[-–—]|-(?=\s)|!)"
_LEAD_IN = pattern(rf"^(?:[\w.-]+\s+)?(?:{NEW_LEAD_INS}){_LEAD_IN_SEP}\s*(?=\S)", re.IGNORECASE)


# "X is now GA", "X now generally available", "X now available in Y", "GA of X", "X: General Availability".
_NOW = r"now\s+(?:\[)?(?:ga|generally\s+available|available|in\s+(?:public\s+)?preview|live|supported|supports)\b"
_GA = (r"general\s+availability\b", r"became\s+ga\b",
       # "Acme X is generally available", "X is in public preview", "X goes GA", "X enters preview"
       r"(?:is|are)\s+(?:generally\s+available|in\s+(?:public\s+|private\s+)?(?:preview|beta))\b"
       r"|(?:goes|went|hits|hit)\s+ga\b|enter(?:s|ed)\s+(?:public\s+|private\s+)?preview\b")
_NOW_GA = pattern(rf"\b{_NOW}|^ga\s+of\s|\b{_GA[0]}|\b{_GA[1]}|\b(?:{_GA[2]})", re.IGNORECASE)
_ARTICLE = pattern(r"^(?:the|a|an|our|this|its|their)\s+", re.IGNORECASE)


# Not a product: "Slides are now available", "The recording is now live".
_NOT_PRODUCT = pattern(r"^(?:the\s+|my\s+|our\s+|all\s+)?(?:slides?|video|recording|notes|deck|code|"
                          r"it|this|that|they|we|i|he|she|you)\b", re.IGNORECASE)


# "the announcement of [X](url)", "introduced [X](url)", "unveiled [X](url)": a launch verb, then a link.
_LINK_VERBS = r"(?:announcement\s+of|announced|announc(?:e|es|ing)|introduced|unveiled|released)"
_VERB_LINK = pattern(rf"\b{_LINK_VERBS}\s+(?:the\s+)?$", re.IGNORECASE)


# "Glacier Deep Archive (new)", "X [NEW]", "X (neu)", "X (nouveau)".
_NEW_MARK_WORDS = r"[(\[](?:new|neu|nouveau|nouvelle|nuevo|nueva|novo|nova|新)[)\]]"
_NEW_MARK = pattern(rf"{_NEW_MARK_WORDS}\s*$", re.IGNORECASE)


_CJK_VERB = pattern(CJK_LAUNCH_VERBS)


_VENDOR_ITEM = pattern(rf"^(?:{VENDORS})\s+[A-Z0-9][\w.+/-]*(?:\s+[A-Z0-9][\w.+/-]*){{0,5}}(?=[\s,;:]|$)")


_CJK_HEADING = pattern(CJK_LAUNCH_HEADING)


_LEAD_IN_MARKS = frozenset(":：-–—!")  # one of them is in every separator _LEAD_IN reads


def lead_in_launch(line: str) -> int | None:
    """Where the name starts in a lead-in launch line ('NEW - "X"', 'Announcement: X'), or None."""
    if not _LEAD_IN_MARKS.intersection(line):
        return None  # (the separator after the lead-in word is none of these: no need to match)
    m = _LEAD_IN.match(line.strip())
    if m is None:
        return None
    return len(line) - len(line.lstrip()) + m.end()


def ga_launch(line: str) -> bool:
    """A product said to be generally available or in preview now: "Azure AI Studio is now GA."."""
    text = line.strip()
    low = text.lower()
    if "now" not in low and "ga" not in low and "general" not in low and "preview" not in low and "beta" not in low:
        return False  # (_NOW_GA needs one of these words: no need to search)
    m = _NOW_GA.search(text)
    if m is None or len(text) > 200:
        return False
    if text[m.end():].lstrip()[:1] == "?":
        return False  # "HotReload (coming? now available?)": a question
    subject = text[:m.start()].strip()
    if m.group(0).lower().endswith("supports") and (":" in subject or m.group(0)[:1] != "n"):
        return False  # "Params array: Now supports X": a note on a feature ("Acme Ledger now supports X" is a launch)
    if not subject:
        return True  # "GA of X"
    if event_subject(subject):
        return False  # "OpenSearchCon 2022 is now available on YouTube": an event's recordings, no launch
    if not ((subject[:1].isupper() or subject[:1] == ".") and not _NOT_PRODUCT.match(subject)):
        return False
    name = _ARTICLE.sub("", subject)  # "The Acme Vault is now GA"; not "The feature is in beta" (no name)
    return bool(name) and (name[:1].isupper() or name[:1] in ".[`*\"“" or name[:1].isdigit() or not name[:1].isascii())


# "Azure OpenAI Batch Service: Reduced price announced.": a product, a colon, what was announced about it.
_SUBJECT_ANNOUNCED = pattern(r"^([A-Z.][^:]{2,60}):\s[^:]{0,120}\bannounced\.?$")


def announced_subject(line: str) -> str | None:
    """The product a "Product: something announced." line is about, or None."""
    if "announced" not in line:
        return None  # (no need to match)
    m = _SUBJECT_ANNOUNCED.match(line.strip())
    return m.group(1).strip() if m else None


# "Graviton4 and Trainium2 chips announced", "Acme Vault launched!", "Acme Edge officially released.": a
# headline, the product first, the launch verb last.
_HEADLINE = pattern(r"^(?P<name>(?:[A-Z0-9][\w.+#/-]*|[\w.+#/-]*[A-Z0-9][\w.+#/-]*)(?:\s+[\w.+#&/()-]+){0,7}?)\s+"
                    r"(?:(?:is|are|was|were|has\s+been|have\s+been|got|gets)\s+)?(?:officially\s+|finally\s+|just\s+)?"
                    r"(?i:announced|launched|unveiled|released)\s*[.!]?$")
# "Amazon S3 Express One Zone, a new storage class", "Acme Q - a brand-new assistant": a name, then what new thing
# it is.
_APPOSITION = pattern(r"^(?P<name>[A-Z0-9][\w.+#/-]*(?:\s+(?:[A-Z0-9][\w.+#/-]*|of|for|&|and)){0,7}?)\s*(?:,|\s[-–—:])\s*"
                      rf"(?:a|an|the)\s+(?:brand[- ])?new\s+(?:[\w-]+\s+){{0,2}}?(?:{NEW_PRODUCT_NOUNS})\b",
                      re.IGNORECASE)


_HEADLINE_END = pattern(r"(?:released|unveiled)\s*[.!]?\s*$", re.MULTILINE)
_APPOSITION_ANY = pattern(r"(?:,|\s[-–—:])\s*(?:a|an|the)\s+(?:brand[- ])?new\b")


def not_product(name: str) -> bool:
    """A name that is none of a product's: "Slides", "The recording", "It"."""
    return bool(_NOT_PRODUCT.match(name))


def headline_launch(line: str) -> str | None:
    """The product a headline says was announced or launched, its verb last ("Graviton4 and Trainium2 chips
    announced" -> "Graviton4 and Trainium2 chips"); not "It was announced", "The slides are released"."""
    text = line.strip()
    if len(text) > 160 or not text.rstrip(".! ").lower().endswith(("announced", "launched", "unveiled", "released")):
        return None
    m = _HEADLINE.match(text)
    if m is None or _NOT_PRODUCT.match(m.group("name")):
        return None
    words = m.group("name").lower().split()
    if words[0] in NOT_PRODUCT_LEADS or any(w in PROSE_NOT_SUBJECT for w in words):
        return None
    return _ARTICLE.sub("", m.group("name"))


def apposition_launch(line: str) -> str | None:
    """The product an item names before saying what new thing it is ("Amazon S3 Express One Zone, a new storage
    class" -> "Amazon S3 Express One Zone"), or None."""
    text = line.strip()
    if "new" not in text or len(text) > 300:
        return None
    m = _APPOSITION.match(text)
    if m is None or not m.group("name")[:1].isupper() and not m.group("name")[:1].isdigit() \
            or _NOT_PRODUCT.match(m.group("name")) or m.group("name").lower().split()[0] in PROSE_NOT_SUBJECT:
        return None
    return m.group("name")


def linked_launch(line: str, link_offset: int) -> bool:
    """A link right after a launch verb: "The announcement of [X](url)", "Kevin Scott introduced [NLWeb](url)"."""
    return bool(_VERB_LINK.search(line[max(0, link_offset - 40):link_offset]))  # (a bounded look back)


_STATUS_MARK = pattern(rf"\S\s*[(\[](?:{STATUS_MARKS})[)\]]\s*$", re.IGNORECASE)


_VERSION = pattern(r"^v?\d+(?:\.\d+)*$", re.IGNORECASE)


def status_marked(line: str) -> bool:
    """An item whose name ends with a launch status in brackets: "Acme Vault (preview)", "Acme Edge [GA]"."""
    text = line.strip()
    if len(text) > 200 or not text.endswith((")", "]")):
        return False
    m = _STATUS_MARK.search(text)
    if m is None:
        return False
    head = text[:m.start() + 1]
    # a product's name has a capital or another script ("Helio 5 (beta)"), not "v2.1 (beta)" (a version)
    return not _VERSION.match(head) and any(c.isupper() or not c.isascii() for c in head)


def marked_new(line: str) -> bool:
    """An item marked as new: "access firestore from the console (new)"."""
    text = line.strip()
    return text.endswith((")", "]")) and bool(_NEW_MARK.search(text))


_CJK_NOT_LAUNCHED = pattern(CJK_NOT_LAUNCHED)


def cjk_launch(line: str) -> bool:
    """A Japanese or Chinese line that says something was announced or released ("X を発表", "X 提供開始"), not
    results or figures ("PWA の結果を発表")."""
    if line.rstrip().endswith((":", "：")):
        return False  # "以下のような発表がありました：" leads into a list (of talks, or of launches), names none
    m = _CJK_VERB.search(line)
    if m is not None and not line[:m.start()].strip() and len(line.strip()) > 40:
        return False  # "发布流程…": the verb first only on an item's short line ("发布星海函数计算 Pro")
    return m is not None and not _CJK_NOT_LAUNCHED.search(line)


def cjk_launch_name(line: str) -> str:
    """The words before a Japanese or Chinese launch verb: "・cloud tpu を発表" -> "cloud tpu"."""
    m = _CJK_VERB.search(line)
    head = line[:m.start()] if m else line
    name = head.strip(" \t・、。:：").rstrip("をのがは ").strip(" ・")
    if not name and m is not None:  # "发布星海函数计算 Pro": the verb first, the name after it
        name = line[m.end():].strip(" \t・、。:：")
    return name or line.strip()


def vendor_item(line: str) -> str | None:
    """The product an item of a keynote recap names: "Amazon Rekognition Video 影片辨識" -> "Amazon
    Rekognition Video"; None for other items ("AWS has 100 services")."""
    m = _VENDOR_ITEM.match(line.strip())
    return m.group(0) if m else None


def cjk_launch_heading(title: str) -> bool:
    """A heading over launches in Japanese or Chinese: "新サービス", "新功能", "3. 新产品 & 新技术", "发布"."""
    return bool(_CJK_HEADING.search(title)) and len(title) <= 40


# A legend of marks: "✨ = new service", "🆕: launched this week", "⭐ – neu" (a mark that is no word, then
# a launch word). The items that carry the mark are launches.
_LEGEND = pattern(rf"^\s*([^\w\s]{{1,4}})\s*(?:=|:|[-–—]|means)\s*(?:a\s+|an\s+|brand\s+|in\s+)?"
                  rf"(?:{NEW_LEAD_INS}|{LEGEND_STATUS_WORDS})\b",
                     re.IGNORECASE)


def legend_mark(line: str) -> str | None:
    """The mark a legend line defines as "new" ("- ✨ = new service" -> "✨"), or None."""
    m = _LEGEND.match(line)
    return m.group(1) if m and m.group(1).strip("*_-.#>|:=()[]") else None


def marked_by(line: str, marks: set[str]) -> str | None:
    """The rest of an item that starts with (or ends with) a legend's mark: "✨ Acme Queue" -> "Acme Queue"."""
    text = line.strip()
    for mark in marks:
        if text.startswith(mark):
            return text[len(mark):].strip(" :-–—") or None
        if text.endswith(mark):
            return text[:-len(mark)].strip(" :-–—") or None
    return None



# "Preview:", "🚀 Launched:", "Neu angekündigt:", "発表：" (an optional mark, a label, a colon): alone on a line it
# leads a list of launches; before words, they are a launch's name ("GA: Acme Shield").
_LABEL_WORDS = rf"(?:{LAUNCH_LABELS})(?:\s*[(（][^()（）]{{1,20}}[)）])?\s*[:：]"  # ("Generally available (GA):")
_LABEL = pattern(rf"^(?:[^\w\s]{{1,4}}\s*)?{_LABEL_WORDS}\s*", re.IGNORECASE)


_STATUS_TAIL = pattern(LAUNCH_STATUS_TAIL, re.IGNORECASE)


def _label_at(text: str) -> re.Match[str] | None:
    """A launch label at the start of ``text`` (a bounded match: the label is short), or None."""
    head = text[:80]
    if ":" not in head and "：" not in head:
        return None  # (a label ends with a colon: no need to match)
    return _LABEL.match(head)


def launch_label(line: str) -> bool:
    """A line that is only a launch label: "Preview:", "Generally available:", "🚀 Lanzado:", "発表："."""
    text = line.strip()
    if len(text) > 60 or ":" not in text and "：" not in text:
        return False  # (a label ends with a colon)
    m = _LABEL.match(text)
    return m is not None and m.end() == len(text)


def label_heads_list(line: str) -> bool:
    """An item's line that leads its sub-list of launches: a label alone ("発表："), or a label and a lowercase
    description ("Preview: two new services")."""
    return launch_label(line) or _label_at(line.strip()) is not None and label_launch(line) is None


_NAME_LIKE = pattern(r"^[\"“'`*_\[]*[A-Z0-9\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af][^\n]{0,80}$")
# What makes a CJK item's head a sentence ("你可以现在抬手关闭计时器", "起動が速くなりました").
_CJK_SENTENCE = pattern(r"可以|能够|将会|已经|了|です|ます|できる|でした|しました|される|された"
                        r"|提升|倍|更快|降低|减少|改进|速くな|高速化|％|%")  # (and a figure: "推理速度提升 2 倍")
_CJK_FIRST = pattern(r"^[\"“'`*_\[「『]*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _name_like(text: str) -> bool:
    """An item's first line that reads as a name, short and capitalised ("Health Watch Dashboard", "PCF 2.0",
    "Riff - what it is"), not a sentence ("It runs on Azure.", "we saw a demo")."""
    first = split_name(text.strip().split("\n", 1)[0])
    return bool(_NAME_LIKE.match(first)) and len(first.split()) <= 8 and not first.endswith((".", ":", "：", "?"))


def split_name(text: str) -> str:
    """The part of an item before its description ("Riff - Pivotal's functions platform" -> "Riff")."""
    for sep in (": ", "：", " - ", " – ", " — "):
        at = text.find(sep)
        if at > 0:
            return text[:at]
    return text


_OTHER_SECTION = pattern(rf"(?<![\w-])(?:{RECAP_OTHER_SECTIONS})(?![\w-])|{RECAP_OTHER_SECTIONS_CJK}", re.IGNORECASE)


def recap_other_section(title: str) -> bool:
    """A launch recap's section that holds no launches: "WWDC 2018 Videos", "Design Award Winners", "About Acme"."""
    return len(title) <= 120 and bool(_OTHER_SECTION.search(title))


# A product and its version: "iOS 12", "Xcode 10", "Swift 4.2", "macOS 10.14 Mojave", "Helio v5" (not a year: "Apple
# Design Awards 2018"; not a count: "Top 10").
_VERSIONED = pattern(r"^(?P<name>(?:[A-Za-z\u3400-\u9fff][\w.+#-]*\s+){0,3}?[A-Za-z\u3400-\u9fff][\w.+#-]*(?:\s+|(?<=[\u3400-\u9fff]))v?(?!(?:19|20)\d\d\b)\d{1,2}(?:\.\d{1,3}){0,2}"
                     r"(?:\s+[A-Z][\w-]*)?)\s*$")


def versioned_product(title: str) -> str | None:
    """The release a recap's heading names ("## iOS 12" -> "iOS 12", "## OSX → macOS 10.14 Mojave" -> "macOS 10.14
    Mojave"), or None ("## Design", "## Apple Design Awards 2018", "## Top 10 moments")."""
    text = title.strip()
    for arrow in ("→", "->", "=>", "⇒"):
        text = text.rsplit(arrow, 1)[-1].strip()
    if len(text) > 60:
        return None
    m = _VERSIONED.match(text)
    if m is None or m.group("name").split()[0].lower() in NOT_VERSIONED_WORDS:
        return None
    return m.group("name")




def recap_feature(line: str) -> bool:
    """An item of a launch recap that names a feature: "Dark mode: supported by the system apps", "Continuity Camera",
    "Notarized App - Apple stamps the app"; not a sentence ("Parents can manage a child's device"), a figure ("2x faster
    launches", "% 30 smaller"), a plan ("Swift 5 is coming in 2019") or a lowercase remark."""
    text = line.strip()
    if not text or len(text) > 300:
        return False
    name = split_name(text)
    words = name.split()
    if name.count("[") != name.count("]") or name.count("(") != name.count(")"):
        return False  # "[[RFC: 0004]: Functions](url)": the name cut inside a link's text
    if _CJK_FIRST.match(name):  # (no spaces between words: a short name, with a description after it or alone)
        return _name_like(name) and len(name) <= (20 if name != text else 12) and not _CJK_SENTENCE.search(name)
    if not _name_like(name) or len(words) > 6 or not name[:1].isupper() and not name.startswith(("[", "*", "`")):
        return False
    if name == text and len(words) > 4:
        return False  # (no description after it: a short name alone, not a sentence of five words or more)
    low = [w.strip("`*_[]()").lower() for w in words]
    return not any(w in FEATURE_SENTENCE_WORDS for w in low[1:]) and not any(w in FIGURE_WORDS for w in low)






def umbrella(head: str, items: list[str]) -> bool:
    """Whether an item of a launch list is a family over its own launches: a bare name ("Pivotal Cloud Foundry",
    no description) over three or more items that read as names ("Health Watch Dashboard", "Support for Azure",
    "PCF 2.0"), not over details ("IDE agnostic", one line; "works offline", "it is fast.")."""
    name = head.strip().split("\n", 1)[0]
    if len(items) < 3 or split_name(name) != name or not _name_like(name) or len(name.split()) > 6:
        return False
    return sum(1 for x in items if _name_like(x)) * 3 >= len(items) * 2


def label_launch(line: str) -> int | None:
    """Where the name starts after a launch label ("🚀 Launched: Acme Forge — ..." -> at "Acme"), or None; not
    "🚀 Launched: later this year", "Released: 2019" (the name starts with a capital, a mark or another script)."""
    text = line.strip()
    m = _label_at(text)
    if m is None or m.end() == len(text):
        return None
    first = text[m.end()]
    if first.isascii() and (first.islower() or first.isdigit()):  # "Released: 2019"
        return None
    return len(line) - len(line.lstrip()) + m.end()


def strip_status(name: str) -> str:
    """A launch's name without the status after it: "Acme Observe 正式リリース（GA）" -> "Acme Observe"."""
    if len(name) > 200:
        return name
    return _STATUS_TAIL.sub("", name).strip() or name


_REMARK = pattern(r"^[a-z]+(?:\s+[a-z]+){2,}[.!]?$")


def remark(line: str) -> bool:
    """An item of lowercase words only, three or more ("finally out of beta", "works with more regions"): a
    remark about a launch, not one (a product has a capital, a digit or a mark somewhere)."""
    return len(line) <= 120 and bool(_REMARK.match(line.strip()))


# The announcement pass tries its line rules (launch_find.LINE_RULES) on every line of a block; what each rule
# needs in a line is searched once in the whole block instead: the rule's own pattern without its anchors and
# bounded context (so it finds at least what the rule does), in the block's lowered text after a "\n" (a
# rule at the start of a stripped line: after a "\n" and blanks). A miss proves no line names a launch.
_LINE_START_RULES = pattern(  # lead-ins, labels before a name, "GA of X"
    rf"\n\s*(?:(?:[\w.-]+\s+)?(?:{NEW_LEAD_INS}){_LEAD_IN_SEP}|(?:[^\w\s]{{1,4}}\s*)?{_LABEL_WORDS}|ga\s+of\s)")
_NOW_GA_ANYWHERE = pattern(rf"{_NOW}|{_GA[0]}|{_GA[1]}|{_GA[2]}")
_VERB_ANYWHERE = pattern(rf"{_LINK_VERBS}\s")
_NEW_MARK_ANYWHERE = pattern(rf"{_NEW_MARK_WORDS}|[(\[](?:{STATUS_MARKS})[)\]]")
# (cjk_launch reads the stripped line: the end its "$" stands for may be before blanks)
_CJK_VERB_ANYWHERE = pattern(CJK_LAUNCH_VERBS.replace("$", r"\s*$"), re.MULTILINE)
# What re.IGNORECASE matches to "i" or "s" that lower() does not turn into them ("ı", "ſ"), or lengthens ("İ").
FOLD_UNSAFE = frozenset("İıſ\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\u1c88")  # (and old Cyrillic forms: "ᲀ" is "в")
LAUNCH_FILTERS = (_LINE_START_RULES, _NOW_GA_ANYWHERE, _VERB_ANYWHERE, _NEW_MARK_ANYWHERE, _CJK_VERB_ANYWHERE)


def may_name_launch(text: str, links: bool = True) -> bool:
    """Whether some line of ``text`` (a block's flattened text; ``links``: whether it has any) may name a
    launch by a line rule; False proves that none does. (The patterns, lowercase, read the lowered text: but
    for FOLD_UNSAFE, what re.IGNORECASE matches to a lowercase letter lowers to it, one character for one.)"""
    if not text.isascii() and any(ch in text for ch in FOLD_UNSAFE):
        return True
    low = "\n" + text.lower()
    if "announc" in low or "launch" in low:  # 'Announcing X' (its own test), 'Product: X announced.'
        return True
    if _LINE_START_RULES.search(low):
        return True
    if ("now" in low or "general" in low or "became" in low or "preview" in low or " beta" in low
            or "s ga" in low or "t ga" in low) and _NOW_GA_ANYWHERE.search(low):  # ("goes/hits/went/hit ga")
        return True  # 'X is now GA'
    if links and _VERB_ANYWHERE.search(low):
        return True  # 'the announcement of [X](url)'
    if ("(" in low or "[" in low) and _NEW_MARK_ANYWHERE.search(low):
        return True  # 'X (new)'
    if may_be_prose_launch(low):
        return True  # 'we announced the X', 'X is a new service' (launch_prose)
    if ("released" in low or "unveiled" in low) and _HEADLINE_END.search(low):
        return True  # 'X and Y chips released' (headline_launch)
    if "new" in low and _APPOSITION_ANY.search(low):
        return True  # 'X, a new storage class' (apposition_launch)
    return not low.isascii() and _CJK_VERB_ANYWHERE.search(low) is not None  # (each verb has a CJK character)


def category_label(text: str) -> bool:
    """An item that only groups the launches under it by field ("Data", "Security", "Developer tools", "IoT & Edge
    devices" is not: "Edge" is a name), words of PRODUCT_CATEGORY_WORDS only."""
    words = [w.strip(":：*_") for w in text.strip().lower().replace("&", " ").replace("/", " ").split()]
    words = [w for w in words if w and w != "and"]
    return 0 < len(words) <= 4 and all(w in PRODUCT_CATEGORY_WORDS for w in words)


# "new Vitals app", "the new Passwords app", "TabletopKit API", "Acme Maps SDK": a name (capitalised words, or one word
# with a capital inside) and the kind of product it is, the whole item.
_NAMED_PRODUCT = pattern(rf"^(?:(?:the\s+|a\s+)?(?:all[- ]new|brand[- ]new|new)\s+)?(?P<name>[A-Z][\w.+-]*(?:\s+[A-Z][\w.+-]*){{0,3}}"
                         rf"\s+(?i:{NAMED_PRODUCT_KINDS}))\s*[.!]?$")
_NEW_LEAD = pattern(r"^(?:the\s+|a\s+)?(?:all[- ]new|brand[- ]new|new)\s", re.IGNORECASE)


def named_product(line: str) -> str | None:
    """The product an item of a keynote recap names with its kind ("new Vitals app" -> "Vitals app", "TabletopKit
    API" -> "TabletopKit API"): "new" before it, or a name with a capital inside ("TabletopKit"); None for a feature
    ("new filters", "Pause Activity rings", "Messages via satellite")."""
    text = line.strip()
    if len(text) > 80:
        return None
    m = _NAMED_PRODUCT.match(text)
    if m is None:
        return None
    name = m.group("name")
    first = name.split()[0]
    if _NEW_LEAD.match(text) or any(ch.isupper() for ch in first[1:]) and not first.isupper():
        return name
    return None
